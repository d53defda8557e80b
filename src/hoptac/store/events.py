"""Event queries: occasions with their sources and parts, the timeline, who met whom how often."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t
from .queries import Filters, _article_ids_for, _dates, _page, count, period_first, resolve_person
from .stat_counts import kept
from .summary import cached, query_key


def event_dicts(conn: Connection, rows: list[Any]) -> list[dict[str, Any]]:
    """Event rows with their participants (linked ids) and sources (article, quote, evidence)."""
    ids = [r.id for r in rows]
    parts: dict[str, list[dict[str, Any]]] = {}
    srcs: dict[str, list[dict[str, Any]]] = {}
    if ids:
        ep = t.event_participants.c
        for p in conn.execute(sa.select(ep.event_id, ep.name, ep.person_id, t.people.c.name.label("person"))
                              .outerjoin(t.people, t.people.c.id == ep.person_id).where(ep.event_id.in_(ids))):
            # ``name`` as the report wrote it; ``person`` the linked person's name (a misspelling in
            # one report shows as the person it was linked to)
            parts.setdefault(p.event_id, []).append({"name": p.name, "person_id": p.person_id, "person": p.person})
        for s in conn.execute(sa.select(t.event_sources, t.articles.c.title, t.articles.c.duplicate_of)
                              .join(t.articles, t.articles.c.id == t.event_sources.c.article_id)
                              .where(t.event_sources.c.event_id.in_(ids))
                              .order_by(t.event_sources.c.article_id, t.event_sources.c.idx)):
            srcs.setdefault(s.event_id, []).append({
                "article_id": s.article_id, "title": s.title, "type": s.type, "date": s.date,
                "quote": s.quote, "evidence": [s.evidence_start, s.evidence_end], "duplicate": bool(s.duplicate_of),
                "date_provenance": s.date_provenance, "background": bool(s.background)})
    kids = _parts(conn, ids)
    return [{"id": r.id, "type": r.type, "date": r.date, "date_provenance": _provenance(r.date, srcs.get(r.id, [])),
             "background": bool(srcs.get(r.id)) and all(s["background"] for s in srcs.get(r.id, [])),
             "place": r.place, "status": r.status,
             "parent_id": r.parent_id, "parts": kids.get(r.id, []),
             "participants": parts.get(r.id, []), "sources": srcs.get(r.id, []),
             "articles": len({s["article_id"] for s in srcs.get(r.id, [])})} for r in rows]


def _provenance(date: str | None, sources: list[dict[str, Any]]) -> str | None:
    """Where an event's date came from: the provenance of a report giving that date, stated first."""
    found = [s["date_provenance"] for s in sources if s["date"] == date and s["date_provenance"]]
    for p in ("stated", "relative", "metadata", "inferred", "partial"):
        if p in found:
            return p
    return found[0] if found else None


def children(conn: Connection, ids: list[str], *cols: sa.Column[Any]) -> list[Any]:
    """``cols`` of the events that are parts of these occasions, in date order (undated last), by
    ``ix_events_parent_id``. On SQLite the index is named: most events have no parent, and the
    statistics, counting those NULLs as one value, make the planner read every event instead."""
    e = t.events.c
    if not ids:
        return []
    if conn.dialect.name != "sqlite":
        return list(conn.execute(sa.select(*cols).where(e.parent_id.in_(ids))
                                 .order_by(e.date_sort.asc().nulls_last(), e.id)))
    names = ", ".join(c.name for c in cols)
    q = (sa.text(f"SELECT {names} FROM events INDEXED BY ix_events_parent_id WHERE parent_id IN :ids "
                 "ORDER BY date_sort IS NULL, date_sort, id")
         .bindparams(sa.bindparam("ids", expanding=True)).columns(*cols))
    return list(conn.execute(q, {"ids": list(ids)}))


