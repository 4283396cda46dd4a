"""Retrieval benchmark: Recall@k of vector-only, BM25-only and fused search over eval/sets/narrative.jsonl.

Ingests the five seed reports into a fresh home with the configured (real) embedding model, then for each
question checks whether the evidence's location in the report lies inside one of the top-k chunks, with the
question's agency and year as filters. Also times query embedding and retrieval (p50/p95).

    GOVQA_MODEL_CACHE=~/.cache/govqa-models python bench/retrieval.py [--k 5] [--home DIR]

Writes bench/results/retrieval.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govqa.core.config import load_settings  # noqa: E402
from govqa.core.types import ScoredChunk  # noqa: E402
from govqa.qa.service import GovQA  # noqa: E402

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
QUESTIONS = ROOT / "eval" / "sets" / "narrative.jsonl"
RESULTS = ROOT / "bench" / "results" / "retrieval.json"


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (nearest rank) of values, in the same unit."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def contains(hits: Sequence[ScoredChunk], report_id: str, start: int, end: int) -> bool:
    """True when one hit of the report covers [start, end)."""
    return any(h.chunk.report_id == report_id and h.chunk.start <= start and end <= h.chunk.end for h in hits)


def run(home: Path, k: int) -> dict:
    """Ingest the seeds under home, ask every narrative question, return the measurements."""
    settings = load_settings(home=str(home), progress="0")
    qa = GovQA(settings)
    t0 = time.perf_counter()
    summary = qa.ingest([SEEDS])
    ingest_s = time.perf_counter() - t0
    reports = {r.agency: qa.store.get_report(r.id) for r in qa.store.reports()}
    retriever = qa.retriever
    questions = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    searches: dict[str, Callable[..., list[ScoredChunk]]] = {
        "vector": retriever.vector_search, "bm25": retriever.bm25_search, "fused": retriever.search,
    }
    found = {name: 0 for name in searches}
    timings: dict[str, list[float]] = {"embed_query": [], **{name: [] for name in searches}}
    misses: list[dict] = []
    retriever.bm25_search("预热", k=1)  # build the keyword index outside the timings
    for q in questions:
        report = reports[q["agency"]]
        start = report.text.index(q["evidence"])
        end = start + len(q["evidence"])
        t = time.perf_counter()
        retriever.embedder.embed_query(q["question"])  # cold: the question has not been embedded before
        timings["embed_query"].append(time.perf_counter() - t)
        for name, search in searches.items():
            t = time.perf_counter()
            hits = search(q["question"], agencies=(q["agency"],), years=(q["year"],), k=k)
            timings[name].append(time.perf_counter() - t)
            if contains(hits, report.id, start, end):
                found[name] += 1
            elif name == "fused":
                misses.append({"id": q["id"], "question": q["question"], "top": [h.chunk.id for h in hits]})
    n = len(questions)
    return {
        "questions": n,
        "k": k,
        "embedder": retriever.embedder.name,
        "chunk_size": settings.chunk_size,
        "reports": summary.added + summary.replaced + summary.unchanged,
        "chunks": retriever.index.count(),
        "ingest_seconds": round(ingest_s, 2),
        f"recall@{k}": {name: round(found[name] / n, 4) for name in searches},
        "ms": {name: {"p50": round(1000 * percentile(v, 50), 1), "p95": round(1000 * percentile(v, 95), 1)}
               for name, v in timings.items()},
        "fused_misses": misses,
        "note": "embed_query is the first (uncached) embedding of each question; vector/bm25/fused are timed after "
                "it, so they measure retrieval with the query vector in the embedding cache.",
    }


def main() -> None:
    """Parse arguments, run, print and write bench/results/retrieval.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--home", type=Path, default=None, help="data folder (default: a fresh temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="govqa-bench-") as tmp:
        result = run(args.home or Path(tmp), args.k)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
