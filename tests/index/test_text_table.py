"""index/text_table.py: the counts the prose states checked against the report's own cells.

Hand-written passages (real-looking numbers, our own wording) plus the shared corpus read in place.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govqa.core.config import Settings
from govqa.core.types import Cell, CellRef
from govqa.index.ingest import parse_document
from govqa.index.loaders import load_file
from govqa.index.text_table import statements, text_table_findings

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def cells(new: float = 74, carried: float = 1, handled: float | None = 75, reconsidered: float = 1,
          sued: tuple[float, float] = (1, 0)) -> list[Cell]:
    out = [Cell("申请", "一", "总计", new), Cell("申请", "二", "总计", carried),
           Cell("复议诉讼", "数量", "复议.总计", reconsidered), Cell("复议诉讼", "数量", "直诉.总计", sued[0]),
           Cell("复议诉讼", "数量", "复议后诉.总计", sued[1])]
    return out + ([Cell("申请", "三.七", "总计", handled)] if handled is not None else [])


def test_received_count_that_disagrees_is_an_error_with_its_passage_and_cell() -> None:
    text = "一、总体情况\n全年本机关共收到政府信息公开申请68件，均已按期答复。"
    [f] = text_table_findings(text, cells())
    assert (f.kind, f.severity, f.table, f.row, f.col, f.expected, f.printed) == (
        "text-table", "error", "申请", "一", "总计", 74, 68)
    assert text[f.start:f.end] == "收到政府信息公开申请68件"
    assert f.cells == (CellRef("申请", "一", "总计", 74),)


def test_received_equal_to_new_plus_carried_over_is_a_note_not_an_error() -> None:
    text = "2022年，我单位共收到政府信息公开申请75件，其中网络申请60件。"
    [f] = text_table_findings(text, cells(new=74, carried=1))
    assert (f.kind, f.severity, f.expected, f.printed) == ("text-table", "note", 74, 75)
    assert "74" in f.message and "上年结转 1" in f.message
    assert f.cells == (CellRef("申请", "一", "总计", 74), CellRef("申请", "二", "总计", 1))
    assert text_table_findings(text.replace("75件", "74件"), cells(new=74, carried=1)) == ()


def test_none_received_beside_a_table_with_three_is_an_error() -> None:
    text = "（二）依申请公开情况\n本年度我局未收到公民、法人或其他组织提出的政府信息公开申请。"
    [f] = text_table_findings(text, cells(new=3, carried=0))
    assert (f.row, f.expected, f.printed, f.severity) == ("一", 3, 0, "error")
    assert text[f.start:f.end].startswith("未收到") and text[f.start:f.end].endswith("申请")


def test_appeals_are_matched_to_their_totals_litigation_to_both_kinds_of_suit() -> None:
    text = "因政府信息公开引发行政复议2件、行政诉讼3起。"
    found = {f.col: f for f in text_table_findings(text, cells(reconsidered=1, sued=(1, 2)))}
    assert set(found) == {"复议.总计"}  # 3 suits = 1 direct + 2 after reconsideration: agrees
    f = found["复议.总计"]
    assert (f.expected, f.printed, text[f.start:f.end]) == (1, 2, "行政复议2件")
    [suits] = text_table_findings(text, cells(reconsidered=2, sued=(1, 0)))
    assert (suits.col, suits.expected, suits.printed) == ("直诉.总计", 1, 3)
    assert [c.col for c in suits.cells] == ["直诉.总计", "复议后诉.总计"]


def test_no_appeals_stated_beside_a_table_with_one() -> None:
    text = "全年未发生因政府信息公开申请引起的行政复议、行政诉讼案件。"
    [f] = text_table_findings(text, cells(reconsidered=1, sued=(0, 0)))
    assert (f.col, f.expected, f.printed) == ("复议.总计", 1, 0)


def test_carried_and_handled_counts_and_chinese_numerals() -> None:
    text = "办结上年度结转的 2 项政府信息公开申请，新收到政府信息公开申请三件，全年办理政府信息公开申请5件。"
    got = [(s.metric, s.value) for s in statements(text)]
    assert got == [("carried", 2), ("received", 3), ("handled", 5)]
    findings = text_table_findings(text, cells(new=3, carried=1, handled=4))
    assert sorted((f.row, f.expected, f.printed) for f in findings) == [("三.七", 4, 5), ("二", 1, 2)]


@pytest.mark.parametrize("text", [
    "主动公开政府信息1234条，其中规范性文件12条。",  # 主动公开 items are not a cell of the template
    "依申请公开信息88条，不予公开信息9条。",  # information items, not applications
    "一、本年新收政府信息公开申请数量3000003二、上年结转政府信息公开申请数量0000000",  # the table itself
    "全市各级行政机关共办理行政复议案件530起。",  # reconsideration at large, not about disclosure
    "向申请人公开信息12件。",  # 申请人 is the applicant
    "收到申请后5个工作日内完成登记。",  # a time limit
    "收到的政府信息公开申请中有3件不予公开。",  # a part of them, not how many came in
])
def test_what_is_not_a_statement_about_the_tables(text: str) -> None:
    assert list(statements(text)) == []


def test_a_cell_not_printed_is_not_compared() -> None:
    text = "共收到政府信息公开申请9件。"
    assert text_table_findings(text, [Cell("申请", "二", "总计", 0)]) == ()


def test_a_count_in_chinese_numerals_is_a_statement() -> None:
    (found,) = statements("本年度共收到政府信息公开申请十二件。")
    assert (found.metric, found.value) == ("received", 12)


needs_corpus = pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").exists(), reason=f"corpus not found at {CORPUS}")


@needs_corpus
def test_corpus_prose_saying_no_applications_beside_a_table_of_three(settings: Settings) -> None:
    parsed = parse_document(load_file(CORPUS / "fujian_pingtan-jjf_2023.txt", settings=settings))
    [f] = [f for f in parsed.findings if f.kind == "text-table"]
    assert (f.severity, f.table, f.row, f.col, f.expected, f.printed) == ("error", "申请", "一", "总计", 3, 0)
    assert f.cells == (CellRef("申请", "一", "总计", 3),)
    assert f.start is not None and f.end is not None
    assert re.fullmatch(r"收到\S*申请0\S", parsed.report.text[f.start:f.end])
    section3 = next(s for s in parsed.sections if s.number == 3)
    assert section3.start <= f.start < f.end <= section3.end


@needs_corpus
def test_corpus_has_no_other_text_table_error(settings: Settings) -> None:
    errors = {}
    for path in sorted(CORPUS.glob("*.txt")):
        parsed = parse_document(load_file(path, settings=settings))
        found = [f for f in parsed.findings if f.kind == "text-table" and f.severity == "error"]
        if found:
            errors[path.name] = [(f.row, f.expected, f.printed) for f in found]
    assert errors == {"fujian_pingtan-jjf_2023.txt": [("一", 3, 0)]}


@needs_corpus
def test_corpus_received_including_carried_over_agrees(settings: Settings) -> None:
    # this report's prose counts one application received, its table 1 new + 1 carried over: it says the new one
    parsed = parse_document(load_file(CORPUS / "fujian_pingtan-gaj_2022.txt", settings=settings))
    read = [(s.metric, s.value) for s in statements(parsed.report.text)]
    assert ("received", 1) in read and ("carried", 1) in read
    assert [f for f in parsed.findings if f.kind == "text-table"] == []
