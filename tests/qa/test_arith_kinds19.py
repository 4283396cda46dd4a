"""Arithmetic kinds of round 19 (issue 15), over a real SQLite store written for these tests (numbers of our own):
averages of money kept to 2 decimals (万元 amounts are printed so), a change between two years runs from the earlier
to the later unless the question says X比Y, and pooled figures: two 表二 rows in one share, a share pooled over years
(sum / sum), 公开（含部分公开） pooled over agencies, 复议 and 诉讼 cases added with their 纠正 outcomes."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, assert_value, open_cells, review_cells, written_store

from govqa.core.config import Settings
from govqa.core.types import Cell
from govqa.index.store import Store

EAST, WEST = "云岭市东湖区人民政府", "云岭市西山区司法局"


def _procurement(items: int, amount: str) -> list[Cell]:
    """The 2019-template 政府集中采购 row: 采购项目数量, 采购总金额 (万元, printed to 2 decimals)."""
    return [Cell("主动公开", "政府集中采购", "采购项目数量", float(items), str(items)),
            Cell("主动公开", "政府集中采购", "采购总金额", float(amount), amount)]


def _rules(row: str, new: int, whole: int) -> list[Cell]:
    """A 2019-template 表二 document row: 本年新公开数量, 对外公开总数量."""
    return open_cells(row, 本年新公开数量=new, 对外公开总数量=whole)


def _applications(new: int, carried: int, granted: int, partial: int) -> list[Cell]:
    """表三: 新收, 上年结转, 予以公开, 部分公开 (the rest 其他处理), 三.七 the outcomes' sum."""
    total = new + carried
    return (application_cells("一", new) + application_cells("二", carried) + application_cells("三.一", granted)
            + application_cells("三.二", partial) + application_cells("三.六", total - granted - partial)
            + application_cells("三.七", total))


def _east(year: int, licences: int, new: int, carried: int) -> list[Cell]:
    return (open_cells("行政许可", 处理决定数量=licences) + _applications(new, carried, 3, 1)
            + review_cells(复议_纠正=1, 复议_维持=2, 复议_总计=3, 直诉_维持=1, 直诉_总计=1, 复议后诉_纠正=1,
                           复议后诉_总计=1))


@pytest.fixture
def store(settings: Settings) -> Store:
    # 东湖区 2020: 采购 7 项 655.47 万元; 规章 新公开 2 / 总数 20, 规范性文件 新公开 10 / 总数 40; 行政许可 决定 15;
    #   新收 8, 上年结转 2; 予以公开 3, 部分公开 1; 复议 3 (纠正 1), 直诉 1, 复议后诉 1 (纠正 1)
    # 西山区司法局 2020: 采购 3 项 40.94 万元; 新收 5, 上年结转 0; 予以公开 3, 部分公开 1
    # 东湖区 2023: 行政许可 决定 127; 新收 6, 上年结转 4; 采购 4 项 301.00 万元
    east = _east(2020, 15, 8, 2) + _procurement(7, "655.47") + _rules("规章", 2, 20) + _rules("规范性文件", 10, 40)
    west = _procurement(3, "40.94") + _applications(5, 0, 3, 1) + review_cells()
    later = _east(2023, 127, 6, 4) + _rules("规章", 1, 21) + _rules("规范性文件", 5, 44) + _procurement(4, "301.00")
    return written_store(settings.db_url, [
        Written("dh2020", EAST, "东湖区", 2020, east, template="2019", aliases=("东湖区",)),
        Written("xs2020", WEST, "西山区司法局", 2020, west, template="2019", aliases=("西山区司法局",)),
        Written("dh2023", EAST, "东湖区", 2023, later, template="2019", aliases=("东湖区",)),
    ])


AVERAGE_POOLED = [
    "2020年东湖区和西山区司法局的政府集中采购合在一起，平均每个项目多少万元？",
    "2020年东湖区、西山区司法局政府集中采购放在一起算，平均每个项目多少万元",
    "东湖区和西山区司法局2020年的集中采购加起来，平均一个采购项目多少钱",
    "2020年东湖区与西山区司法局合计的政府集中采购平均每个项目金额是多少",
    "把2020年东湖区和西山区司法局的集中采购放一块，每个采购项目平均多少万元",
]


@pytest.mark.parametrize("text", AVERAGE_POOLED)
def test_a_pooled_average_of_money_keeps_two_decimals(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 69.64, "万元")  # 696.41 / 10 = 69.641, printed as the amounts are: 69.64, never 69.6
    assert "69.64万元" in answer.text, answer.text


def test_one_agency_average_of_money_keeps_two_decimals(store: Store, settings: Settings) -> None:
    assert_value(ask(store, settings, "东湖区2020年政府集中采购平均每个项目多少万元？"), 93.64, "万元")  # 655.47 / 7


CHANGE_NO_BASE = [
    "东湖区2020年和2023年相比，行政许可决定增加了多少件？",
    "东湖区2020年与2023年相比，行政许可处理决定数量增加了多少",
    "东湖区2020年跟2023年比，行政许可决定多了几件",
    "东湖区行政许可决定2020年和2023年比较，增加了多少个",
    "东湖区2020年同2023年相比行政许可处理决定的变化是多少",
    "东湖区2023年与2020年相比，行政许可决定增加了多少件",
    "东湖区2023年比2020年行政许可处理决定多了多少",
    "东湖区2023年较2020年行政许可处理决定增加了多少",
]


