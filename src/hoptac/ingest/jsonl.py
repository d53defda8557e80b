"""JSON Lines as crawlers write them: one article a line, ``{"url", "title", "date", "text" or "html", …}``.

Each line is one document, named ``FILE#LINE``. The page itself is ``html`` (also
``raw_html``, ``content_html``) or ``text`` (also ``content``, ``markdown``, ``body``, and
news-please's ``maintext``, trafilatura's ``raw_text``); ``title``, a date (``date``,
``published``, ``published_at``, ``publish_date``, ``datePublished``, ``date_publish``,
``publishedAt``…: ISO, the page's dateline, an RSS date or a Unix timestamp), ``url`` and the
outlet (``outlet``, ``site``, ``sitename``, ``source_name``, ``source_domain``, NewsAPI's
``source.name``…) are hints the cleaner uses where the page says nothing itself. A line that
is not a JSON object with a page is a one-line error for that line; the others go on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

from ..errors import SourceError
from ..settings import Settings
from .document import RawDocument

__all__ = ["JSONL_SUFFIXES", "is_jsonl", "read_jsonl"]

JSONL_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson")
# The field names of the crawlers' own outputs: scrapy items, newspaper3k, news-please / CC-NEWS
# (maintext, date_publish, source_domain), trafilatura's JSON (raw_text, source, hostname),
# NewsAPI (publishedAt, source.name).
_HTML = ("html", "raw_html", "content_html")
_TEXT = ("text", "content", "markdown", "body", "maintext", "raw_text", "article_text")
_DATE = ("date", "published", "published_at", "publish_date", "datePublished", "pubDate", "date_publish",
         "publishedAt", "published_time", "pub_date", "date_published")
_OUTLET = ("outlet", "site", "sitename", "site_name", "source_name", "source_domain", "source-hostname", "hostname")
_URL = ("url", "link", "canonical_url", "source")


def is_jsonl(name: str) -> bool:
    """Whether a file name is JSON Lines."""
    return name.lower().endswith(JSONL_SUFFIXES)


def _first(rec: dict, keys: tuple[str, ...]) -> str | None:
    for k in keys:
        v = rec.get(k)
        if isinstance(v, str) and v.strip():
            return v
    return None


def _date(rec: dict) -> str | None:
    """The record's date as saved: a string, or a Unix timestamp number (read by the cleaner)."""
    for k in _DATE:
        v = rec.get(k)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return str(v)
        if isinstance(v, str) and v.strip():
            return v
    return None


def record_document(rec: object, source: str, settings: Settings) -> RawDocument | SourceError:
    """One crawler record as a RawDocument, or the reason it is none."""
    if not isinstance(rec, dict):
        return SourceError(source, "not a JSON object")
    html, text = _first(rec, _HTML), _first(rec, _TEXT)
    if html is None and text is None:
        return SourceError(source, f"no page in the record (one of {', '.join(_HTML + _TEXT)})")
    title = _first(rec, ("title", "headline"))
    if html is not None:
        data, kind = html.encode("utf-8", "replace"), "html"
    else:
        body = text or ""
        if title and not body.lstrip().startswith(title.strip()):
            body = f"{title.strip()}\n{body}"  # the cleaner reads the first line as the title
        data, kind = body.encode("utf-8", "replace"), "text"
    if len(data) > settings.max_bytes:
        return SourceError(source, f"too large: {len(data) / 2**20:.1f} MiB, the limit is "
                                   f"{settings.max_bytes / 2**20:.1f} MiB")
    url = next((u for u in (_first(rec, (k,)) for k in _URL) if u and u.startswith(("http://", "https://"))), None)
    named = rec.get("source")  # NewsAPI: {"id", "name"}
    outlet = _first(rec, _OUTLET) or (_first(named, ("name",)) if isinstance(named, dict) else None)
    meta = {k: v for k, v in (("title_hint", title), ("published_hint", _date(rec)),
                              ("outlet_hint", outlet)) if v}
    if "published_hint" in meta:
        meta["published_hint_basis"] = "crawler record"
    return RawDocument(source, data, kind, url=url, meta=meta)


def read_jsonl(path: str, settings: Settings) -> Iterator[RawDocument | SourceError]:
    """One document per line of a JSON Lines file (blank lines skipped; special files refused)."""
    from .files import open_regular

    try:
        with os.fdopen(open_regular(path), "rb") as fh:
            for n, raw in enumerate(fh, 1):
                if raw.strip():
                    yield _line(raw, f"{path}#{n}", settings)
    except SourceError as exc:
        yield exc
    except OSError as exc:
        yield SourceError(path, exc.strerror or str(exc))


def _line(raw: bytes, source: str, settings: Settings) -> RawDocument | SourceError:
    try:
        rec = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return SourceError(source, f"not a JSON line ({type(exc).__name__})")
    return record_document(rec, source, settings)
