"""parse_tables over tests/fixtures/layouts2: real-world shapes beyond the seeds, against hand-typed golden cells.

The .txt fixtures are written by hand; the .docx/.html/.pdf ones by tests/fixtures/build_layouts2.py.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from govqa.core.config import Settings
from govqa.core.types import TableResult
from govqa.index.loaders import load_file
from govqa.index.tables import parse_tables

LAYOUTS2 = Path(__file__).parents[1] / "fixtures" / "layouts2"
FILES = sorted(p for p in LAYOUTS2.iterdir() if p.suffix in (".txt", ".html", ".docx", ".pdf"))


def _parse(path: Path) -> TableResult:
    text = path.read_text(encoding="utf-8") if path.suffix == ".txt" else load_file(path, settings=Settings()).text
    return parse_tables(text)


def _golden(path: Path) -> dict[tuple[str, str, str], float]:
    cells = json.loads(path.with_suffix(".cells.json").read_text(encoding="utf-8"))
    return {(c["table"], c["row"], c["col"]): float(c["value"]) for c in cells}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_layouts2_cells_match_golden(path: Path) -> None:
    golden = _golden(path)
    result = _parse(path)
    got = {(c.table, c.row, c.col): c.value for c in result.cells}
    assert len(got) == len(result.cells), "a cell was emitted twice"
    assert set(got) == set(golden)
    assert {k: v for k, v in got.items() if v != pytest.approx(golden[k])} == {}


def test_all_shapes_present() -> None:
    assert {p.name for p in FILES} == {
        "empty_cells.txt", "separators_spaced_2021.txt", "review_multiline.txt", "review_interleaved.txt",
        "active_reordered.txt", "2021_merged.docx", "2021_rowspan.html", "apply_split.pdf",
    }


def test_dash_slash_none_are_zero_with_raw_kept_and_blank_is_missing() -> None:
    result = _parse(LAYOUTS2 / "empty_cells.txt")
    cells = {(c.table, c.row, c.col): c for c in result.cells}
    assert (cells[("主动公开", "规章", "本年新制作数量")].raw, cells[("主动公开", "规章", "本年新制作数量")].value) == ("/", 0)
    assert cells[("主动公开", "其他对外管理服务事项", "处理决定数量")].raw == "—"
    assert cells[("主动公开", "行政强制", "本年增/减")].raw == "无"
    assert cells[("主动公开", "行政事业性收费", "上一年项目数量")].raw == "-"
    assert [cells[("申请", "四", c)].raw for c in ("自然人", "总计")] == ["无", "无"]
    assert ("申请", "三.二", "商业企业") not in cells  # printed blank: not a zero
    assert cells[("申请", "三.二", "总计")].value == 2
    assert [(f.kind, f.table, f.row, f.col) for f in result.findings] == [("missing", "申请", "三.二", "商业企业")]
    assert "blank" in result.findings[0].message


def test_thousands_separators_and_spaced_labels() -> None:
    result = _parse(LAYOUTS2 / "separators_spaced_2021.txt")
    cells = {(c.table, c.row, c.col): c for c in result.cells}
    assert result.template == "2021" and result.findings == ()
    assert (cells[("主动公开", "行政许可", "本年处理决定数量")].raw, cells[("主动公开", "行政许可", "本年处理决定数量")].value) == ("1,536", 1536)
    assert cells[("主动公开", "行政事业性收费", "本年收费金额")].value == pytest.approx(2154.97)
    assert cells[("主动公开", "规章", "现行有效件数")].value == 5  # label printed 规 章
    assert cells[("申请", "三.七", "总计")].value == 1451  # printed 1，451 with a full-width comma
    assert cells[("申请", "三.三.1", "自然人")].value == 0  # label printed （１）属于国家秘密


@pytest.mark.parametrize("name", ["2021_merged.docx", "2021_rowspan.html"])
def test_2021_markup_tables_read_three_row_other_handling(name: str) -> None:
    result = _parse(LAYOUTS2 / name)
    rows = Counter(c.row for c in result.cells if c.table == "申请")
    assert result.template == "2021" and result.findings == ()
    assert rows["三.六.1"] == rows["三.六.2"] == rows["三.六.3"] == 7 and "三.六" not in rows


def test_apply_table_split_over_two_pages_gives_161_cells() -> None:
    import pdfplumber

    path = LAYOUTS2 / "apply_split.pdf"
    with pdfplumber.open(path) as pdf:  # the fixture really repeats the header on a later page
        assert sum("申请人情况" in (page.extract_text() or "") for page in pdf.pages) == 2
    result = _parse(path)
    assert Counter(c.table for c in result.cells) == {"主动公开": 22, "申请": 161, "复议诉讼": 15}
    assert not [f for f in result.findings if f.kind in ("missing", "ambiguous")]


@pytest.mark.parametrize("name", ["review_multiline.txt", "review_interleaved.txt"])
def test_review_numbers_over_several_lines(name: str) -> None:
    result = _parse(LAYOUTS2 / name)
    values = [c.value for c in result.cells if c.table == "复议诉讼"]
    assert values == [1, 0, 0, 0, 1, 0, 1, 0, 1, 2, 0, 0, 0, 0, 0]


def test_active_rows_out_of_template_order_are_all_read() -> None:
    result = _parse(LAYOUTS2 / "active_reordered.txt")
    rows = {c.row: c.value for c in result.cells if c.table == "主动公开" and c.col != "本年制发件数"}
    assert rows["行政许可"] == 1536 and rows["行政事业性收费"] == 12.6 and rows["行政处罚"] == 87
    assert not [f for f in result.findings if f.table == "主动公开"]


def test_prose_after_a_table_is_not_read_as_a_reordered_row() -> None:
    text = (LAYOUTS2 / "active_reordered.txt").read_text(encoding="utf-8")
    cut = text.replace("行政许可\t1536\t\t\n", "").replace("\n三、收到和处理", "\n全年办理行政许可 900 件。\n三、收到和处理")
    result = parse_tables(cut)
    assert not any(c.row == "行政许可" for c in result.cells)
    assert [(f.kind, f.row) for f in result.findings if f.table == "主动公开"] == [("missing", "行政许可")]
