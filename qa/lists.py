"""The whole enumerated list around a quote (一是…二是…, 1. 2. 3., （一）（二）…): one brief quote per item.

    >>> [p.text for p in list_items(text, text.index("二是"), section="存在的主要问题及改进情况")]
    ['一是培训不够。', '二是解读形式单一。', '三是更新不及时。']

A 存在哪些问题 / 采取了哪些措施 question is answered by every item of the list its best sentence belongs to, not by
the first three sentences. Each item is quoted verbatim from its marker to its first sentence end (cut at a comma
when that sentence is long), with offsets into the report text, so each item can be highlighted on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from govqa.core.numbers import cn_number
from govqa.index.headings import BRACKETED_START
from govqa.index.sections import find_headings
from govqa.qa.passages import Passage

_CN = "一二三四五六七八九十"
LIST_ALL = re.compile(r"哪些|哪几|几个方面|几方面|列举|分别是|什么(?:问题|不足|困难|短板|毛病|漏洞|措施|举措|工作|计划|打算)")
MAX_BEFORE = 600  # characters: how far before the quote its list may begin
MAX_GAP = 700  # characters between two items of one list
MAX_ITEM = 120  # characters an item quote may run before it is cut at a comma
MAX_ITEMS = 12
LEAD_IN_CHARS = 80  # characters before a list searched for the sentence that introduces it
MIN_ITEM = 16  # characters: a shorter item is a title, quoted with its first sentence


@dataclass(frozen=True)
class _Family:
    """One way of numbering list items: the marker pattern and how its number reads."""

    pattern: re.Pattern[str]
    chinese: bool


_FAMILIES = (
    _Family(re.compile(r"(?<![\u4e00-\u9fff])([一二三四五六七八九十]{1,2})是"), True),
    _Family(re.compile(r"[（(]\s*([一二三四五六七八九十]{1,2})\s*[）)]"), True),
    _Family(re.compile(r"(?<![\d.．])(\d{1,2})\s*[.．、](?!\d)"), False),
    _Family(re.compile(r"[（(]\s*(\d{1,2})\s*[）)]"), False),
)
_SENTENCE_END = re.compile(r"[。；;！？!?]")


def _markers(text: str, family: _Family, start: int, end: int) -> list[tuple[int, int, int]]:
    """(offset, number, marker end) of the family's markers between start and end."""
    return [(m.start(), (cn_number(m.group(1)) or 0), m.end()) for m in family.pattern.finditer(text, start, end)]


def _item_end(text: str, start: int, limit: int) -> int:
    """The end of an item's brief quote: its first sentence end, or a comma when the sentence is long."""
    m = _SENTENCE_END.search(text, start, limit)
    end = m.end() if m else limit
    if end - start > MAX_ITEM:
        cut = max(text.rfind("，", start, start + MAX_ITEM), text.rfind(",", start, start + MAX_ITEM))
        end = cut if cut > start + 4 else start + MAX_ITEM
    return end


def _run(text: str, family: _Family, pos: int, stop: int, *, following: bool) -> list[tuple[int, int, int]]:
    """The numbered run of the family's markers that pos belongs to (1, 2, 3 … in order), or []; with following,
    the run that begins after pos instead (the quote introduces the list: 改进措施。…一是…)."""
    marks = _markers(text, family, max(0, pos - MAX_BEFORE), stop)
    if following:
        at = [i for i, (off, n, _) in enumerate(marks) if pos <= off <= pos + MAX_GAP and n == 1][:1]
    else:
        at = [i for i, (off, _, _) in enumerate(marks) if off <= pos]
    if not at:
        return []
    i = at[-1]
    while i > 0 and marks[i][1] > 1:  # back to item 1
        prev = next((j for j in range(i - 1, -1, -1) if marks[j][1] == marks[i][1] - 1), None)
        if prev is None or marks[i][0] - marks[prev][0] > MAX_GAP:
            return []
        i = prev
    if marks[i][1] != 1:
        return []
    run = [marks[i]]
    for j in range(i + 1, len(marks)):
        if marks[j][1] == run[-1][1] + 1 and marks[j][0] - run[-1][0] <= MAX_GAP:
            run.append(marks[j])
            if len(run) >= MAX_ITEMS:
                break
    return run if len(run) >= 2 and run[-1][0] >= pos - MAX_GAP else []


MAX_SUBHEADING = 16  # characters: a bracketed item this short is a sub-heading ((二)改进措施。), the list follows it


def is_subheading(sentence: str) -> bool:
    """Whether a sentence is a short bracketed sub-heading ((二)改进措施。) rather than a list item with content."""
    return BRACKETED_START.match(sentence) is not None and len(sentence.strip()) < MAX_SUBHEADING


