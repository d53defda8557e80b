"""A page of the events some people took part in, by date, read from their index entries only.

The person page (one person) and the organization page (its people) list the events their
people took part in, by date, with a total. Asked as one query (``GROUP BY date, event ORDER BY
date NULLS LAST``), SQLite read and sorted every participation of those people (a person at a
million articles: 0.3 s; an organization of 36 people: 1.4 s), because ``NULLS LAST`` is not the
order of ``ix_event_participants_person_date``. Here each person's dated events are walked in
that index, ``offset + limit`` at most each (the first k events of the union are among each
person's first k), merged in Python, and the undated come after, the same way; the total is
counted up to :data:`TOTAL_CAP` (a lower bound past it, said in ``capped``).
"""

from __future__ import annotations

import heapq
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t

#: Totals of per-person listings are counted up to this; past it the total says "at least".
TOTAL_CAP = 10_000


def capped_count(conn: Connection, q: sa.Select[Any], cap: int | None = None) -> tuple[int, bool]:
    """How many rows ``q`` gives, counting no further than ``cap`` (default :data:`TOTAL_CAP`), and
    whether it stopped there."""
    cap = TOTAL_CAP if cap is None else cap
    n = conn.execute(sa.select(sa.func.count()).select_from(q.limit(cap + 1).subquery())).scalar() or 0
    return min(n, cap), n > cap


def _walk(conn: Connection, pid: str, dated: bool, k: int) -> list[tuple[str, str]]:
    """The person's first ``k`` (date, event) in ``ix_event_participants_person_date`` order."""
    ep = t.event_participants.c
    q = (sa.select(ep.date_sort, ep.event_id).where(ep.person_id == pid,
                                                     ep.date_sort.is_not(None) if dated else ep.date_sort.is_(None))
         .distinct().order_by(ep.date_sort, ep.event_id).limit(k))
    return [(d or "", e) for d, e in conn.execute(q)]


def _merged(conn: Connection, pids: list[str], dated: bool, k: int) -> list[str]:
    """The first ``k`` distinct events of these people (dated or undated ones), by date then id."""
    out: list[str] = []
    seen: set[str] = set()
    for _, eid in heapq.merge(*(_walk(conn, p, dated, k) for p in pids)):
        if eid not in seen:
            seen.add(eid)
            out.append(eid)
            if len(out) >= k:
                break
    return out


def event_page(conn: Connection, pids: list[str], limit: int | None, offset: int) -> tuple[list[str], int, bool]:
    """(the page's event ids by date, undated last; how many events these people took part in, up to
    :data:`TOTAL_CAP`; whether the count stopped there)."""
    if not pids:
        return [], 0, False
    ep = t.event_participants.c
    total, capped = capped_count(conn, sa.select(ep.event_id).where(ep.person_id.in_(pids)).distinct())
    if limit is None:  # every event: one sorted read of them all
        ids = conn.execute(sa.select(ep.event_id).where(ep.person_id.in_(pids))
                           .order_by(ep.date_sort.is_(None), ep.date_sort, ep.event_id)).scalars()
        return list(dict.fromkeys(ids))[offset:], total, capped
    k = offset + limit
    ids = _merged(conn, pids, True, k)
    if len(ids) < k:
        ids += _merged(conn, pids, False, k - len(ids))
    return ids[offset:], total, capped


def events_of(conn: Connection, pids: list[str], limit: int | None, offset: int) -> tuple[list[dict[str, Any]], int, bool]:
    """:func:`event_page` with the page's events read (participants and sources), in its order."""
    from .events import event_dicts

    ids, total, capped = event_page(conn, pids, limit, offset)
    rows = conn.execute(sa.select(t.events).where(t.events.c.id.in_(ids))).all() if ids else []
    at = {eid: k for k, eid in enumerate(ids)}
    return event_dicts(conn, sorted(rows, key=lambda r: at[r.id])), total, capped
