"""The write path: one batch of Articles into the store, in one transaction.

:func:`write_batch` is a pure function of (connection, articles): readers and extractors can
run anywhere (threads, processes, a Dask cluster) and one writer stores their output. For
each article, inside a SAVEPOINT so a bad article loses nothing else:

1. hash the normalized text; a known hash is ``unchanged`` (its source is recorded);
2. compute the MinHash signature and look up LSH band keys; a near-duplicate of a stored
   article is stored as a ``duplicate`` linked to it: its facts are not counted again, and
   its events become extra sources of the original's events;
3. otherwise store the article, link its people and organizations, merge its events with
   the same real events reported elsewhere, store its statements, index its text.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import date as date_cls
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import InterfaceError, OperationalError

from ..link import dedupe
from ..link.events import MAX_DAYS, coarse, dates_compatible, family, participants_overlap, sort_key
from ..link.names import name_key, org_key
from ..link.text import exact_key, fold
from ..link.threads import order_key, signal
from ..model import Article
from . import schema as t
from .people_link import link_people as _link_people
from .people_link import person_for as _person_for
from .refresh import clear_derived

log = logging.getLogger(__name__)
WRITE_LOCK = 4_716_002  # PostgreSQL advisory lock key held by the batch being written


@dataclass
class IngestReport:
    """What an ingest did: articles stored, near-duplicates linked, unchanged, skipped.

    ``refreshed`` counts known articles whose records were rebuilt (``refresh=True``).
    """

    stored: int = 0
    duplicates: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    refreshed: int = 0

    def add(self, other: IngestReport) -> None:
        """Fold another report into this one."""
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.unchanged += other.unchanged
        self.refreshed += other.refreshed
        self.skipped.extend(other.skipped)
        self.ids.extend(other.ids)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-able data."""
        return {"stored": self.stored, "duplicates": self.duplicates, "unchanged": self.unchanged,
                "refreshed": self.refreshed, "skipped": [{"source": s, "reason": r} for s, r in self.skipped]}


def _hid(prefix: str, *parts: str, n: int = 12) -> str:
    return prefix + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


# Statements the write path runs for every article, built once (building a statement costs more
# than SQLite takes to run it); parameters are bound at execution.
_BY_HASH = sa.select(t.articles.c.id).where(t.articles.c.content_hash == sa.bindparam("h"))
_HAS_SOURCE = sa.select(sa.func.count()).select_from(t.article_sources).where(
    t.article_sources.c.article_id == sa.bindparam("a"), t.article_sources.c.source == sa.bindparam("src"))
_ORG_BY_KEYS = sa.select(t.organizations.c.id).where(t.organizations.c.name_key.in_(
    sa.bindparam("keys", expanding=True)))
_PARTICIPANT_DATES = (t.event_participants.update().where(t.event_participants.c.event_id == sa.bindparam("eid"))
                      .values(date=sa.bindparam("d"), date_sort=sa.bindparam("ds")))
_EVENT_KEYS = sa.select(t.event_participants.c.key).where(t.event_participants.c.event_id == sa.bindparam("eid"))


def write_batch(conn: Connection, batch: list[Article], *, refresh: bool = False) -> IngestReport:
    """Store a batch of articles on an open transaction; returns what happened to each.

    With ``refresh``, an article already stored has its records rebuilt from this extraction.
    On PostgreSQL, concurrent writers take turns (an advisory transaction lock): linking
    must see every person and event stored before it. (On SQLite the write lock does that.)
    """
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
    report = IngestReport()
    for article in batch:
        try:
            with conn.begin_nested():
                outcome, aid = write_article(conn, article, refresh=refresh)
        except (OperationalError, InterfaceError):
            raise  # the database itself failed: the batch cannot go on
        except Exception as exc:  # bad input: this article is skipped with its reason, the batch goes on
            log.warning("not stored: %s: %s", article.source, exc, exc_info=True)
            report.skipped.append((article.source, f"not stored: {type(exc).__name__}: {exc}".splitlines()[0]))
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
        report.ids.append(aid)
    return report


