"""Table or prose? For a question the lexicon maps to a table cell, check that the cell really is what it asks.

    >>> fit = table_fit("掌政镇接到多少条微博投诉事件？", Metric("申请", "一", "总计"), drop=["掌政镇"])
    >>> fit.share, fit.residual
    (0.2, ('微博', '投诉', '事件'))

The lexicon is eager: 接到 names the 申请 row, 群众 the 自然人 column. ``table_fit`` measures how much of the
question the matched row and column explain; ``prose_cue`` finds wording that points at facts the tables never
hold (多少条, 微博, 培训, 回复率 …). When either says the table may be the wrong source (``plan_prose_check``), the
router also fetches a quote (``fetch_quote``), and ``choose`` picks the quote only when it matches the question
better than the cell does (``prefer_quote``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from govqa.core.protocols import Searcher
from govqa.core.types import Answer, Metric, Question, Source
from govqa.index.numbers import format_number
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.catalog import Catalog
from govqa.qa.extract import Quote, find_quote, name_words, question_weights
from govqa.qa.phrasing import plain
from govqa.qa.quote_choice import MIN_COVERAGE, holds_count, quote_answer
from govqa.qa.shortnames import abbreviation_score, region_forms

log = logging.getLogger(__name__)

# words a table question uses that no row label spells out
_TABLE_GENERIC = frozenset({"案件", "数量", "申请", "申请人", "情况", "结果", "政府信息", "提交", "提出", "数", "量",
                            "作出", "做出", "作出了", "做出了",  # 作出…决定: how 处理决定数量 is said
                            "公开", "信息公开"})  # 为信息公开的事申请复议: what every table counts for
# words that join a question's parts and say nothing about what it asks (因为…而, 一共, 总共)
# (办结总数是多少: 总数 is the total the row already is; 有没有人为…的事申请: jieba's 人为 and 的事 join, they ask nothing)
_FILLER = frozenset({"因为", "由于", "因", "一共", "总共", "共", "总计", "合计", "而", "总数", "总量", "人为", "事", "的事", "有人", "没人"})
_COUNT_WORD = re.compile(r"(?:多少|几)\w?|[件起次条篇项个名位]")
_INTENT_WORDS = (lx.RANK_DESC, lx.RANK_ASC, lx.SUM_WORDS, lx.AVG_WORDS, lx.COMPARE_WORDS, lx.ANY_WORDS,
                 lx.BREAKDOWN_WORDS, lx.ALL_SCOPE)
ASKS_HOW = re.compile(r"怎么|怎样|如何|为什么|为何|原因|理由")  # no cell says how or why, even in a follow-up
MIN_CUE_COVERAGE = 0.25  # with a prose cue, a quote this good that holds every table word still wins


@dataclass(frozen=True)
class TableFit:
    """How much of a question one table metric explains (weighted share) and the content words it leaves over."""

    share: float
    explained: tuple[str, ...]
    residual: tuple[str, ...]


def _metric_words(text: str, metric: Metric) -> list[str]:
    """The lexicon words of the metric's table found in the text, and the printed labels of its row and column."""
    words = [w for t in lx.ROW_TERMS if t.table == metric.table for w in t.words if w in text]
    words += [w for w, _ in lx.COL_TERMS.get(metric.table, ()) if w in text]
    words.append(lx.ROW_LABELS.get(metric.table, {}).get(metric.row, metric.row))
    words.append(lx.ROW_SHORT.get(metric.row, ""))
    if metric.col:
        words += [metric.col, lx.COL_LABELS.get(metric.col, ""), lx.COMPOSITE_LABELS.get(metric.col, "")]
    return [w for w in words if w]


def names_agency(word: str, agencies: Sequence[str]) -> bool:
    """Whether a question word only locates one of the asked agencies: part of its name, its region, a short form."""
    return any(word in a or word in region_forms(a) or abbreviation_score(word, a) > 0 for a in agencies)


