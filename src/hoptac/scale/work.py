"""The work one worker does on one chunk of units: read, clean, extract (``pipeline.pipe``).

Shared by the local process pool and the Dask engine, so that both run exactly the code a
single-process ingest runs. A reader that fails in an unexpected way costs its unit, not
the chunk: the unit is reported as skipped with the error, and logged.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import fields
from itertools import islice
from typing import Any

from ..pipeline import Result, pipe
from ..settings import Settings
from .units import Unit

log = logging.getLogger(__name__)


def process_unit(unit: Unit, settings: Settings) -> Iterator[Result]:
    """Every Result of one unit; an unexpected reader error becomes a skipped Result."""
    from ..ingest import read_sources

    paths, feeds = ([], [unit.source]) if unit.feed else ([unit.source], [])
    try:
        docs: Iterable[object] = read_sources(paths, settings, feeds=feeds)
        if unit.take is not None:  # one batch of an archive's documents
            docs = islice(docs, unit.skip, unit.skip + unit.take)
        yield from pipe(docs, settings)
    except Exception as exc:  # a bug in a reader: name the source, keep the batch going
        log.exception("reading %s failed", unit.source)
        yield Result(unit.source, error=f"internal error: {type(exc).__name__}: {exc}")


def process_chunk(units: Iterable[Unit], settings: Settings) -> list[Result]:
    """Every Result of a chunk of units, in order, ready to send back to the writer."""
    return [slim(r) for unit in units for r in process_unit(unit, settings)]


def slim(result: Result) -> Result:
    """Drop the per-token annotations the store never reads, so results travel light."""
    if result.article is not None:
        result.article.sentences = []
    return result


def warm_up(settings: Settings) -> None:
    """Import every stage once so models load before the first timed chunk."""
    from ..pipeline import DEFAULT_STAGES, get_stage

    for name in settings.stages or DEFAULT_STAGES:
        get_stage(name)


def add_reports(total: Any, part: Any) -> Any:
    """The sum of two IngestReports: ``total.add(part)`` in place (lists extend, never copied)."""
    if total is None:
        return part
    if hasattr(total, "add"):
        total.add(part)
        return total
    return type(total)(**{f.name: getattr(total, f.name) + getattr(part, f.name) for f in fields(total)})
