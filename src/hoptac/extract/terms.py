"""The data behind the publication-year cues (:mod:`.pubdate`): heads' terms of office, yearly
gatherings counted by edition and anniversaries, read from ``resources/gazetteer``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .fastre import bounded
from .textmap import fold

__all__ = ["Term", "after_former", "anniversaries", "fits_offices", "gatherings", "inaugurations", "office_spans",
           "offices"]


@cache
def anniversaries() -> list[tuple[re.Pattern[str], int]]:
    from .gazetteer import load_yaml

    data = load_yaml("anniversaries.yaml")
    out = []
    for item in data.get("anniversaries", []):
        keys = [fold(k, strip_marks=False).text for k in item["cues"]]
        out.append((bounded(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b"), int(item["year"])))
    return out


@cache
def gatherings() -> list[tuple[re.Pattern[str], int]]:
    """(pattern of the N-th edition of a yearly gathering, the year of its first edition)."""
    from .gazetteer import load_yaml

    out = []
    for item in load_yaml("gatherings.yaml").get("gatherings", []):
        names = "|".join(re.escape(fold(n, strip_marks=False).text) for n in item["names"])
        ordinal = r"(?:lần thứ|khóa họp thứ|khoá họp thứ|kỳ họp thứ|khóa|khoá)\s+(?P<n>\d{1,3})\b"
        out.append((bounded(rf"\b(?:{names})\s*{ordinal}|{ordinal.replace('<n>', '<n2>')}\s+(?:của\s+)?(?:{names})"),
                    int(item["first"])))
    return out


@dataclass(frozen=True)
class Term:
    start: dt.date
    end: dt.date


@cache
def offices() -> list[tuple[re.Pattern[str], list[Term], str]]:
    """(pattern of an office title followed by the holder's name, the holder's terms, a label)."""
    from .gazetteer import load_yaml

    data = load_yaml("offices.yaml")
    out = []
    for office in data.get("offices", []):
        titles = "|".join(re.escape(fold(t, strip_marks=False).text) for t in office["titles"])
        for holder in office["holders"]:
            names = "|".join(re.escape(fold(n, strip_marks=False).text) for n in holder["names"])
            terms = [Term(dt.date.fromisoformat(str(a)), dt.date.fromisoformat(str(b)) if b else dt.date(2100, 1, 1))
                     for a, b in holder["terms"]]
            # a current title right before the name; "cựu" (former) or "đắc cử" (elect) is another matter
            pattern = bounded(rf"(?<!cựu )(?<!nguyên )(?<!phó )\b(?:{titles})\s+(?:{names})\b"
                                 rf"(?!\s*(?:đắc cử|khi đó|lúc đó|thời đó))")
            out.append((pattern, terms, f"{office['titles'][0]} {holder['names'][0]}"))
    return out


@cache
def _formers() -> list[tuple[re.Pattern[str], dt.date]]:
    """(pattern of a holder named with a former title, the end of the holder's first term)."""
    from .gazetteer import load_yaml

    out = []
    for office in load_yaml("offices.yaml").get("offices", []):
        titles = "|".join(re.escape(fold(t, strip_marks=False).text) for t in office["titles"])
        for holder in office["holders"]:
            ends = [dt.date.fromisoformat(str(b)) for _, b in holder["terms"] if b]
            if not ends:
                continue
            names = "|".join(re.escape(fold(n, strip_marks=False).text) for n in holder["names"])
            out.append((bounded(rf"\b(?:cựu|nguyên)\s+(?:{titles})\s+(?:{names})\b"), min(ends)))
    return out


def after_former(low: str, year: int) -> bool:
    """Whether the year may follow the terms of every head ``low`` names as former (``cựu Tổng thống
    Barack Obama`` is written after 20 January 2017): it does not end before their first term ended."""
    return all(year >= end for end in _former_ends(low))


@lru_cache(maxsize=16)  # asked of several years and twice per text: the text is searched once
def _former_ends(low: str) -> tuple[int, ...]:
    """The years the first terms end of the heads ``low`` names as former."""
    starts = [m.start() for m in _FORMER_WORD.finditer(low)]  # every former-head pattern opens here
    if not starts:
        return ()
    return tuple(end.year for pattern, end in _formers() if any(pattern.match(low, a) for a in starts))


#: The word every former-head pattern of :func:`_formers` opens with: a match can start only there.
_FORMER_WORD = bounded(r"\b(?:cựu|nguyên)\b")


@cache
def inaugurations() -> list[tuple[re.Pattern[str], list[int]]]:
    """(a holder's names, then "nhậm chức ... đầu năm" (took office early this year); the years of
    the holder's terms that began in the first quarter)."""
    from .gazetteer import load_yaml

    out = []
    for office in load_yaml("offices.yaml").get("offices", []):
        for holder in office["holders"]:
            names = "|".join(re.escape(fold(n, strip_marks=False).text) for n in holder["names"])
            starts = [dt.date.fromisoformat(str(a)) for a, _ in holder["terms"]]
            years = [d.year for d in starts if d.month <= 3]
            if years:
                out.append((bounded(rf"\b(?:{names})\b[^.;]{{0,30}}?\bnhậm chức\b[^.;]{{0,30}}?"
                                       rf"\b(?:hồi |vào |từ )?đầu năm(?: nay)?\b(?!\s*[/-]?\s*\d)"), years))
    return out


@cache
def _holder_names() -> list[tuple[str, ...]]:
    """The folded names of each holder of :func:`offices`, in the same order."""
    from .gazetteer import load_yaml

    return [tuple(fold(n, strip_marks=False).text for n in holder["names"])
            for office in load_yaml("offices.yaml").get("offices", []) for holder in office["holders"]]


def offices_named(low: str) -> list[tuple[re.Pattern[str], list[Term], str]]:
    """The entries of :func:`offices` whose holder's name ``low`` contains (no other can match it)."""
    return [o for o, names in zip(offices(), _holder_names(), strict=True) if any(n in low for n in names)]


def fits_offices(low: str, year: int) -> bool:
    """Whether the year meets the terms of every head named with a current title in ``low``
    (the lead: further down, a former president is often still given his title)."""
    lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
    for pattern, terms, _ in offices_named(low):
        if pattern.search(low) and not any(t.start <= hi and lo <= t.end for t in terms):
            return False
    return True


def office_spans(lead: str) -> tuple[list[tuple[dt.date, dt.date]], str]:
    """The stretches in which every head the lead names with a current title held office, and who they are."""
    spans = [(dt.date(1900, 1, 1), dt.date.today())]
    named = []
    for pattern, terms, label in offices_named(lead):
        if not pattern.search(lead):
            continue
        named.append(label)
        spans = [(max(a, t.start), min(b, t.end, dt.date.today())) for a, b in spans for t in terms
                 if max(a, t.start) <= min(b, t.end)]
    return spans, ("terms of office: " + ", ".join(named)) if named else ""
