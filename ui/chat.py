"""The 问答 tab: a streaming chat over GovQA.ask with sources in a collapsible panel, and the ``ask`` API endpoint."""

from __future__ import annotations

import dataclasses
import html
import logging
import os
import re
import secrets
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from govqa.core.errors import GovqaError, InvalidInput
from govqa.core.types import Answer, Report, Source
from govqa.ui import validate
from govqa.ui.charts import chart_figure
from govqa.ui.labels import col_label, metric_label, table_label
from govqa.ui.messages import user_message

if TYPE_CHECKING:
    from govqa.qa.conversation import Conversation
    from govqa.qa.service import GovQA

log = logging.getLogger(__name__)

EXAMPLES = (
    "红寺堡区2020年收到多少政府信息公开申请？",
    "自治区政府办公厅2020年政府集中采购总金额是多少？",
    "哪个单位2020年收到的申请最多？",
    "镇北堡镇存在哪些主要问题？",
)
CONTEXT_CHARS = 60  # characters of report text shown around a quoted passage
STREAM_STEPS = 12  # an answer appears in this many growing pieces
STREAM_PAUSE = 0.03  # seconds between pieces, so the browser paints each one
REPLAYED = 3  # questions replayed to rebuild the follow-up context after a page reload
STORAGE_KEY = "govqa-chat-history"  # localStorage key of the saved conversation
TYPING = '<span class="govqa-typing" role="status">正在查找<i></i><i></i><i></i></span>'
STOPPED = "（已停止）"
# after an answer: scroll the chat so the answer's first line (the sentence that answers) is in view
SHOW_LATEST = """() => { const bots = document.querySelectorAll('#govqa-chat [data-testid="bot"]');
  if (bots.length) bots[bots.length - 1].scrollIntoView({block: "start", behavior: "instant"}); }"""
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


def cell_value(source: Source) -> str:
    """The printed value of a cell source ("表三 … 总计 = 4447" → "4447")."""
    return source.text.rsplit("=", 1)[-1].strip()


def _is_zero(source: Source) -> bool:
    try:
        return float(cell_value(source).replace(",", "")) == 0
    except ValueError:
        return False


def cell_table_html(sources: Sequence[Source]) -> str:
    """A compact HTML table of the cells an answer used, with human labels (empty when it used none).

    The total comes first; cells printed as 0 fold into one line, so one asked number is not a 7-row breakdown.
    """
    cells = [s for s in sources if s.table]
    if not cells:
        return ""
    several = len({_who(s) for s in cells}) > 1
    zeros = [s for s in cells if _is_zero(s)] if len(cells) > 2 else []
    shown = sorted((s for s in cells if s not in zeros), key=lambda s: (s.col or "").endswith("总计"), reverse=True)

    def line(who: str, label: str, value: str) -> str:
        first = f"<td>{esc(who)}</td>" if several else ""
        return f'<tr>{first}<td>{esc(label)}</td><td class="govqa-num">{esc(value)}</td></tr>'

    rows = [line(_who(s), metric_label(s.table or "", s.row or "", s.col or ""), cell_value(s)) for s in shown]
    if zeros:
        names = "、".join(dict.fromkeys(col_label(z.table or "", z.col or "") for z in zeros))
        rows.append(line("", f"其余 {len(zeros)} 项（{names}）", "均为 0"))
    head = ("<th>单位 · 年度</th>" if several else "") + "<th>项目</th><th>数值</th>"
    caption = "" if several else f"<caption>{esc(_who(cells[0]))} · {esc(table_label(cells[0].table or ''))}</caption>"
    return f'<table class="govqa-cells">{caption}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _where(source: Source) -> str:
    if source.table:
        return f"{table_label(source.table)} · {metric_label(source.table, source.row or '', source.col or '')}"
    return f"第「{source.section or '正文'}」部分"


def sources_html(sources: Sequence[Source], report_text: ReportText) -> str:
    """A collapsible <details> panel listing every source with its quoted passage highlighted."""
    if not sources:
        return ""
    items = []
    for s in sources:
        quote = f"<mark>{esc(flat(s.text))}</mark>" if s.table else quote_with_context(report_text(s.report), s)
        items.append(
            f"<li><b>{esc(_who(s))}</b> · {esc(_where(s))} · <code>{esc(s.report)}</code>"
            f'<div class="govqa-quote">{quote}</div></li>'
        )
    return (
        f'<details class="govqa-sources"><summary>来源（{len(sources)}）</summary>'
        f"<ol>{''.join(items)}</ol></details>"
    )


