"""Kinds of arithmetic and trend question met in round 5 (issues 15 and 13), each in several wordings of its own:
a share within a group the question names first (不予公开的申请里，因内部事务信息的占多少 is of 不予公开, not of all
outcomes; 法人或其他组织中商业企业占几成 is of the organisations); growth in percent from the 2019 template's own
上一年项目数量 and 本年增/减; 全部公开 / 直接公开 as 予以公开 alone (never 公开率); applications handled (办理 / 处理)
over the years as the outcomes' total, received ones (收到 / 新收) as row 一. Over a real SQLite store whose cells are
written for these tests (real-looking numbers)."""

from __future__ import annotations

import pytest
from written_stores import Written, ask, written_store

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell
from govqa.index.store import Store
from govqa.qa.understand import find_metric

AGENCY = "某某区交通运输局"


def _apply(row: str, total: int, col: str = "总计") -> list[Cell]:
    return [Cell("申请", row, col, float(total), str(total))]


def _open(row: str, col: str, value: int) -> list[Cell]:
    return [Cell("主动公开", row, col, float(value), str(value))]


def _rows(group: str, values: list[int]) -> list[Cell]:
    return [c for i, v in enumerate(values, 1) for c in _apply(f"{group}.{i}", v)]


# 2022: 不予公开 2 + 6 + 4 = 12 (内部事务 6 of them), 无法提供 9 + 3 + 0 = 12 (本机关不掌握 9), 办理结果 54, 予以公开 24,
# 部分公开 6; applicants 自然人 40, organisations 12 + 0 + 2 + 6 + 0 = 20 (商业企业 12), 60 in all
Y2022 = (_apply("一", 60) + _apply("一", 40, "自然人") + _apply("一", 12, "商业企业") + _apply("一", 0, "科研机构")
         + _apply("一", 2, "社会公益组织") + _apply("一", 6, "法律服务机构") + _apply("一", 0, "其他")
         + _apply("三.一", 24) + _apply("三.二", 6) + _rows("三.三", [2, 0, 0, 0, 6, 4, 0, 0]) + _rows("三.四", [9, 3, 0])
         + _apply("三.七", 54))
# 2019 template: 行政许可 40 the year before, +10 (25%); 行政处罚 200 the year before, -30 (-15%)
Y2019 = (_apply("一", 30) + _apply("三.七", 28) + _open("行政许可", "上一年项目数量", 40) + _open("行政许可", "本年增/减", 10)
         + _open("行政处罚", "上一年项目数量", 200) + _open("行政处罚", "本年增/减", -30)
         + [Cell("复议诉讼", "数量", "直诉.总计", 3.0, "3"), Cell("复议诉讼", "数量", "复议后诉.总计", 1.0, "1")])
REPORTS = {2019: ("2019", Y2019), 2021: ("2021", _apply("一", 45) + _apply("三.七", 40)), 2022: ("2021", Y2022)}


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, [Written(f"jt{year}", AGENCY, "交通运输局", year, cells, aliases=("区交通局",),
                                                   template=template) for year, (template, cells) in REPORTS.items()])



def cited(answer: Answer) -> set[tuple[int | None, str | None, str | None]]:
    return {(s.year, s.row, s.col) for s in answer.sources}


