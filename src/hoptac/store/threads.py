"""Thread queries: each recurring issue as a dated history with a status (see hoptac.link.threads).

A thread's status, status history, money and counts depend on every entry, so they are
kept as a summary in ``thread_states``: every write that adds or removes an entry bumps the
thread's ``version``; a read finds the summary current (``computed == version``) or
recomputes it in one pass over the entries in lifecycle order and saves it, provided no
write bumped the version meanwhile. The pass starts from the cached summary when every
change lies after it, else from the last checkpoint before the first change
(``thread_checkpoints``: the pass's state every :data:`CHECKPOINT_EVERY` dated entries,
deleted by the writes that invalidate them). Entries themselves are read a page at a time,
along the ``(thread, entry_order)`` index, so a page costs the same in a store of any size.

Only dated entries move the status (undated ones are counted, listed apart as "date unknown");
an entry that copies a claim already on the thread (``copy_of``, see :mod:`.claims`) counts
as one more source of it, not as an entry; money is kept per side and kind with its quotes;
a thread's sub-issues (taxonomy ``parent``) are threads of their own, listed under it.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from ..link.threads import (
    StatusMachine,
    annotate_money,
    is_dated,
    money_totals,
    order_day,
    order_fields,
    role,
    signal,
)
from ..settings import DEFAULT, Settings
from . import schema as t

log = logging.getLogger(__name__)
SAVE_WAIT_MS = 250  # how long a read waits for SQLite's write lock to cache a summary
CHECKPOINT_EVERY = 2_000  # dated entries folded between two saved checkpoints


def labels(settings: Settings = DEFAULT) -> dict[str, tuple[str, str]]:
    """Thread id -> (Vietnamese label, English label), from the taxonomy."""
    tax = taxonomy_of(settings)
    return {tid: (e.vi or tid, e.en or tid) for tid, e in tax.threads.items()}


UNDATED = "1"  # an undated entry's order key starts with 1 (hoptac.link.threads.order_key): they come last
PUBLIC = ("status", "status_history", "money", "money_items", "entries", "undated", "copies", "articles",
          "acts_by_side", "first_date", "last_date")


class _Fold:
    """A thread summary being built: the status machine and the counts, as JSON-able state."""

    def __init__(self, d: dict[str, Any] | None = None) -> None:
        d = d or {}
        self.machine = StatusMachine(d.get("status"), d.get("last_move"), d.get("status_history"))
        self.seen = {tuple(k) for k in d.get("money_seen", [])}
        self.money = copy.deepcopy(d.get("money", {}))
        self.items: list[dict[str, Any]] = copy.deepcopy(d.get("money_items", []))
        self.by_act = {side: dict(acts) for side, acts in d.get("acts_by_side", {}).items()}
        self.n, self.articles = d.get("entries", 0), d.get("articles", 0)
        self.undated, self.copies = d.get("undated", 0), d.get("copies", 0)
        self.first, self.last = d.get("first_date"), d.get("last_date")
        self.last_key: str | None = d.get("last_key")

    def feed(self, r: Any, detail: Callable[[str], Any], *, dated: bool = True) -> str:
        """Fold one entry in (in lifecycle order); returns its article id.

        ``r`` is a row of the fold index: statement id, signal, order key, side, act, has money,
        copy of. A copy only adds its article; an undated entry (``dated`` False) is counted but
        never moves the status.

        ``detail(statement_id)`` gives the statement's text, amounts, evidence and article text,
        asked only for an entry that names money (or, in a store older than 0003, has no signal).
        """
        sid, sig, key, side, act, money, copy_of = r
        date, aid = order_fields(key)
        self.last_key = key
        if copy_of is not None:
            self.copies += 1
            return aid
        d = detail(sid) if money or not sig else None
        e = {"id": sid, "article_id": aid, "date": date, "signal": sig or signal(act, d.text)}
        if dated:
            self.machine.feed(e)
        else:
            self.undated += 1
        self.n += 1
        acts = self.by_act.setdefault(side or "?", {})
        acts[act] = acts.get(act, 0) + 1
        if date and dated:
            self.first = date if self.first is None else min(self.first, date)
            self.last = date if self.last is None else max(self.last, date)
        if d is not None and money:
            e.update(act=act, side=side, quote=d.text, evidence=[d.evidence_start, d.evidence_end],
                     amounts=[dict(a) for a in d.amounts or []])
            annotate_money(e, sentence_of(d.article_text, d.evidence_start, d.evidence_end))
            money_totals([e], seen=self.seen, totals=self.money, items=self.items)
        return aid

    def to_dict(self) -> dict[str, Any]:
        """The state: the public summary plus what resuming needs (last key, last movement, money seen)."""
        return {"status": self.machine.status, "status_history": self.machine.history, "money": self.money,
                "money_items": self.items, "entries": self.n, "undated": self.undated, "copies": self.copies,
                "articles": self.articles, "acts_by_side": self.by_act,
                "first_date": self.first, "last_date": self.last, "last_key": self.last_key,
                "last_move": self.machine.last_move, "money_seen": sorted(map(list, self.seen), key=repr)}


def sentence_of(text: str | None, start: int, end: int) -> tuple[str, int] | None:
    """The sentence(s) of an article around a quote, and where the quote starts in it (the payer is named there)."""
    if not text or end > len(text):
        return None
    a = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    b = min(stops) if stops else len(text)
    return text[a:b], start - a


def _dated_articles(conn: Connection, tid: str, ids: set[str]) -> set[str]:
    """Those of these articles that have a dated entry on the thread."""
    st, s = t.statement_threads.c, t.statements.c
    out: set[str] = set()
    chunk = sorted(ids)
    for i in range(0, len(chunk), 500):
        out.update(conn.execute(sa.select(s.article_id).distinct().join(t.statement_threads, st.statement_id == s.id)
                                .where(st.thread == tid, st.entry_order < UNDATED,
                                       s.article_id.in_(chunk[i:i + 500]))).scalars())
    return out


def summarize(conn: Connection, tid: str, start: dict[str, Any] | None = None,
              checkpoints: list[tuple[str, dict[str, Any]]] | None = None) -> dict[str, Any]:
    """Status, status history, money, entry and article counts, acts by side, first and last date.

    Steps: fold the dated entries in lifecycle order (the fold index of 0010, statements are read
    only for entries naming money) —
    with ``start`` (an earlier summary or a checkpoint), only those after the last dated entry
    it covers (the caller knows no entry changed before that point, so they come from articles
    it never saw); keep that state as ``fold``; then fold the undated entries, which come last,
    into a copy (they are read again each time: usually few; they are counted, their money
    too, but they never move the status). Only entries holding money stay
    in memory. Every :data:`CHECKPOINT_EVERY` dated entries, at a change of date (an article's
    entries share its date, so the distinct-article count stays exact), the state is appended
    to ``checkpoints`` as (last entry_order, state).
    """
    st, s = t.statement_threads.c, t.statements.c
    rows = (sa.select(st.statement_id, st.signal, st.entry_order, st.side, st.act, st.has_money, st.copy_of)
            .where(st.thread == tid).order_by(st.entry_order))
    details = (sa.select(s.text, s.amounts, s.evidence_start, s.evidence_end, t.articles.c.text.label("article_text"))
               .join(t.articles, t.articles.c.id == s.article_id).where(s.id == sa.bindparam("sid")))

    def detail(sid: str) -> Any:
        return conn.execute(details, {"sid": sid}).one()

    dated = _Fold((start or {}).get("fold"))
    q = rows.where(st.entry_order < UNDATED)
    if dated.last_key is not None:
        q = q.where(st.entry_order > dated.last_key)
    seen: set[str] = set()
    since, day = 0, None
    for r in conn.execute(q):
        if since >= CHECKPOINT_EVERY and order_day(r.entry_order) != day and checkpoints is not None:
            dated.articles += len(seen)
            seen, since = set(), 0
            checkpoints.append((dated.last_key or "", copy.deepcopy(dated.to_dict())))  # the fold goes on
        seen.add(dated.feed(r, detail))
        since, day = since + 1, order_day(r.entry_order)
    dated.articles += len(seen)
    state = dated.to_dict()
    whole = _Fold(state)
    tail = {whole.feed(r, detail, dated=False) for r in conn.execute(rows.where(st.entry_order >= UNDATED))}
    if tail:
        whole.articles += len(tail - _dated_articles(conn, tid, tail))
    out = whole.to_dict()
    return {**{k: out[k] for k in PUBLIC}, "fold": state}


def _save(engine: Engine, tid: str, version: int, summary: dict[str, Any],
          checkpoints: list[tuple[str, dict[str, Any]]]) -> None:
    """Cache a summary computed at ``version`` and its new checkpoints, unless a write bumped the version since.

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
                saved = w.execute(t.thread_states.update().where(ts.thread == tid, ts.version == version)
                                  .values(computed=version, summary=summary, dirty_from=None)).rowcount
                if saved and checkpoints:
                    tc = t.thread_checkpoints.c
                    w.execute(t.thread_checkpoints.delete().where(tc.thread == tid,
                                                                  tc.entry_order >= checkpoints[0][0]))
                    w.execute(t.thread_checkpoints.insert(), [{"thread": tid, "entry_order": k, "state": v}
                                                              for k, v in checkpoints])
            finally:
                if sqlite:
                    w.exec_driver_sql("PRAGMA busy_timeout=30000")
    except OperationalError as exc:
        log.info("thread %s: summary not cached: %s", tid, str(exc).splitlines()[0])


