"""The 年报库 tab: the ingested reports, one report's tables and audit findings beside its text, and uploads."""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr
import pandas as pd

from qa.errors import GovqaError
from qa.metrics import MetricTable
from qa.types import Cell, Finding, Identity
from qa.uploads import save_upload, upload_suffixes
from ui.labels import col_label, row_label, table_label
from ui.messages import finding_text

if TYPE_CHECKING:
    from qa.service import GovQA

log = logging.getLogger(__name__)

REPORT_COLUMNS = ["编号", "单位", "年份", "模板", "单元格数", "问题数", "文件"]
RESULT_COLUMNS = ["文件", "结果", "报告编号", "单元格数", "问题数", "说明"]
FINDING_COLUMNS = ["类型", "表", "行", "列", "说明"]
STATUS = {"added": "新增", "replaced": "新版本已启用（旧版保留）", "inactive": "新版本已保存（未启用，原版本继续使用）",
          "unchanged": "已存在，未改变", "refused": "⚠ 拒绝"}
KINDS = {"relation": "勾稽关系", "parse": "解析", "ambiguous": "无法确定", "unit": "单位", "missing": "缺失", "note": "说明"}


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


def _result_row(name: str, result: Any) -> list[Any]:
    note = result.error or result.note or ""
    return [name, STATUS.get(result.status, result.status), result.report_id or "", result.cells, result.findings, note]


def given_identity(agency: str | None, year: float | str | None) -> Identity:
    """The agency and year typed in the upload fields (blank: read them from each report)."""
    # a blank gr.Number arrives as 0 (its minimum would refuse that before we see it), so 0 means blank too
    text = str(year).strip() if year not in (None, "", 0) else ""
    return Identity(agency=(agency or "").strip() or None, year=int(float(text)) if text else None)


def import_files(qa: GovQA, files: Sequence[str | Path] | None, progress: Any = None,
                 given: Identity | None = None) -> tuple[str, pd.DataFrame]:
    """Copy uploaded files into the uploads folder and ingest them one by one; one result line per file."""
    files = list(files or ())
    if not files:
        return "请先选择要上传的文件。", pd.DataFrame(columns=RESULT_COLUMNS)
    results: list[list[Any]] = []
    for i, raw in enumerate(files):
        src = Path(raw)
        if progress is not None:
            progress((i, len(files)), desc=f"导入 {src.name}")
        try:
            saved = save_upload(src, src.name, settings=qa.settings)
            summary = qa.ingest([saved], given=given)
        except GovqaError as exc:
            results.append([src.name, STATUS["refused"], "", 0, 0, str(exc)])
            continue
        except Exception as exc:  # one broken file must not stop the others; the log has the traceback
            log.exception("upload of %s failed", src.name)
            results.append([src.name, STATUS["refused"], "", 0, 0, f"内部错误：{exc}"])
            continue
        results.extend(_result_row(src.name, r) for r in summary.files)
    if progress is not None:
        progress((len(files), len(files)), desc="完成")
    refused = sum(1 for r in results if r[1] == STATUS["refused"])
    message = f"导入 {len(results)} 个文件：{len(results) - refused} 个成功，{refused} 个被拒绝。"
    return message, pd.DataFrame(results, columns=RESULT_COLUMNS)


def build_reports_tab(qa: GovQA, catalog: Sequence[MetricTable]) -> gr.Tab:
    """Lay out the 年报库 tab inside the current gr.Blocks and wire its events; returns the tab."""
    settings = qa.settings
    with gr.Tab("年报库", id="reports", elem_id="govqa-reports-tab") as tab:
        listing = gr.Dataframe(report_frame(qa), interactive=False, label="已导入的年报", elem_id="govqa-report-list")
        with gr.Accordion("上传新年报", open=True):
            upload = gr.File(file_count="multiple", file_types=list(upload_suffixes()),
                             label=f"选择文件（txt / html / pdf / docx，可多选，每个不超过 {settings.max_file_mb:g} MB）",
                             elem_id="govqa-upload")
            with gr.Row():
                agency_in = gr.Textbox(label="发布机关（报告中读不出时填写全称，可留空）", elem_id="govqa-upload-agency")
                year_in = gr.Number(label="年份（读不出时填写，可留空）", precision=0,
                                    elem_id="govqa-upload-year")
            go = gr.Button("导入", variant="primary", elem_id="govqa-import")
            upload_msg = gr.Markdown(elem_id="govqa-upload-message")
            results = gr.Dataframe(headers=RESULT_COLUMNS, interactive=False, label="导入结果", elem_id="govqa-upload-results")
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

    def _import(files: list[str] | None, agency: str | None, year: float | None,
                progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:
        message, table = import_files(qa, files, progress, given=given_identity(agency, year))
        return message, table, report_frame(qa), gr.update(choices=report_choices(qa)), None

    def _refresh() -> tuple[Any, Any]:
        return report_frame(qa), gr.update(choices=report_choices(qa))

    go.click(_import, inputs=[upload, agency_in, year_in], outputs=[upload_msg, results, listing, pick, upload], api_visibility="private")
    pick.change(lambda rid: show_report(qa, catalog, rid), inputs=[pick], outputs=[summary, grids, issues, text],
               api_visibility="private")
    tab.select(_refresh, outputs=[listing, pick], api_visibility="private")
    return tab