def write_article(conn: Connection, article: Article, *, refresh: bool = False) -> tuple[str, str]:
    """Store one article; returns (``stored`` | ``duplicates`` | ``unchanged`` | ``refreshed``, id)."""
    text = article.text or article.raw
    if not text.strip():
        raise ValueError("the article has no text")
    h = dedupe.content_hash(text)
    known = conn.execute(_BY_HASH, {"h": h}).scalar()
    if known and not refresh:
        add_source(conn, known, article.source)
        return "unchanged", known
    if known:
        clear_derived(conn, known)
    aid = known or "a_" + h[:16]
    sig = dedupe.signature(text)
    dup_of, sim = _find_duplicate(conn, sig, article.title, aid) if sig is not None else (None, None)
    data = article.to_dict()
    date = sort_key(article.published)
    row = dict(
        content_hash=h, raw_hash=dedupe.raw_hash(article.raw) if article.raw else None,
        source=article.source, title=article.title, published=article.published, date_sort=date, outlet=article.outlet, url=article.url, text=article.text, data=data,
        topics=list(article.topics), n_people=len(article.people), n_events=len(article.events),
        n_statements=len(article.statements), minhash=dedupe.to_bytes(sig) if sig is not None else None,
        duplicate_of=dup_of, similarity=sim, ingested_at=datetime.now(UTC))
    if known:
        conn.execute(t.articles.update().where(t.articles.c.id == aid).values(**row))
    else:
        conn.execute(t.articles.insert(), {"id": aid, **row})
    add_source(conn, aid, article.source)
    if sig is not None:
        conn.execute(t.article_bands.insert(), [{"band": b, "key": k, "article_id": aid}
                                                for b, k in dedupe.band_keys(sig)])
    if dup_of:
        people = _link_people(conn, article, aid, date, create=False)
        _link_events(conn, article, aid, people, create=False, dup_of=dup_of)
        return ("refreshed" if known else "duplicates"), aid
    if article.topics:
        conn.execute(t.article_topics.insert(), [{"article_id": aid, "topic": tp}
                                                 for tp in dict.fromkeys(article.topics)])
    people = _link_people(conn, article, aid, date, create=True)
    _link_orgs(conn, article, aid)
    _link_events(conn, article, aid, people, create=True, dup_of=None)
    docs = [("article", aid, "\n".join(x for x in (article.title, article.text) if x))]
    docs += _write_statements(conn, article, aid, date, people)
    _index(conn, aid, docs)
    return ("refreshed" if known else "stored"), aid


def add_source(conn: Connection, aid: str, source: str) -> None:
    """Record one more source (path or URL) an article was read from."""
    if not conn.execute(_HAS_SOURCE, {"a": aid, "src": source}).scalar():
        conn.execute(t.article_sources.insert(), {"article_id": aid, "source": source})


_DUP_SQL: dict[int, Any] = {}


def _dup_candidates(n: int) -> Any:
    """The stored articles sharing one of ``n`` LSH bands (``:b0``/``:k0``...), built once per ``n``.

    An OR of (band, key) pairs, which both backends answer with one primary-key lookup each
    (SQLite scans the table for a row-value ``IN (VALUES ...)``).
    """
    if n not in _DUP_SQL:
        pairs = " OR ".join(f"(band = :b{i} AND key = :k{i})" for i in range(n))
        _DUP_SQL[n] = sa.text("SELECT id, minhash, duplicate_of, title FROM articles WHERE id IN "
                              f"(SELECT article_id FROM article_bands WHERE {pairs})")
    return _DUP_SQL[n]


def _find_duplicate(conn: Connection, sig: Any, title: str | None, aid: str) -> tuple[str | None, float | None]:
    """The stored original this signature (and title) nearly duplicates, with the similarity."""
    bands = dedupe.band_keys(sig)
    params = {f"{x}{i}": v for i, (b, k) in enumerate(bands) for x, v in (("b", b), ("k", k))}
    cands = conn.execute(_dup_candidates(len(bands)), params).all()
    best: tuple[str | None, float | None] = (None, None)
    for cid, mh, dup, ctitle in cands:
        if mh is None or aid in (cid, dup):
            continue
        s = dedupe.similarity(sig, dedupe.from_bytes(mh))
        if dedupe.is_duplicate(s, title, ctitle) and (best[1] is None or s > best[1]):
            best = (dup or cid, round(s, 4))
    return best


# people: store/people_link.py (one entry per person)

# organizations --------------------------------------------------------------------------

def _link_orgs(conn: Connection, article: Article, aid: str) -> None:
    seen: set[str] = set()
    for o in article.organizations:
        key = org_key(o.name)
        if not key:
            continue
        keys = [key, *(org_key(a) for a in o.aliases)]
        oid = conn.execute(_ORG_BY_KEYS, {"keys": keys}).scalar()
        if oid is None:
            oid = _hid("o_", key)
            conn.execute(t.organizations.insert(), {"id": oid, "name": o.name, "name_key": key, "kind": o.kind,
                                                    "side": o.side})
        if oid in seen:
            continue
        seen.add(oid)
        conn.execute(t.org_mentions.insert(), {"org_id": oid, "article_id": aid, "name": o.name,
                                               "n_mentions": max(1, len(o.mentions))})


# events --------------------------------------------------------------------------------

