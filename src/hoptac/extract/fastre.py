"""Regular expressions that open with a word-boundary assertion, searched without its cost.

A pattern that begins with ``(?<![\\w])`` or ``\\b`` gives Python's regex engine nothing to
skip ahead with: it runs the assertion and then the pattern at every position of the text,
while the same pattern without the assertion starts with a literal or a set of first
characters that the engine finds in one quick pass (a gazetteer scan costs a tenth as much).
:func:`bounded` compiles such a pattern as a :class:`Bounded`: the rest of the pattern finds
where a match can start, and the whole pattern is tried only there. Matches are the very ones
the plain pattern gives (each is the whole pattern's own match object); the assertion is
zero-width and comes first, so it cannot change which alternative matches where.

The gazetteer's patterns are run over a whole article by several stages (the title heads by
the name tagger, the titles and the organization grammar; the place names by four): a
:class:`Bounded` keeps the matches of its last whole-text ``finditer`` run to the end, and
gives the same match objects again when asked of the same text (match objects are
read-only, so sharing them changes nothing).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

__all__ = ["Bounded", "bounded"]

class Bounded:
    """A compiled pattern searched through its body (see the module); other methods are the pattern's."""

    __slots__ = ("fast", "full", "last", "match")

    def __init__(self, full: re.Pattern[str], fast: re.Pattern[str]) -> None:
        self.full = full
        self.fast = fast
        #: the whole pattern's own ``match`` (the taxonomy scan calls it most), without a __getattr__ call
        self.match = full.match
        #: the last whole text read to its end by finditer, and its matches
        self.last: tuple[str, tuple[re.Match[str], ...]] | None = None

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The first match at or after ``pos``, as ``re.Pattern.search``."""
        fast, full = self.fast.search, self.full.match
        while True:
            m = fast(string, pos, endpos)
            if m is None:
                return None
            hit = full(string, m.start(), endpos)
            if hit is not None:
                return hit
            pos = m.start() + 1

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """Every non-overlapping match, as ``re.Pattern.finditer`` (the body never matches empty)."""
        whole = pos == 0 and endpos >= len(string)
        if whole:
            last = self.last
            if last is not None and (last[0] is string or last[0] == string):
                yield from last[1]
                return
        found = []
        fast, full = self.fast.search, self.full.match
        while True:
            m = fast(string, pos, endpos)
            if m is None:
                break
            hit = full(string, m.start(), endpos)
            if hit is None:
                pos = m.start() + 1
                continue
            if whole:
                found.append(hit)
            yield hit
            pos = hit.end()
        if whole:
            self.last = (string, tuple(found))

    def __getattr__(self, name: str) -> Any:  # match, sub, findall, pattern, flags ...: the whole pattern's
        return getattr(self.full, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return Bounded, (self.full, self.fast)  # the kept matches stay behind


def bounded(pattern: str | re.Pattern[str], flags: int = 0) -> Any:
    """``pattern`` compiled, as a :class:`Bounded` when it opens with a word boundary or a lookbehind
    and the rest cannot match an empty string; otherwise the plain compiled pattern."""
    full = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
    source = full.pattern
    if not isinstance(source, str):
        return full
    lead = 0
    while step := _lead(source[lead:]):  # "(?<!hơn )(?<!gần )\\b...": every assertion in front
        lead += step
    if not lead:
        return full
    try:
        fast = re.compile(source[lead:], full.flags)
    except re.error:  # the assertion was not a whole item of the pattern after all
        return full
    if fast.groups != full.groups or _min_width(fast) == 0:
        return full
    return Bounded(full, fast)


def _lead(source: str) -> int:
    """The length of the zero-width assertion that opens ``source`` (``\\b``, a lookbehind), else 0."""
    if source.startswith("\\b"):
        return 2
    if not source.startswith(("(?<!", "(?<=")):
        return 0
    depth, i, n = 0, 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: ``]`` first (or after ``^``) is a member, not its end
            i += 2 if source[i + 1:i + 2] == "^" else 1
            i += 1 if source[i + 1:i + 2] == "]" else 0
            while i + 1 < n and source[i + 1] != "]":
                i += 2 if source[i + 1] == "\\" else 1
            i += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return 0


def _min_width(p: re.Pattern[str]) -> int:
    """The fewest characters a pattern can match."""
    parser = getattr(re, "_parser", None) or __import__("sre_parse")
    return int(parser.parse(p.pattern, p.flags).getwidth()[0])
