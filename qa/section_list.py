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
from dataclasses import dataclass, field, replace

from govqa.core.numbers import cn_number
from govqa.core.types import Answer, Question, Source
from govqa.index.headings import BRACKET_MARKER, BRACKET_SUB_HEADING, SECTION_TITLE_START
from govqa.index.sections import Section, split_sections
from govqa.qa import lexicon as lx
from govqa.qa.compose import report_title
from govqa.qa.lists import first_list, item_quotes, part_items, sentence_items, starts_item
from govqa.qa.named_parts import (
    FACET_WORDS,
    Heading,
    asked_facet,
    asked_words,
    blank_names,
    channel_sentences,
    clauses_with,
    facet_subject,
    named_heading,
    outline,
    says_subject,
    with_word,
)
from govqa.qa.passages import Passage
from govqa.qa.table_query import ReportRef

PROBLEMS, MEASURES, WORK, RECTIFIED = "存在的问题", "改进措施", "工作情况", "上年问题整改情况"
# 问题 of the work itself (存在哪些问题, 主要问题), not a topic's (回应了哪些舆情问题)
_PROBLEM_WORDS = re.compile(r"存在|(?:主要|哪些|哪几个?|哪[两三四五六七八九十]个?|什么|啥|自身|工作中?|公开中?|承认)(?:的)?问题|不足|差距|短板|困难|薄弱|欠缺|弱项"
                            r"|毛病|缺点|缺陷|不到位|不够(?:到位|完善|及时|规范|好)|检讨|反思|自查|查摆"
                            r"|(?:自查|查摆|查找|查出|发现)[\u4e00-\u9fff]{0,3}问题|问题(?:主要)?(?:有|是|包括)?(?:哪些|什么|啥)")
# what will be done: 下阶段 / 下一年 / 2021年要… / 要抓好 / 要求做到 (a plan, not what was done)
_FUTURE = (r"下一步|下一?阶段|下一?年度?|新的?一年|明年|来年|今后|将要|将会|准备|打算|计划|努力方向|工作安排"
           r"|(?<!主)要(?!点)[\u4e00-\u9fff]{0,3}?(?:做好|做到|抓好|落实|推进|加强|写好|实现|突出|完成)")
_MEASURE_WORDS = re.compile(r"改进|整改|措施|举措|对策|改善|" + _FUTURE)
_WORK_WORDS = re.compile(r"(?:做了|开展了|完成了|有|抓了?|搞了|干了|推进了|落实了|采取了)(?:哪些|什么|哪[两三四五六七八九十几][个项件]?)"
                         r"(?:方面的?|重点|主要)?(?:工作|亮点)|亮点|成效|主要做法|哪些做法|工作情况|总体情况"
                         r"|(?:做|干|搞)了?(?:哪些|什么|啥|哪[两三四五六七八九十几])|(?:怎么|怎样|如何)(?:做|干|开展)的")
# the question asks for the whole list, not one fact of it
_LISTING = re.compile(r"哪些|哪几|几个方面|几方面|几点|列举|分别|都有|包括什么|存在的(?:主要)?(?:问题|不足)"
                      r"|哪[“\"‘]?[两三四五六七八九十]个?[”\"’]?[\u4e00-\u9fff]{0,4}?"
                      r"(?:方面|点|项|条|件事|类|篇|招|步|问题|不足|短板|措施|举措|工作|任务|方向)"
                      r"|(?:怎么|怎样|如何)(?:[^，。？?]{0,10}?)(?:改进|整改|改善|提升|加强|做|办|开展|推进|落实)"
                      r"|(?:做|干|搞)了?(?:什么|啥)|些(?:什么|啥)"
                      r"|(?:问题|不足|差距|短板|措施|举措|计划|打算|亮点|做法|工作|重点|安排|方向|思路)(?:主要)?(?:是|有|包括)?"
                      r"(?:什么|啥)"
                      r"|(?:什么|啥)[\u4e00-\u9fff]{0,4}?(?:问题|不足|差距|困难|短板|措施|举措|工作|计划|打算|亮点|做法|成效|特色"
                      r"|经验|进展|成绩|安排)")
