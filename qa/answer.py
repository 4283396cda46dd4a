"""Answering one question: refusal checks, then the table route (a metric) or the retrieval route (prose).

    >>> answer_question("红寺堡区2020年收到多少政府信息公开申请？", store=store, retriever=retriever,
    ...                 conversation=None, settings=settings).text
    '根据《吴忠市红寺堡区人民政府2020年政府信息公开工作年度报告》表三，2020年新收政府信息公开申请8件（…）。'

Refusals (found=False, route "refuse") name what the store does hold; an absent report is never answered as 0.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from core.config import Settings
from core.protocols import ReportStore, Searcher
from core.types import Answer, Metric, Question, Source
from qa import compose as cp
from qa import lexicon as lx
from qa.arbiter import check_prose, names_the_metric
from qa.arith import arithmetic_answer
from qa.catalog import Catalog
from qa.contact_route import contact_answer
from qa.conversation import Conversation
from qa.dates import impossible_period
from qa.extract import retrieval_answer, store_texts
from qa.llm import maybe_rewrite
from qa.scope import with_scope
from qa.section_list import section_answer
from qa.table_query import MetricValue, ReportRef, broken_tables, find_reports, metric_values, row_values, unread_cells
from qa.trend import trend_answer
from qa.understand import understand
from qa.words import add_names

log = logging.getLogger(__name__)

_RANK_DEFAULT_COL = {"规章": "本年新制作数量", "规范性文件": "本年新制作数量", "行政事业性收费": "上一年项目数量",
                     "政府集中采购": "采购总金额"}


def answer_question(text: str, *, store: ReportStore, retriever: Searcher, conversation: Conversation | None,
                    settings: Settings) -> Answer:
    """Answer one question (table route, retrieval route or refusal); follow-ups use the conversation."""
    catalog = Catalog.for_store(store).with_names(user_aliases(settings.home))
    add_names(catalog.variants)
    context = conversation.last if conversation is not None else None
    question = with_scope(understand(text, catalog=catalog, context=context), agencies=catalog.agencies, context=context)
    log.info("question %r → %s", text, question)
    answer = route(question, store=store, retriever=retriever, catalog=catalog, settings=settings)
    if conversation is not None:
        conversation.remember(question, answer)
    return maybe_rewrite(answer, settings)


FIRST_REPORT_YEAR = 2008  # the 条例 took effect in 2008: no annual report covers an earlier year
# 99999年, 公元3000年, 1200年, 机关-2021年 (a minus sign, not a range 2019-2021年), 公元前50年, 公元200年 (an era
# word before a short number): never a report's year
_LONG_YEAR = re.compile(r"(?<![\d.])(?:\d{5,}|(?!19|20)[1-9]\d{3}|0\d{3})\s*年"
                        r"|(?<![\d\s.年度至到~～])[-－−]\s*(?:19|20)\d{2}\s*年"
                        r"|公元前\s*[\d０-９一二三四五六七八九十百千〇零]+\s*年|公元\s*\d{1,3}\s*年")


_ALIASES: dict[Any, tuple[float, dict[str, tuple[str, ...]]]] = {}


def user_aliases(home: Path) -> dict[str, tuple[str, ...]]:
    """The user's alias file (GOVQA_HOME/agencies.toml), read again only when it changed."""
    from index.agencies import alias_path, load_aliases

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


def refuse(question: Question | str, text: str, *, reason: str) -> Answer:
    """A refusal: found=False, route 'refuse', no value, and why (see Answer.reason)."""
    q = question.text if isinstance(question, Question) else question
    return Answer(question=q, text=text, found=False, route="refuse", reason=reason)


def impossible_years(q: Question) -> list[str]:
    """Years no report can cover: before 2008, after this year, or five digits and more."""
    this_year = date.today().year
    bad = [str(y) for y in q.years if not FIRST_REPORT_YEAR <= y <= this_year]
    return bad + [m.group().strip().rstrip("年 ") for m in _LONG_YEAR.finditer(q.text)]


