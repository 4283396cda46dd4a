"""Answers over indicators (qa/arith.py): each report's value with its arithmetic, a ranking, a gap in 个百分点
between two reports (from the unrounded rates), a multiple (几倍), a series over years, and the printed growth rate of
the 2019 template's rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from govqa.core.numbers import cn_number
from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.arith_base import received_base
from govqa.qa.arith_words import (
    ANNUAL,
    BASE_YEAR,
    CHANGED,
    FALL_WORDS,
    GROWTH_WORDS,
    PREVIOUS_YEAR,
    RISE_WORDS,
    THAN_YEAR,
    TIMES_WORDS,
    WHICH,
    asks_difference,
)
from govqa.qa.indicators import (
    Indicator,
    IndicatorValue,
    broken_cells,
    broken_note,
    indicator_values,
    leaves,
    number,
    places,
)
from govqa.qa.table_query import ReportRef, find_reports, metric_values
from govqa.qa.trend import NEWEST_N, TREND_WORDS, template_prints


def prints_change(metric: Metric, *, store: ReportStore, refs: Sequence[ReportRef]) -> bool:
    """Whether the reports asked print the row's own 本年增/减 (the 2019 template does, the 2021 template does not: a
    change from the year before is then computed from both years' cells)."""
    if "本年增/减" not in lx.ROW_COLS.get(metric.row, ()):
        return False
    ids = {r.id for r in refs}
    change = replace(metric, col="本年增/减")
    return all(template_prints(r.template, change) for r in store.reports() if r.id in ids)


def printed_rate(metric: Metric) -> Indicator | None:
    """The growth in percent over the year before from one report's own cells (本年增/减 / 上一年项目数量), for the rows
    the 2019 template prints both of; None for any other row (both years' cells are then compared)."""
    cols = lx.ROW_COLS.get(metric.row, ())
    if metric.table != "主动公开" or "本年增/减" not in cols or "上一年项目数量" not in cols:
        return None
    change, prior = replace(metric, col="本年增/减"), replace(metric, col="上一年项目数量")
    return Indicator(f"{metric.row}项目数量较上一年的增减幅度", (), (change,), (prior,), 100, "%")


# 降低了多少（百分比）: the change asked, no difference of two reports (the printed 本年增/减 is the change)
_ASKED_CHANGE = re.compile(r"(?:下降|减少|降低|增长|增加|上升|提高|变化|变动|增减|升降|少|多|涨|跌)了?(?:百分之|几成|多少|几)")


