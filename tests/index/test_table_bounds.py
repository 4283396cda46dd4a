"""index/table_fit.py: a bound of the template (现行有效 ≥ 制发 − 废止) chooses between cuts of run-together digits."""

from __future__ import annotations

from govqa.index.numbers import lex
from govqa.index.table_fit import fit_row
from govqa.index.table_resolve import resolve
from govqa.index.templates import load_templates

T2021 = load_templates()["2021"].tables["主动公开"]
T2019 = load_templates()["2019"].tables["主动公开"]


def _readings(table, key: str, printed: str) -> list[tuple[float, ...]]:
    fit = fit_row(table, table.row(key), [t for t in lex(printed) if t.kind == "num"])
    return [r.values for r in fit.readings]


def test_a_cut_with_fewer_documents_in_force_than_issued_and_not_repealed_is_not_a_reading() -> None:
    # 9040: 9 issued, 0 repealed, 40 in force; 90 issued, 4 repealed and 0 in force cannot be
    assert _readings(T2021, "行政规范性文件", "9040") == [(9.0, 0.0, 40.0)]
    fit = fit_row(T2021, T2021.row("行政规范性文件"), [t for t in lex("9040") if t.kind == "num"])
    resolved = resolve(T2021, [fit])
    assert resolved.chosen["行政规范性文件"].values == (9.0, 0.0, 40.0) and resolved.findings == []
    assert "现行有效件数 ≥ 本年制发件数 − 本年废止件数" in resolved.chosen["行政规范性文件"].note


def test_cuts_the_bound_leaves_several_of_stay_open() -> None:
    # 4126: 4|1|26 and 4|12|6 keep the bound (41|2|6 does not): the row stays open, 4 issued is shared
    assert _readings(T2021, "行政规范性文件", "4126") == [(4.0, 1.0, 26.0), (4.0, 12.0, 6.0)]
    fit = fit_row(T2021, T2021.row("行政规范性文件"), [t for t in lex("4126") if t.kind == "num"])
    resolved = resolve(T2021, [fit])
    assert "行政规范性文件" not in resolved.chosen
    assert resolved.agreed["行政规范性文件"] == {"本年制发件数": (4.0, "4")}


def test_a_row_printed_one_value_per_column_is_read_as_printed_even_when_it_breaks_the_bound() -> None:
    assert _readings(T2021, "行政规范性文件", "50 1 3") == [(50.0, 1.0, 3.0)]


def test_the_2019_total_published_is_at_least_the_newly_published() -> None:
    # 1232: 1|2|32 only; 1|23|2 and 12|3|2 would publish more this year than in all
    assert _readings(T2019, "规范性文件", "1232") == [(1.0, 2.0, 32.0)]


def test_a_row_printed_with_only_its_non_empty_cells_says_so_when_left_open() -> None:
    table = load_templates()["2019"].tables["申请"]
    row = table.row("一")
    fit = fit_row(table, row, [t for t in lex("33") if t.kind == "num"])  # 3 in some applicant column, 总计 3
    assert fit.kind == "gaps"
    resolved = resolve(table, [fit])
    [finding] = resolved.findings
    assert finding.kind == "ambiguous" and "only its non-empty cells printed" in finding.message
    assert resolved.agreed["一"] == {"总计": (3.0, "3")}
