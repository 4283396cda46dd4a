"""Two reports a question sets against each other (qa/arith.py): each agency with the year written beside it
(河北科技厅2023年…比河北工信厅2021年), and a count of one agency against another's in percent (比市场监管局多出百分之几:
(a − b) / b), or as a difference in the direction asked (少了多少 is the size of a fall, the other way said plainly).
A question naming 甲局 and 乙局 and asking 甲局2023年的申请比乙局2021年多多少 compares (甲局, 2023) with (乙局, 2021).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question
from govqa.qa import compose as cp
from govqa.qa.arith_words import FALL_WORDS, GROWTH_WORDS, SPAN, TIMES_WORDS, asks_difference
from govqa.qa.indicators import broken_cells, number
from govqa.qa.table_query import ReportRef, find_reports, metric_values

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def named_years(q: Question, text: str) -> list[tuple[str, int]] | None:
    """(agency, year) for a question naming two agencies and two different years, one each, in the same order
    (甲局2023年…比乙局2021年, 2020年的甲局和2023年的乙局相比); None for any other question (one year for both, a span)."""
    hits = list(_YEAR.finditer(text))
    written = [int(m.group(1)) for m in hits]
    if len(q.agencies) != 2 or len(written) != 2 or written[0] == written[1] or SPAN.search(text):
        return None
    between = text[hits[0].end():hits[1].start()]  # 甲2023年…比乙2021年 / 2020年的甲和2023年的乙: a name between
    if not any(len({c for c in between if c in set(name) - _GENERIC}) >= 2 for name in q.agencies):
        return None  # 甲和乙2021年比2019年: both years of both agencies, no pairing
    return list(zip(q.agencies, written, strict=True))


_GENERIC = frozenset("省市区县局厅府政人民委员会管理办公室中心的年和与比较及")


def asks_pair(q: Question, text: str) -> bool:
    """Whether a text sets two agencies' reports of different years against each other (a difference, a rate, a
    multiple): pure, read by arith.recognise."""
    return named_years(q, text) is not None and bool(asks_difference(text) or GROWTH_WORDS.search(text)
                                                      or TIMES_WORDS.search(text))


def paired_refs(q: Question, *, store: ReportStore) -> tuple[list[ReportRef], list[tuple[str, int]]] | None:
    """The two reports named with their years (in the order named) and the (agency, year) the store lacks; None when
    q names no such pair."""
    wanted = named_years(q, q.text)
    if wanted is None:
        return None
    held = {(r.agency, r.year): r for r in find_reports(store, agencies=[a for a, _ in wanted],
                                                          years=sorted({y for _, y in wanted}))}
    return [held[w] for w in wanted if w in held], [w for w in wanted if w not in held]


def missing_pair(q: Question, lacking: Sequence[tuple[str, int]]) -> Answer:
    """A comparison one of whose reports the store lacks: said, never taken as 0."""
    text = "".join(cp.no_year_report(agency, [year], "无法比较") for agency, year in lacking)
    return Answer(q.text, text, False, "refuse", reason="no-year")


def two_counts(q: Question, metric: Metric, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """A count of the first report named against the second's: their difference (多多少 / 少了多少), or the first's
    excess in percent of the second (多出百分之几: (a − b) / b), each with its arithmetic; None unless two reports."""
    if len(refs) != 2:
        return None
    a, b = metric_values(store, metric, reports=[refs[0]])[0], metric_values(store, metric, reports=[refs[1]])[0]
    sources = tuple(cp.cell_source(c) for v in (a, b) for c in v.cells)
    if a.value is None or b.value is None:
        why = "".join(cp.absent_reason(metric, v) for v in (a, b) if v.value is None)
        return Answer(q.text, cp.no_comparison("", why), False, "refuse", sources=sources, reason="no-data")
    one_year = a.report.year == b.report.year
    na, nb = ((v.report.short_name if one_year else f"{v.report.short_name}{v.report.year}年") for v in (a, b))
    label, unit = cp.metric_label(metric), cp.metric_unit(metric)
    titles = "、".join(cp.report_title(v.report.agency, v.report.year) for v in (a, b))
    head = cp.two_values_head(titles, label, [(na, cp.value_text(metric, a)), (nb, cp.value_text(metric, b))])
    broken = [f"{v.report.short_name}的{'、'.join(cells)}" for v in (a, b)
              if (cells := broken_cells(store, v.report.id, v.cells))]
    note = cp.note_broken_cells(broken)
    diff = round(a.value - b.value, 6)
    fall = FALL_WORDS.search(q.text) is not None
    if GROWTH_WORDS.search(q.text) and not TIMES_WORDS.search(q.text):
        if b.value == 0:
            return Answer(q.text, head + cp.zero_denominator(nb, "百分比"), False, "refuse", sources=sources,
                          reason="no-data")
        rate = round(diff / b.value * 100, 1)
        formula = (f"({na} {cp.number_text(a.value)} − {nb} {cp.number_text(b.value)}) / {nb} "
                   f"{cp.number_text(b.value)} = {number(rate, '%')}")
        text = head + cp.relative_sentence(na, nb, rate, formula, asked_fall=fall) + note
        return Answer(q.text, text, True, "table", value=-rate if fall else rate, unit="%", sources=sources,
                      formula=formula)
    if not asks_difference(q.text):
        return None
    formula = f"{na} {cp.number_text(a.value, unit=unit)} − {nb} {cp.number_text(b.value, unit=unit)} = {cp.number_text(diff, unit=unit)}"
    text = head + cp.count_gap_sentence(na, nb, diff, cp.number_text(abs(diff), unit=unit), formula, asked_fall=fall) + note
    value = -diff if fall else diff if _MORE.search(q.text) else abs(diff)  # 相差多少: the gap's size
    return Answer(q.text, text, True, "table", value=value, unit=unit, sources=sources, formula=formula)


_MORE = re.compile(r"(?:多出?|高出?|超出|超过|增加|增长|上升)了?(?:多少|几)")  # a rise asked: the first over the second
