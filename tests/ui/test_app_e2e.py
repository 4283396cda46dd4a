"""End to end: the real GovQA over the bundled seeds, served by Gradio, driven in headless Chromium and gradio_client.

Expected numbers are read by hand from the seed reports:
- 003 红寺堡区 2020, 申请 table row 一 总计: ``一、本年新收政府信息公开申请数量	8	0	0	0	0	0	8`` → 8
- 002 自治区政府办公厅 2020, row 一: ``一、本年新收政府信息公开申请数量 4441 6 0 0 0 0 4447`` → 4447
- 001 掌政镇 and 000 镇北堡镇 break 申请 relations (the spec's seed notes) → marked ⚠ 勾稽关系异常 in the compare tab.
Screenshots go to tests/artifacts/screenshots/; with GOVQA_UPDATE_SCREENSHOTS=1 chat and compare are also copied to
docs/screenshots/ for the README.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "tests" / "artifacts" / "screenshots"
DOC_SHOTS = ROOT / "docs" / "screenshots"
GOOD = ROOT / "tests" / "fixtures" / "layouts" / "2021_format.txt"  # 银川市兴庆区市场监督管理局 2021, not a seed
BAD = ROOT / "tests" / "fixtures" / "formats" / "notables.txt"  # prose only: no standard tables
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def launch_chromium(p: Any) -> Any:
    """Headless Chromium with a short TMPDIR: its SingletonSocket path must stay under 108 bytes, and the tests'
    TMPDIR (inside pytest's tmp_path, named after the test) can be longer than that on a CI runner."""
    short = tempfile.mkdtemp(prefix="gq-", dir="/tmp")
    return p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, env={**os.environ, "TMPDIR": short})


@contextmanager
def serving(qa: Any, settings: Any) -> Iterator[str]:
    """The chat app of qa served on a free loopback port for the block; yields its URL."""
    from govqa.ui.app import build_app, launch_app

    demo = build_app(qa)
    url = launch_app(demo, settings, port=_free_port(), prevent_thread_lock=True)
    try:
        yield url
    finally:
        demo.close()


LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# WCAG relative luminance and contrast of an element's text on its background (or its ::placeholder's)
CONTRAST_JS = """([selector, pseudo]) => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const el = document.querySelector(selector);
  const fg = rgb(getComputedStyle(el, pseudo || null).color);
  let node = el, bg = [255, 255, 255];
  while (node && node.nodeType === 1) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) { bg = c; break; }
    node = node.parentElement;
  }
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}"""
SLOW = 300_000  # ms: the first question loads the embedding model on a shared 2-core machine
STEP = 60_000

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def app_url(settings: Any) -> Iterator[str]:
    """The app served in-process over a store holding the bundled samples (as `govqa serve` does on first start)."""
    from govqa.qa.service import GovQA

    qa = GovQA(settings)
    summary = qa.ensure_samples()
    assert summary is not None and summary.reports == 5 and not summary.refused
    with serving(qa, settings) as url:
        yield url


def _shot(page: Any, name: str, *, for_readme: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if for_readme and os.environ.get("GOVQA_UPDATE_SCREENSHOTS") == "1":
        DOC_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOC_SHOTS / f"{name}.png")


def _ask(page: Any, question: str, answers_before: int, timeout: int) -> Any:
    """Type a question, send it, and wait for its finished answer (the one with a sources panel)."""
    page.locator("#govqa-question textarea").fill(question)
    page.locator("#govqa-send").click()
    sources = page.locator("#govqa-chat details.govqa-sources")
    sources.nth(answers_before).wait_for(timeout=timeout)
    return page.locator('#govqa-chat [data-testid="bot"]').last


def _chinese_only(text: str) -> None:
    assert not LATIN_WORD.search(text), f"English shown to the user: {text!r}"


