"""The table route: parameterised SQLAlchemy Core selects over ``cells`` ⨝ ``reports`` (index/schema.py).

    >>> metric_values(store, Metric("申请", "一", "总计"), agencies=["吴忠市红寺堡区人民政府"], years=[2020])
    [MetricValue(agency='吴忠市红寺堡区人民政府', year=2020, value=8.0, ...)]

A metric may be a group row (不予公开 = 三.三.1 … 三.三.8) or a virtual column (行政诉讼 = 直诉 + 复议后诉):
the value is then the sum of the printed cells, and every cell used is kept for the answer's sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from govqa.core.protocols import ReportStore
from govqa.core.types import Cell, CellHit, Metric, ReportRef
from govqa.index import schema
from govqa.index.templates import load_templates
from govqa.qa import lexicon as lx
from govqa.qa.implied_zeros import derive_zeros


@dataclass(frozen=True)
class Unread:
    """A cell or row the parser could not read (kind ambiguous: digits run together; missing: blank or not printed)."""

    report: str
    table: str
    row: str  # "" when the whole table was not found
    col: str  # "" when the whole row is concerned
    kind: str
    message: str

    @property
    def printed(self) -> str:
        """The digits as printed, when the parser quoted them (ambiguous rows), else ''."""
        m = re.search(r"printed '([^']*)'", self.message)
        return m.group(1) if m else ""

    @property
    def gaps(self) -> bool:
        """A row that printed only its non-empty cells: which column a value stands in is what stays open."""
        return "only its non-empty cells printed" in self.message

    @property
    def blank(self) -> bool:
        """A cell printed blank (not a row or table left out)."""
        return self.kind == "missing" and bool(self.col)

    @property
    def empty(self) -> bool:
        """A cell printed blank or a row whose label is printed with no values (not a row or table left out)."""
        return self.kind == "missing" and bool(self.row) and (
            bool(self.col) or "label printed with no values" in self.message)


@dataclass(frozen=True)
class MetricValue:
    """A metric's value in one report (None when the report does not print or the parser could not read that cell),
    the cells used, and the unreadable cells or rows the value would need."""

    report: ReportRef
    value: float | None
    cells: tuple[CellHit, ...]
    unread: tuple[Unread, ...] = ()

    @property
    def raw(self) -> str:
        """The printed text when the value is one cell, else ''."""
        return self.cells[0].raw if len(self.cells) == 1 else ""


def find_reports(store: ReportStore, *, agencies: Sequence[str] = (), years: Sequence[int] = ()) -> list[ReportRef]:
    """Stored reports of the given agencies and years (all when empty), by agency then year."""
    r = schema.reports
    query = select(r.c.id, r.c.agency, r.c.short_name, r.c.year, r.c.template).order_by(r.c.agency, r.c.year)
    if agencies:
        query = query.where(r.c.agency.in_(list(agencies)))
    if years:
        query = query.where(r.c.year.in_(list(years)))
    with store.engine.connect() as conn:
        return [ReportRef(x.id, x.agency, x.short_name, x.year, x.template) for x in conn.execute(query)]


def reports_of(store: ReportStore, pairs: Iterable[tuple[str, int]]) -> list[ReportRef]:
    """The stored reports of these (agency, year) pairs (none when there are none), by agency then year."""
    wanted = set(pairs)
    if not wanted:
        return []
    return [r for r in find_reports(store, agencies=sorted({a for a, _ in wanted}), years=sorted({y for _, y in wanted}))
            if (r.agency, r.year) in wanted]


def fetch_cells(store: ReportStore, *, table: str, rows: Iterable[str], cols: Iterable[str] | None,
                report_ids: Sequence[str], row_prefixes: Iterable[str] = ()) -> list[CellHit]:
    """Cells of one table for the given reports, rows (exact or under a prefix) and columns (all when None)."""
    c, r = schema.cells, schema.reports
    query = (
        select(c.c.report_id, r.c.agency, r.c.short_name, r.c.year, r.c.template, c.c.tbl, c.c.row, c.c.col, c.c.value,
               c.c.raw)
        .join(r, r.c.id == c.c.report_id)
        .where(c.c.tbl == table, c.c.report_id.in_(list(report_ids)))
        .order_by(c.c.report_id, c.c.seq)
    )
    row_filter = [c.c.row.in_(list(rows))] + [c.c.row.like(p + ".%") for p in row_prefixes]
    query = query.where(or_(*row_filter))
    if cols is not None:
        query = query.where(c.c.col.in_(list(cols)))
    with store.engine.connect() as conn:
        return [CellHit(ReportRef(x.report_id, x.agency, x.short_name, x.year, x.template),
                        Cell(x.tbl, x.row, x.col, x.value, x.raw or "")) for x in conn.execute(query)]


def unread_cells(store: ReportStore, *, table: str, report_ids: Sequence[str]) -> dict[str, list[Unread]]:
    """Per report id, the parser's findings of cells or rows of one table it could not read (ambiguous, missing)."""
    f = schema.findings
    query = (select(f.c.report_id, f.c.tbl, f.c.row, f.c.col, f.c.kind, f.c.message)
             .where(f.c.report_id.in_(list(report_ids)), f.c.tbl == table, f.c.kind.in_(["ambiguous", "missing"]))
             .order_by(f.c.report_id, f.c.seq))
    out: dict[str, list[Unread]] = {i: [] for i in report_ids}
    with store.engine.connect() as conn:
        for x in conn.execute(query):
            out.setdefault(x.report_id, []).append(Unread(x.report_id, x.tbl, x.row, x.col, x.kind, x.message))
    return out


