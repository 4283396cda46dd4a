"""Split a report's prose into section-bounded chunks for embedding and keyword search.

    >>> chunks = chunk_report(report, sections, size=settings.chunk_size)
    >>> report.text[chunks[0].start:chunks[0].end] == chunks[0].text
    True

Chunks never cross a section boundary and never hold table bodies (the tables live in SQL): lines that are
rows of numbers, tab-separated rows or the one-character lines of vertical table headers are dropped
together with the short label lines around them. A chunk is a contiguous slice of ``Report.text`` so that
the answer can highlight it; its length is counted without whitespace (PDF text wraps every ~28 characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from govqa.core.types import Chunk, Report, Section

SENTENCE_END = re.compile(r"[。；！？!?;]+[”’」』）)】]*")
# A table row: a label followed by two or more numbers (units and signs allowed), or numbers only.
_NUMBER = r"[-+]?\d+(?:\.\d+)?%?\s*(?:万元|万|元)?"
# (a label never holds a full stop: a long crawled line of prose that happens to end in numbers is not a row)
TABLE_ROW = re.compile(rf"^(?:[^。！？\n]*?\s)?{_NUMBER}(?:\s+{_NUMBER})+\s*$|^{_NUMBER}$")
CAPTION = re.compile(r"^(?:附?表\s*[一二三四五六七八九十\d]+|.{0,30}(?:统计表|情况表|一览表)\s*$)")
PROSE_PUNCT = re.compile(r"[，。；：！？、,;:!?]")
WS = re.compile(r"\s+")
STRONG_PROSE_LEN = 30  # a line this long is prose even without punctuation
WEAK_PROSE_LEN = 20  # a punctuated line shorter than this may be a wrapped table label
TAIL_FRACTION = 4  # a block's last piece shorter than size/4 is merged into the chunk before it

# Tables of crawled pages run together inside a line of prose (规章000行政规范性文件808…, 1 0 0 0 0 01): a "bare"
# number is one no unit, date or phone-number sign follows or precedes; several close together make a table.
_BARE_NUMBER = re.compile(
    r"(?<![\d.\-—－:：/A-Za-z])\d+(?:\.\d+)?(?![\d\-—－]|\.\d|\s*(?:%|％|[年月日号时条件次篇人名个项场期家所份本套批起元万亿余多层楼室度米倍届类]))"
)
_CLAUSE_END = re.compile(r"[，。；！？,;!?]")
_PARENS = re.compile(r"[（(][^（()）]{0,60}[）)]")
MIN_TABLE_NUMBERS = 4  # bare numbers that make a run-together table
LONG_ROW = 9  # digits: a bare number this long is a whole table row run together (000000000000000)
MAX_TABLE_GAP = 80  # characters between two numbers of one table (a long row label)
MIN_PIECE = 6  # characters; prose left between two tables shorter than this is a label, not prose


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # without the newline
    kind: str  # prose | weak | table | blank


def compact(text: str) -> str:
    """The text without whitespace: what a chunk's size is measured on and what gets embedded."""
    return WS.sub("", text)


def _classify(line: str) -> str:
    s = line.strip()
    if not s:
        return "blank"
    if "\t" in line or TABLE_ROW.match(s):
        return "table"
    if CAPTION.match(s):
        return "prose"
    n = len(compact(s))
    if n >= STRONG_PROSE_LEN or (n >= WEAK_PROSE_LEN and PROSE_PUNCT.search(s)):
        return "prose"
    return "weak"


def _lines(text: str, start: int, end: int) -> list[_Line]:
    out: list[_Line] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.append(_Line(pos, stop, _classify(text[pos:stop])))
        pos = stop + 1
    return out


def prose_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the prose blocks between start and end, with table bodies and their label lines removed.

    A run of non-prose lines (blank lines do not break a run) that holds at least one table line is a
    table; every line of it is dropped: wrapped labels and the one-character lines of vertical headers
    always sit next to a row of numbers. A short line away from any table (``无``) is kept.
    """
    lines = _lines(text, start, end)
    keep = [ln.kind != "blank" for ln in lines]
    i = 0
    while i < len(lines):
        if lines[i].kind in ("prose", "blank"):
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].kind != "prose":
            j += 1
        if any(ln.kind == "table" for ln in lines[i:j]):
            for n in range(i, j):
                keep[n] = False
        i = j
    spans: list[tuple[int, int]] = []
    joinable = False  # only blank lines since the last kept line: extend its block
    for ln, kept in zip(lines, keep, strict=True):
        if ln.kind == "blank":
            continue
        if not kept:
            joinable = False
            continue
        s, e = _trim(text, ln.start, ln.end)
        if joinable:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
        joinable = True
    return spans


def _stretch_start(text: str, floor: int, pos: int) -> int:
    """Where a run-together table begins: back over its header labels to the last clause end outside brackets."""
    depth = 0
    for i in range(pos - 1, floor - 1, -1):
        ch = text[i]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in "，。；！？,;!?\n\u3000" or _CLAUSE_END.match(ch)):
            return i + 1
    return floor


def table_stretches(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the tables run together inside lines of prose between start and end (crawled web text).

    Four or more bare numbers (no unit after them) with no clause end between them, outside brackets, or one
    bare number of LONG_ROW digits, are a table; it begins at its header labels (back to the last clause end) and ends at its last number.
    """
    found: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        if len(run) >= MIN_TABLE_NUMBERS or any(len(m.group(0)) >= LONG_ROW for m in run):
            found.append((_stretch_start(text, start, run[0].start()), run[-1].end()))

    for m in _BARE_NUMBER.finditer(text, start, end):
        if run:
            gap = _PARENS.sub("", text[run[-1].end():m.start()])
            if len(gap) > MAX_TABLE_GAP or _CLAUSE_END.search(gap) or "\n" in gap:
                close()
                run = []
        run.append(m)
    close()
    return found


