"""Work units: the sources of a run, expanded lazily into small pieces workers can share.

A *unit* is one argument for :func:`hoptac.ingest.read_sources`: a file path, a URL, or a
feed (``feed:`` + URL or file). Directories are walked lazily with ``os.scandir`` (a
directory of a million files streams: no list of its entries is ever built), so that every
file becomes its own unit and the workers can share one directory. Units are grouped into
chunks (:func:`chunked`), the piece of work one task or process handles at a time.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: Files of a directory that are articles; everything else in it (manifests, READMEs) is not.
ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm", ".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_PREFIX = "feed:"


@dataclass(frozen=True)
class Unit:
    """One piece of input for the readers: a file, a URL, or a feed (``feed=True``)."""

    source: str
    feed: bool = False

    @property
    def is_warc(self) -> bool:
        """True for a web archive (its records are many articles)."""
        return self.source.lower().endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def is_article_file(name: str) -> bool:
    """True when a file name inside a directory looks like an article or an archive."""
    return not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES)


def walk(directory: str) -> Iterator[str]:
    """Every article file under a directory, recursively, streamed in directory order."""
    stack = [directory]
    while stack:
        current = stack.pop()
        subdirs = []
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=True):
                    subdirs.append(entry.path)
                elif is_article_file(entry.name):
                    yield entry.path
        stack.extend(sorted(subdirs, reverse=True))


def is_remote(source: str) -> bool:
    """True for an http(s) URL."""
    return source.startswith(("http://", "https://"))


def iter_units(sources: Iterable[str], *, feeds: Iterable[str] = ()) -> Iterator[Unit]:
    """Expand sources into units: files of directories one by one, everything else as given."""
    for src in sources:
        if not is_remote(src) and os.path.isdir(src):
            yield from (Unit(path) for path in walk(src))
        else:
            yield Unit(src)
    for feed in feeds:
        yield Unit(feed, feed=True)


def count_units(sources: Iterable[str]) -> int | None:
    """How many documents the sources hold, when that is cheap to know (no archives, no URLs)."""
    total = 0
    for unit in iter_units(sources):
        if unit.is_warc or is_remote(unit.source):
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
        if unit.is_warc or unit.feed:
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


def split(units: list[Unit]) -> tuple[list[str], list[str]]:
    """The paths/URLs and the feeds of a chunk, as read_sources takes them."""
    return [u.source for u in units if not u.feed], [u.source for u in units if u.feed]
