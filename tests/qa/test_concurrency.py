"""Concurrency: readers keep answering while writers change the same stores.

In process: a reader asks while five `govqa ingest` processes write. Served: a real `govqa serve` answers web
clients through its ``/ask`` API while five `govqa ingest` processes and five uploads by a logged-in staff member
(through the app's own login and import events) write. Writers take turns (the writer lock under GOVQA_HOME) and
embed outside any SQL transaction, so none is refused with "database is locked" and no answer waits behind a write.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from govqa.core.config import load_settings
from govqa.index.consistency import inspect_store
from govqa.index.writelock import writer_lock
from govqa.qa.service import GovQA

pytestmark = pytest.mark.backend

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
QUESTIONS = ("红寺堡区2020年一共收到了几件信息公开申请", "自治区人民政府办公厅2020年怎样推进政务公开")
MAX_ASK_SECONDS = 5.0


def edited(name: str, dest: Path) -> Path:
    """Another version of a seed (one phrase reworded): a different file for the same agency and year."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    assert "本报告" in text
    out = dest / f"v2_{name}"
    out.write_text(text.replace("本报告", "本年度报告", 1), encoding="utf-8")
    return out


class Reader(threading.Thread):
    """Asks the questions in a loop until stopped, timing every answer and keeping every error."""

    def __init__(self, qa: GovQA) -> None:
        super().__init__(daemon=True)
        self.qa = qa
        self.stop = threading.Event()
        self.seconds: list[float] = []
        self.errors: list[str] = []
        self.found: list[bool] = []

    def run(self) -> None:
        while not self.stop.is_set():
            for question in QUESTIONS:
                started = time.perf_counter()
                try:
                    self.found.append(self.qa.ask(question).found)
                except Exception as exc:  # noqa: BLE001 — collected and asserted on
                    self.errors.append(f"{type(exc).__name__}: {exc}")
                self.seconds.append(time.perf_counter() - started)


