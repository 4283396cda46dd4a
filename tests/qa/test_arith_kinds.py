"""Kinds of arithmetic question met in round 2 (issues 15 and 13): a bare 公开 beside 部分公开, an agency whose name holds
a joining character, a group's total asked by its name (因各种原因无法提供) or through its listed sub-rows (…等原因无法提供),
and a change between two years asked in percent (变化了百分之几, 增减了百分之多少). Over a real SQLite store whose cells are
written for these tests (real-looking numbers, one agency, two years)."""

from __future__ import annotations

import pytest
from written_stores import Written, ask, open_cells, written_store
from written_stores import application_cells as _apply

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell, Finding, Metric
from govqa.index.store import Store
from govqa.qa.figures import opened_named
from govqa.qa.understand import find_metric

AGENCY = "某某市自然资源和规划局"


def _open(row: str, decisions: int) -> list[Cell]:
    return open_cells(row, 本年处理决定数量=decisions)


YEARS = {
    2021: (_apply("一", 30) + _apply("三.一", 12) + _apply("三.二", 4) + _apply("三.三.1", 1) + _apply("三.四.1", 6)
           + _apply("三.四.2", 2) + _apply("三.四.3", 1) + _apply("三.七", 26) + _open("行政许可", 250) + _open("行政处罚", 40)),
    2023: (_apply("一", 36) + _apply("三.一", 15) + _apply("三.二", 3) + _apply("三.四.1", 9) + _apply("三.四.2", 4)
           + _apply("三.四.3", 2) + _apply("三.七", 33) + _open("行政许可", 300) + _open("行政处罚", 30) + _open("行政强制", 6)),
}
RUN_TOGETHER = {2021: (Finding("ambiguous", "主动公开", "行政强制", "", "主动公开 行政强制: printed '1212' for 3 columns; "
                                                                 "no cells taken"),)}


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, [Written(f"zr{year}", AGENCY, "自然资源和规划局", year, cells,
                                                   RUN_TOGETHER.get(year, ()), ("市自然资源局",))
                                           for year, cells in YEARS.items()])



def cited(answer: Answer) -> list[tuple[int | None, str | None, str | None]]:
    return [(s.year, s.row, s.col) for s in answer.sources]


@pytest.mark.parametrize(("text", "said"), [
    ("公开和部分公开加起来占多少", "予以公开和部分公开加起来占多少"),
    ("部分公开与公开的申请一共几件", "部分公开与予以公开的申请一共几件"),
    ("不予公开和部分公开各多少", "不予公开和部分公开各多少"),  # 不予公开 is its own row
    ("主动公开和部分公开", "主动公开和部分公开"),
])
def test_a_bare_gongkai_beside_partly_disclosed_is_the_disclosed_row(text: str, said: str) -> None:
    assert opened_named(text) == said


