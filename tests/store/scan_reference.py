"""The scan-based reads the bounded ones replaced, kept verbatim as the reference the tests compare
against (``test_store_bounded.py``): on a small store both must give the same answers."""

from __future__ import annotations

from collections import Counter
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hoptac.link.text import fold
from hoptac.link.titles import title_key
from hoptac.store import schema as t
from hoptac.store.browse import SORTS, StatementView, _folded_ids
from hoptac.store.events import event_dicts
from hoptac.store.network import BY, EDGE_IDS
from hoptac.store.org_link import resolve_org
from hoptac.store.orgs import org_of_names, search_organizations
from hoptac.store.people import _writing, latest_title
from hoptac.store.queries import Filters, _article_ids_for, _dates, _page, resolve_person, statement_dict


def _members(conn: Connection, oid: str) -> list[tuple[str, str, str | None, str | None]]:
    """(person id, article id, title, date) of every mention giving this organization."""
    m = t.person_mentions.c
    rows = conn.execute(sa.select(m.person_id, m.article_id, m.title, m.date_sort, m.organization, m.side)
                        .where(m.organization.is_not(None)).order_by(m.id)).all()  # the old table scan's order
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
            "totals": {"people": len(people), "events": n_ev, "statements": n_st}, "totals_capped": []}