# 在主动公开方面 / 在加强机制建设上 / 关于平台建设的工作: a topic (no question word, year or number inside it)
_TOPIC = re.compile(r"在((?:(?!哪|什么|多少|做|有|方面|这)[^，。？?\d]){2,14}?)(?:这一?)?(?:方面|上|块|领域)"
                    r"|(?:关于|针对)([^，。？?、\d]{2,14}?)(?:的|方面)(?:工作|情况)")
# 2023年政府信息管理这块 / ，监督保障方面: a topic said after the year or a comma, without 在
_BARE_TOPIC = re.compile(r"(?:\d年|^|[，,])((?:(?!哪|什么|多少|做|有|方面|这|了|主要|具体|几|个|年|在)[^，,。？?\d]){2,12}?)"
                         r"(?:这一?块|这一?方面|方面|领域|上(?=[^，,。？?]{0,5}(?:哪|什么|啥)))")
# the parts a 总体情况 section is usually cut into, named anywhere in a question (主动公开了哪几类信息)
_KNOWN_TOPIC = re.compile(r"依申请公开|主动公开|政府信息管理|信息管理|平台建设|监督保障|监督考核|绩效考核|组织领导|组织保障"
                          r"|政策解读|解读回应|回应关切|重点领域|制度建设|队伍建设|建议提案|提案办理")
_KINDS = re.compile(r"哪[几些]?[类种]|什么[类种]|几[类种]|类别|种类|分类"
                    r"|(?:信息|内容)[^，。？?]{0,4}(?:哪些|什么|啥)|(?:哪些|什么|啥)(?:样的)?(?:信息|内容)")
_TOPIC_SPLIT = re.compile(r"[、和及与/]")  # 在监督保障、绩效考核上: either topic's sub-heading
_GENERIC_TOPIC = re.compile(r"政府|信息|政务|公开|工作|整体|总体|各|年报|报告")  # 在信息公开方面: the whole report's subject
# 举措 / 措施 said of a topic without any word of the future: what was done there, not what is planned
_PLANNED = re.compile(r"改进|整改|对策|" + _FUTURE)
_TOPIC_TITLE = re.compile(r"[^。；;：:\n（(]{0,30}")  # a sub-heading's words, up to its first full stop
_PART_MARK = re.compile(BRACKET_MARKER + r"|(?<![\d.．])\d{1,2}\s*[.．、](?!\d)")  # （一） (1) or 1. opens a part
_ITEM_IN_TITLE = re.compile(r"(?<![统唯之第单万划均专])一是|(?<![\d.．])1\s*[.．、](?!\d)|\*\*")
# 从哪几个方面推进的 / 分哪几块来讲 / 主要抓了哪几块: the parts of the work themselves (the outline of 总体情况)
_PARTS_ASKED = re.compile(r"哪(?:几|些)个?(?:大?方面|大?块|板块|部分|大项|层面)|几(?:个|大)?(?:方面|大块|板块|部分)")
_PARTS_VERB = re.compile(r"工作|推进|推动|开展|展开|抓|讲|介绍|入手|着手|落实|做|干|搞|发力|分|包括|包含|涵盖|组成|构成")
_NOT_PARTS = re.compile(r"涉及|内容|[类种]")  # 申请涉及哪些方面 / 哪几类信息: what things were about, not the parts
# 是怎样全面推进政务公开的 / 如何开展的 / 怎么做的: how the work was done; the words after the verb may name a part
_HOW_WORK = re.compile(r"(?:怎么|怎样|如何)(?:样)?(?:去)?((?:全面|进一步|持续|不断|大力|扎实|深入)?"
                       r"(?:推进|推动|开展|落实|抓|做好|加强|做|干|搞|完善|强化)([^，。？?]{0,12}?))(?:的|呢|[？?]|$)")
