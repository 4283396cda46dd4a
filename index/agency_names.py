"""Is a string the name of a government body? Validation of agency names read from titles, signatures and files.

    >>> valid_agency("河北省工业和信息化厅"), valid_agency("关于人民政府"), valid_agency("2021年度报告")
    (True, False, False)
"""

from __future__ import annotations

import re

from govqa.index.regions import leading_divisions

# what the name of a body that publishes an annual report ends with (longest first where one ends another)
GOV_SUFFIXES = (
    "人民政府办公厅", "人民政府办公室", "街道办事处", "管理委员会", "人民政府", "委员会", "管委会", "办事处", "管理局",
    "办公厅", "办公室", "服务中心", "中心", "政府", "街道", "局", "厅", "委", "署", "院", "所", "站", "队", "办",
    "镇", "乡", "馆", "会", "处", "室",
)
# words that belong to a sentence, a heading or a page, never to a body's name
_SENTENCE = re.compile(
    r"关于|根据|报告|年报|年度|工作|信息公开|政务公开|通知|条例|办法|以下|现将|编制|发布|印发|抄送|网站|首页|当前位置|"
    r"来源|时间|链接|附件|本机关|我们|本局|本厅|本委|我局|我厅|我委|本单位|其他|事项|情况|需要|的|了|是|在"
)
# what ends the sentence before a signature that runs into it: 其他需要报告的事项无 / 暂无
_FILLER = re.compile(r"^(?:无|暂无|没有|均无|此函|特此报告)")
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff（）()·]+")
# a short form used in the body for the report's own body: 本局, 我厅, 省工业和信息化厅, 市民政局
SELF_REFERENCE = re.compile(r"^(?:本|我|该)(局|厅|委|办|委员会|中心|镇|乡|区|县|市|街道)$")
SHORT_PLACE = re.compile(r"^(?:省|市|区|县|州|自治区)(?=[\u4e00-\u9fff]{2,})")


def has_sentence_words(name: str) -> bool:
    """True when name holds a word of a sentence or a heading (关于, 报告, 的 …): no part of a body's name."""
    return bool(_SENTENCE.search(name))


def org_suffix(name: str) -> str:
    """The government-body suffix a name ends with ('' when none): 平潭综合实验区公安局 → 局."""
    return next((s for s in GOV_SUFFIXES if name.endswith(s) and len(name) > len(s)), "")


def valid_agency(name: str) -> bool:
    """True when name reads as a whole body's name: Chinese only, a body suffix, no sentence words, no year."""
    if not 3 <= len(name) <= 40 or not _NAME_CHARS.fullmatch(name):
        return False
    if _SENTENCE.search(name) or SELF_REFERENCE.match(name):
        return False
    return bool(org_suffix(name))


_PLACE_END = re.compile(r"(?:自治区|自治州|自治县|自治旗|省|市|地区|州|盟|县|区|旗)$")


def valid_name_or_place(name: str) -> bool:
    """valid_agency, or a place whose government is meant (红寺堡区 2020年… is 红寺堡区人民政府's report)."""
    return valid_agency(name) or bool(_PLACE_END.search(name) and valid_agency(name + "人民政府"))


def clean_candidate(raw: str) -> str:
    """A candidate name without spaces and the joining words a title puts after it (…管理局 关于 → …管理局)."""
    name = re.sub(r"\s+", "", raw)
    return re.sub(r"(?:关于|的|之|对|就)+$", "", name)


def best_suffix(run: str, *, text: str = "") -> str:
    """The agency name a heading or sentence ends with, or ''.

    What follows the last sentence word is the name; when a word of the sentence still runs into it
    (事项无平潭…局), the longest ending that starts with a known division or that the text also names elsewhere wins.
    """
    run = clean_candidate(run)
    cut = 0
    for m in _SENTENCE.finditer(run):
        cut = m.end()
    tail = run[cut:]
    if cut == 0 and valid_name_or_place(tail):
        return tail  # nothing of a sentence before it: the whole string is the name
    endings = [tail[i:] for i in range(len(tail)) if valid_name_or_place(tail[i:])]
    for ending in endings:
        if leading_divisions(ending)[0] or (text and text.count(ending) >= 2):
            return ending
    return next((e for e in endings if not _FILLER.match(e)), "")
