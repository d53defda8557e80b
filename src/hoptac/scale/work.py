"""The work one worker does on one chunk of units: read, clean, extract (``pipeline.pipe``).

Shared by the local process pool and the Dask engine, so that both run exactly the code a
single-process ingest runs. A reader that fails in an unexpected way costs its unit, not
the chunk: the unit is reported as skipped with the error, and logged.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import fields
from itertools import islice
from typing import Any

from ..errors import one_line
from ..model import Article
from ..pipeline import Result, process
from ..settings import Settings
from .units import Unit

log = logging.getLogger(__name__)


def process_unit(unit: Unit, settings: Settings, known: Known | None = None) -> Iterator[Result]:
    """Every Result of one unit; each document through the pipeline's guard (``pipeline.process``).

    With ``known``, a document whose raw input the store already holds is not extracted
    again: its stored record comes back instead (the writer counts it ``unchanged``). A
    reader that fails in an unexpected way ends its unit with one skipped Result naming it.
    """
    from ..ingest import read_sources

    if unit.error is not None:  # the walk could not read this entry
        yield Result(one_line(unit.source), error=one_line(unit.error))
        return
    paths, feeds = ([], [unit.source]) if unit.feed else ([unit.source], [])
    lookup = known.lookup if known is not None else None
    try:
        docs: Iterable[object] = read_sources(paths, settings, feeds=feeds)
        if unit.take is not None:  # one batch of an archive's documents
            docs = islice(docs, unit.skip, unit.skip + unit.take)
        for doc in docs:
            yield process(doc, settings, lookup)
    except Exception as exc:  # a bug in a reader: name the source, keep the batch going
        log.debug("reading %s failed", unit.source, exc_info=True)
        yield Result(unit.source, error=one_line(f"internal error reading: {type(exc).__name__}: {exc}"))


def process_chunk(units: Iterable[Unit], settings: Settings, store_url: str | None = None) -> list[Result]:
    """Every Result of a chunk of units, in order, ready to send back to the writer.

    ``store_url``: the store the results go to, read here to skip inputs it already holds.
    """
    known = Known.for_url(store_url) if store_url else None  # None: every input is extracted
    return [slim(r) for unit in units for r in process_unit(unit, settings, known)]


class Known:
    """Read access to a store from a worker: is this raw input already stored, and as what."""

    def __init__(self, store: Any):
        self.store = store

    @classmethod
    def for_url(cls, url: str) -> Known | None:
        """The (cached, per process) reader of the store at ``url``; no migration, no writes.

        None (logged once) when this process cannot reach the store, e.g. a remote Dask worker
        and a SQLite file on the client: then every input is extracted.
        """
        if url not in _KNOWN:
            import sqlalchemy as sa

            from ..store import Store
            from ..store.db import make_engine

            try:
                store = Store(make_engine(url, create=False))
                with store.engine.connect() as conn:
                    conn.execute(sa.text("SELECT 1 FROM articles LIMIT 1"))
                _KNOWN[url] = cls(store)
            except (OSError, sa.exc.SQLAlchemyError) as exc:
                log.warning("cannot read the store from this worker (%s): known inputs are extracted again",
                            str(exc).splitlines()[0])
                _KNOWN[url] = None
        return _KNOWN[url]

    def lookup(self, doc: object, article: Article) -> Result | None:
        """The stored article for a decoded document whose raw input is known, else None."""
        from ..link.dedupe import raw_hash

        aid = self.store.known_raw(raw_hash(article.raw))
        data = self.store.article(aid) if aid else None
        if data is None:
            return None
        stored = Article.from_dict(data)
        stored.source, stored.raw = getattr(doc, "source", "?"), article.raw
        return Result(stored.source, article=stored)


_KNOWN: dict[str, Known | None] = {}


def shareable_url(store: Any) -> str | None:
    """The URL other processes can open the store by (None for an in-memory database)."""
    url = store.engine.url
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return None
    return url.render_as_string(hide_password=False)


def slim(result: Result) -> Result:
    """Drop the per-token annotations the store never reads, so results travel light."""
    if result.article is not None:
        result.article.sentences = []
    return result


def warm_up(settings: Settings) -> None:
    """Import every stage once so models load before the first timed chunk."""
    from ..pipeline import DEFAULT_STAGES, get_stage

    for name in settings.stages or DEFAULT_STAGES:
        get_stage(name)


def add_reports(total: Any, part: Any) -> Any:
    """The sum of two IngestReports: ``total.add(part)`` in place (lists extend, never copied)."""
    if total is None:
        return part
    if hasattr(total, "add"):
        total.add(part)
        return total
    return type(total)(**{f.name: getattr(total, f.name) + getattr(part, f.name) for f in fields(total)})
