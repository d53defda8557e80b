"""Counts for the dashboard: totals, per-month series, topics, most active people and orgs."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t
from .stat_counts import figures


def _series(kept: dict[tuple[str, str], int]) -> dict[str, int]:
    """A per-month figure in month order."""
    return {k1: n for (k1, _), n in sorted(kept.items())}


def stats(conn: Connection, threads: list[dict[str, Any]], top: int = 10) -> dict[str, Any]:
    """Counts, per-month series, topics per month, most active people/orgs per side, thread statuses.

    Statements per month and per act count claims (a statement copied by several outlets once);
    ``counts`` has both ``statements`` (rows) and ``claims``, ``events`` (rows) and ``occasions``
    (events that are no part of a visit). Every figure is read from the counts the writers keep
    (:mod:`hoptac.store.stat_counts`, migration 0022), none counted here.
    """
    kept = figures(conn)
    counts = {name: kept[name].get(("", ""), 0) for name in (
        "articles", "duplicates", "undated_articles", "people", "organizations", "events", "statements",
        "claims", "occasions")}
    topic_month: dict[str, dict[str, int]] = {}
    for (month, topic), n in sorted(kept["topics_month"].items()):
        topic_month.setdefault(month, {})[topic] = n
    topics = {k1: n for (k1, _), n in sorted(kept["topics"].items(), key=lambda kv: (-kv[1], kv[0]))}
    return {
        "counts": counts,
        "per_month": {"articles": _series(kept["articles_month"]), "events": _series(kept["events_month"]),
                      "statements": _series(kept["claims_month"])},
        "topics": topics,
        "topics_per_month": topic_month,
        "acts": _series(kept["claims_act"]),
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
