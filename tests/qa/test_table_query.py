"""The table route's SQL over a real SQLite store holding hand-typed seed cells."""

from __future__ import annotations

from govqa.core.types import Metric
from govqa.qa.table_query import compare_metric, find_reports, metric_values

QU, HSB, ZBB = "宁夏回族自治区人民政府办公厅", "吴忠市红寺堡区人民政府", "银川市西夏区镇北堡镇人民政府"


def test_one_cell(mini_store) -> None:
    [mv] = metric_values(mini_store, Metric("申请", "一", "总计"), agencies=[QU], years=[2020])
    assert mv.value == 4447 and mv.raw == "4447" and mv.report.agency == QU


def test_group_row_sums_its_leaves(mini_store) -> None:
    [mv] = metric_values(mini_store, Metric("申请", "三.三", "总计"), agencies=[QU])
    assert mv.value == 5 and {c.row for c in mv.cells} == {"三.三.1", "三.三.5"}


def test_composite_column_sums_direct_and_after_review(mini_store) -> None:
    [mv] = metric_values(mini_store, Metric("复议诉讼", "数量", "诉讼.总计"), agencies=[QU])
    assert mv.value == 13 and sorted(c.value for c in mv.cells) == [6, 7]


def test_missing_cell_is_none_not_zero(mini_store) -> None:
    [mv] = metric_values(mini_store, Metric("主动公开", "规章", "本年新制作数量"), agencies=[ZBB])
    assert mv.value is None and mv.cells == ()


def test_year_filter_finds_nothing_for_absent_year(mini_store) -> None:
    assert find_reports(mini_store, agencies=[HSB], years=[2019]) == []


def test_compare_metric_sorted_with_broken_flag(mini_store) -> None:
    rows = compare_metric(mini_store, table="申请", row="一", col="总计")
    assert [(r["short_name"], r["value"]) for r in rows] == [("自治区人民政府办公厅", 4447), ("红寺堡区", 8), ("镇北堡镇", 0)]
    assert [r["broken"] for r in rows] == [False, False, True]
    assert set(rows[0]) == {"report", "agency", "short_name", "year", "value", "raw", "broken"}


def test_compare_metric_amounts_keep_raw(mini_store) -> None:
    rows = compare_metric(mini_store, table="主动公开", row="政府集中采购", col="采购总金额")
    assert [r["raw"] for r in rows] == ["18336.88 万", "2154.97万元", "40.94 万元"]


def test_an_ambiguous_row_answers_from_the_cells_its_readings_share(tmp_path) -> None:
    from govqa.core.types import Cell, Finding, ParsedReport, Report, TableResult
    from govqa.index.store import Store

    store = Store(f"sqlite:///{tmp_path / 'amb.db'}")
    # printed '45 -310' for three columns: 45|-3|10 and 45|-31|0 both keep the relations; only 45 is certain
    cells = (Cell("主动公开", "行政许可", "上一年项目数量", 45.0, "45"),)
    finding = Finding("ambiguous", "主动公开", "行政许可", "", "主动公开 行政许可: printed '45 -310'; 2 readings")
    report = Report(id="bbbbbbbbbbb1", source="b.txt", agency="云州市交通局", short_name="交通局", aliases=(), year=2021,
                    template="2019", title="云州市交通局2021年政府信息公开工作年度报告", content_hash="b" * 60, text="")
    store.save(ParsedReport(report, (), TableResult(cells, (finding,), "2019"), (finding,)))
    [kept] = metric_values(store, Metric("主动公开", "行政许可", "上一年项目数量"), agencies=["云州市交通局"])
    assert kept.value == 45 and kept.unread == ()
    [open_cell] = metric_values(store, Metric("主动公开", "行政许可", "本年增/减"), agencies=["云州市交通局"])
    assert open_cell.value is None and [u.kind for u in open_cell.unread] == ["ambiguous"]
