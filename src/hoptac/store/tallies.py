"""Counts kept up to date by the writers: who met whom, and how often people and organizations are named.

The network, the meetings, the people and organization rankings and the stats' most active
people and organizations would otherwise group every meeting or mention of the store on a cold
read (seconds at 100,000 articles, growing with the store). Migration 0021 adds:

- ``meeting_pairs``: one row per meeting that happened and pair of its linked participants
  (``p1`` < ``p2`` compared byte by byte), with the occasion it belongs to (its visit, else
  itself) and its date: what :mod:`hoptac.store.network` and :func:`hoptac.store.events.meetings`
  grouped from events and participants on every read;
- ``pair_tallies``: per pair, its occasions (and those dated), reports, first and last dates;
- ``person_tallies`` / ``org_tallies``: per person the articles naming them, their statements
  and latest title, per organization its mentioning articles, with the name and side they rank by;
- ``person_titles`` (migration 0024): per person and writing of a title and organization, its
  mentions, dated mentions, articles, first and last dates.

**How they stay right.** Database triggers (SQLite and PostgreSQL, created by the migration)
note in ``tally_dirty`` every event, person and organization whose rows change — by ingest,
occasion merging, refresh, an editor's merge, split or undo, an id settling, anything —
and :func:`flush`, called at the end of every write transaction (the writer's batch and the
curation transaction), recomputes the tallies of exactly those, from their own rows only; a
tally depends on nothing else, so the kept counts always equal a recount (:func:`rebuild`
recounts everything, for the migration and the tests). No write path has to know about them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t

_CHUNK = 500


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    ids = sorted(set(ids))
    for k in range(0, len(ids), _CHUNK):
        yield ids[k:k + _CHUNK]


def flush(conn: Connection) -> None:
    """Recompute the tallies of what changed in this transaction (see the module docstring)."""
    d = t.tally_dirty.c
    dirty: dict[str, list[str]] = {"event": [], "person": [], "org": []}
    for kind, ref in conn.execute(sa.select(d.kind, d.ref)):
        dirty.setdefault(kind, []).append(ref)
    if not any(dirty.values()):
        return
    pairs: set[tuple[str, str]] = set()
    for ids in _chunks(dirty["event"]):
        pairs |= _refresh_events(conn, ids)
    _refresh_pairs(conn, pairs)
    refresh_people(conn, dirty["person"])
    for ids in _chunks(dirty["org"]):
        _refresh_orgs(conn, ids)
    conn.execute(t.tally_dirty.delete())


def _meeting_rows(conn: Connection, where: Any) -> list[dict[str, Any]]:
    """The ``meeting_pairs`` rows of the events matching ``where``: every pair of linked participants of a
    meeting that happened, ``p1`` < ``p2`` byte by byte (as Python compares them)."""
    e, p = t.events.c, t.event_participants.c
    people: dict[str, set[str]] = {}
    info: dict[str, tuple[str, str | None]] = {}
    # family and status are tested here, not in SQL: with sampled planner statistics (``ANALYZE`` under
    # ``analysis_limit``) SQLite took the family index over the ids and read every meeting of the
    # store for each chunk of ids (hours of recount at a million articles)
    q = (sa.select(e.id, e.parent_id, e.date_sort, p.person_id, e.family, e.status)
         .join(t.event_participants, p.event_id == e.id).where(where, p.person_id.is_not(None)))
    for eid, parent, date, pid, family, status in conn.execute(q):
        if family != "meeting" or status != "happened":
            continue
        people.setdefault(eid, set()).add(pid)
        info[eid] = (parent or eid, date)
    rows = []
    for eid, pids in people.items():
        ordered = sorted(pids)
        occ, date = info[eid]
        rows += [{"event_id": eid, "p1": a, "p2": b, "occ": occ, "date_sort": date}
                 for i, a in enumerate(ordered) for b in ordered[i + 1:]]
    return rows


def _refresh_events(conn: Connection, ids: list[str]) -> set[tuple[str, str]]:
    """Rewrite the meeting rows of these events; the pairs whose rows changed."""
    mp = t.meeting_pairs.c
    pairs = {(a, b) for a, b in conn.execute(sa.select(mp.p1, mp.p2).where(mp.event_id.in_(ids)))}
    conn.execute(t.meeting_pairs.delete().where(mp.event_id.in_(ids)))
    rows = _meeting_rows(conn, t.events.c.id.in_(ids))
    if rows:
        conn.execute(t.meeting_pairs.insert(), rows)
    return pairs | {(r["p1"], r["p2"]) for r in rows}


def pair_tally(p1: str, p2: str, rows: list[tuple[str, str, str | None]]) -> dict[str, Any] | None:
    """One pair's tally from its (event, occasion, date) rows: occasions (any date and dated), reports,
    first and last dates of its reports, and the last of its occasions' first dates (the network's)."""
    if not rows:
        return None
    occ_first: dict[str, str | None] = {}  # each occasion's earliest date (None: undated)
    for _, occ, date in rows:
        known = occ_first.get(occ)
        if occ not in occ_first or (date and (known is None or date < known)):
            occ_first[occ] = date
    dates = [d for _, _, d in rows if d]
    firsts = [d for d in occ_first.values() if d]
    return {"p1": p1, "p2": p2, "occasions": len(occ_first),
            "dated_occasions": len({occ for _, occ, d in rows if d}), "reports": len({e for e, _, _ in rows}),
            "first": min(dates, default=None), "last": max(dates, default=None),
            "last_occasion": max(firsts, default=None)}


def _refresh_pairs(conn: Connection, pairs: set[tuple[str, str]]) -> None:
    """Recount these pairs' tallies from their meeting rows."""
    mp, pt = t.meeting_pairs.c, t.pair_tallies.c
    by_first: dict[str, set[str]] = {}
    for a, b in pairs:
        by_first.setdefault(a, set()).add(b)
    for chunk in _chunks(by_first):
        found: dict[tuple[str, str], list[tuple[str, str, str | None]]] = {}
        for r in conn.execute(sa.select(mp.p1, mp.p2, mp.event_id, mp.occ, mp.date_sort).where(mp.p1.in_(chunk))):
            if r.p2 in by_first[r.p1]:
                found.setdefault((r.p1, r.p2), []).append((r.event_id, r.occ, r.date_sort))
        for a in chunk:
            for b in by_first[a]:
                conn.execute(t.pair_tallies.delete().where(pt.p1 == a, pt.p2 == b))
        rows = [x for (a, b), got in found.items() if (x := pair_tally(a, b, got))]
        if rows:
            conn.execute(t.pair_tallies.insert(), rows)


