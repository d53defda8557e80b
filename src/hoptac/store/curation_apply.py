"""Applying one correction to the derived record, by stable keys that survive a rebuild.

A correction names its target by keys that ``ingest --refresh`` and a re-ingest keep
(:mod:`hoptac.store.curation_keys`). Every ``apply_*`` is idempotent (applying twice changes nothing) and returns
``(status, note, refs)``: ``applied`` or ``orphaned`` (the target is gone; ``note`` says what),
and the current ids the correction touches (pages show it there).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.events import family, sort_key
from ..link.names import name_key, org_key
from ..link.threads import order_key, signal
from . import schema as t
from .curation_keys import (
    _articles_of,
    _source_event,
    extracted,
    resolve_article,
    resolve_event,
    resolve_org,
    resolve_person,
    resolve_statement,
)
from .month_reports import places_of, settle

Outcome = tuple[str, str | None, list[str]]
APPLIED, ORPHANED = "applied", "orphaned"


def _touch(conn: Connection, changed: dict[str, str]) -> None:
    if changed:
        from .writer import touch_threads

        touch_threads(conn, changed)


# people ------------------------------------------------------------------------------------

def move_person(conn: Connection, src: str, dst: str) -> None:
    """Every row of ``src`` to ``dst``; ``src`` goes."""
    pa = t.person_aliases.c
    have = set(conn.execute(sa.select(pa.key).where(pa.person_id == dst)).scalars())
    if have:
        conn.execute(t.person_aliases.delete().where(pa.person_id == src, pa.key.in_(sorted(have))))
    conn.execute(t.person_aliases.update().where(pa.person_id == src).values(person_id=dst))
    conn.execute(t.person_mentions.update().where(t.person_mentions.c.person_id == src).values(person_id=dst))
    conn.execute(t.event_participants.update().where(t.event_participants.c.person_id == src).values(person_id=dst))
    conn.execute(t.statements.update().where(t.statements.c.person_id == src).values(person_id=dst))
    conn.execute(t.people.delete().where(t.people.c.id == src))


def apply_merge_people(conn: Connection, target: dict[str, Any], after: dict[str, Any]) -> Outcome:
    """Merge the people after the first into the first."""
    from .people_link import recount_side

    keys = target["people"]
    keep = resolve_person(conn, keys[0])
    if keep is None:
        return ORPHANED, f"the person kept ({keys[0]['name']}) is no longer stored", []
    missing = []
    for k in keys[1:]:
        pid = resolve_person(conn, k)
        if pid is None:
            missing.append(k["name"])
        elif pid != keep:
            move_person(conn, pid, keep)
    if after.get("name"):
        conn.execute(t.people.update().where(t.people.c.id == keep).values(name=after["name"]))
    recount_side(conn, keep)
    refs = [keep, *_articles_of(conn, people=[keep])]
    return (ORPHANED, "no longer stored: " + ", ".join(missing), refs) if missing else (APPLIED, None, refs)


def apply_split_person(conn: Connection, target: dict[str, Any], after: dict[str, Any]) -> Outcome:
    """Move the mentions under some of a person's names to a person of their own."""
    from .people_link import recount_side

    pid = resolve_person(conn, target["person"])
    new = after["id"]
    moved = set(target["names"])
    if pid is None or pid == new:
        return ORPHANED, f"{target['person']['name']} is no longer stored", []
    if conn.execute(sa.select(t.people.c.id).where(t.people.c.id == new)).scalar() is None:
        row = conn.execute(sa.select(t.people).where(t.people.c.id == pid)).one()
        conn.execute(t.people.insert(), {"id": new, "name": after["name"], "name_key": name_key(after["name"])[:255],
                                         "side": row.side, "office": row.office})
    pa = t.person_aliases.c
    have = set(conn.execute(sa.select(pa.key).where(pa.person_id == new)).scalars())
    conn.execute(t.person_aliases.delete().where(pa.person_id == pid, pa.key.in_(sorted(moved & have) or [""])))
    conn.execute(t.person_aliases.update().where(pa.person_id == pid, pa.key.in_(sorted(moved))).values(person_id=new))
    pm = t.person_mentions.c
    ids = [r.id for r in conn.execute(sa.select(pm.id, pm.name).where(pm.person_id == pid)) if name_key(r.name) in moved]
    if ids:
        conn.execute(t.person_mentions.update().where(pm.id.in_(ids)).values(person_id=new))
    s = t.statements.c
    sids = [r.id for r in conn.execute(sa.select(s.id, s.actor).where(s.person_id == pid)) if name_key(r.actor) in moved]
    if sids:
        conn.execute(t.statements.update().where(s.id.in_(sids)).values(person_id=new))
    ep = t.event_participants.c
    conn.execute(t.event_participants.update().where(ep.person_id == pid, ep.key.in_(sorted(moved))).values(person_id=new))
    recount_side(conn, pid)
    recount_side(conn, new)
    return APPLIED, None, [pid, new, *_articles_of(conn, people=[pid, new])]


