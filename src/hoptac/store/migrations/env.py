"""Alembic environment: run with a connection handed over by hoptac.store.db.migrate()."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from hoptac.store.schema import metadata

config = context.config
target_metadata = metadata


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """Leave the backend-specific full-text objects out of autogenerate comparisons."""
    return not (name or "").startswith(("search_fts", "tsv_", "ix_search_docs_tsv"))


def run() -> None:
    """Run the migrations on the handed-over connection (or a new engine from the URL)."""
    conn = config.attributes.get("connection")
    if conn is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as c:
            context.configure(connection=c, target_metadata=target_metadata, include_object=include_object,
                              render_as_batch=True)
            context.run_migrations()
        return
    context.configure(connection=conn, target_metadata=target_metadata, include_object=include_object,
                      render_as_batch=True)
    context.run_migrations()


run()
