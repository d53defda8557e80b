"""Stages composed by name: each takes an Article and returns it, or raises Drop.

The default order, and what each stage reads and writes:

1. ``clean``      raw -> text, title, published (with provenance), outlet, authors, captions, paragraphs, offsets
2. ``published``  text, published -> published inferred from the text when no metadata gave it, or a warning
3. ``nlp``        text -> sentences with tokens (underthesea's bundled CRF models)
4. ``entities``   sentences -> people, organizations, places, frameworks
5. ``amounts``    text -> amounts
6. ``events``     sentences, people, published -> events (with resolved dates)
7. ``statements`` sentences, people, organizations -> statements (act, actor, topics, threads)
8. ``topics``     text, statements -> article topics
9. ``dates``      published, events, statements -> events' date provenance and background flag, statements' dates

``pipe()`` streams documents through the stages and yields one :class:`Result` per
document, carrying the source beside the article or the reason it was skipped.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from .errors import Drop, SourceError
from .model import Article
from .settings import DEFAULT, Settings

log = logging.getLogger(__name__)

Stage = Callable[[Article, Settings], Article]

REGISTRY: dict[str, str] = {
    "clean": "hoptac.clean:clean",
    "published": "hoptac.extract.dating:date_article",
    "nlp": "hoptac.extract.nlp:annotate",
    "entities": "hoptac.extract.entities:extract_entities",
    "amounts": "hoptac.extract.amounts:extract_amounts",
    "events": "hoptac.extract.events:extract_events",
    "statements": "hoptac.extract.statements:extract_statements",
    "topics": "hoptac.extract.topics:extract_topics",
    "dates": "hoptac.extract.dating:date_records",
}
DEFAULT_STAGES: tuple[str, ...] = tuple(REGISTRY)


@cache
def get_stage(name: str) -> Stage:
    """Import a stage function by its registered name."""
    try:
        target = REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown stage {name!r}; known: {', '.join(REGISTRY)}") from None
    module, _, func = target.partition(":")
    return getattr(importlib.import_module(module), func)


def run(article: Article, settings: Settings = DEFAULT) -> Article:
    """Run every configured stage over one article, in order."""
    for name in settings.stages or DEFAULT_STAGES:
        article = get_stage(name)(article, settings)
    return article


@dataclass
class Result:
    """One document's outcome: the article, or the reason it was skipped."""

    source: str
    article: Article | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


def pipe(documents: Iterable[object], settings: Settings = DEFAULT) -> Iterator[Result]:
    """Stream raw documents (or SourceErrors from the readers) through the pipeline."""
    from .clean.decode import to_article

    for doc in documents:
        if isinstance(doc, SourceError):
            yield Result(doc.source, error=doc.reason)
            continue
        source = getattr(doc, "source", "?")
        try:
            article = run(to_article(doc), settings)  # type: ignore[arg-type]
        except (Drop, SourceError) as exc:
            yield Result(source, error=getattr(exc, "reason", str(exc)))
            continue
        except Exception as exc:  # a bug in a stage must not end the batch: report it
            log.exception("stage failed on %s", source)
            yield Result(source, error=f"internal error: {type(exc).__name__}: {exc}")
            continue
        yield Result(source, article=article)
