"""Numbers in free text (core/numbers.py): digits of every width, thousands separators, Chinese numerals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govqa.core.numbers import cn_number, normalize_numbers, number_tokens
from govqa.qa.dates import impossible_period
from govqa.qa.understand import parse_years


@pytest.mark.parametrize(("text", "value"), [
    ("0", 0), ("17", 17), ("１２", 12), ("零", 0), ("〇", 0),
    ("三", 3), ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("九十九", 99),
    ("一百", 100), ("一百零五", 105), ("一百一十", 110), ("一百零十", 110), ("三百二十一", 321), ("两千", 2000),
    ("一千零一", 1001), ("一万", 10_000), ("十万", 100_000), ("三万零五十", 30_050), ("两千三百万", 23_000_000),
    ("一亿二千万", 120_000_000),
])
def test_chinese_numerals_read_as_numbers(text: str, value: int) -> None:
    assert cn_number(text) == value


@pytest.mark.parametrize("text", ["", "百", "一二", "三十二百", "零五", "十零五", "十二月", "二十余", "万", "1.5", "-3"])
def test_what_is_not_a_numeral_is_none(text: str) -> None:
    assert cn_number(text) is None


@pytest.mark.parametrize(("question", "years"), [
    ("近十二年收到多少申请？", tuple(range(2011, 2023))),
    ("近两年收到多少申请？", (2021, 2022)),
    ("近3年收到多少申请？", (2020, 2021, 2022)),
])
def test_a_span_of_years_in_numerals_counts_back_from_the_newest(question: str, years: tuple[int, ...]) -> None:
    assert parse_years(question, 2022) == years


def test_a_quarter_or_month_in_numerals_is_checked_against_the_calendar() -> None:
    assert impossible_period("第十三季度收到多少申请") == "第十三季度"
    assert impossible_period("十二月收到多少申请") is None
    assert impossible_period("第五季度呢") == "第五季度"


def test_number_tokens_read_full_width_digits_and_thousands() -> None:
    assert normalize_numbers("１,196件，5，100") == "1196件，5，100"
    assert number_tokens("共 1,196 件，本年增/减 -37，金额 40.94 万元") == [
        ("", Decimal("1196")), ("-", Decimal("37")), ("", Decimal("40.94"))]
