"""How a case ended: 「最后结果怎么样？」 after a question on 行政复议 / 行政诉讼 is answered by the report's prose that
says so (被驳回复议申请, 按撤诉处理, 维持原答复), quoted with offsets, not by the case count again.

    >>> outcome_followup("最后结果怎么样？", earlier, report_text=texts).text
    '根据《…2023年政府信息公开工作年度报告》“总体情况”部分：“因依申请公开引发行政复议1起、…分别被驳回…。”'

The table's outcome columns (结果维持 / 结果纠正 …) stay with the table route: a follow-up that asks how many, or
that names such a column, is no question for this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from govqa.core.types import Answer, Question, Source
from govqa.index.sections import split_sections
from govqa.qa import lexicon as lx
from govqa.qa.compose import quoted

_CASES = re.compile(r"复议|诉讼|起诉|应诉")
# what the prose says of a case's end; the 表四 header words (结果维持, 尚未审结) are no such sentence
_OUTCOME_SAID = re.compile(r"驳回|撤诉|撤回|撤销|确认违法|败诉|胜诉|调解|和解|终止|不予受理|裁定|判决|维持|纠正|责令"
                           r"|重新答复|审结|结案")
_TABLE_HEADER = re.compile(r"结果维持|结果纠正|其他结果|尚未审结|\t")
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")  # a line break is no sentence end (a PDF's lines wrap mid-sentence)
MAX_SENTENCES = 2  # a report says a case's end in a sentence or two
MAX_CHARS = 200  # a longer run without a full stop is a table or a page, not a sentence


def asks_outcome(text: str) -> bool:
    """Whether a follow-up asks how cases ended (结果怎么样, 后来呢), not how many (结果维持的有几件)."""
    return bool(lx.ASKS_OUTCOME.search(text)) and not lx.QUESTION_HOW_MANY.search(text.replace("怎么样", ""))


def _on_cases(earlier: Answer) -> bool:
    """Whether the earlier answer was about 复议 / 诉讼 cases (a 表四 cell, or a passage that names them)."""
    return any(s.table == "复议诉讼" or (s.table is None and _CASES.search(s.text)) for s in earlier.sources)


def outcome_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the prose sentences that say how 复议 / 诉讼 cases ended, at most MAX_SENTENCES."""
    found: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        said = re.sub(r"\s+", "", m.group(0))
        if len(said) <= MAX_CHARS and _CASES.search(said) and _OUTCOME_SAID.search(said) \
                and not _TABLE_HEADER.search(m.group(0)):
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            found.append((m.start() + lead, m.end()))
            if len(found) >= MAX_SENTENCES:
                break
    return found


def outcome_passages(text: str, *, report: str, agency: str, year: int | None) -> tuple[Source, ...]:
    """The report's sentences on how its cases ended (outcome_sentences), as sources with offsets and section."""
    spans = outcome_sentences(text)
    if not spans:
        return ()
    sections = split_sections(text)
    return tuple(Source(report=report, agency=agency, year=year, text=re.sub(r"\s+", "", text[a:b]), start=a, end=b,
                        section=next((s.title for s in sections if s.start <= a < s.end), None)) for a, b in spans)


def outcome_followup(q: Question, earlier: Answer | None, *, report_text: Callable[[str], str]) -> Answer | None:
    """The quoted outcome of the cases the earlier answer counted, or None when the follow-up asks something else,
    names another report, or the report's prose does not say how they ended (the usual route answers then)."""
    if earlier is None or not earlier.found or not earlier.sources or not asks_outcome(q.text):
        return None
    if not _on_cases(earlier):
        return None
    source = earlier.sources[0]
    if q.agencies and source.agency not in q.agencies or q.years and source.year not in q.years:
        return None  # 那公安局的结果呢: another report
    sources = outcome_passages(report_text(source.report), report=source.report, agency=source.agency,
                               year=source.year)
    if not sources:
        return None
    said = quoted(source.agency, source.year, sources[0].section, "".join(s.text for s in sources))
    return Answer(question=q.text, text=said, found=True, route="retrieval", sources=sources)
