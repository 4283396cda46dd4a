"""index/table_resolve.py: a row printed run together is settled by a number the report's own prose states."""

from __future__ import annotations

from govqa.index.numbers import lex
from govqa.index.table_fit import fit_row
from govqa.index.table_resolve import resolve, row_words
from govqa.index.templates import load_templates
from govqa.index.text_table import cell_statements

TABLE = load_templates()["2021"].tables["主动公开"]
ROW = TABLE.row("行政规范性文件")
OTHERS = [w for r in TABLE.rows if r.key != ROW.key for w in row_words(r)]


def _fits(printed: str) -> list:
    return [fit_row(TABLE, ROW, [t for t in lex(printed) if t.kind == "num"])]


def test_the_row_and_column_words_find_the_stated_cell() -> None:
    text = "本机关清理后现行有效的规范性文件23件，另有规章2件。"
    assert [(s.col, s.value, text[s.start:s.end]) for s in cell_statements(text, row_words(ROW), ROW.cols, OTHERS)] \
        == [("现行有效件数", 23.0, "现行有效的规范性文件23件")]
    # a count of another row after ours is not ours; a count with no column word says nothing
    assert list(cell_statements("现行有效的规范性文件和规章2件。", row_words(ROW), ROW.cols, OTHERS)) == []
    assert list(cell_statements("发布规范性文件类信息23条。", row_words(ROW), ROW.cols, OTHERS)) == []


def test_one_reading_agreeing_with_the_prose_is_taken_with_a_parse_finding() -> None:
    fits = _fits("7223")  # 7|2|23 and 7|22|3 keep 现行有效 ≥ 制发 - 废止; 72|2|3 does not
    assert len(fits[0].readings) > 1
    alone = resolve(TABLE, fits)
    assert ROW.key not in alone.chosen and [f.kind for f in alone.findings] == ["ambiguous"]
    text = "一、总体情况。全面清理本局现行有效的规范性文件23件，并在网站公开。" + " " * 40
    told = resolve(TABLE, fits, text)
    assert told.chosen[ROW.key].values == (7.0, 2.0, 23.0)
    [finding] = told.findings
    assert finding.kind == "parse" and finding.col == "现行有效件数"
    assert text[finding.start:finding.end] == "现行有效的规范性文件23件" and "7|2|23" in finding.message


def test_prose_that_several_readings_agree_with_keeps_the_row_open_with_the_cells_they_share() -> None:
    fits = _fits("12345")  # 1|2|345, 1|23|45, 1|234|5, 12|3|45, 12|34|5 (123|4|5 breaks the bound)
    told = resolve(TABLE, fits, "本年制定规范性文件12件。")
    assert ROW.key not in told.chosen
    assert told.agreed[ROW.key] == {"本年制发件数": (12.0, "12")}
    [finding] = told.findings
    assert finding.kind == "ambiguous" and "制定规范性文件12件" in finding.message


def test_prose_no_reading_agrees_with_decides_nothing() -> None:
    fits = _fits("7223")
    told = resolve(TABLE, fits, "现行有效的规范性文件99件。")
    assert ROW.key not in told.chosen and [f.kind for f in told.findings] == ["ambiguous"]
    assert told.findings[0].start is None


def test_a_count_followed_by_its_column_word_settles_the_row() -> None:
    # 2156: 2|1|56 and 2|15|6 keep the bound; the prose says one was repealed, a clause after naming the row
    fits = _fits("2156")
    text = "今年对本局规范性文件开展清理，其中40件继续有效、1件予以废止。" + " " * 20
    [stmt] = cell_statements(text, row_words(ROW), ROW.cols, OTHERS)
    assert (stmt.col, stmt.value, text[stmt.start:stmt.end]) == ("本年废止件数", 1.0, "1件予以废止")
    told = resolve(TABLE, fits, text)
    assert told.chosen[ROW.key].values == (2.0, 1.0, 56.0)
    # the same words about another row named after ours say nothing about ours
    assert list(cell_statements("规范性文件清理后，规章中2件予以废止。", row_words(ROW), ROW.cols, OTHERS)) == []


TABLE_2019 = load_templates()["2019"].tables["主动公开"]
ROW_2019 = TABLE_2019.row("规范性文件")


def test_a_kind_among_the_items_published_does_not_settle_a_2019_row() -> None:
    # '121212' for 本年新制作 | 本年新公开 | 对外公开总数量 keeps six readings (12|12|12 among them). A count of the
    # 规范性文件 kind among the year's 主动公开 items is not the table's cell: in the corpus's 2019-template reports
    # whose row reads plainly it differs from 本年新公开 in most (7 beside 6|6|6, 7 beside 2|2|2), so it decides nothing
    fits = [fit_row(TABLE_2019, ROW_2019, [t for t in lex("121212") if t.kind == "num"])]
    text = "2019年度，主动公开政府信息300条。其中公示公告类120条，规范性文件类信息12条，政策解读类5条。"
    told = resolve(TABLE_2019, fits, text)
    assert ROW_2019.key not in told.chosen
    assert [f.kind for f in told.findings] == ["ambiguous"] and "12|12|12" in told.findings[0].message