def _chat(page: Any) -> None:
    # whatever the browser's language, the page is Chinese and the input has a Chinese accessible name
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    page.get_by_text("通过 API 使用").first.wait_for(timeout=STEP)  # Gradio's own texts are Chinese too
    assert page.get_by_text("Use via API").count() == 0
    page.get_by_role("textbox", name="输入问题").wait_for(timeout=STEP)
    for selector, pseudo in (("#govqa-send", ""), ("#govqa-tabs button[role=tab][aria-selected=true]", ""),
                             ("#govqa-question textarea", "::placeholder"), ("#govqa-clear", "")):
        page.locator(selector).first.wait_for(state="attached", timeout=STEP)  # rendered, on a slow machine too
        ratio = page.evaluate(CONTRAST_JS, [selector, pseudo])
        assert ratio >= 4.5, f"{selector}{pseudo} contrast {ratio:.2f}:1 is below WCAG AA"
    # streaming: a typing state (or the text arriving with a cursor) and a stop button while it runs
    page.locator("#govqa-question textarea").fill("红寺堡区2020年收到多少政府信息公开申请？")
    page.locator("#govqa-send").click()
    page.locator("#govqa-chat .govqa-typing, #govqa-chat .govqa-cursor").first.wait_for(timeout=SLOW)
    page.locator("#govqa-chat details.govqa-sources").first.wait_for(timeout=SLOW)
    page.locator("#govqa-stop").wait_for(state="hidden", timeout=STEP)
    assert page.locator("#govqa-send").is_visible()
    answer = page.locator('#govqa-chat [data-testid="bot"]').last
    assert "8" in answer.inner_text().split("来源")[0]
    lead = answer.locator("p.govqa-lead").inner_text()
    assert "8" in lead and "申请" in lead
    assert "行 " not in answer.locator("table.govqa-cells").inner_text()  # human labels, not row keys
    answer.locator("details.govqa-sources summary").click()
    panel = answer.locator("details.govqa-sources")
    assert "吴忠市红寺堡区人民政府" in panel.inner_text()
    assert panel.locator("mark").first.is_visible()
    assert answer.locator("table.govqa-cells").inner_text().count("总计") >= 1
    # the conversation survives a reload
    page.reload()
    page.locator('#govqa-chat [data-testid="bot"]').first.wait_for(timeout=STEP)
    assert "8" in page.locator('#govqa-chat [data-testid="bot"]').last.inner_text()
    # a follow-up keeps the metric and the year and changes the agency
    follow = _ask(page, "那自治区政府办公厅呢？", 1, STEP)
    text = follow.inner_text()
    assert "4447" in text and "自治区" in text
    _shot(page, "chat", for_readme=True)
    # a refusal reads Chinese
    page.locator("#govqa-question textarea").fill("火星区2020年收到多少申请？")
    page.locator("#govqa-send").click()
    page.wait_for_function("document.querySelectorAll('#govqa-chat [data-testid=\"bot\"]').length === 3", timeout=STEP)
    page.locator("#govqa-stop").wait_for(state="hidden", timeout=STEP)
    refusal = page.locator('#govqa-chat [data-testid="bot"]').last.inner_text()
    assert "火星" in refusal
    _chinese_only(refusal)
    # 新对话 clears the chat and what the browser saved
    page.locator("#govqa-clear").click()
    page.locator("#govqa-chat details.govqa-sources").first.wait_for(state="detached", timeout=STEP)
    page.reload()
    page.get_by_text("份年报").first.wait_for(timeout=STEP)
    page.wait_for_timeout(1500)
    assert page.locator('#govqa-chat [data-testid="bot"]').count() == 0
    # an example question (from what the store holds) sends when clicked
    example = page.locator("#govqa-examples button").first
    asked = example.inner_text().strip()
    assert "2020年" in asked
    example.click()
    page.locator("#govqa-chat details.govqa-sources").first.wait_for(timeout=STEP)
    assert asked in page.locator('#govqa-chat [data-testid="user"]').last.inner_text()
    # 停止 shows while an answer is looked up, and stops it
    page.locator("#govqa-question textarea").fill("掌政镇2020年政府信息公开工作存在哪些问题？")
    page.locator("#govqa-send").click()
    page.locator("#govqa-stop").wait_for(state="visible", timeout=STEP)
    page.locator("#govqa-stop").click()
    page.locator("#govqa-send").wait_for(state="visible", timeout=STEP)
    assert page.locator("#govqa-stop").is_hidden()
    page.locator("#govqa-clear").click()


def _mobile(browser: Any, url: str) -> None:
    """390×844: send visible on load, the answer's sentence in view and not squeezed, a screenshot."""
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="en-US", is_mobile=True)
    page.goto(url, timeout=STEP)
    page.get_by_text("份年报").first.wait_for(timeout=STEP)
    box = page.locator("#govqa-send").bounding_box()
    assert box and box["y"] + box["height"] <= 844 and box["x"] + box["width"] <= 390
    page.locator("#govqa-question textarea").fill("自治区政府办公厅2020年收到多少政府信息公开申请？")
    page.locator("#govqa-send").click()
    page.locator("#govqa-chat details.govqa-sources").first.wait_for(timeout=STEP)
    page.locator("#govqa-stop").wait_for(state="hidden", timeout=STEP)
    _shot(page, "chat_mobile", for_readme=True)
    lead_box = page.locator("#govqa-chat p.govqa-lead").last.bounding_box()
    chat_box = page.locator("#govqa-chat").bounding_box()
    assert lead_box and chat_box
    assert chat_box["y"] - 1 <= lead_box["y"] <= chat_box["y"] + chat_box["height"], "answer sentence scrolled away"
    assert lead_box["width"] >= 270, "the answer is squeezed into a narrow column"
    assert chat_box["x"] <= 12, "wide side padding on a phone"  # Gradio's 32px a side, set to 8px in ui/head.html
    # every number of the answer's table on one line, not one digit a line
    lines = page.evaluate("""() => [...document.querySelectorAll('#govqa-chat td.govqa-num')].map((td) => {
      const r = document.createRange(); r.selectNodeContents(td); return new Set([...r.getClientRects()].map((b) => b.top)).size; })""")
    assert lines and all(n == 1 for n in lines), lines
    page.get_by_role("tab", name="对比").click()
    page.locator("#govqa-compare").click()
    page.wait_for_function("document.querySelector('#govqa-compare-table').innerText.includes('4447')", timeout=STEP)
    _shot(page, "compare_mobile")
    page.close()