def _is_prose_piece(piece: str) -> bool:
    """A piece left between tables is prose when it has a clause end outside brackets (labels and rows have none)."""
    if len(compact(piece)) < MIN_PIECE:
        return False
    return not re.search(r"\d", piece) or _CLAUSE_END.search(_PARENS.sub("", piece)) is not None


def _without_tables(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """start..end less the run-together tables inside it, each remaining piece trimmed (label pieces dropped)."""
    stretches = table_stretches(text, start, end)
    if not stretches:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    pos = start
    for s, e in [*stretches, (end, end)]:
        if s > pos:
            a, b = _trim(text, pos, s)
            if _is_prose_piece(text[a:b]):
                pieces.append((a, b))
        pos = max(pos, e)
    return pieces


def _units(text: str, start: int, end: int, size: int) -> Iterator[tuple[int, int]]:
    """Sentences of text[start:end]; a sentence longer than size is split at line ends, then hard."""
    pos = start
    for m in SENTENCE_END.finditer(text, start, end):
        yield from _split_long(text, pos, m.end(), size)
        pos = m.end()
    if pos < end:
        yield from _split_long(text, pos, end, size)


def _split_long(text: str, start: int, end: int, size: int) -> Iterator[tuple[int, int]]:
    if len(compact(text[start:end])) <= size:
        yield start, end
        return
    pos = start
    for piece_end in [m.end() for m in re.finditer(r"\n", text[start:end])] + [end - start]:
        stop = start + piece_end
        if len(compact(text[pos:stop])) > size and stop > pos:
            # a single line longer than size: cut it hard
            for cut in range(pos, stop, size):
                yield cut, min(cut + size, stop)
        else:
            yield pos, stop
        pos = stop


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())


def _pack(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    """Group consecutive sentences into spans of at most size characters (whitespace not counted).

    A short tail (under a quarter of size) joins the span before it rather than standing alone.
    """
    spans: list[tuple[int, int]] = []
    cur_start: int | None = None
    cur_end = start
    cur_len = 0
    for s, e in _units(text, start, end, size):
        n = len(compact(text[s:e]))
        if n == 0:
            continue
        if cur_start is not None and cur_len + n > size:
            spans.append(_trim(text, cur_start, cur_end))
            cur_start, cur_len = None, 0
        if cur_start is None:
            cur_start = s
        cur_end, cur_len = e, cur_len + n
    if cur_start is not None:
        if spans and cur_len < size // TAIL_FRACTION:
            spans[-1] = _trim(text, spans[-1][0], cur_end)
        else:
            spans.append(_trim(text, cur_start, cur_end))
    return spans


def _subheading(section: Section, offset: int) -> str:
    title = ""
    for sub in section.subsections:
        if sub.start <= offset < max(sub.end, sub.start + 1):
            title = sub.title
    return title


def chunk_id(report_id: str, section_number: int, start: int) -> str:
    """The stable id of a chunk: re-ingesting the same report yields the same ids."""
    return f"{report_id}:{section_number}:{start}"


def chunk_report(report: Report, sections: Sequence[Section], *, size: int) -> list[Chunk]:
    """Cut each section's prose into chunks of about size characters, split at sentence ends."""
    text = report.text
    chunks: list[Chunk] = []
    for section in sections:
        blocks = [p for b in prose_spans(text, section.start, section.end) for p in _without_tables(text, *b)]
        for block_start, block_end in blocks:
            for s, e in _pack(text, block_start, block_end, size):
                if s >= e:
                    continue
                chunks.append(
                    Chunk(
                        id=chunk_id(report.id, section.number, s),
                        report_id=report.id,
                        agency=report.agency,
                        short_name=report.short_name,
                        year=report.year,
                        section=section.title,
                        subheading=_subheading(section, s),
                        start=s,
                        end=e,
                        text=text[s:e],
                    )
                )
    return chunks


def embed_text(chunk: Chunk) -> str:
    """The text that is embedded: a short context header (agency, year, section) and the compacted prose."""
    year = f"{chunk.year}年" if chunk.year else ""
    where = " ".join(p for p in (chunk.section, chunk.subheading) if p)
    return f"{chunk.agency}（{chunk.short_name}）{year} {where}\n{compact_prose(chunk.text)}"


def compact_prose(text: str) -> str:
    """Join PDF-wrapped lines: drop whitespace between CJK characters, keep single spaces elsewhere."""
    text = re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", text)
    return WS.sub(" ", text).strip()
