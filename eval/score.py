"""Scoring one answer against the hand-written expectation of an evaluation question: two scorers.

The old (substring) scorer, :func:`score`: ``found`` as expected and every expect item somewhere in the text.

    >>> score({"found": True, "expect": ["44"]}, answer)   # answer.text "收到申请44件" → True, "4447件" → False

Numbers are compared as whole numbers: the expected ``44`` never matches inside ``4447``, ``144`` or ``3.44``,
while ``1,196``, ``１１９６`` and ``1196.0`` all match an expected ``1196``.

The strict scorer, :func:`score_strict` (eval/README.md), checks what the answer rests on:

- table, compare, numeric follow-up: ``value`` equal at the gold's printed precision, ``unit`` equal (counting words 件/起/个… alike), and the
  sources cite every gold cell (table, row, col in a report of the gold file's agency and year);
- narrative: a quoted source's [start, end) overlaps the gold evidence span in the stored text, and every expected
  phrase is in the text (:func:`contains_strict`: a number with its unit, a phrase not preceded by 副/不/未/非/不予…);
- refusal: ``found`` false with a refusal ``reason`` (the gold one when given); an error is not a refusal;
- indicator: as table (a percent is a number of percent at the gold's precision, unit ``%``); ``values`` (two figures
  asked at once): each stated in the text with its unit; every gold cell cited;
- trend: each ``series`` year's value stated after its year (2021年5件) with its cells cited; each ``gaps`` year named
  and never followed by a number (2020年的报告不在知识库中, not 2020年0件).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from govqa.core.numbers import normalize_numbers, number_tokens
from govqa.core.types import REFUSAL_REASONS, Answer, Source
from govqa.qa.lexicon import EQUIVALENT

if TYPE_CHECKING:
    from govqa.eval.gold import Gold
    from govqa.eval.questions import EvalItem, GoldCell

_PURE_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_INNER_SPACE = re.compile(r"(?<!\d)\s+|\s+(?!\d)")

ExpectItem = str | int | float | Sequence[str | int | float]


def _as_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _number_in(expected: str, text: str) -> bool:
    sign = expected[0] if expected[0] in "+-" else ""
    value = _as_decimal(expected.lstrip("+-"))
    if value is None:
        return False
    # an unsigned expectation accepts a signed printing (本年增/减 "+1196" states 1196); a signed one needs its sign
    return any(v == value and (not sign or s == sign or (sign == "+" and s == "")) for s, v in number_tokens(text))


def _squeeze(text: str) -> str:
    """Drop whitespace except between two digits (``40.94 万元`` == ``40.94万元``, ``20 20`` stays two numbers)."""
    return _INNER_SPACE.sub("", normalize_numbers(text)).casefold()


def _keeps_numbers_whole(needle: str, haystack: str, start: int) -> bool:
    """Whether the needle at ``start`` cuts no number: a digit at either end needs a non-digit beside it."""
    end = start + len(needle)
    left_ok = not needle[0].isdigit() or start == 0 or not (haystack[start - 1].isdigit() or haystack[start - 1] == ".")
    right = haystack[end : end + 2]
    right_ok = not needle[-1].isdigit() or not right or not (right[0].isdigit() or (right[0] == "." and right[1:].isdigit()))
    return left_ok and right_ok


def _bounded_in(needle: str, haystack: str) -> bool:
    """Substring match that never cuts a number: a needle starting or ending with a digit needs a non-digit beside it."""
    start = haystack.find(needle)
    while start >= 0:
        if _keeps_numbers_whole(needle, haystack, start):
            return True
        start = haystack.find(needle, start + 1)
    return False


def _alternatives(item: ExpectItem) -> list[str]:
    if isinstance(item, (str, int, float)):
        return [str(item)]
    return [str(alt) for alt in item]


def contains_expected(item: ExpectItem, answer_text: str) -> bool:
    """Whether the answer text contains the expected item (or one of its alternatives when it is a list)."""
    for alt in _alternatives(item):
        needle = _squeeze(alt)
        if not needle:
            continue
        if _PURE_NUMBER.fullmatch(needle):
            if _number_in(needle, answer_text):
                return True
        elif _bounded_in(needle, _squeeze(answer_text)):
            return True
    return False


def missing_items(items: Iterable[ExpectItem], answer_text: str) -> list[ExpectItem]:
    """The expected items the text does not contain, in order."""
    return [item for item in items if not contains_expected(item, answer_text)]


def score(expected: Mapping[str, Any], answer: Answer) -> bool:
    """True when ``answer.found`` equals ``expected["found"]`` (default True) and every expect item is in the text."""
    if bool(expected.get("found", True)) != bool(answer.found):
        return False
    return not missing_items(expected.get("expect", ()), answer.text)


# ---- the strict scorer -----------------------------------------------------------------------------------------

_NUMBER_WITH_UNIT = re.compile(r"([-+]?\d+(?:\.\d+)?)(\D.*)")
# a character before a phrase that turns it into another word: 副镇长 is not 镇长, 不予公开 / 未公开 not 公开
_CHANGES_MEANING = frozenset("副不未非无没")
_CHANGES_MEANING_2 = ("不予", "未予", "暂不", "不再")
_CANONICAL = {label: names[0] for names in EQUIVALENT.values() for label in names}


@dataclass(frozen=True)
class Verdict:
    """The strict scorer's decision and, when failed, what was wrong (one short phrase each)."""

    passed: bool
    problems: tuple[str, ...] = ()


