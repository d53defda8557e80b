"""People linking keys and titles follow the one-entry-per-person rules.

``person_aliases.last_token`` is now the last word of the name with tone marks folded, so a
name written without marks (``Nguyen Xuan Phuc``) finds the marked one; mention titles are
kept canonical (:func:`hoptac.link.titles.canonical_title`: no own name, no repeats, no
trailing place phrase); a person's side is the one most of their articles give. Existing
rows are rewritten; no column changes.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Refold alias tokens, canonicalize mention titles, recount sides."""
    from hoptac.link.names import last_token
    from hoptac.link.titles import canonical_title

    conn = op.get_bind()
    aliases: dict[str, list[str]] = {}
    for pid, key, tok, alias in conn.execute(sa.text("SELECT person_id, key, last_token, alias FROM person_aliases")):
        aliases.setdefault(pid, []).append(alias)
        if last_token(key) != tok:
            conn.execute(sa.text("UPDATE person_aliases SET last_token = :t WHERE person_id = :p AND key = :k"),
                         {"t": last_token(key), "p": pid, "k": key})
    rows = conn.execute(sa.text("SELECT id, person_id, name, title, side FROM person_mentions "
                                "WHERE title IS NOT NULL")).all()
    for mid, pid, name, title, side in rows:
        canon = canonical_title(title, [name, *aliases.get(pid, [])], side)
        if canon != title:
            conn.execute(sa.text("UPDATE person_mentions SET title = :t WHERE id = :i"), {"t": canon, "i": mid})
    sides = conn.execute(sa.text("SELECT person_id, side, count(*) FROM person_mentions WHERE side IS NOT NULL "
                                 "GROUP BY person_id, side")).all()
    best: dict[str, tuple[int, str]] = {}
    for pid, side, n in sides:
        if pid not in best or (n, side) > best[pid]:
            best[pid] = (n, side)
    for pid, (_, side) in best.items():
        conn.execute(sa.text("UPDATE people SET side = :s WHERE id = :p"), {"s": side, "p": pid})


def downgrade() -> None:
    """Nothing to undo in the schema (the rewritten values stay valid)."""
