"""``hoptac serve`` and ``hoptac demo``: the API and dashboard over a store, served by uvicorn."""

from __future__ import annotations

from pathlib import Path

import click

from .cli import main, report_skip, settings_from, taxonomy_option
from .settings import DEFAULT, RESOURCES, Settings

DEMO_DIR = RESOURCES / "demo"
DEMO_SUFFIXES = (".txt", ".html", ".htm")


def demo_files(folder: Path = DEMO_DIR) -> list[str]:
    """The demo articles packaged with hoptac, in name order."""
    return [str(p) for p in sorted(folder.iterdir()) if p.is_file() and p.suffix.lower() in DEMO_SUFFIXES]


def server_options(f):
    """``--db``, ``--host``, ``--port``, ``--token``, ``--workers`` and ``--taxonomy``, shared by serve and demo."""
    f = taxonomy_option(f)
    f = click.option("--workers", type=click.IntRange(1, 64), envvar="HOPTAC_SERVE_WORKERS", default=1,
                     show_default=True, show_envvar=True,
                     help="Server processes sharing the port; each keeps its own summaries and store "
                          "connections (about 2 on 2 cores: one request's Python work no longer holds "
                          "up the others).")(f)
    f = click.option("--token", envvar="HOPTAC_API_TOKEN", default=None, show_envvar=True,
                     help="Bearer token that POST /api/articles requires (writes are refused without one).")(f)
    f = click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
                     help="TCP port to listen on.")(f)
    f = click.option("--host", default="127.0.0.1", show_default=True,
                     help="Address to listen on (127.0.0.1 keeps the dashboard on this machine).")(f)
    return click.option("--db", "db_url", default=None, metavar="URL",
                        help="Store URL or SQLite path (default: $HOPTAC_DB, else the user data file).")(f)


def _refuse_unprotected(token: str | None) -> None:
    """Stop with one line when the environment asks for protected reads and no token is given (the app
    would refuse to start; said before the demo ingests or the workers start)."""
    import os

    from .settings import truthy

    if truthy(os.environ.get("HOPTAC_API_PROTECT_READS")) and not token:
        raise click.ClickException("protecting reads ($HOPTAC_API_PROTECT_READS) needs a token: set "
                                   "$HOPTAC_API_TOKEN or --token")


#: what a missing store's error adds: how to make one
_NO_STORE_HINT = "(run `hoptac ingest` or `hoptac demo` first)"


def _serve(db_url: str, host: str, port: int, token: str | None, *, create: bool, settings: Settings,
           workers: int = 1) -> None:
    """Serve the app: built here for one process, else by each of ``workers`` processes from the environment."""
    if workers > 1:
        _serve_workers(db_url, host, port, token, create=create, settings=settings, workers=workers)
        return
    import uvicorn

    from .api import create_app

    try:
        app = create_app(db_url, token=token, create=create, settings=settings)
    except FileNotFoundError as exc:
        raise click.ClickException(f"{exc} {_NO_STORE_HINT}") from exc
    except ValueError as exc:  # e.g. reads protected without a token
        raise click.ClickException(str(exc).splitlines()[0]) from exc
    click.echo(f"hoptac dashboard: http://{host}:{port}")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _open_once(db_url: str, create: bool) -> str | None:
    """Open (and migrate) the store once before the workers start; what is wrong with it, else None."""
    from .store import Store

    try:
        Store.open(db_url, create=create).close()
    except FileNotFoundError as exc:
        return f"{exc} {_NO_STORE_HINT}"
    return None


def _serve_workers(db_url: str, host: str, port: int, token: str | None, *, create: bool, settings: Settings,
                   workers: int) -> None:
    """``workers`` uvicorn processes on one port, each building the app with
    :func:`hoptac.api.app.app_from_env`: the store is opened (and migrated) once first, in a passing
    process, and
    the settings reach the workers through the environment (``$HOPTAC_DB``, ``$HOPTAC_API_TOKEN``,
    ``$HOPTAC_TAXONOMY``, a fresh ``$HOPTAC_SESSION_KEY`` so a sign-in holds on every worker, and
    ``$HOPTAC_SUMMARY_DIR``, a private temporary folder, removed at exit, through which they share the
    summaries they compute: :mod:`hoptac.store.shared_summaries`)."""
    import multiprocessing
    import os
    import secrets
    import shutil
    import tempfile
    from concurrent.futures import ProcessPoolExecutor

    import uvicorn

    _refuse_unprotected(token)
    # opened in a passing process: this one supervises the workers and stays small (no database libraries)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as once:
        problem = once.submit(_open_once, db_url, create).result()
    if problem:
        raise click.ClickException(problem)
    own = None if os.environ.get("HOPTAC_SUMMARY_DIR") else tempfile.mkdtemp(prefix="hoptac-summaries-")
    os.environ.update({"HOPTAC_DB": db_url, "HOPTAC_TAXONOMY": os.pathsep.join(map(str, settings.taxonomy_files)),
                       "HOPTAC_SESSION_KEY": os.environ.get("HOPTAC_SESSION_KEY") or secrets.token_hex(32),
                       "HOPTAC_SUMMARY_DIR": own or os.environ["HOPTAC_SUMMARY_DIR"]})
    if token is not None:
        os.environ["HOPTAC_API_TOKEN"] = token
    click.echo(f"hoptac dashboard: http://{host}:{port}")
    click.echo(f"hoptac: {workers} server processes", err=True)
    try:
        uvicorn.run("hoptac.api.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                    log_level="warning")
    finally:
        if own:
            shutil.rmtree(own, ignore_errors=True)


@main.command()
@server_options
def serve(db_url: str | None, host: str, port: int, token: str | None, workers: int,
          taxonomy: tuple[Path, ...]) -> None:
    """Serve the dashboard and the JSON API (/api, schema at /openapi.json) over an existing store.

    With ``--taxonomy``, the dashboard names your own threads and topics, and articles posted
    to the API are extracted with them.
    """
    _serve(db_url or DEFAULT.db_url, host, port, token, create=False, settings=settings_from(taxonomy), workers=workers)


@main.command()
@server_options
def demo(db_url: str | None, host: str, port: int, token: str | None, workers: int,
         taxonomy: tuple[Path, ...]) -> None:
    """Ingest the packaged demo articles into the store, then serve the dashboard and the API."""
    from .store import Store

    settings = settings_from(taxonomy)
    url = db_url or DEFAULT.db_url
    _refuse_unprotected(token)
    files = demo_files()
    if not files:
        click.echo(f"hoptac: no demo articles in {DEMO_DIR}; serving the store as it is", err=True)
    with Store.open(url, settings=settings) as store:
        report = store.ingest_sources(files, on_skip=report_skip)
        counts = store.stats()["counts"]
    click.echo(f"hoptac: demo articles: {report.stored} stored, {report.duplicates} near-duplicates, "
               f"{report.unchanged} already there, {len(report.skipped)} skipped; the store at {url} holds "
               f"{counts['articles']} articles, {counts['events']} events, {counts['statements']} statements")
    _serve(url, host, port, token, create=True, settings=settings, workers=workers)
