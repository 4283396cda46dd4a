"""bench/load.py end to end on a tiny scale: a real `govqa serve` subprocess, concurrent gradio_client clients."""

from __future__ import annotations

import json
from pathlib import Path

from bench.load import main
from bench.report import render

QUESTIONS = [  # found=False: the bench does not score answers, and the question file needs no expectations then
    {"id": "a", "question": "红寺堡区2020年收到多少政府信息公开申请？", "kind": "table", "found": False},
    {"id": "b", "question": "镇北堡镇2020年主动公开了多少条政府信息？", "kind": "table", "found": False},
    {"id": "c", "question": "那2019年呢？", "kind": "followup", "found": False, "history": ["红寺堡区2020年收到多少政府信息公开申请？"]},
]


def test_load_bench_runs_clients_and_records_latency_errors_and_rss(tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in QUESTIONS) + "\n", encoding="utf-8")
    out = tmp_path / "results"
    code = main(["--clients", "1,3", "--per-client", "2", "--timeout", "60", "--warmup", "1", "--embed-backend", "hash",
                 "--questions", str(questions), "--home", str(tmp_path / "home"), "--out-dir", str(out)])
    doc = json.loads((out / "load.json").read_text(encoding="utf-8"))
    assert code == 0 and [r["clients"] for r in doc["rows"]] == [1, 3]
    for row in doc["rows"]:
        assert row["answered"] == row["requests"] == row["clients"] * 2 and row["errors"] == 0
        assert 0 < row["p50_ms"] <= row["p95_ms"] <= row["max_ms"] and row["throughput_rps"] > 0
        assert row["peak_rss_mb"] >= row["rss_before_mb"] > 50  # the server process, not this one
    assert "| 3 | 6 | 6 | 0 |" in render(out)
