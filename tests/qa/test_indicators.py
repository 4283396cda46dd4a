"""Indicators and arithmetic questions (qa/indicators.py, qa/indicators.toml, qa/arith.py) over a real SQLite store
whose cells are written for these tests (real-looking numbers, two agencies, two years)."""

from __future__ import annotations

from pathlib import Path

import pytest
from written_stores import Written, ask, written_store
from written_stores import application_cells as _apply
from written_stores import review_cells as _review

from govqa.core.config import Settings
from govqa.core.errors import GovqaError
from govqa.core.types import Answer, Finding
from govqa.index.store import Store
from govqa.qa.answer import answer_question
from govqa.qa.cli_ask import answer_json
from govqa.qa.indicators import (
    INDICATOR_COL,
    INDICATOR_TABLE,
    find_indicators,
    indicator_values,
    load_indicators,
    parse_catalogue,
)
from govqa.qa.service import GovQA
from govqa.qa.table_query import find_reports
from govqa.ui.metrics import compare_catalog

EAST, WEST = "某某市东城区人民政府", "某某市西城区人民政府"
EAST_2021 = (_apply("一", 40, 自然人=36, 商业企业=3, 其他=1) + _apply("二", 5) + _apply("三.一", 30) + _apply("三.二", 3)
             + _apply("三.三.1", 2) + _apply("三.三.5", 1) + _apply("三.四.1", 4) + _apply("三.七", 40) + _apply("四", 5)
             + _review(复议_纠正=1, 复议_维持=3, 复议_总计=4, 直诉_维持=2, 直诉_总计=2))
EAST_2022 = (_apply("一", 50, 自然人=45, 商业企业=5) + _apply("二", 5) + _apply("三.一", 40) + _apply("三.二", 5)
             + _apply("三.七", 50) + _apply("四", 5) + _review())
WEST_2022 = (_apply("一", 20, 自然人=20) + _apply("三.一", 10) + _apply("三.四.1", 2) + _apply("三.七", 16)
             + _review(复议_纠正=2, 复议_维持=3, 复议_总计=5))  # prints no 三.二 (部分公开) row
WEST_BROKEN = Finding("relation", "申请", "三.七", "总计", "三.七 ≠ sum of 三.* rows", 12.0, 16.0)

REPORTS = (("e21", EAST, "东城区", 2021, EAST_2021, ()), ("e22", EAST, "东城区", 2022, EAST_2022, ()),
           ("w22", WEST, "西城区", 2022, WEST_2022, (WEST_BROKEN,)))


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, [Written(rid, agency, short, year, cells, findings, (short[:2],))
                                           for rid, agency, short, year, cells, findings in REPORTS])



def cited(answer: Answer) -> list[tuple[int | None, str | None, str | None]]:
    return [(s.year, s.row, s.col) for s in answer.sources]


