"""Articles remember the hash of their raw input, so a re-ingest skips extraction.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add articles.raw_hash and its index."""
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("raw_hash", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_articles_raw_hash"), ["raw_hash"], unique=False)


def downgrade() -> None:
    """Drop articles.raw_hash."""
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_raw_hash"))
        batch_op.drop_column("raw_hash")
