"""Every command of the `govqa` group has --help text (commands added later are covered too)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from qa.cli import main


def test_the_group_has_commands() -> None:
    assert {"ingest", "reports", "tables", "check"} <= set(main.commands)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_has_help(name: str) -> None:
    command = main.commands[name]
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
    for name in main.commands:
        assert name in result.output
