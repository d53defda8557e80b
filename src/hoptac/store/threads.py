"""Thread queries: each recurring issue as a dated history with a status (see hoptac.link.threads).

A thread's status, status history, money and counts depend on every entry, so they are
kept as a summary in ``thread_states``: every write that adds or removes an entry bumps the
thread's ``version``; a read finds the summary current (``computed == version``) or
recomputes it in one pass over the entries in lifecycle order and saves it, provided no
write bumped the version meanwhile. Entries themselves are read a page at a time, along the
``(thread, entry_order)`` index, so a page costs the same in a store of any size.
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from ..link.threads import StatusMachine, annotate_money, money_totals, signal
from ..settings import DEFAULT, Settings
from . import schema as t

log = logging.getLogger(__name__)
SAVE_WAIT_MS = 250  # how long a read waits for SQLite's write lock to cache a summary


def labels(settings: Settings = DEFAULT) -> dict[str, tuple[str, str]]:
    """Thread id -> (Vietnamese label, English label), from the taxonomy."""
    from ..extract.topics import load_taxonomy

    tax = load_taxonomy(settings)
    return {tid: (e.vi or tid, e.en or tid) for tid, e in tax.threads.items()}


def summarize(conn: Connection, tid: str) -> dict[str, Any]:
    """Status, status history, money, entry and article counts, acts by side, first and last date.

    One pass over the thread's entries in lifecycle order (the ``(thread, entry_order)`` index);
    only entries holding money are kept in memory.
    """
    st, s = t.statement_threads.c, t.statements.c
    q = (sa.select(st.statement_id, st.signal, s.article_id, s.date_sort, s.side, s.act, s.text, s.amounts)
         .join(t.statements, s.id == st.statement_id).where(st.thread == tid).order_by(st.entry_order))
    machine = StatusMachine()
    money: list[dict[str, Any]] = []
    articles: set[str] = set()
    by_act: dict[str, dict[str, int]] = {}
    dates: list[str] = []
    n = 0
    for r in conn.execute(q):
        n += 1
        e = {"id": r.statement_id, "article_id": r.article_id, "date": r.date_sort,
             "signal": r.signal or signal(r.act, r.text)}
        machine.feed(e)
        articles.add(r.article_id)
        acts = by_act.setdefault(r.side or "?", {})
        acts[r.act] = acts.get(r.act, 0) + 1
        if r.date_sort:
            dates.append(r.date_sort)
        if any(a.get("kind") == "money" for a in r.amounts or []):
            e.update(act=r.act, quote=r.text, amounts=[dict(a) for a in r.amounts])
            annotate_money(e)
            money.append(e)
    return {"status": machine.status, "status_history": machine.history, "money": money_totals(money),
            "entries": n, "articles": len(articles), "acts_by_side": by_act,
            "first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None}


def _save(engine: Engine, tid: str, version: int, summary: dict[str, Any]) -> None:
    """Cache a summary computed at ``version``, unless a write bumped the version since.

    On SQLite the read waits at most :data:`SAVE_WAIT_MS` for the write lock (an ingest may
    hold it); when it cannot write (busy, read-only file) the summary is simply not cached.
    """
    ts = t.thread_states.c
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.begin() as w:
            if sqlite:
                w.exec_driver_sql(f"PRAGMA busy_timeout={SAVE_WAIT_MS}")
            try:
                w.execute(t.thread_states.update().where(ts.thread == tid, ts.version == version)
                          .values(computed=version, summary=summary))
            finally:
                if sqlite:
                    w.exec_driver_sql("PRAGMA busy_timeout=30000")
    except OperationalError as exc:
        log.info("thread %s: summary not cached: %s", tid, str(exc).splitlines()[0])


def thread_summary(conn: Connection, tid: str) -> dict[str, Any]:
    """The thread's summary: the cached one when current, else recomputed (and cached)."""
    ts = t.thread_states.c
    row = conn.execute(sa.select(ts.version, ts.computed, ts.summary).where(ts.thread == tid)).first()
    if row is not None and row.computed == row.version and row.summary is not None:
        return dict(row.summary)
    summary = summarize(conn, tid)  # read after the version: it holds at least that version's entries
    if row is not None:
        _save(conn.engine, tid, row.version, summary)
    return summary


def entries(conn: Connection, tid: str, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """A page of the thread's entries in lifecycle order, each with its signal and money kinds."""
    st, s = t.statement_threads.c, t.statements.c
    q = (sa.select(st.signal, t.statements, t.articles.c.title, t.articles.c.source)
         .join(t.statements, s.id == st.statement_id).join(t.articles, t.articles.c.id == s.article_id)
         .where(st.thread == tid).order_by(st.entry_order).limit(limit).offset(offset))
    out = []
    for r in conn.execute(q):
        e = {"id": r.id, "article_id": r.article_id, "article_title": r.title, "source": r.source,
             "date": r.date_sort, "actor": r.actor, "person_id": r.person_id, "side": r.side, "act": r.act,
             "addressee_side": r.addressee_side, "quote": r.text, "evidence": [r.evidence_start, r.evidence_end],
             "amounts": [dict(a) for a in r.amounts or []], "signal": r.signal or signal(r.act, r.text)}
        annotate_money(e)
        out.append(e)
    return out


def list_threads(conn: Connection, settings: Settings = DEFAULT) -> list[dict[str, Any]]:
    """Every thread of the taxonomy (and any other found in the store) with status and counts."""
    names = labels(settings)
    stored = set(conn.execute(sa.select(t.thread_states.c.thread)).scalars())
    out = []
    for tid in list(names) + sorted(stored - set(names)):
        sm = thread_summary(conn, tid)
        vi, en = names.get(tid, (tid, tid))
        out.append({"id": tid, "label_vi": vi, "label_en": en, "status": sm["status"], "entries": sm["entries"],
                    "articles": sm["articles"], "first_date": sm["first_date"], "last_date": sm["last_date"]})
    return out


def get_thread(conn: Connection, tid: str, settings: Settings = DEFAULT, *, limit: int | None = None,
               offset: int = 0) -> dict[str, Any] | None:
    """One thread: a page of its entries in date order (all by default), status, status history, money.

    ``entries_total`` counts every entry; ``articles``, ``acts_by_side`` and ``money`` cover them all.
    """
    names = labels(settings)
    sm = thread_summary(conn, tid)
    if tid not in names and not sm["entries"]:
        return None
    vi, en = names.get(tid, (tid, tid))
    return {"id": tid, "label_vi": vi, "label_en": en, "status": sm["status"],
            "status_history": sm["status_history"], "entries": entries(conn, tid, limit=limit, offset=offset),
            "entries_total": sm["entries"], "articles": sm["articles"], "acts_by_side": sm["acts_by_side"],
            "money": sm["money"]}
