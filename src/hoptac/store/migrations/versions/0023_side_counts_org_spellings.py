"""Statements per side kept by the stats' triggers; an organization's spellings read from an index.

- ``stat_counts`` gains ``statements_side`` (``store/stat_counts.py``): the total of the statements
  listing filtered by side was a count of every statement of that side on each store generation
  (0.15 s at a million articles, growing with the store). The statements' triggers are recreated
  with the new figure (an update of ``side`` now moves it too) and the figure is counted once here.
- ``ix_org_mentions_org_name`` (``org_id``, ``name``): the organization page lists the spellings
  its mentions give; without it every mention row of the organization was read (0.5 s of CPU for
  one organization named in 150,000 articles); with it the distinct names are found by a skip
  scan (``store/orgs.py``: ``_spellings``).

Revision ID: 0023
Revises: 0022
"""

from __future__ import annotations

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Recreate the stats' triggers with the new figure, count it, add the index."""
    from hoptac.store import schema as t
    from hoptac.store.stat_counts import drop_trigger_sql, side_counts, trigger_sql

    conn = op.get_bind()
    for stmt in drop_trigger_sql(conn.dialect.name) + trigger_sql(conn.dialect.name):
        op.execute(stmt)
    conn.execute(t.stat_counts.delete().where(t.stat_counts.c.name == "statements_side"))
    rows = [{"name": name, "k1": k1, "k2": k2, "n": n} for name, k1, k2, n in side_counts(conn)]
    if rows:
        conn.execute(t.stat_counts.insert(), rows)
    op.create_index("ix_org_mentions_org_name", "org_mentions", ["org_id", "name"])


def downgrade() -> None:
    """Drop the index. The triggers keep counting ``statements_side`` (0022's code reads no such
    figure; this upgrade counts it afresh), so they are left as they are."""
    op.drop_index("ix_org_mentions_org_name", table_name="org_mentions")
