"""Labels, numbers and sources of cells: report titles, printed numbers, metric and column labels."""

from __future__ import annotations

import re

from govqa.core.types import Metric, Source
from govqa.qa import lexicon as lx
from govqa.qa.table_query import CellHit, MetricValue

_NUM = re.compile(r"[-+]?\d+(?:\.\d+)?")
_GROUPS = {"复议": "行政复议", "直诉": "未经复议直接起诉的行政诉讼", "复议后诉": "复议后起诉的行政诉讼", "诉讼": "行政诉讼"}
_OUTCOMES = {"总计": "案件", "维持": "结果维持的案件", "纠正": "结果纠正的案件", "其他": "其他结果的案件", "未审结": "尚未审结的案件"}
_OPEN_COLS = {
    "本年新制作数量": "本年新制作{row}", "本年新公开数量": "本年新公开{row}", "对外公开总数量": "{row}对外公开总数量",
    "上一年项目数量": "{row}上一年项目数量", "本年增/减": "{row}本年增/减", "处理决定数量": "{row}处理决定数量",
    "采购项目数量": "政府集中采购项目数量", "采购总金额": "政府集中采购总金额",
    # 2021 template
    "本年制发件数": "本年制发{row}", "本年废止件数": "本年废止{row}", "现行有效件数": "现行有效{row}",
    "本年处理决定数量": "{row}本年处理决定数量", "本年收费金额": "{row}本年收费金额",
}


def report_title(agency: str, year: int | None) -> str:
    """《机关2020年政府信息公开工作年度报告》"""
    return f"《{agency}{year if year is not None else ''}年政府信息公开工作年度报告》"

def number_text(value: float, *, raw: str = "", unit: str = "", signed: bool = False) -> str:
    """A value with its unit, printed as in the report: 2154.97万元, 4447件, +1196项."""
    if unit == "万元" or signed:
        m = _NUM.search(raw.replace(",", ""))
        # the printed digits only when they are the stored value: `251000元` is stored as 25.1 (万元)
        if m and abs(float(m.group(0)) - value) < 1e-9:
            return m.group(0) + unit
    if abs(value - round(value)) < 1e-9:
        text = str(int(round(value)))
    else:
        text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text + unit


def cell_unit(hit: CellHit) -> str:
    """The unit of one cell."""
    return lx.unit_for(hit.table, hit.row, hit.col)


def cell_text(hit: CellHit) -> str:
    """One cell's value as printed, with its unit."""
    return number_text(hit.value, raw=hit.raw, unit=cell_unit(hit), signed=hit.col == "本年增/减")


def col_label(table: str, col: str) -> str:
    """A column key as the report prints it."""
    return lx.COL_LABELS.get(col) or lx.COMPOSITE_LABELS.get(col) or col


IMPLIED_MARK = "（表中未填，按勾稽关系为0）"  # what a Source of a blank cell the relations prove 0 says


def cell_source(hit: CellHit) -> Source:
    """The Source of one cell: 表三 一、本年新收政府信息公开申请数量 总计 = 4447 (a derived 0 says so)."""
    row = lx.ROW_LABELS.get(hit.table, {}).get(hit.row, hit.row)
    printed = IMPLIED_MARK if hit.implied else (hit.raw.strip() or number_text(hit.value))
    label = " ".join(x for x in (lx.TABLE_NAMES.get(hit.table, hit.table), row, col_label(hit.table, hit.col)) if x)
    return Source(report=hit.report, agency=hit.agency, year=hit.year,
                  text=f"{label} = 0{printed}" if hit.implied else f"{label} = {printed}",
                  table=hit.table, row=hit.row, col=hit.col, implied=hit.implied)


def metric_label(metric: Metric) -> str:
    """What a metric counts, as a noun phrase: 新收政府信息公开申请, 行政处罚处理决定数量, 行政诉讼案件."""
    if metric.table == "申请":
        short = lx.ROW_SHORT.get(metric.row, metric.row)
        if metric.row.startswith("三.") and metric.row != "三.七":
            return f"办理结果为“{short}”的申请"
        return short
    if metric.table == "复议诉讼":
        group, _, outcome = (metric.col or "复议.总计").partition(".")
        return _GROUPS.get(group, group) + _OUTCOMES.get(outcome, outcome)
    if metric.col is None:
        return metric.row
    return _OPEN_COLS.get(metric.col, "{row}" + metric.col).format(row=metric.row)


def as_printed(metric: Metric, template: str) -> Metric:
    """The metric under the names its report's template prints (对外公开总数量 → 现行有效件数 in a 2021 report)."""
    if template != "2021" or metric.table != "主动公开":
        return metric
    row = lx.EQUIVALENT.get(metric.row, (metric.row,))[-1]
    col = lx.EQUIVALENT.get(metric.col, (metric.col,))[-1] if metric.col else metric.col
    return Metric(metric.table, row, col)


def metric_unit(metric: Metric) -> str:
    """The unit of a metric's values."""
    return lx.unit_for(metric.table, metric.row, metric.col or "")


def value_text(metric: Metric, mv: MetricValue) -> str:
    """The value of one metric in one report, with the parts of a sum in brackets (non-zero parts only)."""
    assert mv.value is not None
    if len(mv.cells) == 1:
        return cell_text(mv.cells[0])
    text = number_text(mv.value, unit=metric_unit(metric))
    parts = [c for c in mv.cells if c.value]
    if parts:
        by_col = len({c.row for c in mv.cells}) == 1  # one row's columns (法人或其他组织 = 商业企业 + …)
        names = [c.col if by_col and c.table == "申请" else part_name(c) for c in parts]
        text += "（其中" + "，".join(f"{n}{cell_text(c)}" for n, c in zip(names, parts, strict=True)) + "）"
    return text


def part_name(hit: CellHit) -> str:
    if hit.table == "复议诉讼":
        return col_label(hit.table, hit.col).split(" ")[0]
    return lx.ROW_SHORT.get(hit.row, hit.row)


def col_clause(metric: Metric) -> str:
    if metric.table == "申请" and metric.col not in (None, "总计"):
        return f"中，{metric.col}提出的"
    return ""


