"""The vector side of retrieval: report chunks in a Chroma collection (the chromadb client, no langchain layer:
importing langchain-chroma alone costs ~0.6 s of a fresh `govqa ask`).

    >>> index = ChunkIndex(settings, get_embedder(settings))
    >>> index.index_report(report, sections)          # replaces the report's old chunks
    12
    >>> index.search("新浪微博公开了多少条", agencies=("银川市西夏区镇北堡镇人民政府",), k=5)

Chroma runs embedded on disk under ``settings.chroma_path``, or as a server when ``settings.chroma_host`` is
set. Only our embedder ever computes vectors: the collection is opened with no Chroma embedding function (its
default would fetch an ONNX model from the network). The collection metadata records the embedder, and an
index built with another model refuses to open until ``govqa reindex`` rebuilds it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import NotFoundError
from tqdm import tqdm

from govqa.core.config import Settings
from govqa.core.errors import IndexModelMismatch
from govqa.core.protocols import Embedder
from govqa.core.types import Chunk, Report, ScoredChunk, Section
from govqa.index.chunks import chunk_report, embed_text
from govqa.index.writelock import file_lock

log = logging.getLogger(__name__)

NO_YEAR = -1  # Chroma metadata cannot hold None
# Chroma keeps new vectors in a log until sync_threshold of them are pending, and each write costs more the fuller
# the log is (default 1000: ~110 ms per 14-chunk upsert on average, 100: ~45 ms; measured up to 21,000 chunks).
# Applies to collections created from now on.
# ef_search: the candidate list of a query. Chroma's default is 100; 200 keeps the search exact for collections of
# up to a few hundred chunks (a few dozen reports) and closer to exact beyond, at a small cost per query.
HNSW_WRITE = {"sync_threshold": 100, "ef_search": 200}
GET_PAGE = 5000  # records per get() when reading the whole collection


def make_client(settings: Settings) -> Any:
    """A Chroma client: HTTP when settings.chroma_host is set, else persistent on disk. Telemetry off."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    # one process at a time opens (and on first use creates) the store: five ingests starting on a new home at once
    # otherwise race on Chroma's own tables ("table collections already exists")
    opening = settings.chroma_path.with_name(settings.chroma_path.name + ".open.lock")
    with file_lock(opening, doing="opening", where=str(settings.chroma_path)):
        return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def where_filter(*, agencies: Sequence[str] = (), years: Sequence[int] = (), report_id: str | None = None) -> dict | None:
    """A Chroma ``where`` clause for the given agencies, years and report (None when nothing is filtered)."""
    clauses: list[dict[str, Any]] = []
    if agencies:
        clauses.append({"agency": {"$in": list(agencies)}})
    if years:
        clauses.append({"year": {"$in": [int(y) for y in years]}})
    if report_id:
        clauses.append({"report_id": report_id})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def chunk_metadata(chunk: Chunk, *, header_len: int) -> dict[str, Any]:
    """What Chroma stores beside a chunk's vector (scalars only)."""
    return {
        "report_id": chunk.report_id,
        "agency": chunk.agency,
        "short_name": chunk.short_name,
        "year": chunk.year if chunk.year is not None else NO_YEAR,
        "section": chunk.section,
        "subheading": chunk.subheading,
        "start": chunk.start,
        "end": chunk.end,
        "text": chunk.text,  # the raw slice of Report.text; the document holds the embedded text
        "header_len": header_len,
    }


def chunk_from_record(chunk_id: str, meta: dict[str, Any]) -> Chunk:
    """Rebuild a Chunk from what Chroma returned."""
    year = int(meta["year"])
    return Chunk(
        id=chunk_id,
        report_id=str(meta["report_id"]),
        agency=str(meta["agency"]),
        short_name=str(meta["short_name"]),
        year=None if year == NO_YEAR else year,
        section=str(meta["section"]),
        subheading=str(meta.get("subheading", "")),
        start=int(meta["start"]),
        end=int(meta["end"]),
        text=str(meta["text"]),
    )


