"""Positions written with a common noun (``thành viên``, ``quan chức``, ``đại diện``): a person's
title only beside a name the people stage has already found.

These words are everyday nouns (``các nước thành viên``, ``đại diện doanh nghiệp``, ``quan chức
địa phương``): as heads of ``titles.yaml`` they would make a capitalized word after them a person,
and the name tagger reads those heads as features. Right before or after the name of a person found
otherwise (``Ngô Di Lân, thành viên nhóm nghiên cứu ...``, ``thành viên Uỷ ban Ngân sách Thượng viện
Sheldon Whitehouse``, ``ông X, Phó chánh thanh tra Bộ Y tế``) they are that person's position
(annotations/GUIDE.md). The words are ``noun_heads`` of ``titles.yaml``; the title is read as one of a
head's (:func:`.titles.title_before`, :func:`.titles.title_after`), so which names are found does
not change.
"""

from __future__ import annotations

import re
from functools import cache

from .fastre import bounded
from .gazetteer import Gazetteer, alternation, initials_either_case, load_yaml
from .titles import MODIFIER_WORDS, TitleMatch, title_after, title_before


@cache
def _pattern() -> re.Pattern[str]:
    """The noun heads in every capitalization a newsroom writes them."""
    words = load_yaml("titles.yaml").get("noun_heads") or []
    forms = [f for w in words for f in (*initials_either_case(w), w.lower())]
    return bounded(rf"(?<![\w])(?:{alternation(forms)})(?![\w])")  # type: ignore[no-any-return]


#: a word that makes the noun one of a group or anyone (``một quan chức chính quyền Trump``: not Trump)
_GROUP_BEFORE = re.compile(r"(?<!\w)(?:một|các|những|nhiều|mọi|vị|hai|ba|Một|Các|Những|Nhiều)\s+$")


_OF_NAME = re.compile(r"\scủa\s*$")  # "Người đại diện Dimitri Seluk của Yaya Toure": the agent is someone else
_IS = re.compile(r"\s+là\s")
_MODIFIERS = re.compile(rf"^(?:(?:{MODIFIER_WORDS})\s+)+")


class NounHeads:
    """The noun heads of one text, found once."""

    def __init__(self, ctext: str) -> None:
        self.heads = list(_pattern().finditer(ctext))
        self.at = {h.start(): h for h in self.heads}


def noun_title(ctext: str, nouns: NounHeads, g: Gazetteer, span: tuple[int, int], floor: int,
               next_name: int | None) -> tuple[TitleMatch | None, TitleMatch | None]:
    """The noun title written right before the name at ``span`` (from ``floor``) or after it (up to
    ``next_name``): ``(before, after)``, at most one of them. A noun after ``một``, ``các`` is one of a
    group, a noun alone or with ``của`` right before the name is theirs (``đại diện Kim Tae Hee``, ``đại
    diện của X``: someone who speaks for them), and after ``là`` it says what someone is: none is this
    person's title. An apposition that runs into the next name is that name's."""
    tb = title_before(ctext, nouns.heads, span[0], floor, g)
    if tb is not None and _MODIFIERS.sub("", ctext[tb.start:tb.end]).lower() != tb.head \
            and not _OF_NAME.search(ctext, tb.start, span[0]) \
            and _GROUP_BEFORE.search(ctext, max(0, tb.start - 12), tb.start) is None:
        return tb, None
    if _IS.match(ctext, span[1]):
        return None, None  # "Kim là quan chức quân sự đầu tiên": a predicate says what someone is
    ta = title_after(ctext, nouns.at, span[1], g, next_name)
    if ta is not None and _GROUP_BEFORE.search(ctext, max(0, ta.start - 12), ta.start):
        return None, None  # "ông Bush - một thành viên của đảng Cộng hoà": one of a group
    return None, (None if ta is None or ta.reached else ta)
