"""Thread summaries remember where the entries changed, so most writes cost a short catch-up.

``thread_states.dirty_from`` is the lowest ``entry_order`` added or removed since the summary
was computed. When it lies after the last entry the summary covers (new articles report the
latest news), a read folds only the new entries into the saved state; otherwise it computes
the summary again from the first entry.

On PostgreSQL, ``entry_order`` and ``dirty_from`` get the ``C`` collation: they are compared
byte by byte (as on SQLite), whatever the database's locale (a locale collation ignores the
spaces and hyphens the order key relies on).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add thread_states.dirty_from; byte-wise collation for the order keys on PostgreSQL."""
    pg = op.get_bind().dialect.name == "postgresql"
    key = sa.String(length=128, collation="C") if pg else sa.String(length=128)
    with op.batch_alter_table("thread_states", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dirty_from", key, nullable=True))
    if pg:
        op.alter_column("statement_threads", "entry_order", type_=key, existing_type=sa.String(length=128))


def downgrade() -> None:
    """Drop thread_states.dirty_from (entry_order keeps its collation: 0003 orders the same either way)."""
    with op.batch_alter_table("thread_states", schema=None) as batch_op:
        batch_op.drop_column("dirty_from")