def _participant_keys(names: list[str], people: dict[str, str]) -> dict[str, tuple[str | None, str]]:
    out: dict[str, tuple[str | None, str]] = {}
    for n in names:
        pid = _person_for(n, people)
        key = pid or "name:" + name_key(n)[:240]
        out.setdefault(key, (pid, n))
    return out


def _event_candidates(conn: Connection, fam: str, date: str | None, dup_of: str | None,
                      keys: set[str]) -> list[Any]:
    """Stored events of family ``fam`` this event may be: its duplicate's events, or those at a compatible
    date sharing a participant (one of ``keys``).

    A full date looks up each participant's events by the date copied beside the participant
    (``(key, date_sort)`` and ``(key, date)`` indexes, migration 0008; three conditions: a day
    either side, the month or year written alone, the day without a year), so the cost does not
    grow with the events of a busy day. The family is checked here, so the planner cannot prefer
    the family index, which grows with the store. Other dates start from the participants' events.
    Candidates come in id order (the first that matches is taken).
    """
    e, ep = t.events.c, t.event_participants.c
    if not dup_of and not keys:
        return []  # a match must share a participant (participants_overlap)
    day = _day(date) if date and not dup_of else None
    if day is not None and date:
        lo, hi = (day - timedelta(days=MAX_DAYS)).isoformat(), (day + timedelta(days=MAX_DAYS)).isoformat()
        ks = sorted(keys)
        ids = sa.union(sa.select(ep.event_id).where(ep.key.in_(ks), ep.date_sort.between(lo, hi)),
                       sa.select(ep.event_id).where(ep.key.in_(ks), ep.date_sort.in_([date[:4], date[:7]])),
                       sa.select(ep.event_id).where(ep.key.in_(ks), ep.date == "-" + date[4:]))
        q = sa.select(t.events).where(e.id.in_(ids))
        return [r for r in conn.execute(q.order_by(e.id)) if r.family == fam]
    q = sa.select(t.events).where(e.family == fam)
    if dup_of:
        q = q.where(e.id.in_(sa.select(t.event_sources.c.event_id).where(t.event_sources.c.article_id == dup_of)))
    elif not date:
        return []
    elif date.startswith("--"):
        q = q.where(e.date.like("%" + date[1:]))
    else:
        q = q.where(e.date_sort.like(date[:4] + "%"))
    if not dup_of:
        q = q.where(e.id.in_(sa.select(ep.event_id).where(ep.key.in_(sorted(keys)))))
    return list(conn.execute(q.order_by(e.id)).all())


def _day(d: str) -> date_cls | None:
    """A full ISO date as a date (None for partial or invalid dates)."""
    try:
        return date_cls.fromisoformat(d) if len(d) == 10 else None
    except ValueError:
        return None


def _link_events(conn: Connection, article: Article, aid: str, people: dict[str, str], *, create: bool,
                 dup_of: str | None) -> None:
    for idx, ev in enumerate(article.events):
        fam = family(ev.type)
        parts = _participant_keys(ev.participants, people)
        match = None
        for cand in _event_candidates(conn, fam, ev.date, dup_of, set(parts)):
            keys = set(conn.execute(_EVENT_KEYS, {"eid": cand.id}).scalars())
            same_day = dup_of is not None or dates_compatible(cand.date, ev.date)
            if same_day and (participants_overlap(keys, set(parts), strict=coarse(cand.date, ev.date))
                             or (dup_of and not parts)):
                match = (cand, keys)
                break
        if match is None and not create:
            continue
        if match is None:
            eid = _hid("e_", aid, str(idx))
            when, when_sort = ev.date, sort_key(ev.date)
            conn.execute(t.events.insert(), {
                "id": eid, "type": ev.type, "family": fam, "date": when, "date_sort": when_sort,
                "place": ev.place, "status": ev.status, "participants": [n for _, n in parts.values()]})
            have: set[str] = set()
        else:
            cand, have = match
            eid = cand.id
            better_date = ev.date if ev.date and len(sort_key(ev.date) or "") > len(cand.date_sort or "") else None
            when = better_date or cand.date
            when_sort = sort_key(better_date) if better_date else cand.date_sort
            conn.execute(t.events.update().where(t.events.c.id == eid).values(
                date=when, date_sort=when_sort,
                place=cand.place or ev.place, status="happened" if "happened" in (cand.status, ev.status)
                else cand.status, participants=list(cand.participants) + [n for k, (_, n) in parts.items()
                                                                         if k not in have]))
            if better_date:  # the participants' copies of the date follow the event's
                conn.execute(_PARTICIPANT_DATES, {"eid": eid, "d": when, "ds": when_sort})
        new = [{"event_id": eid, "key": k, "person_id": pid, "name": n, "date": when, "date_sort": when_sort}
               for k, (pid, n) in parts.items() if k not in have]
        if new:
            conn.execute(t.event_participants.insert(), new)
        conn.execute(t.event_sources.insert(), {
            "event_id": eid, "article_id": aid, "idx": idx, "type": ev.type, "date": ev.date,
            "evidence_start": ev.evidence[0], "evidence_end": ev.evidence[1], "quote": article.quote(ev.evidence)[:2000]})


