"""One writer at a time: an advisory lock file under GOVQA_HOME that every write to the stores takes, and on
PostgreSQL an advisory lock in the database as well, so writers on other machines (with homes of their own) wait too.

Readers never take it (SQLite runs in WAL mode, PostgreSQL has MVCC), so answering is never blocked. A second
writer waits its turn, saying so once, instead of failing with "database is locked" (or, on PostgreSQL, racing
another machine: its reconcile could drop a version the other is still writing).

    >>> with writer_lock(settings):
    ...     ingest_file(path, settings=settings, store=store, indexer=indexer)
"""

from __future__ import annotations

import fcntl
import logging
import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from govqa.core.config import Settings

log = logging.getLogger(__name__)

LOCK_NAME = "write.lock"
WRITER_KEY = 0x676F7677  # PostgreSQL advisory lock keys ("govw", "govm"); such locks are per database
MIGRATION_KEY = 0x676F766D


def lock_path(home: Path) -> Path:
    """The lock file of the stores of one home (writers of one store share a home)."""
    return home / LOCK_NAME


@contextmanager
def writer_lock(settings: Settings, *, on_wait: Callable[[str], None] | None = None) -> Iterator[float]:
    """Hold the writer lock for the block; yields how many seconds were spent waiting for it.

    on_wait(message) is called once for each part (the file, the database) another process holds (default: a
    warning in the log).
    """
    with _file_lock(settings.home, on_wait=on_wait) as on_file, \
            database_lock(settings.db_url, WRITER_KEY, doing="writing to", on_wait=on_wait) as on_database:
        yield on_file + on_database


@contextmanager
def database_lock(url: str, key: int, *, doing: str, on_wait: Callable[[str], None] | None = None) -> Iterator[float]:
    """Hold the PostgreSQL advisory lock ``key`` of the database at ``url`` on a connection of its own for the
    block (it goes with the connection if the process dies); yields the seconds waited. Other databases: a no-op."""
    if make_url(url).get_backend_name() != "postgresql":
        yield 0.0
        return
    me = f"govqa pid {os.getpid()} on {socket.gethostname()}"[:63]
    engine = create_engine(url, poolclass=NullPool, connect_args={"application_name": me})
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            started = time.monotonic()
            if not conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}).scalar():
                where = make_url(url).render_as_string(hide_password=True)
                (on_wait or log.warning)(f"another govqa process ({_holder(conn, key)}) is {doing} {where}; "
                                         "waiting for it to finish")
                conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
            try:
                yield time.monotonic() - started
            finally:
                try:
                    conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                except Exception:  # noqa: BLE001 — a lost connection took the lock with it; keep the block's error
                    log.warning("could not release the database lock; closing its connection releases it")
    finally:
        engine.dispose()


def _holder(conn: Connection, key: int) -> str:
    """Who holds advisory lock ``key`` of this database, as its connection named itself."""
    row = conn.execute(text(
        "SELECT a.application_name, a.client_addr FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.objid::bigint = :key AND l.classid::bigint = 0 "
        "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"), {"key": key}).first()
    if row is None or not row.application_name:
        return "another process"
    return f"{row.application_name}" + (f" from {row.client_addr}" if row.client_addr else "")


@contextmanager
def migration_lock(url: str) -> Iterator[float]:
    """Held while a process upgrades the schema of the store at ``url``, so processes opening a new store at once
    take turns: PostgreSQL's advisory lock, or a lock file beside a SQLite database; yields the seconds waited."""
    parsed = make_url(url)
    db = parsed.database or ""
    if parsed.get_backend_name() == "sqlite" and db and db != ":memory:" and not db.startswith("file:"):
        with file_lock(Path(f"{db}.migrate.lock"), doing="upgrading the schema of", where=db) as waited:
            yield waited
        return
    with database_lock(url, MIGRATION_KEY, doing="upgrading the schema of") as waited:
        yield waited


@contextmanager
def _file_lock(home: Path, *, on_wait: Callable[[str], None] | None) -> Iterator[float]:
    """The lock file under home, held for the block; yields the seconds waited."""
    with file_lock(lock_path(home), doing="writing to", where=str(home), on_wait=on_wait) as waited:
        yield waited


@contextmanager
def file_lock(path: Path, *, doing: str, where: str, on_wait: Callable[[str], None] | None = None) -> Iterator[float]:
    """An exclusive flock on ``path`` (created, holding the holder's pid) for the block; yields the seconds waited."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as handle:
        started = time.monotonic()
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            (on_wait or log.warning)(f"another govqa process ({holder}) is {doing} {where}; waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        waited = time.monotonic() - started
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield waited
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)