def _phrase_in(needle: str, haystack: str) -> bool:
    """Like _bounded_in, and the character before the needle does not change its meaning (副镇长 ≠ 镇长)."""
    start = haystack.find(needle)
    while start >= 0:
        negated = (start > 0 and haystack[start - 1] in _CHANGES_MEANING) or haystack[max(0, start - 2):start] in _CHANGES_MEANING_2
        if not negated and _keeps_numbers_whole(needle, haystack, start):
            return True
        start = haystack.find(needle, start + 1)
    return False


# Chinese counting words for one counted thing: 1件, 1起 and 1个 state the same count (the cited cells pin the metric);
# an amount unit (万元, 元) is never a count, and 万元 is never 元.
COUNT_WORDS = frozenset("件起个项条次份宗例")


# a gap between two percentages is said in 个百分点 or in %: the same number of percent
PERCENT_UNITS = frozenset({"%", "个百分点", "百分点"})


def units_match(gold: str, got: str | None) -> bool:
    """Whether an answer's unit states the gold's: equal, both counting words (件/起/个…), or both percent (%/个百分点)."""
    gold, got = gold.strip(), (got or "").strip().replace("％", "%")
    return gold == got or (gold in COUNT_WORDS and got in COUNT_WORDS) or (gold in PERCENT_UNITS and got in PERCENT_UNITS)


def contains_strict(item: ExpectItem, answer_text: str, *, unit: str | None = None) -> bool:
    """Whether the text states the expected item strictly (or one of its alternatives).

    A bare number needs ``unit`` right after it when a unit is given (``0`` with 件 needs 0件, never a 0 inside
    ``30件``); ``8场`` needs the whole number 8 followed by 场; a phrase must not follow 副/不/未/非/无/没/不予/未予/暂不/不再.
    """
    text = _squeeze(answer_text)
    for alt in _alternatives(item):
        needle = _squeeze(alt)
        if not needle:
            continue
        if _PURE_NUMBER.fullmatch(needle):
            if unit and unit.strip():
                needle += _squeeze(unit)
            elif _number_in(needle, answer_text):
                return True
            else:
                continue
        if _phrase_in(needle, text):
            return True
    return False


def missing_strict(items: Iterable[ExpectItem], answer_text: str, *, unit: str | None = None) -> list[ExpectItem]:
    """The expected items the text does not state strictly, in order."""
    return [item for item in items if not contains_strict(item, answer_text, unit=unit)]


def value_matches(expected: float, got: float | None) -> bool:
    """``got`` equals ``expected`` rounded to the expected value's printed decimals (739.0766 → 4, 58 → 0)."""
    if got is None:
        return False
    exponent = Decimal(repr(float(expected))).normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    quantum = Decimal(1).scaleb(-places)
    return Decimal(repr(float(got))).quantize(quantum) == Decimal(repr(float(expected))).quantize(quantum)


def _label(text: str | None) -> str:
    return _CANONICAL.get(text or "", text or "")


def cites_cell(cell: GoldCell, sources: Sequence[Source], gold: Gold) -> str | None:
    """None when a source is this gold cell (same table, row, column, in a report of the file's agency and year),
    else the problem."""
    report = gold.report(cell.file)
    if report is None:
        return f"gold file {cell.file} is not in the store"
    for s in sources:
        if (s.table, _label(s.row), _label(s.col)) == (cell.table, _label(cell.row), _label(cell.col)) \
                and (s.agency, s.year) == (report.agency, report.year):
            return None
    return f"cell {cell.file} {cell.table}/{cell.row}/{cell.col} not cited"


