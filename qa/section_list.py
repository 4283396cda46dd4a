"""Section answers, the question side: which part of a report a 存在哪些问题 / 改进措施 / 做了哪些工作 question asks to
list (``asked_part``, ``followup_part``), whether the plan routes it here (``recognise``), and the answer: every item
of that part of each asked report, each item quoted briefly.

    >>> part = asked_part("平潭某局2023年提出了哪些改进措施？")
    >>> part.name, part.section
    ('改进措施', 5)

The report side (the part's items read out of a report's text) is qa/parts.py; the answer's sentences are
qa/compose/quotes.py's (``list_lines``, ``part_not_said``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from govqa.core.numbers import cn_number
from govqa.core.types import Answer, Question, Source
from govqa.index.sections import split_sections
from govqa.qa import lexicon as lx
from govqa.qa.compose import list_lines, named_sentence_lines, part_not_said, term_not_said
from govqa.qa.enumerations import items_asked
from govqa.qa.named_parts import asked_facet, asked_words, blank_names
from govqa.qa.part_words import (
    DONE_NOUN,
    asks_work_done,
    focus_of,
    future_asked,
    lists_done,
    plans_asked,
    weak_spots_asked,
)
from govqa.qa.parts import (
    FUTURE,
    MEASURE_WORDS,
    MEASURES,
    PROBLEM_WORDS,
    PROBLEMS,
    RECTIFIED,
    WORK,
    Part,
    section_items,
)
from govqa.qa.prose_asks import asks_change_made, asks_rules
from govqa.qa.scoped_lists import lacked_when_unsaid, said_anywhere, scope_asked, scope_label
from govqa.qa.sentence_names import ENUMERATED, asked_noun, listed_topic, noun_label, sentence_of
from govqa.qa.table_query import ReportRef

__all__ = ["MEASURES", "PROBLEMS", "RECTIFIED", "WORK", "Part", "asked_part", "followup_part", "recognise",
           "section_answer", "section_items"]

# the question asks for the whole list, not one fact of it
_LISTING = re.compile(r"哪些|哪几|几个方面|几方面|几点|列举|分别|都有|包括什么|存在的(?:主要)?(?:问题|不足)"
                      r"|哪[“\"‘]?[两三四五六七八九十]个?[”\"’]?[\u4e00-\u9fff]{0,4}?"
                      r"(?:方面|点|项|条|件事|类|篇|招|步|问题|不足|短板|毛病|漏洞|措施|举措|工作|任务|方向)"
                      r"|(?:怎么|怎样|如何)(?:[^，。？?]{0,10}?)(?:改进|整改|改善|提升|加强|做|办|开展|推进|推动|落实|抓|搞|干)"
                      r"|(?:做|干|搞)了?(?:什么|啥)|些(?:什么|啥)"
                      r"|(?:问题|不足|差距|短板|毛病|漏洞|措施|举措|计划|打算|亮点|做法|工作|重点|安排|方向|思路)(?:主要)?(?:是|有|包括)?"
                      r"(?:什么|啥)"
                      r"|(?:什么|啥|(?<![如任为几])何种?|哪样)[\u4e00-\u9fff]{0,4}?(?:问题|不足|差距|困难|短板|毛病|漏洞|措施|举措|对策|工作|计划|打算|亮点"
                      r"|做法|成效|特色|经验|进展|成绩|安排)")
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
_GENERIC_TOPIC = re.compile(r"政府|信息|政务|公开|工作|整体|总体|各|年报|报告")  # 在信息公开方面: the whole report's subject
# 从哪几个方面推进的 / 分哪几块来讲 / 主要抓了哪几块: the parts of the work themselves (the outline of 总体情况)
_PARTS_ASKED = re.compile(r"哪(?:几|些)个?(?:大?方面|大?块|板块|部分|大项|层面)|几(?:个|大)?(?:方面|大块|板块|部分)")
_PARTS_VERB = re.compile(r"工作|推进|推动|开展|展开|抓|讲|介绍|入手|着手|落实|做|干|搞|发力|分|包括|包含|涵盖|组成|构成")
_NOT_PARTS = re.compile(r"涉及|内容|[类种]")  # 申请涉及哪些方面 / 哪几类信息: what things were about, not the parts
# 是怎样全面推进政务公开的 / 如何开展的 / 怎么做的: how the work was done; the words after the verb may name a part
_HOW_WORK = re.compile(r"(?:怎么|怎样|如何)(?:样)?(?:去)?((?:全面|进一步|持续|不断|大力|扎实|深入)?"
                       r"(?:推进|推动|开展|落实|抓|做好|加强|做|干|搞|完善|强化)([^，。？?]{0,12}?))(?:的|呢|[？?]|$)")
# 政府采购公开是怎么抓的 / 行政许可公开如何推进: a topic said just before the how-word (a table row's topic too)
_HOW_TOPIC = re.compile(r"(?:\d年度?|^|[，,])((?:(?!哪|什么|多少|方面|这|了|主要|具体|几|个|年|在)[^，,。？?\d]){2,12}?)"
                        r"(?:这一?块|这一?方面|方面|领域|工作)?(?:上|中)?(?:是|都是|主要是|具体是|究竟是|到底是)?"
                        r"(?:怎么|怎样|如何)"
                        # 行政处罚信息公开采取了哪些措施: before 做了 only a topic said as some 公开 (not 工作概括起来)
                        r"|(?:\d年度?|^|[，,])((?:(?!哪|什么|多少|方面|这|了|主要|具体|几|个|年|在)[^，,。？?\d]){0,10}公开)"
                        r"(?:这一?块|这一?方面|方面|领域|工作)?(?:上|中)?(?:都|主要|具体)?(?:采取|做|开展|推出|落实)了(?=哪|什么|啥)")
# 2020年东岚水利局 / 东岚水利局2020年 before the topic (全面推进政务公开是怎么做的): where to look, no part of the topic
_YEAR_AGENCY_LEAD = re.compile(r"^(?:\d{4}年度?)?[\u4e00-\u9fff]{2,20}?(?:厅|局|委|办|府|中心)(?:\d{4}年度?)?(?:的)?")
# who did it (他们 / 该局 / 东岚水利局), or when: not what the work was on
_NOT_HOW_TOPIC = re.compile(r"他|她|它|其|该|我|你|咱|本|(?:局|委|办|厅|府|镇|乡|街道|区|县|市|中心|院|部|所|站|队)$|"
                            + FUTURE)
_PLAIN = {"咋样": "怎样", "咋": "怎么", "啥": "什么"}  # spoken question words said as the patterns spell them
_COLLOQUIAL = re.compile("|".join(_PLAIN))
_FOLLOW_TOPIC = re.compile(r"^(?:那么?|还有)?在?((?:(?!哪|什么|多少)[^，。？?、\d]){2,12}?)(?:方面|这块|上)(?:的?呢|怎么样|如何)")
_FOLLOW_QUOTED = re.compile(r"^(?:那么?|还有)?(?:在|关于)?[“「\"‘]([^”」\"’]{2,16})[”」\"’](?:方面|这块|部分|这部分)?"
                            r"(?:的?呢|怎么样|如何|[？?]|$)")
_COUNT = re.compile(r"多少|(?<!哪)几[个件条次篇项]")
# 存在几个问题 / 制度建设有几条: how many items a list has, said at the end of the question (not 发布了几条信息)
_ITEM_COUNT = re.compile(r"(?<!哪)几[个条项点件](?:主要|大|重点)?(?:问题|不足|短板|困难|建议|方面|规定|要求|任务|" + DONE_NOUN + r")"
                         r"(?=[？?呢吗。，,]|$)|(?:建设|管理|保障|措施|问题|不足|规定|要求|做法|举措|亮点)(?:一共|共|总共)?"
                         r"(?:有|包括|分为?|提了|提出了?)?几[个条项点](?=[？?呢吗。，,]|$)")  # 土地出让类有几条: a count
_ORDINAL = re.compile(r"第([一二三四五六七八九十]|\d{1,2})(?:条|点|项|个|方面|件事|是)")
# the previous year's problems and what was done about them (针对上一年的问题做了哪些整改), asked and said
_LAST_YEAR = r"(?:上一?年度?|去年|前一年|往年|以往|针对\d{4}年)"
_RECTIFY_ASKED = re.compile(_LAST_YEAR + r"[^，。？?]{0,14}(?:问题|不足)[^。？?]{0,14}(?:整改|改进|措施|做了|采取|解决)")
# the things a piece of work centred on (解读主要围绕哪些热点 / 聚焦了哪些领域): a sentence's list, on the part's topic or not
_FOCUS = re.compile(r"(?:围绕|聚焦|紧扣|紧贴|紧盯|瞄准|着眼)(?:了|于|在)?些?(?:哪些|哪几|什么|啥|哪[两三四五六七八九十])")
MAX_SAID = 240  # characters; a longer sentence (a one-line page) is not quoted whole in the lead
MAX_REPORTS = 3  # a list question over more reports goes to the retrieval route


def asked_part(question: str) -> Part | None:
    """The part of a report a list question asks about, or None (a count or a fact)."""
    question = _COLLOQUIAL.sub(lambda m: _PLAIN[m.group(0)], question)  # 咋做的 → 怎么做的
    words = asked_words(question)
    facet = "" if _NO_FACET.search(question) else asked_facet(question)
    noun = asked_noun(question)
    if noun and _OTHER_LIST.search(_TOPIC_PROBLEM.sub("", question)):
        noun = "" if listed_topic(question) == noun else noun  # 针对舆情采取了哪些措施: the measures, not the 舆情
    part = _asked_part(question)
    focus = _FOCUS.search(question) is not None and not (words or facet)  # 围绕哪些群众关切: a list, not the 舆情 topic
    if (focus or not (noun or words or facet) and part is None) and items_asked(question) is not None \
            and (focus or not _OTHER_LIST.search(question)):
        noun = ENUMERATED  # 送到哪些地方 / 更新了哪几方面的文件: the items a sentence lists, found by the question's words
    if part is None and (words or facet or noun):  # 讲了哪几个“到位” / 通过什么渠道公开 / 设置了哪些栏目: on the work
        part = Part(WORK, 1, topic=asked_topic(question), named=not (words or facet))  # no names: not this route
    nth = _ORDINAL.search(question)
    return replace(part, words=words, facet=facet, asked=question, noun=noun,
                   nth=(cn_number(nth.group(1)) or 0) if nth else 0) if part is not None else None


# the work, measures, problems or highlights asked (舆情回应方面做了哪些工作): no list of the topic's own items
# the work said by a verb of doing (做了哪些工作 / 抓了什么 / 怎么开展的), the measures, problems or highlights
# (舆情回应方面做了哪些工作): the work's own list, not the topic's items; a bare noun (哪些事) stays the topic's
_OTHER_LIST = re.compile(MEASURE_WORDS.pattern + "|" + PROBLEM_WORDS.pattern
                         + r"|(?:做了|开展了|完成了|有|抓了?|搞了|干了|推进了|落实了|采取了)(?:哪些|什么|哪[两三四五六七八九十几][个项件]?)"
                         r"(?:方面的?|重点|主要)?(?:工作|亮点)|亮点|成效|主要做法|哪些做法|工作情况|总体情况"
                         r"|(?:做|干|搞)了?一?些?(?:哪些|什么|啥|哪[两三四五六七八九十几])|(?:怎么|怎样|如何)(?:做|干|开展)的")
_TOPIC_PROBLEM = re.compile(r"(?<=舆情|热点|关切)问题|问题(?=[^，。？?]{0,4}舆情)|(?<=回应)了?(?:哪些|哪几个?|什么|啥)问题")
# 申请 / 联系 channels are the table's and the contact route's; 做了解读吗？用的什么形式 asks one fact, quoted
_NO_FACET = re.compile(r"申请|联系|咨询|投诉|举报|多少|几[条件次篇个项]|吗|有没有|是否|了没|没有")


def _asked_part(question: str) -> Part | None:
    """The part a list question asks about by the section words (问题, 措施, 工作…), or None."""
    if asks_rules(question) or asks_change_made(question) or lx.AVOIDED_ASKED.search(question):
        # 要落实哪些要求 / 做了哪些升级 / 要避免什么问题: one sentence, not a part
        return None
    parts = _PARTS_ASKED.search(question)
    counted = _ITEM_COUNT.search(question) or _ORDINAL.search(question)  # 存在几个问题 / 第二条是什么: the list answers
    if not (_LISTING.search(question) or lists_done(question) or parts or counted or weak_spots_asked(question)) or _COUNT.search(question) and not (parts or counted):
        return None  # 分为几个方面: the parts, counted by the list itself
    topic = asked_topic(question)
    if _RECTIFY_ASKED.search(question):
        return Part(RECTIFIED, 5)
    if weak_spots_asked(question):  # 还有哪些需要加强的地方 / 哪里做得不够: what falls short, not the plan for it
        return Part(PROBLEMS, 5, topic=topic)
    if MEASURE_WORDS.search(question) or future_asked(question) and lists_done(question):  # 举措 / 措施 / 未来要抓哪几件事
        # what will be done or improved when a word of plans says so (qa/part_words.py), else what was done
        if plans_asked(question):  # 下一步有哪些举措 / 针对这些问题采取了哪些措施 / 改进措施
            return Part(MEASURES, 5, topic=topic)
        return Part(WORK, 1, topic=topic)  # 主要有哪几项举措 / 在主动公开方面采取了哪些措施: the work done
    if PROBLEM_WORDS.search(question):
        return Part(PROBLEMS, 5, topic=topic)
    how = _HOW_WORK.search(question)
    if how and topic:  # 政府采购公开是怎么抓的: the work on that topic, not its table row
        return Part(WORK, 1, topic=topic)
    if how and not topic:  # 是怎样全面推进政务公开的: the part titled so, else the whole work
        return Part(WORK, 1, topic=how.group(1) if len(how.group(2)) >= 2 else "", broad=True)  # 怎么做的: no topic
    if not topic and _PARTS_ASKED.search(question) and _PARTS_VERB.search(question) and not _NOT_PARTS.search(question):
        return Part(WORK, 1)  # 分哪几块来讲: the outline of 总体情况
    if asks_work_done(question) or _KNOWN_TOPIC.search(topic):  # 主动公开了哪几类信息: a list on a part is its work
        return Part(WORK, 1, focus_of(question), topic, kinds=bool(topic and _KINDS.search(question)))
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
    if MEASURE_WORDS.search(q.text) or future_asked(q.text):  # 措施呢？ / 接下来呢？
        return Part(MEASURES, 5)
    if PROBLEM_WORDS.search(q.text) or "问题" in q.text:  # 问题呢？ after the measures
        return Part(PROBLEMS, 5)
    return Part(WORK, 1, focus_of(q.text)) if asks_work_done(q.text) else earlier  # 亮点呢？: the part titled so


# 河北工信厅自己说信息公开这块: the agency (and who says it) before a topic said without 在 is no part of it
_AGENCY_LEAD = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:厅|局|委|办|府|中心|署|院|站|所)"
                          r"(?:自己|自身|本身|他们|它)?(?:说|讲|认为|觉得|承认|提到|表示|总结)?的?")


def asked_topic(question: str) -> str:
    """The one topic a list question narrows to (在监督保障方面 → 监督保障), or "" when it names none or only the
    report's whole subject (在政府信息公开上)."""
    for m in [*_TOPIC.finditer(question), *_BARE_TOPIC.finditer(question)]:
        topic = _AGENCY_LEAD.sub("", next(g for g in m.groups() if g).strip())
        if _GENERIC_TOPIC.sub("", topic):
            return topic
    said = _YEAR_AGENCY_LEAD.sub("", question)
    for m in [*(_HOW_TOPIC.finditer(said) if said != question else ()), *_HOW_TOPIC.finditer(question)]:
        # 他们的政务公开工作是如何开展的 / 下一步准备怎么做: no topic
        topic = _AGENCY_LEAD.sub("", (m.group(1) or m.group(2)).strip())  # 东岚水利局信息公开: the body is no topic
        if len(_GENERIC_TOPIC.sub("", topic).strip("的")) >= 2 and not _NOT_HOW_TOPIC.search(topic):
            return topic
    known = _KNOWN_TOPIC.search(question)
    return known.group(0) if known else ""


