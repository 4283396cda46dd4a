"""The 问答 tab: a streaming chat over GovQA.ask with sources in a collapsible panel, and the ``ask`` API endpoint."""

from __future__ import annotations

import dataclasses
import html
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import gradio as gr

from qa.errors import GovqaError, InvalidInput
from qa.types import Answer, Source
from ui import validate

if TYPE_CHECKING:
    from qa.conversation import Conversation
    from qa.service import GovQA

log = logging.getLogger(__name__)

EXAMPLES = (
    "红寺堡区2020年收到多少政府信息公开申请？",
    "自治区政府办公厅2020年政府集中采购总金额是多少？",
    "哪个单位2020年收到的申请最多？",
    "镇北堡镇存在哪些主要问题？",
)
CONTEXT_CHARS = 60  # characters of report text shown around a quoted passage
STREAM_STEPS = 8  # an answer appears in this many growing pieces
ROUTE_LABELS = {"table": "表格数据", "retrieval": "报告原文", "refuse": "无法回答"}

_BREAKS = re.compile(r"[ \t\u3000]*[\r\n]+[ \t\u3000\r\n]*")
ReportText = Callable[[str], "str | None"]
History = list[dict[str, Any]]


def esc(text: object) -> str:
    """HTML-escape any value for a chat message."""
    return html.escape(str(text), quote=True)


def flat(text: str) -> str:
    """Report text on one line: line breaks (from PDF extraction) would end the HTML block in Markdown."""
    return _BREAKS.sub("", text)


def quote_with_context(report_text: str | None, source: Source) -> str:
    """The quoted passage in <mark>, with a little of the report text before and after it when offsets are known."""
    start, end = source.start, source.end
    if not report_text or start is None or end is None or not (0 <= start < end <= len(report_text)):
        return f"<mark>{esc(flat(source.text))}</mark>"
    before = report_text[max(0, start - CONTEXT_CHARS) : start]
    after = report_text[end : end + CONTEXT_CHARS]
    lead = "…" if start > CONTEXT_CHARS else ""
    tail = "…" if end + CONTEXT_CHARS < len(report_text) else ""
    return f"{lead}{esc(flat(before))}<mark>{esc(flat(report_text[start:end]))}</mark>{esc(flat(after))}{tail}"


def _who(source: Source) -> str:
    year = f" {source.year}年" if source.year else ""
    return f"{source.agency}{year}"


def cell_table_html(sources: Sequence[Source]) -> str:
    """A small HTML table of the table cells an answer used (empty when it used none)."""
    cells = [s for s in sources if s.table]
    if not cells:
        return ""
    rows = "".join(
        f"<tr><td>{esc(_who(s))}</td><td>{esc(s.table)}</td><td>{esc(s.row or '')}</td><td>{esc(s.col or '')}</td>"
        f"<td><mark>{esc(flat(s.text))}</mark></td></tr>"
        for s in cells
    )
    head = "<tr><th>单位 / 年度</th><th>表</th><th>行</th><th>列</th><th>表格原文</th></tr>"
    return f'<table class="govqa-cells"><thead>{head}</thead><tbody>{rows}</tbody></table>'


def sources_html(sources: Sequence[Source], report_text: ReportText) -> str:
    """A collapsible <details> panel listing every source with its quoted passage highlighted."""
    if not sources:
        return ""
    items = []
    for s in sources:
        where = f"表「{s.table}」 {s.row or ''} {s.col or ''}".strip() if s.table else f"第「{s.section or '正文'}」部分"
        quote = f"<mark>{esc(flat(s.text))}</mark>" if s.table else quote_with_context(report_text(s.report), s)
        items.append(
            f"<li><b>{esc(_who(s))}</b> · {esc(where)} · <code>{esc(s.report)}</code>"
            f'<div class="govqa-quote">{quote}</div></li>'
        )
    return (
        f'<details class="govqa-sources"><summary>来源（{len(sources)}）</summary>'
        f"<ol>{''.join(items)}</ol></details>"
    )


def render_answer(answer: Answer, report_text: ReportText) -> str:
    """The full assistant message: answer text, the cells as a table, and the sources panel."""
    route = ROUTE_LABELS.get(answer.route, answer.route)
    parts = [esc(answer.text), cell_table_html(answer.sources), sources_html(answer.sources, report_text)]
    parts.append(f'<div class="govqa-route">依据：{esc(route)}</div>')
    return "\n\n".join(p for p in parts if p)


