"""Parallel ingest on one machine: worker processes extract, the parent alone writes.

Steps of :func:`ingest_parallel`:

1. expand the sources lazily into units (files of directories one by one, see ``units``)
   and group them into chunks;
2. keep at most ``2 × workers`` chunks in flight in a process pool (``forkserver``); each
   worker runs read + clean + extract (``hoptac.pipeline.pipe``) on its chunk, except for
   inputs whose raw text the store already holds (their stored record is sent back);
3. take the chunks back *in submission order* and hand their results to ``store.ingest``
   in batches (the parent is the single writer, so SQLite works and the outcome is the
   same as a single-process run);
4. show a progress bar and print a summary naming every skipped source and why.

Memory stays bounded whatever the corpus size: no list of documents or files is built, and
only the chunks in flight are held.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ..pipeline import Result
from ..settings import DEFAULT, Settings
from . import work
from .lifeline import end_with_parent
from .progress import IngestProgress
from .units import Unit, chunked, count_units, iter_units

#: Files per chunk: small enough to balance the load, large enough to amortise the hand-off.
CHUNK_SIZE = 16


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(settings: Settings, ingest_pid: int) -> None:
    end_with_parent(ingest_pid)  # a killed ingest leaves no worker behind
    work.warm_up(settings)


def extracted_chunks(chunks: Iterable[list[Unit]], settings: Settings, workers: int,
                     store_url: str | None = None) -> Iterator[list[Result]]:
    """The results of every chunk, in order, extracted by ``workers`` processes (1: in this one).

    With ``store_url``, inputs the store already holds are not extracted again.
    """
    if workers <= 1:
        for chunk in chunks:
            yield work.process_chunk(chunk, settings, store_url)
        return
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["hoptac.pipeline", "hoptac.ingest", "hoptac.scale.work"])
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(settings, os.getpid())) as pool:
        inflight: deque[Future[list[Result]]] = deque()
        it = iter(chunks)
        try:
            for chunk in it:
                inflight.append(pool.submit(work.process_chunk, chunk, settings, store_url))
                if len(inflight) >= 2 * workers:
                    yield inflight.popleft().result()
            while inflight:
                yield inflight.popleft().result()
        finally:
            for fut in inflight:
                fut.cancel()


def batches(results: Iterable[list[Any]], size: int) -> Iterator[list[Any]]:
    """Regroup chunk results (Results or Articles) into write batches of ``size``."""
    pending: list[Any] = []
    for chunk in results:
        pending.extend(chunk)
        while len(pending) >= size:
            yield pending[:size]
            pending = pending[size:]
    if pending:
        yield pending


def refresh_statistics(store: Any) -> None:
    """Refresh the database's query-planner statistics (``ANALYZE``; bounded sampling on SQLite).

    Without them SQLite picks a low-selectivity index (``events.family``) for the event-linking
    query and every write slows down as the store grows (8.6 ms against 0.2 ms per lookup at
    33,000 events); with them the plan starts from the participants index.
    """
    with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
        conn.exec_driver_sql("ANALYZE")


def write(store: Any, results: Iterable[list[Any]], *, batch_size: int, progress: IngestProgress) -> Any:
    """Write result batches with ``store.ingest`` (one call per batch); the summed report.

    Planner statistics are refreshed as the store grows (after 1,000 documents, then each
    time the count doubles) and at the end, where stale thread summaries are brought up to date.
    """
    total, done, next_refresh = None, 0, 1000
    for batch in batches(results, batch_size):
        report = store.ingest(batch, batch_size=batch_size)
        progress.update(len(batch), report)
        total = work.add_reports(total, report)
        done += len(batch)
        if done >= next_refresh:
            refresh_statistics(store)
            next_refresh = 2 * done
    if total is None:
        return store.ingest([], batch_size=batch_size)
    refresh_statistics(store)
    store.refresh_threads()
    return total


def ingest_parallel(sources: Iterable[str], store: Any, *, settings: Settings = DEFAULT,
                    workers: int | None = None, batch_size: int = 50, progress: bool = True,
                    feeds: Iterable[str] = (), chunk_size: int = CHUNK_SIZE) -> Any:
    """Read, clean and extract the sources in worker processes and write them from this one."""
    sources = list(sources)  # the source arguments, not their contents
    feeds = list(feeds)
    n = workers or default_workers()
    chunks = chunked(iter_units(sources, feeds=feeds), chunk_size)
    with IngestProgress(enabled=progress) as bar:
        if not feeds:
            bar.count_in_background(lambda: count_units(sources))
        results = extracted_chunks(chunks, settings, n, work.shareable_url(store))
        report = write(store, results, batch_size=batch_size, progress=bar)
    bar.summary()
    return report