@pytest.mark.parametrize("text", CHANGE_NO_BASE)
def test_a_change_between_two_years_runs_from_the_earlier(store: Store, settings: Settings, text: str) -> None:
    assert_value(ask(store, settings, text), 112.0, "个")  # 127 − 15


def test_x_bi_y_keeps_its_order(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东湖区2020年比2023年行政许可处理决定多了多少")
    assert_value(answer, -112.0, "个")  # 2020年比2023年: 15 − 127, said as 少112个
    assert "少112" in answer.text, answer.text


SHARE_OVER_YEARS = [
    "东湖区2020年和2023年两年需办理的申请（新收加上年结转）中，上年结转过来的占多少？",
    "东湖区2020年和2023年这两年需要办理的申请里，上年结转的占百分之几",
    "东湖区2020、2023两个年度新收加上年结转的申请当中，上年结转的比例是多少",
    "东湖区2020年和2023年合在一起，上年结转的申请占需办理申请的比例是多少",
    "东湖区2020年和2023年上年结转的申请加起来，占两年需办理申请总数的百分之几",
]


@pytest.mark.parametrize("text", SHARE_OVER_YEARS)
def test_a_share_within_listed_years_is_pooled(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 30.0, "%")  # (2 + 4) / (10 + 10), never one share per year
    assert "2年合计" in (answer.formula or ""), answer.formula


TWO_ROWS_SHARE = [
    "东湖区2020年新公开的规章和规范性文件，占这两类对外公开总数的百分之几？",
    "东湖区2020年规章和规范性文件本年新公开的合计占两类对外公开总数量的比例是多少",
    "东湖区2020年规章、规范性文件加起来，本年新公开的占对外公开总数的几成",
    "东湖区2020年规章与规范性文件放在一起算，新公开的占对外公开总数的百分比",
    "东湖区2020年规章和规范性文件一共新公开的，占两项对外公开总数量的百分之多少",
]


@pytest.mark.parametrize("text", TWO_ROWS_SHARE)
def test_a_share_of_two_rows_adds_both_rows(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 20.0, "%")  # (2 + 10) / (20 + 40), never one row's 25%
    assert "规章和规范性文件" in answer.text, answer.text


def test_one_row_share_stays_one_row(store: Store, settings: Settings) -> None:
    assert_value(ask(store, settings, "东湖区2020年规范性文件对外公开总数里本年新公开的占几成"), 25.0, "%")  # 10 / 40


GROUP_POOLED = [
    "2020年东湖区和西山区司法局一共新收了几件信息公开申请？其中最终公开（含部分公开）的总共多少件？",
    "2020年东湖区和西山区司法局合计新收多少件申请？公开（包括部分公开）的合计多少件？",
    "东湖区和西山区司法局2020年加起来收到几件申请，予以公开和部分公开的一共几件",
    "2020年东湖区、西山区司法局两家合在一起，新收申请多少件？予以公开加部分公开的有几件？",
]


@pytest.mark.parametrize("text", GROUP_POOLED)
def test_a_described_group_is_pooled_with_its_rows(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found, answer.text
    assert "合计13件" in answer.text and "合计8件" in answer.text, answer.text  # 8 + 5; (3 + 1) + (3 + 1)
    cited = {(s.row, s.col) for s in answer.sources if s.row}
    assert {("三.一", "总计"), ("三.二", "总计")} <= cited, answer.sources


CASES_ADDED = [
    "东湖区2020年因政府信息公开引起的复议和诉讼案件总共多少件？其中被纠正的多少件？",
    "东湖区2020年行政复议和行政诉讼加起来有多少件？其中被纠正的有几件？",
    "东湖区2020年复议和诉讼的案件合计几件？其中纠正的有多少件？",
    "东湖区2020年复议、诉讼案件合计多少件？纠正的合计几件？",
    "东湖区2020年复议和诉讼一共多少件，被纠正的一共几件",
]


@pytest.mark.parametrize("text", CASES_ADDED)
def test_review_and_lawsuits_are_added_with_their_corrections(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found, answer.text
    assert "共5件" in answer.text and "共2件" in answer.text, answer.text  # 3 + (1 + 1); 纠正 1 + (0 + 1)
    cited = {s.col for s in answer.sources}
    assert {"复议.总计", "复议.纠正"} <= cited, cited


def test_review_and_lawsuits_added_in_one_clause(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东湖区2020年被申请行政复议和提起行政诉讼的一共多少件")
    assert_value(answer, 5.0, "件")


@pytest.mark.parametrize("text", ["东湖区2020年和2023年相比，平均每个采购项目金额相差多少万元？",
                                  "东湖区2023年与2020年比，采购项目平均金额差了多少"])
def test_a_gap_of_money_averages_is_in_wan_yuan(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 18.39, "万元")  # 93.6386 − 75.25, kept to 2 decimals, never 个百分点
    assert "个百分点" not in answer.text, answer.text
