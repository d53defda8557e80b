"""Reports dated only by their month, placed the same way whatever order the articles come in.

"In May, the Prime Minister met the President" is weak evidence: it is the one meeting of those
same people on a day of that month when the store knows exactly one, and an occasion of its own
(dated by the month) when it knows none or several. Linking reports one by one would make that
depend on the order of ingest (the month report joins the first day's meeting, and stays there
when a second meeting of that month arrives later). So the assignment is recomputed from what the
store holds: whenever a meeting of some people is stored on a new day, the month reports of the
same people and family in that month are placed again (:func:`replace_month_reports`): each into the
one day's occasion of those people it may be, else into a month-dated occasion of their own. "May be"
is the rule a day's report obeys too (:mod:`hoptac.store.forums_apart`): a press conference dated by
its month is not the talks of a day of it, though the same two leaders held both.
A report dated by the day never joins a month-dated occasion; the month reports follow it instead.
The same holds when reports leave occasions (an article rebuilt, an editor's merge, split, rejection or
new date: :func:`settle`): each occasion is dated and peopled again by the reports it still holds, and
the month reports of the people and months concerned are placed again.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.events import forum_apart, full_date, sort_key
from . import schema as t
from .event_ids import born, retire_event
from .forums_apart import Told, forum_beside_talks, told

#: a place to settle again: (family, participant keys, month)
Place = tuple[str, frozenset[str], str]

_KEYS = sa.select(t.event_participants.c.key).where(t.event_participants.c.event_id == sa.bindparam("eid"))


def is_month(d: str | None) -> bool:
    """Whether a date is known to its month only (``YYYY-MM``)."""
    return bool(d) and len(d or "") == 7 and (d or "")[4:5] == "-" and (d or "")[:4].isdigit()


def replace_month_reports(conn: Connection, fam: str, people: set[str], month: str) -> None:
    """Place the ``month`` reports of exactly these ``people`` (participant keys) and family ``fam``:
    each into the one occasion of theirs dated on a day of that month it may be, else into a month-dated
    occasion (:func:`_targets`)."""
    if len(people) < 2 or not is_month(month):
        return
    e, es, ep = t.events.c, t.event_sources.c, t.event_participants.c
    ids = sa.select(ep.event_id).where(ep.key.in_(sorted(people)), ep.date_sort.like(month + "%"))
    rows = [r for r in conn.execute(sa.select(t.events).where(e.id.in_(ids), e.family == fam).order_by(e.id))
            if set(conn.execute(_KEYS, {"eid": r.id}).scalars()) == people]
    days = [r for r in rows if full_date(r.date)]
    held = {r.id: r for r in rows}
    reports = [s for s in conn.execute(sa.select(t.event_sources).where(es.event_id.in_(list(held)), es.date == month)
                                       .order_by(es.article_id, es.idx))
               if set(s.part_keys or []) == people]
    if not reports:
        return
    targets = _targets(conn, fam, month, people, reports, days, [r.id for r in rows if r.date == month], held)
    left: dict[str, list[tuple[str, int, int]]] = {}
    for s, target in zip(reports, targets, strict=True):
        if s.event_id == target:
            continue
        conn.execute(t.event_sources.update().where(es.event_id == s.event_id, es.article_id == s.article_id,
                                                   es.idx == s.idx).values(event_id=target))
        left.setdefault(s.event_id, []).append((s.article_id, s.evidence_start, s.evidence_end))
    for eid, moved in left.items():
        if not conn.execute(sa.select(sa.func.count()).select_from(t.event_sources).where(es.event_id == eid)).scalar():
            conn.execute(t.event_participants.delete().where(ep.event_id == eid))
            conn.execute(t.events.update().where(e.parent_id == eid).values(parent_id=None))
            conn.execute(t.events.delete().where(e.id == eid))
            retire_event(conn, eid, moved)


def _targets(conn: Connection, fam: str, month: str, people: set[str], reports: list[Any], days: list[Any],
             own: list[str], held: dict[str, Any]) -> list[str]:
    """The occasion each month report goes to. A report joins the one day's occasion of its people that
    month it may be: not one that it and the occasion would be a forum and talks (a press conference
    dated "tháng 11" beside the talks of 12/11: :mod:`hoptac.store.forums_apart`, the rule day-dated
    reports obey). The others go to month-dated occasions, one per run of reports (in article order) no
    two of which are a forum and talks; each reuses the first month-dated occasion ``own`` that held one
    of its reports, is of the type of one and no earlier run took, else is new. Decided from the reports alone, whatever the order
    of ingest."""
    out: dict[int, str] = {}
    runs: list[list[tuple[int, Told]]] = []
    for n, s in enumerate(reports):
        said = told(s.type, s.quote or "")
        fits = [d.id for d in days if not forum_beside_talks(conn, d.id, d.type, d.date, said)]
        if len(fits) == 1:
            out[n] = fits[0]
            continue
        run = next((r for r in runs if not any(forum_apart(said, o) for _, o in r)), None)
        if run is None:
            runs.append([(n, said)])
        else:
            run.append((n, said))
    taken: set[str] = set()
    for run in runs:
        first = reports[run[0][0]]
        kinds = {o[0] for _, o in run}
        keep = [eid for eid in (reports[n].event_id for n, _ in run)
                if eid in own and eid not in taken and held[eid].type in kinds]
        target = keep[0] if keep else _month_row(conn, fam, month, people, first, held[first.event_id])
        taken.add(target)
        out.update((n, target) for n, _ in run)
    return [out[n] for n in range(len(reports))]


def _month_row(conn: Connection, fam: str, month: str, people: set[str], first: Any, source_row: Any) -> str:
    """A new occasion dated by ``month`` for these people, named as the row that held the first report."""
    from .occasions import _free_id

    seed = "\x1f".join([first.article_id, str(first.idx), month])
    eid = born(conn, _free_id(conn, "e_" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]))
    ep = t.event_participants.c
    named = conn.execute(sa.select(ep.key, ep.person_id, ep.name).where(ep.event_id == source_row.id,
                                                                        ep.key.in_(sorted(people)))).all()
    conn.execute(t.events.insert(), {
        "id": eid, "type": first.type, "family": fam, "date": month, "date_sort": month,
        "place": None, "status": source_row.status, "participants": [r.name for r in named]})
    conn.execute(t.event_participants.insert(), [
        {"event_id": eid, "key": r.key, "person_id": r.person_id, "name": r.name, "date": month, "date_sort": month}
        for r in named])
    return eid


def places_of(conn: Connection, eid: str) -> list[Place]:
    """The (family, people, month) places an occasion takes part in: its own day's month with its
    participants, and the month of each month-dated report it holds with that report's people."""
    e, es = t.events.c, t.event_sources.c
    row = conn.execute(sa.select(e.family, e.date).where(e.id == eid)).first()
    if row is None:
        return []
    out: list[Place] = []
    if full_date(row.date) and row.date:
        out.append((row.family, frozenset(conn.execute(_KEYS, {"eid": eid}).scalars()), row.date[:7]))
    for d, keys in conn.execute(sa.select(es.date, es.part_keys).where(es.event_id == eid)):
        if is_month(d) and keys:
            out.append((row.family, frozenset(keys), d))
    return out


