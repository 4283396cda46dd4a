"""Which stored agencies a question about "all of them" means: a place word narrows it (平潭各部门, 河北哪个厅).

    >>> region_agencies("2022年平潭哪个部门收到的申请最多", ["平潭综合实验区公安局", "平潭综合实验区财政金融局", "河北省科学技术厅"])
    ['平潭综合实验区公安局', '平潭综合实验区财政金融局']

A place word is a run of Chinese characters of the question that begins two or more stored agency names (within
their first few characters: 银川市西夏区… holds 西夏区), but not all of them. Nothing here matches one agency:
naming agencies is the catalog's job (qa/catalog.py); this only scopes a question that names none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from govqa.core.types import Question

_HAN = re.compile(r"[\u4e00-\u9fff]+")
_BODY = re.compile(r"[局厅委办府院部处所站队镇乡街]$|部门|单位|机关")
_LEAD = 4  # a place word starts at most this far into a name (宁夏回族自治区…, 银川市西夏区…)
_MIN, _MAX = 2, 8


def region_agencies(text: str, agencies: Sequence[str]) -> list[str]:
    """The agencies the question's place word covers, or [] when it names no place shared by several agencies."""
    best: tuple[int, list[str]] | None = None
    for run in _HAN.findall(text):
        for i in range(len(run)):
            for size in range(min(_MAX, len(run) - i), _MIN - 1, -1):
                word = run[i:i + size]
                if _BODY.search(word):
                    continue
                covered = [a for a in agencies if 0 <= a.find(word) <= _LEAD]
                if 2 <= len(covered) < len(agencies) and (best is None or size > best[0]):
                    best = (size, covered)
                if covered:
                    break  # a longer word at this start already covers some; shorter ones add nothing
    return best[1] if best else []


def with_scope(q: Question, *, agencies: Sequence[str], context: Question | None) -> Question:
    """The question with the agencies its place word covers, or a follow-up's earlier place when it names none."""
    if q.agencies or q.unknown_agencies:
        return q
    scope = tuple(region_agencies(q.text, agencies))
    if not scope and q.followup and context is not None and not context.agencies:
        scope = context.scope
    return replace(q, scope=scope) if scope else q
