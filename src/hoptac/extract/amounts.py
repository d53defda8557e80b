"""Stage `amounts`. STUB, to be written."""

from __future__ import annotations

from ..model import Article
from ..settings import Settings


def extract_amounts(article: Article, settings: Settings) -> Article:
    """Stub: returns the article unchanged."""
    return article