# a topic said with the report's whole subject before it (政务公开监督保障, 信息公开的监督保障): the part's own words
_SUBJECT_PREFIX = re.compile(r"^(?:(?:政府|政务)?信息公开|政务公开|政府信息)(?:工作)?(?:的|中|里)?")
_PLAIN = {"咋样": "怎样", "咋": "怎么", "啥": "什么"}  # spoken question words said as the patterns spell them
_COLLOQUIAL = re.compile("|".join(_PLAIN))
_SUBJECT_PAIRS = frozenset({"政府", "府信", "信息", "息公", "公开", "政务", "务公"})
_FOLLOW_TOPIC = re.compile(r"^(?:那么?|还有)?在?((?:(?!哪|什么|多少)[^，。？?、\d]){2,12}?)(?:方面|这块|上)(?:的?呢|怎么样|如何)")
_FOLLOW_QUOTED = re.compile(r"^(?:那么?|还有)?(?:在|关于)?[“「\"‘]([^”」\"’]{2,16})[”」\"’](?:方面|这块|部分|这部分)?"
                            r"(?:的?呢|怎么样|如何|[？?]|$)")
_DONE = re.compile(r"(?:采取|实施|推出|开展|落实|做)了|已经|已")
MIN_BARE_TOPIC = 4  # 政府信息管理 is not 管理: a topic cut this short is too weak to find a sub-heading
MIN_TOPIC_OVERLAP = 0.6  # share of the topic's character pairs a sub-heading must hold to be the topic's
_FOCUS = re.compile(r"亮点|成效|特色|创新|经验")
_COUNT = re.compile(r"多少|(?<!哪)几[个件条次篇项]")
# 存在几个问题 / 制度建设有几条: how many items a list has, said at the end of the question (not 发布了几条信息)
_ITEM_COUNT = re.compile(r"(?<!哪)几[个条项点](?:主要|大)?(?:问题|不足|短板|困难|措施|举措|建议|方面|亮点|做法|规定|要求|任务|工作)"
                         r"(?=[？?呢吗。，,]|$)|(?:建设|管理|保障|措施|问题|不足|规定|要求|做法|举措|亮点)(?:一共|共|总共)?"
                         r"(?:有|包括|分为?|提了|提出了?)?几[个条项点](?=[？?呢吗。，,]|$)")  # 土地出让类有几条: a count
_ORDINAL = re.compile(r"第([一二三四五六七八九十]|\d{1,2})(?:条|点|项|个|方面|件事|是)")
# a measures sub-heading inside section 五, and a sentence that turns from the problems to what will be done
_TURN = re.compile(r"将|拟|下一步|今后|改进措施|整改措施|改进情况|工作计划|工作打算|努力方向|计划")
# the previous year's problems and what was done about them (针对上一年的问题做了哪些整改), asked and said
_LAST_YEAR = r"(?:上一?年度?|去年|前一年|往年|以往|针对\d{4}年)"
_RECTIFY_ASKED = re.compile(_LAST_YEAR + r"[^，。？?]{0,14}(?:问题|不足)[^。？?]{0,14}(?:整改|改进|措施|做了|采取|解决)")
_RECTIFY_SAID = re.compile(r"(?:针对|上一?年度?|去年|\d{4}年)[^。]{0,40}?(?:问题|不足)[^。]{0,30}?(?:整改|改进|措施)"
                           r"|整改(?:情况|落实)")
# …told in one sentence, which must name the earlier year (针对群众反映的问题及时整改 is this year's work)
_RECTIFY_PROSE = re.compile(r"(?:(?:针对|对)\d{4}年|上一?年度?|去年)[^。]{0,40}?(?:问题|不足)[^。]{0,30}?(?:整改|改进)")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
MAX_REPORTS = 3  # a list question over more reports goes to the retrieval route
TURN_SPAN = 40  # characters at the start of a sentence where the turn to measures is said


@dataclass(frozen=True)
class Part:
    """What a question asks to list: the problems, the measures, or the work done (standard section number)."""

    name: str
    section: int
    focus: str = ""  # 亮点 / 成效 / 特色: the part is the sub-heading that names it, not the whole section
    topic: str = ""  # 在主动公开方面: the part is the sub-heading on that topic (（一）主动公开政府信息情况)
    kinds: bool = False  # 主动公开了哪几类信息: the kinds a sentence lists (…的信息有：一是…), before the part's outline
    broad: bool = False  # 是怎样推进…的: a topic no sub-heading is on falls back to the whole work's outline
    words: tuple[str, ...] = ()  # 哪几个“到位” / “周密细致”指…: the word items share, or the slogan of a part
    facet: str = ""  # 通过哪些形式/渠道公开: the sub-heading on that facet, else the sentences naming channels
    asked: str = field(default="", compare=False)  # the question, agency names blanked: a part it names by a title
    named: bool = False  # 精益求精都包括哪些: a list question without section words, answered only by a part it names
    nth: int = 0  # 第二条是什么: that item of the list (counted from 1), 0 for all


