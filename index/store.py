"""The SQL store of parsed reports: one transaction per report, every version kept, parameterised reads.

Runs unchanged on SQLite and PostgreSQL (SQLAlchemy Core over the tables of index/schema.py, created by
index/migrations.py). Every file that parses is kept as a version of its agency and year (report_versions); the
active version's rows are in reports, cells, findings and sections (all that answers reads only those), the
others are parked as JSON until activated.

    >>> store = Store("sqlite:///govqa-data/govqa.db")
    >>> store.save(parse_document(load_file(path, settings=settings))).status
    'added'
    >>> store.cells(report_id="9f89ab4fe0ea", table="申请", row="一", col="总计")
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, inspect, select, update
from sqlalchemy.engine import Row

from govqa.core.errors import AmbiguousReport, UnknownReport
from govqa.core.types import Cell, Finding, ParsedReport, Report, Section, Subsection, TableResult
from govqa.index import schema
from govqa.index.finding_json import dump_cells, load_cells
from govqa.index.migrations import MIGRATIONS
from govqa.index.report_ref import match_reports, match_versions
from govqa.index.versions import Saved, Version, completeness, diff_cells, pack, unpack, unsure_count
from govqa.index.writelock import migration_lock

log = logging.getLogger(__name__)
__all__ = ["MIGRATIONS", "IndexHook", "Store", "make_engine"]

VERSION = "version"  # the store_state row bumped by every write that changes the reports
PENDING, READY = "pending", "ready"  # report_versions.state: being written (invisible) | stored
IndexHook = Callable[[ParsedReport], "int | None"]  # indexes a version's vectors before it answers; returns how many


def _now(timespec: str = "seconds") -> str:
    return datetime.now(UTC).isoformat(timespec=timespec)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for url; for SQLite the parent folder is created and foreign keys / WAL are switched on."""
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        db = engine.url.database
        if db and db != ":memory:" and not db.startswith("file:"):
            Path(db).expanduser().parent.mkdir(parents=True, exist_ok=True)
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _report(row: Row[Any], *, text: str = "") -> Report:
    return Report(
        id=row.id, source=row.source, agency=row.agency, short_name=row.short_name,
        aliases=tuple(json.loads(row.aliases or "[]")), year=row.year, template=row.template,
        title=row.title, content_hash=row.content_hash, text=text,
    )


def _cell(row: Row[Any]) -> Cell:
    return Cell(table=row.tbl, row=row.row, col=row.col, value=row.value, raw=row.raw)


def _finding(row: Row[Any]) -> Finding:
    return Finding(kind=row.kind, table=row.tbl, row=row.row, col=row.col, message=row.message,
                   expected=row.expected, printed=row.printed, severity=row.severity, start=row.span_start,
                   end=row.span_end, cells=load_cells(row.cells))


def _section(row: Row[Any], text: str) -> Section:
    return Section(number=row.number, title=row.title, start=row.start, end=row.end, text=text[row.start:row.end],
                   subsections=tuple(Subsection(t, a, b) for t, a, b in json.loads(row.subsections or "[]")))


_REPORT_COLS = [c for c in schema.reports.c if c.name != "text"]


