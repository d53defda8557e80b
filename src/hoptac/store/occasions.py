"""Events into occasions: each reported event joins the stored occasion it reports, or starts one.

The same meeting told by several outlets, or several times in one article, is one event row
with every report in ``event_sources``; a visit is one row holding its meetings, receptions and
signings as parts (``events.parent_id``). The rules of identity are :mod:`hoptac.link.events`;
an undated report is linked last, within the dated visits its own article tells
(:func:`_within_visits`), the one context strong enough to place it.
Candidates come from the participants' index (``event_participants (key, date_sort)`` and
``(key, date)``), so linking costs the same in a store of a million articles as in an empty one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection
from datetime import date as date_cls
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.events import (
    MAX_DAYS,
    VISIT_AFTER,
    VISIT_BEFORE,
    VISIT_DAYS,
    days_apart,
    family,
    forum_kinds,
    forums_of_one_day,
    full_date,
    partial_days,
    port_call_ships,
    precise,
    same_forum,
    same_occasion,
    sort_key,
    spelling_variants,
    within_visit,
)
from ..link.names import name_key
from ..model import Article
from . import schema as t
from .forums_apart import forum_beside_talks, told
from .month_reports import is_month, replace_month_reports

_PARTICIPANT_DATES = (t.event_participants.update().where(t.event_participants.c.event_id == sa.bindparam("eid"))
                      .values(date=sa.bindparam("d"), date_sort=sa.bindparam("ds")))
_EVENT_NAMES = (sa.select(t.event_participants.c.key, t.event_participants.c.name)
                .where(t.event_participants.c.event_id == sa.bindparam("eid")))
_SET_PARENT = (t.events.update().where(t.events.c.id == sa.bindparam("eid"), t.events.c.parent_id.is_(None))
               .values(parent_id=sa.bindparam("pid")))


def participant_keys(names: list[str], people: dict[str, str],
                     person_for: Callable[[str, dict[str, str]], str | None]) -> dict[str, tuple[str | None, str]]:
    """Participant key (the linked person id, else ``name:`` and the name key without its spaces) -> (person
    id, name). A name no person is linked to is most often an organization, which outlets write with or
    without spaces and hyphens (``ExxonMobil``, ``Exxon Mobil``; ``Coca-Cola``, ``Coca Cola``): one
    participant, as the store's organizations are (:func:`hoptac.store.org_link.org_keys`)."""
    out: dict[str, tuple[str | None, str]] = {}
    for n in names:
        pid = person_for(n, people)
        key = pid or "name:" + name_key(n).replace(" ", "")[:240]
        out.setdefault(key, (pid, n))
    return out


def _near(keys: set[str], day: date_cls, before: int, after: int, date: str) -> Any:
    """Ids of events of these participants dated from ``before`` days before ``day`` to ``after`` after
    (or dated by the month or year of ``date``, or by its day without the year): index ranges only."""
    ep = t.event_participants.c
    lo, hi = (day - timedelta(days=before)).isoformat(), (day + timedelta(days=after)).isoformat()
    ks = sorted(keys)
    days = partial_days(date, max(before, after))  # the same days written without their year
    return sa.union(sa.select(ep.event_id).where(ep.key.in_(ks), ep.date_sort.between(lo, hi)),
                    sa.select(ep.event_id).where(ep.key.in_(ks), ep.date_sort.in_([date[:4], date[:7]])),
                    sa.select(ep.event_id).where(ep.key.in_(ks), ep.date.in_(days or ["-" + date[4:]])))


