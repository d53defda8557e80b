"""Readers: one per source kind, each yielding RawDocuments (or SourceErrors).

STUB: the foundation work replaces this with text/html/url/feed/warc readers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..settings import Settings


@dataclass
class RawDocument:
    """Bytes as read from a source, before decoding: ``kind`` is ``text`` or ``html``."""

    source: str
    data: bytes
    kind: str = "text"
    url: str | None = None
    charset: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def document_from_input(source: str | bytes, settings: Settings) -> RawDocument | SourceError:
    """One document from a path, URL, raw HTML or plain text given to analyze()."""
    if isinstance(source, bytes):
        return RawDocument("<bytes>", source, "html" if source.lstrip()[:1] == b"<" else "text")
    if "\n" not in source and len(source) < 4096 and Path(source).exists():
        return next(iter(read_sources([source], settings)))
    kind = "html" if source.lstrip().startswith("<") else "text"
    return RawDocument("<text>", source.encode("utf-8"), kind)


def read_sources(sources: Iterable[str], settings: Settings, *, feeds: Iterable[str] = ()) -> Iterator[RawDocument | SourceError]:
    """Yield one RawDocument per article found in the sources, or a SourceError."""
    for src in sources:
        path = Path(src)
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield SourceError(src, exc.strerror or str(exc))
            continue
        yield RawDocument(src, data, "html" if path.suffix in (".html", ".htm") else "text")
