"""Several figures, each added up over the same listed agencies or years (两家合计有多少件申请予以公开？又合计有多少件
无法提供？ / 两年合计，不予公开的有几件，无法提供的有几件): each clause's figure summed by the table route's sum over the
same reports, the answers joined in the question's order.

    >>> pooled_sums_answer(understand("2020年甲局和乙局两家，合计有多少件予以公开？又合计多少件无法提供？", catalog=c),
    ...                    store=store, pairs=pairs).text
    '根据各机关2020年年度报告表三，2个机关的办理结果为“予以公开”的申请合计19件：…根据各机关…“无法提供”…合计…'

A group row (无法提供 = Σ 三.四.*) is read with its parts (qa/table_query.py), every cell cited; a report whose figure is
absent is said as the table route says it (never counted as 0).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.arith_columns import said_columns
from govqa.qa.arith_words import EACH, GROWTH_WORDS, SHARE_WORDS, TIMES_WORDS, asks_change
from govqa.qa.figures import Term, asks_sum, described_group, joined_answers, shared_metrics, with_col
from govqa.qa.indicators import find_indicators
from govqa.qa.pooled import POOL_WORDS
from govqa.qa.table_query import reports_of

_CLAUSE = re.compile(r"[？?；;。！!，,]")
_COUNT = re.compile(r"多少|几|呢\s*$")  # a clause asking a figure: 有几件, 合计多少个, 本年增减呢


_AFTER_NAMES = re.compile(r"[的家年]")  # 甲和乙两家的予以公开和无法提供: the rows listed after the agencies joined


def _listed_rows(clause: str) -> list[Metric] | None:
    """The rows a clause lists (予以公开和无法提供), read after the agencies or years it may join first."""
    for start in [0, *(m.end() for m in _AFTER_NAMES.finditer(clause))]:
        if (rows := shared_metrics(clause[start:])) is not None:
            return rows
    return None


def asked_sums(q: Question) -> list[Metric | Term] | None:
    """The figures a question asks, each added up over several listed agencies or years (two or more clauses, each
    naming its own figure and asking how many), or None (pure and cheap, read by arith.recognise)."""
    from govqa.qa.understand import find_metric

    text = q.text
    several = len(set(q.agencies)) >= 2 or len(set(q.years)) >= 2
    if not several or not (asks_sum(text) or POOL_WORDS.search(text)) or find_indicators(text) \
            or SHARE_WORDS.search(text) or GROWTH_WORDS.search(text) or TIMES_WORDS.search(text) or asks_change(text):
        return None
    metrics: list[Metric | Term] = []
    for clause in _CLAUSE.split(text):
        if not _COUNT.search(clause):
            continue
        if (group := described_group(clause, find_metric(clause))) is not None and len(group.metrics) > 1:
            if group not in metrics:  # 最后公开（含部分公开）的一共几件: the group's rows added in each report
                metrics.append(group)
            continue
        listed = _listed_rows(clause) if EACH.search(clause) else None  # 予以公开和无法提供各合计多少件: each row
        for metric in listed or [m for m in [find_metric(clause) or _column_of(q, clause)] if m is not None]:
            if (metric := with_col(metric)) not in metrics:
                metrics.append(metric)
    return metrics if len(metrics) >= 2 else None


def _column_of(q: Question, clause: str) -> Metric | None:
    """A clause naming only a column (本年增减合计又是多少) asks that column of the question's 表二 row, else None."""
    if q.metric is None or q.metric.table != "主动公开":
        return None
    cols = list(dict.fromkeys(c for _, _, c in said_columns(clause, lx.ROW_COLS.get(q.metric.row, ()))))
    return replace(q.metric, col=cols[0]) if len(cols) == 1 else None


def pooled_sums_answer(q: Question, *, store: ReportStore, pairs: Sequence[tuple[str, int]]) -> Answer | None:
    """Each asked figure summed over the planned reports, joined; None when q asks fewer than two such figures or the
    reports are fewer than two."""
    from govqa.qa.arith_changes import summed_value
    from govqa.qa.compose import table_reply
    from govqa.qa.table_route import fetch_table

    metrics = asked_sums(q)
    refs = reports_of(store, pairs)
    if metrics is None or len(refs) < 2:
        return None
    answers = []
    for metric in metrics:
        if isinstance(metric, Term):
            values = [summed_value(store, metric.metrics, r) for r in refs]
            absent = [v for v in values if v.value is None]
            answers.append(cp.group_sum(q, metric.label, metric.metrics[0], values) if not absent else Answer(
                q.text, "".join(cp.absent_reason(metric.metrics[0], v) for v in absent), False, "refuse",
                reason="no-data"))  # a part not read is no total (never counted as 0)
            continue
        each = replace(q, metric=metric, intent="sum")
        answers.append(table_reply(each, fetch_table(each, store=store, refs=refs)))
    return joined_answers(q, answers)
