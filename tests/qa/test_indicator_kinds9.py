"""Kinds of indicator question met in round 9 (issue 15), each in wordings of our own: a fall asked in percent (下降了
百分之几 is the size of the fall; a change the other way than asked said plainly), a column's share within a 表二 row
(2019 and 2021 templates), a figure the question defines as a sum in brackets, two reports that differ in agency and
year, a count of one agency against another's in percent, and 结转率 said with the next year. Over a real SQLite store
written for these tests (real-looking numbers)."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, open_cells, written_store

from govqa.core.config import Settings
from govqa.core.types import Answer, Question
from govqa.index.store import Store
from govqa.qa import arith
from govqa.qa.understand import find_metric

PORT = "某某市港航管理局"
FOREST = "某某县林业局"

# 港航管理局 2020 (2019 template): 规章 新公开 3 / 对外公开总数 20, 规范性文件 新公开 9 / 45, 新制作 8;
# 行政处罚 上一年 40, 本年增/减 -10 (−25%); 行政许可 上一年 20, +5 (+25%); 新收 30, 上年结转 4, 予以公开 12,
# 部分公开 3, 总计 30, 结转下年 4 (结转率 4 / 34 = 11.8%)
PORT_2020 = (open_cells("规章", 本年新制作数量=2, 本年新公开数量=3, 对外公开总数量=20)
             + open_cells("规范性文件", 本年新制作数量=8, 本年新公开数量=9, 对外公开总数量=45)
             + open_cells("行政处罚", 上一年项目数量=40, **{"本年增/减": -10}, 处理决定数量=120)
             + open_cells("行政许可", 上一年项目数量=20, **{"本年增/减": 5}, 处理决定数量=300)
             + application_cells("一", 30) + application_cells("二", 4) + application_cells("三.一", 12)
             + application_cells("三.二", 3) + application_cells("三.七", 30) + application_cells("四", 4))
# 港航管理局 2022 (2021 template): 行政规范性文件 制发 6, 废止 3, 现行有效 60; 新收 24, 予以公开 18, 总计 24
PORT_2022 = (open_cells("行政规范性文件", 本年制发件数=6, 本年废止件数=3, 现行有效件数=60)
             + open_cells("规章", 本年制发件数=1, 本年废止件数=0, 现行有效件数=10)
             + application_cells("一", 24) + application_cells("二", 0) + application_cells("三.一", 18)
             + application_cells("三.二", 0) + application_cells("三.七", 24) + application_cells("四", 0))
# 林业局 2020: 新收 6, 予以公开 3, 部分公开 0, 总计 6 (公开率 50%); 2022: 新收 8, 予以公开 8, 总计 8 (100%)
FOREST_YEARS = {2020: application_cells("一", 6) + application_cells("二", 0) + application_cells("三.一", 3)
                + application_cells("三.二", 0) + application_cells("三.七", 6) + application_cells("四", 0),
                2022: application_cells("一", 8) + application_cells("二", 0) + application_cells("三.一", 8)
                + application_cells("三.二", 0) + application_cells("三.七", 8) + application_cells("四", 0)}


@pytest.fixture
def store(settings: Settings) -> Store:
    written = [Written("gh2020", PORT, "港航管理局", 2020, PORT_2020, template="2019"),
               Written("gh2022", PORT, "港航管理局", 2022, PORT_2022, template="2021")]
    written += [Written(f"ly{year}", FOREST, "林业局", year, cells, template="2021")
                for year, cells in FOREST_YEARS.items()]
    return written_store(settings.db_url, written)



def cited(answer: Answer) -> set[tuple[int | None, str | None, str | None]]:
    return {(s.year, s.row, s.col) for s in answer.sources}


@pytest.mark.parametrize("text", [
    "某某市港航管理局2020年行政处罚事项比上一年下降了多少（按百分比）？",
    "某某市港航管理局2020年行政处罚比上一年减少了百分之多少？",
    "港航管理局2020年行政处罚事项数量较上年减少了百分之几？",
    "港航管理局2020年行政处罚同比降低了多少（百分比）",
    "港航管理局2020年的行政处罚跟去年比少了百分之几",
    "港航管理局2020年行政处罚事项的降幅是多少？",
    "港航管理局2020年行政处罚比上一年低了百分之几？",
])
def test_a_fall_asked_in_percent_is_the_size_of_the_fall(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(25.0), answer.text
    assert "下降25%" in answer.text, answer.text
    assert {(2020, "行政处罚", "本年增/减"), (2020, "行政处罚", "上一年项目数量")} <= cited(answer)


@pytest.mark.parametrize("text", [
    "港航管理局2020年行政许可比上一年减少了百分之几？",
    "港航管理局2020年行政许可事项较上年下降了多少（按百分比）",
])
def test_a_fall_asked_of_a_rise_says_it_rose(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(-25.0), answer.text
    assert "实际不是下降，而是增长了25%" in answer.text, answer.text


def test_a_rise_asked_of_a_fall_says_it_fell(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "港航管理局2020年行政处罚比上一年增长了百分之几？")
    assert answer.found and answer.value == pytest.approx(-25.0), answer.text
    assert "实际不是增长，而是下降了25%" in answer.text, answer.text


@pytest.mark.parametrize(("text", "row", "value"), [
    ("某某市港航管理局对外公开的规范性文件总数里，2020年当年新公开的占几成？按百分比说", "规范性文件", 20.0),
    ("港航管理局现行对外公开的规章里，2020年新公开的占百分之多少？", "规章", 15.0),
    ("港航管理局2020年规范性文件中本年新公开的占对外公开总数的比例", "规范性文件", 20.0),
    ("2020年港航管理局新公开的规章占全部对外公开规章的百分之几？", "规章", 15.0),
    ("港航管理局2020年对外公开的规章当中，本年新公开的比重是多少", "规章", 15.0),
    ("港航管理局2020年新制作的规范性文件占对外公开总数的几成？", "规范性文件", 17.8),
])
def test_a_column_share_within_a_row_of_the_2019_template(store: Store, settings: Settings, text: str, row: str,
                                                         value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(value, abs=0.05), answer.text
    assert (2020, row, "对外公开总数量") in cited(answer), answer.sources
    assert "公开率" not in answer.text


def test_a_column_share_of_another_column_than_the_total(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "港航管理局2020年本年新公开的规范性文件占本年新制作的比例是多少？")
    assert answer.found and answer.value == pytest.approx(112.5), answer.text  # 9 / 8
    assert {(2020, "规范性文件", "本年新公开数量"), (2020, "规范性文件", "本年新制作数量")} <= cited(answer)


@pytest.mark.parametrize(("text", "value", "col"), [
    ("港航管理局2022年现行有效的规范性文件里，本年制发的占多少？", 10.0, "本年制发件数"),
    ("港航管理局2022年本年制发的行政规范性文件占现行有效件数的比例是多少", 10.0, "本年制发件数"),
    ("港航管理局2022年废止的规范性文件占现行有效的比例", 5.0, "本年废止件数"),
    ("港航管理局2022年现行有效的规范性文件中，当年废止的占百分之几？", 5.0, "本年废止件数"),
    ("港航管理局2022年现行有效的规章中新制发的占几成", 10.0, "本年制发件数"),
])
def test_a_column_share_within_a_row_of_the_2021_template(store: Store, settings: Settings, text: str, value: float,
                                                         col: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(value, abs=0.05), answer.text
    assert any(c == col for _, _, c in cited(answer)) and any(c == "现行有效件数" for _, _, c in cited(answer))


@pytest.mark.parametrize(("text", "total"), [
    ("港航管理局2020年待办的信息公开申请（新收加上年结转）总共多少件？最后予以公开了几件？", "待办的信息公开申请共34件"),
    ("港航管理局2020年需要处理的申请（本年新收和上年结转）一共有多少？其中予以公开多少件？", "需要处理的申请共34件"),
    ("港航管理局2020年经手的申请（上年结转的加上本年新收的）有几件？予以公开的有几件？", "经手的申请共34件"),
    ("港航管理局2020年全年要办的申请(上年结转+新收)共几件，予以公开的几件", "全年要办的申请共34件"),
])
def test_a_sum_the_question_defines_in_brackets(store: Store, settings: Settings, text: str, total: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and total in answer.text and "予以公开”的申请12件" in answer.text, answer.text
    assert {(2020, "一", "总计"), (2020, "二", "总计"), (2020, "三.一", "总计")} <= cited(answer)


@pytest.mark.parametrize(("text", "value"), [
    ("港航管理局2020年待办的申请（新收加上年结转）一共多少件？", 34),
    ("港航管理局2020年待处理的申请（新收+结转）合计多少件", 34),  # beside 新收, a bare 结转 is carried in
    ("港航管理局2020年要处理的申请（本年新收的和上年结转的）总共有几件", 34),
    ("港航管理局2020年公开了的申请（予以公开和部分公开）有几件", 15),
])
def test_a_bracketed_sum_asked_alone_is_added(store: Store, settings: Settings, text: str, value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == value, answer.text


@pytest.mark.parametrize(("text", "value"), [
    ("港航管理局2022年新收的申请数比林业局2020年多多少件？", 18),
    ("港航管理局2022年收到的申请比林业局2020年多了几件", 18),
    ("2022年的港航管理局和2020年的林业局，新收申请差几件", 18),
    ("林业局2020年新收的申请比港航管理局2022年少了多少件？", 18),
    ("林业局2022年的申请量比港航管理局2020年少几件", 22),
])
def test_counts_of_two_agencies_each_with_its_own_year(store: Store, settings: Settings, text: str, value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == value, answer.text
    assert "未计入" not in answer.text  # the years not asked (港航管理局2020年 …) are no gap


def test_an_agency_year_pair_the_store_lacks_is_said(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "港航管理局2023年新收的申请比林业局2020年多多少件？")
    assert not answer.found and "2023" in answer.text, answer.text


@pytest.mark.parametrize("text", [
    "港航管理局2022年的申请公开率和林业局2020年相比，差多少个百分点？",
    "林业局2020年的公开率比港航管理局2022年低多少个百分点？",
    "港航管理局2022年公开率比林业局2020年高了几个百分点",
])
def test_an_indicator_gap_of_two_agencies_each_with_its_own_year(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)  # 港航 2022 18/24 = 75%, 林业局 2020 3/6 = 50%
    assert answer.found and answer.unit == "个百分点" and answer.value == pytest.approx(25.0), answer.text
    assert {(2022, "三.七", "总计"), (2020, "三.七", "总计")} <= cited(answer)


def test_a_multiple_of_two_agencies_each_with_its_own_year(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "港航管理局2022年收到的申请是林业局2020年的几倍？")
    assert answer.found and answer.unit == "倍" and answer.value == pytest.approx(4.0), answer.text


@pytest.mark.parametrize(("text", "value"), [
    ("2022年港航管理局新收的信息公开申请比林业局多出百分之几？", 200.0),
    ("2022年港航管理局收到的政府信息公开申请比林业局多百分之多少？", 200.0),
    ("港航管理局2022年新收申请比林业局高出百分之几", 200.0),
    ("2022年林业局新收的申请比港航管理局少百分之几？", 66.7),
    ("2022年林业局收到的申请比港航管理局低了百分之多少", 66.7),
    ("港航管理局2022年新收申请比林业局2020年增长了百分之几？", 300.0),
])
def test_a_count_against_another_agency_in_percent(store: Store, settings: Settings, text: str, value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(value, abs=0.05), answer.text
    assert answer.formula is not None and "/" in answer.formula


def test_a_fall_asked_between_agencies_of_a_larger_count_says_so(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "2022年港航管理局新收的申请比林业局少百分之几？")
    assert answer.found and answer.value == pytest.approx(-200.0), answer.text
    assert "实际不是少" in answer.text, answer.text


@pytest.mark.parametrize("text", [
    "港航管理局2020年的依申请公开有多大比例结转到了2021年？",
    "港航管理局2020年的申请有百分之几留到了2021年？",
    "港航管理局2020年收到的申请有多少比例要到2021年才办完？",
    "港航管理局2020年没办完、留到2021年的申请占多少？",
    "港航管理局2020年年底还没办完的申请占几成？",
    "港航管理局2020年申请中结转至2021年度继续办理的占比",
])
def test_carried_over_said_with_the_next_year(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(11.8, abs=0.05), answer.text
    assert {(2020, "四", "总计"), (2020, "一", "总计"), (2020, "二", "总计")} <= cited(answer)


@pytest.mark.parametrize(("text", "agencies", "years"), [
    ("港航管理局2022年新收的申请数比林业局2020年多多少件？", (PORT, FOREST), (2020, 2022)),
    ("2022年港航管理局新收的申请比林业局多出百分之几？", (PORT, FOREST), (2022,)),
    ("港航管理局2020年规范性文件中本年新公开的占对外公开总数的比例", (PORT,), (2020,)),
    ("港航管理局2020年行政处罚比上一年减少了百分之多少？", (PORT,), (2020,)),
    ("港航管理局2020年待办的申请（新收加上年结转）总共多少件？予以公开了几件？", (PORT,), (2020,)),
])
def test_each_new_kind_is_routed_to_arithmetic(text: str, agencies: tuple[str, ...], years: tuple[int, ...]) -> None:
    assert arith.recognise(Question(text, agencies=agencies, years=years, metric=find_metric(text)))