def _date_of(fam: str, dates: list[str]) -> str | None:
    """The date an occasion's reports give it: the most precise; among equals, the most reported (a
    visit: its first day), then the earliest."""
    best = max((len(sort_key(d) or "") for d in dates), default=0)
    top = [d for d in dates if best and len(sort_key(d) or "") == best]
    if not top:
        return None
    if fam == "visit":
        return min(top)
    n = Counter(top)
    return min(n, key=lambda d: (-n[d], d))


def _restate(conn: Connection, eid: str) -> None:
    """An occasion that lost reports keeps only what its reports still say: the participants some report
    names (when every report lists its own) and a date some report gives."""
    e, es, ep = t.events.c, t.event_sources.c, t.event_participants.c
    row = conn.execute(sa.select(e.family, e.date).where(e.id == eid)).first()
    reports = conn.execute(sa.select(es.date, es.part_keys).where(es.event_id == eid)).all()
    if row is None or not reports:
        return
    if all(r.part_keys is not None for r in reports):
        named = {k for r in reports for k in r.part_keys}
        have = set(conn.execute(_KEYS, {"eid": eid}).scalars())
        if named and have - named:
            conn.execute(t.event_participants.delete().where(ep.event_id == eid, ep.key.in_(sorted(have - named))))
            names = conn.execute(sa.select(ep.name).where(ep.event_id == eid).order_by(ep.key)).scalars()
            conn.execute(t.events.update().where(e.id == eid).values(participants=list(names)))
    dates = [r.date for r in reports if r.date and sort_key(r.date)]
    days = sorted(r.date for r in reports if r.date and r.date.startswith("--"))  # a day without its year
    if row.date in dates or row.date in days or (not dates and row.date is None):
        return
    # no report left gives the row's date: the most precise one they give (a day without its year when
    # that is all they say: the year came from a report that left)
    when = _date_of(row.family, dates) if dates else min(days, key=lambda d: (-days.count(d), d)) if days \
        else row.date
    if when != row.date:
        conn.execute(t.events.update().where(e.id == eid).values(date=when, date_sort=sort_key(when)))
        conn.execute(t.event_participants.update().where(ep.event_id == eid)
                     .values(date=when, date_sort=sort_key(when)))


def settle(conn: Connection, eids: Iterable[str], gone: Iterable[Place] = (), *, restate: bool = True) -> None:
    """After reports left occasions: each of ``eids`` still stored is restated from the reports it holds,
    then the month reports of every place concerned (theirs, and ``gone``: those of occasions deleted)
    are placed again, so a month report never stays with a day that no longer holds it, nor apart from
    the one day of its people that month. ``restate=False`` keeps the occasions' own date and people
    (an editor's date, which no report gives)."""
    places: set[Place] = set(gone)
    for eid in sorted(set(eids)):
        places.update(places_of(conn, eid))  # before: the day it was on
        if restate:
            _restate(conn, eid)
        places.update(places_of(conn, eid))  # after: the day or month it is on now
    for fam, people, month in sorted(places, key=lambda p: (p[0], sorted(p[1]), p[2])):
        replace_month_reports(conn, fam, set(people), month)
