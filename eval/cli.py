"""CLI command: ``govqa eval QUESTIONS.jsonl`` (registered in qa/cli.py).

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
    from govqa.eval.baseline import BaselineHit
    from govqa.eval.gold import StoredReport
    from govqa.eval.questions import EvalItem
    from govqa.qa.service import GovQA

log = logging.getLogger(__name__)


def report_texts(qa: GovQA) -> list[tuple[str, str]]:
    """(report id, full text) of every ingested report, for the plain-RAG baseline."""
    return [(report.id, report.text) for report in qa.store.reports(with_text=True)]


def stored_reports(qa: GovQA) -> list[StoredReport]:
    """Every ingested report as the strict scorer sees it (id, source file name, agency, year, stored text)."""
    from govqa.eval.gold import StoredReport

    return [StoredReport(r.id, r.source, r.agency, r.year, r.text) for r in qa.store.reports(with_text=True)]


def run_baseline(qa: GovQA, items: list[EvalItem]) -> list[BaselineHit]:
    """Build the plain-RAG baseline over the same reports and look up every question in it."""
    from govqa.eval.baseline import PlainRag

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
              help="Ingest these report files or folders before asking, instead of the bundled samples "
                   "(e.g. --with ../shared/corpus; add --with index/samples to keep the samples too). Repeatable.")
@click.option("--baseline", is_flag=True,
              help="Also build a plain LangChain RAG (chunks + same embeddings + Chroma, top-5) and print its hit rate.")
@click.option("--answers", "answers_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Save every answer (text, found, route, value, unit, reason, sources with offsets) and the stored "
                   "reports to this JSON file, for scoring later with --score-answers.")
@click.option("--score-answers", "answers_in", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Score the answers saved in this file (by --answers) instead of asking again.")
@click.pass_context
def eval_cmd(ctx: click.Context, questions: Path, as_json: bool, report_path: Path | None, mins: tuple[str, ...],
             extra: tuple[Path, ...], baseline: bool, answers_out: Path | None, answers_in: Path | None) -> None:
    """Ask every question of QUESTIONS.jsonl, score the answers, print accuracy per kind and latency per route.

    Each line: {"id", "question", "kind", "expect": [...], "found": bool, "history": [...]} and, in the strict
    format (eval/README.md), "value", "unit", "cells", "evidence", "reason". Answers are scored strictly
    (eval/score.py) and by the old substring rule, side by side; the bars (--min) use the strict figures. Without
    --with, ingests the bundled sample reports first when the store is empty.
    """
    from govqa.eval.answers import load_answers, save_answers
    from govqa.eval.baseline import hit_rates
    from govqa.eval.gold import Gold
    from govqa.eval.questions import load_questions
    from govqa.eval.report import format_summary, markdown_report, to_json
    from govqa.eval.run import parse_min, run_eval, score_saved, unmet_bars
    from govqa.eval.sets import describe_set
    from govqa.qa.cli_base import EXIT_REFUSED, settings_of
    from govqa.qa.conversation import Conversation
    from govqa.qa.service import SAMPLES_DIR, GovQA

    try:
        bars = parse_min(mins)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--min") from exc
    if answers_in is not None and (baseline or answers_out is not None):
        raise click.UsageError("--score-answers scores saved answers: it cannot be combined with --baseline or --answers")
    items = load_questions(questions)
    folders = (*extra, SAMPLES_DIR)
    about = describe_set(questions)
    rates = None
    if answers_in is not None:
        saved, reports = load_answers(answers_in)
        result = score_saved(items, saved, Gold.build(reports, folders=folders))
    else:
        settings = settings_of(ctx)
        qa = GovQA(settings)
        # --with: the store holds the given reports only, as the set's author assumed (no bundled samples added)
        if not extra and qa.ensure_samples() is not None:
            log.info("ingested the bundled sample reports into %s", settings.home)
        if extra:
            summary = qa.ingest(extra)
            for refused in summary.refused:  # e.g. a README or an empty report in a corpus folder: its questions fail
                click.echo(f"govqa eval: not ingested {refused.path}: {refused.error}", err=True)
        stored = stored_reports(qa)
        gold = Gold.build(stored, folders=folders)
        show_progress = settings.progress and not as_json and sys.stderr.isatty()
        with click.progressbar(length=len(items), label="asking", file=sys.stderr) if show_progress else _NoBar() as bar:
            result = run_eval(items, ask=qa.ask, new_conversation=Conversation, on_item=lambda _r: bar.update(1),
                              gold=gold)
        if answers_out is not None:
            save_answers(answers_out, result.results, stored)
            click.echo(f"answers written to {answers_out}", err=True)
        rates = hit_rates(run_baseline(qa, items)) if baseline else None

    if as_json:
        click.echo(json.dumps(to_json(result, baseline=rates, about=about), ensure_ascii=False, indent=2))
    else:
        click.echo(format_summary(result, baseline=rates, about=about))
    if report_path is not None:
        report_path.write_text(markdown_report(result, baseline=rates, source=str(questions), about=about),
                               encoding="utf-8")
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
