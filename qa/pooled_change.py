"""A figure pooled over every agency of a place (or the ones listed) set against the same pool of another year: the
growth rate, the difference or the change in points of a pooled rate (平潭各部门2022年新收的申请总数较2021年变化了
百分之多少 = (Σ2022 − Σ2021) / Σ2021; 这几家合在一起的公开率比上一年高了几个百分点).

    >>> pooled_change_answer(understand("海岚区各部门2023年新收申请总数比2022年增长了百分之几", catalog=c), store=store).formula
    '增长率 = (2023年合计 50 − 2022年合计 40) / 2022年合计 40 = 25%'

Each year's sum names and cites every cell added; an agency reporting in one of the two years only is named (the two
sums then cover different agencies, said plainly, never hidden); a cell not printed is left out of its sum and said;
a base of 0 is said, never divided by.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question, Source
from govqa.qa import compose as cp
from govqa.qa.arith_rates import two_years
from govqa.qa.arith_words import BASE_YEAR, FALL_WORDS, GROWTH_WORDS, POINTS, TIMES_WORDS, asks_change
from govqa.qa.figures import with_col
from govqa.qa.indicators import Indicator, broken_cells, find_indicators, leaves, number, places, term_label
from govqa.qa.pooled import ALL_WORDS, POOL_WORDS
from govqa.qa.table_query import MetricValue, ReportRef, find_reports, metric_values

# the listed agencies taken as one without a pool word: 总数 / 总量 / 一共 (三家新收申请总数比上年增长了多少)
_SUM_WORDS = re.compile(r"总数|总量|总和|总计|总共|一共|共计|合计|累计")
# each agency on its own is no pool: 各自, 分别, 哪个部门增长最多, 排名
_EACH = re.compile(r"分别|各自|各是|各为|哪(?:个|家|一)|最(?:高|低|多|少|大|小)|排名|排序|逐个")
# 平均每个部门 / 每家平均 / 部门平均: each year's sum over the agencies it counts
_AVERAGE = re.compile(r"平均每(?:个|家|一)?(?:部门|单位|机关|局)|每(?:个|家)(?:部门|单位|机关|局)?平均|(?:部门|单位|机关)平均|平均(?:一个|一家)")


@dataclass(frozen=True)
class YearSum:
    """One year's pool: the reports summed, the values read (None where a cell is not printed) and the sum."""

    year: int
    used: tuple[MetricValue, ...]
    unread: tuple[tuple[Metric, MetricValue], ...]
    total: float


def recognise(q: Question) -> bool:
    """Whether q asks a pooled figure's change between two years (pure and cheap, read by arith.recognise)."""
    text = q.text
    if len(q.agencies) == 1 or _EACH.search(text):
        return False
    if q.metric is None and not find_indicators(text):
        return False
    pooled = bool(ALL_WORDS.search(text)) or (len(q.agencies) >= 2 or bool(q.scope)) and bool(
        POOL_WORDS.search(text) or _SUM_WORDS.search(text) or _AVERAGE.search(text))
    return pooled and bool(GROWTH_WORDS.search(text) or asks_change(text))


def _agencies(q: Question, store: ReportStore) -> list[str]:
    """The agencies pooled: those listed, else the place's, else (各部门 with no place) every stored agency."""
    if len(q.agencies) >= 2:
        return list(q.agencies)
    if q.scope:
        return list(q.scope)
    return sorted({r.agency for r in find_reports(store)})


def _base_first(q: Question, years: list[int]) -> tuple[int, int]:
    """(base, later): the year after 比 / 较 is the base (2022年较2021年: 2021), else the earlier year."""
    than = BASE_YEAR.search(q.text)
    if than is not None:
        base = int(re.findall(r"\d{4}", than.group())[0])
        if base in years:
            return base, next(y for y in years if y != base)
    return years[0], years[-1]


def _year_sum(store: ReportStore, terms: Sequence[Metric], refs: Sequence[ReportRef], year: int) -> YearSum:
    """The sum over refs of every term (a report whose cell of any term is not printed is left out whole)."""
    values = [(m, v) for m in terms for v in metric_values(store, m, reports=refs)]
    unread = tuple((m, v) for m, v in values if v.value is None)
    unread_ids = {v.report.id for _, v in unread}
    used = tuple(v for _, v in values if v.report.id not in unread_ids)
    return YearSum(year, used, unread, round(sum(v.value or 0.0 for v in used), 6))


