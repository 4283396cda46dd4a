"""A sum the user defines over columns of 表二, applied to each row listed (行政处罚和行政强制事项，按上一年项目数量加上
本年增减算，各有多少项): each row's columns added in one report, the answers joined in the rows' order; the one-row case
(行政许可事项（上一年项目数加上本年增减）一共多少项) is qa/figures.py's.

    >>> each_row_sum(understand("甲区2020年行政处罚和行政强制事项，上一年项目数量加上本年增减，各是多少？", catalog=c))
    ([Metric('主动公开', '行政处罚', None), Metric('主动公开', '行政强制', None)], ['上一年项目数量', '本年增/减'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question
from govqa.qa import lexicon as lx
from govqa.qa.arith_words import EACH
from govqa.qa.figures import Term, joined_answers, label, terms_answer
from govqa.qa.table_query import ReportRef

_TABLE = "主动公开"
_ADD = re.compile(r"[^，。？?；]{0,4}?(?:加上?|＋|\+|再加)")  # between two columns: 上一年项目数量加上本年增减


def _said(text: str, pairs: Sequence[tuple[str, str]]) -> tuple[list[tuple[int, int, str]], str]:
    """Each (start, end, name) said, longest words first and never inside a longer one, and the text masked."""
    found = []
    for word, name in sorted(pairs, key=lambda p: -len(p[0])):
        for m in re.finditer(re.escape(word), text):
            found.append((m.start(), m.end(), name))
        text = text.replace(word, "\0" * len(word))
    return sorted(found), text


def said_columns(text: str, cols: Sequence[str]) -> list[tuple[int, int, str]]:
    """Each 表二 column of ``cols`` a text says, as (start, end, column) in order (上一年项目数量, 本年增减, 处理决定)."""
    return _said(text, [(w, c) for w, c in lx.COL_TERMS.get(_TABLE, ()) if c in cols])[0]


def said_rows(text: str) -> list[str]:
    """The 表二 rows a text names, in order, each once (行政许可和行政处罚); column words are best masked first."""
    words = [(w, t.row) for t in lx.ROW_TERMS if t.table == _TABLE for w in t.words]
    return list(dict.fromkeys(name for _, _, name in _said(text, words)[0]))


def masked_columns(text: str) -> str:
    """The text with every 表二 column word blanked (上一年项目数量, 处理决定): left are the row words."""
    return _said(text, lx.COL_TERMS.get(_TABLE, ()))[1]


def each_row_sum(q: Question) -> tuple[list[Metric], list[str]] | None:
    """The 表二 rows listed and the columns the question adds for each (各 / 分别 asked), or None (pure and cheap)."""
    if not EACH.search(q.text):
        return None
    cols, masked = _said(q.text, lx.COL_TERMS.get(_TABLE, ()))
    joined = [c for i, c in enumerate(cols[1:], 1) if _ADD.match(q.text, cols[i - 1][1]) and c[0] - cols[i - 1][1] <= 8]
    names = list(dict.fromkeys([cols[cols.index(joined[0]) - 1][2], *(c[2] for c in joined)])) if joined else []
    if len(names) < 2:
        return None
    rows = said_rows(masked)
    if len(rows) < 2 or not all(set(names) <= set(lx.ROW_COLS.get(r, ())) for r in rows):
        return None
    return [Metric(_TABLE, r, None) for r in rows], names


def each_row_sum_answer(q: Question, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """Each listed row's columns added in the one report asked, joined; None when q is no such question."""

    asked = each_row_sum(q)
    if asked is None or len(refs) != 1:
        return None
    rows, cols = asked
    answers = [terms_answer(replace(q, metric=row), "sum", [Term((replace(row, col=c),), label(replace(row, col=c)))
                                                             for c in cols], store=store, ref=refs[0]) for row in rows]
    return joined_answers(q, answers)
