"""Concurrency: a reader keeps answering while five `govqa ingest` processes write to the same stores.

Writers take turns (the writer lock under GOVQA_HOME) and embed outside any SQL transaction, so none is refused
with "database is locked" and no answer waits behind a write.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from index.consistency import inspect_store
from qa.config import load_settings
from qa.service import GovQA

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
    assert inspect_store(after.store, after.retriever.indexer).ok
