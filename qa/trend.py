"""Trends: one agency's metric over the years the store holds (「…近三年收到多少申请？」, 「2019到2023年行政复议怎么变化？」).

Every year of the span is said: its value (from its cell, named as a source), or that its report is not in the store,
or that its template version does not print the metric (the 2019 and 2021 templates differ), or that its report
does not list it; a gap is never filled, never a zero.

    >>> trend_answer(understand("红寺堡区2019到2021年收到多少申请？", catalog=catalog), store=store).text
    '根据吴忠市红寺堡区人民政府2019、2020年年度报告表三，新收政府信息公开申请逐年为：2019年5件，2020年8件；…'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from govqa.core.numbers import cn_number
from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question, Series, SeriesPoint
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.table_query import MetricValue, ReportRef, find_reports, metric_values

# 这两年 / 前后两年 / 这三个年度: the agency's newest reports, as many as said (not a calendar span, unlike 近两年)
NEWEST_N = re.compile(r"(?:这|前后|最近这|这么)\s*([两二三四五六七八九十\d])\s*个?年(?:度|份)?")
TREND_WORDS = re.compile(r"近[一二两三四五六七八九十\d]+年|历年|逐年|每年|各年|趋势|走势|变化|"  # not 增减: 本年增/减 is a column
                         r"(?:这|近|最近|过去|前)(?:几|些)年|近年|几年来|多年来|以来|至今|(?:开始|起)算|"
                         r"\d{4}\s*年?\s*(?:到|至|—|-|~|～)\s*\d{4}|" + NEWEST_N.pattern)
_EACH = re.compile(r"分别|各自")  # over several years: each year's figure, not a breakdown by column


def is_trend(q: Question) -> bool:
    """A question about one agency's metric across several years (not a ranking, sum or comparison of agencies)."""
    per_year = (q.intent == "breakdown" and "按" not in q.text  # 按申请人分别: a breakdown by column
                and not lx.BREAKDOWN_WORDS.search(_EACH.sub("", q.text)))  # 近三年分别…: each year
    return (q.metric is not None and len(q.agencies) == 1 and (q.intent in ("value", "any") or per_year)
            and len(q.years) != 1 and TREND_WORDS.search(q.text) is not None)


def template_prints(version: str, metric: Metric) -> bool:
    """Whether a template version prints the metric (under any of its equivalent row/column keys)."""
    from govqa.index.templates import load_templates

    template = load_templates().get(version)
    if template is None or metric.table not in template.tables:
        return True  # a mixed or unknown template: do not claim a gap
    rows = lx.EQUIVALENT.get(metric.row, (metric.row,))
    leaves = lx.COMPOSITE.get(metric.col or "", (metric.col,)) if metric.col else ()
    cols = {alt for leaf in leaves if leaf for alt in lx.EQUIVALENT.get(leaf, (leaf,))}
    for row in template.tables[metric.table].rows:
        if row.key in rows or any(row.key.startswith(r + ".") for r in rows):
            if not cols or cols & set(row.cols):
                return True
    return False


def _templates(store: ReportStore, refs: Sequence[ReportRef]) -> dict[str, str]:
    ids = {r.id for r in refs}
    return {r.id: r.template for r in store.reports() if r.id in ids}


def _years(q: Question, held: Sequence[int]) -> list[int]:
    """The years the answer covers: the asked span, the agency's N newest reports (这两年), else every year from the
    agency's first report to its last."""
    if q.years:
        return list(range(min(q.years), max(q.years) + 1))
    if (newest := NEWEST_N.search(q.text)) is not None and (n := cn_number(newest.group(1))) and n >= 2:
        return list(held[-n:])
    return list(range(min(held), max(held) + 1)) if held else []


def trend_answer(q: Question, *, store: ReportStore) -> Answer | None:
    """The series of q's metric for q's one agency over the years (None when q is not a trend question or the store
    holds no report of the agency in the span: the ordinary route then answers or refuses)."""
    if not is_trend(q) or q.metric is None:
        return None
    metric = q.metric if q.metric.col else replace(q.metric, col=lx.ROW_COLS.get(q.metric.row, ("总计",))[0])
    agency = q.agencies[0]
    held = find_reports(store, agencies=[agency])
    years = _years(q, sorted({r.year for r in held if r.year is not None}))
    refs = [r for r in held if r.year in years]
    if len(refs) < 1 or len(years) < 2:
        return None
    values = {v.report.year: v for v in metric_values(store, metric, reports=refs)}
    templates = _templates(store, refs)
    shown: list[MetricValue] = []
    gaps: dict[str, list[str]] = {}  # why a year has no value -> the years
    points: list[SeriesPoint] = []
    for year in years:
        mv = values.get(year)
        if mv is not None and mv.value is not None:
            shown.append(mv)
            points.append(SeriesPoint(year, mv.value))
            continue
        if mv is None:
            why = cp.year_gap("no-report")
        elif not template_prints(templates.get(mv.report.id, ""), metric):
            why = cp.year_gap("template", template=templates[mv.report.id])
        elif any(u.kind == "ambiguous" for u in mv.unread):  # printed, but its digits run together
            why = cp.year_gap("ambiguous")
        elif any(u.kind == "missing" and not u.row for u in mv.unread):  # the whole table is not in the report
            why = cp.year_gap("no-table", table=metric.table)
        else:
            why = cp.year_gap("unlisted")
        gaps.setdefault(why, []).append(str(year))
        points.append(SeriesPoint(year, None, gap=why))
    label = cp.metric_label(metric)
    if not shown:
        return None
    text = cp.trend_text(agency, metric, shown, gaps)
    sources = tuple(cp.cell_source(c) for v in shown for c in v.cells)
    series = Series(agency=agency, label=label, unit=cp.metric_unit(metric), points=tuple(points))
    return Answer(question=q.text, text=text, found=True, route="table", value=None, unit=cp.metric_unit(metric),
                  sources=sources, series=series)
