"""Cleaning: raw input to article text and metadata. STUB."""

from __future__ import annotations

from ..model import Article
from ..settings import Settings


def clean(article: Article, settings: Settings) -> Article:
    """Set text (whole raw input), title (first non-empty line)."""
    article.text = article.raw
    article.offsets = [(0, 0, len(article.raw))]
    for line in article.raw.splitlines():
        if line.strip():
            article.title = line.strip()
            break
    return article
