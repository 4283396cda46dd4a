"""The retrieval route: search the prose, then quote the sentence(s) that best answer, verbatim, with offsets.

    >>> retrieval_answer(question, retriever=retriever, catalog=catalog, settings=settings)
    Answer(text='根据《…》“总体情况”部分：“2020 年，掌政镇通过政府网站管理平台主动公开信息 98 条、…”', route='retrieval')

A sentence is scored by how much of the question's content words it holds (jieba tokens, longer words weigh
more); a 多少/几 question prefers a sentence with a number and a unit. Below MIN_COVERAGE nothing answers:
the route refuses rather than quote something unrelated. No number is built: value/unit are read from the quote.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from qa import lexicon as lx
from qa.catalog import Catalog
from qa.compose import report_title
from qa.config import Settings
from qa.types import Answer, Chunk, Question, Source
from qa.understand import content_tokens, tokens

log = logging.getLogger(__name__)

MIN_COVERAGE = 0.5
# a sentence runs to its end mark: newlines, even blank lines, are line-wraps of PDF text (see the seeds)
_SENTENCE = re.compile(r"[^。！？!?；;]+(?:[。！？!?；;]+[”’」』）)】]*|$)")
_NUM_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*(万余|余万|余|万)?\s*(人次|万元|条|件|次|篇|期|场|人|名|个|项|起|份|本|套|字|%|％)")
_CLEAN = re.compile(r"\*\*|\n|\r")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a retrieved chunk with its offsets into the report text and its score."""

    chunk: Chunk
    start: int
    end: int
    text: str
    score: float
    coverage: float
    rank: int


def split_sentences(chunk: Chunk) -> list[tuple[int, int, str]]:
    """(start, end, cleaned text) of every sentence of a chunk; offsets are into the report text."""
    out = []
    for m in _SENTENCE.finditer(chunk.text):
        raw = m.group(0)
        text = _CLEAN.sub("", raw).strip()
        if len(text) < 4:
            continue
        lead = len(raw) - len(raw.lstrip())
        out.append((chunk.start + m.start() + lead, chunk.start + m.end(), text))
    return out


def _weights(words: Sequence[str]) -> dict[str, float]:
    return {w: float(min(len(w), 4)) for w in dict.fromkeys(words)}


def score_sentence(text: str, weights: dict[str, float], *, asks_number: bool) -> tuple[float, float]:
    """(score, coverage): coverage = weighted share of question words found in the sentence."""
    total = sum(weights.values()) or 1.0
    have = set(tokens(text))
    got = sum(w for t, w in weights.items() if t in have or (len(t) >= 2 and t in text))
    coverage = got / total
    bonus = 0.0
    if asks_number:
        bonus = 0.25 if _NUM_UNIT.search(text) else -0.2
    return coverage + bonus, coverage


def best_sentences(question: str, hits: Sequence[Any], *, drop: Sequence[str]) -> list[Sentence]:
    """Every sentence of the retrieved chunks, best first."""
    words = content_tokens(question, drop=drop)
    weights = _weights(words)
    if not weights:
        return []
    asks_number = bool(lx.QUESTION_HOW_MANY.search(question))
    scored = []
    for rank, hit in enumerate(hits):
        for start, end, text in split_sentences(hit.chunk):
            score, coverage = score_sentence(text, weights, asks_number=asks_number)
            scored.append(Sentence(hit.chunk, start, end, text, score + 0.05 / (1 + rank), coverage, rank))
    return sorted(scored, key=lambda s: -s.score)


def pick_number(sentence: str, question: str, words: Sequence[str]) -> tuple[float, str] | None:
    """The number (and unit) of the sentence that sits closest after a question word; None when there is none."""
    best: tuple[int, int, float, str] | None = None
    for i, m in enumerate(_NUM_UNIT.finditer(sentence)):
        before = sentence[max(0, m.start() - 12):m.start()]
        near = sum(len(w) for w in words if w in before)
        key = (near, -i)
        if best is None or key > best[:2]:
            best = (near, -i, float(m.group(1)), (m.group(2) or "") + m.group(3))
    return (best[2], best[3]) if best else None


def retrieval_answer(q: Question, *, retriever: Any, catalog: Catalog, settings: Settings,
                     agencies: Sequence[str] = (), years: Sequence[int] = ()) -> Answer:
    """Quote the best sentence of the retrieved chunks, or refuse when nothing relevant is found."""
    hits = retriever.search(q.text, agencies=tuple(agencies), years=tuple(years), k=settings.retrieval_k)
    drop = list(catalog.variants) + [w for name in catalog.variants for w in tokens(name)]
    ranked = best_sentences(q.text, hits, drop=drop)
    if not ranked or ranked[0].coverage < MIN_COVERAGE:
        log.info("retrieval refused %r: best coverage %.2f", q.text, ranked[0].coverage if ranked else 0.0)
        where = "、".join(catalog.short(a) for a in agencies) or "已收录的"
        return Answer(question=q.text, found=False, route="refuse",
                      text=f"在{where}年度报告中没有找到能回答这个问题的内容。")
    top = ranked[0]
    chosen = [top]
    second = next((s for s in ranked[1:] if s.chunk.id == top.chunk.id and abs(s.start - top.end) <= 2
                   and s.coverage >= MIN_COVERAGE), None)
    if second is not None:
        chosen = sorted([top, second], key=lambda s: s.start)
    chunk = top.chunk
    quote = "".join(s.text for s in chosen)
    text = f"根据{report_title(chunk.agency, chunk.year)}“{chunk.section}”部分：“{quote}”"
    value = unit = None
    if lx.QUESTION_HOW_MANY.search(q.text):
        picked = pick_number(quote, q.text, content_tokens(q.text, drop=drop))
        if picked:
            value, unit = picked
    sources = tuple(Source(report=s.chunk.report_id, agency=s.chunk.agency, year=s.chunk.year, text=s.text,
                           section=s.chunk.section, start=s.start, end=s.end) for s in chosen)
    return Answer(question=q.text, text=text, found=True, route="retrieval", value=value, unit=unit, sources=sources)
