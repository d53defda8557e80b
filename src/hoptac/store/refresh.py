"""Rebuilding a stored article's records (``ingest --refresh``) after the extraction improved.

:func:`clear_derived` deletes everything the writer derived from one article — statements
and their tags, search entries, mentions, event sources, topics, LSH bands — and then the
people, organizations and events no other article supports; the occasions its reports leave keep
the people and a date their remaining reports give, and the month reports of those people are placed
again (:func:`hoptac.store.month_reports.settle`). The article row stays (near
duplicates keep pointing at it); the writer then updates it and derives its records again.
"""

from __future__ import annotations

from collections.abc import Collection

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t
from .claims import forget
from .event_ids import retire_event
from .month_reports import Place, places_of, settle
from .people_settle import drop_if_unused


def clear_derived(conn: Connection, aid: str) -> None:
    """Delete one article's derived records and whatever they alone supported."""
    sids = sa.select(t.statements.c.id).where(t.statements.c.article_id == aid)
    st = t.statement_threads.c
    threads = dict(conn.execute(sa.select(st.thread, sa.func.min(sa.func.coalesce(st.entry_order, "")))
                                .where(st.statement_id.in_(sids)).group_by(st.thread)).all())
    ids = list(conn.execute(sids).scalars())
    for th, key in forget(conn, ids).items():  # claims these entries were kept for get another kept entry
        threads[th] = min(threads.get(th, key), key)
    conn.execute(t.statement_threads.delete().where(t.statement_threads.c.statement_id.in_(sids)))
    if threads:
        from .writer import touch_threads

        touch_threads(conn, threads)
    conn.execute(t.statement_topics.delete().where(t.statement_topics.c.statement_id.in_(sids)))
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("INSERT INTO search_fts(search_fts, rowid, lowered, folded) "
                             "SELECT 'delete', id, lowered, folded FROM search_docs WHERE article_id = :a"), {"a": aid})
    conn.execute(t.search_docs.delete().where(t.search_docs.c.article_id == aid))
    conn.execute(t.statements.delete().where(t.statements.c.article_id == aid))
    people = set(conn.execute(sa.select(t.person_mentions.c.person_id)
                              .where(t.person_mentions.c.article_id == aid)).scalars())
    orgs = set(conn.execute(sa.select(t.org_mentions.c.org_id).where(t.org_mentions.c.article_id == aid)).scalars())
    conn.execute(t.person_mentions.delete().where(t.person_mentions.c.article_id == aid))
    conn.execute(t.org_mentions.delete().where(t.org_mentions.c.article_id == aid))
    people |= drop_reports(conn, aid)
    conn.execute(t.article_topics.delete().where(t.article_topics.c.article_id == aid))
    conn.execute(t.article_bands.delete().where(t.article_bands.c.article_id == aid))
    for pid in people:
        if not drop_if_unused(conn, pid):
            from .people_link import recount_side

            recount_side(conn, pid)  # the side most of their remaining articles give
    for oid in orgs:
        if not conn.execute(sa.select(sa.func.count()).select_from(t.org_mentions)
                            .where(t.org_mentions.c.org_id == oid)).scalar():
            conn.execute(t.org_aliases.delete().where(t.org_aliases.c.org_id == oid))
            conn.execute(t.organizations.delete().where(t.organizations.c.id == oid))


def drop_reports(conn: Connection, aid: str, idxs: Collection[int] | None = None) -> set[str]:
    """Take one article's event reports (``idxs``: only those) out of their occasions: an occasion left with no report is
    deleted (its id remembered for this write, :func:`hoptac.store.event_ids.retire_event`), the others keep
    the people and a date their remaining reports give, and the month reports of those people are placed
    again (:func:`hoptac.store.month_reports.settle`). Returns the people of the occasions deleted."""
    people: set[str] = set()
    es = t.event_sources.c
    mine = [es.article_id == aid] + ([es.idx.in_(sorted(idxs))] if idxs is not None else [])
    reports = conn.execute(sa.select(es.event_id, es.evidence_start, es.evidence_end).where(*mine)).all()
    events = {r.event_id for r in reports}
    was: dict[str, list[Place]] = {eid: places_of(conn, eid) for eid in sorted(events)}
    conn.execute(t.event_sources.delete().where(*mine))
    for eid in sorted(events):
        if not conn.execute(sa.select(sa.func.count()).select_from(t.event_sources)
                            .where(t.event_sources.c.event_id == eid)).scalar():
            # its participants may have had nothing else (a duplicate's report names people it has no mention of)
            people |= {p for p in conn.execute(sa.select(t.event_participants.c.person_id)
                                               .where(t.event_participants.c.event_id == eid)).scalars() if p}
            conn.execute(t.event_participants.delete().where(t.event_participants.c.event_id == eid))
            conn.execute(t.events.update().where(t.events.c.parent_id == eid).values(parent_id=None))
            conn.execute(t.events.delete().where(t.events.c.id == eid))
            retire_event(conn, eid, [(aid, r.evidence_start, r.evidence_end) for r in reports if r.event_id == eid])
    left = [eid for eid in sorted(events) if conn.execute(sa.select(t.events.c.id).where(t.events.c.id == eid)).first()]
    # the occasions the article's reports leave: restated, and the month reports of those people placed again
    settle(conn, left, [p for eid in sorted(events) if eid not in left for p in was[eid]])
    return people
