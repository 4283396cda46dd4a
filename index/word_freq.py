"""jieba's prefix dictionary looked up word by word from an SQLite file, so a fresh process need not read it whole.

    >>> freq = LazyFrequencies(Dictionary({"政府": 5, "政": 0}, total=5))
    >>> "政府" in freq, freq.get("公开"), freq["政"]
    (True, None, 0)

Reading the whole dictionary (~350,000 words and their prefixes) costs ~0.25 s of CPU at every start; one question
looks up a few hundred of them. :class:`LazyFrequencies` answers jieba's ``in``/``[]``/``get`` on ``Tokenizer.FREQ``
from the file and remembers each answer, so tokens and their frequencies are exactly those of the whole dictionary.
After many look-ups (a question scoring passages) or at a server's warm-up, :class:`Dictionary` reads it whole once
and tells its owner (``on_read_whole``), which hands each tokenizer a plain dict again (:meth:`LazyFrequencies.as_dict`):
jieba's look-ups are then as fast as they always were.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

log = logging.getLogger(__name__)
FULL_LOAD_AFTER = 5_000  # look-ups from the file (~10 µs each) before it is read whole (~0.25 s): a table question
# makes ~2,000, a question that scores passages ~25,000
_UNREAD = object()
_MISSING = -1  # stored for a word the dictionary does not hold (frequencies are never negative)


class Dictionary:
    """The default dictionary, shared by a process's tokenizers: from memory once read whole, else from the file."""

    def __init__(self, words: Mapping[str, int] | None = None, *, total: int, path: Path | None = None,
                 read_all: Callable[[], Mapping[str, int]] | None = None,
                 on_read_whole: Callable[[], None] | None = None) -> None:
        self.total = total
        self._words = words
        self._path, self._read_all, self._on_read_whole = path, read_all, on_read_whole
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._read: dict[str, int | None] = {}  # the file's answers so far, for every tokenizer of the process
        self.lookups = 0

    @property
    def in_memory(self) -> bool:
        """Whether the whole dictionary has been read (or was given)."""
        return self._words is not None

    @property
    def words(self) -> Mapping[str, int] | None:
        """The whole dictionary once read (None before)."""
        return self._words

    def read_whole(self) -> None:
        """Read the whole dictionary into memory now (a server's warm-up), if it is not already."""
        with self._lock:
            if self._words is not None or self._read_all is None:
                return
            self._words = self._read_all()
            if self._conn is not None:
                self._conn.close()
                self._conn = None
        if self._on_read_whole is not None:
            self._on_read_whole()

    def get(self, word: str) -> int | None:
        """The word's frequency (0 for a prefix that is no word), or None when the dictionary does not hold it."""
        words = self._words
        if words is not None:
            return words.get(word)
        known = self._read.get(word, _UNREAD)
        if known is not _UNREAD:
            return known  # type: ignore[return-value]
        self.lookups += 1
        if self.lookups > FULL_LOAD_AFTER and self._read_all is not None:
            self.read_whole()
            return self.get(word)
        with self._lock:
            if self._words is not None:
                return self._words.get(word)
            if self._conn is None:
                assert self._path is not None
                self._conn = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, check_same_thread=False)
            row = self._conn.execute("SELECT n FROM freq WHERE word = ?", (word,)).fetchone()
            n = self._read[word] = None if row is None else int(row[0])
        return n


class LazyFrequencies:
    """A tokenizer's own ``FREQ``: the shared dictionary's answers, remembered, under the words this tokenizer added."""

    def __init__(self, dictionary: Dictionary) -> None:
        self._dictionary = dictionary
        self._known: dict[str, int] = {}
        self._added: dict[str, int] = {}  # what the tokenizer set (add_word): kept over the dictionary's answers

    @property
    def dictionary(self) -> Dictionary:
        """The shared dictionary under this tokenizer's words."""
        return self._dictionary

    @property
    def added(self) -> dict[str, int]:
        """The words this tokenizer set (add_word), with their frequencies."""
        return dict(self._added)

    def as_dict(self) -> dict[str, int] | None:
        """A plain dict of the whole dictionary and this tokenizer's words, once the dictionary is in memory."""
        words = self._dictionary.words
        return None if words is None else {**words, **self._added}

    def _find(self, word: str) -> int:
        try:
            return self._known[word]
        except KeyError:
            n = self._dictionary.get(word)
            found = self._known[word] = _MISSING if n is None else n
            return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) != _MISSING

    def __getitem__(self, word: str) -> int:
        n = self._find(word)
        if n == _MISSING:
            raise KeyError(word)
        return n

    def __setitem__(self, word: str, n: int) -> None:
        self._known[word] = self._added[word] = n

    def get(self, word: str, default: int | None = None) -> int | None:
        """The word's frequency, or the default when the dictionary does not hold it (as ``dict.get``)."""
        n = self._find(word)
        return default if n == _MISSING else n


def write_table(path: Path, words: Mapping[str, int], total: int) -> None:
    """Write the dictionary as an SQLite file beside and rename it: a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".govqa-jieba-", suffix=".sqlite")
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        with conn:
            conn.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
            conn.execute("CREATE TABLE meta (total INTEGER NOT NULL)")
            conn.executemany("INSERT INTO freq VALUES (?, ?)", words.items())
            conn.execute("INSERT INTO meta VALUES (?)", (total,))
        conn.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        Path(tmp).unlink(missing_ok=True)
        raise


def read_total(path: Path) -> int | None:
    """The dictionary total stored in the file, or None when the file is absent or unreadable."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT total FROM meta").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.info("jieba dictionary file %s unreadable: %s", path, exc)
        return None
    return None if row is None else int(row[0])
