"""Running an evaluation: ask every question (its history first, through one conversation), score, summarise.

    >>> qa = GovQA(settings); qa.ensure_samples()
    >>> result = run_eval(load_questions(Path("eval/questions.jsonl")), ask=qa.ask, new_conversation=Conversation)
    >>> result.overall, [k.kind for k in result.kinds]

The runner takes a plain ``ask(question, conversation=...) -> Answer`` callable, so it runs against
:meth:`qa.service.GovQA.ask` or against any stand-in. Given a :class:`eval.gold.Gold`, every answer is scored by
both scorers: ``passed`` is the strict verdict (what the figures and bars use), ``old_passed`` the substring one.
:func:`score_saved` scores answers saved by an earlier run (eval/answers.py) without asking again.
"""

from __future__ import annotations

import logging
import math
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from govqa.core.types import Answer
from govqa.eval.questions import EvalItem
from govqa.eval.score import missing_items, score, score_strict

if TYPE_CHECKING:
    from govqa.eval.gold import Gold

log = logging.getLogger(__name__)


class AskFn(Protocol):
    """What the runner calls: GovQA.ask's signature."""

    def __call__(self, question: str, *, conversation: Any = None) -> Answer: ...


@dataclass(frozen=True)
class ItemResult:
    """One question's outcome: the answer given, whether it passed, what was missing, how long it took.

    ``passed`` is the strict verdict when the run was scored strictly (``strict`` True), else the old one;
    ``old_passed`` is always the old (substring) verdict; ``problems`` says why the strict scorer failed it.
    """

    item: EvalItem
    answer: Answer
    passed: bool
    missing: tuple[Any, ...]
    seconds: float
    old_passed: bool | None = None
    problems: tuple[str, ...] = ()
    strict: bool = False


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
    old_kinds: tuple[KindScore, ...] = ()  # the old scorer's figures, same kinds in the same order
    old_overall: KindScore | None = None

    @property
    def strict(self) -> bool:
        """Whether ``kinds`` are the strict scorer's figures."""
        return any(r.strict for r in self.results)

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
        if not math.isnan(r.seconds):
            by_route[r.answer.route].append(r.seconds)
    kinds = tuple(KindScore(kind, len(v), sum(v)) for kind, v in by_kind.items())
    overall = KindScore("overall", len(results), sum(r.passed for r in results))
    latency = tuple(
        RouteLatency(route, len(s), percentile(s, 50), percentile(s, 95)) for route, s in sorted(by_route.items())
    )
    old = [bool(r.passed if r.old_passed is None else r.old_passed) for r in results]
    old_kinds = tuple(KindScore(kind, len(v), sum(o for r, o in zip(results, old, strict=True) if r.item.kind == kind))
                      for kind, v in by_kind.items())
    return EvalResult(tuple(results), kinds, overall, latency, old_kinds, KindScore("overall", len(results), sum(old)))


def score_item(item: EvalItem, answer: Answer, seconds: float, gold: Gold | None) -> ItemResult:
    """Both verdicts on one answer (the strict one only with a gold resolver)."""
    old = score(item.expected(), answer)
    missing = tuple(missing_items(item.expect, answer.text))
    if gold is None:
        return ItemResult(item, answer, old, missing, seconds, old_passed=old)
    verdict = score_strict(item, answer, gold)
    return ItemResult(item, answer, verdict.passed, missing, seconds, old_passed=old, problems=verdict.problems,
                      strict=True)


def run_eval(
    items: Sequence[EvalItem],
    *,
    ask: AskFn,
    new_conversation: Callable[[], Any] | None = None,
    on_item: Callable[[ItemResult], None] | None = None,
    gold: Gold | None = None,
) -> EvalResult:
    """Ask and score every item (strictly too when ``gold`` is given); ``on_item`` is called after each."""
    results: list[ItemResult] = []
    for item in items:
        answer, seconds = ask_item(item, ask=ask, new_conversation=new_conversation)
        result = score_item(item, answer, seconds, gold)
        if not result.passed:
            log.info("eval %s failed: found=%s route=%s problems=%s", item.id, answer.found, answer.route,
                     result.problems or result.missing)
        results.append(result)
        if on_item is not None:
            on_item(result)
    return summarize(results)


def score_saved(items: Sequence[EvalItem], answers: Mapping[str, tuple[Answer, float]], gold: Gold) -> EvalResult:
    """Score saved answers (by question id) without asking; a question with no saved answer fails."""
    results = []
    for item in items:
        answer, seconds = answers.get(item.id, (Answer(item.question, "(no saved answer)", False, "missing"), math.nan))
        results.append(score_item(item, answer, seconds, gold))
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
