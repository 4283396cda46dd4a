"""Human labels for template keys (tables, rows, columns), read from the template data and the lexicon's label maps.

Users see 行政复议 · 结果维持 or 予以公开 · 总计, never the internal keys 复议.维持 or 三.一.

    >>> metric_label("复议诉讼", "数量", "复议.维持")
    '行政复议 · 结果维持'
"""

from __future__ import annotations

from govqa.qa import lexicon as lx
from govqa.qa.compose import col_label as printed_col_label
from govqa.ui.metrics import find_row, find_table, metric_catalog

SEP = " · "


def table_label(table: str) -> str:
    """The table's title as the template prints it, e.g. 收到和处理政府信息公开申请情况."""
    found = find_table(metric_catalog(), table)
    return found.title if found else table


def row_label(table: str, row: str) -> str:
    """A row's name without its numbering key: 予以公开, 新收政府信息公开申请, 行政许可 ('' when the columns say it all)."""
    if table == "申请":
        return lx.ROW_SHORT.get(row, row)
    if row in lx.ROW_LABELS.get(table, {}):
        return lx.ROW_LABELS[table][row]
    found = find_row(metric_catalog(), table, row)
    return found.label if found else row


def col_label(table: str, col: str) -> str:
    """A column's name with its group spelled out: 行政复议 · 结果维持, 总计."""
    return printed_col_label(table, col).replace(" ", SEP)


def metric_label(table: str, row: str, col: str) -> str:
    """Row and column as one human label, e.g. 予以公开 · 总计 or 行政复议 · 结果维持."""
    return SEP.join(x for x in (row_label(table, row), col_label(table, col)) if x)
