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

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        """``re.Pattern.sub`` with the matches of :meth:`finditer` (a function as ``repl``; a template
        string goes to the whole pattern's ``sub``)."""
        if not callable(repl):
            return self.full.sub(repl, string, count)
        pieces: list[str] = []
        last = 0
        for n, m in enumerate(self.finditer(string), 1):
            pieces += (string[last:m.start()], repl(m))
            last = m.end()
            if n == count:
                break
        if not pieces:
            return string[:]  # as ``sub``: the same text when nothing matched
        pieces.append(string[last:])
        return "".join(pieces)

    def __getattr__(self, name: str) -> Any:  # match, findall, pattern, flags ...: the whole pattern's
        return getattr(self.full, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return Bounded, (self.full, self.fast)  # the kept matches stay behind


def bounded(pattern: str | re.Pattern[str], flags: int = 0, *, starts: str | None = None) -> Any:
    """``pattern`` compiled, as a :class:`Bounded` when it opens with a word boundary or a lookbehind
    and the rest cannot match an empty string, or when it cannot match an empty string and the
    engine has no first character of it to skip ahead to; otherwise the plain compiled pattern.

    ``starts``: a pattern that finds every place where a match of ``pattern`` can begin (its
    first characters, written so that the engine skips ahead to them); the whole pattern is tried
    there alone. Without it, a body the engine has no first character of to skip ahead to (it
    opens with an optional part, a repeat or alternatives in groups) is found through the
    openings :func:`_starts` reads from its parse (``sán|trư|ngà``, ``\\d``, ``[A-ZĐ]``).
    """
    full = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
    if starts is not None:
        return Bounded(full, re.compile(starts, full.flags))
    source = full.pattern
    if not isinstance(source, str):
        return full
    lead = 0
    while step := _lead(source[lead:]):  # "(?<!hơn )(?<!gần )\\b...": every assertion in front
        lead += step
    if not lead:  # tried where its openings stand, when the engine has no first character of it
        parsed = _parse(full)
        found = _starts(parsed.data) if parsed.getwidth()[0] > 0 else None
        return full if found is None else Bounded(full, re.compile(found, full.flags))
    try:
        fast = re.compile(source[lead:], full.flags)
    except re.error:  # the assertion was not a whole item of the pattern after all
        return full
    parsed = _parse(fast)  # once: the body's width and its openings are both read from it
    if fast.groups != full.groups or parsed.getwidth()[0] == 0:
        return full
    found = _starts(parsed.data)
    if found is not None:
        fast = re.compile(found, full.flags)
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


def _parse(p: re.Pattern[str]) -> Any:
    """The parse of a pattern (``re``'s own parser: its width and its items)."""
    parser = getattr(re, "_parser", None) or __import__("sre_parse")
    return parser.parse(p.pattern, p.flags)


def _starts(data: list[Any]) -> str | None:
    """A pattern finding the places where a match of a pattern (its parsed items ``data``) can
    begin, when the engine has no first character of it to skip ahead to (it opens with a group
    of alternatives, a repeat or an optional part): the few characters every match opens with
    (``sán|trư|ngà``, ``kể|từ|\\d``), else the set of its first characters (``[A-ZĐ]``); None
    when the engine skips ahead by itself or any character may open a match."""
    head = data
    while head and str(head[0][0]) == "SUBPATTERN":  # the engine looks through groups for its first characters
        head = head[0][1][-1].data
    if not head or str(head[0][0]) in ("LITERAL", "IN") or (
            str(head[0][0]) == "BRANCH" and all(alt.data and str(alt.data[0][0]) == "LITERAL" for alt in head[0][1][1])):
        return None  # the engine has a first character or set to skip ahead to
    opens = _prefixes(list(data), _PREFIX)
    if opens is not None and () not in opens:
        return "(?:" + "|".join(sorted(("".join(o) for o in opens), key=lambda o: (-len(o), o))) + ")"
    found = _first_set(data)
    if found is None or found[1] or not found[0] or not all(_set_item(item) for item in found[0]):
        return None
    return "[" + "".join(sorted(_set_item(item) for item in found[0])) + "]"  # type: ignore[misc]


#: how many characters of a match's opening :func:`_prefixes` reads, and how many openings it keeps at most
_PREFIX, _MAX_OPENINGS = 3, 200
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
Opening = tuple[str, ...]  # regular expressions of one character each: a literal, or \d


def _prefixes(items: list[Any], k: int) -> set[Opening] | None:
    """Openings of at most ``k`` characters one of which begins every match of the parsed ``items``
    (shorter where the pattern is no longer a plain character or a digit there; ``()``: anything
    may come); None when there would be too many."""
    if k == 0 or not items:
        return {()}
    (op, av), rest = items[0], items[1:]
    name = str(op)
    if name in _ZERO_WIDTH:
        return _prefixes(rest, k)
    atoms: list[str] | None = None
    if name == "LITERAL":
        atoms = [re.escape(chr(av))]
    elif name == "IN" and len(av) <= 8 and all(str(o) == "LITERAL" for o, _ in av):
        atoms = [re.escape(chr(c)) for _, c in av]
    elif name == "IN" and all(_is_digit((str(o), a if str(o) != "CATEGORY" else str(a))) for o, a in av):
        atoms = [r"\d"]
    if atoms is not None:
        tail = _prefixes(rest, k - 1)
        return None if tail is None or len(atoms) * len(tail) > _MAX_OPENINGS else {
            (x, *t) for x in atoms for t in tail}
    if name == "SUBPATTERN" and not av[1] and not av[2]:  # a group without flags of its own
        return _prefixes(list(av[-1].data) + rest, k)
    if name == "BRANCH":
        out: set[Opening] = set()
        for alt in av[1]:
            got = _prefixes(list(alt.data) + rest, k)
            if got is None or len(out | got) > _MAX_OPENINGS:
                return None
            out |= got
        return out
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        once = _prefixes(list(av[2].data), k)  # what one round opens with (what follows it is not read)
        if once is None:
            return None
        if av[0] > 0:
            return once
        skipped = _prefixes(rest, k)  # or none at all
        return None if skipped is None or len(once | skipped) > _MAX_OPENINGS else once | skipped
    return {()}  # any character, a wide set of them, a reference ...: the opening ends before it


def _set_item(item: tuple[str, Any]) -> str | None:
    """A set item (``(kind, arg)``) written inside ``[...]``: a character, a range or ``\\d``; None for others."""
    kind, arg = item
    if kind == "LITERAL":
        return re.escape(chr(arg))
    if kind == "RANGE":
        return re.escape(chr(arg[0])) + "-" + re.escape(chr(arg[1]))
    return r"\d" if kind == "CATEGORY" and arg == "CATEGORY_DIGIT" else None


def _first_set(data: list[Any]) -> tuple[set[Any], bool] | None:
    """The set items (``(op, arg)`` as the parser gives) a match of ``data`` can begin with, and
    whether it can match empty; None when any character can begin it (or the parse is not read here)."""
    out: set[Any] = set()
    for op, av in data:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width: the next item begins the match
        if name == "LITERAL":
            out.add(("LITERAL", av))
            return out, False
        if name == "IN":
            if any(str(o) == "NEGATE" for o, _ in av):
                return None
            out.update((str(o), a if str(o) != "CATEGORY" else str(a)) for o, a in av)
            return out, False
        if name == "SUBPATTERN" and (av[1] or av[2]):
            return None  # a group with flags of its own ("(?i:...)"): its characters are not read here
        if name in ("BRANCH", "SUBPATTERN", "ATOMIC_GROUP", "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            subs = (av[1] if name == "BRANCH" else [av[-1]] if name != "ATOMIC_GROUP" else [av])
            empty = False
            for sub in subs:
                got = _first_set(sub.data)
                if got is None:
                    return None
                out |= got[0]
                empty = empty or got[1]
            if name.endswith("REPEAT") and av[0] == 0:
                empty = True
            if not empty:
                return out, False
            continue
        return None  # any character, a negated one, a back reference ...
    return out, True


def _is_digit(item: tuple[str, Any]) -> bool:
    """Whether a set item matches digits only (``\\d`` finds each of them)."""
    kind, arg = item
    if kind == "LITERAL":
        return chr(arg).isdecimal()
    if kind == "RANGE":
        return 0x30 <= arg[0] <= arg[1] <= 0x39
    return kind == "CATEGORY" and arg == "CATEGORY_DIGIT"
