"""The store's schema, created and upgraded by numbered migrations (as llm and sqlite-utils do).

Each migration runs once, in its own transaction, and is recorded by name in schema_migrations; an existing store
is upgraded in place by the ones it has not seen. SQLAlchemy Core only, so SQLite and PostgreSQL run the same code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, func, insert, inspect, select, text, update
from sqlalchemy.schema import CreateColumn

from govqa.index import schema
from govqa.index.versions import UNSURE_KINDS


def m001_reports_cells(conn: Connection) -> None:
    """Create the reports, sections, cells and findings tables."""
    schema.metadata.create_all(conn, tables=[schema.reports, schema.sections, schema.cells, schema.findings])


def m002_store_state(conn: Connection) -> None:
    """Create the store_state table (the store's version counter) and the index of sections by report."""
    schema.store_state.create(conn, checkfirst=True)
    next(i for i in schema.sections.indexes if i.name == "ix_sections_report").create(conn, checkfirst=True)


def _counts_by_report(conn: Connection, table: Any, *where: Any) -> dict[str, int]:
    rows = conn.execute(select(table.c.report_id, func.count()).where(*where).group_by(table.c.report_id)).all()
    return {str(rid): int(n) for rid, n in rows}


def m003_report_versions(conn: Connection) -> None:
    """Create report_versions and version_files; every report already stored becomes the active version of its own."""
    schema.report_versions.create(conn, checkfirst=True)
    schema.version_files.create(conn, checkfirst=True)
    r, f = schema.reports, schema.findings
    cells = _counts_by_report(conn, schema.cells)
    found = _counts_by_report(conn, f)
    unsure = _counts_by_report(conn, f, f.c.kind.in_(sorted(UNSURE_KINDS)))
    rows = conn.execute(select(r.c.id, r.c.content_hash, r.c.agency, r.c.year, r.c.source, r.c.ingested_at)).all()
    if rows:
        conn.execute(insert(schema.report_versions), [
            {"id": x.id, "content_hash": x.content_hash, "agency": x.agency, "year": x.year,
             "cells": int(cells.get(x.id, 0)), "findings": int(found.get(x.id, 0)), "unsure": int(unsure.get(x.id, 0)),
             "ingested_at": x.ingested_at, "active": True, "payload": None} for x in rows])
        conn.execute(insert(schema.version_files), [
            {"version_id": x.id, "source": x.source, "seq": 0, "ingested_at": x.ingested_at} for x in rows])


def m004_version_state(conn: Connection) -> None:
    """Add report_versions.state (pending until the vectors are in) and .chunks (how many vectors it answers with)."""
    have = {c["name"] for c in inspect(conn).get_columns("report_versions")}  # m003 of today creates them already
    if "state" not in have:
        conn.execute(text("ALTER TABLE report_versions ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'ready'"))
    if "chunks" not in have:
        conn.execute(text("ALTER TABLE report_versions ADD COLUMN chunks INTEGER"))


FINDING_SPANS = ("severity", "span_start", "span_end", "cells")


def m005_finding_spans(conn: Connection) -> None:
    """Give findings a severity (error/check/note), the passage they rest on and the cells they rest on (JSON)."""
    have = {c["name"] for c in inspect(conn).get_columns("findings")}
    for name in FINDING_SPANS:
        if name not in have:  # a store created after this schema already has them (m001 creates the table whole)
            column = CreateColumn(schema.findings.c[name]).compile(dialect=conn.dialect)
            conn.execute(text(f"ALTER TABLE findings ADD COLUMN {column}"))
    f = schema.findings
    conn.execute(update(f).where(f.c.kind == "note").values(severity="note"))


# Applied in order, each once.
MIGRATIONS: list[Callable[[Connection], None]] = [m001_reports_cells, m002_store_state, m003_report_versions,
                                                  m004_version_state, m005_finding_spans]
