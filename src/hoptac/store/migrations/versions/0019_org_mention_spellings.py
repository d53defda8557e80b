"""An article's mentions of an organization keep their spellings: ``org_mentions.names``.

One row per organization and article as before, with the count under each spelling the article
uses (``{"AmCham": 2, "Phòng Thương mại Hoa Kỳ tại Việt Nam": 1}``), so a correction can split
one spelling off an organization within one article. Rows stored before keep ``NULL``: all
their mentions are under ``name`` until ``ingest --refresh`` relinks them.

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
    """Add ``org_mentions.names``."""
    op.add_column("org_mentions", sa.Column("names", sa.JSON(), nullable=True))


def downgrade() -> None:
    """Drop ``org_mentions.names``."""
    with op.batch_alter_table("org_mentions") as batch:
        batch.drop_column("names")
