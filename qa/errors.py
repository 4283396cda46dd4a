"""govqa's exceptions. Caught only in the CLI and the UI, where they become a plain message."""

from __future__ import annotations


class GovqaError(Exception):
    """Base of every error govqa raises on purpose; its message is meant for the user."""


class ConfigError(GovqaError):
    """A setting has a value govqa cannot use."""


class UnreadableFile(GovqaError):
    """A file cannot be read as a report (empty, binary, truncated, unknown type, too large)."""


class ScannedPdf(UnreadableFile):
    """A PDF with no text layer: it needs OCR before govqa can read it."""


class NoTables(GovqaError):
    """A text holds none of the three standard tables, so it is not an annual report govqa can use."""


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
