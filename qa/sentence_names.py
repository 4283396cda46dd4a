"""Things a report names inside one sentence, asked as a list: the columns it set up (设置了“办事指南”“通知公告”信息栏,
asked 设置了哪几个栏目), and the items one sentence lists of a topic (回应了A、B等多个舆情问题 / 申请内容主要涉及A、B等 /
主动公开类别主要涉及A、B / 公开政府信息260条，其中A类信息19条，B类信息6条), asked 回应了哪些舆情 / 申请的都是什么信息 /
主动公开的信息分哪几类.

    >>> asked_noun("在公开目录里设置了哪几个信息栏？")
    '栏'
    >>> [text[a:b] for a, b in named_things(text, "栏", 0, len(text))]
    ['办事指南', '通知公告']

Each name is cited on its own (offsets into the report text). A column sentence must name two or more; a topic's
sentence may name one (回应了某事件等舆情问题 is the whole answer). The topics are data (``TOPICS``): the words a
question names one by, the words its sentence says before the list (form A: 申请内容主要涉及…) or the noun after it
(form B: 回应了…等多个舆情问题), and whether the list may come with counts (form C: 其中A类19条，B类6条).
Items no topic names (送到哪些地方, key ``ENUMERATED``) are found by qa/enumerations.py from the question's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# the kind of thing asked, by the stem every way of saying it shares (信息栏 / 栏目 / 专栏 → 栏)
_STEMS = (("栏", r"子?栏目?|专栏|公开栏|信息栏"), ("块", r"板块|版块|模块"), ("专区", r"专区"), ("专题", r"专题"))
_ASKED = re.compile(r"(?:哪几个|哪些|哪几|哪[两三四五六七八九十]个|什么|啥|几个)(?:样的)?(?:信息|公开|宣传|服务)?"
                    r"(" + "|".join(words for _, words in _STEMS) + r")(?!培训|讲座|会|学习|研讨|活动|调研|教育)")
# the verbs of setting one up (设置了 / 开设 / 新增): the sentence that names them
_SET_UP = r"设置|开设|设立|开通|新增|增设|新设|建立|搭建|开辟|推出|打造|上线|优化|调整|完善"
_STEM_NAMES = {"栏": "栏目", "块": "板块"}  # what an answer calls a stem's things
_QUOTED = re.compile(r"[“「\"『]([^”」\"』]{2,24})[”」\"』]")
_SENTENCE = re.compile(r"[^。！？!?；;]+")
# 开设了政策解读、办事指南和通知公告等栏目: the names listed between the verb and the noun
_LISTED = (r"(?:" + _SET_UP + r")了?((?:[^，,。；;：:“”「」]{2,40}?(?:、|以及|和|及|与)){1,}[^，,。；;：:“”「」等]{2,16}?)"
           r"(?:等多个|等\d+个|等[两三四五六七八九十]个|等)?")
# 合并了哪些栏目 / 哪个专栏改了名: what was done to some of them, said in its own sentence, not the ones set up
_CHANGED = re.compile(r"合并|整合|撤并|撤销|关停|关闭|取消|删除|删减|停更|迁移|改名|更名|改版|并入")
MIN_NAMES = 2
ENUMERATED = "列举"  # the key of items no topic names: the sentence is found by the question's words (qa/enumerations.py)


@dataclass(frozen=True)
class Topic:
    """A topic whose items one sentence of a report lists, and how questions and reports say it."""

    key: str  # what Part.noun holds
    label: str  # what the answer calls the items
    asked: str  # regex: the question names the topic (with a word asking for items elsewhere in it)
    said: str = ""  # regex: the sentence's words before its list verb (申请内容 / 公开类别), form A
    noun: str = ""  # regex: the noun after the listed items (舆情问题 / 渠道), form B
    verbs: str = ""  # regex: the verbs before the listed items in form B (回应了 / 通过)
    counted: str = ""  # regex: a sentence listing them with counts must say this (主动公开 / 申请)
    context: str = ""  # regex: a sentence must say this to be on the topic at all (主动公开)
    section: int = 0  # the standard section that usually holds the sentence (0: the asked part's own first)


# the topic's words right after a word asking for items (回应了哪些舆情) or before one (舆情主要有哪些)
_NEAR = (r"(?:哪些|哪几个?|什么|啥|哪[两三四五六七八九十]个)(?:样的)?{0}"
         r"|{0}(?:主要|都|还)?(?:有|是|包括|涉及|集中在|集中于)(?:了|的)?(?:哪些|什么|啥|哪几)")
_ITEM_ASK = r"(?:哪些|哪几|哪[一两三四五六七八九十]?[类种个项方面]|什么|啥|几[类种]|几个方面|都有|都是|分别)"
TOPICS = (
    Topic("舆情", "回应的舆情", _NEAR.format(r"(?:社会|网络|政务|群众|公众)?(?:舆情|热点|关切)(?:问题|事件)?(?:回应)?")
          + r"|(?:舆情|热点)[^，,。？?]{0,6}?回应了?(?:哪些|哪几|什么|啥)",
          said=r"(?:舆情|热点)(?:问题|事件|回应)?",
          noun=r"(?:网络|政务|社会)?(?:舆情|热点|关切)(?:问题|事件|事项)?",
          verbs=r"回应|处置|回复|应对|解答|澄清"),
    Topic("申请内容", "申请公开的内容",
          r"申请[^，,。？?]{0,14}?(?:内容|事项|涉及|集中|领域|(?:哪些|什么|啥|哪几?类|哪方面|哪几个?方面)(?:样的|方面)?的?"
          r"(?:信息|内容|事|东西|资料|材料|方面|领域)|要(?:些|的是|的都是)?(?:什么|啥|哪些)|(?:关于|有关)(?:什么|啥|哪些))"
          r"|申请(?:了|过)?些?(?:什么|啥)(?=[？?呢吗。]|$)",
          said=r"申请(?:公开)?(?:的)?(?:内容|事项)|(?:收到|受理|办理|办结)[^。；;]{0,16}?申请\d*件",
          noun=r"(?:方面|领域|内容|事项)的?(?:政府)?信息(?:公开)?申请", verbs=r"收到|受理|办理|办结"),
    Topic("申请方式", "申请的方式",
          r"申请(?:的)?(?:方式|渠道|途径|形式)|(?:怎么|如何|(?:通过|用|以)(?:什么|哪些|哪几种|啥)(?:方式|渠道|途径)?)"
          r"(?:提出|提交|递交)?(?:的)?申请|申请[^，,。？?]{0,6}?(?:(?:通过|用|以)(?:什么|哪些|哪几种|啥)(?:方式|渠道|途径)"
          r"|(?:怎么|如何)(?:提出|提交|递交|申请|来的))",
          counted=r"申请(?:方式|渠道)|(?:网络|信函|当面|邮寄|传真|电子邮件)申请"),
    Topic("主动公开类别", "主动公开信息的类别",
          r"(?:公开|发布|发)(?:了|的|过)?[^，,。？?]{0,8}?(?:信息|内容)[^，,。？?]{0,6}?(?:哪[几些]?大?[类种]|什么[类种]|几大?[类种]"
          r"|类别|种类|分类|哪些方面|哪几个方面|哪些领域|哪些内容|什么内容)"
          r"|(?:公开|发布)(?:了|的)?[^，,。？?]{0,6}?(?:哪[几些]?[类种]|类别|种类|分类)的?(?:政府)?信息"
          r"|(?:公开|发布)(?:了|过)?(?:哪些|什么|啥)(?:样的)?(?:政府)?(?:信息|内容)|公开类别",
          said=r"(?:主动)?公开(?:的)?(?:政府)?(?:信息)?(?:的)?(?:类别|类型|种类|内容)|主动公开(?:政府信息)?|内容",
          noun=r"(?:的)?(?:[\u4e00-\u9fff]{0,4}(?:政府|政务|工作))?信息|(?:方面|领域)的?信息", verbs=r"涵盖|覆盖|包括|涉及",
          counted=r"主动公开|公开(?:政府)?信息|公开类别|发布(?:政府)?信息",
          context=r"主动公开|公开(?:政府)?信息|公开类别|发布(?:政府)?信息", section=2),
    Topic("渠道", "公开的渠道", _NEAR.format(r"(?:公开|发布|宣传)?(?:的)?(?:渠道|平台|途径|载体)"),
          noun=r"(?:多种|多个|多元|各类)?(?:渠道|平台|载体|途径)", verbs=r"通过|依托|利用|借助"),
    Topic("培训内容", "培训的内容",
          r"培训(?:了|的|过)?(?:内容|什么|啥|哪些|哪几)|培训[^，,。？?]{0,6}?(?:讲|学|涉及|包括|围绕|涵盖)了?些?(?:哪些|什么|啥)"
          r"|(?:学习|培训)(?:了)?(?:哪些|什么|啥)(?:内容|知识|方面)",
          said=r"培训(?:的)?内容",
          noun=r"(?:内容|知识|方面)?(?:进行|开展)?了?(?:专题)?(?:培训|学习|解读)|(?:内容|知识)",
          verbs=r"围绕|就|对|学习|培训|讲解|解读", context=r"培训|学习"),
)
_TOPIC_ASKED = [(t, re.compile(t.asked)) for t in TOPICS]
_BY_KEY = {t.key: t for t in TOPICS}
TOPIC_KEYS = frozenset(_BY_KEY)  # the keys of the topics (舆情 / 主动公开类别 …), not the set-up stems (栏)
_ITEMS_ASKED = re.compile(_ITEM_ASK + r"|包括|涵盖|涉及|集中在|(?:怎么|如何)(?:提出|提交|递交|申请)")
# a count the question asks for (多少件 / 几条), not a list: 哪几类 and 260条信息 are no count
_COUNT_ASKED = re.compile(r"多少|(?<!哪)几[个件条次篇项]|数量|总数")
_EACH = re.compile(r"各|分别|每")  # 各多少条 / 分别是多少: the list with its counts
_ASKED_NUMBER = re.compile(r"(\d+)\s*[条件项个篇]")


def asked_noun(question: str) -> str:
    """What a question asks the report's names of: a set-up thing's stem (设置了哪几个信息栏 → 栏) or a topic whose
    items one sentence lists (回应了哪些舆情 → 舆情); "" for any other question (or a count)."""
    m = _ASKED.search(question)
    if m is not None and not _CHANGED.search(question):
        stem = next(stem for stem, words in _STEMS if re.fullmatch(words, m.group(1)))
        if _PUT_IN.search(question) and _PUBLISHED_INFO.search(question):
            return PUBLISHED  # 主动公开的信息放在哪些栏目: the columns the published items are counted under (A栏76条)
        return stem
    return listed_topic(question)


PUBLISHED = "主动公开类别"
_PUBLISHED_INFO = re.compile(r"(?:公开|发布|公布)[^，,。？?]{0,4}?(?:信息|内容)")
# information put or published in columns (放在网站哪些栏目 / 发布在哪几个专栏里), not the columns set up
_PUT_IN = re.compile(r"(?:放|发布|公开|发|登|挂|归|分|公示|刊登|公布)(?:了|到|在|进|于)+(?:网站|门户网站|官网)?(?:上|的)?"
                     r"(?:哪些|哪几个?|哪[两三四五六七八九十]个|什么|啥)(?:样的)?(?:信息|公开)?(?:子?栏目?|专栏)")


def listed_topic(question: str) -> str:
    """The key of the topic a question asks the items of (申请的都是什么信息 → 申请内容), or ""; a count (申请有多少件)
    is none, unless it asks each item's (各多少条)."""
    if not _ITEMS_ASKED.search(question) or _COUNT_ASKED.search(question) and not _EACH.search(question):
        return ""
    return next((t.key for t, asked in _TOPIC_ASKED if asked.search(question)), "")


