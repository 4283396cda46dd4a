"""CLI commands: search, reindex (registered in qa/cli.py)."""

from __future__ import annotations

import json
from typing import Any

import click

from govqa.core.errors import UnknownAgency
from govqa.core.types import ScoredChunk
from govqa.qa.cli_base import open_govqa, settings_of
from govqa.qa.service import GovQA


def resolve_agencies(qa: GovQA, names: tuple[str, ...]) -> tuple[str, ...]:
    """Full agency names for the names a user typed (short names and aliases too); unknown → UnknownAgency."""
    if not names:
        return ()
    from govqa.qa.catalog import Catalog

    catalog = Catalog.from_store(qa.store)
    out: list[str] = []
    for name in names:
        found = catalog.find_agencies(name)[0] if name not in catalog.agencies else [name]
        if not found:
            known = "、".join(catalog.short(a) for a in catalog.agencies) or "none: the store is empty"
            raise UnknownAgency(f"no ingested report belongs to {name!r}; known agencies: {known}")
        out += [a for a in found if a not in out]
    return tuple(out)


def hit_json(rank: int, hit: ScoredChunk) -> dict[str, Any]:
    """One search hit as JSON: rank, scores, chunk metadata and the raw text."""
    c = hit.chunk
    return {"rank": rank, "score": round(hit.score, 6), "vector_rank": hit.vector_rank, "bm25_rank": hit.bm25_rank,
            "id": c.id, "report_id": c.report_id, "agency": c.agency, "short_name": c.short_name, "year": c.year,
            "section": c.section, "subheading": c.subheading, "start": c.start, "end": c.end, "text": c.text}


def _hit_lines(rank: int, hit: ScoredChunk) -> list[str]:
    from govqa.index.chunks import compact_prose

    c = hit.chunk
    ranks = f"v{hit.vector_rank or '-'} b{hit.bm25_rank or '-'}"
    where = " · ".join(p for p in (c.section, c.subheading) if p)
    text = compact_prose(c.text)
    return [f"{rank}. {hit.score:.4f} [{ranks}] {c.short_name} {c.year or ''} · {where}  ({c.id})",
            f"   {text[:200]}{'…' if len(text) > 200 else ''}"]


@click.command()
@click.argument("query")
@click.option("--agency", "agencies", multiple=True, help="Only this agency's reports (full or short name; repeatable).")
@click.option("--year", "years", type=int, multiple=True, help="Only reports for this year (repeatable).")
@click.option("--k", "k", type=click.IntRange(min=1), default=None, help="How many chunks to show (default: settings.retrieval_k).")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@click.pass_context
def search(ctx: click.Context, query: str, agencies: tuple[str, ...], years: tuple[int, ...], k: int | None, as_json: bool) -> None:
    """Show the report passages that hybrid retrieval (vectors + BM25, fused) finds for QUERY."""
    settings = settings_of(ctx)
    qa = open_govqa(settings)
    hits = qa.retriever.search(query, agencies=resolve_agencies(qa, agencies), years=years, k=k or settings.retrieval_k)
    if as_json:
        click.echo(json.dumps([hit_json(i, h) for i, h in enumerate(hits, start=1)], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("no passage found")
    for i, h in enumerate(hits, start=1):
        click.echo("\n".join(_hit_lines(i, h)))


@click.command()
@click.pass_context
def reindex(ctx: click.Context) -> None:
    """Rebuild the vector index from the store with the configured embedding model."""
    from govqa.index.writelock import writer_lock

    settings = settings_of(ctx)
    qa = open_govqa(settings)
    with writer_lock(settings):
        counts = qa.reindex()
    click.echo(f"re-indexed {len(counts)} reports, {sum(counts.values())} chunks with {qa.embedder.name}")


COMMANDS: list[click.Command] = [search, reindex]