# organizations -----------------------------------------------------------------------------

def _move_org(conn: Connection, src: str, dst: str, names: set[str] | None = None,
              articles: list[str] | None = None) -> None:
    """``src``'s mentions (those under the spelling keys ``names`` only, in ``articles`` only, if given) to
    ``dst``; with neither, ``src`` goes. An article's other spellings of ``src`` stay with it."""
    om = t.org_mentions.c
    q = sa.select(om.article_id, om.name, om.n_mentions, om.names).where(om.org_id == src)
    if articles is not None:
        q = q.where(om.article_id.in_(articles))
    for r in conn.execute(q).all():
        spelled = dict(r.names or {r.name: r.n_mentions})
        moved = {n: c for n, c in spelled.items() if names is None or org_key(n) in names}
        if not moved:
            continue
        stay = {n: c for n, c in spelled.items() if n not in moved}
        where = sa.and_(om.org_id == src, om.article_id == r.article_id)
        if stay:
            conn.execute(t.org_mentions.update().where(where).values(
                names=stay, n_mentions=sum(stay.values()), name=r.name if r.name in stay else next(iter(stay))))
        else:
            conn.execute(t.org_mentions.delete().where(where))
        _add_mentions(conn, dst, r.article_id, moved, r.name)
    if articles is None:
        _move_org_aliases(conn, src, dst, names)
    if names is None and articles is None:
        conn.execute(t.organizations.delete().where(t.organizations.c.id == src))


def _add_mentions(conn: Connection, oid: str, aid: str, spelled: dict[str, int], name: str) -> None:
    """Count ``spelled`` (spelling -> mentions) on ``oid``'s row for article ``aid`` (made if missing)."""
    om = t.org_mentions.c
    there = conn.execute(sa.select(om.name, om.n_mentions, om.names)
                         .where(om.org_id == oid, om.article_id == aid)).first()
    if there is None:
        conn.execute(t.org_mentions.insert(), {"org_id": oid, "article_id": aid, "names": spelled,
                                               "name": name if name in spelled else next(iter(spelled)),
                                               "n_mentions": sum(spelled.values())})
        return
    merged = dict(there.names or {there.name: there.n_mentions})
    for n, c in spelled.items():
        merged[n] = merged.get(n, 0) + c
    conn.execute(t.org_mentions.update().where(om.org_id == oid, om.article_id == aid)
                 .values(names=merged, n_mentions=sum(merged.values())))


def _move_org_aliases(conn: Connection, src: str, dst: str, names: set[str] | None) -> None:
    """The spellings ``src`` is found under (those of ``names`` only, if given) become ``dst``'s."""
    oa = t.org_aliases.c
    have = set(conn.execute(sa.select(oa.key).where(oa.org_id == dst)).scalars())
    for r in conn.execute(sa.select(oa.key, oa.alias, oa.weak).where(oa.org_id == src)).all():
        if names is not None and org_key(r.alias) not in names:
            continue
        conn.execute(t.org_aliases.delete().where(oa.org_id == src, oa.key == r.key))
        if r.key not in have:
            conn.execute(t.org_aliases.insert(), {"org_id": dst, "key": r.key, "alias": r.alias, "weak": r.weak})
            have.add(r.key)


def apply_merge_orgs(conn: Connection, target: dict[str, Any], after: dict[str, Any]) -> Outcome:
    """Merge the organizations after the first into the first."""
    keys = target["orgs"]
    keep = resolve_org(conn, keys[0])
    if keep is None:
        return ORPHANED, f"the organization kept ({keys[0]['name']}) is no longer stored", []
    for k in keys[1:]:
        oid = resolve_org(conn, k)
        if oid and oid != keep:
            _move_org(conn, oid, keep)
    return APPLIED, None, [keep, *_articles_of(conn, orgs=[keep])]


