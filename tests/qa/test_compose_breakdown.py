"""qa/compose/table.py breakdown_sentence: applicant columns that were not read are never said to be 0."""

from __future__ import annotations

from govqa.core.types import Cell, Metric
from govqa.qa.compose import breakdown_sentence
from govqa.qa.table_query import CellHit, ReportRef

REF = ReportRef("r1", "云州市交通局", "交通局", 2021)


def _hit(col: str, value: float) -> CellHit:
    return CellHit(REF, Cell("申请", "一", col, value, str(int(value))))


def test_a_total_without_its_applicant_cells_does_not_say_zero() -> None:
    text = breakdown_sentence(Metric("申请", "一", "总计"), REF, [_hit("总计", 3)])
    assert "3件" in text and "均为0" not in text and "未能读出" in text


def test_some_applicant_cells_read_the_rest_are_not_zero() -> None:
    text = breakdown_sentence(Metric("申请", "一", "总计"), REF, [_hit("自然人", 3), _hit("总计", 3)])
    assert "自然人3件" in text and "其余申请人类别的数字未能读出" in text


def test_every_applicant_cell_read_and_zero() -> None:
    cols = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    text = breakdown_sentence(Metric("申请", "一", "总计"), REF, [*(_hit(c, 0) for c in cols), _hit("总计", 0)])
    assert "各类申请人均为0" in text and "未能读出" not in text
