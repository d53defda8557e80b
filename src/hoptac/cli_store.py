"""Knowledge-base commands (``ingest``, ``people``, ``person``, ``events``, ``meetings``, ``threads``,
``thread``, ``timeline``, ``search``, ``stats``, ``export``): thin adapters over
:class:`hoptac.store.Store`, registered on :data:`hoptac.cli.main`.

The database is ``--db URL`` (a SQLAlchemy URL or a file path), else ``$HOPTAC_DB``, else the
default file in the user data directory.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .cli import main, meta_option, report_skip, settings_from, taxonomy_option
from .cli_scale import scale_options, scaled_ingest, wants_scale
from .store import Filters, Store
from .store.export import FORMATS, TABLES

SIDES = ("VN", "US", "OTHER")


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--db URL``: the store to use."""
    return click.option("--db", "db", metavar="URL", default=None,
                        help="Store URL (sqlite:///file.db, postgresql+psycopg://…) or a file path; "
                             "default $HOPTAC_DB, else the user data directory.")(f)


def format_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--format table|json``."""
    return click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                        show_default=True, help="table: readable; json: for machines.")(f)


def filter_options(f: Callable[..., Any], limit: int | None = 50) -> Callable[..., Any]:
    """``--since --until --side --topic --thread --person --limit --offset`` (``limit`` None: no default cap)."""
    limit_help = "At most this many items." if limit is not None else "At most this many items (default: all)."
    opts = [
        click.option("--since", metavar="DATE", help="From this ISO date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--until", metavar="DATE", help="Up to this ISO date, inclusive."),
        click.option("--side", type=click.Choice(SIDES), help="Only this side."),
        click.option("--topic", metavar="ID", help="Only this topic id (e.g. semiconductors)."),
        click.option("--thread", metavar="ID", help="Only this thread id (e.g. market_economy_status)."),
        click.option("--person", metavar="NAME", help="Only records about this person (name or id)."),
        click.option("--background", is_flag=True,
                     help="Events: include past occasions the articles mention in passing."),
        click.option("--limit", type=int, default=limit, show_default=limit is not None, help=limit_help),
        click.option("--offset", type=int, default=0, show_default=True, help="Skip this many items."),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def _filters(kw: dict[str, Any]) -> Filters:
    try:
        return Filters(**{k: kw.pop(k) for k in ("since", "until", "side", "topic", "thread", "person", "limit",
                                                 "offset", "background") if k in kw})
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def open_db(db: str | None, taxonomy: tuple[Path, ...] = ()) -> Store:
    """Open the store for a command; a failure becomes a one-line error."""
    s = settings_from(taxonomy)
    try:
        return Store.open(db or s.db_url, settings=s)
    except Exception as exc:
        raise click.ClickException(f"cannot open the store: {type(exc).__name__}: {exc}".splitlines()[0]) from exc


def emit_json(data: Any) -> None:
    """Print data as JSON."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def table(title: str, cols: list[str], rows: list[list[Any]], total: int | None = None) -> None:
    """Print a rich table."""
    t = Table(title=title if total is None else f"{title} ({len(rows)} of {total})", show_lines=False)
    for c in cols:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*[v if isinstance(v, Text) else Text("" if v is None else str(v)) for v in r])
    # piped output is not cut to 80 columns: a table is as wide as its content
    Console(width=None if sys.stdout.isatty() else 10_000).print(t)


def marked(snippet: str) -> Text:
    """A search snippet with its ``<mark>`` hits shown in bold (nothing else is markup)."""
    out = Text()
    for i, part in enumerate(re.split(r"</?mark>", snippet)):
        out.append(part, style="bold yellow" if i % 2 else None)
    return out


def _short(s: str | None, n: int = 90) -> str:
    s = (s or "").replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


@main.command()
@click.argument("sources", nargs=-1)
@click.option("--feed", "feeds", multiple=True, metavar="URL_OR_FILE", help="An RSS/Atom feed to read (repeatable).")
@click.option("--batch-size", type=int, default=50, show_default=True, help="Articles per transaction.")
@click.option("--progress/--no-progress", default=False, help="One line on stderr per committed batch.")
@click.option("--refresh", is_flag=True,
              help="Rebuild the records of articles already stored from a new extraction (one process).")