_INTRO = re.compile(r"[：:]\s*$|以下|如下|几个方面|几方面|主要(?:表现|有|是)")


def introduces_list(sentence: str) -> bool:
    """Whether a sentence announces a list below it: a sub-heading, a colon at its end, 以下/如下 …"""
    return is_subheading(sentence) or _INTRO.search(sentence) is not None


def starts_item(sentence: str) -> bool:
    """Whether a sentence opens with a list marker (一是, 1., （一）, (1))."""
    return any(f.pattern.match(sentence.lstrip()) for f in _FAMILIES)


def list_items(text: str, pos: int, *, section: str, heading: str = "", following: bool = False) -> list[Passage]:
    """The items of the enumerated list that the sentence at pos belongs to (with following: the list that comes
    after pos), one brief quote each; [] when there is no list of two or more items."""
    stop = next((h.start for h in find_headings(text) if h.start > pos), len(text))
    best: list[tuple[int, int, int]] = []
    for family in _FAMILIES:
        run = _run(text, family, pos, stop, following=following)
        if run and (not best or run[0][0] > best[0][0]):  # the innermost list: the one that starts nearest
            best = run
    items: list[Passage] = []
    for k, (off, _, _) in enumerate(best):
        limit = best[k + 1][0] if k + 1 < len(best) else stop
        end = _item_end(text, off, limit)
        quote = text[off:end].strip()
        if quote:
            items.append(Passage(off, off + len(text[off:end].rstrip()), re.sub(r"\s+", "", quote), section, heading))
    return items


# inside one part of a section a heading may run into its first item (（二）改进措施一是…): 一是 after any character
# but those that make 一 part of a word (统一是, 唯一是)
_PART_FAMILIES = (_Family(re.compile(r"(?<![统唯之第单万划均专])([一二三四五六七八九十]{1,2})是"), True), *_FAMILIES[1:])
_OUTLINE = _FAMILIES[1]  # （一）（二）: how a section's own sub-headings are numbered


def first_list(text: str, start: int, end: int, *, section: str = "", heading: str = "",
               not_after: re.Pattern[str] | None = None, outline: bool = False,
               only_after: re.Pattern[str] | None = None) -> list[Passage]:
    """Every item of the first enumerated list (numbered from 1, two items or more) between start and end, one brief
    quote each: the outermost list of a part of a section (（一）… before the 1. 2. inside it). With not_after, a list
    whose lead-in sentence matches it is passed over for a later one (针对去年的问题采取措施：一是… before the year's
    problems), unless no other list is there. With outline, a （一）（二） list is the section's own outline and comes
    before any other (a pasted web page's 1、2、 above it is no part of the work done), unless a 一是 list above it runs
    longer than the outline does (一是…四是 on the work, then （一）（二） on the year's figures). With only_after, only a list
    whose lead-in sentence matches it counts ([] when there is none)."""
    gap = end - start if outline else MAX_GAP * 2  # an outline's items may run long (a pasted page inside one)
    runs = _runs(text, start, end, (_OUTLINE,) if outline else _PART_FAMILIES, gap=gap)
    if outline and not runs:  # no outline: the first list of any kind
        return first_list(text, start, end, section=section, heading=heading, not_after=not_after)
    if outline:  # 一是…四是 over most of the section, then a short （一）（二） on the year's figures: the 一是 list
        head = min(r[0][0] for r in runs)
        before = _runs(text, start, head, _PART_FAMILIES[:1], gap=MAX_GAP * 2)
        if before and head - before[0][0][0] > end - head:
            runs = before
    runs.sort(key=lambda r: r[0][0])
    if only_after is not None:
        runs = [r for r in runs if only_after.search(_squeeze(_lead_in(text, r[0][0], start)))]
    fitting = [r for r in runs if not_after is None or not not_after.search(_lead_in(text, r[0][0], start))]
    best = (fitting or runs or [[]])[0]
    return item_quotes(text, [off for off, _, _ in best], end, section=section, heading=heading)


