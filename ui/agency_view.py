"""One view per agency in the 年报库 tab: its years side by side (main cells), its findings by kind, and each report's
text with the place of every finding marked (<mark>).

    >>> years_html, findings_html, text_html = agency_view(qa, "平潭综合实验区经济发展局")
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import gradio as gr

from govqa.core.types import FINDING_KINDS, Cell, Finding, Report
from govqa.index.findings import report_findings
from govqa.index.templates import load_templates

if TYPE_CHECKING:
    from govqa.qa.service import GovQA

KIND_LABELS = {"relation": "勾稽关系", "text-table": "正文与表格不符", "yoy": "与上年对比", "parse": "解析",
               "ambiguous": "无法确定", "unit": "单位", "missing": "缺失", "note": "说明"}
SEVERITY_LABELS = {"error": "错误", "check": "请核对", "note": "说明"}
Key = tuple[str, str, str]


@dataclass(frozen=True)
class MainRow:
    """A row of the years-side-by-side table: a label and the cell it shows."""

    label: str
    key: Key


MAIN_ROWS: tuple[MainRow, ...] = (
    MainRow("本年新收申请", ("申请", "一", "总计")),
    MainRow("上年结转申请", ("申请", "二", "总计")),
    MainRow("办理结果总计", ("申请", "三.七", "总计")),
    MainRow("结转下年度继续办理", ("申请", "四", "总计")),
    MainRow("行政复议 总计", ("复议诉讼", "数量", "复议.总计")),
    MainRow("未经复议直接起诉 总计", ("复议诉讼", "数量", "直诉.总计")),
    MainRow("复议后起诉 总计", ("复议诉讼", "数量", "复议后诉.总计")),
    MainRow("规章 本年新制作数量（2019版）", ("主动公开", "规章", "本年新制作数量")),
    MainRow("规章 本年制发件数（2021版）", ("主动公开", "规章", "本年制发件数")),
    MainRow("行政许可 处理决定数量（2019版）", ("主动公开", "行政许可", "处理决定数量")),
    MainRow("行政许可 本年处理决定数量（2021版）", ("主动公开", "行政许可", "本年处理决定数量")),
)


def in_template(version: str, key: Key) -> bool:
    """Whether the template version prints this cell (a "mixed" or unknown version: assume it does)."""
    templates = load_templates()
    if version not in templates:
        return True
    table, row, col = key
    spec = templates[version].tables.get(table)
    return spec is not None and any(r.key == row and col in r.cols for r in spec.rows)


def agency_choices(qa: GovQA) -> list[tuple[str, str]]:
    """Dropdown choices (short name and years, full name) of every stored agency."""
    years: dict[str, list[str]] = {}
    short: dict[str, str] = {}
    for r in qa.store.reports():
        years.setdefault(r.agency, []).append(str(r.year or "?"))
        short.setdefault(r.agency, r.short_name or r.agency)
    return [(f"{short[a]}（{'、'.join(ys)}）", a) for a, ys in sorted(years.items())]


def years_html(reports: Sequence[Report], cells: Mapping[str, Sequence[Cell]],
               findings: Mapping[str, Sequence[Finding]]) -> str:
    """The main cells of each year side by side; a cell a finding rests on is marked, a cell the year's template
    does not print says so (never a zero), a printed-but-unread one shows —."""
    head = "".join(f"<th>{r.year or '?'}年<br><small>模板 {html.escape(r.template)}</small></th>" for r in reports)
    body = []
    values = {r.id: {(c.table, c.row, c.col): c for c in reversed(cells.get(r.id, ()))} for r in reports}
    bad = {r.id: _flagged(findings.get(r.id, ())) for r in reports}
    for main in MAIN_ROWS:
        tds = []
        for r in reports:
            cell = values[r.id].get(main.key)
            if cell is not None:
                cls = ' class="govqa-bad"' if main.key in bad[r.id] else ""
                tds.append(f"<td{cls}>{html.escape(cell.raw or f'{cell.value:g}')}</td>")
            elif not in_template(r.template, main.key):
                tds.append('<td class="govqa-gap" title="该年模板没有这一项">模板无此项</td>')
            else:
                tds.append('<td class="govqa-gap" title="报告中没有读出这个数">—</td>')
        body.append(f"<tr><th>{html.escape(main.label)}</th>{''.join(tds)}</tr>")
    table = f'<table class="govqa-grid"><thead><tr><th></th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    return f'<div class="govqa-grid-wrap">{table}</div>'


def _flagged(findings: Sequence[Finding]) -> set[Key]:
    """The cells of its own report a finding (not a note) names, and those a text-table or yoy finding rests on (a
    broken relation marks only its target: the cells it adds are not wrong)."""
    out: set[Key] = set()
    for f in findings:
        if f.severity != "note":
            out.add((f.table, f.row, f.col))
            if f.kind != "relation":
                out.update((c.table, c.row, c.col) for c in f.cells if c.report is None)
    return out


def findings_html(reports: Sequence[Report], findings: Mapping[str, Sequence[Finding]]) -> str:
    """The agency's findings grouped by kind, each with its year, severity and (when it has one) a link to its place."""
    year = {r.id: r.year for r in reports}
    parts = []
    for kind in FINDING_KINDS:
        items = [(rid, i, f) for rid, fs in findings.items() for i, f in enumerate(fs) if f.kind == kind]
        if not items:
            continue
        lines = []
        for rid, i, f in items:
            link = f' <a href="#{_anchor(rid, i)}">原文位置</a>' if f.start is not None else ""
            lines.append(f'<li class="govqa-sev-{f.severity}">{year[rid] or "?"}年 · '
                         f'{SEVERITY_LABELS.get(f.severity, f.severity)} · {html.escape(f.message)}{link}</li>')
        parts.append(f"<h4>{KIND_LABELS.get(kind, kind)}（{len(items)}）</h4><ul>{''.join(lines)}</ul>")
    return "\n".join(parts) or "<p>没有发现问题。</p>"


