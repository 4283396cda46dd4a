"""CLI command: ``govqa eval QUESTIONS.jsonl`` (see qa/cli.py).

Exit codes: 0 all --min bars met, 1 a bar not met, 2 usage error (bad option, unreadable or invalid question file).
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from eval.baseline import BaselineHit
    from eval.questions import EvalItem
    from qa.service import GovQA

log = logging.getLogger(__name__)


def report_texts(qa: GovQA) -> list[tuple[str, str]]:
    """(report id, full text) of every ingested report, for the plain-RAG baseline."""
    return [(report.id, report.text) for report in qa.store.reports(with_text=True)]


def run_baseline(qa: GovQA, items: list[EvalItem]) -> list[BaselineHit]:
    """Build the plain-RAG baseline over the same reports and look up every question in it."""
    from eval.baseline import PlainRag

    rag = PlainRag.build(qa.settings, report_texts(qa))
    return [rag.hit(item) for item in items]


@click.command("eval")
@click.argument("questions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON instead of tables.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write a markdown report with an SVG bar chart to this file.")
@click.option("--min", "mins", multiple=True, metavar="KIND=RATIO",
              help="Fail (exit 1) when a kind's accuracy is below RATIO, e.g. --min table=0.98 --min refuse=1.0 "
                   "(KIND 'overall' is the whole set). Repeatable.")
@click.option("--with", "extra", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Also ingest these report files or folders before asking (e.g. a question set over test fixtures). Repeatable.")
@click.option("--baseline", is_flag=True,
              help="Also build a plain LangChain RAG (chunks + same embeddings + Chroma, top-5) and print its hit rate.")
@click.pass_context
def eval_cmd(ctx: click.Context, questions: Path, as_json: bool, report_path: Path | None, mins: tuple[str, ...],
             extra: tuple[Path, ...], baseline: bool) -> None:
    """Ask every question of QUESTIONS.jsonl, score the answers, print accuracy per kind and latency per route.

    Each line: {"id", "question", "kind", "expect": [...], "found": bool, "history": [...]}. Ingests the bundled
    sample reports first when the store is empty.
    """
    from eval.baseline import hit_rates
    from eval.questions import load_questions
    from eval.report import format_summary, markdown_report, to_json
    from eval.run import parse_min, run_eval, unmet_bars
    from qa.cli import EXIT_REFUSED, settings_of
    from qa.conversation import Conversation
    from qa.service import GovQA

    try:
        bars = parse_min(mins)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--min") from exc
    items = load_questions(questions)
    settings = settings_of(ctx)
    qa = GovQA(settings)
    if qa.ensure_samples() is not None:
        log.info("ingested the bundled sample reports into %s", settings.home)
    if extra:
        summary = qa.ingest(extra)
        if summary.refused:
            raise click.ClickException("refused: " + "; ".join(f"{r.path}: {r.error}" for r in summary.refused))

    show_progress = settings.progress and not as_json and sys.stderr.isatty()
    with click.progressbar(length=len(items), label="asking", file=sys.stderr) if show_progress else _NoBar() as bar:
        result = run_eval(items, ask=qa.ask, new_conversation=Conversation, on_item=lambda _r: bar.update(1))
    rates = hit_rates(run_baseline(qa, items)) if baseline else None

    if as_json:
        click.echo(json.dumps(to_json(result, baseline=rates), ensure_ascii=False, indent=2))
    else:
        click.echo(format_summary(result, baseline=rates))
    if report_path is not None:
        report_path.write_text(markdown_report(result, baseline=rates, source=str(questions)), encoding="utf-8")
        click.echo(f"report written to {report_path}", err=True)
    unmet = unmet_bars(result, bars)
    for message in unmet:
        click.echo(f"govqa eval: {message}", err=True)
    if unmet:
        ctx.exit(EXIT_REFUSED)


class _NoBar:
    """A do-nothing stand-in for click's progress bar."""

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        """Ignore progress."""


COMMANDS: list[click.Command] = [eval_cmd]
