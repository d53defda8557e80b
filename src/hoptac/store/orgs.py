"""Organization queries: one institution across its spellings, its people, events and statements.

An organization's people are those whose mentions give it as their organization (under any of
its spellings, :mod:`hoptac.store.org_link`); its statements are the ones it makes itself (the
actor is one of its names) and the ones its people make in articles that name them with it.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t
from .org_link import find_org, org_keys, resolve_org
from .queries import statement_dict


def org_of_names(conn: Connection, names: list[tuple[str, str | None]]) -> dict[tuple[str, str | None], str]:
    """(organization name as written, side) -> the stored organization it designates, for those found."""
    out: dict[tuple[str, str | None], str] = {}
    for name, side in dict.fromkeys(names):
        strong, weak = org_keys(name, side)
        oid = find_org(conn, strong, weak, side)
        if oid:
            out[(name, side)] = oid
    return out


def _members(conn: Connection, oid: str) -> list[tuple[str, str, str | None, str | None]]:
    """(person id, article id, title, date) of every mention giving this organization."""
    m = t.person_mentions.c
    rows = conn.execute(sa.select(m.person_id, m.article_id, m.title, m.date_sort, m.organization, m.side)
                        .where(m.organization.is_not(None))).all()
    found = org_of_names(conn, [(r.organization, r.side) for r in rows])
    return [(r.person_id, r.article_id, r.title, r.date_sort) for r in rows if found.get((r.organization, r.side)) == oid]


def _people(conn: Connection, members: list[tuple[str, str, str | None, str | None]]) -> list[dict[str, Any]]:
    """The organization's people with their titles there, first and last dates, by number of articles."""
    by: dict[str, dict[str, Any]] = {}
    for pid, aid, title, date in members:
        e = by.setdefault(pid, {"id": pid, "titles": [], "articles": set(), "first_seen": None, "last_seen": None})
        if title and title not in e["titles"]:
            e["titles"].append(title)
        e["articles"].add(aid)
        if date:
            e["first_seen"] = min(filter(None, [e["first_seen"], date]))
            e["last_seen"] = max(filter(None, [e["last_seen"], date]))
    names = dict(conn.execute(sa.select(t.people.c.id, t.people.c.name).where(t.people.c.id.in_(list(by)))).all())
    sides = dict(conn.execute(sa.select(t.people.c.id, t.people.c.side).where(t.people.c.id.in_(list(by)))).all())
    out = [{**e, "name": names.get(pid), "side": sides.get(pid), "articles": len(e["articles"])} for pid, e in by.items()]
    return sorted(out, key=lambda p: (-p["articles"], p["name"] or ""))


def get_organization(conn: Connection, ident: str, *, limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
    """One organization: canonical name, spellings, kind, side, people with titles there, a page of
    its events and statements by date (``totals`` counts them all), and its articles' count."""
    oid = resolve_org(conn, ident)
    if oid is None:
        return None
    o = conn.execute(sa.select(t.organizations).where(t.organizations.c.id == oid)).one()
    om = t.org_mentions.c
    spellings = sorted(set(conn.execute(sa.select(om.name).where(om.org_id == oid)).scalars())
                       | set(conn.execute(sa.select(t.org_aliases.c.alias).where(t.org_aliases.c.org_id == oid))
                             .scalars()))
    n_articles = conn.execute(sa.select(sa.func.count()).select_from(t.org_mentions).where(om.org_id == oid)).scalar()
    members = _members(conn, oid)
    people = _people(conn, members)
    s = t.statements.c
    pairs = sorted({(pid, aid) for pid, aid, _, _ in members})
    cond = [s.actor.in_(spellings)]
    if pairs:
        cond.append(sa.tuple_(s.person_id, s.article_id).in_(pairs))
    q = (sa.select(t.statements, t.articles.c.title, t.articles.c.published, t.articles.c.outlet, t.articles.c.url)
         .join(t.articles, t.articles.c.id == s.article_id).where(sa.or_(*cond)))
    n_st = conn.execute(sa.select(sa.func.count()).select_from(q.subquery())).scalar() or 0
    sts = conn.execute(q.order_by(s.date_sort.asc().nulls_last(), s.article_id, s.idx).limit(limit).offset(offset))
    events, n_ev = _events(conn, [p["id"] for p in people], limit, offset)
    return {"id": o.id, "name": o.name, "aliases": [a for a in spellings if a != o.name], "kind": o.kind,
            "side": o.side, "articles": n_articles or 0, "people": people, "events": events,
            "statements": [statement_dict(r) for r in sts],
            "totals": {"people": len(people), "events": n_ev, "statements": n_st}}


def _events(conn: Connection, pids: list[str], limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """A page of the occasions the organization's people took part in, by date, and their number."""
    from .events import event_dicts

    if not pids:
        return [], 0
    e, ep = t.events.c, t.event_participants.c
    ids = sa.select(ep.event_id).where(ep.person_id.in_(pids))
    total = conn.execute(sa.select(sa.func.count()).select_from(t.events).where(e.id.in_(ids))).scalar() or 0
    rows = conn.execute(sa.select(t.events).where(e.id.in_(ids)).order_by(e.date_sort.asc().nulls_last(), e.id)
                        .limit(limit).offset(offset)).all()
    return event_dicts(conn, list(rows)), total


def search_organizations(conn: Connection, words: str) -> list[str]:
    """Ids of organizations one of whose spellings contains ``words`` (tone marks optional)."""
    from ..link.text import fold

    want = fold(words.strip())
    a = t.org_aliases.c
    return sorted({oid for oid, alias in conn.execute(sa.select(a.org_id, a.alias)) if want in fold(alias)})


def list_orgs(conn: Connection, f: Any, name: str | None = None, kind: str | None = None) -> dict[str, Any]:
    """Organizations by number of articles naming them; ``name`` keeps those one of whose spellings
    contains it (tone marks optional), ``kind`` one kind."""
    from .queries import _dates, _page

    o, om = t.organizations.c, t.org_mentions.c
    n = sa.func.count(om.article_id).label("articles")
    q = (sa.select(t.organizations, n).join(t.org_mentions, om.org_id == o.id)
         .join(t.articles, t.articles.c.id == om.article_id).where(*_dates(t.articles.c.date_sort, f))
         .group_by(*t.organizations.c).order_by(n.desc(), o.name))
    if f.side:
        q = q.where(o.side == f.side)
    if kind:
        q = q.where(o.kind == kind)
    if name:
        q = q.where(o.id.in_(search_organizations(conn, name) or ["\x00"]))
    rows, total = _page(conn, q, f)
    return {"items": [{"id": r.id, "name": r.name, "kind": r.kind, "side": r.side, "articles": r.articles}
                      for r in rows], "total": total}
