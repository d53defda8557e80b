"""Peak memory of this process and all its descendants (workers, forkserver), sampled."""

from __future__ import annotations

import threading
from types import TracebackType

import psutil


class TreeMemory:
    """A context manager sampling RSS every ``interval`` s: peak of the writer, of one worker, of all."""

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.peak_self = self.peak_child = self.peak_total = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            try:
                own = me.memory_info().rss
                kids = []
                for c in me.children(recursive=True):
                    try:
                        kids.append(c.memory_info().rss)
                    except psutil.NoSuchProcess:
                        continue
            except psutil.Error as exc:  # the sampler must not die silently
                raise RuntimeError(f"memory sampling failed: {exc}") from exc
            self.peak_self = max(self.peak_self, own)
            self.peak_child = max(self.peak_child, max(kids, default=0))
            self.peak_total = max(self.peak_total, own + sum(kids))
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()

    def figures(self) -> dict[str, int]:
        """Peaks in MB."""
        mb = 1024 * 1024
        return {"peak_rss_writer_mb": round(self.peak_self / mb), "peak_rss_worker_mb": round(self.peak_child / mb),
                "peak_rss_total_mb": round(self.peak_total / mb)}
