"""Counts for the dashboard: totals, per-month series, topics, most active people and orgs."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t
from .queries import CANON

# one claim, many sources: copies of a statement share a claim key (statements stored before
# migration 0013 have none and count alone)
_CLAIM = sa.func.coalesce(t.statements.c.claim_key, t.statements.c.id)


def _count(conn: Connection, q: sa.Select[Any]) -> int:
    return conn.execute(q).scalar() or 0


def _month(col: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    return sa.func.substr(col, 1, 7)


def _per_month(conn: Connection, col: sa.ColumnElement[Any], *where: sa.ColumnElement[bool],
               joins: Any = None, distinct: sa.ColumnElement[Any] | None = None) -> dict[str, int]:
    m = _month(col).label("m")
    n = sa.func.count(sa.distinct(distinct)) if distinct is not None else sa.func.count()
    q = sa.select(m, n).where(sa.func.length(col) >= 7, *where).group_by(m).order_by(m)
    if joins is not None:
        q = q.select_from(joins)
    return {k: v for k, v in conn.execute(q).all()}


def stats(conn: Connection, threads: list[dict[str, Any]], top: int = 10) -> dict[str, Any]:
    """Counts, per-month series, topics per month, most active people/orgs per side, thread statuses.

    Statements per month and per act count claims (a statement copied by several outlets once);
    ``counts`` has both ``statements`` (rows) and ``claims``, ``events`` (rows) and ``occasions``
    (events that are no part of a visit).
    """
    a = t.articles.c
    counts = {
        "articles": _count(conn, sa.select(sa.func.count()).select_from(t.articles).where(CANON)),
        "duplicates": _count(conn, sa.select(sa.func.count()).select_from(t.articles).where(a.duplicate_of.is_not(None))),
        "undated_articles": _count(conn, sa.select(sa.func.count()).select_from(t.articles)
                                   .where(CANON, a.date_sort.is_(None))),
        "people": _count(conn, sa.select(sa.func.count()).select_from(t.people)),
        "organizations": _count(conn, sa.select(sa.func.count()).select_from(t.organizations)),
        "events": _count(conn, sa.select(sa.func.count()).select_from(t.events)),
        "statements": _count(conn, sa.select(sa.func.count()).select_from(t.statements)),
        "claims": _count(conn, sa.select(sa.func.count(sa.distinct(_CLAIM)))),
        "occasions": _count(conn, sa.select(sa.func.count()).select_from(t.events)
                            .where(t.events.c.parent_id.is_(None))),
    }
    topic_month: dict[str, dict[str, int]] = {}
    m = _month(a.date_sort).label("m")
    for month, topic, n in conn.execute(
            sa.select(m, t.article_topics.c.topic, sa.func.count())
            .join(t.articles, a.id == t.article_topics.c.article_id)
            .where(sa.func.length(a.date_sort) >= 7).group_by(m, t.article_topics.c.topic).order_by(m)):
        topic_month.setdefault(month, {})[topic] = n
    topics = dict(conn.execute(sa.select(t.article_topics.c.topic, sa.func.count())
                               .group_by(t.article_topics.c.topic).order_by(sa.func.count().desc())).all())
    return {
        "counts": counts,
        "per_month": {
            "articles": _per_month(conn, a.date_sort, CANON),
            "events": _per_month(conn, t.events.c.date_sort),
            "statements": _per_month(conn, t.statements.c.date_sort, distinct=_CLAIM),
        },
        "topics": topics,
        "topics_per_month": topic_month,
        "acts": dict(conn.execute(sa.select(t.statements.c.act, sa.func.count(sa.distinct(_CLAIM)))
                                  .group_by(t.statements.c.act)).all()),
        "top_people": _top_people(conn, top),
        "top_organizations": _top_orgs(conn, top),
        "threads": {th["id"]: {"status": th["status"], "entries": th["entries"]} for th in threads},
        "thread_statuses": _tally(th["status"] for th in threads if th["entries"]),
    }


def _tally(values: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v or "none"] = out.get(v or "none", 0) + 1
    return out


def _top_people(conn: Connection, top: int) -> dict[str, list[dict[str, Any]]]:
    """The most named people of each side, from the kept tallies (store/tallies.py)."""
    pt = t.person_tallies.c
    return {side: [{"id": r.person_id, "name": r.name, "articles": r.articles} for r in conn.execute(
        sa.select(pt.person_id, pt.name, pt.articles).where(pt.side == side, pt.articles > 0)
        .order_by(pt.articles.desc(), pt.name, pt.person_id).limit(top))] for side in ("VN", "US", "OTHER")}


def _top_orgs(conn: Connection, top: int) -> dict[str, list[dict[str, Any]]]:
    """The most named organizations of each side, from the kept tallies."""
    ot = t.org_tallies.c
    return {side: [{"id": r.org_id, "name": r.name, "articles": r.articles} for r in conn.execute(
        sa.select(ot.org_id, ot.name, ot.articles).where(ot.side == side, ot.articles > 0)
        .order_by(ot.articles.desc(), ot.name, ot.org_id).limit(top))] for side in ("VN", "US", "OTHER")}
