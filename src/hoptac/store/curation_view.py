"""Corrections shown where they apply: on a person, an organization, an event, an article and its statements."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t
from .curation import for_ref


def _span_of(c: dict[str, Any], what: str) -> list[int] | None:
    k = (c.get("target") or {}).get(what) or {}
    return k.get("span") if what == "statement" else None


def annotate_person(conn: Connection, out: dict[str, Any]) -> dict[str, Any]:
    """A person's payload with the corrections made to them."""
    out["corrections"] = for_ref(conn, out["id"])
    return out


def annotate_org(conn: Connection, out: dict[str, Any]) -> dict[str, Any]:
    """An organization's payload with the corrections made to it."""
    out["corrections"] = for_ref(conn, out["id"])
    return out


def annotate_event(conn: Connection, out: dict[str, Any]) -> dict[str, Any]:
    """An event's payload with its corrections; a corrected date says so."""
    out["corrections"] = for_ref(conn, out["id"])
    if any(c["kind"] == "set_date" for c in out["corrections"]):
        out["date_provenance"] = "corrected"
    return out


def annotate_article(conn: Connection, out: dict[str, Any]) -> dict[str, Any]:
    """An article's payload with its corrections; its statements and events as corrected.

    The article's export is its extraction; statements are shown with the actor, act, side,
    date and threads the store holds after corrections, and a rejected statement or event is
    marked with the correction that rejected it.
    """
    aid = out["id"]
    cs = for_ref(conn, aid)
    out["corrections"] = cs
    s = t.statements.c
    stored = {r.id: r for r in conn.execute(sa.select(t.statements).where(s.article_id == aid))}
    for st in out.get("statements") or []:
        sid = st.get("id")
        st["corrections"] = [c for c in cs if _span_of(c, "statement") == list(st.get("evidence") or [])]
        rejected = [c for c in st["corrections"] if c["kind"] == "reject_statement"]
        if sid and sid not in stored and rejected:
            st["rejected"] = rejected[-1]
        elif sid in stored:
            r = stored[sid]
            st.update(actor=r.actor, act=r.act, side=r.side, threads=list(r.threads or []), person_id=r.person_id)
            if r.date_provenance == "corrected":
                st.update(date=r.date_sort, date_provenance="corrected")
    for e in out.get("events") or []:
        span = list(e.get("evidence") or [])
        mine = [c for c in cs if any(src.get("span") == span for src in
                                     ((c.get("target") or {}).get("event") or {}).get("sources") or [])]
        if e.get("id") is None and any(c["kind"] == "reject_event" for c in mine):
            e["rejected"] = [c for c in mine if c["kind"] == "reject_event"][-1]
        e["corrections"] = mine
    if any(c["kind"] == "set_date" and "article" in (c.get("target") or {}) for c in cs):
        out["published_provenance"] = "corrected"
    return out
