"""Web archives (WARC/ARC, gzipped or not) read with warcio: each HTML response is one document.

A document's source is ``FILE#record-N`` (N counts the archive's records from 1) and its
``url`` the record's target URI. Records that are not pages (requests, metadata, images,
redirects) are skipped; an error page (HTTP 4xx/5xx) or a truncated record becomes a
SourceError for that record, and the records before it are kept.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator

from ..errors import SourceError
from ..settings import Settings
from .document import RawDocument
from .files import open_regular, too_large

__all__ = ["read_warc"]

_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def _status(rec) -> int | None:
    headers = rec.http_headers
    if headers is None:
        return None
    code = headers.get_statuscode()
    return int(code) if code and code.isdigit() else None


def read_warc(path: str, settings: Settings) -> Iterator[RawDocument | SourceError]:
    """Every HTML page of a web archive, record by record, in archive order."""
    try:
        f = os.fdopen(open_regular(path), "rb")  # closed in the finally below, across yields
        size = os.fstat(f.fileno()).st_size
    except SourceError as exc:
        yield exc
        return
    except OSError as exc:
        yield SourceError(path, exc.strerror or str(exc))
        return
    from warcio.archiveiterator import ArchiveIterator  # imported when an archive is read: a start-up cost
    from warcio.exceptions import ArchiveLoadFailed

    n = yielded = 0
    last_end = 0
    try:
        it = ArchiveIterator(f)
        for rec in it:
            n += 1
            src = f"{path}#record-{n}"
            if rec.rec_type not in ("response", "resource"):
                continue
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers is not None
                     else rec.rec_headers.get_header("Content-Type")) or ""
            mime = ctype.split(";")[0].strip().lower()
            status = _status(rec) if rec.rec_type == "response" else 200
            if status is not None and 300 <= status < 400:
                continue
            if mime and not mime.startswith(_PAGE_TYPES):
                continue
            stream = rec.content_stream()
            data = stream.read(settings.max_bytes + 1)
            if len(data) > settings.max_bytes:
                yielded += 1
                yield SourceError(src, "record " + too_large(None, settings.max_bytes))
                continue
            remaining = getattr(rec.raw_stream, "limit", 0) or 0
            if remaining > 0:
                yield SourceError(src, f"truncated record: {remaining} byte(s) missing")
                last_end = size
                break
            if status is not None and status >= 400:
                yielded += 1
                yield SourceError(src, f"archived page is an error page (HTTP {status})")
                continue
            charset = None
            if "charset=" in ctype:
                charset = ctype.split("charset=", 1)[1].split(";")[0].strip().strip("\"'") or None
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            date = rec.rec_headers.get_header("WARC-Date")
            yielded += 1
            yield RawDocument(src, data, "html", url=uri, charset=charset,
                              meta={k: v for k, v in (("warc_date", date), ("archive", path)) if v})
        else:
            if n:
                last_end = it.get_record_offset() + (it.get_record_length() or 0)
        if n and size - last_end > 64:
            yield SourceError(f"{path}#record-{n + 1}", "truncated or damaged data after the last whole record")
        elif n == 0:
            yield SourceError(path, "no WARC records (not a web archive, or empty)")
        elif yielded == 0:
            yield SourceError(path, f"no HTML pages among the archive's {n} record(s)")
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError) as exc:
        yield SourceError(f"{path}#record-{n + 1}" if n else path,
                          f"damaged archive: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    finally:
        f.close()
