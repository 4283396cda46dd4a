"""The 对比 tab: one metric (a template cell or an indicator) across agencies and years, as a sortable table, a bar
chart and a CSV file, and as a years × agencies view with a line chart per agency (ui/compare_years.py)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr
import pandas as pd

from govqa.core.errors import GovqaError, InvalidInput
from govqa.core.types import Report
from govqa.qa import lexicon as lx
from govqa.qa.indicators import INDICATOR_TABLE
from govqa.ui import validate
from govqa.ui.compare_years import LEGEND, grid_charts_html, grid_frame, year_grid
from govqa.ui.labels import SEP
from govqa.ui.labels import col_label as human_col
from govqa.ui.labels import metric_label as human_metric
from govqa.ui.messages import user_message
from govqa.ui.metrics import MetricCol, MetricRow, MetricTable, find_row, find_table
from govqa.ui.uploads import sanitize_filename

if TYPE_CHECKING:
    from govqa.qa.service import GovQA

log = logging.getLogger(__name__)

BROKEN = "⚠ 勾稽关系异常"
OK = "正常"
COLUMNS = ["单位", "年份", "数值", "填报原文", "勾稽关系", "报告编号"]
SORTS = {"数值从高到低": ("数值", False), "数值从低到高": ("数值", True), "按单位名称": ("单位", True)}
DEFAULT_METRIC = ("申请", "一", "总计")  # 本年新收政府信息公开申请数量, all applicants


def table_choices(catalog: Sequence[MetricTable]) -> list[tuple[str, str]]:
    """Dropdown choices (label, key) for the three standard tables."""
    return [(t.title, t.key) for t in catalog]


def row_text(table: str, row: MetricRow) -> str:
    """A row as the report prints it (一、本年新收政府信息公开申请数量, 不予公开 2.…), never a bare key."""
    return lx.ROW_LABELS.get(table, {}).get(row.key) or (row.label if row.label != row.key else "") or "案件数量"


def col_text(table: str, col: MetricCol) -> str:
    """A column with its group spelled out and its unit: 行政复议 · 结果维持, 本年收费金额（万元）."""
    label = human_col(table, col.key)
    return f"{label}（{col.unit}）" if col.unit else label


def row_choices(catalog: Sequence[MetricTable], table: str | None) -> list[tuple[str, str]]:
    """Dropdown choices (label, key) for the rows of one table, in template order."""
    found = find_table(catalog, table)
    return [(row_text(found.key, r), r.key) for r in found.rows] if found else []


def col_choices(catalog: Sequence[MetricTable], table: str | None, row: str | None) -> list[tuple[str, str]]:
    """Dropdown choices (label, key) for the columns a row has, in template order."""
    found = find_row(catalog, table, row)
    return [(col_text(table or "", c), c.key) for c in found.cols] if found else []


def metric_text(catalog: Sequence[MetricTable], table: str, row: str, col: str) -> str:
    """The chosen metric in words: 收到和处理政府信息公开申请情况 · 一、本年新收… · 总计."""
    found_table, found_row = find_table(catalog, table), find_row(catalog, table, row)
    found_col = next((c for c in found_row.cols if c.key == col), None) if found_row else None
    parts = (found_table.title if found_table else table,
             row_text(table, found_row) if found_row else row,
             col_text(table, found_col) if found_col else human_col(table, col))
    return SEP.join(parts)


def plain_number(value: Any) -> Any:
    """A whole number as an int (4447, not 4447.0); other values unchanged."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def compare_frame(rows: Sequence[dict[str, Any]], sort: str = "数值从高到低") -> pd.DataFrame:
    """The compare result as a table: one line per report, broken reports marked."""
    frame = pd.DataFrame(
        [
            {
                "单位": r.get("short_name") or r.get("agency"),
                "年份": r.get("year"),
                "数值": r.get("value"),
                "填报原文": r.get("raw") or "",
                "勾稽关系": BROKEN if r.get("broken") else OK,
                "报告编号": r.get("report"),
            }
            for r in rows
        ],
        columns=COLUMNS,
    )
    key, ascending = SORTS.get(sort, SORTS["数值从高到低"])
    frame = frame.sort_values([key, "年份"], ascending=[ascending, True], kind="stable").reset_index(drop=True)
    frame["数值"] = frame["数值"].astype(object).map(plain_number)
    return frame


