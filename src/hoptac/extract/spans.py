"""Span lookups in logarithmic time, so that long texts stay near-linear.

``Cover`` answers "is this point or span inside one of these spans?" over a fixed set;
``Taken`` answers questions near a point over spans taken in any order, overlaps allowed;
``Disjoint`` keeps non-overlapping spans as they are taken and answers "does this span
overlap one taken?". All three replace ``any(...)`` scans over every span for every query.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections.abc import Iterable, Iterator
from typing import Any


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

    def overlaps(self, a: int, b: int) -> bool:
        """Whether ``sa < b and a < sb`` for a span."""
        i = bisect.bisect_left(self._starts, b)  # the spans starting before b
        return i > 0 and self._reach[i - 1] > a


class Reach:
    """Fixed spans: the furthest end among those starting strictly between two points, in
    constant time after sorting (a sparse table of the ends' maxima)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._table = [[b for _, b in ordered]]  # row k: the furthest end of 2**k spans from each one
        half = 1
        while 2 * half <= len(ordered):
            prev = self._table[-1]
            self._table.append([max(prev[i], prev[i + half]) for i in range(len(prev) - half)])
            half *= 2

    def furthest_between(self, lo: int | None, hi: int) -> int | None:
        """The furthest end of the spans with ``lo < start < hi`` (no lower bound for None), if any."""
        i = 0 if lo is None else bisect.bisect_right(self._starts, lo)
        j = bisect.bisect_left(self._starts, hi)
        if i >= j:
            return None
        k = (j - i).bit_length() - 1
        return max(self._table[k][i], self._table[k][j - (1 << k)])


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

    def overlaps(self, a: int, b: int) -> bool:
        """Whether ``sa < b and a < sb`` for a span taken."""
        i = bisect.bisect_left(self._spans, (a - self._longest,))
        j = bisect.bisect_left(self._spans, (b,))
        return any(a < sb for _, sb in self._spans[i:j])

    def starts_within(self, lo: int, hi: int) -> bool:
        """Whether ``lo <= a <= hi`` for a span taken."""
        i = bisect.bisect_left(self._spans, (lo,))
        return i < len(self._spans) and self._spans[i][0] <= hi

    def first_start_from(self, pos: int) -> int | None:
        """The least start ``a >= pos`` of a span taken, if any."""
        i = bisect.bisect_left(self._spans, (pos,))
        return self._spans[i][0] if i < len(self._spans) else None

    def ends_before(self, pos: int) -> Iterator[int]:
        """The ends ``b <= pos`` of the spans taken, nearest first."""
        k = bisect.bisect_right(self._ends, pos) - 1
        while k >= 0:
            yield self._ends[k]
            k -= 1


_CAPTIONS = threading.local()  # per thread, the last article's captions and their Cover


def captions_of(article: Any) -> Cover:
    """The article's photo captions as a ``Cover`` (built once per article, not once per question:
    the events, topics and amounts stages ask of every sentence, match or amount)."""
    captions = article.captions  # set by the clean stage, never changed after it: the list and its length key
    last = getattr(_CAPTIONS, "entry", None)
    if last is None or last[0] is not captions or last[1] != len(captions):
        last = (captions, len(captions), Cover((a, b) for a, b in captions))
        _CAPTIONS.entry = last
    return last[2]


WORD_RUN = re.compile(r"[\w&]+")


def word_runs(text: str, names: set[str]) -> dict[str, list[tuple[int, int]]]:
    r"""Where each of ``names`` is written as a whole run of letters, digits, ``_`` and ``&`` (one
    reading of the text for them all): for a name made only of those, exactly where
    ``(?<![\w&])name(?![\w&])`` matches, in order."""
    out: dict[str, list[tuple[int, int]]] = {}
    for m in WORD_RUN.finditer(text):
        if m.group() in names:
            out.setdefault(m.group(), []).append(m.span())
    return out


def occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` starts in ``text``, overlapping occurrences included, in order."""
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out