def lead_html(text: str, *, typing: bool = False) -> str:
    """The answer's first line as the lead sentence, the rest below it (a cursor while it is still arriving)."""
    first, _, rest = text.strip().partition("\n")
    cursor = '<span class="govqa-cursor" aria-hidden="true"></span>' if typing else ""
    lead = f'<p class="govqa-lead">{esc(first)}{cursor if not rest else ""}</p>'
    if not rest:
        return lead
    lines = "<br>".join(esc(line) for line in rest.strip().splitlines() if line.strip())
    return f'{lead}<div class="govqa-rest">{lines}{cursor}</div>'


def trend_chart_html(answer: Answer) -> str:
    """A trend answer's series as a line chart, years on x and gaps left open ('' for any other answer)."""
    series = answer.series
    if series is None or len(series.points) < 2 or all(p.value is None for p in series.points):
        return ""
    return chart_figure(series.points, title=f"{series.agency} · {series.label}", unit=series.unit)


def render_answer(answer: Answer, report_text: ReportText) -> str:
    """The full assistant message: the lead sentence, the cells as a compact table (and a trend's line chart), and
    the sources panel."""
    route = ROUTE_LABELS.get(answer.route, answer.route)
    parts = [lead_html(answer.text), cell_table_html(answer.sources), trend_chart_html(answer),
             sources_html(answer.sources, report_text)]
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
    from govqa.qa.conversation import Conversation

    return Conversation()


def user_questions(history: Sequence[dict[str, Any]]) -> list[str]:
    """The questions the user asked in a chat history, as typed (the history holds them HTML-escaped)."""
    return [html.unescape(str(m.get("content", ""))) for m in history if m.get("role") == "user"]


def restored_conversation(qa: GovQA, history: Sequence[dict[str, Any]]) -> Conversation:
    """A Conversation rebuilt from a restored chat (after a page reload), so a follow-up still has its context."""
    conv = new_conversation()
    for question in user_questions(history)[-REPLAYED:]:
        try:
            qa.ask(question, conversation=conv)
        except Exception:  # an old question that fails now only loses its context  # noqa: BLE001
            log.info("could not replay %r", question)
    return conv


def respond(qa: GovQA, message: str, history: History | None,
            conv: Conversation | None) -> Iterator[tuple[History, Conversation, str]]:
    """Answer ``message`` in the context of ``conv``, yielding the chat as the answer streams in."""
    history = list(history or [])
    if conv is None:
        conv = restored_conversation(qa, history) if history else new_conversation()
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
    history.append({"role": "assistant", "content": TYPING})
    yield list(history), conv, ""
    try:
        answer = qa.ask(message, conversation=conv)
    except Exception as exc:  # the UI must survive a bug in a stage; the log has the traceback
        if not isinstance(exc, GovqaError):
            log.exception("ask failed for %r", message)
        history[-1] = {"role": "assistant", "content": f"⚠ {esc(user_message(exc))}"}
        yield list(history), conv, ""
        return
    for piece in stream_pieces(answer.text):
        history[-1] = {"role": "assistant", "content": lead_html(piece, typing=True)}
        yield list(history), conv, ""
        time.sleep(STREAM_PAUSE)
    history[-1] = {"role": "assistant", "content": render_answer(answer, report_text_lookup(qa))}
    yield list(history), conv, ""


def stopped(history: History | None) -> History:
    """The chat after the user pressed 停止: an answer still being looked up says so instead of typing forever."""
    history = list(history or [])
    if history and history[-1].get("role") == "assistant" and history[-1].get("content") == TYPING:
        history[-1] = {"role": "assistant", "content": STOPPED}
    return history


def ask_api(qa: GovQA, question: str, history: Sequence[str] = ()) -> dict[str, Any]:
    """One stateless answer for API clients: earlier questions of the same chat go in ``history``."""
    conv = new_conversation()
    for earlier in history:
        qa.ask(earlier, conversation=conv)
    return dataclasses.asdict(qa.ask(question, conversation=conv))


