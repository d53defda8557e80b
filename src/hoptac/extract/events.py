"""Stage ``events``: meetings, receptions, calls, dialogues, visits and signings.

Steps, sentence by sentence (photo captions are skipped: they repeat the body):

1. find the cue words of ``resources/gazetteer/events.yaml`` (``hội đàm`` meeting, ``tiếp``
   reception, ``điện đàm`` call, ``đối thoại`` dialogue, ``chuyến thăm`` visit, ``ký`` signing);
   in a sentence that names a person, a cue must be whole words of underthesea's CRF word
   segmentation (``nlp.ensure_words``), so ``tiếp`` in ``tiếp cận`` is no reception;
   several cues of one family in a clause are one event, the most specific type winning;
2. each cue's clause runs from the previous cue (or the sentence start) to the next one;
   its participants are the people mentioned there, with the organizations when fewer than
   two people are named; an event needs a participant (a signing may name only a framework);
3. the date is the first date of the clause (``dates.find_dates``), else the sentence's; an
   event that shares a participant with the article's first dated event and has no date of
   its own takes that event's month;
4. the status is ``planned`` after a future cue (``sẽ``, ``dự kiến``) or for a date after the
   published date; the place is the first place or venue after ``tại``/``ở`` in the clause;
5. repeated descriptions of one event merge: same family, and one participant set contains
   the other.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import Article, Event, Organization, Person, Sentence
from ..settings import Settings
from .dates import DateMention, find_dates
from .entities import mentions_in
from .gazetteer import Gazetteer, gazetteer
from .nlp import ensure_words, split_sentences
from .textmap import fold

FAMILY = {"meeting": "engagement", "reception": "engagement", "call": "engagement",
          "dialogue": "engagement", "visit": "engagement", "signing": "signing"}
_PRIORITY = ["call", "reception", "dialogue", "meeting", "visit", "signing"]
_SEAT = re.compile(r"(?<!\w)(?:tại|ở)\s+$")
_NEGATED = re.compile(r"(?<!\w)(?:không|chưa|chẳng)\s+(?:\w+\s+){0,1}$", re.IGNORECASE)


@dataclass
class _Draft:
    type: str
    start: int
    end: int
    participants: list[str] = field(default_factory=list)
    persons: int = 0
    date: DateMention | None = None
    place: str | None = None
    planned: bool = False
    inherited: str | None = None
    split: bool = False


def _in_captions(article: Article, a: int, b: int) -> bool:
    return any(ca <= a and b <= cb for ca, cb in article.captions)


def _all_cues(g: Gazetteer, text: str) -> list[tuple[int, int, str]]:
    """Every cue match of the text (overlaps included), by start."""
    low = fold(text, strip_marks=False)
    found: list[tuple[int, int, str]] = []
    for etype, pat in g.event_cues:
        for m in pat.finditer(low.text):
            a, b = low.span(m.start(), m.end())
            found.append((a, b, etype))
    found.sort()
    return found


def _cues(found: list[tuple[int, int, str]], a: int, b: int) -> list[tuple[int, int, str]]:
    """Cue matches inside ``[a, b)``: longest first, no overlaps, in text order."""
    i = bisect.bisect_left(found, (a, -1, ""))
    found = [c for c in found[i:] if c[0] < b and c[1] <= b]
    found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    kept: list[tuple[int, int, str]] = []
    for s, e, t in found:
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, t))
    kept.sort()
    return kept


def _has_person(article: Article, a: int, b: int) -> bool:
    return any(isinstance(e, Person) for _, e in mentions_in(article, a, b))


def _whole_words(article: Article, sentence: Sentence, cues: list[tuple[int, int, str]],
                 g: Gazetteer) -> list[tuple[int, int, str]]:
    """Cues no common word of the CRF segmentation crosses (``tiếp``, not ``trực tiếp``).

    Words with a capital are left out of the test: the segmenter often glues a name to
    the verb before it (``tiếp Đại sứ``).
    """
    toks = [t for t in ensure_words(article, sentence) if t.text.islower()]
    out = []
    for c in cues:
        if article.text[c[0]:c[1]].lower() not in g.event_ambiguous:
            out.append(c)
            continue
        crossed = any(t.start < c[0] < t.end or t.start < c[1] < t.end for t in toks)
        if not crossed:
            out.append(c)
    return out


def _place(article: Article, g: Gazetteer, text: str, a: int, b: int) -> str | None:
    """The first place or venue written after ``tại``/``ở`` in ``[a, b)``."""
    best: tuple[int, str] | None = None
    for p in article.places:
        for pa, _pb in p.mentions:
            if a <= pa < b and _SEAT.search(text[max(a, pa - 8):pa]) and (best is None or pa < best[0]):
                best = (pa, p.name)
    return best[1] if best else None


def _clauses(cues: list[tuple[int, int, str]], a: int, b: int) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """Group cues into clauses: cues of one family with nothing between merge."""
    groups: list[list[tuple[int, int, str]]] = []
    for c in cues:
        if groups and FAMILY[groups[-1][-1][2]] == FAMILY[c[2]] and c[0] - groups[-1][-1][1] <= 12:
            groups[-1].append(c)
        else:
            groups.append([c])
    out = []
    for i, grp in enumerate(groups):
        start = a if i == 0 else groups[i - 1][-1][1]
        end = b if i + 1 == len(groups) else groups[i + 1][0][0]
        out.append((start, end, grp))
    return out


def _people_in(article: Article, a: int, b: int) -> list[str]:
    out: list[str] = []
    for _, ent in mentions_in(article, a, b):
        if isinstance(ent, Person) and ent.name not in out:
            out.append(ent.name)
    return out


def _draft(article: Article, g: Gazetteer, dates: list[DateMention], sent: tuple[int, int],
           clause: tuple[int, int, list[tuple[int, int, str]]], subject: list[str],
           around: list[str], single: bool) -> _Draft | None:
    """An event for one clause, or None when the clause names no event."""
    text = article.text
    ca, cb, grp = clause
    etype = min((t for _, _, t in grp), key=_PRIORITY.index)
    cue_start, cue_end = grp[0][0], grp[-1][1]
    if _NEGATED.search(text[max(ca, cue_start - 20):cue_start]):
        return None
    if g.event_generic.search(text[max(ca, cue_start - 10):cue_start]) \
            and not _own_participant(article, cue_start, cue_end, cb):
        return None  # "các chuyến thăm" in general; "ông X đã có các cuộc gặp" is real
    people: list[str] = []
    orgs: list[str] = []
    for _, ent in mentions_in(article, ca, cb):
        if isinstance(ent, Person) and ent.name not in people:
            people.append(ent.name)
        elif isinstance(ent, Organization) and ent.name not in orgs and ent.kind != "media":
            orgs.append(ent.name)
    weak = any(text[s:e].lower() in g.event_weak and (text[s].islower() or s == sent[0]) for s, e, _ in grp)
    if etype == "dialogue" and not people and not weak:
        people = list(around)  # "Đối thoại ... lần thứ 10 tại Washington": the co-chairs nearby
    people += [p for p in subject if p not in people]
    parts = people + (orgs[:3] if len(people) < 2 else [])
    if weak and len(people) < 2:
        return None
    if all(text[s:e].lower() in g.event_nouns for s, e, _ in grp) and not _own_participant(article, cue_start, cue_end, cb):
        return None
    if not parts:
        framework = any(ca <= fa < cb for f in article.frameworks for fa, _ in f.mentions)
        if not (etype == "signing" and framework):
            return None
    d = _Draft(etype, ca, cb, participants=parts, persons=len(people))
    in_clause = [x for x in dates if ca <= x.start < cb
                 and (x.start < cue_start or not _PURPOSE.search(text, cue_end, x.start))]
    d.date = in_clause[0] if in_clause else None
    d.place = _place(article, g, text, ca, cb)
    lead = text[max(ca, cue_start - 60):cue_start]
    d.planned = bool(g.event_planned.search(lead)) or bool(g.event_planned.search(text[cue_start:cue_end]))
    if d.date and article.published and not d.date.value.startswith("--") and d.date.value > article.published[:len(d.date.value)]:
        d.planned = True
    return d


_SUBJECT_GAP = re.compile(r"^\s*(?:,\s*)?(?:(?:đã|đang|sẽ|vừa|có|các|những|một|loạt|thực hiện|tiến hành|kết thúc|bắt đầu|trong|cho|về)\s+)*$")
# "X và đoàn ... đã tới Mỹ trong chuyến thăm": a subject a few words before, with a verb between
_SUBJECT_FAR = re.compile(r"^\s*,?[^,.;:!?\n]{0,80}?\b(?:đã|đang|sẽ|vừa|có|tới|đến|sang)\b[^,.;:!?\n]{0,40}$")
_YEAR_MONTH = re.compile(r"\d{4}-\d\d")
_PURPOSE = re.compile(r"(?<!\w)(?:để|nhằm|về việc|hướng tới|tiến tới|chuẩn bị cho)(?!\w)")
_WITH_GAP = re.compile(r"^\s*với\s+$")
_OF_GAP = re.compile(r"^\s*(?:[^\s,.;:]+\s+){0,6}?(?:của|do)\s+$")


def _own_participant(article: Article, cue_start: int, cue_end: int, clause_end: int) -> bool:
    """A noun cue's own participant: ``X có chuyến thăm``, ``chuyến thăm ... của X``."""
    text = article.text
    for (a, b), ent in mentions_in(article, max(0, cue_start - 80), min(clause_end, cue_end + 80)):
        if isinstance(ent, Person):
            if b <= cue_start and (_SUBJECT_GAP.match(text[b:cue_start]) or _SUBJECT_FAR.match(text[b:cue_start])):
                return True
            if a >= cue_end and _OF_GAP.match(text[cue_end:a]):
                return True
        elif a >= cue_end and _WITH_GAP.match(text[cue_end:a]):
            return True  # "buổi làm việc với Tập đoàn X"
    return False


