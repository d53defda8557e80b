"""The two ways an input can fail: a source that cannot be read, an article that is dropped."""

from __future__ import annotations


class HoptacError(Exception):
    """Base class of hoptac's own errors; its message is one line meant for the user."""


class SourceError(HoptacError):
    """A source (file, URL, feed, WARC record) that could not be read, and why."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class Drop(HoptacError):
    """Raised by a pipeline stage to drop an article; the reason is recorded, never lost."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def one_line(text: object, limit: int = 300) -> str:
    """Text fit for a one-line message: control characters escaped (a newline is ``\\n``), long text cut."""
    s = str(text)
    if not s.isprintable():
        s = "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in s)
    return s if len(s) <= limit else s[: limit - 1] + "…"
