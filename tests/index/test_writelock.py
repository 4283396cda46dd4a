"""index/writelock.py: one writer at a time per store.

Writers sharing a home wait on the lock file under it. On PostgreSQL the database holds the lock too (an advisory
lock), so writers with homes of their own (other machines) wait as well: without it, one machine's reconcile could
drop another's pending version mid-write, and two new versions of one report could both become active.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from govqa.core.config import Settings, load_settings
from govqa.index.consistency import inspect_store
from govqa.index.writelock import migration_lock, writer_lock
from govqa.qa.service import GovQA

pytestmark = pytest.mark.backend

ROOT = Path(__file__).resolve().parents[2]
LAYOUT = ROOT / "tests" / "fixtures" / "layouts" / "2021_format.txt"  # a 2021-template report of our own
LAYOUT_AGENCY = "银川市兴庆区市场监督管理局"
WAITING = "waiting for it to finish"


def on_postgres(settings: Settings) -> bool:
    return settings.db_url.startswith("postgresql")


def second_writer(settings: Settings) -> tuple[threading.Thread, list[str], list[float]]:
    """A thread that takes the writer lock of ``settings``; (thread, wait messages, time it got the lock)."""
    messages: list[str] = []
    entered: list[float] = []

    def run() -> None:
        with writer_lock(settings, on_wait=messages.append):
            entered.append(time.monotonic())

    return threading.Thread(target=run, daemon=True), messages, entered


def wait_for(condition: Callable[[], bool], *, seconds: float) -> bool:
    """Poll ``condition`` every 0.1 s until it holds (True) or the time is up (False)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_a_second_writer_of_the_same_home_waits_and_says_so(settings: Settings) -> None:
    thread, messages, entered = second_writer(settings)
    with writer_lock(settings) as waited:
        assert waited < 1.0
        thread.start()
        assert wait_for(lambda: bool(messages), seconds=10)
        time.sleep(0.3)
        assert entered == []  # still waiting
        released = time.monotonic()
    thread.join(timeout=10)
    assert len(messages) == 1 and WAITING in messages[0] and f"pid {os.getpid()}" in messages[0]
    assert entered and entered[0] >= released


