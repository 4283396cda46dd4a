"""In a browser: the 年报库 tab's per-agency view shows a text-vs-table finding marked in the report's text.

The store holds two real reports of one agency, read in place from the shared corpus (tables only, no model): its
2023 report's prose says no application came in while its table row 一 counts 3.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui.test_app_e2e import STEP, _shot, launch_chromium, serving

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
FILES = ("fujian_pingtan-jjf_2019.txt", "fujian_pingtan-jjf_2023.txt")

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").exists(), reason=f"corpus not found at {CORPUS}")]


@pytest.fixture
def agency_app(settings: Any) -> Iterator[str]:
    from govqa.qa.service import GovQA

    qa = GovQA(settings)
    summary = qa.ingest([CORPUS / name for name in FILES], index_vectors=False)
    assert summary.added == 2
    with serving(qa, settings) as url:
        yield url


def test_agency_in_browser(agency_app: str) -> None:  # a short name: Chromium's socket path under tmp_path is limited
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
            page.goto(agency_app, timeout=STEP)
            page.get_by_role("tab", name="年报库").click()
            page.get_by_text("按单位查看").first.click()
            years = page.locator("#govqa-agency-years")
            years.get_by_text("2023年").first.wait_for(timeout=STEP)
            assert "2019年" in years.inner_text() and "本年新收申请" in years.inner_text()
            assert years.locator("td.govqa-bad").count() >= 1
            findings = page.locator("#govqa-agency-findings")
            assert "正文与表格不符（1）" in findings.inner_text()
            # the text-vs-table finding's link leads to its own place in the text, highlighted (issue 13's done-when)
            item = findings.locator("h4", has_text="正文与表格不符").locator("xpath=following-sibling::ul[1]/li").first
            link = item.get_by_role("link", name="原文位置")
            anchor = link.get_attribute("href")
            assert anchor and anchor.startswith("#govqa-f-")
            link.click()
            mark = page.locator(f"#govqa-agency-texts mark{anchor}")
            mark.scroll_into_view_if_needed(timeout=STEP)
            assert mark.is_visible() and "申请" in mark.inner_text()
            assert mark.get_attribute("title") in item.inner_text()  # the mark carries that finding's message
            background = mark.evaluate("e => getComputedStyle(e).backgroundColor")
            assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
            _shot(page, "agency_view")
        finally:
            browser.close()
