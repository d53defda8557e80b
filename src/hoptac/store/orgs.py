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
from .org_names import candidates
from .queries import STATEMENT_ROW, statement_dict


def org_of_names(conn: Connection, names: list[tuple[str, str | None]]) -> dict[tuple[str, str | None], str]:
    """(organization name as written, side) -> the stored organization it designates, for those found."""
    out: dict[tuple[str, str | None], str] = {}
    for name, side in dict.fromkeys(names):
        strong, weak = org_keys(name, side)
        oid = find_org(conn, strong, weak, side, name)
        if oid:
            out[(name, side)] = oid
    return out


def _names_of(conn: Connection, oid: str) -> list[tuple[str, str | None]]:
    """The (name, side) pairs people's mentions give that designate this organization: the
    candidates sharing a key with it (:mod:`hoptac.store.org_names`), resolved as every read does."""
    cands = candidates(conn, oid)
    found = org_of_names(conn, cands)
    return [pair for pair in cands if found.get(pair) == oid]


def _mentions_of(names: list[tuple[str, str | None]]) -> sa.ColumnElement[bool]:
    """Person mentions giving one of these (name, side) pairs (``ix_person_mentions_org``)."""
    m = t.person_mentions.c
    by_side: dict[str | None, list[str]] = {}
    for name, side in names:
        by_side.setdefault(side, []).append(name)
    conds = [sa.and_(m.side.is_(None) if side is None else m.side == side, m.organization.in_(sorted(ns)))
             for side, ns in sorted(by_side.items(), key=lambda kv: kv[0] or "")]
    return sa.or_(*conds) if conds else sa.false()


def _people(conn: Connection, cond: sa.ColumnElement[bool]) -> list[dict[str, Any]]:
    """The organization's people with their titles there (in the order first written), first and last
    dates, by number of articles: aggregated in the index, one row per person."""
    m = t.person_mentions.c
    day = sa.func.nullif(m.date_sort, "")
    rows = conn.execute(sa.select(m.person_id, sa.func.count(sa.distinct(m.article_id)).label("n"),
                                  sa.func.min(day).label("first"), sa.func.max(day).label("last"))
                        .where(cond).group_by(m.person_id)).all()
    if not rows:
        return []
    titles: dict[str, list[str]] = {}
    for pid, title, _ in conn.execute(sa.select(m.person_id, m.title, sa.func.min(m.id).label("at"))
                                      .where(cond, m.title.is_not(None), m.title != "")
                                      .group_by(m.person_id, m.title).order_by(sa.text("at"))):
        titles.setdefault(pid, []).append(title)
    ids = [r.person_id for r in rows]
    info = {r.id: (r.name, r.side) for r in conn.execute(sa.select(t.people.c.id, t.people.c.name, t.people.c.side)
                                                        .where(t.people.c.id.in_(ids)))}
    out = [{"id": r.person_id, "titles": titles.get(r.person_id, []), "articles": r.n, "first_seen": r.first,
            "last_seen": r.last, "name": info.get(r.person_id, (None, None))[0],
            "side": info.get(r.person_id, (None, None))[1]} for r in rows]
    return sorted(out, key=lambda p: (-p["articles"], p["name"] or ""))


