"""Counts the writers keep up to date: meeting pairs, pair, person and organization tallies.

Also two narrow indexes the stats read instead of article and statement rows.

The network, the meetings, the people and organization rankings and the stats' most active people
and organizations read these instead of grouping every meeting or mention on a cold read
(``store/tallies.py``). Triggers on the rows they are counted from note what changed in
``tally_dirty``; every write transaction ends by recounting those (``tallies.flush``). Filled here
by one recount of the store.

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

ID = sa.String(length=64)


def upgrade() -> None:
    """Create the tables, their indexes and the triggers; count the store once."""
    op.create_table("tally_dirty", sa.Column("kind", sa.String(length=8), nullable=False),
                    sa.Column("ref", ID, nullable=False), sa.PrimaryKeyConstraint("kind", "ref"))
    op.create_table("meeting_pairs", sa.Column("event_id", ID, nullable=False), sa.Column("p1", ID, nullable=False),
                    sa.Column("p2", ID, nullable=False), sa.Column("occ", ID, nullable=False),
                    sa.Column("date_sort", sa.String(length=10)), sa.PrimaryKeyConstraint("event_id", "p1", "p2"))
    op.create_index("ix_meeting_pairs_pair", "meeting_pairs", ["p1", "p2", "occ", "date_sort"])
    op.create_index("ix_meeting_pairs_date", "meeting_pairs", ["date_sort", "p1", "p2", "occ"])
    op.create_table("pair_tallies", sa.Column("p1", ID, nullable=False), sa.Column("p2", ID, nullable=False),
                    sa.Column("occasions", sa.Integer(), nullable=False),
                    sa.Column("dated_occasions", sa.Integer(), nullable=False),
                    sa.Column("reports", sa.Integer(), nullable=False), sa.Column("first", sa.String(length=10)),
                    sa.Column("last", sa.String(length=10)), sa.Column("last_occasion", sa.String(length=10)),
                    sa.PrimaryKeyConstraint("p1", "p2"))
    op.create_index("ix_pair_tallies_occasions", "pair_tallies", [sa.text("occasions DESC"), "p1", "p2"])
    op.create_index("ix_pair_tallies_dated", "pair_tallies", [sa.text("dated_occasions DESC"), "p1", "p2"])
    op.create_table("person_tallies", sa.Column("person_id", ID, nullable=False), sa.Column("name", sa.Text(), nullable=False),
                    sa.Column("side", sa.String(length=8)), sa.Column("articles", sa.Integer(), nullable=False),
                    sa.Column("statements", sa.Integer(), nullable=False), sa.Column("title", sa.Text()),
                    sa.PrimaryKeyConstraint("person_id"))
    op.create_index("ix_person_tallies_rank", "person_tallies", [sa.text("articles DESC"), "name"])
    op.create_index("ix_person_tallies_side_rank", "person_tallies", ["side", sa.text("articles DESC"), "name"])
    op.create_table("org_tallies", sa.Column("org_id", ID, nullable=False), sa.Column("name", sa.Text(), nullable=False),
                    sa.Column("side", sa.String(length=8)), sa.Column("articles", sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint("org_id"))
    op.create_index("ix_org_tallies_rank", "org_tallies", [sa.text("articles DESC"), "name"])
    op.create_index("ix_org_tallies_side_rank", "org_tallies", ["side", sa.text("articles DESC"), "name"])
    # the stats' claims and topics per month read narrow indexes instead of the rows (text and JSON)
    op.create_index("ix_statements_claims", "statements", ["act", "date_sort", "claim_key", "id"])
    op.create_index("ix_articles_id_date", "articles", ["id", "date_sort"])
    if op.get_bind().dialect.name == "sqlite":  # the planner's statistics for them (sampled)
        op.execute("PRAGMA analysis_limit=1000")
        for ix in ("ix_statements_claims", "ix_articles_id_date"):
            op.execute(f"ANALYZE {ix}")
    from hoptac.store.tallies import rebuild, trigger_sql

    conn = op.get_bind()
    for stmt in trigger_sql(conn.dialect.name):
        op.execute(stmt)
    rebuild(conn, titles_kept=False)  # person_titles comes with 0024


def downgrade() -> None:
    """Drop the triggers and the tables."""
    from hoptac.store.tallies import drop_trigger_sql

    for stmt in drop_trigger_sql(op.get_bind().dialect.name):
        op.execute(stmt)
    op.drop_index("ix_articles_id_date", table_name="articles")
    op.drop_index("ix_statements_claims", table_name="statements")
    for table in ("org_tallies", "person_tallies", "pair_tallies", "meeting_pairs", "tally_dirty"):
        op.drop_table(table)
