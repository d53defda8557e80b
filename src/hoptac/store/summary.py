"""Maintained summaries: listing pages, totals and stats that reads take from memory, not scans.

Every write transaction of the store bumps one counter, the store's *generation*
(``store_meta``, migration 0018; :func:`bump` is called by the writer's batch and by any other
code that changes what readers see). A summary — a listing page with its total, the stats —
is computed once per generation and kept in the process that serves reads, keyed by the query
(its SQL and parameters), so a store of a million articles answers its listings, totals and
stats from memory while nothing is written.

When the store changes, the read that finds a summary stale recomputes it: a library caller
always gets figures of the store as it is. A server opts in to serving stale summaries
(:func:`serve_stale`, done by the API app): a summary that took longer than the given seconds
to compute is then served as it was while one background thread recomputes it
(stale-while-revalidate), so a reader never waits for a full recount because an article was
just posted, and the figures catch up within one recount; cheaper ones are still recomputed on
the read. A summary never computed is computed on the read that first asks (the cold start).

The processes of one server (``hoptac serve --workers N``) share what they compute through a
folder (:mod:`hoptac.store.shared_summaries`), so a summary is computed once per generation by
the server, not once per process.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from . import schema as t
from .shared_summaries import shared_summaries

log = logging.getLogger(__name__)

#: What a server passes to :func:`serve_stale`: summaries slower than this are served stale meanwhile.
SERVER_STALE_AFTER_S = 0.5
#: Summaries kept per store (least recently used go first), by count and by approximate size.
MAX_ENTRIES = 512
MAX_BYTES = 128 * 1024 * 1024
#: A summary larger than this is computed for its reader and not kept.
MAX_ENTRY_BYTES = 16 * 1024 * 1024

#: How deep this thread is in computing summaries: a summary built from others reads them fresh.
_computing = threading.local()

_GEN = sa.select(t.store_meta.c.value).where(t.store_meta.c.key == "generation")


def generation(conn: Connection) -> int:
    """The store's current generation (0 on a store that has never been written)."""
    return int(conn.execute(_GEN).scalar() or 0)


def bump(conn: Connection) -> None:
    """Mark the store changed, inside the caller's write transaction."""
    m = t.store_meta.c
    if conn.execute(t.store_meta.update().where(m.key == "generation").values(value=m.value + 1)).rowcount == 0:
        conn.execute(t.store_meta.insert(), {"key": "generation", "value": 1})


@dataclass
class _Entry:
    generation: int
    value: Any
    seconds: float
    size: int = 0
    #: a summary kept for readers that each get their own copy: its pickle (``value`` is then None)
    blob: bytes | None = None

    def read(self) -> Any:
        """The summary: the kept value, or a fresh copy of it (unpickled: several times faster than
        ``copy.deepcopy`` for the dicts and lists a page is made of)."""
        return pickle.loads(self.blob) if self.blob is not None else self.value


def _pickled(value: Any) -> bytes | None:
    """The summary's pickle (its size is the summary's approximate size), None if it cannot be pickled."""
    try:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # not picklable: not measured, so not kept
        return None