class ChunkIndex:
    """Report chunks and their vectors in one Chroma collection; ids are stable so re-indexing replaces."""

    def __init__(self, settings: Settings, embedder: Embedder, *, rebuild: bool = False,
                 prime: Callable[[Sequence[Chunk], str], int] | None = None) -> None:
        self.settings = settings
        self.embedder = embedder
        self.prime = prime  # embeds a report's candidate quote sentences at ingest (the answer side knows which)
        self.generation = 0  # bumped on every change made through this object (the BM25 side watches it)
        self._client = make_client(settings)
        name = settings.collection
        if rebuild:
            self._drop(name)
        self._check_model(name)
        self._collection = self._client.get_or_create_collection(
            name=name,
            embedding_function=None,
            metadata={"govqa_collection": name, "embedder": embedder.name, "dim": embedder.dim},
            configuration={"hnsw": {"space": "cosine", **HNSW_WRITE}},
        )

    def _drop(self, name: str) -> None:
        try:
            self._client.delete_collection(name)
            log.info("dropped Chroma collection %s", name)
        except (NotFoundError, ValueError):
            pass

    def _check_model(self, name: str) -> None:
        try:
            existing = self._client.get_collection(name, embedding_function=None)
        except (NotFoundError, ValueError):
            return
        built_with = (existing.metadata or {}).get("embedder")
        if built_with != self.embedder.name:
            raise IndexModelMismatch(
                f"the vector index (Chroma collection {name!r} in {self.location}) was built with {built_with}, "
                f"configured {self.embedder.name}: run `govqa reindex` to rebuild it"
            )

    @property
    def location(self) -> str:
        """Where the collection lives, for messages."""
        s = self.settings
        return f"http://{s.chroma_host}:{s.chroma_port}" if s.chroma_host else str(s.chroma_path)

    def count(self, report_id: str | None = None) -> int:
        """How many chunks the collection holds (for one report when report_id is given)."""
        if report_id is None:
            return int(self._collection.count())
        return len(self._collection.get(where={"report_id": report_id}, include=[])["ids"])

    def index_report(self, report: Report, sections: Sequence[Section]) -> int:
        """Replace the report's chunks: delete the old ones, embed and add the new ones in batches."""
        chunks = chunk_report(report, sections, size=self.settings.chunk_size)
        self.remove_report(report.id)
        batch = self.settings.embed_batch_size
        texts = [embed_text(c) for c in chunks]
        # one call for the whole report: the embedder sees how many texts come (E5SmallEmbedder picks its engine by it)
        vectors = self.embedder.embed_documents(texts)
        with tqdm(total=len(chunks), desc=f"indexing {report.short_name}", unit="chunk", disable=not self.settings.progress) as bar:
            for i in range(0, len(chunks), batch):
                part, part_texts = chunks[i : i + batch], texts[i : i + batch]
                metas = [chunk_metadata(c, header_len=t.index("\n") + 1) for c, t in zip(part, part_texts, strict=True)]
                self._collection.upsert(ids=[c.id for c in part], embeddings=vectors[i : i + batch],
                                        documents=part_texts, metadatas=metas)
                bar.update(len(part))
        self._prime(chunks, report.text)
        self.generation += 1
        log.info("indexed %d chunks of %s (%s)", len(chunks), report.id, report.short_name)
        return len(chunks)

    def _prime(self, chunks: Sequence[Chunk], text: str) -> None:
        """Embed the report's candidate quote sentences now, so a question embeds only itself (qa/semantic.py)."""
        if self.prime is None:
            return
        try:
            n = self.prime(chunks, text)
        except Exception as exc:  # the chunks are indexed; questions will embed these sentences instead
            log.warning("candidate sentences not embedded at ingest: %s: %s", type(exc).__name__, exc)
            return
        log.info("embedded %d candidate sentences", n)

    def remove_report(self, report_id: str) -> None:
        """Delete every chunk of one report."""
        ids = self._collection.get(where={"report_id": report_id}, include=[])["ids"]
        if ids:
            self._collection.delete(ids=ids)
            self.generation += 1

    def report_counts(self, *, page: int = GET_PAGE) -> dict[str, int]:
        """How many chunks the collection holds per report id (to reconcile it with the SQL store)."""
        counts: dict[str, int] = {}
        offset = 0
        while True:
            got = self._collection.get(include=["metadatas"], limit=page, offset=offset)
            for meta in got["metadatas"]:
                rid = str(meta["report_id"])
                counts[rid] = counts.get(rid, 0) + 1
            if len(got["ids"]) < page:
                return counts
            offset += page

    def all_chunks(self, *, page: int = GET_PAGE) -> list[Chunk]:
        """Every chunk in the collection (for the keyword index), sorted by report and position.

        Read page by page: one get() of a large collection exceeds SQLite's bound-variable limit (seen at 138,000).
        """
        chunks: list[Chunk] = []
        offset = 0
        while True:
            got = self._collection.get(include=["metadatas"], limit=page, offset=offset)
            chunks += [chunk_from_record(i, m) for i, m in zip(got["ids"], got["metadatas"], strict=True)]
            if len(got["ids"]) < page:
                break
            offset += page
        return sorted(chunks, key=lambda c: (c.report_id, c.start))

    def search(self, query: str, *, agencies: Sequence[str] = (), years: Sequence[int] = (), k: int = 5) -> list[ScoredChunk]:
        """The k chunks nearest to the query among the given agencies and years (score = cosine similarity)."""
        return self.search_by_vector(self.embedder.embed_query(query), agencies=agencies, years=years, k=k)

    def search_by_vector(self, vector: list[float], *, agencies: Sequence[str] = (), years: Sequence[int] = (), k: int = 5) -> list[ScoredChunk]:
        """Like search, for a query already embedded (lets callers time the embedding apart).

        An empty collection answers []: no count() first, which costs in proportion to the collection's size.
        """
        got = self._collection.query(query_embeddings=[vector], n_results=k,
                                     where=where_filter(agencies=agencies, years=years),
                                     include=["metadatas", "distances"])
        ids, metas, dists = got["ids"][0], (got["metadatas"] or [[]])[0], (got["distances"] or [[]])[0]
        return [
            ScoredChunk(chunk=chunk_from_record(str(cid), dict(meta or {})), score=1.0 - float(dist), vector_rank=rank)
            for rank, (cid, meta, dist) in enumerate(zip(ids, metas, dists, strict=True), start=1)
        ]
