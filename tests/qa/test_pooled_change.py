"""A figure pooled over every agency of a place (or the ones listed) set against the same pool of another year
(qa/pooled_change.py): the growth rate, the difference, a pooled rate's change in points, each in wordings of our own.
Each year's sum cites every cell; agencies that report in one year only are named (the two sums cover different
agencies: said, not hidden); a base of 0 is said. Over a real SQLite store written for these tests."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, written_store

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell, Question
from govqa.index.store import Store
from govqa.qa import arith

PLACE = "青屿区"


def _agency(received: int, granted: int, partly: int, handled: int) -> list[Cell]:
    return (application_cells("一", received) + application_cells("三.一", granted) + application_cells("三.二", partly)
            + application_cells("三.七", handled))


# 2022: 交通运输局 20, 公安局 10, 民政局 5 (2022 only) = 35; 2023: 交通运输局 30, 公安局 15, 教育局 4 (2023 only) = 49
REPORTS = [
    Written("jt22", f"{PLACE}交通运输局", "交通运输局", 2022, _agency(20, 10, 2, 20)),
    Written("ga22", f"{PLACE}公安局", "公安局", 2022, _agency(10, 4, 0, 10)),
    Written("mz22", f"{PLACE}民政局", "民政局", 2022, _agency(5, 2, 0, 5)),
    Written("jt23", f"{PLACE}交通运输局", "交通运输局", 2023, _agency(30, 20, 4, 30)),
    Written("ga23", f"{PLACE}公安局", "公安局", 2023, _agency(15, 9, 0, 15)),
    Written("jy23", f"{PLACE}教育局", "教育局", 2023, _agency(4, 1, 0, 4)),
    Written("jt21", f"{PLACE}交通运输局", "交通运输局", 2021, _agency(0, 0, 0, 0)),
    Written("ga21", f"{PLACE}公安局", "公安局", 2021, _agency(0, 0, 0, 0)),
    Written("cz23", "云川市财政局", "财政局", 2023, _agency(100, 50, 0, 100)),
]


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, REPORTS)



def cited(answer: Answer) -> set[tuple[str, str | None]]:
    return {(s.report, s.row) for s in answer.sources}


@pytest.mark.parametrize("text", [
    "青屿区各部门2023年新收的信息公开申请总数较2022年变化了百分之多少？",
    "2023年青屿区各单位收到的政府信息公开申请总量比2022年增长了百分之几",
    "青屿区所有机关2023年新收申请合计，比2022年增长了多少？",
    "青屿区全区2023年新收的依申请公开总数同比增长了百分之多少",
    "青屿区各部门新收申请总数2022年到2023年变化了百分之几？",
    "与2022年相比，青屿区各部门2023年新收的申请一共增加了百分之几？",
    "青屿区各个部门2023年合计收到的申请，较2022年增幅是多少",
    "青屿区全部单位2023年新收申请总量比2022年上升了百分之多少？",
])
def test_a_place_pooled_growth_rate(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(40.0), answer.text  # (49 − 35) / 35
    assert {("jt22", "一"), ("ga22", "一"), ("mz22", "一"), ("jt23", "一"), ("ga23", "一"), ("jy23", "一")} <= cited(answer)
    assert answer.formula and "35" in answer.formula and "49" in answer.formula
    assert "民政局只有2022年" in answer.text and "教育局只有2023年" in answer.text  # the sets differ: said
    assert "财政局" not in answer.text  # another place is no part of the pool


def test_a_fall_asked_is_its_size(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "青屿区各部门2022年新收申请总数比2023年下降了百分之几？")
    assert answer.found and answer.value == pytest.approx(28.6), answer.text  # (35 − 49) / 49 = −28.6%


@pytest.mark.parametrize("text", [
    "青屿区各部门2023年新收申请合计比2022年多了多少件？",
    "青屿区全区收到的申请总数，2023年比2022年增加了多少",
])
def test_a_place_pooled_difference(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "件" and answer.value == 14, answer.text
    assert answer.formula and "49" in answer.formula and "35" in answer.formula


def test_listed_agencies_pooled(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "青屿区公安局和交通运输局2023年新收申请总数比2022年增长了百分之几？")
    assert answer.found and answer.value == pytest.approx(50.0), answer.text  # (45 − 30) / 30
    assert "注意" not in answer.text  # the same two agencies both years


def test_a_pooled_rate_in_points(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "青屿区各部门合在一起，2023年的公开率比2022年提高了几个百分点？")
    # 2022: (16 + 2) / 35 = 51.4%; 2023: (30 + 4) / 49 = 69.4%; +18.0
    assert answer.found and answer.unit == "个百分点" and answer.value == pytest.approx(18.0), answer.text
    assert ("mz22", "三.七") in cited(answer) and ("jy23", "三.一") in cited(answer)


def test_a_base_of_zero_is_said(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "青屿区各部门2022年新收申请总数比2021年增长了百分之几？")
    assert not answer.found and answer.reason == "no-data" and "分母为0" in answer.text


def test_each_agency_is_no_pool(store: Store, settings: Settings) -> None:
    q = Question(text="青屿区各部门2023年新收申请比2022年增长最多的是哪个部门", agencies=(), years=(2022, 2023))
    from govqa.qa.pooled_change import recognise

    assert not recognise(q)


def test_recognised_by_arith() -> None:
    from govqa.core.types import Metric

    q = Question(text="平川县各部门2023年新收申请总数较2022年变化了百分之多少", agencies=(), years=(2022, 2023),
                 metric=Metric("申请", "一", "总计"), scope=("平川县甲局", "平川县乙局"))
    assert arith.recognise(q)


@pytest.mark.parametrize("text", [
    "青屿区各部门2023年平均每个部门收到多少申请，比2022年变化了多少？",
    "青屿区全区2023年平均每家单位新收的申请数比2022年多了多少",
])
def test_an_average_per_agency_in_two_years(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    # 2022: 35 / 3 = 11.67; 2023: 49 / 3 = 16.33
    assert answer.found and answer.value == pytest.approx(4.67, abs=0.01), answer.text
    assert answer.formula and "平均每家" in answer.formula
