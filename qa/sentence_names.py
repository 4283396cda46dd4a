"""Things a report names inside one sentence: the columns, sections or zones it set up (设置了“办事指南”“通知公告”
信息栏 / 开设了政策解读、办事服务等栏目), asked as 设置了哪几个栏目 / 开了哪些专栏 / 有什么板块.

    >>> asked_noun("在公开目录里设置了哪几个信息栏？")
    '栏'
    >>> [text[a:b] for a, b in named_things(text, "栏", 0, len(text))]
    ['办事指南', '通知公告']

Each name is cited on its own (offsets into the report text); a sentence must name two or more.
"""

from __future__ import annotations

import re

# the kind of thing asked, by the stem every way of saying it shares (信息栏 / 栏目 / 专栏 → 栏)
_STEMS = (("栏", r"子?栏目?|专栏|公开栏|信息栏"), ("块", r"板块|版块|模块"), ("专区", r"专区"), ("专题", r"专题"))
_ASKED = re.compile(r"(?:哪几个|哪些|哪几|哪[两三四五六七八九十]个|什么|啥|几个)(?:样的)?(?:信息|公开|宣传|服务)?"
                    r"(" + "|".join(words for _, words in _STEMS) + r")(?!培训|讲座|会|学习|研讨|活动|调研|教育)")
# the verbs of setting one up (设置了 / 开设 / 新增): the sentence that names them
_SET_UP = r"设置|开设|设立|开通|新增|增设|新设|建立|搭建|开辟|推出|打造|上线|优化|调整|完善"
_QUOTED = re.compile(r"[“「\"『]([^”」\"』]{2,24})[”」\"』]")
_SENTENCE = re.compile(r"[^。！？!?；;]+")
# 开设了政策解读、办事指南和通知公告等栏目: the names listed between the verb and the noun
_LISTED = (r"(?:" + _SET_UP + r")了?((?:[^，,。；;：:“”「」]{2,40}?(?:、|以及|和|及|与)){1,}[^，,。；;：:“”「」等]{2,16})"
           r"(?:等多个|等\d+个|等[两三四五六七八九十]个|等)?")
MIN_NAMES = 2


def asked_noun(question: str) -> str:
    """The stem of the thing a question asks the report's names of (设置了哪几个信息栏 → 栏), or ""."""
    m = _ASKED.search(question)
    if m is None:
        return ""
    return next(stem for stem, words in _STEMS if re.fullmatch(words, m.group(1)))


def named_things(text: str, stem: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each name the first sentence between start and end that sets up such things gives (two or
    more, quoted or listed with 、 before the noun); [] when no sentence does."""
    words = dict(_STEMS)[stem]
    listed = re.compile(_LISTED + r"(?:信息|公开|宣传|服务)?(?:" + words + r")")
    for s in _SENTENCE.finditer(text, start, end):
        said = s.group(0)
        noun = re.search(words, said)
        verbs = [v.end() for v in re.finditer(_SET_UP, said) if noun is not None and v.end() <= noun.start()]
        if noun is None or not verbs:
            continue
        quoted = [(s.start() + q.start(1), s.start() + q.end(1)) for q in _QUOTED.finditer(said, verbs[-1])
                  if q.end() <= noun.end()]  # “A”“B”信息栏: the names between the verb and the noun
        if len(quoted) >= MIN_NAMES:
            return quoted
        m = listed.search(said)
        if m is not None:
            spans = _split(m.group(1), s.start() + m.start(1))
            if len(spans) >= MIN_NAMES:
                return spans
    return []


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