def apply_split_org(conn: Connection, target: dict[str, Any], after: dict[str, Any]) -> Outcome:
    """Move an organization's mentions under some spellings (in some articles only, if the target names
    them) to an organization of their own."""
    oid = resolve_org(conn, target["org"])
    new = after["id"]
    if oid is None or oid == new:
        return ORPHANED, f"{target['org']['name']} is no longer stored", []
    articles = None
    if target.get("articles") is not None:
        articles = sorted({a for k in target["articles"] for a in [resolve_article(conn, k)] if a})
        if not articles:
            return ORPHANED, "the articles of the split are no longer stored", []
    if conn.execute(sa.select(t.organizations.c.id).where(t.organizations.c.id == new)).scalar() is None:
        row = conn.execute(sa.select(t.organizations).where(t.organizations.c.id == oid)).one()
        conn.execute(t.organizations.insert(), {"id": new, "name": after["name"], "name_key": after["name_key"],
                                                "kind": row.kind, "side": row.side})
    _move_org(conn, oid, new, set(target["names"]), articles)
    return APPLIED, None, [oid, new, *_articles_of(conn, orgs=[oid, new])]


# events ------------------------------------------------------------------------------------

def _participant_names(conn: Connection, eid: str) -> list[str]:
    ep = t.event_participants.c
    return list(conn.execute(sa.select(ep.name).where(ep.event_id == eid).order_by(ep.key)).scalars())


def _move_event(conn: Connection, src: str, dst: str) -> None:
    """Every report and participant of ``src`` to ``dst``; ``src`` goes (its permalink leads to ``dst``)."""
    from .event_ids import redirect

    ep, e = t.event_participants.c, t.events.c
    es = t.event_sources.c
    first = conn.execute(sa.select(es.article_id, es.evidence_start, es.evidence_end)
                         .where(es.event_id == src).order_by(es.article_id, es.idx).limit(1)).first()
    if first is not None:
        redirect(conn, src, tuple(first))
    conn.execute(t.event_sources.update().where(t.event_sources.c.event_id == src).values(event_id=dst))
    have = set(conn.execute(sa.select(ep.key).where(ep.event_id == dst)).scalars())
    conn.execute(t.event_participants.delete().where(ep.event_id == src, ep.key.in_(sorted(have) or [""])))
    date, date_sort = conn.execute(sa.select(e.date, e.date_sort).where(e.id == dst)).one()
    conn.execute(t.event_participants.update().where(ep.event_id == src)
                 .values(event_id=dst, date=date, date_sort=date_sort))
    conn.execute(t.events.update().where(e.parent_id == src).values(parent_id=dst))
    conn.execute(t.events.update().where(e.id == dst, e.parent_id == src).values(parent_id=None))
    conn.execute(t.events.update().where(e.id == dst).values(participants=_participant_names(conn, dst)))
    conn.execute(t.events.delete().where(e.id == src))


def apply_merge_events(conn: Connection, target: dict[str, Any], after: dict[str, Any]) -> Outcome:
    """Merge the events after the first into the first (one occasion reported as several)."""
    keys = target["events"]
    keep = resolve_event(conn, keys[0])
    if keep is None:
        return ORPHANED, "the event kept is no longer stored", []
    gone = []
    for k in keys[1:]:
        eid = resolve_event(conn, k)
        if eid and eid != keep:
            gone += places_of(conn, eid)
            _move_event(conn, eid, keep)
    settle(conn, [keep], gone)  # one day of those people now where there were two: their month reports join it
    return APPLIED, None, [keep, *_articles_of(conn, events=[keep])]


def apply_split_event(conn: Connection, target: dict[str, Any], after: dict[str, Any]) -> Outcome:
    """Move some reports of an event to an event of their own (two occasions merged as one)."""
    moved = target["sources"]
    kept = [src for src in target["event"]["sources"] if src not in moved]
    eid = resolve_event(conn, target["event"], skip=moved)
    new = after["id"]
    if eid is None:
        return ORPHANED, "the event split is no longer stored", []
    if eid == new:  # a rebuild linked the kept reports to the split-off event: they go to one of their own
        eid = new + "_k"
        _carve(conn, new, eid, kept)
    else:
        _carve(conn, eid, new, moved)
    settle(conn, [eid, new])  # two days where there was one: their month reports are an occasion of their own
    return APPLIED, None, [eid, new, *_articles_of(conn, events=[eid, new])]


