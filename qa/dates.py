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


# 截至2025年1月22日 / 到2023年底为止 / 截止到2024年12月31日 / 2025年1月底前: a moment a report speaks of, not a report's year
_MOMENT = r"((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月(?:\s*\d{1,2}\s*[日号])?(?:底|末|初|中旬|上旬|下旬)?|年?(底|末|终))"
_POINT_IN_TIME = re.compile(
    r"(?:截至|截止(?:到|至)?|直到|一直到)\s*" + _MOMENT + r"(?:\s*(?:为止|止|时|前|以前))?"
    r"|(?<![\d年])(?:到|至)\s*" + _MOMENT + r"\s*(?:为止|止)"
    r"|(?<![\d年至到])" + _MOMENT + r"\s*(?:为止|止)")
_EARLY_MONTHS = 3  # a report for year Y is written early in Y+1: 截至Y+1年1–3月 is that report's moment


def point_in_time(text: str, *, anchor: int | None = None) -> tuple[str, tuple[int, ...]]:
    """The text with moments it names (截至2025年1月22日, 到2023年底为止) blanked, and the report years they point to.

    A moment in the first months of Y+1 is stated by the report for Y (published then); one later in a year, or
    its end (年底), by that year's report; ``anchor`` (the year asked before in a chat) wins when it is either.

    >>> point_in_time("那到2025年1月22日为止，累计发了多少条？")[1]
    (2024,)
    >>> point_in_time("截至2023年底共有多少条？")[1]
    (2023,)
    """
    years: list[int] = []

    def blank(m: re.Match[str]) -> str:
        groups = m.groups()
        base = 0 if groups[0] else 3 if groups[3] else 6
        year, month, end = int(groups[base]), groups[base + 1], groups[base + 2]
        implied = year - 1 if month is not None and not end and 1 <= int(month) <= _EARLY_MONTHS else year
        years.append(anchor if anchor in (year - 1, year) else implied)
        return " " * len(m.group(0))

    blanked = _POINT_IN_TIME.sub(blank, text)
    return blanked, tuple(sorted(set(years)))