def _cited(sums: Sequence[YearSum]) -> list[Source]:
    """Every cell read for the sums, the ones left out too."""
    return [cp.cell_source(c) for s in sums for v in (*s.used, *(v for _, v in s.unread)) for c in v.cells]


def _unread_notes(sums: Sequence[YearSum]) -> str:
    return "".join(cp.left_out(cp.absent_reason(m, v)) for s in sums for m, v in s.unread)


def _broken_note(store: ReportStore, sums: Sequence[YearSum]) -> str:
    """The cells summed that a broken 勾稽 relation of their report rests on, named per report (数值按原文照录)."""
    groups = []
    for s in sums:
        for v in s.used:
            if named := broken_cells(store, v.report.id, v.cells):
                groups.append(f"{v.report.short_name}{v.report.year}年的" + "、".join(named))
    return cp.note_broken_cells(groups)


def _listing(s: YearSum, *, average: bool = False) -> str:
    """甲局 1 + 乙局 3 = 4 (each report's cell, then the sum); averaged: (甲局 1 + 乙局 3) 4 / 2家 = 2."""
    parts = " + ".join(f"{v.report.short_name} {cp.number_text(v.value or 0.0)}" for v in s.used)
    if average:
        return f"({parts}) {cp.number_text(s.total)} / {len(s.used)}家 = {cp.number_text(round(s.total / len(s.used), 2))}"
    return f"{parts} = {cp.number_text(s.total)}" if len(s.used) > 1 else cp.number_text(s.total)


def pooled_change_answer(q: Question, *, store: ReportStore) -> Answer | None:
    """The pooled figure of two years and its change (the growth rate, the difference, or a pooled rate's change in
    points), or None when q is not one."""
    if not recognise(q):
        return None
    years = two_years(q, store=store)
    if years is None or len(set(years)) != 2:
        return None
    base, later = _base_first(q, sorted(set(years)))
    agencies = _agencies(q, store)
    refs = find_reports(store, agencies=agencies, years=[base, later])
    by_year = {y: [r for r in refs if r.year == y] for y in (base, later)}
    found = [leaf for ind in find_indicators(q.text) for leaf in leaves(ind)]
    if len(found) > 1:
        return None
    ind = found[0] if found else None
    metric = with_col(q.metric) if q.metric is not None else None
    if ind is None and metric is None:
        return None
    lacking = [y for y in (base, later) if not by_year[y]]
    if lacking == [base] and metric is not None and later - base == 1 and not POINTS.search(q.text) \
            and (printed := _printed_pool(q, metric, by_year[later], store=store)) is not None:
        return printed  # the 2019 template prints 本年增/减 and 上一年项目数量: the year before is in the later report
    if lacking:
        names = "、".join(f"{y}年" for y in lacking)
        return Answer(q.text, cp.pooled_change_no_year(names), False, "refuse", reason="no-year")
    agencies_of = {y: {r.short_name for r in by_year[y]} for y in (base, later)}
    notes = cp.pooled_change_sets(base, later, sorted(agencies_of[base] - agencies_of[later]),
                                  sorted(agencies_of[later] - agencies_of[base]))
    if ind is not None:
        return _rate_change(q, ind, store=store, by_year=by_year, base=base, later=later, notes=notes)
    assert metric is not None
    sums = {y: _year_sum(store, [metric], by_year[y], y) for y in (base, later)}
    sources = tuple(_cited([sums[base], sums[later]]))
    notes += _unread_notes([sums[base], sums[later]]) + _broken_note(store, [sums[base], sums[later]])
    if not sums[base].used or not sums[later].used:  # nothing readable in a year: no sum of it, never a 0
        return Answer(q.text, cp.no_change(notes), False, "refuse", sources=sources, reason="no-data")
    average = _AVERAGE.search(q.text) is not None  # 平均每个部门: each year's sum over the agencies it counts
    word = "平均每家" if average else "合计"
    fig = {y: round(s.total / len(s.used), 2) if average else s.total for y, s in sums.items()}
    label, unit = cp.metric_label(metric), cp.metric_unit(metric)
    head = cp.pooled_change_head(label, [(y, len(sums[y].used), _listing(sums[y], average=average), word,
                                          cp.number_text(fig[y], unit=unit)) for y in (base, later)])
    b, a = fig[base], fig[later]
    said = {y: f"{y}年{word} {cp.number_text(fig[y])}" for y in (base, later)}
    diff = round(a - b, 6)
    if GROWTH_WORDS.search(q.text) and not POINTS.search(q.text):
        if b == 0:
            return Answer(q.text, head + cp.zero_denominator(f"{base}年各机关{word}", "增长率") + notes, False, "refuse",
                          sources=sources, reason="no-data")
        if TIMES_WORDS.search(q.text):
            times = round(diff / b, 2)
            formula = f"({said[later]} − {said[base]}) / {said[base]} = {cp.number_text(times)}"
            text = head + cp.growth_times(later, base, cp.number_text(times), cp.number_text(round(a / b, 2)), formula)
            return Answer(q.text, text + notes, True, "table", value=times, unit="倍", sources=sources, formula=formula)
        rate = round(diff / b * 100, 1)
        formula = f"增长率 = ({said[later]} − {said[base]}) / {said[base]} = {number(rate, '%')}"
        text = head + cp.growth_rate(later, base, diff, cp.number_text(abs(diff), unit=unit), rate,
                                     number(abs(rate), "%"), formula)
        value = -rate if FALL_WORDS.search(q.text) else rate
        return Answer(q.text, text + notes, True, "table", value=value, unit="%", sources=sources, formula=formula)
    formula = f"{said[later]}{unit} − {said[base]}{unit} = {cp.number_text(diff, unit=unit)}"
    text = head + cp.year_difference(later, base, diff, cp.number_text(abs(diff), unit=unit), formula)
    text += cp.opposite_change(asked_fall=FALL_WORDS.search(q.text) is not None, diff=diff)
    value = -diff if FALL_WORDS.search(q.text) else diff
    return Answer(q.text, text + notes, True, "table", value=value, unit=unit, sources=sources, formula=formula)


