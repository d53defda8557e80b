"""When two reported events are one real occasion, and when a visit holds a meeting.

Two events are the same occasion when all hold:

- same type family: ``meeting``, ``reception``, ``call`` and ``dialogue`` are one family
  (papers call the same meeting a reception or talks); a ``visit`` is its own family (it holds
  meetings, it is none of them); ``signing`` is another;
- compatible dates: two full dates at most :data:`MAX_DAYS` apart (a visit: :data:`VISIT_DAYS`,
  it lasts days and papers date it by the day they report), or a day without its year
  (``--11-14``) as near the other's day in its year (so that whether the row holding the
  dated reports is dated by one day or the next, which depends on which report came first,
  does not decide); a date known only to the month or year beside another date
  is weak evidence, so it needs the same people (:func:`same_people`) and one such occasion
  only (the writer checks that no other stored occasion fits as well, and a report dated by
  its month is placed again when a day of that month is stored:
  :mod:`hoptac.store.month_reports`, so the order of ingest does not decide), and a year only
  matches the same year; an unknown date only
  matches an event from an article that is a near-duplicate of this one;
- overlapping participants (compared as linked people, so ``Kerry`` and ``John Kerry`` are
  one): two shared when both events name two or more (Trump–Trọng is not Trump–Kim), at
  least half of the smaller list; an event naming one participant only matches an event
  naming that one participant alone, of the same type on the same day;
- a visit report naming a ship by its prefix and name (``tàu sân bay USS Carl Vinson``) has the ship
  among its participants (:func:`port_call_ships`, added by the store): the ship is the visitor of its
  port call, so the report naming the fleet and the one naming the admiral who spoke are one visit;
- not a forum beside talks (:func:`forum_apart`): a press conference and the talks before it, or a
  summit and the talks on its sidelines, are two occasions of the same people and day;
- or, weaker (:func:`same_forum`): two ``dialogue`` reports (a named forum, conference or press
  briefing) of the same day naming the same kind of forum, the people of one all named by the
  other, when that is the one stored occasion they fit.

A visit holds the meetings, receptions, signings and banquets of its visitor during its days
(:func:`within_visit`): the store shows the occasion and its parts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from datetime import date, timedelta
from functools import cache

from .lexicon import has_cue, lexicon, phrases_pattern
from .text import lower, nfc

MAX_DAYS = 1
VISIT_DAYS = 4  # two reports of one visit may date it by its first and its last day
VISIT_BEFORE, VISIT_AFTER = 1, 6  # the days around a visit's date its parts may fall on
_FULL = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DAY = re.compile(r"^--\d{2}-\d{2}$")
_SORTABLE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def family(event_type: str) -> str:
    """The type family: ``signing``, ``visit`` or ``meeting``."""
    return event_type if event_type in ("signing", "visit") else "meeting"


def full_date(d: str | None) -> date | None:
    """A full ISO date (``YYYY-MM-DD``) as a date; None for a missing, partial or invalid one."""
    if not d or not _FULL.match(d):
        return None
    try:
        return date.fromisoformat(d)
    except ValueError:
        return None


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two full dates (None unless both are full, valid dates)."""
    da, db = full_date(a), full_date(b)
    return None if da is None or db is None else abs((da - db).days)


def dates_compatible(a: str | None, b: str | None, *, span: int = MAX_DAYS) -> bool:
    """Whether two event dates can be the same occasion (full dates at most ``span`` days apart)."""
    if not a or not b:
        return False
    if _FULL.match(a) and _FULL.match(b):
        n = days_apart(a, b)
        return a == b if n is None else n <= span
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if _DAY.match(x) and _FULL.match(y) and x in partial_days(y, span):
            return True  # a day without its year, within ``span`` days of the other's day in its year
        if not x.startswith("--") and y.startswith(x + "-"):
            return True
    return False


def partial_days(d: str, span: int) -> list[str]:
    """The days without a year (``--MM-DD``) at most ``span`` days from ``d`` (a full date, or a day without
    its year, counted in a leap year so that ``--02-29`` has neighbours): the writings of one day that
    two reports, one giving the year and one not, may use for one occasion."""
    day = full_date(d) if _FULL.match(d or "") else full_date("2000" + d[1:]) if _DAY.match(d or "") else None
    if day is None:
        return []
    return [f"--{x.month:02d}-{x.day:02d}" for x in (day + timedelta(days=k) for k in range(-span, span + 1))]


