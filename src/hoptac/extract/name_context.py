"""Context that tells whether a capitalized run names a person (read by ``people.py``).

A run can be a person's name run on into the next word (``Nguyễn Xuân Phúc Tiếp``), a body or a
place written after a title (``chuyên gia của Forbes``, ``Quỹ Hoà bình Quốc tế Carnegie``), or a
foreign word alone that ends a title as the name of its body (``Giám đốc Điều hành Vinamilk``).
"""

from __future__ import annotations

import re
from collections import Counter

from .fastre import bounded
from .gazetteer import Gazetteer
from .names import Candidate

HONORIFIC = bounded(r"(?<!\w)(ông|bà|ngài|Ông|Bà|Ngài|Mr\.?|Mrs\.?|Ms\.?)\s+$")


def trim_run_on(cands: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """A Vietnamese name run on into the next capitalized word (``Nguyễn Xuân Phúc Tiếp`` in a caption,
    ``Nguyễn Chí Dũng Như các bạn biết``) ends where the name ends when written elsewhere in the article
    or in the leaders table."""
    names = Counter(c.name for c in cands)
    out = []
    for c in cands:
        head = " ".join(c.words[:-1])
        if c.kind == "vn" and len(c.words) >= 3 and names[c.name] == 1 and (
                (names[head] and len(c.words) >= 4) or head in g.leaders):
            cut = c.end - len(c.words[-1]) - 1
            c = Candidate(c.start, cut, head, "vn", c.words[:-1])
        out.append(c)
    return out


def body_word(c: Candidate, ctext: str, g: Gazetteer, surnames: frozenset[str] = frozenset()) -> bool:
    """A foreign word alone, no leader, no honorific before it, no full name of the article ending with
    it (``Antonio Guterres``): in a title, the name of its body."""
    return c.kind == "foreign" and len(c.words) == 1 and c.name not in g.leaders and c.name not in surnames \
        and not HONORIFIC.search(ctext, max(0, c.start - 8), c.start)


NAME_GOES_ON = re.compile(r"(?:\s+[A-ZĐÀ-Ỹ][\w\-]*(?:\s+[a-zđà-ỹ]+)?){1,5}")
DASHED = re.compile(r"\s*[-–(]")  # a dashed or bracketed apposition, not a comma of a list
OF_AT = frozenset({"của", "tại", "ở", "thuộc", "về", "cho", "với", "từ", "châu"})
LAST_WORD = re.compile(r"(\w+)\W*$")


def names_body(ctext: str, start: int, name_start: int, g: Gazetteer, *, word: bool = False) -> bool:
    """Whether a title written before a run ends on a word that makes the run a body or a place:
    a possessive or locative (``chuyên gia của Forbes``, ``Bộ trưởng ... tại Bonn``); for a foreign
    ``word`` alone, also a place prefix (``bang Massachusetts``), an organization head (``Trung tâm
    Stimson``) or a body's name it goes on with (``Quỹ Hoà bình Quốc tế Carnegie``)."""
    tail = ctext[start:name_start].rstrip(" ,-–")
    m = LAST_WORD.search(tail)
    if m is None or m.end(1) != len(tail):
        return False
    if m.group(1).lower() in OF_AT:
        return True
    if not word:
        return False
    body = list(g.org_head_pattern.finditer(tail))
    if body and NAME_GOES_ON.fullmatch(tail, body[-1].end()):
        return True  # "Quỹ Hoà bình Quốc tế Carnegie": the body's name goes on
    if any(tail.endswith(" " + p) for p in g.place_prefixes):
        return True
    return any(h.end() == len(tail) for h in g.org_head_pattern.finditer(tail, max(0, len(tail) - 30)))