def _runs(text: str, start: int, end: int, families: Sequence[_Family], *, gap: int) -> list[list[tuple[int, int, int]]]:
    """Every numbered run (1, 2, 3 …, two items or more) of the families' markers between start and end, items at most
    gap apart; a titled item's own list inside it is passed over, a number said twice is one more item."""
    runs: list[list[tuple[int, int, int]]] = []
    for family in families:
        marks = _markers(text, family, start, end)
        for i, (_, n, _) in enumerate(marks):
            if n != 1:
                continue
            run = [marks[i]]
            nested = False  # inside a list of long items under a titled item (二是突出重点。一是把…二是把…三是完善平台。)
            for later in marks[i + 1:]:
                titles = _is_title(text, later[2], end) and all(_is_title(text, m[2], end) for m in run)
                if later[1] == 1 and titles is False and all(_is_title(text, m[2], end) for m in run):
                    nested = True  # a titled list's item opens a list of its own: its items are no items of this one
                    continue
                if nested and not (later[1] == run[-1][1] + 1 and titles):
                    continue
                nested = False
                if later[1] == 1:  # a new list of the same kind begins: 三是 after it is that list's
                    break
                # 一是 二是 三是 三是: a number said twice by mistake is one more item, not the end of the list
                if later[1] in (run[-1][1] + 1, run[-1][1]) and len(run) > 1 and later[0] - run[-1][0] <= gap \
                        or later[1] == run[-1][1] + 1 and later[0] - run[-1][0] <= gap:
                    run.append(later)
            if len(run) >= 2:
                runs.append(run[:MAX_ITEMS])
    return runs


def item_quotes(text: str, starts: Sequence[int], end: int, *, section: str = "", heading: str = "") -> list[Passage]:
    """One brief quote per item starting at each offset (each runs at most to the next one, the last to end): its first
    sentence, with the sentence after it when that one is a bare title (（一）强化组织领导。)."""
    items: list[Passage] = []
    for k, off in enumerate(starts):
        limit = starts[k + 1] if k + 1 < len(starts) else end
        item_end = _item_end(text, off, limit)
        if len(_squeeze(text[off:item_end])) < MIN_ITEM and item_end < limit:  # a bare title (（一）强化组织领导。)
            item_end = _item_end(text, item_end, limit)  # … says more with the sentence after it
        quote = text[off:item_end]
        if quote.strip():
            items.append(Passage(off, off + len(quote.rstrip()), _squeeze(quote), section, heading))
    return items


TITLE_CHARS = 20  # characters: an item whose first sentence is this short is a title (二是突出重点领域信息公开。)


def _is_title(text: str, pos: int, end: int) -> bool:
    """Whether the item whose marker ends at pos opens with a short titled sentence."""
    m = _SENTENCE_END.search(text, pos, min(end, pos + TITLE_CHARS + 1))
    return m is not None and len(_squeeze(text[pos:m.start()])) >= 2


def _lead_in(text: str, pos: int, floor: int) -> str:
    """The sentence before a list's first item (from the previous sentence end), within the part."""
    before = text[max(floor, pos - LEAD_IN_CHARS):pos]
    ends = [m.end() for m in _SENTENCE_END.finditer(before[:-1])] if before else []
    return before[ends[-1]:] if ends else before


def _squeeze(text: str) -> str:
    return re.sub(r"\s+|\*\*", "", text)


_BOLD = re.compile(r"\*\*([^*\n]{2,40})\*\*")  # **加强组织领导**: an unnumbered item said as a bold heading


def bold_items(text: str, start: int, end: int, *, section: str = "", heading: str = "") -> list[Passage]:
    """Items written as bold headings without numbers (**加强组织领导**。…), two or more, one brief quote each
    (the heading and its first sentence); [] when the part has fewer."""
    marks = [m.start() for m in _BOLD.finditer(text, start, end)]
    if len(marks) < 2:
        return []
    return item_quotes(text, marks[:MAX_ITEMS], marks[MAX_ITEMS] if len(marks) > MAX_ITEMS else end, section=section,
                       heading=heading)


MAX_SENTENCES = 6  # a part without a list is quoted by at most this many sentences


def sentence_items(text: str, start: int, end: int, *, section: str = "", heading: str = "") -> list[Passage]:
    """A part without a list: its sentences (split at 。 and ；), each quoted whole, at most MAX_SENTENCES."""
    out: list[Passage] = []
    for m in re.finditer(r"[^。；;！？!?]+[。；;！？!?]?", text[start:end]):
        raw = m.group(0)
        cleaned = _squeeze(raw)
        if len(cleaned) < 6 or "\t" in raw:
            continue
        lead = len(raw) - len(raw.lstrip())
        out.append(Passage(start + m.start() + lead, start + m.end(), cleaned, section, heading))
        if len(out) >= MAX_SENTENCES:
            break
    return out


def part_items(text: str, start: int, end: int, *, section: str = "", heading: str = "",
               not_after: re.Pattern[str] | None = None, outline: bool = False) -> list[Passage]:
    """The items of one part of a report: its first enumerated list (see first_list), else its bold headings, else its
    sentences."""
    return first_list(text, start, end, section=section, heading=heading, not_after=not_after, outline=outline) \
        or bold_items(text, start, end, section=section, heading=heading) \
        or sentence_items(text, start, end, section=section, heading=heading)