def example_questions(reports: Sequence[Report], *, first: Sequence[str] = (), limit: int = 5) -> list[str]:
    """Example questions over what the store holds: agencies in ``first`` (just uploaded) lead, latest year each."""
    latest: dict[str, tuple[int, str]] = {}
    for r in reports:
        if r.year is not None and r.year >= latest.get(r.agency, (0, ""))[0]:
            latest[r.agency] = (r.year, r.short_name or r.agency)
    if not latest:
        return []
    order = sorted(latest, key=lambda a: (a not in first, a))
    year, name = latest[order[0]]
    asks = [f"{latest[a][1]}{latest[a][0]}年收到多少政府信息公开申请？" for a in order[: max(1, limit - 2)]]
    newest = max(y for y, _ in latest.values())
    asks.append(f"哪个单位{newest}年收到的政府信息公开申请最多？")
    asks.append(f"{name}{year}年政府信息公开工作存在哪些问题？")
    return asks[:limit]


@dataclass(frozen=True)
class ChatTab:
    """The 问答 tab's parts the app wires to page-level events (restore on load, refresh after an upload)."""

    chatbot: gr.Chatbot
    saved: gr.BrowserState
    examples: gr.Dataset


SECRET_FILE = "browser_state.key"  # under GOVQA_HOME: the key the saved chat is encrypted with in the browser


def browser_secret(home: Path) -> str | None:
    """The key BrowserState encrypts the saved chat with, kept in GOVQA_HOME so that a chat saved in the browser
    still opens after the server restarts (gradio draws a new random key per start); None (a key for this start
    only) when the home cannot hold it."""
    path = Path(home) / SECRET_FILE
    try:
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass  # another server process wrote it first: use theirs
            else:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(secrets.token_urlsafe(24))
        return path.read_text(encoding="utf-8").strip() or None
    except OSError as exc:
        log.warning("cannot keep the chat key in %s (%s): saved chats last until the server restarts", path, exc)
        return None


def build_chat_tab(qa: GovQA) -> ChatTab:
    """Lay out the 问答 tab inside the current gr.Blocks and wire its events."""
    conv = gr.State(None)
    saved = gr.BrowserState([], storage_key=STORAGE_KEY, secret=browser_secret(qa.settings.home))
    chatbot = gr.Chatbot(
        label="问答",
        show_label=False,  # the floating label would cover the first words of the answer at the top
        height=560,
        elem_id="govqa-chat",
        buttons=["copy"],
        feedback_options=None,
        autoscroll=False,  # SHOW_LATEST puts the top of the newest answer in view, not its last line
        placeholder="问一个关于政府信息公开工作年度报告的问题，例如某单位某年收到多少申请。",
    )
    with gr.Row(elem_id="govqa-ask-row", equal_height=True):
        box = gr.Textbox(label="输入问题", show_label=False, placeholder="输入问题，回车发送", scale=8,
                         elem_id="govqa-question", lines=1, max_lines=4)
        send = gr.Button("发送", variant="primary", scale=1, min_width=64, elem_id="govqa-send")
        stop = gr.Button("停止", variant="stop", scale=1, min_width=64, visible=False, elem_id="govqa-stop")
        clear = gr.Button("新对话", scale=1, min_width=64, elem_id="govqa-clear")
    examples = gr.Dataset(components=[box], samples=[[q] for q in example_questions(qa.store.reports())],
                          label="示例问题（点击即发送）", elem_id="govqa-examples", samples_per_page=6)

    def _respond(message: str, history: History, state: Conversation | None) -> Iterator[tuple[Any, ...]]:
        for chat, c, text in respond(qa, message, history, state):
            yield chat, c, text, chat

    def _example(sample: list[str]) -> str:
        return str(sample[0]) if sample else ""

    busy = (gr.update(visible=False), gr.update(visible=True))
    idle = (gr.update(visible=True), gr.update(visible=False))
    outputs = [chatbot, conv, box, saved]
    events = []
    for trigger, inputs in ((box.submit, [box]), (send.click, [box]), (examples.click, [examples])):
        fill = (lambda s: _example(s)) if inputs[0] is examples else (lambda m: m)
        event = (trigger(fill, inputs=inputs, outputs=[box], api_visibility="private", queue=False)
                 .then(lambda: busy, outputs=[send, stop], api_visibility="private", queue=False)
                 .then(_respond, inputs=[box, chatbot, conv], outputs=outputs, api_visibility="private"))
        event.then(lambda: idle, outputs=[send, stop], api_visibility="private", queue=False, js=SHOW_LATEST)
        events.append(event)
    stop.click(lambda h: (stopped(h), stopped(h), *idle), inputs=[chatbot], outputs=[chatbot, saved, send, stop],
               cancels=events, api_visibility="private", queue=False)
    clear.click(lambda: ([], None, "", []), outputs=[chatbot, conv, box, saved], api_visibility="private")
    return ChatTab(chatbot=chatbot, saved=saved, examples=examples)
