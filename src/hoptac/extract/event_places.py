"""Where an event took place: the first place or venue written after ``tại``/``ở`` inside the
event's clause, found among the article's place mentions (sorted once per article, so each event
looks near its own span instead of over every mention of a long text).
"""

from __future__ import annotations

import bisect
import threading

from ..model import Article
from .fastre import bounded

_SEAT = bounded(r"(?<!\w)(?:tại|ở)\s+$")

_places_seen = threading.local()


def _place_mentions(article: Article) -> tuple[list[int], list[str]]:
    """Every place mention's start, in order (ties: places, then mentions, in their order), and its name.

    Kept for the article being read (its places are fixed by now), so that each event looks
    near its own span instead of over every mention of a long text.
    """
    seen = getattr(_places_seen, "value", None)
    if seen is None or seen[0] is not article.places or seen[1] != len(article.places):
        idx = sorted((pa, i, k, p.name) for i, p in enumerate(article.places) for k, (pa, _pb) in enumerate(p.mentions))
        seen = (article.places, len(article.places), [t[0] for t in idx], [t[3] for t in idx])
        _places_seen.value = seen
    return seen[2], seen[3]


def event_place(article: Article, text: str, a: int, b: int) -> str | None:
    """The first place or venue written after ``tại``/``ở`` in ``[a, b)``."""
    starts, names = _place_mentions(article)
    for k in range(bisect.bisect_left(starts, a), len(starts)):
        pa = starts[k]
        if pa >= b:
            break
        if _SEAT.search(text[max(a, pa - 8):pa]):
            return names[k]
    return None
