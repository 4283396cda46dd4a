"""Crash consistency: `govqa ingest` killed with SIGKILL at 20 points of its writes leaves stores that agree, and
after the same ingest runs again they answer exactly as a store that was never interrupted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from govqa.core.config import Settings, load_settings
from govqa.index.consistency import StoreCheck, inspect_store
from govqa.qa.service import GovQA

pytestmark = pytest.mark.backend

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("crash_ingest.py")
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
FIRST = [SEEDS / "000_9f89ab4fe0ea1170.txt", SEEDS / "002_c32e70abc2529670.txt", SEEDS / "003_0442bf09cc97cf09.txt"]
QUESTIONS = ("红寺堡区2020年一共收到了几件信息公开申请", "镇北堡镇2020年政府集中采购的总金额",
             "自治区人民政府办公厅2020年怎样推进政务公开", "红寺堡区2020年行政许可的处理决定数量")
POINTS = 20


def edited_copy(dest: Path) -> Path:
    """A second version of the first seed (one sentence reworded): ingested with --replace, it parks the first."""
    text = FIRST[0].read_text(encoding="utf-8")
    assert "本报告" in text
    dest.write_text(text.replace("本报告", "本年度报告", 1), encoding="utf-8")
    return dest


def runs(home: Path, variant: Path) -> list[list[str]]:
    """The two commands of one ingest session: three reports, then a replacing version of one of them."""
    return [["--home", str(home), "ingest", *map(str, FIRST)], ["--home", str(home), "ingest", "--replace", str(variant)]]


def run_script(crash_at: int, home: Path, variant: Path, count_file: Path, env: dict[str, str]) -> int:
    args = [a for run in runs(home, variant) for a in ("--", *run)]
    env = {**env, "GOVQA_EMBED_CACHE": str(home / "embed_cache.sqlite")}  # see settings_for
    done = subprocess.run([sys.executable, str(SCRIPT), str(crash_at), str(count_file), *args], env=env,
                          capture_output=True, text=True, timeout=300)
    if crash_at == 0 and done.returncode != 0:
        raise AssertionError(done.stderr[-3000:])
    return done.returncode


def snapshot(qa: GovQA) -> dict[str, Any]:
    """What answers: the versions and which one is active, the cells, the chunks in the index, the answers."""
    store, index = qa.store, qa.vectors
    return {
        "versions": [(v.id, v.active, v.files) for v in store.versions()],
        "cells": {r.id: store.cells(report_id=r.id) for r in store.reports()},
        "chunks": sorted((c.id, c.report_id, c.text) for c in index.all_chunks()),
        "answers": [(a.text, a.found, a.route, a.value, a.sources) for a in map(qa.ask, QUESTIONS)],
        "search": [(h.chunk.id, round(h.score, 9)) for h in qa.retriever.search("政务公开 工作 举措", k=8)],
    }


def settings_for(home: Path, env: dict[str, str]) -> Settings:
    # an embedding cache per home: its writes are write points too, and a cache shared between the runs would
    # make the later runs reach fewer of them than the clean run counted
    return load_settings(env={**env, "GOVQA_HOME": str(home), "GOVQA_EMBED_CACHE": str(home / "embed_cache.sqlite")})


def crash_case(home: Path, variant: Path, crash_at: int, env: dict[str, str], clean: dict[str, Any]) -> StoreCheck:
    """Kill the ingest at one point, reconcile as a writer opening the store does, check, ingest again, compare."""
    code = run_script(crash_at, home, variant, home.parent / f"count-{crash_at}", env)
    assert code == -signal.SIGKILL, f"point {crash_at}: the ingest was not killed (exit {code})"
    qa = GovQA(settings_for(home, env))
    fixed = qa.reconcile()
    found = inspect_store(qa.store, qa.vectors)
    assert found.ok, f"point {crash_at}: {found.lines()}"
    answering = {r.id for r in qa.store.reports()}
    assert {c.report_id for c in qa.vectors.all_chunks()} <= answering
    qa.ingest(FIRST)
    qa.ingest([variant], replace=True)
    assert inspect_store(qa.store, qa.vectors).ok
    assert snapshot(qa) == clean, f"point {crash_at}: answers differ from a clean store's"
    return fixed


def environment(settings: Settings, **extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "GOVQA_PROGRESS": "0", **extra}


def test_kill_at_20_points_of_an_ingest_leaves_consistent_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 server_stores: Any) -> None:
    monkeypatch.setenv("GOVQA_EMBED_BACKEND", "hash")
    variant = edited_copy(tmp_path / "000_v2.txt")
    env = environment(load_settings())
    points = POINTS if server_stores is None else 6  # each case on the servers needs a database of its own
    clean_home = tmp_path / "clean"
    if server_stores is not None:
        env.update(server_stores.fresh())
    run_script(0, clean_home, variant, tmp_path / "count-0", env)
    total = int((tmp_path / "count-0").read_text())
    clean_qa = GovQA(settings_for(clean_home, env))
    assert inspect_store(clean_qa.store, clean_qa.vectors).ok
    clean = snapshot(clean_qa)
    assert len(clean["versions"]) == 4 and clean["chunks"] and all(a[1] for a in clean["answers"][:2])
    chosen = sorted({round(1 + i * (total - 1) / (points - 1)) for i in range(points)})
    assert len(chosen) == points and total > 2 * points, f"only {total} write points"
    fixed = []
    for crash_at in chosen:
        if server_stores is not None:
            env.update(server_stores.fresh())
        fixed.append(crash_case(tmp_path / f"home-{crash_at}", variant, crash_at, env, clean))
    # the points fell inside the windows that matter: vectors without an answering version, unfinished versions
    assert any(f.orphans for f in fixed) and any(f.pending for f in fixed)


@pytest.mark.integration
def test_kill_while_embedding_with_the_real_model(tmp_path: Path, server_stores: Any) -> None:
    variant = edited_copy(tmp_path / "000_v2.txt")
    env = environment(load_settings())
    if server_stores is not None:
        env.update(server_stores.fresh())
    clean_home = tmp_path / "clean"
    run_script(0, clean_home, variant, tmp_path / "count-0", env)
    total = int((tmp_path / "count-0").read_text())
    clean = snapshot(GovQA(settings_for(clean_home, env)))
    if server_stores is not None:
        env.update(server_stores.fresh())
    crash_case(tmp_path / "home", variant, total // 2, env, clean)
