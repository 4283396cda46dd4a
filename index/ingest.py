"""Ingest: turn files into parsed reports (parse_document) and save them, one version per file (ingest_paths).

Files are parsed with no lock held; each write (SQL pending, vectors, one commit) holds the writer lock
(index/writelock.py), and every run first reconciles the SQL store with the vector index (index/consistency.py).

    >>> summary = ingest_paths([Path("reports/")], settings=settings, store=Store(settings.db_url))
    >>> summary.added, [r.error for r in summary.refused]
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from govqa.core.config import Settings
from govqa.core.errors import GovqaError, MissingIdentity, NoTables, UnreadableFile
from govqa.core.types import Identity, LoadedDocument, ParsedReport, Report, Section
from govqa.index.agencies import AliasMap, alias_path, load_aliases, resolve_agency
from govqa.index.audit import audit
from govqa.index.chain import settle_by_neighbours
from govqa.index.consistency import StoreCheck, reconcile
from govqa.index.loaders import LOADERS, load_file
from govqa.index.metadata import names_for, read_metadata, with_identity
from govqa.index.normalize import normalize_text
from govqa.index.sections import split_sections
from govqa.index.store import IndexHook, Store
from govqa.index.tables import parse_tables
from govqa.index.text_table import text_table_findings
from govqa.index.versions import CellDiff, Saved, Version
from govqa.index.writelock import writer_lock

log = logging.getLogger(__name__)


class Indexer(Protocol):
    """What ingest needs from the vector index (index/vectors.py ChunkIndex)."""

    def index_report(self, report: Report, sections: Sequence[Section]) -> int: ...

    def remove_report(self, report_id: str) -> None: ...

    def report_counts(self) -> dict[str, int]: ...


@dataclass(frozen=True)
class FileResult:
    """What happened to one file: added | replaced | inactive | unchanged | refused (with the reason in error).

    replaced: a new version that now answers (the previous one is kept, inactive); inactive: a new version kept
    beside the active one, which still answers.
    """

    path: Path
    status: str
    report_id: str | None = None
    cells: int = 0
    findings: int = 0
    chunks: int = 0
    error: str | None = None
    note: str | None = None  # e.g. "same content as 000_….txt"
    active: bool | None = None  # whether the file's version answers now
    previous: str | None = None  # the version that was active for the same agency and year
    diff: CellDiff | None = None  # the file's cells against the previous version's


@dataclass
class IngestSummary:
    """The outcome of one ingest run, file by file and in totals."""

    files: list[FileResult] = field(default_factory=list)
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    inactive: int = 0
    refused: list[FileResult] = field(default_factory=list)
    cells: int = 0
    findings: int = 0
    chunks: int = 0
    seconds: float = 0.0
    reconciled: StoreCheck = field(default_factory=StoreCheck)  # what the reconcile before the run found and fixed

    @property
    def reports(self) -> int:
        """Files that are now stored (added, replaced, kept as an inactive version or already there)."""
        return self.added + self.replaced + self.inactive + self.unchanged

    def add(self, result: FileResult) -> None:
        """Count one file's result into the totals."""
        self.files.append(result)
        if result.status == "refused":
            self.refused.append(result)
            return
        setattr(self, result.status, getattr(self, result.status) + 1)
        self.cells += result.cells
        self.findings += result.findings
        self.chunks += result.chunks


def parse_document(doc: LoadedDocument, *, given: Identity = Identity()) -> ParsedReport:
    """Parse one loaded document: normalise, metadata, sections, tables, audit, text against tables (raises NoTables,
    MissingIdentity).

    >>> parse_document(load_file(Path("000_9f89ab4fe0ea1170.txt"), settings=settings)).report.agency
    '银川市西夏区镇北堡镇人民政府'
    """
    text = normalize_text(doc.text)
    tables = parse_tables(text)  # first: a text without tables is refused before metadata warns about it
    if not tables.cells:
        raise NoTables(f"{doc.source}: no standard tables found (主动公开/申请/复议诉讼); is this an annual report?")
    meta = with_identity(read_metadata(text, source=doc.source), given)
    if not meta.agency or meta.year is None:
        raise MissingIdentity(doc.source, "agency (发布机关)" if not meta.agency else "year the report covers")
    sections = split_sections(text)
    for warning in meta.warnings:
        log.warning("%s: %s", doc.source, warning)
    report = Report(
        id=doc.content_hash[:12], source=doc.source, agency=meta.agency, short_name=meta.short_name,
        aliases=meta.aliases, year=meta.year, template=tables.template, title=meta.title,
        content_hash=doc.content_hash, text=text,
    )
    return ParsedReport(report=report, sections=tuple(sections), tables=tables,
                        findings=(*tables.findings, *audit(tables.cells), *text_table_findings(text, tables.cells)))


