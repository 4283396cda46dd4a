"""The ``govqa`` command: a thin client of the pipeline stages.

Each command family lives in its own module and this one registers them by name. The families of the pipeline
(qa/cli_ingest.py, cli_agencies.py, cli_search.py, cli_ask.py) are imported here; the two commands that belong to
the layers above the answer side, ``eval`` (eval/cli.py) and ``serve`` (ui/serve.py), are named in ``UPPER`` and
imported only when run or listed, so that qa/ never imports eval/ or ui/ (tests/test_import_graph.py). The
group turns GovqaError into one line and exit code 2.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from govqa.core.config import load_settings
from govqa.core.errors import GovqaError
from govqa.core.regex_cache import install as reuse_compiled_patterns
from govqa.qa import cli_agencies, cli_ask, cli_ingest, cli_search
from govqa.qa.cli_base import EXIT_USAGE

# command name -> (module, attribute) of the commands defined above qa/ in the pipeline
UPPER: dict[str, tuple[str, str]] = {"eval": ("govqa.eval.cli", "eval_cmd"), "serve": ("govqa.ui.serve", "serve")}


class GovqaGroup(click.Group):
    """A click group that prints GovqaError as one line and exits 2 instead of a traceback, and that loads the
    commands of the upper layers (``UPPER``) when they are asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *UPPER})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in UPPER and cmd_name not in self.commands:
            module, attr = UPPER[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except GovqaError as exc:
            click.echo(f"govqa: {exc}", err=True)
            sys.exit(EXIT_USAGE)


@click.group(cls=GovqaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--home", type=click.Path(file_okay=False), default=None, help="Data folder (default: $GOVQA_HOME or ./govqa-data).")
@click.option("-v", "--verbose", is_flag=True, help="Log what happens, for debugging.")
@click.pass_context
def main(ctx: click.Context, home: str | None, verbose: bool) -> None:
    """govqa: ask questions about government information-disclosure annual reports (政府信息公开工作年度报告)."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    reuse_compiled_patterns()  # before a command imports the answer side (core/regex_cache.py)
    try:
        ctx.obj = load_settings(home=home)
    except GovqaError as exc:
        raise click.UsageError(str(exc)) from exc


for _command in (*cli_ingest.COMMANDS, *cli_agencies.COMMANDS, *cli_search.COMMANDS, *cli_ask.COMMANDS):
    main.add_command(_command)
