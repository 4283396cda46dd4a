"""Store: migrations, one-transaction save (added / unchanged / versions / rollback), reads and lookups."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from govqa.core.errors import AmbiguousReport, UnknownReport
from govqa.core.types import Cell, Finding, ParsedReport, Report, Section, Subsection, TableResult
from govqa.index import schema
from govqa.index.store import MIGRATIONS, Store, make_engine

TEXT = "镇北堡镇2020年报告\n一、总体情况\n本镇主动公开信息。\n二、主动公开政府信息情况\n表格"


def parsed(*, agency: str = "银川市西夏区镇北堡镇人民政府", short: str = "镇北堡镇", year: int | None = 2020,
           content_hash: str = "9f89ab4fe0ea1170" + "0" * 48, source: str = "000_9f89ab4fe0ea1170.txt",
           value: float = 7.0, aliases: tuple[str, ...] = ("镇北堡",)) -> ParsedReport:
    """A small hand-made parsed report (the store does not care how it was parsed)."""
    rep = Report(id=content_hash[:12], source=source, agency=agency, short_name=short, aliases=aliases,
                 year=year, template="2019", title=f"{agency}{year}年政府信息公开工作年度报告",
                 content_hash=content_hash, text=TEXT)
    s1 = TEXT.index("一、")
    s2 = TEXT.index("二、")
    sections = (Section(1, "总体情况", s1, s2, TEXT[s1:s2], (Subsection("本镇", s1 + 7, s2),)),
                Section(2, "主动公开政府信息情况", s2, len(TEXT), TEXT[s2:]))
    cells = (Cell("申请", "三.三.2", "其他", value, str(int(value))), Cell("申请", "三.三.2", "总计", 0.0, "0"),
             Cell("主动公开", "政府集中采购", "采购总金额", 40.94, "40.94 万元"))
    finding = Finding("relation", "申请", "三.三.2", "总计", "总计 is not the sum of the six columns", 7.0, 0.0)
    return ParsedReport(rep, sections, TableResult(cells, (), "2019"), (finding,))


def dump(store: Store, tables: tuple[str, ...] | None = None) -> dict[str, list[tuple]]:
    """Every row of every table (or of the named ones), to compare the store before and after."""
    with store.engine.connect() as conn:
        return {t.name: sorted(map(tuple, conn.execute(select(t)).all()), key=repr) for t in schema.metadata.sorted_tables
                if tables is None or t.name in tables}


pytestmark = pytest.mark.backend


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store(db_url)
    yield opened
    opened.close()


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a' / 'b' / 'x.db'}"
    first = Store(url)
    assert (tmp_path / "a" / "b" / "x.db").is_file()
    again = Store(url)
    assert again.migrate() == []
    with first.engine.connect() as conn:
        names = list(conn.execute(select(schema.schema_migrations.c.name)).scalars())
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert names == [m.__name__ for m in MIGRATIONS] == ["m001_reports_cells", "m002_store_state",
                                                       "m003_report_versions", "m004_version_state",
                                                       "m005_finding_spans"]


def test_save_added_then_unchanged(store: Store) -> None:
    assert store.save(parsed()).status == "added"
    before = dump(store)
    assert store.save(parsed()).status == "unchanged"
    assert dump(store) == before
    assert (store.count_reports(), store.count_cells(), store.count_findings()) == (1, 3, 1)


def test_same_agency_year_other_content_is_a_version_kept_beside(store: Store) -> None:
    # behaviour changed on purpose: a new version no longer deletes the stored one (it was "replaced")
    store.save(parsed())
    tie = store.save(parsed(content_hash="aa" * 32, source="new.txt", value=5.0))
    assert (tie.status, tie.active, tie.previous, tie.deactivated) == ("inactive", False, "9f89ab4fe0ea", ())
    assert tie.diff is not None and tie.diff.changed == (("申请", "三.三.2", "其他"),)
    assert [r.id for r in store.reports()] == ["9f89ab4fe0ea"]  # a tie keeps the active one
    assert store.cells(table="申请", row="三.三.2", col="其他")[0].value == 7.0
    assert store.count_cells() == 3 and store.count_findings() == 1
    forced = store.save(parsed(content_hash="ab" * 32, source="v3.txt", value=9.0), replace=True)
    assert (forced.status, forced.active, forced.deactivated) == ("replaced", True, ("9f89ab4fe0ea",))
    assert store.cells(table="申请", row="三.三.2", col="其他")[0].value == 9.0
    assert [(v.id, v.active, v.files) for v in store.versions()] == [
        ("9f89ab4fe0ea", False, ("000_9f89ab4fe0ea1170.txt",)), ("aaaaaaaaaaaa", False, ("new.txt",)),
        ("abababababab", True, ("v3.txt",))]
    other_year = parsed(content_hash="bb" * 32, source="2021.txt", year=2021)
    assert store.save(other_year).status == "added"
    assert store.count_reports() == 2


def test_more_complete_version_answers_and_activate_switches_back(store: Store) -> None:
    full = parsed()
    short = ParsedReport(full.report, full.sections, TableResult(full.tables.cells[:1], (), "2019"), ())
    short = replace(short, report=replace(full.report, id="cccccccccccc", content_hash="cc" * 32, source="title.txt"))
    assert store.save(short).status == "added"
    better = store.save(full)  # 3 cells beat 1, in whichever order the files come
    assert (better.status, better.previous) == ("replaced", "cccccccccccc")
    assert better.diff is not None and len(better.diff.added) == 2
    assert store.save(short).status == "unchanged" and store.count_cells() == 3
    back = store.activate("cccc")
    assert (back.status, back.deactivated) == ("replaced", ("9f89ab4fe0ea",))
    assert [r.source for r in store.reports()] == ["title.txt"] and store.count_cells() == 1
    assert store.sections("cccccccccccc") == list(full.sections)
    assert store.activate("9f89ab4fe0ea").active and store.reports(with_text=True)[0] == full.report
    assert store.cells(report_id="9f89ab4fe0ea") == list(full.tables.cells)
    assert store.findings("9f89ab4fe0ea") == list(full.findings) and store.sections("9f89ab4fe0ea") == list(full.sections)
    with pytest.raises(UnknownReport, match="no version matches 'ffff'"):
        store.activate("ffff")


def test_deleting_a_version_keeps_the_others(store: Store) -> None:
    store.save(parsed())
    store.save(parsed(content_hash="aa" * 32, source="v2.txt", value=5.0))
    promoted: list[str] = []
    gone = store.delete_version("9f89ab4fe0ea", before_commit=lambda p: promoted.append(p.report.id))
    assert gone is not None and (gone.previous, gone.deactivated) == ("aaaaaaaaaaaa", ("9f89ab4fe0ea",))
    assert promoted == ["aaaaaaaaaaaa"]  # the active one went: the other version answers now
    assert [r.id for r in store.reports()] == ["aaaaaaaaaaaa"] and store.count_cells() == 3
    assert [v.id for v in store.versions()] == ["aaaaaaaaaaaa"]
    store.save(parsed())
    assert store.delete_report("9f89ab4fe0ea") is True  # an inactive one: the active one is untouched
    assert [r.id for r in store.reports()] == ["aaaaaaaaaaaa"] and store.count_cells() == 3


def test_unknown_year_never_replaces(store: Store) -> None:
    store.save(parsed(year=None))
    assert store.save(parsed(year=None, content_hash="cc" * 32, source="b.txt")).status == "added"
    assert store.count_reports() == 2


def test_failure_in_before_commit_rolls_back_everything(store: Store) -> None:
    store.save(parsed())
    before = dump(store)

    def boom(_: ParsedReport) -> None:
        raise RuntimeError("vector store down")

    # a replace that fails after parking the old version and inserting the new one
    with pytest.raises(RuntimeError, match="vector store down"):
        store.save(parsed(content_hash="dd" * 32, source="v2.txt", value=1.0), replace=True, before_commit=boom)
    assert dump(store) == before
    with pytest.raises(RuntimeError):
        store.save(parsed(agency="另一个机关", content_hash="ee" * 32, source="x.txt"), before_commit=boom)
    assert dump(store) == before


def test_reads_round_trip(store: Store) -> None:
    p = parsed()
    store.save(p)
    [rep] = store.reports()
    assert rep.text == "" and rep.aliases == ("镇北堡",) and rep.year == 2020
    assert store.reports(with_text=True)[0] == p.report
    assert store.cells(report_id=rep.id) == list(p.tables.cells)
    assert store.cells(col="采购总金额")[0].raw == "40.94 万元"
    assert store.cells_for([rep.id, "nope"]) == {rep.id: list(p.tables.cells), "nope": []}
    assert store.findings(rep.id) == list(p.findings) == store.findings()
    assert store.findings_for([rep.id])[rep.id][0].printed == 0.0
    assert store.sections(rep.id) == list(p.sections)
    assert store.sections(rep.id)[0].text == "一、总体情况\n本镇主动公开信息。\n"
    assert store.agencies() == [("银川市西夏区镇北堡镇人民政府", "镇北堡镇", ("镇北堡",), (2020,))]
    assert store.counts_by_report() == {rep.id: (3, 1)}
    stats = store.stats()
    assert (stats["reports"], stats["cells"], stats["findings"], stats["years"]) == (1, 3, 1, [2020])


@pytest.mark.parametrize("ref", ["9f89ab4fe0ea", "9f89ab", "000_9f89ab4fe0ea1170.txt", "000_9f89ab4fe0ea1170",
                                 "银川市西夏区镇北堡镇人民政府", "镇北堡镇", "镇北堡", "镇北堡镇2020年"])
def test_get_report_by_reference(store: Store, ref: str) -> None:
    store.save(parsed())
    store.save(parsed(agency="吴忠市红寺堡区人民政府", short="红寺堡区", content_hash="12" * 32, source="r.txt",
                      aliases=("红寺堡",)))
    rep = store.get_report(ref)
    assert rep.id == "9f89ab4fe0ea" and rep.text == TEXT


def test_get_report_unknown_and_ambiguous(store: Store) -> None:
    with pytest.raises(UnknownReport, match="store is empty"):
        store.get_report("镇北堡镇")
    store.save(parsed())
    store.save(parsed(year=2021, content_hash="34" * 32, source="2021.txt"))
    with pytest.raises(UnknownReport, match=r"no report matches '红寺堡'.*9f89ab4fe0ea \(镇北堡镇 2020\)"):
        store.get_report("红寺堡")
    with pytest.raises(AmbiguousReport, match="matches 2 reports"):
        store.get_report("镇北堡镇")
    assert store.get_report("镇北堡镇 2021").id == "343434343434"
    with pytest.raises(UnknownReport, match="no report with id"):
        store.sections("nope")


def test_delete_report_removes_children(store: Store) -> None:
    store.save(parsed())
    assert store.delete_report("9f89ab4fe0ea") is True
    assert store.delete_report("9f89ab4fe0ea") is False
    assert all(not rows for name, rows in dump(store).items() if name not in ("schema_migrations", "store_state"))


def test_version_changes_with_every_write_and_only_then(store: Store) -> None:
    assert store.version() == 0
    store.save(parsed())
    added = store.version()
    assert added > 0
    assert store.save(parsed()).status == "unchanged" and store.version() == added

    def boom(_: ParsedReport) -> None:
        raise RuntimeError("vector store down")

    with pytest.raises(RuntimeError):
        store.save(parsed(content_hash="dd" * 32, source="v2.txt"), replace=True, before_commit=boom)
    assert store.version() == added  # a rolled-back save leaves the version as it was
    store.save(parsed(content_hash="aa" * 32, source="new.txt", value=5.0), replace=True)
    replaced = store.version()
    assert replaced > added
    assert store.delete_report("nope") is False and store.version() == replaced
    store.delete_report("aaaaaaaaaaaa")
    assert store.version() > replaced


def test_agencies_follow_writes_of_another_store_object(db_url: str) -> None:
    url = db_url
    reader, writer = Store(url), Store(url)  # e.g. the web UI and a `govqa ingest` in another process
    try:
        assert reader.agencies() == []
        writer.save(parsed())
        assert reader.agencies() == [("银川市西夏区镇北堡镇人民政府", "镇北堡镇", ("镇北堡",), (2020,))]
        writer.save(parsed(year=2021, content_hash="34" * 32, source="2021.txt"))
        assert reader.agencies()[0][3] == (2020, 2021)
        writer.delete_report("9f89ab4fe0ea")
        writer.delete_report("343434343434")
        assert reader.agencies() == []
    finally:  # both engines disposed: no idle session left on the test database when the teardown drops it
        reader.close()
        writer.close()


def test_report_ids_by_agency_and_year(store: Store) -> None:
    store.save(parsed())
    store.save(parsed(year=None, content_hash="cc" * 32, source="b.txt"))
    assert store.report_ids(agency="银川市西夏区镇北堡镇人民政府", year=2020) == ["9f89ab4fe0ea"]
    assert store.report_ids(agency="银川市西夏区镇北堡镇人民政府", year=None) == ["cccccccccccc"]
    assert store.report_ids(agency="银川市西夏区镇北堡镇人民政府", year=2019) == []
    assert store.report_ids(agency="另一个机关", year=2020) == []


def test_store_made_before_m002_is_migrated(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Store.__new__(Store)  # a store as the first release left it: only m001 applied
    old.url, old.engine = url, make_engine(url)
    with old.engine.begin() as conn:
        schema.schema_migrations.create(conn)
        MIGRATIONS[0](conn)
        conn.execute(schema.schema_migrations.insert().values(name=MIGRATIONS[0].__name__, applied_at="then"))
        conn.exec_driver_sql("DROP INDEX ix_sections_report")  # m001 of the first release had no such index
    store = Store(url)
    with store.engine.connect() as conn:
        indexes = {row[1] for row in conn.exec_driver_sql("PRAGMA index_list('sections')")}
    assert "ix_sections_report" in indexes
    store.save(parsed())
    assert store.version() == 1 and store.count_reports() == 1


def test_store_made_before_m003_is_upgraded_in_place(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Store.__new__(Store)  # a store as m001 + m002 left it, holding two reports
    old.url, old.engine = url, make_engine(url)
    with old.engine.begin() as conn:
        schema.schema_migrations.create(conn)
        for migration in MIGRATIONS[:2]:
            migration(conn)
            conn.execute(schema.schema_migrations.insert().values(name=migration.__name__, applied_at="then"))
        Store._insert(conn, parsed(), ingested_at="2021-03-01T08:00:00+00:00")
        Store._insert(conn, parsed(year=2021, content_hash="34" * 32, source="2021.txt"), ingested_at="2022-03-01T08:00:00+00:00")
    data = ("reports", "cells", "findings", "sections")
    before = dump(old, data)
    store = Store(url)
    assert dump(store, data) == before
    assert [(v.id, v.year, v.files, v.cells, v.findings, v.active) for v in store.versions()] == [
        ("9f89ab4fe0ea", 2020, ("000_9f89ab4fe0ea1170.txt",), 3, 1, True), ("343434343434", 2021, ("2021.txt",), 3, 1, True)]
    newer = store.save(parsed(content_hash="aa" * 32, source="v2.txt"), replace=True)
    assert (newer.status, newer.deactivated) == ("replaced", ("9f89ab4fe0ea",))
    assert store.activate("9f89ab4fe0ea").active
    assert dump(store, data) == before


def test_store_made_before_m004_is_upgraded_in_place(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm003.db'}"
    Store(url).save(parsed())
    old = make_engine(url)  # as m003 left it: no state, no chunks, m004 not recorded
    with old.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE report_versions DROP COLUMN state")
        conn.exec_driver_sql("ALTER TABLE report_versions DROP COLUMN chunks")
        conn.exec_driver_sql("DELETE FROM schema_migrations WHERE name = 'm004_version_state'")
    store = Store(url)
    assert [(v.id, v.active) for v in store.versions()] == [("9f89ab4fe0ea", True)]
    assert store.expected_chunks() == {"9f89ab4fe0ea": None} and store.pending_versions() == []


def test_a_version_is_invisible_until_its_vectors_are_in(store: Store) -> None:
    store.save(parsed())
    seen: list[tuple[list[str], list[str], list[str]]] = []

    def index(p: ParsedReport) -> int:  # runs outside any transaction, between the pending write and the commit
        seen.append(([r.id for r in store.reports()], [v.id for v in store.versions()], store.pending_versions()))
        return 4

    saved = store.save(parsed(content_hash="aa" * 32, source="v2.txt", value=5.0), replace=True, before_commit=index)
    assert seen == [(["9f89ab4fe0ea"], ["9f89ab4fe0ea"], ["aaaaaaaaaaaa"])]
    assert saved.deactivated == ("9f89ab4fe0ea",) and store.pending_versions() == []
    assert store.expected_chunks() == {"aaaaaaaaaaaa": 4}
    assert store.activate("9f89ab4fe0ea", before_commit=lambda p: 2).active
    assert store.expected_chunks() == {"9f89ab4fe0ea": 2}


def test_drop_pending_removes_interrupted_writes_only(store: Store) -> None:
    store.save(parsed())

    class Killed(BaseException):
        pass

    def die(_: ParsedReport) -> int:
        v = schema.report_versions
        with store.engine.begin() as conn:  # what a SIGKILL would leave: the pending row survives the "crash"
            conn.execute(v.insert().values(id="bbbbbbbbbbbb", content_hash="bb" * 32, agency="x", year=2020,
                                           ingested_at="then", active=False, state="pending"))
        raise Killed

    with pytest.raises(Killed):
        store.save(parsed(content_hash="aa" * 32, source="v2.txt"), replace=True, before_commit=die)
    assert store.pending_versions() == ["bbbbbbbbbbbb"]  # the failed save removed its own pending version
    assert store.drop_pending() == ["bbbbbbbbbbbb"] and store.pending_versions() == []
    assert [v.id for v in store.versions()] == ["9f89ab4fe0ea"]


def test_the_backend_is_the_one_asked_for(db_url: str, settings: Any, server_stores: Any) -> None:
    """On the CI's second run the store is PostgreSQL and the vectors live in a Chroma server, not on disk."""
    store = Store(db_url)
    try:
        dialect = store.engine.dialect.name
    finally:
        store.close()  # no idle session left on the test database when the teardown drops it
    assert (dialect, bool(settings.chroma_host)) == (("postgresql", True) if server_stores else ("sqlite", False))
    assert settings.db_url == db_url or server_stores is None