def _events(conn: Connection, pids: list[str], limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """A page of the events these people took part in, by date (undated last), and their number: every
    participation grouped and sorted by the database."""
    if not pids:
        return [], 0
    e, ep = t.events.c, t.event_participants.c
    mine = ep.person_id.in_(pids)
    total = conn.execute(sa.select(sa.func.count(sa.distinct(ep.event_id))).where(mine)).scalar() or 0
    page = (sa.select(ep.event_id).where(mine).group_by(ep.date_sort, ep.event_id)
            .order_by(ep.date_sort.asc().nulls_last(), ep.event_id).limit(limit).offset(offset))
    rows = conn.execute(sa.select(t.events).where(e.id.in_(page)).order_by(e.date_sort.asc().nulls_last(), e.id)).all()
    return event_dicts(conn, list(rows)), total


def _pairs(conn: Connection, f: Filters) -> list[Any]:
    """(occasion, date, person a, person b) of every meeting between two linked people, filtered."""
    e, a, b = t.events.c, t.event_participants.alias("a"), t.event_participants.alias("b")
    occ = sa.func.coalesce(e.parent_id, e.id)
    cond = [e.family == "meeting", e.status == "happened", a.c.person_id.is_not(None),
            b.c.person_id.is_not(None), a.c.person_id < b.c.person_id, *_dates(e.date_sort, f)]
    if f.topic:
        cond.append(e.id.in_(sa.select(t.event_sources.c.event_id).join(
            t.article_topics, t.article_topics.c.article_id == t.event_sources.c.article_id)
            .where(t.article_topics.c.topic == f.topic)))
    q = (sa.select(occ.label("occ"), e.date_sort, a.c.person_id.label("p1"), b.c.person_id.label("p2"))
         .select_from(a.join(b, a.c.event_id == b.c.event_id).join(t.events, e.id == a.c.event_id)).where(*cond))
    return list(conn.execute(q))


def _orgs_of_people(conn: Connection, pids: set[str]) -> dict[str, str]:
    """Each person's organization: the one their mentions give most often."""

    m = t.person_mentions.c
    rows = conn.execute(sa.select(m.person_id, m.organization, m.side)
                        .where(m.person_id.in_(sorted(pids)), m.organization.is_not(None))).all()
    found = org_of_names(conn, [(r.organization, r.side) for r in rows])
    counts: dict[str, Counter[str]] = {}
    for r in rows:
        oid = found.get((r.organization, r.side))
        if oid:
            counts.setdefault(r.person_id, Counter())[oid] += 1
    return {pid: min(c, key=lambda o: (-c[o], o)) for pid, c in counts.items()}


def network(conn: Connection, f: Filters, by: str = "person", max_edges: int = 150) -> dict[str, Any]:
    """Nodes and edges (occasions, first and last date, occasion ids) of who met whom, strongest edges first."""
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    rows = _pairs(conn, f)
    mapping: dict[str, str] | None = None
    if by == "organization":
        mapping = _orgs_of_people(conn, {p for r in rows for p in (r.p1, r.p2)})
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        x, y = (r.p1, r.p2) if mapping is None else (mapping.get(r.p1), mapping.get(r.p2))
        if not x or not y or x == y:
            continue
        x, y = sorted((x, y))
        e = edges.setdefault((x, y), {"source": x, "target": y, "occasions": set(), "dates": {}})
        e["occasions"].add(r.occ)
        if r.date_sort:
            e["dates"][r.occ] = min(filter(None, [e["dates"].get(r.occ), r.date_sort]))
    out = []
    for e in edges.values():
        dates = sorted(e["dates"].values())
        out.append({"source": e["source"], "target": e["target"], "occasions": len(e["occasions"]),
                    "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
                    "ids": sorted(e["occasions"])[:EDGE_IDS]})
    out.sort(key=lambda e: (-e["occasions"], e["source"], e["target"]))
    total = len(out)
    out = out[:max_edges]
    weight: Counter[str] = Counter()
    for e in out:
        weight[e["source"]] += e["occasions"]
        weight[e["target"]] += e["occasions"]
    table = t.people if mapping is None else t.organizations
    info = {r.id: (r.name, r.side) for r in conn.execute(
        sa.select(table.c.id, table.c.name, table.c.side).where(table.c.id.in_(sorted(weight))))}
    nodes = [{"id": n, "name": info.get(n, (n, None))[0], "side": info.get(n, (n, None))[1], "occasions": w,
              "kind": by} for n, w in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"by": by, "nodes": nodes, "edges": out, "total_edges": total}


def event_query(conn: Connection, f: Filters) -> sa.Select[Any]:
    """Events matching the filters, in date order (undated last)."""
    e = t.events.c
    q = sa.select(t.events).where(*_dates(e.date_sort, f))
    if not f.background:  # what happened: an occasion some article reports as its news
        es = t.event_sources.c
        q = q.where(e.id.in_(sa.select(es.event_id).where(sa.or_(es.background.is_(None), es.background.is_(False)))))
    if f.person:
        pid = resolve_person(conn, f.person) or "\x00"
        q = q.where(e.id.in_(sa.select(t.event_participants.c.event_id).where(t.event_participants.c.person_id == pid)))
    if f.side:
        q = q.where(e.id.in_(sa.select(t.event_participants.c.event_id).join(
            t.people, t.people.c.id == t.event_participants.c.person_id).where(t.people.c.side == f.side)))
    art = _article_ids_for(conn, Filters(topic=f.topic, thread=f.thread))
    if art:
        q = q.where(e.id.in_(sa.select(t.event_sources.c.event_id).join(
            t.articles, t.articles.c.id == t.event_sources.c.article_id).where(*art)))
    return q.order_by(e.date_sort.asc().nulls_last(), e.id)


def statement_query(conn: Connection, f: Filters) -> sa.Select[Any]:
    """Statements (with their article title) matching the filters, in date order."""
    s = t.statements.c
    q = (sa.select(t.statements, t.articles.c.title, t.articles.c.published, t.articles.c.outlet, t.articles.c.url)
         .join(t.articles, t.articles.c.id == s.article_id)
         .where(*_dates(s.date_sort, f)))
    if f.side:
        q = q.where(s.side == f.side)
    if f.topic:
        q = q.where(s.id.in_(sa.select(t.statement_topics.c.statement_id).where(t.statement_topics.c.topic == f.topic)))
    if f.thread:
        q = q.where(s.id.in_(sa.select(t.statement_threads.c.statement_id)
                             .where(t.statement_threads.c.thread == f.thread)))
    if f.person:
        q = q.where(s.person_id == (resolve_person(conn, f.person) or "\x00"))
    return q.order_by(s.date_sort.asc().nulls_last(), s.article_id, s.idx)


def list_statements(conn: Connection, f: Filters) -> dict[str, Any]:
    """Statements matching the filters, in date order (undated last)."""
    rows, total = _page(conn, statement_query(conn, f), f)
    return {"items": [statement_dict(r) for r in rows], "total": total}


def view_query(conn: Connection, v: StatementView) -> sa.Select[Any]:
    """The statements of a view, sorted; ties go by date, article and position, so pages are stable."""
    s, a = t.statements.c, t.articles.c
    q = statement_query(conn, v.filters)
    if v.act:
        q = q.where(s.act == v.act)
    if v.actor:
        if conn.execute(sa.select(t.people.c.id).where(t.people.c.id == v.actor)).scalar():
            q = q.where(s.person_id == v.actor)
        else:
            q = q.where(s.actor.in_(_folded_ids(conn, s.actor, v.actor) or ["\x00"]))
    if v.outlet:
        q = q.where(a.outlet.in_(_folded_ids(conn, a.outlet, v.outlet) or ["\x00"]))
    name, desc = SORTS[v.sort]
    col = a.outlet if name == "outlet" else getattr(s, name)
    first = (col.desc() if desc else col.asc()).nulls_last()
    return q.order_by(None).order_by(first, s.date_sort.asc().nulls_last(), s.article_id, s.idx)


def browse_statements(conn: Connection, v: StatementView) -> dict[str, Any]:
    """A page of the view's statements (each with its article's title, date, outlet and URL) and the total."""
    rows, total = _page(conn, view_query(conn, v), v.filters)
    return {"items": [statement_dict(r) for r in rows], "total": total}


def _latest_titles(conn: Connection, ids: list[str]) -> dict[str, str]:
    """Each listed person's latest title, the same whatever the page (see :func:`latest_title`)."""
    if not ids:
        return {}
    m = t.person_mentions.c
    rows = conn.execute(sa.select(m.person_id, m.title, m.date_sort, t.people.c.side)
                        .join(t.people, t.people.c.id == m.person_id)
                        .where(m.person_id.in_(ids), m.title.is_not(None)))
    seen: dict[str, list[tuple[str | None, str]]] = {}
    sides: dict[str, str | None] = {}
    for pid, title, when, side in rows:
        seen.setdefault(pid, []).append((when, title))
        sides[pid] = side
    return {pid: title for pid, pairs in seen.items() if (title := latest_title(pairs, sides[pid]))}


def list_people(conn: Connection, f: Filters) -> dict[str, Any]:
    """People by number of articles naming them; ``person`` filters by name (diacritics folded)."""
    m = t.person_mentions.c
    n_art = sa.func.count(sa.distinct(m.article_id)).label("articles")
    n_st = (sa.select(sa.func.count()).select_from(t.statements).where(t.statements.c.person_id == t.people.c.id)
            .scalar_subquery().label("statements"))
    cond = _article_ids_for(conn, Filters(topic=f.topic, thread=f.thread))
    q = (sa.select(t.people, n_art, n_st).join(t.person_mentions, m.person_id == t.people.c.id)
         .join(t.articles, t.articles.c.id == m.article_id)
         .where(*_dates(m.date_sort, f), *cond).group_by(*t.people.c).order_by(n_art.desc(), t.people.c.name))
    if f.side:
        q = q.where(t.people.c.side == f.side)
    if f.person:
        key = fold(f.person.strip())
        ids = [pid for pid, alias in conn.execute(sa.select(t.person_aliases.c.person_id, t.person_aliases.c.alias))
               if key in fold(alias)]
        q = q.where(t.people.c.id.in_(ids))
    rows, total = _page(conn, q, f)
    titles = _latest_titles(conn, [r.id for r in rows])
    return {"items": [{"id": r.id, "name": r.name, "side": r.side, "office": r.office,
                       "title": titles.get(r.id), "articles": r.articles,
                       "statements": r.statements} for r in rows], "total": total}


def list_organizations(conn: Connection, f: Filters) -> dict[str, Any]:
    """Organizations by number of articles naming them."""
    o = t.organizations.c
    n = sa.func.count(t.org_mentions.c.article_id).label("articles")
    q = (sa.select(t.organizations, n).join(t.org_mentions, t.org_mentions.c.org_id == o.id)
         .join(t.articles, t.articles.c.id == t.org_mentions.c.article_id)
         .where(*_dates(t.articles.c.date_sort, f), *_article_ids_for(conn, Filters(topic=f.topic, thread=f.thread,
                                                                                     person=f.person)))
         .group_by(*t.organizations.c).order_by(n.desc(), o.name))
    if f.side:
        q = q.where(o.side == f.side)
    rows, total = _page(conn, q, f)
    return {"items": [{"id": r.id, "name": r.name, "kind": r.kind, "side": r.side, "articles": r.articles}
                      for r in rows], "total": total}
def list_orgs(conn: Connection, f: Any, name: str | None = None, kind: str | None = None) -> dict[str, Any]:
    """Organizations by number of articles naming them; ``name`` keeps those one of whose spellings
    contains it (tone marks optional), ``kind`` one kind."""

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
def _distinct(dates: list[str]) -> int:
    """Occasions told apart by their dates: a month or a year holding a more precise one is that one
    (the comparison of every pair of dates the meetings made before store/events.py kept it linear)."""
    return sum(1 for d in dates if not any(o != d and o.startswith(d) for o in dates))


def listed(result: dict[str, Any], n: int) -> dict[str, Any]:
    """The scan's meetings as the bounded read gives them: each pair's ``n`` latest occasions (newest
    first, undated after the dated, ties by id) and, in ``list_total``, how many it has."""
    items = []
    for it in result["items"]:
        full = it["list"]
        dated = sorted((o for o in full if o["date"]), key=lambda o: o["id"])
        dated.sort(key=lambda o: o["date"], reverse=True)
        latest = dated + sorted((o for o in full if not o["date"]), key=lambda o: o["id"])
        items.append({**it, "list": latest[:n], "list_total": len(full)})
    return {**result, "items": items}


def meetings(conn: Connection, f: Filters, other: str | None = None) -> dict[str, Any]:
    """Who met whom, how often: pairs of people with the number of occasions they met at.

    Occasions, not rows: the meetings, receptions, calls and dialogues that happened (planned
    ones are left out), one per occasion however many outlets reported it, and the meetings
    within one visit count once for that visit. ``f.person`` (and ``other``) narrow the pairs;
    ``since``/``until`` the dates. ``occasions`` counts the dated ones, where one known only to
    its month or year counts unless the pair has an occasion on a day of it (it may be that
    one); ``undated`` counts the reports without a date, which may be any of them. Each pair
    lists its occasions, dated first. Pairs come by their dated occasions, most first.
    """
    e, a, b = t.events.c, t.event_participants.alias("a"), t.event_participants.alias("b")
    occ = sa.func.coalesce(e.parent_id, e.id)
    cond = [e.family == "meeting", e.status == "happened", a.c.person_id.is_not(None),
            b.c.person_id.is_not(None), a.c.person_id < b.c.person_id, *_dates(e.date_sort, f)]
    for who in (f.person, other):
        if who:
            pid = resolve_person(conn, who) or "\x00"
            cond.append(sa.or_(a.c.person_id == pid, b.c.person_id == pid))
    base = (sa.select(a.c.person_id.label("p1"), b.c.person_id.label("p2"), occ.label("occ"), e.id, e.date_sort)
            .select_from(a.join(b, a.c.event_id == b.c.event_id).join(t.events, e.id == a.c.event_id))
            .where(*cond).subquery())
    n = sa.func.count(sa.distinct(sa.case((base.c.date_sort.is_not(None), base.c.occ)))).label("n")
    q = (sa.select(base.c.p1, base.c.p2, n, sa.func.count(sa.distinct(base.c.id)).label("rows"),
                   sa.func.min(base.c.date_sort).label("first"), sa.func.max(base.c.date_sort).label("last"))
         .group_by(base.c.p1, base.c.p2).order_by(n.desc(), base.c.p1, base.c.p2))
    rows, total = _page(conn, q, f)
    pids = {p for r in rows for p in (r.p1, r.p2)}
    names = dict(conn.execute(sa.select(t.people.c.id, t.people.c.name).where(t.people.c.id.in_(pids))).all())
    items = []
    for r in rows:
        occs = conn.execute(sa.select(base.c.occ, sa.func.min(base.c.date_sort).label("d"))
                            .where(base.c.p1 == r.p1, base.c.p2 == r.p2).group_by(base.c.occ)
                            .order_by(sa.func.min(base.c.date_sort).asc().nulls_last(), base.c.occ)).all()
        items.append({"people": [{"id": r.p1, "name": names.get(r.p1)}, {"id": r.p2, "name": names.get(r.p2)}],
                      "occasions": _distinct([o.d for o in occs if o.d]), "rows": r.rows,
                      "undated": sum(1 for o in occs if not o.d),
                      "first": r.first, "last": r.last,
                      "list": [{"id": o.occ, "date": o.d} for o in occs]})
    return {"items": items, "total": total}




_CLAIM = sa.func.coalesce(t.statements.c.claim_key, t.statements.c.id)


def _per_month(conn: Connection, col: sa.ColumnElement[Any], *where: sa.ColumnElement[bool],
               distinct: sa.ColumnElement[Any] | None = None) -> dict[str, int]:
    m = sa.func.substr(col, 1, 7).label("m")
    n = sa.func.count(sa.distinct(distinct)) if distinct is not None else sa.func.count()
    return dict(conn.execute(sa.select(m, n).where(sa.func.length(col) >= 7, *where).group_by(m).order_by(m)).all())


def stat_figures(conn: Connection) -> dict[str, Any]:
    """The stats' counts, series, topics and acts as the scans counted them before migration 0022."""
    a, s, e = t.articles.c, t.statements.c, t.events.c
    canon = a.duplicate_of.is_(None)

    def count(table: sa.Table, *where: sa.ColumnElement[bool]) -> int:
        return conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar() or 0

    counts = {"articles": count(t.articles, canon), "duplicates": count(t.articles, a.duplicate_of.is_not(None)),
              "undated_articles": count(t.articles, canon, a.date_sort.is_(None)), "people": count(t.people),
              "organizations": count(t.organizations), "events": count(t.events), "statements": count(t.statements),
              "claims": conn.execute(sa.select(sa.func.count(sa.distinct(_CLAIM)))).scalar() or 0,
              "occasions": count(t.events, e.parent_id.is_(None))}
    topic_month: dict[str, dict[str, int]] = {}
    m = sa.func.substr(a.date_sort, 1, 7).label("m")
    for month, topic, n in conn.execute(
            sa.select(m, t.article_topics.c.topic, sa.func.count()).join(t.articles, a.id == t.article_topics.c.article_id)
            .where(sa.func.length(a.date_sort) >= 7).group_by(m, t.article_topics.c.topic).order_by(m)):
        topic_month.setdefault(month, {})[topic] = n
    return {"counts": counts,
            "per_month": {"articles": _per_month(conn, a.date_sort, canon), "events": _per_month(conn, e.date_sort),
                          "statements": _per_month(conn, s.date_sort, distinct=_CLAIM)},
            "topics": dict(conn.execute(sa.select(t.article_topics.c.topic, sa.func.count())
                                        .group_by(t.article_topics.c.topic)).all()),
            "topics_per_month": topic_month,
            "acts": dict(conn.execute(sa.select(s.act, sa.func.count(sa.distinct(_CLAIM))).group_by(s.act)).all())}


def titles(conn: Connection, pid: str, side: str | None) -> list[dict[str, Any]]:
    """(Before the titles were grouped by the database.) The person's titles over time: each office (its writings together, shown in the most written one)
    with its organization, first and last date and its articles, by first date (undated offices last)."""
    m = t.person_mentions.c
    rows = conn.execute(sa.select(m.article_id, m.title, m.organization, m.date_sort).where(m.person_id == pid)
                        .where(sa.or_(m.title.is_not(None), m.organization.is_not(None)))
                        .order_by(m.date_sort.asc().nulls_last(), m.article_id))
    offices: dict[str, dict[str, Any]] = {}
    for r in rows:
        if not (r.title or r.organization):
            continue
        key = title_key(r.title, side) if r.title else "\x00" + fold(r.organization or "")
        entry = offices.setdefault(key, {"writings": [], "orgs": [], "first_seen": None, "last_seen": None,
                                         "articles": []})
        if r.title:
            entry["writings"].append(r.title)
        if r.organization:
            entry["orgs"].append(r.organization)
        if r.article_id not in entry["articles"]:
            entry["articles"].append(r.article_id)
        if r.date_sort:
            entry["first_seen"] = min(filter(None, [entry["first_seen"], r.date_sort]))
            entry["last_seen"] = max(filter(None, [entry["last_seen"], r.date_sort]))
    out = [{"title": _writing(e["writings"]) if e["writings"] else None,
            "organization": _writing(e["orgs"]) if e["orgs"] else None,
            "first_seen": e["first_seen"], "last_seen": e["last_seen"], "articles": e["articles"]}
           for e in offices.values()]
    return sorted(out, key=lambda x: (x["first_seen"] is None, x["first_seen"] or "", x["last_seen"] or "",
                                      -len(x["articles"]), title_key(x["title"] or "")))


def writings(conn: Connection, pid: str) -> list[tuple[Any, ...]]:
    """A person's mentions grouped by writing of a title and organization, as the person page grouped
    them on every read before ``person_titles`` kept them (migration 0024)."""
    m = t.person_mentions.c
    return [tuple(r) for r in conn.execute(
        sa.select(m.title, m.organization, sa.func.count(), sa.func.count(m.date_sort),
                  sa.func.count(sa.distinct(m.article_id)), sa.func.min(m.date_sort), sa.func.max(m.date_sort))
        .where(m.person_id == pid, sa.or_(m.title.is_not(None), m.organization.is_not(None)))
        .group_by(m.title, m.organization).order_by(m.title.asc().nulls_first(), m.organization.asc().nulls_first()))]


def title_firsts(conn: Connection, pid: str, side: str | None) -> dict[str, list[str]]:
    """Each office's first articles (by date, undated last; ``people.TITLE_ARTICLES`` of them) from
    every mention of the person, keyed as the person page groups offices."""
    from hoptac.store.people import TITLE_ARTICLES

    m = t.person_mentions.c
    by: dict[str, list[tuple[bool, str, str]]] = {}
    for title, org, date, aid in conn.execute(sa.select(m.title, m.organization, m.date_sort, m.article_id)
                                              .where(m.person_id == pid)):
        if title or org:
            key = title_key(title, side) if title else "\x00" + fold(org or "")
            by.setdefault(key, []).append((date is None, date or "", aid))
    return {k: list(dict.fromkeys(a for _, _, a in sorted(v)))[:TITLE_ARTICLES] for k, v in by.items()}
