"""What every ``govqa`` command shares: the exit codes and the Settings the group built for this invocation."""

from __future__ import annotations

import click

from govqa.core.config import Settings

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def settings_of(ctx: click.Context) -> Settings:
    """The Settings built by the group for this invocation."""
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj
