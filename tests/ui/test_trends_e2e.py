"""In a browser: a trend question draws a line chart in the chat (gaps left open), and the compare tab offers an
indicator like a cell and a years × agencies view with a line chart per agency, on desktop and on a 390×844 phone.

The store holds reports whose cells are written for this test (real-looking numbers, no corpus text):
- 东城区 2019, 2020, 2021 and 2023 (no 2022 report): 新收申请 120, 135, 98, 142; 公开率 (予以公开 + 部分公开) / 总计:
  2019 (80 + 10) / 120 = 75%, 2020 (100 + 8) / 135 = 80%, 2021 (70 + 7) / 98 = 78.6%, 2023 (120 + 6) / 140 = 90%;
- 西城区 2020, 2021, 2022 (新收申请 60, 75, 71; 公开率 (45 + 3) / 60 = 80%, (50 + 10) / 75 = 80%, (62 + 0) / 71 = 87.3%)
  and a 2023 report that prints no 申请 table (lacking, not zero); its 2021 申请 table breaks a relation (⚠).
Screenshots go to the test's tmp dir.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govqa.core.types import Cell, Finding, ParsedReport, Report, TableResult
from tests.ui.test_app_e2e import SLOW, STEP, launch_chromium, serving

EAST, WEST = "某某市东城区人民政府", "某某市西城区人民政府"
# (agency, short name, year, template, 新收, 予以公开, 部分公开, 办理结果总计); None: the report prints no 申请 table
REPORTS: tuple[tuple[str, str, int, str, tuple[int, int, int, int] | None], ...] = (
    (EAST, "东城区", 2019, "2019", (120, 80, 10, 120)),
    (EAST, "东城区", 2020, "2021", (135, 100, 8, 135)),
    (EAST, "东城区", 2021, "2021", (98, 70, 7, 98)),
    (EAST, "东城区", 2023, "2021", (142, 120, 6, 140)),
    (WEST, "西城区", 2020, "2021", (60, 45, 3, 60)),
    (WEST, "西城区", 2021, "2021", (75, 50, 10, 75)),
    (WEST, "西城区", 2022, "2021", (71, 62, 0, 71)),
    (WEST, "西城区", 2023, "2021", None),
)
BARS = sum(1 for *_, numbers in REPORTS if numbers is not None)  # reports holding 新收申请: one bar each
BROKEN = Finding("relation", "申请", "三.七", "总计", "三.七 ≠ sum of 三.* rows", 70.0, 75.0)

pytestmark = pytest.mark.browser


def _cells(numbers: tuple[int, int, int, int] | None) -> tuple[Cell, ...]:
    published = (Cell("主动公开", "规章", "本年新制作数量", 2.0, "2"),)
    if numbers is None:
        return published
    new, full, part, total = numbers
    return published + tuple(Cell("申请", row, "总计", float(v), str(v))
                             for row, v in (("一", new), ("三.一", full), ("三.二", part), ("三.七", total)))


def _save(settings: Any) -> None:
    from govqa.index.store import Store

    store = Store(settings.db_url)
    for agency, short, year, template, numbers in REPORTS:
        rid = f"{'e' if agency == EAST else 'w'}{year}".ljust(12, "0")
        findings = (BROKEN,) if (agency, year) == (WEST, 2021) else ()
        report = Report(id=rid, source=f"{short}{year}.txt", agency=agency, short_name=short, aliases=(), year=year,
                        template=template, title=f"{agency}{year}年政府信息公开工作年度报告", content_hash=rid * 5, text="")
        store.save(ParsedReport(report, (), TableResult(_cells(numbers), findings, template), findings))


@pytest.fixture
def trend_app(settings: Any) -> Iterator[str]:
    from govqa.qa.service import GovQA

    _save(settings)
    qa = GovQA(settings)
    assert len(qa.store.reports()) == len(REPORTS)
    with serving(qa, settings) as url:
        yield url


def _pick(page: Any, dropdown: str, option: str) -> None:
    """Choose an option of a Gradio dropdown by its label."""
    page.locator(f"{dropdown} input").click()
    page.get_by_role("option", name=option, exact=True).click()


def _trend_in_chat(page: Any, shots: Path, name: str) -> Any:
    """Ask a trend question; the finished answer holds the sentence, the table and a line chart with the gap open."""
    page.locator("#govqa-question textarea").fill("东城区2019到2023年每年收到多少政府信息公开申请？")
    page.locator("#govqa-send").click()
    page.locator("#govqa-chat details.govqa-sources").first.wait_for(timeout=SLOW)
    page.locator("#govqa-stop").wait_for(state="hidden", timeout=STEP)
    answer = page.locator('#govqa-chat [data-testid="bot"]').last
    lead = answer.locator("p.govqa-lead").inner_text()
    assert "2019年120件" in lead and "2023年142件" in lead and "2022年" in lead
    chart = answer.locator("figure.govqa-chart-fig svg.govqa-line")
    chart.scroll_into_view_if_needed(timeout=STEP)
    assert chart.is_visible()
    assert "东城区" in answer.locator("figure.govqa-chart-fig figcaption").inner_text()
    # four years with values, 2022 a gap: 2019-2021 joined by one line, 2023 a point on its own, never a zero
    assert chart.locator("circle.govqa-pt").count() == 4
    assert chart.locator("g.govqa-seg").count() == 1
    assert chart.locator("g.govqa-gap").count() == 1 and "无数据" in chart.locator("g.govqa-gap").text_content()
    labels = chart.locator("text").all_text_contents()
    assert {"120", "135", "98", "142", "2019", "2022", "2023"} <= set(labels)
    page.screenshot(path=str(shots / f"{name}.png"))  # what the user sees, the chart scrolled into view
    return chart.bounding_box()


def _indicator_in_compare(page: Any, shots: Path, name: str) -> None:
    """The indicator 公开率 chosen like a cell: its values per report, then per agency and year with charts."""
    page.get_by_role("tab", name="对比").click()
    _pick(page, "#govqa-table", "计算指标（由表格数值计算）")
    _pick(page, "#govqa-row", "公开率 = (予以公开 + 部分公开) / 办理结果总计")
    page.wait_for_function("document.querySelector('#govqa-compare-table').innerText.includes('78.6')", timeout=STEP)
    listing = page.locator("#govqa-compare-table").inner_text()
    assert "东城区" in listing and "90" in listing and "87.3" in listing
    assert "公开率" in page.locator("#govqa-compare-message").inner_text()
    assert "西城区 2023" in page.locator("#govqa-compare-message").inner_text()  # listed as lacking, not dropped
    grid = page.locator("#govqa-years-table")
    page.wait_for_function("document.querySelector('#govqa-years-table').innerText.includes('78.6')", timeout=STEP)
    assert "87.3" in grid.inner_text() and "无此项" in grid.inner_text()
    page.locator("#govqa-years-charts figure").first.wait_for(timeout=STEP)
    assert "%" in " ".join(page.locator("#govqa-years-charts svg text").all_text_contents())
    page.locator("#govqa-compare-table").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


def _years_by_agencies(page: Any, shots: Path, name: str) -> None:
    """新收申请 for the two agencies chosen: years as columns, agencies as rows, gaps said, one chart each, CSV."""
    page.get_by_role("tab", name="对比").click()
    _pick(page, "#govqa-agencies", "东城区")
    page.wait_for_function("document.querySelector('#govqa-years-table').innerText.includes('142')", timeout=STEP)
    _pick(page, "#govqa-agencies", "西城区")
    page.wait_for_function("document.querySelector('#govqa-years-table').innerText.includes('西城区')", timeout=STEP)
    text = page.locator("#govqa-years-table").inner_text()
    assert [y for y in ("2019年", "2020年", "2021年", "2022年", "2023年") if y in text] == \
        ["2019年", "2020年", "2021年", "2022年", "2023年"]
    assert "120" in text and "135" in text and "98" in text and "142" in text and "60" in text and "71" in text
    assert "75 ⚠" in text  # 西城区 2021 breaks a relation of its 申请 table
    assert "无此项" in text and "—" in text  # 西城区 2023 lacks the table; 东城区 2022 and 西城区 2019 are not stored
    charts = page.locator("#govqa-years-charts figure.govqa-chart-fig")
    assert charts.count() == 2
    assert charts.nth(0).locator("g.govqa-seg").count() >= 1 and charts.nth(0).locator("g.govqa-gap").count() >= 1
    assert page.locator("#govqa-years-download").is_visible()
    # every report is a drawn bar, the one with a broken relation too (a colour domain fixed at the first result hid it)
    page.wait_for_function(f"document.querySelectorAll('#govqa-chart .mark-rect path').length === {BARS}", timeout=STEP)
    fills = page.eval_on_selector_all("#govqa-chart .mark-rect path", "ps => ps.map((p) => p.getAttribute('fill'))")
    assert all(f and f not in ("none", "transparent") for f in fills), fills
    charts.first.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


def test_trend_chart_indicator_and_years_view(trend_app: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    shots = tmp_path / "shots"
    shots.mkdir()
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
            page.goto(trend_app, timeout=STEP)
            page.get_by_text("份年报").first.wait_for(timeout=STEP)
            box = _trend_in_chat(page, shots, "trend_chat")
            assert box and box["width"] >= 320
            _years_by_agencies(page, shots, "years_by_agencies")
            _indicator_in_compare(page, shots, "indicator_compare")

            phone = browser.new_page(viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True)
            phone.goto(trend_app, timeout=STEP)
            phone.get_by_text("份年报").first.wait_for(timeout=STEP)
            box = _trend_in_chat(phone, shots, "trend_chat_mobile")
            assert box and 250 <= box["width"] and box["x"] + box["width"] <= 390, box  # fits the screen, not shrunk away
            _years_by_agencies(phone, shots, "years_by_agencies_mobile")
            for figure in phone.locator("#govqa-years-charts svg.govqa-line").all():
                fig_box = figure.bounding_box()
                assert fig_box and fig_box["x"] + fig_box["width"] <= 390 and fig_box["width"] >= 250, fig_box
        finally:
            browser.close()
