"""Thread summaries keep checkpoints, so old news ingested late costs a short catch-up too.

A thread's summary is a fold over its dated entries in lifecycle order. Until now an entry
written before the last one the cached summary covers (an archive ingested out of date order)
made the next read fold every entry again: ~0.2 s per thread at 100,000 articles, growing
with the store. ``thread_checkpoints`` keeps the fold's state every few thousand entries (at a
change of date, so an article's entries are never split); a write deletes the checkpoints at
or after the entries it adds or removes, and a read resumes from the last one before them.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create thread_checkpoints (its order key compared byte by byte on PostgreSQL, as in 0005)."""
    pg = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "thread_checkpoints",
        sa.Column("thread", sa.String(length=64), nullable=False),
        sa.Column("entry_order", sa.String(length=128, collation="C") if pg else sa.String(length=128),
                  nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("thread", "entry_order"),
    )


def downgrade() -> None:
    """Drop thread_checkpoints."""
    op.drop_table("thread_checkpoints")