def chart_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Bars labelled by agency (and year when several years are shown) and value, a broken report's label ending in ⚠.

    Not a colour per relation status: Gradio's plot keeps the colour domain of its first data, so a status first seen
    in a later result drew no bar at all.
    """
    several_years = frame["年份"].nunique() > 1
    # the value is in the label, so a bar of 8 next to one of 4447 still shows its number
    labels = [(f"{u} {y}（{plain_number(v)}）" if several_years else f"{u}（{plain_number(v)}）") + (" ⚠" if b == BROKEN else "")
              for u, y, v, b in zip(frame["单位"], frame["年份"], frame["数值"], frame["勾稽关系"], strict=True)]
    return pd.DataFrame({"单位": labels, "数值": frame["数值"].astype(float), "勾稽关系": frame["勾稽关系"]})


def lacking_reports(qa: GovQA, rows: Sequence[dict[str, Any]], agencies: Sequence[str],
                    years: Sequence[int]) -> list[Report]:
    """The reports in the chosen scope that do not hold this metric (a missing report is not a zero)."""
    have = {r.get("report") for r in rows}
    return [r for r in qa.store.reports()
            if r.id not in have and (not agencies or r.agency in agencies) and (not years or r.year in years)]


def report_name(report: Report) -> str:
    """A report as the lists name it: 红寺堡区 2020."""
    return f"{report.short_name or report.agency} {report.year or ''}".strip()


def write_csv(frame: pd.DataFrame, folder: Path, name: str) -> Path:
    """Write the compare table as UTF-8 CSV with a BOM (so spreadsheet programs read the Chinese)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / sanitize_filename(f"对比_{name}.csv")
    frame.to_csv(path, index=False, encoding="utf-8-sig")
    return path


def agency_choices(qa: GovQA) -> tuple[list[tuple[str, str]], list[int]]:
    """(short name, full name) of every stored agency, and every stored year."""
    reports = qa.store.reports()
    agencies = sorted({(r.short_name or r.agency, r.agency) for r in reports})
    years = sorted({r.year for r in reports if r.year is not None})
    return agencies, years


@dataclass(frozen=True)
class CompareResult:
    """What the tab shows for one metric: the message, the report list (table, bars, CSV) and the years × agencies
    view (grid, one line chart per agency, CSV); empty parts when nothing was found."""

    message: str
    frame: pd.DataFrame
    bars: pd.DataFrame | None = None
    csv: str | None = None
    grid: pd.DataFrame | None = None
    charts: str = ""
    grid_csv: str | None = None


def short_metric(table: str, row: str, col: str) -> str:
    """The metric as a chart title: 新收政府信息公开申请 · 总计, or an indicator's name (公开率)."""
    return row if table == INDICATOR_TABLE else human_metric(table, row, col)


def metric_unit(catalog: Sequence[MetricTable], rows: Sequence[dict[str, Any]], table: str, row: str, col: str) -> str:
    """The unit of the values: an indicator's (%), else the column's (万元), else none (counts)."""
    if rows and rows[0].get("unit"):
        return str(rows[0]["unit"])
    found = find_row(catalog, table, row)
    return next((c.unit or "" for c in found.cols if c.key == col), "") if found else ""


def compare_result(qa: GovQA, catalog: Sequence[MetricTable], table: str, row: str, col: str,
                   agencies: Sequence[str] | None, years: Sequence[int | str] | None, sort: str) -> CompareResult:
    """Query one metric (a template cell or an indicator) and build every view of the tab from the one result."""
    empty = pd.DataFrame(columns=COLUMNS)
    if not (table and row and col):
        return CompareResult("请选择表、行和列。", empty)
    try:
        picked = validate.agencies(list(agencies or ())), validate.years(list(years or ()))
        rows = qa.compare(table, row, col, agencies=picked[0], years=picked[1])
    except InvalidInput as exc:
        return CompareResult(f"⚠ {exc}", empty)
    except GovqaError as exc:
        return CompareResult(f"⚠ {user_message(exc)}", empty)
    metric = metric_text(catalog, table, row, col)
    lacking = lacking_reports(qa, rows, picked[0], picked[1])
    names = [report_name(r) for r in lacking]
    absent = f"\n\n以下 {len(names)} 份报告没有这项数据（不计为 0）：{'、'.join(names)}。" if names else ""
    if not rows:
        return CompareResult(f"没有找到「{metric}」的数据。{absent}", empty)
    frame = compare_frame(rows, sort)
    broken = int((frame["勾稽关系"] == BROKEN).sum())
    note = f"，其中 {broken} 份报告 {BROKEN}" if broken else ""
    folder, name = qa.settings.home / "exports", f"{table}_{row}_{col}"
    grid = year_grid(rows, lacking, agencies=picked[0], years=picked[1])
    charts = grid_charts_html(grid, metric=short_metric(table, row, col),
                              unit=metric_unit(catalog, rows, table, row, col))
    return CompareResult(
        f"「{metric}」：{len(frame)} 份报告{note}。{absent}", frame, chart_frame(frame), str(write_csv(frame, folder, name)),
        grid_frame(grid), charts, str(write_csv(grid_frame(grid, marks=False), folder, f"年度_{name}")))


