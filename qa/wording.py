"""The answer path's own sentences: refusals, notes on years not held, and notes on which report answered.

    >>> invalid_years(["1999"], first=2008, last=2026)
    '1999年不是政府信息公开年度报告可能覆盖的年份（2008年至2026年），请检查年份。'

Every user-facing sentence the pipeline (qa/answer.py) adds lives here; the table route's value sentences live
in qa/compose/. These functions only format: they decide nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from govqa.core.types import Question
from govqa.qa.catalog import Catalog


def invalid_years(bad: Sequence[str], *, first: int, last: int) -> str:
    """Years no report can cover."""
    return f"{'、'.join(bad)}年不是政府信息公开年度报告可能覆盖的年份（{first}年至{last}年），请检查年份。"


def invalid_period(period: str) -> str:
    """A quarter or month no calendar has, or the zeroth of one (第0年: counting starts at 1)."""
    return f"“{period}”不是实际存在的时段，请检查问题。"


def empty_store() -> str:
    """No report at all in the store."""
    return "知识库中还没有任何年度报告，请先导入报告后再提问。"


def unknown_agencies(names: Sequence[str], *, held: Sequence[str]) -> str:
    """Agencies the question names that the store lacks, and the ones it holds."""
    return f"知识库中没有“{'”“'.join(names)}”的年度报告，无法回答。已收录的机关有：{'、'.join(held)}。"


def ambiguous_agencies(pairs: Sequence[tuple[str, Sequence[str]]]) -> str:
    """Names that fit several agencies, with the ones each may mean."""
    return "".join(f"“{name}”可能指{'、'.join(fits)}，" for name, fits in pairs) + "请写明是哪一个机关。"


def plan_note(years: Sequence[int]) -> str:
    """Plans for year Y+1 are answered from the year Y report: say so."""
    return "".join(f"（{y + 1}年的工作计划载于{y}年的年度报告。）" for y in years)


def missing_years(q: Question, catalog: Catalog, missing: Sequence[tuple[str, int]]) -> str:
    """The asked-for years the store holds no report of, and the years it does hold."""
    years = "、".join(str(y) for y in sorted({y for _, y in missing}))
    if q.agencies:
        parts = []
        for agency in dict.fromkeys(a for a, _ in missing):
            held = "、".join(f"{y}年" for y in catalog.years_of(agency)) or "无"
            parts.append(f"{catalog.short(agency)}已收录的年度报告年份：{held}")
        names = "、".join(catalog.short(a) for a in dict.fromkeys(a for a, _ in missing))
        return f"知识库中没有{names}{years}年的年度报告。{'；'.join(parts)}。"
    all_years = sorted({y for e in catalog.entries for y in e.years})
    return f"知识库中没有{years}年的年度报告。已收录的年份：{'、'.join(f'{y}年' for y in all_years)}。"


def missing_note(missing: Sequence[tuple[str, int]], catalog: Catalog) -> str:
    """The note after an answer that left out reports the store lacks."""
    names = "、".join(f"{catalog.short(a)}{y}年" for a, y in missing)
    return f"（知识库中没有{names}的年度报告，未计入。）"


def cannot_compare() -> str:
    """Appended to the missing-years text when a comparison lacks one side."""
    return "无法比较。"


def no_period_data(period: str) -> str:
    """The tables hold whole years only."""
    return f"年度报告的统计表只有全年数字，没有按“{period}”分列的数据，无法回答。"


def newest_note(year: int) -> str:
    """A question without a year about an agency with several reports: the newest one answered."""
    return f"（问题未写年份，按该机关最新的{year}年报告回答。）"


def older_report_note(newest: int, year: int | None) -> str:
    """The newest report did not say it; an older one did."""
    return f"（该机关最新的{newest}年报告没有谈到这一点，以上摘自{year}年报告。）"


def with_table_reason(quoted: str, reason: str) -> str:
    """A quote answering where the table could not, followed by why the table could not."""
    return f"{quoted}（{reason}）"


def no_quote(where: str) -> str:
    """The retrieval route found nothing that answers: where it looked (agencies' short names, or all)."""
    return f"在{where or '已收录的'}年度报告中没有找到能回答这个问题的内容。"



def ask_not_found(ask: str, refusal: str) -> str:
    """One ask of a turn holding several that the reports do not answer: which ask, and the refusal it got."""
    return f"关于“{ask.rstrip('？?。；; ')}”：{refusal}"