def event_candidates(conn: Connection, fam: str, date: str | None, dup_of: str | None, keys: set[str]) -> list[Any]:
    """Stored events of family ``fam`` this event may be: its duplicate's events, or those at a compatible
    date sharing a participant (one of ``keys``).

    A full date looks up each participant's events by the date copied beside the participant
    (three conditions: the days around it, the month or year written alone, the day without a
    year), so the cost does not grow with the events of a busy day. The family is checked here,
    so the planner cannot prefer the family index, which grows with the store. Other dates start
    from the participants' events. Candidates come in id order.
    """
    e, ep = t.events.c, t.event_participants.c
    if not dup_of and not keys:
        return []  # a match must share a participant
    day = full_date(date) if not dup_of else None
    if day is not None and date:
        span = VISIT_DAYS if fam == "visit" else MAX_DAYS
        q = sa.select(t.events).where(e.id.in_(_near(keys, day, span, span, date)))
        return [r for r in conn.execute(q.order_by(e.id)) if r.family == fam]
    q = sa.select(t.events).where(e.family == fam)
    if dup_of:
        q = q.where(e.id.in_(sa.select(t.event_sources.c.event_id).where(t.event_sources.c.article_id == dup_of)))
    elif not date:
        return []
    elif date.startswith("--"):  # a day without its year: that day, or one a span away, in any year
        span = VISIT_DAYS if fam == "visit" else MAX_DAYS
        q = q.where(sa.or_(*[e.date.like("%" + d[1:]) for d in partial_days(date, span) or [date]]))
    else:
        q = q.where(e.date_sort.like(date[:4] + "%"))
    if not dup_of:
        q = q.where(e.id.in_(sa.select(ep.event_id).where(ep.key.in_(sorted(keys)))))
    return list(conn.execute(q.order_by(e.id)).all())


def _as_theirs(parts: set[str], names: dict[str, str], theirs: dict[str, str]) -> set[str]:
    """This event's participant keys, each spelling variant of a stored participant (``Bob McCoey``
    beside ``Bob McCooey``) taken as that participant's key."""
    out = set()
    for k in parts:
        if k not in theirs:
            k = next((tk for tk, tn in theirs.items() if spelling_variants(names.get(k, ""), tn or "")), k)
        out.add(k)
    return out


def _best(conn: Connection, fam: str, ev_type: str, date: str | None, parts: set[str], cands: list[Any],
          dup_of: str | None, names: dict[str, str] | None = None,
          weighed: set[str] | None = None, kinds: frozenset[str] = frozenset(),
          aside: bool = False) -> tuple[Any, set[str]] | None:
    """The candidate this event reports: most shared participants, then the nearest date, then the first.

    ``names`` (participant key -> name) lets a spelling variant of a stored participant count as them;
    ``kinds`` are the kinds of forum this report's words name (:func:`~hoptac.link.events.forum_kinds`),
    ``aside`` whether they place its talks on a forum's sidelines: a forum and talks stay two occasions
    (:func:`~hoptac.link.events.forum_apart`).
    ``weighed`` gets the candidates whose people this event's could be (two shared, or the one either
    names, or a forum of the same day: :func:`~hoptac.link.events.same_forum`): the occasions whose
    other reports' order could decide (:mod:`hoptac.store.relink`). A candidate that fits only as the
    same day's forum is taken last, and only when it is the one candidate fitting so."""
    names = names or {}
    best: tuple[tuple[bool, int, int, int], Any, set[str]] | None = None
    fits = forums = 0
    own = parts
    for i, cand in enumerate(cands):
        named = dict(conn.execute(_EVENT_NAMES, {"eid": cand.id}).all())
        keys = set(named)
        parts = _as_theirs(own, names, named)
        day_forum = forums_of_one_day(fam, (cand.type, cand.date, keys), (ev_type, date, parts))
        if weighed is not None and (len(keys & parts) >= max(1, min(2, len(keys), len(parts))) or day_forum):
            weighed.add(cand.id)  # a forum of that day this one could be, or could make ambiguous
        forum = False
        if dup_of is not None:
            ok = not parts or len(keys & parts) >= max(1, math.ceil(min(len(keys), len(parts)) / 2))
        else:
            ok = same_occasion(fam, (cand.type, cand.date, keys), (ev_type, date, parts)) \
                and not forum_beside_talks(conn, cand.id, cand.type, cand.date, (ev_type, kinds, aside))
            if not ok and day_forum and same_forum(fam, (cand.type, cand.date, keys), (ev_type, date, parts),
                                                   (_forum_kinds_of(conn, cand.id), kinds)):
                ok = forum = True
                forums += 1
        if not ok or (dup_of is None and precise(date) and is_month(cand.date)):
            continue  # a day's report never joins a month-dated occasion: the month reports follow the day's
        if dup_of is None and is_month(date) and cand.date == date:
            return cand, keys  # the month-dated occasion of these people (replace_month_reports keeps one)
        fits += 1
        gap = days_apart(cand.date, date)
        rank = (forum, -len(keys & parts), gap if gap is not None else 99, i)
        if best is None or rank < best[0]:
            best = (rank, cand, keys)
    if best is None or (dup_of is None and fits > 1 and not (precise(date) and precise(best[1].date))):
        return None  # "tháng 5" beside two meetings of the same people that month: which one is unknown
    if best[0][0] and forums > 1:
        return None  # two forums of that person that day: which one is unknown
    return best[1], best[2]


