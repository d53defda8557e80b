"""``hoptac correct ...``: an editor's corrections of the record, with their audit trail.

Thin adapters over :meth:`hoptac.store.Store.correct` and its siblings (store/curation.py):
each correction needs ``--why`` and is signed ``--who`` (default ``$USER``); it is applied at
once and again after every ingest, ``--refresh`` included.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .cli import main, taxonomy_option
from .cli_store import _short, db_option, emit_json, format_option, open_db, table
from .store.curation import KINDS, CorrectionError

STATUSES = ("applied", "orphaned", "undone", "undo")


def _who() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "editor"


def why_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--why`` (required), ``--who``, ``--db``, ``--format``, ``--taxonomy``."""
    for o in reversed([click.option("--why", required=True, help="Why the record is wrong (kept in the audit trail)."),
                       click.option("--who", default=None, help="Who corrects it (default: the user name)."),
                       db_option, format_option, taxonomy_option]):
        f = o(f)
    return f


@main.group()
def correct() -> None:
    """Correct the record (merge, split, reject, set dates, retag); list, undo, export, import corrections."""


def _run(kind: str, params: dict[str, Any], why: str, who: str | None, db: str | None, fmt: str,
         taxonomy: tuple[Path, ...]) -> None:
    with open_db(db, taxonomy) as store:
        try:
            row = store.correct(kind, params, why=why, who=who or _who())
        except CorrectionError as exc:
            raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        emit_json(row)
    else:
        click.echo(f"{row['id']}: {row['kind']} {row['status']}")


@correct.command("merge-people")
@click.argument("people", nargs=-1, required=True)
@click.option("--name", default=None, help="The name to show for the merged person.")
@why_options
def merge_people(people: tuple[str, ...], name: str | None, **kw: Any) -> None:
    """Merge people (ids): the others into the first, one real person under several entries."""
    _run("merge_people", {"people": list(people), "name": name}, **kw)


@correct.command("split-person")
@click.argument("person")
@click.argument("names", nargs=-1, required=True)
@click.option("--name", default=None, help="The new person's name (default: the first name moved).")
@why_options
def split_person(person: str, names: tuple[str, ...], name: str | None, **kw: Any) -> None:
    """Split a person: the mentions under NAMES are someone else."""
    _run("split_person", {"person": person, "names": list(names), "name": name}, **kw)


@correct.command("merge-orgs")
@click.argument("orgs", nargs=-1, required=True)
@why_options
def merge_orgs(orgs: tuple[str, ...], **kw: Any) -> None:
    """Merge organizations (ids): the others into the first (spellings of one body)."""
    _run("merge_orgs", {"orgs": list(orgs)}, **kw)


@correct.command("split-org")
@click.argument("org")
@click.argument("names", nargs=-1, required=True)
@click.option("--name", default=None, help="The new organization's name (default: the first spelling).")
@click.option("--article", "articles", multiple=True,
              help="Only in this article (repeatable): split one spelling off within some articles.")
@why_options
def split_org(org: str, names: tuple[str, ...], name: str | None, articles: tuple[str, ...], **kw: Any) -> None:
    """Split an organization: its mentions under NAMES (in the --article articles only, if given) are another body."""
    params: dict[str, Any] = {"org": org, "names": list(names), "name": name}
    if articles:
        params["articles"] = list(articles)
    _run("split_org", params, **kw)


@correct.command("merge-events")
@click.argument("events", nargs=-1, required=True)
@why_options
def merge_events(events: tuple[str, ...], **kw: Any) -> None:
    """Merge events (ids): one occasion reported as several."""
    _run("merge_events", {"events": list(events)}, **kw)


@correct.command("split-event")
@click.argument("event")
@click.argument("articles", nargs=-1, required=True)
@why_options
def split_event(event: str, articles: tuple[str, ...], **kw: Any) -> None:
    """Split an event: the reports of ARTICLES are another occasion."""
    _run("split_event", {"event": event, "articles": list(articles)}, **kw)


@correct.command("reject-event")
@click.argument("event")
@why_options
def reject_event(event: str, **kw: Any) -> None:
    """Reject an event (not an occasion, or read wrongly)."""
    _run("reject_event", {"event": event}, **kw)