class Summaries:
    """The summaries of one store (one engine), in this process."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.entries: OrderedDict[str, _Entry] = OrderedDict()
        self.lock = threading.Lock()
        self.running: set[str] = set()
        self.inflight: dict[tuple[str, int], threading.Event] = {}
        self.bytes = 0  # the approximate size of the entries kept
        #: Serve a stale summary that took at least this long (seconds) while recomputing it; None: never.
        self.stale_after: float | None = None
        #: The summaries the server's other processes computed (``$HOPTAC_SUMMARY_DIR``), or None.
        self.shared = shared_summaries(engine.url.render_as_string(hide_password=True))

    def get(self, conn: Connection, key: str, compute: Callable[[Connection], Any], copy: bool = False) -> Any:
        """The summary ``key``, computed by ``compute(conn)`` (see the module docstring); with
        ``copy``, each reader gets its own copy (it may change it) and only the pickle is kept."""
        gen = generation(conn)
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
        if entry is not None and entry.generation == gen:
            return entry.read()
        stale_ok = self.stale_after is not None and not getattr(_computing, "depth", 0)
        if entry is not None and stale_ok and entry.seconds >= self.stale_after:
            self._refresh_later(key, compute, copy)
            return entry.read()
        return self._compute(conn, key, compute, gen, copy)

    def _compute(self, conn: Connection, key: str, compute: Callable[[Connection], Any], gen: int,
                 copy: bool = False) -> Any:
        """Compute once: concurrent readers of the same key and generation wait for the first."""
        with self.lock:
            waiting = self.inflight.get((key, gen))
            if waiting is None:
                self.inflight[(key, gen)] = threading.Event()
        if waiting is not None:
            waiting.wait()
            with self.lock:
                entry = self.entries.get(key)
            if entry is not None and entry.generation >= gen:
                return entry.read()
            return compute(conn)  # the first reader failed: this one computes for itself
        _computing.depth = getattr(_computing, "depth", 0) + 1  # what a summary reads must be fresh
        try:
            t0 = time.perf_counter()
            got = self.shared.load(key, gen) if self.shared is not None else None
            if got is not None:  # another process of the server computed it for this generation
                seconds, blob = got
                value = pickle.loads(blob)
            else:
                value = compute(conn)
                seconds, blob = time.perf_counter() - t0, _pickled(value)
                if self.shared is not None and blob is not None and len(blob) <= MAX_ENTRY_BYTES:
                    self.shared.save(key, gen, seconds, blob)
            size = len(blob) if blob is not None else MAX_ENTRY_BYTES + 1
            entry = _Entry(gen, None if copy else value, seconds, size, blob if copy else None)
            if entry.size > MAX_ENTRY_BYTES:
                return value
            with self.lock:
                old = self.entries.get(key)
                if old is None or old.generation <= gen:
                    self.bytes += entry.size - (old.size if old else 0)
                    self.entries[key] = entry
                    self.entries.move_to_end(key)
                while len(self.entries) > MAX_ENTRIES or (self.bytes > MAX_BYTES and len(self.entries) > 1):
                    self.bytes -= self.entries.popitem(last=False)[1].size
            return value
        finally:
            _computing.depth -= 1
            with self.lock:
                self.inflight.pop((key, gen)).set()

    def _refresh_later(self, key: str, compute: Callable[[Connection], Any], copy: bool = False) -> None:
        with self.lock:
            if key in self.running:
                return
            self.running.add(key)

        def run() -> None:
            try:
                with self.engine.connect() as conn:
                    self._compute(conn, key, compute, generation(conn), copy)
            except Exception:  # the stale summary stays; the next read tries again
                log.warning("could not recompute the summary %s", key[:80], exc_info=True)
            finally:
                with self.lock:
                    self.running.discard(key)

        threading.Thread(target=run, name="hoptac-summary", daemon=True).start()


_STORES: weakref.WeakKeyDictionary[Engine, Summaries] = weakref.WeakKeyDictionary()
_STORES_LOCK = threading.Lock()


def summaries(conn: Connection) -> Summaries:
    """The summaries of the store ``conn`` belongs to."""
    engine = conn.engine
    with _STORES_LOCK:
        s = _STORES.get(engine)
        if s is None:
            s = _STORES[engine] = Summaries(engine)
        return s


def serve_stale(engine: Engine, after_s: float = SERVER_STALE_AFTER_S) -> None:
    """Let reads of this store take a stale summary that costs ``after_s`` or more to recompute."""
    with _STORES_LOCK:
        s = _STORES.get(engine)
        if s is None:
            s = _STORES[engine] = Summaries(engine)
    s.stale_after = after_s


def query_key(kind: str, q: sa.Select[Any] | None = None, *extra: Any) -> str:
    """A summary key: the kind, the query's SQL with its parameters, and any extra values."""
    parts = [kind]
    if q is not None:
        compiled = q.compile()
        parts += [str(compiled), repr(sorted(compiled.params.items(), key=lambda kv: kv[0]))]
    parts += [repr(x) for x in extra]
    return kind + ":" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def cached(conn: Connection, key: str, compute: Callable[[Connection], Any], *, copy: bool = False) -> Any:
    """``compute(conn)`` once per generation of the store (see :class:`Summaries`); ``copy``: every
    caller gets its own copy of it."""
    return summaries(conn).get(conn, key, compute, copy)
