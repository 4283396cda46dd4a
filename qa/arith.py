"""Questions that need arithmetic over cells: indicators (公开率 …), shares (占多大比例), two figures at once
(收到多少申请？其中予以公开的有多少？) and changes from the year before (比上一年多了多少, 增长了百分之几).

Each answer shows its arithmetic (``Answer.formula``) and cites every cell it used; a denominator of 0 is said, never
divided by (found false, reason no-data). Several figures of one report (listed, summed, subtracted) are qa/figures.py;
differences and sums between agencies stay with the table route (qa/table_route.py; sentences compose.py ``_compare``, ``_sum``).

    >>> arithmetic_answer(understand("红寺堡区2020年的公开率是多少？", catalog=c), store=store, pairs=pairs).formula
    '公开率 = (予以公开 8 + 部分公开 0) / 办理结果总计 11 = 72.7%'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from govqa.core.numbers import cn_number
from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.figures import asked_terms, asks_sum, figures_answer, glossed_metrics, shared_metrics, with_col
from govqa.qa.indicators import (
    Group,
    Indicator,
    IndicatorValue,
    broken_cells,
    broken_note,
    find_indicators,
    indicator_values,
    leaves,
    load_groups,
    number,
    term_label,
)
from govqa.qa.table_query import ReportRef, find_reports, metric_values
from govqa.qa.trend import NEWEST_N, TREND_WORDS, template_prints

SHARE_WORDS = re.compile(r"占[^，。？?；]{0,12}?(?:比例|比重|百分之|多少|几成|%)|比例|占比|比重|所占|百分之(?:几|多少)|几成")
# 增长多少 with no counting word after it asks for a rate (增长了多少件 asks for the difference: DIFF_WORDS)
GROWTH_WORDS = re.compile(r"(?:增长|增加|上升|提高|下降|减少|降低|变化|变动|增减|升降)(?:了|幅度)?(?:百分之|几成|多少个?百分点|几倍|多少倍)|"
                          r"增长率|增幅|增速|降幅|(?:增长|增加|上升|提高|下降|减少|降低|变化|变动|增减|升降)(?:率|幅度)|"
                          r"同比(?:增长|下降|变化)|增长了?(?:多少|几)(?![件个条项次份起宗万元])|"
                          r"(?:多|少|涨|跌)了?(?:百分之|几成)|"  # 多了百分之几
                          r"(?:增长|增加|上升|提高|下降|减少|降低|变化|变动|增减|升降|涨|跌)[^，。？?；]{0,10}?百分[比率]|"
                          r"百分[比率][^，。？?；]{0,6}?(?:增长|增加|上升|提高|下降|减少|降低|变化|变动)")  # 按百分比
PREVIOUS_YEAR = re.compile(r"[比较](?:上一?|前一)年度?|比去年|较去年|同比|[与和跟同](?:上一?|前一|去)年度?(?:相?比|对比|比较)")
THAN_YEAR = re.compile(r"(?:比|较|与|和|跟|同)\s*(?:19|20)\d{2}\s*年")  # 2023年较2021年
SPAN = re.compile(r"(?:19|20)\d{2}\s*年?\s*(?:到|至|—|-|~|～)\s*(?:19|20)\d{2}")  # 2021到2023年变化了多少: its ends
CHANGED = re.compile(r"(?:变化|变动|增减|升降)了?(?:多少|几)")  # a change with no direction said: signed
_THAN_CHANGE = re.compile(r"(?:多|少|增加|增长|减少|下降|上升|降低|提高|高|低)了?(?:多少|几)")  # after 比2022年
CHANGE_WORDS = re.compile(r"多|少|增|减|升|降|高|低|变化|差")  # after 较去年: 较去年增加了多少
FALL_WORDS = re.compile(r"(?:下降|减少|降低|少)了?(?:百分之|几|多少)|降幅")
_WHICH = re.compile(lx.COMPARE_WORDS.pattern + r"|谁更?(?:高|低|大|小)|哪(?:个|家|一)[^，。？?]{0,6}?更?(?:高|低)")
TIMES_WORDS = re.compile(r"(?:几|多少)倍")
_WHICH_ONE = re.compile(r"哪(?:一|个)?(?:年|个|家|单位|机关|部门)|谁")  # 哪年多？多多少 / 哪一年少
_RATIO_WORDS = re.compile(r"比率|比例|比重|百分比|占比")
POINTS = re.compile(r"百分点")  # a change of a share or a rate, in points (上升了多少个百分点)
GAP_WORDS = re.compile(r"相差|差了?多少|差几|差距|差额|差值")  # A和B相差多少: a difference without 比


def asks_difference(text: str) -> bool:
    """Whether a text asks a difference (比…高多少, 相差多少, 比上一年变化了多少); 比例 / 比率 are no 比."""
    text = _RATIO_WORDS.sub("", text)
    return bool(lx.DIFF_WORDS.search(text) or GAP_WORDS.search(text) or lx.HOW_MUCH_MORE.search(text) or asks_change(text))


def asks_change(text: str) -> bool:
    """Whether a text asks how a figure changed from the year before (比上一年多了多少, 较去年增加了多少) or from a year
    it names (2023年较2021年变化了多少)."""
    m = PREVIOUS_YEAR.search(text)
    if m is None:
        than = THAN_YEAR.search(text)  # 2024年比2022年减少了多少: a direction said after 比+year is a change too
        if than is not None and _THAN_CHANGE.search(text, than.end()):
            return True
        span = SPAN.search(text)  # 2020年到2024年增加了多少: the change between the span's ends
        if span is not None and _THAN_CHANGE.search(text, span.end()):
            return True
        return bool((than or span) and CHANGED.search(text))
    return lx.DIFF_WORDS.search(text) is not None or CHANGE_WORDS.search(text, m.end()) is not None


def recognise(q: Question) -> bool:
    """Whether q's wording may ask for arithmetic (an indicator, a share, a change, several figures, a ratio): pure
    and cheap, read by the plan; arithmetic_answer is None whenever this is False (the cells decide the rest)."""
    return _asks_arithmetic(q, q.text) or bool(q.followup and q.query and _asks_arithmetic(q, q.query))


def _asks_arithmetic(q: Question, text: str) -> bool:
    """The wording tests of _arithmetic, in its order, without reading a cell."""
    if find_indicators(text):
        return True
    return q.metric is not None and bool(GROWTH_WORDS.search(text) or asks_change(text) or SHARE_WORDS.search(text)
                                         or TIMES_WORDS.search(text) or PER_PERIOD.search(text)
                                         or asked_terms(replace(q, text=text)) is not None
                                         or _counted_group(replace(q, text=text), metric=q.metric) is not None)


def arithmetic_answer(q: Question, *, store: ReportStore, pairs: Sequence[tuple[str, int]]) -> Answer | None:
    """The answer to an arithmetic question, or None when q is not one (the ordinary route then answers).

    A follow-up that names no figure of its own (掌政镇呢？, 2019年呢？) does the earlier question's arithmetic again.
    """
    from govqa.qa.understand import find_metric

    if q.followup and q.query and not find_indicators(q.text) and find_metric(q.text) is None:
        before = q.query.removesuffix(q.text).strip()
        if _arithmetic(replace(q, text=before), store=store, pairs=pairs) is None:
            return None  # 那本年增减了多少 after a plain value: a column of the same row, no arithmetic to do again
        again = _arithmetic(replace(q, text=q.query), store=store, pairs=pairs)
        return replace(again, question=q.text) if again is not None else None
    return _arithmetic(q, store=store, pairs=pairs)


def _arithmetic(q: Question, *, store: ReportStore, pairs: Sequence[tuple[str, int]]) -> Answer | None:
    refs = [r for r in find_reports(store, agencies=sorted({a for a, _ in pairs}), years=sorted({y for _, y in pairs}))
            if (r.agency, r.year) in set(pairs)]
    if SHARE_WORDS.search(q.text) and (described := described_share(q.text)) is not None:
        return _indicator_answer(q, [described], store=store, refs=refs)  # 公开了的申请里，部分公开的占多少
    found = _named_row_first(q, find_indicators(q.text))
    if len(found) == 1 and SHARE_WORDS.search(q.text) and not _EACH.search(q.text) \
            and (summed := _share_of_sum(q.text)) is not None and set(found[0].numerator) != set(summed.numerator) \
            and (set(found[0].numerator) < set(summed.numerator) or glossed_metrics(q.text) is not None):
        found = [summed]  # 不予公开或者无法提供的申请占多少 / 没拿到信息（不予公开或无法提供）: the rows said, added
    if found:
        if (series := _series_refs(q, store=store)) is not None:  # 近几年的公开率: each year of the span
            held, lacking = series
            answer = _indicator_answer(q, found, store=store, refs=held)
            if answer is not None and answer.found and lacking and not q.years:  # years asked: qa/answer.py says them
                note = f"（{'、'.join(f'{y}年' for y in lacking)}的报告不在知识库中，未计入，不按零计。）"
                answer = replace(answer, text=answer.text + note)
            return answer
        return _indicator_answer(q, found, store=store, refs=refs)
    if q.metric is None:
        return None
    if SHARE_WORDS.search(q.text) and (POINTS.search(q.text) or asks_change(q.text) and not GROWTH_WORDS.search(q.text)) \
            and len(shares := _shares(q)) == 1:  # 无法提供的占比比2022年上升了几个百分点: the share's change, not the count's
        return _indicator_answer(q, shares, store=store, refs=refs)
    printed_change = _prints_change(q.metric, store=store, refs=refs)  # 比上一年: the 2019 template's 本年增/减
    between = PREVIOUS_YEAR.search(q.text) is None  # two years named (2023年较2021年): 本年增/减 is no answer
    if GROWTH_WORDS.search(q.text) and (rate := _printed_rate(q.metric)) is not None:
        latest = [r for r in refs if r.year == max(q.years or [0])]  # 2020年比2019年增长了百分之几: 2020's own cells
        year_before = len(set(q.years)) == 2 and max(q.years) - min(q.years) == 1 and not SPAN.search(q.text)
        if year_before and latest and _prints_change(q.metric, store=store, refs=latest):
            return _rate_answer(q, rate, store=store, refs=latest)
        if printed_change and len(q.years) < 2 and not THAN_YEAR.search(q.text) and not SPAN.search(q.text):
            return _rate_answer(q, rate, store=store, refs=refs)  # the 2019 template prints both terms
    if GROWTH_WORDS.search(q.text) or (asks_change(q.text) and (between or not printed_change)):
        return _change_answer(q, store=store)
    if asks_change(q.text) and printed_change:  # 跟上一年比增减了多少: the printed 本年增/减 (the table route)
        return None
    if (per := PER_PERIOD.search(q.text)) is not None and len(q.years) <= 1:  # 平均每月收到多少申请: the year's / 12
        return _per_period_answer(q, with_col(q.metric), per, store=store, refs=refs)
    if (several := figures_answer(q, store=store, refs=refs)) is not None:  # 多少…其中…多少, 和…一共, 比…多多少
        return several
    if len(refs) == 1 and not SHARE_WORDS.search(q.text) and (group := _counted_group(q)) is not None:
        return _group_count_answer(q, *group, store=store, ref=refs[0])  # 没公开的申请有多少件: the group's rows added
    if SHARE_WORDS.search(q.text) and (shares := _shares(q)):
        return _indicator_answer(q, shares, store=store, refs=refs)
    if TIMES_WORDS.search(q.text) and len(refs) == 2:
        return _times_answer(q, with_col(q.metric), store=store, refs=refs)
    return None


# 平均每月 / 月均 / 每个月平均 / 平均一个月: a year's count spread over its months (or quarters); a report counts a year
PER_PERIOD = re.compile(r"(?:平均)(?:每|一)个?(月|季度?)|每个?(月|季度?)平均|(月|季)均")
_PERIODS = {"月": (12, "个月"), "季": (4, "个季度")}


def _per_period_answer(q: Question, metric: Metric, per: re.Match[str], *, store: ReportStore,
                       refs: Sequence[ReportRef]) -> Answer | None:
    """A year's count per month (or quarter) in each report asked: the printed figure divided, the division shown."""
    if not refs:
        return None
    word = next(g for g in per.groups() if g)[0]
    n, label = _PERIODS[word]
    values = metric_values(store, metric, reports=refs)
    sources = tuple(cp.cell_source(c) for v in values for c in v.cells)
    shown = [v for v in values if v.value is not None]
    if not shown:
        why = "".join(cp.absent_reason(metric, v) for v in values)
        return Answer(q.text, cp.per_period_missing(why), False, "refuse", sources=sources, reason="no-data")
    unit = cp.metric_unit(metric)
    parts = [(v, round((v.value or 0.0) / n, 2)) for v in shown]
    formulas = [f"{cp.metric_label(metric)} {cp.number_text(v.value or 0.0, unit=unit)} / {n}{label} = "
                f"{cp.number_text(avg, unit=unit)}" for v, avg in parts]
    text = "".join(cp.per_period_sentence(cp.report_title(v.report.agency, v.report.year), v.report.year,
                                          cp.metric_label(metric), label.removeprefix("个"), cp.number_text(avg, unit=unit), f)
                   for (v, avg), f in zip(parts, formulas, strict=True))
    text += "".join(cp.absent_reason(metric, v) for v in values if v.value is None)
    return Answer(q.text, text, True, "table", value=parts[0][1] if len(values) == 1 else None, unit=unit,
                  sources=sources, formula="；".join(formulas))


