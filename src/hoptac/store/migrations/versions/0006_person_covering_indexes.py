"""A person's page is read from indexes alone, so its cost follows the page, not the store.

At 100,000 articles each person of the synthetic corpus is named in ~170 articles, at a
million in ~1,700. The person page ordered those rows by date after reading each one from
its table (scattered across the file: one page read per row). These indexes hold what the
page sorts and counts on:

- ``person_mentions (person_id, date_sort, article_id, id, title, organization)``: the
  articles page, their count, and titles over time;
- ``statements (person_id, date_sort, article_id, idx, id)``: the statements page and count;
- ``event_participants (person_id, event_id)``: the person's events without reading
  participant rows.

The single-column ``person_id`` indexes they start with are dropped (each is a prefix).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NEW = {
    "ix_person_mentions_person_order": ("person_mentions",
                                        ["person_id", "date_sort", "article_id", "id", "title", "organization"]),
    "ix_statements_person_order": ("statements", ["person_id", "date_sort", "article_id", "idx", "id"]),
    "ix_event_participants_person_event": ("event_participants", ["person_id", "event_id"]),
}
OLD = {
    "ix_person_mentions_person_id": ("person_mentions", ["person_id"]),
    "ix_statements_person_id": ("statements", ["person_id"]),
    "ix_event_participants_person_id": ("event_participants", ["person_id"]),
}


def upgrade() -> None:
    """Create the covering indexes, drop the prefixes they replace."""
    for name, (table, cols) in NEW.items():
        op.create_index(name, table, cols)
    for name, (table, _) in OLD.items():
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    """Back to the single-column indexes."""
    for name, (table, cols) in OLD.items():
        op.create_index(name, table, cols)
    for name, (table, _) in NEW.items():
        op.drop_index(name, table_name=table)