def test_reader_answers_while_five_ingests_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVQA_EMBED_BACKEND", "hash")
    settings = load_settings()
    qa = GovQA(settings)
    qa.ingest([SEEDS / "002_c32e70abc2529670.txt", SEEDS / "003_0442bf09cc97cf09.txt"])
    assert all(qa.ask(q).found for q in QUESTIONS)
    files = [SEEDS / "000_9f89ab4fe0ea1170.txt", SEEDS / "001_c2bcf9dd95c89acf.txt", SEEDS / "004_ad5f03b2b0236919.txt",
             edited("002_c32e70abc2529670.txt", tmp_path), edited("003_0442bf09cc97cf09.txt", tmp_path)]
    env: dict[str, Any] = {**os.environ, "PYTHONPATH": str(ROOT), "GOVQA_PROGRESS": "0"}
    reader = Reader(qa)
    reader.start()
    writers = [subprocess.Popen([sys.executable, "-c", "from qa.cli import main; main()", "ingest", str(f)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    outputs = [w.communicate(timeout=300) for w in writers]
    reader.stop.set()
    reader.join(timeout=60)
    refused = [(str(f), w.returncode, err[-800:]) for f, w, (_, err) in zip(files, writers, outputs, strict=True)
               if w.returncode != 0]
    assert refused == []
    assert not any("database is locked" in err for _, err in outputs)
    assert reader.errors == [] and all(reader.found)
    assert len(reader.seconds) >= 10, "the reader hardly ran while the ingests did"
    assert max(reader.seconds) < MAX_ASK_SECONDS, f"slowest answer {max(reader.seconds):.1f}s"
    after = GovQA(settings)
    assert len(after.store.reports()) == 5 and len(after.store.versions()) == 7
    assert inspect_store(after.store, after.vectors).ok


# ---------------------------------------------------------------- the same under a real `govqa serve`

LAYOUT = ROOT / "tests" / "fixtures" / "layouts" / "2021_format.txt"  # a 2021-template report of our own
LAYOUT_AGENCY = "银川市兴庆区市场监督管理局"
PASSWORD = "concur-staff-pw"
BY_CLI = (("西岭县教育局", 2021), ("西岭县民政局", 2021), ("西岭县财政局", 2022), ("西岭县交通运输局", 2022), ("西岭县水利局", 2023))
BY_UPLOAD = (("西岭县卫生健康局", 2021), ("西岭县农业农村局", 2022), ("西岭县自然资源局", 2023), ("西岭县应急管理局", 2023),
             ("西岭县审计局", 2024))
WAITING = "waiting for it to finish"  # what index/writelock.py logs when a writer finds the lock taken
SERVED_QUESTIONS = (*QUESTIONS, "西岭县教育局2021年收到多少政府信息公开申请？")  # the last one is found once its ingest lands


def new_report(dest: Path, n: int, agency: str, year: int) -> Path:
    """A small 2021-template report of ``agency`` for ``year`` (the layout fixture renamed, one count changed)."""
    text = LAYOUT.read_text(encoding="utf-8")
    text = text.replace(LAYOUT_AGENCY, agency).replace(LAYOUT_AGENCY[3:], agency).replace("2021年", f"{year}年")
    text = text.replace("行政许可\t1536", f"行政许可\t{1536 + 97 * n}")
    out = dest / f"{n:02d}_{agency}{year}年报.txt"
    out.write_text(text, encoding="utf-8")
    return out


class ApiAsker(threading.Thread):
    """A web client asking through the served ``/ask`` API in a loop until stopped, timing every answer."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.stop = threading.Event()
        self.seconds: list[float] = []
        self.errors: list[str] = []
        self.answers: list[tuple[str, bool]] = []

    def run(self) -> None:
        from gradio_client import Client

        client = Client(self.url, verbose=False)
        while not self.stop.is_set():
            for question in SERVED_QUESTIONS:
                started = time.perf_counter()
                try:
                    answer = client.predict(question, [], api_name="/ask")
                    self.answers.append((question, bool(answer["found"])))
                except Exception as exc:  # noqa: BLE001 — collected and asserted on
                    self.errors.append(f"{question}: {type(exc).__name__}: {exc}")
                self.seconds.append(time.perf_counter() - started)


def waits(log: Path) -> int:
    """How many times a writer logging to ``log`` found the writer lock taken and waited."""
    return log.read_text(encoding="utf-8", errors="replace").count(WAITING) if log.is_file() else 0


def wait_for(condition: Callable[[], bool], *, seconds: float) -> bool:
    """Poll ``condition`` every 0.2 s until it holds (True) or the time is up (False)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def upload_as_staff(url: str, path: Path) -> tuple[str, str, list[str]]:
    """Log in as admin in a session of one's own and import one file; (login message, import message, the
    result of each file as the upload table shows it)."""
    from staff_session import StaffSession

    staff = StaffSession(url)
    try:
        logged_in = staff.login("admin", PASSWORD)
        message, table, *_ = staff.import_files([path])
        return logged_in, str(message), [str(row[1]) for row in table["data"]]
    finally:
        staff.close()


def test_served_app_answers_while_five_ingests_and_five_uploads_write(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from bench.load import free_port, start_server, store_label, wait_ready
    from govqa.qa.changelog import read_changes
    from govqa.ui.upload import STATUS

    monkeypatch.setenv("GOVQA_EMBED_BACKEND", "hash")
    monkeypatch.setenv("GOVQA_ADMIN_PASSWORD", PASSWORD)
    settings = load_settings()
    cli_files = [new_report(tmp_path, n, a, y) for n, (a, y) in enumerate(BY_CLI)]
    upload_files = [new_report(tmp_path, n, a, y) for n, (a, y) in enumerate(BY_UPLOAD, len(BY_CLI))]
    env: dict[str, Any] = {**os.environ, "PYTHONPATH": str(ROOT), "GOVQA_PROGRESS": "0"}
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = start_server(settings.home, port, "hash")  # ingests the five samples, then serves
    try:
        client = wait_ready(url, server, 180)
        assert all(client.predict(q, [], api_name="/ask")["found"] for q in QUESTIONS)
        asker = ApiAsker(url)
        asker.start()
        started = time.perf_counter()
        logs = [tmp_path / f"ingest{n}.log" for n in range(len(cli_files))]
        with ThreadPoolExecutor(len(upload_files)) as pool, ExitStack() as files:
            with writer_lock(settings):
                # the test holds the writer lock until every CLI ingest and two uploads (the import event's
                # concurrency) wait for it: the ten writers then contend for certain, and asks go on meanwhile
                writers = [subprocess.Popen([sys.executable, "-c", "from qa.cli import main; main()", "ingest", str(f)],
                                            env=env, stdout=subprocess.DEVNULL, stderr=files.enter_context(log.open("w")))
                           for f, log in zip(cli_files, logs, strict=True)]
                uploads = [pool.submit(upload_as_staff, url, f) for f in upload_files]
                queued = wait_for(lambda: all(waits(log) for log in logs) and waits(settings.home / "serve.log") >= 2,
                                  seconds=120)
                held_s = time.perf_counter() - started
            for w in writers:
                w.wait(timeout=300)
            uploaded = [u.result(timeout=300) for u in uploads]
        outputs = [log.read_text(encoding="utf-8") for log in logs]
        writes_s = time.perf_counter() - started
        time.sleep(1.0)  # a few more asks after the last write
        asker.stop.set()
        asker.join(timeout=60)
        after = {a: client.predict(f"{a}{y}年收到多少政府信息公开申请？", [], api_name="/ask") for a, y in BY_CLI + BY_UPLOAD}
    finally:
        server.terminate()
        server.wait(timeout=60)
    slowest = max(asker.seconds, default=0.0)
    print(f"\nserved on {store_label()}: {len(asker.seconds)} asks during {writes_s:.1f}s of writes (5 CLI ingests + 5 uploads; "
          f"the lock held {held_s:.1f}s while they queued), "
          f"max {slowest:.2f}s, errors {len(asker.errors)}")
    assert queued, f"not every writer queued behind the held lock in {held_s:.0f}s: {outputs}"
    refused = [(f.name, w.returncode, err[-800:]) for f, w, err in zip(cli_files, writers, outputs, strict=True)
               if w.returncode != 0]
    assert refused == [] and not any("database is locked" in err for err in outputs)
    assert [(login, results) for login, _, results in uploaded] == [("已登录：admin", [STATUS["added"]])] * len(upload_files), uploaded
    assert asker.errors == [] and len(asker.seconds) >= 10, "the asker hardly ran while the writes did"
    assert all(found for q, found in asker.answers if q in QUESTIONS)
    assert slowest < MAX_ASK_SECONDS, f"slowest answer {slowest:.1f}s"
    for agency, answer in after.items():  # the server answers from every report written by another process or itself
        assert answer["found"] and answer["value"] == 26 and agency in answer["text"], (agency, answer["text"])
    check = subprocess.run([sys.executable, "-c", "from qa.cli import main; main()", "check", "--store"], env=env,
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    qa = GovQA(settings)
    versions = qa.store.versions()
    assert {(v.agency, v.year) for v in versions} >= set(BY_CLI + BY_UPLOAD) and len(versions) == 15
    assert all(v.active for v in versions)
    assert inspect_store(qa.store, qa.vectors).ok
    changes = [(c["who"], c["action"], c["status"]) for c in read_changes(settings.change_log_path)]
    assert changes.count(("admin", "upload", STATUS["added"])) == len(upload_files)
    assert sum(1 for _, action, status in changes if action == "ingest" and status == "added") == len(cli_files)