def asked_part(question: str) -> Part | None:
    """The part of a report a list question asks about, or None (a count or a fact)."""
    question = _COLLOQUIAL.sub(lambda m: _PLAIN[m.group(0)], question)  # 咋做的 → 怎么做的
    words = asked_words(question)
    facet = "" if _NO_FACET.search(question) else asked_facet(question)
    part = _asked_part(question)
    if part is None and (words or facet):  # 讲了哪几个“到位” / 通过什么渠道公开: a list on the work
        part = Part(WORK, 1, topic=asked_topic(question))
    nth = _ORDINAL.search(question)
    return replace(part, words=words, facet=facet, asked=question,
                   nth=(cn_number(nth.group(1)) or 0) if nth else 0) if part is not None else None


# 申请 / 联系 channels are the table's and the contact route's; 做了解读吗？用的什么形式 asks one fact, quoted
_NO_FACET = re.compile(r"申请|联系|咨询|投诉|举报|多少|几[条件次篇个项]|吗|有没有|是否|了没|没有")


def _asked_part(question: str) -> Part | None:
    """The part a list question asks about by the section words (问题, 措施, 工作…), or None."""
    parts = _PARTS_ASKED.search(question)
    counted = _ITEM_COUNT.search(question) or _ORDINAL.search(question)  # 存在几个问题 / 第二条是什么: the list answers
    if not (_LISTING.search(question) or parts or counted) or _COUNT.search(question) and not (parts or counted):
        return None  # 分为几个方面: the parts, counted by the list itself
    topic = asked_topic(question)
    if _RECTIFY_ASKED.search(question):
        return Part(RECTIFIED, 5)
    if _MEASURE_WORDS.search(question):
        done = topic or _DONE.search(question)  # 在主动公开方面有哪些举措 / 采取了哪些措施: the work done
        if done and not _PLANNED.search(question):
            return Part(WORK, 1, topic=topic)
        return Part(MEASURES, 5, topic=topic)
    if _PROBLEM_WORDS.search(question):
        return Part(PROBLEMS, 5, topic=topic)
    how = _HOW_WORK.search(question)
    if how and not topic:  # 是怎样全面推进政务公开的: the part titled so, else the whole work
        return Part(WORK, 1, topic=how.group(1) if len(how.group(2)) >= 2 else "", broad=True)  # 怎么做的: no topic
    if not topic and _PARTS_ASKED.search(question) and _PARTS_VERB.search(question) and not _NOT_PARTS.search(question):
        return Part(WORK, 1)  # 分哪几块来讲: the outline of 总体情况
    if _WORK_WORDS.search(question) or _KNOWN_TOPIC.search(topic):  # 主动公开了哪几类信息: a list on a part is its work
        focus = _FOCUS.search(question)
        return Part(WORK, 1, focus.group(0) if focus else "", topic, kinds=bool(topic and _KINDS.search(question)))
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
    if nth := _ORDINAL.search(q.text):  # 第三条呢？: another item of the same list
        return replace(earlier, nth=cn_number(nth.group(1)) or 0)
    quoted = _FOLLOW_QUOTED.search(q.text)  # 那“创新举措”呢？: the part of that slogan, whatever words it holds
    if quoted:
        return replace(earlier, words=(quoted.group(1),), topic="", facet="", nth=0)
    said = _FOLLOW_TOPIC.search(q.text)  # 监督保障方面呢？: the same kind of list on another topic
    if said and _GENERIC_TOPIC.sub("", said.group(1)):
        return Part(WORK, 1, topic=said.group(1)) if earlier.name == WORK else replace(earlier, topic=said.group(1))
    if _MEASURE_WORDS.search(q.text):
        return Part(MEASURES, 5)
    if _PROBLEM_WORDS.search(q.text) or "问题" in q.text:  # 问题呢？ after the measures
        return Part(PROBLEMS, 5)
    return Part(WORK, 1) if _WORK_WORDS.search(q.text) else earlier


