"""Answering one question: understand → plan (the reports, or a refusal, and the routes) → the planned route's fetch →
compose. ``route`` tries ``Plan.routes`` in order (fact, items, arith, contact, outcome, list, prose, trend, table;
qa/plan.py routes_of), each route's step in ``_STEPS``.

    >>> answer_question("红寺堡区2020年收到多少政府信息公开申请？", store=store, retriever=retriever,
    ...                 conversation=None, settings=settings).text
    '根据《吴忠市红寺堡区人民政府2020年政府信息公开工作年度报告》表三，2020年新收政府信息公开申请8件（…）。'

Refusals (found=False, route "refuse") name what the store does hold; an absent report is never answered as 0.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from govqa.core.config import Settings
from govqa.core.protocols import ReportStore, Searcher
from govqa.core.types import Answer, Question
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa import wording as wd
from govqa.qa.arbiter import (
    backed_by_prose,
    choose,
    fetch_quote,
    names_the_metric,
    plan_prose_check,
    share_backed_by_prose,
)
from govqa.qa.arith import arithmetic_answer
from govqa.qa.arith_words import THAN_YEAR
from govqa.qa.case_outcome import outcome_answer
from govqa.qa.case_outcome import recognise as asks_case_outcome
from govqa.qa.catalog import Catalog
from govqa.qa.contact_route import contact_answer
from govqa.qa.conversation import Conversation
from govqa.qa.elliptic import elliptic_answer, split_elliptic
from govqa.qa.extract import Quote, find_quote
from govqa.qa.implied_answer import explain_implied
from govqa.qa.llm import maybe_rewrite
from govqa.qa.outcome_followup import outcome_followup
from govqa.qa.passage_followup import passage_followup
from govqa.qa.plan import Plan, plan, refuse
from govqa.qa.prose_facts import fact_answer, with_context
from govqa.qa.quote_choice import quote_reply, retrieval_answer
from govqa.qa.quote_followup import quote_followup, report_items
from govqa.qa.scope import with_scope
from govqa.qa.section_list import section_answer
from govqa.qa.stated_change import asks_change, stated_change_answer
from govqa.qa.table_query import ReportRef, find_reports, reports_of
from govqa.qa.table_route import fetch_table
from govqa.qa.texts import store_texts
from govqa.qa.trend import trend_answer
from govqa.qa.two_asks import asks_answer, split_asks
from govqa.qa.understand import understand
from govqa.qa.words import add_names

log = logging.getLogger(__name__)

def _stated_change(q: Question, store: ReportStore, pairs: Sequence[tuple[str, int]],
                   missing: Sequence[tuple[str, int]], texts: Callable[[str], str]) -> Answer | None:
    """The held reports' own sentence on the change against a year the store lacks (较2018年上升…), or None."""
    held = {y for _, y in pairs}
    lacking = sorted({y for _, y in missing} | {y for y in q.years if y not in held})
    if not lacking and len(held) == 1 and (lx.THAN_PRIOR.search(q.text) or "同比" in q.text) and q.agencies \
            and not find_reports(store, agencies=q.agencies, years=[min(held) - 1]):
        lacking = [min(held) - 1]  # 较上年提高了几个百分点 / 同比: the year before, which the store lacks
    if not lacking or not q.agencies:
        return None
    refs = find_reports(store, agencies=q.agencies, years=sorted(held - set(lacking)))
    return stated_change_answer(q, refs, lacking=lacking, report_text=texts)


def _against_earlier(text: str) -> bool:
    """Whether a follow-up sets the figure just given against an earlier year (和2022年比呢 / 同比呢 / 比上年呢)."""
    return bool(THAN_YEAR.search(text) or lx.THAN_PRIOR.search(text) or "同比" in text)