def test_disclosed_and_partly_disclosed_added_up_as_a_share(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2023年办理的申请当中，公开跟部分公开合在一起占比是多少？")
    assert (answer.found, answer.value, answer.unit) == (True, 54.5, "%")
    assert answer.formula == "予以公开和部分公开的申请占比 = (予以公开 15 + 部分公开 3) / 办理结果总计 33 = 54.5%"
    assert cited(answer) == [(2023, "三.一", "总计"), (2023, "三.二", "总计"), (2023, "三.七", "总计")]


def test_an_agency_name_holding_he_is_not_split_into_two_figures(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2021年作出的行政许可与行政处罚决定各有多少个？")
    assert answer.found and "行政许可处理决定数量250个" in answer.text and "行政处罚处理决定数量40个" in answer.text
    assert cited(answer) == [(2021, "行政许可", "本年处理决定数量"), (2021, "行政处罚", "本年处理决定数量")]


def test_a_sum_across_rows_for_an_agency_whose_name_holds_he(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2023年许可决定加上处罚决定总共多少个？")
    assert (answer.found, answer.value) == (True, 330.0)
    assert answer.formula == "行政许可处理决定数量 300 + 行政处罚处理决定数量 30 = 330"


def test_a_group_asked_by_its_name_with_a_cause_word_is_its_total(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2023年因为种种原因没法提供的申请合计有几件？")
    assert (answer.found, answer.value, answer.unit) == (True, 15.0, "件")
    assert [r for _, r, _ in cited(answer)] == ["三.四.1", "三.四.2", "三.四.3"]


def test_sub_rows_listed_before_deng_stand_for_their_group() -> None:
    assert find_metric("不掌握、需另行制作等原因无法提供的申请") == Metric("申请", "三.四", "总计")
    assert find_metric("本机关不掌握相关信息的申请") == Metric("申请", "三.四.1", "总计")
    assert find_metric("属于国家秘密等情形的申请") == Metric("申请", "三.三.1", "总计")  # no group named after 等


def test_a_group_total_in_a_series(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2021至2023年因不掌握、没有现成信息等原因无法提供的申请各年是多少？")
    assert answer.found and answer.series is not None
    assert [(p.year, p.value) for p in answer.series.points] == [(2021, 9.0), (2022, None), (2023, 15.0)]
    assert {r for _, r, _ in cited(answer)} == {"三.四.1", "三.四.2", "三.四.3"}


@pytest.mark.parametrize(("question", "value", "formula"), [
    ("自然资源和规划局行政处罚决定2023年较2021年变化了百分之几？", -25.0,
     "增长率 = (2023年 30 − 2021年 40) / 2021年 40 = -25%"),
    ("自然资源和规划局2023年的行政许可决定比2021年增减了百分之多少？", 20.0,
     "增长率 = (2023年 300 − 2021年 250) / 2021年 250 = 20%"),
])
def test_a_change_between_two_years_asked_in_percent_is_a_rate(store: Store, settings: Settings, question: str,
                                                               value: float, formula: str) -> None:
    answer = ask(store, settings, question)
    assert (answer.found, answer.value, answer.unit, answer.formula) == (True, value, "%", formula)
    assert [y for y, _, _ in cited(answer)] == [2021, 2023]


def test_a_change_against_a_named_year_with_no_direction_is_signed(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2023年的行政处罚决定与2021年相比变化了多少？")
    assert (answer.found, answer.value, answer.unit) == (True, -10.0, "个")
    assert answer.formula == "2023年 30个 − 2021年 40个 = -10个"


def test_a_growth_rate_over_a_span_compares_its_two_ends(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局行政许可决定2021到2023年的增长率是多少？")
    assert (answer.found, answer.value, answer.unit) == (True, 20.0, "%")
    assert "2022年" in answer.text  # the year between, not in the store, is said (not counted, not a zero)


def test_a_share_of_a_whole_named_at_length(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2021年予以公开加部分公开占全部办理结果总数的百分之几？")
    assert (answer.found, answer.value, answer.unit) == (True, 61.5, "%")
    assert cited(answer) == [(2021, "三.一", "总计"), (2021, "三.二", "总计"), (2021, "三.七", "总计")]


def test_a_year_whose_row_runs_its_digits_together_is_a_gap_said_as_such(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2021年到2023年每年的行政强制决定有多少个？")
    assert answer.found and answer.series is not None
    assert [(p.year, p.value) for p in answer.series.points] == [(2021, None), (2022, None), (2023, 6.0)]
    assert "2021年的报告中这一行数字连在一起" in answer.text and "不按零计" in answer.text


def test_de_before_he_is_no_word_of_sum(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2023年公开的和部分公开的申请合计几件？")
    assert (answer.found, answer.value, answer.formula) == (True, 18.0, "予以公开 15 + 部分公开 3 = 18")
    listed = ask(store, settings, "自然资源和规划局2023年公开的和部分公开的申请各几件？")
    assert (listed.found, listed.value, listed.formula) == (True, None, None) and "合计" not in listed.text
    assert [r for _, r, _ in cited(listed)] == ["三.一", "三.二"]


def test_gelei_beside_a_word_of_sum_asks_the_total(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2021年各类无法提供的申请加起来是多少件？")
    assert (answer.found, answer.value) == (True, 9.0)


def test_a_range_of_change_is_a_rate(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2023年行政许可决定同2021年比，增减幅度是多少？")
    assert (answer.found, answer.value, answer.unit) == (True, 20.0, "%")


def test_an_indicator_over_the_years_is_computed_for_each_year_held(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局这几年的公开率是怎么变化的？")
    assert answer.found and answer.value is None and answer.unit == "%"
    assert "2021年公开率为61.5%" in answer.text and "2023年公开率为54.5%" in answer.text
    assert answer.text.count("2022年的报告不在知识库中") == 1 and "不按零计" in answer.text
    assert sorted({y for y, _, _ in cited(answer)}) == [2021, 2023]


def test_an_undirected_change_over_a_span_compares_its_ends(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2021至2023年行政许可决定变化了多少？")
    assert (answer.found, answer.value, answer.formula) == (True, 50.0, "2023年 300个 − 2021年 250个 = 50个")


def test_a_summed_share_over_the_years_stays_summed(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2021年和2023年公开与部分公开合计占比各是多少？")
    assert answer.found and answer.text.count("予以公开和部分公开的申请占比为") == 2
    assert "2021年予以公开和部分公开的申请占比为61.5%" in answer.text and "54.5%" in answer.text


def test_disclosed_including_partly_disclosed_is_the_disclosure_rate(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "自然资源和规划局2021年公开（包括部分公开）的申请占比是多少？")
    assert (answer.found, answer.value) == (True, 61.5)
    assert answer.formula == "公开率 = (予以公开 12 + 部分公开 4) / 办理结果总计 26 = 61.5%"
