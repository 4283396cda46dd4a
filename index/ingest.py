"""Ingest: turn files into parsed reports (parse_document) and save them, one transaction per file (ingest_paths).

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

from index.agencies import AliasMap, alias_path, load_aliases, resolve_agency
from index.audit import audit
from index.loaders import LOADERS, load_file
from index.metadata import names_for, read_metadata, with_identity
from index.normalize import normalize_text
from index.sections import split_sections
from index.store import Store
from index.tables import parse_tables
from qa.config import Settings
from qa.errors import GovqaError, MissingIdentity, NoTables, UnreadableFile
from qa.types import Identity, LoadedDocument, ParsedReport, Report, Section

log = logging.getLogger(__name__)


class Indexer(Protocol):
    """What ingest needs from the vector index (index/vectors.py ChunkIndex)."""

    def index_report(self, report: Report, sections: Sequence[Section]) -> int: ...

    def remove_report(self, report_id: str) -> None: ...


@dataclass(frozen=True)
class FileResult:
    """What happened to one file: added | unchanged | replaced | refused (with the reason in error)."""

    path: Path
    status: str
    report_id: str | None = None
    cells: int = 0
    findings: int = 0
    chunks: int = 0
    error: str | None = None
    note: str | None = None  # e.g. "duplicate of 000_….txt"


@dataclass
class IngestSummary:
    """The outcome of one ingest run, file by file and in totals."""

    files: list[FileResult] = field(default_factory=list)
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    refused: list[FileResult] = field(default_factory=list)
    cells: int = 0
    findings: int = 0
    chunks: int = 0
    seconds: float = 0.0

    @property
    def reports(self) -> int:
        """Files that are now reports in the store (added, replaced or already there)."""
        return self.added + self.replaced + self.unchanged

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
    """Parse one loaded document: normalise, metadata, sections, tables, audit (raises NoTables, MissingIdentity).

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
                        findings=tuple(tables.findings) + tuple(audit(tables.cells)))


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
                 on_file: Callable[[FileResult], None] | None = None, given: Identity = Identity()) -> IngestSummary:
    """Load, parse and save every file under paths; a bad file is refused and listed, never stops the others.

    ``given`` (the user's agency and year) applies to every file of this call."""
    started = time.perf_counter()
    summary = IngestSummary()
    for path in expand_paths(paths):
        result = ingest_file(path, settings=settings, store=store, indexer=indexer, given=given)
        summary.add(result)
        if on_file is not None:
            on_file(result)
    summary.seconds = time.perf_counter() - started
    log.info("ingested %d files in %.1fs: %d added, %d replaced, %d unchanged, %d refused", len(summary.files),
             summary.seconds, summary.added, summary.replaced, summary.unchanged, len(summary.refused))
    return summary


def ingest_file(path: Path, *, settings: Settings, store: Store, indexer: Indexer | None = None,
                given: Identity = Identity()) -> FileResult:
    """Load, parse and save one file; returns its result (refused with the reason when anything fails)."""
    try:
        if not path.exists():
            raise UnreadableFile(f"{path}: no such file or folder")
        doc = load_file(path, settings=settings)
        known = store.report_by_hash(doc.content_hash)
        if known is not None:  # same bytes already stored: don't parse or re-index
            note = None if known.source == doc.source else f"duplicate of {known.source}"
            return FileResult(path, "unchanged", known.id, store.count_cells(known.id),
                              store.count_findings(known.id), note=note)
        parsed = as_entity(parse_document(doc, given=given), known=[a for a, *_ in store.agencies()],
                           aliases=load_aliases(alias_path(settings.home)))
        status, chunks = _save(parsed, store=store, indexer=indexer)
    except GovqaError as exc:
        log.warning("refused %s: %s", path, exc)
        return FileResult(path, "refused", error=str(exc))
    except Exception as exc:  # noqa: BLE001 — one broken file must never stop the others
        log.exception("refused %s: unexpected %s", path, type(exc).__name__)
        return FileResult(path, "refused", error=f"{path.name}: {type(exc).__name__}: {exc}")
    return FileResult(path, status, parsed.report.id, len(parsed.tables.cells), len(parsed.findings), chunks)


def _save(parsed: ParsedReport, *, store: Store, indexer: Indexer | None) -> tuple[str, int]:
    """Save in one transaction, writing vectors inside it; undo the vectors if the SQL side fails."""
    rep = parsed.report
    replaced = store.report_ids(agency=rep.agency, year=rep.year) if indexer else []
    chunks: list[int] = []

    def write_vectors() -> None:
        chunks.append(-1)  # mark "vectors may have been written" before the call, in case it fails half-way
        chunks.append(indexer.index_report(rep, parsed.sections))  # type: ignore[union-attr]

    try:
        status = store.save(parsed, before_commit=write_vectors if indexer is not None else None)
    except BaseException:
        if indexer is not None and chunks:
            _remove_vectors(indexer, rep.id)
        raise
    if indexer is not None and status == "replaced":
        for old in replaced:
            _remove_vectors(indexer, old)
    return status, (chunks[-1] if len(chunks) == 2 else 0)


def _remove_vectors(indexer: Indexer, report_id: str) -> None:
    try:
        indexer.remove_report(report_id)
    except Exception:  # noqa: BLE001 — the SQL outcome stands; stale vectors are logged for a re-index
        log.exception("could not remove the vectors of report %s; re-index to clean them up", report_id)
