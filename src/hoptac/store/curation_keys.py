"""Stable keys of a correction's target: what survives ``ingest --refresh`` and a re-ingest.

An article by its content hash (then its id and URL); a statement or an event report by its
article and its evidence span; a person by id, then canonical name key, then the one person
bearing that key as an alias; an organization by id, then name key.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t


def article_key(conn: Connection, aid: str) -> dict[str, Any] | None:
    """An article by content hash and URL (its id is derived from the hash)."""
    a = t.articles.c
    row = conn.execute(sa.select(a.id, a.content_hash, a.url, a.title).where(a.id == aid)).first()
    return None if row is None else {"id": row.id, "hash": row.content_hash, "url": row.url, "title": row.title}


def resolve_article(conn: Connection, k: dict[str, Any]) -> str | None:
    """The stored article a key names: by content hash, then id, then URL."""
    a = t.articles.c
    for col, value in ((a.content_hash, k.get("hash")), (a.id, k.get("id")), (a.url, k.get("url"))):
        if value:
            found = conn.execute(sa.select(a.id).where(col == value).order_by(a.id).limit(1)).scalar()
            if found:
                return found
    return None


def statement_key(conn: Connection, sid: str) -> dict[str, Any] | None:
    """A statement by its article and evidence span."""
    s = t.statements.c
    row = conn.execute(sa.select(s.article_id, s.evidence_start, s.evidence_end, s.actor, s.text)
                       .where(s.id == sid)).first()
    if row is None:
        return None
    return {"id": sid, "article": article_key(conn, row.article_id), "span": [row.evidence_start, row.evidence_end],
            "actor": row.actor, "text": row.text[:200]}


def resolve_statement(conn: Connection, k: dict[str, Any]) -> tuple[str | None, str | None]:
    """(statement id, article id) a statement key names today."""
    aid = resolve_article(conn, k["article"])
    if aid is None:
        return None, None
    s = t.statements.c
    sid = conn.execute(sa.select(s.id).where(s.article_id == aid, s.evidence_start == k["span"][0],
                                             s.evidence_end == k["span"][1]).order_by(s.idx).limit(1)).scalar()
    return sid, aid


def extracted(conn: Connection, aid: str, what: str, span: list[int]) -> bool:
    """Whether the article's extraction (its stored export) still holds an item with this evidence span."""
    data = conn.execute(sa.select(t.articles.c.data).where(t.articles.c.id == aid)).scalar() or {}
    return any(list(x.get("evidence") or []) == list(span) for x in data.get(what) or [])


def event_key(conn: Connection, eid: str) -> dict[str, Any] | None:
    """An event (occasion) by its reports: each an article and an evidence span."""
    row = conn.execute(sa.select(t.events.c.type, t.events.c.date).where(t.events.c.id == eid)).first()
    if row is None:
        return None
    es = t.event_sources.c
    srcs = conn.execute(sa.select(es.article_id, es.evidence_start, es.evidence_end)
                        .where(es.event_id == eid).order_by(es.article_id, es.idx)).all()
    return {"id": eid, "type": row.type, "date": row.date,
            "sources": [{"article": article_key(conn, r.article_id), "span": [r.evidence_start, r.evidence_end]}
                        for r in srcs]}


def _source_event(conn: Connection, src: dict[str, Any]) -> tuple[str | None, str | None]:
    """(event id, article id) of one report key."""
    aid = resolve_article(conn, src["article"])
    if aid is None:
        return None, None
    es = t.event_sources.c
    eid = conn.execute(sa.select(es.event_id).where(es.article_id == aid, es.evidence_start == src["span"][0],
                                                    es.evidence_end == src["span"][1]).limit(1)).scalar()
    return eid, aid


def resolve_event(conn: Connection, k: dict[str, Any], skip: list[dict[str, Any]] | None = None) -> str | None:
    """The event holding the first of its reports still stored (reports in ``skip`` aside), else its id."""
    for src in k.get("sources") or []:
        if skip and src in skip:
            continue
        eid, _ = _source_event(conn, src)
        if eid:
            return eid
    found = conn.execute(sa.select(t.events.c.id).where(t.events.c.id == k.get("id"))).scalar()
    return found


def person_key(conn: Connection, pid: str) -> dict[str, Any] | None:
    """A person by id, canonical name key and alias keys."""
    row = conn.execute(sa.select(t.people.c.name, t.people.c.name_key).where(t.people.c.id == pid)).first()
    if row is None:
        return None
    keys = sorted(conn.execute(sa.select(t.person_aliases.c.key).where(t.person_aliases.c.person_id == pid)).scalars())
    return {"id": pid, "name": row.name, "name_key": row.name_key, "keys": keys}


def resolve_person(conn: Connection, k: dict[str, Any]) -> str | None:
    """The person a key names: the same id, else the same canonical name key, else the one bearing it as alias."""
    p = t.people.c
    for col in (p.id, p.name_key):
        value = k.get("id") if col is p.id else k.get("name_key")
        found = conn.execute(sa.select(p.id).where(col == value).order_by(p.id).limit(1)).scalar()
        if found:
            return found
    owners = sorted(set(conn.execute(sa.select(t.person_aliases.c.person_id)
                                     .where(t.person_aliases.c.key == k.get("name_key"))).scalars()))
    return owners[0] if len(owners) == 1 else None


def org_key_of(conn: Connection, oid: str) -> dict[str, Any] | None:
    """An organization by id and canonical name key."""
    o = t.organizations.c
    row = conn.execute(sa.select(o.name, o.name_key).where(o.id == oid)).first()
    return None if row is None else {"id": oid, "name": row.name, "name_key": row.name_key}


def resolve_org(conn: Connection, k: dict[str, Any]) -> str | None:
    """The organization a key names: the same id, else the same name key, else the one its name links to."""
    from .org_link import resolve_org as by_name

    o = t.organizations.c
    return (conn.execute(sa.select(o.id).where(o.id == k.get("id"))).scalar()
            or conn.execute(sa.select(o.id).where(o.name_key == k.get("name_key"))).scalar()
            or (by_name(conn, k["name"]) if k.get("name") else None))


def org_spellings(conn: Connection, oid: str) -> list[str]:
    """Every spelling an organization is stored under: its name, its aliases, its mentions' spellings."""
    o, a, m = t.organizations.c, t.org_aliases.c, t.org_mentions.c
    out = list(conn.execute(sa.select(o.name).where(o.id == oid)).scalars())
    out += conn.execute(sa.select(a.alias).where(a.org_id == oid).order_by(a.alias)).scalars()
    for name, names in conn.execute(sa.select(m.name, m.names).where(m.org_id == oid).order_by(m.article_id)):
        out += [name, *(names or {})]
    return list(dict.fromkeys(out))


def _articles_of(conn: Connection, *, people: list[str] = (), orgs: list[str] = (),  # type: ignore[assignment]
                 events: list[str] = ()) -> list[str]:  # type: ignore[assignment]
    out: set[str] = set()
    if people:
        out |= set(conn.execute(sa.select(t.person_mentions.c.article_id)
                                .where(t.person_mentions.c.person_id.in_(people))).scalars())
    if orgs:
        out |= set(conn.execute(sa.select(t.org_mentions.c.article_id).where(t.org_mentions.c.org_id.in_(orgs))).scalars())
    if events:
        out |= set(conn.execute(sa.select(t.event_sources.c.article_id)
                                .where(t.event_sources.c.event_id.in_(events))).scalars())
    return sorted(out)
