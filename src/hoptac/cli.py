"""The ``hoptac`` command: thin adapters over the library.

Each command opens what it needs, makes one library call and prints the result; library
errors become one-line messages. Command groups live in their own modules and register
themselves on :data:`main` (``cli_store``, ``cli_web``).
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import click
from click.utils import make_default_short_help

from . import __version__
from .errors import one_line
from .settings import DEFAULT, Settings


def taxonomy_option(f):
    """``--taxonomy FILE`` (repeatable): extra topics and threads, merged over the defaults."""
    return click.option("--taxonomy", "taxonomy", multiple=True,
                        type=click.Path(exists=True, dir_okay=False, path_type=Path),
                        help="A YAML taxonomy file of your own topics and threads (repeatable).")(f)


def meta_option(f):
    """``--meta FILE``: the sources' metadata (CSV, TSV or JSON Lines keyed by file name or URL)."""
    return click.option("--meta", "meta", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                        help="A CSV, TSV or JSON Lines file of metadata for the sources (columns file or url, "
                             "and published, outlet, title, url); it wins over what the pages say.")(f)


def settings_from(taxonomy: tuple[Path, ...] = (), meta: Path | None = None, **changes: object) -> Settings:
    """The settings for one command run (a metadata file is read once here, so errors come first)."""
    if meta is not None:
        from .ingest.metafile import MetaError, load_metadata

        meta = meta.resolve()
        try:
            load_metadata(meta)
        except MetaError as exc:
            raise click.ClickException(str(exc)) from None
    return DEFAULT.with_(taxonomy_files=tuple(taxonomy), meta_file=meta, **changes)


def report_skip(source: str, reason: str) -> None:
    """One line on stderr naming a skipped source and why."""
    click.echo(f"hoptac: skipped {one_line(source)}: {one_line(reason)}", err=True)


#: The module that defines each command kept outside this one: imported when that command runs
#: (or when the commands are listed), so that ``hoptac --version`` and ``hoptac extract`` never
#: import the store, the web server or the parallel engines (a second of start-up).
LAZY: dict[str, str] = {
    **dict.fromkeys(("ingest", "people", "person", "events", "meetings", "threads", "thread", "timeline",
                     "search", "stats", "export"), "hoptac.cli_store"),
    **dict.fromkeys(("serve", "demo"), "hoptac.cli_web"),
    "load": "hoptac.cli_scale",
    "correct": "hoptac.cli_correct",
    **dict.fromkeys(("statements", "org", "network", "brief"), "hoptac.cli_browse"),
}


#: The first paragraph of each lazy command's help: ``hoptac --help`` lists every command from it
#: without importing the command modules (0.7 s of CPU); tests/test_cli_startup.py checks that it
#: is each command's own and that the listing reads the same either way.
LAZY_HELP: dict[str, str] = {
    'brief': 'A brief of a thread or a person (IDENT), or of a period (--since/--until), each line cited.',
    'correct': 'Correct the record (merge, split, reject, set dates, retag); list, undo, export, import corrections.',
    'demo': 'Ingest the packaged demo articles into the store, then serve the dashboard and the API.',
    'events': 'List deduplicated events in date order, each with the number of articles reporting it.',
    'export': 'Export the store as json, jsonl, csv or parquet.',
    'ingest': 'Read SOURCES, extract every article and store it (idempotent: known texts add nothing).',
    'load': 'Import the Parquet shards of SHARDS_DIR (written by ingest --engine dask --shards) into the store.',
    'meetings': 'Who met whom, how often: pairs of people by the occasions they met at (one per real\n    occasion, however many outlets reported it; the meetings of one visit count once).',
    'network': 'Who meets whom: pairs of people (or organizations) by the occasions they met at, with dates.',
    'org': 'One organization by id or any spelling: aliases, kind, side, people with titles there.',
    'people': 'List the people of the store, most often named first (--person filters by name).',
    'person': 'Show one person (by name, alias or id): titles over time, articles, events, statements.',
    'search': 'Full-text search over articles and statements, ranked, with highlighted snippets.',
    'serve': 'Serve the dashboard and the JSON API (/api, schema at /openapi.json) over an existing store.',
    'statements': 'Statements filtered by side, act, actor, topic, thread, outlet and dates, each with its citation.',
    'stats': 'Counts, per-month series, most active people and organizations, thread statuses.',
    'thread': 'Show one thread: dated entries in date order, then those of unknown date; status, its history, money.',
    'threads': 'List the threads (recurring issues) and their sub-issues with status, entries and dates.',
    'timeline': 'Events grouped by date.',
}


