"""CLI commands: ingest, reports, tables, check (see qa/cli.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from qa.cli import EXIT_OK, EXIT_REFUSED, settings_of
from qa.errors import ModelUnavailable
from qa.service import GovQA
from qa.types import Cell, Finding, Report

if TYPE_CHECKING:
    from index.ingest import FileResult, IngestSummary
    from index.store import Store


def _number(value: float | None) -> int | float | None:
    """A value as JSON wants it: int when whole, else float."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def _report_json(rep: Report) -> dict[str, Any]:
    return {"id": rep.id, "source": rep.source, "agency": rep.agency, "short_name": rep.short_name,
            "year": rep.year, "template": rep.template}


def _cell_json(cell: Cell) -> dict[str, Any]:
    return {"table": cell.table, "row": cell.row, "col": cell.col, "value": _number(cell.value)}


def _finding_json(f: Finding) -> dict[str, Any]:
    return {"kind": f.kind, "table": f.table, "row": f.row, "col": f.col, "expected": _number(f.expected),
            "printed": _number(f.printed), "message": f.message}


def _selected(store: Store, ref: str | None) -> list[Report]:
    """The report named by ref, or every report when ref is None."""
    return [store.get_report(ref)] if ref else store.reports()


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _indexer(qa: GovQA) -> Any:
    """The vector indexer, or None with a message when the retrieval side cannot be built here."""
    try:
        return qa.retriever.indexer
    except (ImportError, ModelUnavailable) as exc:
        click.echo(f"govqa: vectors unavailable ({exc}); ingesting tables only — re-run `govqa ingest` later "
                   "to add them, or pass --no-vectors to silence this", err=True)
        return None


def _summary_lines(summary: IngestSummary, *, vectors: bool) -> list[str]:
    """The human summary: totals, then one line per refused file and per duplicate."""
    chunks = f", {summary.chunks} chunks" if vectors else " (no vectors)"
    lines = [f"{summary.reports} reports (added {summary.added}, replaced {summary.replaced}, "
             f"unchanged {summary.unchanged}), {summary.cells} cells, {summary.findings} findings{chunks} "
             f"in {summary.seconds:.1f}s"]
    lines += [f"  {r.path.name}: {r.note}" for r in summary.files if r.note]
    if summary.refused:
        lines.append(f"refused {len(summary.refused)}:")
        lines += [f"  {r.path} — {r.error}" for r in summary.refused]
    return lines


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--no-vectors", is_flag=True, help="Store tables and text only; skip the embeddings (fast).")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], no_vectors: bool) -> None:
    """Ingest report files or folders (txt, md, html, pdf, docx) into the store.

    Prints "N reports (added a, replaced r, unchanged u), C cells, F findings, K chunks" and lists every refused
    file with the reason. Exit 0 when every file was stored, 1 when some were refused.
    """
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    from index.ingest import expand_paths, ingest_paths

    settings = settings_of(ctx)
    qa = GovQA(settings)
    indexer = None if no_vectors else _indexer(qa)
    files = expand_paths(paths)
    with logging_redirect_tqdm(), tqdm(total=len(files), unit="file", disable=not settings.progress, file=sys.stderr) as bar:
        def advance(result: FileResult) -> None:
            bar.set_postfix_str(result.path.name[-30:], refresh=False)
            bar.update(1)

        summary = ingest_paths(files, settings=settings, store=qa.store, indexer=indexer, on_file=advance)
    for line in _summary_lines(summary, vectors=indexer is not None):
        click.echo(line)
    ctx.exit(EXIT_REFUSED if summary.refused else EXIT_OK)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.pass_context
def reports(ctx: click.Context, as_json: bool) -> None:
    """List the ingested reports: id, agency, short name, year, template, cells, findings, source."""
    store = GovQA(settings_of(ctx)).store
    reps = store.reports()
    counts = store.counts_by_report()
    cells = {rid: n for rid, (n, _) in counts.items()}
    found = {rid: n for rid, (_, n) in counts.items()}
    if as_json:
        _echo_json([{**_report_json(r), "cells": cells[r.id], "findings": found[r.id]} for r in reps])
        return
    if not reps:
        click.echo("no reports yet: run `govqa ingest PATH`")
        return
    click.echo("id            year  template  cells  findings  short name / agency / source")
    for r in reps:
        click.echo(f"{r.id:<12}  {r.year or '?':<4}  {r.template:<8}  {cells[r.id]:>5}  {found[r.id]:>8}  "
                   f"{r.short_name} / {r.agency} / {r.source}")


@click.command()
@click.argument("report", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON: [{report, cells, findings}] per report.")
@click.pass_context
def tables(ctx: click.Context, report: str | None, as_json: bool) -> None:
    """Show the parsed table cells of REPORT (id, file name or agency), or of every report when omitted."""
    store = GovQA(settings_of(ctx)).store
    reps = _selected(store, report)
    cells = store.cells_for(r.id for r in reps)
    found = store.findings_for(r.id for r in reps)
    if as_json:
        _echo_json([{"report": _report_json(r), "cells": [_cell_json(c) for c in cells[r.id]],
                     "findings": [_finding_json(f) for f in found[r.id]]} for r in reps])
        return
    for r in reps:
        click.echo(f"== {r.agency} {r.year} ({r.id}, {r.source}, template {r.template})")
        current = None
        for c in cells[r.id]:
            if c.table != current:
                current = c.table
                click.echo(f"  [{current}]")
            click.echo(f"    {c.row} | {c.col} = {_number(c.value)}" + (f"   ({c.raw})" if c.raw else ""))


@click.command()
@click.argument("report", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON: [{report, findings}] per report.")
@click.option("--notes", is_flag=True, help="Also list notes (how run-together digits were split), not only problems.")
@click.pass_context
def check(ctx: click.Context, report: str | None, as_json: bool, notes: bool) -> None:
    """Show the audit findings (broken 勾稽关系, parse problems) of REPORT, or of every report.

    Findings are data: the exit code is 0 whether or not there are any (2 for an unknown report). Notes (kind
    note: splits the relations confirm) are information, not problems: listed only with --notes.
    """
    store = GovQA(settings_of(ctx)).store
    reps = _selected(store, report)
    found = {rid: [f for f in items if notes or f.kind != "note"]
             for rid, items in store.findings_for(r.id for r in reps).items()}
    if as_json:
        _echo_json([{"report": _report_json(r), "findings": [_finding_json(f) for f in found[r.id]]} for r in reps])
        return
    for r in reps:
        items = found[r.id]
        click.echo(f"{r.id} {r.short_name} {r.year} ({r.source}): {len(items) or 'no'} findings")
        for f in items:
            numbers = f" expected {_number(f.expected)}, printed {_number(f.printed)};" if f.expected is not None else ""
            click.echo(f"  [{f.kind}] {f.table} | {f.row} | {f.col}:{numbers} {f.message}")


COMMANDS: list[click.Command] = [ingest, reports, tables, check]
