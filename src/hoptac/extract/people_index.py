"""The people found so far, indexed by the keys ``people.person_for`` compares on.

A long text (hundreds of articles end to end) names hundreds of people, and every name
candidate used to be compared with every person found: a surname, a first name, the last
word of a Vietnamese name, a leader's canonical name, a surname misspelt by one letter. Here
each person sits under each of those keys, kept up to date as their names grow, so a lookup
reads only the people that can match; the caller applies its own test to them, in the order
the people were found, so the answer is the one the scan gave.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gazetteer import Gazetteer
    from .people import Found

_MIN_MISSPELT = 6  # people._one_letter_apart compares words of this length or more only


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1:] for i in range(len(word))]


class PeopleIndex:
    """People under their surname key, first word, last word and leader name, each list in finding order."""

    def __init__(self, order: dict[int, int]) -> None:
        self.order = order  # id of a person -> their place among the people found
        self._lists: dict[tuple[str, str], list[Found]] = {}  # (which key, key) -> people, in order
        self._keys: dict[int, tuple[tuple[str, str], ...]] = {}  # id of a person -> the keys they sit under
        self._surnames: set[str] = set()  # every surname key of 6 letters or more seen
        self._substituted: dict[tuple[str, int], set[str]] = {}  # a surname with letter i dropped -> surnames
        self._shortened: dict[str, set[str]] = {}  # a surname with any one letter dropped -> surnames
        self._starts: dict[int, tuple[list[tuple[int, int]], int, list[int]]] = {}  # last_before's cache

    @staticmethod
    def keys_of(f: Found) -> tuple[tuple[str, str], ...]:
        """The keys a person is looked up by (as ``people.person_for`` and ``bearers_of`` compute them)."""
        words = f.name.split()
        keys = []
        if f.kind == "foreign":
            keys.append(("surname", f.surname_key()))
            if len(words) > 1:
                keys.append(("first", words[0]))
        if words:
            keys.append(("last", words[-1]))
        if f.leader:
            keys.append(("leader", f.leader[0]))
        return tuple(keys)

    def update(self, f: Found) -> None:
        """File a new person, or move one whose names or leader changed."""
        keys = self.keys_of(f)
        old = self._keys.get(id(f), ())
        if keys == old:
            return
        rank = self.order[id(f)]
        for k in old:
            if k not in keys:
                people = self._lists[k]
                del people[next(i for i, p in enumerate(people) if p is f)]
        for k in keys:
            if k not in old:
                people = self._lists.setdefault(k, [])
                people.insert(bisect.bisect_left(people, rank, key=lambda p: self.order[id(p)]), f)
                if k[0] == "surname":
                    self._add_surname(k[1])
        self._keys[id(f)] = keys

    def rebuild(self, found: list[Found]) -> None:
        """Index exactly these people (after some were dropped)."""
        self._lists.clear()
        self._keys.clear()
        for f in found:
            self.update(f)

    def under(self, which: str, key: str) -> list[Found]:
        """The people under a key, in the order they were found."""
        return self._lists.get((which, key), [])

    def near_surname(self, last: str) -> list[Found]:
        """The people whose surname key is ``last`` or may be one letter apart from it, in finding order."""
        keys = {last}
        if len(last) >= _MIN_MISSPELT:
            for i, d in enumerate(_deletions(last)):
                keys |= self._substituted.get((d, i), set())  # one letter replaced
                if d in self._surnames:
                    keys.add(d)  # one letter added to a known surname
            keys |= self._shortened.get(last, set())  # one letter dropped from a known surname
        people = [f for k in keys for f in self.under("surname", k)]
        if len(keys) > 1:
            people.sort(key=lambda p: self.order[id(p)])
        return people

    def _add_surname(self, key: str) -> None:
        if len(key) < _MIN_MISSPELT or key in self._surnames:
            return
        self._surnames.add(key)
        for i, d in enumerate(_deletions(key)):
            self._substituted.setdefault((d, i), set()).add(key)
            self._shortened.setdefault(d, set()).add(key)

    def last_before(self, f: Found, pos: int) -> int | None:
        """The last start of a mention of ``f`` before ``pos`` (mentions are only appended, or the
        list replaced: its starts are kept sorted and caught up, not scanned on every question)."""
        cached = self._starts.get(id(f))
        if cached is None or cached[0] is not f.mentions or cached[1] > len(f.mentions):
            cached = (f.mentions, len(f.mentions), sorted(a for a, _ in f.mentions))
        elif cached[1] < len(f.mentions):
            for a, _ in f.mentions[cached[1]:]:
                bisect.insort(cached[2], a)
            cached = (f.mentions, len(f.mentions), cached[2])
        self._starts[id(f)] = cached
        i = bisect.bisect_left(cached[2], pos)
        return cached[2][i - 1] if i else None


class TitleHolders:
    """The people whose title (``Found.title``) starts with a head, per head, kept as titles grow;
    each person's side and each title's words computed once (``people._bare_titles``)."""

    def __init__(self, found: list[Found], g: Gazetteer) -> None:
        self.found = found
        self.g = g
        self._of: dict[str, list[Found]] = {}
        self._sides: dict[int, tuple[int, str | None]] = {}  # id -> (number of titles, side)
        self._words: dict[str, set[str]] = {}

    def of(self, head: str) -> list[Found]:
        """The people whose title starts with ``head`` (lower case), in finding order."""
        if head not in self._of:
            self._of[head] = [f for f in self.found if self._holds(f, head)]
        return self._of[head]

    @staticmethod
    def _holds(f: Found, head: str) -> bool:
        t = f.title
        return bool(t) and t.lower().startswith(head)  # type: ignore[union-attr]

    def retitled(self, f: Found) -> None:
        """``f`` has a new title: file it again under every head asked so far."""
        for head, people in self._of.items():
            was = any(p is f for p in people)
            if was != self._holds(f, head):
                self._of[head] = [p for p in self.found if self._holds(p, head)]

    def side(self, f: Found) -> str | None:
        """``people.side_of(f)``, again only when ``f`` has a new title (nothing else changes here)."""
        from .people_sides import side_of

        cached = self._sides.get(id(f))
        if cached is None or cached[0] != len(f.titles):
            cached = (len(f.titles), side_of(f, self.g))
            self._sides[id(f)] = cached
        return cached[1]

    def words(self, title: str) -> set[str]:
        """The lower-case words of a title."""
        if title not in self._words:
            self._words[title] = {w.lower() for w in re.findall(r"\w+", title)}
        return self._words[title]


#: a title read across "khi đó là" / "lúc ấy là" to the name after it: held then, not now
_HELD_THEN = re.compile(r"\s+(?:khi|lúc)\s+(?:đó|ấy)\s+là\s", re.IGNORECASE)


def held_then(f: Found, ctext: str) -> bool:
    """Whether every title written beside ``f`` is one it held at a time the text sets in the past
    (``tổng thống Mỹ khi đó là Barack Obama``): a title written alone later in the article
    (``Tổng thống Mỹ và Thủ tướng Việt Nam ngày 31/5 …``) is then another holder's, the one in office."""
    return bool(f.title_spans) and all(_HELD_THEN.match(ctext, b) for _a, b in f.title_spans)
