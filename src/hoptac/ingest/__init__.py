"""Readers: one per source kind, each yielding RawDocuments (or SourceErrors).

- files (``.txt``, ``.html``...) and directories, walked recursively (:mod:`.files`);
- ``http://``/``https://`` URLs and RSS/Atom feeds, fetched with httpx (:mod:`.web`);
- web archives ``.warc``/``.warc.gz``/``.arc``, one document per HTML response (:mod:`.warc`);
- JSON Lines as crawlers write them (``.jsonl``, ``.ndjson``), one document per line (:mod:`.jsonl`).

A source that cannot be read becomes a :class:`~hoptac.errors.SourceError` in the stream, with
a one-line reason; the other sources go on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import SourceError
from ..settings import Settings
from .document import RawDocument
from .files import ARTICLE_SUFFIXES, is_warc, read_file, sniff_kind, walk
from .jsonl import is_jsonl, read_jsonl
from .warc import read_warc
from .web import Fetcher, is_url, read_feed

log = logging.getLogger(__name__)

__all__ = ["ARTICLE_SUFFIXES", "RawDocument", "document_from_input", "read_sources", "text_bytes"]


def _read_one(src: str, settings: Settings, fetcher: Fetcher) -> Iterator[RawDocument | SourceError]:
    if is_url(src):
        yield fetcher.fetch(src)
        return
    if "://" in src:
        yield SourceError(src, "only http and https URLs can be fetched")
        return
    path = Path(src)
    if path.is_dir():
        found = False
        for file in walk(src):
            found = True
            if isinstance(file, SourceError):
                yield file
            else:
                yield from _read_one(file, settings, fetcher)
        if not found:
            yield SourceError(src, f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in the directory")
        return
    if is_warc(src):
        yield from read_warc(src, settings)
        return
    if is_jsonl(src):
        yield from read_jsonl(src, settings)
        return
    yield read_file(src, settings)


def _guarded(src: str, docs: Iterator[RawDocument | SourceError]) -> Iterator[RawDocument | SourceError]:
    """The documents of one source; a reader's unexpected error ends that source alone, in one line."""
    try:
        yield from docs
    except Exception as exc:
        log.debug("reading %s failed", src, exc_info=True)
        yield SourceError(src, f"internal error reading: {type(exc).__name__}: {exc}")


def read_sources(sources: Iterable[str], settings: Settings, *,
                 feeds: Iterable[str] = ()) -> Iterator[RawDocument | SourceError]:
    """Yield one RawDocument per article found in the sources and feeds, or a SourceError."""
    fetcher = Fetcher(settings)
    try:
        for src in sources:
            yield from _guarded(str(src), _read_one(str(src), settings, fetcher))
        for feed in feeds:
            yield from _guarded(str(feed), read_feed(str(feed), settings, fetcher))
    finally:
        fetcher.close()


def document_from_input(source: str | bytes, settings: Settings) -> RawDocument | SourceError:
    """One document from what analyze() is given: a path, a URL, raw HTML or plain text."""
    if isinstance(source, bytes):
        return RawDocument("<bytes>", source, sniff_kind(source))
    stripped = source.strip()
    one_line = "\n" not in stripped and len(stripped) < 4096
    if one_line and is_url(stripped) and " " not in stripped:
        fetcher = Fetcher(settings)
        try:
            return fetcher.fetch(stripped)
        finally:
            fetcher.close()
    if one_line and stripped:
        path = Path(stripped).expanduser()
        if path.is_dir():
            return SourceError(stripped, "a directory holds many articles: use analyze_many()")
        if path.exists():
            return next(iter(read_sources([str(path)], settings)))
        if " " not in stripped and stripped.lower().endswith(ARTICLE_SUFFIXES):
            return SourceError(stripped, "no such file or directory")
    try:
        data = text_bytes(source, "<text>")
    except SourceError as exc:
        return exc
    return RawDocument("<text>", data, sniff_kind(data))


def text_bytes(text: str, source: str) -> bytes:
    """Text given as a string, as UTF-8; SourceError for one that no encoding can write (a lone surrogate)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise SourceError(source, f"not valid text: a lone surrogate (U+{ord(text[exc.start]):04X}) "
                                  f"at character {exc.start}") from None
