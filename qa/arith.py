"""Questions that need arithmetic over cells: indicators (公开率 …), shares (占多大比例), two figures at once
(收到多少申请？其中予以公开的有多少？) and changes from the year before (比上一年多了多少, 增长了百分之几).

Each answer shows its arithmetic (``Answer.formula``) and cites every cell it used; a denominator of 0 is said, never
divided by (found false, reason no-data). Several figures of one report (listed, summed, subtracted) are qa/figures.py;
differences and sums between agencies stay with the table route (qa/table_route.py; sentences qa/compose/table.py ``_compare``, ``_sum``).
This module reads the wording and sends each kind on: shares qa/arith_shares.py, indicator answers (gaps, rankings,
multiples) qa/arith_rates.py, changes between years and per-period figures qa/arith_changes.py, the words qa/arith_words.py;
a row's share within rows the question lists qa/arith_within.py; figures pooled over agencies qa/pooled.py, and the
change of such a pool between two years qa/pooled_change.py; several figures each summed over the same agencies or
years qa/pooled_sums.py; each listed year's or agency's share of their sum qa/pooled_shares.py; columns added for
each listed 表二 row qa/arith_columns.py.

    >>> arithmetic_answer(understand("红寺堡区2020年的公开率是多少？", catalog=c), store=store, pairs=pairs).formula
    '公开率 = (予以公开 8 + 部分公开 0) / 办理结果总计 11 = 72.7%'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question
from govqa.qa import compose as cp
from govqa.qa.arith_changes import change_answer, per_period_answer, per_period_each, pooled_per_period
from govqa.qa.arith_columns import each_row_sum_answer
from govqa.qa.arith_pairs import asks_pair, missing_pair, paired_refs, two_counts
from govqa.qa.arith_rates import indicator_answer, printed_rate, prints_change, rate_answer, series_refs, times_answer
from govqa.qa.arith_shares import (
    asked_shares,
    column_share,
    counted_group,
    described_share,
    group_count_answer,
    listed_rows,
    named_row_first,
    share_of_sum,
)
from govqa.qa.arith_within import listed_group_share
from govqa.qa.arith_words import (
    EACH,
    GROWTH_WORDS,
    ITEM_COUNT,
    PER_PERIOD,
    POINTS,
    PREVIOUS_YEAR,
    SHARE_WORDS,
    SPAN,
    THAN_YEAR,
    TIMES_WORDS,
    asks_change,
)
from govqa.qa.column_ratio import column_gap, column_gap_answer, column_ratio, column_ratios
from govqa.qa.figures import (
    Term,
    asked_terms,
    asks_sum,
    described_group,
    figures_answer,
    glossed_metrics,
    joined_answers,
    label,
    shared_metrics,
    terms_answer,
    with_col,
)
from govqa.qa.indicators import (
    find_indicators,
)
from govqa.qa.table_query import ReportRef, reports_of


def recognise(q: Question) -> bool:
    """Whether q's wording may ask for arithmetic (an indicator, a share, a change, several figures, a ratio): pure
    and cheap, read by the plan; arithmetic_answer is None whenever this is False (the cells decide the rest)."""
    return _asks_arithmetic(q, q.text) or bool(q.followup and q.query and _asks_arithmetic(q, q.query))


def _asks_arithmetic(q: Question, text: str) -> bool:
    """The wording tests of _arithmetic, in its order, without reading a cell."""
    from govqa.qa import agency_sum_gap, per_item, pooled, pooled_change, pooled_sums  # pooled: qa/pooled.py
    from govqa.qa.arith_columns import each_row_sum

    said = replace(q, text=text)
    if agency_sum_gap.recognise(said) or per_item.recognise(said) or find_indicators(text) or pooled.recognise(said) \
            or pooled_sums.asked_sums(said) or each_row_sum(said) is not None \
            or pooled_change.recognise(replace(q, text=text)) or (q.metric is not None and asks_pair(q, text)) \
            or column_ratio(said) is not None or column_gap(said) is not None:
        return True
    return q.metric is not None and bool(GROWTH_WORDS.search(text) or asks_change(text) or SHARE_WORDS.search(text)
                                         or TIMES_WORDS.search(text) or PER_PERIOD.search(text)
                                         or asked_terms(replace(q, text=text)) is not None
                                         or counted_group(replace(q, text=text), metric=q.metric) is not None)


def arithmetic_answer(q: Question, *, store: ReportStore, pairs: Sequence[tuple[str, int]]) -> Answer | None:
    """The answer to an arithmetic question, or None when q is not one (the ordinary route then answers).

    A follow-up that names no figure of its own (掌政镇呢？, 2019年呢？) does the earlier question's arithmetic again.
    """
    from govqa.qa.understand import find_metric

    if q.followup and q.query and not find_indicators(q.text) and find_metric(q.text) is None:
        before = q.query.removesuffix(q.text).strip()
        if _arithmetic(replace(q, text=before), store=store, pairs=pairs) is None:
            return None  # 那本年增减了多少 after a plain value: a column of the same row, no arithmetic to do again
        again = _arithmetic(replace(q, text=q.query), store=store, pairs=pairs)
        return replace(again, question=q.text) if again is not None else None
    return _arithmetic(q, store=store, pairs=pairs)


def _arithmetic(q: Question, *, store: ReportStore, pairs: Sequence[tuple[str, int]]) -> Answer | None:
    from govqa.qa.agency_sum_gap import sum_gap_answer
    from govqa.qa.per_item import per_item_answer
    from govqa.qa.pooled import pooled_answer
    from govqa.qa.pooled_change import pooled_change_answer
    from govqa.qa.pooled_shares import report_shares
    from govqa.qa.pooled_sums import pooled_sums_answer

    if (per := PER_PERIOD.search(q.text)) is not None and not find_indicators(q.text):
        if (pooled_monthly := pooled_per_period(q, per, store=store, refs=reports_of(store, pairs))) is not None:
            return pooled_monthly  # 两家合计平均每月多少: the reports' counts added, then divided
        if (monthly := per_period_each(q, per, store=store, refs=reports_of(store, pairs))) is not None:
            return monthly  # 平均每月各作出多少个行政处罚决定: each year's (each row's) own count / 12
    if (own := report_shares(q, store=store, refs=reports_of(store, pairs))) is not None:
        return own  # 2021年和2023年的行政许可决定加起来，两年各占百分之几: each year's share of their sum
    if (gap := sum_gap_answer(q, store=store)) is not None:  # 甲局和乙局合计比丙局多多少件 / 多百分之几 / 是几倍
        return gap
    if (change := pooled_change_answer(q, store=store)) is not None:  # 各部门合计比2021年增长了百分之几
        return change
    if (pooled := pooled_answer(q, store=store, pairs=pairs)) is not None:  # 各部门中交建局占几成, 合在一起的公开率
        return pooled
    if (sums := pooled_sums_answer(q, store=store, pairs=pairs)) is not None:  # 两家合计多少件予以公开？又合计多少件无法提供？
        return sums
    refs = reports_of(store, pairs)
    if (per_item := per_item_answer(q, store=store, refs=refs)) is not None:  # 平均每项许可事项作出几个决定
        return per_item
    if (rows := each_row_sum_answer(q, store=store, refs=refs)) is not None:  # 处罚和强制按上一年加本年增减，各多少
        return rows
    if (paired := paired_refs(q, store=store)) is not None and asks_pair(q, q.text):  # 甲局2023年比乙局2021年多多少
        refs, absent = paired
        if absent:
            return missing_pair(q, absent)
        if q.metric is not None and not find_indicators(q.text):
            if TIMES_WORDS.search(q.text) and not GROWTH_WORDS.search(q.text):  # 甲2023年是乙2021年的几倍
                return times_answer(q, with_col(q.metric), store=store, refs=refs)
            return two_counts(q, with_col(q.metric), store=store, refs=refs)
    if len(q.agencies) == 2 and q.metric is not None and len(refs) == 2 and len({r.agency for r in refs}) == 2 \
            and GROWTH_WORDS.search(q.text) and not find_indicators(q.text) and not TIMES_WORDS.search(q.text):
        ordered = sorted(refs, key=lambda r: q.agencies.index(r.agency))  # 甲局比乙局多出百分之几: (甲 − 乙) / 乙
        return two_counts(q, with_col(q.metric), store=store, refs=ordered)
    if (each := _each_sentence(q, store=store, pairs=pairs)) is not None:
        return each  # 自然人占几成？部分公开的占比又是多少？: one share or indicator per sentence, all answered
    if SHARE_WORDS.search(q.text) and not EACH.search(q.text) and (within := listed_group_share(q.text)) is not None:
        return indicator_answer(q, [within], store=store, refs=refs)  # （不予公开、无法提供、不予处理）里无法提供的占比
    if (column := column_share(q)) is not None:  # 规范性文件对外公开总数里本年新公开的占几成: two columns of one row
        return indicator_answer(q, [column], store=store, refs=refs)
    if ratios := column_ratios(q):  # 处理决定数量占到上一年项目数量的几成: two columns of one row (of each listed)
        return indicator_answer(q, ratios, store=store, refs=refs)
    if (gap := column_gap_answer(q, store=store, refs=refs)) is not None:  # 处理决定数量比上一年项目数量多多少
        return gap
    if SHARE_WORDS.search(q.text) and len(find_indicators(q.text)) < 2 \
            and (described := described_share(q.text)) is not None:
        return indicator_answer(q, [described], store=store, refs=refs)  # 公开了的申请里，部分公开的占多少
    found = named_row_first(q, find_indicators(q.text))
    if len(found) == 1 and SHARE_WORDS.search(q.text) and not EACH.search(q.text) \
            and (summed := share_of_sum(q.text)) is not None and set(found[0].numerator) != set(summed.numerator) \
            and (set(found[0].numerator) < set(summed.numerator) or glossed_metrics(q.text) is not None):
        found = [summed]  # 不予公开或者无法提供的申请占多少 / 没拿到信息（不予公开或无法提供）: the rows said, added
    if found:
        if (series := series_refs(q, store=store)) is not None:  # 近几年的公开率: each year of the span
            held, lacking = series
            answer = indicator_answer(q, found, store=store, refs=held)
            if answer is not None and answer.found and lacking and not q.years:  # years asked: qa/answer.py says them
                answer = replace(answer, text=answer.text + cp.pool_lacking([f"{y}年" for y in lacking]))
            return answer
        return indicator_answer(q, found, store=store, refs=refs)
    if q.metric is None:
        return None
    if SHARE_WORDS.search(q.text) and (POINTS.search(q.text) or asks_change(q.text) and not GROWTH_WORDS.search(q.text)) \
            and len(shares := asked_shares(q)) == 1:  # 无法提供的占比比2022年上升了几个百分点: the share's change, not the count's
        return indicator_answer(q, shares, store=store, refs=refs)
    printed_change = prints_change(q.metric, store=store, refs=refs)  # 比上一年: the 2019 template's 本年增/减
    between = PREVIOUS_YEAR.search(q.text) is None  # two years named (2023年较2021年): 本年增/减 is no answer
    if not printed_change and refs and q.metric.col == "本年增/减" and len(set(q.years)) <= 1 \
            and (asks_change(q.text) or GROWTH_WORDS.search(q.text)) and ITEM_COUNT.search(q.text):
        return None  # 事项比上一年增减了多少项: a change of items the asked year's template does not print (the table route)
    if GROWTH_WORDS.search(q.text) and (rate := printed_rate(q.metric)) is not None:
        latest = [r for r in refs if r.year == max(q.years or [0])]  # 2020年比2019年增长了百分之几: 2020's own cells
        year_before = len(set(q.years)) == 2 and max(q.years) - min(q.years) == 1 and not SPAN.search(q.text)
        if year_before and latest and prints_change(q.metric, store=store, refs=latest):
            return rate_answer(q, rate, store=store, refs=latest)
        if printed_change and len(q.years) < 2 and not THAN_YEAR.search(q.text) and not SPAN.search(q.text):
            return rate_answer(q, rate, store=store, refs=refs)  # the 2019 template prints both terms
    if GROWTH_WORDS.search(q.text) or (asks_change(q.text) and (between or not printed_change)):
        if (each := _each_change(q, store=store)) is not None:  # 行政处罚、行政强制比2022年各增减了多少: each row's
            return each
        return change_answer(q, store=store)
    if asks_change(q.text) and printed_change:  # 跟上一年比增减了多少: the printed 本年增/减 (the table route)
        return _printed_changes(q, store=store, refs=refs)  # 行政处罚、行政强制比上一年各增减了多少: each row's
    if (per := PER_PERIOD.search(q.text)) is not None and len(q.years) <= 1:  # 平均每月收到多少申请: the year's / 12
        said_group = described_group(q.text, with_col(q.metric)) if q.metric.table == "申请" else None  # 公开（含部分公开）的
        return per_period_answer(q, said_group.metrics[0] if said_group else with_col(q.metric), per, store=store,
                                 refs=refs, summed=said_group)
    if (several := figures_answer(q, store=store, refs=refs)) is not None:  # 多少…其中…多少, 和…一共, 比…多多少
        return several
    if refs and not SHARE_WORDS.search(q.text) and (group := counted_group(q)) is not None:
        unheld: list[int] = []
        if (asks_sum(q.text) or _CUMULATIVE.search(q.text)) and (series := series_refs(q, store=store)) is not None:
            refs, unheld = series  # 这几年公开的申请一共多少件: every year of the agency's reports
        counted = group_count_answer(q, *group, store=store, refs=refs)  # 没公开的申请有多少件: the group's rows added
        if unheld and counted.found and not q.years:  # years asked: qa/answer.py says them
            counted = replace(counted, text=counted.text + cp.pool_lacking([f"{y}年" for y in unheld]))
        return counted
    if len(refs) > 1 and (listed := listed_rows(q)) is not None:  # 两年（不予公开、无法提供）加起来: each year's, added
        return group_count_answer(q, listed, "", store=store, refs=refs)
    if SHARE_WORDS.search(q.text) and (shares := asked_shares(q)):
        return indicator_answer(q, shares, store=store, refs=refs)
    if TIMES_WORDS.search(q.text) and len(refs) == 2:
        return times_answer(q, with_col(q.metric), store=store, refs=refs)
    return None


def _printed_changes(q: Question, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """Each listed row's printed 本年增/减 (行政处罚、行政强制这两类事项比上一年各增减了多少), or None when the question
    names one row (the table route answers it)."""
    rows = _listed_before_than(q) if len(refs) == 1 else []  # listed before 比上一年 (增加或减少了多少 lists none)
    if len(rows) < 2 or not all(m.table == "主动公开" for m in rows):
        return None
    terms = [Term((m,), label(m)) for m in dict.fromkeys(replace(m, col=_PRINTED_CHANGE) for m in rows)]
    return terms_answer(q, "list", terms, store=store, ref=refs[0]) if len(terms) >= 2 else None


def _listed_before_than(q: Question) -> list[Metric]:
    """The rows a change question lists before its 比上一年 / 比2022年 and asks each of (各 / 分别), else []."""
    than = PREVIOUS_YEAR.search(q.text) or THAN_YEAR.search(q.text)
    rows = shared_metrics(q.text[: than.start()]) if than and EACH.search(q.text) else None
    return list(dict.fromkeys(rows or ()))


def _each_change(q: Question, *, store: ReportStore) -> Answer | None:
    """Each listed row's change between two years (行政处罚、行政强制决定比2022年各增减了多少), joined; None when the
    question lists fewer than two rows."""
    rows = _listed_before_than(q)
    if len(rows) < 2:
        return None
    answers = [change_answer(replace(q, metric=m), store=store) for m in rows]
    return joined_answers(q, [a for a in answers if a is not None]) if all(answers) else None


_PRINTED_CHANGE = "本年增/减"  # the 2019 template's column of a 表二 row's change from the year before
_CUMULATIVE = re.compile(r"累计|累积|总数|总量")  # 历年公开的申请累计多少件: the years' counts added
_SENTENCE = re.compile(r"[？?；;。！!]")
_GLOSS_ONLY = re.compile(r"\s*[（(][^（）()]*[）)]\s*")  # 公开率是多少？（予以公开加部分公开占总数的比例）: a gloss, no question
_BACK = re.compile(r"\s*(?:其中|这其中|这里面|这些|那些|当中|里面|它们)")  # a sentence within the one before: not on its own


def _each_sentence(q: Question, *, store: ReportStore, pairs: Sequence[tuple[str, int]]) -> Answer | None:
    """A question asking a share or an indicator in each of its sentences that the whole-question reading does not
    cover (自然人占几成？部分公开的占比又是多少？): each sentence answered on its own, joined; None otherwise."""
    from govqa.qa.understand import find_metric

    sentences = [s for s in _SENTENCE.split(q.text) if s.strip() and not _GLOSS_ONLY.fullmatch(s)]
    if len(sentences) < 2 or len(find_indicators(q.text)) >= len(sentences) or any(_BACK.match(s) for s in sentences[1:]) \
            or not all(find_indicators(s) or SHARE_WORDS.search(s) for s in sentences):
        return None
    answers = [_arithmetic(replace(q, text=s, metric=find_metric(s)),
                           store=store, pairs=pairs) for s in sentences]
    if any(a is None or a.unit != "%" for a in answers):
        return None
    return joined_answers(q, [a for a in answers if a is not None])
