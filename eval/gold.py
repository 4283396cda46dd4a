"""Where a question's gold lives in the store: report files → stored reports, file spans → stored-text spans.

    >>> gold = Gold.build(reports, folders=[Path("../shared/corpus")])
    >>> gold.report("hebei_gxt_2021.txt").agency, gold.span(GoldSpan("hebei_gxt_2021.txt", 721, 762))

The stored text is normalised from the file (index/normalize.py: newlines, invisible characters, markdown), so a
file span is mapped by finding the slice's text in the stored text with whitespace ignored; when it occurs more
than once, the occurrence nearest the file offset wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from govqa.eval.questions import GoldSpan
from govqa.index.normalize import normalize_text

_SKIP = re.compile(r"\s|[*<>]")


@dataclass(frozen=True)
class StoredReport:
    """What the scorer needs of a stored report: its id, source file name, agency, year and stored text."""

    id: str
    source: str
    agency: str
    year: int | None
    text: str


@dataclass(frozen=True)
class StoredSpan:
    """A gold span mapped into a stored report's text."""

    report: StoredReport
    start: int
    end: int


def squeeze(text: str) -> tuple[str, list[int]]:
    """The text without whitespace (and markdown marks), with each kept character's offset in the original."""
    kept = [(i, ch) for i, ch in enumerate(text) if not _SKIP.fullmatch(ch)]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


@cache
def _squeezed(text: str) -> tuple[str, tuple[int, ...]]:
    flat, offsets = squeeze(text)
    return flat, tuple(offsets)


def locate(needle: str, text: str, *, near: int = 0) -> tuple[int, int] | None:
    """[start, end) of ``needle`` in ``text`` ignoring whitespace; the occurrence nearest ``near`` wins."""
    flat_needle, _ = squeeze(normalize_text(needle))
    if not flat_needle:
        return None
    flat, offsets = _squeezed(text)
    hits = []
    at = flat.find(flat_needle)
    while at >= 0:
        hits.append(at)
        at = flat.find(flat_needle, at + 1)
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(offsets[h] - near))
    return offsets[best], offsets[best + len(flat_needle) - 1] + 1


@dataclass
class Gold:
    """The stored reports by source file name, and the folders where the question sets' report files are."""

    reports: Sequence[StoredReport]
    folders: Sequence[Path] = ()
    _files: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def build(cls, reports: Iterable[StoredReport], *, folders: Iterable[Path] = ()) -> Gold:
        """A resolver over these reports; files are looked up in ``folders`` (files or directories)."""
        return cls(tuple(reports), tuple(folders))

    def report(self, file: str) -> StoredReport | None:
        """The stored report ingested from this file name (the newest id when several)."""
        name = Path(file).name
        matches = [r for r in self.reports if Path(r.source).name == name]
        return matches[-1] if matches else None

    def file_text(self, file: str) -> str | None:
        """The report file's text as read (utf-8, universal newlines), or None when no folder holds it."""
        name = Path(file).name
        if name not in self._files:
            self._files[name] = None
            for folder in self.folders:
                path = folder if folder.is_file() and folder.name == name else folder / name
                if path.is_file():
                    with open(path, encoding="utf-8") as fh:
                        self._files[name] = fh.read()
                    break
        return self._files[name]

    def span(self, span: GoldSpan) -> StoredSpan | None:
        """The gold span in the stored text of its report, or None when the report or the text cannot be found."""
        report, text = self.report(span.file), self.file_text(span.file)
        if report is None or text is None:
            return None
        found = locate(text[span.start:span.end], report.text, near=span.start)
        return None if found is None else StoredSpan(report, *found)
