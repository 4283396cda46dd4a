"""Shared benchmark helpers: timing, percentiles, memory, machine facts, result files, console tables."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from govqa.eval.report import text_table
from govqa.eval.run import percentile

RESULTS_DIR = Path(__file__).resolve().parent / "results"
ROOT = RESULTS_DIR.parent.parent
T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    """Call fn and return (its result, seconds taken)."""
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """``with stopwatch() as t: ...`` then ``t[0]`` holds the seconds the block took."""
    box: list[float] = []
    start = time.perf_counter()
    try:
        yield box
    finally:
        box.append(time.perf_counter() - start)


def latency_ms(seconds: Sequence[float]) -> dict[str, float | int | None]:
    """n, p50, p95 and max of a list of durations, in milliseconds (None when empty)."""
    if not seconds:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "max_ms": None}
    return {"n": len(seconds), "p50_ms": round(percentile(seconds, 50) * 1000, 1),
            "p95_ms": round(percentile(seconds, 95) * 1000, 1), "max_ms": round(max(seconds) * 1000, 1)}


def rss_mb() -> float:
    """Resident memory of this process in MiB."""
    import psutil

    return round(psutil.Process().memory_info().rss / 2**20, 1)


def folder_mb(path: Path) -> float:
    """Total size of the files under path (or of one file) in MiB; 0 when it does not exist."""
    if path.is_file():
        return round(path.stat().st_size / 2**20, 2)
    if not path.exists():
        return 0.0
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20, 2)


def machine() -> dict[str, Any]:
    """The facts a reader needs to compare figures: CPUs, memory, OS, Python, torch."""
    import psutil

    info: dict[str, Any] = {
        "cpus": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "processor": platform.processor() or platform.machine(),
    }
    try:
        import torch

        info["torch"] = torch.__version__
        info["threads"] = torch.get_num_threads()
    except ImportError:  # pragma: no cover - torch is a dependency
        pass
    return info


def write_result(name: str, data: Mapping[str, Any], *, results_dir: Path = RESULTS_DIR) -> Path:
    """Write ``results_dir/NAME.json`` with the machine facts and a UTC timestamp added."""
    results_dir.mkdir(parents=True, exist_ok=True)
    doc = {"benchmark": name, "when": datetime.now(UTC).isoformat(timespec="seconds"),
           "machine": machine(), **data}
    path = results_dir / f"{name}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, markdown: bool = False) -> str:
    """An aligned table (or a markdown one) of any values; None prints as an em dash."""
    return text_table(headers, [["—" if v is None else str(v) for v in row] for row in rows], markdown=markdown)


def commit() -> str:
    """The git commit of the code measured (with "+dirty" when the tree has changes), or "unknown"."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")
