"""Events are indexed by their date as written, so linking finds candidates by date alone.

The writer looks for the stored events an article's event may be (``_event_candidates``):
same family, a compatible date (a day either side, the same month or year written alone,
or the same day without a year), and a shared participant. With ``events.date`` indexed too,
the three date conditions are three index ranges (SQLite's multi-index OR), and the shared
participant is checked per candidate: the cost follows the events of a few days, not every
event of each participant.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ix_events_date."""
    op.create_index("ix_events_date", "events", ["date"])


def downgrade() -> None:
    """Drop ix_events_date."""
    op.drop_index("ix_events_date", table_name="events")
