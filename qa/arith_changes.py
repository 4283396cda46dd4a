"""Changes between two years of one figure (比上一年多了多少, 增长了百分之几, 增长了几倍) and a year's count per month or
quarter (平均每月), each with its arithmetic (qa/arith.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question, Source
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.arith_rates import two_years
from govqa.qa.arith_words import (
    ANNUAL,
    BASE_YEAR,
    EACH,
    FALL_WORDS,
    GROWTH_WORDS,
    TIMES_WORDS,
    WHICH_ONE,
    WORKING_DAYS,
)
from govqa.qa.figures import Term, described_group, joined_answers, with_col
from govqa.qa.indicators import number, term_label
from govqa.qa.table_query import MetricValue, ReportRef, find_reports, metric_values

_PERIODS = {"月": (12, "个月"), "季": (4, "个季度"), "周": (52, "周"), "星": (52, "周"), "礼": (52, "周")}


def period_count(per: re.Match[str], text: str, year: int | None) -> tuple[int, str] | None:
    """How many periods a year is divided into, and their name: 12 个月, 4 个季度, 52 周, the year's calendar days
    (365 or 366), or the working days the question gives (按250个工作日算); None for working days not given (a
    report prints no such count, and none is made up)."""
    word = next(g for g in per.groups() if g)
    if word.startswith("工作"):
        given = WORKING_DAYS.search(text)
        return (int(given.group(1)), "个工作日") if given else None
    if word in ("天", "日"):
        leap = year is not None and (year % 4 == 0 and year % 100 != 0 or year % 400 == 0)
        return (366 if leap else 365), "天"
    return _PERIODS[word[0]]



def per_period_answer(q: Question, metric: Metric, per: re.Match[str], *, store: ReportStore,
                       refs: Sequence[ReportRef], summed: Term | None = None) -> Answer | None:
    """A year's count per month (or quarter) in each report asked: the printed figure divided, the division shown;
    ``summed``: listed rows added first (三类决定加起来平均每月多少), metric then being the first of them."""
    if not refs:
        return None
    if period_count(per, q.text, None) is None:  # 平均每个工作日: how many the question does not say
        return Answer(q.text, cp.working_days_unknown(), False, "refuse", reason="no-data")
    metrics = summed.metrics if summed is not None else (metric,)
    values = [summed_value(store, metrics, r) for r in refs]
    sources = tuple(cp.cell_source(c) for v in values for c in v.cells)
    shown = [v for v in values if v.value is not None]
    period = next(g for g in per.groups() if g)
    if not shown:
        why = "".join(cp.absent_reason(metric, v) for v in values)
        return Answer(q.text, cp.per_period_missing(why, period), False, "refuse", sources=sources, reason="no-data")
    unit = cp.metric_unit(metric)
    name = summed.label if summed is not None else cp.metric_label(metric)
    counts = [period_count(per, q.text, v.report.year) or (1, "") for v in shown]
    parts = [(v, round((v.value or 0.0) / n, 2)) for v, (n, _) in zip(shown, counts, strict=True)]
    formulas = [f"{name} {cp.number_text(v.value or 0.0, unit=unit)} / {n}{label} = "
                f"{cp.number_text(avg, unit=unit)}" for (v, avg), (n, label) in zip(parts, counts, strict=True)]
    text = "".join(cp.per_period_sentence(cp.report_title(v.report.agency, v.report.year), v.report.year,
                                          name, label.removeprefix("个"), cp.number_text(avg, unit=unit), f)
                   for (v, avg), f, (_, label) in zip(parts, formulas, counts, strict=True))
    text += "".join(cp.absent_reason(metric, v) for v in values if v.value is None)
    return Answer(q.text, text, True, "table", value=parts[0][1] if len(values) == 1 else None, unit=unit,
                  sources=sources, formula="；".join(formulas))



def pooled_per_period(q: Question, per: re.Match[str], *, store: ReportStore,
                      refs: Sequence[ReportRef]) -> Answer | None:
    """Several reports taken as one and spread over their periods (两家合计平均每月多少: (甲 + 乙) / 12; 两年加起来平均
    每月: (2023 + 2024) / 24), every cell cited; None unless the question takes two or more reports as one figure."""
    if q.metric is None or len(refs) < 2 or not _AS_ONE.search(q.text) or EACH.search(q.text) \
            or _listed_sum(q.text) is not None:
        return None
    metric = with_col(q.metric)
    group = described_group(q.text, metric) if metric.table == "申请" else None
    terms = group.metrics if group is not None else (metric,)
    values = [summed_value(store, terms, r) for r in refs]
    sources = tuple(cp.cell_source(c) for v in values for c in v.cells)
    period = next(g for g in per.groups() if g)
    counts = [period_count(per, q.text, y) for y in sorted({r.year for r in refs if r.year is not None})]
    if any(c is None for c in counts):
        return Answer(q.text, cp.working_days_unknown(), False, "refuse", sources=sources, reason="no-data")
    if any(v.value is None for v in values):
        why = "".join(cp.absent_reason(terms[0], v) for v in values if v.value is None)
        return Answer(q.text, cp.per_period_missing(why, period), False, "refuse", sources=sources, reason="no-data")
    n = sum(c[0] for c in counts if c is not None)
    label = next(c[1] for c in counts if c is not None)
    unit = cp.metric_unit(metric)
    total = round(sum(v.value or 0.0 for v in values), 6)
    avg = round(total / n, 2)
    one_year = len({r.year for r in refs}) == 1
    named = [f"{v.report.short_name}{'' if one_year else f'{v.report.year}年'}" for v in values]
    formula = (f"({' + '.join(f'{name} {cp.number_text(v.value or 0.0)}' for name, v in zip(named, values, strict=True))})"
               f" / {n}{label} = {cp.number_text(avg, unit=unit)}")
    name = group.label if group is not None else cp.metric_label(metric)
    text = cp.pooled_per_period_sentence("、".join(named), name, label.removeprefix("个"), cp.number_text(avg, unit=unit),
                                         formula)
    return Answer(q.text, text, True, "table", value=avg, unit=unit, sources=sources, formula=formula)


def per_period_each(q: Question, per: re.Match[str], *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """Each listed row's count per month (平均每月作出几个行政处罚决定、几个行政许可决定) in each report asked, each year's
    own (2022年和2024年平均每月各作出多少: 2022's / 12 and 2024's / 12, never the years' mean); None when the question
    asks one row of one report (per_period_answer) or no row."""
    from govqa.qa.figures import shared_metrics

    listed = list(dict.fromkeys(with_col(m) for m in shared_metrics(q.text) or ()))
    if (summed := _listed_sum(q.text)) is not None:  # 三类决定加起来平均每月多少个: the rows added, then divided
        return per_period_answer(q, summed.metrics[0], per, store=store, refs=refs, summed=summed)
    if _AS_ONE.search(q.text):
        return None  # 两家合计平均每月多少: one figure pooled over the reports, not each report's
    rows = listed if len(listed) >= 2 else [with_col(q.metric)] if q.metric is not None else []
    if not rows or not refs or len(rows) == 1 and len(refs) == 1:
        return None
    answers = [per_period_answer(q, m, per, store=store, refs=refs) for m in rows]
    if any(a is None for a in answers):
        return None
    return joined_answers(q, [a for a in answers if a is not None])


# rows listed and taken as one figure: 三类决定的总数, 加起来, 合计 (各 / 分别 asks each row's own change: qa/arith.py)
_AS_ONE = re.compile(r"总数|总量|总和|之和|合计|总计|一共|总共|加起来|加在一起|合起来|合在一起|相加|[两二三四几]类")


def _listed_sum(text: str) -> Term | None:
    """Rows of one column the text lists and takes as one figure (行政许可、处罚、强制三类决定的总数), else None."""
    from govqa.qa.figures import shared_metrics

    if not _AS_ONE.search(text) or EACH.search(text):
        return None
    rows = list(dict.fromkeys(_counted(with_col(m)) for m in shared_metrics(text) or ()))
    if len(rows) < 2 or len({(m.table, m.col) for m in rows}) != 1:
        return None
    return Term(tuple(rows), "（" + " + ".join(term_label(m) for m in rows) + "）")


def _counted(metric: Metric) -> Metric:
    """A change computed between two years is of what a row counts (变化了百分之几), not of its printed 本年增/减."""
    counts = [c for c in lx.ROW_COLS.get(metric.row, ()) if c not in ("上一年项目数量", "本年增/减")]
    return replace(metric, col=counts[0]) if metric.col == "本年增/减" and counts else metric


def change_answer(q: Question, *, store: ReportStore) -> Answer | None:
    """A figure's change between two years of one agency: the difference, or the growth rate (增长了百分之几) or multiple
    (增长了几倍) asked; a year the store lacks or a cell not printed is said, a base of 0 is not divided by."""
    metric = with_col(q.metric) if q.metric else None
    metric = _counted(metric) if metric is not None else None
    if metric is None or len(q.agencies) != 1:
        return None
    group = described_group(q.text, metric) if metric.table == "申请" else None  # 最终公开（含部分公开）的: rows added
    group = group or _listed_sum(q.text)  # 许可、处罚、强制三类决定的总数比2022年: the rows listed, added
    years = two_years(q, store=store)
    if years is None and ANNUAL.search(q.text):  # 这几年年均增速: the agency's first and last reports
        reported = sorted({r.year for r in find_reports(store, agencies=q.agencies) if r.year is not None})
        years = [reported[0], reported[-1]] if len(reported) >= 2 else None
    if years is None:
        return None
    refs = find_reports(store, agencies=q.agencies, years=years)
    held = {r.year for r in refs}
    lacking = [y for y in years if y not in held]
    name = refs[0].short_name if refs else q.agencies[0]
    if lacking:
        return Answer(q.text, cp.no_year_report(name, lacking, cp.no_change()), False, "refuse", reason="no-year")
    terms = group.metrics if group is not None else (metric,)
    before, after = (summed_value(store, terms, r) for r in sorted(refs, key=lambda r: r.year or 0))
    sources = tuple(cp.cell_source(c) for v in (before, after) for c in v.cells)
    absent = [v for v in (before, after) if v.value is None]
    if absent:
        return Answer(q.text, cp.no_change("".join(cp.absent_reason(terms[0], v) for v in absent)), False, "refuse",
                      sources=sources, reason="no-data")
    assert before.value is not None and after.value is not None
    unit = cp.metric_unit(metric)
    label = group.label if group is not None else cp.metric_label(metric)
    head = cp.years_head(name, label, [(v.report.year, cp.value_text(terms[0], v)) for v in (before, after)])
    diff = round(after.value - before.value, 6)
    span = (after.report.year or 0) - (before.report.year or 0)
    if ANNUAL.search(q.text) and span >= 2 and not TIMES_WORDS.search(q.text):
        return _annual(q, head, (before, after), span, unit=unit, sources=sources)
    if GROWTH_WORDS.search(q.text):
        if before.value == 0:
            return Answer(q.text, head + cp.zero_denominator(f"{before.report.year}年", "增长率"), False, "refuse",
                          sources=sources, reason="no-data")
        if TIMES_WORDS.search(q.text):  # 增长了几倍: the increase over the base (58 against 2 grew 28 times)
            times = round(diff / before.value, 2)
            formula = (f"({after.report.year}年 {cp.number_text(after.value)} − {before.report.year}年 "
                       f"{cp.number_text(before.value)}) / {before.report.year}年 {cp.number_text(before.value)} = "
                       f"{cp.number_text(times)}")
            whole = cp.number_text(round(after.value / before.value, 2))
            text = head + cp.growth_times(after.report.year, before.report.year, cp.number_text(times), whole, formula)
            return Answer(q.text, text, True, "table", value=times, unit="倍", sources=sources, formula=formula)
        rate = round(diff / before.value * 100, 1)
        formula = (f"增长率 = ({after.report.year}年 {cp.number_text(after.value)} − {before.report.year}年 "
                   f"{cp.number_text(before.value)}) / {before.report.year}年 {cp.number_text(before.value)} = {number(rate, '%')}")
        text = head + cp.growth_rate(after.report.year, before.report.year, diff, cp.number_text(abs(diff), unit=unit),
                                     rate, number(abs(rate), "%"), formula)
        return Answer(q.text, text, True, "table", value=_as_asked(q.text, rate), unit="%", sources=sources,
                      formula=formula)
    (y1, v1), (y0, v0) = (after.report.year, after.value), (before.report.year, before.value)
    than = BASE_YEAR.search(q.text)
    if than is not None and int(re.findall(r"\d{4}", than.group())[0]) == y1:  # 2022年…比2024年多多少: 2022 first
        (y1, v1), (y0, v0), diff = (y0, v0), (y1, v1), -diff
    which = WHICH_ONE.search(q.text) is not None  # 哪年多？多多少: the larger year first, the difference's size
    if which and diff < 0:
        (y1, v1), (y0, v0), diff = (y0, v0), (y1, v1), -diff
    formula = f"{y1}年 {cp.number_text(v1, unit=unit)} − {y0}年 {cp.number_text(v0, unit=unit)} = {cp.number_text(diff, unit=unit)}"
    text = head + cp.year_difference(y1, y0, diff, cp.number_text(abs(diff), unit=unit), formula)
    text += cp.opposite_change(asked_fall=FALL_WORDS.search(q.text) is not None, diff=diff)
    value = diff if which else _as_asked(q.text, diff)
    return Answer(q.text, text, True, "table", value=value, unit=unit, sources=sources, formula=formula)


def _annual(q: Question, head: str, ends: tuple[MetricValue, MetricValue], span: int, *, unit: str,
            sources: tuple[Source, ...]) -> Answer:
    """A change spread over the years between two ends: the compound annual rate (年均增长百分之几, 年均增速) or the
    mean yearly difference (平均每年多多少件); a base of 0 is not divided by."""
    before, after = ends
    assert before.value is not None and after.value is not None
    y0, y1 = before.report.year or 0, after.report.year or 0
    v0, v1 = before.value, after.value
    if GROWTH_WORDS.search(q.text):
        if v0 == 0:
            return Answer(q.text, head + cp.zero_denominator(f"{y0}年", "年均增长率"), False, "refuse",
                          sources=sources, reason="no-data")
        rate = round(((v1 / v0) ** (1 / span) - 1) * 100, 1)
        formula = (f"年均增长率 = ({y1}年 {cp.number_text(v1)} / {y0}年 {cp.number_text(v0)})^(1/{span}) − 1 = "
                   f"{number(rate, '%')}")
        text = head + cp.annual_growth_rate(y1, y0, rate, number(abs(rate), "%"), formula)
        return Answer(q.text, text, True, "table", value=_as_asked(q.text, rate), unit="%", sources=sources,
                      formula=formula)
    each = round((v1 - v0) / span, 2)
    formula = (f"({y1}年 {cp.number_text(v1, unit=unit)} − {y0}年 {cp.number_text(v0, unit=unit)}) / {span}年 = "
               f"{cp.number_text(each, unit=unit)}")
    text = head + cp.annual_difference(y1, y0, each, cp.number_text(abs(each), unit=unit), formula)
    return Answer(q.text, text, True, "table", value=_as_asked(q.text, each), unit=unit, sources=sources, formula=formula)


def summed_value(store: ReportStore, metrics: Sequence[Metric], ref: ReportRef) -> MetricValue:
    """One report's value of several rows added (予以公开 + 部分公开), its cells all kept; None when one is not read."""
    values = [metric_values(store, m, reports=[ref])[0] for m in metrics]
    if len(values) == 1:
        return values[0]
    total = None if any(v.value is None for v in values) else round(sum(v.value or 0.0 for v in values), 6)
    return MetricValue(ref, total, tuple(c for v in values for c in v.cells), tuple(u for v in values for u in v.unread))


def _as_asked(text: str, change: float) -> float:
    """A change as the question counts it: 下降了百分之几 / 少了多少 asks the size of a fall (a fall of 80% is 80)."""
    return -change if FALL_WORDS.search(text) else change
