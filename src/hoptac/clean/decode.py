"""Bytes to text. STUB: the foundation work adds charset detection."""

from __future__ import annotations

import unicodedata

from ..model import Article


def to_article(doc) -> Article:
    """A new Article holding the decoded, NFC-normalized raw input of a document."""
    raw = unicodedata.normalize("NFC", doc.data.decode("utf-8", errors="replace"))
    return Article(source=doc.source, raw=raw, url=doc.url, content_type=doc.kind)
