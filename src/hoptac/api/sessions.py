"""Dashboard sessions and sign-in throttling, kept in the server's memory.

A successful sign-in gets an opaque, random session id (never the token itself) that
expires after ``SESSION_TTL``; a cookie holds only that id. Failed sign-ins are counted
per client address: past ``MAX_FAILURES`` within ``FAILURE_WINDOW`` seconds, that address
waits before it may try again. A restart signs everyone out, which is fine for a dashboard.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque

SESSION_COOKIE = "hoptac_session"
SESSION_TTL = 12 * 3600  # seconds a sign-in lasts
MAX_SESSIONS = 10_000  # the oldest go first beyond this
MAX_FAILURES = 5  # wrong tokens per address per window
FAILURE_WINDOW = 60.0  # seconds


class Sessions:
    """Opaque session ids with an expiry; thread-safe."""

    def __init__(self, ttl: float = SESSION_TTL):
        self.ttl = ttl
        self._expires: dict[str, float] = {}
        self._lock = threading.Lock()

    def new(self) -> str:
        """A fresh session id, valid for ``ttl`` seconds."""
        sid = secrets.token_urlsafe(32)
        with self._lock:
            self._purge()
            while len(self._expires) >= MAX_SESSIONS:
                self._expires.pop(next(iter(self._expires)))
            self._expires[sid] = time.monotonic() + self.ttl
        return sid

    def valid(self, sid: str | None) -> bool:
        """Whether a session id was given by :meth:`new` and has not expired."""
        if not sid:
            return False
        with self._lock:
            expires = self._expires.get(sid)
            if expires is None:
                return False
            if expires < time.monotonic():
                del self._expires[sid]
                return False
            return True

    def end(self, sid: str | None) -> None:
        """Forget a session (sign-out)."""
        with self._lock:
            self._expires.pop(sid or "", None)

    def _purge(self) -> None:
        now = time.monotonic()
        for sid in [s for s, t in self._expires.items() if t < now]:
            del self._expires[sid]


class Throttle:
    """Failed attempts per client address in a sliding window; thread-safe."""

    def __init__(self, limit: int = MAX_FAILURES, window: float = FAILURE_WINDOW):
        self.limit = limit
        self.window = window
        self._fails: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait(self, who: str) -> float:
        """Seconds ``who`` must wait before trying again (0: may try now)."""
        now = time.monotonic()
        with self._lock:
            q = self._fails.get(who)
            while q and q[0] <= now - self.window:
                q.popleft()
            if not q:
                self._fails.pop(who, None)
                return 0.0
            return max(0.0, q[0] + self.window - now) if len(q) >= self.limit else 0.0

    def failed(self, who: str) -> None:
        """Count one failed attempt of ``who``."""
        with self._lock:
            if len(self._fails) > 100_000:  # bounded memory under a flood of addresses
                self._fails.clear()
            self._fails.setdefault(who, deque()).append(time.monotonic())