class Store:
    """Parsed reports in SQL: save one report per transaction, read reports, cells, findings and sections."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.migrate()
        self._agencies: tuple[int, list[tuple[str, str, tuple[str, ...], tuple[int, ...]]]] | None = None

    def close(self) -> None:
        """Close the pooled connections (a server database is not held open by an idle store)."""
        self.engine.dispose()

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded in schema_migrations; returns the names applied.

        Processes opening a new store at once (several hosts on one PostgreSQL, or `ingest &` twice) take turns."""
        if not self._pending_migrations():
            return []
        with migration_lock(self.url):
            return self._apply_migrations()

    def _pending_migrations(self) -> list[str]:
        with self.engine.begin() as conn:
            if not inspect(conn).has_table(schema.schema_migrations.name):
                return [m.__name__ for m in MIGRATIONS]
            done = set(conn.execute(select(schema.schema_migrations.c.name)).scalars())
        return [m.__name__ for m in MIGRATIONS if m.__name__ not in done]

    def _apply_migrations(self) -> list[str]:
        with self.engine.begin() as conn:
            schema.schema_migrations.create(conn, checkfirst=True)
            done = set(conn.execute(select(schema.schema_migrations.c.name)).scalars())
        applied = []
        for migration in MIGRATIONS:
            if migration.__name__ in done:
                continue
            with self.engine.begin() as conn:
                migration(conn)
                conn.execute(insert(schema.schema_migrations).values(name=migration.__name__, applied_at=_now()))
            log.info("store %s: applied migration %s", self.engine.url.render_as_string(), migration.__name__)
            applied.append(migration.__name__)
        return applied

    # ---- writes -------------------------------------------------------------------------------------------

    def save(self, parsed: ParsedReport, *, replace: bool = False, before_commit: IndexHook | None = None) -> Saved:
        """Store one parsed report as a new version; nothing stored before is lost.

        The new version answers (becomes active) when its agency and year have no active version yet, when it is
        more complete than the active one (more cells, then fewer ambiguous/missing findings; a tie keeps the active
        one) or when replace is set; otherwise it is kept inactive (one transaction). Status: "added", "replaced"
        (the previous active version is kept, inactive), "inactive" or "unchanged" (these bytes are stored already).

        A version that will answer is written in two short transactions: first as pending (invisible to every
        read), then made active in one commit. Between them, outside any transaction, before_commit(parsed) runs
        (e.g. indexing its vectors; it may return how many it indexed). If it or the commit fails, the pending
        version is removed; if the process dies in between, reconcile (index/consistency.py) removes it.
        """
        rep = parsed.report
        v = schema.report_versions
        with self.engine.begin() as conn:
            known = conn.execute(select(v.c.id, v.c.active, v.c.state).where(v.c.content_hash == rep.content_hash)).first()
            if known is not None and known.state == PENDING:  # an interrupted write of these bytes: start afresh
                self._drop_version(conn, known.id)
            elif known is not None:
                self._add_file(conn, known.id, rep.source)
                return Saved("unchanged", known.id, bool(known.active))
            active = self._active_version(conn, agency=rep.agency, year=rep.year)
            cells, unsure, now = len(parsed.tables.cells), unsure_count(parsed.findings), _now("microseconds")
            wins = active is None or replace or (
                completeness(cells=cells, unsure=unsure) > completeness(cells=active.cells, unsure=active.unsure))
            conn.execute(insert(v).values(
                id=rep.id, content_hash=rep.content_hash, agency=rep.agency, year=rep.year, cells=cells,
                findings=len(parsed.findings), unsure=unsure, ingested_at=now, active=False,
                state=PENDING if wins else READY, payload=None if wins else pack(parsed)))
            self._add_file(conn, rep.id, rep.source)
            diff = diff_cells(old=self._read_cells(conn, active.id), new=parsed.tables.cells) if active else None
            if not wins:
                self._bump(conn)
        if not wins:
            assert active is not None
            return Saved("inactive", rep.id, False, previous=active.id, diff=diff)
        try:
            chunks = before_commit(parsed) if before_commit is not None else None
            with self.engine.begin() as conn:
                current = self._active_version(conn, agency=rep.agency, year=rep.year)
                if current is not None:
                    self._park(conn, current.id)
                    log.info("%s %s: version %s now answers, %s kept inactive", rep.agency, rep.year, rep.id, current.id)
                self._promote(conn, rep.id, chunks=chunks)
                self._insert(conn, parsed, ingested_at=now)
                self._bump(conn)
        except BaseException:
            self._discard_pending(rep.id)
            raise
        if active is None:
            return Saved("added", rep.id, True)
        return Saved("replaced", rep.id, True, previous=active.id, deactivated=(active.id,), diff=diff)

    def _discard_pending(self, version_id: str) -> None:
        """Remove a pending version whose write failed (the caller re-raises the failure)."""
        try:
            with self.engine.begin() as conn:
                self._drop_version(conn, version_id, only_pending=True)
        except Exception:  # noqa: BLE001 — the original failure is the one to report; reconcile cleans up later
            log.exception("could not remove pending version %s; `govqa repair` removes it", version_id)

    @staticmethod
    def _drop_version(conn: Connection, version_id: str, *, only_pending: bool = False) -> None:
        v = schema.report_versions
        where = (v.c.id == version_id) & (v.c.state == PENDING) if only_pending else v.c.id == version_id
        if conn.execute(delete(v).where(where)).rowcount:
            conn.execute(delete(schema.version_files).where(schema.version_files.c.version_id == version_id))

    def activate(self, version_id: str, *, before_commit: IndexHook | None = None) -> Saved:
        """Make one stored version the one that answers for its agency and year (the active one is kept, inactive).

        version_id may be an id, an id prefix or a file name the version was ingested from. before_commit gets
        the version being activated, outside any transaction, before the one commit that switches the versions
        (if it fails nothing changes). Raises UnknownReport / AmbiguousReport.
        """
        version = self.find_version(version_id)
        if version.active:
            return Saved("unchanged", version.id, True)
        with self.engine.connect() as conn:
            parsed, ingested_at = self._parked(conn, version.id)
        chunks = before_commit(parsed) if before_commit is not None else None
        with self.engine.begin() as conn:
            active = self._active_version(conn, agency=version.agency, year=version.year)
            diff = diff_cells(old=self._read_cells(conn, active.id), new=parsed.tables.cells) if active else None
            if active is not None:
                self._park(conn, active.id)
            self._promote(conn, version.id, chunks=chunks)
            self._insert(conn, parsed, ingested_at=ingested_at)
            self._bump(conn)
        log.info("version %s (%s %s) now answers", version.id, version.agency, version.year)
        return Saved("replaced" if active else "added", version.id, True, previous=active.id if active else None,
                     deactivated=(active.id,) if active else (), diff=diff)

    def delete_report(self, report_id: str) -> bool:
        """Delete one version (see delete_version); False when there was no such version."""
        return self.delete_version(report_id) is not None

    def delete_version(self, version_id: str, *, before_commit: IndexHook | None = None) -> Saved | None:
        """Delete one version and everything parsed from it (None when there is no such version).

        The other versions of its agency and year are kept; when the deleted one was active, the most complete
        of them becomes active (before_commit gets it first, outside any transaction; Saved.previous names it).
        """
        v = schema.report_versions
        successor, parsed, ingested_at = None, None, ""
        with self.engine.connect() as conn:
            row = conn.execute(select(v.c.id, v.c.agency, v.c.year, v.c.active).where(v.c.id == version_id)).first()
            if row is None:
                return None
            if row.active:
                successor = self._best_version(conn, agency=row.agency, year=row.year, excluding=version_id)
            if successor is not None:
                parsed, ingested_at = self._parked(conn, successor.id)
        chunks = before_commit(parsed) if before_commit is not None and parsed is not None else None
        with self.engine.begin() as conn:
            self._delete(conn, version_id)
            self._drop_version(conn, version_id)
            if successor is not None and parsed is not None:
                self._promote(conn, successor.id, chunks=chunks)
                self._insert(conn, parsed, ingested_at=ingested_at)
                log.info("deleted active version %s; %s now answers", version_id, successor.id)
            self._bump(conn)
        return Saved("deleted", version_id, False, previous=successor.id if successor is not None else None,
                     deactivated=(version_id,) if row.active else ())

    def save_file_name(self, version_id: str, source: str) -> None:
        """Record one more file name a stored version was ingested from (identical bytes, another name)."""
        with self.engine.begin() as conn:
            self._add_file(conn, version_id, source)

    @staticmethod
    def _bump(conn: Connection) -> None:
        st = schema.store_state
        if conn.execute(update(st).where(st.c.name == VERSION).values(value=st.c.value + 1)).rowcount == 0:
            conn.execute(insert(st).values(name=VERSION, value=1))

    def version(self) -> int:
        """A number that changes whenever a report is added, replaced or deleted (by any process): a cache key."""
        st = schema.store_state
        with self.engine.connect() as conn:
            return int(conn.execute(select(st.c.value).where(st.c.name == VERSION)).scalar() or 0)

    @staticmethod
    def _delete(conn: Connection, report_id: str) -> bool:
        for table in (schema.cells, schema.findings, schema.sections):
            conn.execute(delete(table).where(table.c.report_id == report_id))
        return conn.execute(delete(schema.reports).where(schema.reports.c.id == report_id)).rowcount > 0

    # ---- versions -----------------------------------------------------------------------------------------

    @staticmethod
    def _group(agency: str, year: int | None) -> Any:
        """The versions of one agency and year; an unknown year is never "the same year" as another version's."""
        v = schema.report_versions
        return (v.c.agency == agency) & (v.c.year == year) if year is not None else v.c.id.is_(None)

    def _active_version(self, conn: Connection, *, agency: str, year: int | None) -> Row[Any] | None:
        v = schema.report_versions
        return conn.execute(select(v).where(self._group(agency, year), v.c.active.is_(True))).first()

    def _best_version(self, conn: Connection, *, agency: str, year: int | None, excluding: str = "") -> Any:
        """The most complete stored version of an agency and year (the latest one on a tie), or None."""
        v = schema.report_versions
        rows = conn.execute(select(v.c.id, v.c.cells, v.c.unsure, v.c.ingested_at).where(
            self._group(agency, year), v.c.state == READY, v.c.id != excluding)).all()
        return max(rows, key=lambda x: (completeness(cells=x.cells, unsure=x.unsure), x.ingested_at, x.id), default=None)

    @staticmethod
    def _add_file(conn: Connection, version_id: str, source: str) -> None:
        vf = schema.version_files
        seen = list(conn.execute(select(vf.c.source).where(vf.c.version_id == version_id)).scalars())
        if source not in seen:
            conn.execute(insert(vf).values(version_id=version_id, source=source, seq=len(seen), ingested_at=_now()))

    @staticmethod
    def _read_cells(conn: Connection, report_id: str) -> list[Cell]:
        c = schema.cells
        return [_cell(x) for x in conn.execute(select(c).where(c.c.report_id == report_id).order_by(c.c.seq))]

    def _park(self, conn: Connection, report_id: str) -> None:
        """Turn the active version report_id into an inactive one: its rows move into its payload."""
        r, s, f = schema.reports, schema.sections, schema.findings
        row = conn.execute(select(r).where(r.c.id == report_id)).one()
        rep = _report(row, text=row.text)
        sections = tuple(_section(x, rep.text) for x in
                         conn.execute(select(s).where(s.c.report_id == report_id).order_by(s.c.start, s.c.number)))
        findings = tuple(_finding(x) for x in conn.execute(select(f).where(f.c.report_id == report_id).order_by(f.c.seq)))
        parsed = ParsedReport(rep, sections, TableResult(tuple(self._read_cells(conn, report_id)), (), rep.template), findings)
        self._delete(conn, report_id)
        v = schema.report_versions
        conn.execute(update(v).where(v.c.id == report_id).values(active=False, payload=pack(parsed), chunks=None))

    @staticmethod
    def _parked(conn: Connection, version_id: str) -> tuple[ParsedReport, str]:
        """The parsed report of an inactive version and when it came in."""
        v = schema.report_versions
        row = conn.execute(select(v.c.payload, v.c.ingested_at).where(v.c.id == version_id)).one()
        return unpack(row.payload), row.ingested_at

    @staticmethod
    def _promote(conn: Connection, version_id: str, *, chunks: int | None) -> None:
        """Mark a version active and stored, with the number of vectors it answers with (the caller inserts its rows)."""
        v = schema.report_versions
        conn.execute(update(v).where(v.c.id == version_id).values(active=True, state=READY, payload=None, chunks=chunks))

    def versions(self, *, where: Any = None) -> list[Version]:
        """Every stored version (or those matching a clause over report_versions), by agency, year and time."""
        v, vf = schema.report_versions, schema.version_files
        query = select(*[c for c in v.c if c.name != "payload"]).where(v.c.state == READY).order_by(
            v.c.agency, v.c.year, v.c.ingested_at, v.c.id)
        with self.engine.connect() as conn:
            rows = conn.execute(query if where is None else query.where(where)).all()
            names = select(vf.c.version_id, vf.c.source).order_by(vf.c.version_id, vf.c.seq)
            if where is not None:
                names = names.where(vf.c.version_id.in_([x.id for x in rows]))
            files: dict[str, list[str]] = {}
            for x in conn.execute(names):
                files.setdefault(x.version_id, []).append(x.source)
        return [Version(id=x.id, content_hash=x.content_hash, agency=x.agency, year=x.year,
                        files=tuple(files.get(x.id, ())), cells=x.cells, findings=x.findings, unsure=x.unsure,
                        ingested_at=x.ingested_at, active=bool(x.active)) for x in rows]

    def version_by_hash(self, content_hash: str) -> Version | None:
        """The version stored from a file with these exact bytes, if any."""
        found = self.versions(where=schema.report_versions.c.content_hash == content_hash)
        return found[0] if found else None

    def find_version(self, ref: str) -> Version:
        """The one version named by ref: its id, an id or hash prefix, or a file name it was ingested from."""
        ref = ref.strip()
        known = self.versions()
        matches = match_versions(known, ref)
        if not matches:
            hint = ", ".join(f"{x.id} ({x.agency} {x.year})" for x in known[:5]) or "none: the store is empty"
            raise UnknownReport(f"no version matches {ref!r}; `govqa reports --versions` lists them, e.g. {hint}")
        if len(matches) > 1:
            listed = ", ".join(f"{x.id} ({', '.join(x.files)})" for x in matches[:8])
            raise AmbiguousReport(f"{ref!r} matches {len(matches)} versions: {listed}; give a longer id")
        return matches[0]

    # ---- what the vector index must hold (index/consistency.py) ---------------------------------------------

    def pending_versions(self) -> list[str]:
        """Ids of versions whose write never finished (left by a crash, or being written right now)."""
        v = schema.report_versions
        with self.engine.connect() as conn:
            return list(conn.execute(select(v.c.id).where(v.c.state == PENDING).order_by(v.c.id)).scalars())

    def drop_pending(self) -> list[str]:
        """Remove every pending version (call under the writer lock, when none is being written); returns their ids."""
        ids = self.pending_versions()
        if ids:
            with self.engine.begin() as conn:
                for version_id in ids:
                    self._drop_version(conn, version_id, only_pending=True)
            log.warning("removed %d interrupted writes: %s", len(ids), ", ".join(ids))
        return ids

    def expected_chunks(self) -> dict[str, int | None]:
        """Every active version's id and how many vectors it answers with (None: stored without vectors)."""
        v = schema.report_versions
        with self.engine.connect() as conn:
            return dict(conn.execute(select(v.c.id, v.c.chunks).where(v.c.active.is_(True))).all())

    def set_chunks(self, version_id: str, chunks: int | None) -> None:
        """Record how many vectors an active version answers with (after re-indexing it)."""
        v = schema.report_versions
        with self.engine.begin() as conn:
            conn.execute(update(v).where(v.c.id == version_id, v.c.active.is_(True)).values(chunks=chunks))

    @staticmethod
    def _insert(conn: Connection, parsed: ParsedReport, *, ingested_at: str) -> None:
        rep = parsed.report
        conn.execute(insert(schema.reports).values(
            id=rep.id, source=rep.source, agency=rep.agency, short_name=rep.short_name,
            aliases=json.dumps(list(rep.aliases), ensure_ascii=False), year=rep.year, template=rep.template,
            title=rep.title, content_hash=rep.content_hash, text=rep.text, ingested_at=ingested_at,
        ))
        if parsed.sections:
            conn.execute(insert(schema.sections), [
                {"report_id": rep.id, "number": s.number, "title": s.title, "start": s.start, "end": s.end,
                 "subsections": json.dumps([[x.title, x.start, x.end] for x in s.subsections], ensure_ascii=False)}
                for s in parsed.sections
            ])
        if parsed.tables.cells:
            conn.execute(insert(schema.cells), [
                {"report_id": rep.id, "tbl": c.table, "row": c.row, "col": c.col, "value": c.value,
                 "raw": c.raw[:64], "seq": i}
                for i, c in enumerate(parsed.tables.cells)
            ])
        if parsed.findings:
            conn.execute(insert(schema.findings), [
                {"report_id": rep.id, "kind": f.kind, "tbl": f.table, "row": f.row, "col": f.col,
                 "expected": f.expected, "printed": f.printed, "message": f.message, "seq": i,
                 "severity": f.severity, "span_start": f.start, "span_end": f.end, "cells": dump_cells(f.cells)}
                for i, f in enumerate(parsed.findings)
            ])

    # ---- reports ------------------------------------------------------------------------------------------

    def reports(self, *, with_text: bool = False) -> list[Report]:
        """Every stored report, by agency then year (text left empty unless with_text)."""
        r = schema.reports
        cols = list(r.c) if with_text else _REPORT_COLS
        with self.engine.connect() as conn:
            rows = conn.execute(select(*cols).order_by(r.c.agency, r.c.year, r.c.id)).all()
        return [_report(row, text=row.text if with_text else "") for row in rows]

    def report_ids(self, *, agency: str, year: int | None) -> list[str]:
        """Ids of the reports of one agency and year (year None: those with no year), by the unique index."""
        r = schema.reports
        year_is = r.c.year.is_(None) if year is None else r.c.year == year
        with self.engine.connect() as conn:
            return list(conn.execute(select(r.c.id).where(r.c.agency == agency, year_is).order_by(r.c.id)).scalars())

    def get_report(self, ref: str) -> Report:
        """The one report named by ref: id, id prefix, source file name, agency name/short name/alias (+ year)."""
        ref = ref.strip()
        with self.engine.connect() as conn:  # an exact id names its report before anything else: one row read
            row = conn.execute(select(schema.reports).where(schema.reports.c.id == ref)).first()
        if row is not None:
            return _report(row, text=row.text)
        known = self.reports()
        matches = match_reports(known, ref)
        if not matches:
            hint = ", ".join(f"{r.id} ({r.short_name} {r.year})" for r in known[:5]) or "none: the store is empty"
            raise UnknownReport(f"no report matches {ref!r}; known reports include: {hint}")
        if len(matches) > 1:
            listed = ", ".join(f"{r.id} ({r.short_name} {r.year}, {r.source})" for r in matches[:8])
            raise AmbiguousReport(f"{ref!r} matches {len(matches)} reports: {listed}; give an id or add the year")
        with self.engine.connect() as conn:
            text = conn.execute(select(schema.reports.c.text).where(schema.reports.c.id == matches[0].id)).scalar_one()
        return replace(matches[0], text=text)

    def agencies(self) -> list[tuple[str, str, tuple[str, ...], tuple[int, ...]]]:
        """(agency, short_name, aliases, years) for every stored agency, for question understanding.

        Kept until the store's version changes, so asking a question does not read every report.
        """
        version = self.version()
        if self._agencies is None or self._agencies[0] != version:
            self._agencies = (version, self._read_agencies())
        return list(self._agencies[1])

    def _read_agencies(self) -> list[tuple[str, str, tuple[str, ...], tuple[int, ...]]]:
        grouped: dict[str, tuple[str, set[str], set[int]]] = {}
        for rep in self.reports():
            short, aliases, years = grouped.setdefault(rep.agency, (rep.short_name, set(), set()))
            aliases.update(rep.aliases)
            if rep.year is not None:
                years.add(rep.year)
        return [(agency, short, tuple(sorted(aliases)), tuple(sorted(years)))
                for agency, (short, aliases, years) in sorted(grouped.items())]

    # ---- cells, findings, sections ------------------------------------------------------------------------

    def cells(self, *, report_id: str | None = None, table: str | None = None, row: str | None = None,
              col: str | None = None) -> list[Cell]:
        """Cells matching every given key, in parse order."""
        c = schema.cells
        query = select(c).order_by(c.c.report_id, c.c.seq)
        for column, value in ((c.c.report_id, report_id), (c.c.tbl, table), (c.c.row, row), (c.c.col, col)):
            if value is not None:
                query = query.where(column == value)
        with self.engine.connect() as conn:
            return [_cell(x) for x in conn.execute(query)]

    def cells_for(self, report_ids: Iterable[str]) -> dict[str, list[Cell]]:
        """The cells of each report id, in parse order (an id with no cells maps to [])."""
        return self._by_report(schema.cells, report_ids, _cell)

    def findings(self, report_id: str | None = None) -> list[Finding]:
        """Findings of one report (or of every report), in the order they were found."""
        f = schema.findings
        query = select(f).order_by(f.c.report_id, f.c.seq)
        if report_id is not None:
            query = query.where(f.c.report_id == report_id)
        with self.engine.connect() as conn:
            return [_finding(x) for x in conn.execute(query)]

    def findings_for(self, report_ids: Iterable[str]) -> dict[str, list[Finding]]:
        """The findings of each report id, in the order found (an id with none maps to [])."""
        return self._by_report(schema.findings, report_ids, _finding)

    def _by_report(self, table: Any, report_ids: Iterable[str], convert: Callable[[Row[Any]], Any]) -> dict[str, list[Any]]:
        ids = list(dict.fromkeys(report_ids))
        out: dict[str, list[Any]] = {i: [] for i in ids}
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):  # stay under the bound-parameter limits
                batch = ids[start:start + 500]
                query = select(table).where(table.c.report_id.in_(batch)).order_by(table.c.report_id, table.c.seq)
                for row in conn.execute(query):
                    out[row.report_id].append(convert(row))
        return out

    def sections(self, report_id: str) -> list[Section]:
        """The sections of one report, their text sliced from the stored report text."""
        s = schema.sections
        with self.engine.connect() as conn:
            text = conn.execute(select(schema.reports.c.text).where(schema.reports.c.id == report_id)).scalar()
            if text is None:
                raise UnknownReport(f"no report with id {report_id!r}")
            rows = conn.execute(select(s).where(s.c.report_id == report_id).order_by(s.c.start, s.c.number)).all()
        return [_section(x, text) for x in rows]

    # ---- counts -------------------------------------------------------------------------------------------

    def _count(self, table: Any, report_id: str | None = None) -> int:
        query = select(func.count()).select_from(table)
        if report_id is not None:
            query = query.where((table.c.id if table is schema.reports else table.c.report_id) == report_id)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def count_reports(self) -> int:
        """How many reports are stored."""
        return self._count(schema.reports)

    def count_cells(self, report_id: str | None = None) -> int:
        """How many cells are stored (of one report when report_id is given)."""
        return self._count(schema.cells, report_id)

    def count_findings(self, report_id: str | None = None) -> int:
        """How many findings are stored (of one report when report_id is given)."""
        return self._count(schema.findings, report_id)

    def counts_by_report(self) -> dict[str, tuple[int, int]]:
        """(cells, findings) of every stored report id, in grouped queries."""
        with self.engine.connect() as conn:
            ids = list(conn.execute(select(schema.reports.c.id)).scalars())
            per: list[dict[str, int]] = [dict(conn.execute(select(t.c.report_id, func.count()).group_by(t.c.report_id)).all())
                   for t in (schema.cells, schema.findings)]
        return {i: (int(per[0].get(i, 0)), int(per[1].get(i, 0))) for i in ids}

    def stats(self) -> dict[str, Any]:
        """Counts for a status line: reports, cells, findings, agencies, years, templates, database."""
        reps = self.reports()
        templates: dict[str, int] = {}
        for rep in reps:
            templates[rep.template] = templates.get(rep.template, 0) + 1
        return {
            "reports": len(reps), "cells": self.count_cells(), "findings": self.count_findings(),
            "agencies": len({r.agency for r in reps}),
            "years": sorted({r.year for r in reps if r.year is not None}),
            "templates": templates, "database": self.engine.url.render_as_string(hide_password=True),
        }
