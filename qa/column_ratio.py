"""Two columns of one 表二 row set against each other (issue 15): 处理决定数量相当于上一年项目数量的百分之几, 本年增减占
上一年项目数的比例, 处理决定数是项目数的几倍, 采购总金额和采购项目数量之比. The column said first is the numerator unless
the other is named as the whole first (上一年项目数量里，本年增减占多少); each report asked gets its own figure with its
arithmetic (qa/arith_rates.py indicator_answer). The 规章 / 规范性文件 rows' part-of-total shares are qa/arith_shares.py
column_share's.

    >>> column_ratio(understand("甲局2019年行政许可的处理决定数量相当于上一年项目数量的百分之几？", catalog=c)).name
    '行政许可处理决定数量相当于行政许可上一年项目数量的百分比'
"""

from __future__ import annotations

import re
from dataclasses import replace

from govqa.core.types import Question
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.arith_columns import said_columns
from govqa.qa.arith_words import GROWTH_WORDS, SHARE_WORDS, TIMES_WORDS, asks_change
from govqa.qa.indicators import Indicator

_COUNTED_ROWS = frozenset(r for r, cols in lx.ROW_COLS.items() if "上一年项目数量" in cols or "采购项目数量" in cols)
# a ratio asked in words: 相当于…的百分之几 / 是…的多少 / 之比 / 比值 / 除以
_RATIO = re.compile(r"相当于|之比|比值|除以|[是为][^，。？?；]{1,16}?的(?:百分之|多少|几成)")  # not 合计是多少
_WHOLE_FIRST = re.compile(r"[里中]|当中|之中|中间")  # 上一年项目数量里，本年增减占多少: the whole named first


def column_ratio(q: Question) -> Indicator | None:
    """The ratio of two columns of the 表二 row the question names (a percent, or a multiple when 几倍 is asked), or
    None (pure and cheap: read by arith.recognise)."""
    metric = q.metric
    if metric is None or metric.table != "主动公开" or metric.row not in _COUNTED_ROWS:
        return None
    text = q.text
    if not (SHARE_WORDS.search(text) or TIMES_WORDS.search(text) or _RATIO.search(text)) \
            or GROWTH_WORDS.search(text) or asks_change(text):
        return None  # 处理决定比上一年增长了百分之几: a change between years (qa/arith_changes.py)
    cols = [c for c in said_columns(text, lx.ROW_COLS[metric.row]) if c[2] != "本年增/减" or "增减" in text or "增/减" in text]
    names = list(dict.fromkeys(c[2] for c in cols))
    if len(names) != 2:
        return None
    first, second = names
    gap = text[next(c[1] for c in cols if c[2] == first):next(c[0] for c in cols if c[2] == second)]
    if _WHOLE_FIRST.search(gap) and not re.search(r"相当于|[是为占比]", gap):
        first, second = second, first
    top, bottom = replace(metric, col=first), replace(metric, col=second)
    lt, lb = cp.metric_label(top), cp.metric_label(bottom)
    if TIMES_WORDS.search(text):
        return Indicator(f"{lt}是{lb}的倍数", (), (top,), (bottom,), 1, "倍")
    return Indicator(f"{lt}相当于{lb}的百分比", (), (top,), (bottom,), 100, "%")