def topic_section(key: str) -> int:
    """The standard section that usually states a topic's list (主动公开类别 → 2), 0 when any may."""
    topic = _BY_KEY.get(key)
    return topic.section if topic is not None else 0


def noun_label(key: str) -> str:
    """What an answer calls the names listed (回应的舆情 / 设置的栏)."""
    topic = _BY_KEY.get(key)
    if key == ENUMERATED:
        return "报告列举的各项"
    return topic.label if topic is not None else f"设置的{_STEM_NAMES.get(key, key)}"


def named_things(text: str, stem: str, start: int, end: int, *, asked: str = "") -> list[tuple[int, int]]:
    """(start, end) of each name the first sentence between start and end that names such things gives; [] when no
    sentence does. For a topic, ``asked`` (the question) may pick the sentence: the one stating its number (260条信息
    分哪几类) or, when it asks each one's count (各多少条), one that lists them with counts."""
    topic = _BY_KEY.get(stem)
    if topic is not None:
        return topic_items(text, topic, start, end, asked=asked)
    words = dict(_STEMS)[stem]
    listed = re.compile(_LISTED + r"(?:信息|公开|宣传|服务)?(?:" + words + r")")
    found = [spans for s in _SENTENCE.finditer(text, start, end) if (spans := _set_up_names(s, words, listed))]
    if _NEW.search(asked):  # 新开了哪些专栏: the sentence that says it newly set them up, before one that kept them
        found.sort(key=lambda spans: not _NEW_SAID.search(text, max(0, spans[0][0] - NEW_REACH), spans[0][0]))
    return found[0] if found else []


