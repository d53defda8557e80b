"""Stage `nlp`. STUB, to be written."""

from __future__ import annotations

from ..model import Article
from ..settings import Settings


def annotate(article: Article, settings: Settings) -> Article:
    """Stub: returns the article unchanged."""
    return article
