"""Parts of a year no calendar has, as a question writes them: 第14个月, 13月, 第5季度, 第60周, 32日, 2月30日, 第0年.

    >>> impossible_period("交建局2024年第十四个月收到多少申请？")
    '第十四个月'
    >>> impossible_period("近14个月收到多少申请？") is None   # a span of months, not a month of the year
    True

A number of months with 个 and no 第 (14个月内) is a span and stays valid; an ordinal month, a month, a quarter or a
day of the month past what a year holds (or 0) is refused as invalid input.
"""

from __future__ import annotations

import re

from govqa.core.numbers import cn_number

_N = r"([0-9０-９]+|[零〇一二两三四五六七八九十百]+)"
# 第3季度 / 5季度 / 第四季 / 第14个月 / 13月 / 13月份 (an ordinal month needs 第 when 个 is written: 14个月 is a span)
_QUARTER = re.compile(r"第?\s*" + _N + r"\s*(?:个)?\s*季(?:度)?")
_ORDINAL_MONTH = re.compile(r"第\s*" + _N + r"\s*个?\s*月")
_MONTH = re.compile(r"(?<![第\d０-９零〇一二两三四五六七八九十百个])" + _N + r"\s*月(?:份)?(?:\s*" + _N + r"\s*[日号])?")
_DAY = re.compile(r"(?<=年)\s*" + _N + r"\s*[日号]")  # 2024年35日 (a bare 60日 is a time limit: 60日内)
_WEEK = re.compile(r"第\s*" + _N + r"\s*(?:个)?\s*(?:周|星期|礼拜)")  # a year has 53 weeks at most
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # 29: a leap year's February still exists
# the zeroth of any part of time: 第0年, 第零个季度, 第〇天 (counting starts at 第1; 第3年 may be a year of a plan)
_ORDINAL_ZERO = re.compile(r"第\s*(?:[0０]+|[零〇○]+)\s*(?:个)?\s*(?:年度?|季度?|月份?|周|星期|礼拜|天|日|号|半年|旬)")


def _span_before(text: str, start: int) -> bool:
    """Whether a count of quarters is a span (近5个季度, 连续5个季度, 5个季度以来), not a quarter of the year."""
    return bool(re.search(r"(?:近|最近|连续|过去|前|后|这|共|满)\s*$", text[max(0, start - 3):start]))


def impossible_period(text: str) -> str | None:
    """The first part of a year the text names that no calendar has (第5季度, 13月, 第14个月, 第60周, 2月30日, 第0年),
    or None."""
    if (zero := _ORDINAL_ZERO.search(text)) is not None:
        return zero.group(0).strip()
    for m in _QUARTER.finditer(text):
        n = cn_number(m.group(1))
        if n is not None and not 1 <= n <= 4 and not ("个" in m.group(0) and "第" not in m.group(0)) \
                and not _span_before(text, m.start()):
            return m.group(0).strip()
    for m in _ORDINAL_MONTH.finditer(text):
        n = cn_number(m.group(1))
        if n is not None and not 1 <= n <= 12:
            return m.group(0).strip()
    for m in _WEEK.finditer(text):
        n = cn_number(m.group(1))
        if n is not None and not 1 <= n <= 53:
            return m.group(0).strip()
    for m in _MONTH.finditer(text):
        month = cn_number(m.group(1))
        if month is None:
            continue
        if not 1 <= month <= 12:
            return m.group(0).strip()
        day = cn_number(m.group(2)) if m.group(2) else None
        if day is not None and not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
            return m.group(0).strip()
    for m in _DAY.finditer(text):
        n = cn_number(m.group(1))
        if n is not None and not 1 <= n <= 31:
            return m.group(0).strip()
    return None
