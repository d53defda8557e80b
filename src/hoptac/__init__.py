"""hoptac: Vietnamese news on Vietnam–US cooperation, turned into a cited, queryable record.

The public API:

- :func:`analyze` reads one source (a path, a URL, raw HTML or plain text) and returns an
  :class:`Article` with every extracted record and its evidence spans.
- :func:`analyze_many` streams many sources and yields :class:`~hoptac.pipeline.Result`.
- :func:`open_store` opens the knowledge base (SQLite by default, PostgreSQL by URL).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import Drop, HoptacError, SourceError
from .model import Article, Person, Statement
from .pipeline import Result
from .settings import DEFAULT, Settings

if TYPE_CHECKING:
    from .store import Store

__version__ = "0.1.0"
__all__ = ["Article", "Drop", "HoptacError", "Person", "Result", "Settings", "SourceError",
           "Statement", "analyze", "analyze_many", "open_store"]


def analyze(source: str | bytes, settings: Settings = DEFAULT) -> Article:
    """Analyze one source: a file path, a URL, raw HTML, or plain article text."""
    from .ingest import document_from_input
    from .pipeline import pipe

    result = next(pipe([document_from_input(source, settings)], settings))
    if result.article is None:
        raise SourceError(result.source, result.error or "unknown error")
    return result.article


def analyze_many(sources: Iterable[str], settings: Settings = DEFAULT, **read_opts: Any) -> Iterator[Result]:
    """Read every source (files, directories, URLs, feeds, WARC) and analyze each article."""
    from .ingest import read_sources
    from .pipeline import pipe

    return pipe(read_sources(sources, settings, **read_opts), settings)


def open_store(url: str | None = None, **opts: Any) -> Store:
    """Open (and migrate) the store at ``url``, else ``$HOPTAC_DB``, else the default file."""
    from .store import Store

    return Store.open(url or DEFAULT.db_url, **opts)
