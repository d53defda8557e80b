"""Reads bounded by what they show: an organization's mentions found from its keys, not by scanning.

``org_name_keys`` lists every organization name people's mentions give (with its side) under
the keys it is looked up by (``store/org_names.py``), so an organization's page reads only the
names that may designate it; ``ix_person_mentions_org`` then finds their mentions, and
``ix_statements_actor`` the statements the organization makes itself. Filled here from the
stored mentions; the writer adds new names in the transaction that stores them.
``ix_statements_order`` gives statement listings their page in date order, and
``ix_articles_outlet`` the outlets a filter offers, without reading every row.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``org_name_keys`` (filled from the mentions) and the two indexes."""
    op.create_table(
        "org_name_keys",
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("name_hash", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("side", sa.String(length=8)),
        sa.PrimaryKeyConstraint("key", "name_hash"),
    )
    op.create_index("ix_org_name_keys_name_hash", "org_name_keys", ["name_hash"])
    op.create_index("ix_person_mentions_org", "person_mentions", ["organization", "side", "person_id", "article_id",
                                                                "date_sort", "title"])
    op.create_index("ix_statements_actor", "statements", ["actor"])
    op.create_index("ix_statements_order", "statements", ["date_sort", "article_id", "idx"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    if op.get_bind().dialect.name == "sqlite":  # the planner's statistics for the new indexes (sampled)
        op.execute("PRAGMA analysis_limit=1000")
        for ix in ("ix_person_mentions_org", "ix_statements_actor", "ix_statements_order", "ix_articles_outlet"):
            op.execute(f"ANALYZE {ix}")
    from hoptac.store.org_names import rows_for

    conn = op.get_bind()
    rows: list[dict[str, str | None]] = []
    for name, side in conn.execute(sa.text("SELECT DISTINCT organization, side FROM person_mentions "
                                           "WHERE organization IS NOT NULL")):
        rows += rows_for(name, side)
    if rows:
        table = sa.table("org_name_keys", sa.column("key"), sa.column("name_hash"), sa.column("name"),
                         sa.column("side"))
        op.bulk_insert(table, list({(r["key"], r["name_hash"]): r for r in rows}.values()))


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_articles_outlet", table_name="articles")
    op.drop_index("ix_statements_order", table_name="statements")
    op.drop_index("ix_statements_actor", table_name="statements")
    op.drop_index("ix_person_mentions_org", table_name="person_mentions")
    op.drop_index("ix_org_name_keys_name_hash", table_name="org_name_keys")
    op.drop_table("org_name_keys")
