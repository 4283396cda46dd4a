"""parse_tables over the five real seeds and the hand-written layout fixtures, against hand-typed golden cells."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from govqa.index.tables import parse_tables

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
LAYOUTS = sorted((FIXTURES / "layouts").glob("*.txt"))


def _golden(path: Path) -> dict[tuple[str, str, str], float]:
    cells = json.loads(path.with_suffix(".cells.json").read_text(encoding="utf-8"))
    keys = [(c["table"], c["row"], c["col"]) for c in cells]
    assert len(keys) == len(set(keys)), f"{path.name}: duplicate golden keys"
    return {(c["table"], c["row"], c["col"]): float(c["value"]) for c in cells}


def _parsed(path: Path) -> dict[tuple[str, str, str], float]:
    result = parse_tables(path.read_bytes().decode("utf-8"))
    keys = [(c.table, c.row, c.col) for c in result.cells]
    assert len(keys) == len(set(keys)), f"{path.name}: the parser emitted a cell twice"
    return {(c.table, c.row, c.col): c.value for c in result.cells}


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_cells_match_golden(path: Path) -> None:
    golden = _golden(path)
    assert len(golden) == 198
    got = _parsed(path)
    assert set(got) == set(golden)
    wrong = {k: (got[k], golden[k]) for k in golden if got[k] != pytest.approx(golden[k])}
    assert wrong == {}


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.stem)
def test_layout_cells_match_golden(path: Path) -> None:
    golden = _golden(path)
    got = _parsed(path)
    assert set(got) == set(golden)
    assert {k: v for k, v in got.items() if v != pytest.approx(golden[k])} == {}


def test_five_seeds_and_five_layouts_present() -> None:
    assert len(SEEDS) == 5 and len(LAYOUTS) == 5


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_counts_per_table(path: Path) -> None:
    result = parse_tables(path.read_text(encoding="utf-8"))
    assert Counter(c.table for c in result.cells) == {"主动公开": 22, "申请": 161, "复议诉讼": 15}
    assert result.template == "2019"


@pytest.mark.parametrize(("stem", "template"), [("2021_format", "2021"), ("mixed_2021", "mixed"), ("one_line", "2019")])
def test_template_decided_from_printed_labels(stem: str, template: str) -> None:
    assert parse_tables((FIXTURES / "layouts" / f"{stem}.txt").read_text(encoding="utf-8")).template == template


def test_mixed_report_keys_rows_by_printed_label() -> None:
    result = parse_tables((FIXTURES / "layouts" / "mixed_2021.txt").read_text(encoding="utf-8"))
    rows = {(c.table, c.row) for c in result.cells}
    assert ("主动公开", "行政规范性文件") in rows and ("主动公开", "规范性文件") not in rows
    assert ("申请", "三.六") in rows and ("申请", "三.六.1") not in rows
    typo = [c for c in result.cells if c.row == "三.三.2"]  # printed as 其他法律行政 / 止公开
    assert len(typo) == 7


def test_2021_report_has_no_purchase_row_and_no_missing_findings() -> None:
    result = parse_tables((FIXTURES / "layouts" / "2021_format.txt").read_text(encoding="utf-8"))
    assert not any(c.row == "政府集中采购" for c in result.cells)
    assert [c.value for c in result.cells if c.row == "行政事业性收费"] == [12.6]
    assert [c.col for c in result.cells if c.row == "行政许可"] == ["本年处理决定数量"]
    assert result.findings == ()


def test_seed_001_wrong_value_counts() -> None:
    result = parse_tables(next(p for p in SEEDS if p.name.startswith("001")).read_text(encoding="utf-8"))
    cells = {(c.row, c.col): c for c in result.cells if c.table == "申请"}
    assert cells[("三.一", "总计")].raw == ""  # six values printed: the seventh filled by the row relation
    assert [cells[("三.七", col)].value for col in ("自然人", "其他", "总计")] == [3, 0, 0]
    notes = {f.row: f for f in result.findings if f.kind == "parse"}
    assert set(notes) == {"三.一", "三.二", "三.三.1", "三.三.2", "三.三.3", "三.三.4", "三.三.5", "三.六", "三.七"}
    assert "printed 6 values for 7 columns" in notes["三.一"].message
    assert "printed 8 values for 7 columns" in notes["三.七"].message and "dropped value 8 '0'" in notes["三.七"].message


def test_seed_raw_keeps_units_and_signs() -> None:
    raws = {}
    for path in SEEDS:
        for cell in parse_tables(path.read_text(encoding="utf-8")).cells:
            raws[(path.name[:3], cell.row, cell.col)] = (cell.raw, cell.value)
    assert raws[("000", "政府集中采购", "采购总金额")] == ("40.94 万元", 40.94)
    assert raws[("002", "政府集中采购", "采购总金额")] == ("2154.97万元", 2154.97)
    assert raws[("003", "政府集中采购", "采购总金额")] == ("18336.88 万", 18336.88)
    assert raws[("003", "行政许可", "本年增/减")] == ("+1196", 1196)
    assert raws[("003", "行政强制", "本年增/减")] == ("-14", -14)


def test_seed_004_screenshot_tables_are_not_read() -> None:
    result = parse_tables(next(p for p in SEEDS if p.name.startswith("004")).read_text(encoding="utf-8"))
    assert result.findings == ()
    assert all(c.value in (0, 1, 2, 78, -37, 35, -35, 402.2) for c in result.cells)


def test_amount_in_yuan_is_converted_with_a_unit_finding() -> None:
    result = parse_tables((FIXTURES / "layouts" / "amounts_yuan.txt").read_bytes().decode("utf-8"))
    cell = next(c for c in result.cells if c.col == "采购总金额")
    assert (cell.value, cell.raw) == (25.1, "251000元")
    units = [f for f in result.findings if f.kind == "unit"]
    assert len(units) == 1 and units[0].row == "政府集中采购" and "251000元" in units[0].message


def test_run_together_ambiguous_row_gives_finding_and_only_the_cells_every_reading_shares() -> None:
    result = parse_tables((FIXTURES / "layouts" / "run_together.txt").read_text(encoding="utf-8"))
    review = {c.col: c.value for c in result.cells if c.table == "复议诉讼"}
    assert "复议后诉.维持" not in review and "复议后诉.纠正" not in review  # 1|10 or 11|0: left open
    assert review["复议后诉.总计"] == 11 and review["复议.总计"] == 2 and len(review) == 13
    ambiguous = [f for f in result.findings if f.kind == "ambiguous"]
    assert [(f.table, f.row) for f in ambiguous] == [("复议诉讼", "数量")]
    assert "1|1|0|0|2|0|0|0|0|0|11|0|0|0|11" in ambiguous[0].message
    # 121000013 splits two ways by its row; the column relations pick 12|1|0|0|0|0|13
    first = [c.value for c in result.cells if c.table == "申请" and c.row == "一"]
    assert first == [12, 1, 0, 0, 0, 0, 13]


def test_crlf_fullwidth_nbsp_markdown_are_read() -> None:
    text = (FIXTURES / "layouts" / "amounts_yuan.txt").read_bytes().decode("utf-8")
    assert "\r\n" in text and "１２" in text
    cells = {(c.row, c.col): c.value for c in parse_tables(text).cells}
    assert cells[("行政许可", "本年增/减")] == 3 and cells[("行政许可", "上一年项目数量")] == 12


def test_missing_row_yields_no_cells_and_a_missing_finding() -> None:
    path = next(p for p in SEEDS if p.name.startswith("002"))
    text = path.read_text(encoding="utf-8").replace("行政强制 2 0 19", "")
    result = parse_tables(text)
    assert not any(c.row == "行政强制" for c in result.cells)
    assert [(f.kind, f.row) for f in result.findings] == [("missing", "行政强制")]


def test_text_without_tables_has_no_cells() -> None:
    result = parse_tables("某某局2020年工作总结。全年召开会议12次，接待群众300人次。")
    assert result.cells == ()
    assert {f.kind for f in result.findings} == {"missing"}


@pytest.mark.parametrize("path", SEEDS + LAYOUTS, ids=lambda p: p.stem)
def test_score_matrix_and_shared_regions_change_nothing(path: Path) -> None:
    """The alignment's precomputed scores equal pair_score, and sharing a region's groups equals lexing it again."""
    from govqa.index.numbers import clean_chars, lex
    from govqa.index.tables import best_match, groups, pair_score, regions, score_matrix
    from govqa.index.templates import load_templates

    text = clean_chars(path.read_bytes().decode("utf-8"))
    compared = 0
    lexed: dict = {}
    for template in load_templates().values():
        for table in template.tables.values():
            for start, end in regions(text, table)[:2]:
                found = groups(lex(text, start, end))
                matrix = score_matrix(found, table.rows)
                assert matrix == [[pair_score(g, r) for r in table.rows] for g in found]
                compared += sum(s is not None for row in matrix for s in row)
            assert best_match(text, table, lexed=lexed) == best_match(text, table)
    assert compared > 0 and lexed


@pytest.mark.parametrize(("header", "label"), [("采购总金额（元）", "政府集中采购"), ("采购总金额", "政府集中采购（元）"),
                                               ("采购总金额(单位：元)", "政府集中采购")])
def test_amount_without_unit_under_a_header_in_yuan_is_converted(header: str, label: str) -> None:
    text = (FIXTURES / "layouts" / "amounts_yuan.txt").read_bytes().decode("utf-8")
    text = text.replace("采购总金额\t", f"{header}\t").replace("政府集中采购\t3\t251000元", f"{label}\t3\t251000")
    result = parse_tables(text)
    cell = next(c for c in result.cells if c.col == "采购总金额")
    assert (cell.value, cell.raw) == (25.1, "251000")
    [unit] = [f for f in result.findings if f.kind == "unit"]
    assert "header in 元" in unit.message and unit.printed == 25.1


def test_amount_under_a_header_in_wanyuan_is_kept() -> None:
    text = (FIXTURES / "layouts" / "2021_format.txt").read_text(encoding="utf-8")
    assert "本年收费金额（单位：万元）" in text
    result = parse_tables(text)
    assert [c.value for c in result.cells if c.col == "本年收费金额"] == [12.6]
    assert not [f for f in result.findings if f.kind == "unit"]


def test_irregular_spaces_and_glued_totals_read_as_the_regular_row() -> None:
    text = (FIXTURES / "layouts" / "one_line.txt").read_text(encoding="utf-8")
    regular = parse_tables(text)
    odd = (text.replace("申请数量 4 1 0 0 0 0 5 ", "申请数量 41 0 0 0 05 ")  # spaces lost, total glued to 其他
               .replace("（七）总计 4 1 0 0 0 0 5 ", "（七）总计 4 1 0 0 0 05")  # total glued to the next row's 四、
               .replace("继续办理 1 0 0 0 0 0 1 ", "继续办理 10 0 0 0 01 "))
    result = parse_tables(odd)
    assert {(c.table, c.row, c.col): c.value for c in result.cells} == {(c.table, c.row, c.col): c.value for c in regular.cells}
    assert not [f for f in result.findings if f.kind != "note"]
    [note] = [f for f in result.findings if f.table == "申请"]
    assert "3 rows" in note.message and "一, 三.七, 四" in note.message


def test_a_row_settled_by_the_whole_table_says_so() -> None:
    result = parse_tables((FIXTURES / "layouts" / "run_together.txt").read_text(encoding="utf-8"))
    [finding] = [f for f in result.findings if f.kind == "parse" and f.row == "一"]
    assert "12|1|0|0|0|0|13" in finding.message and "whole table" in finding.message
    assert len([f for f in result.findings if f.kind == "note"]) == 2  # one per table with confirmed splits


def test_a_space_inside_a_number_is_joined_only_when_no_reading_keeping_it_fits() -> None:
    text = (FIXTURES / "layouts" / "one_line.txt").read_text(encoding="utf-8")
    regular = {(c.row, c.col): c.value for c in parse_tables(text).cells if c.table == "申请"}
    assert regular[("一", "自然人")] == 4
    bumped = text.replace("申请数量 4 1 0 0 0 0 5 ", "申请数量 1 4 1 0 0 0 0 15 ")  # 14 printed as "1 4"
    result = parse_tables(bumped)
    row = [c.value for c in result.cells if c.table == "申请" and c.row == "一"]
    assert row == [14, 1, 0, 0, 0, 0, 15]
    [finding] = [f for f in result.findings if f.kind == "parse" and f.row == "一"]
    assert "space inside a number ignored" in finding.message
    plain = parse_tables(text.replace("申请数量 4 1 0 0 0 0 5 ", "申请数量 4 1 0 0 0 0 6 "))  # broken, but as printed
    assert [c.value for c in plain.cells if c.table == "申请" and c.row == "一"] == [4, 1, 0, 0, 0, 0, 6]
