"""index/table_resolve.py: cells of an open row that the table's relations fix (四 = 一 + 二 − 三.七) are taken
when the printed digits agree; a cell the printing contradicts stays unread."""

from __future__ import annotations

from govqa.index.numbers import lex
from govqa.index.table_fit import RowFit, fit_row
from govqa.index.table_resolve import resolve
from govqa.index.templates import load_templates

TABLE = load_templates()["2021"].tables["申请"]


def _fits(rows: dict[str, str]) -> list[RowFit]:
    return [fit_row(TABLE, TABLE.row(key), [t for t in lex(printed) if t.kind == "num"]) for key, printed in rows.items()]


def test_a_row_of_zeros_printed_with_a_gap_is_fixed_by_the_column_relation() -> None:
    fits = _fits({"一": "2 0 0 0 0 0 2", "二": "0000000", "三.七": "2 0 0 0 0 0 2", "四": "0 00000"})
    assert len(fits[-1].readings) > 1  # where the blank falls cannot be read from the row alone
    resolved = resolve(TABLE, fits)
    assert resolved.agreed["四"] == {col: (0.0, "0") for col in TABLE.row("四").cols}
    assert [f.kind for f in resolved.findings] == ["parse"]  # the whole row is read: no ambiguity is left
    assert "一" not in resolved.agreed and resolved.chosen["一"].values == (2.0, 0, 0, 0, 0, 0, 2.0)


def test_a_cell_the_printed_digits_contradict_is_not_taken() -> None:
    # 一 + 二 − 三.七 gives 自然人 = 1 and 总计 = 1, but the row prints only zeros: those two stay unread
    fits = _fits({"一": "2 0 0 0 0 0 2", "二": "0000000", "三.七": "1 0 0 0 0 0 1", "四": "0 00000"})
    resolved = resolve(TABLE, fits)
    assert set(resolved.agreed["四"]) == {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"}
    assert sorted(f.kind for f in resolved.findings) == ["ambiguous", "parse"]


def test_no_relation_fixes_a_row_whose_neighbours_are_open_too() -> None:
    # 一 and 三.七 print only their non-empty cells: 四 cannot be solved from them, nothing is made up
    fits = _fits({"一": "2 2", "三.七": "2 2", "四": "0 00000"})
    resolved = resolve(TABLE, fits)
    assert not resolved.agreed.get("四")
    assert all(f.kind == "ambiguous" for f in resolved.findings if f.row == "四")
