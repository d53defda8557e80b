"""Who takes part in an event, read around its cue: the roles of the names in its clause.

Split from :mod:`hoptac.extract.event_rules` (which decides whether a clause names an event, and
its date and status): this module says who its participants are:

- :func:`visit_people`: the visitor of a visit cue (``X tới thăm``, ``chuyến thăm ... của X``) and
  the inviting host (``theo lời mời của Y``);
- :func:`sole_person_of`: the one person the article names for an organization (a meeting with
  the company is a meeting with them);
- :func:`own_participant`: whether a noun cue (``chuyến thăm``, ``cuộc gặp``) has a participant of
  its own, or only retells an occasion;
- :func:`not_participant`: a venue (``thăm Trung tâm X``) or the news's source (``Theo ông X,``) is
  no participant;
- :func:`destination`: the country a visit cue names, so that two trips stay two; :func:`stop_of`:
  the venue or city it names instead (``đến thăm Viện X``), a stop of a trip, an occasion of its own.
"""

from __future__ import annotations

import re
import threading

from ..model import Article, Organization, Person
from .entities import mentions_in
from .event_rules import EventRules
from .fastre import bounded
from .gazetteer import Gazetteer

__all__ = ["destination", "not_participant", "own_participant", "sole_person_of", "stop_of", "visit_people"]


# "X tới thăm", "X và phu nhân đã sang thăm": a visitor named right before a verbal cue
_VISITOR_GAP = re.compile(r"^\s*(?:,\s*)?(?:(?:và|cùng)\s+(?:phu nhân|đoàn|Phu nhân)\b[^,.;]{0,40}?)?\s*"
                          r"(?:(?:đã|sẽ|vừa|đang|có|dự kiến|sắp|lần đầu|quyết định|tiến hành|thực hiện|kết thúc|bắt đầu)\s+)*$")
_RENAMED = re.compile(r"^\s*(?:lúc đó|khi đó|thời đó|đương nhiệm)?\s*$")
_OWNER_GAP = re.compile(r"^[^,.;:()]{0,60}?\s(?:của|do)\s+(?:[^,.;:()]{0,50}\s)?$")


def visit_people(article: Article, cue_start: int, cue_end: int, clause_end: int,
                 noun: bool, host_words: re.Pattern[str]) -> list[str] | None:
    """The visitor (and host) of a visit cue, when the text says who it is, else None.

    ``X tới thăm Mỹ``: X, not the people who welcomed the visit earlier in the clause;
    ``chuyến thăm ... của X``: X; ``theo lời mời của Y``: Y is the host and joins the visitor.
    """
    text = article.text
    visitor: str | None = None
    host: str | None = None
    for (_a, b), ent in reversed(mentions_in(article, max(0, cue_start - 60), cue_start)):
        if isinstance(ent, Person) and _VISITOR_GAP.match(text[b:cue_start]):
            visitor = ent.name
        break
    after = [(a, b, ent) for (a, b), ent in mentions_in(article, cue_end, clause_end) if isinstance(ent, Person)]
    for k, (a, b, ent) in enumerate(after):
        gap = text[cue_end:a]
        if k + 1 < len(after) and _RENAMED.match(text[b:after[k + 1][0]]):
            ent = after[k + 1][2]  # "Tổng thống Mỹ lúc đó Barack Obama": the name, not the title
        if _OWNER_GAP.match(gap):
            if host_words.search(gap):
                host = host or ent.name
            elif noun and visitor is None:
                visitor = ent.name
        break
    if visitor is None:
        return None
    return [visitor] + ([host] if host and host != visitor else [])


def sole_person_of(article: Article, org: Organization) -> str | None:
    """The one person the article names for an organization (``Phó Chủ tịch Excelerate`` for
    ``Excelerate Energy``), else None: a meeting "with the company" is a meeting with them."""
    key = org.name.casefold()
    names = {o.casefold() for o in [org.name, *org.aliases]}
    found = []
    for p in _people_of_orgs(article, names, key):
        po = (p.organization or "").casefold()
        if not po:
            continue
        if po in names or (len(po) >= 4 and (key.startswith(po + " ") or po.startswith(key + " "))):
            found.append(p.name)
    return found[0] if len(found) == 1 else None


