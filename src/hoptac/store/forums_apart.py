"""Whether a report and a stored occasion are a forum and the talks of the same people
(:func:`hoptac.link.events.forum_apart`), asked in one place by both ways a report is placed: by its day
(:mod:`hoptac.store.occasions`) and by its month only (:mod:`hoptac.store.month_reports`), so that a
press conference dated "tháng 11" never joins the talks of that month a day-dated report of it would not.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.events import TALKS, forum_apart, forum_kinds, full_date, sidelines
from . import schema as t

#: a report as the rule weighs it: (type, the kinds of forum its dialogue words name, whether its talks
#: are told as held on a forum's sidelines)
Told = tuple[str, frozenset[str], bool]


def told(ev_type: str, quote: str) -> Told:
    """One report as :func:`~hoptac.link.events.forum_apart` weighs it, from its type and words."""
    return (ev_type, forum_kinds(quote) if ev_type == "dialogue" else frozenset(),
            ev_type in TALKS and sidelines(quote))


def forum_beside_talks(conn: Connection, eid: str, row_type: str, row_date: str | None, report: Told) -> bool:
    """Whether a report and the stored occasion ``eid`` (of type ``row_type``: that of the report that
    started it, dated ``row_date``) are a forum and talks. The occasion is weighed as one report: the kinds
    of forum its dialogue reports name, whether its talks reports speak of sidelines. An occasion dated by
    its day is told by its reports giving a day, not by the month-dated ones it holds: those are placed
    again whenever a day arrives (:func:`hoptac.store.month_reports.replace_month_reports`), and must not
    decide, by having been there first, where they themselves may go."""
    ev_type, kinds, _ = report
    if not (row_type == "dialogue" and ev_type in TALKS) and not (ev_type == "dialogue" and kinds and row_type in TALKS):
        return False
    from .month_reports import is_month  # month_reports asks this module: imported when asked

    es = t.event_sources.c
    said = [(k, q or "") for k, q, d in conn.execute(sa.select(es.type, es.quote, es.date).where(es.event_id == eid))
            if not (full_date(row_date) and is_month(d))]
    row = (row_type, frozenset().union(*(forum_kinds(q) for k, q in said if k == "dialogue")),
           any(sidelines(q) for k, q in said if k in TALKS))
    return forum_apart(row, report)
