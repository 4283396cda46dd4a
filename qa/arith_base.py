"""Which base an applicant column's outcome share is taken over (商业企业提出的申请里，部分公开的占几成): the column's
办理结果总计 (三.七, the standard one, as 公开率 takes it), said so; where the column's 本年新收 (一) differs, the share
over it is given too, with its own formula and cells, so that a reader who means the requests received has it.

    >>> received_base(store, share, ref=ref).text
    '（以上分母为商业企业申请的办理结果总计；若按商业企业本年新收的申请算，比例为20%（… = 1 / 5 = 20%）。）'
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from govqa.core.protocols import ReportStore
from govqa.core.types import Metric, Source
from govqa.qa import compose as cp
from govqa.qa.indicators import Indicator, indicator_values, number, term_label
from govqa.qa.table_query import ReportRef, metric_values


@dataclass(frozen=True)
class Base:
    """What an applicant column's share adds about its base: the sentence, the cells it cites, its formula ("" when
    both bases are the same count)."""

    text: str
    sources: tuple[Source, ...]
    formula: str = ""


def received_base(store: ReportStore, ind: Indicator, *, ref: ReportRef) -> Base | None:
    """The base note of a share over one applicant column's 办理结果总计, or None when ind is no such share or the
    column's 本年新收 is not printed."""
    if len(ind.denominator) != 1:
        return None
    whole = ind.denominator[0]
    col = whole.col or "总计"
    if whole.table != "申请" or whole.row != "三.七" or col == "总计":
        return None
    received = Metric("申请", "一", col)
    [total], [new] = metric_values(store, whole, reports=[ref]), metric_values(store, received, reports=[ref])
    if total.value is None or new.value is None:
        return None
    sources = tuple(cp.cell_source(c) for c in new.cells)
    if new.value == total.value:
        return Base(cp.base_same(col, cp.number_text(new.value)), sources)
    parts = " + ".join(term_label(m) for m in ind.numerator)
    other = replace(ind, name=f"{parts}占{col}本年新收申请的比例", denominator=(received,))
    [value] = indicator_values(store, other, reports=[ref])
    if value.value is None:
        return Base(value.problem, sources, value.formula)
    return Base(cp.base_other(col, number(value.value, other.unit), value.formula), sources, value.formula)