# a question asking what was newly set up (新开 / 新增 / 增设), and the words a sentence says it with
_NEW = re.compile(r"新开|新增|新设|增设|新建|新上线|新推出|新搭建|新开辟|新添|增加了")
_NEW_SAID = re.compile(r"新增|增设|新设|新开|新建|新上线|新推出|新开辟|新添|增加")
NEW_REACH = 12  # characters before the first name where the sentence says it was new


def _set_up_names(s: re.Match[str], words: str, listed: re.Pattern[str]) -> list[tuple[int, int]]:
    """The names one sentence gives between a verb of setting up and the noun (“A”“B”信息栏 / 开设A、B等专栏); []."""
    said = s.group(0)
    # the first noun a verb of setting up comes before, after the mention before it (在专题专栏内维护4个，新增A、B专栏)
    nouns = list(re.finditer(words, said))
    ends = [0, *(n.end() for n in nouns)]
    noun = next((n for i, n in enumerate(nouns) if re.search(_SET_UP, said[ends[i]:n.start()])), nouns[0] if nouns else None)
    verbs = [v.end() for v in re.finditer(_SET_UP, said) if noun is not None and v.end() <= noun.start()]
    if noun is None or not verbs:
        return []
    quoted = [(s.start() + q.start(1), s.start() + q.end(1)) for q in _QUOTED.finditer(said, verbs[-1])
              if q.end() <= noun.end()]  # “A”“B”信息栏: the names between the verb and the noun
    if len(quoted) >= MIN_NAMES:
        return quoted
    m = listed.search(said)
    if m is not None:  # A、B和C、D: 和 inside a 、-list joins one name (市场监管规则和标准)
        split = _split if _ASIDE.search(m.group(1)) or "、" not in m.group(1) else split_run
        spans = split(m.group(1), s.start() + m.start(1))
        if len(spans) >= MIN_NAMES:
            return spans
    return []


