"""Occasions and claims: an event may be part of a visit; a statement names the claim it repeats.

``events.parent_id`` is the visit (the occasion) a meeting, reception or signing belongs to,
so the store, the API and the dashboard show an occasion with its parts and "who met whom"
counts occasions; ``event_sources.part_keys`` are the participants each report names (a visit's
visitor is the one most of its reports name). ``statements.claim_key`` is the same for the same statement copied by
several outlets (its speaker's side and its folded words), so counts count claims, not copies.
Existing rows are left without them until their articles are ingested again (``--refresh``).

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add events.parent_id and statements.claim_key, each indexed."""
    op.add_column("events", sa.Column("parent_id", sa.String(length=64), nullable=True))
    op.create_index("ix_events_parent_id", "events", ["parent_id"])
    op.add_column("event_sources", sa.Column("part_keys", sa.JSON(), nullable=True))
    op.add_column("statements", sa.Column("claim_key", sa.String(length=40), nullable=True))
    op.create_index("ix_statements_claim_key", "statements", ["claim_key"])


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_statements_claim_key", table_name="statements")
    op.drop_index("ix_events_parent_id", table_name="events")
    op.drop_column("statements", "claim_key")  # ALTER TABLE ... DROP COLUMN: no copy of a referenced table
    op.drop_column("event_sources", "part_keys")
    op.drop_column("events", "parent_id")
