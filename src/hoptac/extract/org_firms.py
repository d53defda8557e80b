"""Companies and outlets read around the head walk of ``orgs.py`` (split from ``org_grammar.py``).

A firm named after a lower-case word saying what it is (``tập đoàn dầu khí Gazprom``), names
listed beside a firm found (``Godaco, Caseamex, Cuu Long Fish``), the name inside a company
head's descriptor (``Hãng thông tấn AP`` is ``AP``), a company name closed by ``của`` + its
country, and a short company name another company's name ends with (folded into that one).
"""

from __future__ import annotations

import re
from typing import Any

from .acts import cues
from .gazetteer import UPPER, Gazetteer, in_dictionary, is_vietnamese_syllable
from .names import cap_runs
from .org_grammar import LOWER_WORD, Hit, is_credit, is_product, segments


def _cut_short(ctext: str, name: str, end: int, g: Gazetteer) -> bool:
    """Whether a capitalized run ending at ``end`` goes on in lower case as a name written in
    sentence case (``Thời báo``, ``Vệ tinh``): one Vietnamese syllable, or a last word that makes a
    dictionary word with the lower-case word after it (a function word after it ends the name)."""
    nxt = LOWER_WORD.match(ctext, end)
    if not nxt or nxt.group(1) in g.org_not_in_name:
        return False
    return (" " not in name and is_vietnamese_syllable(name)) or in_dictionary(f"{name.split()[-1].lower()} {nxt.group(1)}")


_LOWER_BEFORE = re.compile(r"(?<![\w])([a-zà-ỹđ]+)[^\S\n]+$")


def _continues(ctext: str, start: int, first: str) -> bool:
    """Whether a capitalized word is the second half of a lower-case word before it (``phương Tây``)."""
    m = _LOWER_BEFORE.search(ctext, max(0, start - 12), start)
    return bool(m) and in_dictionary(f"{m.group(1)} {first.lower()}")


_FIRM_NAME = re.compile(rf"[{UPPER}][\w'’\-]*(?:\.[A-Z]\w*)*(?:[^\S\n](?:&[^\S\n])?[{UPPER}0-9][\w'’\-]*){{0,4}}")


def descriptor_hits(ctext: str, g: Gazetteer, people: list[tuple[int, int]]) -> list[Hit]:
    """Firms and outlets named after a lower-case word of ``descriptors`` that says what they are,
    with dictionary words between (``công ty Ericsson``, ``tập đoàn dầu khí Gazprom``, ``hãng xếp
    hạng tín nhiệm Fitch Ratings``): the capitalized run is the name. Not when the run is a place
    (``công ty Mỹ``), a person, a title or a function word, nor when the words between are not
    dictionary words or hold a cue verb (``công ty cho biết``). The side is left to the caller."""
    out: list[Hit] = []
    if g.org_descriptor_pattern is None:
        return out
    cue_re = cues().cue_re
    for m in g.org_descriptor_pattern.finditer(ctext):
        between = m.group(1).split()
        if between and (not segments(between) or any(w in g.org_not_in_name for w in between)
                        or any(cue_re.fullmatch(" ".join(between[i:i + 2])) for i in range(len(between)))):
            continue
        run = _FIRM_NAME.match(ctext, m.end())
        if run is None:
            continue
        name = run.group().rstrip(".")
        start, end = run.start(), run.start() + len(name)
        first = name.split()[0]
        if first in g.not_acronyms or first in g.org_heads or first in ("Cổ", "Nhà") or _cut_short(ctext, name, end, g):
            continue  # "công ty CP/Cổ phần ...", "kênh Đảng": the head walk reads them; "tờ Thời báo": cut short
        place = g.places.match(ctext, start)
        if (place and place.end() >= start + len(first)) or first in g.function_words \
                or g.title_heads.match(ctext, start) or any(a < end and start < b for a, b in people) \
                or is_credit(ctext, start, end) or is_product(ctext, end) or len(name) < 2:
            continue
        head = " ".join(ctext[m.start():m.end()].split()[:len(ctext[m.start():m.end()].split()) - len(between)])
        kind = g.org_descriptors.get(head, "company")
        out.append((start, end, name, kind, None, name.lower()))
    return out


_LIST_SEP = re.compile(r"(?:\s*\([^()\n]{1,30}\))?(?:,\s*(?:và\s+)?|\s+(?:và|&)\s+)")


