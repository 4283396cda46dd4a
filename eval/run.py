"""Running an evaluation: ask every question (its history first, through one conversation), score, summarise.

    >>> qa = GovQA(settings); qa.ensure_samples()
    >>> result = run_eval(load_questions(Path("eval/questions.jsonl")), ask=qa.ask, new_conversation=Conversation)
    >>> result.overall, [k.kind for k in result.kinds]

The runner takes a plain ``ask(question, conversation=...) -> Answer`` callable, so it runs against
:meth:`qa.service.GovQA.ask` or against any stand-in.
"""

from __future__ import annotations

import logging
import math
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from eval.questions import EvalItem
from eval.score import missing_items, score
from qa.types import Answer

log = logging.getLogger(__name__)


class AskFn(Protocol):
    """What the runner calls: GovQA.ask's signature."""

    def __call__(self, question: str, *, conversation: Any = None) -> Answer: ...


@dataclass(frozen=True)
class ItemResult:
    """One question's outcome: the answer given, whether it passed, what was missing, how long it took."""

    item: EvalItem
    answer: Answer
    passed: bool
    missing: tuple[Any, ...]
    seconds: float


@dataclass(frozen=True)
class KindScore:
    """Accuracy of one kind of question."""

    kind: str
    total: int
    passed: int

    @property
    def ratio(self) -> float:
        """passed / total (0.0 for an empty kind)."""
        return self.passed / self.total if self.total else 0.0


@dataclass(frozen=True)
class RouteLatency:
    """Latency of the answers that took one route."""

    route: str
    count: int
    p50: float
    p95: float


@dataclass(frozen=True)
class EvalResult:
    """Everything an evaluation run measured."""

    results: tuple[ItemResult, ...]
    kinds: tuple[KindScore, ...]
    overall: KindScore
    latency: tuple[RouteLatency, ...]

    @property
    def failures(self) -> tuple[ItemResult, ...]:
        """The questions that did not pass, in file order."""
        return tuple(r for r in self.results if not r.passed)

    def ratio_of(self, kind: str) -> float | None:
        """Accuracy of a kind, None when the run had no question of that kind."""
        return next((k.ratio for k in self.kinds if k.kind == kind), None)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def ask_item(item: EvalItem, *, ask: AskFn, new_conversation: Callable[[], Any] | None) -> tuple[Answer, float]:
    """Ask the item's history then its question through one fresh conversation; the time covers the question only."""
    conversation = new_conversation() if new_conversation is not None else None
    for earlier in item.history:
        ask(earlier, conversation=conversation)
    start = time.perf_counter()
    answer = ask(item.question, conversation=conversation)
    return answer, time.perf_counter() - start


def summarize(results: Sequence[ItemResult]) -> EvalResult:
    """Accuracy per kind (in first-seen order) and overall, latency p50/p95 per answer route."""
    by_kind: dict[str, list[bool]] = defaultdict(list)
    by_route: dict[str, list[float]] = defaultdict(list)
    for r in results:
        by_kind[r.item.kind].append(r.passed)
        by_route[r.answer.route].append(r.seconds)
    kinds = tuple(KindScore(kind, len(v), sum(v)) for kind, v in by_kind.items())
    overall = KindScore("overall", len(results), sum(r.passed for r in results))
    latency = tuple(
        RouteLatency(route, len(s), percentile(s, 50), percentile(s, 95)) for route, s in sorted(by_route.items())
    )
    return EvalResult(tuple(results), kinds, overall, latency)


def run_eval(
    items: Sequence[EvalItem],
    *,
    ask: AskFn,
    new_conversation: Callable[[], Any] | None = None,
    on_item: Callable[[ItemResult], None] | None = None,
) -> EvalResult:
    """Ask and score every item; ``on_item`` is called after each (for a progress bar)."""
    results: list[ItemResult] = []
    for item in items:
        answer, seconds = ask_item(item, ask=ask, new_conversation=new_conversation)
        passed = score(item.expected(), answer)
        missing = tuple(missing_items(item.expect, answer.text))
        result = ItemResult(item, answer, passed, missing, seconds)
        if not passed:
            log.info("eval %s failed: found=%s route=%s missing=%s", item.id, answer.found, answer.route, missing)
        results.append(result)
        if on_item is not None:
            on_item(result)
    return summarize(results)


def parse_min(specs: Sequence[str]) -> dict[str, float]:
    """``["table=0.98", "refuse=1"]`` → {"table": 0.98, "refuse": 1.0}; raises ValueError naming a bad spec."""
    bars: dict[str, float] = {}
    for spec in specs:
        kind, sep, raw = spec.partition("=")
        try:
            ratio = float(raw)
        except ValueError:
            ratio = -1.0
        if not sep or not kind.strip() or not 0.0 <= ratio <= 1.0:
            raise ValueError(f"--min {spec!r}: expected KIND=RATIO with RATIO between 0 and 1, e.g. table=0.98")
        bars[kind.strip()] = ratio
    return bars


def unmet_bars(result: EvalResult, bars: Mapping[str, float]) -> list[str]:
    """One message per --min bar the run did not meet (a kind with no question fails its bar)."""
    messages = []
    for kind, bar in bars.items():
        ratio = result.overall.ratio if kind == "overall" else result.ratio_of(kind)
        if ratio is None:
            messages.append(f"{kind}: no question of this kind in the set (bar {bar:.2f})")
        elif ratio < bar:
            messages.append(f"{kind}: accuracy {ratio:.3f} below the bar {bar:.2f}")
    return messages