_BY_ORG = threading.local()  # per thread, the last article's people filed by their organization


def _people_of_orgs(article: Article, names: set[str], key: str) -> list[Person]:
    """The people whose organization (casefolded) is one of ``names``, a word prefix of ``key``, or
    starts with ``key`` and a space: the only ones ``sole_person_of`` can take, in the article's
    order (found by dictionaries built once per article, not by reading every person per organization)."""
    people = article.people
    last = getattr(_BY_ORG, "entry", None)
    if last is None or last[0] is not people or last[1] != len(people):
        exact: dict[str, list[int]] = {}
        opening: dict[str, list[int]] = {}  # the words an organization starts with (up to a space) -> people
        for k, p in enumerate(people):
            po = (p.organization or "").casefold()
            exact.setdefault(po, []).append(k)
            for i, ch in enumerate(po):
                if ch == " ":
                    opening.setdefault(po[:i], []).append(k)
        last = (people, len(people), exact, opening)
        _BY_ORG.entry = last
    exact, opening = last[2], last[3]
    ks = {k for n in names for k in exact.get(n, ())}
    ks.update(k for i, ch in enumerate(key) if ch == " " for k in exact.get(key[:i], ()))
    ks.update(opening.get(key, ()))
    return [people[k] for k in sorted(ks)]


_SUBJECT_GAP = re.compile(r"^\s*(?:,\s*)?(?:(?:đã|đang|sẽ|vừa|có|các|những|một|loạt|thực hiện|tiến hành|kết thúc|bắt đầu|trong|cho|về)\s+)*$")
# "X và đoàn ... đã tới Mỹ trong chuyến thăm": a subject a few words before, with a verb between
_SUBJECT_FAR = re.compile(r"^\s*,?[^,.;:!?\n]{0,80}?\b(?:đã|đang|sẽ|vừa|có|tới|đến|sang)\b[^,.;:!?\n]{0,40}$")
_WITH_GAP = re.compile(r"^\s*với\s+$")
_WITH_TITLE_GAP = re.compile(r"^\s*với\s+(?:[^\s,.;:()]+\s+){0,8}$")  # "cuộc gặp với Đại sứ Việt Nam tại Mỹ X"
_OF_GAP = re.compile(r"^\s*(?:[^\s,.;:]+\s+){0,6}?(?:của|do)\s+$")


_PRONOUN_GAP = bounded(r"(?<!\w)(?:ông|bà)\s+(?:\w+\s+){0,2}$")


def own_participant(article: Article, cue_start: int, cue_end: int, clause_end: int) -> bool:
    """A noun cue's own participant: ``X có chuyến thăm``, ``chuyến thăm ... của X``, ``cuộc gặp với X``, or
    ``X ... cho biết ông mong chờ chuyến thăm`` (a pronoun for a person named before)."""
    text = article.text
    for (a, b), ent in mentions_in(article, max(0, cue_start - 80), min(clause_end, cue_end + 80)):
        if isinstance(ent, Person):
            if b <= cue_start and (_SUBJECT_GAP.match(text[b:cue_start]) or _SUBJECT_FAR.match(text[b:cue_start])):
                return True
            if a >= cue_end and (_OF_GAP.match(text[cue_end:a]) or _WITH_TITLE_GAP.match(text[cue_end:a])):
                return True  # "chuyến thăm ... của X", "cuộc gặp với Thủ tướng X"
        elif a >= cue_end and _WITH_GAP.match(text[cue_end:a]):
            return True  # "buổi làm việc với Tập đoàn X"
    if _PRONOUN_GAP.search(text[max(0, cue_start - 25):cue_start]):
        start = max(0, cue_start - 200)
        cut = max(text.rfind(".", start, cue_start), text.rfind("\n", start, cue_start))
        return any(isinstance(e, Person) for _, e in mentions_in(article, max(start, cut + 1), cue_start))
    return False


