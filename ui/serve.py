"""CLI commands: serve (registered in qa/cli.py)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from govqa.qa.cli_base import settings_of

if TYPE_CHECKING:
    from govqa.index.ingest import FileResult
    from govqa.qa.service import GovQA


def _ensure_samples(qa: GovQA) -> None:
    """Ingest the bundled sample reports into an empty store, one terminal line per file."""
    from tqdm import tqdm

    from govqa.qa.service import SAMPLES_DIR

    total = sum(1 for p in SAMPLES_DIR.iterdir() if p.is_file())
    bar = tqdm(total=total, desc="导入样例年报", unit="份", disable=not qa.settings.progress)

    def on_file(result: FileResult) -> None:
        bar.update(1)
        bar.write(f"  {result.path.name}: {result.status} ({result.cells} cells, {result.findings} findings)"
                  + (f" {result.error}" if result.error else ""))

    click.echo("govqa: empty store, ingesting the bundled sample reports (first start loads the embedding model) …")
    summary = qa.ensure_samples(on_file=on_file)
    bar.close()
    if summary is not None:
        click.echo(f"govqa: {summary.reports} sample reports ready, {len(summary.refused)} refused, {summary.seconds:.0f}s")


@click.command()
@click.option("--host", default=None, help="Address to listen on (default: settings.host, 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port to listen on (default: settings.port, 7860).")
@click.option("--no-samples", is_flag=True, help="Do not ingest the bundled sample reports into an empty store.")
@click.pass_context
def serve(ctx: click.Context, host: str | None, port: int | None, no_samples: bool) -> None:
    """Serve the web app (问答 / 对比 / 年报库) and the ask/compare API until Ctrl-C."""
    settings = settings_of(ctx)
    # Gradio keeps its own copy of every upload in GRADIO_TEMP_DIR (read when gradio is imported): keep it under home
    os.environ["GRADIO_TEMP_DIR"] = str(settings.gradio_tmp.resolve())
    from govqa.qa.service import GovQA
    from govqa.ui.app import build_app, launch_app

    qa = GovQA(settings)
    if settings.ingest_samples and not no_samples and qa.store.count_reports() == 0:
        _ensure_samples(qa)
    for line in qa.reconcile().lines():  # what a crashed writer left behind
        click.echo(f"govqa: fixed {line}")
    click.echo(f"govqa: warmed up in {qa.warm_up():.1f}s (model and indexes loaded)")
    demo = build_app(qa, host=host or settings.host)
    click.echo(f"govqa: serving on http://{host or settings.host}:{port or settings.port} (Ctrl-C to stop)")
    launch_app(demo, settings, host=host, port=port)
