"""Who meets whom: a network of people (or organizations) joined by the occasions they met at.

Edges come from the merged occasions (:mod:`hoptac.store.occasions`): meetings, receptions,
calls and dialogues that happened, one per occasion however many outlets reported it, the
meetings of one visit counted once for the visit. Each edge carries its number of occasions and
their first and last dates; nodes carry their side and how many occasions they took part in.
With ``by="organization"``, each person stands for the organization their mentions give most
often (people with none are left out) and meetings within one organization are not edges.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t
from .queries import Filters, _dates, period_first
from .summary import cached, query_key

BY = ("person", "organization")
#: The network's strongest edges computed (and kept) at once, whatever fewer a caller shows.
SHARED_EDGES = 150
#: Occasion ids listed per edge (the first, in id order); ``occasions`` counts them all.
EDGE_IDS = 20


def _bytes(conn: Connection, col: Any) -> Any:
    """``col`` compared byte by byte, as Python compares strings (PostgreSQL's own collation may not)."""
    return sa.collate(col, "C") if conn.dialect.name == "postgresql" else col


def _pairs(conn: Connection, f: Filters, people: list[str] | None = None) -> sa.Subquery:
    """(occasion, date, person a, person b) of every meeting between two linked people, filtered
    (``people``: between two of these); ``p1`` < ``p2``. Read from ``meeting_pairs``, which the
    writers keep (store/tallies.py), not from a join of every meeting's participants."""
    mp = t.meeting_pairs.c
    cond = [*(_dates(mp.date_sort, f) if people is not None else period_first(conn, mp.date_sort, f))]
    if people is not None:
        cond += [mp.p1.in_(people), mp.p2.in_(people)]
    if f.topic:
        cond.append(mp.event_id.in_(sa.select(t.event_sources.c.event_id).join(
            t.article_topics, t.article_topics.c.article_id == t.event_sources.c.article_id)
            .where(t.article_topics.c.topic == f.topic)))
    return sa.select(mp.occ, mp.date_sort, mp.p1, mp.p2).where(*cond).subquery()


def _pair_occasions(conn: Connection, f: Filters) -> sa.Subquery:
    """One row per pair of people and occasion they met at, with the occasion's earliest date."""
    p = _pairs(conn, f)
    return (sa.select(p.c.p1, p.c.p2, p.c.occ, sa.func.min(p.c.date_sort).label("d"))
            .group_by(p.c.p1, p.c.p2, p.c.occ).subquery())


def _people_edges(conn: Connection, f: Filters, max_edges: int) -> tuple[list[dict[str, Any]], int]:
    """The strongest edges between people and their number, counted, ordered and cut by the
    database (one row per edge shown is read, not one per edge); their occasion ids from the
    meetings of the people shown."""
    if f.since or f.until or f.topic:
        po = _pair_occasions(conn, f)
        n = sa.func.count().label("n")
        q = (sa.select(po.c.p1, po.c.p2, n, sa.func.min(po.c.d).label("first"), sa.func.max(po.c.d).label("last"),
                       sa.func.count().over().label("total"))
             .group_by(po.c.p1, po.c.p2).order_by(n.desc(), _bytes(conn, po.c.p1), _bytes(conn, po.c.p2)))
        rows = conn.execute(q.limit(max(1, max_edges))).all()
        total = rows[0].total if rows else 0
    else:  # the whole period: the pairs' kept tallies, strongest first in their index
        pt = t.pair_tallies.c
        rows = conn.execute(sa.select(pt.p1, pt.p2, pt.occasions.label("n"), pt.first, pt.last_occasion.label("last"))
                            .order_by(pt.occasions.desc(), _bytes(conn, pt.p1), _bytes(conn, pt.p2))
                            .limit(max(1, max_edges))).all()
        total = conn.execute(sa.select(sa.func.count()).select_from(t.pair_tallies)).scalar() or 0
    edges = [{"source": r.p1, "target": r.p2, "occasions": r.n, "first": r.first, "last": r.last}
             for r in rows[:max_edges]]
    ids = _edge_ids(conn, f, [(e["source"], e["target"]) for e in edges])
    return [{**e, "ids": ids.get((e["source"], e["target"]), [])} for e in edges], total


def _edge_ids(conn: Connection, f: Filters, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
    """The first :data:`EDGE_IDS` occasion ids (in id order) of each pair, in the period and topic: each
    pair's entries of ``ix_meeting_pairs_pair`` walked up to them, all pairs in one statement (every
    occasion of the pairs shown was read before: 176,000 rows at a million articles)."""
    if not pairs:
        return {}
    params: dict[str, Any] = {"n": EDGE_IDS, "since": f.since, "until": (f.until or "") + "\uffff", "topic": f.topic}
    cond = "".join([" AND date_sort >= :since" if f.since else "", " AND date_sort <= :until" if f.until else "",
                    " AND event_id IN (SELECT es.event_id FROM event_sources es JOIN article_topics tp ON "
                    "tp.article_id = es.article_id WHERE tp.topic = :topic)" if f.topic else ""])
    out: dict[tuple[str, str], list[str]] = {}
    for k in range(0, len(pairs), 200):  # SQLite joins at most 500 parts in one statement
        parts = []
        for i, (a, b) in enumerate(pairs[k:k + 200]):
            params[f"a{i}"], params[f"b{i}"] = a, b
            parts.append(f"SELECT * FROM (SELECT DISTINCT p1, p2, occ FROM meeting_pairs WHERE p1 = :a{i} "
                         f"AND p2 = :b{i}{cond} ORDER BY occ LIMIT :n) AS e{i}")
        for r in conn.execute(sa.text(" UNION ALL ".join(parts)), params):
            out.setdefault((r.p1, r.p2), []).append(r.occ)
    return {k: sorted(v) for k, v in out.items()}


def _org_edges(conn: Connection, f: Filters, mapping: dict[str, str], max_edges: int) -> tuple[list[Any], int]:
    """The strongest ``max_edges`` edges between organizations (each person standing for theirs, so
    pairs of people fold into one edge) and their number."""
    po = _pair_occasions(conn, f)
    acc: dict[tuple[str, str], dict[str, str | None]] = {}
    for r in conn.execute(sa.select(po.c.p1, po.c.p2, po.c.occ, po.c.d)):
        x, y = mapping.get(r.p1), mapping.get(r.p2)
        if not x or not y or x == y:
            continue
        e = acc.setdefault((min(x, y), max(x, y)), {})
        e[r.occ] = min(filter(None, [e.get(r.occ), r.d]), default=None)
    edges = []
    for (x, y), occs in acc.items():
        dates = sorted(d for d in occs.values() if d)
        edges.append({"source": x, "target": y, "occasions": len(occs), "first": dates[0] if dates else None,
                      "last": dates[-1] if dates else None, "ids": sorted(occs)[:EDGE_IDS]})
    edges.sort(key=lambda e: (-e["occasions"], e["source"], e["target"]))
    return edges[:max_edges], len(edges)


def _orgs_of_people(conn: Connection, pids: set[str]) -> dict[str, str]:
    """Each person's organization: the one their mentions give most often."""
    from .orgs import org_of_names

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
    """Nodes and edges (occasions, first and last date, the first :data:`EDGE_IDS` occasion ids) of who
    met whom, strongest edges first."""
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    mapping: dict[str, str] | None = None
    if by == "organization":
        p = _pairs(conn, f)
        people = set(conn.execute(sa.select(p.c.p1).union(sa.select(p.c.p2))).scalars())
        mapping = _orgs_of_people(conn, people)
    if mapping is None:  # the API's 150 strongest and the page's 60 come from one kept computation
        width = max(max_edges, SHARED_EDGES)
        period = replace(f, limit=0, offset=0)  # what the edges depend on: dates and topic, not paging
        top, total = cached(conn, query_key("network-edges", None, period, width),
                            lambda c: _people_edges(c, period, width))
        out = [{**e, "ids": list(e["ids"])} for e in top[:max_edges]]
    else:
        out, total = _org_edges(conn, f, mapping, max_edges)
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


def layout(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], size: float = 1.0,
           rounds: int = 150) -> dict[str, tuple[float, float]]:
    """Positions in [0, size]² by a force-directed layout from a circle (deterministic: no randomness).

    The layout depends only on the node ids and the edges' ends, and costs seconds for a page's
    hundred nodes (quadratic in them, 150 rounds): the last ones computed are kept (:func:`_layout`).
    """
    ids = tuple(x["id"] for x in nodes)
    pairs = tuple((e["source"], e["target"]) for e in edges)
    return dict(_layout(ids, pairs, size, rounds))


@lru_cache(maxsize=32)
def _layout(ids_: tuple[str, ...], pairs: tuple[tuple[str, str], ...], size: float,
            rounds: int) -> tuple[tuple[str, tuple[float, float]], ...]:
    """:func:`layout` of these node ids and edge ends, as a tuple (kept, so never changed by a caller)."""
    n = len(ids_)
    if not n:
        return ()
    ids = list(ids_)
    pos = {i: [0.5 + 0.4 * math.cos(2 * math.pi * k / n), 0.5 + 0.4 * math.sin(2 * math.pi * k / n)]
           for k, i in enumerate(ids)}
    k = math.sqrt(1.0 / n)
    gravity = 12 * k
    temp = 0.1
    for _ in range(rounds):
        disp = {i: [0.0, 0.0] for i in ids}
        for ai in range(n):
            for bi in range(ai + 1, n):
                a, b = ids[ai], ids[bi]
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d = max(1e-4, math.hypot(dx, dy))
                rep = k * k / d
                disp[a][0] += dx / d * rep
                disp[a][1] += dy / d * rep
                disp[b][0] -= dx / d * rep
                disp[b][1] -= dy / d * rep
        for a, b in pairs:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = max(1e-4, math.hypot(dx, dy))
            att = d * d / k
            disp[a][0] -= dx / d * att
            disp[a][1] -= dy / d * att
            disp[b][0] += dx / d * att
            disp[b][1] += dy / d * att
        for i in ids:  # gravity to the centre keeps apart groups on the canvas instead of at its walls
            disp[i][0] -= (pos[i][0] - 0.5) * gravity
            disp[i][1] -= (pos[i][1] - 0.5) * gravity
            dx, dy = disp[i]
            d = max(1e-4, math.hypot(dx, dy))
            pos[i][0] += dx / d * min(d, temp)
            pos[i][1] += dy / d * min(d, temp)
        temp *= 0.97
    return tuple((i, (p[0] * size, p[1] * size)) for i, p in _fit(pos).items())


def _fit(pos: dict[str, list[float]]) -> dict[str, list[float]]:
    """Positions scaled into [0.03, 0.97]² keeping their proportions (no node pressed against a wall)."""
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    x0 = min(xs) - (span - (max(xs) - min(xs))) / 2
    y0 = min(ys) - (span - (max(ys) - min(ys))) / 2
    return {i: [0.03 + 0.94 * (p[0] - x0) / span, 0.03 + 0.94 * (p[1] - y0) / span] for i, p in pos.items()}
