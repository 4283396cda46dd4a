"""govqa's exceptions. Caught only in the CLI and the UI, where they become a plain message."""

from __future__ import annotations


class GovqaError(Exception):
    """Base of every error govqa raises on purpose; its message is meant for the user."""


class ConfigError(GovqaError):
    """A setting has a value govqa cannot use."""


class InvalidInput(GovqaError):
    """An argument sent to the web app or its API has a type or value govqa cannot use."""


class UnreadableFile(GovqaError):
    """A file cannot be read as a report (empty, binary, truncated, unknown type, too large)."""


class ScannedPdf(UnreadableFile):
    """A PDF with no text layer: it needs OCR before govqa can read it."""


class EncryptedPdf(UnreadableFile):
    """A password-protected PDF: govqa cannot open it without the password."""


class NoTables(GovqaError):
    """A text holds none of the three standard tables, so it is not an annual report govqa can use."""


class MissingIdentity(GovqaError):
    """The agency (发布机关) or the year a report covers cannot be read from it; the user has to give them."""

    def __init__(self, source: str, missing: str) -> None:
        super().__init__(
            f"{source}: the {missing} could not be read from the title, the signature or the file name; "
            f"give it with `govqa ingest --agency 机关全称 --year 年份 {source}` "
            "(in the web app: the 发布机关 and 年份 fields above the upload)")
        self.source = source
        self.missing = missing


class UnknownReport(GovqaError):
    """No ingested report matches the id, file name or agency given."""


class AmbiguousReport(UnknownReport):
    """A report reference (agency name, file name, id prefix) matches more than one ingested report."""


class UnknownAgency(GovqaError):
    """A question names an agency that no ingested report belongs to."""


class IndexModelMismatch(GovqaError):
    """The vector store was built with another embedding model; it must be re-indexed."""


class ModelUnavailable(GovqaError):
    """The embedding model cannot be loaded offline."""


class InvalidQuestionSet(GovqaError):
    """An evaluation question file has a line that is not valid JSON or misses a required field."""
