"""Numbers as written in Chinese report and answer text: ASCII or full-width digits, thousands separators.

    >>> number_tokens("行政许可 １,196 件，本年增/减 -37")
    [('', Decimal('1196')), ('-', Decimal('37'))]

The one place both the answer side (an LLM rephrasing may state no number its sources lack, qa/llm.py) and the
evaluation's scorers (eval/score.py) read numbers out of free text.
"""

from __future__ import annotations

import re
from decimal import Decimal

_FULLWIDTH = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


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
