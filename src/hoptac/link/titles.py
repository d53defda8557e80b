"""A person's title as the store keeps it: one canonical phrase per office, whatever the article wrote.

Extraction keeps a title as written beside the name; across articles the same office is
written many ways, and a title phrase can carry words that are not the office. Rules, in order:

1. the person's own name is removed, tone marks folded (``Thủ tướng Nguyên Xuân Phúc``);
2. a title written twice keeps its last writing (``Thủ tướng tại Phòng Bầu dục Thủ tướng``
   -> ``Thủ tướng``); parts of a chain that repeat another part are dropped
   (``Thủ tướng Chính phủ, Thủ tướng`` -> ``Thủ tướng Chính phủ``);
3. words saying when the title was held (``Thủ tướng lúc đó``, ``resources/linking.yaml``) are
   removed at its end (the title is dated by its article); then a trailing place phrase
   (``tại Phòng Bầu dục``, ``ở Hà Nội``) is removed, except after a posted office whose seat is part of it (``Đại sứ Việt Nam tại Mỹ``, ``resources/linking.yaml``);
4. a head followed by one letter naming no place (a word cut at a hyphen) is the head alone, and a bare
   head followed by ``và`` keeps the head (``Thủ tướng và chính phủ`` names two actors, not an office);
5. the first letter is upper case (``bộ trưởng Quốc phòng`` -> ``Bộ trưởng Quốc phòng``).

:func:`title_key` is what two writings of one title share (case and tone placement folded).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import pairwise

from ..extract.gazetteer import gazetteer
from .lexicon import cue
from .text import exact_key, fold

_SEAT = re.compile(r"\s+(?:tại|ở)\s+\S.*$")
_EDGE = " ,-–:;"


@cache
def _heads() -> re.Pattern[str]:
    return gazetteer().title_heads


def _strip_names(title: str, names: list[str]) -> str:
    """The title without any writing of the person's names (tone marks folded, so misspellings go too)."""
    folded = fold(title)
    for n in sorted({n for n in names if n and len(n.split()) >= 1}, key=len, reverse=True):
        key = fold(n).strip()
        if len(key) < 3:
            continue
        for m in reversed(list(re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", folded))):
            title = title[:m.start()] + title[m.end():]
            folded = folded[:m.start()] + folded[m.end():]
    return re.sub(r"\s{2,}", " ", title).strip(_EDGE)


def _one_writing(title: str) -> str:
    """A title whose first head comes again (``Thủ tướng tại Phòng Bầu dục Thủ tướng``) is written twice:
    each writing loses its place phrase and the fullest is kept."""
    heads = list(_heads().finditer(title))
    if len(heads) < 2:
        return title
    first = heads[0].group().lower()
    cuts = [0] + [h.start() for h in heads[1:] if h.group().lower() == first
                  and title[:h.start()].rstrip()[-1:] != ","] + [len(title)]
    if len(cuts) == 2:
        return title
    writings = [_no_seat(title[a:b].strip(_EDGE)) for a, b in pairwise(cuts)]
    return max(writings, key=lambda w: (len(w.split()), w))


def _chain(title: str) -> str:
    """The parts of a comma chain, each once: a part equal to or inside another is dropped."""
    parts = [p.strip(_EDGE) for p in title.split(",")]
    parts = [p for p in parts if p]
    keep: list[str] = []
    for i, p in enumerate(parts):
        k = exact_key(p)
        if any(exact_key(q) == k for q in keep):
            continue
        if any(j != i and k != exact_key(q) and exact_key(q).startswith(k) for j, q in enumerate(parts)):
            continue
        keep.append(p)
    return ", ".join(keep)


def _no_seat(title: str) -> str:
    """The title without a trailing ``tại ...``/``ở ...``, unless the office is a posted one."""
    m = _SEAT.search(title)
    if m is None:
        return title
    if cue("titles", "posted").search(exact_key(title[:m.start()])):
        venue = gazetteer().venue_pattern.search(title, m.start())
        if venue is None:
            return title
    return title[:m.start()].strip(_EDGE)


def _no_when(title: str) -> str:
    """The title without trailing words saying when it was held (``Tổng thống Mỹ lúc đó``)."""
    low = title.lower()
    for m in cue("titles", "when_held").finditer(low):
        if not low[m.end():].strip(_EDGE) and m.start() > 0:
            return title[:m.start()].strip(_EDGE)
    return title


def _name_tail(title: str, names: list[str]) -> str:
    """The title without a trailing capitalized run ending like the person's name, misspelt
    (``Thủ tướng Ngyễn Xuân Phúc``)."""
    tails = {" ".join(fold(n).split()[-2:]) for n in names if len(n.split()) >= 3}
    words = title.split()
    if len(words) < 3 or " ".join(fold(" ".join(words[-2:])).split()) not in tails:
        return title
    k = len(words) - 2
    while k > 1 and words[k - 1][:1].isupper() and not _heads().fullmatch(words[k - 1]):
        k -= 1
    return " ".join(words[:k])


def _own_side(title: str, side: str | None) -> str:
    """A chain keeps the parts that do not speak for another country than the person's
    (``Tổng thống Mỹ, Thủ tướng`` of a Vietnamese official is ``Thủ tướng``)."""
    if not side or "," not in title:
        return title
    from ..extract.title_sides import side_of_title

    parts = [p.strip(_EDGE) for p in title.split(",")]
    keep = [p for p in parts if side_of_title(p, gazetteer()) in (None, side)]
    return ", ".join(keep) if keep else title


def _one_office(title: str) -> str:
    """A bare title head followed by ``và`` and a common noun names several actors, not an office
    (``Thủ tướng và chính phủ`` -> ``Thủ tướng``); two offices (``Phó Thủ tướng và Bộ trưởng Ngoại giao``)
    and an office whose name holds ``và`` (``Bộ Tài nguyên và Môi trường``) stay whole."""
    m = re.match(r"^(.+?)\s+và\s+(\S)", title)
    if m and m.group(2).islower() and _heads().fullmatch(m.group(1).strip()):
        return m.group(1).strip()
    return title


def _no_fragment(title: str) -> str:
    """A head followed by one letter that names no place: a word cut at a hyphen (``Thủ tướng Ô`` from
    ``Thủ tướng Ô - xtrây - li - a``) is no part of an office; ``Thủ tướng Ý`` (Italy) and ``Đông Nam Á`` stay."""
    words = title.split()
    last = words[-1].rstrip(".") if words else ""
    if len(words) > 1 and len(last) == 1 and last.isalpha() and last not in gazetteer().place_names \
            and _heads().fullmatch(" ".join(words[:-1])):
        return " ".join(words[:-1])
    return title


def canonical_title(title: str | None, names: list[str], side: str | None = None) -> str | None:
    """The title as the store keeps it (see the module's rules); None when nothing of a title is left."""
    if not title:
        return None
    t = re.sub(r"\s+", " ", unicodedata.normalize("NFC", title)).strip(_EDGE)
    t = _strip_names(t, names)
    t = _name_tail(t, names)
    t = _one_writing(t)
    t = _own_side(t, side)
    t = _chain(t)
    t = _no_seat(_no_when(t))
    t = _one_office(_no_fragment(t.strip(_EDGE)))
    t = t.strip(_EDGE)
    if not t or not _heads().search(t):
        return t[:1].upper() + t[1:] if t else None
    return t[:1].upper() + t[1:]


def title_key(title: str, side: str | None = None) -> str:
    """What two writings of one office share: case, spacing and tone placement folded, and for a person of
    ``side``, the name of their own country or government at the end (``Thủ tướng Chính phủ Việt Nam`` and
    ``Thủ tướng`` are one office of a Vietnamese)."""
    key = " ".join(exact_key(unicodedata.normalize("NFC", title)).split())
    if not side:
        return key
    tails = [" " + n for n in _own_country(side)] + [" chính phủ", " nước"]
    done = False
    while not done:
        done = True
        for tail in tails:
            head = key[:-len(tail)]
            if key.endswith(tail) and head and head.split()[-1] not in ("tại", "ở"):
                key, done = head, False
                break
    return key


@cache
def _own_country(side: str) -> tuple[str, ...]:
    """The country names standing for a side, lower case, longest first."""
    g = gazetteer()
    names = {" ".join(exact_key(n).split()) for n in g.place_names if g.side_of_country(n) == side}
    return tuple(sorted(names, key=len, reverse=True))


__all__ = ["canonical_title", "title_key"]
