""""Did you mean": the stored names and ids closest to one that finds nothing (tone marks optional)."""

from __future__ import annotations

import difflib

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.text import fold
from . import schema as t


def suggest_people(conn: Connection, name: str, n: int = 3) -> list[str]:
    """Up to ``n`` people's names closest to ``name`` (marks and case set aside), the most named first."""
    want = fold(" ".join(name.split())).lower()
    if not want:
        return []
    names: dict[str, str] = {}
    for pid, alias in conn.execute(sa.select(t.person_aliases.c.person_id, t.person_aliases.c.alias)):
        names.setdefault(fold(alias).lower(), pid)
    close = difflib.get_close_matches(want, list(names), n=n * 3, cutoff=0.75)
    close += [k for k in names if want in k and k not in close]
    pids = list(dict.fromkeys(names[k] for k in close))
    people = dict(conn.execute(sa.select(t.people.c.id, t.people.c.name).where(t.people.c.id.in_(pids))).all())
    return list(dict.fromkeys(people[p] for p in pids if p in people))[:n]


def suggest_ids(ident: str, ids: list[str], n: int = 3) -> list[str]:
    """Up to ``n`` of ``ids`` closest to ``ident`` (a thread or topic id)."""
    return difflib.get_close_matches(fold(ident).lower(), ids, n=n, cutoff=0.6)


def not_found(what: str, ident: str, suggestions: list[str], valid: list[str] | None = None) -> str:
    """``no person 'X'; did you mean A or B?`` (with ``valid``: the list of valid ids when none is close)."""
    msg = f"no {what} {ident!r}"
    if suggestions:
        return msg + "; did you mean " + " or ".join(suggestions) + "?"
    if valid:
        return msg + "; one of " + ", ".join(valid)
    return msg