def _concerns(u: Unread, *, rows: Sequence[str], prefix: str | None, cols: Sequence[str] | None) -> bool:
    """Whether an unread finding covers a cell the metric needs (a whole table, a whole row, or the cell)."""
    if not u.row:
        return True
    in_rows = u.row in rows or (prefix is not None and u.row.startswith(prefix + "."))
    return in_rows and (not u.col or cols is None or u.col in cols)


def _kept(u: Unread, hits: Sequence[CellHit], leaves: Sequence[str]) -> bool:
    """Whether a row left ambiguous still holds every cell the metric needs: the parser kept the cells all its
    readings agree on (88 in 88|-7|20 / 88|-72|0), and such a cell is read, not guessed."""
    return u.kind == "ambiguous" and bool(u.row) and all(
        any(h.row == u.row and h.col in _alternatives(leaf) for h in hits) for leaf in leaves)


def template_has(version: str, metric: Metric) -> bool | None:
    """Whether a template version prints the metric's cell (None for a mixed or unknown version)."""
    template = load_templates().get(version)
    if template is None or metric.table not in template.tables:
        return None
    table = template.tables[metric.table]
    rows = [r for r in table.rows if r.key in _alternatives(metric.row) or r.key.startswith(metric.row + ".")]
    if metric.col is None:
        return bool(rows)
    cols = {alt for leaf in _leaf_cols(metric.col) for alt in _alternatives(leaf)}
    return any(cols & set(r.cols) for r in rows)


def _alternatives(key: str) -> tuple[str, ...]:
    return lx.EQUIVALENT.get(key, (key,))


def _leaf_cols(col: str) -> tuple[str, ...]:
    return lx.COMPOSITE.get(col, (col,))


def metric_values(store: ReportStore, metric: Metric, *, agencies: Sequence[str] = (), years: Sequence[int] = (),
                  reports: Sequence[ReportRef] | None = None) -> list[MetricValue]:
    """The value of one metric (col required) in every matching report, in report order."""
    assert metric.col is not None, "metric_values needs a column; use row_values for a whole row"
    refs = list(reports) if reports is not None else find_reports(store, agencies=agencies, years=years)
    if not refs:
        return []
    leaves = _leaf_cols(metric.col)
    cols = [alt for leaf in leaves for alt in _alternatives(leaf)]
    group = metric.row in lx.GROUP_ROWS
    hits = fetch_cells(store, table=metric.table, rows=_alternatives(metric.row), cols=cols,
                       report_ids=[x.id for x in refs], row_prefixes=[metric.row] if group else [])
    unread = unread_cells(store, table=metric.table, report_ids=[x.id for x in refs])
    rows = _alternatives(metric.row)
    out = []
    for ref in refs:
        mine = [h for h in hits if h.report == ref.id]
        exact = [h for h in mine if h.row in rows]
        if group:
            mine = exact or [h for h in mine if h.row.startswith(metric.row + ".")]
        # a sum with an unreadable part is no number; a row printed blank or run together is not a zero
        blocking = tuple(u for u in unread.get(ref.id, [])
                         if (u.kind == "ambiguous" or u.blank or not u.row or not mine)
                         and _concerns(u, rows=rows, prefix=metric.row if group and not exact else None, cols=cols)
                         and not _kept(u, mine, leaves))
        if blocking and all(u.empty for u in blocking):
            implied = _implied(store, ref, metric, leaves=leaves, group=group and not exact, read=mine,
                               blank=unread.get(ref.id, []))
            if implied is not None:
                mine, blocking = [*mine, *implied], ()
        value = sum(h.value for h in mine) if mine and not blocking else None
        out.append(MetricValue(ref, value, tuple(mine) if value is not None else (), blocking))
    return out