def _carve(conn: Connection, eid: str, new: str, moved: list[dict[str, Any]]) -> None:
    """Move the reports ``moved`` of event ``eid`` to event ``new`` (made like ``eid`` if missing), with
    the participants they name."""
    e, es, ep = t.events.c, t.event_sources.c, t.event_participants.c
    rows = []
    for src in moved:
        _, aid = _source_event(conn, src)
        if aid:
            rows += conn.execute(sa.select(es.article_id, es.idx, es.date, es.part_keys).where(
                es.event_id == eid, es.article_id == aid, es.evidence_start == src["span"][0],
                es.evidence_end == src["span"][1])).all()
    if not rows:
        return
    old = conn.execute(sa.select(t.events).where(e.id == eid)).one()
    date = next((r.date for r in rows if r.date), None) or old.date
    if conn.execute(sa.select(e.id).where(e.id == new)).scalar() is None:
        conn.execute(t.events.insert(), {"id": new, "type": old.type, "family": family(old.type), "date": date,
                                         "date_sort": sort_key(date), "place": old.place, "status": old.status,
                                         "participants": [], "parent_id": old.parent_id})
    for r in rows:
        conn.execute(t.event_sources.update().where(es.event_id == eid, es.article_id == r.article_id,
                                                    es.idx == r.idx).values(event_id=new))
    keys = None if any(r.part_keys is None for r in rows) else {k for r in rows for k in r.part_keys}
    left = conn.execute(sa.select(es.part_keys).where(es.event_id == eid)).scalars().all()
    stay = None if any(k is None for k in left) else {k for ks in left for k in ks}
    have = set(conn.execute(sa.select(ep.key).where(ep.event_id == new)).scalars())
    nd, nsort = conn.execute(sa.select(e.date, e.date_sort).where(e.id == new)).one()
    for p in conn.execute(sa.select(t.event_participants).where(ep.event_id == eid)).all():
        if (keys is None or p.key in keys) and p.key not in have:
            conn.execute(t.event_participants.insert(), {"event_id": new, "key": p.key, "person_id": p.person_id,
                                                         "name": p.name, "date": nd, "date_sort": nsort})
        if stay is not None and p.key not in stay:
            conn.execute(t.event_participants.delete().where(ep.event_id == eid, ep.key == p.key))
    for x in (eid, new):
        conn.execute(t.events.update().where(e.id == x).values(participants=_participant_names(conn, x)))


def _drop_event(conn: Connection, eid: str) -> None:
    e = t.events.c
    conn.execute(t.event_participants.delete().where(t.event_participants.c.event_id == eid))
    conn.execute(t.event_sources.delete().where(t.event_sources.c.event_id == eid))
    conn.execute(t.events.update().where(e.parent_id == eid).values(parent_id=None))
    conn.execute(t.events.delete().where(e.id == eid))


def apply_reject_event(conn: Connection, target: dict[str, Any], after: dict[str, Any]) -> Outcome:
    """Remove an event that did not happen as read (or is not one)."""
    k = target["event"]
    eid = resolve_event(conn, k)
    if eid is not None:
        refs = _articles_of(conn, events=[eid])
        gone = places_of(conn, eid)
        _drop_event(conn, eid)
        settle(conn, [], gone)  # the month reports of those people follow the days still stored
        return APPLIED, None, refs
    live = [aid for src in k["sources"] for aid in [resolve_article(conn, src["article"])]
            if aid and extracted(conn, aid, "events", src["span"])]
    if live:
        return APPLIED, None, sorted(set(live))  # still extracted, already removed
    return ORPHANED, "no article reports this event any more", []


# dates -------------------------------------------------------------------------------------