def _forum_kinds_of(conn: Connection, eid: str) -> frozenset[str]:
    """The kinds of forum a stored occasion's reports name."""
    quotes = conn.execute(sa.select(t.event_sources.c.quote).where(t.event_sources.c.event_id == eid)).scalars()
    return frozenset().union(*(forum_kinds(q or "") for q in quotes))


def _free_id(conn: Connection, eid: str) -> str:
    """``eid``, else ``eid_2``, ``eid_3``…: the first not taken (an article's rebuilt event may not link to
    the occasion its first report created when that occasion was corrected or linked other reports since)."""
    base, n = eid, 1
    while conn.execute(sa.select(t.events.c.id).where(t.events.c.id == eid)).scalar() is not None:
        n += 1
        eid = f"{base}_{n}"
    return eid


def link_events(conn: Connection, article: Article, aid: str, people: dict[str, str], *, create: bool,
                dup_of: str | None, person_for: Callable[[str, dict[str, str]], str | None],
                new_id: Callable[[int], str], only: Collection[int] | None = None) -> set[str]:
    """Merge each of the article's events (``only`` these indexes, when given: the others are stored)
    with the stored occasion it reports, or store it; then place meetings within the visits that hold
    them. Returns the occasions its reports joined, started or were weighed against
    (:mod:`hoptac.store.relink` places the later articles' reports of those again)."""
    seen: set[str] = set()
    touched: list[tuple[str, str, str | None, set[str]]] = []
    # the dated visits this article tells as its news (id -> date): the context of its undated reports
    visits: dict[str, str] = {} if only is None else _told_visits(conn, aid)
    for idx in _in_order(article):
        if only is not None and idx not in only:
            continue
        ev = article.events[idx]
        fam = family(ev.type)
        parts = participant_keys(ev.participants, people, person_for)
        if fam == "visit":  # a ship's port call: the ship is its visitor, whoever else a report names
            parts.update((k, (None, n)) for k, n in port_call_ships(article.quote(ev.evidence)).items() if k not in parts)
        names = {k: n for k, (_, n) in parts.items()}
        cands = event_candidates(conn, fam, ev.date, dup_of, set(parts))
        weighed: set[str] = set()  # the occasions this report could be
        _, kinds, aside = told(ev.type, article.quote(ev.evidence))
        match = _best(conn, fam, ev.type, ev.date, set(parts), cands, dup_of, names, weighed, kinds, aside)
        if match is None and _vague_within(ev.date, visits) and fam != "visit" and not ev.background:
            match = _within_visits(conn, fam, ev.status, set(parts), names, visits, aid, weighed)
        # joined the one occasion it could be and changed nothing in it: no later report saw it otherwise
        plain = match is not None and weighed <= {match[0].id} and set(parts) <= match[1] and ev.date == match[0].date
        if not plain:
            seen |= weighed
        if match is None and not create:
            continue
        if match is None:
            eid = _free_id(conn, new_id(idx))
            when, when_sort = ev.date, sort_key(ev.date)
            conn.execute(t.events.insert(), {
                "id": eid, "type": ev.type, "family": fam, "date": when, "date_sort": when_sort,
                "place": ev.place, "status": ev.status, "participants": [n for _, n in parts.values()]})
            have: set[str] = set()
        else:
            cand, have = match
            eid = cand.id
            when, when_sort = _merged_date(fam, cand.date, cand.date_sort, ev.date)
            conn.execute(t.events.update().where(t.events.c.id == eid).values(
                date=when, date_sort=when_sort,
                place=cand.place or ev.place, status="happened" if "happened" in (cand.status, ev.status)
                else cand.status, participants=list(cand.participants) + [n for k, (_, n) in parts.items()
                                                                         if k not in have]))
            if when != cand.date:  # the participants' copies of the date follow the event's
                conn.execute(_PARTICIPANT_DATES, {"eid": eid, "d": when, "ds": when_sort})
        new = [{"event_id": eid, "key": k, "person_id": pid, "name": n, "date": when, "date_sort": when_sort}
               for k, (pid, n) in parts.items() if k not in have]
        if new:
            conn.execute(t.event_participants.insert(), new)
        if match is not None:
            _fuller_names(conn, eid, {k: n for k, (pid, n) in parts.items() if pid and k in have})
        conn.execute(t.event_sources.insert(), {
            "event_id": eid, "article_id": aid, "idx": idx, "type": ev.type, "date": ev.date,
            "evidence_start": ev.evidence[0], "evidence_end": ev.evidence[1], "quote": article.quote(ev.evidence)[:2000],
            "part_keys": list(parts), "date_provenance": ev.date_provenance, "background": ev.background})
        touched.append((eid, fam, when, have | set(parts)))
        if not plain:
            seen.add(eid)
        if dup_of is None and full_date(when) and when:
            # a day of these people (a new row, one that had no day until now, or one whose people this report
            # completes): that month's reports of exactly them move to it, or to a month row of their own
            replace_month_reports(conn, fam, have | set(parts), when[:7])
        if fam == "visit" and when and full_date(when) and not ev.background:
            visits[eid] = when
    for eid, fam, when, keys in touched:
        _place_in_visit(conn, eid, fam, when, keys)
    return seen


