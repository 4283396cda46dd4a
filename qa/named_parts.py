"""Parts of a report a list question names in its own words, found in the report's outline of sub-headings:

- a slogan the report titles a part with (“周密细致”, 压实责任) or a sub-part inside a part (政府信息管理的制度建设 →
  1.制度建设 under （三）政府信息管理情况): the sub-heading whose title shares that wording;
- items named by a word they share (哪几个“到位” / 哪些“强化”): the sibling sub-headings that hold it, else the
  clauses that carry it (组织领导到位，… 考核考评到位，…);
- a facet of the work (通过哪些形式/渠道/平台公开): the sub-heading on it (主动公开政府信息的主要形式), else the
  sentences that name the channels.

    >>> heads = outline(text, section.start, section.end)
    >>> [h.title for h in heads][:2]
    ['周密细致，精准做好政府信息管理', '提升政府公报编发标准']

Only where things are: section_list.py quotes the items. Offsets are into the report text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from govqa.core.numbers import cn_number
from govqa.index.headings import BRACKET_MARKER

# how the parts inside a section are numbered: （一） (1) 1. 一是 (一 inside a word such as 统一是 is none)
_MARKS = (("cn", re.compile(r"[（(]\s*[一二三四五六七八九十]{1,2}\s*[）)]")),
          ("num", re.compile(r"[（(]\s*\d{1,2}\s*[）)]")),
          ("dot", re.compile(r"(?<![\d.．])\d{1,2}\s*[.．、](?!\d)")),
          ("shi", re.compile(r"(?<![统唯之第单万划均专])[一二三四五六七八九十]{1,2}是")))
_TITLE = re.compile(r"[^。；;：:！？!?\n（(]{1,40}")
# a title runs into its first item or its body on a crawled one-line page: it ends there
_TITLE_STOP = re.compile(r"(?<![统唯之第单万划均专])一是|(?<![\d.．])1\s*[.．、](?!\d)|\*\*|" + BRACKET_MARKER)
_SPACE = re.compile(r"\s+|\*\*")

# 通过哪些形式 / 用的什么方式 / 公开渠道有哪些: the facet of the work asked, and the words a title or sentence says it by
FACET_WORDS = ("形式", "方式", "渠道", "途径", "载体", "平台", "阵地", "窗口")
_FACET = "|".join(FACET_WORDS)
_FACET_ASKED = re.compile(r"(?:哪些|哪几?种|哪几个|什么|啥)(?:样的|的)?(?:公开|发布|宣传)?(" + _FACET + r")"
                          r"|(" + _FACET + r")(?:主要|都|分别)?(?:有|是|包括)(?:哪些|什么|啥)")
# the channels a sentence names: two of them make it a list of channels
CHANNEL_NAMES = re.compile(r"图文|图解|视频|动漫|漫画|音频|问答|H5|网站|门户|微信|微博|公众号|视频号|抖音|客户端|APP|App|小程序|公开栏|公示栏|宣传栏|电子屏|显示屏"
                           r"|新媒体|热线|发布会|吹风会|新闻|报纸|报刊|电视|广播|政府公报|公报|查阅点|查阅室|政务服务中心|服务大厅"
                           r"|短信|访谈|宣传册|明白纸|公告|档案馆|图书馆|政务公开专区|信箱")
MIN_CHANNELS = 2  # channels one sentence must name to list them (without the facet word)

# a quoted word after 哪几个 / 哪些 / 几个: items named by the word they share (哪几个“到位”)
_SHARED_ASKED = re.compile(r"(?:哪几个?|哪些|几个|哪[两三四五六七八九十]个|什么样?的?)\s*[“「\"‘『]([^”」\"’』]{1,8})[”」\"’』]")
# the same said without quotes, for the words slogans are made of (讲了哪几个到位 / 提了几个坚持)
_SHARED_BARE = re.compile(r"(?:哪几个?|哪些|几个|哪[两三四五六七八九十]个)(到位|坚持|做到|聚焦|围绕|突出|注重|力求|把好|抓好|确保"
                          r"|实现|做好|第一时间|同步|统一)(?=[？?。，,呢吗啊呀]|$)")  # 做到哪些第一时间: 第一时间发现、第一时间核实…
# a quoted slogan the question asks about (“周密细致”具体指… / “创新举措”方面做了什么)
_SLOGAN_ASKED = re.compile(r"[“「\"‘『]([^”」\"’』]{2,16})[”」\"’』]\s*(?:这[一个]?|的)?\s*"
                           r"(?:具体|主要|都|又|究竟|到底)?(?:指|是指|讲|说|包括|包含|体现|方面|这块|这部分|部分|上|里|中|做了|干了"
                           r"|有哪|有什么|是什么|是啥|是怎么|怎么|如何|怎样|采取|开展|推出)")
# words of every report: a title sharing only these with a question is not the part it names
_GENERIC = re.compile(r"政府|信息|政务|公开|工作|情况|方面|年度|报告|全面|进一步|做好|加强|推进|开展|持续|不断|扎实|主要|哪些"
                      r"|什么|具体|我局|本局|单位|部门|方面|有关|相关|提升|提高|强化|完善|落实|发布|公布|公示|推送|有|是|都")
_HAN = re.compile(r"[\u4e00-\u9fff]+")  # a run of words, no year or number (2020年 is in every question)
MIN_SHARED = 4  # characters a question and a title must share in one run to name that part
MIN_OWN = 2  # characters of that run left once the words of every report are taken out


@dataclass(frozen=True)
class Heading:
    """One numbered part inside a section: its marker's offset, where its body starts and ends, its title."""

    start: int
    body: int
    end: int
    title: str
    kind: str
    depth: int
    parent: int  # index of the enclosing heading in the outline, -1 at the top


