"""GovQA: the one facade the CLI, the web UI and the evaluation use. No logic of its own beyond wiring.

    >>> qa = GovQA(load_settings())
    >>> qa.ensure_samples()
    >>> qa.ask("红寺堡区2020年收到多少政府信息公开申请？").text
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govqa.core.config import Settings
from govqa.core.types import Answer, Identity

if TYPE_CHECKING:  # heavy imports stay lazy: `govqa reports` must not load torch
    from govqa.core.protocols import Embedder
    from govqa.index.consistency import StoreCheck
    from govqa.index.ingest import FileResult, IngestSummary
    from govqa.index.store import Store
    from govqa.index.vectors import ChunkIndex
    from govqa.qa.conversation import Conversation
    from govqa.qa.retrieve import Retriever

WARM_UP_QUESTION = "政府信息公开平台建设情况如何？"  # a prose question: takes the retrieval route, the slow one (a
# 存在哪些问题 question is answered from the section text without a search since issue 12)
SAMPLES_DIR = Path(__file__).resolve().parent.parent / "index" / "samples"


class GovQA:
    """Wires settings, store, retriever and router together; everything is built on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def close(self) -> None:
        """Release the store's connections; what was built is built again on next use."""
        store = self.__dict__.pop("store", None)
        if store is not None:
            store.close()

    @cached_property
    def store(self) -> Store:
        from govqa.index.store import Store

        return Store(self.settings.db_url)

    @cached_property
    def embedder(self) -> Embedder:
        """The configured embedder (loads the model on first use)."""
        from govqa.index.embed import get_embedder

        return get_embedder(self.settings)

    @cached_property
    def vectors(self) -> ChunkIndex:
        """The Chroma chunk index: ingest writes through it, the retriever searches it."""
        return self._open_vectors()

    def _open_vectors(self, *, rebuild: bool = False) -> ChunkIndex:
        from functools import partial

        from govqa.index.vectors import ChunkIndex
        from govqa.qa.semantic import prime_sentences

        return ChunkIndex(self.settings, self.embedder, rebuild=rebuild, prime=partial(prime_sentences, self.embedder))

    @cached_property
    def retriever(self) -> Retriever:
        from govqa.qa.retrieve import Retriever

        return Retriever(lambda: self.vectors, store=self.store)

    def reindex(self) -> dict[str, int]:
        """Drop the vector index and re-embed every report of the store (after a model change): {report id: chunks}."""
        index = self._open_vectors(rebuild=True)
        self.__dict__["vectors"] = index  # replaces the cached_property value; the retriever reads it from here
        self.retriever.forget_keyword_index()
        counts: dict[str, int] = {}
        for rep in self.store.reports():
            counts[rep.id] = index.index_report(self.store.get_report(rep.id), self.store.sections(rep.id))
            self.store.set_chunks(rep.id, counts[rep.id])  # what reconcile checks the index against
        return counts

    def ingest(self, paths: Iterable[Path], *, on_file: Callable[[FileResult], None] | None = None, index_vectors: bool = True,
               given: Identity | None = None, replace: bool = False) -> IngestSummary:
        """Ingest files or folders into the store (and the vector index unless index_vectors is False).

        ``given``: the agency and year the user says these files belong to; ``replace``: each file's version
        answers for its agency and year even when a more complete one is stored.
        """
        from govqa.index.ingest import ingest_paths

        indexer = self.vectors if index_vectors else None
        return ingest_paths(list(paths), settings=self.settings, store=self.store, indexer=indexer, on_file=on_file,
                            given=given or Identity(), replace=replace)

    def reconcile(self, *, index_vectors: bool = True) -> StoreCheck:
        """Make the SQL store and the vector index agree (waits for a running writer); returns what was fixed."""
        from govqa.index.consistency import reconcile
        from govqa.index.writelock import writer_lock

        indexer = self.vectors if index_vectors else None
        with writer_lock(self.settings):
            return reconcile(self.store, indexer)

    def ensure_samples(self, *, on_file: Callable[[FileResult], None] | None = None) -> IngestSummary | None:
        """Ingest the bundled sample reports if the store is empty."""
        if self.store.count_reports() > 0:
            return None
        return self.ingest([SAMPLES_DIR], on_file=on_file)

    def warm_up(self, question: str = WARM_UP_QUESTION) -> float:
        """Load what a first question would (embedder, vector index, keyword index, answer modules) by answering
        one, so the server's first user does not wait; returns the seconds it took."""
        from govqa.index.words import preload as read_dictionary_whole

        started = time.perf_counter()
        self.embedder.load()  # the warm-up question's vector may be cached: load the model anyway
        read_dictionary_whole()  # a fresh CLI process looks jieba's words up one by one; a server holds them all
        agencies = self.store.agencies()
        if agencies:  # name a stored agency, so the question goes all the way through retrieval
            self.ask(f"{agencies[0][1] or agencies[0][0]}{question}")
        return time.perf_counter() - started

    def ask(self, question: str, *, conversation: Conversation | None = None) -> Answer:
        """Answer one question (table route, retrieval route or refusal)."""
        from govqa.qa.answer import answer_question

        return answer_question(question, store=self.store, retriever=self.retriever, conversation=conversation, settings=self.settings)

    def compare(self, table: str, row: str, col: str, *, agencies: Sequence[str] = (), years: Sequence[int] = ()) -> list[dict[str, Any]]:
        """One metric across reports: [{report, agency, short_name, year, value, raw, broken}] sorted by value desc;
        table 指标 (qa/metrics.py INDICATOR_TABLE): the indicator named ``row``, its formula in raw."""
        from govqa.qa.indicators import INDICATOR_TABLE
        from govqa.qa.table_query import compare_metric

        if table == INDICATOR_TABLE:
            from govqa.qa.indicators import compare_indicator

            return compare_indicator(self.store, row, agencies=agencies, years=years)

        return compare_metric(self.store, table=table, row=row, col=col, agencies=agencies, years=years)
