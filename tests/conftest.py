"""Shared test set-up: every test runs in its own GOVQA_HOME with the network blocked.

HOME, XDG_CACHE_HOME and TMPDIR point at the temp folder too (chromadb, onnxruntime and jieba write caches
there). The expanded embedding model is cached once per session (GOVQA_MODEL_CACHE) so that it is built once.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))

_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address):  # type: ignore[no-untyped-def]
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1", "0.0.0.0") or self.family == socket.AF_UNIX):
        return _real_connect(self, address)
    raise OSError(f"network access blocked in tests: {address!r}")


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("models")


@pytest.fixture(autouse=True)
def govqa_env(tmp_path: Path, model_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every cache at the test's temp folder and block outbound network."""
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
    return home


@pytest.fixture
def settings(govqa_env: Path):
    from qa.config import load_settings

    return load_settings()


@pytest.fixture
def seed_paths() -> list[Path]:
    assert len(SEEDS) == 5, "the five seed reports must be in tests/fixtures/seeds"
    return SEEDS


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
