"""bench/synth.py: synthetic variants keep every cell (× the factor) and every finding of their seed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bench.synth import core_names, variant_plan, vary, write_corpus
from govqa.core.types import LoadedDocument
from govqa.index.ingest import parse_document


def _parse(text: str, source: str):  # type: ignore[no-untyped-def]
    doc = LoadedDocument(source=source, text=text, content_hash=hashlib.sha256(text.encode()).hexdigest())
    return parse_document(doc)


@pytest.mark.parametrize("seed", range(5))
def test_variant_scales_every_cell_and_keeps_findings(seed_paths: list[Path], seed: int) -> None:
    path = seed_paths[seed]
    text = path.read_text(encoding="utf-8")
    original = _parse(text, path.name)
    variant = _parse(vary(text, path.name[:3], core="青龙", year_offset=-2, factor=3), path.name)
    cells = {(c.table, c.row, c.col): c.value for c in original.tables.cells}
    scaled = {(c.table, c.row, c.col): c.value for c in variant.tables.cells}
    assert scaled == {k: v * 3 for k, v in cells.items()}
    # the variant scales the tables, not the prose that states their numbers: text-table findings may differ
    def table_findings(parsed):  # type: ignore[no-untyped-def]
        return [(f.table, f.row, f.col) for f in parsed.findings if f.kind != "text-table"]

    assert table_findings(variant) == table_findings(original)
    assert variant.report.year == 2018 and "青龙" in variant.report.agency
    assert original.report.agency != variant.report.agency


def test_plan_gives_unique_agency_years(tmp_path: Path) -> None:
    plans = [variant_plan(i) for i in range(1000)]
    assert len({(seed, core, offset) for seed, core, offset, _ in plans}) == 1000
    assert len(set(core_names(300))) == 300
    paths = write_corpus(tmp_path, 12)
    assert len(paths) == 12 and len({p.read_text(encoding="utf-8") for p in paths}) == 12
