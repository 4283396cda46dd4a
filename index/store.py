"""The SQL store of parsed reports: one transaction per report, numbered migrations, parameterised reads.

Runs unchanged on SQLite and PostgreSQL (SQLAlchemy Core over the tables of index/schema.py).

    >>> store = Store("sqlite:///govqa-data/govqa.db")
    >>> store.save(parse_document(load_file(path, settings=settings)))
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

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Row

from index import schema
from index.report_ref import match_reports
from qa.errors import AmbiguousReport, UnknownReport
from qa.types import Cell, Finding, ParsedReport, Report, Section, Subsection

log = logging.getLogger(__name__)

def m001_reports_cells(conn: Connection) -> None:
    """Create the reports, sections, cells and findings tables."""
    schema.metadata.create_all(conn, tables=[schema.reports, schema.sections, schema.cells, schema.findings])


def m002_store_state(conn: Connection) -> None:
    """Create the store_state table (the store's version counter) and the index of sections by report."""
    schema.store_state.create(conn, checkfirst=True)
    next(i for i in schema.sections.indexes if i.name == "ix_sections_report").create(conn, checkfirst=True)


# Applied in order, each once, recorded by name in schema_migrations (as llm and sqlite-utils do).
MIGRATIONS: list[Callable[[Connection], None]] = [m001_reports_cells, m002_store_state]
VERSION = "version"  # the store_state row bumped by every write that changes the reports


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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
                   expected=row.expected, printed=row.printed)


_REPORT_COLS = [c for c in schema.reports.c if c.name != "text"]


class Store:
    """Parsed reports in SQL: save one report per transaction, read reports, cells, findings and sections."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.migrate()
        self._agencies: tuple[int, list[tuple[str, str, tuple[str, ...], tuple[int, ...]]]] | None = None

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded in schema_migrations; returns the names applied."""
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

    def save(self, parsed: ParsedReport, *, before_commit: Callable[[], None] | None = None) -> str:
        """Store one parsed report in ONE transaction: "added", "replaced" (same agency+year) or "unchanged".

        before_commit runs inside the transaction (e.g. writing vectors); if it or anything else raises,
        every write of this call is rolled back.
        """
        rep = parsed.report
        r = schema.reports
        with self.engine.begin() as conn:
            if conn.execute(select(r.c.id).where(r.c.content_hash == rep.content_hash)).first() is not None:
                return "unchanged"
            old_ids: list[str] = []
            if rep.year is not None:  # an unknown year is never "the same year" as another report's
                old_ids = list(conn.execute(select(r.c.id).where(r.c.agency == rep.agency, r.c.year == rep.year)).scalars())
            for old in old_ids:
                self._delete(conn, old)
                log.info("replacing report %s (%s %s) with %s", old, rep.agency, rep.year, rep.id)
            self._insert(conn, parsed)
            self._bump(conn)
            if before_commit is not None:
                before_commit()
        return "replaced" if old_ids else "added"

    def delete_report(self, report_id: str) -> bool:
        """Delete one report and everything parsed from it; False when there was no such report."""
        with self.engine.begin() as conn:
            deleted = self._delete(conn, report_id)
            if deleted:
                self._bump(conn)
            return deleted

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

    @staticmethod
    def _insert(conn: Connection, parsed: ParsedReport) -> None:
        rep = parsed.report
        conn.execute(insert(schema.reports).values(
            id=rep.id, source=rep.source, agency=rep.agency, short_name=rep.short_name,
            aliases=json.dumps(list(rep.aliases), ensure_ascii=False), year=rep.year, template=rep.template,
            title=rep.title, content_hash=rep.content_hash, text=rep.text, ingested_at=_now(),
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
                 "expected": f.expected, "printed": f.printed, "message": f.message, "seq": i}
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

    def report_by_hash(self, content_hash: str) -> Report | None:
        """The report stored from a file with these exact bytes, if any (without text)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(*_REPORT_COLS).where(schema.reports.c.content_hash == content_hash)).first()
        return _report(row) if row is not None else None

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
        return [
            Section(number=x.number, title=x.title, start=x.start, end=x.end, text=text[x.start:x.end],
                    subsections=tuple(Subsection(t, a, b) for t, a, b in json.loads(x.subsections or "[]")))
            for x in rows
        ]

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
            per: list[dict[str, int]] = [dict(conn.execute(select(t.c.report_id, func.count()).group_by(t.c.report_id)).tuples().all())
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
