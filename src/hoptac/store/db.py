"""Engines and migrations: SQLite in WAL mode with foreign keys, PostgreSQL by URL."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine

if TYPE_CHECKING:  # alembic is imported when a store is opened, not by every command
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def normalize_url(url: str) -> str:
    """A full SQLAlchemy URL: a bare path becomes SQLite, ``postgresql://`` uses psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


#: SQLite page cache per connection, in MB: a large store's index pages stay in the process
#: (about 7% more writes per second at 100,000 articles with 64 instead of 2; see docs/BENCHMARKS.md).
CACHE_MB = 64
#: The serving process's: each of its pooled connections keeps its own cache, so 64 MB each was
#: most of the API's memory under 8 clients; the operating system's file cache holds the store
#: for all of them.
SERVER_CACHE_MB = 8


def _sqlite_pragmas(cache_mb: int):  # type: ignore[no-untyped-def]
    """The connect hook setting each new SQLite connection up, with ``cache_mb`` of page cache."""

    def setup(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (so SAVEPOINT works).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA cache_size=-{int(cache_mb) * 1024}")
        cur.close()

    return setup


def _sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("immediate") else "BEGIN")


def make_engine(url: str, *, create: bool = True, cache_mb: int = CACHE_MB) -> Engine:
    """An engine for ``url``; a SQLite file's folder is created when ``create`` is true; each SQLite
    connection keeps ``cache_mb`` of page cache."""
    url = normalize_url(url)
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        db = parsed.database
        if db and db != ":memory:":
            path = Path(db)
            if not path.exists() and not create:
                raise FileNotFoundError(f"no store at {path}")
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url)
        sa.event.listen(engine, "connect", _sqlite_pragmas(cache_mb))
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Config:
    """An Alembic config pointing at the packaged migrations."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


MIGRATION_LOCK = 4_716_001  # PostgreSQL advisory lock key held while migrating


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest schema (a no-op when it is current).

    Processes opening one fresh store at once migrate it one at a time: SQLite takes the
    write lock first (``BEGIN IMMEDIATE``), PostgreSQL an advisory transaction lock.
    """
    from alembic import command

    cfg = alembic_config(engine)
    with engine.connect() as conn:
        conn.info["immediate"] = True
        try:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        finally:
            conn.info.pop("immediate", None)


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at (None before the first migration)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
