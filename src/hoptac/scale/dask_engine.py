"""The distributed engine: reading, cleaning and extraction as tasks on a Dask cluster.

Steps of :func:`ingest_dask`:

1. connect to the scheduler at ``scheduler`` (or start a ``LocalCluster`` of one worker
   process per core when it is None);
2. expand the sources lazily into chunks of units (one file each, or one archive) and
   submit one task per chunk, at most ``window`` tasks in flight, so memory stays bounded;
3. each task runs :func:`hoptac.scale.work.process_chunk` and then, by ``mode``:
   - ``shards``: writes its results to one Parquet shard in ``shards_dir`` (a directory
     every worker can reach) for ``hoptac load`` to import;
   - ``workers``: writes them itself into the shared store (PostgreSQL: several writers);
   - ``client``: sends them back, and this process writes them, in submission order, as
     the only writer (SQLite, or when the workers cannot reach the database);
4. show progress and print a summary naming every skipped source and why.

The workers need hoptac installed (the same version) and, for shards, the shared directory.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..pipeline import Result
from ..settings import DEFAULT, Settings
from . import work
from .parallel import CHUNK_SIZE, default_workers, write
from .progress import IngestProgress
from .shards import shard_name, write_shard
from .units import Unit, chunked, count_units, iter_units

MODES = ("client", "workers", "shards")


@dataclass
class ShardReport:
    """What a run into Parquet shards did: shards and articles written, sources skipped."""

    shards: int = 0
    stored: int = 0  # articles written into shards
    skipped: list[tuple[str, str]] = field(default_factory=list)
    duplicates: int = 0  # known only when the shards are loaded
    unchanged: int = 0  # known only when the shards are loaded
    refreshed: int = 0  # shards never refresh

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-able data."""
        return {"shards": self.shards, "stored": self.stored,
                "skipped": [{"source": s, "reason": r} for s, r in self.skipped]}

    def add(self, other: ShardReport) -> None:
        """Fold another report into this one."""
        self.shards += other.shards
        self.stored += other.stored
        self.skipped.extend(other.skipped)


# tasks (run on the workers) --------------------------------------------------------------

def extract_task(units: list[Unit], settings: Settings, store_url: str | None = None) -> list[Result]:
    """Extract one chunk and send the results back (inputs the store holds are not extracted)."""
    return work.process_chunk(units, settings, store_url)


def shard_task(units: list[Unit], settings: Settings, path: str) -> ShardReport:
    """Extract one chunk into one Parquet shard."""
    results = work.process_chunk(units, settings)
    write_shard(results, Path(path))
    skipped = [(r.source, r.error or "unknown error") for r in results if r.article is None]
    return ShardReport(shards=1, stored=len(results) - len(skipped), skipped=skipped)


_STORES: dict[str, Any] = {}


def store_task(units: list[Unit], settings: Settings, store_url: str, batch_size: int) -> Any:
    """Extract one chunk and write it into the shared store from this worker."""
    from ..store import Store

    store = _STORES.get(store_url)
    if store is None:
        store = _STORES[store_url] = Store.open(store_url, settings=settings)
    results = work.process_chunk(units, settings, store_url)
    report = store.ingest(results, batch_size=batch_size)
    raced = {src for src, reason in report.skipped if "IntegrityError" in reason}
    if raced:  # another worker inserted the same person or event meanwhile: once more, now visible
        again = store.ingest([r for r in results if r.source in raced], batch_size=batch_size)
        report.skipped = [s for s in report.skipped if s[0] not in raced]
        report.add(again)
    return report


# the client ------------------------------------------------------------------------------

