"""Numbers as written in Chinese report and answer text: ASCII or full-width digits, thousands separators, and
Chinese numerals (近十二年, 第三季度, 收到申请十五件, 二十是…).

    >>> number_tokens("行政许可 １,196 件，本年增/减 -37")
    [('', Decimal('1196')), ('-', Decimal('37'))]

The one place that reads numbers out of free text: the answer side (an LLM rephrasing may state no number its
sources lack, qa/llm.py; years and periods in questions, qa/understand.py, qa/answer.py; list markers, qa/lists.py),
the prose checks of ingest (index/text_table.py) and the evaluation's scorers (eval/score.py). Numbers inside the
statistical tables are read by index/numbers.py, which knows the tables' layouts.
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


_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


def cn_number(text: str) -> int | None:
    """A whole number written in digits or in Chinese numerals (三, 十二, 二十, 一百零五, 两千三百万); None when the
    text is not one (一二, 三十二百, 百).

        >>> cn_number("十二"), cn_number("一百零五"), cn_number("１２"), cn_number("十二月")
        (12, 105, 12, None)
    """
    if text.isdecimal():
        return int(text)
    if not text:
        return None
    if text in ("零", "〇"):
        return 0
    total = 0  # of the completed 万/亿 groups
    group = 0  # below the next 万/亿
    digit: int | None = None  # the digit waiting for its unit
    last_unit = 10**5  # units inside a group must fall: 三百二十, not 三十二百
    last_big = 10**9
    after_zero = False
    prev_unit = False  # a 零 may follow a unit only
    for ch in text:
        if ch in _CN_DIGIT:
            value = _CN_DIGIT[ch]
            if value == 0:
                if not prev_unit or after_zero:
                    return None
                after_zero = True
                prev_unit = False
                continue
            if digit is not None or (after_zero and last_unit == 10):
                return None  # 一二 is no numeral; 十零五 skips no place
            digit = value
            prev_unit = False
        elif ch in _CN_UNIT:
            unit = _CN_UNIT[ch]
            if unit >= last_unit:
                return None
            if digit is None:
                if ch != "十" or ((group or total) and not after_zero):
                    return None  # 十 alone only at the start (十二) or after 零 (一百零十); 百 and 千 need their digit
                digit = 1
            group += digit * unit
            digit, last_unit, after_zero, prev_unit = None, unit, False, True
        elif ch in _CN_BIG:
            big = _CN_BIG[ch]
            if big >= last_big:
                return None
            group += digit or 0
            if not group:
                return None
            total += group * big
            group, digit, last_unit, last_big, after_zero, prev_unit = 0, None, 10**5, big, False, True
        else:
            return None
    return total + group + (digit or 0)


# a year written digit by digit (二〇二二, 二零五零, 一九九九; ○ and Ｏ for 〇 as typed): four or more digits before 年
# or before the dash of a range (二〇二〇至二〇二二年); a year said as a number (两千零二十年) needs its 千
_YEAR_DIGITS = "〇零○Ｏ0０一二三四五六七八九"  # 二0二二年: a zero typed as a digit among the numerals
_DIGIT_YEAR = re.compile(f"(?<![{_YEAR_DIGITS}十百千万两第])([{_YEAR_DIGITS}]{{4,}})(?=\\s*(?:年|至|到|—|-|－|~|～))")
_NUMERAL_YEAR = re.compile(r"(?<![零〇一二两三四五六七八九十百千万第近最共满达为约前过])([零〇一二两三四五六七八九十百]*千[零〇一二两三四五六七八九十百]*)"
                           r"(?=\s*(?:年(?![代来内间前后多余])|至|到|—|-|－|~|～))")
_DIGIT_OF = {ch: str(_CN_DIGIT.get(ch, 0)) for ch in _YEAR_DIGITS}
_NUMERAL_DIGITS = frozenset(_CN_DIGIT)


def arabic_years(text: str) -> str:
    """The text with years written in Chinese numerals put in digits, so every year reader sees 2022年.

        >>> arabic_years("二〇五〇年"), arabic_years("两千零二十年度"), arabic_years("二零二〇至二零二二年")
        ('2050年', '2020年度', '2020至2022年')

    Spans and ordinals stay as written (三千年前, 近两千年, 第一二三四年 is no year).
    """
    text = _DIGIT_YEAR.sub(lambda m: "".join(_DIGIT_OF[ch] for ch in m.group(1))
                           if _NUMERAL_DIGITS & set(m.group(1)) - {"零", "〇"} else m.group(1), text)

    def numeral(m: re.Match[str]) -> str:
        value = cn_number(m.group(1))
        return str(value) if value is not None and 1000 <= value <= 9999 else m.group(1)

    return _NUMERAL_YEAR.sub(numeral, text)