@pytest.mark.parametrize(("question", "value", "formula", "cells"), [
    ("东城区2021年的公开率是多少？", 82.5, "公开率 = (予以公开 30 + 部分公开 3) / 办理结果总计 40 = 82.5%",
     [("三.一", "总计"), ("三.二", "总计"), ("三.七", "总计")]),
    ("东城区2021年不予公开率", 7.5, "不予公开率 = 不予公开 3 / 办理结果总计 40 = 7.5%",
     [("三.三.1", "总计"), ("三.三.5", "总计"), ("三.七", "总计")]),
    ("东城区2021年无法提供的比例是多少", 10.0, "无法提供率 = 无法提供 4 / 办理结果总计 40 = 10%",
     [("三.四.1", "总计"), ("三.七", "总计")]),
    ("东城区2021年行政复议纠错率", 25.0, "复议纠错率 = 行政复议 结果纠正 1 / 行政复议 总计 4 = 25%",
     [("数量", "复议.纠正"), ("数量", "复议.总计")]),
    ("东城区2021年直接起诉的败诉率", 0.0, "直接起诉败诉率 = 未经复议直接起诉 结果纠正 0 / 未经复议直接起诉 总计 2 = 0%",
     [("数量", "直诉.纠正"), ("数量", "直诉.总计")]),
    ("东城区2021年结转率多少？", 11.1, "结转率 = 结转下年度继续办理的申请 5 / (新收政府信息公开申请 40 + 上年结转的申请 5) = 11.1%",
     [("四", "总计"), ("一", "总计"), ("二", "总计")]),
    ("东城区2021年自然人占比", 90.0, "自然人申请占比 = 自然人 36 / 新收政府信息公开申请 40 = 90%",
     [("一", "自然人"), ("一", "总计")]),
    ("东城区2021年部分公开的申请占多大比例？", 7.5, "部分公开的申请占比 = 部分公开 3 / 办理结果总计 40 = 7.5%",
     [("三.二", "总计"), ("三.七", "总计")]),  # a share of a row the catalogue does not name: of 办理结果总计
])
def test_each_indicator_shows_its_arithmetic_and_cites_every_cell(store: Store, settings: Settings, question: str,
                                                                    value: float, formula: str, cells: list) -> None:
    answer = ask(store, settings, question)
    assert (answer.found, answer.route, answer.value, answer.unit, answer.formula) == (True, "table", value, "%", formula)
    assert formula in answer.text
    assert [(r, c) for _, r, c in cited(answer)] == cells and {y for y, _, _ in cited(answer)} == {2021}