def route(q: Question, *, store: ReportStore, retriever: Searcher, catalog: Catalog, settings: Settings) -> Answer:
    """Pick the refusal, table or retrieval answer for an understood question."""
    bad_years = impossible_years(q)
    if bad_years:
        return refuse(q, f"{'、'.join(bad_years)}年不是政府信息公开年度报告可能覆盖的年份"
                         f"（{FIRST_REPORT_YEAR}年至{date.today().year}年），请检查年份。", reason="invalid")
    bad_period = impossible_period(q.text)
    if bad_period:
        return refuse(q, f"“{bad_period}”不是一年中存在的时段，请检查问题。", reason="invalid")
    if not catalog.entries:
        return refuse(q, "知识库中还没有任何年度报告，请先导入报告后再提问。", reason="no-agency")
    if q.unknown_agencies:
        return refuse(q, f"知识库中没有“{'”“'.join(q.unknown_agencies)}”的年度报告，无法回答。"
                         f"已收录的机关有：{'、'.join(catalog.agencies)}。", reason="no-agency")
    if q.ambiguous_agencies:
        return refuse(q, "".join(f"“{name}”可能指{'、'.join(fits)}，" for name, fits in q.ambiguous_agencies)
                         + "请写明是哪一个机关。", reason="ambiguous")
    pairs, missing = resolve_scope(q, catalog)
    texts = store_texts(store)
    note = ""
    if not pairs and q.metric is None and lx.PLAN_WORDS.search(q.text):
        pairs = plan_pairs(missing, catalog)
        note = "".join(f"（{y + 1}年的工作计划载于{y}年的年度报告。）" for y in sorted({y for _, y in pairs}))
    if not pairs:
        return refuse(q, _missing_years_text(q, catalog, missing), reason="no-year")
    newest = _newest_only(q, pairs)  # one agency, no year: its newest report answers (and the answer says so)
    years = tuple(sorted({y for _, y in pairs})) if q.years or newest else ()
    if (computed := arithmetic_answer(q, store=store, pairs=pairs)) is not None:  # indicators, shares (qa/arith.py)
        return replace(computed, text=computed.text + _missing_note(missing, catalog)) if missing and computed.found else computed
    if (contact := contact_answer(q, store=store, catalog=catalog, pairs=pairs, report_text=texts)) is not None:
        return contact  # 电话 / 地址 / 邮箱 …: the details the report prints (qa/contact_route.py)
    if q.metric is None:
        return _prose_answer(q, store=store, retriever=retriever, catalog=catalog, settings=settings, pairs=pairs, years=years,
                             texts=texts, note=note)
    if (trend := trend_answer(q, store=store)) is not None:  # one agency's metric over the years (qa/trend.py)
        return trend
    period = lx.PERIOD_WORDS.search(q.text)
    if period:
        return refuse(q, f"年度报告的统计表只有全年数字，没有按“{period.group(0)}”分列的数据，无法回答。", reason="no-data")
    refs = [r for r in find_reports(store, agencies=sorted({a for a, _ in pairs}), years=sorted({y for _, y in pairs}))
            if (r.agency, r.year) in set(pairs)]
    if missing and q.intent == "compare" and len(refs) < 2:
        held = table_answer(replace(q, intent="value"), store=store, refs=refs)
        return replace(held, found=False, route="refuse", value=None, unit=None, reason="no-year",
                       text=_missing_years_text(q, catalog, missing) + "无法比较。" + held.text)
    answer = check_prose(q, table_answer(q, store=store, refs=refs), retriever=retriever, catalog=catalog,
                         settings=settings, years=years, report_text=texts)
    if not answer.found and answer.reason == "no-data" and retriever is not None and _tables_not_found(store, q, refs):
        # the report printed no such table (or the parser found none): its prose may still say it (未收到申请)
        quoted = retrieval_answer(q, retriever=retriever, catalog=catalog, settings=settings, agencies=q.agencies,
                                  years=years, report_text=texts)
        if quoted.found and names_the_metric(q, quoted, catalog=catalog):
            answer = replace(quoted, text=f"{quoted.text}（{answer.text}）")
    if missing and answer.found:
        answer = replace(answer, text=answer.text + _missing_note(missing, catalog))
    return answer