def quotes_evidence(item: EvalItem, sources: Sequence[Source], gold: Gold) -> str | None:
    """None when a quoted source overlaps one of the gold evidence spans in the stored text (every one of them for a
    list question: one span per list item), else the problem."""
    problems = []
    quoted = 0
    for span in item.evidence:
        where = gold.span(span)
        if where is None:
            problems.append(f"evidence {span.file}[{span.start}:{span.end}] not found in the store")
            continue
        if any(s.start is not None and s.end is not None and s.report == where.report.id
               and s.start < where.end and where.start < s.end for s in sources):
            quoted += 1
            if not item.is_list:
                return None
        else:
            problems.append(f"no quote overlaps {span.file}[{span.start}:{span.end}]")
    if item.is_list and quoted == len(item.evidence) and quoted:
        return None
    return "; ".join(problems) or "no gold evidence"


_STATED = re.compile(r"([-+]?\d+(?:\.\d+)?)\s*(%|％|万元|元|[件起个项条次份宗例])?")


def value_stated(expected: float, text: str, *, unit: str | None = None) -> bool:
    """Whether the text states the value (at the gold's precision) followed by the unit (counting words alike)."""
    for m in _STATED.finditer(normalize_numbers(text)):
        if not _keeps_numbers_whole(m.group(1), normalize_numbers(text), m.start(1)):
            continue
        got_unit = (m.group(2) or "").replace("％", "%")
        if value_matches(expected, float(m.group(1))) and (not unit or units_match(unit, got_unit)):
            return True
    return False


def year_value_stated(year: int, expected: float, text: str) -> bool:
    """Whether a number right after 「{year}年」 (no other number between) equals the value: 2021年5件, 2021年为5件."""
    text = normalize_numbers(text)
    return any(value_matches(expected, float(m.group(1)))
               # a lookahead, so that 《…2022年…报告》，2022年5件 tries the second 2022年 too (the first one's number is 2022)
               for m in re.finditer(rf"(?<!\d){year}\s*年(?=[^\d。；;]{{0,20}}?([-+]?\d+(?:\.\d+)?))", text))


def year_gap_said(year: int, text: str) -> str | None:
    """None when the text names the gap year and gives it no number, else the problem."""
    text = normalize_numbers(text)
    if not re.search(rf"(?<!\d){year}(?!\d)", text):
        return f"gap year {year} not named"
    if re.search(rf"(?<!\d){year}\s*年\s*(?:为|是|共|有|：|:)?\s*[-+]?\d", text):
        return f"gap year {year} given a number"
    return None


def _series_problems(item: EvalItem, answer: Answer, gold: Gold) -> list[str]:
    problems = []
    for point in item.series:
        if not year_value_stated(point.year, point.value, answer.text):
            problems.append(f"{point.year}: value {point.value:g} not stated")
        problems += [f"{point.year}: {p}" for c in point.cells if (p := cites_cell(c, answer.sources, gold))]
    problems += [p for year in item.gaps if (p := year_gap_said(year, answer.text))]
    if item.unit and answer.unit is not None and not units_match(item.unit, answer.unit):
        problems.append(f"unit {answer.unit!r}, expected {item.unit!r}")
    return problems


def score_strict(item: EvalItem, answer: Answer, gold: Gold) -> Verdict:
    """Score one answer by the strict rules (module docstring); legacy-labelled items by the old rule."""
    if item.legacy:
        ok = score(item.expected(), answer)
        return Verdict(ok, () if ok else ("legacy item: an expected item is missing",))
    problems: list[str] = []
    if bool(answer.found) != item.found:
        problems.append(f"found={answer.found}, expected {item.found}")
    if not item.found:
        reason = getattr(answer, "reason", None)
        if reason not in REFUSAL_REASONS:
            problems.append(f"no refusal reason (got {reason!r})")
        elif item.reason is not None and reason != item.reason:
            problems.append(f"reason {reason}, expected {item.reason}")
    else:
        if item.value is not None:
            if not value_matches(item.value, answer.value):
                problems.append(f"value {answer.value}, expected {item.value:g}")
            if item.unit and not units_match(item.unit, answer.unit):
                problems.append(f"unit {answer.unit!r}, expected {item.unit!r}")
            if not item.cells and not item.evidence:
                problems.append("a gold value needs the cells (or the evidence) it comes from")
        problems += [p for c in item.cells if (p := cites_cell(c, answer.sources, gold))]
        problems += [f"value {v:g}{item.unit or ''} not stated" for v in item.values
                     if not value_stated(v, answer.text, unit=item.unit)]
        problems += _series_problems(item, answer, gold)
        if item.evidence:
            problem = quotes_evidence(item, answer.sources, gold)
            if problem:
                problems.append(problem)
        if item.value is None and not item.cells and not item.evidence and not item.series:
            problems.append("no strict gold (value+cells or evidence): label it legacy or add the gold")
    missing = missing_strict(item.expect, answer.text, unit=None if item.numeric else item.unit)
    if missing:
        problems.append(f"missing {missing}")
    return Verdict(not problems, tuple(problems))
