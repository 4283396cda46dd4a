"""CLI commands: ask (see qa/cli.py)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
