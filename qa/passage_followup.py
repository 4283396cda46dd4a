"""A 其中… follow-up to a quoted answer stays in that quote: 「一共发布了几份文件？」「其中依申请公开的有多少？」 reads the
number after the follow-up's words in the passage already quoted (共发布687份，其中主动公开299份，依申请公开388份), not a
table cell that merely shares a word with it.

    >>> passage_followup("其中主动公开的有多少？", earlier).value
    299.0
"""

from __future__ import annotations

import re

from govqa.core.types import Answer, Source
from govqa.qa import lexicon as lx
from govqa.qa.compose import quoted
from govqa.qa.quote_choice import pick_number
from govqa.qa.words import content_tokens

_CLAUSE = re.compile(r"[^，,；;。！？!?]+")
_NUMBER = re.compile(r"\d")
_FRAME = frozenset({"其中", "里面", "当中", "多少", "几", "有", "的", "是"})
_UNIT_WORD = re.compile(r"^[小大]?[项件条份个篇次起人名]$")  # 小项: a unit, not which figure is asked
MIN_WORD = 2  # characters: a shorter token (的, 有) says nothing of which figure is asked
MIN_HELD = 0.5  # share of the follow-up's words (by characters) the clause must say


def passage_followup(text: str, earlier: Answer | None) -> Answer | None:
    """The figure a 其中… follow-up asks for, read from the passage the earlier answer quoted; None when the earlier
    answer was no quote, the follow-up asks no number, or the passage holds none of the follow-up's words."""
    if earlier is None or not earlier.found or earlier.route != "retrieval" or not earlier.sources:
        return None
    if not lx.PART_OF.match(text.strip()) or not lx.QUESTION_HOW_MANY.search(text):
        return None
    tokens = (w.strip("的了") for w in content_tokens(lx.PART_OF.sub("", text.strip())))  # 公开的 → 公开
    words = [w for w in tokens if len(w) >= MIN_WORD and w not in _FRAME and not _UNIT_WORD.match(w)
             and not lx.QUESTION_HOW_MANY.search(w)]  # 几份: the question word, not the figure's name
    if not words:
        return None
    total = sum(len(w) for w in words)
    best: tuple[int, str, Source] | None = None
    for source in earlier.sources:
        after = source.text.find("其中")
        for m in _CLAUSE.finditer(source.text):
            clause = m.group(0)
            if not _NUMBER.search(clause) or m.start() < after:  # a part of the head count comes after its 其中
                continue
            held = sum(len(w) for w in words if w in clause)
            if held >= MIN_HELD * total and (best is None or held > best[0]):
                best = (held, clause, source)
    if best is None:
        return None
    _, clause, source = best
    picked = pick_number(clause, text, words)
    if picked is None:
        return None
    value, unit = picked
    said = quoted(source.agency, source.year, source.section, clause.strip())
    return Answer(question=text, text=said, found=True, route="retrieval", value=value, unit=unit, sources=(source,))
