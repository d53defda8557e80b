"""Posted articles off the request path: a bounded queue served by worker processes.

``POST /api/articles`` answers at once (202) with a job; a worker process reads and extracts
the input (the pipeline is pure Python and holds the GIL, so in a thread of the server it
would slow every reader), and one writer thread of the server stores the result.
``GET /api/jobs/{job}`` tells ``queued``, ``processing``, ``stored`` or ``failed`` (with its
one-line reason). A full queue refuses posts (503 with ``Retry-After``); on shutdown the jobs
accepted are drained for up to ``drain_seconds`` and any left are reported in the log.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import secrets
import threading
import time
from collections import OrderedDict
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from ..errors import HoptacError
from ..settings import Settings
from ..store import Store
from .ingest import analyze_input, check_input, store_result

log = logging.getLogger(__name__)

MAX_QUEUED = 16  # jobs accepted and not yet stored or failed
KEEP = 1000  # finished jobs remembered for polling
RETRY_AFTER = 5  # seconds a refused client is told to wait


class Full(HoptacError):
    """The queue holds as many jobs as it may (or the server is shutting down): try again later."""


def _one_line(text: str) -> str:
    return " ".join(str(text).split()) or "unknown error"


def _init_worker(settings: Settings, server_pid: int) -> None:
    """A worker process: it ends with the server, and loads the models before its first job."""
    from ..scale import work
    from ..scale.lifeline import end_with_parent

    end_with_parent(server_pid)
    work.warm_up(settings)


@dataclass
class Job:
    """One posted input on its way to the store."""

    id: str
    source: str
    status: str = "queued"
    created: float = field(default_factory=time.time)
    finished: float | None = None
    result: dict[str, Any] | None = None
    reason: str | None = None
    future: Future[Any] | None = field(default=None, repr=False)
    pool: ProcessPoolExecutor | None = field(default=None, repr=False)

    def state(self) -> str:
        """queued, processing (a worker has it), stored or failed."""
        if self.status == "queued" and self.future is not None and (self.future.running() or self.future.done()):
            return "processing"
        return self.status

    def to_dict(self) -> dict[str, Any]:
        """The job as the API shows it."""
        out: dict[str, Any] = {"job": self.id, "status": self.state(), "source": self.source,
                               "location": f"/api/jobs/{self.id}"}
        if self.result is not None:
            out.update({k: self.result[k] for k in ("id", "outcome", "article")})
        if self.reason is not None:
            out["reason"] = self.reason
        return out


class Jobs:
    """The queue of posted inputs, its worker processes (started on first use) and its writer thread."""

    def __init__(self, store: Store, *, workers: int = 1, max_queued: int = MAX_QUEUED, keep: int = KEEP) -> None:
        self.store = store
        self.workers = max(1, workers)
        self.max_queued = max(1, max_queued)
        self.keep = keep
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Condition()
        self._pending = 0
        self._pool: ProcessPoolExecutor | None = None
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hoptac-writer")
        self._closed = False

    def _pool_for(self, settings: Settings) -> ProcessPoolExecutor:
        if self._pool is None:
            ctx = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx, initializer=_init_worker,
                                             initargs=(settings, os.getpid()))
        return self._pool

    def submit(self, *, text: str | None, html: str | None, url: str | None, source: str | None,
               settings: Settings) -> Job:
        """Queue one input (checked first: a bad one raises at once); :class:`Full` when no room is left."""
        check_input(text=text, html=html, url=url, source=source)
        with self._lock:
            if self._closed:
                raise Full("the server is shutting down")
            if self._pending >= self.max_queued:
                raise Full(f"{self._pending} articles are waiting to be analyzed; try again later")
            job = Job(secrets.token_hex(8), source or url or ("api:text" if text is not None else "api:html"))
            self._jobs[job.id] = job
            self._pending += 1
            for attempt in (1, 2):
                job.pool = self._pool_for(settings)
                try:
                    job.future = job.pool.submit(analyze_input, text=text, html=html, url=url, source=source,
                                                 settings=settings)
                    break
                except (BrokenProcessPool, RuntimeError):
                    self._pool = None  # a worker died: a fresh pool for this job and the next
                    if attempt == 2:
                        del self._jobs[job.id]
                        self._pending -= 1
                        raise Full("the analysis workers could not be started; try again later") from None
            self._forget_old()
        assert job.future is not None
        job.future.add_done_callback(lambda fut: self._to_writer(job, fut))
        return job

    def get(self, job_id: str) -> Job | None:
        """The job with this id, while it is remembered."""
        with self._lock:
            return self._jobs.get(job_id)

    def counts(self) -> dict[str, int]:
        """Jobs by state (of those remembered)."""
        with self._lock:
            jobs = list(self._jobs.values())
        out: dict[str, int] = {}
        for j in jobs:
            out[j.state()] = out.get(j.state(), 0) + 1
        return out

    def _to_writer(self, job: Job, fut: Future[Any]) -> None:
        try:
            self._writer.submit(self._store, job, fut)
        except RuntimeError:  # the writer was shut down: the server is gone
            self._finish(job, reason="the server shut down before the article was stored")

    def _store(self, job: Job, fut: Future[Any]) -> None:
        """Store one extracted input (the writer thread: one write at a time)."""
        try:
            result = fut.result()
            self._finish(job, result=store_result(self.store, result))
        except CancelledError:
            self._finish(job, reason="cancelled: the server shut down before the article was analyzed")
        except BrokenProcessPool:
            with self._lock:
                broken, self._pool = (self._pool, None) if self._pool is job.pool else (None, self._pool)
            if broken is not None:
                broken.shutdown(wait=False, cancel_futures=True)  # the next job starts a fresh pool
            self._finish(job, reason="the worker process analyzing the article ended unexpectedly")
        except HoptacError as exc:
            self._finish(job, reason=_one_line(str(exc)))
        except Exception as exc:  # any fault ends as the job's one-line reason
            log.exception("job %s (%s) failed", job.id, job.source)
            self._finish(job, reason=_one_line(f"internal error: {type(exc).__name__}: {exc}"))

    def _finish(self, job: Job, *, result: dict[str, Any] | None = None, reason: str | None = None) -> None:
        with self._lock:
            if job.status in ("stored", "failed"):
                return
            job.result, job.reason = result, reason
            job.status = "stored" if result is not None else "failed"
            job.finished = time.time()
            self._pending -= 1
            self._lock.notify_all()

    def _forget_old(self) -> None:
        """Drop the oldest finished jobs beyond ``keep``."""
        finished = [k for k, j in self._jobs.items() if j.status in ("stored", "failed")]
        for k in finished[:max(0, len(finished) - self.keep)]:
            del self._jobs[k]

    def close(self, drain_seconds: float = 30.0) -> dict[str, int]:
        """Refuse new jobs, wait up to ``drain_seconds`` for those accepted, stop the workers; what was left."""
        deadline = time.monotonic() + drain_seconds
        with self._lock:
            self._closed = True
            while self._pending and time.monotonic() < deadline:
                self._lock.wait(timeout=max(0.0, deadline - time.monotonic()))
            left = self._pending
        if self._pool is not None:
            self._pool.shutdown(wait=left == 0, cancel_futures=True)
        self._writer.shutdown(wait=left == 0)
        if left:
            log.warning("shutdown: %d posted article(s) not stored (still queued or being analyzed)", left)
        return {"left": left}
