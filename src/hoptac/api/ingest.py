"""Ingest one posted text, HTML page or URL: read it, run the pipeline, store the article.

The posted text is never taken for a file path: a text or HTML body becomes a document of
its own, and only ``http``/``https`` URLs reach the URL reader. The steps come apart for the
API's queue (:mod:`hoptac.api.jobs`): :func:`check_input` on the request, :func:`analyze_input`
in a worker process, :func:`store_result` in the server's writer thread.

A posted plain text (or Markdown) must hold at least :data:`MIN_WORDS` words of prose once
cleaned, its title and datelines not counted: a one-sentence news brief has more, while a
title alone, a stray word or a file path is not an article. The check runs on the request,
before anything is queued. A posted HTML page up to :data:`CHECK_HTML_BYTES` is cleaned on the
request too (main text extraction takes milliseconds there) and refused the same way; a larger
page, and the page at a URL (fetched by the worker, never on the request), are checked by the
worker once cleaned: their job ends ``failed`` with the reason.
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlsplit

from ..clean import prose_words
from ..errors import HoptacError, SourceError
from ..ingest import RawDocument, read_sources, text_bytes
from ..pipeline import Result, pipe
from ..settings import Settings
from ..store import Store

#: fewest words of prose (title excluded) a posted text needs to be taken for an article; the
#: shortest article of the corpus has 155, a one-sentence brief about 20
MIN_WORDS = 15
#: largest posted HTML page cleaned on the request to be checked before it is queued
CHECK_HTML_BYTES = 256 * 1024


class Rejected(HoptacError):
    """The input was read but could not become an article (unreadable, dropped); one-line reason."""


class BadInput(HoptacError):
    """The request names something hoptac will not read (a non-HTTP URL)."""


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadInput(f"only http and https URLs can be fetched, not {url!r}")


def _body(text: str | None, html: str | None, source: str | None) -> tuple[bytes, str]:
    body = text if text is not None else html or ""
    kind = "text" if text is not None else "html"
    try:
        return text_bytes(body, source or f"api:{kind}"), kind
    except SourceError as exc:
        raise Rejected(exc.reason) from None


def check_input(*, text: str | None = None, html: str | None = None, url: str | None = None,
                source: str | None = None) -> None:
    """What can be refused before any work: a URL that is not http(s), a text that cannot be encoded or is too short."""
    if url is not None:
        _check_url(url)
        return
    _body(text, html, source)
    if text is not None:
        _enough(prose_words(text), "text")
    elif html is not None and len(html.encode("utf-8", errors="replace")) <= CHECK_HTML_BYTES:
        _enough(_page_words(html), "page")


def _page_words(html: str) -> int:
    """Words of prose an HTML page holds once its main text is extracted, title not counted."""
    from ..clean.html import extract_html
    from ..clean.rules import load_rules

    return prose_words(extract_html(html, caption_classes=load_rules().html_caption_classes,
                                    lead_classes=load_rules().html_lead_classes).text)


def _enough(words: int, what: str) -> None:
    """Refuse an input with no, or too few, words of prose (:data:`MIN_WORDS`)."""
    if words == 0:
        raise Rejected(f"the {what} is empty once its title, dateline and page furniture are set aside")
    if words < MIN_WORDS:
        raise Rejected(f"the {what} is too short to be an article: {words} words of prose besides the title "
                       f"(at least {MIN_WORDS} needed)")


def _document(*, text: str | None, html: str | None, url: str | None, source: str | None,
              settings: Settings) -> RawDocument:
    if url is not None:
        _check_url(url)
        for doc in read_sources([url], settings):
            if isinstance(doc, SourceError):
                raise Rejected(doc.reason)
            return doc
        raise Rejected(f"{url}: no article found")
    data, kind = _body(text, html, source)
    digest = hashlib.sha1(data).hexdigest()[:12]
    return RawDocument(source or f"api:{kind}:{digest}", data, kind)


def ingest_input(store: Store, *, text: str | None = None, html: str | None = None, url: str | None = None,
                 source: str | None = None, settings: Settings | None = None) -> dict[str, Any]:
    """Analyze one input and store it; returns ``{id, outcome, article, report}``.

    Steps: build the document (text, HTML, or the page at an http(s) URL); run the
    pipeline; store the article; read its summary back from the store.
    """
    settings = settings or store.settings
    return store_result(store, analyze_input(text=text, html=html, url=url, source=source, settings=settings))


def analyze_input(*, text: str | None, html: str | None, url: str | None, source: str | None,
                  settings: Settings) -> Result:
    """Read one input and run the pipeline (in a worker process, for the API); :class:`Rejected` if no article."""
    doc = _document(text=text, html=html, url=url, source=source, settings=settings)
    result = next(pipe([doc], settings))
    if result.article is None:
        raise Rejected(result.error or "the article could not be analyzed")
    if url is not None or doc.kind != "text":  # a page, posted or fetched, is checked once cleaned
        _enough(prose_words(result.article.text), "page")
    return result


def store_result(store: Store, result: Result) -> dict[str, Any]:
    """Store one analyzed input; returns ``{id, outcome, article, report}``."""
    report = store.ingest([result])
    if report.skipped:
        raise Rejected(report.skipped[0][1])
    aid = report.ids[0]
    outcome = "stored" if report.stored else "duplicate" if report.duplicates else "unchanged"
    full = store.article(aid) or {}
    summary = {k: full.get(k) for k in ("id", "title", "published", "outlet", "source", "url", "topics",
                                        "duplicate_of")}
    summary["counts"] = {k: len(full.get(k) or []) for k in ("people", "organizations", "events", "statements",
                                                             "amounts")}
    return {"id": aid, "outcome": outcome, "article": summary, "report": report.to_dict()}
