"""Split a report into the six standard sections (plus the preamble) and find the sub-headings inside them."""

from __future__ import annotations

import logging
import re
from difflib import SequenceMatcher
from typing import NamedTuple

from core.types import Section, Subsection

log = logging.getLogger(__name__)

STANDARD_TITLES: tuple[str, ...] = (
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
)
# Other wordings of the same headings that reports print (the section keeps its standard title).
TITLE_VARIANTS: dict[int, tuple[str, ...]] = {
    1: ("概述", "基本情况"),
    4: ("因政府信息公开申请行政复议、提起行政诉讼的情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
    5: ("存在的问题及改进措施", "存在的主要问题及改进措施", "存在的主要问题及明年工作计划", "存在的问题和改进措施"),
    6: ("需要说明的其他事项", "其他需要说明的事项"),
}
_TITLE_PREFIX = re.compile(r"^(?:政府信息公开|政务公开)(?:工作)?(?=存在)")
PREAMBLE_TITLE = "前言"
_NUMERALS = "一二三四五六"
_HEADING = re.compile(r"([一二三四五六])\s*[、.．，,]\s*")
MIN_TITLE_SIMILARITY = 0.75
_MAX_SUBTITLE = 40

# Sub-heading markers by level: （一） / (一) → 1, 1. / 1、 → 2, （1） / (1) → 3, 一是 → 4.
_SUB_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"(?m)^[ \t\u3000]*([（(]\s*[一二三四五六七八九十]+\s*[）)])")),
    (2, re.compile(r"(?m)^[ \t\u3000]*(\d{1,2}\s*[.．、](?!\d+\s*(?:万|元|%|$)))")),
    (3, re.compile(r"(?m)^[ \t\u3000]*([（(]\s*\d{1,2}\s*[）)])")),
    (4, re.compile(r"(?<![\u4e00-\u9fff])([一二三四五六七八九十]是)")),
)
# Row labels of the standard tables: numbered like sub-headings, but not sub-headings.
_TABLE_LABEL = re.compile(
    r"^(?:予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计|属于|其他法律|危及|保护第三方|本机关不掌握|没有现成"
    r"|补正后|信访举报|重复申请|要求提供|无正当理由|要求行政机关)"
)
_TABLE_ROW_END = re.compile(r"(?:[\s\t]+[-+]?\d+(?:\.\d+)?){3,}\s*$")


class _Heading(NamedTuple):
    number: int
    start: int


def _similarity(title: str, following: str) -> float:
    """How well the text after a numeral matches a standard title (spaces ignored, a few extra characters allowed)."""
    squeezed = re.sub(r"\s+", "", following[: len(title) * 2 + 16])
    squeezed = _TITLE_PREFIX.sub("", squeezed)
    return max(SequenceMatcher(None, title, squeezed[: len(title) + k]).ratio() for k in range(0, 5))


def _title_similarity(number: int, following: str) -> float:
    """The best similarity of the text after a numeral to the standard title of section number or a variant."""
    titles = (STANDARD_TITLES[number - 1], *TITLE_VARIANTS.get(number, ()))
    return max(_similarity(title, following) for title in titles)


def find_headings(text: str) -> list[_Heading]:
    """The standard section headings in order; numbers must go up and the words must match the standard title."""
    found: list[_Heading] = []
    position, expected = 0, 1
    candidates = list(_HEADING.finditer(text))
    while expected <= len(STANDARD_TITLES):
        hit = next(
            (
                m
                for m in candidates
                if m.start() >= position
                and _NUMERALS.index(m.group(1)) + 1 == expected
                and _title_similarity(expected, text[m.end() :]) >= MIN_TITLE_SIMILARITY
            ),
            None,
        )
        if hit is not None:
            found.append(_Heading(expected, hit.start()))
            position = hit.end()
        expected += 1
    return found


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _line_after(text: str, offset: int) -> str:
    line_end = text.find("\n", offset)
    return text[offset : line_end if line_end != -1 else len(text)]


def _subtitle(text: str, start: int, end: int, *, inline: bool) -> str:
    """A sub-heading's title: up to the first 。；： (an inline 一是… title may run over hard-wrapped lines)."""
    span = _squeeze(text[start : min(end, start + 3 * _MAX_SUBTITLE)]) if inline else _line_after(text, start)[: end - start]
    stop = re.search(r"[。；;：:]", span)
    return span[: stop.start() if stop else len(span)].strip()[:_MAX_SUBTITLE]


def find_subsections(text: str, start: int, end: int) -> tuple[Subsection, ...]:
    """Sub-headings between start and end: table row labels and table rows are skipped."""
    marks: list[tuple[int, int]] = []  # (offset, level)
    for level, pattern in _SUB_MARKERS:
        inline = level == 4
        for m in pattern.finditer(text, start, end):
            line = _line_after(text, m.start(1))
            if "\t" in line or _TABLE_ROW_END.search(line):
                continue
            rest = _squeeze(text[m.end(1) : m.end(1) + 20]) if inline else _squeeze(line[m.end(1) - m.start(1) :])
            if _TABLE_LABEL.match(_squeeze(text[m.end(1) : m.end(1) + 20])) or len(re.findall(r"[\u4e00-\u9fff]", rest)) < 2:
                continue
            marks.append((m.start(1), level))
    marks.sort()
    subsections: list[Subsection] = []
    for i, (offset, level) in enumerate(marks):
        stop = next((o for o, lv in marks[i + 1 :] if lv <= level), end)
        title = _subtitle(text, offset, stop, inline=level == 4)
        subsections.append(Subsection(title=title, start=offset, end=stop))
    return tuple(subsections)


def split_sections(text: str) -> tuple[Section, ...]:
    """Split normalised report text into Section 0 (preamble) and the standard sections 1-6 found in it.

    Offsets are into ``text``; a section runs from its heading to the next heading (the last one to the end).

    >>> [s.number for s in split_sections("报告\\n一、总体情况\\n好。\\n二、主动公开政府信息情况\\n表")]
    [0, 1, 2]
    """
    headings = find_headings(text)
    bounds: list[tuple[int, str, int]] = []
    first = headings[0].start if headings else len(text)
    if text[:first].strip():
        bounds.append((0, PREAMBLE_TITLE, 0))
    bounds += [(h.number, STANDARD_TITLES[h.number - 1], h.start) for h in headings]
    sections: list[Section] = []
    for i, (number, title, start) in enumerate(bounds):
        end = bounds[i + 1][2] if i + 1 < len(bounds) else len(text)
        sections.append(
            Section(
                number=number,
                title=title,
                start=start,
                end=end,
                text=text[start:end],
                subsections=find_subsections(text, start, end),
            )
        )
    if len(headings) < len(STANDARD_TITLES):
        missing = sorted(set(range(1, 7)) - {h.number for h in headings})
        log.info("standard section headings not found: %s", ", ".join(_NUMERALS[n - 1] for n in missing))
    return tuple(sections)