def same_day(a: str | None, b: str | None) -> bool:
    """Whether two dates naming their day name the same one (a day without its year: on the other's day)."""
    if not a or not b:
        return False
    if _DAY.match(a) and _FULL.match(b):
        return b.endswith(a[1:])
    if _DAY.match(b) and _FULL.match(a):
        return a.endswith(b[1:])
    return a == b


def precise(d: str | None) -> bool:
    """Whether a date names its day (a full date, or a day without its year)."""
    return bool(d) and (bool(_FULL.match(d or "")) or (d or "").count("-") == 3)


def participants_overlap(a: set[str], b: set[str]) -> bool:
    """Two shared when both name two or more, else the one; at least half of the smaller set."""
    if not a or not b:
        return False
    need = max(2 if min(len(a), len(b)) >= 2 else 1, math.ceil(min(len(a), len(b)) / 2))
    return len(a & b) >= need


def same_people(a: set[str], b: set[str]) -> bool:
    """The strong form: the same two or more participants."""
    return len(a) >= 2 and a == b


def same_occasion(fam: str, a: tuple[str, str | None, set[str]], b: tuple[str, str | None, set[str]]) -> bool:
    """Whether events ``a`` and ``b`` of family ``fam`` ((type, date, participant keys) each) are one occasion."""
    (ta, da, pa), (tb, db, pb) = a, b
    if not dates_compatible(da, db, span=VISIT_DAYS if fam == "visit" else MAX_DAYS):
        return False
    if not (precise(da) and precise(db)):
        if coarse(da, db) and da != db:
            return False  # a year beside a month or a day: too many occasions fit
        return same_people(pa, pb)  # a month holds many meetings of the same people
    if len(pa) == 1 or len(pb) == 1:
        if fam == "visit":
            return bool(pa & pb)  # the visitor: one visit at a time
        return pa == pb and ta == tb and same_day(da, db)
    if fam == "visit":
        return len(pa & pb) >= math.ceil(min(len(pa), len(pb)) / 2)  # the visitor, and half the hosts
    return participants_overlap(pa, pb)


@cache
def _forum_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern of every forum phrase (longest first) and each phrase's kind."""
    kinds = {lower(p): kind for kind, phrases in lexicon()["forum_kinds"].items() for p in phrases}
    return phrases_pattern(kinds), kinds


def forum_kinds(text: str) -> frozenset[str]:
    """The kinds of forum a report's words name (``press``, ``conference``, ``forum``…;
    ``resources/linking.yaml``: ``forum_kinds``): ``phiên họp báo`` is a press briefing, not a session."""
    pattern, kinds = _forum_words()
    return frozenset(kinds[m.group(0)] for m in pattern.finditer(lower(nfc(text))))


@cache
def _ships() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A named ship (its prefix, then its capitalized name) and the words of going aboard
    (``resources/linking.yaml``: ``port_calls``)."""
    calls = lexicon()["port_calls"]
    prefixes = "|".join(re.escape(p) for p in calls["ship_prefixes"])
    ship = re.compile(rf"(?<![\w.])(?:{prefixes})\s+([A-Z][A-Za-z'.-]*(?:\s+(?:[A-Z][A-Za-z'.-]*|\d+))*)")
    return ship, phrases_pattern(calls["boarded"])


def port_call_ships(text: str) -> dict[str, str]:
    """The ships a visit report's words name as the visitor (key ``ship:`` and the name's letters ->
    the name as written, ``USS Carl Vinson``): a ship is in one port at a time, so two reports of its port
    call are one occasion whoever else they name. A ship named right after words of going aboard (``thăm
    tàu sân bay USS X``: the lower-case words just before it) is the place visited and is left out."""
    ship, boarded = _ships()
    out: dict[str, str] = {}
    text = nfc(text)
    for m in ship.finditer(text):
        before = []
        for tok in reversed(text[max(0, m.start() - 60):m.start()].split()):
            if not (tok.isalpha() and tok.islower()):
                break
            before.append(tok)
        if boarded.search(" ".join(reversed(before))):
            continue
        name = m.group(0).rstrip(".")
        key = "ship:" + re.sub(r"[^a-z0-9]", "", m.group(1).lower())
        out.setdefault(key, name)
    return out


TALKS = frozenset({"meeting", "reception", "call"})


def sidelines(text: str) -> bool:
    """Whether a report's words place its talks on the sidelines of a forum (``bên lề``)."""
    return has_cue(text, "forums_apart", "sidelines")