@contextlib.contextmanager
def connect(scheduler: str | None, workers: int | None = None) -> Iterator[Any]:
    """A dask.distributed Client on ``scheduler``, or on a new LocalCluster when None."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
                      dashboard_address=":0", silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def ordered(client: Any, chunks: Iterable[list[Unit]], task: Callable[..., Any],
            args: Callable[[int], tuple[Any, ...]], window: int) -> Iterator[tuple[list[Unit], Any]]:
    """Submit one task per chunk, at most ``window`` in flight; yield results in submission order."""
    run = uuid.uuid4().hex[:8]
    inflight: deque[tuple[list[Unit], Any]] = deque()

    def pop() -> tuple[list[Unit], Any]:
        chunk, fut = inflight.popleft()
        value = fut.result()  # a task that raised re-raises here: never lost
        fut.release()
        return chunk, value

    try:
        for i, chunk in enumerate(chunks):
            fut = client.submit(task, chunk, *args(i), key=f"hoptac-{run}-{i}", pure=False, retries=1)
            inflight.append((chunk, fut))
            if len(inflight) >= window:
                yield pop()
        while inflight:
            yield pop()
    finally:
        for _, fut in inflight:
            fut.cancel()


def default_mode(store_url: str | None, shards_dir: Path | None) -> str:
    """``shards`` with a shards directory, ``workers`` for PostgreSQL, else ``client``."""
    if shards_dir is not None:
        return "shards"
    if store_url is None:
        raise ValueError("give a store URL or a shards directory")
    return "workers" if store_url.startswith("postgres") else "client"


def ingest_dask(sources: Iterable[str], *, scheduler: str | None = None, settings: Settings = DEFAULT,
                store_url: str | None = None, shards_dir: Path | None = None, mode: str | None = None,
                feeds: Iterable[str] = (), batch_size: int = 50, chunk_size: int = CHUNK_SIZE,
                workers: int | None = None, progress: bool = True, window: int | None = None) -> Any:
    """Run read + clean + extract on a Dask cluster; write to the store or to Parquet shards."""
    sources, feeds = list(sources), list(feeds)
    mode = mode or default_mode(store_url, shards_dir)
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; known: {', '.join(MODES)}")
    if mode != "shards" and store_url is None:
        raise ValueError(f"mode {mode!r} needs a store URL")
    chunks = chunked(iter_units(sources, feeds=feeds), chunk_size)
    with connect(scheduler, workers) as client, IngestProgress(enabled=progress) as bar:
        n_workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
        win = window or 4 * n_workers
        if not feeds:
            bar.count_in_background(lambda: count_units(sources))
        report = _run(client, mode, chunks, settings=settings, store_url=store_url, shards_dir=shards_dir,
                      batch_size=batch_size, window=win, bar=bar)
    bar.summary()
    return report


def _run(client: Any, mode: str, chunks: Iterator[list[Unit]], *, settings: Settings, store_url: str | None,
         shards_dir: Path | None, batch_size: int, window: int, bar: IngestProgress) -> Any:
    if mode == "client":
        from ..store import Store

        with Store.open(store_url or "", settings=settings) as store:
            args = (settings, work.shareable_url(store))
            results = (value for _, value in ordered(client, chunks, extract_task, lambda i: args, window))
            return write(store, results, batch_size=batch_size, progress=bar)
    if mode == "shards":
        assert shards_dir is not None
        out = Path(shards_dir).resolve()
        out.mkdir(parents=True, exist_ok=True)
        run = uuid.uuid4().hex[:6]
        total_s = ShardReport()
        for _, part in ordered(client, chunks, shard_task,
                               lambda i: (settings, str(out / f"{run}-{shard_name(i)}")), window):
            bar.update(part.stored + len(part.skipped), part)
            total_s.add(part)
        return total_s
    total: Any = None
    from ..store import IngestReport, Store

    Store.open(store_url or "", settings=settings).close()  # migrate once, before the workers open it
    for _, part in ordered(client, chunks, store_task, lambda i: (settings, store_url, batch_size), window):
        n_docs = part.stored + part.duplicates + part.unchanged + len(part.skipped)
        bar.update(n_docs, part)
        total = work.add_reports(total, part)
    with Store.open(store_url or "", settings=settings) as store:
        store.refresh_threads()
    return total if total is not None else IngestReport()