def _compare(page: Any) -> None:
    page.get_by_role("tab", name="对比").click()
    page.locator("#govqa-compare").click()
    table = page.locator("#govqa-compare-table")
    page.wait_for_function("document.querySelector('#govqa-compare-table').innerText.includes('4447')", timeout=STEP)
    text = table.inner_text()
    assert "自治区政府办公厅" in text and "红寺堡区" in text and "勾稽关系异常" in text
    assert "4447.0" not in text
    assert "本年新收政府信息公开申请数量" in page.locator("#govqa-compare-message").inner_text()
    # changing a selector refreshes the result without pressing 对比
    page.get_by_label("数值从低到高").check()
    page.wait_for_function("!document.querySelector('#govqa-compare-table tbody tr').innerText.includes('自治区政府办公厅')",
                           timeout=STEP)
    page.locator("#govqa-chart canvas, #govqa-chart svg.marks").first.wait_for(timeout=STEP)
    assert page.locator("#govqa-download").is_visible()
    _shot(page, "compare", for_readme=True)


def _upload(page: Any, tmp_path: Path) -> None:
    page.get_by_role("tab", name="年报库").click()
    listing = page.locator("#govqa-report-list")
    page.wait_for_function("document.querySelector('#govqa-report-list').innerText.includes('红寺堡区')", timeout=STEP)
    assert "兴庆区市场监督管理局" not in listing.inner_text()
    good = tmp_path / "兴庆区 市场监管局 2021年报.txt"
    shutil.copyfile(GOOD, good)
    page.locator("#govqa-upload input[type=file]").set_input_files([str(good)])
    page.locator("#govqa-upload").get_by_text(good.name).first.wait_for(timeout=STEP)
    page.locator("#govqa-import").click()
    page.wait_for_function("document.querySelector('#govqa-upload-results').innerText.includes('新增')", timeout=SLOW)
    assert good.name in page.locator("#govqa-upload-results").inner_text()
    # the header counts follow the upload at once, with no tab switch or reload
    page.wait_for_function("document.querySelector('#govqa-header').innerText.includes('6 份年报')", timeout=STEP)
    # and the chat's example questions lead with the agency just uploaded
    page.wait_for_function("document.querySelector('#govqa-examples').textContent.includes('兴庆区')", timeout=STEP)
    page.wait_for_function("document.querySelector('#govqa-report-list').innerText.includes('兴庆区市场监督管理局')",
                           timeout=STEP)
    _shot(page, "reports")
    page.locator("#govqa-upload input[type=file]").set_input_files([str(BAD)])
    page.locator("#govqa-upload").get_by_text(BAD.name).first.wait_for(timeout=STEP)
    page.locator("#govqa-import").click()
    page.wait_for_function("document.querySelector('#govqa-upload-results').innerText.includes('拒绝')", timeout=STEP)
    results = page.locator("#govqa-upload-results").inner_text()
    assert "notables.txt" in results and "no standard tables found" in results
    assert "0 个成功，1 个被拒绝" in page.locator("#govqa-upload-message").inner_text()
    _shot(page, "reports_refused")


def test_app_in_a_browser(app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            # an English browser still gets a Chinese page
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-US")
            page.goto(app_url, timeout=STEP)
            page.get_by_text("份年报").first.wait_for(timeout=STEP)
            _chat(page)
            _mobile(browser, app_url)
            _compare(page)
            _upload(page, tmp_path)
        finally:
            browser.close()

    from gradio_client import Client

    client = Client(app_url, verbose=False)
    answer = client.predict("红寺堡区2020年收到多少政府信息公开申请？", [], api_name="/ask")
    assert answer["found"] is True and answer["route"] == "table" and answer["value"] == 8
    assert any(s["table"] == "申请" and s["row"] == "一" for s in answer["sources"])
    follow = client.predict("那自治区政府办公厅呢？", ["红寺堡区2020年收到多少政府信息公开申请？"], api_name="/ask")
    assert follow["value"] == 4447
    rows = client.predict("申请", "一", "总计", [], [2020], api_name="/compare")
    values = {r["short_name"]: r["value"] for r in rows}
    assert values["自治区政府办公厅"] == 4447 and values["红寺堡区"] == 8
    assert rows[0]["short_name"] == "自治区政府办公厅" and any(r["broken"] for r in rows)
