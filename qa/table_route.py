"""The table route: a metric question answered from the cells of the planned reports (one value, a listing, a
ranking, a sum, an average, a comparison or a row's breakdown); the sentences come from qa/compose.py.

    >>> table_answer(question, store=store, refs=refs).text
    '根据《吴忠市红寺堡区人民政府2020年政府信息公开工作年度报告》表三，2020年新收政府信息公开申请8件（…）。'

An absent or unreadable value is never a zero: the answer says why the report gives none (compose.absent_reason).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Question, Source
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.plan import refuse
from govqa.qa.table_query import MetricValue, ReportRef, broken_tables, metric_values, row_values, unread_cells

_RANK_DEFAULT_COL = {"规章": "本年新制作数量", "规范性文件": "本年新制作数量", "行政事业性收费": "上一年项目数量",
                     "政府集中采购": "采购总金额"}


def tables_not_found(store: ReportStore, q: Question, refs: Sequence[ReportRef]) -> bool:
    """Whether every asked report lacks the metric's whole table (not a cell left unread in a table it has)."""
    assert q.metric is not None
    unread = unread_cells(store, table=q.metric.table, report_ids=[r.id for r in refs])
    return bool(refs) and all(any(u.kind == "missing" and not u.row for u in unread.get(r.id, [])) for r in refs)


def _sources(values: Sequence[MetricValue]) -> tuple[Source, ...]:
    return tuple(cp.cell_source(c) for v in values for c in v.cells)


def table_answer(q: Question, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer:
    """Answer a metric question from the cells of the given reports."""
    metric = q.metric
    assert metric is not None
    if q.intent == "breakdown" or metric.col is None and q.intent == "value":
        return _breakdown(q, store=store, refs=refs)
    if q.intent == "value" and metric.table == "申请" and metric.col == "总计" and len(refs) == 1:
        # one report's total: say who applied as well, 4447件（自然人4441件，商业企业6件…）, as staff expect
        [total] = metric_values(store, metric, reports=refs)
        if total.value is None:
            return refuse(q, cp.absent_reason(metric, total), reason="no-data")
        if metric.row not in lx.GROUP_ROWS:
            return _breakdown(q, store=store, refs=refs)
    if metric.col is None:
        metric = replace(metric, col=_RANK_DEFAULT_COL.get(metric.row) or lx.ROW_COLS.get(metric.row, ("总计",))[0])
    values = metric_values(store, metric, reports=refs)
    present = [v for v in values if v.value is not None]
    absent = [v for v in values if v.value is None]
    if not present:
        return refuse(q, "".join(cp.absent_reason(metric, v) for v in absent), reason="no-data")
    note = cp.note_broken([v.report for v in present], metric.table, broken_tables(store, [v.report.id for v in present]))
    reasons = "".join(cp.absent_reason(metric, v) for v in absent)
    if absent and q.intent == "compare" or any(v.unread for v in absent) and q.intent in ("sum", "average"):
        # a total or a difference with a part unknown is no number: give the parts that were read, and why not all
        return Answer(question=q.text, text=cp.cannot_total(q.intent, reasons=reasons, metric=metric, present=present, note=note),
                      found=False, route="refuse", reason="no-data", sources=_sources(present))
    if absent:
        note += cp.not_counted(reasons)
    caveat = ""
    unread = [v for v in absent if v.unread]
    if unread and q.intent == "ranking":
        caveat = cp.ranking_caveat(len(present), len(unread))
    text, value = cp.table_text(q, metric, present)
    return Answer(question=q.text, text=caveat + text + note, found=True, route="table", value=value,
                  unit=cp.metric_unit(metric), sources=_sources(present))


def _breakdown(q: Question, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer:
    metric = q.metric
    assert metric is not None
    cells = row_values(store, metric, reports=refs)
    if metric.table == "主动公开":
        allowed = set(lx.ROW_COLS.get(metric.row, ())) | {alt for c in lx.ROW_COLS.get(metric.row, ()) for alt in lx.EQUIVALENT.get(c, ())}
        cells = {k: [c for c in v if not allowed or c.col in allowed] for k, v in cells.items()}
    filled = [r for r in refs if cells.get(r.id)]
    if not filled:
        col = metric.col or ("总计" if metric.table == "申请" else lx.ROW_COLS.get(metric.row, ("总计",))[0])
        absent = metric_values(store, replace(metric, col=col), reports=refs)
        return refuse(q, "".join(cp.absent_reason(replace(metric, col=col), v) for v in absent), reason="no-data")
    text = "".join(cp.breakdown_sentence(metric, r, cells[r.id]) for r in filled)
    text += cp.note_broken(filled, metric.table, broken_tables(store, [r.id for r in filled]))
    sources = tuple(cp.cell_source(c) for r in filled for c in cells[r.id])
    total = next((c.value for r in filled[:1] for c in cells[r.id] if c.col == "总计" and c.row == metric.row), None)
    if total is None and len(filled) == 1 and len(cells[filled[0].id]) == 1:  # a row of one cell: its value
        total = cells[filled[0].id][0].value
        metric = replace(metric, col=cells[filled[0].id][0].col)
    unit = cp.metric_unit(metric if metric.col and metric.col != "总计" else replace(metric, col="总计"))
    return Answer(question=q.text, text=text, found=True, route="table", value=total if len(filled) == 1 else None,
                  unit=unit if total is not None else None, sources=sources)
