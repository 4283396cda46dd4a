"""jieba's default prefix dictionary, read once per process and shared by the tokenizers that need it.

The question side (qa/understand.py, jieba's global tokenizer) and the keyword index (index/bm25.py, a tokenizer of
its own with govqa's terms) each used to read it from jieba's cache: ~0.6 s apiece of a fresh `govqa ask`.
Each tokenizer gets its own copy, so words one adds never reach the other.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

import jieba

log = logging.getLogger(__name__)
jieba.setLogLevel(logging.WARNING)
_LOCK = threading.Lock()


def cache_path() -> Path:
    """Our pickle of jieba's dictionary, beside jieba's own cache (one per jieba version and install)."""
    key = hashlib.sha1(f"{jieba.__version__}:{jieba.__file__}".encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"govqa-jieba-{key}.pickle"


@lru_cache(maxsize=1)
def _default_dictionary() -> tuple[dict[str, int], int]:
    """(prefix frequencies, total) of jieba's default dictionary, read once per process.

    From a pickle of our own when there is one: jieba's marshal cache takes ~0.6 s of CPU to read, a pickle ~0.2 s.
    """
    path = cache_path()
    try:
        with path.open("rb") as f:
            freq, total = pickle.load(f)
        return freq, int(total)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        pass  # absent or unreadable: build it
    tok = jieba.Tokenizer()
    tok.initialize()
    freq, total = dict(tok.FREQ), int(tok.total)
    try:  # written beside and renamed: a reader never sees half a file
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".govqa-jieba-", delete=False) as tmp:
            pickle.dump((freq, total), tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError as exc:
        log.info("jieba dictionary not cached at %s: %s", path, exc)
    return freq, total


def _fill(tok: jieba.Tokenizer) -> None:
    with _LOCK:
        if not tok.initialized:
            freq, total = _default_dictionary()
            tok.FREQ, tok.total, tok.initialized = dict(freq), total, True


def new_tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer holding its own copy of the default dictionary."""
    tok = jieba.Tokenizer()
    _fill(tok)
    return tok


def ready_global() -> None:
    """Give jieba's global tokenizer its copy of the default dictionary (before its first use)."""
    _fill(jieba.dt)
