"""Pieces every format loader shares: the extraction result, merged-cell expansion and table rendering."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from govqa.core.types import TableBlock


class Extracted(NamedTuple):
    """What a format loader pulls out of the raw bytes, before normalisation."""

    text: str
    tables: tuple[TableBlock, ...] = ()
    encoding: str | None = None


class SpanCell(NamedTuple):
    """A cell as marked up: its text and how many columns / rows it covers."""

    text: str
    colspan: int = 1
    rowspan: int = 1


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def clean_cell(text: str | None) -> str:
    """Collapse the whitespace inside one cell (tabs and newlines would break the tab-separated rendering).

    A line break between two Chinese characters is a wrap inside the cell and is dropped, not turned into a space.
    """
    parts = [" ".join(line.split()) for line in (text or "").splitlines()]
    out = ""
    for part in filter(None, parts):
        out += part if out and _is_cjk(out[-1]) and _is_cjk(part[0]) else (" " + part if out else part)
    return out


def expand_spans(rows: Sequence[Sequence[SpanCell]]) -> tuple[tuple[str, ...], ...]:
    """Lay marked-up rows on a grid: a merged cell's text goes in its first slot, "" in every slot it spans."""
    grid: dict[tuple[int, int], str] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            colspan, rowspan = max(1, cell.colspan), max(1, cell.rowspan)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = clean_cell(cell.text) if dr == dc == 0 else ""
            c += colspan
            width = max(width, c)
    height = len(rows)
    return tuple(tuple(grid.get((r, c), "") for c in range(width)) for r in range(height))


def render_table(rows: Iterable[Sequence[str | None]]) -> str:
    """Render table rows as tab-separated lines (None → ""), trailing empty cells kept so columns stay aligned."""
    return "\n".join("\t".join(clean_cell(cell) for cell in row) for row in rows)


def table_block(rows: Iterable[Sequence[str | None]]) -> TableBlock:
    """Build a TableBlock from rows of cell texts."""
    return TableBlock(rows=tuple(tuple(clean_cell(cell) for cell in row) for row in rows))