@correct.command("set-date")
@click.option("--event", default=None, help="An event id.")
@click.option("--statement", default=None, help="A statement id.")
@click.option("--article", default=None, help="An article id (its publication date).")
@click.option("--date", default=None, metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--clear", is_flag=True, help="Clear the date instead.")
@why_options
def set_date(event: str | None, statement: str | None, article: str | None, date: str | None, clear: bool,
             **kw: Any) -> None:
    """Set or clear the date of an event, a statement or an article."""
    if clear == bool(date):
        raise click.UsageError("give --date DATE or --clear")
    _run("set_date", {"event": event, "statement": statement, "article": article, "date": date}, **kw)


@correct.command("statement")
@click.argument("statement")
@click.option("--actor", default=None, help="The right actor.")
@click.option("--act", default=None, help="The right act (request, propose, commit, agree, welcome, inform).")
@click.option("--side", default=None, help="The right side (VN, US, OTHER).")
@why_options
def correct_statement(statement: str, actor: str | None, act: str | None, side: str | None, **kw: Any) -> None:
    """Correct a statement's actor, act or side."""
    _run("correct_statement", {"statement": statement, "actor": actor, "act": act, "side": side}, **kw)


@correct.command("reject-statement")
@click.argument("statement")
@why_options
def reject_statement(statement: str, **kw: Any) -> None:
    """Reject a statement (not a statement, or read wrongly)."""
    _run("reject_statement", {"statement": statement}, **kw)


@correct.command("reject-thread")
@click.argument("statement")
@click.argument("thread")
@why_options
def reject_thread(statement: str, thread: str, **kw: Any) -> None:
    """Take a statement off a thread."""
    _run("reject_thread", {"statement": statement, "thread": thread}, **kw)


@correct.command("add-thread")
@click.argument("statement")
@click.argument("thread")
@why_options
def add_thread(statement: str, thread: str, **kw: Any) -> None:
    """Tag a statement with a thread."""
    _run("add_thread", {"statement": statement, "thread": thread}, **kw)


@correct.command("undo")
@click.argument("correction")
@click.option("--why", default="undo", show_default=True, help="Why it is undone.")
@click.option("--who", default=None, help="Who undoes it (default: the user name).")
@db_option
@format_option
def undo(correction: str, why: str, who: str | None, db: str | None, fmt: str) -> None:
    """Undo a correction (the undo is kept as a row; the records are rebuilt)."""
    with open_db(db) as store:
        try:
            row = store.undo_correction(correction, why=why, who=who or _who())
        except CorrectionError as exc:
            raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        emit_json(row)
    else:
        click.echo(f"{row['id']}: undid {correction}")


@correct.command("list")
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Only corrections in this state.")
@click.option("--kind", type=click.Choice(KINDS), default=None, help="Only this kind.")
@click.option("--ref", default=None, metavar="ID", help="Only those touching this record (person, event, statement…).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=100, show_default=True, help="At most this many.")
@db_option
@format_option
def list_(status: str | None, kind: str | None, ref: str | None, limit: int, db: str | None, fmt: str) -> None:
    """The corrections, newest first: who, when, why, what, and whether each still applies."""
    with open_db(db) as store:
        data = store.corrections(status=status, kind=kind, ref=ref, limit=limit)
    if fmt == "json":
        emit_json(data)
        return
    table("corrections", ["id", "kind", "status", "who", "at", "why", "note"],
          [[c["id"], c["kind"], c["status"], c["who"], c["at"][:19], _short(c["why"], 50), _short(c["note"], 50)]
           for c in data["items"]], data["total"])


@correct.command("export")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here (default: standard output).")
@db_option
def export(out: Path | None, db: str | None) -> None:
    """Export every correction and undo as JSON Lines."""
    with open_db(db) as store:
        lines = store.export_corrections()
    text = "".join(line + "\n" for line in lines)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        click.echo(f"exported {len(lines)} corrections to {out}", err=True)


@correct.command("import")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@db_option
@format_option
def import_(file: Any, db: str | None, fmt: str) -> None:
    """Import corrections from a JSON Lines export (rows already stored are skipped) and apply them."""
    with open_db(db) as store:
        rep = store.import_corrections(file)
    if fmt == "json":
        emit_json(rep)
    else:
        status = ", ".join(f"{k} {v}" for k, v in sorted(rep["status"].items())) or "none live"
        click.echo(f"added {rep['added']}, already stored {rep['skipped']}, bad lines {len(rep['errors'])}; "
                   f"corrections: {status}")
    for e in rep["errors"]:
        click.echo(f"hoptac: {e}", err=True)
    if rep["errors"]:
        sys.exit(1)
