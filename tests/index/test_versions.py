"""Versions on the real corpus: nothing ingested later overwrites a stored report; --replace and activate switch.

The corpus is read in place (<repo root>/../shared/corpus); the extra files (renamed copies, a one-cell edit, a
title-and-overview cut, a tableless note) are made in tmp by the tests.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from govqa.core.config import Settings
from govqa.index import schema
from govqa.index.ingest import ingest_paths, parse_document
from govqa.index.loaders import load_file
from govqa.index.store import Store
from govqa.index.versions import diff_cells
from govqa.qa.cli import main

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
ANSWERING = ("reports", "cells", "findings", "sections")

pytestmark = [pytest.mark.backend,
              pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").is_file(), reason=f"the real corpus is not at {CORPUS}")]


def corpus_files() -> list[Path]:
    """The corpus reports listed in MANIFEST.tsv (rows whose file is '-' were skipped by the collector)."""
    rows = (line.split("\t")[0] for line in (CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:])
    return [CORPUS / name for name in rows if name not in ("", "-")]


def dump(store: Store, tables: tuple[str, ...] | None = None) -> dict[str, list[tuple]]:
    """Every row of every table (or of the named ones)."""
    with store.engine.connect() as conn:
        return {t.name: sorted(map(tuple, conn.execute(select(t)).all()), key=repr) for t in schema.metadata.sorted_tables
                if tables is None or t.name in tables}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str, exit_code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == exit_code, result.output
    return result.stdout  # logged warnings go to stderr


def one_cell_edit(source: Path, dest: Path, *, settings: Settings) -> tuple[Path, tuple[str, str, str]]:
    """A copy of source with one printed number changed so that exactly one parsed cell differs (checked by parsing)."""
    text = source.read_text(encoding="utf-8")
    original = parse_document(load_file(source, settings=settings))
    for cell in original.tables.cells:
        raw = cell.raw.strip()
        if not (raw.isdigit() and len(raw) >= 2 and text.count(raw) == 1):
            continue
        edited = raw[:-1] + str((int(raw[-1]) + 1) % 10)
        dest.write_text(text.replace(raw, edited), encoding="utf-8")
        diff = diff_cells(old=original.tables.cells, new=parse_document(load_file(dest, settings=settings)).tables.cells)
        if not diff.added and not diff.removed and len(diff.changed) == 1:
            return dest, diff.changed[0]
    raise AssertionError(f"no number of {source.name} changes exactly one cell")


@pytest.fixture
def first(settings: Settings) -> tuple[Store, dict[str, list[tuple]], dict[str, str]]:
    """The corpus ingested once (tables only): the store, its full dump, and each stored file's version id."""
    store = Store(settings.db_url)
    summary = ingest_paths(corpus_files(), settings=settings, store=store)
    assert summary.reports == len(corpus_files()) - len(summary.refused) > 25
    assert all("no standard tables" in (r.error or "") for r in summary.refused)
    return store, dump(store), {r.path.name: r.report_id for r in summary.files if r.report_id}


