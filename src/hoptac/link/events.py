"""When two reported events are one real event.

Two events are the same when all hold:

- same type family: ``meeting``, ``reception``, ``call``, ``dialogue`` and ``visit`` are one
  family (papers call the same meeting a visit, a reception or talks); ``signing`` is another;
- compatible dates: two full dates at most :data:`MAX_DAYS` apart, or a partial date
  (``2025-11``, ``--11-14``) consistent with the other; an unknown date only matches an
  event from an article that is a near-duplicate of this one;
- overlapping participants: at least half of the smaller list (and at least one), compared
  as linked people (so ``Kerry`` and ``John Kerry`` count as one); when a date is only a
  year, two shared participants are needed (a year holds many meetings of one leader).
"""

from __future__ import annotations

import math
import re
from datetime import date

MAX_DAYS = 1
_FULL = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SORTABLE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def family(event_type: str) -> str:
    """The type family: ``signing`` or ``meeting``."""
    return "signing" if event_type == "signing" else "meeting"


def _as_date(s: str) -> date | None:
    try:
        return date.fromisoformat(s)
    except ValueError:
        return None


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Whether two event dates can be the same day."""
    if not a or not b:
        return False
    if _FULL.match(a) and _FULL.match(b):
        da, db = _as_date(a), _as_date(b)
        if da is None or db is None:
            return a == b
        return abs((da - db).days) <= MAX_DAYS
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if x.startswith("--") and _FULL.match(y) and y.endswith(x[1:]):
            return True
        if not x.startswith("--") and y.startswith(x + "-"):
            return True
    return False


def participants_overlap(a: set[str], b: set[str], *, strict: bool = False) -> bool:
    """At least half of the smaller participant set (and at least one; two when ``strict``) is shared."""
    if not a or not b:
        return False
    need = max(2 if strict else 1, math.ceil(min(len(a), len(b)) / 2))
    return len(a & b) >= need


def coarse(a: str | None, b: str | None) -> bool:
    """Whether either date is known only to the year."""
    return any(d is not None and len(d) == 4 for d in (a, b))


def sort_key(d: str | None) -> str | None:
    """The sortable form of a date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), None otherwise."""
    m = _SORTABLE.match(d or "")
    return m.group(0) if m else None
