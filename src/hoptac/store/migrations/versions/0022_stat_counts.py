"""The stats' figures kept by triggers: totals, per-month series, topics, distinct claims per month and act.

``/api/stats`` and the dashboard's home page counted every article, event, statement and topic
of the store, and grouped every statement for its distinct claims, on each recount
(``store/stat_counts.py``). Triggers on the rows they are counted from now keep
``stat_counts`` (one running count per figure) and ``claim_parts`` (per claim, its statements
in each counted part) up to date. Filled here by one recount of the store.

Also ``ix_person_mentions_titles``: a person's titles over time are grouped by the database in it
(``store/people.py``), not read mention by mention.

Revision ID: 0022
Revises: 0021
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables and the triggers; count the store once."""
    op.create_table("stat_counts", sa.Column("name", sa.String(length=24), nullable=False),
                    sa.Column("k1", sa.String(length=64), nullable=False), sa.Column("k2", sa.String(length=64), nullable=False),
                    sa.Column("n", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("name", "k1", "k2"))
    op.create_table("claim_parts", sa.Column("claim", sa.String(length=64), nullable=False),
                    sa.Column("name", sa.String(length=24), nullable=False), sa.Column("k1", sa.String(length=64), nullable=False),
                    sa.Column("n", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("claim", "name", "k1"))
    op.create_index("ix_person_mentions_titles", "person_mentions",
                    ["person_id", "title", "organization", "date_sort", "article_id"])
    from hoptac.store.stat_counts import rebuild, trigger_sql

    conn = op.get_bind()
    for stmt in trigger_sql(conn.dialect.name):
        op.execute(stmt)
    rebuild(conn)


def downgrade() -> None:
    """Drop the triggers and the tables."""
    from hoptac.store.stat_counts import drop_trigger_sql

    for stmt in drop_trigger_sql(op.get_bind().dialect.name):
        op.execute(stmt)
    op.drop_index("ix_person_mentions_titles", table_name="person_mentions")
    op.drop_table("claim_parts")
    op.drop_table("stat_counts")