def outline(text: str, start: int, end: int) -> list[Heading]:
    """Every numbered part between start and end, nested: （一） parts are the outermost; an item numbered 1 opens a list
    inside the part before it, a later number is the next item of the open list of its kind (closing what was inside
    the one before); a part ends where the next of its level begins, or where the part that holds it ends."""
    marks = sorted((m.start(), m.end(), kind, _number(m.group(0)))
                   for kind, pattern in _MARKS for m in pattern.finditer(text, start, end))
    opened: list[int] = []  # indices into rows, innermost last
    rows: list[list[int | str]] = []  # start, body, end, title, kind, depth, parent
    for pos, after, kind, number in marks:
        if kind == "cn":  # （二）: a new part of the section, whatever list was open
            close = 0 if opened else None
        elif number > 1 or (opened and rows[opened[-1]][4] == kind):
            close = next((k for k in range(len(opened) - 1, -1, -1) if rows[opened[k]][4] == kind), None)
        else:
            close = None  # 1. after a heading of another kind: that heading's first item
        if close is not None:
            for k in opened[close:]:
                rows[k][2] = pos
            del opened[close:]
        title, body = _title(text, after, end)
        if kind == "shi":  # 一是开展…查阅点专区建设，在…: an item's title is its first clause
            title = re.split(r"[，,、]", title, maxsplit=1)[0]
        rows.append([pos, body, end, title, kind, len(opened), opened[-1] if opened else -1])
        opened.append(len(rows) - 1)
    return [Heading(int(r[0]), int(r[1]), int(r[2]), str(r[3]), str(r[4]), int(r[5]), int(r[6])) for r in rows]


def _number(mark: str) -> int:
    """The number a list marker says (（三） → 3, 12. → 12, 二是 → 2)."""
    digits = re.search(r"\d+", mark)
    if digits:
        return int(digits.group(0))
    said = re.search(r"[一二三四五六七八九十]+", mark)
    return (cn_number(said.group(0)) or 0) if said else 0


def _title(text: str, after: int, end: int) -> tuple[str, int]:
    """A heading's title (its words up to the first full stop, colon or item marker) and where its body starts."""
    m = _TITLE.match(text, after, end)
    if m is None:
        return "", after
    stop = _TITLE_STOP.search(m.group(0))
    said = m.group(0)[:stop.start()] if stop and stop.start() > 0 else m.group(0)
    title_end = after + len(said)
    body = title_end + 1 if text.startswith(("。", "：", ":"), title_end) else title_end
    return _SPACE.sub("", said), body


def body_start(text: str, h: Heading) -> int:
    """Where a part's own words start: after its title, or at its marker when the title was cut off mid-sentence (a
    sentence longer than any title, 一是配合做好…工作，根据…要求…): then the whole sentence is its body, never a quote
    that opens inside a word."""
    cut = 0 < h.body < len(text) and text[h.body - 1] not in "。：:；;！？!?\n" \
        and _TITLE.match(text, h.body) is not None and _TITLE_STOP.match(text, h.body) is None
    return h.start if cut else h.body


def asked_facet(question: str) -> str:
    """The facet of the work a question asks to list (通过哪些形式公开 → 形式), or ""."""
    m = _FACET_ASKED.search(question)
    return next(g for g in m.groups() if g) if m else ""


_FACET_SUBJECT = re.compile(r"(?:" + _FACET + r")(?:来|去|进行|开展)?([\u4e00-\u9fff]{2,20}?)(?:的|呢|了|工作|[？?，,。]|$)")


_WHEN = re.compile(r"^年度?|平时|平常|一般|通常|日常|现在|目前|经常|往往|大多|多半")
# 行政许可信息公示在哪些平台 / 处罚结果在什么平台公布: what the channels are of, said before them
_FACET_SUBJECT_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,20}?)(?:都|是|被|要|会)?(?:公示|公开|公布|发布|挂)?(?:在|到|于|上|通过)"
                                   r"(?:哪些|哪几个?|哪个|什么|啥)(?:样的)?(?:" + _FACET + r")")


