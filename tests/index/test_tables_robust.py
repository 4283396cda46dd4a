"""The table parser never crashes on what reports print: placeholders, odd cuts, and its own errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import govqa.index.tables as tables_module
from govqa.index.tables import parse_tables

LAYOUTS = Path(__file__).parents[1] / "fixtures" / "layouts"
LAYOUTS3 = Path(__file__).parents[1] / "fixtures" / "layouts3"
APPLY_ROW = "一、本年新收政府信息公开申请数量"


def _text(name: str, folder: Path = LAYOUTS) -> str:
    return (folder / name).read_bytes().decode("utf-8")


@pytest.mark.parametrize("word", ["(blank)", "（blank）", "空", "—", "/", "无", "N/A", "-", "／", "(空)", ""])
@pytest.mark.parametrize("glue", ["\t", " ", ""])
def test_placeholders_in_any_row_shape_never_crash(word: str, glue: str) -> None:
    text = _text("blank_placeholders.txt", LAYOUTS3)
    line = next(li for li in text.splitlines() if li.startswith(APPLY_ROW))
    values = line.split("\t")[1:]
    odd = glue.join([values[0], word, *values[2:5], word + values[5] + values[6]])  # a placeholder glued to digits too
    result = parse_tables(text.replace(line, f"{APPLY_ROW}{glue}{odd}"))
    assert result.cells and all(isinstance(c.value, float | int) for c in result.cells)


def test_blank_word_beside_run_together_digits_is_read_not_crashed() -> None:
    # an unseen report crashed with "could not convert string to float: '(blank)'": a blank cell in a short row
    text = _text("run_together.txt").replace("二、上年结转政府信息公开申请数量", "二、上年结转政府信息公开申请数量(blank) ", 1)
    result = parse_tables(text)
    assert {"申请", "主动公开"} <= {c.table for c in result.cells}


def test_an_exception_inside_the_parser_is_a_finding_and_the_other_tables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    real = tables_module.fit_row

    def broken(table, row, tokens):  # type: ignore[no-untyped-def]
        if table.name == "申请":
            raise ValueError("could not convert string to float: 'x'")
        return real(table, row, tokens)

    monkeypatch.setattr(tables_module, "fit_row", broken)
    result = parse_tables(_text("2021_format.txt"))
    assert {c.table for c in result.cells} == {"主动公开", "复议诉讼"}
    [finding] = [f for f in result.findings if f.table == "申请"]
    assert finding.kind == "parse" and "ValueError" in finding.message and "could not convert" in finding.message


def test_a_partly_readable_report_is_stored_with_what_was_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from govqa.core.config import load_settings
    from govqa.index.ingest import ingest_paths
    from govqa.index.store import Store

    real = tables_module.fit_row

    def broken(table, row, tokens):  # type: ignore[no-untyped-def]
        if table.name == "复议诉讼":
            raise RuntimeError("boom")
        return real(table, row, tokens)

    monkeypatch.setattr(tables_module, "fit_row", broken)
    report = tmp_path / "2021_format.txt"
    report.write_bytes((LAYOUTS / "2021_format.txt").read_bytes())
    settings = load_settings(home=tmp_path / "home", progress=False)
    store = Store(settings.db_url)
    summary = ingest_paths([report], settings=settings, store=store)
    assert summary.added == 1 and not summary.refused
    [stored] = store.reports()
    assert store.count_cells(stored.id) == summary.cells > 0
    assert any(f.kind == "parse" and "boom" in f.message for f in store.findings(stored.id))


@pytest.mark.parametrize("nil", ["—", "-", "/", "无", "――"])
def test_nil_marks_in_a_row_that_must_be_cut_are_zeros(nil: str) -> None:
    text = _text("run_together.txt").replace("11002000001100011", f" {nil} 1 0 0 1 0 0 0 0 0 0 0 0 011")
    review = {c.col: (c.value, c.raw) for c in parse_tables(text).cells if c.table == "复议诉讼"}
    assert review["复议.维持"] == (0, nil) and review["复议后诉.总计"] == (11, "11") and len(review) == 15


def test_an_empty_tab_field_in_a_row_with_a_glued_total_is_read_not_crashed() -> None:
    # the shape of the crash "could not convert string to float: '(blank)'": a blank field in a row to be cut
    text = _text("2021_format.txt")
    row = "一、本年新收政府信息公开申请数量\t\t23\t2\t0\t0\t1\t0\t26"
    assert row in text
    result = parse_tables(text.replace(row, "一、本年新收政府信息公开申请数量\t\t23\t\t0\t0\t1\t026"))
    cells = {c.col: c.value for c in result.cells if c.table == "申请" and c.row == "一"}
    assert "商业企业" not in cells  # printed blank: not a zero
    assert [f.kind for f in result.findings if f.row == "一" and f.col == "商业企业"] == ["missing"]