# form A's verb after the topic's words (申请内容主要涉及 / 类别主要为 / 主要集中在)
# a sure verb may come a few words later (申请1件，主要涉及…); 为 / 是 / 包括 only right after the topic (申请内容主要为…),
# else 收到申请5件，分别为公民、法人 would list who applied
_LEAD = (r"(?:[^。；;！？!?]{0,8}?(?:主要|大多|大部分|多|基本|均)?(涉及|集中在|集中于|涵盖|覆盖|关于)"
         r"|(?:主要|大多|大部分|多|基本|均)?(包括|包含|分为|为|是))了?[：:]?")
_RUN_END = re.compile(r"[。；;！？!?，,\n]|等(?![级待同于])")
_WHOLE = re.compile(r"[^。！？!?]+")  # a counted list runs on past its semicolons (网络申请3件，占43%；信函申请4件)
_COUNT_LEAD = re.compile(r"其中|涵盖|包括|包含|涉及|分别为|分别是|主要有|主要为|[：:（(]|看[，,]")
_COUNT = re.compile(r"(?<![\d.])(\d+)\s*(?:条|件|个|项|篇)")
_COUNT_CUT = re.compile(r"[，,；;（(]")  # a counted item starts after the last of these before its count
_LEAD_WORDS = re.compile(r"(?:[、，,；; 　和及]|其中|[：:])*")  # what a counted item starts after
_COUNT_GAP = 6  # characters a counted item may start after the end of the one before (，占43%；)
MAX_ITEM = 60  # characters; a longer run is a sentence, not one item


