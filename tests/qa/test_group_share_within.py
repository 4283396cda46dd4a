"""One row's share within a group of rows the question lists (qa/arith_within.py): 没能公开的申请（不予公开、无法提供、
不予处理）里无法提供的占比 = 无法提供 / (不予公开 + 无法提供 + 不予处理), 其他处理 left out because the list leaves it out;
the group in brackets or in words, before or after the part. Wordings of our own, over a real SQLite store."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, written_store

from govqa.core.config import Settings
from govqa.core.types import Cell
from govqa.index.store import Store
from govqa.qa.arith_within import listed_group_share


def _rows(group: str, values: list[int]) -> list[Cell]:
    return [c for i, v in enumerate(values, 1) for c in application_cells(f"{group}.{i}", v)]


# 不予公开 6, 无法提供 30 (25 + 3 + 2), 不予处理 4, 其他处理 10; 2022's three rows all 0
CELLS = (application_cells("一", 90) + application_cells("三.一", 30) + application_cells("三.二", 10)
         + _rows("三.三", [2, 0, 1, 0, 3, 0, 0, 0]) + _rows("三.四", [25, 3, 2]) + _rows("三.五", [1, 3, 0, 0, 0])
         + _rows("三.六", [10, 0, 0]) + application_cells("三.七", 90))
ZERO = (application_cells("一", 5) + application_cells("三.一", 5) + application_cells("三.二", 0)
        + _rows("三.三", [0] * 8) + _rows("三.四", [0, 0, 0]) + _rows("三.五", [0] * 5) + _rows("三.六", [0, 0, 0])
        + application_cells("三.七", 5))


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, [Written("sw23", "临川市水务局", "水务局", 2023, CELLS),
                                           Written("sw22", "临川市水务局", "水务局", 2022, ZERO)])



@pytest.mark.parametrize("text", [
    "临川市水务局2023年没能公开的申请（不予公开、无法提供、不予处理）里，无法提供的占比是多少？",
    "临川市水务局2023年不予公开、无法提供和不予处理这几类申请中，无法提供的占多少？",
    "2023年临川市水务局没有公开的（不予公开、无法提供、不予处理）当中，无法提供占了几成",
    "临川市水务局2023年无法提供占不予公开、无法提供、不予处理三项合计的比例是多少？",
    "临川市水务局2023年无法提供的申请在没公开的（不予公开、无法提供、不予处理）里占多大比例",
    "在不予公开、无法提供、不予处理这些没公开的申请里面，临川市水务局2023年无法提供的比例是多少",
    "临川市水务局2023年未公开的申请（不予公开、无法提供、不予处理）中，有百分之几是无法提供？",
])
def test_a_rows_share_within_the_rows_listed(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(75.0), answer.text  # 30 / (6 + 30 + 4)
    assert answer.formula and "不予处理 4)" in answer.formula and "其他处理" not in answer.formula
    cited = {(s.report, s.row) for s in answer.sources}
    assert {("sw23", "三.四.1"), ("sw23", "三.三.5"), ("sw23", "三.五.2")} <= cited and ("sw23", "三.六.1") not in cited


def test_two_rows_listed(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "临川市水务局2023年不予公开和无法提供的申请当中，不予公开的占几成？")
    assert answer.found and answer.value == pytest.approx(16.7), answer.text  # 6 / 36


def test_a_reason_within_the_rows_listed(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "临川市水务局2023年不予公开、无法提供、不予处理三类申请里面，因信息不存在而无法提供的占几成？")
    assert answer.found and answer.value == pytest.approx(62.5), answer.text  # 25 / 40


def test_a_group_of_zero_is_said(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "临川市水务局2022年没能公开的申请（不予公开、无法提供、不予处理）里，无法提供的占比是多少？")
    assert not answer.found and answer.value is None and "0" in answer.text, answer.text


@pytest.mark.parametrize("text", [
    "不予公开和无法提供加起来占比多少",  # the group's own share of all outcomes
    "公开了的申请里，部分公开的占多少",  # a described group, no list: qa/arith_shares.py
    "不予公开或者无法提供的占多少",
])
def test_no_list_with_a_part_is_no_share_within(text: str) -> None:
    assert listed_group_share(text) is None
