"""govqa's one jieba set-up and its stop words.

Two tokenizers share jieba's default prefix dictionary, read once per process: the question side's (qa/words.py,
jieba's global tokenizer, taught the lexicon's template terms and the agency names) and the keyword index's
(index/bm25.py, :func:`search_tokenizer`, with index/dict/terms.txt). Each used to read it from jieba's cache:
~0.6 s apiece of a fresh `govqa ask`; reading our pickle of it whole still took ~0.25 s. Now a tokenizer looks its
words up one by one from an SQLite copy (index/word_freq.py) until a process has looked up many, then from memory.
Each tokenizer gets its own view, so words one adds never reach the other.

The stop words of both are the one list index/dict/stopwords.txt (:func:`stop_words`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sqlite3
import tempfile
import threading
import weakref
from functools import lru_cache
from pathlib import Path
from typing import Literal

import jieba

from govqa.core.cache_dir import cache_dir
from govqa.index.word_freq import Dictionary, LazyFrequencies, read_total, write_table

log = logging.getLogger(__name__)
jieba.setLogLevel(logging.WARNING)
_LOCK = threading.Lock()
DICT_DIR = Path(__file__).resolve().parent / "dict"


def cache_path() -> Path:
    """Our pickle of jieba's dictionary, in this user's cache folder (one per jieba version and install)."""
    key = hashlib.sha1(f"{jieba.__version__}:{jieba.__file__}".encode()).hexdigest()[:12]
    return cache_dir() / f"govqa-jieba-{key}.pickle"


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


def table_path() -> Path:
    """Our SQLite copy of jieba's dictionary, beside the pickle: looked up word by word (index/word_freq.py)."""
    return cache_path().with_suffix(".sqlite")


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """The process's shared default dictionary: from the SQLite copy when there is one, else read whole (and the
    copy written for the next process)."""
    path = table_path()
    total = read_total(path)
    if total is not None:
        return Dictionary(total=total, path=path, read_all=lambda: _default_dictionary()[0], on_read_whole=_settle)
    freq, total = _default_dictionary()
    try:
        write_table(path, freq, total)
    except (OSError, sqlite3.Error) as exc:
        log.info("jieba dictionary not written to %s: %s", path, exc)
    return Dictionary(freq, total=total)


def preload() -> None:
    """Read the whole dictionary into memory now: a server does it while warming up, not during a question."""
    dictionary().read_whole()
    _settle()


_TOKENIZERS: weakref.WeakSet[jieba.Tokenizer] = weakref.WeakSet()  # the ones given a LazyFrequencies


def _settle() -> None:
    """Give every tokenizer a plain dict of the whole dictionary (and its own words) once it has been read."""
    for tok in list(_TOKENIZERS):
        freq = tok.FREQ
        plain = freq.as_dict() if isinstance(freq, LazyFrequencies) else None
        if plain is not None:
            tok.FREQ = plain
            plain.update(freq.added)  # a word another thread added while the copy was made
            _TOKENIZERS.discard(tok)


def _fill(tok: jieba.Tokenizer) -> None:
    with _LOCK:
        if not tok.initialized:
            shared = dictionary()
            freq = LazyFrequencies(shared)
            tok.FREQ, tok.total, tok.initialized = freq, shared.total, True
            if shared.in_memory:  # read whole already (no SQLite copy, or a server): a plain dict from the start
                tok.FREQ = freq.as_dict() or freq
            else:
                _TOKENIZERS.add(tok)


def new_tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer holding its own copy of the default dictionary."""
    tok = jieba.Tokenizer()
    _fill(tok)
    return tok


def question_tokenizer() -> jieba.Tokenizer:
    """jieba's global tokenizer, given its copy of the default dictionary before its first use (the question side's)."""
    _fill(jieba.dt)
    return jieba.dt


@lru_cache(maxsize=1)
def search_tokenizer() -> jieba.Tokenizer:
    """The keyword index's tokenizer, one per process: its own dictionary copy plus govqa's terms (terms.txt)."""
    tok = new_tokenizer()
    tok.load_userdict(str(DICT_DIR / "terms.txt"))
    return tok


@lru_cache(maxsize=2)
def stop_words(side: Literal["keyword", "question"]) -> frozenset[str]:
    """The stop words of one side, from index/dict/stopwords.txt: the untagged words and the side's own."""
    words: set[str] = set()
    for line in (DICT_DIR / "stopwords.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("# "):
            continue
        word, _, tag = line.partition("\t")
        if tag.strip() in ("", side):
            words.add(word.strip())
    return frozenset(words)