_COUNT_AFTER = re.compile(r"的?(?:申请|件|案件)?(?:中|里|里面|当中)?[^，。？?；]{0,8}?(?:有|是|一共|共|总共|合计|加起来)?(?:多少|几)")


def _counted_group(q: Question, *, metric: Metric | None = None) -> tuple[Group, str] | None:
    """A count of a described group the question names where its own reading found only the applications received
    (公开了的申请一共多少件, 没公开的有几件, 公开的申请里自然人提的有几件): the group and the applicant column asked.
    The plan passes the question's own metric (no second reading); the route reads q.text again."""
    from govqa.qa.understand import find_metric

    metric = metric if metric is not None else find_metric(q.text)
    if metric is None or metric.table != "申请" or metric.row != "一":  # 公开了多少条信息: no applications at all
        return None
    for group in load_groups():
        for pattern in group.patterns:
            for hit in pattern.finditer(q.text):
                if _BARE_GROUP.fullmatch(hit.group()) or not _COUNT_AFTER.match(q.text, hit.end()):
                    continue
                return group, metric.col or "总计"
    return None


def _group_count_answer(q: Question, group: Group, col: str, *, store: ReportStore, ref: ReportRef) -> Answer:
    """A described group's count in one report: its rows added, each cited (予以公开 24 + 部分公开 6 = 30)."""
    terms = [replace(t, col=col) for t in group.terms]
    values = [metric_values(store, m, reports=[ref])[0] for m in terms]
    sources = tuple(cp.cell_source(c) for v in values for c in v.cells)
    absent = [(m, v) for m, v in zip(terms, values, strict=True) if v.value is None]
    if absent:
        why = "".join(cp.absent_reason(m, v) for m, v in absent)
        return Answer(q.text, cp.group_count_missing(group.name, why), False, "refuse", sources=sources, reason="no-data")
    total = round(sum(v.value or 0.0 for v in values), 6)
    formula = " + ".join(f"{term_label(m)} {cp.number_text(v.value or 0.0)}" for m, v in zip(terms, values, strict=True))
    formula += f" = {cp.number_text(total)}"
    unit = cp.metric_unit(terms[0])
    broken = broken_cells(store, ref.id, [c for v in values for c in v.cells])
    text = cp.group_count_sentence(cp.report_title(ref.agency, ref.year), ref.year, group.name,
                                   col if col != "总计" else "", cp.number_text(total, unit=unit), formula)
    text += cp.note_broken_cells(["、".join(broken)] if broken else [])
    return Answer(q.text, text, True, "table", value=total, unit=unit, sources=sources, formula=formula)


