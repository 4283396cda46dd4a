"""A report's parts and their items: what a list question asks (``Part``) read out of one report's text.

    >>> part = Part(MEASURES, 5)
    >>> [p.text for p in section_items(report_text, part)]
    ['一是进一步提高政务公开意识。', '二是进一步提升能力素质。', '三是进一步提升政务公开质量水平。']

The problems and the measures share section 五 (存在的主要问题及改进情况): a sub-heading （二）改进措施 splits it, else
the first sentence that speaks of what will be done (2022年，我局将… / 下一步…). Work done is section 一 (总体情况).
Inside the part the first enumerated list (一是…, 1. 2., （一）（二）) gives the items; a part without one gives its
sentences. A part named by a topic, a slogan, a shared word or a facet is found in the section's outline
(qa/named_parts.py); the items are quoted by qa/lists.py. Offsets are into the report text, so each item can be
cited and highlighted on its own. The question side (which part is asked) is qa/section_list.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from govqa.core.numbers import cn_number
from govqa.index.headings import BRACKET_MARKER, BRACKET_SUB_HEADING, SECTION_TITLE_START
from govqa.index.sections import Section, split_sections
from govqa.qa import lexicon as lx
from govqa.qa.enumerations import best_items, echoed_items, items_asked, outranking, topic_items
from govqa.qa.lists import first_list, item_quotes, part_items, sentence_items, starts_item
from govqa.qa.named_parts import (
    FACET_WORDS,
    Heading,
    body_start,
    channel_sentences,
    clauses_with,
    facet_subject,
    named_heading,
    outline,
    says_subject,
    with_word,
)
from govqa.qa.passages import Passage
from govqa.qa.scoped_lists import Scope, names_only, scope_label, scoped_items
from govqa.qa.sentence_names import ENUMERATED, TOPIC_KEYS, named_things, noun_label, topic_section

PROBLEMS, MEASURES, WORK, RECTIFIED = "存在的问题", "改进措施", "工作情况", "上年问题整改情况"
# 问题 of the work itself (存在哪些问题, 主要问题), not a topic's (回应了哪些舆情问题); 对哪些方面进行常态化自查 asks what
# is checked (the sentence's items), not the problems
PROBLEM_WORDS = re.compile(r"存在|(?:主要|哪些|哪几个?|哪[两三四五六七八九十]个?|什么|啥|自身|工作中?|公开中?|承认)(?:的)?问题|不足|差距|短板|困难|薄弱|欠缺|弱项"
                            r"|毛病|漏洞|缺点|缺陷|不到位|不够(?:到位|完善|及时|规范|好)|检讨|反思|查摆"
                            r"|(?<!进行)(?<!开展)(?<!常态化)(?<!定期)(?<!经常)(?<!组织)(?<!全面)自查(?!工作|机制|制度)"
                            r"|(?:自查|查摆|查找|查出|发现)[\u4e00-\u9fff]{0,3}问题|问题(?:主要)?(?:有|是|包括)?(?:哪些|什么|啥)")
# what will be done: 下阶段 / 下一年 / 2021年要… / 要抓好 / 要求做到 (a plan, not what was done)
FUTURE = (r"下一步|下一?阶段|下一?年度?|新的?一年|明年|来年|今后|将要|将会|准备|打算|计划|努力方向|工作安排"
           r"|(?<!主)要(?!点)[\u4e00-\u9fff]{0,3}?(?:做好|抓好|落实|推进|加强|写好|实现|突出|完成)"
           # 要做到: a requirement said of the year's work (舆情要做到三个第一时间), a plan only after a year or as
           # something put forward (2021年要做到 / 提出要抓好哪几条)
           r"|(?:\d{4}年|提出)[^，,。？?]{0,8}?要[\u4e00-\u9fff]{0,3}?做到")
MEASURE_WORDS = re.compile(r"改进|整改|措施|举措|对策|改善|" + FUTURE)
_TOPIC_SPLIT = re.compile(r"[、和及与/]")  # 在监督保障、绩效考核上: either topic's sub-heading
_TOPIC_TITLE = re.compile(r"[^。；;：:\n（(]{0,30}")  # a sub-heading's words, up to its first full stop
_SHI_MARK = re.compile(r"(?<![统唯之第单万划均专])([一二三四五六七八九十]{1,2})是")  # 一是 opens a part too
_CN_PART = re.compile(r"[（(]\s*[一二三四五六七八九十]{1,2}\s*[）)]")  # （三）: the next part of the section
_PART_MARK = re.compile(BRACKET_MARKER + r"|(?<![\d.．])\d{1,2}\s*[.．、](?!\d)")  # （一） (1) or 1. opens a part
_ITEM_IN_TITLE = re.compile(r"(?<![统唯之第单万划均专])一是|(?<![\d.．])1\s*[.．、](?!\d)|\*\*")
# a topic said with the report's whole subject before it (政务公开监督保障, 信息公开的监督保障): the part's own words
_SUBJECT_PREFIX = re.compile(r"^(?:(?:政府|政务)?信息公开|政务公开|政府信息)(?:工作)?(?:的|中|里)?")
_SUBJECT_PAIRS = frozenset({"政府", "府信", "信息", "息公", "公开", "政务", "务公"})
MIN_BARE_TOPIC = 4  # 政府信息管理 is not 管理: a topic cut this short is too weak to find a sub-heading
MIN_TOPIC_OVERLAP = 0.6  # share of the topic's character pairs a sub-heading must hold to be the topic's
# a measures sub-heading inside section 五, and a sentence that turns from the problems to what will be done
_TURN = re.compile(r"将|拟|下一步|今后|改进措施|整改措施|改进情况|工作计划|工作打算|努力方向|计划")
_RECTIFY_SAID = re.compile(r"(?:针对|上一?年度?|去年|\d{4}年)[^。]{0,40}?(?:问题|不足)[^。]{0,30}?(?:整改|改进|措施)"
                           r"|整改(?:情况|落实)")
# …told in one sentence, which must name the earlier year (针对群众反映的问题及时整改 is this year's work)
_RECTIFY_PROSE = re.compile(r"(?:(?:针对|对)\d{4}年|上一?年度?|去年)[^。]{0,40}?(?:问题|不足)[^。]{0,30}?(?:整改|改进)")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
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
    noun: str = ""  # 设置了哪几个信息栏 → 栏: the names one sentence gives of such things (qa/sentence_names.py)
    scope: Scope | None = field(default=None, compare=False)  # “五公开”是哪五个: one named thing's items (qa/scoped_lists.py)

def section_items(text: str, part: Part) -> list[Passage]:
    """The items of the asked part of a report, each a brief quote with offsets; [] when the report lacks it."""
    sections = split_sections(text)
    if part.scope is not None and (scoped := _scoped(text, part.scope, sections)):
        return scoped
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
    titled = False
    if part.focus:
        sub = re.compile(BRACKET_MARKER + r"[^。；;\n]{0,12}" + part.focus + r"[^。；;\n（(]{0,10}").search(text, body, section.end)
        nxt = re.compile(BRACKET_MARKER).search(text, sub.end(), section.end) if sub else None
        start, end = (sub.end(), nxt.start() if nxt else section.end) if sub else (body, section.end)
        titled = sub is not None  # no part titled with it: the whole work, told by its outline like any work question
    elif part.name == WORK:
        start, end = body, section.end
    else:
        turn = _measures_start(text, body, section.end)
        if part.name == PROBLEMS:
            start, end = body, (turn[0] if turn else section.end)
            # 请第三方盯着网站，主要揪哪些问题 / 查出什么问题: that activity's problems, which one sentence lists
            ask = items_asked(re.sub(r"(?:什么|啥)(?=问题)", "哪些", part.asked))
            if ask is not None and ask.noun and (said := topic_items(text, ask, outside=(section.start, section.end))):
                return _passages(text, said, sections, noun_label(ENUMERATED))
        elif turn is None:
            return []
        else:
            start, end = turn[1], section.end
    avoid = MEASURE_WORDS if part.name == PROBLEMS else None  # 针对去年的问题采取措施：一是… lists no problems
    return part_items(text, start, end, section=section.title, heading=part.name, not_after=avoid,
                      outline=part.name == WORK and not titled)


def _scoped(text: str, scope: Scope, sections: Sequence[Section]) -> list[Passage]:
    """The items the sentence naming the question's scope lists (决策、执行…“五公开”), each cited on its own; the
    sentence itself when it names the scope without spelling it out; [] when no sentence names it."""
    found = scoped_items(text, scope)
    if found.items:
        return _passages(text, found.items, sections, scope_label(scope))
    if found.sentence is not None and names_only(scope):
        return _passages(text, [found.sentence], sections, scope_label(scope, spelled=False))
    return []


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
            items = items or part_items(text, start, end, section=section.title, heading=heading)
            return _with_trailing(text, items, end, section=section.title, heading=heading)
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
    if (part.noun or part.facet) and (ask := items_asked(part.asked)) is not None \
            and (echoed := echoed_items(text, ask)):  # 在哪些平台上公示 / 在“A”“B”平台公示: the sentence says it
        return _passages(text, echoed, sections, noun_label(part.noun or ENUMERATED))
    if part.noun and not part.facet and (named := _noun_items(text, part, sections)):
        return named  # a facet (通过哪些渠道) is its titled part first, the names one sentence gives after
    own = [s for s in sections if s.number == part.section]
    others = [s for s in sections if s.number != part.section and s.number] if part.name == WORK else []
    heading = f"“{(part.words or (part.topic or part.facet,))[0]}”方面的{part.name}"
    if part.facet:  # 主动公开政府信息的主要形式 may be a sub-heading of section 二: a titled part first, in any section
        for section in own + others:
            body = _title_end(text, section.start, section.end)
            area = _topic_area(text, part, section, body) if part.topic else None
            head = _facet_heading(part, outline(text, body, section.end), area)
            if head is not None:
                return part_items(text, head.body, head.end, section=section.title, heading=heading)
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
            return part_items(text, body_start(text, sub), sub.end, section=section.title,
                              heading=f"“{sub.title}”方面的{part.name}")
        else:
            return [] if part.named else None
        if items:
            return items
    if part.noun and part.facet and (named := _noun_items(text, part, sections)):
        return named
    return [] if part.words or not part.topic else None


def _noun_items(text: str, part: Part, sections: Sequence[Section]) -> list[Passage]:
    """The names one sentence gives of the things asked (设置了“办事指南”“通知公告”信息栏 / 回应了A、B等舆情问题), each
    cited on its own: in the section that usually states them (the part's own) first, then anywhere in the report;
    [] when no sentence names them. Items no topic names, a number the question states (394条 pins its sentence), and a
    topic not on a part whose own sentence is not found (开了哪几种申请渠道) take the enumeration that best matches the
    question (qa/enumerations.py); a part on a topic (主动公开哪几类信息) has its own lists after this one."""
    ask = items_asked(part.asked)
    spans = best_items(text, 0, len(text), ask) if ask is not None and (ask.number or part.noun == ENUMERATED) else []
    if not spans and part.noun != ENUMERATED:  # a number asked (394条) pins its sentence before the topic's own
        first = topic_section(part.noun) or part.section
        own = [s for s in sections if s.number == first]
        for section in [*own, *(s for s in sections if s not in own)]:
            spans = named_things(text, part.noun, section.start, section.end, asked=part.asked)
            if spans:
                break
    if not spans and ask is not None and part.noun != ENUMERATED and not ask.number and not part.topic:
        spans = best_items(text, 0, len(text), ask)  # 开了哪几种申请渠道: a topic's sentence its table does not know
    elif spans and ask is not None and part.noun in TOPIC_KEYS and not ask.number:
        spans = outranking(text, spans, ask) or spans  # a list that matches the question clearly better than the topic's
    return _passages(text, spans, sections, noun_label(part.noun))


def _passages(text: str, spans: list[tuple[int, int]], sections: Sequence[Section], label: str) -> list[Passage]:
    """Each span quoted on its own, with the title of its section and what the answer calls the items."""
    return [Passage(a, b, re.sub(r"\s+", "", text[a:b]), _section_at(sections, a), label) for a, b in spans]


def _section_at(sections: Sequence[Section], at: int) -> str:
    """The title of the section holding offset ``at`` ("" before the first)."""
    return next((s.title for s in sections if s.start <= at < s.end), "")


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
    subject = facet_subject(part.asked)  # 通过哪些渠道指导预算单位…: the part on the channels of that, not of all
    head = _facet_heading(part, heads, area)
    if head is not None:
        return part_items(text, head.body, head.end, section=section, heading=heading)
    spans = channel_sentences(text, *area) if area is not None else []
    if spans and subject:  # 行政许可信息在哪些平台公示: the part's sentences on that, when any says it
        said = [(says_subject(text[a:b], subject), a, b) for a, b in spans]
        most = max(n for n, _, _ in said)
        spans = [(a, b) for n, a, b in said if n == most] if most > 0 else spans
    if not spans:  # the section's sentences on the topic, those that say most of what the channels are for
        said = [(says_subject(text[a:b], subject), a, b) for a, b in channel_sentences(text, *whole)
                if not topics or any(t in text[a:b] for t in topics)]
        most = max((n for n, _, _ in said), default=0)
        spans = [(a, b) for n, a, b in said if n == most and n > 0]
    return [Passage(a, b, re.sub(r"\s+|\*\*", "", text[a:b]), section, heading) for a, b in spans[:MAX_CHANNEL_SENTENCES]]


def _facet_heading(part: Part, heads: Sequence[Heading], area: tuple[int, int] | None) -> Heading | None:
    """The sub-heading titled with the asked facet (（三）主动公开政府信息的主要形式 / 3.公开形式), inside the topic's part or
    naming the topic, else one on what the question asks the channels of; None when no title says the facet."""
    topics = _topic_words(part.topic) if part.topic else []

    def on_topic(h: Heading) -> bool:
        return area is not None and area[0] <= h.start < area[1] or any(t in h.title for t in topics)

    subject = facet_subject(part.asked)
    on = [h for h in heads if h.kind != "shi" and len(h.title) <= MAX_FACET_TITLE  # 一是… / a long sentence: an item
          and any(w in h.title for w in FACET_WORDS) and (on_topic(h) if topics else says_subject(h.title, subject))]
    on.sort(key=lambda h: (not any(t in h.title for t in topics), part.facet not in h.title, h.start))
    return on[0] if on else None


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
    shi = _shi_span(text, topic, pairs, start, end)
    first = (exact or close)[:1]
    if shi is not None and (not first or shi[0] < marks[first[0]].start() and (shi[1] or not exact)):
        return shi[2]  # 一是突出抓好预决算公开。1.… : the 是 part holds the numbered items that also name the topic
    for k in (exact or close)[:1]:
        m, (title, item, said) = marks[k], titles[k]
        nxt = next((later for later in marks[k + 1:] if _mark_kind(later.group(0)) == _mark_kind(m.group(0))), None)
        titled = title and not item and text.startswith(("。", "：", ":"), title.end())
        body = title.end() + 1 if title and titled else m.end()  # past a titled line
        return body, nxt.start() if nxt else end, said
    return None


def _with_trailing(text: str, items: list[Passage], end: int, *, section: str, heading: str) -> list[Passage]:
    """The items, and the 是-numbered ones that follow the list inside the same part (1. 2. 3. 4. then 五是…)."""
    if not items:
        return items
    # 二是 三是 going on from the list's count; a list that starts again at 一是 is another list, not this one's
    starts: list[int] = []
    for m in _SHI_MARK.finditer(text, items[-1].end, end):
        if (cn_number(m.group(1)) or 0) != len(items) + len(starts) + 1:
            break
        starts.append(m.start())
    if not starts:
        return items
    return [*items, *item_quotes(text, starts, end, section=section, heading=heading)]


def _shi_span(text: str, topic: str, pairs: set[str], start: int, end: int
              ) -> tuple[int, bool, tuple[int, int, str]] | None:
    """Where the first 一是/二是 part on the topic opens, whether its title holds the whole topic, and its (body start,
    body end, title) (一是突出抓好预决算公开。1.… 五是…): the body runs to the part numbered next (二是), past lists
    inside it that reuse the 是 numbering; None when no such part."""
    marks = [(m, cn_number(m.group(1)) or 0) for m in _SHI_MARK.finditer(text, start, end)]
    for k, (m, number) in enumerate(marks):
        title = _TOPIC_TITLE.match(text, m.end(), end)
        said = re.sub(r"\s+", "", title.group(0)) if title else ""
        if not said or not (topic in said or pairs and sum(1 for p in pairs if p in said) / len(pairs)
                            >= MIN_TOPIC_OVERLAP):
            continue
        nxt = next((later.start() for later, n in marks[k + 1:] if n == number + 1), end)
        part_end = _CN_PART.search(text, m.end(), nxt)  # …二是 as the last item of （二）: it ends where （三） begins
        nxt = part_end.start() if part_end else nxt
        body = title.end() + 1 if title and text.startswith(("。", "：", ":"), title.end()) else m.end()
        return m.start(), topic in said, (body, nxt, said)
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
        said = MEASURE_WORDS.search(m.group(1))
        if said and not PROBLEM_WORDS.search(m.group(1)[:said.start()]):
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