def stream_pieces(text: str, steps: int = STREAM_STEPS) -> Iterator[str]:
    """Growing prefixes of ``text`` (the last one is the whole text), for a streamed answer."""
    size = max(1, -(-len(text) // steps))
    for end in range(size, len(text) + size, size):
        yield text[: min(end, len(text))]


def report_text_lookup(qa: GovQA) -> ReportText:
    """A cached ``report id -> text`` function over the store (None when the report is gone)."""
    cache: dict[str, str | None] = {}

    def lookup(report_id: str) -> str | None:
        if report_id not in cache:
            try:
                cache[report_id] = qa.store.get_report(report_id).text
            except GovqaError:
                cache[report_id] = None
        return cache[report_id]

    return lookup


def new_conversation() -> Conversation:
    """A fresh follow-up context for one browser session."""
    from qa.conversation import Conversation

    return Conversation()


def respond(qa: GovQA, message: str, history: History | None, conv: Conversation | None) -> Iterator[tuple[History, Conversation, str]]:
    """Answer ``message`` in the context of ``conv``, yielding the chat as the answer streams in."""
    conv = conv if conv is not None else new_conversation()
    history = list(history or [])
    message = (message or "").strip()
    if not message:
        yield list(history), conv, ""
        return
    try:
        message = validate.question(message)
    except InvalidInput as exc:  # too long or with control characters: say so, echo only the start
        history.append({"role": "user", "content": esc(message[:80] + ("…" if len(message) > 80 else ""))})
        history.append({"role": "assistant", "content": f"⚠ {esc(exc)}"})
        yield list(history), conv, ""
        return
    history.append({"role": "user", "content": esc(message)})
    history.append({"role": "assistant", "content": "正在查找……"})
    yield list(history), conv, ""
    try:
        answer = qa.ask(message, conversation=conv)
    except GovqaError as exc:
        history[-1] = {"role": "assistant", "content": f"⚠ {esc(exc)}"}
        yield list(history), conv, ""
        return
    except Exception:  # the UI must survive a bug in a stage; the log has the traceback
        log.exception("ask failed for %r", message)
        history[-1] = {"role": "assistant", "content": "⚠ 内部错误，请查看服务日志。"}
        yield list(history), conv, ""
        return
    for piece in stream_pieces(answer.text):
        history[-1] = {"role": "assistant", "content": esc(piece)}
        yield list(history), conv, ""
    history[-1] = {"role": "assistant", "content": render_answer(answer, report_text_lookup(qa))}
    yield list(history), conv, ""


def ask_api(qa: GovQA, question: str, history: Sequence[str] = ()) -> dict[str, Any]:
    """One stateless answer for API clients: earlier questions of the same chat go in ``history``."""
    conv = new_conversation()
    for earlier in history:
        qa.ask(earlier, conversation=conv)
    return dataclasses.asdict(qa.ask(question, conversation=conv))


def build_chat_tab(qa: GovQA) -> None:
    """Lay out the 问答 tab inside the current gr.Blocks and wire its events."""
    conv = gr.State(None)
    chatbot = gr.Chatbot(
        label="问答",
        height=560,
        elem_id="govqa-chat",
        buttons=["copy"],
        feedback_options=None,
        placeholder="问一个关于政府信息公开工作年度报告的问题，例如某单位某年收到多少申请。",
    )
    with gr.Row():
        box = gr.Textbox(show_label=False, placeholder="输入问题，回车发送", scale=8, elem_id="govqa-question")
        send = gr.Button("发送", variant="primary", scale=1, elem_id="govqa-send")
        clear = gr.Button("清空对话", scale=1, elem_id="govqa-clear")
    gr.Examples(examples=[[q] for q in EXAMPLES], inputs=[box], label="示例问题")

    def _respond(message: str, history: History, state: Conversation | None) -> Iterator[tuple[History, Conversation, str]]:
        yield from respond(qa, message, history, state)

    for trigger in (box.submit, send.click):
        trigger(_respond, inputs=[box, chatbot, conv], outputs=[chatbot, conv, box], api_visibility="private")
    clear.click(lambda: ([], None, ""), outputs=[chatbot, conv, box], api_visibility="private")
