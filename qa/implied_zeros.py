"""Blank cells that the table's own 勾稽关系 prove to be 0.

A count is never negative, so when a printed total already equals the sum of the printed parts it is made of,
every part printed blank must be 0 (办理结果总计 2 = 予以公开 2: the blank 不予公开 … 其他处理 rows are 0); a
total proven 0 makes the blank cells of its own row 0 in turn (a blank row's 自然人 … 其他 when its 总计 is 0).

Only relations that are plain sums (三.七 = 一 + 二 − 四 proves nothing about a blank 二), only cells printed blank
or rows whose label is printed with no values: a row not found, a row of run-together digits, a table whose
relations are broken or a missing table or report is never filled. The cells stay out of the store: `govqa
tables --json` shows what was printed, and the answer that uses a derived 0 says so (qa/compose/implied.py).

    >>> derive_zeros(table, ref, hits, blank={("三.二", ""), ("三.六", "")})[("三.二", "总计")].basis
    (<三.七 总计 = 2>, <三.一 总计 = 2>)
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence

from govqa.core.types import Cell, CellHit, ReportRef
from govqa.index.templates import Relation, TableTemplate

DERIVABLE_TABLES = frozenset({"申请", "复议诉讼"})  # 表二's rows are no sums; its run-together rows stay unread

Key = tuple[str, str]  # (row, col)


def _instances(relation: Relation, cols_of: dict[str, tuple[str, ...]]) -> Iterator[tuple[Key, list[Key]]]:
    """Each (total, parts) the relation makes in this table: one per row (axis row) or per column (axis column)."""
    if relation.axis == "row":
        for row, cols in cols_of.items():
            if relation.target in cols:
                yield (row, relation.target), [(row, c) for c in relation.plus if c in cols]
        return
    if relation.target not in cols_of:
        return
    for col in cols_of[relation.target]:
        yield (relation.target, col), [(r, col) for r in relation.plus if col in cols_of.get(r, ())]


def derive_zeros(table: TableTemplate, ref: ReportRef, hits: Sequence[CellHit],
                 blank: Collection[Key]) -> dict[Key, CellHit]:
    """The blank cells of one report's table that its sum relations prove to be 0, each with its basis (the
    total and the non-zero parts read); ``blank`` holds (row, col) cells printed blank and (row, "") rows."""
    if table.name not in DERIVABLE_TABLES:
        return {}
    cols_of = {r.key: r.cols for r in table.rows}
    read = {(h.row, h.col): h for h in hits}
    derived: dict[Key, CellHit] = {}
    changed = True
    while changed:  # a derived total may prove its own row's parts
        changed = False
        for relation in table.relations:
            if relation.minus:
                continue
            for target, parts in _instances(relation, cols_of):
                total = read.get(target) or derived.get(target)
                if total is None or not parts:
                    continue
                known = [h for p in parts if (h := read.get(p) or derived.get(p)) is not None]
                open_ = [p for p in parts if p not in read and p not in derived]
                if not open_ or any(p not in blank and (p[0], "") not in blank for p in open_):
                    continue  # a part neither read nor printed blank: nothing is proven
                if abs(sum(h.value for h in known) - total.value) > 1e-9:
                    continue  # the relation does not close on the printed cells
                basis = (total, *(h for h in known if h.value))
                for row, col in open_:
                    derived[(row, col)] = CellHit(ref, Cell(table.name, row, col, 0.0, ""), basis)
                changed = True
    return derived


def roots(hit: CellHit) -> list[tuple[CellHit, tuple[CellHit, ...]]]:
    """The relations a derived cell rests on, outermost first: (total, non-zero parts) each, printed cells last."""
    out: list[tuple[CellHit, tuple[CellHit, ...]]] = []
    seen: set[tuple[str, str, str]] = set()
    todo = [hit]
    while todo:
        cur = todo.pop()
        if not cur.implied:
            continue
        total, *parts = cur.basis
        key = (total.report, total.row, total.col)
        if key in seen:
            continue
        seen.add(key)
        out.append((total, tuple(parts)))
        todo.extend(cur.basis)
    return out[::-1]
