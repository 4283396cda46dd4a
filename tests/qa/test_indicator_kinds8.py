"""Kinds of indicator question met in round 8 (issue 15), each in wordings of our own: 复议's (or 诉讼's) share of 复议
and 诉讼 together, two indicators asked in one question, a share of a group spelled with 或 / 以及 / 加上 or glossed in
brackets, a gap between two rates taken from the unrounded rates, the change of a share between years in 个百分点, and
全部公开 within the published ones. Over a real SQLite store written for these tests (real-looking numbers)."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, review_cells, written_store

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell, Question
from govqa.index.store import Store
from govqa.qa import arith
from govqa.qa.understand import find_metric

AGENCY = "某某市港航管理局"
SECOND = "某某县林业局"
NONE = dict(科研机构=0, 法律服务机构=0, 其他=0)


def _rows(group: str, values: list[int]) -> list[Cell]:
    return [c for i, v in enumerate(values, 1) for c in application_cells(f"{group}.{i}", v)]


# 2024: 新收 45 (自然人 36, 商业企业 6, 社会公益组织 3), 上年结转 5, 结转下年 10; 予以公开 9, 部分公开 3, 不予公开 14,
# 无法提供 10, 不予处理 0, 其他处理 2, 总计 38; 复议 9 (纠正 1), 直诉 2, 复议后诉 1
Y2024 = (application_cells("一", 45, 自然人=36, 商业企业=6, 社会公益组织=3, **NONE) + application_cells("二", 5)
         + application_cells("三.一", 9) + application_cells("三.二", 3) + _rows("三.三", [10, 0, 0, 0, 4, 0, 0, 0])
         + _rows("三.四", [8, 2, 0]) + _rows("三.五", [0, 0, 0, 0, 0]) + _rows("三.六", [2, 0, 0])
         + application_cells("三.七", 38) + application_cells("四", 10)
         + review_cells(复议_纠正=1, 复议_维持=8, 复议_总计=9, 直诉_维持=2, 直诉_总计=2, 复议后诉_维持=1, 复议后诉_总计=1))
# 2022: 新收 20 (自然人 12, 商业企业 8); 予以公开 6, 部分公开 2, 不予公开 2, 无法提供 2, 总计 12
Y2022 = (application_cells("一", 20, 自然人=12, 商业企业=8, 社会公益组织=0, **NONE) + application_cells("二", 0)
         + application_cells("三.一", 6) + application_cells("三.二", 2) + _rows("三.三", [2, 0, 0, 0, 0, 0, 0, 0])
         + _rows("三.四", [1, 1, 0]) + _rows("三.五", [0, 0, 0, 0, 0]) + _rows("三.六", [0, 0, 0])
         + application_cells("三.七", 12) + application_cells("四", 0)
         + review_cells(复议_维持=1, 复议_总计=1))
# the second agency: 公开率 1/3 = 33.33% in 2019, 7/9 = 77.78% in 2021 (a gap of 44.44 points; 77.8 − 33.3 is 44.5)
SECOND_YEARS = {2019: application_cells("一", 3) + application_cells("三.一", 1) + application_cells("三.二", 0)
                + application_cells("三.七", 3),
                2021: application_cells("一", 9) + application_cells("三.一", 6) + application_cells("三.二", 1)
                + application_cells("三.七", 9)}


@pytest.fixture
def store(settings: Settings) -> Store:
    written = [Written(f"gh{year}", AGENCY, "港航管理局", year, cells, template="2021")
               for year, cells in {2022: Y2022, 2024: Y2024}.items()]
    written += [Written(f"ly{year}", SECOND, "林业局", year, cells, template="2021") for year, cells in SECOND_YEARS.items()]
    return written_store(settings.db_url, written)



def cited(answer: Answer) -> set[tuple[int | None, str | None, str | None]]:
    return {(s.year, s.row, s.col) for s in answer.sources}


@pytest.mark.parametrize(("text", "value", "part"), [
    ("某某市港航管理局2024年的行政复议和行政诉讼里，行政复议所占的比例是多少？", 75.0, "复议"),
    ("某某市港航管理局2024年行政复议和行政诉讼当中，复议占几成？", 75.0, "复议"),
    ("某某市港航管理局2024年复议与诉讼案件中，复议案件的占比？", 75.0, "复议"),
    ("某某市港航管理局2024年复议加上诉讼的案件里面，行政复议占百分之几？", 75.0, "复议"),
    ("某某市港航管理局2024年复议诉讼案件中，行政复议所占比重是多少？", 75.0, "复议"),
    ("某某市港航管理局2024年的行政复议和行政诉讼中，行政诉讼所占的比例是多少？", 25.0, "诉讼"),
    ("某某市港航管理局2024年复议和诉讼案件里，诉讼占了几成？", 25.0, "诉讼"),
    ("某某市港航管理局2024年行政复议占复议和诉讼总数的百分之几？", 75.0, "复议"),
    ("某某市港航管理局2024年行政诉讼案件占复议诉讼案件的比重是多少？", 25.0, "诉讼"),
])
def test_a_share_of_review_and_suits_together(store: Store, settings: Settings, text: str, value: float,
                                              part: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(value, abs=0.05), answer.text
    assert {(2024, "数量", "复议.总计"), (2024, "数量", "直诉.总计"), (2024, "数量", "复议后诉.总计")} <= cited(answer)


@pytest.mark.parametrize(("text", "figures"), [
    ("某某市港航管理局2024年来申请公开信息的，个人（自然人）占几成？当年的结转率又是多少？", ["80%", "20%"]),
    ("某某市港航管理局2024年的申请人当中自然人占百分之几？不予公开率又是多少？", ["80%", "36.8%"]),
    ("某某市港航管理局2024年自然人申请的比例是多少？公开率呢？", ["80%", "31.6%"]),
    ("某某市港航管理局2024年公开率和结转率分别是多少？", ["31.6%", "20%"]),
    ("某某市港航管理局2024年公民提出的申请占多大比例，结转率多少？", ["80%", "20%"]),
    ("某某市港航管理局2024年法人或其他组织占几成？不予公开率是多少？", ["20%", "36.8%"]),
    ("某某市港航管理局2024年的公开率、不予公开率、结转率各是多少？", ["31.6%", "36.8%", "20%"]),
    ("某某市港航管理局2024年的结转率，还有自然人申请占比，各是多少？", ["20%", "80%"]),
    ("某某市港航管理局2024年自然人占几成？部分公开的占比又是多少？", ["80%", "7.9%"]),
    ("某某市港航管理局2024年部分公开的占比是多少？不予公开率呢？", ["7.9%", "36.8%"]),
])
def test_two_or_three_indicators_in_one_question(store: Store, settings: Settings, text: str,
                                                 figures: list[str]) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%", answer.text
    assert all(f in answer.text for f in figures), answer.text
    assert answer.formula is not None and answer.formula.count("=") >= 2 * len(figures), answer.formula


@pytest.mark.parametrize("text", [
    "某某市港航管理局2024年有多大比例的信息公开申请最后没拿到信息（被不予公开或者无法提供）？",
    "某某市港航管理局2024年被不予公开或者无法提供的申请占多大比例？",
    "某某市港航管理局2024年不予公开以及无法提供的申请占比是多少？",
    "某某市港航管理局2024年不予公开加上无法提供的申请占了几成？",
    "某某市港航管理局2024年不予公开或无法提供的，占全部办理结果的百分之几？",
    "某某市港航管理局2024年无法提供和不予公开的一共占百分之几？",
    "某某市港航管理局2024年有百分之几的申请没要到信息（不予公开和无法提供）？",
])
def test_a_share_of_a_group_spelled_with_or_and_plus(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(63.2, abs=0.05), answer.text
    assert {(2024, "三.三.1", "总计"), (2024, "三.四.1", "总计"), (2024, "三.七", "总计")} <= cited(answer)


def test_a_sentence_inside_the_one_before_is_no_question_of_its_own(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "某某市港航管理局2024年不予公开的比例是多少？其中因为内部事务信息的占几成？")
    assert answer.found and answer.value == pytest.approx(28.6, abs=0.05), answer.text  # 4 of 不予公开 14


def test_a_gloss_after_the_question_mark_is_no_second_question(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "某某市港航管理局2024年的公开率是多少？（予以公开加部分公开占办理总数的比例）")
    assert answer.found and answer.value == pytest.approx(31.6, abs=0.05) and answer.text.count("为31.6%") == 1, answer.text


def test_the_or_of_an_applicant_column_joins_nothing(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "某某市港航管理局2024年法人或其他组织占比是多少？")
    assert answer.found and answer.value == pytest.approx(20.0, abs=0.05), answer.text


@pytest.mark.parametrize("text", [
    "某某县林业局的申请公开率从2019年到2021年提高了多少个百分点？",
    "某某县林业局2021年的公开率比2019年高了几个百分点？",
    "某某县林业局公开率2021年和2019年相比差几个百分点？",
    "某某县林业局2019年到2021年公开率上升了多少个百分点？",
])
def test_a_gap_between_rates_is_taken_unrounded(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "个百分点" and answer.value == pytest.approx(44.4, abs=0.01), answer.text


@pytest.mark.parametrize(("text", "value", "rows"), [
    ("某某市港航管理局2024年因无法提供而办结的申请占比，比2022年上升了多少个百分点？", 9.6, ("三.四.1", "三.七")),
    ("某某市港航管理局2024年无法提供的申请占比较2022年提高了几个百分点？", 9.6, ("三.四.1", "三.七")),
    ("某某市港航管理局无法提供的比例从2022年到2024年上升了多少个百分点？", 9.6, ("三.四.1", "三.七")),
    ("某某市港航管理局2024年不予公开的申请占比比2022年高了多少？", 20.2, ("三.三.1", "三.七")),
    ("某某市港航管理局2024年的不予公开率比2022年上升了多少个百分点？", 20.2, ("三.三.1", "三.七")),
    ("某某市港航管理局2024年自然人占比比2022年提高了几个百分点？", 20.0, ("一",)),
    ("某某市港航管理局无法提供的比例2024年比2022年变化了多少？", 9.6, ("三.四.1", "三.七")),
    ("某某市港航管理局2024年的公开率比2022年下降了多少个百分点？", 35.1, ("三.一", "三.七")),
])
def test_the_change_of_a_share_between_years_in_points(store: Store, settings: Settings, text: str, value: float,
                                                        rows: tuple[str, ...]) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "个百分点" and answer.value == pytest.approx(value, abs=0.05), answer.text
    assert {(y, r) for y, r, _ in cited(answer)} >= {(y, r) for y in (2022, 2024) for r in rows}


def test_the_change_of_a_share_from_a_year_not_held_is_refused(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "某某市港航管理局2024年因无法提供而办结的申请占比比上一年上升了多少个百分点？")
    assert not answer.found and answer.reason == "no-year" and "2023" in answer.text, answer.text


@pytest.mark.parametrize("text", [
    "某某市港航管理局2024年最后公开了的申请（予以公开加部分公开）里，全部公开的占几成？",
    "某某市港航管理局2024年公开了的申请（予以公开和部分公开）中，完全公开的比例是多少？",
    "某某市港航管理局2024年被公开的申请（含部分公开）里，全部予以公开的占比？",
    "某某市港航管理局2024年予以公开和部分公开的申请中，全部公开占百分之几？",
    "某某市港航管理局2024年公开的申请当中，完全公开的占多少？",
])
def test_fully_published_within_the_published_ones(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(75.0, abs=0.05), answer.text
    assert (2024, "三.七", "总计") not in cited(answer)


@pytest.mark.parametrize("text", [
    "某某市港航管理局2024年行政复议和行政诉讼里，行政复议所占的比例是多少？",
    "某某市港航管理局2024年被不予公开或者无法提供的申请占多大比例？",
    "某某市港航管理局2024年因无法提供而办结的申请占比，比2022年上升了多少个百分点？",
])
def test_the_plan_sees_the_arithmetic(text: str) -> None:
    assert arith.recognise(Question(text=text, metric=find_metric(text)))
