"""Work units: the sources of a run, expanded lazily into small pieces workers can share.

A *unit* is one argument for :func:`hoptac.ingest.read_sources`: a file path, a URL, or a
feed. Directories are walked with ``os.scandir`` the way the readers walk them (same
article suffixes, hidden entries skipped, files in sorted order, so the results come in the
order of a single-process run), except that a directory of more than :data:`SORT_LIMIT`
files streams in filesystem order instead of being listed and sorted: memory never grows
with the size of a directory. Every file becomes its own unit, so workers share one
directory. A web archive (WARC) becomes one unit per batch of its documents, so one big
archive is shared too and no task holds more than a batch. Units are grouped into chunks
(:func:`chunked`), the piece of work one task or process handles at a time.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import SourceError
from ..ingest import files
from ..ingest.files import is_warc

log = logging.getLogger(__name__)

#: Documents per unit of a web archive: one task reads records skip..skip+WARC_BATCH of the file.
WARC_BATCH = 500
#: A directory with more files than this streams unsorted (bounded memory) instead of sorted.
SORT_LIMIT = 100_000


@dataclass(frozen=True)
class Unit:
    """One piece of input for the readers: a file, a URL, a feed (``feed=True``), or a slice of
    the documents a web archive yields (``skip``, ``take``)."""

    source: str
    feed: bool = False
    skip: int = 0
    take: int | None = None
    error: str | None = None  # an entry the directory walk could not read, and why

    @property
    def is_warc(self) -> bool:
        """True for a web archive (its records are many articles)."""
        return is_warc(self.source)


def walk(directory: str, *, sort_limit: int = SORT_LIMIT) -> Iterator[str | SourceError]:
    """The readers' directory walk (:func:`hoptac.ingest.files.walk`), streaming past ``sort_limit`` files."""
    return files.walk(directory, sort_limit=sort_limit)


def is_remote(source: str) -> bool:
    """True for an http(s) URL."""
    return source.startswith(("http://", "https://"))


def iter_units(sources: Iterable[str], *, feeds: Iterable[str] = (), warc_batch: int | None = None) -> Iterator[Unit]:
    """Expand sources into units: files of directories one by one, archives in record batches."""
    warc_batch = warc_batch or WARC_BATCH
    for src in sources:
        if not is_remote(src) and os.path.isdir(src):
            paths: Iterable[str | SourceError] = _or_itself(walk(src), src)
        else:
            paths = [src]
        for path in paths:
            if isinstance(path, SourceError):
                yield Unit(path.source, error=path.reason)
                continue
            unit = Unit(path)
            yield from (warc_slices(path, warc_batch) if unit.is_warc and not is_remote(path) else [unit])
    for feed in feeds:
        yield Unit(feed, feed=True)


def _or_itself(paths: Iterator[str | SourceError], directory: str) -> Iterator[str | SourceError]:
    """The paths, or the directory itself when it holds none (the reader then says why)."""
    found = False
    for p in paths:
        found = True
        yield p
    if not found:
        yield directory


def warc_records(path: str) -> int | None:
    """How many records a web archive holds (a bound on its documents); None if it cannot be scanned."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with os.fdopen(files.open_regular(path), "rb") as f:
            return sum(1 for _ in ArchiveIterator(f))
    except (OSError, ArchiveLoadFailed, ValueError, EOFError, SourceError) as exc:
        log.info("cannot count the records of %s (%s): read as one unit", path, exc)
        return None


def warc_slices(path: str, batch: int) -> Iterator[Unit]:
    """Units of ``batch`` documents each covering a web archive (the whole file if it cannot be scanned)."""
    n = warc_records(path)
    if n is None or n <= batch:
        yield Unit(path)
        return
    for skip in range(0, n, batch):
        yield Unit(path, skip=skip, take=batch)


def count_units(sources: Iterable[str]) -> int | None:
    """How many documents the sources hold, when that is cheap to know (no archives, no URLs)."""
    total = 0
    for src in sources:
        if is_remote(src):
            return None
        for path in walk(src) if os.path.isdir(src) else [src]:
            if isinstance(path, SourceError):
                total += 1
                continue
            if is_warc(path):
                return None
            total += 1
    return total


def chunked(units: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    """Consecutive lists of at most ``size`` units; archives travel alone."""
    it = iter(units)
    pending: list[Unit] = []
    while True:
        unit = next(it, None)
        if unit is None:
            break
        if (unit.is_warc or unit.feed) and unit.error is None:
            if pending:
                yield pending
                pending = []
            yield [unit]
            continue
        pending.append(unit)
        if len(pending) >= size:
            yield pending
            pending = []
    if pending:
        yield pending
