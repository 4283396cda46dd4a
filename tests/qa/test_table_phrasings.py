"""Table, compare and follow-up answers over a hand-typed store of both template versions: value, unit and the
cells cited, for each kind of wording the table route serves (2021 column words, template gaps, unreadable cells,
differences versus the higher value, sums over years, a place word as scope, follow-ups)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell, Finding, ParsedReport, Report, TableResult
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation
from tests.qa.conftest import FakeRetriever

APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
REVIEW = tuple(f"{g}.{o}" for g in ("复议", "直诉", "复议后诉") for o in ("维持", "纠正", "其他", "未审结", "总计"))
JT, WL, SC = "海滨市交通运输局", "海滨市文化旅游局", "山城县人民政府"


def _apply(row: str, values: tuple[int, ...], skip: tuple[str, ...] = ()) -> list[Cell]:
    return [Cell("申请", row, c, float(v), str(v)) for c, v in zip(APPLICANTS, values, strict=True) if c not in skip]


def _open(row: str, **cols: str) -> list[Cell]:
    return [Cell("主动公开", row, c.replace("_", "/"), float(raw.replace("+", "")), raw) for c, raw in cols.items()]


def _review(values: tuple[int, ...]) -> list[Cell]:
    return [Cell("复议诉讼", "数量", c, float(v), str(v)) for c, v in zip(REVIEW, values, strict=True)]


AMBIGUOUS = Finding("ambiguous", "主动公开", "行政规范性文件", "",
                    "主动公开 行政规范性文件: printed '2115' for 3 columns; 2 readings fit the relations; no cells taken")
BLANK = Finding("missing", "申请", "三.二", "自然人", "申请 三.二 自然人: the cell is printed blank; no value taken")

REPORTS = (
    ("bbbbbbbbbb19", JT, 2019, "2019", (
        _open("规范性文件", 本年新制作数量="4", 本年新公开数量="4", 对外公开总数量="21")
        + _open("行政许可", 上一年项目数量="35", 本年增_减="-3", 处理决定数量="412")
        + _open("行政事业性收费", 上一年项目数量="2", 本年增_减="0")
        + _open("政府集中采购", 采购项目数量="6", 采购总金额="318.5")
        + _apply("一", (9, 1, 0, 0, 0, 0, 10)) + _apply("三.一", (5, 0, 0, 0, 0, 0, 5))
        + _apply("三.四.1", (2, 1, 0, 0, 0, 0, 3)) + _apply("三.七", (9, 1, 0, 0, 0, 0, 10))
        + _review((1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1))
    ), ()),
    ("bbbbbbbbbb21", JT, 2021, "2021", (
        _open("行政规范性文件", 本年制发件数="3", 本年废止件数="1", 现行有效件数="17")
        + _open("行政许可", 本年处理决定数量="380") + _open("行政处罚", 本年处理决定数量="95")
        + _open("行政事业性收费", 本年收费金额="56.78")
        + _apply("一", (12, 2, 0, 0, 0, 1, 15)) + _apply("三.一", (8, 1, 0, 0, 0, 0, 9))
        + _apply("三.六.1", (1, 0, 0, 0, 0, 0, 1))
        + _review((2, 1, 0, 0, 3, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1))
    ), ()),
    ("cccccccccc21", WL, 2021, "2021", (
        _open("行政处罚", 本年处理决定数量="140") + _apply("一", (3, 0, 0, 0, 0, 0, 3))
        + _apply("三.二", (0, 1, 0, 0, 0, 0, 1), skip=("自然人",))
    ), (AMBIGUOUS, BLANK)),
    ("dddddddddd21", SC, 2021, "2021", (
        _open("行政处罚", 本年处理决定数量="900") + _apply("一", (40, 0, 0, 0, 0, 0, 40))
    ), ()),
)


@pytest.fixture
def ask(tmp_path: Path, settings):
    from govqa.index.store import Store

    store = Store(f"sqlite:///{tmp_path / 'phrasings.db'}")
    for rid, agency, year, template, cells, findings in REPORTS:
        report = Report(id=rid, source=f"{rid}.txt", agency=agency, short_name=agency, aliases=(), year=year,
                        template=template, title=f"{agency}{year}年政府信息公开工作年度报告", content_hash=rid * 5, text="")
        store.save(ParsedReport(report, (), TableResult(tuple(cells), findings, template), findings))

    def _ask(*texts: str):
        chat = Conversation()
        answers = [answer_question(t, store=store, retriever=FakeRetriever([]), conversation=chat, settings=settings)
                   for t in texts]
        return answers[-1]
    return _ask


def cited(answer) -> set[tuple[str, int | None, str, str, str]]:
    """(agency, year, table, row, col) of every source."""
    return {(s.agency, s.year, s.table, s.row, s.col) for s in answer.sources}


# ---- one cell, in the wording of either template ---------------------------------------------------------------

@pytest.mark.parametrize(("question", "value", "unit", "cell"), [
    (f"{JT}2021年制发了几件行政规范性文件？", 3, "件", ("行政规范性文件", "本年制发件数")),
    (f"{JT}2021年新发了几个规范性文件？", 3, "件", ("行政规范性文件", "本年制发件数")),
    (f"{JT}2021年罚了几次款", 95, "个", ("行政处罚", "本年处理决定数量")),
    (f"{JT}2021年废止了多少件规范性文件", 1, "件", ("行政规范性文件", "本年废止件数")),
    (f"{JT}2021年现行有效的规范性文件有多少件", 17, "件", ("行政规范性文件", "现行有效件数")),
    (f"{JT}2021年继续有效的规范性文件有几件", 17, "件", ("行政规范性文件", "现行有效件数")),
    (f"{JT}2021年有多少件规范性文件宣布失效", 1, "件", ("行政规范性文件", "本年废止件数")),
    (f"{JT}2021年作出了多少个行政许可决定？", 380, "个", ("行政许可", "本年处理决定数量")),
    (f"{JT}2021年行政处罚本年处理决定数量", 95, "个", ("行政处罚", "本年处理决定数量")),
    (f"{JT}2021年行政事业性收费收了多少钱", 56.78, "万元", ("行政事业性收费", "本年收费金额")),
    (f"{JT}2019年新制作了几件规范性文件", 4, "件", ("规范性文件", "本年新制作数量")),
    (f"{JT}2019年规范性文件对外公开总数是多少", 21, "件", ("规范性文件", "对外公开总数量")),
    (f"{JT}2019年行政许可上一年项目数量", 35, "个", ("行政许可", "上一年项目数量")),
    (f"{JT}2019年行政许可项目比上年增加了多少？", -3, "个", ("行政许可", "本年增/减")),
    (f"{JT}2019年行政许可的处理决定有多少", 412, "个", ("行政许可", "处理决定数量")),
    (f"{JT}2019年政府集中采购花了多少钱", 318.5, "万元", ("政府集中采购", "采购总金额")),
])
def test_open_table_cell(ask, question: str, value: float, unit: str, cell: tuple[str, str]) -> None:
    a = ask(question)
    year = 2021 if "2021" in question else 2019
    assert a.found and a.route == "table" and a.value == pytest.approx(value) and a.unit == unit
    assert cited(a) == {(JT, year, "主动公开", *cell)}


@pytest.mark.parametrize(("question", "value", "cell"), [
    (f"{JT}2021年因为逾期不补正而没有处理的申请有几件", 1, ("三.六.1", "总计")),
    (f"{JT}2019年有几件申请因为本机关不掌握而无法提供", 3, ("三.四.1", "总计")),
    (f"{JT}2021年收到的申请里自然人提的有几件", 12, ("一", "自然人")),
    (f"{JT}2021年同意公开的申请有多少", 9, ("三.一", "总计")),
])
def test_application_cell(ask, question: str, value: float, cell: tuple[str, str]) -> None:
    a = ask(question)
    assert a.found and a.value == value and a.unit == "件"
    assert (JT, 2021 if "2021" in question else 2019, "申请", *cell) in cited(a)


def test_review_and_lawsuit_cases_are_counted_in_jian(ask) -> None:
    a = ask(f"{JT}2021年被申请行政复议了几次")
    assert a.value == 3 and a.unit == "件" and cited(a) == {(JT, 2021, "复议诉讼", "数量", "复议.总计")}
    b = ask(f"{JT}2021年先复议后又起诉的有几件")
    assert b.value == 1 and b.unit == "件" and cited(b) == {(JT, 2021, "复议诉讼", "数量", "复议后诉.总计")}


def test_a_comparison_word_is_not_a_year(ask) -> None:
    a = ask(f"{JT}2019年行政事业性收费项目比上一年增减了多少")
    assert a.value == 0 and a.unit == "个" and "2019年" in a.text and "2018" not in a.text


# ---- what the report's template does not print, and what the parser could not read -------------------------------

@pytest.mark.parametrize("question", [
    f"{JT}2021年政府集中采购总金额是多少？",
    f"{JT}2021年规范性文件本年新公开了几件",
    f"{JT}2019年废止了几件规范性文件",
])
def test_metric_outside_the_template_is_refused(ask, question: str) -> None:
    a = ask(question)
    assert not a.found and a.value is None and "版模板" in a.text


def test_digits_run_together_are_no_number(ask) -> None:
    a = ask(f"{WL}2021年制发了几件行政规范性文件")
    assert not a.found and a.value is None and "2115" in a.text and "不表示为0" in a.text


def test_blank_cell_the_row_total_proves_zero_is_named_as_derived(ask) -> None:
    # 三.二 prints 总计 1 = 商业企业 1 with 自然人 blank: counts are never negative, so the blank is 0, said so
    a = ask(f"{WL}2021年部分公开的申请里自然人有几件")
    assert a.found and a.value == 0 and "未填" in a.text and "勾稽关系" in a.text, a.text
    assert {(WL, 2021, "申请", "三.二", "总计"), (WL, 2021, "申请", "三.二", "商业企业")} <= cited(a)


def test_a_comparison_with_an_unreadable_side_gives_no_number(ask) -> None:
    a = ask(f"2021年{JT}和{WL}谁制发的规范性文件更多")
    assert not a.found and a.value is None and "3件" in a.text and "无法" in a.text


def test_part_of_a_year_is_refused(ask) -> None:
    a = ask(f"{JT}2021年第三季度收到多少申请")
    assert not a.found and a.value is None and "季度" in a.text


# ---- across years and agencies -----------------------------------------------------------------------------------

def test_difference_between_years(ask) -> None:
    a = ask(f"{JT}2021年比2019年多收到几件申请？")
    assert a.found and a.value == 5 and a.unit == "件"
    assert {(JT, 2019, "申请", "一", "总计"), (JT, 2021, "申请", "一", "总计")} <= cited(a)


def test_which_year_is_higher_answers_the_higher_value(ask) -> None:
    a = ask(f"{JT}2019年和2021年哪年收到的申请更多")
    assert a.value == 15 and a.unit == "件" and "2021年" in a.text


def test_sum_over_one_agencys_years(ask) -> None:
    a = ask(f"{JT}2019年和2021年收到的申请加起来一共多少件")
    assert a.value == 25 and a.unit == "件" and "2个年度" in a.text
    assert {(JT, 2019, "申请", "一", "总计"), (JT, 2021, "申请", "一", "总计")} <= cited(a)


@pytest.mark.parametrize("said", ["加在一起是多少", "合起来有几件", "两年相加是多少件", "之和是多少"])
def test_sum_over_years_in_other_words(ask, said: str) -> None:
    a = ask(f"{JT}2019年和2021年收到的申请{said}")
    assert a.value == 25 and a.unit == "件", a.text


def test_place_word_scopes_a_ranking(ask) -> None:
    a = ask("2021年海滨哪个部门作出的行政处罚决定最多？")
    assert a.value == 140 and a.unit == "个" and "文化旅游局" in a.text and SC not in a.text
    assert cited(a) == {(JT, 2021, "主动公开", "行政处罚", "本年处理决定数量"),
                        (WL, 2021, "主动公开", "行政处罚", "本年处理决定数量")}


def test_place_word_scopes_a_sum(ask) -> None:
    a = ask("2021年海滨各部门收到的信息公开申请加起来一共多少件")
    assert a.value == 18 and a.unit == "件" and len({s.agency for s in a.sources}) == 2


def test_without_a_place_word_every_agency_counts(ask) -> None:
    a = ask("2021年哪个部门作出的行政处罚决定最多？")
    assert a.value == 900 and SC in a.text


# ---- follow-ups ----------------------------------------------------------------------------------------------------

def test_followup_another_year(ask) -> None:
    a = ask(f"{JT}2021年收到多少申请？", "那2019年呢？")
    assert a.value == 10 and a.unit == "件" and (JT, 2019, "申请", "一", "总计") in cited(a)


def test_followup_a_column_of_the_same_row(ask) -> None:
    a = ask(f"{JT}2021年收到多少申请？", "其中自然人多少？")
    assert a.value == 12 and cited(a) == {(JT, 2021, "申请", "一", "自然人")}


def test_followup_a_row_of_the_same_report(ask) -> None:
    a = ask(f"{JT}2021年收到多少申请？", "其中予以公开的有几件？")
    assert a.value == 9 and (JT, 2021, "申请", "三.一", "总计") in cited(a)


def test_followup_another_agency(ask) -> None:
    a = ask(f"{JT}2021年作出了多少行政处罚决定？", f"{WL}呢？")
    assert a.value == 140 and a.unit == "个" and cited(a) == {(WL, 2021, "主动公开", "行政处罚", "本年处理决定数量")}


def test_followup_another_row_keeps_agency_and_year(ask) -> None:
    a = ask(f"{JT}2021年行政许可决定有多少个？", "行政处罚呢？")
    assert a.value == 95 and cited(a) == {(JT, 2021, "主动公开", "行政处罚", "本年处理决定数量")}


def test_organisations_sum_five_applicant_columns(ask) -> None:
    a = ask(f"{JT}2021年法人或其他组织提出了多少申请")
    assert a.value == 3 and a.unit == "件" and "商业企业2件" in a.text
    assert {(s.row, s.col) for s in a.sources} == {("一", c) for c in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")}


def test_review_outcome_words(ask) -> None:
    a = ask(f"{JT}2021年行政复议被撤销的有几件")
    assert a.value == 1 and cited(a) == {(JT, 2021, "复议诉讼", "数量", "复议.纠正")}


def test_ranking_says_what_it_could_not_read(ask) -> None:
    a = ask("2021年海滨哪个部门制发的规范性文件最多")
    assert a.found and a.value == 3 and a.text.startswith("（以下排序只含能读出数值的1份报告")
    assert "2115" in a.text and "不表示为0" in a.text


def test_agencies_without_a_report_that_year_are_no_gap_in_a_ranking(ask) -> None:
    a = ask("2019年哪个部门收到的申请最多")
    assert a.value == 10 and "知识库中没有" not in a.text


def test_followup_keeps_the_place_word(ask) -> None:
    a = ask("2021年海滨哪个部门作出的行政处罚决定最多？", "那收到的申请呢？")
    assert a.value == 15 and SC not in a.text and {s.agency for s in a.sources} == {JT, WL}


@pytest.mark.parametrize("question", [f"{JT}2021年有几件申请被驳回", f"{JT}2021年收到的申请平均几天答复"])
def test_an_outcome_no_row_counts_is_not_the_total(ask, question: str) -> None:
    a = ask(question)
    assert a.route != "table" and a.value is None and "15件" not in a.text


def test_the_2021_other_handling_rows_are_named(ask) -> None:
    a = ask(f"{JT}2021年因申请人无正当理由逾期不补正而不再处理的有几件")
    assert a.value == 1 and "逾期不补正" in a.text and "三.六.1" not in a.text


def test_followup_difference_with_another_year(ask) -> None:
    a = ask(f"{JT}2021年收到多少申请？", "比2019年多多少？")
    assert a.value == 5 and a.unit == "件"
    assert {(JT, 2019, "申请", "一", "总计"), (JT, 2021, "申请", "一", "总计")} <= cited(a)


def test_followup_set_beside_another_agency(ask) -> None:
    a = ask(f"{JT}2021年作出了多少行政处罚决定？", f"和{WL}比呢？")
    assert a.value == 140 and a.unit == "个" and JT in a.text
    assert {s.agency for s in a.sources} == {JT, WL}


def test_difference_asked_as_less(ask) -> None:
    a = ask(f"{JT}2019年收到的申请比2021年少了多少？")
    assert a.value == 5 and "2019年比" in a.text and "少5件" in a.text


# ---- collective places, outcome words beside 依申请公开, "who has more", bodies the store cannot hold ---------------

@pytest.mark.parametrize("question", ["2021年海滨市各局作出的行政处罚决定，哪家最多？", "2021年海滨各局里行政处罚决定最多的是哪个局？",
                                      "2021年海滨市哪个局作出的行政处罚决定最多？"])
def test_a_place_with_its_bodies_scopes_a_ranking_and_is_no_unknown_agency(ask, question: str) -> None:
    a = ask(question)
    assert a.found and a.value == 140 and "文化旅游局" in a.text and SC not in a.text, a.text


def test_a_bare_place_the_store_has_no_government_of_is_still_unknown(ask) -> None:
    a = ask("海滨市2021年收到多少申请？")
    assert not a.found and a.reason == "no-agency" and "“海滨市”" in a.text


@pytest.mark.parametrize("question", [f"{JT}2021年依申请公开中予以公开的有几件", f"{JT}2021年给予公开的申请是几件？"])
def test_an_outcome_named_beside_the_tables_name_is_the_outcome(ask, question: str) -> None:
    a = ask(question)
    assert a.value == 9 and (JT, 2021, "申请", "三.一", "总计") in cited(a), a.text


def test_who_received_more_answers_the_higher_value(ask) -> None:
    a = ask(f"2021年{JT}和{WL}，谁收到的信息公开申请多？")
    assert a.found and a.value == 15 and a.unit == "件" and "多12件" in a.text, a.text


def test_a_ministry_the_store_does_not_hold_is_refused_not_answered_for_everyone(ask) -> None:
    a = ask("交通运输部2021年收到多少政府信息公开申请")
    assert (a.found, a.reason) == (False, "no-agency") and "“交通运输部”" in a.text


def test_a_two_digit_year_is_that_year_not_the_newest(ask) -> None:
    a = ask(f"{JT}19年收到多少申请？")
    assert a.value == 10 and (JT, 2019, "申请", "一", "总计") in cited(a), a.text


def test_a_count_of_a_places_bodies_compared_ranks_them(ask) -> None:
    a = ask("2021年海滨两个局谁作出的行政处罚决定更多？")
    assert a.found and a.value == 140 and "文化旅游局" in a.text and SC not in a.text, a.text
    b = ask("2021年海滨市两个局谁收到的申请更少？")
    assert b.value == 3 and b.text.index("文化旅游局") < b.text.index("交通运输局"), b.text


def test_a_short_name_of_a_ministry_is_refused(ask) -> None:
    a = ask("科技部2021年收到多少政府信息公开申请")
    assert (a.found, a.reason) == (False, "no-agency") and "“科技部”" in a.text


@pytest.mark.parametrize("question", [f"{JT}2021年行政事业性收费多少万元", f"{JT}2021年行政事业性收费情况"])
def test_a_row_of_one_cell_answers_with_its_value(ask, question: str) -> None:
    a = ask(question)
    assert a.found and a.value == pytest.approx(56.78) and a.unit == "万元", a.text
    assert cited(a) == {(JT, 2021, "主动公开", "行政事业性收费", "本年收费金额")}


def test_an_open_row_of_non_empty_cells_is_refused_for_what_it_is() -> None:
    from govqa.core.types import Metric
    from govqa.qa.compose import absent_reason
    from govqa.qa.table_query import MetricValue, ReportRef, Unread

    ref = ReportRef("r1", JT, "交通运输局", 2019, "2019")
    gaps = Unread("r1", "申请", "一", "", "ambiguous",
                  "申请 一: printed '33' for 7 columns (only its non-empty cells printed); 6 readings fit the relations")
    text = absent_reason(Metric("申请", "一", "自然人"), MetricValue(ref, None, (), (gaps,)))
    assert "只印出了非空的格子" in text and "“33”" in text and "不表示为0" in text


def test_a_prose_cue_does_not_let_another_count_of_the_quote_answer_a_cell(tmp_path: Path, settings) -> None:
    """收到多少条申请: 条 points at prose, the passage found also counts 主动公开 items in 条; the sentence that names
    the applications states the cell's 15, so the cell answers with the passage beside it (never the 260)."""
    from govqa.core.types import Chunk
    from govqa.index.store import Store

    store = Store(f"sqlite:///{tmp_path / 'cue.db'}")
    rid, agency, year, template, cells, findings = REPORTS[1]
    report = Report(id=rid, source=f"{rid}.txt", agency=agency, short_name=agency, aliases=(), year=year,
                    template=template, title="t", content_hash=rid * 5, text="")
    store.save(ParsedReport(report, (), TableResult(tuple(cells), findings, template), findings))
    text = "全年主动公开政府信息260条，全文电子化率100%。2021年，本局收到政府信息公开申请15件，均按时答复。"
    chunk = Chunk(id="cue:0", report_id=rid, agency=JT, short_name=JT, year=2021, section="总体情况", subheading="",
                  start=0, end=len(text), text=text)
    a = answer_question(f"{JT}2021年收到多少条政府信息公开申请", store=store, retriever=FakeRetriever([chunk]),
                        conversation=None, settings=settings)
    assert a.found and a.route == "table" and a.value == 15 and "260" not in a.text.split("（报告正文")[0], a.text
