"""Thread queries: each recurring issue as a dated history with a status (see hoptac.link.threads)."""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.threads import lifecycle
from ..settings import DEFAULT, Settings
from . import schema as t

log = logging.getLogger(__name__)


def labels(settings: Settings = DEFAULT) -> dict[str, tuple[str, str]]:
    """Thread id -> (Vietnamese label, English label), from the taxonomy."""
    from ..extract.topics import load_taxonomy

    tax = load_taxonomy(settings)
    return {tid: (e.vi or tid, e.en or tid) for tid, e in tax.threads.items()}


def _entries(conn: Connection, thread: str | None) -> dict[str, list[dict[str, Any]]]:
    s = t.statements.c
    q = (sa.select(t.statement_threads.c.thread, t.statements, t.articles.c.title, t.articles.c.source,
                   t.articles.c.published)
         .join(t.statements, s.id == t.statement_threads.c.statement_id)
         .join(t.articles, t.articles.c.id == s.article_id)
         .order_by(s.date_sort.asc().nulls_last(), s.article_id, s.idx))
    if thread:
        q = q.where(t.statement_threads.c.thread == thread)
    out: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(q):
        out.setdefault(r.thread, []).append({
            "id": r.id, "article_id": r.article_id, "article_title": r.title, "source": r.source,
            "date": r.date_sort, "actor": r.actor, "person_id": r.person_id, "side": r.side, "act": r.act,
            "addressee_side": r.addressee_side, "quote": r.text, "evidence": [r.evidence_start, r.evidence_end],
            "amounts": [dict(a) for a in r.amounts or []]})
    return out


def list_threads(conn: Connection, settings: Settings = DEFAULT) -> list[dict[str, Any]]:
    """Every thread of the taxonomy (and any other found in the store) with status and counts."""
    names = labels(settings)
    entries = _entries(conn, None)
    out = []
    for tid in list(names) + sorted(set(entries) - set(names)):
        es = entries.get(tid, [])
        life = lifecycle(es)
        dates = [e["date"] for e in es if e["date"]]
        vi, en = names.get(tid, (tid, tid))
        out.append({"id": tid, "label_vi": vi, "label_en": en, "status": life["status"], "entries": len(es),
                    "articles": len({e["article_id"] for e in es}), "first_date": min(dates) if dates else None,
                    "last_date": max(dates) if dates else None})
    return out


def get_thread(conn: Connection, tid: str, settings: Settings = DEFAULT) -> dict[str, Any] | None:
    """One thread: entries in date order, status, status history naming its causes, money by kind."""
    names = labels(settings)
    es = _entries(conn, tid).get(tid, [])
    if tid not in names and not es:
        return None
    life = lifecycle(es)
    vi, en = names.get(tid, (tid, tid))
    by_act: dict[str, dict[str, int]] = {}
    for e in es:
        side = e["side"] or "?"
        by_act.setdefault(side, {})
        by_act[side][e["act"]] = by_act[side].get(e["act"], 0) + 1
    return {"id": tid, "label_vi": vi, "label_en": en, "status": life["status"],
            "status_history": life["status_history"], "entries": life["entries"],
            "articles": len({e["article_id"] for e in es}), "acts_by_side": by_act, "money": life["money"]}