def asked_topic(question: str) -> str:
    """The one topic a list question narrows to (在监督保障方面 → 监督保障), or "" when it names none or only the
    report's whole subject (在政府信息公开上)."""
    for m in [*_TOPIC.finditer(question), *_BARE_TOPIC.finditer(question)]:
        topic = next(g for g in m.groups() if g).strip()
        if _GENERIC_TOPIC.sub("", topic):
            return topic
    known = _KNOWN_TOPIC.search(question)
    return known.group(0) if known else ""


def section_items(text: str, part: Part) -> list[Passage]:
    """The items of the asked part of a report, each a brief quote with offsets; [] when the report lacks it."""
    sections = split_sections(text)
    named = _named_items(text, part, sections)
    if named is not None:
        return named
    if part.topic:
        return _topic_items(text, part, sections)
    if part.name == RECTIFIED:
        return _rectified(text, sections)
    section = next((s for s in sections if s.number == part.section), None)
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
    return part_items(text, start, end, section=section.title, heading=part.name, not_after=avoid,
                      outline=part.name == WORK and not part.focus)


def _topic_items(text: str, part: Part, sections: Sequence[Section]) -> list[Passage]:
    """The items under the sub-heading on the asked topic: in the part's own section, and for work done in any
    section (（一）主动公开政府信息的情况 may open section 二); [] when no sub-heading is on that topic."""
    own = [s for s in sections if s.number == part.section]
    others = [s for s in sections if s.number != part.section and s.number] if part.name == WORK else []
    topics = _topic_words(part.topic)
    heading = f"{part.topic}方面的{part.name}"
    for topic in topics if part.kinds else []:
        for section in own + others:
            items = _led_list(text, topic, section, heading)
            if items:
                return items
    for topic in topics:
        for section in own + others:
            span = _topic_span(text, topic, section.start, section.end)
            if span is None:
                continue
            start, end, title = span
            # 政府信息管理的制度建设: the sub-part inside it (1.制度建设) the question names by words beyond the topic's
            # (the other topics of 在监督保障、绩效考核上 are no sub-part of it)
            named = _TOPIC_SPLIT.split(part.topic)
            said = (title, topic, *(named if len(named) > 1 else ()))
            sub = named_heading(outline(text, start, end), part.asked, within=said)
            items = part_items(text, sub.body, sub.end, section=section.title, heading=heading) if sub else []
            return items or part_items(text, start, end, section=section.title, heading=heading)
    for topic in topics:
        for section in own + others:
            items = _led_list(text, topic, section, heading)
            if items:
                return items
    return section_items(text, replace(part, topic="", broad=False)) if part.broad else []


def _named_items(text: str, part: Part, sections: Sequence[Section]) -> list[Passage] | None:
    """The items of a part the question names in its own words (qa/named_parts.py): the word items share (哪几个“到位”),
    a part's slogan (“周密细致”), a facet (通过哪些形式), a title (压实责任); None when it names none of these (the
    section words decide), [] when a word or facet it names is not in the report."""
    if part.name == RECTIFIED or not (part.words or part.facet or part.asked):
        return None
    own = [s for s in sections if s.number == part.section]
    others = [s for s in sections if s.number != part.section and s.number] if part.name == WORK else []
    heading = f"“{(part.words or (part.topic or part.facet,))[0]}”方面的{part.name}"
    for section in own + (others if part.words else []):
        body = _title_end(text, section.start, section.end)
        heads = outline(text, body, section.end)
        area = _topic_area(text, part, section, body) if part.topic else None
        start, end = area or (body, section.end)
        if part.words:  # in the topic's part first (保障工作讲了哪几个“到位”), then anywhere in the section
            items = _word_items(text, part.words[0], [h for h in heads if start <= h.start < end], start, end,
                                section=section.title, heading=heading) \
                or area is not None and _word_items(text, part.words[0], heads, body, section.end, section=section.title,
                                                    heading=heading) or []
        elif part.facet:
            items = _facet_items(text, part, heads, area, (body, section.end), section=section.title, heading=heading)
        elif part.name == WORK and not part.topic and not part.focus \
                and (sub := named_heading(heads, part.asked, whole_clause=part.named)):
            return part_items(text, sub.body, sub.end, section=section.title, heading=f"“{sub.title}”方面的{part.name}")
        else:
            return [] if part.named else None
        if items:
            return items
    return [] if part.words or not part.topic else None


