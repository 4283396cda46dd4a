"""Every real report of the shared corpus is stored once, under exactly the agency and year its MANIFEST gives.

Tables only (no vectors): the whole corpus ingests in about a second. The corpus is read in place
(<repo root>/../shared/corpus); its MANIFEST.tsv was written by hand from the source pages, not by govqa.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from govqa.core.config import Settings
from govqa.index.ingest import ingest_paths
from govqa.index.metadata import read_metadata
from govqa.index.normalize import normalize_text
from govqa.index.store import Store

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
# A file the MANIFEST says keeps only part of the standard tables may be refused for that reason alone (the
# table parser decides whether what is left is a standard table); everything else must be stored.
PARTIAL_TABLES = "only table 2 present"

pytestmark = pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").exists(), reason=f"corpus not found at {CORPUS}")


def manifest() -> list[dict[str, str]]:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        return [row for row in csv.DictReader(fh, delimiter="\t") if row["file"] != "-"]


def test_manifest_lists_every_corpus_file() -> None:
    assert {row["file"] for row in manifest()} == {p.name for p in CORPUS.glob("*.txt")}


@pytest.mark.parametrize("row", manifest() if (CORPUS / "MANIFEST.tsv").exists() else [], ids=lambda r: r["file"])
def test_metadata_reads_the_manifest_agency_and_year(row: dict[str, str]) -> None:
    text = normalize_text((CORPUS / row["file"]).read_text(encoding="utf-8"))
    meta = read_metadata(text, source=row["file"])
    assert (meta.agency, meta.year) == (row["agency"], int(row["year"]))
    assert meta.warnings == () or all("statistics period" in w for w in meta.warnings), meta.warnings


def test_the_whole_corpus_is_stored_once_with_the_manifest_identity(settings: Settings) -> None:
    store = Store(settings.db_url)
    rows = manifest()
    summary = ingest_paths([CORPUS / row["file"] for row in rows], settings=settings, store=store)

    refused = {r.path.name: r.error or "" for r in summary.refused}
    for name, error in refused.items():
        (row,) = [r for r in rows if r["file"] == name]
        assert PARTIAL_TABLES in row["layout_note"] and "no standard tables" in error, (name, error)
    assert summary.replaced == 0 and summary.unchanged == 0  # no two files merged into one (agency, year)

    stored = {Path(r.source).name: r for r in store.reports()}
    assert set(stored) == {r["file"] for r in rows} - set(refused)
    for row in rows:
        if row["file"] in stored:
            rep = stored[row["file"]]
            assert (rep.agency, rep.year) == (row["agency"], int(row["year"])), row["file"]
    assert all(r.agency.strip() and r.short_name.strip() for r in store.reports())
    assert len({(r.agency, r.year) for r in store.reports()}) == len(stored)
