"""Versions of a report (same agency and year, other content): which one answers, what changed, how one is parked.

Every file that parses into a report is kept as a version; the store answers from one version per agency and
year (the active one). Pure helpers here; the store (index/store.py) does the SQL.

    >>> completeness(cells=198, unsure=0) > completeness(cells=15, unsure=0)
    True
    >>> diff_cells(old=active_cells, new=parsed.tables.cells).changed
    (('申请', '一', '总计'),)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from govqa.core.types import Cell, Finding, ParsedReport, Report, Section, Subsection, TableResult
from govqa.index.finding_json import dump_cells, load_cells

UNSURE_KINDS = frozenset({"ambiguous", "missing"})  # findings that mean a cell was not read for sure
CellKey = tuple[str, str, str]  # (table, row, col)


@dataclass(frozen=True)
class Version:
    """One stored version of a report: its files, content hash, counts, when it came in and whether it answers."""

    id: str
    content_hash: str
    agency: str
    year: int | None
    files: tuple[str, ...]  # every file name seen with these bytes, first one first
    cells: int
    findings: int
    unsure: int  # ambiguous or missing findings
    ingested_at: str
    active: bool


@dataclass(frozen=True)
class CellDiff:
    """How a version's cells differ from the active version's: keys only in the new one, only in the old one, changed."""

    added: tuple[CellKey, ...]
    removed: tuple[CellKey, ...]
    changed: tuple[CellKey, ...]

    def summary(self) -> str:
        """E.g. "cells +2 −0 ≠1"."""
        return f"cells +{len(self.added)} −{len(self.removed)} ≠{len(self.changed)}"


@dataclass(frozen=True)
class Saved:
    """What a save or an activation did: the version's status, whether it answers now, what it was compared with."""

    status: str  # added | replaced (now active, the previous one kept) | inactive (kept, not answering) | unchanged | deleted
    version_id: str
    active: bool
    previous: str | None = None  # the version that was active for the same agency and year (deleted: its successor)
    deactivated: tuple[str, ...] = ()  # versions that stopped answering (their vectors must go)
    diff: CellDiff | None = None  # against the previous active version


def unsure_count(findings: Iterable[Finding]) -> int:
    """How many findings say a cell was ambiguous or missing."""
    return sum(1 for f in findings if f.kind in UNSURE_KINDS)


def completeness(*, cells: int, unsure: int) -> tuple[int, int]:
    """The order of versions: more cells read, then fewer ambiguous/missing findings (bigger is better)."""
    return (cells, -unsure)


def diff_cells(*, old: Iterable[Cell], new: Iterable[Cell]) -> CellDiff:
    """The cell keys added, removed and changed (other value) from old to new, in template order of appearance."""
    before = {(c.table, c.row, c.col): c.value for c in reversed(list(old))}  # the first cell of a key wins
    after = {(c.table, c.row, c.col): c.value for c in reversed(list(new))}
    order = list(dict.fromkeys([*after, *before]))
    return CellDiff(
        added=tuple(k for k in order if k in after and k not in before),
        removed=tuple(k for k in order if k in before and k not in after),
        changed=tuple(k for k in order if k in before and k in after and before[k] != after[k]),
    )


def pack(parsed: ParsedReport) -> str:
    """A parked version as JSON: the report with its text, sections, cells (raw cut as stored) and findings."""
    rep = parsed.report
    return json.dumps({
        "report": {"id": rep.id, "source": rep.source, "agency": rep.agency, "short_name": rep.short_name,
                   "aliases": list(rep.aliases), "year": rep.year, "template": rep.template, "title": rep.title,
                   "content_hash": rep.content_hash, "text": rep.text},
        "template": parsed.tables.template,
        "sections": [[s.number, s.title, s.start, s.end, [[x.title, x.start, x.end] for x in s.subsections]]
                     for s in parsed.sections],
        "cells": [[c.table, c.row, c.col, c.value, c.raw[:64]] for c in parsed.tables.cells],
        "findings": [[f.kind, f.table, f.row, f.col, f.message, f.expected, f.printed, f.severity, f.start, f.end,
                      dump_cells(f.cells)] for f in parsed.findings],
    }, ensure_ascii=False)


def unpack(payload: str) -> ParsedReport:
    """The ParsedReport a payload was packed from (as the store would read it back)."""
    data = json.loads(payload)
    r = data["report"]
    report = Report(id=r["id"], source=r["source"], agency=r["agency"], short_name=r["short_name"],
                    aliases=tuple(r["aliases"]), year=r["year"], template=r["template"], title=r["title"],
                    content_hash=r["content_hash"], text=r["text"])
    text = report.text
    sections = tuple(Section(n, t, a, b, text[a:b], tuple(Subsection(x, y, z) for x, y, z in subs))
                     for n, t, a, b, subs in data["sections"])
    cells = tuple(Cell(t, row, col, float(v), raw) for t, row, col, v, raw in data["cells"])
    findings = tuple(_finding(item) for item in data["findings"])
    return ParsedReport(report, sections, TableResult(cells, (), data["template"]), findings)


def _finding(item: list[Any]) -> Finding:
    """A packed finding; payloads parked before severities and spans existed have only the first seven fields."""
    kind, table, row, col, message, expected, printed = item[:7]
    if len(item) < 11:
        return Finding(kind, table, row, col, message, expected, printed, severity="note" if kind == "note" else "error")
    severity, start, end, cells = item[7:11]
    return Finding(kind, table, row, col, message, expected, printed, severity, start, end, load_cells(cells))
