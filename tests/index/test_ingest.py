"""Ingest over the real seed reports: counts, duplicates, versions, refused files, rollback, vector hook."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from govqa.core.config import Settings
from govqa.core.errors import NoTables
from govqa.core.types import ParsedReport, Report, Section
from govqa.index import schema
from govqa.index.ingest import FileResult, expand_paths, ingest_paths, parse_document
from govqa.index.loaders import load_file
from govqa.index.store import Store

pytestmark = pytest.mark.backend

SEED_000 = "000_9f89ab4fe0ea1170.txt"
ID_000 = "377f5673faa1"  # sha256sum of the file, first 12 hex (the name carries another hash)


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, to compare the store before and after."""
    with store.engine.connect() as conn:
        return {t.name: sorted(map(tuple, conn.execute(select(t)).all()), key=repr) for t in schema.metadata.sorted_tables}


class FakeIndexer:
    """Records calls; optionally fails inside index_report after 'writing' some vectors."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.indexed: list[str] = []
        self.removed: list[str] = []
        self.held: dict[str, int] = {}

    def index_report(self, report: Report, sections: tuple[Section, ...]) -> int:
        self.indexed.append(report.id)
        self.held[report.id] = 3
        if self.fail:
            raise RuntimeError(f"chroma refused report {report.id}")
        return 3

    def remove_report(self, report_id: str) -> None:
        self.removed.append(report_id)
        self.held.pop(report_id, None)

    def report_counts(self) -> dict[str, int]:
        return dict(self.held)


@pytest.fixture
def store(settings: Settings) -> Store:
    return Store(settings.db_url)


@pytest.fixture
def seeds_dir(seed_paths: list[Path]) -> Path:
    return seed_paths[0].parent


def copy_seed(name: str, dest: Path, *, new_name: str | None = None, edit: tuple[str, str] | None = None) -> Path:
    """Copy a seed into dest, optionally renamed and with one text edit."""
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / (new_name or name)
    text = (Path(__file__).parent.parent / "fixtures" / "seeds" / name).read_text(encoding="utf-8")
    if edit:
        assert edit[0] in text
        text = text.replace(edit[0], edit[1], 1)
    target.write_text(text, encoding="utf-8")
    return target


def test_ingest_seeds_gives_five_reports_990_cells(settings: Settings, store: Store, seeds_dir: Path) -> None:
    seen: list[FileResult] = []
    summary = ingest_paths([seeds_dir], settings=settings, store=store, on_file=seen.append)
    assert [r.status for r in summary.files] == ["added"] * 5
    assert [r.path.name for r in seen] == sorted(p.name for p in seeds_dir.glob("*.txt"))
    assert (summary.added, summary.cells, len(summary.refused)) == (5, 990, 0)
    assert store.count_reports() == 5 and store.count_cells() == 990
    assert all(r.cells == 198 for r in summary.files)
    assert store.get_report(SEED_000).id == ID_000


def test_ingesting_twice_changes_nothing(settings: Settings, store: Store, seeds_dir: Path) -> None:
    ingest_paths([seeds_dir], settings=settings, store=store)
    before = dump(store)
    indexer = FakeIndexer()
    again = ingest_paths([seeds_dir], settings=settings, store=store, indexer=indexer)
    assert (again.added, again.unchanged, again.replaced, again.cells) == (0, 5, 0, 990)
    assert indexer.indexed == []  # unchanged files are not re-indexed
    assert dump(store) == before


def test_same_content_under_another_name_is_a_duplicate(settings: Settings, store: Store, tmp_path: Path) -> None:
    ingest_paths([copy_seed(SEED_000, tmp_path / "a")], settings=settings, store=store)
    copy = copy_seed(SEED_000, tmp_path / "b", new_name="镇北堡镇年报.txt")
    [result] = ingest_paths([copy], settings=settings, store=store).files
    assert (result.status, result.note, result.report_id) == ("unchanged", f"same content as {SEED_000}", ID_000)
    assert store.count_reports() == 1
    assert [v.files for v in store.versions()] == [(SEED_000, "镇北堡镇年报.txt")]


def test_new_version_of_same_agency_year_is_kept_and_replace_switches(settings: Settings, store: Store,
                                                                      seeds_dir: Path, tmp_path: Path) -> None:
    # behaviour changed on purpose: a new version used to delete the stored report; now both are kept
    ingest_paths([seeds_dir], settings=settings, store=store)
    newer = copy_seed(SEED_000, tmp_path, new_name="镇北堡镇2020更正版.txt", edit=("本报告", "本年度报告"))
    indexer = FakeIndexer()
    [kept] = ingest_paths([newer], settings=settings, store=store, indexer=indexer).files
    assert (kept.status, kept.active, kept.previous, kept.chunks) == ("inactive", False, ID_000, 0)
    assert kept.diff is not None and kept.diff.summary() == "cells +0 −0 ≠0"  # same cells: a tie keeps the active one
    assert indexer.indexed == indexer.removed == []
    assert ID_000 in {r.id for r in store.reports()} and store.count_reports() == 5
    [result] = ingest_paths([newer], settings=settings, store=store, indexer=indexer, replace=True).files
    assert (result.status, result.report_id, result.chunks) == ("replaced", kept.report_id, 3)
    assert indexer.indexed == [result.report_id] and indexer.removed == [ID_000]
    assert store.count_reports() == 5 and store.count_cells() == 990
    assert store.get_report(result.report_id).source == "镇北堡镇2020更正版.txt"
    assert ID_000 not in {r.id for r in store.reports()} and len(store.versions()) == 6


def bad_files(folder: Path) -> dict[str, str]:
    """Bad files made in tmp, each with the words its refusal message must contain."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<<")
    (folder / "not_a_report.txt").write_text("会议纪要\n今天讨论了绿化工作，没有任何统计表。\n" * 20, encoding="utf-8")
    with open(folder / "huge.txt", "wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50 * 1024 * 1024)
    return {"empty.txt": "empty", "binary.txt": "binary.txt", "truncated.pdf": "truncated.pdf",
            "not_a_report.txt": "no standard tables found", "huge.txt": "too large"}


def test_bad_files_are_refused_listed_and_leave_the_store_unchanged(settings: Settings, store: Store,
                                                                    seeds_dir: Path, tmp_path: Path) -> None:
    ingest_paths([seeds_dir], settings=settings, store=store)
    before = dump(store)
    expected = bad_files(tmp_path / "bad")
    summary = ingest_paths([tmp_path / "bad"], settings=settings, store=store)
    refused = {r.path.name: r.error for r in summary.refused}
    assert set(refused) == set(expected)
    for name, words in expected.items():
        assert words in (refused[name] or ""), (name, refused[name])
    assert (summary.added, summary.unchanged) == (0, 0)
    assert dump(store) == before


def test_bad_file_does_not_stop_the_others(settings: Settings, store: Store, seeds_dir: Path, tmp_path: Path) -> None:
    bad_files(tmp_path / "bad")
    summary = ingest_paths([tmp_path / "bad", seeds_dir, tmp_path / "missing.txt"], settings=settings, store=store)
    assert (summary.added, len(summary.refused)) == (5, 6)
    assert "no such file" in (summary.refused[-1].error or "")


def test_failing_indexer_rolls_back_sql_and_removes_vectors(settings: Settings, store: Store, seeds_dir: Path,
                                                            tmp_path: Path) -> None:
    ingest_paths([seeds_dir], settings=settings, store=store)
    before = dump(store)
    indexer = FakeIndexer(fail=True)
    newer = copy_seed(SEED_000, tmp_path, new_name="v2.txt", edit=("本报告", "本年度报告"))
    [result] = ingest_paths([newer], settings=settings, store=store, indexer=indexer, replace=True).files
    assert result.status == "refused" and "chroma refused report" in (result.error or "")
    assert len(indexer.indexed) == 1 and indexer.removed == indexer.indexed
    assert dump(store) == before


def test_exception_part_way_through_save_leaves_store_as_before(settings: Settings, store: Store, seeds_dir: Path,
                                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest_paths([seeds_dir], settings=settings, store=store)
    before = dump(store)
    real_insert = Store._insert

    def insert_then_fail(conn, parsed, **kw):  # type: ignore[no-untyped-def]
        real_insert(conn, parsed, **kw)  # the old version is parked and the new one written ...
        raise OSError("disk full")  # ... then the transaction dies

    monkeypatch.setattr(Store, "_insert", staticmethod(insert_then_fail))
    newer = copy_seed(SEED_000, tmp_path, new_name="v2.txt", edit=("本报告", "本年度报告"))
    [result] = ingest_paths([newer], settings=settings, store=store, replace=True).files
    assert result.status == "refused" and "disk full" in (result.error or "")
    assert dump(store) == before


def test_sql_failure_after_vectors_removes_them(settings: Settings, store: Store, seeds_dir: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    real_save = Store.save

    def save_then_fail_commit(self, parsed, *, replace=False, before_commit=None):  # type: ignore[no-untyped-def]
        def hook(active: ParsedReport) -> None:
            before_commit(active)
            raise RuntimeError("commit failed")

        return real_save(self, parsed, replace=replace, before_commit=hook)

    monkeypatch.setattr(Store, "save", save_then_fail_commit)
    indexer = FakeIndexer()
    summary = ingest_paths([seeds_dir / SEED_000], settings=settings, store=store, indexer=indexer)
    assert indexer.indexed == indexer.removed == [ID_000]
    assert len(summary.refused) == 1 and store.count_reports() == 0


def test_parse_document_refuses_text_without_tables(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    path.write_text("银川市西夏区镇北堡镇人民政府\n2020年工作总结\n一、总体情况\n我们做了很多工作。\n", encoding="utf-8")
    with pytest.raises(NoTables, match=r"memo.txt: no standard tables found \(主动公开/申请/复议诉讼\)"):
        parse_document(load_file(path, settings=settings))


def test_expand_paths_recurses_sorted_and_skips_unsupported(tmp_path: Path) -> None:
    (tmp_path / "z" / "y").mkdir(parents=True)
    for name in ("z/b.txt", "z/y/a.pdf", "z/notes.xlsx", "z/.hidden.txt", "a.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path / "z", tmp_path / "a.md"])] == [
        "z/b.txt", "z/y/a.pdf", "a.md"]
