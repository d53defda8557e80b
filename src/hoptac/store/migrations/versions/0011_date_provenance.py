"""Dates say where they came from: articles, statements and event reports carry their provenance.

An analyst citing a date must know whether the page's metadata gave it, the text stated it,
or hoptac inferred it (``metadata``, ``stated``, ``relative``, ``inferred``). Articles keep
``published_provenance`` beside ``published``; statements ``date_provenance`` beside their
date; each report of an event (``event_sources``) its date's provenance and whether the
article mentions the event in passing (``background``: a past occasion, not its news).
Existing rows are left NULL (unknown) until ``hoptac ingest --refresh``.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the provenance columns."""
    op.add_column("articles", sa.Column("published_provenance", sa.String(length=16), nullable=True))
    op.add_column("statements", sa.Column("date_provenance", sa.String(length=16), nullable=True))
    op.add_column("event_sources", sa.Column("date_provenance", sa.String(length=16), nullable=True))
    op.add_column("event_sources", sa.Column("background", sa.Boolean(), nullable=True))


def downgrade() -> None:
    """Drop them (ALTER TABLE ... DROP COLUMN in place: SQLite 3.35+ does it without copying the
    table, which other tables' foreign keys would forbid while they hold rows)."""
    for table, col in (("event_sources", "background"), ("event_sources", "date_provenance"),
                       ("statements", "date_provenance"), ("articles", "published_provenance")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {col}")
