"""The govqa web app: three tabs (问答 / 对比 / 年报库) over one GovQA, plus the ``ask`` and ``compare`` API endpoints.

    >>> demo = build_app(GovQA(load_settings()))
    >>> launch_app(demo, settings, prevent_thread_lock=True)   # returns the local URL
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from govqa.core.config import Settings
from govqa.qa.staff import Staff
from govqa.ui import validate
from govqa.ui.chat import ChatTab, ask_api, build_chat_tab, example_questions
from govqa.ui.compare import build_compare_tab
from govqa.ui.metrics import MetricTable, compare_catalog, metric_catalog
from govqa.ui.reports import build_reports_tab
from govqa.ui.validate import client_errors
from govqa.ui.zh_page import chinese_page_middleware

if TYPE_CHECKING:
    from govqa.qa.service import GovQA

log = logging.getLogger(__name__)

CSS_PATH = Path(__file__).with_name("style.css")
UPLOAD_RESULTS = "govqa-upload-results"  # elem_id of the upload outcome table in the 年报库 tab
TITLE = "政府信息公开工作年度报告问答"
TEMP_FILES_MAX_AGE = (600, 3600)  # every 10 minutes, delete Gradio temp files older than an hour


def header_markdown(qa: GovQA) -> str:
    """The title line with what the store holds."""
    stats = qa.store.stats()
    years = "、".join(str(y) for y in stats["years"]) or "—"
    return (f"## {TITLE}\n{stats['reports']} 份年报 · {stats['agencies']} 个单位 · 年度 {years} · "
            f"{stats['cells']} 个表格数据 · {stats['findings']} 个审核问题")


def add_api(qa: GovQA, catalog: Sequence[MetricTable]) -> None:
    """Expose GovQA.ask and GovQA.compare as the named API endpoints ``/ask`` and ``/compare``.

    Every argument is checked first (ui/validate.py); a refusal or failure reaches the client as a Chinese message.
    """

    def ask(question: str, history: list[str] | None = None) -> dict[str, Any]:
        """Answer a question; earlier questions of the same chat (for follow-ups) go in history."""
        with client_errors(log, "/ask"):
            return ask_api(qa, validate.question(question), validate.history(history))

    def compare(table: str, row: str, col: str, agencies: list[str] | None = None,
                years: list[int] | None = None) -> list[dict[str, Any]]:
        """One metric (table, row, column keys of the template) across reports, sorted by value."""
        with client_errors(log, "/compare"):
            t, r, c = validate.metric(catalog, table, row, col)
            return qa.compare(t, r, c, agencies=validate.agencies(agencies), years=validate.years(years))

    gr.api(ask, api_name="ask")
    gr.api(compare, api_name="compare")


def _by_elem_id(demo: gr.Blocks, elem_id: str) -> Any:
    """The component of ``demo`` with this elem_id, or None."""
    return next((b for b in demo.blocks.values() if getattr(b, "elem_id", None) == elem_id), None)


def wire_page(demo: gr.Blocks, qa: GovQA, header: gr.Markdown, chat: ChatTab) -> None:
    """Page-level events: restore the saved chat on load; header counts and examples follow every upload."""
    known = {r.agency for r in qa.store.reports()}

    def _restore(saved: list[dict[str, Any]] | None) -> tuple[Any, ...]:
        history = list(saved or [])
        return history, header_markdown(qa)

    def _after_upload() -> tuple[Any, ...]:
        reports = qa.store.reports()
        fresh = [r.agency for r in reports if r.agency not in known]
        samples = [[q] for q in example_questions(reports, first=fresh)]
        return header_markdown(qa), gr.update(samples=samples)

    demo.load(_restore, inputs=[chat.saved], outputs=[chat.chatbot, header], api_visibility="private")
    results = _by_elem_id(demo, UPLOAD_RESULTS)
    if results is None:
        log.warning("no #%s in the app: header counts refresh on tab switch only", UPLOAD_RESULTS)
        return
    results.change(_after_upload, outputs=[header, chat.examples], api_visibility="private")


def build_app(qa: GovQA, *, host: str | None = None) -> gr.Blocks:
    """The whole web app over ``qa``, to be served on ``host`` (default settings.host); launch it with :func:`launch_app`.

    The host decides, with the staff accounts in settings, whether uploading is offered (qa/staff.py).
    """
    catalog = metric_catalog()
    staff = Staff.of(qa.settings, host=host or qa.settings.host)
    # Gradio's copies of files sent to its upload route but never imported (by anyone, logged in or not) go after an hour
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=TEMP_FILES_MAX_AGE) as demo:
        header = gr.Markdown(header_markdown(qa), elem_id="govqa-header")
        with gr.Tabs(elem_id="govqa-tabs"):
            with gr.Tab("问答", id="chat", elem_id="govqa-chat-tab"):
                chat = build_chat_tab(qa)
            compare_tab = build_compare_tab(qa, compare_catalog())  # the cells and the indicators (qa/indicators.toml)
            reports_tab = build_reports_tab(qa, catalog, staff)
        for tab in (compare_tab, reports_tab):
            tab.select(lambda: header_markdown(qa), outputs=[header], api_visibility="private")
        wire_page(demo, qa, header, chat)
        add_api(qa, compare_catalog())
    return demo


def launch_app(demo: gr.Blocks, settings: Settings, *, host: str | None = None, port: int | None = None,
               prevent_thread_lock: bool = False) -> str:
    """Serve the app (upload limit, CSS, downloads under GOVQA_HOME); returns the local URL."""
    exports = (settings.home / "exports").resolve()
    exports.mkdir(parents=True, exist_ok=True)
    demo.queue(default_concurrency_limit=2)
    _, url, _ = demo.launch(
        server_name=host or settings.host,
        server_port=port or settings.port,
        prevent_thread_lock=prevent_thread_lock,
        max_file_size=f"{int(settings.max_file_mb * 1024 * 1024)}b",
        allowed_paths=[str(exports)],
        css_paths=[CSS_PATH],
        app_kwargs={"middleware": [chinese_page_middleware()]},  # lang="zh-CN" and Gradio's own texts in Chinese
        footer_links=["api"],
        quiet=True,
        show_error=False,  # only gr.Error messages (written for users) reach a client, never exception text
        ssr_mode=False,
        mcp_server=False,
    )
    log.info("govqa serving at %s", url)
    return str(url)