def run_compare(qa: GovQA, catalog: Sequence[MetricTable], table: str, row: str, col: str,
                agencies: Sequence[str] | None, years: Sequence[int | str] | None, sort: str) -> tuple[Any, ...]:
    """Query one metric and return (message, table, chart, csv path) of the report list."""
    result = compare_result(qa, catalog, table, row, col, agencies, years, sort)
    return result.message, result.frame, result.bars, result.csv


def build_compare_tab(qa: GovQA, catalog: Sequence[MetricTable]) -> gr.Tab:
    """Lay out the 对比 tab inside the current gr.Blocks and wire its events; returns the tab."""
    table0, row0, col0 = DEFAULT_METRIC
    agencies, years = agency_choices(qa)
    with gr.Tab("对比", id="compare", elem_id="govqa-compare-tab") as tab:
        with gr.Row():
            table = gr.Dropdown(table_choices(catalog), value=table0, label="表", elem_id="govqa-table")
            row = gr.Dropdown(row_choices(catalog, table0), value=row0, label="行", elem_id="govqa-row")
            col = gr.Dropdown(col_choices(catalog, table0, row0), value=col0, label="列", elem_id="govqa-col")
        with gr.Row():
            agency = gr.Dropdown(agencies, multiselect=True, label="单位（不选为全部）", elem_id="govqa-agencies")
            year = gr.Dropdown(years, multiselect=True, label="年份（不选为全部）", elem_id="govqa-years")
            sort = gr.Radio(list(SORTS), value="数值从高到低", label="排序")
        go = gr.Button("对比", variant="primary", elem_id="govqa-compare")
        message = gr.Markdown(elem_id="govqa-compare-message")
        with gr.Row():
            result = gr.Dataframe(headers=COLUMNS, interactive=False, label="对比结果", elem_id="govqa-compare-table", scale=3)
            chart = gr.BarPlot(x="单位", y="数值", sort="-y", label="柱状图（⚠ 勾稽关系异常）", elem_id="govqa-chart", scale=2,
                               y_lim=[0, None],  # bars start at zero: a bar of 75 beside one of 90 is not a sliver
                               x_label_angle=-40, x_title="单位", y_title="数值")
        download = gr.DownloadButton("下载 CSV", value=None, elem_id="govqa-download")
        gr.Markdown(f"### 年度 × 单位\n{LEGEND}", elem_id="govqa-years-head")
        grid = gr.Dataframe(interactive=False, label="年度 × 单位", elem_id="govqa-years-table", wrap=True)
        charts = gr.HTML(elem_id="govqa-years-charts")
        grid_download = gr.DownloadButton("下载年度 × 单位 CSV", value=None, visible=False, elem_id="govqa-years-download")

    def _rows(t: str) -> tuple[Any, Any]:
        first = row_choices(catalog, t)
        r = first[0][1] if first else None
        cols = col_choices(catalog, t, r)
        return gr.update(choices=first, value=r), gr.update(choices=cols, value=cols[-1][1] if cols else None)

    def _cols(t: str, r: str) -> Any:
        cols = col_choices(catalog, t, r)
        return gr.update(choices=cols, value=cols[-1][1] if cols else None)

    def _compare(t: str, r: str, c: str, a: list[str], y: list[int], s: str) -> tuple[Any, ...]:
        res = compare_result(qa, catalog, t, r, c, a, y, s)
        plot = gr.update(value=res.bars, sort="-y" if s == "数值从高到低" else "y" if s == "数值从低到高" else "x")
        return (res.message, res.frame, plot, gr.update(value=res.csv, visible=res.csv is not None),
                res.grid if res.grid is not None else pd.DataFrame(), res.charts,
                gr.update(value=res.grid_csv, visible=res.grid_csv is not None))

    def _refresh() -> tuple[Any, Any]:
        a, y = agency_choices(qa)
        return gr.update(choices=a), gr.update(choices=y)

    inputs = [table, row, col, agency, year, sort]
    outputs = [message, result, chart, download, grid, charts, grid_download]
    # every selector refreshes the result at once; 对比 stays for running it again after an upload
    table.input(_rows, inputs=[table], outputs=[row, col], api_visibility="private").then(
        _compare, inputs=inputs, outputs=outputs, api_visibility="private")
    row.input(_cols, inputs=[table, row], outputs=[col], api_visibility="private").then(
        _compare, inputs=inputs, outputs=outputs, api_visibility="private")
    go.click(_compare, inputs=inputs, outputs=outputs, api_visibility="private")
    for selector in (col, agency, year, sort):
        selector.input(_compare, inputs=inputs, outputs=outputs, api_visibility="private")
    tab.select(_refresh, outputs=[agency, year], api_visibility="private")
    return tab