_LIST_SEP = re.compile(r"^\s*(?:,|và|;)\s*")


def _split(article: Article, d: _Draft, clause: tuple[int, int, list[tuple[int, int, str]]]) -> list[_Draft]:
    """``X đã gặp A, B và C``: one meeting with each of the people listed after the cue."""
    if d.type != "meeting":
        return [d]
    cue_end = clause[2][-1][1]
    before = _people_in(article, clause[0], clause[2][0][0])
    after = [(span, ent) for span, ent in mentions_in(article, cue_end, clause[1]) if isinstance(ent, Person)]
    if len(before) != 1 or len(after) < 2:
        return [d]
    out = []
    for _, ent in after:
        nd = _Draft(d.type, d.start, d.end, participants=[before[0], ent.name], persons=2, date=d.date,
                    place=d.place, planned=d.planned, split=True)
        out.append(nd)
    return out


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One event per repeated description: same family, nested participant sets."""
    out: list[_Draft] = []
    for d in drafts:
        ps = set(d.participants)
        for o in out:
            os_ = set(o.participants)
            if FAMILY[o.type] != FAMILY[d.type] or o.planned != d.planned:
                continue
            if not ps or not os_ or not (ps <= os_ or os_ <= ps):
                continue
            if (o.split or d.split) and ps != os_ and not ps < os_:
                continue  # one of the listed meetings: a wider description is not it
            if o.date and d.date and o.date.value != d.date.value:
                continue
            if len(ps) > len(os_):
                o.participants = d.participants
            if _PRIORITY.index(d.type) < _PRIORITY.index(o.type) and d.persons >= o.persons:
                o.type = d.type
            o.date = o.date or d.date
            o.place = o.place or d.place
            break
        else:
            out.append(d)
    return out


def extract_events(article: Article, settings: Settings) -> Article:
    """Fill ``article.events`` from the cue words of each sentence."""
    g = gazetteer()
    text = article.text
    spans = [(s.start, s.end) for s in article.sentences] or split_sentences(text)
    dates = find_dates(text, article.published)
    all_cues = _all_cues(g, text)
    drafts: list[_Draft] = []
    for i, (a, b) in enumerate(spans):
        if _in_captions(article, a, b):
            continue
        cues = _cues(all_cues, a, b)
        if any(text[c[0]:c[1]].lower() in g.event_ambiguous for c in cues) \
                and i < len(article.sentences) and _has_person(article, a, b):
            cues = _whole_words(article, article.sentences[i], cues, g)
        if not cues:
            continue
        around = _people_in(article, *spans[i - 1]) if i else []
        if not around and i + 1 < len(spans):
            around = _people_in(article, *spans[i + 1])
        subject: list[str] = []
        clauses = _clauses(cues, a, b)
        for k, clause in enumerate(clauses):
            d = _draft(article, g, dates, (a, b), clause, subject if k else [], around, len(clauses) == 1)
            if d is not None:
                drafts.extend(_split(article, d, clause))
            if k == 0:
                subject = _people_in(article, a, clause[2][0][0])
    events = _merge(drafts)
    lead = next((e for e in events if e.date and _YEAR_MONTH.match(e.date.value) and not e.planned), None)
    if lead is not None and lead.date is not None:
        month = lead.date.value[:7]
        for e in events:
            if e is not lead and e.date is None and not e.planned and FAMILY[e.type] == FAMILY[lead.type] \
                    and set(e.participants) & set(lead.participants):
                e.inherited = month
    article.events = [
        Event(type=e.type, evidence=(e.start, e.end),
              date=e.date.value if e.date else e.inherited,
              date_inferred=bool(e.date and e.date.inferred),
              place=e.place, participants=e.participants,
              status="planned" if e.planned else "happened")
        for e in events
    ]
    return article
