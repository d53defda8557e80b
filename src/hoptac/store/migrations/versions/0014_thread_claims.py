"""Thread entries copied from one claim count once; summaries are rebuilt in their new shape.

The same statement reported by several outlets (near-identical text, same actor, act and side,
compatible dates) is one claim: ``statement_threads.copy_of`` points a copy at the entry kept
for its claim (the best-dated copy), and ``claim_keys`` holds the LSH band keys of each thread
statement's text, so a new statement finds its copies with a few index lookups whatever the
store's size. The fold index gains ``copy_of`` (a recount still reads one index), and
``(thread, copy_of)`` finds the other sources of a page of entries.

Entries stored before stay their own claims until ``ingest --refresh``. Every cached summary
and checkpoint is dropped: money is now kept per side and kind, undated entries no longer set
a status, and the next read (or the end of the next ingest) recomputes them.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``copy_of`` and ``claim_keys``, swap the fold index, drop every cached summary."""
    op.add_column("statement_threads", sa.Column("copy_of", sa.String(length=64), nullable=True))
    op.create_index("ix_statement_threads_fold2", "statement_threads",
                    ["thread", "entry_order", "signal", "side", "act", "has_money", "copy_of", "statement_id"])
    op.drop_index("ix_statement_threads_fold", table_name="statement_threads")
    op.create_index("ix_statement_threads_copies", "statement_threads", ["thread", "copy_of"])
    op.create_table(
        "claim_keys",
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("statement_id", sa.String(length=64), sa.ForeignKey("statements.id"), nullable=False),
        sa.PrimaryKeyConstraint("key", "statement_id"),
    )
    op.execute("UPDATE thread_states SET computed = NULL, summary = NULL, dirty_from = NULL, "
               "version = version + 1")
    op.execute("DELETE FROM thread_checkpoints")


def downgrade() -> None:
    """Back to 0010: no claims; cached summaries dropped (their shape changes back)."""
    op.drop_table("claim_keys")
    op.drop_index("ix_statement_threads_copies", table_name="statement_threads")
    op.create_index("ix_statement_threads_fold", "statement_threads",
                    ["thread", "entry_order", "signal", "side", "act", "has_money", "statement_id"])
    op.drop_index("ix_statement_threads_fold2", table_name="statement_threads")
    with op.batch_alter_table("statement_threads", schema=None) as batch_op:
        batch_op.drop_column("copy_of")
    op.execute("UPDATE thread_states SET computed = NULL, summary = NULL, dirty_from = NULL, "
               "version = version + 1")
    op.execute("DELETE FROM thread_checkpoints")