def _refresh_people(conn: Connection, ids: list[str], titles_kept: bool = True) -> None:
    """Recount these people: articles naming them, statements, their latest title (from each
    title's number of mentions and last date, which is all :func:`~hoptac.store.people.latest_title` reads),
    and ``person_titles``, their mentions grouped by writing of a title and organization (what the
    person page's titles over time are built from: a read of a few rows, not of every mention)."""
    from .people import latest_title

    m, s, p = t.person_mentions.c, t.statements.c, t.people.c
    arts = dict(conn.execute(sa.select(m.person_id, sa.func.count(sa.distinct(m.article_id)))
                             .where(m.person_id.in_(ids)).group_by(m.person_id)).all())
    says = dict(conn.execute(sa.select(s.person_id, sa.func.count()).where(s.person_id.in_(ids))
                             .group_by(s.person_id)).all())
    titles: dict[str, list[tuple[str | None, str]]] = {}
    writings = []
    for pid, title, org, n, n_dated, arts_of, first, last in conn.execute(writing_groups(ids)):
        writings.append({"person_id": pid, "title": title, "organization": org, "mentions": n, "dated": n_dated,
                         "articles": arts_of, "first_seen": first, "last_seen": last})
        if title is not None:  # each writing's last date and its other mentions: all latest_title reads
            titles.setdefault(pid, []).extend([(last, title)] + [(None, title)] * (n - 1))
    if titles_kept:
        conn.execute(t.person_titles.delete().where(t.person_titles.c.person_id.in_(ids)))
        if writings:
            conn.execute(t.person_titles.insert(), writings)
    conn.execute(t.person_tallies.delete().where(t.person_tallies.c.person_id.in_(ids)))
    rows = [{"person_id": r.id, "name": r.name, "side": r.side, "articles": arts.get(r.id, 0),
             "statements": says.get(r.id, 0), "title": latest_title(titles.get(r.id, []), r.side)}
            for r in conn.execute(sa.select(p.id, p.name, p.side).where(p.id.in_(ids)))]
    if rows:
        conn.execute(t.person_tallies.insert(), rows)


def writing_groups(ids: list[str]) -> sa.Select[Any]:
    """These people's mentions grouped by writing of a title and organization: (person, title,
    organization, mentions, dated mentions, articles, first date, last date), what ``person_titles``
    keeps."""
    m = t.person_mentions.c
    return (sa.select(m.person_id, m.title, m.organization, sa.func.count(), sa.func.count(m.date_sort),
                      sa.func.count(sa.distinct(m.article_id)), sa.func.min(m.date_sort), sa.func.max(m.date_sort))
            .where(m.person_id.in_(ids), sa.or_(m.title.is_not(None), m.organization.is_not(None)))
            .group_by(m.person_id, m.title, m.organization))


