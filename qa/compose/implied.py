"""The note an answer carries when it uses a blank cell that the table's 勾稽关系 prove to be 0.

    >>> implied_note(hits)
    '（注：某厅2019年报告表三中“不予公开”的8项未填；按勾稽关系（办理结果总计2 = 予以公开2），未填各项只能为0。）'
"""

from __future__ import annotations

from collections.abc import Sequence

from govqa.core.types import CellHit
from govqa.qa import lexicon as lx
from govqa.qa.compose.labels import col_label, number_text
from govqa.qa.implied_zeros import roots


def _name(hit: CellHit) -> str:
    """A cell as the note names it: 予以公开, 部分公开（自然人）, 行政复议 结果维持."""
    if hit.table != "申请":
        return col_label(hit.table, hit.col)
    row = lx.ROW_SHORT.get(hit.row, hit.row)
    return row if hit.col == "总计" else f"{row}（{hit.col}）"


def _relation(total: CellHit, parts: Sequence[CellHit]) -> str:
    """One relation used: 办理结果总计2 = 予以公开2 (a total of 0: 部分公开为0)."""
    if not parts:
        return f"{_name(total)}为{number_text(total.value)}"
    return f"{_name(total)}{number_text(total.value)} = " + " + ".join(f"{_name(p)}{number_text(p.value)}" for p in parts)


def implied_note(hits: Sequence[CellHit]) -> str:
    """（注：…中“…”等n项未填；按勾稽关系（总计 = 各项之和），未填各项只能为0。）per report; '' when none is implied."""
    notes = []
    for report in dict.fromkeys(h.report for h in hits if h.implied):
        mine = [h for h in hits if h.report == report and h.implied]
        names = list(dict.fromkeys(_name(h) for h in mine))
        items = f"“{names[0]}”" + (f"等{len(names)}项" if len(names) > 1 else "一项")
        groups = {h.row.rsplit(".", 1)[0] for h in mine if h.row.count(".") == 2}
        if len(names) > 1 and len(groups) == 1 and len(mine) == len({h.row for h in mine}) and all(
                h.row.count(".") == 2 for h in mine):  # every leaf of one group, in one column: 不予公开的8项
            items = f"“{lx.ROW_SHORT.get(groups.pop(), '')}”的{len(names)}项"
        relations = list(dict.fromkeys(_relation(t, p) for h in mine for t, p in roots(h)))
        ref, table = mine[0], lx.TABLE_NAMES.get(mine[0].table, mine[0].table)
        notes.append(f"{ref.agency}{ref.year}年报告{table}中{items}未填；按勾稽关系（{'；'.join(relations)}），"
                     f"{'未填各项' if len(names) > 1 else '此项'}只能为0")
    return f"（注：{'。'.join(notes)}。）" if notes else ""
