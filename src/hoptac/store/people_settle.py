"""Short forms of names linked the same whatever order the articles came in.

A bare surname (``Bush``) is linked by what the store holds when its article is written
(:func:`hoptac.store.people_link.find_person`): the one person with a full name who bears it, one
chosen by title among several, else an entry of its own. Written before ``George H. W. Bush`` is
stored, ``Bush`` joins ``George W. Bush``; written after, it stays apart: the entry it joins would
depend on the order of ingest. So once per write (a batch, :func:`settle_short_forms`), when the
people bearing a surname with a full name changed (an entry was made or merged away), the bare
mentions of that surname already stored are linked again by the same rule against the store as it
now is; a mention whose person changes moves with its article's statements, and its article's
event reports (and its near-duplicates') are placed again (:mod:`hoptac.store.relink`'s linker).
The cost of a write is bounded: at most :data:`MAX_MENTIONS` mentions are weighed per write.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.names import last_token, name_key, office_kind, without_middle
from . import schema as t

log = logging.getLogger(__name__)

#: at most this many stored bare mentions are weighed again per write
MAX_MENTIONS = 400
#: conn.info key: the surnames (last words, folded) whose people with a full name changed in this write
CHANGED = "people_surnames_changed"

#: places an article's event reports (and its near-duplicates') again, its people linked anew
Replacer = Callable[[str], None]


def note_changed(conn: Connection, key: str) -> None:
    """Record that the people bearing this full name key's surname changed in this write."""
    if len(key.split()) >= 2:
        conn.info.setdefault(CHANGED, set()).add(last_token(key))


Mention = tuple[int, str, str, str, str, str | None, str | None, str | None]


def _sole_mentions(conn: Connection, holders: dict[str, set[str]]) -> list[Mention]:
    """The stored mentions of these people written as one of the keys given for each: (mention id, person,
    article, key, name, title, organization, side), by article; an article's mention is left out when
    it has another of that person (an article that writes the full name too says whose name it is)."""
    m = t.person_mentions.c
    out = []
    pids = sorted(holders)
    for i in range(0, len(pids), 200):
        rows = conn.execute(sa.select(m.id, m.person_id, m.article_id, m.name, m.title, m.organization, m.side)
                            .where(m.person_id.in_(pids[i:i + 200]))).all()
        per_article: dict[tuple[str, str], int] = {}
        for r in rows:
            per_article[(r.person_id, r.article_id)] = per_article.get((r.person_id, r.article_id), 0) + 1
        for r in rows:
            key = name_key(r.name)[:255]
            if key in holders[r.person_id] and per_article[(r.person_id, r.article_id)] == 1:
                out.append((r.id, r.person_id, r.article_id, key, r.name, r.title, r.organization, r.side))
    return sorted(out, key=lambda x: (x[2], x[0]))


def _surname_keys(conn: Connection, words: list[str]) -> dict[str, set[str]]:
    """Person id -> the stored name keys of these surnames that person carries."""
    pa = t.person_aliases.c
    keys: dict[str, set[str]] = {}
    for pid, key in conn.execute(sa.select(pa.person_id, pa.key).where(pa.last_token.in_(words))):
        keys.setdefault(pid, set()).add(key)
    return keys


def _bare_mentions(conn: Connection, keys: dict[str, set[str]]) -> list[Mention]:
    """The stored mentions written as one word of these surnames (``keys``: :func:`_surname_keys`),
    as :func:`_sole_mentions`."""
    return _sole_mentions(conn, {p: bare for p, ks in keys.items() if (bare := {k for k in ks if " " not in k})})


def _short_mentions(conn: Connection, keys: dict[str, set[str]], cap: int) -> list[tuple[Mention, list[str]]]:
    """The stored mentions of these surnames written as a Western given name and surname whose entries
    carry that name with middle names too (``George Bush``, stored while ``George W. Bush`` and
    ``George H. W. Bush`` are people), as :func:`_sole_mentions`, each with the entries whose fuller
    names it fits, so that it joins the one it can be and no other."""
    fuller = {k for ks in keys.values() for k in ks if len(k.split()) >= 3}
    shorts = {k for ks in keys.values() for k in ks if any(without_middle(k, f) for f in fuller)}
    found = _sole_mentions(conn, {p: ks & shorts for p, ks in keys.items() if ks & shorts})[:max(cap, 0)]
    return [(x, sorted(p for p, ks in keys.items() if any(without_middle(x[3], k) for k in ks))) for x in found]


