"""What every ``govqa`` command shares: the exit codes and the Settings the group built for this invocation."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from govqa.core.config import Settings

if TYPE_CHECKING:
    from govqa.qa.service import GovQA

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def settings_of(ctx: click.Context) -> Settings:
    """The Settings built by the group for this invocation."""
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj


def open_govqa(settings: Settings) -> GovQA:
    """The service for this command, closed when the command ends (a PostgreSQL store keeps no idle sessions)."""
    from govqa.qa.service import GovQA

    qa = GovQA(settings)
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.call_on_close(qa.close)
    return qa
