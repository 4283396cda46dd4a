"""The SQL schema of the store (SQLAlchemy Core), shared by the store (writes) and the table route (reads).

Runs unchanged on SQLite and PostgreSQL. Created by the numbered migrations in index/migrations.py.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

reports = Table(
    "reports",
    metadata,
    Column("id", String(32), primary_key=True),  # first 12 hex of content_hash
    Column("source", String(512), nullable=False),
    Column("agency", String(256), nullable=False),
    Column("short_name", String(128), nullable=False),
    Column("aliases", Text, nullable=False, default="[]"),  # JSON list
    Column("year", Integer, nullable=True),
    Column("template", String(16), nullable=False),
    Column("title", String(512), nullable=False),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(32), nullable=False),
    UniqueConstraint("agency", "year", name="uq_reports_agency_year"),
)

sections = Table(
    "sections",
    metadata,
    Column("report_id", String(32), ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("title", String(128), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("subsections", Text, nullable=False, default="[]"),  # JSON list of {title,start,end}
    Index("ix_sections_report", "report_id"),
)

cells = Table(
    "cells",
    metadata,
    Column("report_id", String(32), ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("tbl", String(16), nullable=False),  # 主动公开 | 申请 | 复议诉讼
    Column("row", String(64), nullable=False),
    Column("col", String(64), nullable=False),
    Column("value", Float, nullable=False),
    Column("raw", String(64), nullable=False, default=""),
    Column("seq", Integer, nullable=False, default=0),  # order within the report, as parsed
    Index("ix_cells_key", "tbl", "row", "col"),
    Index("ix_cells_report", "report_id"),
)

findings = Table(
    "findings",
    metadata,
    Column("report_id", String(32), ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("tbl", String(16), nullable=False),
    Column("row", String(64), nullable=False),
    Column("col", String(64), nullable=False),
    Column("expected", Float, nullable=True),
    Column("printed", Float, nullable=True),
    Column("message", Text, nullable=False),
    Column("seq", Integer, nullable=False, default=0),  # order within the report, as found
    Column("severity", String(8), nullable=False, default="error", server_default="error"),  # error | check | note (m005)
    Column("span_start", Integer, nullable=True),  # the passage of the report text it rests on (m005)
    Column("span_end", Integer, nullable=True),
    Column("cells", Text, nullable=False, default="[]", server_default="[]"),  # JSON list of the cells it rests on (m005)
    Index("ix_findings_report", "report_id"),
)

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("applied_at", String(32), nullable=False),
)

store_state = Table(  # counters kept beside the data, e.g. "version": bumped by every write that changes reports
    "store_state",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Integer, nullable=False, default=0),
)

report_versions = Table(  # every version of every report; the active ones are also rows of reports, cells, ...
    "report_versions",
    metadata,
    Column("id", String(32), primary_key=True),  # the report id of this version (first 12 hex of content_hash)
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("agency", String(256), nullable=False),
    Column("year", Integer, nullable=True),
    Column("cells", Integer, nullable=False, default=0),
    Column("findings", Integer, nullable=False, default=0),
    Column("unsure", Integer, nullable=False, default=0),  # ambiguous or missing findings
    Column("ingested_at", String(32), nullable=False),
    Column("active", Boolean, nullable=False, default=False),
    Column("payload", Text, nullable=True),  # an inactive version as JSON (index/versions.py); NULL while active
    # pending: written, its vectors being indexed, not visible yet (left behind only by a crash); ready: stored
    Column("state", String(16), nullable=False, server_default="ready"),
    Column("chunks", Integer, nullable=True),  # vectors indexed for an active version; NULL: none expected
    Index("ix_versions_agency_year", "agency", "year"),
)

version_files = Table(  # the file names a version was ingested from (identical bytes under another name)
    "version_files",
    metadata,
    Column("version_id", String(32), ForeignKey("report_versions.id", ondelete="CASCADE"), primary_key=True),
    Column("source", String(512), primary_key=True),
    Column("seq", Integer, nullable=False, default=0),  # order the names were seen in
    Column("ingested_at", String(32), nullable=False),
)
