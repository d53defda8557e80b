"""The :class:`Store`: one object over a database for the CLI, the API and the tests."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy.engine import Engine

from ..model import Article
from ..pipeline import Result
from ..settings import DEFAULT, Settings
from . import events as ev
from . import people as pp
from . import queries as q
from . import search as se
from . import stats as st
from . import threads as th
from .db import CACHE_MB, make_engine, migrate
from .queries import Filters
from .summary import bump, cached, query_key
from .tallies import flush as flush_tallies
from .writer import IngestReport, write_batch

log = logging.getLogger(__name__)
NO_FILTERS = Filters()


class Store:
    """The knowledge base over one database (SQLite file or PostgreSQL)."""

    def __init__(self, engine: Engine, settings: Settings = DEFAULT):
        self.engine = engine
        self.settings = settings

    @classmethod
    def open(cls, url: str, *, create: bool = True, settings: Settings = DEFAULT, cache_mb: int = CACHE_MB) -> Store:
        """Open the store at ``url`` (a SQLAlchemy URL or a file path), migrating it to the newest schema;
        ``cache_mb``: SQLite page cache per connection (a server passes less: it pools many)."""
        engine = make_engine(url, create=create, cache_mb=cache_mb)
        migrate(engine)
        return cls(engine, settings)

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # writing ---------------------------------------------------------------------------

    def ingest(self, results: Iterable[Result | Article], *, batch_size: int = 50,
               on_batch: Callable[[IngestReport], None] | None = None, refresh: bool = False) -> IngestReport:
        """Store articles (or pipeline results) in transactions of ``batch_size``; idempotent.

        Results carrying an error are recorded as skipped. ``on_batch`` is called with each
        committed batch's report. With ``refresh``, known articles are rebuilt from the new
        extraction instead of being left unchanged.
        """
        report = IngestReport()
        batch: list[Article] = []
        for item in results:
            if isinstance(item, Result):
                if item.article is None:
                    report.skipped.append((item.source, item.error or "unknown error"))
                    continue
                item = item.article
            batch.append(item)
            if len(batch) >= batch_size:
                self._commit(batch, report, on_batch, refresh)
                batch = []
        if batch:
            self._commit(batch, report, on_batch, refresh)
        return report

    def ingest_sources(self, sources: Iterable[str], settings: Settings | None = None, *,
                       feeds: Iterable[str] = (), batch_size: int = 50,
                       on_batch: Callable[[IngestReport], None] | None = None,
                       on_skip: Callable[[str, str], None] | None = None, refresh: bool = False) -> IngestReport:
        """Read, extract and store sources; inputs whose raw text is already stored skip extraction.

        Steps: read every source; decode each document and look its raw hash up (a known
        one only records the source, counted ``unchanged``; not with ``refresh``); run the
        pipeline over the rest; store the results in batches (:meth:`ingest`). ``on_skip``
        hears each skipped source.
        """
        from ..ingest import read_sources
        from ..link.dedupe import raw_hash
        from ..pipeline import Result, pipe

        settings = settings or self.settings
        known = IngestReport()

        def lookup(doc: object, article: Article) -> Result | None:
            if refresh:
                return None
            aid = self.known_raw(raw_hash(article.raw))
            if not aid:
                return None
            self._record_source(aid, getattr(doc, "source", "?"))
            known.unchanged += 1
            known.ids.append(aid)
            return Result(article.source)  # neither article nor error: already stored

        def results() -> Iterable[Result]:
            for r in pipe(read_sources(sources, settings, feeds=feeds), settings, known=lookup):
                if r.article is None and r.error is None:
                    continue
                if r.article is None and on_skip:
                    on_skip(r.source, r.error or "unknown error")
                yield r

        report = self.ingest(results(), batch_size=batch_size, on_batch=on_batch, refresh=refresh)
        report.add(known)
        self.refresh_threads()
        return report

    def known_raw(self, h: str) -> str | None:
        """The id of the stored article whose raw input has this hash (see link.dedupe.raw_hash)."""
        import sqlalchemy as sa

        from . import schema as t

        with self.engine.connect() as conn:
            return conn.execute(sa.select(t.articles.c.id).where(t.articles.c.raw_hash == h).limit(1)).scalar()

    def _record_source(self, aid: str, source: str) -> None:
        from .writer import add_source

        with self.engine.begin() as conn:
            add_source(conn, aid, source)

    def _commit(self, batch: list[Article], report: IngestReport,
                on_batch: Callable[[IngestReport], None] | None, refresh: bool = False) -> None:
        part = self.write(batch, refresh=refresh)
        report.add(part)
        if on_batch:
            on_batch(part)

    def write(self, batch: list[Article], *, refresh: bool = False) -> IngestReport:
        """Store one batch of articles in one transaction (the writer of a parallel ingest)."""
        with self.engine.connect() as conn:
            conn.info["immediate"] = True  # SQLite: take the write lock first, so writers queue, never deadlock
            try:
                with conn.begin():
                    return write_batch(conn, batch, refresh=refresh)
            finally:
                conn.info.pop("immediate", None)

    def refresh_threads(self) -> list[str]:
        """Bring every stale thread summary up to date (the end of each ingest calls it); their ids."""
        return th.refresh_stale(self.engine)

    def add_article(self, article: Article) -> str:
        """Store one article; returns its id (the existing id when already stored)."""
        rep = self.write([article])
        if rep.skipped:
            raise ValueError(rep.skipped[0][1])
        return rep.ids[0]

    # reading ---------------------------------------------------------------------------

    def _read(self, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        """``fn(conn, *args, **kw)``, a pure read, kept per store generation (:mod:`hoptac.store.summary`)."""
        if fn.__name__ == "<lambda>":  # a closure's captured values are not in a key: read, never kept
            with self.engine.connect() as conn:
                return fn(conn, *args, **kw)
        key = query_key(f"{fn.__module__}.{fn.__qualname__}", None, args, sorted(kw.items()))
        return self._summary(key, fn, *args, **kw)

    def _summary(self, key: str, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        """``fn(conn, *args, **kw)`` kept per store generation under ``key``; each caller gets its own copy (it may change it)."""
        with self.engine.connect() as conn:
            return cached(conn, key, lambda c: fn(c, *args, **kw), copy=True)

    def articles(self, f: Filters = NO_FILTERS) -> dict[str, Any]:
        """Articles (duplicates folded into their original), newest first."""
        return self._read(q.list_articles, f)

    def article(self, id: str) -> dict[str, Any] | None:
        """One article's full export plus id, sources, duplicates, linked ids and corrections."""
        from .curation_view import annotate_article

        with self.engine.connect() as conn:  # one indexed row; not kept (an export can be megabytes)
            found = q.get_article(conn, id)
            return found and annotate_article(conn, found)

    def people(self, f: Filters = NO_FILTERS) -> dict[str, Any]:
        """Linked people, most often named first."""
        return self._read(pp.list_people, f)

    def person(self, id_or_name: str, *, limit: int | None = None, offset: int = 0,
               offsets: dict[str, int] | None = None) -> dict[str, Any] | None:
        """One person: aliases, side, titles over time, articles, events, statements (pages of them with ``limit``;
        ``offsets`` pages each list on its own)."""
        return self._read(_person, id_or_name, limit=limit, offset=offset, offsets=offsets)

    def organizations(self, f: Filters = NO_FILTERS) -> dict[str, Any]:
        """Organizations, most often named first."""
        return self._read(q.list_organizations, f)

    def events(self, f: Filters = NO_FILTERS) -> dict[str, Any]:
        """Deduplicated events, each with its sources."""
        return self._read(ev.list_events, f)

    def event(self, id: str) -> dict[str, Any] | None:
        """One occasion: participants, sources, the occasion it is part of, its parts."""
        return self._read(_event, id)

    def meetings(self, f: Filters = NO_FILTERS, other: str | None = None, *, listed: int = ev.LISTED) -> dict[str, Any]:
        """Who met whom, how often: pairs of people by the occasions they met at (not rows), each
        with its ``listed`` latest occasions."""
        return self._read(ev.meetings, f, other, listed=listed)

    def statements(self, f: Filters = NO_FILTERS) -> dict[str, Any]:
        """Statements in date order."""
        return self._read(q.list_statements, f)

    def timeline(self, f: Filters = NO_FILTERS) -> dict[str, Any]:
        """Events grouped by date."""
        return self._read(ev.timeline, f)

    def threads(self) -> list[dict[str, Any]]:
        """Every thread with its labels, status, entry count and last date."""
        return self._read(th.list_threads, self.settings)

    def thread(self, id: str, *, limit: int | None = None, offset: int = 0) -> dict[str, Any] | None:
        """One thread's dated entries (a page of them with ``limit``), status, status history, money by kind."""
        return self._read(th.get_thread, id, self.settings, limit=limit, offset=offset)

    def search(self, query: str, *, fold: bool = True, limit: int = 20, offset: int = 0) -> dict[str, Any]:
        """Ranked full-text hits over articles and statements with ``<mark>`` snippets."""
        return self._read(se.search, query, fold=fold, limit=limit, offset=offset)

    def stats(self) -> dict[str, Any]:
        """Counts, per-month series, topics, most active people and orgs, thread statuses."""
        return self._read(_stats, self.settings)

    # curation (store/curation.py) -------------------------------------------------------

    def correct(self, kind: str, params: dict[str, Any], *, why: str, who: str) -> dict[str, Any]:
        """Make one correction (kind, current ids in ``params``) and apply it; its row."""
        from .curation import record

        row = self._curate(lambda conn: record(conn, kind, params, why=why, who=who, settings=self.settings))
        self.refresh_threads()
        return row

    def _curate(self, fn: Callable[[Any], Any]) -> Any:
        """Run a curation write in one transaction, taking turns with the ingest writers."""
        import sqlalchemy as sa

        from .writer import WRITE_LOCK

        with self.engine.connect() as conn:
            conn.info["immediate"] = True  # SQLite: the write lock first, as Store.write takes it
            try:
                with conn.begin():
                    if conn.dialect.name == "postgresql":
                        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
                    bump(conn)  # readers' summaries are of the store before this correction
                    out = fn(conn)
                    flush_tallies(conn)  # the counts of what it changed (store/tallies.py)
                    return out
            finally:
                conn.info.pop("immediate", None)

    def undo_correction(self, cid: str, *, why: str, who: str) -> dict[str, Any]:
        """Undo a correction (an undo row; its articles rebuilt); the undo row."""
        from .curation import undo

        row = self._curate(lambda conn: undo(conn, cid, why=why, who=who))
        self.refresh_threads()
        return row

    def corrections(self, **kw: Any) -> dict[str, Any]:
        """Corrections, newest first (``status``, ``kind``, ``ref``, ``limit``, ``offset``)."""
        from .curation import listing

        return self._read(listing, **kw)

    def correction(self, cid: str) -> dict[str, Any] | None:
        """One correction."""
        from .curation import get

        return self._read(get, cid)

    def export_corrections(self) -> list[str]:
        """Every correction and undo as JSON Lines."""
        from .curation import export_list

        return self._read(export_list)

    def import_corrections(self, lines: Iterable[str]) -> dict[str, Any]:
        """Add and apply the corrections of a JSON Lines export; idempotent."""
        from .curation import import_lines

        out = self._curate(lambda conn: import_lines(conn, lines))
        self.refresh_threads()
        return out

    def browse_statements(self, view: Any) -> dict[str, Any]:
        """A page of statements for a :class:`hoptac.store.browse.StatementView` (filters, act, actor, outlet, sort)."""
        from .browse import browse_statements

        return self._read(browse_statements, view)

    def statement(self, id: str) -> dict[str, Any] | None:
        """One statement with its article's title, date, outlet and URL."""
        from .browse import get_statement

        return self._read(get_statement, id)

    def organization(self, id_or_name: str, *, limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
        """One organization across its spellings: people with titles there, events, statements."""
        return self._read(_organization, id_or_name, limit=limit, offset=offset)

    def network(self, f: Filters = NO_FILTERS, by: str = "person", max_edges: int = 150) -> dict[str, Any]:
        """Who meets whom: people (or organizations) as nodes, merged occasions as edges."""
        from .network import network

        return self._read(network, f, by, max_edges)

    def suggest_people(self, name: str, n: int = 3) -> list[str]:
        """The names of the people closest to ``name`` (for "did you mean")."""
        from .suggest import suggest_people

        return self._read(suggest_people, name, n)

    def export(self, fmt: str, out: Any, *, table: str = "articles", f: Filters | None = None) -> int:
        """Write records as json, jsonl, csv or parquet (see :func:`hoptac.store.export.export`)."""
        from .export import export

        return export(self, fmt, out, table=table, f=f)


def _stats(conn: Any, settings: Settings) -> dict[str, Any]:
    """The stats with every thread's status (one read, kept as one summary)."""
    return st.stats(conn, th.list_threads(conn, settings))


def _person(conn: Any, id_or_name: str, *, limit: int | None = None, offset: int = 0,
            offsets: dict[str, int] | None = None) -> dict[str, Any] | None:
    """One person's page with the corrections that apply to it."""
    from .curation_view import annotate_person

    found = pp.get_person(conn, id_or_name, limit=limit, offset=offset, offsets=offsets)
    return found and annotate_person(conn, found)


def _organization(conn: Any, id_or_name: str, *, limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
    """One organization's page with the corrections that apply to it."""
    from .curation_view import annotate_org
    from .orgs import get_organization

    found = get_organization(conn, id_or_name, limit=limit, offset=offset)
    return found and annotate_org(conn, found)


def _event(conn: Any, id: str) -> dict[str, Any] | None:
    """One occasion with the corrections that apply to it; an id that went finds the event holding its report."""
    from .curation_view import annotate_event
    from .event_ids import resolve

    found = ev.get_event(conn, id)
    if found is None and (now := resolve(conn, id)):
        found = ev.get_event(conn, now)
    return found and annotate_event(conn, found)
