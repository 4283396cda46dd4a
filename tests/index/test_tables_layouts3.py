"""parse_tables over tests/fixtures/layouts3: layouts of real reports the real corpus lacks, against golden cells.

The fixtures and their goldens are written by tests/fixtures/build_layouts3.py from numbers typed by hand there
(never from the parser); a golden leaves out the cells its layout does not decide.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govqa.core.config import Settings
from govqa.core.types import TableResult
from govqa.index.loaders import load_file
from govqa.index.normalize import normalize_text
from govqa.index.tables import parse_tables

LAYOUTS3 = Path(__file__).parents[1] / "fixtures" / "layouts3"
FILES = sorted(p for p in LAYOUTS3.iterdir() if not p.name.endswith(".json"))


def _parse(path: Path) -> TableResult:
    return parse_tables(normalize_text(load_file(path, settings=Settings()).text))


def _golden(path: Path) -> dict[tuple[str, str, str], float]:
    cells = json.loads((path.parent / f"{path.stem}.cells.json").read_text(encoding="utf-8"))
    return {(c["table"], c["row"], c["col"]): float(c["value"]) for c in cells}


def test_every_layout_present() -> None:
    assert {p.name for p in FILES} == {
        "cr_cells.txt", "ideographic_space.txt", "markdown_detached.md", "word_export.html",
        "blank_placeholders.txt", "dropped_empty_2019.txt", "signed_decimal.txt",
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_layouts3_cells_match_golden(path: Path) -> None:
    golden = _golden(path)
    result = _parse(path)
    got = {(c.table, c.row, c.col): c.value for c in result.cells}
    assert len(got) == len(result.cells), "a cell was emitted twice"
    assert sorted(set(golden) - set(got)) == []
    assert sorted(set(got) - set(golden)) == []
    assert {k: (v, golden[k]) for k, v in got.items() if v != pytest.approx(golden[k])} == {}
