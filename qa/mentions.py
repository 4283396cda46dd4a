"""Agency names inside a span of a question that looks like one: where a name starts, where the sentence ends.

Characters of a sentence run into a name in Chinese (`2020年在区政府网站`, `申请是因为办公厅`). Some of those characters
never stand in a name (的, 是, 在 …): they always end what comes before. Others also stand in real names
(永年区, 月牙湖乡, 和平区, 国有资产管理局, 工业和信息化厅, 成都市): they end the sentence only where the name cannot go on.

    >>> names_in("邯郸市永年区"), names_in("兴庆区月牙湖乡"), names_in("红寺堡区和金凤区财政局")
    (['邯郸市永年区'], ['兴庆区月牙湖乡'], ['红寺堡区', '金凤区财政局'])
"""

from __future__ import annotations

import re
from functools import lru_cache

from govqa.index.agency_names import GOV_SUFFIXES
from govqa.index.regions import known_divisions
from govqa.qa.words import ends_in_verb

# never inside an agency name: characters, and verbs a question runs into a name (居住证办理银川市, 想咨询宁夏…,
# 打算上门找平潭交建局, 去年 → 年 then cuts as a time word)
_HARD = re.compile(r"[在是的吗呢么什哪谁几这那说问请没给过又就也还把被因到比想各去找跑寄]|了(?!解)"  # 了解 is one word
                   r"|一下|办理|咨询|公开|申请|查询|需要|发布|收到|联系|了解|告诉|提供|答复|主动|打听|前往|上门|当面|拨打|致电"
                   r"|拜访|走访|赶往|来到|抵达|联络|致函|写信|配合|协助|会同|加上|连同|算上|外加")  # 甲局加上乙局: two names
# inside some names, a sentence word elsewhere
_SOFT = frozenset("年月和与及或跟同有都从向为加")  # 加: 甲局加乙局
_TIME_BEFORE = frozenset("今去明前本当每全上下近同该")  # 今年, 每月: a time word, not a name
_NAME_END = frozenset("省市县区乡镇旗州盟局厅委会府室处心所站队办院署")  # what a name (or a place in it) ends with
# words that open a question or a verb going to a body, never a name: 请问山西省科学技术厅, 去平潭经发局
_LEAD = re.compile(r"^(?:请问|请|问|那么|那|还有|对比|比较|查询|查一下|查|看看|看一下|告诉我|我想知道|想知道|关于|其中|以及"
                   r"|列出|列一下|列举|统计|算一下|算算|计算|帮我|帮忙|麻烦|你好|您好|显示|展示|我要|我想|一下|查下|问下|我"
                   r"|亲自|打算|准备|要|打给|一趟|针对|对于|对"
                   # 想了解一下… / 能不能告诉我… / 麻烦问一下…: a polite opening before the name
                   r"|想了解|了解|想问|想查|请教|能不能|能否|可不可以|可以|告诉|给我|说说|讲讲|介绍|问问"
                   # 那同一年市场监管局呢 / 当年交建局: the year said before the name is no part of it
                   r"|同一年|同年|那一年|这一年|一年|当年|那年|这年"
                   # 换成河北科技厅呢 / 改成… / 轮到… / 要是…: a follow-up switching to another body
                   r"|换成|换作|换到|换了|改成|改为|轮到|如果是|如果|要是|假如|再看|再问)+")
# 这个专区 / 那些平台 / 该栏目 / 此系统: a thing the chat named before, pointed at again, never an agency's name
_POINTED = re.compile(r"[一个些项类种条家处份款套块位]")
_POINTER_AFTER = frozenset("这那")
_POINTER = re.compile(r"^(?:该|此)")
_AFTER_PLACE_WORD = re.compile(r"[里中内]([\u4e00-\u9fff]{2,})$")  # 这些案件中市场监管局: a name may follow the thing
# what only a sentence holds before a name, never a place (对执法应急局有诉求, 想线下查阅交建局, 如果对经发局…, 针对交建局):
# prepositions, verbs of going/asking/reading, pronouns, conditionals
_SENTENCE_CHARS = frozenset("对向给找跟去到在想要查阅看问询映诉递寄联拨打就于我您你们如若搜")
_GENERIC = frozenset(GOV_SUFFIXES) | {"办公厅", "办公室", "人民政府", "政府", "委员会", "自治区", "地区", "社区", "辖区", "专区",
                                     "城区", "市区", "园区", "小区", "全区", "本区", "各区", "全市", "本市", "各市", "全县",
                                     "本县", "各县", "乡镇", "各镇", "本镇", "全镇"}


@lru_cache(maxsize=1)
def _soft_divisions() -> tuple[str, ...]:
    """Known divisions that hold a soft character (永年区, 和平区, 成都市), longest first."""
    return tuple(sorted((d for d in known_divisions() if _SOFT & set(d)), key=len, reverse=True))


def _protected(span: str) -> set[int]:
    """Positions of span covered by a known division that holds a soft character."""
    covered: set[int] = set()
    for name in _soft_divisions():
        start = span.find(name)
        while start != -1:
            covered.update(range(start, start + len(name)))
            start = span.find(name, start + 1)
    return covered


def _cuts(span: str) -> list[int]:
    """Positions of span where the sentence, not a name, goes on."""
    covered = _protected(span)
    cuts: list[int] = []
    for i, ch in enumerate(span):
        if i in covered or ch not in _SOFT:
            continue
        before = span[i - 1] if i and (not cuts or cuts[-1] != i - 1) else ""  # 2022年跟海关: 跟 opens a piece too
        if ch in "年月":
            if not before or before in _TIME_BEFORE:
                cuts.append(i)
        elif not before or before in _NAME_END:
            cuts.append(i)
    return cuts


def names_in(span: str) -> list[str]:
    """The agency names a span holds, in order (a span of sentence words gives none)."""
    out = []
    for before, part in _parts(span):
        start = 0
        pieces = []
        for cut in _cuts(part):
            pieces.append(part[start:cut])
            start = cut + 1
        pieces.append(part[start:])
        if (before in _POINTER_AFTER and _POINTED.match(part)) or _POINTER.match(part):
            after = _AFTER_PLACE_WORD.search(pieces[0])
            pieces = [after.group(1), *pieces[1:]] if after else pieces[1:]  # 这个专区和平潭交建局: the pointed thing, then a name
        for piece in pieces:
            piece = _LEAD.sub("", piece)
            if len(piece) >= 2 and piece not in _GENERIC:
                out.append(piece)
    return out


def sentence_words(lead: str) -> bool:
    """Whether what stands before a name ends in words of the sentence, not a place of the name (对, 线下查阅, and any
    verb by jieba's tags: 下载, 知道, 关注; not 海滨, 对海滨)."""
    return bool(lead) and (lead[-1] in _SENTENCE_CHARS or ends_in_verb(lead))


def _parts(span: str) -> list[tuple[str, str]]:
    """The pieces of span between the characters that never stand in a name, each with the character before it."""
    out, start, before = [], 0, ""
    for m in _HARD.finditer(span):
        out.append((before, span[start:m.start()]))
        start, before = m.end(), m.group()[-1]
    out.append((before, span[start:]))
    return out


def trim_lead(place: str) -> str:
    """A place written before a name, without the question words before it: 请问山西省 → 山西省."""
    names = names_in(place)
    return names[-1] if names else ""