def _fuller_names(conn: Connection, eid: str, names: dict[str, str]) -> None:
    """A participant linked to a person is named by the fullest of its reports' names (the longest,
    then the first in alphabetical order), whichever report came first: ``Jose Fernandez`` over
    ``Fernandez``."""
    if not names:
        return
    ep = t.event_participants.c
    stored = dict(conn.execute(sa.select(ep.key, ep.name).where(ep.event_id == eid, ep.key.in_(sorted(names)))).all())
    better = {k: n for k, n in names.items() if k in stored and (-len(n), n) < (-len(stored[k]), stored[k])}
    if not better:
        return
    for k, n in better.items():
        conn.execute(t.event_participants.update().where(ep.event_id == eid, ep.key == k).values(name=n))
    listed = conn.execute(sa.select(t.events.c.participants).where(t.events.c.id == eid)).scalar() or []
    swap = {stored[k]: n for k, n in better.items()}
    conn.execute(t.events.update().where(t.events.c.id == eid).values(participants=[swap.get(x, x) for x in listed]))


def _told_visits(conn: Connection, aid: str) -> dict[str, str]:
    """The dated visits an article's stored reports tell as its news (id -> date)."""
    e, es = t.events.c, t.event_sources.c
    q = (sa.select(e.id, e.date).join(t.event_sources, es.event_id == e.id)
         .where(es.article_id == aid, e.family == "visit", sa.or_(es.background.is_(None), es.background.is_(False))))
    return {r.id: r.date for r in conn.execute(q) if r.date and full_date(r.date)}


def _vague_within(date: str | None, visits: dict[str, str]) -> bool:
    """Whether a report is undated, or dated only by the year or month of a visit its article tells: the
    visit is then the context that places it (either way round, so the order of reports does not decide)."""
    return date is None or (len(date) in (4, 7) and any(v.startswith(date) for v in visits.values()))


def _in_order(article: Article) -> list[int]:
    """The article's event indexes, its undated meetings and signings (and those dated by a year or
    month only) last: by then the visits it tells are linked, and they are the context in which such
    a report is recognized."""
    late = [i for i, ev in enumerate(article.events)
            if (ev.date is None or len(ev.date) in (4, 7)) and family(ev.type) != "visit"]
    return [i for i in range(len(article.events)) if i not in late] + late


