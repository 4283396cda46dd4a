"""qa/figures.py: several figures of one report in one question (listed, summed, subtracted), over a real SQLite store
whose cells are written for these tests (real-looking numbers, one agency, one year), and the indicator patterns
(qa/indicators.toml) for wordings that split an indicator's name."""

from __future__ import annotations

import pytest
from written_stores import Written, ask, review_cells, written_store
from written_stores import application_cells as _apply
from written_stores import open_cells as _open

from govqa.core.config import Settings
from govqa.core.errors import GovqaError
from govqa.core.types import Answer, Finding, Question
from govqa.index.store import Store
from govqa.qa.figures import asked_terms
from govqa.qa.indicators import find_indicators, parse_catalogue

AGENCY = "某某县农业农村局"
REVIEWED = {"复议.维持": 4, "复议.纠正": 2, "复议.总计": 6, "直诉.维持": 1, "直诉.纠正": 1, "直诉.总计": 2,
            "复议后诉.维持": 3, "复议后诉.总计": 3}


CELLS = (_apply("一", 64, 自然人=52, 商业企业=9, 法律服务机构=3) + _apply("二", 4) + _apply("三.一", 35) + _apply("三.二", 6)
         + _apply("三.三.1", 3) + _apply("三.三.5", 2) + _apply("三.四.1", 11) + _apply("三.七", 57) + _apply("四", 11)
         + review_cells(**{c.replace(".", "_"): v for c, v in REVIEWED.items()})
         + _open("规章", 本年新制作数量=2, 对外公开总数量=14) + _open("规范性文件", 本年新制作数量=7, 对外公开总数量=41)
         + _open("行政许可", 处理决定数量=1280) + _open("行政处罚", 处理决定数量=312))
BROKEN = Finding("relation", "申请", "三.七", "总计", "三.七 ≠ sum of 三.* rows", 57.0, 58.0)


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, [Written("n23", AGENCY, "农业农村局", 2023, CELLS, (BROKEN,), ("县农业农村局",))])



def cited(answer: Answer) -> list[tuple[str | None, str | None]]:
    return [(s.row, s.col) for s in answer.sources]


@pytest.mark.parametrize(("question", "value", "formula", "cells"), [
    ("农业农村局2023年行政复议跟行政诉讼总共有几件？", 11.0, "行政复议 总计 6 + 行政诉讼 5 = 11",
     [("数量", "复议.总计"), ("数量", "直诉.总计"), ("数量", "复议后诉.总计")]),
    ("农业农村局2023年的行政许可、行政处罚处理决定合计多少个？", 1592.0, "行政许可处理决定数量 1280 + 行政处罚处理决定数量 312 = 1592",
     [("行政许可", "处理决定数量"), ("行政处罚", "处理决定数量")]),  # the column word said once serves both rows
    ("农业农村局2023年现行有效的规章与规范性文件加起来多少件？", 55.0, "规章对外公开总数量 14 + 规范性文件对外公开总数量 41 = 55",
     [("规章", "对外公开总数量"), ("规范性文件", "对外公开总数量")]),
])
def test_a_sum_of_cells_of_one_report_shows_its_arithmetic(store: Store, settings: Settings, question: str, value: float,
                                                          formula: str, cells: list) -> None:
    answer = ask(store, settings, question)
    assert (answer.found, answer.route, answer.value, answer.formula) == (True, "table", value, formula)
    assert formula in answer.text and cited(answer) == cells


@pytest.mark.parametrize(("question", "value", "said"), [
    ("农业农村局2023年个人申请比公司申请多了多少？", 43.0, "自然人提出的申请比商业企业提出的申请多43件"),
    ("农业农村局2023年予以公开的申请比无法提供的多几件？", 24.0, "比办理结果为“无法提供”的申请多24件"),
    ("农业农村局2023年律师申请比企业申请多几件？", 6.0, "法律服务机构提出的申请比商业企业提出的申请少6件"),
])
def test_a_difference_of_two_cells_of_one_report(store: Store, settings: Settings, question: str, value: float,
                                                 said: str) -> None:
    answer = ask(store, settings, question)
    assert (answer.found, answer.value, answer.unit) == (True, value, "件")
    assert said in answer.text and answer.formula and len(answer.sources) == 2


