"""Scale commands and options: ``hoptac load SHARDS_DIR`` and the ``ingest`` options
``--workers``, ``--engine``, ``--scheduler``, ``--shards`` (thin adapters over
:mod:`hoptac.scale`), registered on :data:`hoptac.cli.main`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from .cli import main, report_skip
from .settings import Settings

ENGINES = ("local", "dask")


def scale_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--workers N --engine local|dask --scheduler ADDRESS --shards DIR`` for ``ingest``."""
    opts = [
        click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Worker processes that read and extract (default: the number of cores; "
                          "1: this process only)."),
        click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                     help="local: processes on this machine; dask: tasks on a Dask cluster."),
        click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="Dask scheduler address (tcp://host:8786); default: a LocalCluster here."),
        click.option("--shards", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
                     help="With --engine dask: write Parquet shards to DIR (import them with hoptac load) "
                          "instead of writing the store."),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def wants_scale(*, workers: int | None, engine: str, scheduler: str | None, shards: Path | None) -> bool:
    """True unless the run is the plain single-process ingest (``--workers 1``, local engine)."""
    from .scale import default_workers

    return engine != "local" or bool(scheduler) or shards is not None or (workers or default_workers()) > 1


def scaled_ingest(sources: Iterable[str], *, feeds: Iterable[str], settings: Settings, db_url: str,
                  batch_size: int, workers: int | None, engine: str, scheduler: str | None,
                  shards: Path | None, progress: bool = False) -> Any:
    """Run a parallel (local) or distributed (dask) ingest for the ``ingest`` command.

    The progress bar and summary show with ``progress`` or when stderr is a terminal;
    otherwise every skipped source is named on stderr, one line each, at the end.
    """
    rep = _scaled(sources, feeds=feeds, settings=settings, db_url=db_url, batch_size=batch_size, workers=workers,
                  engine=engine, scheduler=scheduler, shards=shards, bar=progress or sys.stderr.isatty())
    if not (progress or sys.stderr.isatty()):
        for src, why in rep.skipped:
            report_skip(src, why)
    return rep


def _scaled(sources: Iterable[str], *, feeds: Iterable[str], settings: Settings, db_url: str, batch_size: int,
            workers: int | None, engine: str, scheduler: str | None, shards: Path | None, bar: bool) -> Any:
    from .scale import ingest_dask, ingest_parallel
    from .store import Store

    if shards is not None and engine != "dask":
        raise click.UsageError("--shards needs --engine dask")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if engine == "dask":
        return ingest_dask(list(sources), scheduler=scheduler, settings=settings,
                           store_url=None if shards else db_url, shards_dir=shards, feeds=list(feeds),
                           batch_size=batch_size, workers=workers, progress=bar)
    with Store.open(db_url, settings=settings) as store:
        return ingest_parallel(list(sources), store, settings=settings, workers=workers, batch_size=batch_size,
                               feeds=list(feeds), progress=bar)


@main.command()
@click.argument("shards_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--db", "db", metavar="URL", default=None,
              help="Store URL or file path; default $HOPTAC_DB, else the user data directory.")
@click.option("--batch-size", type=int, default=50, show_default=True, help="Articles per transaction.")
@click.option("--progress/--no-progress", default=True, help="A progress bar on stderr.")
def load(shards_dir: Path, db: str | None, batch_size: int, progress: bool) -> None:
    """Import the Parquet shards of SHARDS_DIR (written by ingest --engine dask --shards) into the store.

    Idempotent like ingest: loading the same shards twice adds nothing. Skipped articles are
    named on stderr; the exit status is 1 if any.
    """
    from .cli import report_skip, settings_from
    from .scale import load_shards
    from .store import Store

    settings = settings_from()
    try:
        store = Store.open(db or settings.db_url, settings=settings)
    except Exception as exc:
        raise click.ClickException(f"cannot open the store: {type(exc).__name__}: {exc}".splitlines()[0]) from exc
    with store:
        try:
            rep = load_shards(shards_dir, store, batch_size=batch_size, progress=progress)
        except (OSError, ValueError) as exc:
            raise click.ClickException(f"cannot load {shards_dir}: {exc}".splitlines()[0]) from exc
    if not progress:
        for src, why in rep.skipped:
            report_skip(src, why)
    click.echo(f"stored {rep.stored}, near-duplicates linked {rep.duplicates}, unchanged {rep.unchanged}, "
               f"skipped {len(rep.skipped)}")
    if rep.skipped:
        sys.exit(1)