def _within_visits(conn: Connection, fam: str, status: str, parts: set[str], names: dict[str, str],
                   visits: dict[str, str], aid: str, seen: set[str]) -> tuple[Any, set[str]] | None:
    """The one stored occasion an undated report is, told within a visit its own article reports.

    An undated report merges with no dated one on its own (any meeting of those people fits). Its
    article telling a dated visit narrows it: the report joins the one part of that visit of the
    same family and status whose participants nest with its own (two or more), or else the one
    row of exactly the same participants, undated or dated only to the visit's year or month,
    reported by another article telling that visit (the same company pair signing on the Prime
    Minister's trip). None when no such occasion, or
    several, fit: two meetings of those people during the visit leave the report its own row.
    The occasions whose people this report's could be are added to ``seen``.
    """
    if len(parts) < 2 or not visits:
        return None
    e, es = t.events.c, t.event_sources.c
    told = sa.select(es.article_id).where(es.event_id.in_(list(visits)), es.article_id != aid)
    undated = sa.select(es.event_id).where(es.article_id.in_(told))
    coarse = sorted({d[:n] for d in visits.values() for n in (4, 7)})  # the visits' years and months
    q = sa.select(t.events).where(e.family == fam, e.status == status, sa.or_(
        e.parent_id.in_(list(visits)), sa.and_(sa.or_(e.date.is_(None), e.date.in_(coarse)),
                                               e.parent_id.is_(None), e.id.in_(undated))))
    mine = set(conn.execute(sa.select(es.event_id).where(es.article_id == aid)).scalars())
    fits: list[tuple[Any, set[str]]] = []
    for cand in conn.execute(q.order_by(e.id)):
        if cand.id in mine:
            continue  # the article's own events stayed apart for a reason
        named = dict(conn.execute(_EVENT_NAMES, {"eid": cand.id}).all())
        keys, theirs = set(named), _as_theirs(parts, names, named)
        if len(keys & theirs) >= max(1, min(2, len(keys), len(theirs))):
            seen.add(cand.id)
        nested = len(keys) >= 2 and (keys <= theirs or theirs <= keys)
        if nested if cand.parent_id in visits else keys == theirs:
            fits.append((cand, keys))
    return fits[0] if len(fits) == 1 else None


def _merged_date(fam: str, old: str | None, old_sort: str | None, new: str | None) -> tuple[str | None, str | None]:
    """The occasion's date once a report joins it: the more precise; for a visit, its first day."""
    if new and len(sort_key(new) or "") > len(old_sort or ""):
        return new, sort_key(new)
    if fam == "visit" and full_date(new) and full_date(old) and new and old and new < old:
        return new, sort_key(new)
    return old, old_sort


def _visitor(conn: Connection, vid: str) -> str | None:
    """The participant key of a visit's visitor: the linked person most of its reports name."""
    ep = t.event_participants.c
    people = set(conn.execute(sa.select(ep.key).where(ep.event_id == vid, ep.person_id.is_not(None))).scalars())
    counts: Counter[str] = Counter()
    for keys in conn.execute(sa.select(t.event_sources.c.part_keys).where(t.event_sources.c.event_id == vid)).scalars():
        counts.update(k for k in dict.fromkeys(keys or []) if k in people)
    return counts.most_common(1)[0][0] if counts else None


def _place_in_visit(conn: Connection, eid: str, fam: str, when: str | None, keys: set[str]) -> None:
    """A meeting or signing joins the visit whose visitor takes part in it during its days; a visit
    takes the meetings and signings of its visitor during its days that belong to no visit yet."""
    day = full_date(when)
    if day is None or not keys or not when:
        return
    e = t.events.c
    if fam == "visit":
        visitor = _visitor(conn, eid)
        if visitor is None:
            return
        ids = _near({visitor}, day, VISIT_BEFORE, VISIT_AFTER, when)
        for r in conn.execute(sa.select(e.id, e.family, e.date, e.parent_id).where(e.id.in_(ids)).order_by(e.id)):
            if r.family != "visit" and r.parent_id is None and within_visit(when, r.date):
                conn.execute(_SET_PARENT, {"eid": r.id, "pid": eid})
        return
    ids = _near(keys, day, VISIT_AFTER, VISIT_BEFORE, when)
    best: tuple[int, str] | None = None
    for r in conn.execute(sa.select(e.id, e.family, e.date).where(e.id.in_(ids)).order_by(e.id)):
        if r.family == "visit" and within_visit(r.date, when) and _visitor(conn, r.id) in keys:
            gap = days_apart(r.date, when) or 0
            if best is None or gap < best[0]:
                best = (gap, r.id)
    if best is not None:
        conn.execute(_SET_PARENT, {"eid": eid, "pid": best[1]})