def topic_items(text: str, topic: Topic, start: int, end: int, *, asked: str = "") -> list[tuple[int, int]]:
    """(start, end) of each item the first sentence on the topic between start and end lists; [] when none does."""
    number = _ASKED_NUMBER.search(asked)
    each = bool(_EACH.search(asked) or _COUNT_ASKED.search(asked))
    found: list[list[tuple[int, int]]] = []
    for s in _WHOLE.finditer(text, start, end):
        said = s.group(0)
        if number is not None and not re.search(rf"(?<!\d){number.group(1)}\s*[条件项个篇]", said):
            continue  # 260条信息分哪几类: the sentence that states 260条
        if topic.context and not re.search(topic.context, said):
            continue
        counted = counted_items(said, s.start()) if topic.counted and re.search(topic.counted, said) else []
        spans = counted or _plain(said, s.start(), topic)  # counts kept when the sentence gives them
        if spans and (not each or counted):
            return spans
        if spans:
            found.append(spans)
    return found[0] if found else []


def _plain(said: str, offset: int, topic: Topic) -> list[tuple[int, int]]:
    """The items one clause lists without counts: after the topic's words and a verb (form A), or between a verb and
    the topic's noun, marked a list by 等 (form B); one item only when the sentence marks it a list (…等) or says 涉及 / 集中."""
    for clause in _SENTENCE.finditer(said):
        words = clause.group(0)
        at = offset + clause.start()
        if topic.said:
            for m in re.finditer(r"(?:" + topic.said + r")" + _LEAD, words):
                stop = _RUN_END.search(words, m.end())
                end = stop.start() if stop else len(words)
                spans = split_run(words[m.end():end], at + m.end())
                if len(spans) >= MIN_NAMES or spans and (m.group(1) or stop and stop.group(0) == "等"):
                    return spans
        if topic.noun and topic.verbs:
            form_b = re.compile(r"(?:" + topic.verbs + r")了?([^。；;！？!?，,]{2,240}?)(等?)(?:多个|多项|多种|一系列|各类|"
                                r"\d+个|\d+项|[两三四五六七八九十]+[个项种])?(?:的)?(?:" + topic.noun + r")")
            for m in form_b.finditer(words):
                spans = split_run(m.group(1), at + m.start(1))
                if spans and m.group(2):  # 回应了A、B等多个舆情问题: 等 marks the run a list
                    return spans
    return []


