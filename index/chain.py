"""Settling a run-together 规范性文件 row of a 2021-template report by the chain across one agency's years.

    现行有效(year − 1) + 本年制发(year) − 本年废止(year) = 现行有效(year)

A row printed '5215' reads 5|2|15 or 5|21|5; when the same agency's report of the year before (or after) is stored
with that row read, the chain may leave exactly one reading: it is taken, and the `ambiguous` finding becomes a
`note` naming the other report. When no neighbour is stored, its row is not read, the readings are not all known
or the chain leaves several (or none), nothing changes: never a guess.

This runs at ingest, before the new version is saved, against the versions that answer for the neighbouring years.
It reads the store and never writes it: a stored report is never changed by another one arriving (a report stored
before its neighbour stays as it was; ingesting it again as a new file settles it then).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from govqa.core.types import Cell, Finding, ParsedReport
from govqa.index.numbers import format_number
from govqa.index.store import Store

log = logging.getLogger(__name__)

TABLE, ROW = "主动公开", "行政规范性文件"
MADE, REPEALED, CURRENT = "本年制发件数", "本年废止件数", "现行有效件数"
COLS = (MADE, REPEALED, CURRENT)

Reading = tuple[float, float, float]


@dataclass(frozen=True)
class Link:
    """One neighbouring report's side of the chain: the year before (its 现行有效) or after (its whole row)."""

    source: str
    before: bool
    cells: dict[str, float]

    def holds(self, r: Reading) -> bool:
        """Whether a reading (制发, 废止, 现行有效) of this year keeps the chain with the neighbour."""
        c = self.cells
        if self.before:
            return abs(c[CURRENT] + r[0] - r[1] - r[2]) < 1e-9
        return abs(r[2] + c[MADE] - c[REPEALED] - c[CURRENT]) < 1e-9

    def says(self, r: Reading) -> str:
        """The chain, written out for the note."""
        c, f, s = self.cells, format_number, self.source
        if self.before:
            return f"{s} 现行有效 {f(c[CURRENT])} + 本年制发 {f(r[0])} − 本年废止 {f(r[1])} = {f(r[2])}"
        return f"现行有效 {f(r[2])} + {s} 本年制发 {f(c[MADE])} − 本年废止 {f(c[REPEALED])} = {f(c[CURRENT])}"


def readings(finding: Finding) -> list[Reading] | None:
    """The readings an ambiguous finding of the row carries, or None when it carries none or one leaves a cell blank."""
    out: list[Reading] = []
    for r in finding.readings:
        if len(r) != len(COLS) or any(v is None for v in r):
            return None
        made, repealed, current = (float(v) for v in r if v is not None)
        out.append((made, repealed, current))
    return out or None


def _row_of(store: Store, agency: str, year: int) -> tuple[str, dict[str, float]] | None:
    """The answering report of agency+year, when it uses the 2021 template: its source and read cells of the row."""
    ids = store.report_ids(agency=agency, year=year)
    if len(ids) != 1:
        return None
    report = store.get_report(ids[0])
    if report.template != "2021":
        return None
    return report.source, {c.col: c.value for c in store.cells(report_id=ids[0], table=TABLE, row=ROW)}


def links(store: Store, agency: str, year: int) -> list[Link]:
    """The chain tests the stored neighbouring years of one agency give (none when their row is not read)."""
    out: list[Link] = []
    before = _row_of(store, agency, year - 1)
    if before is not None and CURRENT in before[1]:
        out.append(Link(before[0], True, before[1]))
    after = _row_of(store, agency, year + 1)
    if after is not None and all(c in after[1] for c in COLS):
        out.append(Link(after[0], False, after[1]))
    return out


def settle_by_neighbours(parsed: ParsedReport, store: Store) -> ParsedReport:
    """The parsed report with its ambiguous 行政规范性文件 row taken when the chain with a stored neighbouring year
    leaves one reading (a `note` names the other report); otherwise the report as it was."""
    rep = parsed.report
    if rep.template != "2021" or rep.year is None:
        return parsed
    open_rows = [f for f in parsed.tables.findings if f.kind == "ambiguous" and f.table == TABLE and f.row == ROW]
    if len(open_rows) != 1:
        return parsed
    options = readings(open_rows[0])
    tests = links(store, rep.agency, rep.year) if options else []
    if not options or not tests:
        return parsed
    kept = [r for r in options if all(t.holds(r) for t in tests)]
    if len(kept) != 1:
        log.info("%s: the chain with %s leaves %d of the readings of %s", rep.source,
                 ", ".join(t.source for t in tests), len(kept), ROW)
        return parsed
    reading = kept[0]
    have = {c.col for c in parsed.tables.cells if c.table == TABLE and c.row == ROW}
    added = tuple(Cell(TABLE, ROW, col, v, format_number(v)) for col, v in zip(COLS, reading, strict=True) if col not in have)
    note = Finding("note", TABLE, ROW, "", (
        f"{TABLE} {ROW}: {open_rows[0].message.split(';')[0].split(': ', 1)[-1]}; the chain with the stored report "
        f"{' and '.join(t.source for t in tests)} ({'; '.join(t.says(reading) for t in tests)}) leaves only the reading "
        f"{'|'.join(format_number(v) for v in reading)} of {len(options)}"), severity="note")
    log.info("%s: %s", rep.source, note.message)

    def swap(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
        return tuple(note if f == open_rows[0] else f for f in findings)

    tables = replace(parsed.tables, cells=parsed.tables.cells + added, findings=swap(parsed.tables.findings))
    return replace(parsed, tables=tables, findings=swap(parsed.findings))
