"""Places and frameworks named in a text (split from ``orgs.py``, which reads organizations).

Places: countries and cities of the gazetteer and venues after a venue word (``trụ sở Trung ương
Đảng``), the venue's name read by the same walk as an organization's. Frameworks: known names and
acronyms (not an acronym in brackets right after an organization, which names it), and names
after a framework head (``Hiệp định``, ``Tuyên bố``, ``Bản ghi nhớ``, ``Đối thoại``...).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Framework, Place, SpanT
from .gazetteer import Gazetteer, is_cap
from .org_grammar import name_trim
from .titles import walk


def find_places(ctext: str, g: Gazetteer, span: Callable[[int, int], SpanT]) -> list[Place]:
    """Countries, cities and named venues, one record per name."""
    found: dict[str, Place] = {}
    for m in g.places.finditer(ctext):
        p = found.setdefault(m.group(), Place(name=m.group()))
        p.mentions.append(span(m.start(), m.end()))
    for m in g.venue_pattern.finditer(ctext):
        line_end = ctext.find("\n", m.end())
        end, _ = walk(ctext, m.end(), len(ctext) if line_end < 0 else line_end, g, chains=False)
        if end <= m.end() and not m.group()[:1].isupper():
            continue
        name = name_trim().sub("", ctext[m.start():end])
        if name == m.group() and not is_cap(name):
            continue
        p = found.setdefault(name, Place(name=name))
        p.mentions.append(span(m.start(), m.start() + len(name)))
    return list(found.values())


_ACRONYM_AFTER_ORG = re.compile(r"\s*\($")


def find_frameworks(ctext: str, g: Gazetteer, span: Callable[[int, int], SpanT],
                    org_ends: frozenset[int] = frozenset(),
                    org_spans: frozenset[tuple[int, int]] = frozenset()) -> list[Framework]:
    """Named agreements, dialogues, plans and initiatives, one record per name.

    A known acronym in brackets right after an organization (``Bộ Thương mại Hoa Kỳ (DOC)``)
    names that organization, not the framework of the same letters, and so does every later
    ``DOC`` of the text, which the organization holds as its mention; ``org_ends`` are the ends
    of the organization mentions, ``org_spans`` the mentions.
    """
    found: dict[str, Framework] = {}

    def add(name: str, a: int, b: int) -> None:
        key = name.lower()
        fw = found.get(key)
        if fw is None:
            fw = found[key] = Framework(name=name)
        fw.mentions.append(span(a, b))

    for name, pat in g.framework_known:
        for m in pat.finditer(ctext):
            br = _ACRONYM_AFTER_ORG.search(ctext, max(0, m.start() - 3), m.start())
            if (br and br.start() in org_ends and ctext[m.end():m.end() + 1] == ")") or m.span() in org_spans:
                continue
            add(name, m.start(), m.end())
    tok = re.compile(r"[^\W_]+(?:[\-–][^\W_]+)*|[^\w\s]")
    for m in g.framework_heads.finditer(ctext):
        head = m.group()
        end = m.end()
        first = True
        for n, t in enumerate(tok.finditer(ctext, m.end()), start=1):
            gap = ctext[end:t.start()]
            w = t.group()
            if gap not in (" ", "") or "\n" in gap or (not w[0].isalnum() and w not in "-–"):
                break
            low = w.lower()
            if low in g.framework_stops:
                break
            nxt = re.match(r" (\w+)", ctext[t.end():t.end() + 20])
            if nxt and (low, nxt.group(1).lower()) in g.framework_stop_pairs:
                break
            if low == "và" and not is_cap(ctext[t.end() + 1:t.end() + 2]):
                break
            if first and head in g.framework_strict and not is_cap(w):
                break
            first = False
            end = t.end()
            if n >= 14:
                break
        name = name_trim().sub("", ctext[m.start():end])
        if len(name.split()) <= len(head.split()):
            continue
        add(name, m.start(), m.start() + len(name))
    return _outermost(found)


def _outermost(found: dict[str, Framework]) -> list[Framework]:
    """Drop frameworks every mention of which lies inside another framework's mention."""
    spans = [(a, b, fw) for fw in found.values() for a, b in fw.mentions]
    out = []
    for fw in found.values():
        inside = all(any(a2 <= a and b <= b2 and (a2, b2) != (a, b) for a2, b2, f2 in spans if f2 is not fw)
                     for a, b in fw.mentions)
        if not inside:
            out.append(fw)
    return out
