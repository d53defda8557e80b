"""Stage ``entities``: people, organizations, places and frameworks, with every mention.

Steps:

1. compose the text to NFC with a map back to the article text (any Unicode form in);
2. people (``people.py``): anchored names, merged names, later mentions, titles, sides;
3. organizations, places and frameworks (``orgs.py``);
4. map every span back to ``article.text`` and sort the mentions.

Helpers for later stages: :func:`person_at` (which person a mention at a position names)
and :func:`mentions_in` (every person and organization mention in a span, in order).
Mention spans cover the words that name the entity: the name (with ``ông``/``bà`` when
written before it), or the whole title when a title stands alone for the person.
"""

from __future__ import annotations

import bisect
import threading
from functools import cache

from ..model import Article, Framework, Organization, Person, SpanT
from ..settings import Settings
from .gazetteer import gazetteer, load_yaml
from .orgs import find_frameworks, find_organizations, find_places
from .people import find_people
from .people_sides import organization_of, side_of
from .textmap import compose

__all__ = ["extract_entities", "mentions_in", "person_at"]


def extract_entities(article: Article, settings: Settings) -> Article:
    """Fill ``people``, ``organizations``, ``places`` and ``frameworks`` of the article."""
    g = gazetteer()
    c = compose(article.text)
    ctext = c.text

    def span(a: int, b: int) -> SpanT:
        return c.span(a, b)

    people: list[Person] = []
    found = find_people(ctext, g)
    person_spans = [m for f in found for m in f.mentions]
    titles: list[tuple[int, int, str | None]] = []  # where each title is written, with its holder's side
    for f in found:
        mentions = sorted({span(a, b) for a, b in f.mentions})
        aliases = sorted({n for n in f.names if n != f.name})
        side = side_of(f, g)
        titles += [(a, b, side) for a, b in f.title_spans]
        people.append(Person(name=f.name, title=f.title, organization=organization_of(f, g),
                             side=side, mentions=mentions, aliases=aliases))
    people.sort(key=lambda p: p.mentions[0] if p.mentions else (0, 0))

    orgs = find_organizations(ctext, g, person_spans, titles)
    article.organizations = [
        Organization(name=o.name, kind=o.kind, side=o.side,
                     mentions=sorted({span(a, b) for a, b in o.mentions}), aliases=sorted(o.aliases))
        for o in orgs
    ]
    article.places = find_places(ctext, g, span)
    org_ends = frozenset(b for o in orgs for _a, b in o.mentions)
    # an acronym an agency or a firm introduced is that body wherever written; one an international
    # body holds may close an instrument's name ("Công ước ... của Liên Hợp Quốc (UNCLOS)"), so not those
    org_spans = frozenset(m for o in orgs if o.kind != "other" for m in o.mentions)
    article.frameworks = find_frameworks(ctext, g, span, org_ends, org_spans)
    article.organizations = _outside_frameworks(article.organizations, article.frameworks)
    article.people = people
    return article


def _outside_frameworks(orgs: list[Organization], frameworks: list[Framework]) -> list[Organization]:
    """Organizations without the mentions that are only part of a framework's name (``Liên Hợp Quốc`` of
    ``Công ước Liên Hợp Quốc về Luật biển``, ``ASEAN`` of ``Hiệp định ... ASEAN-Australia-New Zealand``:
    the GUIDE's institution inside a framework's name is no mention), when the framework is a written
    instrument (``instruments`` of ``frameworks.yaml``: inside ``Hội nghị Cấp cao APEC`` the annotators
    keep ``APEC``). An organization left with no mention is dropped."""
    heads = instrument_heads()
    spans = [m for fw in frameworks if fw.name.startswith(heads) for m in fw.mentions]
    if not spans:
        return orgs
    out = []
    for o in orgs:
        kept = [(a, b) for a, b in o.mentions if not _inside(spans, a, b)]
        if kept:
            o.mentions = kept
            out.append(o)
    return out


@cache
def instrument_heads() -> tuple[str, ...]:
    """The heads of written instruments (``instruments`` of ``frameworks.yaml``)."""
    return tuple(load_yaml("frameworks.yaml")["instruments"])


def _inside(spans: list[SpanT], a: int, b: int) -> bool:
    """Whether ``[a, b)`` lies inside one of ``spans`` that starts before it."""
    return any(fa < a and b <= fb for fa, fb in spans)


def all_mentions(article: Article) -> list[tuple[int, int, Person | Organization]]:
    """Every person and organization mention, by start (longer first on a shared start)."""
    return list(_sorted_mentions(article)[0])


#: Per thread, the last article's sorted mentions, kept with the lists they were built from
#: (mentions are set by the entities stage and never changed after it; a new list of people
#: or organizations is a new key), so that each ``mentions_in`` call costs a bisection, not a
#: sort of them all.
_LAST = threading.local()


def _sorted_mentions(article: Article) -> tuple[list[tuple[int, int, Person | Organization]], list[int]]:
    people, orgs = article.people, article.organizations
    last = getattr(_LAST, "entry", None)
    if last is not None and last[0] is people and last[1] is orgs and last[3] == (len(people), len(orgs)):
        return last[2]
    out: list[tuple[int, int, Person | Organization]] = []
    for p in people:
        out += [(a, b, p) for a, b in p.mentions]
    for o in orgs:
        out += [(a, b, o) for a, b in o.mentions]
    out.sort(key=lambda t: (t[0], -t[1]))
    found = (out, [m[0] for m in out])
    _LAST.entry = (people, orgs, found, (len(people), len(orgs)))
    return found


def person_at(article: Article, pos: int) -> Person | None:
    """The person named by the mention that covers ``pos`` or ends exactly at it."""
    best: Person | None = None
    best_len = -1
    for p in article.people:
        for a, b in p.mentions:
            if (a <= pos < b or b == pos) and b - a > best_len:
                best, best_len = p, b - a
    return best


def mentions_in(article: Article, start: int, end: int) -> list[tuple[SpanT, Person | Organization]]:
    """Every person and organization mention inside ``[start, end)``, in text order."""
    allm, starts = _sorted_mentions(article)
    out: list[tuple[SpanT, Person | Organization]] = []
    for i in range(bisect.bisect_left(starts, start), len(allm)):
        a, b, ent = allm[i]
        if a >= end:
            break
        if b <= end:
            out.append(((a, b), ent))
    return out