def _anchor(report_id: str, index: int) -> str:
    return f"govqa-f-{report_id}-{index}"


def marked_text(text: str, spans: Sequence[tuple[int, int, str, str]]) -> str:
    """The text escaped, each (start, end, anchor, title) span wrapped in <mark>; overlapping spans are merged into
    the first one."""
    out, pos = [], 0
    for start, end, anchor, title in sorted(spans):
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark id="{anchor}" title="{html.escape(title)}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def texts_html(reports: Sequence[Report], findings: Mapping[str, Sequence[Finding]]) -> str:
    """Each year's text, the places of its findings marked; the years with a marked place open first."""
    parts = []
    for r in reports:
        spans = [(f.start, f.end, _anchor(r.id, i), f.message) for i, f in enumerate(findings.get(r.id, ()))
                 if f.start is not None and f.end is not None]
        opened = " open" if spans else ""
        note = f"（{len(spans)} 处标出）" if spans else ""
        parts.append(f'<details class="govqa-agency-text"{opened}><summary>{r.year or "?"}年 · '
                     f'{html.escape(r.source)}{note}</summary><div class="govqa-text">'
                     f"{marked_text(r.text, spans)}</div></details>")
    return "\n".join(parts)


def agency_view(qa: GovQA, agency: str | None) -> tuple[str, str, str]:
    """(years side by side, findings by kind, texts with the findings marked) of one agency, as HTML."""
    if not agency:
        return "<p>请选择一个单位。</p>", "", ""
    reports = sorted((r for r in qa.store.reports() if r.agency == agency), key=lambda r: r.year or 0)
    if not reports:
        return f"<p>⚠ 年报库中没有 {html.escape(agency)} 的报告。</p>", "", ""
    with_text = [qa.store.get_report(r.id) for r in reports]
    cells = qa.store.cells_for(r.id for r in reports)
    found = report_findings(qa.store, reports, settings=qa.settings, notes=True)
    found = {rid: [f for f in fs if f.kind != "note"] for rid, fs in found.items()}  # split notes: parsing detail
    return years_html(reports, cells, found), findings_html(reports, found), texts_html(with_text, found)


def build_agency_view(qa: GovQA, tab: gr.Tab) -> Any:
    """Lay out the per-agency view inside the current block and wire it (its choices refresh when tab is selected)."""
    choices = agency_choices(qa)
    first = choices[0][1] if choices else None
    shown = agency_view(qa, first)
    with gr.Accordion("按单位查看：历年对比、问题与原文", open=False, elem_id="govqa-agency-view"):
        pick = gr.Dropdown(choices, value=first, label="单位", elem_id="govqa-agency-pick")
        years = gr.HTML(shown[0], elem_id="govqa-agency-years")
        with gr.Row():
            with gr.Column(scale=2):
                issues = gr.HTML(shown[1], elem_id="govqa-agency-findings")
            with gr.Column(scale=3):
                texts = gr.HTML(shown[2], elem_id="govqa-agency-texts")
    pick.change(lambda agency: agency_view(qa, agency), inputs=[pick], outputs=[years, issues, texts],
                api_visibility="private")
    tab.select(lambda: gr.update(choices=agency_choices(qa)), outputs=[pick], api_visibility="private")
    return pick
