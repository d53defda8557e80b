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
from datetime import UTC, datetime
from functools import partial
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import InterfaceError, OperationalError

from ..link import dedupe
from ..link.events import sort_key
from ..link.text import exact_key, fold
from ..link.threads import entry_signals, order_key, signal
from ..model import Article
from . import schema as t
from .claims import link_claims, link_copies
from .event_ids import born, retired_id, settle
from .occasions import _free_id, link_events
from .org_link import link_orgs
from .people_link import link_people as _link_people
from .people_link import person_for as _person_for
from .people_settle import settle_short_forms
from .refresh import clear_derived, drop_reports
from .relink import relink_batch, relink_later
from .summary import bump
from .tallies import flush as flush_tallies

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


def write_batch(conn: Connection, batch: list[Article], *, refresh: bool = False) -> IngestReport:
    """Store a batch of articles on an open transaction; returns what happened to each.

    With ``refresh``, an article already stored has its records rebuilt from this extraction.
    On PostgreSQL, concurrent writers take turns (an advisory transaction lock): linking
    must see every person and event stored before it. (On SQLite the write lock does that.)
    """
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
    report = IngestReport()
    bump(conn)  # readers' summaries are of the store before this batch (store/summary.py)
    conn.info["relink_pending"] = []  # what each article's reports weighed: placed again once, below
    # written in id order (the order occasions are built in, store/relink.py: within the batch no
    # report is placed again; people link alike in any order, store/people_settle.py); reported in
    # the order given
    done: dict[int, tuple[str, str]] = {}
    for i in sorted(range(len(batch)), key=lambda i: _id_key(batch[i])):
        article = batch[i]
        try:
            with conn.begin_nested():
                done[i] = write_article(conn, article, refresh=refresh)
        except (OperationalError, InterfaceError):
            raise  # the database itself failed: the batch cannot go on
        except Exception as exc:  # bad input: this article is skipped with its reason, the batch goes on
            log.debug("not stored: %s", article.source, exc_info=True)
            done[i] = ("skipped", f"not stored: {type(exc).__name__}: {exc}".splitlines()[0])
    for i, article in enumerate(batch):
        outcome, aid = done[i]
        if outcome == "skipped":
            report.skipped.append((article.source, aid))
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
        report.ids.append(aid)
    _settle_people(conn)
    _relink_written(conn, conn.info.pop("relink_pending"))
    from .curation import has_corrections, reapply

    settle(conn)  # rebuilt events take back their ids (store/event_ids.py)
    conn.info.pop("linked_people", None)
    if (report.stored or report.refreshed or report.duplicates) and has_corrections(conn):  # an editor's corrections hold over rebuilt records
        reapply(conn)
    flush_tallies(conn)  # the counts of what this batch changed (store/tallies.py)
    return report


def _id_key(article: Article) -> str:
    """The id an article gets (a hash of its normalized text), to write a batch in id order."""
    text = article.text or article.raw
    return dedupe.content_hash(text) if text.strip() else ""


def _settle_people(conn: Connection) -> None:
    """Once per batch, bare surnames linked as in any order (:mod:`hoptac.store.people_settle`); a failure
    there leaves them as linked (arrival order) rather than losing the batch."""
    try:
        with conn.begin_nested():
            settle_short_forms(conn, partial(_replace_reports, conn))
    except (OperationalError, InterfaceError):
        raise
    except Exception:
        log.warning("bare surnames not linked again", exc_info=True)


def _relink_written(conn: Connection, written: list[tuple[str, set[str]]]) -> None:
    """Once per batch, the reports it wrote that met later reports stored before, placed again with
    them in id order (:func:`hoptac.store.relink.relink_batch`); a failure there leaves the
    grouping as written (arrival order) rather than losing the batch."""
    try:
        with conn.begin_nested():
            relink_batch(conn, written, partial(_relink, conn))
    except (OperationalError, InterfaceError):
        raise
    except Exception:
        log.warning("occasions not placed again in id order", exc_info=True)


