"""The progress display and the end-of-run summary of a parallel or distributed ingest.

A ``rich`` progress bar on stderr shows documents done, the rate, the ETA when the total is
known, and the counts of stored, duplicate and skipped articles. Every skipped source is
kept with its reason and named in the summary.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ..errors import one_line


@dataclass
class Tally:
    """Running counts of one ingest, and every skipped source with its reason."""

    documents: int = 0
    stored: int = 0
    duplicates: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def add_report(self, report: Any) -> None:
        """Add the counts and skipped sources of one store.ingest report."""
        self.stored += int(report.stored)
        self.duplicates += int(getattr(report, "duplicates", 0))
        self.unchanged += int(getattr(report, "unchanged", 0))
        self.skipped.extend(report.skipped)


class IngestProgress:
    """A context manager showing a rich progress bar (or nothing when ``enabled`` is False)."""

    def __init__(self, *, enabled: bool = True, total: int | None = None, console: Console | None = None,
                 description: str = "ingest"):
        self.tally = Tally()
        self.enabled = enabled
        self.console = console or Console(stderr=True)
        self._progress: Progress | None = None
        self._task: Any = None
        self._total = total
        self._description = description
        self._lock = threading.Lock()
        self._start = time.monotonic()

    def __enter__(self) -> IngestProgress:
        self._start = time.monotonic()
        if self.enabled:
            self._progress = Progress(
                SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                MofNCompleteColumn(), TextColumn("{task.fields[rate]}/s"), TimeElapsedColumn(),
                TextColumn("ETA"), TimeRemainingColumn(),
                TextColumn("stored {task.fields[stored]} · dup {task.fields[dup]} · skipped {task.fields[skipped]}"),
                console=self.console, transient=False)
            self._progress.__enter__()
            self._task = self._progress.add_task(self._description, total=self._total, rate="0.0",
                                                 stored=0, dup=0, skipped=0)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.__exit__(exc_type, exc, tb)

    def set_total(self, total: int | None) -> None:
        """Set the total once it is known (e.g. by a background count)."""
        with self._lock:
            self._total = total
            if self._progress is not None and total is not None:
                self._progress.update(self._task, total=max(total, self.tally.documents))

    def count_in_background(self, counter: Callable[[], int | None]) -> None:
        """Run a (cheap) counter in a daemon thread and set the total when it returns."""
        if not self.enabled:
            return

        def run() -> None:
            self.set_total(counter())

        threading.Thread(target=run, name="hoptac-count", daemon=True).start()

    def update(self, documents: int, report: Any | None) -> None:
        """Record one written batch: how many documents it held and the store's report for it."""
        with self._lock:
            self.tally.documents += documents
            if report is not None:
                self.tally.add_report(report)
            if self._progress is not None:
                speed = self.tally.documents / max(time.monotonic() - self._start, 1e-9)
                self._progress.update(self._task, advance=documents, rate=f"{speed:.1f}",
                                      stored=self.tally.stored, dup=self.tally.duplicates,
                                      skipped=len(self.tally.skipped))

    def summary(self) -> None:
        """Print the final counts and every skipped source with its reason."""
        if not self.enabled:
            return
        print_summary(self.tally, self.console)


def print_summary(tally: Tally, console: Console) -> None:
    """The end-of-run summary: counts, then one line per skipped source."""
    t = tally
    console.print(f"hoptac: {t.documents} documents: {t.stored} stored, {t.duplicates} duplicates, "
                  f"{t.unchanged} unchanged, {len(t.skipped)} skipped", highlight=False, soft_wrap=True)
    for source, reason in t.skipped:
        console.print(f"hoptac: skipped {one_line(source)}: {one_line(reason)}", highlight=False, markup=False, soft_wrap=True)