def facet_subject(question: str) -> str:
    """What a facet question asks the channels of, beyond the report's own subject (通过什么方式回应舆情的 → 回应舆情;
    行政许可信息公示在哪些平台 → 行政许可; 通过哪些渠道公开政府信息 → "")."""
    for pattern in (_FACET_SUBJECT, _FACET_SUBJECT_BEFORE):
        m = pattern.search(question)
        said = _WHEN.sub("", _GENERIC.sub("", m.group(1))) if m else ""  # 2022年行政许可 / 平时都: no 年, no 平时
        if len(said) >= MIN_OWN:
            return said
    return ""


def says_subject(sentence: str, subject: str) -> int:
    """How much a sentence speaks of a subject: how many of its character pairs it holds (回应舆情 → 舆情: 1); 1 for
    any sentence when there is no subject."""
    return sum(1 for i in range(len(subject) - 1) if subject[i:i + 2] in sentence) if subject else 1


def asked_words(question: str) -> tuple[str, ...]:
    """Quoted words that name what to list: the word items share (哪几个“到位”) or a part's slogan (“周密细致”指…)."""
    said = [m.group(1) for pattern in (_SHARED_ASKED, _SHARED_BARE, _SLOGAN_ASKED) for m in pattern.finditer(question)]
    return tuple(dict.fromkeys(_SPACE.sub("", w) for w in said if _SPACE.sub("", w)))


def shared_run(question: str, title: str) -> str:
    """The longest run of characters a question and a title share, when it is long enough and says more than the
    words of every report (压实责任, 制度建设); else ""."""
    best = ""
    for i in range(len(title)):
        for j in range(len(title), i + max(MIN_SHARED, len(best) + 1) - 1, -1):
            run = title[i:j]
            if run in question and _HAN.fullmatch(run):
                best = run
                break
    return best if len(best) >= MIN_SHARED and len(_GENERIC.sub("", best)) >= MIN_OWN else ""


def named_heading(heads: Sequence[Heading], question: str, *, within: Sequence[str] = (),
                  whole_clause: bool = False) -> Heading | None:
    """The part a question names by a run of its title's words (压实责任 / 制度建设), the longest run first, then the
    deepest; a run that ``within`` (the enclosing part's title, the topic that found it) already holds names no sub-part.
    With whole_clause, only a run that is a whole clause of a part's title counts (精益求精 of 精益求精，规范做好…)."""
    found: list[tuple[int, int, int, int]] = []
    for k, h in enumerate(heads):
        run = shared_run(question, h.title)
        if whole_clause and (h.kind == "shi" or run not in re.split(r"[，,、]", h.title)):
            continue
        if run and not any(run in w for w in within):
            found.append((len(run), h.depth, -h.start, k))
    return heads[max(found)[3]] if found else None


def with_word(heads: Sequence[Heading], word: str) -> list[Heading]:
    """The sibling parts whose titles hold a word (（一）做到“上下同心”… （二）做到“三个结合”…): the largest group of one
    kind and one parent, in order; [] when no title holds it."""
    holding = [h for h in heads if word in h.title]
    groups: dict[tuple[str, int], list[Heading]] = {}
    for h in holding:
        groups.setdefault((h.kind, h.parent), []).append(h)
    return max(groups.values(), key=len) if groups else []


_CLAUSE_START = re.compile(r"[。；;，,：:！？!?\n]")


def clauses_with(text: str, word: str, start: int, end: int) -> list[int]:
    """Where each clause that carries a word starts (组织领导到位，… → 组), one per clause, in order."""
    starts: list[int] = []
    for m in re.finditer(re.escape(word), text[start:end]):
        at = start + m.start()
        before = [c.end() for c in _CLAUSE_START.finditer(text, start, at)]
        clause = before[-1] if before else start
        while clause < at and text[clause].isspace():
            clause += 1
        if clause not in starts:
            starts.append(clause)
    return starts


_SENTENCE = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")


def channel_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence between start and end that lists the channels of the work: it names two of
    them, or one with a facet word (通过门户网站等渠道)."""
    out: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text, start, end):
        said = _SPACE.sub("", m.group(0))
        names = {c.group(0) for c in CHANNEL_NAMES.finditer(said)}
        if len(names) >= MIN_CHANNELS or names and any(w in said for w in FACET_WORDS):
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            out.append((m.start() + lead, m.end()))
    return out


def blank_names(question: str, names: Sequence[str]) -> str:
    """The question with every stretch of two or more characters that spells part of an agency's name blanked
    (平潭公安局 → spaces): a part is never named by the agency's own words."""
    out = list(question)
    i = 0
    while i < len(question):
        j = i
        while j < len(question) and any(question[i:j + 1] in n for n in names):
            j += 1
        if j - i >= 2:
            out[i:j] = " " * (j - i)
        i = max(j, i + 1)
    return "".join(out)
