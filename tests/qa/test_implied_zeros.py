"""Blank cells the table's own 勾稽关系 prove to be 0: derived only when a printed total equals its printed parts,
named as derived in the answer with the total and parts cited; a relation that does not close, a relation with a
minus term, a broken table or a row not found keeps the refusal. Hand-typed reports, no corpus text."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell, CellHit, Finding, ParsedReport, Report, ReportRef, TableResult
from govqa.index.templates import load_templates
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation
from govqa.qa.implied_zeros import derive_zeros
from govqa.qa.table_query import fetch_cells
from tests.qa.conftest import FakeRetriever

APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
TABLE = load_templates()["2021"].tables["申请"]
LEAVES = [r.key for r in TABLE.rows if r.key.startswith("三.") and r.key != "三.七"]
EAST, WEST, SOUTH, NORTH, HILL = "东湖区林业局", "西山区林业局", "南湖区水利局", "北岭区林业局", "青峰镇人民政府"
REVIEW_BLANK = [f"{g}.{o}" for g in ("直诉", "复议后诉") for o in ("维持", "纠正", "其他", "未审结")] + ["复议.纠正"]


def _apply(row: str, values: tuple[int | None, ...]) -> list[Cell]:
    """One row of 表三; None is a cell printed blank (no Cell)."""
    return [Cell("申请", row, c, float(v), str(v)) for c, v in zip(APPLICANTS, values, strict=True) if v is not None]


def _blank_rows(*rows: str) -> tuple[Finding, ...]:
    return tuple(Finding("missing", "申请", r, "", f"申请 {r}: label printed with no values (blank cells, not 0)")
                 for r in rows)


def _blank_cell(row: str, col: str) -> Finding:
    return Finding("missing", "申请", row, col, f"申请 {row} {col}: the cell is printed blank; no value taken (a blank is not 0)")


ONLY_OPENED = _apply("一", (3, 0, 0, 0, 0, 0, 3)) + _apply("三.一", (3, 0, 0, 0, 0, 0, 3))
BROKEN = Finding("relation", "申请", "三.七", "总计", "申请 三.七 总计: expected 4 (各项之和), printed 3")
NOT_FOUND = Finding("missing", "申请", "三.二", "", "申请 三.二: row not found in the printed table")

REPORTS = (
    # 三.七 3 = 三.一 3: every blank 办理结果 row is 0; 二/四 blank stay unread (三.七 = 一 + 二 − 四)
    ("eeeeeeeeee21", EAST, (*ONLY_OPENED, *_apply("三.七", (3, 0, 0, 0, 0, 0, 3))),
     _blank_rows(*[r for r in LEAVES if r != "三.一"], "二", "四")),
    # 三.七 4 ≠ 三.一 3: the blanks hold the 1 somewhere, nothing is proven
    ("wwwwwwwwww21", WEST, (*ONLY_OPENED, *_apply("三.七", (4, 0, 0, 0, 0, 0, 4))),
     _blank_rows(*[r for r in LEAVES if r != "三.一"], "二", "四")),
    # blank cells in rows: 一's 商业企业 is 0 (总计 2 = 自然人 2); 三.一's is not (总计 2 ≠ 自然人 1)
    ("ssssssssss21", SOUTH, (*_apply("一", (2, None, 0, 0, 0, 0, 2)), *_apply("三.一", (1, None, 0, 0, 0, 0, 2)),
                             *_apply("二", (0, 0, 0, 0, 0, 0, 0)), *_apply("四", (0, 0, 0, 0, 0, 0, 0)),
                             *[c for r in LEAVES if r != "三.一" for c in _apply(r, (0, 0, 0, 0, 0, 0, 0))],
                             *_apply("三.七", (1, 1, 0, 0, 0, 0, 2))),
     (_blank_cell("一", "商业企业"), _blank_cell("三.一", "商业企业"))),
    # 表四 prints each 总计 0 and leaves the outcome cells blank: they are 0; no 表三 at all: nothing is derived
    ("hhhhhhhhhh21", HILL, (*[Cell("复议诉讼", "数量", f"{g}.总计", 0.0, "0") for g in ("复议", "直诉", "复议后诉")],
                            *[Cell("复议诉讼", "数量", f"复议.{o}", 1.0, "1") for o in ("维持",)]),
     (*[Finding("missing", "复议诉讼", "数量", c, f"复议诉讼 数量 {c}: the cell is printed blank; no value taken")
        for c in REVIEW_BLANK], Finding("missing", "申请", "", "", "申请: table not found in the text"))),
    # the relations close but the table breaks another one, or a row under the total was not found
    ("nnnnnnnnnn21", NORTH, (*ONLY_OPENED, *_apply("三.七", (3, 0, 0, 0, 0, 0, 3))),
     (*_blank_rows(*[r for r in LEAVES if r not in ("三.一", "三.二")]), NOT_FOUND, BROKEN)),
)


@pytest.fixture
def store(tmp_path: Path):
    from govqa.index.store import Store

    made = Store(f"sqlite:///{tmp_path / 'zeros.db'}")
    for rid, agency, cells, findings in REPORTS:
        report = Report(id=rid, source=f"{rid}.txt", agency=agency, short_name=agency, aliases=(), year=2021,
                        template="2021", title=f"{agency}2021年政府信息公开工作年度报告", content_hash=rid * 5, text="")
        made.save(ParsedReport(report, (), TableResult(tuple(cells), findings, "2021"), findings))
    return made


@pytest.fixture
def ask(store, settings):
    def _ask(text: str):
        return answer_question(text, store=store, retriever=FakeRetriever([]), conversation=Conversation(),
                               settings=settings)
    return _ask


def cited(answer) -> set[tuple[str | None, str | None, str | None]]:
    return {(s.agency, s.row, s.col) for s in answer.sources}


# ---- the derivation itself --------------------------------------------------------------------------------------

REF = ReportRef("r", EAST, EAST, 2021, "2021")


def _derive(cells: list[Cell], blank: set[tuple[str, str]]) -> dict[tuple[str, str], CellHit]:
    return derive_zeros(TABLE, REF, [CellHit(REF, c) for c in cells], blank)


def test_a_column_total_equal_to_its_printed_rows_makes_the_blank_rows_zero() -> None:
    cells = _apply("三.一", (2, 0, 0, 0, 0, 0, 2)) + _apply("三.二", (1, 0, 0, 0, 0, 0, 1)) + _apply("三.七", (3, 0, 0, 0, 0, 0, 3))
    blank = {(r, "") for r in LEAVES if r not in ("三.一", "三.二")}
    got = _derive(cells, blank)
    assert {k for k in got} == {(r, c) for r, _ in blank for c in APPLICANTS}
    zero = got[("三.三.1", "总计")]
    assert zero.value == 0 and zero.implied and [(h.row, h.value) for h in zero.basis] == [("三.七", 3), ("三.一", 2), ("三.二", 1)]
    assert got[("三.三.1", "自然人")].value == 0 and got[("三.三.1", "自然人")].implied


def test_a_derived_zero_total_makes_its_row_zero() -> None:
    cells = _apply("三.一", (None, None, None, None, None, None, 2)) + _apply("三.七", (None, None, None, None, None, None, 2))
    got = _derive(cells, {(r, "") for r in LEAVES if r != "三.一"})
    zero = got[("三.二", "总计")]
    assert got[("三.二", "自然人")].basis == (zero,)  # the row's parts rest on its derived total
    assert ("三.一", "自然人") not in got  # 三.一 printed only its total: its columns stay unread


def test_a_column_total_that_does_not_close_proves_nothing() -> None:
    cells = _apply("三.一", (2, 0, 0, 0, 0, 0, 2)) + _apply("三.七", (3, 0, 0, 0, 0, 0, 3))
    got = _derive(cells, {(r, "") for r in LEAVES if r != "三.一"})
    assert not any(k[1] in ("总计", "自然人") for k in got)
    assert ("三.二", "商业企业") in got  # that column closes: 三.七 prints 0 for 商业企业


def test_a_part_that_is_not_printed_blank_proves_nothing() -> None:
    cells = _apply("三.一", (2, 0, 0, 0, 0, 0, 2)) + _apply("三.七", (2, 0, 0, 0, 0, 0, 2))
    blank = {(r, "") for r in LEAVES if r not in ("三.一", "三.二")}  # 三.二 unread (not found, run together)
    assert all(k[0] != "三.三.1" or k[1] != "总计" for k in _derive(cells, blank))
    assert ("三.三.1", "总计") not in _derive(cells, blank)


def test_a_row_total_equal_to_its_printed_cells_makes_a_blank_cell_zero() -> None:
    got = _derive(_apply("一", (4, None, 0, 0, 0, 0, 4)), {("一", "商业企业")})
    assert list(got) == [("一", "商业企业")] and got[("一", "商业企业")].basis[0].value == 4
    assert _derive(_apply("一", (4, None, 0, 0, 0, 0, 5)), {("一", "商业企业")}) == {}


def test_an_all_blank_row_with_a_printed_zero_total_is_zero() -> None:
    got = _derive(_apply("三.二", (None, None, None, None, None, None, 0)), {("三.二", c) for c in APPLICANTS[:-1]})
    assert {c for _, c in got} == set(APPLICANTS[:-1])


def test_a_relation_with_a_minus_term_proves_nothing() -> None:
    cells = _apply("一", (2, 0, 0, 0, 0, 0, 2)) + _apply("三.七", (2, 0, 0, 0, 0, 0, 2))
    assert ("二", "总计") not in _derive(cells, {("二", ""), ("四", "")})


def test_the_open_table_is_never_filled() -> None:
    table = load_templates()["2021"].tables["主动公开"]
    assert derive_zeros(table, REF, [], {("行政处罚", "")}) == {}


# ---- answers ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    f"{EAST}2021年部分公开的申请有几件",
    f"{EAST}2021年部分公开了多少件申请？",
    f"{EAST}2021年有几件申请是部分公开的",
    f"2021年{EAST}部分公开的政府信息公开申请数量",
])
def test_a_blank_row_the_total_proves_zero_answers_zero_and_says_why(ask, question: str) -> None:
    a = ask(question)
    assert a.found and a.value == 0, a.text
    assert "未填" in a.text and "勾稽关系" in a.text and "办理结果总计3 = 予以公开3" in a.text
    assert {(EAST, "三.二", "总计"), (EAST, "三.七", "总计"), (EAST, "三.一", "总计")} <= cited(a)
    assert any(s.text.endswith("（表中未填，按勾稽关系为0）") for s in a.sources if s.row == "三.二")


@pytest.mark.parametrize("question", [f"{EAST}2021年依申请公开的不予公开率是多少",
                                      f"{EAST}2021年不予公开的比例", f"{EAST}2021年不予公开的申请占多少"])
def test_an_indicator_over_blank_rows_the_total_proves_zero(ask, question: str) -> None:
    a = ask(question)
    assert a.found and a.value == 0, a.text
    assert "未填" in a.text and "勾稽关系" in a.text
    assert {(EAST, "三.三.1", "总计"), (EAST, "三.七", "总计"), (EAST, "三.一", "总计")} <= cited(a)


def test_a_blank_row_under_a_minus_relation_stays_unread(ask) -> None:
    a = ask(f"{EAST}2021年上年结转的申请有多少件")
    assert not a.found and a.value is None and "空白不等于0" in a.text and "勾稽关系也不能推出" in a.text, a.text


@pytest.mark.parametrize("question", [f"{WEST}2021年部分公开的申请有几件", f"{WEST}2021年依申请公开的不予公开率是多少"])
def test_a_total_that_does_not_close_keeps_the_refusal(ask, question: str) -> None:
    a = ask(question)
    assert not a.found and a.value is None and "按勾稽关系" not in a.text, a.text


@pytest.mark.parametrize("question", [f"{NORTH}2021年部分公开的申请有几件", f"{NORTH}2021年不予公开的申请有几件"])
def test_a_broken_table_or_a_row_not_found_keeps_the_refusal(ask, question: str) -> None:
    a = ask(question)
    assert not a.found and a.value is None, a.text


def test_a_blank_cell_the_row_total_proves_zero(ask) -> None:
    a = ask(f"{SOUTH}2021年收到的申请中商业企业提出的有几件")
    assert a.found and a.value == 0 and "未填" in a.text, a.text
    assert {(SOUTH, "一", "商业企业"), (SOUTH, "一", "总计"), (SOUTH, "一", "自然人")} <= cited(a)


def test_a_blank_cell_whose_row_does_not_close_is_no_zero(ask) -> None:
    a = ask(f"{SOUTH}2021年予以公开的申请中商业企业有几件")
    assert not a.found and a.value is None and "空白" in a.text, a.text


def test_the_store_keeps_only_the_printed_cells(store) -> None:
    hits = fetch_cells(store, table="申请", rows=[r.key for r in TABLE.rows], cols=None, report_ids=["eeeeeeeeee21"])
    assert {h.row for h in hits} == {"一", "三.一", "三.七"} and not any(h.implied for h in hits)


def test_a_review_table_whose_totals_are_zero_makes_its_blank_outcomes_zero(ask) -> None:
    a = ask(f"{HILL}2021年行政诉讼结果维持的有几件")
    assert a.found and a.value == 0 and "未填" in a.text, a.text
    assert (HILL, "数量", "直诉.总计") in cited(a)


def test_a_blank_cell_whose_total_does_not_close_stays_blank(ask) -> None:
    a = ask(f"{HILL}2021年行政复议结果纠正的有几件")  # 复议.总计 0 but 复议.维持 1: the table itself is wrong
    assert not a.found and a.value is None, a.text


def test_a_missing_table_is_never_a_derived_zero(ask) -> None:
    a = ask(f"{HILL}2021年部分公开的申请有几件")
    assert not a.found and a.value is None and "按勾稽关系" not in a.text, a.text
