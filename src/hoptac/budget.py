"""The per-document time budget: a deadline the pipeline sets and its stages check, no signals.

:func:`hoptac.pipeline.process` opens a :func:`deadline` for each document (``settings.time_budget``
seconds); the pipeline checks it between stages and the per-sentence work of the stages
(:func:`check`) checks it as it goes. Past the deadline the document is dropped with its reason
and the batch goes on. It works the same in worker processes, threads and in-process, since
nothing is interrupted from outside: the check is a clock read where the work loops.

The clock is the CPU time of the thread doing the work, not the wall clock: on a loaded machine
(other processes, other workers of the same ingest) a document gets the same budget of its own
work as on a quiet one, so whether a document is dropped does not depend on what else runs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import Drop

_local = threading.local()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Set the time budget of the work done inside (None or 0: no budget)."""
    prev = getattr(_local, "state", None)
    _local.state = (time.thread_time() + seconds, seconds) if seconds else None
    try:
        yield
    finally:
        _local.state = prev


def check(where: str = "") -> None:
    """Drop the document when its time budget is spent (a no-op without a budget)."""
    state = getattr(_local, "state", None)
    if state is not None and time.thread_time() > state[0]:
        raise Drop(f"time budget of {state[1]:g} s spent{' in ' + where if where else ''}: the document is "
                   "too long or too hard to read")