def thread_summary(conn: Connection, tid: str) -> dict[str, Any]:
    """The thread's summary: the cached one when current, else brought up to date (and cached).

    When every entry written since the cached summary sorts after the last dated one it covers
    (``dirty_from``), only the new ones are folded in; otherwise the fold resumes from the last
    checkpoint before ``dirty_from`` (writes delete the checkpoints they invalidate), or from
    the first entry when there is none.
    """
    ts = t.thread_states.c
    row = conn.execute(sa.select(ts.version, ts.computed, ts.summary, ts.dirty_from).where(ts.thread == tid)).first()
    if row is not None and row.computed == row.version and row.summary is not None:
        return dict(row.summary)
    start = None
    if row is not None and row.summary and row.dirty_from is not None:
        last = (row.summary.get("fold") or {}).get("last_key")  # the last dated entry it covers
        if last is not None and row.dirty_from > last:
            start = row.summary
    if start is None and row is not None and row.dirty_from is not None:
        tc = t.thread_checkpoints.c
        state = conn.execute(sa.select(tc.state).where(tc.thread == tid, tc.entry_order < row.dirty_from)
                             .order_by(tc.entry_order.desc()).limit(1)).scalar()
        start = {"fold": state} if state else None
    checkpoints: list[tuple[str, dict[str, Any]]] = []
    summary = summarize(conn, tid, start, checkpoints)  # read after the version: it holds at least its entries
    if row is not None:
        _save(conn.engine, tid, row.version, summary, checkpoints)
    return summary


