"""Event participants carry their event's date, so linking an event costs the same in any store.

To merge an article's event with the same real event reported elsewhere, the writer looks for
stored events of a compatible date that share a participant. It used to list every event
within a day of the date and check each for a shared participant: a few hundred events at a
million articles (the synthetic corpus has ~200 a day, as a large archive does), and a
growing share of every write. With the event's ``date`` and ``date_sort`` beside each
participant, indexed after the participant's key, the lookup is one short index range per
participant and date condition. The writer keeps the copies equal to the event's date.

``ix_event_participants_key`` is dropped: ``(key, date_sort)`` starts with it.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add and fill event_participants.date and .date_sort; index them after the key."""
    op.add_column("event_participants", sa.Column("date", sa.String(length=16), nullable=True))
    op.add_column("event_participants", sa.Column("date_sort", sa.String(length=10), nullable=True))
    op.execute("UPDATE event_participants SET "
               "date = (SELECT events.date FROM events WHERE events.id = event_participants.event_id), "
               "date_sort = (SELECT events.date_sort FROM events WHERE events.id = event_participants.event_id)")
    op.create_index("ix_event_participants_key_date_sort", "event_participants", ["key", "date_sort"])
    op.create_index("ix_event_participants_key_date", "event_participants", ["key", "date"])
    op.drop_index("ix_event_participants_key", table_name="event_participants")


def downgrade() -> None:
    """Back to the key index alone."""
    op.create_index("ix_event_participants_key", "event_participants", ["key"])
    op.drop_index("ix_event_participants_key_date", table_name="event_participants")
    op.drop_index("ix_event_participants_key_date_sort", table_name="event_participants")
    with op.batch_alter_table("event_participants") as batch_op:
        batch_op.drop_column("date_sort")
        batch_op.drop_column("date")