def _topic_area(text: str, part: Part, section: Section, body: int) -> tuple[int, int] | None:
    """(start, end) of the sub-heading on the part's topic in one section, or None."""
    for topic in _topic_words(part.topic):
        span = _topic_span(text, topic, body, section.end)
        if span is not None:
            return span[0], span[1]
    return None


def _word_items(text: str, word: str, heads: Sequence[Heading], start: int, end: int, *, section: str,
                heading: str) -> list[Passage]:
    """Items named by a word: the sibling sub-headings that hold it (做到“…”), the one part titled so (“周密细致”),
    else the clauses that carry it (组织领导到位，… 经费保障到位，…), two or more; [] when none."""
    group = with_word(heads, word)
    if len(group) >= 2:
        return item_quotes(text, [h.start for h in group], group[-1].end, section=section, heading=heading)
    if group:
        return part_items(text, group[0].body, group[0].end, section=section, heading=heading)
    starts = clauses_with(text, word, start, end)
    return item_quotes(text, starts, end, section=section, heading=heading) if len(starts) >= 2 else []


MAX_CHANNEL_SENTENCES = 4
MAX_FACET_TITLE = 20  # characters: a title this long is a part's (主动公开政府信息的主要形式), a longer one an item's


def _facet_items(text: str, part: Part, heads: Sequence[Heading], area: tuple[int, int] | None,
                 whole: tuple[int, int], *, section: str, heading: str) -> list[Passage]:
    """A facet of the work (形式 / 渠道 / 平台): the sub-heading on it inside the topic's part or naming the topic
    (（三）主动公开政府信息的主要形式 / 3.公开形式), else the sentences of that part (or of the section, when they say the
    topic or what the question asks the channels of) that name the channels; [] when none."""
    topics = _topic_words(part.topic) if part.topic else []

    def on_topic(h: Heading) -> bool:
        return area is not None and area[0] <= h.start < area[1] or any(t in h.title for t in topics)

    subject = facet_subject(part.asked)  # 通过哪些渠道指导预算单位…: the part on the channels of that, not of all
    on = [h for h in heads if h.kind != "shi" and len(h.title) <= MAX_FACET_TITLE  # 一是… / a long sentence: an item
          and any(w in h.title for w in FACET_WORDS) and (on_topic(h) if topics else says_subject(h.title, subject))]
    on.sort(key=lambda h: (not any(t in h.title for t in topics), part.facet not in h.title, h.start))
    if on:
        return part_items(text, on[0].body, on[0].end, section=section, heading=heading)
    spans = channel_sentences(text, *area) if area is not None else []
    if not spans:  # the section's sentences on the topic, those that say most of what the channels are for
        said = [(says_subject(text[a:b], subject), a, b) for a, b in channel_sentences(text, *whole)
                if not topics or any(t in text[a:b] for t in topics)]
        most = max((n for n, _, _ in said), default=0)
        spans = [(a, b) for n, a, b in said if n == most and n > 0]
    return [Passage(a, b, re.sub(r"\s+|\*\*", "", text[a:b]), section, heading) for a, b in spans[:MAX_CHANNEL_SENTENCES]]


def _topic_words(topic: str) -> list[str]:
    """The ways a sub-heading may name a topic, best first: as said, without the report's whole subject before it
    (信息公开的监督保障 → 监督保障), each of several topics (监督保障、绩效考核), then the part's other names."""
    bare = _SUBJECT_PREFIX.sub("", topic)
    words = [topic, bare if len(bare) >= MIN_BARE_TOPIC else topic]
    words += [t for w in list(words) for t in _TOPIC_SPLIT.split(w) if len(t) >= 2]
    words += [other for w in list(words) for group in lx.PART_TOPICS if any(g in w for g in group) for other in group]
    return list(dict.fromkeys(words))


