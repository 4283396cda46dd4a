"""Scoring one answer against the hand-written expectation of an evaluation question.

    >>> score({"found": True, "expect": ["44"]}, answer)   # answer.text "收到申请44件" → True, "4447件" → False

Numbers are compared as whole numbers: the expected ``44`` never matches inside ``4447``, ``144`` or ``3.44``,
while ``1,196``, ``１１９６`` and ``1196.0`` all match an expected ``1196``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from qa.types import Answer

_FULLWIDTH = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_PURE_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_INNER_SPACE = re.compile(r"(?<!\d)\s+|\s+(?!\d)")

ExpectItem = str | int | float | Sequence[str | int | float]


def normalize_numbers(text: str) -> str:
    """Full-width digits, points and signs to ASCII, and ``1,234,567`` to ``1234567``.

    Only ASCII commas between digit groups of three are thousands separators; the Chinese comma ``，``
    separates list items (``5，100``) and is kept.
    """
    text = text.translate(_FULLWIDTH)
    while True:
        joined = _THOUSANDS.sub("", text)
        if joined == text:
            return text
        text = joined


def number_tokens(text: str) -> list[tuple[str, Decimal]]:
    """Every whole number in the text, as (sign, absolute value): ``-37`` → ("-", 37), ``40.94`` → ("", 40.94)."""
    out: list[tuple[str, Decimal]] = []
    text = normalize_numbers(text)
    for m in _NUMBER.finditer(text):
        before = text[m.start() - 1] if m.start() > 0 else ""
        out.append((before if before in "+-" else "", Decimal(m.group())))
    return out


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


def _bounded_in(needle: str, haystack: str) -> bool:
    """Substring match that never cuts a number: a needle starting or ending with a digit needs a non-digit beside it."""
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        left_ok = not needle[0].isdigit() or start == 0 or not (haystack[start - 1].isdigit() or haystack[start - 1] == ".")
        right = haystack[end : end + 2]
        right_ok = not needle[-1].isdigit() or not right or not (right[0].isdigit() or (right[0] == "." and right[1:].isdigit()))
        if left_ok and right_ok:
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
