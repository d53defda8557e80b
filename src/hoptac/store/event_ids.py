"""Stable event ids: an event's permalink survives ``ingest --refresh``, a re-ingest and an undo.

An event's id is made when its first report is stored (``e_`` + a hash of the article and
the report's place in it). Rebuilding articles deletes the events only they reported and links
their reports again, possibly in another order; three things keep the ids:

1. **taking back**: a deleted event's id is remembered by its reports (article, evidence span)
   for the rest of the write (:func:`retire_event`); a rebuilt report that starts an event
   again takes that id (:func:`retired_id`);
2. **settling**: at the end of the write, a remembered id still free goes to the event made
   during this write that now holds its report (:func:`settle`: an original and its
   near-duplicate rebuilt one after the other);
3. **redirects**: every id that went is kept in ``event_redirects`` with one of its reports, so
   an old permalink finds the event that holds that report now (:func:`resolve`), whatever
   linking did with it (regrouped by a new extraction, merged by an editor).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t

Report = tuple[str, int, int]  # article id, evidence start, evidence end


def retire_event(conn: Connection, eid: str, reports: list[Report]) -> None:
    """Remember a deleted event's id by its reports (for this write) and keep a redirect to the first."""
    retired = conn.info.setdefault("retired_events", {})
    for r in reports:
        retired.setdefault(r, eid)
    if reports:
        redirect(conn, eid, reports[0])


def redirect(conn: Connection, eid: str, report: Report) -> None:
    """Keep ``eid`` as a permalink to whichever event holds ``report``."""
    r = t.event_redirects.c
    conn.execute(t.event_redirects.delete().where(r.old_id == eid))
    conn.execute(t.event_redirects.insert(), {"old_id": eid, "article_id": report[0], "evidence_start": report[1],
                                              "evidence_end": report[2]})


def retired_id(conn: Connection, aid: str, span: tuple[int, int] | list[int]) -> str | None:
    """The id a rebuilt report's event had before its article was cleared (None: none remembered)."""
    return (conn.info.get("retired_events") or {}).pop((aid, span[0], span[1]), None)


def born(conn: Connection, eid: str) -> str:
    """Note an event made during this write (:func:`settle` may give it back an older id); ``eid``."""
    conn.info.setdefault("born_events", set()).add(eid)
    return eid


def _holder(conn: Connection, report: Report) -> str | None:
    es = t.event_sources.c
    return conn.execute(sa.select(es.event_id).where(es.article_id == report[0], es.evidence_start == report[1],
                                                     es.evidence_end == report[2]).limit(1)).scalar()


def _exists(conn: Connection, eid: str) -> bool:
    return conn.execute(sa.select(t.events.c.id).where(t.events.c.id == eid)).scalar() is not None


def rename(conn: Connection, old: str, new: str) -> None:
    """Give event ``old`` the id ``new`` (free), with everything that names it."""
    e = t.events.c
    row = dict(conn.execute(sa.select(t.events).where(e.id == old)).one()._mapping)
    conn.execute(t.events.insert(), {**row, "id": new})
    for table in (t.event_sources, t.event_participants):
        conn.execute(table.update().where(table.c.event_id == old).values(event_id=new))
    conn.execute(t.events.update().where(e.parent_id == old).values(parent_id=new))
    conn.execute(t.events.delete().where(e.id == old))
    conn.execute(t.event_redirects.delete().where(t.event_redirects.c.old_id == new))


def settle(conn: Connection) -> int:
    """Give the remembered ids still free back to the events made during this write that hold their
    reports, drop the redirects of the ids taken back, forget them. Returns how many events took back an id."""
    retired: dict[Report, str] = conn.info.pop("retired_events", None) or {}
    made: set[str] = conn.info.pop("born_events", None) or set()
    by_id: dict[str, list[Report]] = {}
    for report, eid in retired.items():
        by_id.setdefault(eid, []).append(report)
    n = 0
    back = []
    for old, reports in sorted(by_id.items()):
        if _exists(conn, old):
            back.append(old)  # taken back: no redirect needed
            continue
        holders = {h for h in (_holder(conn, r) for r in reports) if h}
        if len(holders) == 1 and (h := holders.pop()) in made:
            rename(conn, h, old)
            made.discard(h)
            n += 1
    for i in range(0, len(back), 500):
        conn.execute(t.event_redirects.delete().where(t.event_redirects.c.old_id.in_(back[i:i + 500])))
    return n


def resolve(conn: Connection, eid: str) -> str | None:
    """The event an id names now: itself, else the event holding the report its redirect keeps."""
    if _exists(conn, eid):
        return eid
    r = t.event_redirects.c
    row = conn.execute(sa.select(r.article_id, r.evidence_start, r.evidence_end).where(r.old_id == eid)).first()
    return _holder(conn, (row.article_id, row.evidence_start, row.evidence_end)) if row is not None else None


__all__ = ["born", "redirect", "rename", "resolve", "retire_event", "retired_id", "settle"]
