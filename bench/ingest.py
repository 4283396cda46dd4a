"""Ingest throughput: the five seeds copied to N distinct reports (each seed × N/5 years), into a fresh store.

    python bench/ingest.py               # 500 reports, tables only
    python bench/ingest.py --vectors     # with embeddings into Chroma (slow on CPU)
    python bench/ingest.py --corpus ../shared/corpus   # also: share of cells the 勾稽关系 confirm on real reports

Prints reports, seconds, reports/s and peak RSS, and writes bench/results/ingest.json. With --corpus it also
parses every report of that folder and prints, per table and overall, the share of parsed cells that belong to
at least one relation instance that holds (主动公开 has no relation: its cells are never confirmed).
"""

from __future__ import annotations

import json
import platform
import re
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govqa.core.config import load_settings  # noqa: E402
from govqa.core.types import TABLES, Cell  # noqa: E402
from govqa.index.audit import checks  # noqa: E402
from govqa.index.ingest import expand_paths, ingest_paths  # noqa: E402
from govqa.index.loaders import load_file  # noqa: E402
from govqa.index.metadata import read_metadata  # noqa: E402
from govqa.index.normalize import normalize_text  # noqa: E402
from govqa.index.tables import parse_tables  # noqa: E402
from govqa.index.templates import all_relations  # noqa: E402
from govqa.qa.service import SAMPLES_DIR, GovQA  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "ingest.json"


def make_copies(count: int, dest: Path, *, settings) -> list[Path]:  # type: ignore[no-untyped-def]
    """Write count copies of the seeds into dest, each seed's report year moved to 2000, 2001, …"""
    seeds = sorted(SAMPLES_DIR.glob("*.txt"))
    years = {seed: read_metadata(normalize_text(load_file(seed, settings=settings).text), source=seed.name).year
             for seed in seeds}
    paths = []
    for i in range(count):
        seed = seeds[i % len(seeds)]
        text = seed.read_text(encoding="utf-8")
        year = years[seed]
        if year is None:
            raise SystemExit(f"{seed.name}: no report year found, cannot make distinct copies")
        new_year = 2000 + i // len(seeds)
        # the year as printed, including "2020 年" with a space; other 4-digit numbers are left alone
        copy = re.sub(rf"(?<!\d){year}(?!\d)", str(new_year), text)
        path = dest / f"{i:04d}_{new_year}_{seed.name}"
        path.write_text(copy, encoding="utf-8")
        paths.append(path)
    return paths


def confirmed_cells(cells: list[Cell]) -> set[tuple[str, str, str]]:
    """The cells that belong to at least one relation instance that holds."""
    out: set[tuple[str, str, str]] = set()
    for table in TABLES:
        values = {(c.row, c.col): c.value for c in cells if c.table == table}
        for relation in all_relations(table):
            for check in checks(relation, values):
                if check.ok:
                    target, plus, minus = check.cells
                    out |= {(table, r, c) for r, c in (target, *plus, *minus)}
    return out


def relation_share(folder: Path, *, settings) -> dict:  # type: ignore[no-untyped-def]
    """Per table and overall: parsed cells, cells a holding relation confirms, and their share."""
    counts = {table: [0, 0] for table in TABLES}
    files = 0
    for path in expand_paths([folder]):
        cells = list(parse_tables(normalize_text(load_file(path, settings=settings).text)).cells)
        files += bool(cells)  # a README beside the reports has no tables
        confirmed = confirmed_cells(cells)
        for cell in cells:
            counts[cell.table][0] += 1
            counts[cell.table][1] += (cell.table, cell.row, cell.col) in confirmed
    total, sure = sum(c for c, _ in counts.values()), sum(s for _, s in counts.values())
    per = {t: {"cells": c, "confirmed": s, "share": round(s / c, 4) if c else None} for t, (c, s) in counts.items()}
    return {"folder": str(folder), "files": files, "cells": total, "confirmed": sure,
            "share": round(sure / total, 4) if total else None, "per_table": per}