@db_option
@format_option
@taxonomy_option
@meta_option
@scale_options
def ingest(sources: tuple[str, ...], feeds: tuple[str, ...], batch_size: int, progress: bool, refresh: bool,
           db: str | None, fmt: str, taxonomy: tuple[Path, ...], meta: Path | None, **scale: Any) -> None:
    """Read SOURCES, extract every article and store it (idempotent: known texts add nothing).

    Each batch is one transaction; a killed ingest leaves a consistent store and running it
    again completes the job. Skipped sources are reported on stderr; exit status 1 if any.
    """
    if not sources and not feeds:
        raise click.UsageError("give at least one SOURCE or --feed")
    settings = settings_from(taxonomy, meta)
    done = [0]

    def on_batch(rep: Any) -> None:
        done[0] += rep.stored + rep.duplicates + rep.unchanged
        for src, why in rep.skipped:
            report_skip(src, why)
        if progress:
            click.echo(f"hoptac: committed {done[0]} articles", err=True)

    if refresh and (scale.get("engine", "local") != "local" or (scale.get("workers") or 1) > 1):
        raise click.UsageError("--refresh runs in one process: leave out --workers and --engine")
    if not refresh and wants_scale(**scale):  # several workers or the Dask engine: hoptac.scale (cli_scale)
        rep = scaled_ingest(sources, feeds=feeds, settings=settings, db_url=db or settings.db_url,
                            batch_size=batch_size, progress=progress, **scale)
    else:
        with open_db(db, taxonomy) as store:
            rep = store.ingest_sources(sources, settings, feeds=feeds, batch_size=batch_size, on_batch=on_batch,
                                       on_skip=report_skip, refresh=refresh)
            orphaned = store.corrections(status="orphaned", limit=1)["total"]
            if orphaned:  # an editor's correction whose record is gone is reported, never dropped
                click.echo(f"hoptac: {orphaned} corrections no longer apply (orphaned): "
                           "hoptac correct list --status orphaned", err=True)
    if fmt == "json":
        emit_json(rep.to_dict())
    else:
        click.echo(f"stored {rep.stored}, near-duplicates linked {rep.duplicates}, unchanged {rep.unchanged}, "
                   f"refreshed {rep.refreshed}, skipped {len(rep.skipped)}")
    if rep.skipped:
        sys.exit(1)


@main.command()
@db_option
@format_option
@filter_options
def people(db: str | None, fmt: str, **kw: Any) -> None:
    """List the people of the store, most often named first (--person filters by name)."""
    f = _filters(kw)
    with open_db(db) as store:
        data = store.people(f)
    if fmt == "json":
        return emit_json(data)
    table("People", ["id", "name", "side", "title", "articles", "statements"],
          [[p["id"], p["name"], p["side"], _short(p["title"] or "", 50), p["articles"], p["statements"]]
           for p in data["items"]], data["total"])


@main.command()
@click.argument("name")
@db_option
@format_option
def person(name: str, db: str | None, fmt: str) -> None:
    """Show one person (by name, alias or id): titles over time, articles, events, statements."""
    with open_db(db) as store:
        data = store.person(name)
        hint = store.suggest_people(name) if data is None else []
    if data is None:
        from .store.suggest import not_found

        raise click.ClickException(not_found("person", name, hint))
    if fmt == "json":
        return emit_json(data)
    aliases = ", ".join(data["aliases"]) or "-"
    click.echo(f"{data['name']}  [{data['side'] or '?'}]  id {data['id']}  aliases: {aliases}")
    click.echo(f"title: {data['title'] or '-'}")
    table("Titles", ["title", "organization", "first seen", "last seen", "articles"],
          [[x["title"], x["organization"], x["first_seen"], x["last_seen"], len(x["articles"])] for x in data["titles"]])
    table("Articles", ["id", "published", "title", "name as written"],
          [[a["id"], a["published"], _short(a["title"], 70), a["name"]] for a in data["articles"]])
    table("Events", ["date", "type", "participants", "sources"],
          [[e["date"], e["type"], ", ".join(p["name"] for p in e["participants"]), e["articles"]]
           for e in data["events"]])
    table("Statements", ["date", "act", "text", "article"],
          [[s["date"], s["act"], _short(s["text"]), s["article_id"]] for s in data["statements"]])


