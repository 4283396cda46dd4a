"""Arithmetic kinds of round 16 (issue 15), over a real SQLite store written for these tests (numbers of our own):
复议/诉讼 纠错 asked as 被纠错的比例 after a comma, a 0 denominator said so; listed years pooled into one share
(合在一起 / 汇总 / 总的来看 … 占几成); the mean of listed years (年均数 / 平均每年)."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, assert_value, review_cells, written_store

from govqa.core.config import Settings
from govqa.core.types import Cell
from govqa.index.store import Store
from govqa.qa import arith
from govqa.qa.catalog import Catalog
from govqa.qa.understand import understand


def _rows(group: str, values: list[int]) -> list[Cell]:
    return [c for i, v in enumerate(values, 1) for c in application_cells(f"{group}.{i}", v)]


def _report(new: int, granted: int, ignored: int) -> list[Cell]:
    return (application_cells("一", new) + application_cells("三.一", granted) + application_cells("三.二", 0)
            + _rows("三.三", [0] * 8) + _rows("三.四", [new - granted - ignored, 0, 0])
            + _rows("三.五", [ignored, 0, 0, 0, 0]) + application_cells("三.七", new))


AGENCY = "云川市商务局"


@pytest.fixture
def store(settings: Settings) -> Store:
    # 商务局 办理结果总计 / 不予处理: 2021 8 / 2, 2022 12 / 0, 2023 20 / 3 (pooled 5 / 40 = 12.5%); 复议 2023 none
    return written_store(settings.db_url, [
        Written("sw21", AGENCY, "商务局", 2021, _report(8, 5, 2) + review_cells(), aliases=("商务局",)),
        Written("sw22", AGENCY, "商务局", 2022, _report(12, 9, 0) + review_cells(), aliases=("商务局",)),
        Written("sw23", AGENCY, "商务局", 2023, _report(20, 14, 3) + review_cells(), aliases=("商务局",)),
    ])


ZERO_REVIEW = [
    "商务局2023年因为信息公开被申请行政复议的，被纠错的比例是多少？",
    "商务局2023年被申请复议的案件，纠错的占比多少",
    "商务局2023年行政复议，被纠正的比例是多少",
    "商务局2023年复议案件改判的比例",
    "商务局2023年行政复议被纠错的占几成",
    "商务局2023年被起诉的，败诉的比例是多少",
    "商务局2023年行政诉讼里被纠错的比例",
]


@pytest.mark.parametrize("text", ZERO_REVIEW)
def test_a_correction_rate_of_no_cases_is_not_found(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert not answer.found, answer.text  # 0 cases: the rate cannot be computed, never 0% nor the count
    assert "分母为0" in answer.text, answer.text


YEARS_POOLED = [
    "商务局2021、2022、2023三年办理的申请合在一起，被不予处理的占几成？给个百分比",
    "商务局2021年、2022年和2023年的申请合起来，不予处理的占多少",
    "商务局2021到2023年办理的申请放在一起，不予处理的比例是多少",
    "商务局2021、2022、2023年汇总，不予处理的申请占比",
    "商务局2021、2022、2023年总的来看，不予处理的占百分之几",
    "把商务局2021、2022、2023年办理的申请加在一起，不予处理所占比例",
    "商务局2021、2022、2023这三年合计，不予处理的申请占多少？用百分比表示",
    "商务局2021至2023年三年汇总起来，不予处理的百分比是多少",
    "商务局2021、2022、2023年放一起算，不予处理的占了几成，给个百分比",
]


@pytest.mark.parametrize("text", YEARS_POOLED)
def test_listed_years_pooled_into_one_share(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 12.5, "%")  # (2 + 0 + 3) / (8 + 12 + 20), never each year's share


YEARS_MEAN = [
    "商务局2021年与2023年办理结果总计的年均数是多少？",
    "商务局2021年和2023年办理结果总计年均多少件",
    "商务局2021年、2023年平均每年办理多少申请（办理结果总计）",
    "商务局2021、2023年办理结果总计每年平均是多少",
    "商务局2021年与2023年办理结果总计的均值",
    "商务局2021年和2023年办理结果总计的平均数",
]


@pytest.mark.parametrize("text", YEARS_MEAN)
def test_the_mean_of_listed_years(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 14.0, "件")  # (8 + 20) / 2
    assert "28" in answer.text, answer.text  # the sum the mean divides


@pytest.mark.parametrize("text", YEARS_POOLED[:3])
def test_round_16_pools_are_recognised_as_arithmetic(store: Store, text: str) -> None:
    assert arith.recognise(understand(text, catalog=Catalog.from_store(store)))


def _new(n: int) -> list[Cell]:
    return application_cells("一", n)


@pytest.fixture
def five(settings: Settings) -> Store:
    # 2022 新收: 滨江甲局 4, 滨江乙局 2 (滨江 6), 山阳丙局 10, 山阳丁局 12, 山阳戊局 7 (山阳 29); all 35
    return written_store(settings.db_url, [
        Written("a", "滨江省交通运输厅", "交通运输厅", 2022, _new(4), aliases=("滨江交通厅",)),
        Written("b", "滨江省水利厅", "水利厅", 2022, _new(2), aliases=("滨江水利厅",)),
        Written("c", "山阳市公安局", "公安局", 2022, _new(10), aliases=("山阳公安局",)),
        Written("d", "山阳市林业局", "林业局", 2022, _new(12), aliases=("山阳林业局",)),
        Written("e", "山阳市档案局", "档案局", 2022, _new(7), aliases=("山阳档案局",)),
    ])


FIVE = "滨江交通厅、滨江水利厅、山阳公安局、山阳林业局、山阳档案局"
SUBSET_SHARE = [
    f"2022年{FIVE}五家一共新收的申请里，滨江这两个厅占几成？",
    f"2022年{FIVE}五家新收的申请中，滨江的两家占了多少",
    f"2022年{FIVE}这五个单位新收的申请当中，滨江两个厅的占比是多少",
    f"2022年{FIVE}五家合计新收申请，滨江交通厅和滨江水利厅占百分之几",
    f"2022年{FIVE}五家新收的申请里，滨江交通厅、滨江水利厅所占比例",
]


@pytest.mark.parametrize("text", SUBSET_SHARE)
def test_a_subset_of_listed_agencies_share_of_their_sum(five: Store, settings: Settings, text: str) -> None:
    answer = ask(five, settings, text)
    assert_value(answer, 17.1, "%")  # (4 + 2) / 35, never the sum
    assert answer.formula and "(交通运输厅 4 + 水利厅 2) 6" in answer.formula, answer.formula


@pytest.mark.parametrize("text", SUBSET_SHARE[:2])
def test_a_subset_share_is_recognised_as_arithmetic(five: Store, text: str) -> None:
    assert arith.recognise(understand(text, catalog=Catalog.from_store(five)))


def test_the_other_group_is_its_own_subset(five: Store, settings: Settings) -> None:
    answer = ask(five, settings, f"2022年{FIVE}五家新收的申请中，山阳的三家占几成")
    assert_value(answer, 82.9, "%")  # 29 / 35


def test_one_listed_agency_share_still_one(five: Store, settings: Settings) -> None:
    answer = ask(five, settings, f"2022年{FIVE}五家新收的申请中，山阳林业局占比多少")
    assert_value(answer, 34.3, "%")  # 12 / 35


YEAR_SUBSET = [
    ("商务局2021、2022、2023年三年一共办理的申请里，后两年占几成？", 80.0),  # (12 + 20) / 40
    ("商务局2021、2022、2023年办理的申请合在一起，2022年和2023年占多少", 80.0),
    ("商务局2021年至2023年办理结果总计合计中，2023年占比多少", 50.0),  # 20 / 40
    ("商务局2021、2022、2023年三年办理的申请当中，前两年的占比是多少", 50.0),  # (8 + 12) / 40
    ("商务局2021、2022、2023这三年办理的申请里，最后一年占百分之几", 50.0),
]


@pytest.mark.parametrize(("text", "expected"), YEAR_SUBSET)
def test_a_subset_of_listed_years_share_of_their_sum(store: Store, settings: Settings, text: str,
                                                     expected: float) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, expected, "%")
    assert answer.formula and "/ (商务局2021年 8 + 商务局2022年 12 + 商务局2023年 20) 40" in answer.formula, answer.formula


def test_a_year_subset_is_recognised_as_arithmetic(store: Store) -> None:
    assert arith.recognise(understand(YEAR_SUBSET[0][0], catalog=Catalog.from_store(store)))