def not_participant(article: Article, r: EventRules, ent: Person | Organization, span: tuple[int, int],
                    cue_end: int, clause_end: int) -> bool:
    """Whether the mention ``span`` of a clause names no participant of its event.

    An organization right after ``tại``/``ở``/``thăm`` is the venue (``thăm Trung tâm X``,
    ``tại Nhà Trắng``); a person named after the cue behind a comma, followed by a verb of
    saying that ends the clause (``..., Phát ngôn viên X cho biết trong thông cáo``), is the
    source of the news. (``Trong cuộc tiếp X, Tổng Bí thư Y nhấn mạnh quan hệ ...``: Y speaks
    on, and is the host.)
    """
    text = article.text
    a, b = span
    if isinstance(ent, Organization):  # a venue, or the employer in a source's title
        nxt = [(s, e) for s, e in mentions_in(article, b, min(clause_end, b + 40)) if isinstance(e, Person)]
        titled = bool(nxt) and "," not in text[b:nxt[0][0][0]] \
            and not_participant(article, r, nxt[0][1], nxt[0][0], cue_end, clause_end)
        return titled or bool(r.venue_before.search(text[max(0, a - 16):a]))
    if r.source_before.search(text[max(0, a - 16):a]) and text[b:b + 2].lstrip().startswith(","):
        return True  # "Theo ông X, chuyến thăm ...": the source of what follows
    said = r.source_after.match(text, b, min(clause_end, b + 40)) if a >= cue_end else None
    if said is None or not r.source_tail.match(text[said.end():clause_end]):
        return False
    comma = text.rfind(",", cue_end, a)
    return comma >= 0 and not any(isinstance(e, Person) for _, e in mentions_in(article, comma, a))


_DEST: dict[int, re.Pattern[str]] = {}


def destination(text: str, g: Gazetteer, cue_end: int, clause_end: int) -> str | None:
    """The country a visit cue names as its destination (``thăm chính thức Hoa Kỳ`` -> ``US``;
    a country of neither side by its name), else None: two visits to different countries are
    two trips, whoever the text names as the visitor."""
    pat = _DEST.get(id(g))
    if pat is None:
        names = sorted([*g.countries, "VN"], key=len, reverse=True)
        pat = _DEST[id(g)] = re.compile(
            r"\s*(?:(?:chính thức|cấp nhà nước|làm việc|cấp cao|hữu nghị|lại|tại|tới|đến|sang)\s+){0,3}(?:nước\s+)?("
            + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    m = pat.match(text, cue_end, min(clause_end, cue_end + 60))
    if m is None:
        return None
    side = "VN" if m.group(1) == "VN" else g.countries.get(m.group(1))
    return side if side in ("US", "VN") else m.group(1)


# up to three words between a visit cue and the venue or city it names ("thăm chính thức TP. X")
_STOP_GAP = re.compile(r"^\s*(?:[^\s,.;:()]+\.?\s+){0,3}$")


def stop_of(article: Article, g: Gazetteer, seats: frozenset[str], cue_end: int, clause_end: int) -> str | None:
    """The venue or city a visit cue names right after it, not a country nor a capital or seat that
    stands for one (``seats``: ``thăm Washington``), as in ``đến thăm Viện Di sản``, ``sẽ thăm thành
    phố X``; else None: a stop of a trip is an occasion of its own, told apart from the trip
    (``chuyến thăm Mỹ``) and from the other stops."""
    end = min(clause_end, cue_end + 40)
    found = [(a, e.name) for (a, _b), e in mentions_in(article, cue_end, end) if isinstance(e, Organization)]
    found += [(a, p.name) for p in article.places for a, _b in p.mentions if cue_end <= a < end]
    text = article.text
    for a, name in sorted(found):
        if name in g.countries or name in seats or not _STOP_GAP.match(text[cue_end:a]):
            return None
        return name
    return None

