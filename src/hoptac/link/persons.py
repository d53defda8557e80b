"""Whether a name an article gives a person can be an entry of the store's people.

Extraction sometimes takes for a person what is not one. The store keeps out, with the reason:

1. a country of several words, alone or glued to the next word (``Hoa Kỳcủa``; countries from
   ``resources/gazetteer/places.yaml``);
2. a fragment: an initial glued to one short syllable (``C.Sa``, ``R.Pa``, ``Đ.Trăm``), a
   name ending in a dangling hyphen (``Cát - chen -``, ``S.A -``), or written in syllables
   joined by hyphens after an initial (``B.Ô-ba-ma``, ``G.Luân-đôn``: an old transliteration
   that cannot be told apart from other people's);
3. a place: every mention right after a word for where something is (``dạo quanh Hồ Hoàn
   Kiếm``; ``resources/linking.yaml``: ``not_people``), when the article gives it no title.
"""

from __future__ import annotations

import re
from functools import cache

from ..extract.gazetteer import gazetteer
from ..model import Article, Person
from .lexicon import cue
from .text import fold, lower

__all__ = ["not_a_person"]

_GLUED_INITIAL = re.compile(r"^\s*\w\s*\.\s*\w{1,4}\s*\.?\s*$")
_SYLLABLES = re.compile(r"^\s*(?:\w\s*\.\s*)+\w+(?:-\w+)+\s*$")
_DANGLING = re.compile(r"(?:^|\s)[-–]\s*$")


@cache
def _country_prefix() -> re.Pattern[str]:
    names = sorted((fold(n) for n in gazetteer().countries if len(n.split()) >= 2), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(n) for n in names) + r")")


def not_a_person(p: Person, article: Article) -> str | None:
    """Why this person of the article is no person for the store (None: a person)."""
    name = p.name.strip()
    country = _country_prefix().match(fold(name))
    if country and not name[country.end():country.end() + 1].isspace():
        return "a country's name"  # alone or glued to the next word; "Triều Tiên Kim Jong Un" is his
    if _GLUED_INITIAL.match(name) or _SYLLABLES.match(name) or _DANGLING.search(name):
        return "a fragment of a name"
    if not p.title and p.mentions and all(_after_place_word(article.text, start) for start, _ in p.mentions):
        return "a place"
    return None


def _after_place_word(text: str, start: int) -> bool:
    before = lower(text[max(0, start - 24):start]).rstrip()
    return any(m.end() == len(before) for m in cue("not_people", "place_before").finditer(before))
