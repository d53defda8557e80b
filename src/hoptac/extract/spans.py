"""Span lookups in logarithmic time, so that long texts stay near-linear.

``Cover`` answers "is this point or span inside one of these spans?" over a fixed set;
``Taken`` answers questions near a point over spans taken in any order, overlaps allowed;
``Disjoint`` keeps non-overlapping spans as they are taken and answers "does this span
overlap one taken?". All three replace ``any(...)`` scans over every span for every query.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator


class Cover:
    """A fixed set of spans ``[a, b)``: is a point or a span inside one of them?"""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach = list(itertools.accumulate((b for _, b in ordered), max))  # furthest end so far

    def _furthest(self, a: int) -> int | None:
        i = bisect.bisect_right(self._starts, a)
        return self._reach[i - 1] if i else None

    def holds_point(self, pos: int) -> bool:
        """Whether ``a <= pos < b`` for a span."""
        end = self._furthest(pos)
        return end is not None and pos < end

    def holds_span(self, a: int, b: int) -> bool:
        """Whether ``sa <= a and b <= sb`` for a span."""
        end = self._furthest(a)
        return end is not None and b <= end


class Disjoint:
    """Non-overlapping spans taken one by one: does a new span overlap one of them?"""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._empty: list[int] = []  # empty spans (rare) break the order of the ends: kept apart

    def overlaps(self, a: int, b: int) -> bool:
        """Whether ``a < tb and ta < b`` for a taken span."""
        i = bisect.bisect_left(self._starts, b)  # spans starting before b; their ends grow with their starts
        return (i > 0 and self._ends[i - 1] > a) or any(a < t < b for t in self._empty)

    def add(self, a: int, b: int) -> None:
        """Take a span that overlaps none taken."""
        if a >= b:
            self._empty.append(a)
            return
        i = bisect.bisect_left(self._starts, a)
        self._starts.insert(i, a)
        self._ends.insert(i, b)


class Taken:
    """Spans taken one by one, in any order, overlaps allowed: queries near a point.

    Every query looks only at the spans that can answer it (those starting within the
    longest span's length of the point, or ending just before it), found by bisection.
    """

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []  # by start
        self._ends: list[int] = []  # sorted
        self._longest = 0

    def add(self, a: int, b: int) -> None:
        """Take the span ``[a, b)``."""
        bisect.insort(self._spans, (a, b))
        bisect.insort(self._ends, b)
        self._longest = max(self._longest, b - a)

    def holds_point(self, pos: int) -> bool:
        """Whether ``a <= pos < b`` for a span taken."""
        i = bisect.bisect_left(self._spans, (pos - self._longest,))
        j = bisect.bisect_right(self._spans, (pos, float("inf")))
        return any(pos < b for _, b in self._spans[i:j])

    def starts_within(self, lo: int, hi: int) -> bool:
        """Whether ``lo <= a <= hi`` for a span taken."""
        i = bisect.bisect_left(self._spans, (lo,))
        return i < len(self._spans) and self._spans[i][0] <= hi

    def ends_before(self, pos: int) -> Iterator[int]:
        """The ends ``b <= pos`` of the spans taken, nearest first."""
        k = bisect.bisect_right(self._ends, pos) - 1
        while k >= 0:
            yield self._ends[k]
            k -= 1