def get_organization(conn: Connection, ident: str, *, limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
    """One organization: canonical name, spellings, kind, side, people with titles there, a page of
    its events and statements by date (``totals`` counts them all), and its articles' count.

    Bounded by the organization's own mentions: the names that designate it come from its keys
    (:func:`_names_of`), its people are aggregated in ``ix_person_mentions_org``, its statements
    (its own, by ``ix_statements_actor``, and its people's in the articles that name them with
    it) are chosen as ids before one page of them is read.
    """
    oid = resolve_org(conn, ident)
    if oid is None:
        return None
    o = conn.execute(sa.select(t.organizations).where(t.organizations.c.id == oid)).one()
    om = t.org_mentions.c
    spellings = sorted(set(_spellings(conn, oid))
                       | set(conn.execute(sa.select(t.org_aliases.c.alias).where(t.org_aliases.c.org_id == oid))
                             .scalars()))
    n_articles = conn.execute(sa.select(t.org_tallies.c.articles).where(t.org_tallies.c.org_id == oid)).scalar()
    if n_articles is None:  # no tally (kept for every organization since migration 0021): counted
        n_articles = conn.execute(sa.select(sa.func.count()).select_from(t.org_mentions).where(om.org_id == oid)).scalar()
    cond = _mentions_of(_names_of(conn, oid))
    people = _people(conn, cond)
    s, m = t.statements.c, t.person_mentions.c
    # each statement with the columns it is ordered by, from the rows (or index entries) that found it: the
    # page is cut from them without looking every statement up again by its id (a quarter less CPU for an
    # organization with 66,000 statements at 1,000,000 articles)
    order = (s.date_sort, s.article_id, s.idx, s.id)
    own = sa.select(*order).where(s.actor.in_(spellings))
    theirs = (sa.select(*order).select_from(t.person_mentions.join(
        t.statements, sa.and_(s.person_id == m.person_id, s.article_id == m.article_id))).where(cond))
    ids = sa.union(own, theirs).subquery()
    # the page's ids and the number of statements in one pass over them, the articles joined to the page only
    page = conn.execute(sa.select(ids.c.id, sa.func.count().over().label("n"))
                        .order_by(ids.c.date_sort.asc().nulls_last(), ids.c.article_id, ids.c.idx)
                        .limit(limit).offset(offset)).all()
    n_st = page[0].n if page else conn.execute(sa.select(sa.func.count()).select_from(ids)).scalar() or 0
    by_id = {r.id: r for r in conn.execute(sa.select(*STATEMENT_ROW).join(t.articles, t.articles.c.id == s.article_id)
                                           .where(s.id.in_([r.id for r in page])))} if page else {}
    sts = [by_id[r.id] for r in page if r.id in by_id]
    events, n_ev, ev_capped = _events(conn, [p["id"] for p in people], limit, offset)
    return {"id": o.id, "name": o.name, "aliases": [a for a in spellings if a != o.name], "kind": o.kind,
            "side": o.side, "articles": n_articles or 0, "people": people, "events": events,
            "statements": [statement_dict(r) for r in sts],
            "totals": {"people": len(people), "events": n_ev, "statements": n_st},
            "totals_capped": ["events"] if ev_capped else []}


def _spellings(conn: Connection, oid: str) -> list[str]:
    """The distinct names the organization's mentions give, by a skip scan of ``ix_org_mentions_org_name``
    (each next name is one index seek: a cost in its spellings, not in its mentions)."""
    return list(conn.execute(sa.text(
        "WITH RECURSIVE sp(name) AS (SELECT min(name) FROM org_mentions WHERE org_id = :o UNION ALL "
        "SELECT (SELECT min(name) FROM org_mentions WHERE org_id = :o AND name > sp.name) FROM sp "
        "WHERE sp.name IS NOT NULL) SELECT name FROM sp WHERE name IS NOT NULL"), {"o": oid}).scalars())


def _events(conn: Connection, pids: list[str], limit: int, offset: int) -> tuple[list[dict[str, Any]], int, bool]:
    """A page of the occasions the organization's people took part in, by date, their number (up to
    :data:`~hoptac.store.event_pages.TOTAL_CAP`) and whether it stopped there: each person's events
    walked in ``ix_event_participants_person_date`` and merged (:mod:`hoptac.store.event_pages`), so
    only the page's events are read, not every event of the organization's people."""
    from .event_pages import events_of

    return events_of(conn, pids, limit, offset)


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
    dates = _dates(t.articles.c.date_sort, f)
    q = sa.select(t.organizations, n).join(t.org_mentions, om.org_id == o.id)
    if dates:  # without dates, the articles' rows are not read
        q = q.join(t.articles, t.articles.c.id == om.article_id)
    q = q.where(*dates).group_by(*t.organizations.c).order_by(n.desc(), o.name)
    if f.side:
        q = q.where(o.side == f.side)
    if kind:
        q = q.where(o.kind == kind)
    if name:
        q = q.where(o.id.in_(search_organizations(conn, name) or ["\x00"]))
    rows, total = _page(conn, q, f)
    return {"items": [{"id": r.id, "name": r.name, "kind": r.kind, "side": r.side, "articles": r.articles}
                      for r in rows], "total": total}