def test_nothing_ingested_later_overwrites_a_stored_report(first, settings: Settings, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    store, after_first, version_of = first
    stored = {v.content_hash: v for v in store.versions()}
    # every stored file has a version of its own, whatever agency and year it was read as
    assert {sha(CORPUS / name) for name in version_of} == set(stored)
    assert all(name in stored[sha(CORPUS / name)].files for name in version_of)
    # one active version per agency and year read, and those are exactly the reports that answer
    groups = {(v.agency, v.year) if v.year is not None else v.id for v in stored.values()}
    assert sorted(v.id for v in stored.values() if v.active) == sorted(r.id for r in store.reports())
    assert store.count_reports() == len(groups)

    again = ingest_paths(corpus_files(), settings=settings, store=store)
    assert (again.added, again.replaced, again.inactive, again.unchanged) == (0, 0, 0, len(version_of))
    assert dump(store) == after_first

    names = sorted(version_of)[:3]
    tmp = tmp_path / "extra"
    tmp.mkdir()
    copies = [shutil.copyfile(CORPUS / name, tmp / f"copy of {name}") for name in names]
    target = max(store.reports(), key=lambda r: store.count_cells(r.id))  # the most complete report
    edited, key = one_cell_edit(CORPUS / target.source, tmp / "one cell changed.txt", settings=settings)
    text = (CORPUS / target.source).read_text(encoding="utf-8")
    (tmp / "title and overview only.txt").write_text(text[: text.index("三、")], encoding="utf-8")
    (tmp / "note without tables.txt").write_text(target.title + "\n会议纪要：本次会议没有统计表。\n", encoding="utf-8")

    out = json.loads(run("ingest", "--no-vectors", "--json", str(tmp), exit_code=1))  # 1: the note is refused
    by_name = {Path(f["path"]).name: f for f in out["files"]}
    for copy, name in zip(copies, names, strict=True):
        assert (by_name[copy.name]["status"], by_name[copy.name]["note"]) == ("unchanged", f"same content as {name}")
    assert "no standard tables found" in by_name["note without tables.txt"]["error"]
    cut = by_name["title and overview only.txt"]
    assert cut["status"] in ("inactive", "refused")  # fewer cells than the full report: never the one that answers
    one = by_name[edited.name]
    assert (one["status"], one["active"], one["previous"]) == ("inactive", False, target.id)
    assert one["diff"] == {"added": [], "removed": [], "changed": [list(key)]}
    assert dump(store, ANSWERING) == {t: after_first[t] for t in ANSWERING}
    assert set(after_first["report_versions"]) <= set(dump(store)["report_versions"])  # earlier versions untouched

    listed = json.loads(run("reports", "--versions", "--json"))
    files = {f for v in listed for f in v["files"]}
    assert {c.name for c in copies} | {edited.name} <= files
    mine = [v for v in listed if (v["agency"], v["year"]) == (target.agency, target.year)]
    assert [(v["id"], v["active"]) for v in mine if v["active"]] == [(target.id, True)] and len(mine) >= 2
    assert len(json.loads(run("reports", "--json"))) == len(groups)  # `reports` still lists what answers

    def insert_then_crash(conn, parsed, **kw):  # type: ignore[no-untyped-def]
        real_insert(conn, parsed, **kw)  # the answering version is parked and the new one written ...
        raise OSError("disk full")  # ... then the transaction dies

    before_crash = dump(store)
    real_insert = Store._insert
    crash = tmp_path / "crash.txt"
    crash.write_text(text + "\n", encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(Store, "_insert", staticmethod(insert_then_crash))
        [refused] = ingest_paths([crash], settings=settings, store=store, replace=True).files
    assert refused.status == "refused" and "disk full" in (refused.error or "")
    assert dump(store) == before_crash

    switched = json.loads(run("ingest", "--no-vectors", "--json", "--replace", str(edited)))["files"][0]
    assert (switched["status"], switched["previous"]) == ("replaced", target.id)
    changed_value = store.cells(report_id=switched["report"], table=key[0], row=key[1], col=key[2])
    assert len(changed_value) == 1 and [r.id for r in store.reports() if r.id == target.id] == []

    def park_then_crash(self, conn, report_id):  # type: ignore[no-untyped-def]
        real_park(self, conn, report_id)  # the answering version is moved out ...
        raise OSError("disk full")  # ... and the transaction dies before the other one is written

    before_crash = dump(store)
    real_park = Store._park
    with monkeypatch.context() as patch, pytest.raises(OSError, match="disk full"):
        patch.setattr(Store, "_park", park_then_crash)
        store.activate(target.id)
    assert dump(store) == before_crash

    assert f"{target.id} ({target.agency} {target.year}) now answers" in run("activate", "--no-vectors", target.id)
    assert dump(store, ANSWERING) == {t: after_first[t] for t in ANSWERING}


def test_retrieval_returns_only_chunks_of_the_active_version(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GOVQA_EMBED_BACKEND", "hash")  # the real ChunkIndex and Chroma, a fast embedder
    from govqa.core.config import load_settings
    from govqa.qa.service import GovQA

    settings = load_settings()
    source = CORPUS / "fujian_pingtan-jjf_2019.txt"
    edited = tmp_path / "jjf_2019 corrected.txt"  # another version of the same report: one more line at the end
    edited.write_text(source.read_text(encoding="utf-8") + "\n（更正版）\n", encoding="utf-8")
    qa = GovQA(settings)
    qa.ingest([source])
    [first] = qa.store.reports()
    second = qa.ingest([edited], replace=True).files[0]
    assert second.status == "replaced" and second.chunks > 0

    def hit_reports() -> set[str]:
        hits = qa.retriever.search("政府信息公开工作", agencies=(first.agency,), years=(2019,), k=20)
        assert hits
        return {h.chunk.report_id for h in hits}

    assert hit_reports() == {second.report_id}
    assert qa.vectors.count() == qa.vectors.count(second.report_id)
    run("activate", first.id)
    assert hit_reports() == {first.id}
    assert qa.vectors.count(second.report_id) == 0
    run("activate", "--no-vectors", second.report_id)  # tables only: the first version's chunks stay in Chroma ...
    assert qa.vectors.count(first.id) > 0
    assert qa.retriever.search("政府信息公开工作", agencies=(first.agency,), years=(2019,), k=20) == []  # ... unused


def test_a_title_and_overview_cut_never_answers_in_place_of_the_full_report(settings: Settings, tmp_path: Path) -> None:
    store = Store(settings.db_url)
    full = CORPUS / "fujian_pingtan-gaj_2022.txt"
    text = full.read_text(encoding="utf-8")
    cut = tmp_path / "title and overview.txt"
    cut.write_text(text[: text.index("三、")], encoding="utf-8")
    [first] = ingest_paths([cut], settings=settings, store=store).files
    assert first.status == "added" and 0 < first.cells < 50
    [complete] = ingest_paths([full], settings=settings, store=store).files
    assert (complete.status, complete.previous) == ("replaced", first.report_id)  # more cells: it answers
    assert complete.diff is not None and len(complete.diff.added) == complete.cells - first.cells
    [again] = ingest_paths([cut], settings=settings, store=store).files
    assert again.status == "unchanged" and again.active is False
    assert [(r.id, store.count_cells(r.id)) for r in store.reports()] == [(complete.report_id, complete.cells)]
    assert sorted(v.cells for v in store.versions()) == [first.cells, complete.cells]