class _Commands(dict):  # type: ignore[type-arg]
    """The group's commands: reading the whole table first attaches every command module."""

    def _all(self) -> None:
        if not getattr(self, "loaded", False):
            self.loaded = True
            _register()

    def __contains__(self, key: object) -> bool:
        self._all()
        return dict.__contains__(self, key)

    def __getitem__(self, key: str) -> click.Command:
        self._all()
        return dict.__getitem__(self, key)

    def __iter__(self):  # type: ignore[no-untyped-def]
        self._all()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._all()
        return dict.__len__(self)

    def get(self, key: str, default: click.Command | None = None) -> click.Command | None:  # type: ignore[override]
        self._all()
        return dict.get(self, key, default)

    def keys(self):  # type: ignore[no-untyped-def]
        self._all()
        return dict.keys(self)

    def values(self):  # type: ignore[no-untyped-def]
        self._all()
        return dict.values(self)

    def items(self):  # type: ignore[no-untyped-def]
        self._all()
        return dict.items(self)


class LazyGroup(click.Group):
    """A click group whose commands in :data:`LAZY` are imported only when one of them is named."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.commands = _Commands(self.commands)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        cmd = dict.get(self.commands, cmd_name)
        if cmd is None and cmd_name in LAZY:
            importlib.import_module(LAZY[cmd_name])
            cmd = dict.get(self.commands, cmd_name)
        return cmd if cmd is not None else super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, the lazy ones without importing them."""
        return sorted(set(dict.keys(self.commands)) | set(LAZY))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's listing of the commands, a command not imported yet shortened from :data:`LAZY_HELP`."""
        shown: list[tuple[str, click.Command | None]] = []
        for name in self.list_commands(ctx):
            cmd = dict.get(self.commands, name)
            if cmd is None and name in LAZY_HELP:
                shown.append((name, None))
                continue
            cmd = cmd or self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                shown.append((name, cmd))
        if not shown:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in shown)
        rows = [(name, cmd.get_short_help_str(limit) if cmd is not None
                 else make_default_short_help(LAZY_HELP[name], limit).strip()) for name, cmd in shown]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hoptac")
def main() -> None:
    """hoptac reads Vietnamese news on Vietnam–US cooperation and extracts a cited record."""


@main.command()
@click.argument("sources", nargs=-1)
@click.option("--feed", "feeds", multiple=True, metavar="URL_OR_FILE",
              help="An RSS/Atom feed: every entry's link is fetched and analyzed (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one object (an array for several articles); jsonl: one object a line.")
@taxonomy_option
@meta_option
def extract(sources: tuple[str, ...], feeds: tuple[str, ...], fmt: str, taxonomy: tuple[Path, ...],
            meta: Path | None) -> None:
    """Read SOURCES (files, directories, URLs, WARC files) and print what each article says.

    A source that cannot be read is reported on stderr in one line and the others go on;
    the exit status is 1 when anything was skipped.
    """
    from . import analyze_many

    if not sources and not feeds:
        raise click.UsageError("give at least one SOURCE or --feed")
    settings = settings_from(taxonomy, meta)
    skipped = 0
    out = sys.stdout
    articles = []
    for result in analyze_many(sources, settings, feeds=feeds):
        if result.article is None:
            skipped += 1
            report_skip(result.source, result.error or "unknown error")
            continue
        data = result.article.to_dict()
        if fmt == "jsonl":
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
            out.flush()
        else:
            articles.append(data)
    if fmt == "json":
        payload = articles[0] if len(articles) == 1 else articles
        out.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    if skipped:
        sys.exit(1)


def _register() -> None:
    """Attach the command groups that live in their own modules (every command, for listing them)."""
    for name in ("hoptac.cli_store", "hoptac.cli_web", "hoptac.cli_scale", "hoptac.cli_correct", "hoptac.cli_browse"):
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real missing dependency, not a module not written yet
                raise
