"""The table route's fetch stage: every cell a metric question's answer needs, read once from the planned reports
(one value, a listing, a ranking, a sum, an average, a comparison or a row's breakdown), as one typed `TableRead`;
qa/compose/table.py `table_reply` writes the answer from it.

    >>> read = fetch_table(question, store=store, refs=refs)
    >>> table_reply(question, read).text
    '根据《吴忠市红寺堡区人民政府2020年政府信息公开工作年度报告》表三，2020年新收政府信息公开申请8件（…）。'

An absent or unreadable value is never a zero: the read keeps the reports whose value is absent, and why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from govqa.core.protocols import ReportStore
from govqa.core.types import Metric, Question
from govqa.qa import lexicon as lx
from govqa.qa.table_query import CellHit, MetricValue, ReportRef, broken_tables, metric_values, row_values, unread_cells

_RANK_DEFAULT_COL = {"规章": "本年新制作数量", "规范性文件": "本年新制作数量", "行政事业性收费": "上一年项目数量",
                     "政府集中采购": "采购总金额"}


@dataclass(frozen=True)
class TableRead:
    """What the table answer is written from: the metric as read (its default column filled in), the reports, one
    MetricValue per report (or, for a row's breakdown, each report's cells of the row in ``rows``), the tables of
    those reports that break the template's relations, and whether every report lacks the metric's whole table."""

    metric: Metric
    refs: tuple[ReportRef, ...]
    values: tuple[MetricValue, ...] = ()
    rows: Mapping[str, Sequence[CellHit]] | None = None  # report id → the row's cells; None: not a breakdown
    broken: Mapping[str, set[str]] = field(default_factory=dict)
    no_table: bool = False
    pending: MetricValue | None = None  # 办结了没有: the one report's 结转下年度继续办理 total, the yes/no it answers


def fetch_table(q: Question, *, store: ReportStore, refs: Sequence[ReportRef]) -> TableRead:
    """Read every cell the answer to a metric question needs from the given reports."""
    read = _fetch(q, store=store, refs=refs)
    if len(refs) == 1 and read.metric.table == "申请" and lx.ASKED_DONE.search(q.text):
        read = replace(read, pending=metric_values(store, Metric("申请", "四", "总计"), reports=refs)[0])
    return read


def _fetch(q: Question, *, store: ReportStore, refs: Sequence[ReportRef]) -> TableRead:
    metric = q.metric
    assert metric is not None
    no_table = tables_not_found(store, metric, refs)
    if q.intent == "breakdown" or metric.col is None and q.intent == "value":
        return replace(_read_rows(store, metric, refs), no_table=no_table)
    if q.intent == "value" and metric.table == "申请" and metric.col == "总计" and len(refs) == 1:
        # one report's total: say who applied as well, 4447件（自然人4441件，商业企业6件…）, as staff expect
        values = metric_values(store, metric, reports=refs)
        if values[0].value is not None and metric.row not in lx.GROUP_ROWS and not any(c.implied for c in values[0].cells):
            return replace(_read_rows(store, metric, refs), no_table=no_table)
    else:
        if metric.col is None:
            metric = replace(metric, col=_RANK_DEFAULT_COL.get(metric.row) or lx.ROW_COLS.get(metric.row, ("总计",))[0])
        values = metric_values(store, metric, reports=refs)
    present = [v.report.id for v in values if v.value is not None]
    broken = broken_tables(store, present) if present else {}
    return TableRead(metric=metric, refs=tuple(refs), values=tuple(values), broken=broken, no_table=no_table)


def tables_not_found(store: ReportStore, metric: Metric, refs: Sequence[ReportRef]) -> bool:
    """Whether every asked report lacks the metric's whole table (not a cell left unread in a table it has)."""
    unread = unread_cells(store, table=metric.table, report_ids=[r.id for r in refs])
    return bool(refs) and all(any(u.kind == "missing" and not u.row for u in unread.get(r.id, [])) for r in refs)


def _read_rows(store: ReportStore, metric: Metric, refs: Sequence[ReportRef]) -> TableRead:
    """A row's breakdown: each report's cells of the row; when no report has any, the values of its main column
    (for the reasons each report gives none)."""
    cells = row_values(store, metric, reports=refs)
    if metric.table == "主动公开":
        allowed = set(lx.ROW_COLS.get(metric.row, ())) | {alt for c in lx.ROW_COLS.get(metric.row, ()) for alt in lx.EQUIVALENT.get(c, ())}
        cells = {k: [c for c in v if not allowed or c.col in allowed] for k, v in cells.items()}
    filled = [r.id for r in refs if cells.get(r.id)]
    if not filled:
        col = metric.col or ("总计" if metric.table == "申请" else lx.ROW_COLS.get(metric.row, ("总计",))[0])
        metric = replace(metric, col=col)
        values = tuple(metric_values(store, metric, reports=refs))
        # a row printed blank that the relations prove 0 is answered as its value, not as a breakdown of nothing
        shown: dict[str, list[CellHit]] | None = None if all(v.value is not None for v in values) else {}
        return TableRead(metric=metric, refs=tuple(refs), values=values, rows=shown)
    return TableRead(metric=metric, refs=tuple(refs), rows=cells, broken=broken_tables(store, filled))
