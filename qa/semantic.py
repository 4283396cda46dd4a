"""Semantic closeness of a question to candidate sentences, with the embedder the retriever already uses.

    >>> sims = sentence_similarity(embedder, "在什么地方办公？", ["地址：贺兰山西路481号。", "共收到申请3件。"])
    >>> sims.relative["地址：贺兰山西路481号。"], sims.relative["共收到申请3件。"]
    (1.0, 0.0)

The embedder is wrapped in the on-disk cache keyed by text hash, and ingest embeds every candidate sentence
(:func:`prime_sentences`), so at question time only the question itself is embedded. Cosines are reported raw and rescaled to 0..1 over the candidates (``relative``): e5 cosines
of related and unrelated sentences lie close together, so only their order among the candidates is used.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from govqa.core.protocols import Embedder
from govqa.core.types import Chunk

log = logging.getLogger(__name__)

MAX_SENTENCES = 48  # candidates embedded per question (in hit order); the rest get no semantic credit
MAX_CHARS = 200  # a sentence is embedded from its first characters: the subject comes first in these reports
MIN_SPREAD = 0.02  # below this cosine range the candidates are semantically indistinguishable


@dataclass(frozen=True)
class Similarity:
    """Raw cosine and candidate-relative (0..1) closeness of each sentence text to the question."""

    cosine: dict[str, float] = field(default_factory=dict)
    relative: dict[str, float] = field(default_factory=dict)

    def of(self, texts: Sequence[str]) -> float:
        """The relative closeness of a window of sentences: their mean (0 for a sentence that was not embedded)."""
        return sum(self.relative.get(t, 0.0) for t in texts) / len(texts) if texts else 0.0


def embedded_form(text: str) -> str:
    """What of a candidate sentence is embedded (its first MAX_CHARS characters)."""
    return text[:MAX_CHARS]


def prime_sentences(embedder: Embedder, chunks: Sequence[Chunk], report_text: str) -> int:
    """Embed (into the embedder's cache) every candidate sentence these chunks can offer a question, so that
    answering costs only the query's embedding; returns how many distinct texts were embedded or found cached."""
    from govqa.qa.passages import passage_sentences

    texts = list(dict.fromkeys(embedded_form(p.text) for c in chunks for p in passage_sentences(c, report_text) if p.text))
    if texts:
        embedder.embed_documents(texts)
    return len(texts)


def sentence_similarity(embedder: Embedder | None, question: str, texts: Sequence[str]) -> Similarity:
    """Cosines of the question to the first MAX_SENTENCES distinct texts, one batched (cached) embedding call."""
    distinct = list(dict.fromkeys(t for t in texts if t))[:MAX_SENTENCES]
    if embedder is None or not distinct:
        return Similarity()
    import numpy as np  # here, not at the top: the table route imports this module and never gets here

    try:
        query = np.asarray(embedder.embed_query(question), dtype=np.float32)
        docs = np.asarray(embedder.embed_documents([embedded_form(t) for t in distinct]), dtype=np.float32)
    except Exception as exc:  # a failing model must not take the lexical answer down with it
        log.warning("semantic scoring skipped for %r: %s: %s", question, type(exc).__name__, exc)
        return Similarity()
    norms = np.linalg.norm(docs, axis=1) * (np.linalg.norm(query) or 1.0)
    cos = docs @ query / np.where(norms > 0, norms, 1.0)
    lo, hi = float(cos.min()), float(cos.max())
    spread = hi - lo
    relative = [(c - lo) / spread if spread >= MIN_SPREAD else 0.0 for c in cos.tolist()]
    return Similarity(cosine=dict(zip(distinct, cos.tolist(), strict=True)),
                      relative=dict(zip(distinct, relative, strict=True)))