@pytest.mark.parametrize(("text", "value", "whole"), [
    ("某某区交通运输局2022年不予公开的申请里，因属于三类内部事务信息的占了多少比例？", 50.0, "三.三.1"),
    ("某某区交通运输局2022年不予公开的申请中，内部事务信息占几成？", 50.0, "三.三.1"),
    ("某某区交通运输局2022年在不予公开的申请当中，属于内部事务的比例是多少？", 50.0, "三.三.1"),
    ("某某区交通运输局2022年不予公开的里面，内部事务信息的占比？", 50.0, "三.三.1"),
    ("某某区交通运输局2022年不予公开的申请之中，因为是内部事务信息的占百分之几？", 50.0, "三.三.1"),
    ("某某区交通运输局2022年不予公开的申请有多少件？其中内部事务信息占多少比例？", 50.0, "三.三.1"),
    ("某某区交通运输局2022年未予公开的申请里面内部事务信息所占比重？", 50.0, "三.三.1"),
    ("某某区交通运输局2022年拒绝公开的申请当中，有多大比例是内部事务信息？", 50.0, "三.三.1"),
    ("某某区交通运输局2022年不予公开的申请，有百分之几是因为内部事务信息？", 50.0, "三.三.1"),
    ("某某区交通运输局2022年内部事务信息占不予公开申请的比例？", 50.0, "三.三.1"),
    ("某某区交通运输局2022年因内部事务信息不予公开的申请占不予公开总数的百分之几？", 50.0, "三.三.1"),
    ("某某区交通运输局2022年无法提供的申请中，因本机关不掌握相关信息的占几成？", 75.0, "三.四.2"),
    ("某某区交通运输局2022年无法提供的申请里本机关不掌握的占多大比例？", 75.0, "三.四.2"),
    ("某某区交通运输局2022年在无法提供的那些申请里，本机关不掌握相关政府信息的所占比重是多少？", 75.0, "三.四.2"),
])
def test_a_share_within_a_named_group_is_of_that_group(store: Store, settings: Settings, text: str, value: float,
                                                      whole: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(value, abs=0.05), answer.text
    assert (2022, whole, "总计") in cited(answer)  # the group's sum is cited row by row
    assert (2022, "三.七", "总计") not in cited(answer)


@pytest.mark.parametrize(("text", "value"), [
    ("某某区交通运输局2022年法人或其他组织的申请中，商业企业占几成？", 60.0),
    ("某某区交通运输局2022年法人或其他组织提出的申请里，商业企业占多大比例？", 60.0),
    ("某某区交通运输局2022年的申请中，商业企业占多大比例？", 20.0),  # of all applicants
    ("某某区交通运输局2019年行政诉讼案件中，复议后起诉的占多少？", 25.0),
    ("某某区交通运输局2019年的行政诉讼里，未经复议直接起诉的比例是多少？", 75.0),
])
def test_a_share_within_applicants_or_suits(store: Store, settings: Settings, text: str, value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(value, abs=0.05), answer.text


@pytest.mark.parametrize("text", [
    "某某区交通运输局2022年因属于内部事务信息不予公开的申请占比是多少？",
    "某某区交通运输局2022年属于内部事务信息的申请占多大比例？",
])
def test_a_row_share_with_no_group_first_stays_of_all_outcomes(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(11.1, abs=0.05), answer.text


@pytest.mark.parametrize(("text", "value"), [
    ("某某区交通运输局2019年的行政许可项目数比上一年增长了百分之多少？", 25.0),
    ("某某区交通运输局2019年行政许可事项数量比上一年增长了百分之几？", 25.0),
    ("某某区交通运输局2019年行政许可事项比上一年增加了多少（按百分比）？", 25.0),
    ("某某区交通运输局2019年行政许可项目的增幅是多少？", 25.0),
    ("某某区交通运输局2019年行政许可比去年多了百分之几？", 25.0),
    ("某某区交通运输局2019年行政许可事项较上年的增长率？", 25.0),
    ("某某区交通运输局2019年行政许可项目同比增长百分之多少？", 25.0),
    ("某某区交通运输局2019年行政许可项目比上年增长多少%？", 25.0),
    ("某某区交通运输局2019年行政许可项目数量增长幅度？", 25.0),
    ("某某区交通运输局2019年行政许可比2018年增长了百分之几？", 25.0),
    ("某某区交通运输局2019年行政处罚事项比上一年下降了百分之几？", 15.0),  # a fall asked: its size
    ("某某区交通运输局2019年行政处罚项目数量跟上一年比变化了百分之多少？", -15.0),
])
def test_growth_in_percent_from_the_2019_templates_own_cells(store: Store, settings: Settings, text: str,
                                                             value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(value, abs=0.05), answer.text
    row = "行政许可" if "许可" in text else "行政处罚"
    assert {(2019, row, "本年增/减"), (2019, row, "上一年项目数量")} <= cited(answer)
    assert answer.question == text


def test_the_printed_change_as_a_count_stays_a_count(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "某某区交通运输局2019年行政许可比上一年增加了多少个？")
    assert answer.found and answer.value == 10 and answer.unit != "%", answer.text


@pytest.mark.parametrize("text", [
    "某某区交通运输局2022年办理的申请中，直接全部公开的占多少？",
    "某某区交通运输局2022年全部公开的比例是多少？",
    "某某区交通运输局2022年直接公开的申请占比？",
    "某某区交通运输局2022年完全公开的占几成？",
    "某某区交通运输局2022年有百分之几的申请是全部公开的？",
    "某某区交通运输局2022年申请中有几成是全部予以公开的？",
])
def test_all_disclosed_is_granted_alone_not_the_disclosure_rate(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(44.4, abs=0.05), answer.text
    assert (2022, "三.二", "总计") not in cited(answer)


def test_the_disclosure_rate_still_counts_partial_disclosure(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "某某区交通运输局2022年的公开率是多少？")
    assert answer.found and answer.value == pytest.approx(55.6, abs=0.05), answer.text


@pytest.mark.parametrize(("text", "row"), [
    ("每年办理的信息公开申请总数", "三.七"),
    ("每年处理的申请数量", "三.七"),
    ("办理了多少件政府信息公开申请", "三.七"),
    ("历年办理申请多少件", "三.七"),
    ("答复申请多少件", "三.七"),
    ("申请的办理总数", "三.七"),
    ("信息公开申请办理量", "三.七"),
    ("每年收到的申请数量", "一"),
    ("新收的信息公开申请", "一"),
    ("受理并办理的申请", "一"),
    ("不予处理的申请", "三.五"),
])
def test_handled_applications_are_the_outcomes_total(text: str, row: str) -> None:
    metric = find_metric(text)
    assert metric is not None and metric.row == row


def test_handling_time_is_no_row() -> None:
    assert find_metric("办理一件信息公开申请平均要多少天") is None


@pytest.mark.parametrize(("text", "values"), [
    ("某某区交通运输局2019到2022年每年办理的信息公开申请总数变化趋势？", [28, 40, 54]),
    ("某某区交通运输局近几年处理的申请数量是怎么变化的？", [28, 40, 54]),
    ("某某区交通运输局历年收到的申请数量变化？", [30, 45, 60]),
])
def test_a_trend_reads_handled_and_received_as_single_years_do(store: Store, settings: Settings, text: str,
                                                               values: list[int]) -> None:
    answer = ask(store, settings, text)
    assert answer.found, answer.text
    row = "三.七" if values[0] == 28 else "一"
    assert {(y, row, "总计") for y in (2019, 2021, 2022)} <= cited(answer)
    for v in values:
        assert f"{v}件" in answer.text
