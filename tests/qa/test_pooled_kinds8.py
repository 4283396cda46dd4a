"""Figures pooled over several agencies (issue 15, qa/pooled.py), each kind in wordings of our own: one agency's share
of what every agency of a place received in a year (各部门收到的申请中，交通运输局占几成), an indicator over the summed
cells of the agencies listed or of a whole place (合在一起的公开率 = Σ分子 / Σ分母, not the average of rates), a pooled
share (各部门新收的申请中法人或其他组织占比), and the neighbouring kinds: pooled 不予公开率 / 结转率 / 复议纠错率 and an
agency's share of all 复议 cases. An agency of the place without a report of the year, or whose cell is not printed,
is named and left out of the sums, never counted as 0. Over a real SQLite store written for these tests."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, review_cells, written_store

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell
from govqa.index.store import Store


def _rows(group: str, values: list[int]) -> list[Cell]:
    return [c for i, v in enumerate(values, 1) for c in application_cells(f"{group}.{i}", v)]


NONE = dict(科研机构=0, 社会公益组织=0, 法律服务机构=0, 其他=0)
# 海岚区 2023: 交通运输局, 公安局, 教育局 print every table; 卫生健康委员会 prints 新收 0 only (no 办理结果, no 表四);
# 民政局 has a 2022 report only; 云川市财政局 is another place (never pooled with 海岚区)
TRAFFIC = (application_cells("一", 40, 自然人=30, 商业企业=10, **NONE) + application_cells("二", 2)
           + application_cells("三.一", 20) + application_cells("三.二", 4) + _rows("三.三", [1, 0, 0, 0, 2, 1, 0, 0])
           + _rows("三.四", [5, 1, 0]) + application_cells("三.七", 36) + application_cells("四", 6)
           + review_cells(复议_维持=2, 复议_纠正=1, 复议_总计=3))
POLICE = (application_cells("一", 8, 自然人=8, 商业企业=0, **NONE) + application_cells("二", 0)
          + application_cells("三.一", 2) + application_cells("三.二", 2) + _rows("三.三", [1, 0, 0, 0, 0, 0, 0, 0])
          + _rows("三.四", [2, 0, 0]) + application_cells("三.七", 8) + application_cells("四", 0)
          + review_cells(复议_维持=1, 复议_总计=1))
SCHOOLS = (application_cells("一", 2, 自然人=2, 商业企业=0, **NONE) + application_cells("二", 0)
           + application_cells("三.一", 0) + application_cells("三.二", 0) + _rows("三.三", [0] * 8)
           + _rows("三.四", [0, 0, 0]) + application_cells("三.七", 2) + application_cells("四", 0) + review_cells())
HEALTH = application_cells("一", 0)
PLACE = "海岚区"


@pytest.fixture
def store(settings: Settings) -> Store:
    reports = [Written("jt23", f"{PLACE}交通运输局", "交通运输局", 2023, TRAFFIC),
               Written("ga23", f"{PLACE}公安局", "公安局", 2023, POLICE),
               Written("jy23", f"{PLACE}教育局", "教育局", 2023, SCHOOLS),
               Written("wj23", f"{PLACE}卫生健康委员会", "卫生健康委员会", 2023, HEALTH),
               Written("mz22", f"{PLACE}民政局", "民政局", 2022, application_cells("一", 7)),
               Written("cz23", "云川市财政局", "财政局", 2023, application_cells("一", 100) + application_cells("三.七", 90))]
    reports.append(Written("jt22", f"{PLACE}交通运输局", "交通运输局", 2022, application_cells("三.一", 5)
                           + application_cells("三.二", 1) + application_cells("三.七", 14)))
    return written_store(settings.db_url, reports)



def cited(answer: Answer) -> set[tuple[str, str | None, str | None]]:
    return {(s.report, s.row, s.col) for s in answer.sources}


def expect(answer: Answer, value: float) -> None:
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(value, abs=0.05), answer.text


@pytest.mark.parametrize("text", [
    "2023年海岚区各部门收到的政府信息公开申请中，交通运输局一家就占了百分之多少？",
    "2023年海岚区各单位新收的信息公开申请里，交通运输局占了几成？",
    "海岚区2023年所有机关新收的依申请公开中交通运输局所占比重是多少",
    "2023年海岚区全区收到的申请，交通运输局占比多少？",
    "海岚区各部门2023年新收申请当中，交通运输局的占比是多少？",
    "2023年海岚区各局收到的申请里交通运输局占多大比例",
    "2023年海岚区全部单位新收政府信息公开申请中交通运输局占百分之几",
    "交通运输局2023年收到的申请占海岚区各部门合计的百分之多少？",
    "海岚区交通运输局2023年新收的申请占全区所有申请的几成？",
])
def test_an_agencys_share_of_all_the_agencies_of_a_place(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    expect(answer, 80.0)  # 40 / (40 + 8 + 2 + 0)
    assert {("jt23", "一", "总计"), ("ga23", "一", "总计"), ("jy23", "一", "总计"), ("wj23", "一", "总计")} <= cited(answer)
    assert "云川市" not in answer.text and "民政局" in answer.text  # another place is no part; a missing report is named


def test_a_share_of_the_granted_ones(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "2023年海岚区各部门予以公开的申请里，公安局的占比是多少？")
    expect(answer, 9.1)  # 2 / (20 + 2 + 0); 卫生健康委员会 prints no 予以公开: named, left out
    assert ("jt23", "三.一", "总计") in cited(answer) and "卫生健康委员会" in answer.text


def test_a_share_of_all_review_cases(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "2023年海岚区各部门的行政复议案件中，交通运输局占了多少比例？")
    expect(answer, 75.0)  # 3 / (3 + 1 + 0)


@pytest.mark.parametrize("text", [
    "把2023年海岚区交通运输局、公安局、教育局的依申请公开放在一起算，整体公开率是多少？",
    "2023年海岚区交通运输局、公安局和教育局这几家合在一起，公开率是多少？",
    "海岚区交通运输局、公安局、教育局2023年的申请合起来看，公开率多少",
    "2023年交通运输局、公安局、教育局加在一起的总体公开率？",
    "交通运输局、公安局、教育局2023年汇总计算的公开率是多少",
    "2023年海岚区交通运输局、公安局、教育局合计的公开率",
])
def test_an_indicator_over_listed_agencies(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    expect(answer, 60.9)  # (20 + 4 + 2 + 2 + 0 + 0) / (36 + 8 + 2), not the mean of 66.7%, 50%, 0%
    assert answer.formula and "予以公开 22 + 部分公开 6" in answer.formula and "46" in answer.formula


def test_two_rows_over_two_agencies(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "交通运输局和公安局2023年的信息公开申请合起来看，予以公开和部分公开一共占办理总数的百分之几？")
    expect(answer, 63.6)  # 28 / 44


@pytest.mark.parametrize("text", [
    "2023年海岚区各部门的整体公开率是多少？",
    "海岚区所有部门2023年合在一起的公开率",
])
def test_an_indicator_over_a_whole_place(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    expect(answer, 60.9)  # 卫生健康委员会 prints no 办理结果: named, not counted as 0
    assert "卫生健康委员会" in answer.text and "民政局" in answer.text


@pytest.mark.parametrize("text", [
    "2023年海岚区各部门新收的信息公开申请中，由法人或其他组织提出的占百分之几？",
    "2023年海岚区各单位收到的申请里法人或其他组织申请占比是多少",
    "海岚区全区2023年的申请人中，法人或其他组织合计占几成",
])
def test_a_pooled_share(store: Store, settings: Settings, text: str) -> None:
    expect(ask(store, settings, text), 20.0)  # 10 / (40 + 8 + 2)


@pytest.mark.parametrize(("text", "value"), [
    ("2023年海岚区各部门合在一起的不予公开率是多少？", 10.9),  # (4 + 1 + 0) / 46
    ("海岚区各部门2023年整体的结转率是多少", 11.5),  # 6 / (40 + 8 + 2 + 2)
    ("2023年海岚区交通运输局、公安局、教育局的行政复议合起来，复议纠错率是多少？", 25.0),  # 1 / (3 + 1 + 0)
])
def test_neighbouring_pooled_indicators(store: Store, settings: Settings, text: str, value: float) -> None:
    expect(ask(store, settings, text), value)


@pytest.mark.parametrize("text", [
    "2023年海岚区各部门的公开率分别是多少？",
    "2023年海岚区哪个部门的公开率最高？",
    "海岚区交通运输局2023年的公开率是多少？",
])
def test_per_agency_questions_stay_per_agency(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.formula is None or "家合计" not in answer.formula, answer.text


def test_an_agencys_own_share_among_the_agencies_stays_its_own(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "2023年海岚区各部门中，交通运输局的予以公开占比是多少？")
    assert answer.formula is None or "公安局" not in answer.formula, answer.text  # 20 / 36 of its own, not of all


@pytest.mark.parametrize(("text", "value"), [
    ("2023年海岚区交通运输局、公安局、教育局三家新收的申请中，交通运输局占比多少？", 80.0),  # 40 / (40 + 8 + 2)
    ("2023年交通运输局和公安局收到的申请，公安局占几成？", 16.7),  # 8 / (40 + 8)
    ("海岚区交通运输局、公安局、教育局这几家2023年予以公开的申请里，公安局所占比重是多少？", 9.1),  # 2 / 22
])
def test_an_agencys_share_of_the_agencies_listed(store: Store, settings: Settings, text: str, value: float) -> None:
    answer = ask(store, settings, text)
    expect(answer, value)
    assert "卫生健康委员会" not in (answer.formula or "")  # only the agencies listed are the whole


def test_a_whole_of_one_report_stays_that_reports(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "海岚区交通运输局2023年予以公开的申请占全部办理结果的比例是多少？")
    expect(answer, 55.6)  # 20 / 36: 全部 with no place before it is the report's own 办理结果


@pytest.mark.parametrize(("text", "value", "first"), [
    ("2023年海岚区各部门收到的申请中，哪家占比最高？", 80.0, "交通运输局"),
    ("海岚区各单位2023年新收的信息公开申请里，哪个部门所占比例最大", 80.0, "交通运输局"),
    ("2023年海岚区各部门新收申请中占比最低的是哪个单位？", 0.0, "卫生健康委员会"),
])
def test_a_ranking_of_shares(store: Store, settings: Settings, text: str, value: float, first: str) -> None:
    answer = ask(store, settings, text)
    expect(answer, value)
    assert answer.text.split("（", 1)[0].endswith(first), answer.text
    assert "云川市" not in answer.text and "财政局" not in answer.text


@pytest.mark.parametrize("text", [
    "海岚区交通运输局2022年和2023年合在一起算，公开率是多少？",
    "交通运输局2022、2023两年加起来的整体公开率",
])
def test_one_agencys_years_pooled(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    expect(answer, 60.0)  # (5 + 1 + 20 + 4) / (14 + 36)
    assert {("jt22", "三.七", "总计"), ("jt23", "三.七", "总计")} <= cited(answer)


def test_a_span_asked_as_a_trend_is_no_pool(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "海岚区交通运输局2022年到2023年公开率整体的变化趋势？")
    assert answer.formula is None or "合计" not in answer.formula, answer.text


def test_a_listed_agency_without_a_report_is_named(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "2023年海岚区交通运输局、公安局、民政局合起来的公开率是多少？")
    expect(answer, 63.6)  # (20 + 4 + 2 + 2) / (36 + 8); 民政局 has no 2023 report: named, not counted
    assert "民政局" in answer.text
