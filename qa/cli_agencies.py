"""CLI command: agencies — the agencies of the store as entities (registered in qa/cli.py)."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from govqa.qa.cli_base import open_govqa, settings_of


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of entities.")
@click.pass_context
def agencies(ctx: click.Context, as_json: bool) -> None:
    """List the agencies as entities: canonical name, other names, short forms, region, years.

    Names of one body (淮安市洪泽区人民政府 / 洪泽区人民政府) are one entity. Edit GOVQA_HOME/agencies.toml to say
    more: one line per agency, "全称" = ["别名", …]; new reports under any of those names are filed under the 全称.
    """
    from govqa.index.agencies import alias_path, entities, load_aliases

    settings = settings_of(ctx)
    found = entities(open_govqa(settings).store.agencies(), aliases=load_aliases(alias_path(settings.home)))
    if as_json:
        click.echo(json.dumps([asdict(e) for e in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("no reports yet: run `govqa ingest PATH`")
        return
    for e in found:
        years = "、".join(str(y) for y in e.years) or "?"
        click.echo(f"{e.canonical}  [{e.region or '地区不明'}]  {years}")
        if e.names:
            click.echo(f"  names: {'、'.join(e.names)}")
        if e.short_forms:
            click.echo(f"  short: {'、'.join(e.short_forms)}")


COMMANDS: list[click.Command] = [agencies]