def test_writers_with_homes_of_their_own_wait_on_the_postgresql_lock(settings: Settings, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    if not on_postgres(settings):
        pytest.skip("the database lock is PostgreSQL's (run with GOVQA_TEST_DATABASE_URL, see tests/conftest.py)")
    monkeypatch.setenv("GOVQA_HOME", str(tmp_path / "other-machine"))
    elsewhere = load_settings()
    assert elsewhere.home != settings.home and elsewhere.db_url == settings.db_url
    thread, messages, entered = second_writer(elsewhere)
    with writer_lock(settings):
        thread.start()
        assert wait_for(lambda: bool(messages), seconds=10), "a writer on another home did not wait"
        time.sleep(0.3)
        assert entered == []
        released = time.monotonic()
    thread.join(timeout=10)
    assert WAITING in messages[0] and f"pid {os.getpid()}" in messages[0] and "password" not in messages[0]
    assert entered and entered[0] >= released


def version_of(dest: Path, n: int, agency: str, year: int, *, permits: int) -> Path:
    """A small 2021-template report of ``agency`` for ``year``, its 行政许可 count set to ``permits``."""
    text = LAYOUT.read_text(encoding="utf-8").replace(LAYOUT_AGENCY, agency).replace(LAYOUT_AGENCY[3:], agency)
    text = text.replace("2021年", f"{year}年").replace("行政许可\t1536", f"行政许可\t{permits}")
    out = dest / f"{n:02d}_{agency}{year}.txt"
    out.write_text(text, encoding="utf-8")
    return out


def test_five_ingests_opening_a_new_store_at_once_take_turns_creating_it(settings: Settings, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """`govqa ingest a & govqa ingest b & …` on a fresh home (SQLite) or a new database: before, one of five
    crashed with "table reports already exists". All wait behind a held migration lock, then all succeed."""
    monkeypatch.setenv("GOVQA_EMBED_BACKEND", "hash")
    settings = load_settings()
    agencies = ("西岭县档案局", "西岭县林业局", "西岭县统计局", "西岭县气象局", "西岭县商务局")
    files = [version_of(tmp_path, n, a, 2022, permits=300 + n) for n, a in enumerate(agencies)]
    logs = [tmp_path / f"ingest{n}.log" for n in range(len(files))]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GOVQA_PROGRESS": "0"}
    writers: list[subprocess.Popen[Any]] = []
    with migration_lock(settings.db_url):
        for path, log in zip(files, logs, strict=True):
            with log.open("w") as err:
                writers.append(subprocess.Popen([sys.executable, "-c", "from qa.cli import main; main()", "ingest",
                                                 str(path)], env=env, stdout=subprocess.DEVNULL, stderr=err))
        queued = wait_for(lambda: all("upgrading the schema of" in log.read_text(encoding="utf-8") for log in logs),
                          seconds=120)
    codes = [w.wait(timeout=300) for w in writers]
    outputs = [log.read_text(encoding="utf-8") for log in logs]
    assert queued, f"not every ingest waited to create the store: {outputs}"
    assert codes == [0] * len(files), outputs
    qa = GovQA(settings)
    assert sorted(r.agency for r in qa.store.reports()) == sorted(agencies)
    assert inspect_store(qa.store, qa.vectors).ok


def test_ingests_from_five_homes_into_one_postgresql_take_turns(settings: Settings, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Five `govqa ingest` processes, each with a home of its own (five machines), into one database and one
    Chroma collection: three versions of one report and two other reports. All queue behind a writer on yet
    another home, then take turns: none refused, one active version per report, the stores agree."""
    if not on_postgres(settings):
        pytest.skip("the database lock is PostgreSQL's (run with GOVQA_TEST_DATABASE_URL, see tests/conftest.py)")
    monkeypatch.setenv("GOVQA_EMBED_BACKEND", "hash")
    settings = load_settings()
    files = [version_of(tmp_path, n, "西岭县档案局", 2022, permits=1500 + n) for n in range(3)]
    files += [version_of(tmp_path, 3, "西岭县林业局", 2022, permits=880), version_of(tmp_path, 4, "西岭县统计局", 2023, permits=64)]
    logs = [tmp_path / f"ingest{n}.log" for n in range(len(files))]
    writers: list[subprocess.Popen[Any]] = []
    with writer_lock(settings):
        for n, (path, log) in enumerate(zip(files, logs, strict=True)):
            env = {**os.environ, "PYTHONPATH": str(ROOT), "GOVQA_PROGRESS": "0", "GOVQA_HOME": str(tmp_path / f"home{n}")}
            with log.open("w") as err:
                writers.append(subprocess.Popen([sys.executable, "-c", "from qa.cli import main; main()", "ingest",
                                                 str(path)], env=env, stdout=subprocess.DEVNULL, stderr=err))
        queued = wait_for(lambda: all(WAITING in log.read_text(encoding="utf-8") for log in logs), seconds=120)
    codes = [w.wait(timeout=300) for w in writers]
    outputs = [log.read_text(encoding="utf-8") for log in logs]
    assert queued, f"not every writer waited for the database lock: {outputs}"
    assert codes == [0] * len(files), outputs
    qa = GovQA(settings)
    versions = qa.store.versions()
    assert len(versions) == 5
    active = sorted((v.agency, v.year) for v in versions if v.active)
    assert active == [("西岭县林业局", 2022), ("西岭县档案局", 2022), ("西岭县统计局", 2023)]
    assert inspect_store(qa.store, qa.vectors).ok
    answer = qa.ask("西岭县档案局2022年收到多少政府信息公开申请？")
    assert answer.found and answer.value == 26