LED_GAP = 12  # characters between a lead-in's colon and the list's first item


def _led_list(text: str, topic: str, section: Section, heading: str) -> list[Passage]:
    """A list inside one sentence led in by the topic (主动公开的政府信息有：一是…；二是…), every item; [] when none."""
    lead = re.compile(re.escape(topic) + r"[^。；;\n]{0,24}?[：:]")
    for m in lead.finditer(text, section.start, section.end):
        items = first_list(text, m.end(), section.end, section=section.title, heading=heading)
        if items and items[0].start - m.end() <= LED_GAP:
            return items
    return []


def _topic_span(text: str, topic: str, start: int, end: int) -> tuple[int, int, str] | None:
    """(body start, body end, title) of the first bracketed sub-heading between start and end whose title is on the
    topic: it holds the topic, or most of its character pairs; the body runs to the next sub-heading of its kind."""
    pairs = {topic[i:i + 2] for i in range(len(topic) - 1)}
    pairs = pairs - _SUBJECT_PAIRS or pairs  # 信息公开保障 is not on 推进政府信息公开: the report's subject names no part
    marks = list(_PART_MARK.finditer(text, start, end))
    titles = []
    for m in marks:
        title = _TOPIC_TITLE.match(text, m.end(), end)
        item = _ITEM_IN_TITLE.search(title.group(0)) if title else None  # （一）信息管理方面一是…: the title ends there
        if title and item:
            title = _TOPIC_TITLE.match(text, m.end(), m.end() + item.start())
        titles.append((title, item, re.sub(r"\s+", "", title.group(0)) if title else ""))
    # a title that holds the whole topic wins over one that holds most of its pairs (a one-line page's title runs on)
    exact = [k for k, (_, _, said) in enumerate(titles) if topic in said]
    close = [k for k, (_, _, said) in enumerate(titles)
             if pairs and sum(1 for p in pairs if p in said) / len(pairs) >= MIN_TOPIC_OVERLAP]
    for k in (exact or close)[:1]:
        m, (title, item, said) = marks[k], titles[k]
        nxt = next((later for later in marks[k + 1:] if _mark_kind(later.group(0)) == _mark_kind(m.group(0))), None)
        titled = title and not item and text.startswith(("。", "：", ":"), title.end())
        body = title.end() + 1 if title and titled else m.end()  # past a titled line
        return body, nxt.start() if nxt else end, said
    return None


def _mark_kind(mark: str) -> tuple[bool, bool]:
    """How a part is numbered: （一） ends at the next （二）, (1) at the next (2), 1. at the next 2."""
    return bool(re.search(r"\d", mark)), bool(re.match(r"[（(]", mark))


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


def _rectified(text: str, sections: Sequence[Section]) -> list[Passage]:
    """Last year's problems and what was done about them: a list led in by them, else the prose that says so; in
    section 五 first, then in any other (a report may tell it in 总体情况)."""
    ordered = sorted((s for s in sections if s.number), key=lambda s: s.number != 5)
    for section in ordered:
        body = _title_end(text, section.start, section.end)
        items = first_list(text, body, section.end, section=section.title, heading=RECTIFIED, only_after=_RECTIFY_SAID)
        if items:
            return items
    for section in ordered:
        said = _rectified_sentences(text, _title_end(text, section.start, section.end), section.end,
                                    section=section.title)
        if said:
            return said
    return []


_THIS_YEAR_TURN = re.compile(r"^(?:但|然而|同时)|还存在|仍存在|存在(?:一些|以下|的)|下一步|今后")


