"""The plain LangChain RAG a user would otherwise build, as a yardstick for govqa.

RecursiveCharacterTextSplitter over the raw report texts (no sections, no tables), the same embedding model
as govqa (``get_embedder(settings)``), a Chroma collection of its own in its own folder, top-k=5 similarity
search. It does not answer: for each question we only ask whether the expected answer is even inside the
top-k chunks (every expect item contained in their concatenated text), i.e. the best an LLM reading
those chunks could do.

    >>> base = PlainRag.build(settings, [(r.id, r.text) for r in reports])
    >>> base.hit(item)
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from govqa.core.config import Settings
from govqa.eval.questions import EvalItem
from govqa.eval.score import contains_expected

log = logging.getLogger(__name__)

COLLECTION = "govqa_baseline"
TOP_K = 5
CHUNK_OVERLAP = 50


@dataclass(frozen=True)
class BaselineHit:
    """One question: whether the plain RAG's top-k text holds every expected item (None: not applicable)."""

    item: EvalItem
    hit: bool | None
    chunks: tuple[str, ...]


def split_texts(texts: Sequence[tuple[str, str]], *, chunk_size: int) -> tuple[list[str], list[dict[str, Any]]]:
    """Split each (report id, raw text) with langchain's RecursiveCharacterTextSplitter defaults."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=CHUNK_OVERLAP)
    chunks: list[str] = []
    metas: list[dict[str, Any]] = []
    for report_id, text in texts:
        for n, piece in enumerate(splitter.split_text(text)):
            chunks.append(piece)
            metas.append({"report": report_id, "n": n})
    return chunks, metas


class PlainRag:
    """A Chroma collection of plain chunks and a top-k lookup."""

    def __init__(self, vectorstore: Any, *, k: int = TOP_K) -> None:
        self._vs = vectorstore
        self.k = k

    @classmethod
    def build(cls, settings: Settings, texts: Sequence[tuple[str, str]], *, k: int = TOP_K) -> PlainRag:
        """Index the texts afresh under ``settings.home/baseline`` with govqa's own embedder."""
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma

        from govqa.index.embed import get_embedder

        folder = settings.home / "baseline" / "chroma"
        folder.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(path=str(folder), settings=ChromaSettings(anonymized_telemetry=False))
        if COLLECTION in [c.name for c in client.list_collections()]:  # rebuilt each run; the embedding cache
            client.delete_collection(COLLECTION)  # keeps re-runs cheap
        chunks, metas = split_texts(texts, chunk_size=settings.chunk_size)
        vs = Chroma(
            client=client,
            collection_name=COLLECTION,
            embedding_function=get_embedder(settings),  # type: ignore[arg-type]
            collection_metadata={"hnsw:space": "cosine"},
        )
        ids = [f"{m['report']}-{m['n']}" for m in metas]
        for start in range(0, len(chunks), 256):
            vs.add_texts(chunks[start : start + 256], metadatas=metas[start : start + 256], ids=ids[start : start + 256])
        log.info("baseline: %d chunks from %d reports in %s", len(chunks), len(texts), folder)
        return cls(vs, k=k)

    def top_k(self, query: str) -> list[str]:
        """The texts of the k most similar chunks."""
        return [doc.page_content for doc in self._vs.similarity_search(query, k=self.k)]

    def hit(self, item: EvalItem) -> BaselineHit:
        """Whether every expect item is inside the top-k chunks; None for refusals (a plain RAG cannot refuse).

        A follow-up is queried with its history prepended, as a user of a plain RAG would have to type it.
        """
        chunks = tuple(self.top_k(" ".join((*item.history, item.question))))
        if not item.found or not item.expect:
            return BaselineHit(item, None, chunks)
        joined = "\n".join(chunks)
        return BaselineHit(item, all(contains_expected(e, joined) for e in item.expect), chunks)


def hit_rates(hits: Sequence[BaselineHit]) -> dict[str, tuple[int, int]]:
    """Per kind (and "overall"): (hits, applicable questions); refusals count as not applicable."""
    rates: dict[str, tuple[int, int]] = {}
    for h in hits:
        if h.hit is None:
            rates.setdefault(h.item.kind, (0, 0))
            continue
        for key in (h.item.kind, "overall"):
            got, total = rates.get(key, (0, 0))
            rates[key] = (got + int(h.hit), total + 1)
    return rates