def timed_ingest(paths: list[Path], *, settings, vectors: bool):  # type: ignore[no-untyped-def]
    """Ingest paths into the (fresh) store of settings: (summary, seconds, reports stored)."""
    qa = GovQA(settings)
    indexer = qa.vectors if vectors else None
    started = time.perf_counter()
    summary = ingest_paths(paths, settings=settings, store=qa.store, indexer=indexer)
    return summary, time.perf_counter() - started, qa.store.count_reports()


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@click.command()
@click.option("--count", default=500, show_default=True, help="How many distinct reports to ingest.")
@click.option("--vectors", is_flag=True, help="Also embed and index the prose (slow on CPU).")
@click.option("--db-url", default="", help="Store URL (default: SQLite in a temp folder), e.g. postgresql+psycopg://…")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Also report the share of parsed cells the 勾稽关系 confirm over the reports in this folder.")
@click.option("--out", type=click.Path(path_type=Path), default=RESULTS, show_default=True, help="Where to write JSON.")
def main(count: int, vectors: bool, db_url: str, corpus: Path | None, out: Path) -> None:
    """Measure ingest throughput over copies of the seed reports."""
    with tempfile.TemporaryDirectory(prefix="govqa-bench-") as tmp:
        settings = load_settings(home=Path(tmp) / "home", database_url=db_url or None, progress=False)
        files = Path(tmp) / "files"
        files.mkdir()
        paths = make_copies(count, files, settings=settings)
        summary, seconds, stored = timed_ingest(paths, settings=settings, vectors=vectors)
    row = {
        "reports": stored, "files": len(paths), "added": summary.added, "replaced": summary.replaced,
        "unchanged": summary.unchanged, "refused": len(summary.refused), "cells": summary.cells,
        "findings": summary.findings, "chunks": summary.chunks, "vectors": vectors,
        "seconds": round(seconds, 2), "reports_per_s": round(stored / seconds, 1) if seconds else None,
        "peak_rss_mb": round(peak_rss_mb(), 1), "database": "postgresql" if db_url.startswith("postgres") else "sqlite",
        "python": platform.python_version(), "machine": platform.machine(),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    click.echo(f"{'reports':>8} {'seconds':>8} {'reports/s':>10} {'peak RSS MB':>12} {'cells':>8} {'chunks':>7} refused")
    click.echo(f"{row['reports']:>8} {row['seconds']:>8} {row['reports_per_s']:>10} {row['peak_rss_mb']:>12} "
               f"{row['cells']:>8} {row['chunks']:>7} {row['refused']}")
    for refused in summary.refused[:5]:
        click.echo(f"  refused {refused.path.name}: {refused.error}", err=True)
    if corpus is not None:
        shares = relation_share(corpus, settings=settings)
        with tempfile.TemporaryDirectory(prefix="govqa-bench-corpus-") as tmp:
            corpus_settings = load_settings(home=Path(tmp) / "home", database_url=db_url or None, progress=False)
            done, took, kept = timed_ingest(list(expand_paths([corpus])), settings=corpus_settings, vectors=vectors)
        shares["ingest"] = {"reports": kept, "refused": len(done.refused), "cells": done.cells, "chunks": done.chunks,
                            "vectors": vectors, "seconds": round(took, 2),
                            "reports_per_s": round(kept / took, 1) if took else None}
        click.echo(f"ingest of the real corpus ({'with' if vectors else 'no'} vectors): {kept} reports in {took:.2f} s "
                   f"= {shares['ingest']['reports_per_s']} reports/s, {len(done.refused)} refused")
        row["corpus_relations"] = shares
        click.echo(f"cells confirmed by a holding relation over {shares['files']} reports in {corpus}: "
                   f"{shares['confirmed']}/{shares['cells']} = {shares['share']:.1%}")
        for table, part in shares["per_table"].items():
            share = "—" if part["share"] is None else f"{part['share']:.1%}"
            click.echo(f"  {table:<6} {part['confirmed']:>6}/{part['cells']:<6} {share}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(row, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    click.echo(f"wrote {out}")


if __name__ == "__main__":
    main()
