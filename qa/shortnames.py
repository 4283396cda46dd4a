"""Short forms of agency names: 交建局 for 平潭综合实验区交通与建设局, 河北工信厅 for 河北省工业和信息化厅.

A Chinese short form keeps characters of the full name in order, may drop or shorten the region before the body
(平潭综合实验区 → 平潭, or only its level word 区; 河北省 → 河北 or 省) and keeps the body-type suffix (局, 厅, 委 …).
A mention matches a stored name when it splits into a region form of that name and a body form whose characters
all appear, in order, in the body, ending on the same suffix. Nothing of the mention may be left over: 福州市市场
监督管理局 is not 平潭综合实验区市场监督管理局, 河北省交通运输厅 is not 河北省工业和信息化厅.

    >>> abbreviation_score("平潭交建局", "平潭综合实验区交通与建设局"), abbreviation_score("福建省公安厅", "平潭综合实验区公安局")
    (1, 0)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from govqa.index.agencies import places
from govqa.index.agency_names import GOV_SUFFIXES
from govqa.index.regions import region_of

# what a body's name ends with, as a user shortens it: 委员会 → 委, 办公室 → 办
_SUFFIX_SHORTS = (("管理委员会", "管委会"), ("委员会", "委"), ("办公室", "办"), ("办公厅", "办"), ("人民政府", "政府"))
# the characters a short form may end on: a body type
_BODY_END = frozenset("局厅委办府会处室院署所站队心")
# bodies that govern the place they follow: 海坛片区 is 海坛片区管理局
_GOVERNING = ("管理委员会", "管委会", "管理局", "人民政府", "政府", "办事处")
_LEVEL = re.compile(r"(自治区|省|市|县|区|旗|镇|乡|州|盟)$")
_GENERIC = frozenset(GOV_SUFFIXES)


def _subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(ch in it for ch in short)


def _body_forms(body: str) -> tuple[str, ...]:
    forms = [body]
    for long_, short in _SUFFIX_SHORTS:
        if body.endswith(long_):
            forms.append(body[: -len(long_)] + short)
    return tuple(forms)


def _place_forms(place: str) -> set[str]:
    """A place as a user writes it: in full, or its head (平潭综合实验区 → 平潭, 平潭综合 …; 河北省 → 河北)."""
    return {place, *(place[:k] for k in range(2, len(place)))}


@lru_cache(maxsize=65536)
def _split(agency: str) -> tuple[tuple[str, ...], str]:
    """(places the name starts with, body): 平潭综合实验区交通与建设局 → ((平潭综合实验区,), 交通与建设局)."""
    parts, body = places(agency)
    return tuple(parts), body


@lru_cache(maxsize=65536)
def region_forms(agency: str) -> frozenset[str]:
    """The ways a question may write the region of an agency, '' (dropped) included; every non-empty form names
    the agency's own (innermost) place: 淮安市财政局 is another body than 淮安市洪泽区财政局."""
    parts, _ = _split(agency)
    if not parts:
        return frozenset({""})
    region = region_of(agency)
    outer = [p for p in ((region.province, region.city) if region else ()) if p and p not in parts]
    forms: set[str] = {""}
    level = _LEVEL.search(parts[-1])
    if level:
        forms.add(level.group(1))  # 区公安局, 省工信厅
    outers = {""}
    for place in outer:  # each outer division may be written or left out: 福建平潭, 福州市平潭
        outers |= {h + f for h in outers for f in _place_forms(place)}
    for start in range(len(parts)):
        heads = {""}
        for place in parts[start:]:
            heads = {h + f for h in heads for f in _place_forms(place)}
        forms |= {o + h for o in outers for h in heads}
    return frozenset(forms)


def _body_score(short: str, body: str) -> int:
    """2: the short body is a piece of the body (建设局); 1: its characters in order (交建局); 0: no match."""
    if len(short) < 2 or short in _GENERIC or short[-1] not in _BODY_END:
        return 0
    for form in _body_forms(body):
        if short[-1] == form[-1] and _subsequence(short[:-1], form[:-1]):
            return 2 if form.endswith(short) else 1
    return 0


@lru_cache(maxsize=65536)
def _chars(agency: str) -> frozenset[str]:
    """Every character a short form of agency may hold (its region forms' and suffix forms' too)."""
    return frozenset(agency).union(*region_forms(agency), *(short for _, short in _SUFFIX_SHORTS))


def abbreviation_score(mention: str, agency: str) -> int:
    """How well mention names agency as a short form: 0 not at all, 1 characters in order, 2 a whole piece."""
    if not _chars(agency).issuperset(mention):
        return 0
    parts, body = _split(agency)
    best = 0
    for region in region_forms(agency):
        if not mention.startswith(region):
            continue
        rest = mention[len(region):]
        if not rest:
            # the place alone names the body governing it (海坛片区 → 海坛片区管理局), written in full
            if parts and region.endswith(parts[-1]) and body in _GOVERNING:
                best = max(best, 2)
            continue
        if rest in _GOVERNING and parts and region.endswith(parts[-1]) and body in _GOVERNING:
            best = max(best, 1)  # the place's government by another governing word: 海坛片区政府 → 海坛片区管理局
        best = max(best, _body_score(rest, body))
    return best


def short_matches(mention: str, agencies: Iterable[str]) -> tuple[str, ...]:
    """The stored agencies a mention names as a short form, best first; several when they match equally."""
    scored = [(abbreviation_score(mention, a), a) for a in agencies]
    top = max((s for s, _ in scored), default=0)
    return tuple(sorted(a for s, a in scored if s and s == top))