def rate_answer(q: Question, rate: Indicator, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """The printed growth rate of each report asked (one year's cells; 比上一年 is no difference of two reports)."""
    plain_q = replace(q, text=_ASKED_CHANGE.sub("", THAN_YEAR.sub("", PREVIOUS_YEAR.sub("", q.text))))
    answer = indicator_answer(plain_q, [rate], store=store, refs=refs)
    if answer is None:
        return None
    if answer.found and answer.value is not None:  # 下降了百分之几: the size of the fall, the direction said
        asked_fall = FALL_WORDS.search(q.text) is not None
        asked_rise = not asked_fall and RISE_WORDS.search(q.text) is not None
        text = answer.text + cp.direction_note(answer.value, asked_fall=asked_fall, asked_rise=asked_rise)
        value = -answer.value if asked_fall else answer.value
        return replace(answer, question=q.text, text=text, value=value)
    return replace(answer, question=q.text)



def series_refs(q: Question, *, store: ReportStore) -> tuple[list[ReportRef], list[int]] | None:
    """An indicator over one agency's years (近几年的公开率, 2020到2022年的公开率): the reports of the span and the years
    of it the store lacks; None when q asks one year, a change or a difference (those compare two years)."""
    if len(q.agencies) != 1 or len(q.years) == 1 or not TREND_WORDS.search(q.text):
        return None
    if asks_difference(q.text) or GROWTH_WORDS.search(q.text) or CHANGED.search(q.text):
        return None
    held = [r for r in find_reports(store, agencies=q.agencies) if r.year is not None]
    years = sorted({r.year for r in held if r.year is not None})
    span = list(range(min(q.years), max(q.years) + 1)) if q.years else list(range(years[0], years[-1] + 1)) if years else []
    if not q.years and (newest := NEWEST_N.search(q.text)) is not None and (n := cn_number(newest.group(1))):
        span = years[-n:]  # 这两年的公开率: the agency's two newest reports
    refs = sorted((r for r in held if r.year in span), key=lambda r: r.year or 0)
    if len(span) < 2 or not refs:
        return None
    return refs, [y for y in span if y not in {r.year for r in refs}]



def indicator_answer(q: Question, found: Sequence[Indicator], *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """The indicators found in each report asked, with their arithmetic; a gap, multiple or ranking where asked."""
    if not refs:
        return None
    computable = [leaf for ind in found for leaf in (leaves(ind) if ind.parts else [ind])]
    if len(computable) == 1 and len(refs) == 2 and TIMES_WORDS.search(q.text) and not GROWTH_WORDS.search(q.text):
        return _indicator_times(q, computable[0], store=store, refs=refs)  # 今年的公开率是去年的几倍
    if len(computable) == 1 and (asks_difference(q.text) or WHICH.search(q.text) and len(refs) == 2):
        if (difference := _indicator_difference(q, computable[0], store=store, refs=refs)) is not None:
            return difference
    values = [v for ind in computable for v in indicator_values(store, ind, reports=refs)]
    ranked = q.intent in ("ranking", "compare") or lx.RANK_DESC.search(q.text) or lx.RANK_ASC.search(q.text)
    if ranked and len({r.agency for r in refs}) > 1 and len(computable) == 1:
        return _ranking(q, computable[0], values)
    shown = [v for v in values if v.value is not None]
    failed = [v for v in values if v.value is None]
    text = "".join(cp.indicator_sentence(cp.report_title(v.report.agency, v.report.year), v.report.year, v.indicator.name,
                                         number(v.value or 0.0, v.indicator.unit), v.formula) for v in shown)
    text += "".join(v.problem for v in failed) + broken_note(values)
    sources = tuple(cp.cell_source(c) for v in values for c in v.cells)
    formula = "；".join(v.formula for v in values if v.formula) or None
    if not shown:
        return Answer(q.text, text, False, "refuse", sources=sources, reason="no-data", formula=formula)
    single = shown[0] if len(values) == 1 else None
    if single is not None and (base := received_base(store, single.indicator, ref=single.report)) is not None:
        text += base.text  # 商业企业提出的申请里部分公开的占几成: over 办理结果总计, and over 本年新收 where it differs
        sources += base.sources
        formula = "；".join(f for f in (formula, base.formula) if f) or None
    return Answer(q.text, text, True, "table", value=single.value if single else None,
                  unit=shown[0].indicator.unit, sources=sources, formula=formula)


def _ranking(q: Question, ind: Indicator, values: Sequence[IndicatorValue]) -> Answer:
    shown = sorted((v for v in values if v.value is not None), key=lambda v: v.value or 0.0, reverse=q.order != "asc")
    failed = [v for v in values if v.value is None]
    sources = tuple(cp.cell_source(c) for v in values for c in v.cells)
    if not shown:
        return Answer(q.text, "".join(v.problem for v in failed), False, "refuse", sources=sources, reason="no-data")
    top = shown[: q.top_n] if q.top_n else shown
    best = [v for v in shown if v.value == shown[0].value]
    items = [cp.ranked_item(i, v.report.short_name, number(v.value or 0.0, ind.unit), v.formula) for i, v in enumerate(top)]
    text = cp.indicator_ranking(ind.name, lowest=q.order == "asc", best=[v.report.short_name for v in best],
                                best_value=number(best[0].value or 0.0, ind.unit), items=items)
    if failed:
        text += cp.not_ranked("".join(v.problem for v in failed))
    text += broken_note(values)
    return Answer(q.text, text, True, "table", value=best[0].value, unit=ind.unit, sources=sources,
                  formula=best[0].formula)


def _indicator_difference(q: Question, ind: Indicator, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """An indicator of two reports (two years of one agency, or two agencies) and their difference in 百分点."""
    if len(q.agencies) == 1:  # two years of one agency: 比上一年, 比2021年
        years = two_years(q, store=store)
        if years is None:
            return None
        refs = find_reports(store, agencies=q.agencies, years=years)
        lacking = [y for y in years if y not in {r.year for r in refs}]
        if lacking:
            name = refs[0].short_name if refs else q.agencies[0]
            return Answer(q.text, cp.no_year_report(name, lacking, cp.cannot_compare(ind.name)), False, "refuse", reason="no-year")
    if len(refs) != 2:
        return None
    one_agency = len({r.agency for r in refs}) == 1
    order = {a: i for i, a in enumerate(q.agencies)}  # the agency named first is set against the other
    values = sorted(indicator_values(store, ind, reports=refs),
                    key=lambda v: -(v.report.year or 0) if one_agency else order.get(v.report.agency, 9))
    sources = tuple(cp.cell_source(c) for v in values for c in v.cells)
    failed = [v for v in values if v.value is None]
    if failed:
        return Answer(q.text, cp.no_comparison(ind.name, "".join(v.problem for v in failed)), False, "refuse",
                      sources=sources, reason="no-data")
    if not asks_difference(q.text) or WHICH.search(q.text):  # 谁高(？高多少): the higher one is said first
        values = sorted(values, key=lambda v: v.value or 0.0, reverse=True)
    one_year = len({v.report.year for v in values}) == 1  # 甲2023年和乙2020年: each named with its year
    (a, na), (b, nb) = ((v, f"{v.report.year}年" if one_agency else v.report.short_name if one_year
                         else f"{v.report.short_name}{v.report.year}年") for v in values)
    if one_agency and (base := BASE_YEAR.search(q.text)) and int(base.group()[-5:-1]) == a.report.year:
        (a, na), (b, nb) = (b, nb), (a, na)  # 2020年比2023年: 2020 first, 2023 the base
    digits = places(ind.unit)
    unit = "个百分点" if ind.unit == "%" else ind.unit  # an amount's gap (平均每个采购项目金额) is in 万元
    diff = round(_exact(a) - _exact(b), digits)  # 77.78 − 33.33 is 44.4 points, not 77.8 − 33.3 = 44.5
    formula = f"{na} {number(a.value or 0.0, ind.unit)} − {nb} {number(b.value or 0.0, ind.unit)} = {cp.number_text(diff)}{unit}"
    if round((a.value or 0.0) - (b.value or 0.0), digits) != diff:
        formula += cp.unrounded_note()
    listing = cp.indicator_listing(ind.name, [(n, number(v.value or 0.0, ind.unit), v.formula) for v, n in ((b, nb), (a, na))])
    titles = "、".join(cp.report_title(v.report.agency, v.report.year) for v in (b, a))
    text = cp.points_gap_sentence(titles, listing, na, nb, diff, formula, unit) + broken_note(values)
    if not asks_difference(q.text):  # 谁高: the answer is the higher (谁低: the lower) of the two rates
        best = (min if lx.LESS_WORDS.search(q.text) or lx.RANK_ASC.search(q.text) else max)(values, key=lambda v: v.value or 0.0)
        return Answer(q.text, text, True, "table", value=best.value, unit=ind.unit, sources=sources, formula=formula)
    span = abs((a.report.year or 0) - (b.report.year or 0))
    if one_agency and span >= 2 and ANNUAL.search(q.text):  # 年均提高多少个百分点: the gap spread over the years
        each = round((_exact(a) - _exact(b)) / span, 2)
        per_year = f"{cp.number_text(diff)}个百分点 / {span}年 = {cp.number_text(each)}个百分点"
        text += cp.points_per_year(span, each, per_year)
        return Answer(q.text, text, True, "table", value=abs(each), unit="个百分点", sources=sources,
                      formula=f"{formula}；{per_year}")
    return Answer(q.text, text, True, "table", value=abs(diff), unit=unit, sources=sources, formula=formula)


def _exact(v: IndicatorValue) -> float:
    """An indicator's unrounded value (its rounded one where none is kept)."""
    return v.exact if v.exact is not None else v.value or 0.0


def _name(ref: ReportRef, one_agency: bool, one_year: bool) -> str:
    """A report as a comparison names it: its year (one agency), its agency (one year), or both."""
    return f"{ref.year}年" if one_agency else ref.short_name if one_year else f"{ref.short_name}{ref.year}年"


def _named_first(q: Question, refs: Sequence[ReportRef]) -> list[ReportRef]:
    """Two reports in the order the question names them (its years, or its agencies)."""
    if len({r.agency for r in refs}) == 1:
        written = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", q.text)]
        return sorted(refs, key=lambda r: written.index(r.year) if r.year in written else 9)
    return sorted(refs, key=lambda r: q.agencies.index(r.agency) if r.agency in q.agencies else 9)


def _indicator_times(q: Question, ind: Indicator, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer:
    """An indicator of the report named first as a multiple of the other's (2023年的公开率是2021年的几倍)."""
    one_agency = len({r.agency for r in refs}) == 1
    a, b = indicator_values(store, ind, reports=_named_first(q, refs))
    sources = tuple(cp.cell_source(c) for v in (a, b) for c in v.cells)
    failed = [v for v in (a, b) if v.value is None]
    if failed or b.value == 0:
        why = "".join(v.problem for v in failed) or cp.zero_base(ind.name)
        return Answer(q.text, cp.no_multiple(why), False, "refuse", sources=sources, reason="no-data")
    assert a.value is not None and b.value is not None
    na, nb = (_name(v.report, one_agency, a.report.year == b.report.year) for v in (a, b))
    ratio = round(a.value / b.value, 2)
    formula = f"{na} {number(a.value, ind.unit)} / {nb} {number(b.value, ind.unit)} = {cp.number_text(ratio)}"
    listing = cp.indicator_listing(ind.name, [(n, number(v.value or 0.0, ind.unit), v.formula) for v, n in ((a, na), (b, nb))])
    titles = "、".join(cp.report_title(v.report.agency, v.report.year) for v in (a, b))
    text = cp.times_sentence(titles, listing, na, nb, cp.number_text(ratio), formula) + broken_note([a, b])
    return Answer(q.text, text, True, "table", value=ratio, unit="倍", sources=sources, formula=formula)


def times_answer(q: Question, metric: Metric, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """A是B的几倍 over two reports (two agencies, or two years of one): the one named first over the other."""
    one_agency = len({r.agency for r in refs}) == 1
    a, b = metric_values(store, metric, reports=_named_first(q, refs))
    sources = tuple(cp.cell_source(c) for v in (a, b) for c in v.cells)
    if a.value is None or b.value is None:
        why = "".join(cp.absent_reason(metric, v) for v in (a, b) if v.value is None)
        return Answer(q.text, cp.no_multiple(why), False, "refuse", sources=sources, reason="no-data")
    na, nb = (_name(v.report, one_agency, a.report.year == b.report.year) for v in (a, b))
    titles = "、".join(cp.report_title(v.report.agency, v.report.year) for v in (a, b))
    head = cp.two_values_head(titles, cp.metric_label(metric), [(na, cp.value_text(metric, a)), (nb, cp.value_text(metric, b))])
    if b.value == 0:
        return Answer(q.text, head + cp.zero_denominator(nb, "倍数"), False, "refuse", sources=sources, reason="no-data")
    ratio = round(a.value / b.value, 2)
    formula = f"{na} {cp.number_text(a.value)} / {nb} {cp.number_text(b.value)} = {cp.number_text(ratio)}"
    broken = [f"{n}的{'、'.join(cells)}" for n, v in ((na, a), (nb, b)) if (cells := broken_cells(store, v.report.id, v.cells))]
    note = cp.note_broken_cells(broken)
    return Answer(q.text, head + cp.multiple_said(na, nb, cp.number_text(ratio), formula) + note, True, "table",
                  value=ratio, unit="倍", sources=sources, formula=formula)


def two_years(q: Question, *, store: ReportStore) -> list[int] | None:
    """The two years a change compares: the two written, or the one named (else the latest) and the year before."""
    written = sorted({int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", q.text)})
    # 上一年 is the year before the one named; 2020年到2024年 compares its two ends
    years = written if PREVIOUS_YEAR.search(q.text) or len(written) == 2 else sorted(q.years)
    if not years and PREVIOUS_YEAR.search(q.text):  # 比上一年 without a year: the agency's latest report
        years = [r.year for r in find_reports(store, agencies=q.agencies) if r.year is not None][-1:]
    if len(years) == 1:
        return [years[0] - 1, years[0]]
    return [years[0], years[-1]] if len(years) >= 2 else None  # a span (2021到2023年): its two ends