def refresh_stale(engine: Engine) -> list[str]:
    """Bring every stale thread summary up to date and cache it; the threads refreshed.

    An ingest ends with it, so the first reader after a batch of old news (which makes a thread
    fold again from an early checkpoint) finds the summary cached instead of paying for it.
    """
    ts = t.thread_states.c
    with engine.connect() as conn:
        stale = list(conn.execute(sa.select(ts.thread).where(sa.or_(ts.computed.is_(None), ts.computed != ts.version))
                                  .order_by(ts.thread)).scalars())
        for tid in stale:
            thread_summary(conn, tid)
            conn.rollback()  # end the read, so the next thread reads what this one cached
    return stale


def entries(conn: Connection, tid: str, *, limit: int | None = None, offset: int = 0,
            settings: Settings = DEFAULT) -> list[dict[str, Any]]:
    """A page of the thread's entries (one per claim) in lifecycle order, undated ones last.

    Each has its signal, role (a position, a request...), ``dated``, the sub-issues it is on,
    its money (kind, payer, credited side) and ``sources``: the other articles that carried it.
    """
    st, s = t.statement_threads.c, t.statements.c
    q = (sa.select(st.signal, t.statements, t.articles.c.title, t.articles.c.source)
         .join(t.statements, s.id == st.statement_id).join(t.articles, t.articles.c.id == s.article_id)
         .where(st.thread == tid, st.copy_of.is_(None)).order_by(st.entry_order).limit(limit).offset(offset))
    children = set(taxonomy_of(settings).children(tid))
    out = []
    for r in conn.execute(q):
        e = {"id": r.id, "article_id": r.article_id, "article_title": r.title, "source": r.source,
             "date": r.date_sort, "dated": is_dated(r.date_sort), "actor": r.actor, "person_id": r.person_id,
             "side": r.side, "act": r.act, "role": role(r.act), "addressee_side": r.addressee_side, "quote": r.text,
             "evidence": [r.evidence_start, r.evidence_end], "amounts": [dict(a) for a in r.amounts or []],
             "signal": r.signal or signal(r.act, r.text), "subthreads": [x for x in r.threads or [] if x in children],
             "sources": []}
        if any(a.get("kind") == "money" for a in e["amounts"]):
            text = conn.execute(sa.select(t.articles.c.text).where(t.articles.c.id == r.article_id)).scalar()
            annotate_money(e, sentence_of(text, r.evidence_start, r.evidence_end))
        out.append(e)
    if out:
        by_id = {e["id"]: e for e in out}
        copies = (sa.select(st.copy_of, s.id, s.article_id, s.date_sort, s.actor, t.articles.c.title,
                            t.articles.c.source)
                  .join(t.statements, s.id == st.statement_id).join(t.articles, t.articles.c.id == s.article_id)
                  .where(st.thread == tid, st.copy_of.in_(list(by_id))).order_by(st.entry_order))
        for c in conn.execute(copies):
            by_id[c.copy_of]["sources"].append({"id": c.id, "article_id": c.article_id, "article_title": c.title,
                                                "source": c.source, "date": c.date_sort, "actor": c.actor})
    return out


