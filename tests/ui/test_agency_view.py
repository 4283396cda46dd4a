"""ui/agency_view.py: one agency's years side by side, its findings by kind and its texts with the findings marked,
over a real GovQA (real SQLite, tables only) holding two real reports of one agency read in place."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from govqa.core.config import Settings
from govqa.core.types import Cell, CellRef, Finding, Report
from govqa.qa.service import GovQA
from govqa.ui.agency_view import agency_choices, agency_view, findings_html, marked_text, years_html

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
AGENCY = "平潭综合实验区经济发展局"


def _report(rid: str, year: int, template: str) -> Report:
    return Report(id=rid, source=f"{rid}.txt", agency="某县统计局", short_name="统计局", aliases=(), year=year,
                  template=template, title="", content_hash=rid * 4, text="")


def test_years_side_by_side_say_what_a_template_does_not_print() -> None:
    old, new = _report("r2019", 2019, "2019"), _report("r2021", 2021, "2021")
    cells = {"r2019": [Cell("申请", "一", "总计", 4, "4"), Cell("主动公开", "规章", "本年新制作数量", 2, "2")],
             "r2021": [Cell("申请", "一", "总计", 40, "40"), Cell("主动公开", "规章", "本年制发件数", 1, "1")]}
    jump = Finding("yoy", "申请", "一", "总计", "本年新收申请：2019年 4 → 2021年 40", 4, 40, severity="check",
                   cells=(CellRef("申请", "一", "总计", 40), CellRef("申请", "一", "总计", 4, "r2019", 2019)))
    page = years_html([old, new], cells, {"r2021": [jump]})
    rows = dict(re.findall(r"<tr><th>([^<]+)</th>(.*?)</tr>", page))
    assert rows["本年新收申请"] == '<td>4</td><td class="govqa-bad">40</td>'
    assert "模板无此项" in rows["规章 本年制发件数（2021版）"].split("</td>")[0]  # 2019 prints no such column
    assert rows["规章 本年制发件数（2021版）"].endswith("<td>1</td>")
    assert "—" in rows["上年结转申请"]  # printed by both templates, read in neither: not a zero
    listing = findings_html([old, new], {"r2021": [jump]})
    assert "与上年对比（1）" in listing and "2021年 · 请核对" in listing and "原文位置" not in listing


def test_marked_text_escapes_and_skips_overlaps() -> None:
    text = "收到申请<3>件，答复3件。"
    got = marked_text(text, [(0, 8, "a", "x&y"), (5, 9, "b", "overlap"), (9, 13, "c", "z")])
    assert got == ('<mark id="a" title="x&amp;y">收到申请&lt;3&gt;件</mark>，<mark id="c" title="z">答复3件</mark>。')


@pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").exists(), reason=f"corpus not found at {CORPUS}")
def test_agency_view_of_real_reports_marks_the_text_table_finding(settings: Settings) -> None:
    qa = GovQA(settings)
    qa.ingest([CORPUS / "fujian_pingtan-jjf_2019.txt", CORPUS / "fujian_pingtan-jjf_2023.txt"], index_vectors=False)
    assert ("经济发展局（2019、2023）", AGENCY) in agency_choices(qa)  # short name (the zone dropped), full name
    years, listing, texts = agency_view(qa, AGENCY)
    assert re.search(r"<th>2019年<br><small>模板 2019</small></th><th>2023年<br><small>模板 2021</small></th>", years)
    new_row = re.search(r"<tr><th>本年新收申请</th>(.*?)</tr>", years)
    assert new_row and new_row.group(1) == '<td>0</td><td class="govqa-bad">3</td>'
    assert "正文与表格不符（1）" in listing and "勾稽关系" in listing
    report = next(r for r in qa.store.reports() if r.year == 2023)
    [f] = qa.store.findings_for([report.id])[report.id][-1:]
    assert f.kind == "text-table" and f.start is not None and f.end is not None
    text = qa.store.get_report(report.id).text
    marks = re.findall(r'<mark id="(govqa-f-[^"]+)" title="[^"]*">(.*?)</mark>', texts)
    assert [m for m in marks if m[1] == html.escape(text[f.start:f.end])]
    assert f'href="#{marks[0][0]}"' in listing  # the finding links to its place in the text
    assert agency_view(qa, "火星局")[0].startswith("<p>⚠")