def as_entity(parsed: ParsedReport, *, known: Sequence[str], aliases: AliasMap) -> ParsedReport:
    """The parsed report filed under its agency's stored or canonical name (洪泽区人民政府 → 淮安市洪泽区人民政府 when
    that is how the agency is already stored or the alias file says so); the printed name stays an alias."""
    rep = parsed.report
    canonical = resolve_agency(rep.agency, known=known, aliases=aliases)
    if canonical == rep.agency:
        return parsed
    short, names = names_for(canonical)
    printed = [n for n in (rep.agency, rep.short_name, *rep.aliases) if n and n not in (canonical, short, *names)]
    log.info("%s: %s is filed under %s", rep.source, rep.agency, canonical)
    report = replace(rep, agency=canonical, short_name=short, aliases=(*names, *dict.fromkeys(printed)))
    return replace(parsed, report=report)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders expanded recursively to their supported files (sorted); order kept, no repeats."""
    out: dict[Path, None] = {}
    for path in map(Path, paths):
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in LOADERS
                     and not p.name.startswith("."))
            out.update(dict.fromkeys(sorted(found)))
        else:
            out[path] = None
    return list(out)


def ingest_paths(paths: Iterable[Path], *, settings: Settings, store: Store, indexer: Indexer | None = None,
                 on_file: Callable[[FileResult], None] | None = None, given: Identity = Identity(),
                 replace: bool = False) -> IngestSummary:
    """Load, parse and save every file under paths; a bad file is refused and listed, never stops the others.

    ``given`` (the user's agency and year) applies to every file of this call; ``replace``: each file's version
    answers for its agency and year, even when a more complete one is stored.
    """
    started = time.perf_counter()
    summary = IngestSummary()
    try:
        with writer_lock(settings):
            summary.reconciled = reconcile(store, indexer)
    except Exception:  # noqa: BLE001 — answers never see the debris (retrieval keeps active versions only)
        log.exception("could not reconcile the SQL store with the vector index; `govqa repair` retries")
    for path in expand_paths(paths):
        result = ingest_file(path, settings=settings, store=store, indexer=indexer, given=given, replace=replace)
        summary.add(result)
        if on_file is not None:
            on_file(result)
    summary.seconds = time.perf_counter() - started
    log.info("ingested %d files in %.1fs: %d added, %d replaced, %d inactive, %d unchanged, %d refused",
             len(summary.files), summary.seconds, summary.added, summary.replaced, summary.inactive,
             summary.unchanged, len(summary.refused))
    return summary


def ingest_file(path: Path, *, settings: Settings, store: Store, indexer: Indexer | None = None,
                given: Identity = Identity(), replace: bool = False) -> FileResult:
    """Load, parse and save one file; returns its result (refused with the reason when anything fails)."""
    try:
        if not path.exists():
            raise UnreadableFile(f"{path}: no such file or folder")
        doc = load_file(path, settings=settings)
        known = store.version_by_hash(doc.content_hash)
        if known is not None:  # same bytes already stored: the same version, under one more name; not re-parsed
            return _known(known, doc.source, path=path, settings=settings, store=store, indexer=indexer,
                          replace=replace)
        parsed = as_entity(parse_document(doc, given=given), known=[a for a, *_ in store.agencies()],
                           aliases=load_aliases(alias_path(settings.home)))
        parsed = settle_by_neighbours(parsed, store)  # a run-together 规范性文件 row, by the stored years beside it
        with writer_lock(settings):
            saved, chunks = write_with_vectors(lambda hook: store.save(parsed, replace=replace, before_commit=hook),
                                               indexer=indexer)
    except GovqaError as exc:
        log.warning("refused %s: %s", path, exc)
        return FileResult(path, "refused", error=str(exc))
    except Exception as exc:  # noqa: BLE001 — one broken file must never stop the others
        log.exception("refused %s: unexpected %s", path, type(exc).__name__)
        return FileResult(path, "refused", error=f"{path.name}: {type(exc).__name__}: {exc}")
    return FileResult(path, saved.status, parsed.report.id, len(parsed.tables.cells), len(parsed.findings), chunks,
                      active=saved.active, previous=saved.previous, diff=saved.diff)


def _known(known: Version, source: str, *, path: Path, settings: Settings, store: Store, indexer: Indexer | None,
           replace: bool) -> FileResult:
    """A file whose bytes are stored already: record its name; with replace, make its version answer."""
    if source not in known.files:
        store.save_file_name(known.id, source)
    notes = ([] if source == known.files[0] else [f"same content as {known.files[0]}"]) + (
        [] if known.active or replace else ["an inactive version: another one answers"])
    note = "; ".join(notes) or None
    if not (replace and not known.active):
        return FileResult(path, "unchanged", known.id, known.cells, known.findings, note=note, active=known.active)
    with writer_lock(settings):
        saved, chunks = write_with_vectors(lambda hook: store.activate(known.id, before_commit=hook), indexer=indexer)
    return FileResult(path, saved.status, known.id, known.cells, known.findings, chunks, note=note,
                      active=True, previous=saved.previous, diff=saved.diff)


def write_with_vectors(write: Callable[[IndexHook | None], Saved], *, indexer: Indexer | None) -> tuple[Saved, int]:
    """Run one store write (save, activate, delete_version; hold the writer lock) with the vectors of the version
    it activates indexed before its activating commit, outside any transaction; undo them if the SQL side fails,
    remove those of the versions it deactivated after. A crash in between leaves only what reconcile removes."""
    written: list[str] = []
    chunks: list[int] = []

    def write_vectors(active: ParsedReport) -> int:
        written.append(active.report.id)  # before the call: vectors may be written even if it fails half-way
        chunks.append(indexer.index_report(active.report, active.sections))  # type: ignore[union-attr]
        return chunks[-1]

    try:
        saved = write(write_vectors if indexer is not None else None)
    except BaseException:
        for report_id in written:
            _remove_vectors(indexer, report_id)  # type: ignore[arg-type]
        raise
    if indexer is not None:
        for old in saved.deactivated:
            _remove_vectors(indexer, old)
    return saved, sum(chunks)


def _remove_vectors(indexer: Indexer, report_id: str) -> None:
    try:
        indexer.remove_report(report_id)
    except Exception:  # noqa: BLE001 — the SQL outcome stands; stale vectors are logged for a re-index
        log.exception("could not remove the vectors of report %s; re-index to clean them up", report_id)
