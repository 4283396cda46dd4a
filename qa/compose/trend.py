"""A metric year by year: the values, the change, the years without a value and why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from govqa.core.types import Metric
from govqa.qa import lexicon as lx
from govqa.qa.compose.labels import col_label, metric_label, metric_unit, number_text, value_text
from govqa.qa.compose.table import columns_note
from govqa.qa.table_query import MetricValue

_YEAR_GAPS = {"no-report": "的报告不在知识库中", "template": "的报告采用{template}版模板，没有这一项",
              "ambiguous": "的报告中这一行数字连在一起，无法可靠地拆分到各列", "no-table": "的报告中未能找到{table}",
              "unlisted": "的报告未列出这一项"}


def year_gap(reason: str, *, template: str = "", table: str = "") -> str:
    """Why one year of a series has no value (said after the year): no-report, template, ambiguous, no-table, unlisted."""
    return _YEAR_GAPS[reason].format(template=template, table=lx.TABLE_NAMES.get(table, "这一表格"))


def trend_change(metric: Metric, first: MetricValue, last: MetricValue) -> str:
    """The change from the series' first shown year to its last (持平, 增加 N, 减少 N)."""
    assert first.value is not None and last.value is not None
    unit = metric_unit(metric)
    diff = last.value - first.value
    if abs(diff) < 1e-9:
        return f"{last.report.year}年与{first.report.year}年持平。"
    verb = "增加" if diff > 0 else "减少"
    return f"{last.report.year}年比{first.report.year}年{verb}{number_text(abs(diff), unit=unit)}。"


def trend_text(agency: str, metric: Metric, shown: Sequence[MetricValue], gaps: Mapping[str, Sequence[str]]) -> str:
    """One agency's metric year by year: each shown year's value, the change, and the years without a value and why."""
    head = (f"根据{agency}{'、'.join(str(v.report.year) for v in shown)}年年度报告"
            f"{lx.TABLE_NAMES.get(metric.table, '')}，{metric_label(metric)}逐年为：")
    said_values = "，".join(f"{v.report.year}年{value_text(metric, v)}" for v in shown)
    text = f"{head}{said_values}。"
    if len(shown) >= 2:
        text += trend_change(metric, shown[0], shown[-1])
    if metric.table == "主动公开":  # the 2019 and 2021 templates print one figure under different columns
        text += columns_note({v.report.year: col_label(metric.table, v.cells[0].col)
                              for v in shown if v.cells and v.report.year is not None})
    if gaps:
        said = "；".join("、".join(f"{y}年" for y in ys) + why for why, ys in gaps.items())  # 年 after each: a year
        text += f"（{said}，未计入，不按零计。）"
    return text


