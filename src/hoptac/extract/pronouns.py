"""Gender of the people of an article, read from the honorifics the article writes before them.

Vietnamese news refers back to a speaker with ``ông`` (a man), ``bà`` (a woman) or ``Ngài``
(either). The statements stage resolves such a pronoun to the last person who spoke; this
module tells it when that person cannot be meant: ``bà`` never stands for someone the article
calls ``ông X``, and ``ông`` never for someone it calls ``bà X``. The honorific words are in
``resources/cues.yaml`` (``honorifics``), and so is a Vietnamese middle name (``Văn``, ``Thị``);
a person the article tells neither of is compatible with every pronoun.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import cache

from ..model import Article, Person
from ..resources import safe_load
from ..settings import RESOURCES


@cache
def _cues() -> dict:  # type: ignore[type-arg]
    """``cues.yaml``, read once (its tables are asked for one by one)."""
    with open(RESOURCES / "cues.yaml", encoding="utf-8") as fh:
        return safe_load(fh)


@cache
def _table(key: str) -> dict[str, str]:
    """Word (lower case) -> ``M`` or ``F``, from the ``key`` table of ``cues.yaml``."""
    return {" ".join(str(w).lower().split()): str(g) for g, words in _cues()[key].items() for w in words}


@cache
def _title_prefixes() -> frozenset[str]:
    """The words that may precede a title used alone (``Quyền``), and the empty string."""
    words = _cues().get("title_prefixes") or []
    return frozenset({"", *(" ".join(str(w).lower().split()) for w in words)})


@cache
def title_words() -> frozenset[str]:
    """The single words that may stand before a title without being part of it (``ông``, ``cựu``)."""
    return frozenset(w for p in _title_prefixes() for w in p.split())


def _honorifics() -> dict[str, str]:
    return _table("honorifics")


def _middle(name: str) -> str | None:
    """The gender a Vietnamese middle name tells (``Nguyễn Văn An``), if any."""
    words = name.lower().split()
    found = {g for w in words[1:-1] if (g := _table("middle_names").get(w))}
    return found.pop() if len(found) == 1 else None


def _before(text: str, a: int) -> str | None:
    """The gender of an honorific written right before position ``a``, if any."""
    m = re.search(r"(\w+(?:\s+\w+)?)\s+$", text[max(0, a - 14):a])
    if not m:
        return None
    words = m.group(1).lower().split()
    return _honorifics().get(" ".join(words)) or _honorifics().get(words[-1])


def _opening(text: str, a: int, b: int) -> str | None:
    """The gender of an honorific that opens a mention (``Bà Tina Kaidanow``), if any."""
    first = text[a:b].split(maxsplit=1)
    return _honorifics().get(first[0].lower()) if len(first) == 2 else None


def genders(article: Article) -> dict[str, str]:
    """Person name -> ``M``/``F`` where the article writes one honorific before them (``ông X``)."""
    out: dict[str, str] = {}
    for p in article.people:
        seen = {g for a, b in p.mentions if (g := _opening(article.text, a, b) or _before(article.text, a))}
        if not seen and (g := _middle(p.name)):
            seen = {g}
        if len(seen) == 1:
            out[p.name] = seen.pop()
    return out


def pronoun_gender(word: str) -> str | None:
    """The gender a pronoun says (``bà`` -> ``F``, ``ông ấy`` -> ``M``), None for ``Ngài``, ``tôi``."""
    words = word.lower().split()
    return _honorifics().get(words[0]) if words else None


_titles_seen = threading.local()


def _titles_ending(people: list[Person]) -> dict[str, list[Person]]:
    """The people with a title of two words or more, by the title's last word (lower case), in order.

    Kept for the people list being read (it does not change while statements are read).
    """
    seen = getattr(_titles_seen, "value", None)
    if seen is None or seen[0] is not people or seen[1] != len(people):
        by_end: dict[str, list[Person]] = {}
        for p in people:
            title = (p.title or "").lower().split()
            if len(title) >= 2:
                by_end.setdefault(title[-1], []).append(p)
        seen = (people, len(people), by_end)
        _titles_seen.value = seen
    return seen[2]


def titled(people: list[Person], phrase: str, filler: Callable[[str], bool]) -> Person | None:
    """The one person whose title the subject ``phrase`` (lower case) names without a name:
    ``Quyền bộ trưởng Quốc phòng Mỹ cũng đánh giá cao`` after ``Patrick Shanahan``, titled
    ``bộ trưởng Quốc phòng Mỹ``. Trailing ``filler`` words (adverbs) are dropped; the title
    (two words or more) must make the phrase, after nothing or one of ``title_prefixes`` of
    ``cues.yaml`` (``quyền``, ``tân``); a title that two people hold names neither.
    """
    words = phrase.split()
    while words and filler(words[-1]):
        words.pop()
    found = set()
    for p in _titles_ending(people).get(words[-1] if words else "", ()):  # a title must end the phrase
        title = (p.title or "").lower().split()
        lead = words[:len(words) - len(title)]
        if len(title) >= 2 and words[-len(title):] == title and " ".join(lead) in _title_prefixes():
            found.add(p.name)
    return next(p for p in people if p.name in found) if len(found) == 1 else None


@cache
def _country_words() -> dict[str, str]:
    """Country word (lower case) -> side, from ``countries`` of ``cues.yaml`` (``Mỹ`` -> ``US``)."""
    return {" ".join(str(w).lower().split()): side for side, words in _cues()["countries"].items() for w in words}


def _title_parts(p: Person) -> list[list[str]]:
    """The offices of a person's title, each as lower-case words (``Phó Thủ tướng, Bộ trưởng
    Ngoại giao`` -> two offices)."""
    return [part.lower().split() for part in (p.title or "").split(",") if len(part.split()) >= 2]


def title_holder(people: list[Person], phrase: str, before: int, filler: Callable[[str], bool]) -> Person | None:
    """The person a title written alone as a subject stands for (``Thủ tướng cho biết``,
    ``Bộ trưởng Quốc phòng Mỹ cảm ơn``, ``ông Đại sứ nhấn mạnh``): the person whose title has an
    office opening with the phrase's words, on the side a country word at its end names, the one
    named last before source position ``before`` (else the only one). ``phrase`` is lower case;
    trailing ``filler`` words (adverbs) and a leading ``title_prefixes`` word are dropped; the
    phrase must keep two to six words (an office is never one syllable in Vietnamese).
    """
    words = phrase.split()
    while words and (filler(words[-1]) or (len(words) > 1 and filler(" ".join(words[-2:])))):
        words = words[:-1] if filler(words[-1]) else words[:-2]  # "tiếp tục", "một lần nữa"
    if words and words[0] in _title_prefixes():
        words = words[1:]
    side = None
    for n in (2, 1):
        tail = " ".join(words[-n:])
        if len(words) > n + 1 and tail in _country_words():
            side, words = _country_words()[tail], words[:-n]
            break
    if not 2 <= len(words) <= 6:
        return None
    fits = [p for p in people if (side is None or p.side == side)
            and any(part[:len(words)] == words for part in _title_parts(p))]
    if len(fits) <= 1:
        return fits[0] if fits else None
    last = {p.name: max((a for a, _b in p.mentions if a < before), default=-1) for p in fits}
    best = max(fits, key=lambda p: last[p.name])
    return best if last[best.name] >= 0 else None
