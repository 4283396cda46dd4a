"""A change against an earlier year the store holds no report of, as the asked report's own prose states it
(较2018年上升1.14个百分点 / 比上年增加12条): quoted instead of refusing the comparison, when that clause (with the
one before it, which names what changed) holds the metric asked: 占比提高了多少 is not answered by 信息增加35条.

    >>> stated_change("比2018年提高了多少？", text, lacking=(2018,), year=2019)
    (1480, 1535)

A missing report is still never a zero: without such a sentence the comparison is refused as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from govqa.core.types import Answer, Question, Source
from govqa.index.sections import split_sections
from govqa.qa import lexicon as lx
from govqa.qa.arbiter import metric_words, names_agency
from govqa.qa.arith_words import CHANGED, FALL_WORDS, GROWTH_WORDS, RISE_WORDS, THAN_YEAR
from govqa.qa.compose import quoted
from govqa.qa.extract import question_weights
from govqa.qa.phrasing import plain
from govqa.qa.table_query import ReportRef

_SENTENCE = re.compile(r"[^。！？!?；;，,]+")
_CHANGE = re.compile(r"(?:上升|提高|提升|增加|增长|下降|降低|减少|回落|多|少)了?\s*\d+(?:\.\d+)?\s*"
                     r"(?:个百分点|百分点|%|％|条|件|篇|次|个|项|人次|万元|元|倍)")
_EARLIER = r"(?:比|较|与|同|相比|对比|比较)"
# question words that say a change, a comparison, a year or a count, not what changed
_NOT_WHAT = re.compile(r"^[比较多少加大了几个的年上去同变化增减升降高低提]+$|提高|提升|增加|增长|上升|下降|降低|减少|变化|百分|"
                       r"相比|对比|比较|多少|\d")
_SHARE = re.compile(r"比例|占比|比重|[率%％]|百分|几成")
_COUNT_UNIT = re.compile(r"(?:多少|几)(个百分点|人次|万元|条|件|篇|次|个|项|元)|(条|件|篇|项)数")


def stated_change(text: str, *, lacking: Sequence[int], year: int, words: Mapping[str, float] | None = None,
                  unit: str | None = None) -> tuple[int, int] | None:
    """(start, end) of the clause of a report of ``year`` that states a change against one of the lacking years
    (较2018年上升…; 比上年 / 同比 when the lacking year is the one before), or None. With ``words`` (the question's
    metric words and their weights) only a clause that, with the clause before it, holds one of them is taken, the one
    that holds the most, stated in the asked ``unit`` when one is asked (百分点 for a share); without, the first."""
    said_years = [f"{y}年" for y in lacking]
    if year - 1 in lacking:
        said_years += ["上年", "上一年", "去年", "同比", "上年度"]
    said = "|".join(re.escape(w) for w in said_years)
    if not said:
        return None
    earlier = re.compile(_EARLIER + r"\s*(?:" + said + r")|同比")
    best: tuple[float, tuple[int, int]] | None = None
    for m in _SENTENCE.finditer(text):
        clause = m.group(0)
        change = _CHANGE.search(clause)
        if not earlier.search(clause) or change is None:
            continue
        if words is None:
            return m.start(), m.end()
        start, end = _widen(text, m.start(), m.end())
        held = plain(text[start:end])
        if unit is not None and _unit_of(change.group(0)) != unit:
            continue  # 多了几件 is not answered by 上升3.6个百分点, nor 提高几个百分点 by 增加12条
        score = sum(v for w, v in words.items() if w in held)
        if score > 0 and (best is None or score > best[0]):
            best = score, (m.start(), m.end())
    return best[1] if best else None


def asks_change(text: str) -> bool:
    """Whether a question asks a figure's change against an earlier year (比2018年提高了多少, 较上年增加了几条)."""
    return bool(THAN_YEAR.search(text) or lx.THAN_PRIOR.search(text)) \
        and bool(RISE_WORDS.search(text) or FALL_WORDS.search(text) or CHANGED.search(text) or GROWTH_WORDS.search(text))


def asked_words(q: Question, *, drop: Sequence[str]) -> dict[str, float]:
    """The words of the question (with the earlier question a follow-up builds on) that say what changed, weighted:
    its table metric's words (行政许可, 收到) and its other content words (主动公开, 比例); no year, agency or change word."""
    text = q.query or q.text
    weights = {plain(w): v for w, v in question_weights(text, drop=drop).items()
               if len(w) >= 2 and not names_agency(w, q.agencies) and not _NOT_WHAT.search(w)}
    for w in metric_words(q, drop=drop):
        if not _NOT_WHAT.search(w):  # 增加 names the 本年增/减 column: a change word, not what changed
            weights[w] = max(weights.get(w, 0.0), float(len(w)))
    return {w: v for w, v in weights.items() if w}


def asked_unit(text: str) -> str | None:
    """The unit the question asks the change in: 百分点 for a share or rate (占比提高了多少), the count word said
    (多了多少条), else None."""
    if _SHARE.search(text):
        return "百分点"
    m = _COUNT_UNIT.search(text)
    return _unit_of(m.group(1) or m.group(2)) if m else None


def _unit_of(said: str) -> str:
    return "百分点" if re.search(r"百分点|%|％", said) else (re.findall(r"[^\d.\s]+$", said) or [""])[0]


def stated_change_answer(q: Question, refs: Sequence[ReportRef], *, lacking: Sequence[int],
                         report_text: Callable[[str], str]) -> Answer | None:
    """The asked report's sentence that states the change of the asked metric against a year the store lacks, quoted;
    None when none does (a clause on another figure is no answer)."""
    drop = [n for r in refs for n in (r.agency, r.short_name)]
    words, unit = asked_words(q, drop=drop), asked_unit(q.query or q.text)
    if not words:
        return None
    for ref in refs:
        if ref.year is None:
            continue
        text = report_text(ref.id)
        span = stated_change(text, lacking=lacking, year=ref.year, words=words, unit=unit)
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
    before = max(text.rfind(c, 0, start - 1) for c in "。；;，,！？\n")  # a heading's line break ends a sentence too
    return (before + 1 if start - before < 80 else start), end
