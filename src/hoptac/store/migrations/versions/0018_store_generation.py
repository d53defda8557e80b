"""The store's generation: a counter every write transaction bumps, so readers keep summaries.

Listing pages, their totals and the stats are computed once per generation and served from the
reading process's memory until the next write (``store/summary.py``). The listing of articles
gets an index in its own order (canonical articles, newest first) so a page at any offset reads
the index, not the table.

Revision ID: 0018
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``store_meta`` with the generation, and the articles listing index."""
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.execute("INSERT INTO store_meta (key, value) VALUES ('generation', 1)")
    op.create_index("ix_articles_listing", "articles", ["duplicate_of", "date_sort", "id"])


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_articles_listing", table_name="articles")
    op.drop_table("store_meta")
