"""Arithmetic kinds of round 18 (issue 15), over a real SQLite store written for these tests (numbers of our own): two
columns of one 表二 row set against each other (处理决定数量是上一年项目数量的百分之多少, 是几倍); several column sums over
the same agencies in one turn, a clause naming only a column (上一年项目数量加起来多少？本年增减加起来又是多少？); the outcome
rates the catalogue names for each 表三 row (不予处理率, 其他处理率, 部分公开率, 予以公开率)."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, assert_value, review_cells, written_store

from govqa.core.config import Settings
from govqa.core.types import Cell
from govqa.index.store import Store

EAST, WEST = "云岭市东湖区人民政府", "云岭市西山区司法局"


def _row(row: str, before: int, change: int, decisions: int) -> list[Cell]:
    """One 2019-template 表二 row: 上一年项目数量, 本年增/减 (signed), 处理决定数量."""
    return [Cell("主动公开", row, "上一年项目数量", float(before), str(before)),
            Cell("主动公开", row, "本年增/减", float(change), f"{change:+d}"),
            Cell("主动公开", row, "处理决定数量", float(decisions), str(decisions))]


def _outcomes(granted: int, partial: int, ignored: int, other: int) -> list[Cell]:
    """表三 outcomes of one year (三.三 and 三.四 0), 三.七 their sum."""
    total = granted + partial + ignored + other
    return (application_cells("一", total) + application_cells("三.一", granted) + application_cells("三.二", partial)
            + application_cells("三.五.1", ignored) + application_cells("三.六", other) + application_cells("三.七", total))


@pytest.fixture
def store(settings: Settings) -> Store:
    # 东湖区 2019: 行政许可 40/+6/25, 行政处罚 120/-8/90; 表三 予以公开 12, 部分公开 3, 不予处理 4, 其他处理 1 (总计 20)
    # 西山区司法局 2019: 行政许可 10/+2/5, 行政处罚 30/+4/60
    east = (_row("行政许可", 40, 6, 25) + _row("行政处罚", 120, -8, 90) + _outcomes(12, 3, 4, 1) + review_cells()
            + [Cell("主动公开", "政府集中采购", "采购项目数量", 4.0, "4"), Cell("主动公开", "政府集中采购", "采购总金额", 250.0, "250")])
    # 东湖区 2020: 行政许可 46/+4/30; 表三 予以公开 12, 部分公开 3, 不予处理 8, 其他处理 2 (总计 25)
    later = _row("行政许可", 46, 4, 30) + _row("行政处罚", 112, 3, 70) + _outcomes(12, 3, 8, 2) + review_cells()
    west = _row("行政许可", 10, 2, 5) + _row("行政处罚", 30, 4, 60) + _outcomes(5, 0, 0, 0) + review_cells()
    return written_store(settings.db_url, [
        Written("dh2019", EAST, "东湖区", 2019, east, template="2019", aliases=("东湖区",)),
        Written("xs2019", WEST, "西山区司法局", 2019, west, template="2019", aliases=("西山区司法局",)),
        Written("dh2020", EAST, "东湖区", 2020, later, template="2019", aliases=("东湖区",)),
    ])


DECISIONS_OVER_ITEMS = [
    "东湖区2019年行政许可的处理决定数量是上一年项目数量的百分之多少？",
    "东湖区2019年行政许可处理决定数相当于上一年项目数的多少",
    "东湖区2019年行政许可的处理决定数量占上一年项目数量的比例是多少",
    "东湖区2019年行政许可，处理决定数量是上一年项目数量的百分之多少",
    "东湖区2019年行政许可处理决定和上一年项目数量之比是多少（按百分比）",
    "2019年东湖区行政许可事项的处理决定数量占到上一年项目数量的几成",
    "东湖区2019年行政许可处理决定数量除以上一年项目数量是百分之几",
    "东湖区2019年行政许可处理决定数量与上一年项目数量的比是多少",
    "东湖区2019年行政许可的处理决定数和上一年项目数比起来是百分之几",
    "东湖区2019年行政许可处理决定数量与上一年项目数量的比值是多少",
]


@pytest.mark.parametrize("text", DECISIONS_OVER_ITEMS)
def test_two_columns_of_one_row_as_a_percent(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 62.5, "%")  # 25 / 40, never one cell
    assert "25" in (answer.formula or "") and "40" in (answer.formula or ""), answer.formula


def test_the_whole_named_first_is_the_denominator(store: Store, settings: Settings) -> None:
    assert_value(ask(store, settings, "东湖区2019年行政许可的上一年项目数量里，本年增减占多少比例"), 15.0, "%")  # 6 / 40


def test_the_change_over_the_items_is_a_ratio_of_columns(store: Store, settings: Settings) -> None:
    assert_value(ask(store, settings, "东湖区2019年行政处罚的本年增减是上一年项目数量的百分之多少"), -6.7, "%")  # −8 / 120


@pytest.mark.parametrize("text", [
    "西山区司法局2019年行政处罚的处理决定数量是上一年项目数量的几倍？",
    "西山区司法局2019年行政处罚处理决定数是上一年项目数的多少倍",
])
def test_two_columns_of_one_row_as_a_multiple(store: Store, settings: Settings, text: str) -> None:
    assert_value(ask(store, settings, text), 2.0, "倍")  # 60 / 30


def test_each_agency_gets_its_own_ratio(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "2019年东湖区和西山区司法局的行政许可处理决定数量分别是上一年项目数量的百分之多少")
    assert answer.found and "62.5%" in answer.text and "50%" in answer.text, answer.text


COLUMN_SUMS = [
    "2019年东湖区和西山区司法局两家的行政处罚事项，上一年项目数量加起来多少？本年增减加起来又是多少？",
    "东湖区和西山区司法局2019年行政处罚，上一年项目数量加起来多少？本年增减加起来又是多少？",
    "2019年东湖区、西山区司法局两家行政处罚的上一年项目数合计是多少，本年增减合计是多少",
    "2019年东湖区和西山区司法局的行政处罚，两家上一年项目一共多少？增减一共又是多少？",
]


@pytest.mark.parametrize("text", COLUMN_SUMS)
def test_two_column_sums_over_the_same_agencies(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found, answer.text
    assert "150" in answer.text and "-4" in answer.text.replace("−", "-"), answer.text  # 120 + 30; −8 + 4
    cited = {s.col for s in answer.sources}
    assert {"上一年项目数量", "本年增/减"} <= cited, answer.sources


RATES = [
    ("东湖区2019年的不予处理率是多少？", 20.0),  # 4 / 20
    ("东湖区2019年不予处理的比例", 20.0),
    ("东湖区2019年其他处理率", 5.0),  # 1 / 20
    ("东湖区2019年部分公开率是多少", 15.0),  # 3 / 20
    ("东湖区2019年全部公开率是多少", 60.0),  # 12 / 20
    ("东湖区2019年予以公开率", 60.0),
    ("东湖区2019年的公开率", 75.0),  # (12 + 3) / 20: still both rows
]


@pytest.mark.parametrize(("text", "expected"), RATES)
def test_each_outcome_rate_over_the_handled_total(store: Store, settings: Settings, text: str, expected: float) -> None:
    assert_value(ask(store, settings, text), expected, "%")


@pytest.mark.parametrize(("text", "expected"), [
    ("东湖区2019年行政处罚的处理决定数量比上一年项目数量少多少", 30),  # 120 − 90
    ("东湖区2019年行政处罚上一年项目数量和处理决定数量相差多少", 30),
    ("东湖区2019年行政处罚，上一年项目数比处理决定数多了几个", 30),
    ("东湖区2019年行政许可处理决定数量与上一年项目数量之间差多少", 15),  # 40 − 25
])
def test_two_columns_of_one_row_subtracted(store: Store, settings: Settings, text: str, expected: float) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, expected, "个")
    assert {s.col for s in answer.sources} == {"上一年项目数量", "处理决定数量"}, answer.sources


@pytest.mark.parametrize("text", [
    "东湖区和西山区司法局2019年两家的行政许可处理决定数量合计相当于上一年项目数量合计的百分之几",
    "2019年东湖区、西山区司法局加在一起，行政许可处理决定数量占上一年项目数量的比例是多少",
])
def test_two_columns_pooled_over_agencies(store: Store, settings: Settings, text: str) -> None:
    assert_value(ask(store, settings, text), 60.0, "%")  # (25 + 5) / (40 + 10)


def test_a_change_from_the_year_before_is_no_ratio_of_columns(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东湖区2019年行政处罚处理决定比上一年增加了多少")
    assert answer.unit != "%", answer.text  # the printed 本年增/减, never 处理决定 / 上一年项目


@pytest.mark.parametrize(("text", "figures"), [
    ("2019年东湖区和西山区司法局两家的行政许可，上一年项目数量加起来多少？处理决定加起来又是多少？本年增减呢？",
     ("50个", "30个", "8个")),  # 40 + 10, 25 + 5, 6 + 2
    ("2019年东湖区和西山区司法局两家行政许可的上一年项目数量和处理决定数量分别合计多少", ("50个", "30个")),
    ("2019年东湖区和西山区司法局行政许可，两家上一年项目数量一共多少，处理决定数量一共多少", ("50个", "30个")),
    ("东湖区、西山区司法局2019年合计有多少件申请予以公开？其他处理的呢？", ("17件", "1件")),  # 12 + 5, 1 + 0
])
def test_several_sums_over_the_same_agencies_each_answered(store: Store, settings: Settings, text: str,
                                                           figures: tuple[str, ...]) -> None:
    answer = ask(store, settings, text)
    assert answer.found, answer.text
    assert all(f"合计{f}" in answer.text for f in figures), answer.text


@pytest.mark.parametrize("text", [
    "东湖区2020年不予处理率比2019年变化了几个百分点",
    "东湖区2019年和2020年的不予处理率相差几个百分点",
    "东湖区不予处理率2020年较2019年变了多少个百分点",
    "东湖区2020年的不予处理率跟2019年比差了几个百分点",
])
def test_an_unsigned_change_of_a_rate_says_its_direction(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "个百分点", answer.text
    assert answer.value is not None and abs(answer.value) == pytest.approx(12.0), answer.text  # 32% − 20%
    assert "高12个百分点" in answer.text or "上升12个百分点" in answer.text, answer.text


@pytest.mark.parametrize("text", [
    "东湖区2020年收到的申请比2019年变化了百分之几",
    "东湖区2020年新收申请较2019年变动幅度是百分之多少",
    "东湖区2020年收到的申请跟2019年相比变了百分之几",
])
def test_an_unsigned_change_of_a_count_says_its_direction(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 25.0, "%")  # (25 − 20) / 20
    assert "增长25%" in answer.text or "增加25%" in answer.text or "上升25%" in answer.text, answer.text


def test_a_ratio_of_columns_for_each_year(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东湖区2019年和2020年行政许可处理决定数量分别是上一年项目数量的百分之多少")
    assert answer.found and "62.5%" in answer.text and "65.2%" in answer.text, answer.text  # 25 / 40, 30 / 46


def test_an_outcome_rate_pooled_over_agencies(store: Store, settings: Settings) -> None:
    assert_value(ask(store, settings, "2019年东湖区和西山区司法局合在一起的不予处理率是多少"), 16.0, "%")  # (4 + 0) / (20 + 5)


@pytest.mark.parametrize("text", [
    "东湖区2019年行政许可和行政处罚的处理决定数量分别相当于各自上一年项目数量的百分之几",
    "东湖区2019年行政许可、行政处罚两类，处理决定数各占上一年项目数的比例是多少",
])
def test_a_ratio_of_columns_for_each_listed_row(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and "62.5%" in answer.text and "75%" in answer.text, answer.text  # 25 / 40, 90 / 120


@pytest.mark.parametrize("text", [
    "东湖区和西山区司法局2019年两家的行政处罚事项合计比上一年增长了百分之几",
    "2019年东湖区、西山区司法局加起来，行政处罚事项数量较上年变化了百分之多少",
])
def test_a_pooled_change_of_items_from_the_printed_columns(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)  # no 2018 report: the 2019 reports print 本年增/减 and 上一年项目数量
    assert_value(answer, -2.7, "%")  # (−8 + 4) / (120 + 30)
    assert {s.col for s in answer.sources} == {"本年增/减", "上一年项目数量"}, answer.sources


def test_a_pooled_change_of_items_as_a_count(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东湖区和西山区司法局2019年两家的行政许可事项合计比上一年增加了多少项")
    assert answer.found and "合计8个" in answer.text, answer.text  # 6 + 2


@pytest.mark.parametrize("text", [
    "东湖区2019年政府集中采购总金额除以采购项目数量是多少",
    "东湖区2019年政府集中采购的采购金额与项目数量之比是多少",
])
def test_an_amount_over_a_count_is_the_per_item_average(store: Store, settings: Settings, text: str) -> None:
    assert_value(ask(store, settings, text), 62.5, "万元")  # 250 / 4: never a percent


@pytest.mark.parametrize("text", [
    "2019年东湖区和西山区司法局，行政许可处理决定数量相当于上一年项目数量的比例哪家高？高几个百分点？",
    "2019年东湖区的行政许可处理决定数占上一年项目数的比例比西山区司法局高几个百分点",
])
def test_a_ratio_of_columns_compared_between_agencies(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 12.5, "个百分点")  # 62.5% − 50%
    assert "东湖区" in answer.text, answer.text


@pytest.mark.parametrize("text", [
    "东湖区行政许可处理决定数量占上一年项目数量的比例，2020年比2019年高了几个百分点",
    "东湖区行政许可处理决定数量相当于上一年项目数量的百分比，2020年较2019年变化了几个百分点",
])
def test_a_ratio_of_columns_compared_between_years(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 2.7, "个百分点")  # 65.2% − 62.5%
    assert "高2.7个百分点" in answer.text, answer.text
