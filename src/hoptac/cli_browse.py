"""Browsing commands (``statements``, ``org``, ``network``, ``brief``): thin adapters over the
store, registered on :data:`hoptac.cli.main`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .cli import main
from .cli_store import _filters, _short, db_option, emit_json, filter_options, format_option, open_db, table
from .store.browse import ACTS, SORTS, StatementView, check_vocab
from .store.cite import statement_citation, with_citations


@main.command()
@db_option
@format_option
@filter_options
@click.option("--act", type=click.Choice(ACTS), help="Only this act.")
@click.option("--actor", metavar="NAME", help="A person id, or words of the speaker's name (tone marks optional).")
@click.option("--outlet", metavar="NAME", help="Words of the outlet's name.")
@click.option("--sort", type=click.Choice(list(SORTS)), default="date", show_default=True, help="The order.")
def statements(db: str | None, fmt: str, act: str | None, actor: str | None, outlet: str | None, sort: str,
               **kw: Any) -> None:
    """Statements filtered by side, act, actor, topic, thread, outlet and dates, each with its citation."""
    f = _filters(kw)
    with open_db(db) as store:
        try:
            check_vocab(store.settings, f.topic, f.thread)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
        data = store.browse_statements(StatementView(filters=f, act=act, actor=actor, outlet=outlet, sort=sort))
    items = with_citations(data["items"])
    if fmt == "json":
        return emit_json({"items": items, "total": data["total"]})
    table("Statements", ["date", "actor", "side", "act", "quote", "outlet"],
          [[s["date"], s["actor"], s["side"], s["act"], _short(s["text"]), s["outlet"]] for s in items], data["total"])


@main.command()
@click.argument("name")
@db_option
@format_option
def org(name: str, db: str | None, fmt: str) -> None:
    """One organization by id or any spelling: aliases, kind, side, people with titles there."""
    with open_db(db) as store:
        o = store.organization(name)
    if o is None:
        raise click.ClickException(f"no organization {name!r}")
    if fmt == "json":
        return emit_json({**o, "statements": with_citations(o["statements"])})
    click.echo(f"{o['name']} ({o['kind'] or '?'}, {o['side'] or '?'}) · {o['articles']} articles · {o['id']}")
    if o["aliases"]:
        click.echo("also: " + "; ".join(o["aliases"]))
    table("People there", ["person", "titles", "first", "last", "articles"],
          [[p["name"], "; ".join(p["titles"]), p["first_seen"], p["last_seen"], p["articles"]] for p in o["people"]])
    click.echo(f"{o['totals']['events']} occasions, {o['totals']['statements']} statements")


@main.command()
@db_option
@format_option
@filter_options
@click.option("--by", type=click.Choice(["person", "organization"]), default="person", show_default=True,
              help="Nodes: people or organizations.")
@click.option("--max-edges", type=int, default=150, show_default=True, help="The strongest edges kept.")
def network(db: str | None, fmt: str, by: str, max_edges: int, **kw: Any) -> None:
    """Who meets whom: pairs of people (or organizations) by the occasions they met at, with dates."""
    f = _filters(kw)
    with open_db(db) as store:
        try:
            check_vocab(store.settings, f.topic, None)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
        net = store.network(f, by, max_edges)
    if fmt == "json":
        return emit_json(net)
    names = {n["id"]: n["name"] for n in net["nodes"]}
    table("Network", [by, by, "occasions", "first", "last"],
          [[names.get(e["source"]), names.get(e["target"]), e["occasions"], e["first"], e["last"]]
           for e in net["edges"]], net["total_edges"])


@main.command()
@click.argument("kind", type=click.Choice(["thread", "person", "period"]))
@click.argument("ident", required=False)
@click.option("--since", metavar="DATE", help="A period's first date.")
@click.option("--until", metavar="DATE", help="A period's last date.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True, help="The brief's language.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True,
              help="markdown: to read or print; json: for machines.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout.")
@db_option
def brief(kind: str, ident: str | None, since: str | None, until: str | None, lang: str, fmt: str,
          output: Path | None, db: str | None) -> None:
    """A brief of a thread or a person (IDENT), or of a period (--since/--until), each line cited."""
    import json

    from .brief import build_brief, to_markdown

    if kind != "period" and not ident:
        raise click.UsageError(f"a brief of a {kind} needs its id or name")
    with open_db(db) as store:
        b = build_brief(store, kind, ident, lang=lang, since=since, until=until)
    if b is None:
        raise click.ClickException(f"no {kind} {ident!r}")
    text = to_markdown(b) if fmt == "markdown" else json.dumps(b, ensure_ascii=False, indent=1) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


__all__ = ["brief", "network", "org", "statement_citation", "statements"]