def test_two_figures_asked_without_qizhong(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年新收申请几件？上年结转下来的呢，有多少件？")
    assert answer.found and "新收政府信息公开申请64件" in answer.text and "上年结转" in answer.text and "4件" in answer.text
    assert cited(answer)[-1] == ("二", "总计") and ("一", "总计") in cited(answer)


def test_a_clause_without_a_row_borrows_the_one_before(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年的行政复议，被维持的有几件，被纠正的有几件？")
    assert answer.found and "行政复议结果维持的案件4件" in answer.text and "行政复议结果纠正的案件2件" in answer.text
    assert cited(answer) == [("数量", "复议.维持"), ("数量", "复议.纠正")]


def test_how_many_were_disclosed_gives_both_kinds_of_disclosure(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年收到多少申请，给公开了多少？")
    assert answer.found and "64件" in answer.text and "共41件" in answer.text
    assert cited(answer) == [("一", "总计"), ("三.一", "总计"), ("三.二", "总计")]


def test_a_cell_of_a_broken_relation_is_named(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年办结的申请和结转下年度的申请一共多少件？")
    assert (answer.found, answer.value) == (True, 68.0)
    assert "勾稽关系不一致" in answer.text and "办理结果" in answer.text


def test_a_term_not_printed_makes_no_sum_and_is_named(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年行政强制和行政处罚的处理决定合计多少？")
    assert (answer.found, answer.reason, answer.value) == (False, "no-data", None)
    assert "无法给出合计" in answer.text and "行政处罚处理决定数量312个" in answer.text and "行政强制" in answer.text


def test_two_agencies_joined_by_he_are_not_two_figures(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局和县农业农村局2023年一共收到多少申请？")
    assert answer.formula is None  # one metric of the table route, not a sum of two cells


@pytest.mark.parametrize(("text", "names"), [
    ("2023年信息公开行政复议的纠正率", ["复议纠错率"]),
    ("没经过复议、直接告到法院的案子，败诉率怎样", ["直接起诉败诉率"]),
    ("先复议然后复议后又起诉的案子里败诉的比例", ["复议后起诉败诉率"]),
    ("行政诉讼的败诉率", ["诉讼败诉率"]),
    ("申请里有多大比例被公开", ["公开率"]),
    ("申请公开了百分之多少", ["公开率"]),
    ("有多大比例不予公开", ["不予公开率"]),
    ("部分公开的申请占多大比例", []),  # a share of one row: qa/arith.py share_indicator, not 公开率
    ("主动公开了多少条", []),
])
def test_patterns_find_wordings_that_split_the_name(text: str, names: list[str]) -> None:
    assert [i.name for i in find_indicators(text)] == names


def test_a_pattern_that_is_no_regular_expression_is_refused_by_name() -> None:
    with pytest.raises(GovqaError, match="率Y.*no regular expression"):
        parse_catalogue({"indicator": [{"name": "率Y", "numerator": ["申请/三.二/总计"], "denominator": ["申请/三.七/总计"],
                                        "patterns": ["公开(率"]}]})


def test_an_indicator_in_other_words_is_computed(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年的申请有百分之几得到公开？")
    assert (answer.found, answer.value, answer.unit) == (True, 71.9, "%")
    assert answer.formula == "公开率 = (予以公开 35 + 部分公开 6) / 办理结果总计 57 = 71.9%"


def test_words_describing_one_figure_are_not_two_figures(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年有几件申请是区分处理、部分公开的？")
    assert (answer.found, answer.value) == (True, 6.0) and cited(answer) == [("三.二", "总计")]


@pytest.mark.parametrize(("question", "value", "formula"), [
    ("农业农村局2023年予以公开和部分公开之和是多少？", 41.0, "予以公开 35 + 部分公开 6 = 41"),
    ("农业农村局2023年予以公开与无法提供相差多少件？", 24.0, "予以公开 35 − 无法提供 11 = 24"),
    ("农业农村局2023年复议纠正和维持差几件？", 2.0, "行政复议 结果纠正 2 − 行政复议 结果维持 4 = -2"),
])
def test_a_sum_or_gap_in_other_words(store: Store, settings: Settings, question: str, value: float, formula: str) -> None:
    answer = ask(store, settings, question)
    assert (answer.found, answer.value, answer.formula) == (True, value, formula)


def test_a_piece_without_a_row_borrows_the_piece_before(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年行政复议维持和纠正各几件？")
    assert answer.found and cited(answer) == [("数量", "复议.维持"), ("数量", "复议.纠正")]


def test_which_of_two_cells_is_larger(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年的行政许可和行政处罚决定数，哪个多？")
    assert (answer.found, answer.value) == (True, 1280.0) and "多968个" in answer.text


def test_one_cell_as_a_multiple_of_another(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年予以公开的申请是无法提供的多少倍？")
    assert (answer.found, answer.value, answer.unit) == (True, 3.18, "倍")
    assert answer.formula == "予以公开 35 / 无法提供 11 = 3.18"


def test_a_multiple_of_zero_is_said_never_divided(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年复议维持的是复议后起诉纠正的几倍？")
    assert (answer.found, answer.reason) == (False, "no-data") and "分母为0" in answer.text


def test_a_share_of_rows_added_up(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年不予公开和无法提供加起来占比多少？")
    assert (answer.found, answer.value, answer.unit) == (True, 28.1, "%")
    assert answer.formula == "不予公开和无法提供的申请占比 = (不予公开 5 + 无法提供 11) / 办理结果总计 57 = 28.1%"


def test_jia_before_shang_nian_joins_the_carried_over_row(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年本年新收加上年结转一共多少申请？")
    assert (answer.found, answer.value) == (True, 68.0) and cited(answer) == [("一", "总计"), ("二", "总计")]


@pytest.mark.parametrize(("question", "formulas"), [
    ("农业农村局2023年个人和企业申请各占多少比例？",
     ["自然人申请占比 = 自然人 52 / 新收政府信息公开申请 64 = 81.2%", "商业企业申请占比 = 商业企业 9 / 新收政府信息公开申请 64 = 14.1%"]),
    ("农业农村局2023年依申请公开办理结果中部分公开的比例",  # 依申请公开 names the total; the share is of 部分公开
     ["部分公开的申请占比 = 部分公开 6 / 办理结果总计 57 = 10.5%"]),
    ("农业农村局2023年行政复议维持的占多少比例？",
     ["行政复议结果维持的案件占比 = 行政复议 结果维持 4 / 行政复议 总计 6 = 66.7%"]),
    ("农业农村局2023年有多少申请结转到下一年，占比多少？",
     ["结转率 = 结转下年度继续办理的申请 11 / (新收政府信息公开申请 64 + 上年结转的申请 4) = 16.2%"]),
])
def test_shares_in_other_words(store: Store, settings: Settings, question: str, formulas: list[str]) -> None:
    answer = ask(store, settings, question)
    assert answer.found and answer.unit == "%" and answer.formula == "；".join(formulas)


def test_each_then_a_total_in_a_second_clause(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "农业农村局2023年行政复议和行政诉讼各多少件，合计多少？")
    assert (answer.found, answer.value, answer.formula) == (True, 11.0, "行政复议 总计 6 + 行政诉讼 5 = 11")


@pytest.mark.parametrize("text", [
    "某局2023年收到多少申请？申请一般要多少天答复？",  # a later clause that only says 申请 is no second figure
    "某局2023年有几件申请是区分处理、部分公开的？",  # words describing one figure
    "某局和某县2023年一共收到多少申请？",  # two agencies joined, one metric
])
def test_not_several_figures(text: str) -> None:
    assert asked_terms(Question(text)) is None