def _parts(conn: Connection, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The parts of these occasions (a visit's meetings, receptions, signings), in date order."""
    out: dict[str, list[dict[str, Any]]] = {}
    e = t.events.c
    for r in children(conn, ids, e.id, e.parent_id, e.type, e.date, e.participants):
        out.setdefault(r.parent_id, []).append({"id": r.id, "type": r.type, "date": r.date,
                                                "participants": list(r.participants or [])})
    return out


def _distinct(dates: dict[str | None, int]) -> int:
    """Occasions told apart by their dates: a month or a year holding a more precise one is that one.

    ``dates`` maps each occasion date to how many occasions have it (``None``: undated, not
    counted). A date counts unless it is a proper prefix of another one (``2019-04`` beside
    ``2019-04-10``): one pass over the dates and their prefixes, not a comparison of every pair."""
    held = {d[:k] for d in dates if d for k in range(1, len(d))}
    return sum(n for d, n in dates.items() if d and d not in held)


def get_event(conn: Connection, eid: str) -> dict[str, Any] | None:
    """One occasion with its participants, sources, the occasion it is part of, and its parts in full."""
    row = conn.execute(sa.select(t.events).where(t.events.c.id == eid)).first()
    if row is None:
        return None
    out = event_dicts(conn, [row])[0]
    out["parts"] = event_dicts(conn, children(conn, [eid], *t.events.c))
    out["parent"] = None
    if row.parent_id:
        parent = conn.execute(sa.select(t.events).where(t.events.c.id == row.parent_id)).first()
        out["parent"] = ({"id": parent.id, "type": parent.type, "date": parent.date,
                          "participants": list(parent.participants or [])} if parent else None)
    return out


#: The occasions listed under each pair of the meetings (its latest); ``list_total`` says how many it has.
LISTED = 20
#: The most a caller may ask listed (the API's ``listed=``, a pair's own page): a pair's read stays bounded.
MAX_LISTED = 200


def meetings(conn: Connection, f: Filters, other: str | None = None, *, listed: int = LISTED) -> dict[str, Any]:
    """Who met whom, how often: pairs of people with the number of occasions they met at.

    Occasions, not rows: the meetings, receptions, calls and dialogues that happened (planned
    ones are left out), one per occasion however many outlets reported it, and the meetings
    within one visit count once for that visit. ``f.person`` (and ``other``) narrow the pairs;
    ``since``/``until`` the dates. ``occasions`` counts the dated ones, where one known only to
    its month or year counts unless the pair has an occasion on a day of it (it may be that
    one); ``undated`` counts the occasions without a date, which may be any of them. Each pair
    lists its ``listed`` latest occasions (newest first, undated after the dated) and, in
    ``list_total``, how many it has. Pairs come by their dated occasions, most first.

    Steps: the page of pairs (without a filter, the kept ``pair_tallies`` in their index's order;
    with one, ``meeting_pairs`` grouped); then per listed pair, through ``ix_meeting_pairs_pair``,
    its occasions' dates counted (:func:`_pair_counts`) and its latest ``listed`` occasions.
    """
    mp = t.meeting_pairs.c  # maintained by the writers (store/tallies.py)
    dates = _dates(mp.date_sort, f)
    cond = list(dates) if f.person or other else period_first(conn, mp.date_sort, f)
    for who in (f.person, other):
        if who:
            pid = resolve_person(conn, who) or "\x00"
            cond.append(sa.or_(mp.p1 == pid, mp.p2 == pid))
    if cond:
        base = sa.select(mp.p1, mp.p2, mp.occ, mp.event_id.label("id"), mp.date_sort).where(*cond).subquery()
        n = sa.func.count(sa.distinct(sa.case((base.c.date_sort.is_not(None), base.c.occ)))).label("n")
        q = (sa.select(base.c.p1, base.c.p2, n, sa.func.count(sa.distinct(base.c.id)).label("rows"),
                       sa.func.min(base.c.date_sort).label("first"), sa.func.max(base.c.date_sort).label("last"))
             .group_by(base.c.p1, base.c.p2).order_by(n.desc(), base.c.p1, base.c.p2))
    else:  # every pair: the kept tallies, in their index's order
        pt = t.pair_tallies.c
        q = (sa.select(pt.p1, pt.p2, pt.dated_occasions.label("n"), pt.reports.label("rows"), pt.first, pt.last,
                       pt.occasions.label("every"))
             .order_by(pt.dated_occasions.desc(), pt.p1, pt.p2))

    def page(c: Connection) -> tuple[list[Any], int]:  # the page and the number of pairs, in one pass
        if not cond:
            return c.execute(q.limit(f.limit).offset(f.offset)).all(), \
                c.execute(sa.select(sa.func.count()).select_from(t.pair_tallies)).scalar() or 0
        got = c.execute(q.add_columns(sa.func.count().over().label("pairs")).limit(f.limit).offset(f.offset)).all()
        return got, (got[0].pairs if got else count(c, q))

    rows, total = cached(conn, query_key("meetings", q, f.limit, f.offset), page)
    pids = sorted({p for r in rows for p in (r.p1, r.p2)})
    names = dict(conn.execute(sa.select(t.people.c.id, t.people.c.name).where(t.people.c.id.in_(pids))).all())
    items = []
    for r in rows:
        occs = _pair_occasions(r.p1, r.p2, dates)
        by_date = _pair_counts(conn, occs)
        # every occasion and the undated: the kept tally's when unfiltered (the same counts), else recounted
        every = r.every if not cond else sum(by_date.values())
        items.append({"people": [{"id": r.p1, "name": names.get(r.p1)}, {"id": r.p2, "name": names.get(r.p2)}],
                      "occasions": _distinct(by_date), "rows": r.rows, "undated": every - r.n,
                      "first": r.first, "last": r.last, "list_total": every,
                      "list": [{"id": o.occ, "date": o.d} for o in conn.execute(
                          sa.select(occs.c.occ, occs.c.d).order_by(occs.c.d.desc().nulls_last(), occs.c.occ)
                          .limit(listed))]})
    return {"items": items, "total": total}


def _pair_occasions(p1: str, p2: str, dates: list[sa.ColumnElement[bool]]) -> sa.Subquery:
    """One pair's occasions, each with its earliest date within the pair (and the period asked):
    a range of ``ix_meeting_pairs_pair`` (``p1, p2, occ, date_sort``), read from the index alone."""
    mp = t.meeting_pairs.c
    return (sa.select(mp.occ, sa.func.min(mp.date_sort).label("d"))
            .where(mp.p1 == p1, mp.p2 == p2, *dates).group_by(mp.occ).subquery())


def _pair_counts(conn: Connection, occs: sa.Subquery) -> dict[str | None, int]:
    """How many of the pair's occasions have each date (``None``: undated), grouped by the database:
    one row per distinct date, which :func:`_distinct` counts in one pass."""
    return dict(conn.execute(sa.select(occs.c.d, sa.func.count()).group_by(occs.c.d)).all())


def event_query(conn: Connection, f: Filters) -> sa.Select[Any]:
    """Events matching the filters, in date order (undated last).

    Every condition is a correlated ``EXISTS`` on an index of the event's own rows, so a page
    (or a month) reads its events, not a list of every event that qualifies.
    """
    e, es, ep = t.events.c, t.event_sources.c, t.event_participants.c
    q = sa.select(t.events).where(*_dates(e.date_sort, f))
    if not f.background:  # what happened: an occasion some article reports as its news
        q = q.where(sa.exists().where(es.event_id == e.id, sa.or_(es.background.is_(None), es.background.is_(False))))
    if f.person:
        pid = resolve_person(conn, f.person) or "\x00"
        q = q.where(sa.exists().where(ep.event_id == e.id, ep.person_id == pid))
    if f.side:
        q = q.where(sa.exists().where(ep.event_id == e.id, t.people.c.id == ep.person_id, t.people.c.side == f.side))
    art = _article_ids_for(conn, Filters(topic=f.topic, thread=f.thread))
    if art:
        q = q.where(sa.exists().where(es.event_id == e.id, t.articles.c.id == es.article_id, *art))
    return q.order_by(e.date_sort.asc().nulls_last(), e.id)


def _events_page(conn: Connection, f: Filters) -> tuple[list[Any], int]:
    """A page of events and the number of them: without a filter, the number the writers keep
    (``news_events``, store/stat_counts.py) instead of a count of every reported event."""
    q = event_query(conn, f)
    if replace(f, limit=0, offset=0) != Filters(limit=0):
        return _page(conn, q, f)
    rows = cached(conn, query_key("events-page", q, f.limit, f.offset),
                  lambda c: list(c.execute(q.limit(f.limit).offset(f.offset)).all()))
    return rows, kept(conn, "news_events")


def list_events(conn: Connection, f: Filters) -> dict[str, Any]:
    """Deduplicated events, each with its sources."""
    rows, total = _events_page(conn, f)
    return {"items": event_dicts(conn, rows), "total": total}


def timeline(conn: Connection, f: Filters) -> dict[str, Any]:
    """Events grouped by date (``undated`` last)."""
    rows, total = _events_page(conn, f)
    days: dict[str, list[dict[str, Any]]] = {}
    for ev in event_dicts(conn, rows):
        days.setdefault(ev["date"] or "undated", []).append(ev)
    # a page's days: full and partial dates in order, days without a year after them, undated last
    order = sorted(days, key=lambda d: (d == "undated", d.startswith("-"), d))
    return {"items": [{"date": d, "events": days[d]} for d in order], "total": total}
