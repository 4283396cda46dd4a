"""Each listed report's share of one figure summed over the reports listed (2021年和2023年的行政许可决定加起来，两年各占
百分之几 / 甲局和乙局的予以公开合计，两家分别占多少): every report's value over the sum, in the order asked, each with
its formula and cells; a report whose figure is not read is left out and said (never counted as 0), a sum of 0 is
not divided by (qa/arith.py).

    >>> report_shares(understand("甲局2021年和2023年的行政许可决定加起来，两年各占百分之几？", catalog=c),
    ...               store=store, refs=refs).formula
    '2021年 1689 / (2021年 1689 + 2023年 1029) 2718 = 62.1%；2023年 1029 / … = 37.9%'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Question, ReportRef
from govqa.qa import compose as cp
from govqa.qa.arith_words import GROWTH_WORDS, SHARE_WORDS, asks_change
from govqa.qa.figures import asks_sum, described_group, shared_metrics, with_col
from govqa.qa.indicators import find_indicators, number, term_label
from govqa.qa.pooled import POOL_WORDS
from govqa.qa.table_query import metric_values

# each listed report on its own: 各占, 分别占, 各自, 每年/每家 … 占
_EACH = re.compile(r"各自|各占|各是|各为|分别|(?:各|每一?)(?:年|家|个)的?(?:所?占)")  # never 各部门
_WHOLE = re.compile(r"总数|总量|总和|之和|一共|总共|两年|[两二三四五六七八九十几]个?(?:年|家|单位|部门|机关)")


def asks_report_shares(q: Question) -> bool:
    """Whether q asks each of several listed years' or agencies' share of their sum of one row (pure and cheap); rows
    listed or a described group (公开与部分公开合计占比各是多少) are each year's share of that group, not this."""
    several = len(set(q.years)) >= 2 or len(set(q.agencies)) >= 2
    text = q.text
    return (several and q.metric is not None and bool(SHARE_WORDS.search(text)) and bool(_EACH.search(text))
            and (asks_sum(text) or bool(POOL_WORDS.search(text)) or bool(_WHOLE.search(text)))
            and not find_indicators(text) and not GROWTH_WORDS.search(text) and not asks_change(text)
            and len(shared_metrics(text) or ()) < 2 and described_group(text, q.metric) is None)  # rows summed: theirs


def _name(ref: ReportRef, refs: Sequence[ReportRef]) -> str:
    """A report as the shares name it: its year when one agency's years are listed, its agency when one year's."""
    if len({r.agency for r in refs}) == 1:
        return f"{ref.year}年"
    return ref.short_name if len({r.year for r in refs}) == 1 else f"{ref.short_name}{ref.year}年"


def report_shares(q: Question, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """Each report's share of the asked figure summed over refs, or None when q does not ask it."""
    if not asks_report_shares(q) or len(refs) < 2 or q.metric is None:
        return None
    metric = with_col(q.metric)
    values = metric_values(store, metric, reports=refs)
    shown = [v for v in values if v.value is not None]
    sources = tuple(cp.cell_source(c) for v in values for c in v.cells)
    notes = "".join(cp.left_out(cp.absent_reason(metric, v)) for v in values if v.value is None)
    label = term_label(metric)
    names = [_name(v.report, refs) for v in shown]
    total = sum(v.value or 0.0 for v in shown)
    if len(shown) < 2 or total == 0:
        why = cp.report_shares_zero(names, label) if len(shown) >= 2 else ""
        return Answer(q.text, why + notes, False, "refuse", sources=sources, reason="no-data")
    unit = cp.metric_unit(metric)
    parts = " + ".join(f"{n} {cp.number_text(v.value or 0.0)}" for n, v in zip(names, shown, strict=True))
    shares = [round((v.value or 0.0) / total * 100, 1) for v in shown]
    formulas = [f"{n} {cp.number_text(v.value or 0.0)} / ({parts}) {cp.number_text(total)} = {number(s, '%')}"
                for n, v, s in zip(names, shown, shares, strict=True)]
    items = [cp.report_share_item(n, cp.number_text(v.value or 0.0, unit=unit), number(s, "%"))
             for n, v, s in zip(names, shown, shares, strict=True)]
    titles = "、".join(cp.report_title(v.report.agency, v.report.year) for v in shown)
    text = cp.report_shares_sentence(titles, names, label, cp.number_text(total, unit=unit), items, "；".join(formulas),
                                     notes)
    return Answer(q.text, text, True, "table", value=None, unit="%", sources=sources, formula="；".join(formulas))
