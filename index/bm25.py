"""Keyword side of retrieval: BM25 (rank-bm25) over jieba tokens, with the template's terms as a user dictionary.

    >>> index = Bm25Index(chunks, extra_words=["镇北堡镇"])
    >>> index.search("新浪微博公开了多少条信息", agencies=("银川市西夏区镇北堡镇人民政府",), k=5)

Agency names and short names are added to the tokenizer at run time so that 镇北堡镇 stays one token.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence

import numpy as np
from rank_bm25 import BM25Okapi

from govqa.core.types import Chunk, ScoredChunk
from govqa.index.chunks import compact_prose
from govqa.index.words import search_tokenizer, stop_words

log = logging.getLogger(__name__)

_KEEP = re.compile(r"[\w\u4e00-\u9fff]")


class Tokenizer:
    """jieba with govqa's dictionary; words added here (agency names) are shared by the whole process."""

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self._jieba = search_tokenizer()
        self._stop = stop_words("keyword")
        self.add_words(extra_words)

    def add_words(self, words: Iterable[str]) -> None:
        """Keep each of words as one token (agency names, short names, aliases)."""
        for w in words:
            if w and len(w) > 1:
                self._jieba.add_word(w, freq=50)

    def tokens(self, text: str) -> list[str]:
        """Search-mode tokens of text (compound words and their parts), without stop words and punctuation."""
        out = []
        for tok in self._jieba.cut_for_search(compact_prose(text)):
            tok = tok.strip().lower()
            if tok and tok not in self._stop and _KEEP.search(tok):
                out.append(tok)
        return out


def chunk_terms(chunk: Chunk) -> str:
    """The text of a chunk that BM25 sees: its section, sub-heading and prose (not the agency header)."""
    return f"{chunk.section} {chunk.subheading} {chunk.text}"


class Bm25Index:
    """An in-memory BM25 index over chunks; rebuild it when the set of chunks changes."""

    def __init__(self, chunks: Sequence[Chunk], *, extra_words: Iterable[str] = (), tokenizer: Tokenizer | None = None) -> None:
        self.tokenizer = tokenizer or Tokenizer()
        words = set(extra_words) | {c.short_name for c in chunks} | {c.agency for c in chunks}
        self.tokenizer.add_words(sorted(words))
        self._name_tokens = frozenset(w.lower() for w in words)
        self.chunks = list(chunks)
        corpus = [self.tokenizer.tokens(chunk_terms(c)) for c in self.chunks]
        # BM25Okapi divides by the corpus size: an empty corpus has no index at all
        self._bm25 = BM25Okapi(corpus) if any(corpus) else None
        if self._bm25 is not None:  # an array, so that scoring a few chunks does not convert the whole list
            self._bm25.doc_len = np.asarray(self._bm25.doc_len)
        self._by_agency: dict[str, list[int]] = {}
        self._by_year: dict[int | None, list[int]] = {}
        for i, c in enumerate(self.chunks):
            self._by_agency.setdefault(c.agency, []).append(i)
            self._by_year.setdefault(c.year, []).append(i)
        log.info("BM25 index built over %d chunks", len(self.chunks))

    def __len__(self) -> int:
        return len(self.chunks)

    def search(self, query: str, *, agencies: Sequence[str] = (), years: Sequence[int] = (), k: int = 5) -> list[ScoredChunk]:
        """The k chunks with the highest BM25 score (> 0) among those of the given agencies and years."""
        if self._bm25 is None:
            return []
        terms = self.tokenizer.tokens(query)
        if agencies:  # every candidate belongs to the named agency: its name says nothing about the passage
            terms = [t for t in terms if t not in self._name_tokens]
        if years:
            terms = [t for t in terms if t not in {str(y) for y in years}]
        if not terms:
            return []
        candidates = self._candidates(agencies, years)
        if candidates is None:
            scores = dict(enumerate(self._bm25.get_scores(terms)))
        else:  # score only the filtered chunks: same formula and corpus statistics, cost of the filter's size
            scores = dict(zip(candidates, self._bm25.get_batch_scores(terms, candidates), strict=True)) if candidates else {}
        allowed = [i for i, score in scores.items() if score > 0]
        allowed.sort(key=lambda i: (-scores[i], self.chunks[i].id))
        return [
            ScoredChunk(chunk=self.chunks[i], score=float(scores[i]), bm25_rank=rank)
            for rank, i in enumerate(allowed[:k], start=1)
        ]

    def _candidates(self, agencies: Sequence[str], years: Sequence[int]) -> list[int] | None:
        """Positions of the chunks of the given agencies and years, ascending; None when nothing is filtered."""
        sets = []
        if agencies:
            sets.append({i for a in set(agencies) for i in self._by_agency.get(a, ())})
        if years:
            sets.append({i for y in set(years) for i in self._by_year.get(y, ())})
        if not sets:
            return None
        return sorted(set.intersection(*sets))
