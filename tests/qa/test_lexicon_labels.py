"""Row labels of answers and sources are read from the template data (issue 14): every template row has one."""

from __future__ import annotations

import pytest

from govqa.index.templates import load_templates
from govqa.qa import lexicon as lx

ROWS = sorted({(name, row.key, row.label) for t in load_templates().values() for name, table in t.tables.items()
               for row in table.rows})


@pytest.mark.parametrize(("table", "key", "label"), ROWS)
def test_every_template_row_has_an_answer_label(table: str, key: str, label: str) -> None:
    assert key in lx.ROW_LABELS[table]
    if table == "申请":
        assert lx.ROW_SHORT[key]
        # the source line shows the row's numbering: 一、… / （三）… / 不予公开 5.…
        assert lx.ROW_LABELS[table][key][0] in "一二三四（" or lx.ROW_LABELS[table][key][:4] in {"不予公开", "无法提供", "不予处理", "其他处理"}


def test_leaf_labels_come_from_the_template_and_notes_are_dropped() -> None:
    applications = {row.key: row for row in load_templates()["2021"].tables["申请"].rows}
    assert lx.ROW_SHORT["三.三.5"] == applications["三.三.5"].label
    assert lx.ROW_LABELS["申请"]["三.三.5"] == f"不予公开 5.{applications['三.三.5'].label}"
    assert lx.ROW_LABELS["申请"]["一"] == f"一、{applications['一'].label}"
    # 部分公开（区分处理的，…）: the bracketed note stays in the template, not in answers
    assert lx.ROW_SHORT["三.二"] == "部分公开" and lx.ROW_LABELS["申请"]["三.二"] == "（二）部分公开"


def test_group_headings_the_template_leaves_out_are_named() -> None:
    assert lx.ROW_LABELS["申请"]["三.三"] == "（三）不予公开" and lx.ROW_SHORT["三.五"] == "不予处理"
