"""Caches live in a folder of this user's, never in a shared one another user could write."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from govqa.core import cache_dir as cache_dir_module
from govqa.core.cache_dir import cache_dir


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    cache_dir.cache_clear()
    yield
    cache_dir.cache_clear()


def test_govqa_cache_names_the_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GOVQA_CACHE", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    assert (tmp_path / "mine").is_dir()


def test_xdg_cache_home_is_used_without_govqa_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GOVQA_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "govqa"


def _no_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every usual cache folder lies under a plain file, so none can be made (as with a read-only home, even for root)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GOVQA_CACHE", str(blocker / "sub"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "xdg"))
    monkeypatch.setattr(cache_dir_module.tempfile, "gettempdir", lambda: str(tmp_path))


def test_unmakeable_home_falls_back_to_a_private_temp_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _no_home(monkeypatch, tmp_path)
    path = cache_dir()
    assert path == tmp_path / f"govqa-{os.getuid()}"
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def test_a_temp_folder_others_can_write_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _no_home(monkeypatch, tmp_path)
    planted = tmp_path / f"govqa-{os.getuid()}"
    planted.mkdir()
    planted.chmod(0o777)
    with pytest.raises(PermissionError, match="GOVQA_CACHE"):
        cache_dir()