def listed_company_hits(ctext: str, g: Gazetteer, found: list[Hit], people: list[tuple[int, int]]) -> list[Hit]:
    """Names listed beside a company or outlet (``Godaco, Caseamex, Cuu Long Fish, ...``): in a run
    of three or more capitalized names joined by commas and ``và`` (each perhaps with its country in
    brackets; two names joined are as often a typo or a pair of another kind) where one is a company
    or outlet found, the others are companies
    too, unless one is a person, a place, a title or a known name of another kind. The side is the
    country in brackets after it, else left to the caller."""
    out: list[Hit] = []
    firms = [(h[0], h[1]) for h in found if h[3] in ("company", "media")]
    if not firms:
        return out
    # a country in brackets after a name is no name of the list ("Marsh (Mỹ), OPTrust (Canada)")
    runs = [(r[0][0], r[-1][1]) for r in cap_runs(ctext) if len(r) <= 5 and ctext[r[0][0] - 1:r[0][0]] != "("]
    chains: list[list[tuple[int, int]]] = []
    for a, b in runs:
        prev = chains[-1][-1] if chains else None
        sep = _LIST_SEP.match(ctext, prev[1]) if prev else None
        if prev and sep and sep.end() == a:
            chains[-1].append((a, b))
        else:
            chains.append([(a, b)])
    taken = [(h[0], h[1]) for h in found]
    for chain in chains:
        if len(chain) < 3 or not any(x < b and a < y for a, b in chain for x, y in firms):
            continue
        for a, b in chain:
            name = ctext[a:b].rstrip(".,")
            b = a + len(name)
            first = name.split()[0]
            if (any(x < b and a < y for x, y in taken) or any(x < b and a < y for x, y in people)
                    or g.places.fullmatch(name) or g.places.match(ctext, a) or first in g.function_words
                    or first in g.not_acronyms or g.title_heads.match(ctext, a) or first in g.org_heads
                    or first in g.company_suffixes or _cut_short(ctext, name, b, g)
                    or _continues(ctext, a, first)):
                continue
            side_m = re.match(r"\s*\(([^()\n]{1,30})\)", ctext[b:b + 34])
            side = g.side_of_country(side_m.group(1)) if side_m and g.places.fullmatch(side_m.group(1)) else None
            out.append((a, b, name, "company", side, name.lower()))
    return out


def company_label(rest: str, is_foreign) -> str | None:
    """The name inside a company head's rest when a lower-case descriptor comes first:
    ``thông tấn AP`` -> ``AP``, ``viễn thông Reliance Communications`` -> ``Reliance Communications``;
    ``None`` when the rest starts with its name."""
    words = rest.split()
    i = 0
    while i < len(words) and words[i][:1].islower():
        i += 1
    if i == 0 or i == len(words) or i > 3:
        return None
    tail = " ".join(words[i:])
    return tail if is_foreign(tail) or tail.isupper() else None


_OF_COUNTRY = re.compile(r"\s+của\s+(\S.*)$")


def strip_of_country(name: str, g: Gazetteer) -> tuple[str, str | None]:
    """A company name that ends with ``của`` + a country (``Tập đoàn GE của Mỹ``) is the name
    before it; the country gives the side."""
    m = _OF_COUNTRY.search(name)
    if m and g.places.fullmatch(m.group(1)) and g.side_of_country(m.group(1)):
        return name[:m.start()], g.side_of_country(m.group(1))
    return name, None


def fold_short_companies(orgs: list[Any]) -> list[Any]:
    """A company named by the last words of another company's name is that company: the known
    ``VNG`` and the ``Công ty Cổ phần VNG`` of the same text are one, with both names."""
    gone: set[int] = set()
    ending: dict[str, list[Any]] = {}  # the words a company's name ends with (after a space) -> companies, in order
    for o in orgs:
        if o.kind == "company":
            for k, ch in enumerate(o.name):
                if ch == " ":
                    ending.setdefault(o.name[k + 1:], []).append(o)
    for short in orgs:
        if short.kind not in ("company", "media"):
            continue
        owner = next((o for o in ending.get(short.name, ()) if o is not short and id(o) not in gone
                      and o.kind == "company" and o.name.endswith(" " + short.name)), None)
        if owner is None:
            continue
        owner.mentions = sorted(set(owner.mentions) | set(short.mentions))
        owner.aliases |= short.aliases | {short.name}
        gone.add(id(short))
    return [o for o in orgs if id(o) not in gone]