@main.command()
@db_option
@format_option
@filter_options
def events(db: str | None, fmt: str, **kw: Any) -> None:
    """List deduplicated events in date order, each with the number of articles reporting it."""
    f = _filters(kw)
    with open_db(db) as store:
        data = store.events(f)
    if fmt == "json":
        return emit_json(data)
    table("Events", ["id", "date", "type", "participants", "place", "sources", "part of", "parts"],
          [[e["id"], e["date"], e["type"], ", ".join(p["name"] for p in e["participants"]), e["place"], e["articles"],
            e["parent_id"] or "", len(e["parts"]) or ""] for e in data["items"]], data["total"])


@main.command()
@db_option
@format_option
@filter_options
@click.option("--with", "other", metavar="NAME", help="Only the meetings of --person with this person.")
def meetings(db: str | None, fmt: str, other: str | None, **kw: Any) -> None:
    """Who met whom, how often: pairs of people by the occasions they met at (one per real
    occasion, however many outlets reported it; the meetings of one visit count once)."""
    f = _filters(kw)
    with open_db(db) as store:
        data = store.meetings(f, other)
    if fmt == "json":
        return emit_json(data)
    table("Meetings", ["person", "person", "occasions", "undated", "first", "last", "rows"],
          [[m["people"][0]["name"], m["people"][1]["name"], m["occasions"], m["undated"], m["first"], m["last"],
            m["rows"]] for m in data["items"]], data["total"])


@main.command()
@db_option
@format_option
@taxonomy_option
def threads(db: str | None, fmt: str, taxonomy: tuple[Path, ...]) -> None:
    """List the threads (recurring issues) and their sub-issues with status, entries and dates."""
    with open_db(db, taxonomy) as store:
        data = store.threads()
    if fmt == "json":
        return emit_json(data)
    table("Threads", ["id", "label", "status", "entries", "undated", "copies", "articles", "first date", "last date"],
          [[("  └ " if t.get("parent") else "") + t["id"], t["label_vi"], t["status"] or "-", t["entries"],
            t.get("undated", 0), t.get("copies", 0), t["articles"], t["first_date"], t["last_date"]] for t in data])


@main.command()
@click.argument("thread_id")
@db_option
@format_option
@taxonomy_option
def thread(thread_id: str, db: str | None, fmt: str, taxonomy: tuple[Path, ...]) -> None:
    """Show one thread: dated entries in date order, then those of unknown date; status, its history, money."""
    with open_db(db, taxonomy) as store:
        data = store.thread(thread_id)
        ids = [x["id"] for x in store.threads()] if data is None else []
    if data is None:
        from .store.suggest import not_found, suggest_ids

        raise click.ClickException(not_found("thread", thread_id, suggest_ids(thread_id, ids), ids))
    if fmt == "json":
        return emit_json(data)
    up = f" (part of {data['parent']})" if data.get("parent") else ""
    click.echo(f"{data['id']}: {data['label_vi']} / {data['label_en']}{up} — status {data['status'] or '-'}"
               f" (from dated entries only); {data['entries_total']} entries, {data['entries_undated']} of unknown"
               f" date, {data['copies']} more reports of them")
    if data.get("children"):
        table("Sub-issues", ["id", "label", "status", "entries", "first date", "last date"],
              [[c["id"], c["label_vi"], c["status"] or "-", c["entries"], c["first_date"], c["last_date"]]
               for c in data["children"]])

    def rows(es: list[dict[str, Any]]) -> list[list[Any]]:
        return [[e["date"], e["side"], e["actor"], f"{e['role']} ({e['act']})", e["signal"],
                 ", ".join(e.get("subthreads") or []), _short(e["quote"], 110),
                 e["article_id"] + (f" +{len(e['sources'])}" if e.get("sources") else "")] for e in es]

    cols = ["date", "side", "actor", "role (act)", "signal", "sub-issues", "quote", "article (+copies)"]
    table("Entries", cols, rows([e for e in data["entries"] if e.get("dated", True)]))
    undated = [e for e in data["entries"] if not e.get("dated", True)]
    if undated:
        table("Date unknown (never sets the status)", cols, rows(undated))
    table("Status history", ["status", "from", "date", "caused by", "why"],
          [[h["status"], h["from"], h["date"], h["entry"], h["reason"]] for h in data["status_history"]])
    if data.get("money_items"):
        table("Money (side credited, kind)", ["side", "kind", "amount", "payer", "date", "reports", "quote"],
              [[m["side"], m["kind"], m.get("text") or f"{m['value']:,.0f} {m['unit']}", m.get("payer") or "-",
                m.get("date"), m.get("reports", 1), _short(m.get("quote"), 90)] for m in data["money_items"]])
    for side, kinds in data["money"].items():
        for kind, per in kinds.items():
            click.echo(f"money {side} {kind}: " + ", ".join(f"{v:,.0f} {u}" for u, v in per.items()))