def table_fit(text: str, metric: Metric, *, drop: Sequence[str], agencies: Sequence[str] = ()) -> TableFit:
    """The share of the question's content words (weighted as for quotes) that the metric's words explain.

    Words that name the asked agencies (平潭, 交建局, 工信厅) and joining words (因为, 一共) are not asked about.
    """
    weights = {w: v for w, v in question_weights(text, drop=drop).items()
               if len(w) >= 2 and not _COUNT_WORD.fullmatch(w) and not any(p.fullmatch(w) for p in _INTENT_WORDS)
               and w not in _FILLER and not names_agency(w, agencies)}
    if not weights:
        return TableFit(1.0, (), ())
    known = _metric_words(text, metric)
    explained = [w for w in weights if w in _TABLE_GENERIC or any(w in k or k in w for k in known)]
    share = sum(weights[w] for w in explained) / sum(weights.values())
    return TableFit(share, tuple(explained), tuple(w for w in weights if w not in explained))


def prose_cue(text: str) -> str | None:
    """Wording that points at a prose fact (多少条, 微博, 回复率 …), or None."""
    m = lx.PROSE_CUES.search(text) or lx.PUBLISHED_CUES.search(text)
    return m.group(0) if m else None


def needs_quote_check(q: Question, fit: TableFit, cue: str | None) -> bool:
    """Whether a single-value table question should be checked against the prose."""
    if q.metric is None or q.intent not in ("value", "breakdown"):
        return False
    if q.followup and cue is None and not ASKS_HOW.search(q.text):  # "那掌政镇呢？" keeps the table
        return False
    return cue is not None or bool(fit.residual)


def _cue_met(cue: str, quote: Quote) -> bool:
    unit = cue.lstrip("多少几")
    if unit != cue and unit:  # 多少条: the quote must count in 条
        return re.search(r"\d\s*(?:万余|余万|余|万)?\s*" + re.escape(unit), quote.text) is not None
    if lx.PUBLISHED_CUES.fullmatch(cue):  # 都公开了吗: the passage must say they were published
        return re.search(r"公开|公示|公布|挂网|上网", quote.text) is not None
    if cue.endswith("率") or cue in ("率是", "率为", "百分之", "%"):
        return "%" in quote.text or "％" in quote.text
    return cue in quote.text


def prefer_quote(fit: TableFit, quote: Quote | None, cue: str | None) -> bool:
    """True when the quote answers the question better than the table cell does."""
    if quote is None:
        return False
    text = quote.text + " " + quote.passages[0].context
    residual_found = any(w in text for w in fit.residual)
    if quote.coverage >= MIN_COVERAGE and quote.coverage > fit.share + 1e-9 and (not fit.residual or residual_found):
        return True
    holds_table_words = all(w in text for w in fit.explained if w not in _TABLE_GENERIC)
    if cue is not None and fit.explained and lx.PUBLISHED_CUES.fullmatch(cue):
        # 都公开了吗: no cell says so, and the words are the row's, not the question's (这些都公示了吗 after a
        # question on 行政处罚), so no coverage measure: the passage must name the row and say it was published
        return holds_table_words and _cue_met(cue, quote)
    if cue is None or quote.coverage < MIN_CUE_COVERAGE:
        return False
    if lx.MANNER_CUES.search(cue):  # 通过什么方式: no cell says how, a passage that names the same fact does
        return holds_table_words
    return _cue_met(cue, quote) and holds_table_words and quote.coverage >= fit.share - 1e-9


@dataclass(frozen=True)
class ProseCheck:
    """Why a table question is also looked up in the prose: the metric's fit and the prose cue found."""

    fit: TableFit
    cue: str | None


