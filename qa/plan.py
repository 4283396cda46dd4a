"""Plan: from an understood question to the reports that may answer it, or a refusal before anything is read.

    >>> plan(question, catalog)
    Plan(pairs=(('吴忠市红寺堡区人民政府', 2020),), missing=(), years=(2020,), newest=None, note='', routes=('table',))

Checks, in order: years no report can cover, periods no calendar has, an empty store, agencies the store lacks or
names that fit several, then the (agency, year) pairs held and the ones asked for but missing. Reads only the
catalog, never the cells or the passages (that is the fetch stage's job).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from govqa.core.types import Answer, Question
from govqa.qa import arith, case_outcome, contact_route, prose_facts, quote_followup, section_list
from govqa.qa import lexicon as lx
from govqa.qa import wording as wd
from govqa.qa.arith_pairs import named_years
from govqa.qa.catalog import Catalog
from govqa.qa.contacts import sends_to_office
from govqa.qa.dates import impossible_period
from govqa.qa.treated import asks_one_sentence
from govqa.qa.trend import is_trend

FIRST_REPORT_YEAR = 2008  # the 条例 took effect in 2008: no annual report covers an earlier year
# 99999年, 公元3000年, 1200年, 机关-2021年 (a minus sign, not a range 2019-2021年), 公元前50年, 公元200年 (an era
# word before a short number, in digits or numerals: a year in numerals with 千 is read as digits, qa/understand.py):
# never a report's year
_LONG_YEAR = re.compile(r"(?<![\d.])(?:\d{5,}|(?!19|20)[1-9]\d{3}|0\d{3})\s*年"
                        r"|(?<![\d\s.年度至到~～])[-－−]\s*(?:19|20)\d{2}\s*年"
                        r"|公元前\s*[\d０-９一二三四五六七八九十百千〇零]+\s*年"
                        r"|公元\s*(?:\d{1,3}|[一二两三四五六七八九十百〇零]+)\s*年")  # 公元0年 / 公元零年 / 公元五百年


@dataclass(frozen=True)
class Plan:
    """The reports a question is answered from: held (agency, year) pairs, asked-for pairs the store lacks, the
    years to search passages in, the newest year when one agency without a year is asked, and a lead note."""

    pairs: tuple[tuple[str, int], ...]
    missing: tuple[tuple[str, int], ...]
    years: tuple[int, ...]
    newest: int | None
    note: str = ""
    routes: tuple[str, ...] = ("table",)



def refuse(question: Question | str, text: str, *, reason: str) -> Answer:
    """A refusal: found=False, route 'refuse', no value, and why (see Answer.reason)."""
    q = question.text if isinstance(question, Question) else question
    return Answer(question=q, text=text, found=False, route="refuse", reason=reason)


def plan(q: Question, catalog: Catalog) -> Plan | Answer:
    """The reports to answer from, or the refusal when the question cannot be answered from any."""
    bad_years = impossible_years(q)
    if bad_years:
        return refuse(q, wd.invalid_years(bad_years, first=FIRST_REPORT_YEAR, last=date.today().year), reason="invalid")
    bad_period = impossible_period(q.text)
    if bad_period:
        return refuse(q, wd.invalid_period(bad_period), reason="invalid")
    if not catalog.entries:
        return refuse(q, wd.empty_store(), reason="no-agency")
    if q.unknown_agencies:
        return refuse(q, wd.unknown_agencies(q.unknown_agencies, held=catalog.agencies), reason="no-agency")
    if q.ambiguous_agencies:
        return refuse(q, wd.ambiguous_agencies(q.ambiguous_agencies), reason="ambiguous")
    pairs, missing = resolve_scope(q, catalog)
    if (named := named_years(q, q.text)) is not None:  # 甲局2023年比乙局2021年: each agency with its own year
        pairs, missing = [p for p in pairs if p in named], [p for p in named if p not in pairs]
    note = ""
    if not pairs and q.metric is None and lx.PLAN_WORDS.search(q.text):
        pairs = plan_pairs(missing, catalog)
        note = wd.plan_note(sorted({y for _, y in pairs}))
    if not pairs:
        return refuse(q, wd.missing_years(q, catalog, missing), reason="no-year")
    newest = newest_only(q, pairs)  # one agency, no year: its newest report answers (and the answer says so)
    years = tuple(sorted({y for _, y in pairs})) if q.years or newest else ()
    return Plan(pairs=tuple(pairs), missing=tuple(missing), years=years, newest=newest, note=note,
                routes=routes_of(q, pairs))


def routes_of(q: Question, pairs: Sequence[tuple[str, int]]) -> tuple[str, ...]:
    """The routes that answer q, in the order tried, decided from the wording alone by each route's own predicate.

    arith, items, list and trend may find the cells or the report part lacking and hand on (their answer is None); the
    last route always answers: contact (then fact, when the contact details asked are not printed), prose (no metric)
    or table (after outcome, which hands on when 表四 and the prose both lack it).
    """
    routes = ["items"] if quote_followup.recognise(q) else []  # 经费主要用在哪些方面: the one sentence that says it
    routes += ["arith"] if arith.recognise(q) and not case_outcome.lists_groups(q) else []
    # 网站交给谁监测: who, not the 网址; but 找哪个办公室 is the office the report sends readers to
    if contact_route.recognise(q) and (not prose_facts.asks_doer(q) or sends_to_office(q.text)):
        # 年报发在哪个网站 with no 网址 printed: then the fact route's sentence naming the site (门户网站)
        return (*routes, "contact", *(["fact"] if prose_facts.recognise(q) else []))
    if prose_facts.recognise(q):  # 要交钱吗 / 落款日期 / 几个工作日内公开: the prose's sentence, else the prose search
        return ("fact", *routes, "table" if q.metric is not None and prose_facts.counts_items(q) else "prose")
    if q.metric is None:
        # 对微信公众号做了什么调整 / 根据什么整改的: one sentence, not the part's list of work
        listed = section_list.recognise(q, pairs=pairs) and not asks_one_sentence(q.text)
        return (*routes, *(["list"] if listed else []), "prose")
    if case_outcome.recognise(q):  # 复议和官司最后结果怎么样: the outcome columns and the prose on how cases ended
        return (*routes, "outcome", "table")
    return (*routes, *(["trend"] if is_trend(q) else []), "table")


def impossible_years(q: Question) -> list[str]:
    """Years no report can cover: before 2008, after this year, or five digits and more."""
    this_year = date.today().year
    bad = [str(y) for y in q.years if not FIRST_REPORT_YEAR <= y <= this_year]
    return bad + [m.group().strip().rstrip("年 ") for m in _LONG_YEAR.finditer(q.text)]



def newest_only(q: Question, pairs: Sequence[tuple[str, int]]) -> int | None:
    """The year of the one agency's newest report when the question names that agency and no year (else None)."""
    if q.years or len(set(q.agencies)) != 1 or len(pairs) != 1:
        return None
    return pairs[0][1]


def plan_pairs(missing: Sequence[tuple[str, int]], catalog: Catalog) -> list[tuple[str, int]]:
    """For a question about plans for year Y (2021年要做好…): the year Y-1 reports, whose last section holds them."""
    return [(agency, year - 1) for agency, year in missing if year - 1 in catalog.years_of(agency)]


def resolve_scope(q: Question, catalog: Catalog) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(agency, year) pairs to answer from, and the asked-for pairs the store does not hold."""
    agencies = list(q.agencies) or list(q.scope) or catalog.agencies
    newest = max((y for a in agencies for y in catalog.years_of(a)), default=None)
    pairs: list[tuple[str, int]] = []
    missing: list[tuple[str, int]] = []
    for agency in agencies:
        held = catalog.years_of(agency)
        if q.years:
            wanted: Sequence[int] = q.years
        elif len(agencies) == 1 or not newest:
            wanted = held[-1:]
        else:
            wanted = (newest,)
        for year in wanted:
            (pairs if year in held else missing).append((agency, year))
    if pairs and not q.agencies:
        return pairs, []  # "which agency…" means the agencies that have a report of that year; the rest are no gap
    return pairs, missing
