"""The raw document every reader yields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawDocument:
    """Bytes as read from a source, before decoding: ``kind`` is ``text``, ``html`` or ``markdown``.

    ``charset`` is what the source declared (an HTTP header), if anything; ``meta`` carries
    hints a reader knows (a feed entry's title and date: ``title_hint``, ``published_hint``).
    """

    source: str
    data: bytes
    kind: str = "text"
    url: str | None = None
    charset: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