def _own_entry(conn: Connection, key: str) -> str | None:
    """The entry known by this full name only, with no fuller form (the lowest id), if one is stored."""
    pa = t.person_aliases.c
    pids = sorted(set(conn.execute(sa.select(pa.person_id).where(pa.key == key)).scalars()))
    for pid in pids:
        if all(len(k.split()) < 3 for k in conn.execute(sa.select(pa.key).where(pa.person_id == pid)).scalars()):
            return pid
    return None


def settle_short_forms(conn: Connection, replace: Replacer) -> int:
    """Link the stored bare mentions of the surnames changed in this write again (see the module);
    returns how many moved."""
    # imported here: people_link imports this module
    from .people_link import find_person, leader_keys, new_person, recount_side

    words = sorted(conn.info.pop(CHANGED, set()))
    if not words:
        return 0
    keys = _surname_keys(conn, words)  # read once for the bare and the short forms
    mentions = _bare_mentions(conn, keys)
    if len(mentions) > MAX_MENTIONS:
        log.debug("bare mentions left as linked: %d of surnames %s over the cap", len(mentions) - MAX_MENTIONS, words)
        mentions = mentions[:MAX_MENTIONS]
    moved: dict[str, set[str]] = {}
    touched: set[str] = set()
    short = _short_mentions(conn, keys, MAX_MENTIONS - len(mentions))
    fitting = {x[0]: fits for x, fits in short}
    for mid, pid, aid, key, written, title, org, side in mentions + [x for x, _ in short]:
        name = written or key
        if mid in fitting:  # a full name without middle names: the one person it can be, else its own entry
            fits = fitting[mid]
            target = fits[0] if len(fits) == 1 else _own_entry(conn, key)
            if target is None and pid not in fits:
                continue  # already an entry of its own
        else:
            target = find_person(conn, [key, *leader_keys([name], [key])], side, office_kind(title, org), title)
        if target == pid:
            continue
        if target is None:
            target = new_person(conn, name, key, side, office_kind(title, org))
        _move_mention(conn, mid, pid, target, aid, key, name)
        moved.setdefault(aid, set()).add(pid)
        touched |= {pid, target}
    if moved:
        log.debug("bare mentions linked again: %d articles", len(moved))
    for aid in sorted(moved):
        replace(aid)
    for pid in sorted(touched):
        if not drop_if_unused(conn, pid):
            recount_side(conn, pid)
    return sum(len(v) for v in moved.values())


def _move_mention(conn: Connection, mid: int, src: str, dst: str, aid: str, key: str, name: str) -> None:
    """One article's mention of ``src`` (its only one) and its statements to ``dst``; ``src`` keeps the
    bare alias while another of its mentions writes it."""
    m, pa = t.person_mentions.c, t.person_aliases.c
    conn.execute(t.person_mentions.update().where(m.id == mid).values(person_id=dst))
    conn.execute(t.statements.update().where(t.statements.c.article_id == aid, t.statements.c.person_id == src)
                 .values(person_id=dst))
    if not conn.execute(sa.select(pa.key).where(pa.person_id == dst, pa.key == key)).first():
        conn.execute(t.person_aliases.insert(), {"person_id": dst, "key": key, "last_token": last_token(key),
                                                 "alias": name})
    still = any(name_key(n)[:255] == key for n in conn.execute(sa.select(m.name).where(m.person_id == src)).scalars())
    if not still:
        conn.execute(t.person_aliases.delete().where(pa.person_id == src, pa.key == key))


def drop_if_unused(conn: Connection, pid: str) -> bool:
    """Delete an entry no mention and no event participation names any more (its aliases too, its
    statements unlinked); True if it went. Used here and when an article is refreshed or deleted."""
    if conn.execute(sa.select(t.person_mentions.c.id).where(t.person_mentions.c.person_id == pid).limit(1)).first():
        return False
    if conn.execute(sa.select(t.event_participants.c.event_id).where(t.event_participants.c.person_id == pid)
                    .limit(1)).first():
        return False  # still named by an occasion's other reports: left to the reports placed again
    conn.execute(t.statements.update().where(t.statements.c.person_id == pid).values(person_id=None))
    conn.execute(t.person_aliases.delete().where(t.person_aliases.c.person_id == pid))
    conn.execute(t.people.delete().where(t.people.c.id == pid))
    return True


__all__ = ["MAX_MENTIONS", "drop_if_unused", "note_changed", "settle_short_forms"]
