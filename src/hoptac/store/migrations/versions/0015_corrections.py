"""Curation: corrections to the derived record, kept as rows with their audit trail.

``corrections`` holds one row per correction (who, when, why, kind, its target by stable
keys, what it was before, what it is after, whether it was undone; an undo is a row too);
``correction_refs`` lists the current ids each applied correction touches (a person, an
event, a statement, its article), so a page finds the corrections shown on it.

Revision ID: 0015
Revises: 0018
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``corrections`` and ``correction_refs``."""
    op.create_table(
        "corrections",
        sa.Column("id", sa.String(length=40), primary_key=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("target", sa.JSON, nullable=False),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.Column("why", sa.Text, nullable=False),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("undone", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("undoes", sa.String(length=40)),
        sa.Column("status", sa.String(length=16)),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_corrections_at", "corrections", ["at", "id"])
    op.create_table(
        "correction_refs",
        sa.Column("correction_id", sa.String(length=40), nullable=False),
        sa.Column("ref_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("correction_id", "ref_id"),
    )
    op.create_index("ix_correction_refs_ref", "correction_refs", ["ref_id"])


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_correction_refs_ref", table_name="correction_refs")
    op.drop_table("correction_refs")
    op.drop_index("ix_corrections_at", table_name="corrections")
    op.drop_table("corrections")