def _prose_answer(q: Question, *, store: ReportStore, retriever: Searcher, catalog: Catalog, settings: Settings, pairs: Sequence[tuple[str, int]],
                  years: Sequence[int], texts: Any, note: str) -> Answer:
    """The retrieval route; a question about one agency without a year reads its newest report first (and says so),
    the others only when that one holds no answer."""
    newest = _newest_only(q, pairs)
    listed = section_answer(q, pairs=pairs, refs=find_reports(store, agencies=sorted({a for a, _ in pairs})),
                            report_text=texts)
    if listed is not None:  # 存在哪些问题 / 改进措施 / 做了哪些工作: every item of that part (qa/section_list.py)
        if newest is not None and len(catalog.years_of(q.agencies[0])) > 1:
            listed = replace(listed, text=f"{listed.text}\n（问题未写年份，按该机关最新的{newest}年报告回答。）")
        return replace(listed, text=note + listed.text) if note else listed
    if newest is not None:
        quoted = retrieval_answer(q, retriever=retriever, catalog=catalog, settings=settings, agencies=q.agencies,
                                  years=(newest,), report_text=texts)
        if quoted.found and len(catalog.years_of(q.agencies[0])) > 1:
            return replace(quoted, text=f"{quoted.text}（问题未写年份，按该机关最新的{newest}年报告回答。）")
        if quoted.found:
            return quoted
    quoted = retrieval_answer(q, retriever=retriever, catalog=catalog, settings=settings,
                              agencies=q.agencies or q.scope,  # 在银川市…: the agencies of the place named
                              years=() if newest is not None else years, report_text=texts)
    if newest is not None and quoted.found and quoted.sources and quoted.sources[0].year != newest:
        return replace(quoted, text=f"{quoted.text}（该机关最新的{newest}年报告没有谈到这一点，以上摘自"
                                    f"{quoted.sources[0].year}年报告。）")
    return replace(quoted, text=note + quoted.text) if note and quoted.found else quoted


def _newest_only(q: Question, pairs: Sequence[tuple[str, int]]) -> int | None:
    """The year of the one agency's newest report when the question names that agency and no year (else None)."""
    if q.years or len(set(q.agencies)) != 1 or len(pairs) != 1:
        return None
    return pairs[0][1]


def _tables_not_found(store: ReportStore, q: Question, refs: Sequence[ReportRef]) -> bool:
    """Whether every asked report lacks the metric's whole table (not a cell left unread in a table it has)."""
    assert q.metric is not None
    unread = unread_cells(store, table=q.metric.table, report_ids=[r.id for r in refs])
    return bool(refs) and all(any(u.kind == "missing" and not u.row for u in unread.get(r.id, [])) for r in refs)


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


def _missing_years_text(q: Question, catalog: Catalog, missing: Sequence[tuple[str, int]]) -> str:
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


def _missing_note(missing: Sequence[tuple[str, int]], catalog: Catalog) -> str:
    names = "、".join(f"{catalog.short(a)}{y}年" for a, y in missing)
    return f"（知识库中没有{names}的年度报告，未计入。）"


# ---- the table route -----------------------------------------------------------------------------------------

def _sources(values: Sequence[MetricValue]) -> tuple[Source, ...]:
    return tuple(cp.cell_source(c) for v in values for c in v.cells)


