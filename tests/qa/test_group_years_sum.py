"""A described group of rows added over several reports (qa/arith_shares.py group_count_answer): 2022年和2023年最终公开
（含部分公开）的申请一共几件 = (予以公开 + 部分公开) of each year, added; the bracket naming 部分公开 is the group's own
words, not the row asked. Wordings of our own, over a real SQLite store; a year not stored is named, never a 0."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, written_store

from govqa.core.config import Settings
from govqa.core.types import Cell, Metric, Question
from govqa.index.store import Store
from govqa.qa import arith


def _year(granted: int, partly: int, refused: int, cannot: int) -> list[Cell]:
    return (application_cells("一", 40) + application_cells("三.一", granted) + application_cells("三.二", partly)
            + application_cells("三.三.1", refused) + application_cells("三.四.1", cannot)
            + application_cells("三.五.1", 0) + application_cells("三.六.1", 1) + application_cells("三.七", 40))


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, [Written("ny21", "临川市农业农村局", "农业农村局", 2021, _year(9, 1, 2, 3)),
                                           Written("ny22", "临川市农业农村局", "农业农村局", 2022, _year(12, 3, 1, 4)),
                                           Written("ny23", "临川市农业农村局", "农业农村局", 2023, _year(20, 5, 0, 2))])



@pytest.mark.parametrize("text", [
    "临川市农业农村局2022年和2023年最终公开（含部分公开）的申请一共几件？",
    "临川市农业农村局2022、2023两年公开的申请（含部分公开）合计多少件",
    "临川市农业农村局2022年与2023年公开了的申请加起来有多少件？",
    "临川市农业农村局2022年和2023年被公开的申请累计有多少",
    "临川市农业农村局2022年和2023年予以公开和部分公开的申请总数一共是多少？",
    "2022年、2023年临川市农业农村局获得公开（包括部分公开）的申请总共几件",
])
def test_a_group_added_over_two_years(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "件" and answer.value == 40, answer.text  # (12 + 3) + (20 + 5)
    cited = {(s.report, s.row) for s in answer.sources}
    assert {("ny22", "三.一"), ("ny22", "三.二"), ("ny23", "三.一"), ("ny23", "三.二")} <= cited
    assert "ny21" not in {s.report for s in answer.sources}


def test_three_years_of_a_span(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "临川市农业农村局2021年到2023年公开（含部分公开）的申请累计多少件？")
    assert answer.found and answer.value == 50, answer.text  # 10 + 15 + 25


def test_the_other_group_over_years(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "临川市农业农村局2022年和2023年没公开的申请一共多少件？")
    assert answer.found and answer.value == 9, answer.text  # (1 + 4 + 0 + 1) + (0 + 2 + 0 + 1)


def test_one_year_with_the_row_in_brackets(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "临川市农业农村局2023年最终公开（含部分公开）的申请有几件？")
    assert answer.found and answer.value == 25, answer.text  # 20 + 5, not 部分公开 alone


def test_a_year_not_stored_is_named(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "临川市农业农村局2020年和2023年最终公开（含部分公开）的申请一共几件？")
    assert "2020年的年度报告" in answer.text and "未计入" in answer.text, answer.text  # 2023's own sum, 2020 named


def test_recognised_by_arith() -> None:
    q = Question(text="甲局2021年和2023年最终公开（含部分公开）的申请一共几件", agencies=("甲局",), years=(2021, 2023),
                 metric=Metric("申请", "三.二", "总计"), intent="sum")
    assert arith.recognise(q)


@pytest.mark.parametrize("text", [
    "临川市农业农村局这几年公开（含部分公开）的申请一共多少件？",
    "临川市农业农村局历年被公开的申请累计有多少件",
])
def test_every_year_stored(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == 50, answer.text  # 10 + 15 + 25


@pytest.mark.parametrize("text", [
    "临川市农业农村局2022年和2023年不予公开和无法提供的申请一共多少件？",
    "临川市农业农村局2022年和2023年没能公开的申请（不予公开、无法提供）两年加起来有多少件",
    "临川市农业农村局2022、2023年不予公开加上无法提供的申请合计多少",
])
def test_listed_rows_added_over_two_years(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == 7, answer.text  # (1 + 4) + (0 + 2)
    assert {("ny22", "三.三.1"), ("ny23", "三.四.1")} <= {(s.report, s.row) for s in answer.sources}