def answer_question(text: str, *, store: ReportStore, retriever: Searcher, conversation: Conversation | None,
                    settings: Settings) -> Answer:
    """Answer one question (table route, retrieval route or refusal); follow-ups use the conversation."""
    def ask(part: str, chat: Conversation | None) -> Answer:
        return _answer_turn(part, store=store, retriever=retriever, conversation=chat, settings=settings)

    if (parts := split_elliptic(text)) is not None:  # 行政许可多少个？行政强制呢？: each part, the tail as follow-ups
        return elliptic_answer(text, parts, ask=ask, conversation=conversation)
    if (asks := split_asks(text)) is not None:  # 多久报一次？送到哪里？: each ask on its own when the whole finds nothing
        return asks_answer(text, asks, ask=ask, conversation=conversation)
    return ask(text, conversation)


def _answer_turn(text: str, *, store: ReportStore, retriever: Searcher, conversation: Conversation | None,
                 settings: Settings) -> Answer:
    """One question read whole: understand → route → compose; remembered in the conversation."""
    catalog = Catalog.for_store(store).with_names(user_aliases(settings.home))
    add_names(catalog.variants)
    context = conversation.last if conversation is not None else None
    question = with_scope(understand(text, catalog=catalog, context=context), agencies=catalog.agencies, context=context)
    question = with_context(question, context)  # 那…呢？收了没有？ after a fee question: that fact again
    log.info("question %r → %s", text, question)
    earlier = conversation.turns[-1][1] if conversation is not None and conversation.turns else None
    answer = (passage_followup(text, earlier)  # 其中…多少 after a quote: that quote's figure
              or (outcome_followup(question, earlier, report_text=store_texts(store))
                  if question.followup and not asks_case_outcome(question) else None)  # 表四 and prose: route "outcome"
              or quote_followup(question, earlier, report_text=store_texts(store))  # 那…哪两块 / 这笔钱花在哪: that quote
              or route(question, store=store, retriever=retriever, catalog=catalog, settings=settings))
    answer = explain_implied(answer, store)  # a blank cell the relations prove 0 is named as such
    if conversation is not None:
        conversation.remember(question, answer)
    return maybe_rewrite(answer, settings)


_ALIASES: dict[Any, tuple[float, dict[str, tuple[str, ...]]]] = {}


def user_aliases(home: Path) -> dict[str, tuple[str, ...]]:
    """The user's alias file (GOVQA_HOME/agencies.toml), read again only when it changed."""
    from govqa.index.agencies import alias_path, load_aliases

    path = alias_path(home)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return {}
    cached = _ALIASES.get(path)
    if cached is None or cached[0] != mtime:
        cached = (mtime, load_aliases(path))
        _ALIASES[path] = cached
    return cached[1]


@dataclass(frozen=True)
class _Turn:
    """What every route step reads: the question, its plan, the planned reports (read once) and the stages."""
    q: Question
    planned: Plan
    refs: Sequence[ReportRef]
    store: ReportStore
    retriever: Searcher
    catalog: Catalog
    settings: Settings
    texts: Callable[[str], str]

    def noted(self, answer: Answer) -> Answer:
        """The answer with the note naming the asked reports the store lacks (when some are missing)."""
        missing = self.planned.missing
        return replace(answer, text=answer.text + wd.missing_note(missing, self.catalog)) if missing else answer


def _fact_step(t: _Turn) -> Answer | None:
    """要交钱吗 / 落款日期 / 年报发在哪个网站: the prose's sentence stating the fact (qa/prose_facts.py)."""
    fact = fact_answer(t.q, refs=t.refs, report_text=t.texts)
    return t.noted(fact) if fact is not None else None


def _items_step(t: _Turn) -> Answer | None:
    """经费主要用在哪些方面 / 保障上强化了哪几项: the one sentence that says it (qa/quote_followup.py)."""
    return report_items(t.q, refs=t.refs, report_text=t.texts)


def _arith_step(t: _Turn) -> Answer | None:
    """A figure computed from the cells (qa/arith.py); None hands on when the cells lack it."""
    pairs, missing = list(t.planned.pairs), list(t.planned.missing)
    computed = arithmetic_answer(t.q, store=t.store, pairs=pairs)
    if computed is None:
        return None
    if computed.reason == "no-year" and (stated := _stated_change(t.q, t.store, pairs, missing, t.texts)) is not None:
        return stated  # 同2019年比涨了多少 without the 2019 report: the asked report states the change itself
    if computed.found:  # 同意公开的占比: the report's own sentence stating the share quoted beside it
        computed = share_backed_by_prose(computed, report_text=t.texts)
    return t.noted(computed) if computed.found else computed


