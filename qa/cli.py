"""The ``govqa`` command: a thin client of the pipeline stages.

Each command family lives in its own module (cli_ingest, cli_search, cli_ask, cli_eval, cli_serve) and
exports ``COMMANDS``; this module only assembles them and turns GovqaError into a message and exit code.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from qa.config import Settings, load_settings
from qa.errors import GovqaError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
COMMAND_MODULES = ("qa.cli_ingest", "qa.cli_agencies", "qa.cli_search", "qa.cli_ask", "qa.cli_eval", "qa.cli_serve")


class GovqaGroup(click.Group):
    """A click group that prints GovqaError as one line and exits 2 instead of a traceback."""

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
    try:
        ctx.obj = load_settings(home=home)
    except GovqaError as exc:
        raise click.UsageError(str(exc)) from exc


def settings_of(ctx: click.Context) -> Settings:
    """The Settings built by the group for this invocation."""
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj


for _name in COMMAND_MODULES:
    for _cmd in getattr(importlib.import_module(_name), "COMMANDS", ()):
        main.add_command(_cmd)