def _restamp_entries(conn: Connection, sid: str) -> None:
    """Recompute a statement's thread entries' order keys (they hold its date and signal)."""
    s, st = t.statements.c, t.statement_threads.c
    row = conn.execute(sa.select(s.article_id, s.idx, s.act, s.side, s.text, s.date_sort).where(s.id == sid)).one()
    sig = signal(row.act, row.text)
    changed: dict[str, str] = {}
    for th, old in conn.execute(sa.select(st.thread, st.entry_order).where(st.statement_id == sid)).all():
        new = order_key(row.date_sort, sig, row.article_id, row.idx)
        conn.execute(t.statement_threads.update().where(st.statement_id == sid, st.thread == th)
                     .values(entry_order=new, signal=sig, side=row.side, act=row.act))
        changed[th] = min(old or new, new)
    _touch(conn, changed)


def apply_set_date(conn: Connection, target: dict[str, Any], after: dict[str, Any]) -> Outcome:
    """Set (or clear, with None) the date of an event, a statement or an article."""
    date = after.get("date")
    if "event" in target:
        eid = resolve_event(conn, target["event"])
        if eid is None:
            return ORPHANED, "the event is no longer stored", []
        gone = places_of(conn, eid)
        conn.execute(t.events.update().where(t.events.c.id == eid).values(date=date, date_sort=sort_key(date)))
        conn.execute(t.event_participants.update().where(t.event_participants.c.event_id == eid)
                     .values(date=date, date_sort=sort_key(date)))
        settle(conn, [eid], gone, restate=False)  # the editor's date stays; month reports follow it
        return APPLIED, None, [eid, *_articles_of(conn, events=[eid])]
    if "statement" in target:
        sid, aid = resolve_statement(conn, target["statement"])
        if sid is None:
            return ORPHANED, "the statement is no longer stored", []
        s = t.statements.c
        conn.execute(t.statements.update().where(s.id == sid).values(date_sort=sort_key(date), date_provenance="corrected"))
        _restamp_entries(conn, sid)
        pid = conn.execute(sa.select(s.person_id).where(s.id == sid)).scalar()
        return APPLIED, None, [sid, aid or "", *([pid] if pid else [])]
    aid = resolve_article(conn, target["article"])
    if aid is None:
        return ORPHANED, "the article is no longer stored", []
    a = t.articles.c
    row = conn.execute(sa.select(a.published, a.published_provenance, a.data).where(a.id == aid)).one()
    if row.published != date or row.published_provenance != "corrected":
        from ..model import Article
        from .writer import write_article

        data = dict(row.data)
        original = data.get("published_original") or [row.published, row.published_provenance]
        data["published"], data["published_provenance"] = date, "corrected"
        write_article(conn, Article.from_dict(data), refresh=True)
        stored = dict(conn.execute(sa.select(a.data).where(a.id == aid)).scalar() or {})
        stored["published_original"] = original
        conn.execute(t.articles.update().where(a.id == aid).values(data=stored))
    return APPLIED, None, [aid]


# statements --------------------------------------------------------------------------------

def person_named(conn: Connection, actor: str) -> str | None:
    """The one person an actor's name designates (an alias key borne by exactly one person)."""
    owners = set(conn.execute(sa.select(t.person_aliases.c.person_id)
                              .where(t.person_aliases.c.key == name_key(actor)[:255])).scalars())
    return owners.pop() if len(owners) == 1 else None


def apply_correct_statement(conn: Connection, target: dict[str, Any], after: dict[str, Any]) -> Outcome:
    """Correct a statement's actor, act or side."""
    sid, aid = resolve_statement(conn, target["statement"])
    if sid is None:
        return ORPHANED, "the statement is no longer stored", []
    values: dict[str, Any] = {k: after[k] for k in ("act", "side") if k in after}
    if after.get("actor"):
        values["actor"] = after["actor"]
        values["person_id"] = person_named(conn, after["actor"])
    conn.execute(t.statements.update().where(t.statements.c.id == sid).values(**values))
    _restamp_entries(conn, sid)
    pid = conn.execute(sa.select(t.statements.c.person_id).where(t.statements.c.id == sid)).scalar()
    return APPLIED, None, [sid, aid or "", *([pid] if pid else [])]


