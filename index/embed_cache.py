"""An on-disk embedding cache: vectors keyed by (model name, sha1 of the prefixed text) in a small SQLite file.

Annual reports repeat whole paragraphs of boilerplate; with the cache each distinct text is embedded once per
model, across runs.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from array import array
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from tqdm import tqdm

from govqa.index.embed_base import BaseEmbedder, prefixed

log = logging.getLogger(__name__)

_META = sa.MetaData()
EMBED_CACHE = sa.Table(
    "embed_cache",
    _META,
    sa.Column("model", sa.String, primary_key=True),
    sa.Column("text_sha1", sa.String(40), primary_key=True),
    sa.Column("vector", sa.LargeBinary, nullable=False),  # float32, native byte order
)
PROGRESS_MIN_TEXTS = 100
_LOOKUP_CHUNK = 500  # keeps the IN (...) list under SQLite's parameter limit


def _pack(vector: Sequence[float]) -> bytes:
    return array("f", vector).tobytes()


def _unpack(blob: bytes) -> list[float]:
    values = array("f")
    values.frombytes(blob)
    return values.tolist()


class CachedEmbedder(BaseEmbedder):
    """Wraps an embedder: looks texts up in the cache, embeds only the missing distinct ones, in batches."""

    def __init__(self, inner: BaseEmbedder, path: Path, *, batch_size: int = 16, progress: bool = False) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.path = Path(path)
        self._batch_size = max(1, batch_size)
        self._progress = progress
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._engine = sa.create_engine(f"sqlite:///{self.path.resolve()}")
        _META.create_all(self._engine)

    def load(self) -> None:
        """Load the inner embedder's model now."""
        self.inner.load()

    def _lookup(self, keys: list[str]) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        with self._engine.connect() as conn:
            for start in range(0, len(keys), _LOOKUP_CHUNK):
                part = keys[start : start + _LOOKUP_CHUNK]
                query = sa.select(EMBED_CACHE.c.text_sha1, EMBED_CACHE.c.vector).where(
                    EMBED_CACHE.c.model == self.name, EMBED_CACHE.c.text_sha1.in_(part)
                )
                found.update({row.text_sha1: _unpack(row.vector) for row in conn.execute(query)})
        return found

    def _store(self, rows: dict[str, bytes]) -> None:
        insert = sqlite_insert(EMBED_CACHE).on_conflict_do_nothing()
        with self._engine.begin() as conn:
            conn.execute(insert, [{"model": self.name, "text_sha1": k, "vector": v} for k, v in rows.items()])

    def _embed(self, todo: list[tuple[str, str]], cached: dict[str, list[float]], *, is_query: bool) -> None:
        """Embed (key, text) pairs in batches, store them and add them to ``cached``."""
        # a bar for an ingest's batches, never for one question's few texts
        bar = tqdm(total=len(todo), desc="embedding", unit="text", disable=not self._progress or len(todo) < PROGRESS_MIN_TEXTS)
        with bar:
            for start in range(0, len(todo), self._batch_size):
                batch = todo[start : start + self._batch_size]
                vectors = self.inner.encode([t for _, t in batch], is_query=is_query)
                fresh = {k: _pack(v) for (k, _), v in zip(batch, vectors, strict=True)}
                self._store(fresh)
                # hand back what was stored, so a text gets the same float32 vector on every call
                cached.update({k: _unpack(b) for k, b in fresh.items()})
                bar.update(len(batch))

    def encode(self, texts: Sequence[str], *, is_query: bool) -> list[list[float]]:
        """Cached vectors for the texts; the misses go to the inner embedder once per distinct text."""
        if not texts:
            return []
        keys = [hashlib.sha1(prefixed(t, is_query=is_query).encode("utf-8")).hexdigest() for t in texts]
        with self._lock:
            cached = self._lookup(sorted(set(keys)))
            missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in cached}
            if missing:
                log.debug("embedding %d new texts with %s (%d cached)", len(missing), self.name, len(cached))
                self._embed(list(missing.items()), cached, is_query=is_query)
        return [cached[k] for k in keys]
