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

import gc
import importlib
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from . import budget
from .errors import Drop, SourceError, one_line
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
    """One document's outcome: the article, or the reason it was skipped.

    Neither (``article`` and ``error`` both None): a document the store already holds,
    recorded by a ``known`` hook of :func:`process`; there is nothing more to do with it.
    """

    source: str
    article: Article | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


#: Looks a decoded document up in a store: a Result for an input already stored, else None.
Known = Callable[[object, Article], "Result | None"]


def process(doc: object, settings: Settings = DEFAULT, known: Known | None = None) -> Result:
    """One document (or a reader's SourceError) through decoding and every stage: always a Result.

    This is the one guard every path shares (extract, ingest with any number of workers, the
    Dask engine, the API, the demo): whatever the document does (bytes that are not text, a
    bug in a stage, a stage that recurses too deep or runs out of memory), it ends as a
    skipped Result with a one-line reason naming nothing but itself, and the batch goes on.
    """
    from .clean.decode import to_article

    if isinstance(doc, SourceError):
        return Result(one_line(doc.source), error=one_line(doc.reason))
    source = str(getattr(doc, "source", "?"))
    stage = "decode"
    try:
        article = to_article(doc)  # type: ignore[arg-type]
    except SourceError as exc:
        return Result(source, error=one_line(exc.reason))
    except Exception as exc:
        return _failed(source, stage, exc)
    if known is not None:  # the store failing is not the document's fault: that error ends the run
        stored = known(doc, article)
        if stored is not None:
            return stored
    try:
        with budget.deadline(settings.time_budget), fewer_collections():
            _check_length(article, settings, raw=True)
            for stage in settings.stages or DEFAULT_STAGES:
                article = get_stage(stage)(article, settings)
                if stage == "clean":
                    _check_length(article, settings)
                budget.check(f"stage {stage}")
    except (Drop, SourceError) as exc:
        return Result(source, error=one_line(getattr(exc, "reason", str(exc))))
    except Exception as exc:  # a bug in a stage must not end the batch: report it in one line
        return _failed(source, stage, exc)
    return Result(source, article=article)


#: the youngest generation's threshold while a document goes through the stages (CPython's default is 700)
GC_GEN0 = 20_000


class _Collector:
    """The collector's thresholds as the documents in progress left them (threads share them)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0  # documents in progress
        self.saved: tuple[int, ...] | None = None  # the thresholds to restore when the last one ends


_COLLECTOR = _Collector()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect the youngest generation less often while a document goes through the stages.

    The stages make many short-lived lists, tuples and dicts (feature rows, match lists) that
    reference counting frees at once; at the default threshold the collector still walked the
    young objects some 365 times over the 300 ``vnus`` articles, about 3 % of the CPU. Raising it
    for the document and restoring the caller's thresholds afterwards changes when cycles are
    collected, never what is extracted. Threads share the collector: the first document in
    sets the threshold and the last one out restores it.
    """
    c = _COLLECTOR
    with c.lock:
        if c.depth == 0:
            c.saved = old = gc.get_threshold()
            if 0 < old[0] < GC_GEN0:  # a collector switched off (0) or set higher is left as it is
                gc.set_threshold(GC_GEN0, *old[1:])
        c.depth += 1
    try:
        yield
    finally:
        with c.lock:
            c.depth -= 1
            if c.depth == 0 and c.saved is not None:
                gc.set_threshold(*c.saved)
                c.saved = None


def _check_length(article: Article, settings: Settings, *, raw: bool = False) -> None:
    """Drop an article whose text is longer than ``settings.max_chars`` (plain text: before cleaning)."""
    if raw and article.content_type == "html":
        return  # a page's markup is not its text: measured after cleaning
    n = len(article.raw if raw else article.text)
    if settings.max_chars and n > settings.max_chars:
        raise Drop(f"text too long: {n:,} characters, the limit is {settings.max_chars:,}")


def _failed(source: str, stage: str, exc: Exception) -> Result:
    """A skipped Result for an unexpected error; the traceback goes to the debug log only."""
    log.debug("stage %s failed on %s", stage, source, exc_info=True)
    return Result(source, error=one_line(f"internal error in {stage}: {type(exc).__name__}: {exc}"))


def pipe(documents: Iterable[object], settings: Settings = DEFAULT, known: Known | None = None) -> Iterator[Result]:
    """Stream raw documents (or SourceErrors from the readers) through the pipeline, one :func:`process` each."""
    for doc in documents:
        yield process(doc, settings, known)
