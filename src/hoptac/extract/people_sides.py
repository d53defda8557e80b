"""Which side a person speaks for and which organization their title names.

Split from ``people.py`` (kept under ~500 lines): the side comes from the title's country, the
organization, the leader table, the text around the person's mentions (``_sides_in``) or a
Vietnamese name; the organization from the title (a ministry, a known organization, a diplomatic
mission, a company head's name).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .fastre import bounded
from .gazetteer import Gazetteer, GazetteerMemo, is_cap
from .title_sides import side_of_title

if TYPE_CHECKING:
    from .people import Found

_SENT_BREAK = bounded(r"[!?\n]|\.(?=\s|$)")  # tried at its marks alone (fastre)


def _sides_in(ctext: str, mentions: list[tuple[int, int]], g: Gazetteer, *,
              whole: bool = False) -> Counter[str]:
    """How often each side other than Vietnam is named in the sentences of a person's mentions.

    A foreign person whose title, organization and the leader table say nothing speaks for
    the only foreign country of their sentences (``Ông John Carter cho biết, Hoa Kỳ
    sẽ...``); two countries there leave the side open. When their sentences name no
    country, the story's own foreign country decides (``whole``: the span is the story),
    if it is named at least twice as often as any other.
    """
    sides: Counter[str] = Counter()
    for a, b in mentions:
        if whole:
            sent = ctext[a:b]
        else:
            start = max((m.end() for m in _SENT_BREAK.finditer(ctext, max(0, a - 400), a)),
                        default=max(0, a - 400))
            stop = _SENT_BREAK.search(ctext, b)
            sent = ctext[start:stop.start() if stop else len(ctext)]
        sides.update(_SENTENCE_SIDES(sent, g) if len(sent) <= 2000 else _sentence_sides(sent, g))
    del sides[""], sides["VN"]
    return sides


def _sentence_sides(sent: str, g: Gazetteer) -> tuple[str, ...]:
    """The side of each country (``""``: none) and side word a sentence names, in the order counted."""
    return (*(g.side_of_country(m.group()) or "" for m in g.places.finditer(sent)),
            *(g.side_words[m.group()] for m in g.side_word_pattern.finditer(sent)))


#: A sentence holding several mentions (of one person or several) is read once (a sentence, not a story).
_SENTENCE_SIDES = GazetteerMemo(_sentence_sides, limit=20_000)


def _side(f: Found, g: Gazetteer) -> str | None:
    """The side of a person: title country, organization, leader table, a Vietnamese name."""
    for t in [*sorted(f.titles, key=len, reverse=True), *f.described]:
        s = side_of_title(t, g)
        if s:
            return s
    for o in f.orgs:
        known = g.known_orgs.get(o)
        if known and known["side"]:
            return str(known["side"])
        s = side_of_title(o, g)
        if s:
            return s
    if f.leader:
        return f.leader[1]
    if f.text_side:
        return f.text_side
    # no other evidence: a Vietnamese name in a Vietnamese story is Vietnamese; a foreign one stays open
    return "VN" if f.kind == "vn" else None


def side_of(f: Found, g: Gazetteer) -> str | None:
    """The side of a found person (public wrapper)."""
    return _side(f, g)


def organization_of(f: Found, g: Gazetteer) -> str | None:
    """The organization named in a person's title (``Bộ Công Thương``, ``Northwind``)."""
    if f.orgs:
        return f.orgs[0]
    t = f.title
    if not t:
        return None
    m = g.ministries.search(t)
    if m:
        end = m.end()
        cm = g.places.match(t, end + 1) if t[end:end + 1] == " " else None
        if cm and g.side_of_country(cm.group()):
            end = cm.end()
        return t[m.start():end]
    m = g.known_org_pattern.search(t)
    if m:
        return m.group()
    mission = _mission_of(t, g)
    if mission:
        return mission
    head = g.title_heads.match(t)
    if head and head.group().lower() in g.company_heads:
        rest = t[head.end():].strip()
        words = rest.split()
        if words and all(is_cap(w) for w in words) and not g.side_of_country(rest):
            return rest
    return None


def _mission_of(title: str, g: Gazetteer) -> str | None:
    """The mission a diplomatic office named with its country heads: ``Đại sứ Mỹ tại Việt Nam`` ->
    ``Đại sứ quán Mỹ tại Việt Nam`` (``title_bodies`` of the organizations gazetteer)."""
    for office, body in g.title_bodies.items():
        if title.startswith(office + " "):
            rest = title[len(office) + 1:]
            country = g.places.match(rest)
            if country and g.side_of_country(country.group()):
                return f"{body} {rest}"
    return None