def _prints_change(metric: Metric, *, store: ReportStore, refs: Sequence[ReportRef]) -> bool:
    """Whether the reports asked print the row's own 本年增/减 (the 2019 template does, the 2021 template does not: a
    change from the year before is then computed from both years' cells)."""
    if "本年增/减" not in lx.ROW_COLS.get(metric.row, ()):
        return False
    ids = {r.id for r in refs}
    change = replace(metric, col="本年增/减")
    return all(template_prints(r.template, change) for r in store.reports() if r.id in ids)


def _printed_rate(metric: Metric) -> Indicator | None:
    """The growth in percent over the year before from one report's own cells (本年增/减 / 上一年项目数量), for the rows
    the 2019 template prints both of; None for any other row (both years' cells are then compared)."""
    cols = lx.ROW_COLS.get(metric.row, ())
    if metric.table != "主动公开" or "本年增/减" not in cols or "上一年项目数量" not in cols:
        return None
    change, prior = replace(metric, col="本年增/减"), replace(metric, col="上一年项目数量")
    return Indicator(f"{metric.row}项目数量较上一年的增减幅度", (), (change,), (prior,), 100, "%")


def _rate_answer(q: Question, rate: Indicator, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """The printed growth rate of each report asked (one year's cells; 比上一年 is no difference of two reports)."""
    plain_q = replace(q, text=THAN_YEAR.sub("", PREVIOUS_YEAR.sub("", q.text)))
    answer = _indicator_answer(plain_q, [rate], store=store, refs=refs)
    return replace(answer, question=q.text) if answer is not None else None


# ---- indicators and shares -----------------------------------------------------------------------------------

def _series_refs(q: Question, *, store: ReportStore) -> tuple[list[ReportRef], list[int]] | None:
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


def _named_row_first(q: Question, found: list[Indicator]) -> list[Indicator]:
    """A row named inside an indicator's group beats the indicator: 因补正后仍不明确而无法提供的比例 is that row's share,
    not 无法提供率."""
    metric = q.metric
    if len(found) != 1 or metric is None or metric.table != "申请" or found[0].parts:
        return found
    group = metric.row.rpartition(".")[0]
    if group in lx.GROUP_ROWS and any(m.row == group for m in found[0].numerator):
        share = share_indicator(metric)
        return [_of_named_whole(q.text, _within_group(q.text, share))] if share is not None else found
    # 因为无法提供而没公开的比例: one group of reasons named is that group's share, not all not published (公开（包括部分
    # 公开）的占比 names a published row: still 公开率)
    rows = [m.row for m in found[0].numerator]
    named = [r for r in rows if lx.ROW_SHORT.get(r, r) in q.text]
    if metric.row in lx.GROUP_ROWS and len(rows) > 1 and named == [metric.row] \
            and (share := share_indicator(metric)) is not None:
        return [share]
    return found


def share_indicator(metric: Metric) -> Indicator | None:
    """A share as an ad-hoc indicator: a 办理结果 row of 三.七, an applicant column of all new applications, or an
    outcome of 复议 / 诉讼 of all its cases (复议维持的占比)."""
    if metric.table == "复议诉讼":
        group, _, outcome = (metric.col or "").partition(".")
        if outcome == "总计" and f"诉讼.{outcome}" in lx.COMPOSITE and group in ("直诉", "复议后诉"):
            whole = Metric("复议诉讼", metric.row, "诉讼.总计")  # 诉讼案件中复议后起诉的占比: of all suits
            label = "未经复议直接起诉" if group == "直诉" else "复议后起诉"
            return Indicator(f"{label}的案件占行政诉讼的比例", (), (metric,), (whole,), 100, "%")
        if not outcome or outcome == "总计":
            return None
        whole = Metric("复议诉讼", metric.row, f"{group}.总计")
        return Indicator(f"{cp.metric_label(metric)}占比", (), (metric,), (whole,), 100, "%")
    if metric.table != "申请":
        return None
    col = metric.col or "总计"
    if metric.row.startswith("三.") and metric.row != "三.七":
        label = lx.ROW_SHORT.get(metric.row, metric.row)
        return Indicator(f"{label}的申请占比", (), (replace(metric, col=col),), (Metric("申请", "三.七", col),), 100, "%")
    if metric.row == "一" and col != "总计":
        return Indicator(f"{col}申请占比", (), (metric,), (Metric("申请", "一", "总计"),), 100, "%")
    if metric.row == "二":  # carried in, of all the year had to handle (新收 + 上年结转)
        return Indicator("上年结转的申请占比", (), (replace(metric, col=col),),
                         (Metric("申请", "一", col), Metric("申请", "二", col)), 100, "%")
    return None


# a whole of 行政复议 and 行政诉讼 together (复议和诉讼里, 复议加上诉讼的案件中, 复议诉讼案件总数中)
_CASES_WHOLE = re.compile(r"复议(?:案件|案子)?(?:和|与|及|、|以及|加上?|跟|同|连同)(?:行政)?(?:诉讼|起诉|官司)|复议诉讼(?:案件)?")
_CASE_TOTALS = {"复议": ("复议.总计",), "直诉": ("直诉.总计",), "复议后诉": ("复议后诉.总计",),
                "诉讼": ("直诉.总计", "复议后诉.总计")}


def case_share(before: str, part: Metric) -> Indicator | None:
    """复议's (or 诉讼's) share of 复议 and 诉讼 together when the text before the share word names both as the whole
    (行政复议和行政诉讼里，行政复议所占的比例: 复议 / (复议 + 直诉 + 复议后诉)); None otherwise."""
    pieces = [p for p in _WITHIN.split(before) if p]
    if part.table != "复议诉讼" or not any(_CASES_WHOLE.search(p) for p in pieces[:-1]):
        return None
    group, _, outcome = (part.col or "").partition(".")
    if outcome not in ("", "总计") or group not in _CASE_TOTALS:
        return None
    whole = tuple(Metric("复议诉讼", part.row, c) for c in (*_CASE_TOTALS["复议"], *_CASE_TOTALS["诉讼"]))
    numerator = tuple(Metric("复议诉讼", part.row, c) for c in _CASE_TOTALS[group])
    label = {"复议": "行政复议", "诉讼": "行政诉讼", "直诉": "未经复议直接起诉", "复议后诉": "复议后起诉"}[group]
    return Indicator(f"{label}占行政复议和行政诉讼的比例", (), numerator, whole, 100, "%")


_EACH = re.compile(r"各|分别")
_WITHIN = re.compile(r"当中|之中|里面|中|里|，|,")  # 办理结果中予以公开的比例: the share is of what comes last


def _shares(q: Question) -> list[Indicator]:
    """The shares a question asks: of each row joined (各占多少), of their sum (加起来占比), or of the one named last
    before the share word (依申请公开办理结果中予以公开的比例 is 予以公开's share, not the total's)."""
    metrics = shared_metrics(q.text)
    if metrics and _EACH.search(q.text) and not asks_sum(q.text):  # 合计占比各是多少: 各 runs over the years
        each = [share_indicator(m) for m in metrics]
        return [s for s in each if s is not None] if all(each) else []
    if (summed := _share_of_sum(q.text)) is not None:
        return [summed]
    from govqa.qa.understand import find_metric

    m = SHARE_WORDS.search(q.text)
    before = q.text[: m.start()] if m else q.text
    named = [x for piece in _WITHIN.split(before) if (x := find_metric(piece)) is not None]
    if named and (cases := case_share(before, named[-1])) is not None:
        return [cases]  # 复议和诉讼里，复议所占的比例: of all the cases both count
    after = find_metric(q.text[m.end():]) if m else None  # 申请有多少比例被驳回: the item follows the share word
    if after is not None and named and (share := share_indicator(after)) is not None \
            and (inside := _within_group(before, share, last_too=True)) != share:
        return [inside]  # 不予公开的申请，有百分之几是因为内部事务信息: the item after the share word, within the group
    for metric in [*named[-1:], after, q.metric]:
        if metric is not None and (share := share_indicator(with_col(metric) if metric.table != "申请" else metric)):
            return [_of_named_whole(q.text, _within_group(before, share))]
    return []


def _within_group(text: str, share: Indicator, *, last_too: bool = False) -> Indicator:
    """A share within the group named first (不予公开的申请里，因内部事务信息的占多少: of 不予公开, not of all outcomes;
    法人或其他组织中商业企业占几成: of the organisations' column), else share itself."""
    from govqa.qa.understand import find_metric

    if len(share.numerator) != 1:
        return share
    part = share.numerator[0]
    pieces = [p for p in _WITHIN.split(text) if p]
    for piece in pieces if last_too else pieces[:-1]:  # the last piece before the share word names the part
        whole = find_metric(piece)
        if whole is None or whole.table != part.table or whole == part:
            continue
        if whole.row in lx.GROUP_ROWS and part.row.startswith(whole.row + ".") and whole.col == part.col:
            group = whole
        elif whole.row == part.row and part.col in lx.COMPOSITE.get(whole.col or "", ()):
            group = whole
        else:
            continue
        return replace(share, name=f"{term_label(part)}占{term_label(group)}的比例", denominator=(group,))
    return share


def described_share(text: str) -> Indicator | None:
    """A share whose whole the question describes: a group of rows in words (公开了的那些申请里，只公开了一部分的占
    多少: of 予以公开 + 部分公开; 部分公开占公开总数的比例), or a row whose applicant column is asked (部分公开的申请中，
    自然人提出的占多少: of that row's 总计) or a column whose row is asked (自然人的申请里部分公开的占比). None when the
    text names no such whole before its part (the usual shares: _shares)."""
    from govqa.qa.understand import find_metric

    share = SHARE_WORDS.search(text)
    if share is None:
        return None
    pieces = [p for p in _WITHIN.split(text[: share.start()]) if p]
    if (after := _share_of_described_after(text, share.end())) is not None:
        return after  # 部分公开占公开总数的百分之几: the whole after 占
    if pieces and (group := _group_ending(pieces[-1])) is not None and find_metric(text[share.end():]) is None \
            and not find_indicators(text):
        return _group_of_all(group)  # 没公开的申请占多少 (公开了的申请占多少 is 公开率, a catalogue entry)
    if len(pieces) < 2:
        return None
    last = find_metric(pieces[-1])
    part = last if last is not None and _group_ending(pieces[-1]) is None else find_metric(text[share.end():])
    if part is None or part.table != "申请":
        return None
    for piece in pieces[:-1]:
        group = _group_ending(piece)
        if group is not None and (within := _group_share(part, group, across=_group_ending(piece, marked=True) is not None)):
            return within
        whole = find_metric(piece)
        if whole is not None and whole.table == "申请" and (cross := _cross_share(whole, part)) is not None:
            return cross
    return None


def _group_of_all(group: Group) -> Indicator:
    """A described group's share of all the outcomes (没公开的申请占比: (不予公开 + … + 其他处理) / 办理结果总计)."""
    total = Metric("申请", "三.七", "总计")
    return Indicator(f"{group.name}占{term_label(total)}的比例", (), group.terms, (total,), 100, "%")


# a bare 公开的申请 may be the disclosure applications themselves (信息公开申请); 公开了的 / 被公开的 / 公开的那些 are the
# outcome: a group said bare is taken only where its part is a row inside it (公开的申请里部分公开的占多少)
_BARE_GROUP = re.compile(r"公开的?(?:申请|件|案件|案子)?(?:总数|总量|总件数|件数|数量)?")


def _group_ending(piece: str, *, marked: bool = False) -> Group | None:
    """The described group a piece of the question ends with (公开了的那些申请|里), if any; ``marked``: not said bare."""
    return next((g for g in load_groups() for p in g.patterns for m in p.finditer(piece)
                 if m.end() == len(piece) and not (marked and _BARE_GROUP.fullmatch(m.group()))), None)


def _share_of_described_after(text: str, end: int) -> Indicator | None:
    """部分公开占公开总数的百分之几 / 不予公开的占没公开申请的比例: the part before 占, a described group after it."""
    from govqa.qa.understand import find_metric

    at = text.rfind("占", 0, end)
    if at < 0:
        return None
    part = find_metric(_WITHIN.split(text[:at])[-1] or text[:at])
    if part is None or part.table != "申请":
        return None
    start = at + 1 + (text[at + 1: at + 2] == "了")
    for group in load_groups():
        if any(p.match(text, start) for p in group.patterns):
            return _group_share(part, group)
    return None


def _group_share(part: Metric, group: Group, *, across: bool = True) -> Indicator | None:
    """part's share of a described group: a row inside it (部分公开 of the published ones), or (``across``) an applicant
    column across it (自然人 of the published ones); None when part is neither."""
    col = part.col or "总计"
    if any(part.row == t.row or part.row.startswith(t.row + ".") for t in group.terms):
        numerator: tuple[Metric, ...] = (part,)
    elif across and part.row == "一" and col != "总计":
        numerator = tuple(replace(t, col=col) for t in group.terms)
    else:
        return None
    whole = tuple(replace(t, col=col if part.row != "一" else "总计") for t in group.terms)
    return Indicator(f"{term_label(replace(part, col=col))}占{group.name}的比例", (), numerator, whole, 100, "%")


def _cross_share(whole: Metric, part: Metric) -> Indicator | None:
    """A column's share within a row (部分公开的申请中自然人的: 三.二 自然人 / 三.二 总计) or a row's share within a
    column (自然人的申请中部分公开的: 三.二 自然人 / 三.七 自然人)."""
    if whole.row != "一" and (whole.col or "总计") == "总计" and part.row == "一" and part.col not in (None, "总计"):
        cell = replace(whole, col=part.col)
        return Indicator(f"{part.col}占{term_label(whole)}的比例", (), (cell,), (whole,), 100, "%")
    if whole.row == "一" and whole.col not in (None, "总计") and part.row.startswith("三.") and part.row != "三.七" \
            and (part.col or "总计") == "总计":
        cell, total = replace(part, col=whole.col), Metric("申请", "三.七", whole.col)
        return Indicator(f"{term_label(cell)}占{whole.col}申请的比例", (), (cell,), (total,), 100, "%")
    return None


_OF_WHOLE = re.compile(r"占(?:了)?([^，。？?]{2,20}?)的?(?:比例|比重|百分之|多少|几成|%)")


def _of_named_whole(text: str, share: Indicator) -> Indicator:
    """A share over the whole the question names (予以公开的占新收申请的百分之多少), else over the usual one."""
    from govqa.qa.understand import find_metric

    m = _OF_WHOLE.search(text)
    whole = find_metric(m.group(1)) if m else None
    if whole is None or whole.table != share.numerator[0].table or (whole := with_col(whole)) in share.numerator:
        return share
    if whole in share.denominator:
        return share
    name = f"{term_label(share.numerator[0])}占{term_label(whole)}的比例"
    return replace(share, name=name, denominator=(whole,))


def _share_of_sum(text: str) -> Indicator | None:
    """不予公开和无法提供加起来占比多少: one share whose numerator adds the rows joined (they share a denominator)."""
    metrics = shared_metrics(text)
    shares = [share_indicator(m) for m in metrics or ()]
    if not shares or any(s is None for s in shares) or len({s.denominator for s in shares if s}) != 1:
        return None
    labels = "和".join(term_label(m) for m in metrics or ())
    first = shares[0]
    assert first is not None
    return replace(first, name=f"{labels}的申请占比", numerator=tuple(metrics or ()))


def _indicator_answer(q: Question, found: Sequence[Indicator], *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    if not refs:
        return None
    computable = [leaf for ind in found for leaf in (leaves(ind) if ind.parts else [ind])]
    if len(computable) == 1 and len(refs) == 2 and TIMES_WORDS.search(q.text) and not GROWTH_WORDS.search(q.text):
        return _indicator_times(q, computable[0], store=store, refs=refs)  # 今年的公开率是去年的几倍
    if len(computable) == 1 and (asks_difference(q.text) or _WHICH.search(q.text) and len(refs) == 2):
        if (difference := _indicator_difference(q, computable[0], store=store, refs=refs)) is not None:
            return difference
    values = [v for ind in computable for v in indicator_values(store, ind, reports=refs)]
    ranked = q.intent in ("ranking", "compare") or lx.RANK_DESC.search(q.text) or lx.RANK_ASC.search(q.text)
    if ranked and len({r.agency for r in refs}) > 1 and len(computable) == 1:
        return _ranking(q, computable[0], values)
    shown = [v for v in values if v.value is not None]
    failed = [v for v in values if v.value is None]
    text = "".join(f"{_head(v)}{v.report.year}年{v.indicator.name}为{number(v.value or 0.0, v.indicator.unit)}（{v.formula}）。"
                   for v in shown)
    text += "".join(v.problem for v in failed) + broken_note(values)
    sources = tuple(cp.cell_source(c) for v in values for c in v.cells)
    formula = "；".join(v.formula for v in values if v.formula) or None
    if not shown:
        return Answer(q.text, text, False, "refuse", sources=sources, reason="no-data", formula=formula)
    single = shown[0] if len(values) == 1 else None
    return Answer(q.text, text, True, "table", value=single.value if single else None,
                  unit=shown[0].indicator.unit, sources=sources, formula=formula)


def _head(v: IndicatorValue) -> str:
    return f"根据{cp.report_title(v.report.agency, v.report.year)}，"


def _ranking(q: Question, ind: Indicator, values: Sequence[IndicatorValue]) -> Answer:
    shown = sorted((v for v in values if v.value is not None), key=lambda v: v.value or 0.0, reverse=q.order != "asc")
    failed = [v for v in values if v.value is None]
    sources = tuple(cp.cell_source(c) for v in values for c in v.cells)
    if not shown:
        return Answer(q.text, "".join(v.problem for v in failed), False, "refuse", sources=sources, reason="no-data")
    top = shown[: q.top_n] if q.top_n else shown
    best = [v for v in shown if v.value == shown[0].value]
    word = "最低" if q.order == "asc" else "最高"
    lines = "；".join(f"{cp.ordinal_word(i)}，{v.report.short_name}{number(v.value or 0.0, ind.unit)}（{v.formula}）"
                     for i, v in enumerate(top))
    text = (f"{ind.name}{word}的是{'、'.join(v.report.short_name for v in best)}（{number(best[0].value or 0.0, ind.unit)}）。"
            f"排序：{lines}。")
    if failed:
        text += "未排入：" + "".join(v.problem for v in failed)
    text += broken_note(values)
    return Answer(q.text, text, True, "table", value=best[0].value, unit=ind.unit, sources=sources,
                  formula=best[0].formula)


def _indicator_difference(q: Question, ind: Indicator, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """An indicator of two reports (two years of one agency, or two agencies) and their difference in 百分点."""
    if len(q.agencies) == 1:  # two years of one agency: 比上一年, 比2021年
        years = _two_years(q, store=store)
        if years is None:
            return None
        refs = find_reports(store, agencies=q.agencies, years=years)
        lacking = [y for y in years if y not in {r.year for r in refs}]
        if lacking:
            name = refs[0].short_name if refs else q.agencies[0]
            return Answer(q.text, f"知识库中没有{name}{'、'.join(map(str, lacking))}年的年度报告，无法比较{ind.name}。",
                          False, "refuse", reason="no-year")
    if len(refs) != 2:
        return None
    one_agency = len({r.agency for r in refs}) == 1
    order = {a: i for i, a in enumerate(q.agencies)}  # the agency named first is set against the other
    values = sorted(indicator_values(store, ind, reports=refs),
                    key=lambda v: -(v.report.year or 0) if one_agency else order.get(v.report.agency, 9))
    sources = tuple(cp.cell_source(c) for v in values for c in v.cells)
    failed = [v for v in values if v.value is None]
    if failed:
        return Answer(q.text, f"无法比较{ind.name}：" + "".join(v.problem for v in failed), False, "refuse",
                      sources=sources, reason="no-data")
    if not asks_difference(q.text) or _WHICH.search(q.text):  # 谁高(？高多少): the higher one is said first
        values = sorted(values, key=lambda v: v.value or 0.0, reverse=True)
    (a, na), (b, nb) = ((v, f"{v.report.year}年" if one_agency else v.report.short_name) for v in values)
    diff = round(_exact(a) - _exact(b), 1)  # 77.78 − 33.33 is 44.4 points, not 77.8 − 33.3 = 44.5
    formula = f"{na} {number(a.value or 0.0, ind.unit)} − {nb} {number(b.value or 0.0, ind.unit)} = {cp.number_text(diff)}个百分点"
    listing = "；".join(f"{n}{ind.name}为{number(v.value or 0.0, ind.unit)}（{v.formula}）" for v, n in ((b, nb), (a, na)))
    verb = "高" if diff >= 0 else "低"
    titles = "、".join(cp.report_title(v.report.agency, v.report.year) for v in (b, a))
    text = f"根据{titles}，{listing}。{na}比{nb}{verb}{cp.number_text(abs(diff))}个百分点（{formula}）。" + broken_note(values)
    if not asks_difference(q.text):  # 谁高: the answer is the higher (谁低: the lower) of the two rates
        best = (min if lx.LESS_WORDS.search(q.text) or lx.RANK_ASC.search(q.text) else max)(values, key=lambda v: v.value or 0.0)
        return Answer(q.text, text, True, "table", value=best.value, unit=ind.unit, sources=sources, formula=formula)
    return Answer(q.text, text, True, "table", value=abs(diff), unit="个百分点", sources=sources, formula=formula)


def _exact(v: IndicatorValue) -> float:
    """An indicator's unrounded value (its rounded one where none is kept)."""
    return v.exact if v.exact is not None else v.value or 0.0


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
    na, nb = ((f"{v.report.year}年" if one_agency else v.report.short_name) for v in (a, b))
    ratio = round(a.value / b.value, 2)
    formula = f"{na} {number(a.value, ind.unit)} / {nb} {number(b.value, ind.unit)} = {cp.number_text(ratio)}"
    listing = "；".join(f"{n}{ind.name}为{number(v.value or 0.0, ind.unit)}（{v.formula}）" for v, n in ((a, na), (b, nb)))
    titles = "、".join(cp.report_title(v.report.agency, v.report.year) for v in (a, b))
    text = cp.times_sentence(titles, listing, na, nb, cp.number_text(ratio), formula) + broken_note([a, b])
    return Answer(q.text, text, True, "table", value=ratio, unit="倍", sources=sources, formula=formula)


def _times_answer(q: Question, metric: Metric, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """A是B的几倍 over two reports (two agencies, or two years of one): the one named first over the other."""
    one_agency = len({r.agency for r in refs}) == 1
    a, b = metric_values(store, metric, reports=_named_first(q, refs))
    sources = tuple(cp.cell_source(c) for v in (a, b) for c in v.cells)
    if a.value is None or b.value is None:
        why = "".join(cp.absent_reason(metric, v) for v in (a, b) if v.value is None)
        return Answer(q.text, "无法计算倍数：" + why, False, "refuse", sources=sources, reason="no-data")
    na, nb = ((f"{v.report.year}年" if one_agency else v.report.short_name) for v in (a, b))
    head = f"根据{'、'.join(cp.report_title(v.report.agency, v.report.year) for v in (a, b))}，{cp.metric_label(metric)}："
    head += f"{na}{cp.value_text(metric, a)}，{nb}{cp.value_text(metric, b)}。"
    if b.value == 0:
        return Answer(q.text, head + f"{nb}为0，分母为0，倍数无从计算。", False, "refuse", sources=sources, reason="no-data")
    ratio = round(a.value / b.value, 2)
    formula = f"{na} {cp.number_text(a.value)} / {nb} {cp.number_text(b.value)} = {cp.number_text(ratio)}"
    broken = [f"{n}的{'、'.join(cells)}" for n, v in ((na, a), (nb, b)) if (cells := broken_cells(store, v.report.id, v.cells))]
    note = cp.note_broken_cells(broken)
    return Answer(q.text, head + f"{na}是{nb}的{cp.number_text(ratio)}倍（{formula}）。{note}", True, "table",
                  value=ratio, unit="倍", sources=sources, formula=formula)


# ---- a change from the year before ---------------------------------------------------------------------------

def _two_years(q: Question, *, store: ReportStore) -> list[int] | None:
    """The two years a change compares: the two written, or the one named (else the latest) and the year before."""
    written = sorted({int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", q.text)})
    # 上一年 is the year before the one named; 2020年到2024年 compares its two ends
    years = written if PREVIOUS_YEAR.search(q.text) or len(written) == 2 else sorted(q.years)
    if not years and PREVIOUS_YEAR.search(q.text):  # 比上一年 without a year: the agency's latest report
        years = [r.year for r in find_reports(store, agencies=q.agencies) if r.year is not None][-1:]
    if len(years) == 1:
        return [years[0] - 1, years[0]]
    return [years[0], years[-1]] if len(years) >= 2 else None  # a span (2021到2023年): its two ends


def _counted(metric: Metric) -> Metric:
    """A change computed between two years is of what a row counts (变化了百分之几), not of its printed 本年增/减."""
    counts = [c for c in lx.ROW_COLS.get(metric.row, ()) if c not in ("上一年项目数量", "本年增/减")]
    return replace(metric, col=counts[0]) if metric.col == "本年增/减" and counts else metric


def _change_answer(q: Question, *, store: ReportStore) -> Answer | None:
    metric = with_col(q.metric) if q.metric else None
    metric = _counted(metric) if metric is not None else None
    if metric is None or len(q.agencies) != 1:
        return None
    years = _two_years(q, store=store)
    if years is None:
        return None
    refs = find_reports(store, agencies=q.agencies, years=years)
    held = {r.year for r in refs}
    lacking = [y for y in years if y not in held]
    name = refs[0].short_name if refs else q.agencies[0]
    if lacking:
        return Answer(q.text, f"知识库中没有{name}{'、'.join(map(str, lacking))}年的年度报告，无法计算变化。",
                      False, "refuse", reason="no-year")
    before, after = (metric_values(store, metric, reports=[r])[0] for r in sorted(refs, key=lambda r: r.year or 0))
    sources = tuple(cp.cell_source(c) for v in (before, after) for c in v.cells)
    absent = [v for v in (before, after) if v.value is None]
    if absent:
        return Answer(q.text, "无法计算变化：" + "".join(cp.absent_reason(metric, v) for v in absent), False, "refuse",
                      sources=sources, reason="no-data")
    assert before.value is not None and after.value is not None
    unit = cp.metric_unit(metric)
    label = cp.metric_label(metric)
    listing = f"{before.report.year}年{cp.value_text(metric, before)}，{after.report.year}年{cp.value_text(metric, after)}"
    head = f"根据{name}{before.report.year}、{after.report.year}年年度报告，{label}：{listing}。"
    diff = round(after.value - before.value, 6)
    if GROWTH_WORDS.search(q.text):
        if before.value == 0:
            return Answer(q.text, head + f"{before.report.year}年为0，分母为0，增长率无从计算。", False, "refuse",
                          sources=sources, reason="no-data")
        if TIMES_WORDS.search(q.text):  # 增长了几倍: the increase over the base (58 against 2 grew 28 times)
            times = round(diff / before.value, 2)
            formula = (f"({after.report.year}年 {cp.number_text(after.value)} − {before.report.year}年 "
                       f"{cp.number_text(before.value)}) / {before.report.year}年 {cp.number_text(before.value)} = "
                       f"{cp.number_text(times)}")
            whole = cp.number_text(round(after.value / before.value, 2))
            text = head + (f"{after.report.year}年比{before.report.year}年增长{cp.number_text(times)}倍，"
                           f"是{before.report.year}年的{whole}倍（{formula}）。")
            return Answer(q.text, text, True, "table", value=times, unit="倍", sources=sources, formula=formula)
            return Answer(q.text, head + f"{before.report.year}年为0，分母为0，增长率无从计算。", False, "refuse",
                          sources=sources, reason="no-data")
        rate = round(diff / before.value * 100, 1)
        formula = (f"增长率 = ({after.report.year}年 {cp.number_text(after.value)} − {before.report.year}年 "
                   f"{cp.number_text(before.value)}) / {before.report.year}年 {cp.number_text(before.value)} = {number(rate, '%')}")
        verb = "增长" if rate >= 0 else "下降"
        more = "多" if diff >= 0 else "少"
        text = head + (f"{after.report.year}年比{before.report.year}年{more}{cp.number_text(abs(diff), unit=unit)}，"
                       f"{verb}{number(abs(rate), '%')}（{formula}）。")
        return Answer(q.text, text, True, "table", value=_as_asked(q.text, rate), unit="%", sources=sources,
                      formula=formula)
    (y1, v1), (y0, v0) = (after.report.year, after.value), (before.report.year, before.value)
    than = THAN_YEAR.search(q.text)
    if than is not None and int(re.findall(r"\d{4}", than.group())[0]) == y1:  # 2022年…比2024年多多少: 2022 first
        (y1, v1), (y0, v0), diff = (y0, v0), (y1, v1), -diff
    which = _WHICH_ONE.search(q.text) is not None  # 哪年多？多多少: the larger year first, the difference's size
    if which and diff < 0:
        (y1, v1), (y0, v0), diff = (y0, v0), (y1, v1), -diff
    formula = f"{y1}年 {cp.number_text(v1, unit=unit)} − {y0}年 {cp.number_text(v0, unit=unit)} = {cp.number_text(diff, unit=unit)}"
    verb = "多" if diff >= 0 else "少"
    text = head + f"{y1}年比{y0}年{verb}{cp.number_text(abs(diff), unit=unit)}（{formula}）。"
    value = diff if which else _as_asked(q.text, diff)
    return Answer(q.text, text, True, "table", value=value, unit=unit, sources=sources, formula=formula)


def _as_asked(text: str, change: float) -> float:
    """A change as the question counts it: 下降了百分之几 / 少了多少 asks the size of a fall (a fall of 80% is 80)."""
    return -change if FALL_WORDS.search(text) else change