def split_run(run: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each item in a run joined by 、 (the last piece also by 和 / 及 / 以及 / 与); [] when a piece
    is too long to be one item."""
    run = run.split("等")[0] if re.search(r"等(?![级待同于])", run) else run
    plain = _ASIDE.sub(lambda m: " " * len(m.group(0)), run)
    pieces = []
    cut = 0
    for m in [*re.finditer(r"、", plain), None]:
        piece_end = m.start() if m is not None else len(plain)
        pieces.append((cut, piece_end))
        cut = m.end() if m is not None else cut
    last_start, last_end = pieces[-1]
    tail = [(last_start + a, last_start + b) for a, b in _join_spans(plain[last_start:last_end])]
    spans = []
    for a, b in [*pieces[:-1], *tail]:
        piece = plain[a:b]
        name = piece.strip(" 　\n的")
        if len(name) < MIN_NAMES:
            continue
        if len(name) > MAX_ITEM:
            return []
        lead = len(piece) - len(piece.lstrip(" 　\n的"))
        spans.append((offset + a + lead, offset + a + lead + len(name)))
    return spans


def _join_spans(piece: str) -> list[tuple[int, int]]:
    """The last piece of a list cut at 以及 / 和 / 及 / 与 when each side is long enough to be an item."""
    m = re.search(r"以及|和|及|与", piece)
    if m is None or m.start() < MIN_NAMES or len(piece) - m.end() < MIN_NAMES:
        return [(0, len(piece))]
    return [(0, m.start()), (m.end(), len(piece))]


def counted_items(said: str, offset: int) -> list[tuple[int, int]]:
    """The items a sentence lists with their counts after a lead (其中A类信息19条，B类信息6条 / 涵盖A类6条、B类3条),
    two or more, each with its count; [] when none."""
    for lead in _COUNT_LEAD.finditer(said):
        spans: list[tuple[int, int]] = []
        pos = lead.end()
        for c in _COUNT.finditer(said, lead.end()):
            plain = _ASIDE.sub(lambda m: " " * len(m.group(0)), said[:c.start()])  # A类（含B）46条: no cut inside
            cut = [m.end() for m in _COUNT_CUT.finditer(plain, pos, c.start())]
            begin = cut[-1] if cut else pos
            gap = said[pos:c.start()]
            if begin - pos > _COUNT_GAP or c.start() - begin > MAX_ITEM or _closes(gap) > _opens(gap):
                break  # （其中：A3件，B0件），办结3件: the list ends with its bracket
            skipped = _LEAD_WORDS.match(said, begin, c.start())
            begin = skipped.end() if skipped else begin
            name = said[begin:c.start()]
            if not re.search(r"[\u4e00-\u9fff]", name):
                break
            spans.append((offset + begin, offset + c.end()))
            pos = c.end()
        if len(spans) >= MIN_NAMES:
            return spans
    return []


def _opens(words: str) -> int:
    return words.count("（") + words.count("(")


def _closes(words: str) -> int:
    return words.count("）") + words.count(")")


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the whole sentence that holds text[start:end] (to its end mark)."""
    head = max(text.rfind(mark, 0, start) for mark in "。！？!?\n") + 1
    tail = min((i for i in (text.find(mark, end) for mark in "。！？!?") if i >= 0), default=len(text))
    return head, min(tail + 1, len(text))


_ASIDE = re.compile(r"[（(][^）)]*[）)]")  # 工作互动（包括…子栏目）: what a name holds, no name of its own
_JOIN = re.compile(r"、|以及|和|及|与")


def _split(run: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each name in a run joined by 、 / 以及 / 和 / 及 / 与 (an aside in brackets is no name)."""
    plain = _ASIDE.sub(lambda m: " " * len(m.group(0)), run)  # same length: offsets still index the run
    out = []
    cut = 0
    for m in [*_JOIN.finditer(plain), None]:
        piece_end = m.start() if m is not None else len(plain)
        piece = plain[cut:piece_end]
        name = piece.strip()
        if len(name) >= MIN_NAMES:
            lead = len(piece) - len(piece.lstrip())
            out.append((offset + cut + lead, offset + cut + lead + len(name)))
        cut = m.end() if m is not None else cut
    return out