def plan_prose_check(q: Question, *, catalog: Catalog) -> ProseCheck | None:
    """Whether a table question should be checked against a quote (from its wording alone), and why."""
    assert q.metric is not None
    fit = table_fit(q.text, q.metric, drop=name_words(catalog), agencies=q.agencies)
    cue = prose_cue(q.text)
    if cue is not None and lx.PUBLISHED_CUES.fullmatch(cue) and q.metric.table != "主动公开":
        cue = None  # 这些申请都公开了吗: 表三 counts what was 予以公开
    if cue is not None and lx.PUBLISHED_CUES.fullmatch(cue) and not fit.explained:
        fit = replace(fit, explained=(q.metric.row,))  # the row was named before (这些都公示了吗): its label stands in
    return ProseCheck(fit, cue) if needs_quote_check(q, fit, cue) else None


def fetch_quote(q: Question, *, retriever: Searcher, catalog: Catalog, k: int, agencies: Sequence[str],
                years: Sequence[int], report_text: Callable[[str], str]) -> Quote | None:
    """The best quote for a table question being checked against the prose (None when nothing was retrieved)."""
    return find_quote(q, retriever=retriever, catalog=catalog, k=k, agencies=agencies, years=years,
                      report_text=report_text)


def counted(q: Question, quote: Quote | None) -> Quote | None:
    """The quote, unless q asks how many and the quote counts nothing."""
    if quote is not None and lx.QUESTION_HOW_MANY.search(q.text) and not holds_count(quote.text):
        return None  # 处罚决定作出之日起7个工作日内: the passage names the metric but counts nothing
    return quote


def choose(q: Question, table: Answer, quote: Quote | None, check: ProseCheck, *, catalog: Catalog) -> Answer:
    """The table answer, the quote, or the table answer backed by the quote (no reading: a pure choice)."""
    quote = counted(q, quote)
    if prefer_quote(check.fit, quote, check.cue):
        assert quote is not None
        quoted = quote_answer(q, quote, catalog=catalog)
        if table.found and table.value is not None and (quoted.value == table.value or states_cell(quote, check.fit, table.value)):
            return beside(table, quoted)  # the passage states the cell's number: the cell answers, the passage backs it
        log.info("%r: quote (coverage %.2f) preferred to table %s (fit %.2f, cue %s, left %s)",
                 q.text, quote.coverage, q.metric, check.fit.share, check.cue, check.fit.residual)
        return quoted
    return table


def states_cell(quote: Quote, fit: TableFit, value: float) -> bool:
    """Whether one sentence of the quote names the metric (收到…申请) and states the cell's value with a unit: the
    quote's other numbers (主动公开信息179条 before 收到申请1件, for 收到多少条申请) are about something else."""
    words = [w for w in fit.explained if w not in _TABLE_GENERIC]
    number = re.compile(rf"(?<![\d.]){re.escape(format_number(value))}\s*(?:件|个|起|条|项|宗|次)")
    return bool(words) and any(all(w in p.text for w in words) and number.search(p.text) for p in quote.passages)


def beside(table: Answer, quoted: Answer) -> Answer:
    """The table answer with a passage that states the same number quoted after it (both as sources)."""
    return replace(table, text=cp.with_prose(table.text, quoted.text), sources=table.sources + quoted.sources)


def names_the_metric(q: Question, quoted: Answer, *, catalog: Catalog) -> bool:
    """Whether a quote holds every word of the question that names the metric's row and column (行政复议, 收到)."""
    assert q.metric is not None
    fit = table_fit(q.text, q.metric, drop=name_words(catalog), agencies=q.agencies)
    said = "".join(s.text for s in quoted.sources)
    return all(w in said for w in fit.explained if w not in _TABLE_GENERIC)


def quotes_prose(answer: Answer) -> bool:
    """Whether an answer already quotes a report's prose: one of its sources is a passage, not a cell."""
    return any(s.table is None for s in answer.sources)


