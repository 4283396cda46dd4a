"""The difference between a sum of agencies and another agency (or sum) of one year: 甲局和乙局合计比丙局多多少件,
丙局比甲局、乙局加起来少几件. Each side's cells are added, every cell cited, the subtraction shown (qa/arith.py).

    >>> sum_gap_answer(understand("2024年林业局加上交建局收到的申请比水务局多几件", catalog=c), store=store).formula
    '(林业局 20件 + 交通与建设局 9件) − 水务局 6件 = 23件'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Question
from govqa.qa import compose as cp
from govqa.qa.arith_words import FALL_WORDS, GROWTH_WORDS, SHARE_WORDS, TIMES_WORDS
from govqa.qa.figures import with_col
from govqa.qa.indicators import find_indicators, number
from govqa.qa.table_query import MetricValue, find_reports, metric_values

_THAN = re.compile(r"(?<!百分)(?<!占)比(?!较|例|重|率|一比)|是(?=[^，。？?；]{1,20}?(?:几|多少)倍)")
_ASKED = re.compile(r"(?:多|少|高|低|超出|差)了?(?:多少|几)|相差|差距|差额|(?:几|多少)倍")


def _sides(q: Question) -> tuple[list[str], list[str]] | None:
    """The agencies said before 比 and after it, when three or more are named and one side holds two or more."""
    if len(q.agencies) < 3 or len(set(q.years)) > 1 or q.metric is None:
        return None
    than = list(_THAN.finditer(q.text))
    if len(than) != 1 or not (_ASKED.search(q.text, than[0].end()) or GROWTH_WORDS.search(q.text, than[0].end())):
        return None
    before, after = q.text[: than[0].start()], q.text[than[0].end():]
    left = [a for a in q.agencies if a in _named(before, q.agencies)]
    right = [a for a in q.agencies if a in _named(after, q.agencies) and a not in left]
    if not left or not right or len(left) + len(right) != len(q.agencies) or max(len(left), len(right)) < 2:
        return None
    return left, right


def _named(text: str, agencies: Sequence[str]) -> set[str]:
    """Every listed agency a piece of text names (each one checked on its own)."""
    from govqa.qa.pooled import _best_named

    return {a for a in agencies if _best_named(text, [a])}


def recognise(q: Question) -> bool:
    """Whether q asks a sum of agencies set against another agency of the same year (pure and cheap)."""
    if SHARE_WORDS.search(q.text) and not GROWTH_WORDS.search(q.text) or find_indicators(q.text):  # 占几成: a share
        return False
    return _sides(q) is not None


def sum_gap_answer(q: Question, *, store: ReportStore) -> Answer | None:
    """The difference of the two sides' sums (left − right), each cell cited; an agency without the year's report or a
    cell not printed is said, never counted as 0. None when q is no such question."""
    sides = _sides(q) if recognise(q) else None
    if sides is None or q.metric is None:
        return None
    metric = with_col(q.metric)
    year = q.years[0] if q.years else None
    values: list[list[MetricValue]] = []
    for side in sides:
        refs = find_reports(store, agencies=side, years=[year] if year else [])
        refs = [r for r in refs if r.year == max((x.year or 0 for x in refs), default=0)] if year is None else refs
        lacking = [a for a in side if a not in {r.agency for r in refs}]
        if lacking:
            return Answer(q.text, cp.no_year_report("、".join(lacking), [year] if year else [], cp.no_change()), False,
                          "refuse", reason="no-year")
        values.append(metric_values(store, metric, reports=refs))
    sources = tuple(cp.cell_source(c) for side in values for v in side for c in v.cells)
    absent = [v for side in values for v in side if v.value is None]
    if absent:
        return Answer(q.text, cp.no_change("".join(cp.absent_reason(metric, v) for v in absent)), False, "refuse",
                      sources=sources, reason="no-data")
    unit = cp.metric_unit(metric)
    totals = [round(sum(v.value or 0.0 for v in side), 6) for side in values]
    texts = [cp.sum_side([(v.report.short_name, v.value or 0.0) for v in side], unit) for side in values]
    diff = round(totals[0] - totals[1], 6)
    year_said = values[0][0].report.year
    label = cp.metric_label(metric)
    if GROWTH_WORDS.search(q.text) or TIMES_WORDS.search(q.text):  # 多百分之几 / 是几倍: of the second side
        if totals[1] == 0:
            return Answer(q.text, cp.zero_denominator(texts[1][1], "比较基数"), False, "refuse", sources=sources,
                          reason="no-data")
        if TIMES_WORDS.search(q.text) and not GROWTH_WORDS.search(q.text):
            times = round(totals[0] / totals[1], 2)
            formula = f"{texts[0][0]} / {texts[1][0]} = {cp.number_text(times)}"
            text = cp.sum_gap_times(year_said, label, texts, cp.number_text(times), formula)
            return Answer(q.text, text, True, "table", value=times, unit="倍", sources=sources, formula=formula)
        rate = round(diff / totals[1] * 100, 1)
        formula = f"({texts[0][0]} − {texts[1][0]}) / {texts[1][0]} = {number(rate, '%')}"
        text = cp.sum_gap_sentence(year_said, label, texts, diff, number(abs(rate), "%"), formula)
        value = -rate if FALL_WORDS.search(q.text) else rate
        return Answer(q.text, text, True, "table", value=value, unit="%", sources=sources, formula=formula)
    formula = f"{texts[0][0]} − {texts[1][0]} = {cp.number_text(diff, unit=unit)}"
    text = cp.sum_gap_sentence(year_said, label, texts, diff, cp.number_text(abs(diff), unit=unit), formula)
    value = -diff if FALL_WORDS.search(q.text) else diff
    return Answer(q.text, text, True, "table", value=value, unit=unit, sources=sources, formula=formula)
