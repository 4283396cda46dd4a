"""CLI commands: ingest, reports, activate, delete, tables, check, repair (registered in qa/cli.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from govqa.core.errors import ModelUnavailable, UnknownReport
from govqa.core.types import FINDING_KINDS, Cell, Finding, Identity, Report
from govqa.index.finding_json import cell_ref_dict
from govqa.qa.changelog import cli_user, record_change
from govqa.qa.cli_base import EXIT_OK, EXIT_REFUSED, open_govqa, settings_of
from govqa.qa.service import GovQA

if TYPE_CHECKING:
    from govqa.index.consistency import StoreCheck
    from govqa.index.ingest import FileResult, IngestSummary
    from govqa.index.store import IndexHook, Store
    from govqa.index.vectors import ChunkIndex
    from govqa.index.versions import CellDiff, Saved, Version


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


def _finding_json(f: Finding, text: str = "") -> dict[str, Any]:
    """A finding as JSON; severity, the passage (start, end, its text) and the cells it rests on were added later."""
    return {"kind": f.kind, "table": f.table, "row": f.row, "col": f.col, "expected": _number(f.expected),
            "printed": _number(f.printed), "message": f.message, "severity": f.severity, "start": f.start,
            "end": f.end, "passage": text[f.start:f.end] if text and f.start is not None else None,
            "cells": [cell_ref_dict(c) for c in f.cells]}


def _selected(store: Store, ref: str | None) -> list[Report]:
    """The report named by ref, or every report when ref is None."""
    return [store.get_report(ref)] if ref else store.reports()


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _indexer(qa: GovQA) -> ChunkIndex | None:
    """The vector indexer, or None with a message when the retrieval side cannot be built here."""
    try:
        return qa.vectors
    except (ImportError, ModelUnavailable) as exc:
        click.echo(f"govqa: vectors unavailable ({exc}); ingesting tables only — re-run `govqa ingest` later "
                   "to add them, or pass --no-vectors to silence this", err=True)
        return None


def _waiting(message: str) -> None:
    click.echo(f"govqa: {message}", err=True)


def _version_line(r: FileResult) -> str | None:
    """What a new version did against the active one, for the human summary (None for other results)."""
    if r.status not in ("replaced", "inactive") or r.previous is None:
        return None
    changed = f" ({r.diff.summary()} against {r.previous})" if r.diff is not None else ""
    if r.status == "replaced":
        return f"  {r.path.name}: new version {r.report_id} now answers, {r.previous} kept inactive{changed}"
    return (f"  {r.path.name}: new version {r.report_id} kept inactive, {r.previous} still answers{changed}; "
            f"`govqa activate {r.report_id}` to switch")


def _summary_lines(summary: IngestSummary, *, vectors: bool) -> list[str]:
    """The human summary: totals, then one line per new version, per refused file and per duplicate."""
    chunks = f", {summary.chunks} chunks" if vectors else " (no vectors)"
    lines = [f"{summary.reports} reports (added {summary.added}, replaced {summary.replaced}, "
             f"inactive {summary.inactive}, unchanged {summary.unchanged}), {summary.cells} cells, "
             f"{summary.findings} findings{chunks} in {summary.seconds:.1f}s"]
    for r in summary.files:
        line = _version_line(r)
        lines += [line] if line else []
        if r.note:
            lines.append(f"  {r.path.name}: {r.status} ({r.note})")
    lines += [f"  fixed first: {line}" for line in summary.reconciled.lines()]
    if summary.refused:
        lines.append(f"refused {len(summary.refused)}:")
        lines += [f"  {r.path} — {r.error}" for r in summary.refused]
    return lines


def _diff_json(diff: CellDiff | None) -> dict[str, list[list[str]]] | None:
    if diff is None:
        return None
    return {"added": [list(k) for k in diff.added], "removed": [list(k) for k in diff.removed],
            "changed": [list(k) for k in diff.changed]}


def _summary_json(summary: IngestSummary) -> dict[str, Any]:
    """The summary as JSON: totals and one object per file (a new version with its cell diff against the active one)."""
    files = [{"path": str(r.path), "status": r.status, "report": r.report_id, "cells": r.cells, "findings": r.findings,
              "chunks": r.chunks, "active": r.active, "previous": r.previous, "diff": _diff_json(r.diff),
              "note": r.note, "error": r.error} for r in summary.files]
    return {"reports": summary.reports, "added": summary.added, "replaced": summary.replaced,
            "inactive": summary.inactive, "unchanged": summary.unchanged, "refused": len(summary.refused),
            "cells": summary.cells, "findings": summary.findings, "chunks": summary.chunks,
            "seconds": round(summary.seconds, 3), "files": files}


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--no-vectors", is_flag=True, help="Store tables and text only; skip the embeddings (fast).")
@click.option("--agency", default=None, help="The publishing agency's full name (发布机关), for the files of this call "
              "whose own text does not say it.")
@click.option("--year", type=click.IntRange(1990, 2100), default=None,
              help="The year the reports of this call cover, when their text does not say it.")
@click.option("--replace", is_flag=True, help="Each file's version answers for its agency and year, even when a "
              "more complete version is stored (the other versions are kept).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON, with each new version's cell diff.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], no_vectors: bool, agency: str | None, year: int | None,
           replace: bool, as_json: bool) -> None:
    """Ingest report files or folders (txt, md, html, pdf, docx) into the store.

    Prints "N reports (added a, replaced r, inactive i, unchanged u), C cells, F findings, K chunks" and lists every
    refused file with the reason. A file with the agency and year of a stored report is kept as a new version: it
    answers when it is more complete (more cells, then fewer ambiguous/missing findings) or with --replace, else
    it is kept inactive; nothing stored is overwritten. --agency and --year apply to every file of the call (give
    one report at a time with them). Exit 0 when every file was stored, 1 when some were refused.
    """
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    from govqa.index.ingest import expand_paths, ingest_paths

    settings = settings_of(ctx)
    qa = open_govqa(settings)
    indexer = None if no_vectors else _indexer(qa)
    files = expand_paths(paths)
    with logging_redirect_tqdm(), tqdm(total=len(files), unit="file", disable=not settings.progress, file=sys.stderr) as bar:
        def advance(result: FileResult) -> None:
            bar.set_postfix_str(result.path.name[-30:], refresh=False)
            bar.update(1)

        summary = ingest_paths(files, settings=settings, store=qa.store, indexer=indexer, on_file=advance,
                               given=Identity(agency=agency, year=year), replace=replace)
    for r in summary.files:
        record_change(settings.change_log_path, who=cli_user(), action="ingest", file=r.path.name, status=r.status,
                      version=r.report_id, note=r.error or r.note, agency=agency, year=year)
    if as_json:
        _echo_json(_summary_json(summary))
    else:
        for line in _summary_lines(summary, vectors=indexer is not None):
            click.echo(line)
    ctx.exit(EXIT_REFUSED if summary.refused else EXIT_OK)


@click.command()
@click.argument("version")
@click.option("--no-vectors", is_flag=True, help="Switch the tables only; leave the vector index as it is.")
@click.pass_context
def activate(ctx: click.Context, version: str, no_vectors: bool) -> None:
    """Make VERSION (an id or id prefix from `govqa reports --versions`, or a file name) the version that answers
    for its agency and year; the version answering until now is kept, inactive. Exit 2 for an unknown version."""
    from govqa.index.ingest import write_with_vectors
    from govqa.index.writelock import writer_lock

    settings = settings_of(ctx)
    qa = open_govqa(settings)
    chosen = qa.store.find_version(version)
    if chosen.active:
        click.echo(f"{chosen.id} ({chosen.agency} {chosen.year}) already answers")
        return
    indexer = None if no_vectors else _indexer(qa)
    with writer_lock(settings, on_wait=_waiting):
        saved, _ = write_with_vectors(lambda hook: qa.store.activate(chosen.id, before_commit=hook), indexer=indexer)
    record_change(qa.settings.change_log_path, who=cli_user(), action="activate", file=chosen.files[0] if chosen.files else "",
                  status="activated", version=chosen.id, previous=saved.previous)
    kept = f", {saved.previous} kept inactive" if saved.previous else ""
    changed = f" ({saved.diff.summary()} against {saved.previous})" if saved.diff is not None else ""
    click.echo(f"{chosen.id} ({chosen.agency} {chosen.year}) now answers{kept}{changed}")


@click.command()
@click.argument("version")
@click.option("--no-vectors", is_flag=True, help="Change the tables only; leave the vector index as it is.")
@click.pass_context
def delete(ctx: click.Context, version: str, no_vectors: bool) -> None:
    """Delete VERSION (an id or id prefix from `govqa reports --versions`, or a file name) and what was parsed from
    it; the other versions of its agency and year are kept, and the most complete of them answers if VERSION did.
    Exit 2 for an unknown version."""
    from govqa.index.ingest import write_with_vectors
    from govqa.index.writelock import writer_lock

    settings = settings_of(ctx)
    qa = open_govqa(settings)
    chosen = qa.store.find_version(version)
    indexer = None if no_vectors or not chosen.active else _indexer(qa)

    def remove(hook: IndexHook | None) -> Saved:
        saved = qa.store.delete_version(chosen.id, before_commit=hook)
        if saved is None:  # deleted by someone else since find_version
            raise UnknownReport(f"no version {chosen.id} any more; `govqa reports --versions` lists them")
        return saved

    with writer_lock(settings, on_wait=_waiting):
        saved, _ = write_with_vectors(remove, indexer=indexer)
    record_change(qa.settings.change_log_path, who=cli_user(), action="delete", file=", ".join(chosen.files), status="deleted",
                  version=chosen.id, successor=saved.previous)
    successor = f"; {saved.previous} answers now" if saved.previous else ""
    click.echo(f"deleted {chosen.id} ({chosen.agency} {chosen.year}, {', '.join(chosen.files)}){successor}")


def _version_json(v: Version) -> dict[str, Any]:
    return {"id": v.id, "agency": v.agency, "year": v.year, "files": list(v.files), "hash": v.content_hash[:16],
            "cells": v.cells, "findings": v.findings, "unsure": v.unsure, "ingested_at": v.ingested_at,
            "active": v.active}


def _echo_versions(store: Store, *, as_json: bool) -> None:
    """Every version, grouped by agency and year; * marks the one that answers."""
    versions = store.versions()
    if as_json:
        _echo_json([_version_json(v) for v in versions])
        return
    if not versions:
        click.echo("no reports yet: run `govqa ingest PATH`")
        return
    group: tuple[str, int | None] | None = None
    for v in versions:
        if (v.agency, v.year) != group:
            group = (v.agency, v.year)
            click.echo(f"{v.agency or '(agency unknown)'} {v.year or '(year unknown)'}")
        click.echo(f"  {'*' if v.active else ' '} {v.id}  hash {v.content_hash[:16]}  {v.cells:>4} cells  "
                   f"{v.findings:>3} findings  {v.ingested_at}  {', '.join(v.files)}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.option("--versions", is_flag=True, help="Every version of every agency and year (* = the one that answers).")
@click.pass_context
def reports(ctx: click.Context, as_json: bool, versions: bool) -> None:
    """List the reports that answer: id, agency, short name, year, template, cells, findings, source.

    With --versions: every stored version per agency and year (id, files, hash prefix, cells, findings, when
    ingested, active).
    """
    store = open_govqa(settings_of(ctx)).store
    if versions:
        _echo_versions(store, as_json=as_json)
        return
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
    store = open_govqa(settings_of(ctx)).store
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
@click.option("--notes", is_flag=True, help="Also list notes (how run-together digits were split, a text counting "
              "carried-over applications as received), not only problems.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(FINDING_KINDS),
              help="Only findings of this kind (repeat for several): relation, text-table (the prose against the "
                   "tables), yoy (against the agency's previous year), parse, ambiguous, unit, missing, note.")
@click.option("--store", "whole_store", is_flag=True, help="Instead: check that the SQL store and the vector index "
              "agree (orphan vectors, active versions missing vectors, interrupted writes); exit 1 when they do not.")
@click.pass_context
def check(ctx: click.Context, report: str | None, as_json: bool, notes: bool, kinds: tuple[str, ...],
          whole_store: bool) -> None:
    """Show the audit findings of REPORT, or of every report: broken 勾稽关系, parse problems, prose that disagrees
    with the tables (text-table) and years that disagree with the previous one (yoy).

    Findings are data: the exit code is 0 whether or not there are any (2 for an unknown report). Each has a
    severity: error, check (worth a look, e.g. a count that jumped between years beyond the yoy_ratio setting) or
    note (information, listed only with --notes). --json gives each finding's cells and the passage it rests on.
    With --store, check the stores instead (changes nothing; `govqa repair` fixes what it lists).
    """
    from govqa.index.findings import report_findings

    if whole_store:
        _check_store(ctx, as_json=as_json)
        return
    qa = open_govqa(settings_of(ctx))
    store = qa.store
    reps = _selected(store, report)
    found = report_findings(store, reps, settings=qa.settings, notes=notes or "note" in kinds, kinds=kinds)
    if as_json:
        texts = {r.id: store.get_report(r.id).text for r in reps if any(f.start is not None for f in found[r.id])}
        _echo_json([{"report": _report_json(r), "findings": [_finding_json(f, texts.get(r.id, "")) for f in found[r.id]]}
                    for r in reps])
        return
    for r in reps:
        items = found[r.id]
        click.echo(f"{r.id} {r.short_name} {r.year} ({r.source}): {len(items) or 'no'} findings")
        for f in items:
            numbers = f" expected {_number(f.expected)}, printed {_number(f.printed)};" if f.expected is not None else ""
            where = f" @{f.start}-{f.end}" if f.start is not None else ""
            level = "" if f.severity == "error" else f" ({f.severity})"
            click.echo(f"  [{f.kind}{level}] {f.table} | {f.row} | {f.col}{where}:{numbers} {f.message}")


def _store_check_json(found: StoreCheck) -> dict[str, Any]:
    return {"ok": found.ok, "orphans": found.orphans, "gaps": {k: list(v) for k, v in found.gaps.items()},
            "pending": list(found.pending)}


def _check_store(ctx: click.Context, *, as_json: bool) -> None:
    from govqa.index.consistency import inspect_store

    qa = open_govqa(settings_of(ctx))
    found = inspect_store(qa.store, _indexer(qa))
    if as_json:
        _echo_json(_store_check_json(found))
    else:
        for line in found.lines() or ["the SQL store and the vector index agree"]:
            click.echo(line)
    ctx.exit(EXIT_OK if found.ok else EXIT_REFUSED)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print what was found and fixed as JSON.")
@click.pass_context
def repair(ctx: click.Context, as_json: bool) -> None:
    """Make the SQL store and the vector index agree: remove interrupted writes and the vectors of versions that do
    not answer, re-index active versions whose vectors are missing. Waits for a running writer. Exit 0."""
    from govqa.index.consistency import reconcile
    from govqa.index.writelock import writer_lock

    settings = settings_of(ctx)
    qa = open_govqa(settings)
    indexer = _indexer(qa)
    with writer_lock(settings, on_wait=_waiting):
        found = reconcile(qa.store, indexer)
    if as_json:
        _echo_json(_store_check_json(found))
    else:
        for line in found.lines():
            click.echo(f"fixed {line}")
        click.echo("the SQL store and the vector index agree" if indexer is not None else
                   "the SQL store is clean (vector index not checked)")


COMMANDS: list[click.Command] = [ingest, reports, activate, delete, tables, check, repair]
