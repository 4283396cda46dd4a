"""A change against an earlier year the store holds no report of, as the asked report's own prose states it
(较2018年上升1.14个百分点 / 比上年增加12条): quoted instead of refusing the comparison.

    >>> stated_change("比2018年提高了多少？", text, lacking=(2018,), year=2019)
    (1480, 1535)

A missing report is still never a zero: without such a sentence the comparison is refused as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from govqa.core.types import Answer, Question, Source
from govqa.index.sections import split_sections
from govqa.qa.compose import quoted
from govqa.qa.table_query import ReportRef

_SENTENCE = re.compile(r"[^。！？!?；;，,]+")
_CHANGE = re.compile(r"(?:上升|提高|提升|增加|增长|下降|降低|减少|回落|多|少)了?\s*\d+(?:\.\d+)?\s*"
                     r"(?:个百分点|百分点|%|％|条|件|篇|次|个|项|人次|万元|元|倍)")
_EARLIER = r"(?:比|较|与|同|相比|对比|比较)"


def stated_change(text: str, *, lacking: Sequence[int], year: int) -> tuple[int, int] | None:
    """(start, end) of the first clause of a report of ``year`` that states a change against one of the lacking years
    (较2018年上升…; 比上年 / 同比 when the lacking year is the one before), or None."""
    words = [f"{y}年" for y in lacking]
    if year - 1 in lacking:
        words += ["上年", "上一年", "去年", "同比", "上年度"]
    said = "|".join(re.escape(w) for w in words)
    if not said:
        return None
    earlier = re.compile(_EARLIER + r"\s*(?:" + said + r")|同比")
    for m in _SENTENCE.finditer(text):
        clause = m.group(0)
        if earlier.search(clause) and _CHANGE.search(clause):
            return m.start(), m.end()
    return None


def stated_change_answer(q: Question, refs: Sequence[ReportRef], *, lacking: Sequence[int],
                         report_text: Callable[[str], str]) -> Answer | None:
    """The asked report's sentence that states the change against a year the store lacks, quoted; None when none."""
    for ref in refs:
        if ref.year is None:
            continue
        text = report_text(ref.id)
        span = stated_change(text, lacking=lacking, year=ref.year)
        if span is None:
            continue
        start, end = _widen(text, *span)
        section = next((s.title for s in split_sections(text) if s.start <= start < s.end), None)
        quote = text[start:end].strip()
        return Answer(q.text, quoted(ref.agency, ref.year, section, quote), True, "retrieval",
                      sources=(Source(report=ref.id, agency=ref.agency, year=ref.year, text=quote, section=section,
                                      start=start, end=end),))
    return None


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause with the one before it (占比高达90.62%，较2018年上升…: what rose is said just before)."""
    before = max(text.rfind(c, 0, start - 1) for c in "。；;，,！？")
    return (before + 1 if before >= 0 and start - before < 80 else start), end