def drop_statement(conn: Connection, sid: str) -> None:
    """Delete one statement and what hangs on it (thread entries, topics, search entry)."""
    from .claims import forget

    st = t.statement_threads.c
    changed = dict(conn.execute(sa.select(st.thread, st.entry_order).where(st.statement_id == sid)).all())
    for th, key in forget(conn, [sid]).items():
        changed[th] = min(changed.get(th) or key, key)
    conn.execute(t.statement_threads.update().where(st.copy_of == sid).values(copy_of=None))
    conn.execute(t.statement_threads.delete().where(st.statement_id == sid))
    conn.execute(t.statement_topics.delete().where(t.statement_topics.c.statement_id == sid))
    sd = t.search_docs.c
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("INSERT INTO search_fts(search_fts, rowid, lowered, folded) SELECT 'delete', id, lowered, "
                             "folded FROM search_docs WHERE kind = 'statement' AND ref_id = :s"), {"s": sid})
    conn.execute(t.search_docs.delete().where(sd.kind == "statement", sd.ref_id == sid))
    conn.execute(t.statements.delete().where(t.statements.c.id == sid))
    _touch(conn, {th: k or "" for th, k in changed.items()})


def apply_reject_statement(conn: Connection, target: dict[str, Any], after: dict[str, Any]) -> Outcome:
    """Remove a statement read wrongly (not a statement, or not this article's)."""
    k = target["statement"]
    sid, aid = resolve_statement(conn, k)
    if sid is not None:
        drop_statement(conn, sid)
        return APPLIED, None, [sid, aid or ""]
    if aid and extracted(conn, aid, "statements", k["span"]):
        return APPLIED, None, [aid]
    return ORPHANED, "no article holds this statement any more", []


def _set_threads(conn: Connection, sid: str, add: str | None, drop: str | None) -> None:
    s = t.statements.c
    tags = list(conn.execute(sa.select(s.threads).where(s.id == sid)).scalar() or [])
    tags = [x for x in tags if x != drop] + ([add] if add and add not in tags else [])
    conn.execute(t.statements.update().where(s.id == sid).values(threads=tags))


def apply_reject_thread(conn: Connection, target: dict[str, Any], after: dict[str, Any]) -> Outcome:
    """Take a statement off a thread it was tagged with."""
    sid, aid = resolve_statement(conn, target["statement"])
    if sid is None:
        return ORPHANED, "the statement is no longer stored", []
    th, st = target["thread"], t.statement_threads.c
    old = conn.execute(sa.select(st.entry_order).where(st.statement_id == sid, st.thread == th)).first()
    if old is not None:
        conn.execute(t.statement_threads.update().where(st.thread == th, st.copy_of == sid).values(copy_of=None))
        conn.execute(t.statement_threads.delete().where(st.statement_id == sid, st.thread == th))
        _touch(conn, {th: old.entry_order or ""})
    _set_threads(conn, sid, None, th)
    return APPLIED, None, [sid, aid or ""]


def apply_add_thread(conn: Connection, target: dict[str, Any], after: dict[str, Any]) -> Outcome:
    """Tag a statement with a thread the extraction missed."""
    sid, aid = resolve_statement(conn, target["statement"])
    if sid is None:
        return ORPHANED, "the statement is no longer stored", []
    th, st, s = target["thread"], t.statement_threads.c, t.statements.c
    if conn.execute(sa.select(st.thread).where(st.statement_id == sid, st.thread == th)).first() is None:
        row = conn.execute(sa.select(t.statements).where(s.id == sid)).one()
        sig = signal(row.act, row.text)
        key = order_key(row.date_sort, sig, row.article_id, row.idx)
        money = any((a or {}).get("kind") == "money" for a in row.amounts or [])
        conn.execute(t.statement_threads.insert(), {"statement_id": sid, "thread": th, "signal": sig,
                                                    "entry_order": key, "side": row.side, "act": row.act,
                                                    "has_money": money, "copy_of": None})
        _touch(conn, {th: key})
    _set_threads(conn, sid, th, None)
    return APPLIED, None, [sid, aid or ""]


APPLY = {
    "merge_people": apply_merge_people, "split_person": apply_split_person,
    "merge_orgs": apply_merge_orgs, "split_org": apply_split_org,
    "merge_events": apply_merge_events, "split_event": apply_split_event, "reject_event": apply_reject_event,
    "set_date": apply_set_date, "correct_statement": apply_correct_statement,
    "reject_statement": apply_reject_statement, "reject_thread": apply_reject_thread, "add_thread": apply_add_thread,
}