def _weighed(conn: Connection, aid: str, occasions: set[str]) -> None:
    """The occasions an article's reports weighed: placed again at the end of the batch being written,
    else (an editor's rebuild, one article) now."""
    pending = conn.info.get("relink_pending")
    if pending is None:
        relink_later(conn, aid, occasions, partial(_relink, conn))
    else:
        pending.append((aid, occasions))


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
    groups = _find_duplicates(conn, sig, article.title, aid) if sig is not None else {}
    # the copy of the lowest id is the original, in any order: a stored original of a higher id, and
    # every other group the article nearly duplicates, become its copies (:func:`_demote`)
    dup_of = min(groups) if groups and (known or min(groups) < aid) else None
    sim = groups.get(dup_of) if dup_of else None
    demote = {} if known else {g: s for g, s in groups.items() if g != dup_of}
    data = article.to_dict()
    date = sort_key(article.published)
    row = dict(
        content_hash=h, raw_hash=dedupe.raw_hash(article.raw) if article.raw else None,
        source=article.source, title=article.title, published=article.published,
        published_provenance=article.published_provenance, date_sort=date, outlet=article.outlet, url=article.url, text=article.text, data=data,
        topics=list(article.topics), n_people=len(article.people), n_events=len(article.events),
        n_statements=len(article.statements), minhash=dedupe.to_bytes(sig) if sig is not None else None,
        duplicate_of=dup_of, similarity=sim if dup_of else None, ingested_at=datetime.now(UTC))
    if known:
        conn.execute(t.articles.update().where(t.articles.c.id == aid).values(**row))
    else:
        conn.execute(t.articles.insert(), {"id": aid, **row})
    add_source(conn, aid, article.source)
    if sig is not None:
        _insert_bands(conn, aid, sig)
    if dup_of:
        _write_copy(conn, article, aid, dup_of, date)
        for g, s in sorted(demote.items()):
            _demote(conn, g, s, dup_of)
        return ("refreshed" if known else "duplicates"), aid
    if article.topics:
        conn.execute(t.article_topics.insert(), [{"article_id": aid, "topic": tp}
                                                 for tp in dict.fromkeys(article.topics)])
    people = _link_people(conn, article, aid, date, create=True)
    conn.info.setdefault("linked_people", {})[aid] = people  # for its reports placed again in this write
    _link_orgs(conn, article, aid)
    weighed = _link_events(conn, article, aid, people, create=True, dup_of=None)
    docs = [("article", aid, "\n".join(x for x in (article.title, article.text) if x))]
    docs += _write_statements(conn, article, aid, date, people)
    _index(conn, aid, docs)
    _weighed(conn, aid, weighed)
    for g, s in sorted(demote.items()):
        _demote(conn, g, s, aid)
    if demote:
        return "duplicates", aid  # a copy of a stored story, which it now heads: no new original
    return ("refreshed" if known else "stored"), aid


def _write_copy(conn: Connection, article: Article, aid: str, dup_of: str, date: str | None) -> None:
    """A near-duplicate's records: its people as linked to stored entries, its reports extra sources
    of its original's occasions (no statements, topics or search entries: those are the original's)."""
    people = _link_people(conn, article, aid, date, create=False)
    conn.info.setdefault("linked_people", {})[aid] = people
    _weighed(conn, aid, _link_events(conn, article, aid, people, create=False, dup_of=dup_of))


def _demote(conn: Connection, old: str, sim: float | None, new: str) -> None:
    """A stored original whose new near-duplicate has the lower id becomes its copy, with the copies it
    had: their records are derived again as copies of ``new``, so which article is the original does not
    depend on the order they were stored in (a batch is written in id order, so within one it never
    arises). Their LSH bands stay (``clear_derived`` drops them): a later copy still finds the group."""
    a = t.articles.c
    rows = conn.execute(sa.select(a.id, a.data, a.minhash).where(sa.or_(a.id == old, a.duplicate_of == old))
                        .order_by(a.duplicate_of.is_not(None), a.id)).all()
    known = conn.info.setdefault("linked_people", {})
    for r in rows:
        clear_derived(conn, r.id)
        known.pop(r.id, None)
        values = {"duplicate_of": new} | ({"similarity": sim} if r.id == old else {})
        conn.execute(t.articles.update().where(a.id == r.id).values(**values))
        if r.minhash is not None:
            sig = dedupe.from_bytes(r.minhash)
            _insert_bands(conn, r.id, sig)
        if r.data:
            article = Article.from_dict(r.data)
            _write_copy(conn, article, r.id, new, sort_key(article.published))


def _insert_bands(conn: Connection, aid: str, sig: Any) -> None:
    """An article's LSH band keys, by which later near-duplicates find it."""
    conn.execute(t.article_bands.insert(), [{"band": b, "key": k, "article_id": aid} for b, k in dedupe.band_keys(sig)])


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


def _find_duplicates(conn: Connection, sig: Any, title: str | None, aid: str) -> dict[str, float]:
    """The stored originals whose groups this signature (and title) nearly duplicates, each with the
    highest similarity to one of its articles."""
    bands = dedupe.band_keys(sig)
    params = {f"{x}{i}": v for i, (b, k) in enumerate(bands) for x, v in (("b", b), ("k", k))}
    cands = conn.execute(_dup_candidates(len(bands)), params).all()
    best: dict[str, float] = {}
    for cid, mh, dup, ctitle in cands:
        if mh is None or aid in (cid, dup):
            continue
        s = dedupe.similarity(sig, dedupe.from_bytes(mh))
        if dedupe.is_duplicate(s, title, ctitle):
            best[dup or cid] = max(best.get(dup or cid, 0.0), round(s, 4))
    return best


# people: store/people_link.py (one entry per person)

# organizations --------------------------------------------------------------------------

def _link_orgs(conn: Connection, article: Article, aid: str) -> None:
    """The article's organizations into stored ones across spellings (:mod:`hoptac.store.org_link`)."""
    link_orgs(conn, article, aid)


# events --------------------------------------------------------------------------------

