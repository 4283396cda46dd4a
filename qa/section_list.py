"""Section answers: a 存在哪些问题 / 改进措施 / 做了哪些工作 question gets every item of the part of the report that
holds them, each item quoted briefly.

    >>> part = asked_part("平潭某局2023年提出了哪些改进措施？")
    >>> part.name, [p.text for p in section_items(report_text, part)]
    ('改进措施', ['一是进一步提高政务公开意识。', '二是进一步提升能力素质。', '三是进一步提升政务公开质量水平。'])

The problems and the measures share section 五 (存在的主要问题及改进情况): a sub-heading （二）改进措施 splits it, else
the first sentence that speaks of what will be done (2022年，我局将… / 下一步…). Work done is section 一 (总体情况).
Inside the part the first enumerated list (一是…, 1. 2., （一）（二）) gives the items; a part without one gives its
sentences. Offsets are into the report text, so each item can be cited and highlighted on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.types import Answer, Question, Source
from index.headings import BRACKET_MARKER, BRACKET_SUB_HEADING, SECTION_TITLE_START
from index.sections import split_sections
from qa.compose import report_title
from qa.lists import first_list, starts_item
from qa.passages import Passage
from qa.table_query import ReportRef

PROBLEMS, MEASURES, WORK = "存在的问题", "改进措施", "工作情况"
# 问题 of the work itself (存在哪些问题, 主要问题), not a topic's (回应了哪些舆情问题)
_PROBLEM_WORDS = re.compile(r"存在|(?:主要|哪些|什么|啥|自身|工作中?|公开中?|承认)(?:的)?问题|不足|差距|短板|困难|薄弱|欠缺|弱项")
_MEASURE_WORDS = re.compile(r"改进|整改|措施|举措|计划|打算|下一步|明年|来年|今后|努力方向|工作安排|要做好|准备|对策|改善")
_WORK_WORDS = re.compile(r"(?:做了|开展了|完成了|有)(?:哪些|什么)(?:工作|亮点)|亮点|成效|主要做法|哪些做法|工作情况|总体情况")
# the question asks for the whole list, not one fact of it
_LISTING = re.compile(r"哪些|哪几|几个方面|几方面|几点|列举|分别|都有|包括什么|存在的(?:主要)?(?:问题|不足)"
                      r"|(?:怎么|怎样|如何)(?:改进|整改|改善|提升|加强|做|办|开展)"
                      r"|(?:问题|不足|差距|短板|措施|举措|计划|打算|亮点|做法|工作|重点|安排|方向|思路)(?:主要)?(?:是|有|包括)?"
                      r"(?:什么|啥)"
                      r"|(?:什么|啥)[\u4e00-\u9fff]{0,4}?(?:问题|不足|差距|困难|短板|措施|举措|工作|计划|打算)")
_TOPIC = re.compile(r"在([^，。？?、]{2,14}?)方面|(?:关于|针对)([^，。？?、]{2,14}?)(?:的|方面)(?:工作|情况)")
_GENERIC_TOPIC = re.compile(r"政府|信息|政务|公开|工作|整体|总体|各")  # 在信息公开方面: the whole report's subject
_FOCUS = re.compile(r"亮点|成效|特色|创新|经验")
_COUNT = re.compile(r"多少|(?<!哪)几[个件条次篇项]")
# a measures sub-heading inside section 五, and a sentence that turns from the problems to what will be done
_TURN = re.compile(r"将|拟|下一步|今后|改进措施|整改措施|改进情况|工作计划|工作打算|努力方向|计划")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
MAX_SENTENCES = 6  # a part without a list is quoted by at most this many sentences
MAX_REPORTS = 3  # a list question over more reports goes to the retrieval route
TURN_SPAN = 40  # characters at the start of a sentence where the turn to measures is said


@dataclass(frozen=True)
class Part:
    """What a question asks to list: the problems, the measures, or the work done (standard section number)."""

    name: str
    section: int
    focus: str = ""  # 亮点 / 成效 / 特色: the part is the sub-heading that names it, not the whole section


def asked_part(question: str) -> Part | None:
    """The part of a report a list question asks about, or None (a count, a fact, or a narrower topic)."""
    if not _LISTING.search(question) or _COUNT.search(question) or _narrower_topic(question):
        return None
    if _MEASURE_WORDS.search(question):
        return Part(MEASURES, 5)
    if _PROBLEM_WORDS.search(question):
        return Part(PROBLEMS, 5)
    if _WORK_WORDS.search(question):
        focus = _FOCUS.search(question)
        return Part(WORK, 1, focus.group(0) if focus else "")
    return None


def followup_part(q: Question) -> Part | None:
    """The part a question asks to list; a follow-up (改进措施呢？ / 2022年呢？) after a list question names its part
    with its own words, or keeps the earlier one."""
    part = asked_part(q.text)
    if part is not None or not q.query:  # query: the earlier question joined to an elliptic follow-up
        return part
    earlier = asked_part(q.query)
    if earlier is None:
        return None
    if _MEASURE_WORDS.search(q.text):
        return Part(MEASURES, 5)
    if _PROBLEM_WORDS.search(q.text):
        return Part(PROBLEMS, 5)
    return Part(WORK, 1) if _WORK_WORDS.search(q.text) else earlier


def _narrower_topic(question: str) -> bool:
    """Whether the question narrows the list to one topic (在监督保障方面), not the report's whole subject."""
    return any(_GENERIC_TOPIC.sub("", m.group(1) or m.group(2)) for m in _TOPIC.finditer(question))


