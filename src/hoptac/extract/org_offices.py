"""Organizations named in a person's title: ``Giám đốc Hội đồng kinh tế quốc gia Gary Cohn``,
``Chủ tịch Hội hữu nghị Việt - Trung Nguyễn Xuân Thắng``, ``cục phó Cục đối ngoại``.

The head walk of ``orgs.py`` needs a capitalized word (or a closer: a country, an acronym) to
name a body, so a sentence-case name after its head goes unread (``Cục đối ngoại``). Inside a
person's title the name's end is known: the title ends where the person's name starts (the title
reading of ``people.py``). The GUIDE annotates the organization of a person's title; here it is
read from the organization head that follows the title head to the end of the title (cut at a
comma: ``Bí thư Đảng ủy, Phó Giám đốc``), when its words name something: a capitalized word that is
not a company form (``Công ty CP`` names no firm), or, after a capitalized head, lower-case
dictionary words (``Hội đồng kinh tế quốc gia``), never a function word (``Tiểu ban về các ...``), a
generic word (``Trung tâm điều hành``) or a firm's lower-case kind (``Công ty thương mại``).
"""

from __future__ import annotations

import re
from functools import cache

from .gazetteer import Gazetteer, in_dictionary, is_cap
from .org_grammar import Hit, segments, tail_words
from .org_suffixes import legal_forms
from .spans import Cover

_FIRST_LOWER = re.compile(r"[^\S\n]+([a-zà-ỹđ]+)")


@cache
def _trim() -> re.Pattern[str]:
    """Punctuation and the words a name never ends on (:func:`tail_words`), at the end of a title's body."""
    return re.compile(rf"(?:[\s,;:.\-–]|\s+(?:{tail_words()}))+$")


def _trim_tail(name: str) -> str:
    """The name less a lower-case run after its last capitalized word that is no run of dictionary
    words (``... Hà Nội từng``: the title ran on over an adverb)."""
    spans = list(re.finditer(r"\S+", name))
    words = [m.group() for m in spans]
    k = len(words)
    while k > 1 and words[k - 1][:1].islower():
        k -= 1
    if k == len(words) or not any(is_cap(w) for w in words[1:k]) or segments(words[k:]):
        return name
    return name[:spans[k - 1].end()]  # where that word ends, not where its letters last occur


def _names_something(head: str, rest: str, kind: str, g: Gazetteer) -> bool:
    """Whether the words after an organization head in a title name a body (see the module)."""
    words = rest.split()
    if not words or any(w.lower() in g.org_not_in_name for w in words):
        return False
    if any(is_cap(w) and w.lower() not in legal_forms() for w in words):
        return " ".join(words[:2]).lower() not in g.org_generic
    if kind == "company" or not head[:1].isupper():
        return False
    low = [w.lower() for w in words]
    return (segments(low) and " ".join(low[:2]) not in g.org_generic_lower and low[0] not in g.org_generic_lower
            and " ".join(low[:2]) not in g.org_generic)


def title_org_hits(ctext: str, g: Gazetteer, titles: list[tuple[int, int, str | None]], taken: Cover,
                   places: Cover) -> list[Hit]:
    """The organizations named in the people's titles ``titles`` (spans of the NFC text with the
    holder's side) that no other reading took (``taken``), each from its head to the end of the
    title, with the holder's side."""
    out: list[Hit] = []
    for a, b, side in sorted(set(titles), key=lambda t: t[:2]):
        for th in g.title_heads.finditer(ctext, a, b):
            h = g.org_head_pattern.match(ctext, th.end() + 1, b)
            if h is None or ctext[th.end():h.start()] != " " or places.holds_point(h.start()):
                continue  # the head must follow a title head ("Chủ tịch UBND ..."); "Tây Ban Nha": a place
            head = h.group()
            first = _FIRST_LOWER.match(ctext, h.end(), b)
            if head in g.org_office_bodies or (first and in_dictionary(f"{head.lower()} {first.group(1)}")):
                continue  # "Bí thư Thành ủy": the office; "Cục trưởng": a title word
            cut = re.search(r"[,;(\n]", ctext[h.start():b])
            end = h.start() + (cut.start() if cut else b - h.start())
            name = _trim_tail(_trim().sub("", ctext[h.start():end]))
            end = h.start() + len(name)
            kind = g.org_heads[head]
            if end <= h.end() or taken.overlaps(h.start(), end) \
                    or not _names_something(head, name[len(head):], kind, g):
                continue
            out.append((h.start(), end, name, kind, side, name.lower()))
            break
    return out