def _rectified_sentences(text: str, start: int, end: int, *, section: str) -> list[Passage]:
    """Last year's problems told in prose (我局针对2022年…存在的…问题，进行了整改…): the sentence that says so and
    those after it, up to the turn to this year's problems or plans; [] when the section does not speak of them."""
    said = None
    for m in _SENTENCE.finditer(text, start, end):
        if _RECTIFY_PROSE.search(re.sub(r"\s+", "", m.group(0))):
            said = m
            break
    if said is None:
        return []
    stop = said.end()
    for m in _SENTENCE.finditer(text, said.end(), end):
        if _THIS_YEAR_TURN.search(re.sub(r"\s+", "", m.group(0))):
            break
        stop = m.end()
    return sentence_items(text, said.start(), stop, section=section, heading=RECTIFIED)


def recognise(q: Question, *, pairs: Sequence[tuple[str, int]]) -> bool:
    """Whether q asks for every item of a part of one agency's reports (read by the plan, from the wording)."""
    return _listed_part(q, pairs=pairs) is not None


def _listed_part(q: Question, *, pairs: Sequence[tuple[str, int]]) -> Part | None:
    """The part q asks to list (a section word, or a title it names: 精益求精都包括哪些), for a few reports of one
    agency; None for any other question."""
    if q.metric is not None or not q.agencies or not pairs or len(pairs) > MAX_REPORTS:
        return None
    part = followup_part(q)
    if part is None and _LISTING.search(q.text) and not _COUNT.search(q.text) and not q.query:
        part = Part(WORK, 1, asked=q.text, named=True)  # a part titled so, if the report has one
    return part


def section_answer(q: Question, *, pairs: Sequence[tuple[str, int]], refs: Sequence[ReportRef],
                   report_text: Callable[[str], str]) -> Answer | None:
    """Every item of the asked part of each asked report (one agency, a few years), or None when the question is no
    such list question or a report does not hold the part (the retrieval route answers then)."""
    part = _listed_part(q, pairs=pairs)
    if part is None:
        return None
    part = replace(part, asked=blank_names(part.asked, q.agencies))
    by_pair = {(r.agency, r.year): r for r in refs}
    lines: list[str] = []
    sources: list[Source] = []
    for agency, year in pairs:
        ref = by_pair.get((agency, year))
        items = section_items(report_text(ref.id), part) if ref is not None else []
        if ref is not None and not items and part.name == RECTIFIED and len(pairs) == 1 \
                and any(s.number == part.section for s in split_sections(report_text(ref.id))):
            return Answer(question=q.text, text=_not_said(agency, year, part), found=False, route="refuse",
                          reason="no-data")  # the section is there and says nothing of last year's problems
        if ref is None or not items:
            return None
        summary = _summary(part, items)
        if 0 < part.nth <= len(items):  # 第二条是什么: that one item, after how many there are
            summary, items = f"{summary.rstrip('：')}，第{part.nth}项是：", [items[part.nth - 1]]
        lines.append(f"根据{report_title(agency, year)}“{items[0].section}”部分，{summary}")
        lines += [p.text if starts_item(p.text) else f"· {p.text}" for p in items]  # 一是… / 1. carry their own mark
        sources += [Source(report=ref.id, agency=agency, year=year, text=p.text, section=p.section, start=p.start,
                           end=p.end) for p in items]
    return Answer(question=q.text, text="\n".join(lines), found=True, route="retrieval", sources=tuple(sources))


def _not_said(agency: str, year: int, part: Part) -> str:
    """The plain sentence for a part the report's section does not hold."""
    return f"{report_title(agency, year)}中没有写{part.name}（报告未载明，不表示没有整改）。"


def _summary(part: Part, items: Sequence[Passage]) -> str:
    """The one plain sentence that leads the list: how many items of what."""
    named = (part.topic or (part.words[0] if part.words else "")).strip("“”\"「」‘’")
    what = f"“{named}”方面的{part.name}" if named else part.name
    if part.facet and not part.words:  # 通过哪些形式: the forms, not the work
        what = f"“{named}”的{part.facet}" if named else f"公开{part.facet}"
    if part.words and items and all(part.words[0] in p.text for p in items):  # 组织领导到位… : the items named so
        return f"带“{part.words[0]}”的共{len(items)}项："
    if all(starts_item(p.text) for p in items):
        return f"{what}共{len(items)}项："
    return f"{what}如下："
