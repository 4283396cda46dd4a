"""The 年报库 tab: the ingested reports, one report's tables and audit findings beside its text, and uploads."""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import gradio as gr
import pandas as pd

from govqa.core.errors import GovqaError
from govqa.core.types import Cell, Finding
from govqa.qa.staff import Staff
from govqa.ui.agency_view import KIND_LABELS, build_agency_view
from govqa.ui.labels import col_label, row_label, table_label
from govqa.ui.messages import finding_text
from govqa.ui.metrics import MetricTable
from govqa.ui.upload import build_upload_panel

if TYPE_CHECKING:
    from govqa.qa.service import GovQA

log = logging.getLogger(__name__)

REPORT_COLUMNS = ["编号", "单位", "年份", "模板", "单元格数", "问题数", "文件"]
FINDING_COLUMNS = ["类型", "表", "行", "列", "说明"]
KINDS = KIND_LABELS


def report_frame(qa: GovQA) -> pd.DataFrame:
    """Every stored report with its agency, year, template and counts of cells and findings."""
    rows = [
        [r.id, r.agency, r.year, r.template, qa.store.count_cells(r.id), qa.store.count_findings(r.id), r.source]
        for r in qa.store.reports()
    ]
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)


def report_choices(qa: GovQA) -> list[tuple[str, str]]:
    """Dropdown choices (short name + year, id) of every stored report."""
    return [(f"{r.short_name or r.agency} {r.year or ''}（{r.id}）", r.id) for r in qa.store.reports()]


def _grid(cells: Sequence[Cell], rows: list[str], cols: list[str], bad: set[tuple[str, str]], labels: dict[str, str]) -> str:
    """One table as HTML: rows × columns, cells named by a finding marked."""
    value = {(c.row, c.col): c for c in cells}
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = []
    for r in rows:
        tds = []
        for c in cols:
            cell = value.get((r, c))
            text = html.escape(cell.raw or f"{cell.value:g}") if cell else ""
            cls = ' class="govqa-bad"' if (r, c) in bad or (r, "") in bad else ""
            tds.append(f"<td{cls}>{text}</td>")
        body.append(f"<tr><th>{html.escape(labels.get(r, r))}</th>{''.join(tds)}</tr>")
    table = f'<table class="govqa-grid"><thead><tr><th></th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    return f'<div class="govqa-grid-wrap">{table}</div>'


def _ordered(seen: list[str], template_order: list[str]) -> list[str]:
    """Keys in template order, then any the template does not know, as parsed."""
    known = [k for k in template_order if k in seen]
    return known + [k for k in dict.fromkeys(seen) if k not in template_order]


def tables_html(cells: Sequence[Cell], findings: Sequence[Finding], catalog: Sequence[MetricTable]) -> str:
    """The parsed standard tables of one report as HTML grids, in template order."""
    if not cells:
        return "<p>没有解析出表格。</p>"
    parts = []
    for table in catalog:
        mine = [c for c in cells if c.table == table.key]
        if not mine:
            parts.append(f"<h4>{html.escape(table.title)}</h4><p>（报告中没有这张表）</p>")
            continue
        row_order = [r.key for r in table.rows]
        col_order = list(dict.fromkeys(c.key for r in table.rows for c in r.cols))
        rows = _ordered([c.row for c in mine], row_order)
        cols = _ordered([c.col for c in mine], col_order)
        bad = {(f.row, f.col) for f in findings if f.table == table.key}
        parts.append(f"<h4>{html.escape(table.title)}</h4>{_grid(mine, rows, cols, bad, {r.key: r.display for r in table.rows})}")
    return "\n".join(parts)


def findings_frame(findings: Sequence[Finding]) -> pd.DataFrame:
    """The audit and parse findings of one report as a table."""
    rows = [[KINDS.get(f.kind, f.kind), table_label(f.table), row_label(f.table, f.row), col_label(f.table, f.col),
             finding_text(f)] for f in findings]
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def show_report(qa: GovQA, catalog: Sequence[MetricTable], report_id: str | None) -> tuple[str, str, pd.DataFrame, str]:
    """(summary, tables HTML, findings, text) of one report."""
    if not report_id:
        return "请选择一份报告。", "", findings_frame([]), ""
    try:
        report = qa.store.get_report(report_id)
    except GovqaError as exc:
        return f"⚠ {exc}", "", findings_frame([]), ""
    cells = qa.store.cells(report_id=report.id)
    findings = qa.store.findings(report.id)
    summary = (f"**{report.agency}** · {report.year or '年份不明'}年 · 模板 {report.template} · "
               f"{len(cells)} 个单元格 · {len(findings)} 个问题 · 文件 `{report.source}`")
    return summary, tables_html(cells, findings, catalog), findings_frame(findings), report.text


def build_reports_tab(qa: GovQA, catalog: Sequence[MetricTable], staff: Staff) -> gr.Tab:
    """Lay out the 年报库 tab inside the current gr.Blocks and wire its events; returns the tab.

    Uploading is offered as ``staff`` allows (ui/upload.py): after a login, on a loopback server, or not at all.
    """
    with gr.Tab("年报库", id="reports", elem_id="govqa-reports-tab") as tab:
        listing = gr.Dataframe(report_frame(qa), interactive=False, label="已导入的年报", elem_id="govqa-report-list")
        wire_upload = build_upload_panel(qa, staff)
        choices = report_choices(qa)
        first = choices[0][1] if choices else None
        shown = show_report(qa, catalog, first)
        pick = gr.Dropdown(choices, value=first, label="打开报告", elem_id="govqa-report-pick")
        summary = gr.Markdown(shown[0])
        with gr.Row():
            with gr.Column(scale=3):
                grids = gr.HTML(shown[1], elem_id="govqa-report-tables")
                issues = gr.Dataframe(shown[2], interactive=False, label="审核发现的问题", wrap=True)
            with gr.Column(scale=2):
                text = gr.Textbox(shown[3], label="报告原文", lines=30, max_lines=30, interactive=False,
                                  elem_id="govqa-report-text")
        build_agency_view(qa, tab)

    def _refresh() -> tuple[Any, Any]:
        return report_frame(qa), gr.update(choices=report_choices(qa))

    wire_upload([listing, pick], _refresh)
    pick.change(lambda rid: show_report(qa, catalog, rid), inputs=[pick], outputs=[summary, grids, issues, text],
               api_visibility="private")
    tab.select(_refresh, outputs=[listing, pick], api_visibility="private")
    return tab