def _printed_pool(q: Question, metric: Metric, refs: Sequence[ReportRef], *, store: ReportStore) -> Answer | None:
    """A 表二 row's pooled change from the year before read from the later reports' own columns (两家的行政处罚事项合计比
    上一年增长了百分之几 = Σ本年增/减 / Σ上一年项目数量; 合计增加了多少项 = Σ本年增/减), or None when a report does not print
    them."""
    from govqa.qa.arith_rates import printed_rate, prints_change
    from govqa.qa.compose import table_reply
    from govqa.qa.pooled import pooled_indicator
    from govqa.qa.table_route import fetch_table

    rate = printed_rate(metric)
    if rate is None or len(refs) < 2 or not prints_change(metric, store=store, refs=refs):
        return None
    if GROWTH_WORDS.search(q.text):
        return pooled_indicator(q, rate, refs, store=store)
    summed = replace(q, metric=rate.numerator[0], intent="sum")
    return table_reply(summed, fetch_table(summed, store=store, refs=refs))


def _rate_change(q: Question, ind: Indicator, *, store: ReportStore, by_year: dict[int, list[ReportRef]], base: int,
                 later: int, notes: str) -> Answer:
    """A pooled rate (Σ numerators / Σ denominators) in each year and its change in percentage points; a report whose
    cell of any term is not printed is left out of both sides."""
    rates: dict[int, float] = {}
    sources: list[Source] = []
    shown = []
    for y in (base, later):
        whole = _year_sum(store, list(dict.fromkeys([*ind.numerator, *ind.denominator])), by_year[y], y)
        sources += _cited([whole])
        notes += _unread_notes([whole])
        used = [v.report for v in whole.used]
        top = _year_sum(store, ind.numerator, used, y).total
        bottom = _year_sum(store, ind.denominator, used, y).total
        if bottom == 0:
            return Answer(q.text, cp.zero_denominator(f"{y}年各机关合计的{term_label(ind.denominator[0])}", ind.name)
                          + notes, False, "refuse", sources=tuple(sources), reason="no-data")
        rates[y] = round(top / bottom * ind.scale, places(ind.unit))
        count = len({r.id for r in used})
        shown.append(f"{y}年{count}家合计{ind.name} = {cp.number_text(top)} / {cp.number_text(bottom)} = "
                     f"{number(rates[y], ind.unit)}")
    gap = round(rates[later] - rates[base], places(ind.unit))
    formula = "；".join(shown) + f"；{later}年 − {base}年 = {cp.number_text(gap)}个百分点"
    text = cp.pooled_rate_change(ind.name, later, base, number(rates[later], ind.unit), number(rates[base], ind.unit),
                                 gap, cp.number_text(abs(gap)), formula)
    value = -gap if FALL_WORDS.search(q.text) else gap
    return Answer(q.text, text + notes, True, "table", value=value, unit="个百分点", sources=tuple(sources),
                  formula=formula)
