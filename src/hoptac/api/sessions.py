"""Dashboard sessions and sign-in throttling.

A successful sign-in gets an opaque session id (never the token itself) that expires after
``SESSION_TTL``; a cookie holds only that id. The id is a random part, its expiry time and an
HMAC of both under the server's session key, so every worker process of ``hoptac serve
--workers N`` that shares the key (``$HOPTAC_SESSION_KEY``, set by ``serve`` for its workers)
accepts a session another one gave, with nothing shared between them; a server started
without one draws a random key, so a restart signs everyone out, which is fine for a dashboard.
Failed sign-ins are counted per client address and per process: past ``MAX_FAILURES`` within
``FAILURE_WINDOW`` seconds, that address waits before it may try again.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import time
from collections import deque

SESSION_COOKIE = "hoptac_session"
SESSION_TTL = 12 * 3600  # seconds a sign-in lasts
MAX_SESSIONS = 10_000  # ended sessions remembered (the oldest go first beyond this)
MAX_FAILURES = 5  # wrong tokens per address per window
FAILURE_WINDOW = 60.0  # seconds


class Sessions:
    """Signed session ids with an expiry (see the module docstring); thread-safe."""

    def __init__(self, ttl: float = SESSION_TTL, key: bytes | None = None):
        self.ttl = ttl
        env = os.environ.get("HOPTAC_SESSION_KEY")
        self._key = key or (env.encode() if env else secrets.token_bytes(32))
        self._ended: dict[str, float] = {}
        self._lock = threading.Lock()

    def derive(self, purpose: str) -> bytes:
        """A key for another use (the dashboard's CSRF tokens), the same on every process sharing this key."""
        return hmac.new(self._key, purpose.encode(), hashlib.sha256).digest()

    def _sign(self, body: str) -> str:
        return hmac.new(self._key, body.encode(), hashlib.sha256).hexdigest()[:43]

    def new(self) -> str:
        """A fresh session id, valid for ``ttl`` seconds (wall-clock time: workers share it)."""
        body = f"{secrets.token_urlsafe(24)}.{int(time.time() + self.ttl)}"
        return f"{body}.{self._sign(body)}"

    def valid(self, sid: str | None) -> bool:
        """Whether a session id was signed with this key, has not expired and was not ended here."""
        if not sid or sid.count(".") != 2:
            return False
        body, mac = sid.rsplit(".", 1)
        if not hmac.compare_digest(mac, self._sign(body)):
            return False
        try:
            expires = int(body.rsplit(".", 1)[1])
        except ValueError:
            return False
        with self._lock:
            return expires >= time.time() and sid not in self._ended

    def end(self, sid: str | None) -> None:
        """Refuse this session id from now on (in this process; the cookie is what a sign-out removes)."""
        if not self.valid(sid):
            return
        with self._lock:
            now = time.time()
            for old in [s for s, t in self._ended.items() if t < now]:
                del self._ended[old]
            while len(self._ended) >= MAX_SESSIONS:
                self._ended.pop(next(iter(self._ended)))
            self._ended[str(sid)] = now + self.ttl


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
