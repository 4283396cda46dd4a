"""Shared test set-up: every test runs in its own GOVQA_HOME with the network blocked.

HOME, XDG_CACHE_HOME and TMPDIR point at the temp folder too (chromadb, onnxruntime and jieba write caches
there). The expanded embedding model is cached once per session (GOVQA_MODEL_CACHE) so that it is built once.

Scale-out: with GOVQA_TEST_DATABASE_URL (a PostgreSQL database whose user may CREATE DATABASE) and
GOVQA_TEST_CHROMA_URL (a `chroma run` server, http://127.0.0.1:PORT) set, the tests marked `backend` run against
them: each test gets a database and a collection of its own, dropped after it. `.ci/run` does this a second time:

    GOVQA_TEST_DATABASE_URL=postgresql+psycopg://govqa:govqa@127.0.0.1:5433/govqa \
    GOVQA_TEST_CHROMA_URL=http://127.0.0.1:8011 pytest -m backend
"""

from __future__ import annotations

import gc
import os
import socket
import time
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))

_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address):  # type: ignore[no-untyped-def]
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1", "0.0.0.0") or self.family == socket.AF_UNIX):
        return _real_connect(self, address)
    raise OSError(f"network access blocked in tests: {address!r}")


TEST_DATABASE_URL = os.environ.get("GOVQA_TEST_DATABASE_URL", "")
TEST_CHROMA_URL = os.environ.get("GOVQA_TEST_CHROMA_URL", "")


class ServerStores:
    """Fresh databases (PostgreSQL) and collections (Chroma server) for one test, dropped at its end."""

    def __init__(self) -> None:
        self.databases: list[str] = []
        self.collections: list[str] = []

    def fresh(self) -> dict[str, str]:
        """GOVQA_* variables naming a new empty database and collection on the servers."""
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        name = f"govqa_t{uuid.uuid4().hex[:12]}"
        admin = create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        self.databases.append(name)
        chroma = urlsplit(TEST_CHROMA_URL)
        self.collections.append(name)
        return {"GOVQA_DATABASE_URL": make_url(TEST_DATABASE_URL).set(database=name).render_as_string(hide_password=False),
                "GOVQA_CHROMA_HOST": chroma.hostname or "127.0.0.1", "GOVQA_CHROMA_PORT": str(chroma.port or 8000),
                "GOVQA_COLLECTION": name}

    def drop(self) -> None:
        """Drop what fresh() created."""
        import chromadb
        from sqlalchemy import create_engine

        chroma = urlsplit(TEST_CHROMA_URL)
        client = chromadb.HttpClient(host=chroma.hostname or "127.0.0.1", port=chroma.port or 8000)
        for name in self.collections:
            try:
                client.delete_collection(name)
            except Exception:  # noqa: BLE001 — a test that never wrote vectors has no collection
                pass
        gc.collect()  # a test that built a GovQA itself (not through the CLI, which closes it) leaves its pool here
        admin = create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
        try:
            for name in self.databases:
                _drop_database(admin, name)
        finally:
            admin.dispose()


def _drop_database(admin: Engine, name: str, wait_s: float = 15.0) -> None:
    """Drop one test database once the sessions on it have ended.

    A CLI subprocess or a pooled connection may still be closing when the test ends, and a session of
    another role (autovacuum, a server's own worker) may sit on the database for a moment; forcing it
    off needs a privilege the test role lacks. So: drop plainly, retrying while the database is in use,
    then force off what remains of our own sessions; a database still held after that is left with a
    warning (a test database left on a test server is harmless; a failed teardown is not).
    """
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    deadline = time.monotonic() + wait_s
    while True:
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            return
        except DBAPIError as error:
            if time.monotonic() < deadline:
                time.sleep(0.3)
                continue
            last = error
            break
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    except DBAPIError as forced:
        with admin.connect() as conn:
            holders = conn.execute(text("SELECT pid, usename, backend_type, application_name, state, left(query, 60) "
                                        "FROM pg_stat_activity WHERE datname = :name"), {"name": name}).all()
        warnings.warn(f"test database {name} could not be dropped: {last.orig}; forced: {forced.orig}; "
                      f"held by {[tuple(row) for row in holders]}", stacklevel=2)


def on_servers(request: pytest.FixtureRequest) -> bool:
    """Whether this test runs against PostgreSQL and a Chroma server (marked backend, servers configured)."""
    return bool(TEST_DATABASE_URL and TEST_CHROMA_URL and request.node.get_closest_marker("backend"))


@pytest.fixture
def server_stores(request: pytest.FixtureRequest) -> Iterator[ServerStores | None]:
    """ServerStores when this test runs against the servers, else None (SQLite and embedded Chroma under home)."""
    if not on_servers(request):
        yield None
        return
    stores = ServerStores()
    yield stores
    stores.drop()


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("models")


@pytest.fixture(autouse=True)
def govqa_env(tmp_path: Path, model_cache: Path, monkeypatch: pytest.MonkeyPatch,
              server_stores: ServerStores | None) -> Path:
    """Point every cache at the test's temp folder and block outbound network (and pick the stores: see above)."""
    home = tmp_path / "govqa-home"
    for name in ("HOME", "XDG_CACHE_HOME", "TMPDIR"):
        d = tmp_path / name.lower()
        d.mkdir()
        monkeypatch.setenv(name, str(d))
    monkeypatch.setenv("GOVQA_HOME", str(home))
    monkeypatch.setenv("GOVQA_MODEL_CACHE", str(model_cache))
    monkeypatch.setenv("GOVQA_EMBED_CACHE", str(model_cache / "embed_cache.sqlite"))
    monkeypatch.setenv("GOVQA_PROGRESS", "0")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    monkeypatch.delenv("GOVQA_CONFIG", raising=False)
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    for name in ("GOVQA_DATABASE_URL", "GOVQA_CHROMA_HOST", "GOVQA_CHROMA_PORT", "GOVQA_COLLECTION"):
        monkeypatch.delenv(name, raising=False)
    if server_stores is not None:
        for name, value in server_stores.fresh().items():
            monkeypatch.setenv(name, value)
    return home


@pytest.fixture
def db_url(govqa_env: Path, server_stores: ServerStores | None) -> str:
    """The URL of an empty store for this test: its PostgreSQL database on the servers, else SQLite in a sub-folder."""
    if server_stores is not None:
        return os.environ["GOVQA_DATABASE_URL"]
    return f"sqlite:///{govqa_env.parent / 'sub' / 'govqa.db'}"


@pytest.fixture
def settings(govqa_env: Path):
    from govqa.core.config import load_settings

    return load_settings()


@pytest.fixture
def seed_paths() -> list[Path]:
    assert len(SEEDS) == 5, "the five seed reports must be in tests/fixtures/seeds"
    return SEEDS


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
