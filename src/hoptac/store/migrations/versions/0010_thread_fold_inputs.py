"""Thread entries carry what the summary's fold needs, so a full recount reads one index.

Recomputing a thread's summary from its first entry (after old news was ingested) joined every
entry to its statement row for the side, the act and the amounts: one random read per entry,
10 s for a thread of 120,000 entries in a 17 GB store whose file did not fit the page cache.
``statement_threads`` now keeps ``side``, ``act`` and ``has_money`` (some amount is money),
and ``(thread, entry_order, signal, side, act, has_money, statement_id)`` covers the fold: only
entries naming money are looked up in ``statements``. It replaces ``(thread, entry_order)``
(0003), of which it is an extension. Existing entries are filled in from their statements.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_MONEY = {  # does some amount of the statement s have kind "money"? (amounts is a JSON list)
    "sqlite": "EXISTS (SELECT 1 FROM json_each(s.amounts) WHERE json_extract(value, '$.kind') = 'money')",
    "postgresql": "CASE WHEN json_typeof(s.amounts) = 'array' THEN EXISTS (SELECT 1 FROM "
                  "json_array_elements(s.amounts) a WHERE a->>'kind' = 'money') ELSE false END",
}


def upgrade() -> None:
    """Add the three columns, fill them in from the statements, swap the index."""
    conn = op.get_bind()
    op.add_column("statement_threads", sa.Column("side", sa.String(length=8), nullable=True))
    op.add_column("statement_threads", sa.Column("act", sa.String(length=16), nullable=True))
    op.add_column("statement_threads", sa.Column("has_money", sa.Boolean(), server_default=sa.false(),
                                                 nullable=False))
    conn.execute(sa.text(
        f"UPDATE statement_threads SET side = s.side, act = s.act, has_money = {_MONEY[conn.dialect.name]} "
        "FROM statements s WHERE s.id = statement_threads.statement_id"))
    op.create_index("ix_statement_threads_fold", "statement_threads",
                    ["thread", "entry_order", "signal", "side", "act", "has_money", "statement_id"])
    op.drop_index("ix_statement_threads_thread_order", table_name="statement_threads")


def downgrade() -> None:
    """Back to 0009: the (thread, entry_order) index, without the three columns."""
    op.create_index("ix_statement_threads_thread_order", "statement_threads", ["thread", "entry_order"])
    op.drop_index("ix_statement_threads_fold", table_name="statement_threads")
    with op.batch_alter_table("statement_threads", schema=None) as batch_op:
        batch_op.drop_column("has_money")
        batch_op.drop_column("act")
        batch_op.drop_column("side")
