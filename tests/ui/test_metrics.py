"""Tests of qa/metrics.py: the metric catalog built from the template data files."""

from __future__ import annotations

from govqa.ui.metrics import find_row, find_table, metric_catalog


def test_catalog_groups_as_the_template() -> None:
    catalog = metric_catalog()
    assert [t.key for t in catalog] == ["主动公开", "申请", "复议诉讼"]
    assert find_table(catalog, "申请").title == "收到和处理政府信息公开申请情况"  # type: ignore[union-attr]


def test_rows_and_columns_of_both_versions() -> None:
    catalog = metric_catalog()
    rows = [r.key for r in find_table(catalog, "申请").rows]  # type: ignore[union-attr]
    assert rows[:3] == ["一", "二", "三.一"] and rows[-2:] == ["三.七", "四"]
    assert {"三.六", "三.六.1", "三.六.2", "三.六.3"} <= set(rows) and len(rows) == len(set(rows)) == 26
    first = find_row(catalog, "申请", "一")
    assert first is not None and first.display == "一 本年新收政府信息公开申请数量"
    assert [c.key for c in first.cols] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    # 规章 is printed in both versions, with other columns in each
    rules = find_row(catalog, "主动公开", "规章")
    assert rules is not None and rules.templates == ("2019", "2021")
    assert [c.key for c in rules.cols] == ["本年新制作数量", "本年新公开数量", "对外公开总数量", "本年制发件数", "本年废止件数", "现行有效件数"]
    buying = find_row(catalog, "主动公开", "政府集中采购")
    assert buying is not None and buying.templates == ("2019",)
    assert [c.display for c in buying.cols] == ["采购项目数量", "采购总金额（万元）"]
    suits = find_row(catalog, "复议诉讼", "数量")
    assert suits is not None and suits.display == "数量" and len(suits.cols) == 15 and suits.cols[-1].key == "复议后诉.总计"
    assert find_row(catalog, "申请", "五") is None and find_table(catalog, "表四") is None
