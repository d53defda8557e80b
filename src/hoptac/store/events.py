"""Event queries: deduplicated events with their sources, and the timeline."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t
from .queries import Filters, _article_ids_for, _dates, _page, resolve_person


def event_dicts(conn: Connection, rows: list[Any]) -> list[dict[str, Any]]:
    """Event rows with their participants (linked ids) and sources (article, quote, evidence)."""
    ids = [r.id for r in rows]
    parts: dict[str, list[dict[str, Any]]] = {}
    srcs: dict[str, list[dict[str, Any]]] = {}
    if ids:
        for p in conn.execute(sa.select(t.event_participants).where(t.event_participants.c.event_id.in_(ids))):
            parts.setdefault(p.event_id, []).append({"name": p.name, "person_id": p.person_id})
        for s in conn.execute(sa.select(t.event_sources, t.articles.c.title, t.articles.c.duplicate_of)
                              .join(t.articles, t.articles.c.id == t.event_sources.c.article_id)
                              .where(t.event_sources.c.event_id.in_(ids))
                              .order_by(t.event_sources.c.article_id, t.event_sources.c.idx)):
            srcs.setdefault(s.event_id, []).append({
                "article_id": s.article_id, "title": s.title, "type": s.type, "date": s.date,
                "quote": s.quote, "evidence": [s.evidence_start, s.evidence_end], "duplicate": bool(s.duplicate_of),
                "date_provenance": s.date_provenance, "background": bool(s.background)})
    return [{"id": r.id, "type": r.type, "date": r.date, "date_provenance": _provenance(r.date, srcs.get(r.id, [])),
             "background": bool(srcs.get(r.id)) and all(s["background"] for s in srcs.get(r.id, [])),
             "place": r.place, "status": r.status,
             "participants": parts.get(r.id, []), "sources": srcs.get(r.id, []),
             "articles": len({s["article_id"] for s in srcs.get(r.id, [])})} for r in rows]


def _provenance(date: str | None, sources: list[dict[str, Any]]) -> str | None:
    """Where an event's date came from: the provenance of a report giving that date, stated first."""
    found = [s["date_provenance"] for s in sources if s["date"] == date and s["date_provenance"]]
    for p in ("stated", "relative", "metadata", "inferred", "partial"):
        if p in found:
            return p
    return found[0] if found else None


def event_query(conn: Connection, f: Filters) -> sa.Select[Any]:
    """Events matching the filters, in date order (undated last)."""
    e = t.events.c
    q = sa.select(t.events).where(*_dates(e.date_sort, f))
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


def list_events(conn: Connection, f: Filters) -> dict[str, Any]:
    """Deduplicated events, each with its sources."""
    rows, total = _page(conn, event_query(conn, f), f)
    return {"items": event_dicts(conn, rows), "total": total}


def timeline(conn: Connection, f: Filters) -> dict[str, Any]:
    """Events grouped by date (``undated`` last)."""
    rows, total = _page(conn, event_query(conn, f), f)
    days: dict[str, list[dict[str, Any]]] = {}
    for ev in event_dicts(conn, rows):
        days.setdefault(ev["date"] or "undated", []).append(ev)
    return {"items": [{"date": d, "events": evs} for d, evs in days.items()], "total": total}