# statements and search --------------------------------------------------------------------

def _write_statements(conn: Connection, article: Article, aid: str, date: str | None,
                      people: dict[str, str]) -> list[tuple[str, str, str]]:
    """Store the article's statements with their threads and topics; their search documents to index."""
    rows, threads, topics = [], [], []
    for i, s in enumerate(article.statements):
        sid = f"{aid}.s{i}"
        when = date or statement_date(article, s.evidence)
        rows.append({"id": sid, "article_id": aid, "idx": i, "actor": s.actor, "person_id": _person_for(s.actor, people),
                     "side": s.side, "act": s.act, "addressee_side": s.addressee_side, "text": s.text,
                     "evidence_start": s.evidence[0], "evidence_end": s.evidence[1], "date_sort": when,
                     "topics": list(s.topics), "threads": list(s.threads),
                     "amounts": [a.to_dict() for a in s.amounts]})
        sig = signal(s.act, s.text)
        money = any(a.kind == "money" for a in s.amounts)
        threads += [{"statement_id": sid, "thread": th, "signal": sig, "entry_order": order_key(when, sig, aid, i),
                     "side": s.side, "act": s.act, "has_money": money} for th in dict.fromkeys(s.threads)]
        topics += [{"statement_id": sid, "topic": tp} for tp in dict.fromkeys(s.topics)]
    if rows:
        conn.execute(t.statements.insert(), rows)
    if threads:
        conn.execute(t.statement_threads.insert(), threads)
        changed: dict[str, str] = {}
        for r in threads:
            changed[r["thread"]] = min(changed.get(r["thread"], r["entry_order"]), r["entry_order"])
        touch_threads(conn, changed)
    if topics:
        conn.execute(t.statement_topics.insert(), topics)
    return [("statement", r["id"], r["text"]) for r in rows]


def statement_date(article: Article, span: tuple[int, int]) -> str | None:
    """When an undated article's statement was made: the date of the event it reports.

    Most archived articles carry no published date, yet their lead dates the meeting
    (``Chiều 5-3-2018, ...``). A statement inside an event's evidence takes that event's date;
    otherwise the first event of the article with a known year (the story's own occasion).
    Dates without a year stay unknown rather than guessed.
    """
    dated = [(e.evidence, k) for e in article.events if (k := sort_key(e.date))]
    inside = [k for (a, b), k in dated if a <= span[0] < b]
    if inside:
        return inside[0]
    return min(dated)[1] if dated else None


def touch_threads(conn: Connection, changed: dict[str, str]) -> None:
    """Mark cached thread summaries stale: thread -> the lowest ``entry_order`` added or removed.

    Bumps ``thread_states.version`` and lowers ``dirty_from`` (creating missing rows), and
    deletes the thread's checkpoints at or after the change (their state no longer holds).
    Writers take turns (see :func:`write_batch`), so the read-then-insert cannot race another writer.
    """
    ts, tc = t.thread_states.c, t.thread_checkpoints.c
    for th, key in sorted(changed.items()):
        conn.execute(t.thread_checkpoints.delete().where(tc.thread == th, tc.entry_order >= key))
        lowest = sa.case((sa.or_(ts.dirty_from.is_(None), ts.dirty_from > key), key), else_=ts.dirty_from)
        bumped = conn.execute(t.thread_states.update().where(ts.thread == th)
                              .values(version=ts.version + 1, dirty_from=lowest))
        if not bumped.rowcount:
            conn.execute(t.thread_states.insert().values(thread=th, version=1, dirty_from=key))


def _index(conn: Connection, aid: str, docs: list[tuple[str, str, str]]) -> None:
    """Index an article's search documents, (kind, ref id, body) each; on SQLite, into FTS5 too."""
    rows = [{"kind": kind, "ref_id": ref, "article_id": aid, "body": b, "lowered": exact_key(b), "folded": fold(b)}
            for kind, ref, body in docs for b in [nfc_keep(body)]]
    conn.execute(t.search_docs.insert(), rows)
    if conn.dialect.name == "sqlite":  # the article's documents were deleted first on a refresh (clear_derived)
        conn.execute(_FTS_COPY, {"a": aid})


_FTS_COPY = sa.text("INSERT INTO search_fts(rowid, lowered, folded) "
                    "SELECT id, lowered, folded FROM search_docs WHERE article_id = :a")


def nfc_keep(text: str) -> str:
    """NFC text (search keys and snippets map position for position onto it)."""
    return unicodedata.normalize("NFC", text)