def test_applicant_make_up_gives_both_shares(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东城区2021年申请人构成如何？")
    assert answer.found and answer.value is None and answer.unit == "%"
    assert "自然人 36 / 新收政府信息公开申请 40 = 90%" in answer.text
    assert "法人或其他组织 4 / 新收政府信息公开申请 40 = 10%" in answer.text
    assert ("一", "商业企业") in [(r, c) for _, r, c in cited(answer)] and ("一", "其他") in [(r, c) for _, r, c in cited(answer)]


def test_a_zero_denominator_is_said_never_divided(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东城区2022年复议纠错率是多少？")
    assert (answer.found, answer.reason, answer.value) == (False, "no-data", None)
    assert "分母为0" in answer.text and "0%" not in answer.text.replace("不是0%", "")
    assert cited(answer) == [(2022, "数量", "复议.纠正"), (2022, "数量", "复议.总计")]


def test_a_group_with_one_zero_denominator_gives_the_other_and_says_why(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东城区2021年行政诉讼败诉率")
    assert answer.found and "直接起诉败诉率 = 未经复议直接起诉 结果纠正 0 / 未经复议直接起诉 总计 2 = 0%" in answer.text
    assert "复议后起诉 总计 0，分母为0" in answer.text


def test_a_row_not_printed_is_named_not_taken_as_zero(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "西城区2022年公开率")
    assert (answer.found, answer.reason) == (False, "no-data")
    assert "无法计算公开率" in answer.text and "没有“办理结果为“部分公开”的申请”这一项" in answer.text


def test_a_cell_of_a_broken_relation_is_named(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "西城区2022年无法提供率")
    assert (answer.found, answer.value, answer.formula) == (True, 12.5, "无法提供率 = 无法提供 2 / 办理结果总计 16 = 12.5%")
    assert "办理结果总计" in answer.text and "勾稽关系不一致" in answer.text


def test_ranking_an_indicator_leaves_out_a_zero_denominator(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "2022年复议纠错率最高的单位是哪个？")
    assert (answer.found, answer.value, answer.unit) == (True, 40.0, "%")
    assert answer.text.startswith("复议纠错率最高的是西城区（40%）") and "东城区2022年行政复议 总计 0，分母为0" in answer.text


def test_two_figures_in_one_question(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东城区2021年收到多少申请？其中予以公开的有多少？")
    assert answer.found and "新收政府信息公开申请40件" in answer.text and "“予以公开”的申请30件" in answer.text
    assert cited(answer) == [(2021, "一", "总计"), (2021, "三.一", "总计")]


def test_difference_from_the_year_before(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东城区2022年收到的申请比上一年多了多少？")
    assert (answer.found, answer.value, answer.unit) == (True, 10.0, "件")
    assert answer.formula == "2022年 50件 − 2021年 40件 = 10件"
    assert cited(answer) == [(2021, "一", "总计"), (2022, "一", "总计")]


def test_growth_in_percent(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东城区2022年新收申请比2021年增长了百分之几？")
    assert (answer.found, answer.value, answer.unit) == (True, 25.0, "%")
    assert answer.formula == "增长率 = (2022年 50 − 2021年 40) / 2021年 40 = 25%"


def test_a_year_before_not_in_the_store_is_said(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "西城区2022年收到的申请比上一年多了多少？")
    assert (answer.found, answer.reason) == (False, "no-year") and "2021" in answer.text


def test_difference_between_agencies_stays_with_the_table_route(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "2022年东城区收到的申请比西城区多几件？")
    assert (answer.found, answer.value, answer.unit) == (True, 30.0, "件")
    assert "东城区比西城区多30件" in answer.text


def test_ask_json_carries_the_formula(store: Store, settings: Settings) -> None:
    out = answer_json(ask(store, settings, "东城区2021年的公开率是多少？"))
    assert (out["value"], out["unit"], out["formula"]) == (82.5, "%", "公开率 = (予以公开 30 + 部分公开 3) / 办理结果总计 40 = 82.5%")
    assert [(s["row"], s["col"]) for s in out["sources"]] == [("三.一", "总计"), ("三.二", "总计"), ("三.七", "总计")]


def test_compare_takes_an_indicator_like_a_cell(store: Store, settings: Settings) -> None:
    qa = GovQA(settings)
    qa.__dict__["store"] = store
    rows = qa.compare(INDICATOR_TABLE, "复议纠错率", INDICATOR_COL, years=[2021, 2022])
    assert [(r["short_name"], r["year"], r["value"]) for r in rows] == [("西城区", 2022, 40.0), ("东城区", 2021, 25.0)]
    assert rows[0]["formula"].endswith("= 40%") and rows[0]["unit"] == "%"
    table = next(t for t in compare_catalog() if t.key == INDICATOR_TABLE)
    assert {"公开率", "复议纠错率", "结转率"} <= {r.key for r in table.rows}


def test_a_new_indicator_is_one_catalogue_entry(store: Store) -> None:
    catalogue = parse_catalogue({"indicator": [{"name": "部分公开率", "aliases": ["部分公开占比"], "unit": "%", "scale": 100,
                                                "numerator": ["申请/三.二/总计"], "denominator": ["申请/三.七/总计"]}]})
    [ind] = find_indicators("东城区的部分公开占比", catalogue)
    [value] = indicator_values(store, ind, reports=find_reports(store, years=[2021]))
    assert (value.value, value.formula) == (7.5, "部分公开率 = 部分公开 3 / 办理结果总计 40 = 7.5%")


def test_a_malformed_entry_is_refused_by_name() -> None:
    with pytest.raises(GovqaError, match="率X.*table/row/col"):
        parse_catalogue({"indicator": [{"name": "率X", "numerator": ["三.二/总计"], "denominator": ["申请/三.七/总计"]}]})


def test_longest_name_wins() -> None:
    assert [i.name for i in find_indicators("不予公开率和公开率")] == ["不予公开率", "公开率"]
    assert set(load_indicators()) >= {"公开率", "不予公开率", "无法提供率", "复议纠错率", "诉讼败诉率", "结转率", "申请人构成"}


def test_catalogue_path_is_the_package_file() -> None:
    assert (Path(__file__).resolve().parents[2] / "qa" / "indicators.toml").exists()


def test_an_indicator_against_the_year_before_is_a_difference_in_points(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东城区2022年的公开率较上一年变化了多少？")
    assert (answer.found, answer.value, answer.unit) == (True, 7.5, "个百分点")
    assert answer.formula == "2022年 90% − 2021年 82.5% = 7.5个百分点"
    assert "2022年比2021年高7.5个百分点" in answer.text and {s.year for s in answer.sources} == {2021, 2022}


def test_an_indicator_of_two_agencies_compared(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "2022年西城区的复议纠错率和东城区相差多少？")
    assert (answer.found, answer.reason) == (False, "no-data")  # 东城区 2022 has no 复议: no difference, said why
    assert "分母为0" in answer.text


def test_an_indicator_of_a_year_not_in_the_store_is_no_difference(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "西城区2022年的公开比率比2021年高了多少？")
    assert (answer.found, answer.reason) == (False, "no-year") and "2021" in answer.text


def test_a_ratio_word_is_no_comparison(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东城区2021年申请的公开比率是多少？")
    assert (answer.found, answer.value, answer.unit) == (True, 82.5, "%")


def test_a_change_from_last_year_in_other_words(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东城区2022年新收的申请较去年增加了多少？")
    assert (answer.found, answer.value, answer.formula) == (True, 10.0, "2022年 50件 − 2021年 40件 = 10件")


def test_growth_asked_without_a_counting_word_is_a_rate(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东城区2022年收到的申请比2021年增长多少？")
    assert (answer.found, answer.value, answer.unit) == (True, 25.0, "%") and "多10件" in answer.text


def test_a_figure_of_two_agencies_as_a_multiple(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "2022年东城区收到的申请是西城区的几倍？")
    assert (answer.found, answer.value, answer.unit, answer.formula) == (True, 2.5, "倍", "东城区 50 / 西城区 20 = 2.5")


def test_a_figure_of_two_years_as_a_multiple(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东城区2022年收到的申请是2021年的多少倍？")
    assert (answer.value, answer.formula) == (1.25, "2022年 50 / 2021年 40 = 1.25")


def test_a_follow_up_does_the_same_arithmetic_for_another_agency_or_year(store: Store, settings: Settings) -> None:
    from govqa.qa.conversation import Conversation

    chat = Conversation()
    first = answer_question("东城区2021年的公开率是多少？", store=store, retriever=None, conversation=chat, settings=settings)
    again = answer_question("那2022年呢？", store=store, retriever=None, conversation=chat, settings=settings)
    other = answer_question("西城区呢？", store=store, retriever=None, conversation=chat, settings=settings)
    assert (first.value, again.value, again.question) == (82.5, 90.0, "那2022年呢？")
    assert again.formula == "公开率 = (予以公开 40 + 部分公开 5) / 办理结果总计 50 = 90%"
    assert (other.found, other.reason) == (False, "no-data") and "无法计算公开率" in other.text  # 西城区 prints no 三.二
    new = answer_question("那收到多少申请？", store=store, retriever=None, conversation=chat, settings=settings)
    assert (new.value, new.unit, new.formula) == (20.0, "件", None)  # a figure of its own: no 公开率 carried


def test_a_fall_asked_as_a_fall_is_its_size(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "西城区2022年收到的申请比东城区少了多少？")
    assert (answer.found, answer.value) == (True, 30.0)


def test_which_agency_has_the_higher_rate(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "2022年东城区和西城区的自然人占比谁高？")
    assert (answer.found, answer.value, answer.unit) == (True, 100.0, "%")  # 西城区 20/20, 东城区 45/50
    assert "西城区比东城区高10个百分点" in answer.text
    missing = ask(store, settings, "2022年东城区和西城区的无法提供率谁高？")  # 东城区 prints no 三.四: no rate, no 0
    assert (missing.found, missing.reason) == (False, "no-data") and "无法比较无法提供率" in missing.text


def test_growth_in_times_between_the_two_ends_of_a_span(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东城区2021年到2022年新收申请增长了几倍？")
    assert (answer.found, answer.value, answer.unit) == (True, 0.25, "倍")
    assert answer.formula == "(2022年 50 − 2021年 40) / 2021年 40 = 0.25" and "是2021年的1.25倍" in answer.text


def test_a_share_of_the_whole_the_question_names(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "东城区2021年予以公开的申请占新收申请的百分之多少？")
    assert (answer.value, answer.formula) == (75.0, "予以公开占新收政府信息公开申请的比例 = 予以公开 30 / 新收政府信息公开申请 40 = 75%")
