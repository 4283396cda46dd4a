"""The contact route: a 电话 / 地址 / 邮箱 / 网址 / 邮编 question answered with the facts the agency's report prints.

    >>> contact_answer(question, store=store, catalog=catalog, pairs=[("平潭综合实验区公安局", 2024)]).text
    '据《平潭综合实验区公安局2024年政府信息公开工作年度报告》，电话：0591-62561036。原文（“前言”部分）：“…”'

A question without a year is answered from the agency's newest report, and says so; when that report prints no such
detail an older one may, and the answer names the year it comes from. Nothing printed: a refusal (no-data), never a
paragraph that merely mentions 来电 or 热线.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Question, Source
from govqa.qa import compose as cp
from govqa.qa.catalog import Catalog
from govqa.qa.contacts import ANY_WAY, NO_TABLE_KINDS, ContactFact, asked_kinds, asks_closing, closing_kinds, facts_of
from govqa.qa.prose_asks import asks_where_published
from govqa.qa.prose_facts import published_on
from govqa.qa.table_query import ReportRef, find_reports

MAX_AGENCIES = 3  # a contact question names one agency, at most a few


def recognise(q: Question) -> bool:
    """Whether q asks for a contact detail of a named agency (read by the plan; contact_answer then always answers)."""
    kinds = asked_kinds(q.text) or (asked_kinds(q.query) if q.query else ())  # 那2024年呢？
    if kinds == ("网址",) and asks_where_published(q.text):  # 行政处罚公示在什么网站上: a sentence, not the 网址
        return False
    # 受理机构 / 受理时间 name the 申请 table too; the office and its hours are no cell of it
    return bool(kinds) and (q.metric is None or set(kinds) <= NO_TABLE_KINDS) and bool(q.agencies)


def contact_answer(q: Question, *, store: ReportStore, catalog: Catalog, pairs: Sequence[tuple[str, int]],
                   report_text: Callable[[str], str]) -> Answer | None:
    """The answer from the printed contact details, or None when the question asks for none (or names no agency)."""
    if not recognise(q):
        return None
    kinds = asked_kinds(q.text) or (asked_kinds(q.query) if q.query else ())
    agencies = list(dict.fromkeys(a for a, _ in pairs))[:MAX_AGENCIES]
    parts: list[str] = []
    sources: list[Source] = []
    refs = find_reports(store, agencies=agencies)
    for agency in agencies:
        wanted = sorted({y for a, y in pairs if a == agency}, reverse=True)
        own = [r for r in refs if r.agency == agency]
        part, found = _agency_part(q, agency, kinds, wanted, own, report_text)
        parts.append(part)
        sources += found
    if not sources:
        return Answer(question=q.text, text="".join(parts), found=False, route="refuse", reason="no-data")
    return Answer(question=q.text, text="".join(parts), found=True, route="retrieval", sources=tuple(sources))


def _agency_part(q: Question, agency: str, kinds: Sequence[str], wanted: Sequence[int], refs: Sequence[ReportRef],
                 report_text: Callable[[str], str]) -> tuple[str, list[Source]]:
    """The sentences about one agency's contact details, and their sources."""
    by_year = {r.year: r for r in refs if r.year is not None}
    newest_first = sorted(by_year, reverse=True)
    main_first = next((by_year[y] for y in [*wanted, *newest_first] if y in by_year), None)
    found: dict[str, tuple[ReportRef, list[ContactFact]]] = {}
    if tuple(kinds) == ANY_WAY and asks_closing(q.text) and main_first is not None:  # 末尾留的联系方式
        kinds = closing_kinds(report_text(main_first.id)) or kinds
    for kind in kinds:
        # an asked year is the only one; with none the newest report first, an older one only when it lacks the detail
        order = [y for y in wanted if y in by_year] if q.years else [y for y in wanted if y in by_year] + \
            [y for y in newest_first if y not in wanted]
        for year in order:
            text = report_text(by_year[year].id)
            person = found.get("联系人")
            near = person[1][0].start if person is not None and person[0] is by_year[year] else None
            facts = facts_of(text, kind, near=near, closing=asks_closing(q.text))
            if facts:
                found[kind] = (by_year[year], facts)
                break
    main = by_year.get(wanted[0]) if wanted else None
    if not found:
        rest = [y for y in sorted(by_year) if main is None or y != main.year]
        site = published_on(report_text(main.id)) if main is not None and "网址" in kinds else ""
        printed = _printed_instead(report_text(main.id), kinds) if main is not None else []
        return cp.contact_not_printed(agency, main.year if main is not None else None, kinds, [] if q.years else rest) \
            + cp.site_only(site) + cp.contact_printed_instead(printed), []
    text = ""
    sources: list[Source] = []
    for ref in _refs_in_order(found, main):
        held = [(k, facts) for k, (r, facts) in found.items() if r is ref]
        newest = ref.year if not q.years and main is not None and ref is main and len(by_year) > 1 else None
        older = (main.year, ref.year) if main is not None and ref is not main and newest is None else None
        lead = cp.contact_lead(cp.report_title(agency, ref.year), newest=newest, older=older)
        quotes, src = _quotes(ref, [f for _, facts in held for f in facts], report_text(ref.id))
        text += cp.contact_facts(lead, [(k, [f.value for f in facts]) for k, facts in held], held[0][1][0].zone, quotes)
        sources += src
    missing = [k for k in kinds if k not in found]
    if missing:
        text += cp.contact_missing(missing)
    return text, sources


def _printed_instead(text: str, asked: Sequence[str]) -> list[tuple[str, list[str]]]:
    """The ways of reaching the office a report does print when it lacks the asked ones (传真 asked, 电话 printed)."""
    out = []
    for kind in ("联系部门", *ANY_WAY, "网址"):
        if kind not in asked:
            values = [f.value for f in facts_of(text, kind)]
            if values:
                out.append((kind, values))
    return out


def _refs_in_order(found: dict[str, tuple[ReportRef, list[ContactFact]]], main: ReportRef | None) -> list[ReportRef]:
    refs = list(dict.fromkeys(r for r, _ in found.values()))
    return sorted(refs, key=lambda r: (r is not main, -(r.year or 0)))


def _quotes(ref: ReportRef, facts: Sequence[ContactFact], text: str) -> tuple[str, list[Source]]:
    """The sentences holding the facts, each once, quoted whole; a source per sentence."""
    spans = sorted({(f.quote_start, f.quote_end) for f in facts})
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    quoted, sources = [], []
    section = facts[0].zone
    for s, e in merged:
        sentence = re.sub(r"[\r\n]+|\*\*", "", text[s:e]).strip()
        quoted.append(f"“{sentence}”")
        sources.append(Source(report=ref.id, agency=ref.agency, year=ref.year, text=sentence, section=section,
                              start=s, end=e))
    return "".join(quoted), sources
