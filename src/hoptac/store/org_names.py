"""The organization names people's mentions give, under the keys they are looked up by.

A person's mention names their organization as written (``person_mentions.organization``);
which stored organization that designates is decided when it is read
(:func:`hoptac.store.orgs.org_of_names`: the name's keys against ``org_aliases``), so a name
keeps following its organization as the store learns spellings. To find an organization's
people without resolving every mention in the store, ``org_name_keys`` lists each distinct
(name, side) once per key it is looked up by — its strong keys and the keys its weak ones meet
(:func:`hoptac.store.org_link.lookup_weak`). A name can only designate an organization that
holds one of those keys, so the names sharing a key with the organization are the only
candidates; each is then resolved exactly as before (:func:`candidates`). Rows are added in the
write transaction that stores the mention (:func:`note`) and never removed: a name no longer
mentioned is a candidate that matches no mention.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t
from .org_link import lookup_weak, org_keys


def name_hash(name: str, side: str | None) -> str:
    """A short stable id of a (name, side) pair (names are free text of any length)."""
    return hashlib.sha1(f"{side or ''}\x1f{name}".encode()).hexdigest()


def lookup_keys(name: str, side: str | None) -> list[str]:
    """The ``org_aliases`` keys :func:`hoptac.store.org_link.find_org` looks this name up by
    (cut to the column's 255 characters: a longer key never matches, so this is a superset)."""
    strong, weak = org_keys(name, side)
    return list(dict.fromkeys(k[:255] for k in [*strong, *lookup_weak(weak)]))


def rows_for(name: str, side: str | None) -> list[dict[str, str | None]]:
    """The ``org_name_keys`` rows of one (name, side)."""
    h = name_hash(name, side)
    return [{"key": k, "name_hash": h, "name": name, "side": side} for k in lookup_keys(name, side)]


_HAVE = sa.select(t.org_name_keys.c.name_hash).where(t.org_name_keys.c.name_hash == sa.bindparam("h")).limit(1)


def note(conn: Connection, name: str | None, side: str | None) -> None:
    """Record a mention's organization name under its keys (once per name and side), inside the
    caller's write transaction."""
    if not name or conn.execute(_HAVE, {"h": name_hash(name, side)}).first():
        return
    rows = rows_for(name, side)
    if rows:
        conn.execute(t.org_name_keys.insert(), rows)


def candidates(conn: Connection, oid: str) -> list[tuple[str, str | None]]:
    """The (name, side) pairs of mentions that may designate organization ``oid``: those sharing a
    key with it (a superset of the ones that do; :func:`hoptac.store.orgs.org_of_names` decides)."""
    k = t.org_name_keys.c
    keys = sa.select(t.org_aliases.c.key).where(t.org_aliases.c.org_id == oid)
    rows = conn.execute(sa.select(k.name, k.side).where(k.key.in_(keys)).distinct()).all()
    return sorted({(r.name, r.side) for r in rows}, key=lambda p: (p[0], p[1] or ""))


__all__ = ["candidates", "lookup_keys", "name_hash", "note", "rows_for"]
