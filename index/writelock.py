"""One writer at a time: an advisory lock file under GOVQA_HOME that every write to the stores takes.

Readers never take it (SQLite runs in WAL mode, PostgreSQL has MVCC), so answering is never blocked. A second
writer waits its turn, saying so once, instead of failing with "database is locked".

    >>> with writer_lock(settings):
    ...     ingest_file(path, settings=settings, store=store, indexer=indexer)
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from qa.config import Settings

log = logging.getLogger(__name__)

LOCK_NAME = "write.lock"


def lock_path(settings: Settings) -> Path:
    """The lock file of the stores configured in settings (under home: writers of one store share a home)."""
    return settings.home / LOCK_NAME


@contextmanager
def writer_lock(settings: Settings, *, on_wait: Callable[[str], None] | None = None) -> Iterator[float]:
    """Hold the writer lock for the block; yields how many seconds were spent waiting for it.

    on_wait(message) is called once when another process holds it (default: a warning in the log).
    """
    path = lock_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as handle:
        started = time.monotonic()
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            message = f"another govqa process ({holder}) is writing to {settings.home}; waiting for it to finish"
            (on_wait or log.warning)(message)
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
