"""Two columns of one 表二 row set against each other (issue 15): 处理决定数量占到上一年项目数量的几成, 本年增减占
上一年项目数的比例, 处理决定数是项目数的几倍, 处理决定和上一年项目数之比, or their
difference (处理决定数量比上一年项目数量多多少). The column said first is the numerator unless
the other is named as the whole first (上一年项目数量里，本年增减占多少); each report asked gets its own figure with its
arithmetic (qa/arith_rates.py indicator_answer). The 规章 / 规范性文件 rows' part-of-total shares are qa/arith_shares.py
column_share's.

    >>> column_ratio(understand("甲局2019年行政许可的处理决定数量占到上一年项目数量的几成？", catalog=c)).name
    '行政许可处理决定数量相当于行政许可上一年项目数量的百分比'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.arith_columns import masked_columns, said_columns, said_rows
from govqa.qa.arith_words import GROWTH_WORDS, POINTS, SHARE_WORDS, TIMES_WORDS, asks_change, asks_difference
from govqa.qa.figures import Term, joined_answers, label, terms_answer
from govqa.qa.indicators import Indicator
from govqa.qa.table_query import ReportRef

_COUNTED_ROWS = frozenset(r for r, cols in lx.ROW_COLS.items() if "上一年项目数量" in cols)
# a ratio asked in words: 相当于…的百分之几 / 是…的多少 / 之比 / 比值 / 除以
_RATIO = re.compile(r"相当于|之比|比值|除以|的比(?=是|为)|[是为][^，。？?；]{1,16}?的(?:百分之|多少|几成)")  # not 合计是多少
_WHOLE_FIRST = re.compile(r"[里中]|当中|之中|中间")  # 上一年项目数量里，本年增减占多少: the whole named first


def _two_columns(q: Question) -> tuple[Metric, Metric] | None:
    """The two columns of the question's 表二 row it sets against each other, the first term first, or None."""
    metric = q.metric
    if metric is None or metric.table != "主动公开" or metric.row not in _COUNTED_ROWS:
        return None
    text = q.text
    plain = re.sub(r"上一?年度?(?=项目|的项目)", "", text)  # 比上一年项目数量: a column, no year compared
    if (GROWTH_WORDS.search(plain) or asks_change(plain)) and not POINTS.search(plain):
        return None  # 处理决定比上一年增长了百分之几: a change between years (qa/arith_changes.py); 几个百分点: the ratio's
    said = "增减" in text or "增/减" in text  # 比上一年 / 增加 alone are no column here
    cols = [c for c in said_columns(text, lx.ROW_COLS[metric.row]) if c[2] != "本年增/减" or said]
    names = list(dict.fromkeys(c[2] for c in cols))
    if len(names) != 2 or any("金额" in c for c in names):
        return None  # an amount over a count is a per-item average (the catalogue's 平均每个采购项目金额), no percent
    first, second = names
    gap = text[next(c[1] for c in cols if c[2] == first):next(c[0] for c in cols if c[2] == second)]
    if _WHOLE_FIRST.search(gap) and not re.search(r"相当于|[是为占比]", gap):
        first, second = second, first
    return replace(metric, col=first), replace(metric, col=second)


def column_ratio(q: Question) -> Indicator | None:
    """The ratio of two columns of the 表二 row the question names (a percent, or a multiple when 几倍 is asked), or
    None (pure and cheap: read by arith.recognise)."""
    text = q.text
    if not (SHARE_WORDS.search(text) or TIMES_WORDS.search(text) or _RATIO.search(text)) \
            or (pair := _two_columns(q)) is None:
        return None
    top, bottom = pair
    lt, lb = cp.metric_label(top), cp.metric_label(bottom)
    if TIMES_WORDS.search(text):
        return Indicator(f"{lt}是{lb}的倍数", (), (top,), (bottom,), 1, "倍")
    return Indicator(f"{lt}相当于{lb}的百分比", (), (top,), (bottom,), 100, "%")


def column_ratios(q: Question) -> list[Indicator]:
    """The ratio of the same two columns for each 表二 row the question lists (行政许可和行政处罚的处理决定数量分别相当于
    各自上一年项目数量的百分之几), in the order listed; [] unless q asks one such ratio."""
    if (first := column_ratio(q)) is None or q.metric is None:
        return []
    rows = [r for r in said_rows(masked_columns(q.text)) if r in _COUNTED_ROWS]
    if len(rows) < 2 or q.metric.row not in rows:
        return [first]
    return [ind for r in rows if (ind := column_ratio(replace(q, metric=replace(q.metric, row=r)))) is not None]


def column_gap(q: Question) -> tuple[Term, Term] | None:
    """Two columns of one 表二 row whose difference is asked (处理决定数量比上一年项目数量多多少, 两列相差多少), the first
    said first, or None (pure and cheap)."""
    plain = re.sub(r"上一?年度?(?=项目|的项目)", "", q.text)
    if column_ratio(q) is not None or not asks_difference(plain) or (pair := _two_columns(q)) is None:
        return None
    top, bottom = pair
    return Term((top,), label(top)), Term((bottom,), label(bottom))


def column_gap_answer(q: Question, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """Each asked report's difference of the two columns, joined; None when q asks no such difference."""
    if (terms := column_gap(q)) is None or not refs:
        return None
    answers = [terms_answer(q, "diff", terms, store=store, ref=ref) for ref in refs]
    return answers[0] if len(answers) == 1 else joined_answers(q, answers)