def table_answer(q: Question, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer:
    """Answer a metric question from the cells of the given reports."""
    metric = q.metric
    assert metric is not None
    if q.intent == "breakdown" or metric.col is None and q.intent == "value":
        return _breakdown(q, store=store, refs=refs)
    if q.intent == "value" and metric.table == "申请" and metric.col == "总计" and len(refs) == 1:
        # one report's total: say who applied as well, 4447件（自然人4441件，商业企业6件…）, as staff expect
        [total] = metric_values(store, metric, reports=refs)
        if total.value is None:
            return refuse(q, cp.absent_reason(metric, total), reason="no-data")
        if metric.row not in lx.GROUP_ROWS:
            return _breakdown(q, store=store, refs=refs)
    if metric.col is None:
        metric = replace(metric, col=_RANK_DEFAULT_COL.get(metric.row) or lx.ROW_COLS.get(metric.row, ("总计",))[0])
    values = metric_values(store, metric, reports=refs)
    present = [v for v in values if v.value is not None]
    absent = [v for v in values if v.value is None]
    if not present:
        return refuse(q, "".join(cp.absent_reason(metric, v) for v in absent), reason="no-data")
    note = cp.note_broken([v.report for v in present], metric.table, broken_tables(store, [v.report.id for v in present]))
    reasons = "".join(cp.absent_reason(metric, v) for v in absent)
    if absent and q.intent == "compare" or any(v.unread for v in absent) and q.intent in ("sum", "average"):
        # a total or a difference with a part unknown is no number: give the parts that were read, and why not all
        word = {"sum": "合计", "average": "平均值", "compare": "比较结果"}[q.intent]
        return Answer(question=q.text, text=f"无法给出{word}：{reasons}已读出的数值：{cp.listing(metric, present)}。{note}",
                      found=False, route="refuse", reason="no-data", sources=_sources(present))
    if absent:
        note += f"（未计入：{reasons}）"
    caveat = ""
    unread = [v for v in absent if v.unread]
    if unread and q.intent == "ranking":
        caveat = f"（以下排序只含能读出数值的{len(present)}份报告，另有{len(unread)}份报告的这一项无法读出，见文末。）"
    compose = {"ranking": _ranking, "sum": _sum, "average": _average, "compare": _compare, "any": _any}.get(q.intent, _values)
    text, value = compose(q, metric, present)
    return Answer(question=q.text, text=caveat + text + note, found=True, route="table", value=value,
                  unit=cp.metric_unit(metric), sources=_sources(present))


def _table_head(metric: Metric, values: Sequence[MetricValue]) -> str:
    agencies = {v.report.agency for v in values}
    whose = values[0].report.short_name if len(agencies) == 1 else "各机关"
    return f"根据{whose}{cp.year_phrase(values)}年度报告{lx.TABLE_NAMES.get(metric.table, '')}，"


def _how_many(values: Sequence[MetricValue]) -> str:
    """3个机关的 / 3个年度的 (a sum over one agency's years)."""
    if len({v.report.agency for v in values}) == 1 and len(values) > 1:
        return f"{len(values)}个年度的"
    return f"{len(values)}个机关的"


def _values(q: Question, metric: Metric, values: Sequence[MetricValue]) -> tuple[str, float | None]:
    if len(values) == 1:
        return cp.value_sentence(metric, values[0]), values[0].value
    return f"{_table_head(metric, values)}{cp.metric_label(metric)}：{cp.listing(metric, values)}。", None


def _ranking(q: Question, metric: Metric, values: Sequence[MetricValue]) -> tuple[str, float | None]:
    ordered = sorted(values, key=lambda v: (v.value or 0.0), reverse=q.order != "asc")
    shown = ordered[: q.top_n] if q.top_n else ordered
    label = cp.metric_label(metric)
    if all(not v.value for v in ordered):
        return f"{_table_head(metric, values)}{len(values)}个机关的{label}均为0，没有高低之分：{cp.listing(metric, ordered)}。", 0.0
    best = shown[0]
    ties = [v for v in ordered if v.value == best.value]
    word = "最少" if q.order == "asc" else "最多"
    lead = "、".join(v.report.short_name for v in ties)
    text = (f"{_table_head(metric, values)}{label}{word}的是{lead}（{cp.value_text(metric, best)}）。"
            f"排序：{cp.listing(metric, shown, ordinal=True)}。")
    return text, best.value


def _sum(q: Question, metric: Metric, values: Sequence[MetricValue]) -> tuple[str, float | None]:
    total = round(sum(v.value or 0.0 for v in values), 6)
    unit = cp.metric_unit(metric)
    text = (f"{_table_head(metric, values)}{_how_many(values)}{cp.metric_label(metric)}合计"
            f"{cp.number_text(total, unit=unit)}：{cp.listing(metric, values)}。")
    return text, total


def _average(q: Question, metric: Metric, values: Sequence[MetricValue]) -> tuple[str, float | None]:
    total = sum(v.value or 0.0 for v in values)
    avg = round(total / len(values), 6)
    unit = cp.metric_unit(metric)
    text = (f"{_table_head(metric, values)}{_how_many(values)}{cp.metric_label(metric)}平均为"
            f"{cp.number_text(avg, unit=unit)}（合计{cp.number_text(total, unit=unit)}）：{cp.listing(metric, values)}。")
    return text, avg


def _compare(q: Question, metric: Metric, values: Sequence[MetricValue]) -> tuple[str, float | None]:
    if len(values) != 2:
        return _ranking(replace(q, top_n=None), metric, values)
    a, b = values
    label = cp.metric_label(metric)
    unit = cp.metric_unit(metric)
    base = f"{_table_head(metric, values)}{label}：{cp.listing(metric, values)}。"
    name_a, name_b = cp.who(a.report, values), cp.who(b.report, values)
    difference = bool(lx.DIFF_WORDS.search(q.text))
    if (a.value or 0) == (b.value or 0):
        return base + "两者相同。", 0.0 if difference else a.value
    hi, lo = (a, b) if (a.value or 0) > (b.value or 0) else (b, a)
    diff = round((hi.value or 0) - (lo.value or 0), 6)
    hi_name, lo_name = (name_a, name_b) if hi is a else (name_b, name_a)
    asked = lx.DIFF_WORDS.search(q.text)
    if asked and "少" in asked.group(0):  # 比2020年少了多少 → say it the way it was asked
        text = base + f"{lo_name}比{hi_name}少{cp.number_text(diff, unit=unit)}。"
    else:
        text = base + f"{hi_name}比{lo_name}多{cp.number_text(diff, unit=unit)}。"
    if difference:
        return text, diff
    # 谁更多 / 哪年更少: the answer is the higher (lower) of the two values
    return text, (lo if lx.LESS_WORDS.search(q.text) else hi).value


def _any(q: Question, metric: Metric, values: Sequence[MetricValue]) -> tuple[str, float | None]:
    label = cp.metric_label(metric)
    nonzero = [v for v in values if v.value]
    zero = [v.report.short_name for v in values if not v.value]
    if not nonzero:
        return f"{_table_head(metric, values)}{len(values)}个机关的{label}均为0。", None
    text = f"{_table_head(metric, values)}{len(values)}个机关中有{len(nonzero)}个的{label}不为0：{cp.listing(metric, nonzero)}。"
    if zero:
        text += f"其余机关（{'、'.join(zero)}）为0。"
    return text, None


def _breakdown(q: Question, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer:
    metric = q.metric
    assert metric is not None
    cells = row_values(store, metric, reports=refs)
    if metric.table == "主动公开":
        allowed = set(lx.ROW_COLS.get(metric.row, ())) | {alt for c in lx.ROW_COLS.get(metric.row, ()) for alt in lx.EQUIVALENT.get(c, ())}
        cells = {k: [c for c in v if not allowed or c.col in allowed] for k, v in cells.items()}
    filled = [r for r in refs if cells.get(r.id)]
    if not filled:
        col = metric.col or ("总计" if metric.table == "申请" else lx.ROW_COLS.get(metric.row, ("总计",))[0])
        absent = metric_values(store, replace(metric, col=col), reports=refs)
        return refuse(q, "".join(cp.absent_reason(replace(metric, col=col), v) for v in absent), reason="no-data")
    text = "".join(cp.breakdown_sentence(metric, r, cells[r.id]) for r in filled)
    text += cp.note_broken(filled, metric.table, broken_tables(store, [r.id for r in filled]))
    sources = tuple(cp.cell_source(c) for r in filled for c in cells[r.id])
    total = next((c.value for r in filled[:1] for c in cells[r.id] if c.col == "总计" and c.row == metric.row), None)
    if total is None and len(filled) == 1 and len(cells[filled[0].id]) == 1:  # a row of one cell: its value
        total = cells[filled[0].id][0].value
        metric = replace(metric, col=cells[filled[0].id][0].col)
    unit = cp.metric_unit(metric if metric.col and metric.col != "总计" else replace(metric, col="总计"))
    return Answer(question=q.text, text=text, found=True, route="table", value=total if len(filled) == 1 else None,
                  unit=unit if total is not None else None, sources=sources)