def taxonomy_of(settings: Settings = DEFAULT) -> Any:
    """The taxonomy the thread views name threads and sub-issues from."""
    from ..extract.topics import load_taxonomy

    return load_taxonomy(settings)


def _row(tid: str, names: dict[str, tuple[str, str]], sm: dict[str, Any], parent: str | None) -> dict[str, Any]:
    vi, en = names.get(tid, (tid, tid))
    return {"id": tid, "label_vi": vi, "label_en": en, "parent": parent, "status": sm["status"],
            "entries": sm["entries"], "undated": sm.get("undated", 0), "copies": sm.get("copies", 0),
            "articles": sm["articles"], "first_date": sm["first_date"], "last_date": sm["last_date"]}


def list_threads(conn: Connection, settings: Settings = DEFAULT) -> list[dict[str, Any]]:
    """Every thread of the taxonomy (and any other found in the store) with status and counts.

    A thread's sub-issues follow it, with ``parent`` set.
    """
    names = labels(settings)
    tax = taxonomy_of(settings)
    stored = set(conn.execute(sa.select(t.thread_states.c.thread)).scalars())
    out = []
    for tid in list(tax.roots()) + sorted(stored - set(names)):
        out.append(_row(tid, names, thread_summary(conn, tid), None))
        for child in tax.children(tid) if tid in tax.threads else {}:
            out.append(_row(child, names, thread_summary(conn, child), tid))
    return out


def get_thread(conn: Connection, tid: str, settings: Settings = DEFAULT, *, limit: int | None = None,
               offset: int = 0) -> dict[str, Any] | None:
    """One thread: a page of its entries in date order (all by default), status, status history, money.

    ``entries_total`` counts every entry (one per claim; ``entries_undated`` of them have no
    date, ``copies`` more articles carried one of them); ``articles``, ``acts_by_side``, ``money``
    (side -> kind -> currency -> total) and ``money_items`` (each distinct figure with its quote)
    cover them all. ``parent`` and ``children`` name the thread's place among the sub-issues.
    """
    names = labels(settings)
    tax = taxonomy_of(settings)
    sm = thread_summary(conn, tid)
    if tid not in names and not sm["entries"]:
        return None
    vi, en = names.get(tid, (tid, tid))
    entry = tax.threads.get(tid)
    kids = [_row(c, names, thread_summary(conn, c), tid) for c in (tax.children(tid) if entry else {})]
    return {"id": tid, "label_vi": vi, "label_en": en, "parent": entry.parent if entry else None,
            "children": kids, "status": sm["status"], "status_history": sm["status_history"],
            "entries": entries(conn, tid, limit=limit, offset=offset, settings=settings),
            "entries_total": sm["entries"], "entries_undated": sm.get("undated", 0), "copies": sm.get("copies", 0),
            "articles": sm["articles"], "acts_by_side": sm["acts_by_side"], "money": sm["money"],
            "money_items": sm.get("money_items", []), "first_date": sm["first_date"], "last_date": sm["last_date"]}