def _contact_step(t: _Turn) -> Answer | None:
    """电话 / 地址 / 邮箱 …: the details the report prints (qa/contact_route.py)."""
    return contact_answer(t.q, store=t.store, catalog=t.catalog, pairs=list(t.planned.pairs), report_text=t.texts)


def _outcome_step(t: _Turn) -> Answer | None:
    """复议和诉讼最后结果怎么样: 表四's outcome columns and the prose on how cases ended (qa/case_outcome.py)."""
    ended = outcome_answer(t.q, store=t.store, refs=list(t.refs), report_text=t.texts)
    return t.noted(ended) if ended is not None else None


def _prose_step(t: _Turn) -> Answer:
    """The report's own stated change (同2019年比涨了多少 after a share the prose gave), else the part's list
    (route "list", tried first here) or the retrieval route."""
    q, planned = t.q, t.planned
    if (asks_change(q.text) or q.followup and _against_earlier(q.text)) \
            and (stated := _stated_change(q, t.store, list(planned.pairs), list(planned.missing), t.texts)) is not None:
        return stated
    return _prose_answer(q, store=t.store, retriever=t.retriever, catalog=t.catalog, k=t.settings.retrieval_k,
                         planned=planned, texts=t.texts)


def _trend_step(t: _Turn) -> Answer | None:
    """One agency's metric over the years (qa/trend.py); None hands on to the table."""
    return trend_answer(t.q, store=t.store)


def _table_step(t: _Turn) -> Answer:
    """The planned reports' cells (the table route)."""
    return _table_answer(t.q, store=t.store, retriever=t.retriever, catalog=t.catalog, k=t.settings.retrieval_k,
                         planned=t.planned, refs=t.refs, texts=t.texts)


# Each route's step; "list" has none of its own: the prose step tries it first (qa/section_list.py).
_STEPS: dict[str, Callable[[_Turn], Answer | None]] = {
    "fact": _fact_step, "items": _items_step, "arith": _arith_step, "contact": _contact_step,
    "outcome": _outcome_step, "prose": _prose_step, "trend": _trend_step, "table": _table_step,
}
# Routes whose answer that found nothing lets the later planned routes try first (年报发在哪个网站 with no 网址
# printed: the fact route's sentence naming the site); it is given when none of them answers.
_HAND_ON_WHEN_EMPTY = frozenset({"contact"})


def route(q: Question, *, store: ReportStore, retriever: Searcher, catalog: Catalog, settings: Settings) -> Answer:
    """Plan the reports and the routes (or refuse), then try the planned routes in their order: the first that
    answers gives the answer (arith, items, fact, outcome, trend and list hand on when they find nothing)."""
    planned = plan(q, catalog)
    if isinstance(planned, Answer):
        return planned
    turn = _Turn(q=q, planned=planned, refs=reports_of(store, planned.pairs), store=store, retriever=retriever,
                 catalog=catalog, settings=settings, texts=store_texts(store))
    kept: Answer | None = None  # a contact answer that found nothing, given when no later route answers
    for name in planned.routes:
        step = _STEPS.get(name)
        answer = step(turn) if step is not None else None
        if answer is None:
            continue
        if name in _HAND_ON_WHEN_EMPTY and not answer.found:
            kept = kept or answer
            continue
        return answer
    return kept if kept is not None else _table_step(turn)