def refresh_people(conn: Connection, ids: Iterable[str], titles_kept: bool = True) -> None:
    """Recount these people's tallies and titles (:func:`_refresh_people`), 500 at a time; without
    ``titles_kept``, a store before migration 0024 (no ``person_titles``)."""
    for chunk in _chunks(ids):
        _refresh_people(conn, chunk, titles_kept)


def _refresh_orgs(conn: Connection, ids: list[str]) -> None:
    m, o = t.org_mentions.c, t.organizations.c
    arts = dict(conn.execute(sa.select(m.org_id, sa.func.count(m.article_id)).where(m.org_id.in_(ids))
                             .group_by(m.org_id)).all())
    conn.execute(t.org_tallies.delete().where(t.org_tallies.c.org_id.in_(ids)))
    rows = [{"org_id": r.id, "name": r.name, "side": r.side, "articles": arts.get(r.id, 0)}
            for r in conn.execute(sa.select(o.id, o.name, o.side).where(o.id.in_(ids)))]
    if rows:
        conn.execute(t.org_tallies.insert(), rows)


def rebuild(conn: Connection, titles_kept: bool = True) -> None:
    """Recount every tally from the store (the migration fills them so; the tests compare with it);
    without ``titles_kept``, as migration 0021 did, before ``person_titles`` existed."""
    for table in (t.meeting_pairs, t.pair_tallies, t.person_tallies, t.org_tallies, t.tally_dirty,
                  *([t.person_titles] if titles_kept else [])):
        conn.execute(table.delete())
    e = t.events.c
    ids = list(conn.execute(sa.select(e.id).where(e.family == "meeting", e.status == "happened")).scalars())
    pairs: set[tuple[str, str]] = set()
    for chunk in _chunks(ids):
        rows = _meeting_rows(conn, e.id.in_(chunk))
        if rows:
            conn.execute(t.meeting_pairs.insert(), rows)
        pairs |= {(r["p1"], r["p2"]) for r in rows}
    _refresh_pairs(conn, pairs)
    refresh_people(conn, conn.execute(sa.select(t.people.c.id)).scalars(), titles_kept)
    for chunk in _chunks(conn.execute(sa.select(t.organizations.c.id)).scalars()):
        _refresh_orgs(conn, chunk)


def snapshot(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every tally row, sorted (what the tests compare after writes and after :func:`rebuild`)."""
    return {table.name: sorted(tuple(r) for r in conn.execute(sa.select(table)))
            for table in (t.meeting_pairs, t.pair_tallies, t.person_tallies, t.person_titles, t.org_tallies)}


# triggers: every change to the rows a tally is counted from marks its event, person or organization

#: (table, kind, the column naming what is dirty)
WATCHED = (("events", "event", "id"), ("event_participants", "event", "event_id"),
           ("person_mentions", "person", "person_id"), ("statements", "person", "person_id"),
           ("people", "person", "id"), ("org_mentions", "org", "org_id"), ("organizations", "org", "id"))


def trigger_sql(dialect: str) -> list[str]:
    """The statements creating the triggers on ``dialect`` (sqlite or postgresql)."""
    out = []
    for table, kind, col in WATCHED:
        if dialect == "sqlite":
            for op, rows in (("INSERT", ("NEW",)), ("DELETE", ("OLD",)), ("UPDATE", ("OLD", "NEW"))):
                body = " ".join(f"INSERT OR IGNORE INTO tally_dirty(kind, ref) SELECT '{kind}', {r}.{col} "
                                f"WHERE {r}.{col} IS NOT NULL;" for r in rows)
                out.append(f"CREATE TRIGGER tally_{table}_{op.lower()} AFTER {op} ON {table} "
                           f"FOR EACH ROW BEGIN {body} END")
        else:
            fn = f"tally_{table}"
            out.append(f"""CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.{col} IS NOT NULL THEN
    INSERT INTO tally_dirty(kind, ref) VALUES ('{kind}', OLD.{col}) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.{col} IS NOT NULL THEN
    INSERT INTO tally_dirty(kind, ref) VALUES ('{kind}', NEW.{col}) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql""")
            out.append(f"CREATE TRIGGER {fn} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION {fn}()")
    return out


def drop_trigger_sql(dialect: str) -> list[str]:
    """The statements dropping them."""
    out = []
    for table, _, _ in WATCHED:
        if dialect == "sqlite":
            out += [f"DROP TRIGGER IF EXISTS tally_{table}_{op}" for op in ("insert", "delete", "update")]
        else:
            out += [f"DROP TRIGGER IF EXISTS tally_{table} ON {table}", f"DROP FUNCTION IF EXISTS tally_{table}()"]
    return out