def recognise(q: Question, *, pairs: Sequence[tuple[str, int]]) -> bool:
    """Whether q asks for every item of a part of one agency's reports (read by the plan, from the wording)."""
    return _listed_part(q, pairs=pairs) is not None


def _listed_part(q: Question, *, pairs: Sequence[tuple[str, int]]) -> Part | None:
    """The part q asks to list (a section word, or a title it names: 精益求精都包括哪些), for a few reports of one
    agency; None for any other question."""
    if q.metric is not None or not q.agencies or not pairs or len(pairs) > MAX_REPORTS:
        return None
    part = followup_part(q)
    if part is not None and part.name == WORK and not part.topic and q.query and lx.POINTED_BACK.search(q.text):
        return None  # 该专区有哪些功能 after 增设了什么专区: the thing named before, not the report's work
    scope = scope_asked(q.text, q.agencies)  # “五公开”是哪五个 / 环境保护这块公开哪些信息: one named thing's items
    if part is None and (scope is not None or _LISTING.search(q.text) and not _COUNT.search(q.text)) and not q.query:
        part = Part(WORK, 1, asked=q.text, named=True)  # a part titled so, if the report has one
    return replace(part, scope=scope) if part is not None and scope is not None else part


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
            return Answer(question=q.text, text=part_not_said(agency, year, part.name), found=False, route="refuse",
                          reason="no-data")  # the section is there and says nothing of last year's problems
        if ref is not None and not items and len(pairs) == 1 and part.scope is not None \
                and lacked_when_unsaid(part.scope) and not said_anywhere(report_text(ref.id), part.scope):  # “三个一”是哪三个, never said: not the preamble of the prose route
            return Answer(question=q.text, text=term_not_said(agency, year, part.scope.words), found=False,
                          route="refuse", reason="no-data")
        if ref is None or not items:
            return None
        shown = [items[part.nth - 1]] if 0 < part.nth <= len(items) else items  # 第二条是什么: that one item
        said = ""
        one = part.noun and items[0].heading == noun_label(part.noun) \
            or part.scope is not None and items[0].heading == scope_label(part.scope)
        if one:  # names one sentence gives: it, quoted whole
            text = report_text(ref.id)
            a, b = sentence_of(text, items[0].start, items[-1].end)
            said = re.sub(r"\s+", "", text[a:b]) if b - a <= MAX_SAID else ""
        if part.scope is not None and items[0].heading == (unspelled := scope_label(part.scope, spelled=False)):
            lines += named_sentence_lines(agency, year, unspelled, items[0])  # “三个一” named, never spelled out
        else:
            lines += list_lines(agency, year, part, items, shown, said=said, one_sentence=bool(one))
        sources += [Source(report=ref.id, agency=agency, year=year, text=p.text, section=p.section, start=p.start,
                           end=p.end) for p in shown]
    return Answer(question=q.text, text="\n".join(lines), found=True, route="retrieval", sources=tuple(sources))