def _implied(store: ReportStore, ref: ReportRef, metric: Metric, *, leaves: Sequence[str], group: bool,
             read: Sequence[CellHit], blank: Sequence[Unread]) -> list[CellHit] | None:
    """The metric's cells left blank, when the table's relations prove every one of them 0 (else None)."""
    template = load_templates().get(ref.template)
    if template is None or metric.table not in template.tables or metric.table in broken_tables(store, [ref.id])[ref.id]:
        return None
    table = template.tables[metric.table]
    rows = [r for r in table.rows if (r.key.startswith(metric.row + ".") if group else r.key in _alternatives(metric.row))]
    have = {(h.row, h.col) for h in read}
    need = [(r.key, col) for r in rows for leaf in leaves
            for col in [next((a for a in _alternatives(leaf) if a in r.cols), None)] if col is not None]
    need = [k for k in need if k not in have]
    if not need:
        return None
    hits = fetch_cells(store, table=metric.table, rows=[r.key for r in table.rows], cols=None, report_ids=[ref.id])
    derived = derive_zeros(table, ref, hits, blank={(u.row, u.col) for u in blank if u.empty})
    return [derived[k] for k in need] if all(k in derived for k in need) else None


def implied_cell(store: ReportStore, report_id: str, table: str, row: str, col: str) -> CellHit | None:
    """One blank cell of a stored report, with its basis, when the table's relations prove it 0 (else None)."""
    r = schema.reports
    with store.engine.connect() as conn:
        x = conn.execute(select(r.c.id, r.c.agency, r.c.short_name, r.c.year, r.c.template)
                         .where(r.c.id == report_id)).first()
    if x is None:
        return None
    ref = ReportRef(x.id, x.agency, x.short_name, x.year, x.template)
    hits = _implied(store, ref, Metric(table, row, col), leaves=(col,), group=False, read=(),
                    blank=unread_cells(store, table=table, report_ids=[ref.id])[ref.id])
    return hits[0] if hits else None


def row_values(store: ReportStore, metric: Metric, *, reports: Sequence[ReportRef]) -> dict[str, list[CellHit]]:
    """Every column of one row (or of a group's leaf rows) per report id, in parse order."""
    group = metric.row in lx.GROUP_ROWS
    hits = fetch_cells(store, table=metric.table, rows=_alternatives(metric.row), cols=None,
                       report_ids=[x.id for x in reports], row_prefixes=[metric.row] if group else [])
    out: dict[str, list[CellHit]] = {x.id: [] for x in reports}
    for h in hits:
        out[h.report].append(h)
    return out


def broken_tables(store: ReportStore, report_ids: Sequence[str]) -> dict[str, set[str]]:
    """For each report id, the tables that have relation findings (勾稽关系 broken)."""
    f = schema.findings
    query = select(f.c.report_id, f.c.tbl).where(f.c.report_id.in_(list(report_ids)), f.c.kind == "relation").distinct()
    out: dict[str, set[str]] = {i: set() for i in report_ids}
    with store.engine.connect() as conn:
        for x in conn.execute(query):
            out.setdefault(x.report_id, set()).add(x.tbl)
    return out


def compare_metric(store: ReportStore, *, table: str, row: str, col: str, agencies: Sequence[str] = (),
                   years: Sequence[int] = ()) -> list[dict[str, Any]]:
    """One metric across reports for the compare tab: [{report, agency, short_name, year, value, raw, broken}], value desc."""
    values = [v for v in metric_values(store, Metric(table, row, col), agencies=agencies, years=years) if v.value is not None]
    broken = broken_tables(store, [v.report.id for v in values])
    rows = [
        {"report": v.report.id, "agency": v.report.agency, "short_name": v.report.short_name, "year": v.report.year,
         "value": v.value, "raw": v.raw, "broken": table in broken.get(v.report.id, set())}
        for v in values
    ]
    return sorted(rows, key=lambda d: (-d["value"], d["agency"], d["year"] or 0))
