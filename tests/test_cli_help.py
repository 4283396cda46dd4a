"""Every command of the `govqa` group has --help text (commands added later are covered too), and the group
holds every command however its modules were first imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from govqa.qa.cli import main

ROOT = Path(__file__).resolve().parents[1]
ALL = {"ingest", "reports", "activate", "delete", "tables", "check", "repair", "agencies", "search", "reindex", "ask",
       "eval", "serve"}
CTX = click.Context(main)
NAMES = main.list_commands(CTX)


def _command(name: str) -> click.Command:
    command = main.get_command(CTX, name)
    assert command is not None, name
    return command


def test_the_group_has_commands() -> None:
    assert set(NAMES) == ALL


@pytest.mark.parametrize("first", ["govqa.qa.cli_ingest", "govqa.qa.cli_search", "govqa.qa.cli_ask", "govqa.qa.cli_agencies", "govqa.eval.cli",
                                   "govqa.ui.serve"])
def test_importing_a_command_module_first_loses_no_command(first: str) -> None:
    """A command module imported before qa.cli (a test, a tool) must not drop commands from the group."""
    code = (f"import {first}, click\nfrom qa.cli import main\n"
            "ctx = click.Context(main)\n"
            "print(' '.join(n for n in main.list_commands(ctx) if main.get_command(ctx, n) is not None))")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert set(out.stdout.split()) == ALL


@pytest.mark.parametrize("name", NAMES)
def test_command_has_help(name: str) -> None:
    command = _command(name)
    assert (command.help or "").strip(), f"`govqa {name}` has no help text"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    first_words = " ".join(command.help.split())[:30]  # click re-wraps long lines
    assert first_words in " ".join(result.output.split())
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            assert (param.help or "").strip(), f"`govqa {name}` option {param.opts} has no help text"


def test_group_help_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in NAMES:
        assert name in result.output