def forum_apart(a: tuple[str, Collection[str], bool], b: tuple[str, Collection[str], bool]) -> bool:
    """Whether two reports (or a report and an occasion) are two occasions whatever their people and day:
    each is (type, the kinds of forum its dialogue words name (:func:`forum_kinds`), whether its talks are
    told as held on a forum's sidelines (:func:`sidelines`)). A press conference is never the meeting,
    reception or call before it, and a conference, forum or seminar is not the talks held on its sidelines
    (``forums_apart`` in ``resources/linking.yaml``), though papers name the same two leaders at both."""
    rules = lexicon()["forums_apart"]

    def one_way(forum: tuple[str, Collection[str], bool], talks: tuple[str, Collection[str], bool]) -> bool:
        if forum[0] != "dialogue" or talks[0] not in TALKS:
            return False
        kinds = set(forum[1])
        return bool(kinds & set(rules["always"])) or (talks[2] and bool(kinds & set(rules["beside_sidelines"])))

    return one_way(a, b) or one_way(b, a)


def same_forum(fam: str, a: tuple[str, str | None, set[str]], b: tuple[str, str | None, set[str]],
               kinds: tuple[Collection[str], Collection[str]]) -> bool:
    """Whether two ``dialogue`` reports ((type, date, participant keys) each) may be one forum: the same
    day, the people one names all named by the other, and a kind of forum in common (``kinds``: the
    :func:`forum_kinds` of each one's words). Outlets name different people at one named
    forum, conference or press briefing (the President alone, or both presidents of their joint press
    conference; the ambassador who spoke, or every speaker), so the overlap :func:`same_occasion` asks
    of meetings is too strict here; two forums naming different people beside one (``A`` with ``X``,
    ``A`` with ``Y``) stay apart. Weak: the writer takes it only when exactly one stored occasion fits
    it so (a person may speak at two forums a day)."""
    pa, pb = a[2], b[2]
    return forums_of_one_day(fam, a, b) and (pa <= pb or pb <= pa) and bool(set(kinds[0]) & set(kinds[1]))


def forums_of_one_day(fam: str, a: tuple[str, str | None, set[str]], b: tuple[str, str | None, set[str]]) -> bool:
    """Whether two ``dialogue`` reports are of the same day and share a participant: the forums a
    report could be by :func:`same_forum`, or could make ambiguous (so the writer weighs them)."""
    (ta, da, pa), (tb, db, pb) = a, b
    return (fam == "meeting" and ta == tb == "dialogue" and bool(da) and bool(db) and precise(da)
            and precise(db) and same_day(da, db) and bool(pa & pb))


_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}


def _edits_at_most_one(a: str, b: str) -> bool:
    """Whether two words differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def spelling_variants(a: str, b: str) -> bool:
    """Two Western (ASCII) names of one person spelled two ways by two outlets: the same first name
    and surnames a letter apart (``Bob McCooey`` / ``Bob McCoey``); never two first names
    (``Donald Trump`` / ``Ivanka Trump``), nor Vietnamese names (thousands share a given name)."""
    wa = [w for w in re.findall(r"[a-z]+", a.lower()) if w not in _SUFFIX]
    wb = [w for w in re.findall(r"[a-z]+", b.lower()) if w not in _SUFFIX]
    if not a.isascii() or not b.isascii() or len(wa) < 2 or len(wb) < 2 or wa[0] != wb[0]:
        return False
    return min(len(wa[-1]), len(wb[-1])) >= 5 and _edits_at_most_one(wa[-1], wb[-1])


def within_visit(visit_date: str | None, part_date: str | None) -> bool:
    """Whether an event on ``part_date`` falls in the days of a visit dated ``visit_date``."""
    v, p = full_date(visit_date), full_date(part_date)
    if v is None or p is None:
        return False
    return -VISIT_BEFORE <= (p - v).days <= VISIT_AFTER


def coarse(a: str | None, b: str | None) -> bool:
    """Whether either date is known only to the year."""
    return any(d is not None and len(d) == 4 for d in (a, b))


def sort_key(d: str | None) -> str | None:
    """The sortable form of a date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), None otherwise."""
    m = _SORTABLE.match(d or "")
    return m.group(0) if m else None
