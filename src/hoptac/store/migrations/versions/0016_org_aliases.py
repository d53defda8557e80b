"""Organizations are found under every spelling: ``org_aliases`` holds each one's keys.

The keys are those of :func:`hoptac.store.org_link.org_keys` (spelling key, the key without
spaces, the gazetteer's canonical name, the side-qualified name less its own country and a
seat in the other side's country; initials as a weak key). Existing organizations get the
keys of the names their mentions use; organizations stored apart before stay apart until
``ingest --refresh`` relinks them.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``org_aliases`` and fill it from the stored organizations and their mentions."""
    op.create_table(
        "org_aliases",
        sa.Column("org_id", sa.String(length=64), sa.ForeignKey("organizations.id"), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("weak", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("org_id", "key"),
    )
    op.create_index("ix_org_aliases_key", "org_aliases", ["key"])
    from hoptac.store.org_link import org_keys

    conn = op.get_bind()
    orgs = conn.execute(sa.text("SELECT id, name, side FROM organizations")).all()
    names: dict[str, list[str]] = {oid: [name] for oid, name, _ in orgs}
    for oid, name in conn.execute(sa.text("SELECT DISTINCT org_id, name FROM org_mentions")):
        names.setdefault(oid, []).append(name)
    rows = []
    for oid, _, side in orgs:
        seen: set[str] = set()
        for n in dict.fromkeys(names[oid]):
            strong, weak = org_keys(n, side)
            for k, w in [*((k, False) for k in strong), *((k, True) for k in weak)]:
                if k[:255] not in seen:
                    seen.add(k[:255])
                    rows.append({"org_id": oid, "key": k[:255], "alias": n, "weak": w})
    if rows:
        table = sa.table("org_aliases", sa.column("org_id"), sa.column("key"), sa.column("alias"),
                         sa.column("weak", sa.Boolean))
        op.bulk_insert(table, rows)


def downgrade() -> None:
    """Drop ``org_aliases``."""
    op.drop_index("ix_org_aliases_key", table_name="org_aliases")
    op.drop_table("org_aliases")
