"""Titles of a weak head written right before a name (``lãnh đạo Triều Tiên Kim Jong-un``).

``lãnh đạo``, ``lãnh tụ`` and ``thủ lĩnh`` (``titles.yaml`` ``weak_heads``) are a person's position
when they stand right before the name with only capitalized words (the country or body led) between,
but as a title head everywhere they would run over verbs and groups (``lãnh đạo đất nước``, ``các
nhà lãnh đạo Đông Nam Á``) and beat the person's real title. So they are read last, only for a
person no other title is written for, and only in that one shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Protocol

from .gazetteer import alternation, load_yaml


class _Person(Protocol):
    """What a weak title is given to (``people.Found``): its mentions and the titles written for it."""

    mentions: list[tuple[int, int]]
    titles: list[str]
    title_spans: list[tuple[int, int]]


#: how far before a name a weak title may start
_REACH = 60


@cache
def _weak_heads() -> re.Pattern[str]:
    """A weak head (either case of its first letter) in group ``head``, maybe after ``cố``/``cựu``/
    ``nguyên`` (``weak_head_mods``: group ``mod``, part of the title) and ``nhà`` (not: ``nhà lãnh
    đạo`` is the head's own wording)."""
    y = load_yaml("titles.yaml")
    heads, mods = (_both_cases(y.get(k) or []) for k in ("weak_heads", "weak_head_mods"))
    return re.compile(rf"(?<!\w)(?P<mod>(?:{alternation(mods)})[^\S\n]+)?(?:(?:nhà|Nhà)[^\S\n]+)?"
                      rf"(?P<head>{alternation(heads)})(?!\w)")


def _both_cases(words: list[str]) -> list[str]:
    """These words as written (lower case) and with their first letter capitalized."""
    low = [str(w) for w in words]
    return low + [w[:1].upper() + w[1:] for w in low]


@cache
def _not_one() -> frozenset[str]:
    """Words before a head that make it a group or an act, not one person's position (``titles.yaml``
    ``weak_head_groups``: ``các nhà lãnh đạo``, ``sự lãnh đạo``)."""
    return frozenset(str(w) for w in load_yaml("titles.yaml").get("weak_head_groups") or [])


_CAPS = re.compile(r"(?:[^\S\n]+[^\W\d_][\w\-'’.]*)*[^\S\n]+")  # words only, no comma or bracket


def _weak_before(ctext: str, name_start: int) -> tuple[int, int] | None:
    """The span of a weak title ending right before ``name_start``, if one is written there."""
    lo = max(0, name_start - _REACH, ctext.rfind("\n", 0, name_start) + 1)
    hits = list(_weak_heads().finditer(ctext, lo, name_start))
    if not hits or not ctext[name_start - 1:name_start].isspace():
        return None
    h = hits[-1]
    between = ctext[h.end():name_start]
    if not _CAPS.fullmatch(between) or not all(w[0].isupper() for w in between.split()):
        return None  # "lãnh đạo đất nước Kim": a verb and its object
    before = ctext[max(0, h.start() - 12):h.start()].split()
    if before and before[-1].lower() in _not_one():
        return None
    start = h.start("mod") if h.group("mod") and h.end("mod") == h.start("head") else h.start("head")
    return start, h.end() + len(between.rstrip())


def add_weak_titles(found: Iterable[_Person], ctext: str) -> None:
    """Give each person with no title the longest weak title written right before a mention (the
    first of the longest, as the annotation guide picks a title's wording)."""
    for f in found:
        if f.titles:
            continue
        spans = [s for s in (_weak_before(ctext, a) for a, _ in sorted(f.mentions)) if s is not None]
        if spans:
            span = max(spans, key=lambda s: (s[1] - s[0], -s[0]))
            f.titles.append(ctext[span[0]:span[1]])
            f.title_spans.append(span)
