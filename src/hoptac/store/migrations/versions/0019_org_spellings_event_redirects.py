"""An article's mentions of an organization keep their spellings; event ids that went redirect.

``org_mentions.names``:
One row per organization and article as before, with the count under each spelling the article
uses (``{"AmCham": 2, "Phòng Thương mại Hoa Kỳ tại Việt Nam": 1}``), so a correction can split
one spelling off an organization within one article. Rows stored before keep ``NULL``: all
their mentions are under ``name`` until ``ingest --refresh`` relinks them.

``event_redirects``: an event id that went (its articles rebuilt, an editor's merge) with one of
its reports, so its permalink finds the event holding that report now (``store/event_ids.py``).

Revision ID: 0019
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``org_mentions.names`` and ``event_redirects``."""
    op.add_column("org_mentions", sa.Column("names", sa.JSON(), nullable=True))
    op.create_table(
        "event_redirects",
        sa.Column("old_id", sa.String(length=64), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("old_id"),
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_table("event_redirects")
    with op.batch_alter_table("org_mentions") as batch:
        batch.drop_column("names")