def _link_events(conn: Connection, article: Article, aid: str, people: dict[str, str], *, create: bool,
                 dup_of: str | None) -> set[str]:
    """The article's events into occasions (:mod:`hoptac.store.occasions`); the occasions weighed."""
    return link_events(conn, article, aid, people, create=create, dup_of=dup_of, person_for=_person_for,
                new_id=partial(_event_id, conn, article, aid))


def _relink(conn: Connection, article: Article, aid: str, dup_of: str | None, idxs: set[int]) -> set[str]:
    """Link some of a stored article's events again (:mod:`hoptac.store.relink`), its people as already linked
    (as this write linked them, else as the store resolves them now)."""
    known = conn.info.setdefault("linked_people", {})
    people = known.get(aid)
    if people and len(set(conn.execute(sa.select(t.people.c.id).where(t.people.c.id.in_(sorted(set(people.values())))))
                          .scalars())) < len(set(people.values())):
        people = None  # an entry it linked to was merged away since (people_link): resolved again
    if people is None:
        people = known[aid] = _link_people(conn, article, aid, sort_key(article.published), create=False)
    return link_events(conn, article, aid, people, create=dup_of is None, dup_of=dup_of, person_for=_person_for,
                       new_id=partial(_event_id, conn, article, aid), only=idxs)


def _replace_reports(conn: Connection, aid: str) -> None:
    """Place an article's event reports, and its near-duplicates', again with its people as the store
    now links them (a bare mention of it moved to another person: :mod:`hoptac.store.people_settle`)."""
    es, a = t.event_sources.c, t.articles.c
    known = conn.info.setdefault("linked_people", {})
    rows = conn.execute(sa.select(a.id, a.data, a.duplicate_of).where(sa.or_(a.id == aid, a.duplicate_of == aid))
                        .order_by(a.duplicate_of.is_not(None), a.id)).all()
    for r in rows:
        known.pop(r.id, None)
        idxs = set(conn.execute(sa.select(es.idx).where(es.article_id == r.id)).scalars())
        if not idxs or not r.data:
            continue
        drop_reports(conn, r.id, idxs)
        _relink(conn, Article.from_dict(r.data), r.id, r.duplicate_of, idxs)


def _event_id(conn: Connection, article: Article, aid: str, idx: int) -> str:
    """A new event's id: the one its report's event had before a rebuild (a stable permalink), else
    derived from the article and the report's place in it."""
    natural = _hid("e_", aid, str(idx))
    old = retired_id(conn, aid, article.events[idx].evidence)
    if old and old != natural and old in {_hid("e_", aid, str(j)) for j in range(len(article.events))}:
        old = None  # the id another report of this article started: that report takes it back
    return born(conn, _free_id(conn, old or natural))


# statements and search --------------------------------------------------------------------

def _write_statements(conn: Connection, article: Article, aid: str, date: str | None,
                      people: dict[str, str]) -> list[tuple[str, str, str]]:
    """Store the article's statements with their threads and topics; their search documents to index."""
    from ..extract.dating import date_records

    date_records(article)  # articles built by hand or read back from an export: date what is not
    rows, threads, topics = [], [], []
    for i, s in enumerate(article.statements):
        sid = f"{aid}.s{i}"
        when = sort_key(s.date) if s.date else date  # the dates stage's, else the article's
        rows.append({"id": sid, "article_id": aid, "idx": i, "actor": s.actor, "person_id": _person_for(s.actor, people),
                     "side": s.side, "act": s.act, "addressee_side": s.addressee_side, "text": s.text,
                     "evidence_start": s.evidence[0], "evidence_end": s.evidence[1], "date_sort": when,
                     "date_provenance": s.date_provenance if s.date else article.published_provenance,
                     "topics": list(s.topics), "threads": list(dict.fromkeys([*s.threads, *s.subthreads])),
                     "amounts": [a.to_dict() for a in s.amounts]})
        sig = signal(s.act, s.text)
        money = any(a.kind == "money" for a in s.amounts)
        threads += [{"statement_id": sid, "thread": th, "signal": g, "entry_order": order_key(when, g, aid, i),
                     "side": s.side, "act": s.act, "has_money": money, "copy_of": None}
                    for th, g in entry_signals(sig, s.threads, s.subthreads).items()]
        topics += [{"statement_id": sid, "topic": tp} for tp in dict.fromkeys(s.topics)]
    if rows:
        conn.execute(t.statements.insert(), rows)
        link_claims(conn, rows)  # a statement other outlets carried is one claim
    if threads:
        changed: dict[str, str] = {}
        for r in threads:
            changed[r["thread"]] = min(changed.get(r["thread"], r["entry_order"]), r["entry_order"])
        link_copies(conn, rows, threads, changed)  # a statement other outlets carried counts once
        conn.execute(t.statement_threads.insert(), threads)
        touch_threads(conn, changed)
    if topics:
        conn.execute(t.statement_topics.insert(), topics)
    return [("statement", r["id"], r["text"]) for r in rows]


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
