"""Split a report into the six standard sections (plus the preamble) and find the sub-headings inside them."""

from __future__ import annotations

import logging
import re
from difflib import SequenceMatcher
from typing import NamedTuple

from govqa.core.types import Section, Subsection
from govqa.index.headings import (
    PREAMBLE_TITLE,
    SECTION_HEADING,
    SECTION_NUMERALS,
    STANDARD_TITLES,
    SUB_MARKERS,
    TABLE_LABEL,
    TABLE_ROW_END,
    TITLE_PREFIX,
    TITLE_VARIANTS,
)

log = logging.getLogger(__name__)

MIN_TITLE_SIMILARITY = 0.75
_MAX_SUBTITLE = 40


class _Heading(NamedTuple):
    number: int
    start: int


def _similarity(title: str, following: str) -> float:
    """How well the text after a numeral matches a standard title (spaces ignored, a few extra characters allowed)."""
    squeezed = re.sub(r"\s+", "", following[: len(title) * 2 + 16])
    squeezed = TITLE_PREFIX.sub("", squeezed)
    return max(SequenceMatcher(None, title, squeezed[: len(title) + k]).ratio() for k in range(0, 5))


def _title_similarity(number: int, following: str) -> float:
    """The best similarity of the text after a numeral to the standard title of section number or a variant."""
    titles = (STANDARD_TITLES[number - 1], *TITLE_VARIANTS.get(number, ()))
    return max(_similarity(title, following) for title in titles)


def find_headings(text: str) -> list[_Heading]:
    """The standard section headings in order; numbers must go up and the words must match the standard title."""
    found: list[_Heading] = []
    position, expected = 0, 1
    candidates = list(SECTION_HEADING.finditer(text))
    while expected <= len(STANDARD_TITLES):
        hit = next(
            (
                m
                for m in candidates
                if m.start() >= position
                and SECTION_NUMERALS.index(m.group(1)) + 1 == expected
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
    for level, pattern in SUB_MARKERS:
        inline = level == 4
        for m in pattern.finditer(text, start, end):
            line = _line_after(text, m.start(1))
            if "\t" in line or TABLE_ROW_END.search(line):
                continue
            rest = _squeeze(text[m.end(1) : m.end(1) + 20]) if inline else _squeeze(line[m.end(1) - m.start(1) :])
            if TABLE_LABEL.match(_squeeze(text[m.end(1) : m.end(1) + 20])) or len(re.findall(r"[\u4e00-\u9fff]", rest)) < 2:
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
        log.info("standard section headings not found: %s", ", ".join(SECTION_NUMERALS[n - 1] for n in missing))
    return tuple(sections)