def metric_words(q: Question, *, drop: Sequence[str]) -> list[str]:
    """The question's words that name its metric's row and column, as plain text (行政复议, 收到); the generic words
    every table question uses (申请, 数量, 情况) left out. Empty when the question names no table metric."""
    if q.metric is None:
        return []
    fit = table_fit(q.text, q.metric, drop=drop, agencies=q.agencies)
    return [plain(w) for w in fit.explained if w not in _TABLE_GENERIC]


_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_NEAR = 30  # the metric's words stand at most this many characters before the figure they count


def backed_by_prose(q: Question, table: Answer, *, catalog: Catalog, report_text: Callable[[str], str]) -> Answer:
    """The table answer with the report's own sentence stating the same figure for the asked metric (办理依申请公开18件)
    quoted beside it as a second source; unchanged when the prose says no such thing. No search: one report's text."""
    if q.metric is None or q.intent != "value" or not table.found or not table.value or table.value < 0 \
            or quotes_prose(table):
        return table
    reports = {(s.report, s.agency, s.year) for s in table.sources}
    if len(reports) != 1:
        return table
    ((rid, agency, year),) = reports
    words = metric_words(q, drop=name_words(catalog))
    if not words:
        return table
    if q.metric.table == "申请":  # 收到群众来信8件 counts letters: a sentence on applications says 申请
        words.append("申请")
    number = re.compile(rf"(?<![\d.]){re.escape(format_number(table.value))}\s*(?:件|个|起|条|项|宗|次)")
    text = report_text(rid)
    for m in _SENTENCE.finditer(text):
        for n in number.finditer(m.group()):
            before = plain(m.group()[max(0, n.start() - _NEAR):n.start()])
            if all(w in before for w in words):
                start = m.start() + len(m.group()) - len(m.group().lstrip())
                end = m.start() + n.end()
                said = text[start:end]
                source = Source(report=rid, agency=agency, year=year, text=said, start=start, end=end)
                return beside(table, Answer(q.text, cp.quoted(agency, year, None, said), True, "retrieval",
                                            value=table.value, unit=table.unit, sources=(source,)))
    return table


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
SHARE_TOLERANCE = 0.05  # percentage points: 37.5% computed is the 37.50% the prose states


def share_backed_by_prose(computed: Answer, *, report_text: Callable[[str], str]) -> Answer:
    """A share computed from one report's cells with the report's own sentence stating it (同意公开3件，占比37.5%)
    quoted beside it: the sentence gives the same percentage within _NEAR characters after a word of the
    numerator's row. Unchanged when the prose states no such share."""
    if not computed.found or computed.unit != "%" or computed.value is None or quotes_prose(computed):
        return computed
    cells = [s for s in computed.sources if s.table is not None]
    if len({s.report for s in cells}) != 1 or len(cells) < 2:
        return computed
    denominator = cells[-1]
    words = {w for s in cells[:-1] if (s.table, s.row) != (denominator.table, denominator.row)
             for t in lx.ROW_TERMS if t.table == s.table and s.row and (s.row == t.row or s.row.startswith(f"{t.row}."))
             for w in t.words}  # 无法提供 names 三.四 whose sub-rows 三.四.1… were added up
    if not words:
        return computed
    first = cells[0]
    text = report_text(first.report)
    for m in _SENTENCE.finditer(text):
        for p in _PERCENT.finditer(m.group()):
            if abs(float(p.group(1)) - computed.value) > SHARE_TOLERANCE:
                continue
            before = m.group()[max(0, p.start() - _NEAR):p.start()]
            if any(w in before for w in words):
                start = m.start() + len(m.group()) - len(m.group().lstrip())
                end = m.start() + p.end()
                said = text[start:end]
                source = Source(report=first.report, agency=first.agency, year=first.year, text=said, start=start,
                                end=end)
                return beside(computed, Answer(computed.question, cp.quoted(first.agency, first.year, None, said),
                                               True, "retrieval", value=computed.value, unit="%", sources=(source,)))
    return computed
