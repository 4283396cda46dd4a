"""CLI command ``govqa ask``: answer one question, or one question per stdin line (registered in qa/cli.py).

    govqa ask "红寺堡区2020年收到多少政府信息公开申请？"
    govqa ask --json "镇北堡镇采购花了多少钱"
    printf '红寺堡区收到多少申请\\n那掌政镇呢？\\n' | govqa ask --chat
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from govqa.core.types import Answer

EMPTY_QUESTION = ("问题为空：请在 govqa ask 后写出问题，例如 govqa ask \"红寺堡区2020年收到多少政府信息公开申请？\"\n"
                  "empty question: write the question after `govqa ask`, or pipe one question per line into `govqa ask`")


def answer_json(answer: Answer) -> dict[str, Any]:
    """The JSON object printed by ``govqa ask --json``."""
    sources = []
    for s in answer.sources:
        item: dict[str, Any] = {"report": s.report, "agency": s.agency, "year": s.year}
        if s.table is not None:
            item.update(table=s.table, row=s.row, col=s.col)
        else:
            item.update(section=s.section, start=s.start, end=s.end)
        item["text"] = s.text
        sources.append(item)
    return {"question": answer.question, "answer": answer.text, "found": answer.found, "route": answer.route,
            "value": answer.value, "unit": answer.unit, "formula": answer.formula, "reason": answer.reason, "sources": sources}


def answer_plain(answer: Answer) -> str:
    """The answer and its sources as readable lines."""
    lines = [answer.text]
    for i, s in enumerate(answer.sources, start=1):
        where = s.section or s.table or ""
        lines.append(f"  [{i}] {s.agency} {s.year or ''} {where}: {s.text}")
    return "\n".join(lines)


@click.command("ask")
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object (question, answer, found, route, value, unit, formula, reason, sources).")
@click.option("--chat", is_flag=True, help="With questions on stdin: treat them as one conversation, so follow-ups work.")
@click.pass_context
def ask(ctx: click.Context, question: str | None, as_json: bool, chat: bool) -> None:
    """Answer QUESTION from the ingested reports; without QUESTION read one question per line from stdin
    and print one JSON line per question (the model is loaded once).

    Exit status 1 when the (last) question was refused.
    """
    from govqa.qa.cli_base import EXIT_REFUSED, open_govqa, settings_of
    from govqa.qa.conversation import Conversation

    if question is not None and not question.strip():
        raise click.UsageError(EMPTY_QUESTION)
    govqa = open_govqa(settings_of(ctx))
    conversation = Conversation() if chat else None
    if question is not None:
        answer = govqa.ask(question, conversation=conversation)
        click.echo(json.dumps(answer_json(answer), ensure_ascii=False) if as_json else answer_plain(answer))
        if not answer.found:
            sys.exit(EXIT_REFUSED)
        return
    for line in sys.stdin:
        text = line.strip()
        if not text:
            continue
        answer = govqa.ask(text, conversation=conversation)
        click.echo(json.dumps(answer_json(answer), ensure_ascii=False))


COMMANDS: list[click.Command] = [ask]