@main.command()
@db_option
@format_option
@filter_options
def timeline(db: str | None, fmt: str, **kw: Any) -> None:
    """Events grouped by date."""
    f = _filters(kw)
    with open_db(db) as store:
        data = store.timeline(f)
    if fmt == "json":
        return emit_json(data)
    table("Timeline", ["date", "type", "participants", "sources"],
          [[d["date"], e["type"], ", ".join(p["name"] for p in e["participants"]), e["articles"]]
           for d in data["items"] for e in d["events"]], data["total"])


@main.command()
@click.argument("query")
@click.option("--exact", is_flag=True, help="Tone marks must match (by default `ban dan` finds `bán dẫn`).")
@click.option("--limit", type=int, default=20, show_default=True, help="At most this many hits.")
@click.option("--offset", type=int, default=0, show_default=True, help="Skip this many hits.")
@db_option
@format_option
def search(query: str, exact: bool, limit: int, offset: int, db: str | None, fmt: str) -> None:
    """Full-text search over articles and statements, ranked, with highlighted snippets."""
    with open_db(db) as store:
        data = store.search(query, fold=not exact, limit=limit, offset=offset)
    if fmt == "json":
        return emit_json(data)
    table(f"Search: {query}", ["kind", "id", "date", "snippet"],
          [[h["kind"], h["id"], h["date"], marked(h["snippet"])]
           for h in data["items"]], data["total"])


@main.command()
@db_option
@format_option
def stats(db: str | None, fmt: str) -> None:
    """Counts, per-month series, most active people and organizations, thread statuses."""
    with open_db(db) as store:
        data = store.stats()
    if fmt == "json":
        return emit_json(data)
    table("Counts", ["what", "n"], [[k, v] for k, v in data["counts"].items()])
    months = sorted(set(data["per_month"]["articles"]) | set(data["per_month"]["statements"]))
    table("Per month", ["month", "articles", "events", "statements"],
          [[m, *(data["per_month"][k].get(m, 0) for k in ("articles", "events", "statements"))] for m in months])
    table("Most named people", ["side", "name", "articles"],
          [[side, p["name"], p["articles"]] for side, ps in data["top_people"].items() for p in ps])
    table("Threads", ["thread", "status", "entries"],
          [[k, v["status"] or "-", v["entries"]] for k, v in data["threads"].items()])


@main.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="json/jsonl: full article records; csv/parquet: flat rows.")
@click.option("--table", "table_", type=click.Choice(TABLES), default="articles", show_default=True,
              help="What to export.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default stdout; parquet needs a file or a pipe).")
@db_option
@functools.partial(filter_options, limit=None)
def export(fmt: str, table_: str, output: Path | None, db: str | None, **kw: Any) -> None:
    """Export the store as json, jsonl, csv or parquet."""
    if kw["limit"] is None:  # export everything unless a limit is asked for
        kw["limit"] = 10**9
    f = _filters(kw)
    with open_db(db) as store:
        if output is not None:
            with output.open("wb" if fmt == "parquet" else "w", encoding=None if fmt == "parquet" else "utf-8",
                             newline=None if fmt == "parquet" else "") as out:
                n = store.export(fmt, out, table=table_, f=f)
        else:
            out = sys.stdout.buffer if fmt == "parquet" else sys.stdout
            n = store.export(fmt, out, table=table_, f=f)
    click.echo(f"hoptac: exported {n} {table_}", err=True)
