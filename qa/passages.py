"""Candidate sentences for a quote: a retrieved chunk widened to whole sentences of the report text, headings set aside.

    >>> spans = passage_sentences(chunk, report_text)
    >>> [(s.start, s.end, s.text, s.context) for s in spans][:1]
    [(3570, 3595, '1. 加强人员培训教育，确保专人专岗。', '存在的主要问题及改进情况 （二）改进情况')]

A chunk may start mid-sentence (a long sentence is cut at a line end) or right after a heading; quotes must not.
Each sentence keeps the heading lines above it (section title, （二）改进情况 …) as ``context``: they tell what the
sentence is about, but are never quoted. Offsets are into the report text, so a quote can be highlighted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from govqa.core.types import Chunk
from govqa.index.chunks import TABLE_ROW, table_stretches
from govqa.index.headings import HEADING_LINE, INLINE_SECTION, TITLE_LINE, TOP_HEADING

# a sentence runs to its end mark: newlines, even blank lines, are line-wraps of PDF text (see the seeds)
_SENTENCE = re.compile(r"[^。！？!?；;]+(?:[。！？!?；;]+[”’」』）)】]*|$)")
_END = re.compile(r"[。！？!?；;][”’」』）)】]*")
_CLEAN = re.compile(r"\*\*|\n|\r|\t")
MIN_SENTENCE = 6  # characters; shorter pieces are fragments (（地址：…；), not answers
LOOK_BACK = 1500  # how far before a chunk to look for the heading above it
NEIGHBOURS = 1  # whole sentences added on each side of a chunk
MAX_NEIGHBOUR = 300  # characters; a longer stretch is not one neighbouring sentence


@dataclass(frozen=True)
class Passage:
    """One quotable sentence with its offsets into the report text and the headings above it."""

    start: int
    end: int
    text: str  # cleaned: no line breaks or markdown
    section: str  # the standard section title (and its heading line)
    heading: str = ""  # the nearest sub-heading above the sentence inside the section: （二）改进情况

    @property
    def context(self) -> str:
        """Section title and sub-heading, the words that say what the sentence is about."""
        return f"{self.section} {self.heading}".strip()


def is_heading(line: str) -> bool:
    """Whether a line is a heading (五、… / （二）… / a title line), not prose."""
    s = line.strip()
    return bool(s) and (HEADING_LINE.match(s) is not None or TITLE_LINE.match(s) is not None)


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """The start of the sentence that holds pos: just after the previous end mark (never before floor)."""
    best = floor
    for m in _END.finditer(text, floor, pos):
        best = m.end()
    return best


def _sentence_end(text: str, pos: int, ceiling: int) -> int:
    m = _END.search(text, pos, ceiling)
    return m.end() if m else ceiling


def _ends_sentence(text: str, pos: int) -> bool:
    return _END.search(text[max(0, pos - 3):pos]) is not None


def widen(text: str, start: int, end: int, *, neighbours: int = NEIGHBOURS) -> tuple[int, int]:
    """start/end moved out to whole sentences, plus ``neighbours`` sentences on each side (never across a heading)."""
    floor, ceiling = max(0, start - LOOK_BACK), min(len(text), end + LOOK_BACK)
    s = _sentence_start(text, start, floor)  # a chunk may begin mid-sentence …
    s = s if _plain(text, s, start) else start
    e = end if _ends_sentence(text, end) else _sentence_end(text, end, ceiling)  # … or end mid-sentence
    e = e if _plain(text, end, e) else end
    for _ in range(neighbours):
        s2 = _sentence_start(text, max(floor, s - 1), floor)
        if s2 < s and _plain(text, s2, start):  # the chunk's own heading lines end the look back
            s = s2
        e2 = _sentence_end(text, e, ceiling)
        if e2 > e and _plain(text, e, e2):
            e = e2
    return s, e


def _heading_above(text: str, pos: int) -> str:
    """The nearest sub-heading line before pos (within LOOK_BACK and the section), or ''."""
    lines = text[max(0, pos - LOOK_BACK):pos].splitlines()
    for line in reversed(lines):
        if is_heading(line):
            return _sub_heading(line)
    return ""


def _sub_heading(line: str) -> str:
    """The line as a sub-heading; '' for a section heading (五、…), which starts a new section."""
    return "" if TOP_HEADING.match(line) else line.strip()


def _plain(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a short stretch of prose: no heading or table line (a neighbour may join)."""
    piece = text[start:end]
    return (len(piece) <= MAX_NEIGHBOUR and not any(is_heading(ln) or _is_table(ln) for ln in piece.splitlines())
            and not table_stretches(text, start, end))


def _is_table(line: str) -> bool:
    return "\t" in line or TABLE_ROW.match(line.strip()) is not None


def split_passages(text: str, start: int, end: int, *, section: str = "") -> list[Passage]:
    """The sentences of text[start:end]; leading heading lines become context, fragments and table lines are dropped."""
    heading = _heading_above(text, start)
    out: list[Passage] = []
    for m in _SENTENCE.finditer(text, start, end):
        pos, body_start = m.start(), None
        for line in m.group(0).splitlines(keepends=True):
            if body_start is None and is_heading(line):
                heading = _sub_heading(line)
            elif line.strip() and _is_table(line):
                body_start = None  # a table row: what came before it is a label, not prose
            elif body_start is None and line.strip():
                body_start = pos
            pos += len(line)
        if body_start is None:
            continue
        inline = table_stretches(text, body_start, m.end())  # a table run together inside the line: quote what follows
        if inline:
            body_start = max(e for _, e in inline)
        lead_heading = INLINE_SECTION.match(text, body_start, m.end())  # the section title is context, not quote
        if lead_heading:
            body_start = lead_heading.end()
        raw = text[body_start:m.end()]
        cleaned = _CLEAN.sub("", raw).strip()
        if len(cleaned) < MIN_SENTENCE:
            continue
        lead = len(raw) - len(raw.lstrip())
        out.append(Passage(body_start + lead, m.end(), cleaned, section, heading))
    return out


def passage_sentences(chunk: Chunk, report_text: str = "") -> list[Passage]:
    """Sentences around one chunk, from the report text when it holds the chunk, else from the chunk alone."""
    if report_text and report_text[chunk.start:chunk.end] == chunk.text:
        start, end = widen(report_text, chunk.start, chunk.end)
        return split_passages(report_text, start, end, section=chunk.section)
    local = split_passages(chunk.text, 0, len(chunk.text), section=chunk.section)
    return [replace(p, start=p.start + chunk.start, end=p.end + chunk.start) for p in local]