def _table_answer(q: Question, *, store: ReportStore, retriever: Searcher, catalog: Catalog, k: int,
                  planned: Plan, refs: Sequence[ReportRef], texts: Callable[[str], str]) -> Answer:
    """The table route: the planned reports' cells in one read, the answer composed from them, and the prose
    fetched at most once (the prose check's quote, or the fallback when the report printed no such table)."""
    pairs, missing, years = list(planned.pairs), list(planned.missing), planned.years
    period = lx.PERIOD_WORDS.search(q.text)
    if period:
        return refuse(q, wd.no_period_data(period.group(0)), reason="no-data")
    if missing and q.intent == "compare" and len(refs) < 2:
        if asks_change(q.text) and (stated := _stated_change(q, store, pairs, missing, texts)) is not None:
            return stated  # 较2021年提高了多少 without the 2021 report: the held report states the change itself
        held_q = replace(q, intent="value")
        held = cp.table_reply(held_q, fetch_table(held_q, store=store, refs=refs))
        return replace(held, found=False, route="refuse", value=None, unit=None, reason="no-year",
                       text=wd.missing_years(q, catalog, missing) + wd.cannot_compare() + held.text)
    check = plan_prose_check(q, catalog=catalog)  # does the wording ask about prose the cells do not hold?
    read = fetch_table(q, store=store, refs=refs)  # every cell the answer needs (qa/table_route.py)
    answer = cp.table_reply(q, read)  # the whole text, value and sources from those cells
    fetched: dict[tuple[str, ...], Quote | None] = {}  # the quote searched for these agencies
    if check is not None and retriever is not None:
        scope = tuple(q.agencies or q.scope)  # 在银川市…: the agencies of the place named
        quote = fetched[scope] = fetch_quote(q, retriever=retriever, catalog=catalog, k=k,
                                             agencies=scope, years=years, report_text=texts)
        answer = choose(q, answer, quote, check, catalog=catalog)
    if answer.route == "table":  # the report's prose states the same figure (办理依申请公开18件): quoted beside the cell
        answer = backed_by_prose(q, answer, catalog=catalog, report_text=texts)
    if not answer.found and answer.reason == "no-data" and retriever is not None and read.no_table:
        # the report printed no such table (or the parser found none): its prose may still say it (未收到申请)
        asked = tuple(q.agencies)
        quote = fetched[asked] if asked in fetched else find_quote(q, retriever=retriever, catalog=catalog,
                                                                    k=k, agencies=asked,
                                                                    years=years, report_text=texts)
        quoted = quote_reply(q, quote, catalog=catalog, agencies=asked)
        if quoted.found and names_the_metric(q, quoted, catalog=catalog):
            answer = replace(quoted, text=wd.with_table_reason(quoted.text, answer.text))
    if missing and answer.found:
        answer = replace(answer, text=answer.text + wd.missing_note(missing, catalog))
    return answer


def _prose_answer(q: Question, *, store: ReportStore, retriever: Searcher, catalog: Catalog, k: int,
                  planned: Plan, texts: Callable[[str], str]) -> Answer:
    """The retrieval route; a question about one agency without a year reads its newest report first (and says so),
    the others only when that one holds no answer."""
    pairs, years, note, newest = planned.pairs, planned.years, planned.note, planned.newest
    listed = None
    if "list" in planned.routes:
        listed = section_answer(q, pairs=pairs, refs=find_reports(store, agencies=sorted({a for a, _ in pairs})),
                                report_text=texts)
    if listed is not None:  # 存在哪些问题 / 改进措施 / 做了哪些工作: every item of that part (qa/section_list.py)
        if newest is not None and len(catalog.years_of(q.agencies[0])) > 1:
            listed = replace(listed, text=f"{listed.text}\n{wd.newest_note(newest)}")
        return replace(listed, text=note + listed.text) if note else listed
    if newest is not None:
        quoted = retrieval_answer(q, retriever=retriever, catalog=catalog, k=k, agencies=q.agencies,
                                  years=(newest,), report_text=texts)
        if quoted.found and len(catalog.years_of(q.agencies[0])) > 1:
            return replace(quoted, text=quoted.text + wd.newest_note(newest))
        if quoted.found:
            return quoted
    quoted = retrieval_answer(q, retriever=retriever, catalog=catalog, k=k,
                              agencies=q.agencies or q.scope,  # 在银川市…: the agencies of the place named
                              years=() if newest is not None else years, report_text=texts)
    if newest is not None and quoted.found and quoted.sources and quoted.sources[0].year != newest:
        return replace(quoted, text=quoted.text + wd.older_report_note(newest, quoted.sources[0].year))
    return replace(quoted, text=note + quoted.text) if note and quoted.found else quoted
