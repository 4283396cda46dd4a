"""A 表二 row's decisions per item (平均每项许可事项作出几个处理决定): 处理决定数量 / the year's items, the items being
上一年项目数量 + 本年增/减 as the 2019 template prints them; every cell cited, the division shown (qa/arith.py). A
template that prints no item count (2021) says so; a count of 0 items is not divided by."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.arith_changes import summed_value
from govqa.qa.table_query import ReportRef

_ITEMS = ("上一年项目数量", "本年增/减")
_DECISIONS = "处理决定数量"
# 平均每项(事项)作出几个决定, 每个事项平均多少个处理决定, 一项许可事项平均几个决定
_PER_ITEM = re.compile(r"(?:平均)?(?:每|一)(?:一|个)?项(?:[\u4e00-\u9fff]{0,6}?事项)?[^，。？?；]{0,12}?(?:处理)?决定|"
                       r"每个[\u4e00-\u9fff]{0,6}?事项[^，。？?；]{0,12}?(?:处理)?决定")


def _row(q: Question) -> Metric | None:
    """The 表二 row asked per item, when the question asks decisions per item of a row printing items and decisions."""
    m = q.metric
    if m is None or m.table != "主动公开" or not _PER_ITEM.search(q.text) or "平均" not in q.text:
        return None
    cols = lx.ROW_COLS.get(m.row, ())
    return m if all(c in cols for c in (*_ITEMS, _DECISIONS)) else None


def recognise(q: Question) -> bool:
    """Whether q asks a row's decisions per item (pure and cheap)."""
    return _row(q) is not None


def per_item_answer(q: Question, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """Each report's decisions per item of the row asked, or None when q asks no such figure."""
    row = _row(q)
    if row is None or not refs:
        return None
    items = tuple(replace(row, col=c) for c in _ITEMS)
    decisions = replace(row, col=_DECISIONS)
    texts, formulas, sources, values = [], [], [], []
    for ref in refs:
        count, made = summed_value(store, items, ref), summed_value(store, (decisions,), ref)
        sources += [cp.cell_source(c) for v in (count, made) for c in v.cells]
        if count.value is None or made.value is None:
            why = "".join(cp.absent_reason(m, v) for m, v in ((items[0], count), (decisions, made)) if v.value is None)
            texts.append(cp.per_item_missing(why))
            continue
        if count.value == 0:
            texts.append(cp.zero_denominator(f"{ref.short_name}{ref.year}年的{cp.metric_label(replace(row, col=None))}事项数",
                                             "平均每项决定数"))
            continue
        each = round(made.value / count.value, 2)
        parts = [summed_value(store, (m,), ref).value or 0.0 for m in items]
        formula = (f"{cp.metric_label(decisions)} {cp.number_text(made.value)} / (上一年项目数量 {cp.number_text(parts[0])}"
                   f" + 本年增/减 {cp.number_text(parts[1])}) = {cp.number_text(each)}")
        texts.append(cp.per_item_sentence(cp.report_title(ref.agency, ref.year), ref.year,
                                          cp.metric_label(replace(row, col=None)), cp.number_text(each), formula))
        formulas.append(formula)
        values.append(each)
    found = bool(values)
    return Answer(q.text, "".join(texts), found, "table" if found else "refuse",
                  value=values[0] if len(refs) == 1 and values else None, unit="个" if found else None,
                  sources=tuple(sources), formula="；".join(formulas) or None, reason=None if found else "no-data")