def section_items(text: str, part: Part) -> list[Passage]:
    """The items of the asked part of a report, each a brief quote with offsets; [] when the report lacks it."""
    section = next((s for s in split_sections(text) if s.number == part.section), None)
    if section is None:
        return []
    body = _title_end(text, section.start, section.end)
    if part.focus:
        sub = re.compile(BRACKET_MARKER + r"[^。；;\n]{0,12}" + part.focus + r"[^。；;\n（(]{0,10}").search(text, body, section.end)
        nxt = re.compile(BRACKET_MARKER).search(text, sub.end(), section.end) if sub else None
        start, end = (sub.end(), nxt.start() if nxt else section.end) if sub else (body, section.end)
    elif part.name == WORK:
        start, end = body, section.end
    else:
        turn = _measures_start(text, body, section.end)
        if part.name == PROBLEMS:
            start, end = body, (turn[0] if turn else section.end)
        elif turn is None:
            return []
        else:
            start, end = turn[1], section.end
    avoid = _MEASURE_WORDS if part.name == PROBLEMS else None  # 针对去年的问题采取措施：一是… lists no problems
    items = first_list(text, start, end, section=section.title, heading=part.name, not_after=avoid)
    return items or _sentences(text, start, end, section=section.title, heading=part.name)


def _title_end(text: str, start: int, end: int) -> int:
    """Where the section's body starts: after its heading line (a crawled one-line page runs title and body)."""
    head = SECTION_TITLE_START.match(text[start:end])
    return start + head.end() if head else start


def _measures_start(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(where the problems end, where the measures list may begin): a measures sub-heading, else the first sentence
    (not a list item) that turns to what will be done; None when the section has no such turn."""
    for m in BRACKET_SUB_HEADING.finditer(text, start, end):
        said = _MEASURE_WORDS.search(m.group(1))
        if said and not _PROBLEM_WORDS.search(m.group(1)[:said.start()]):
            return m.start(), m.start(1) + said.end()  # （二）改进措施一是…: the title ends with its measure word
    for m in _SENTENCE.finditer(text, start, end):
        sentence = m.group(0).lstrip()
        if m.start() == start or starts_item(sentence):
            continue
        if _TURN.search(re.sub(r"\s+", "", sentence)[:TURN_SPAN]):
            return m.start(), m.start()
    return None


def _sentences(text: str, start: int, end: int, *, section: str, heading: str) -> list[Passage]:
    """A part without a list: its sentences (split at 。 and ；), each quoted whole."""
    out: list[Passage] = []
    for m in re.finditer(r"[^。；;！？!?]+[。；;！？!?]?", text[start:end]):
        raw = m.group(0)
        cleaned = re.sub(r"\s+|\*\*", "", raw)
        if len(cleaned) < 6 or "\t" in raw:
            continue
        lead = len(raw) - len(raw.lstrip())
        out.append(Passage(start + m.start() + lead, start + m.end(), cleaned, section, heading))
        if len(out) >= MAX_SENTENCES:
            break
    return out


def section_answer(q: Question, *, pairs: Sequence[tuple[str, int]], refs: Sequence[ReportRef],
                   report_text: Callable[[str], str]) -> Answer | None:
    """Every item of the asked part of each asked report (one agency, a few years), or None when the question is no
    such list question or a report does not hold the part (the retrieval route answers then)."""
    part = followup_part(q)
    if part is None or q.metric is not None or not q.agencies or not pairs or len(pairs) > MAX_REPORTS:
        return None
    by_pair = {(r.agency, r.year): r for r in refs}
    lines: list[str] = []
    sources: list[Source] = []
    for agency, year in pairs:
        ref = by_pair.get((agency, year))
        items = section_items(report_text(ref.id), part) if ref is not None else []
        if ref is None or not items:
            return None
        lines.append(f"根据{report_title(agency, year)}“{items[0].section}”部分，{_summary(part, items)}")
        lines += [p.text if starts_item(p.text) else f"· {p.text}" for p in items]  # 一是… / 1. carry their own mark
        sources += [Source(report=ref.id, agency=agency, year=year, text=p.text, section=p.section, start=p.start,
                           end=p.end) for p in items]
    return Answer(question=q.text, text="\n".join(lines), found=True, route="retrieval", sources=tuple(sources))


def _summary(part: Part, items: Sequence[Passage]) -> str:
    """The one plain sentence that leads the list: how many items of what."""
    if all(starts_item(p.text) for p in items):
        return f"{part.name}共{len(items)}项："
    return f"{part.name}如下："
