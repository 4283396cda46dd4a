"""Hybrid retrieval: vector (Chroma) and keyword (jieba BM25) rankings merged by reciprocal rank fusion.

    >>> retriever = Retriever(lambda: chunk_index, store=store)   # the index is built (and written) by GovQA
    >>> hits = retriever.search("镇北堡镇通过新浪微博公开了多少条信息", agencies=("银川市西夏区镇北堡镇人民政府",), k=5)
    >>> hits[0].chunk.text, hits[0].vector_rank, hits[0].bm25_rank

Agency and year filters are applied on both sides before ranking, so a question about one agency never
gets another agency's passages.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from govqa.core.types import ScoredChunk

if TYPE_CHECKING:
    from govqa.core.protocols import Embedder
    from govqa.index.bm25 import Bm25Index
    from govqa.index.store import Store
    from govqa.index.vectors import ChunkIndex

log = logging.getLogger(__name__)

RRF_K = 60  # the usual constant of reciprocal rank fusion (Cormack et al. 2009)
MIN_DEPTH = 20  # how many candidates each side contributes to the fusion, at least


def fuse(rankings: Sequence[Sequence[ScoredChunk]], *, k: int) -> list[ScoredChunk]:
    """Reciprocal rank fusion: score = Σ 1/(RRF_K + rank); keeps each side's rank on the result."""
    scores: dict[str, float] = {}
    best: dict[str, ScoredChunk] = {}
    for ranking in rankings:
        for rank, hit in enumerate(ranking, start=1):
            cid = hit.chunk.id
            scores[cid] = scores.get(cid, 0.0) + 1.0 / (RRF_K + rank)
            prev = best.get(cid)
            best[cid] = ScoredChunk(
                chunk=hit.chunk,
                score=0.0,
                vector_rank=hit.vector_rank if hit.vector_rank is not None else (prev.vector_rank if prev else None),
                bm25_rank=hit.bm25_rank if hit.bm25_rank is not None else (prev.bm25_rank if prev else None),
            )
    order = sorted(scores, key=lambda cid: (-scores[cid], cid))
    return [
        ScoredChunk(chunk=best[c].chunk, score=scores[c], vector_rank=best[c].vector_rank, bm25_rank=best[c].bm25_rank)
        for c in order[:k]
    ]


class Retriever:
    """Vector + BM25 search over the chunks of every ingested report; reads the chunk index, never writes it."""

    def __init__(self, index: Callable[[], ChunkIndex], *, store: Store | None = None) -> None:
        """``index``: returns the chunk index to search, so that opening Chroma waits for the first search."""
        self._index = index
        self.store = store
        self._bm25: Bm25Index | None = None
        self._bm25_key: tuple[object, ...] | None = None
        self._bm25_lock = threading.Lock()  # the web UI searches from several threads
        self._active: tuple[int, frozenset[str]] | None = None

    @property
    def index(self) -> ChunkIndex:
        """The Chroma chunk index searched (opened on first use by whoever owns it)."""
        return self._index()

    @property
    def embedder(self) -> Embedder:
        """The embedder of the chunk index (the answer side scores candidate sentences with it)."""
        return self.index.embedder

    def forget_keyword_index(self) -> None:
        """Drop the BM25 index (after the chunk index was rebuilt); the next search builds it again."""
        with self._bm25_lock:
            self._bm25 = None

    def _agency_words(self) -> list[str]:
        if self.store is None:
            return []
        words: list[str] = []
        for agency, short, aliases, _years in self.store.agencies():
            words += [agency, short, *aliases]
        return words

    def _chunk_set_key(self) -> tuple[object, ...]:
        """Changes whenever the indexed chunks may have changed, here or in another process (e.g. `govqa ingest`)."""
        store_version = self.store.version() if self.store is not None else 0  # one row read, any corpus size
        return (self.index.generation, self.index.count(), store_version)

    def keyword_index(self) -> Bm25Index:
        """The BM25 index over the chunks in Chroma, rebuilt when the report or chunk set has changed."""
        from govqa.index.bm25 import Bm25Index

        with self._bm25_lock:
            key = self._chunk_set_key()
            if self._bm25 is None or key != self._bm25_key:
                self._bm25 = Bm25Index(self.index.all_chunks(), extra_words=self._agency_words())
                self._bm25_key = key
            return self._bm25

    def vector_search(self, query: str, *, agencies: Sequence[str] = (), years: Sequence[int] = (), k: int = 5) -> list[ScoredChunk]:
        """Vector ranking only (for measurements)."""
        return self.index.search(query, agencies=agencies, years=years, k=k)

    def bm25_search(self, query: str, *, agencies: Sequence[str] = (), years: Sequence[int] = (), k: int = 5) -> list[ScoredChunk]:
        """Keyword ranking only (for measurements)."""
        return self.keyword_index().search(query, agencies=agencies, years=years, k=k)

    def _answering(self, hits: list[ScoredChunk]) -> list[ScoredChunk]:
        """Only chunks of the reports that answer (the active versions): vectors left behind by a tables-only
        ingest or a failed clean-up never reach an answer."""
        if self.store is None:
            return hits
        version = self.store.version()
        if self._active is None or self._active[0] != version:
            self._active = (version, frozenset(r.id for r in self.store.reports()))
        return [h for h in hits if h.chunk.report_id in self._active[1]]

    def search(self, query: str, *, agencies: Sequence[str] = (), years: Sequence[int] = (), k: int = 5) -> list[ScoredChunk]:
        """The k best chunks for the query by reciprocal rank fusion of the vector and BM25 rankings."""
        depth = max(4 * k, MIN_DEPTH)
        vec = self._answering(self.vector_search(query, agencies=agencies, years=years, k=depth))
        kw = self._answering(self.bm25_search(query, agencies=agencies, years=years, k=depth))
        hits = fuse([vec, kw], k=k)
        # both sides filter already; this guard keeps the promise even if a backend ignored a filter
        hits = [h for h in hits if (not agencies or h.chunk.agency in agencies) and (not years or h.chunk.year in years)]
        log.debug("search %r: %d vector, %d bm25, %d fused", query, len(vec), len(kw), len(hits))
        return hits
