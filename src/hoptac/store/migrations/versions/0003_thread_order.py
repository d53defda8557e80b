"""Thread entries keep their signal and lifecycle order; thread summaries are cached.

``statement_threads`` gains ``signal`` (what the entry says happened, from
:func:`hoptac.link.threads.signal`) and ``entry_order`` (:func:`hoptac.link.threads.order_key`),
indexed with the thread, so one page of a thread is an index range instead of a sort of
every entry. ``thread_states`` holds one row per thread: ``version`` (bumped by every write
that touches the thread), ``computed`` (the version ``summary`` was computed at) and
``summary`` (status, status history, money, counts). Existing entries are filled in here
with the cue lists of the running hoptac; every thread starts out stale.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BATCH = 5_000


def upgrade() -> None:
    """Add the two columns and their index, fill them in, create thread_states."""
    from hoptac.link.threads import order_key, signal

    with op.batch_alter_table("statement_threads", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signal", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("entry_order", sa.String(length=128), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT st.statement_id, st.thread, s.article_id, s.idx, s.date_sort, s.act, s.text "
        "FROM statement_threads st JOIN statements s ON s.id = st.statement_id"))
    update = sa.text("UPDATE statement_threads SET signal = :sig, entry_order = :ord "
                     "WHERE statement_id = :sid AND thread = :th")
    while chunk := rows.fetchmany(BATCH):
        params = []
        for sid, th, aid, idx, date, act, text in chunk:
            sig = signal(act, text)
            params.append({"sig": sig, "ord": order_key(date, sig, aid, idx), "sid": sid, "th": th})
        conn.execute(update, params)
    op.create_index("ix_statement_threads_thread_order", "statement_threads", ["thread", "entry_order"])
    op.create_table(
        "thread_states",
        sa.Column("thread", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("computed", sa.Integer(), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("thread"),
    )
    conn.execute(sa.text("INSERT INTO thread_states (thread, version) "
                         "SELECT DISTINCT thread, 1 FROM statement_threads"))


def downgrade() -> None:
    """Drop thread_states, the index and the two columns."""
    op.drop_table("thread_states")
    op.drop_index("ix_statement_threads_thread_order", table_name="statement_threads")
    with op.batch_alter_table("statement_threads", schema=None) as batch_op:
        batch_op.drop_column("entry_order")
        batch_op.drop_column("signal")
