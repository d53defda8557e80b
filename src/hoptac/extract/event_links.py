"""How the drafts of a sentence relate to each other and to the events told before.

Steps of :mod:`hoptac.extract.events` after a clause is drafted: a meeting with a list of people
is one meeting with each (``split_list``); an undated draft takes the previous event's day, and a
``Tiếp đoàn`` reception joins the previous meeting as its host (``link_previous``); a speech at a
forum already told joins that forum (``told_forums``); an undated event takes the date of a photo
caption showing it (``caption_dates``), one told ``Cùng ngày`` the day told last (``same_day_dates``), an undated signing of the witnesses of a dated one
takes its day (``witnessed_dates``); a dialogue naming no one takes the people of the sentence
beside it as its co-chairs (``neighbours``).
"""

from __future__ import annotations

import bisect
import re

from ..model import Article, Organization, Person
from .dates import DateMention
from .entities import mentions_in
from .event_merge import DAY, FAMILY, Draft
from .event_roles import sole_person_of
from .event_rules import EventRules, opens_span


def people_in(article: Article, a: int, b: int) -> list[str]:
    """The names of the people mentioned in ``[a, b)``, in order, once each."""
    out: list[str] = []
    for _, ent in mentions_in(article, a, b):
        if isinstance(ent, Person) and ent.name not in out:
            out.append(ent.name)
    return out


# between two people of a list: a separator, then a title or honorific, never a clause
_LIST_ITEM = re.compile(r"^\s*(?:\([^()]{0,60}\)\s*)?(?:,|và|;)\s*(?:cùng\s+)?(?:(?:ông|bà|ngài)\s+)?"
                        r"(?:[A-ZĐÀ-Ỹ][^,.;:()]{0,80})?$")


_MEMBERS = re.compile(r"(?<!\w)(?:trong đó có|bao gồm|gồm)(?!\w)", re.IGNORECASE)


def split_list(article: Article, d: Draft, clause: tuple[int, int, list[tuple[int, int, str]]]) -> list[Draft]:
    """``X đã gặp A, B và C``: one meeting with each of the people listed after the cue, or
    with each organization listed when no person is (``loạt cuộc gặp với ... Google, SpaceX``);
    an organization is then the one person the article names for it, if any. The members of a
    named group (``với Liên minh X, trong đó có A, B``) are no list: the group is the counterpart.
    (The dev gold's convention, ``annotations/CONVENTIONS.md``: one meeting per listed counterpart.)"""
    if d.type != "meeting":
        return [d]
    cue_end = clause[2][-1][1]
    before = people_in(article, clause[0], clause[2][0][0])
    after: list[Person] = []
    last = cue_end
    for (a, b), ent in mentions_in(article, cue_end, clause[1]):
        if not isinstance(ent, Person):
            continue
        if after and not _LIST_ITEM.match(article.text[last:a]):
            break  # "hội đàm với A, trao đổi ..., bà B cho biết": B is no item of the list
        if ent not in after:
            after.append(ent)
        last = b
    names = [p.name for p in after]
    if not after:
        orgs = [(span, ent) for span, ent in mentions_in(article, cue_end, clause[1])
                if isinstance(ent, Organization) and ent.kind != "media"]
        if len(orgs) >= 2 and _MEMBERS.search(article.text, orgs[0][0][1], orgs[1][0][0]):
            return [d]  # "với Liên minh X, trong đó có A, B": the group is the counterpart
        names = list(dict.fromkeys(sole_person_of(article, o) or o.name for _, o in orgs))
    if len(before) != 1 or len(names) < 2:
        return [d]
    return [Draft(d.type, d.start, d.end, participants=[before[0], n], persons=2, date=d.date,
                   place=d.place, planned=d.planned, split=True, cue=d.cue, sentence=d.sentence) for n in names]


def link_previous(article: Article, r: EventRules, sent: tuple[int, int], drafts: list[Draft],
                   prev: Draft | None) -> list[Draft]:
    """Undated drafts on the previous event's day (``Cùng ngày``, ``Thủ tướng sau đó sẽ ...``);
    a ``Tiếp đoàn`` reception is the previous meeting seen from its host (the host joins it),
    or, after a visit, a reception of that visit's people. Returns the drafts left."""
    if prev is None:
        return drafts
    text = article.text
    # the people's names, read only for a "Tiếp đoàn" draft (rare): not every person for every sentence
    names = {p.name for p in article.people} if any(d.delegation for d in drafts) else set()
    out = []
    for d in drafts:
        lead = text[sent[0]:d.cue[0]][:60]
        if d.date is None and prev.date is not None and DAY.search(prev.date.value) and r.same_day.search(lead):
            d.date = prev.date
        if d.delegation:
            hosts = [p for p in d.participants if p in names]
            if prev.type != "visit" and hosts:
                prev.participants += [p for p in hosts if p not in prev.participants]
                prev.persons = sum(1 for p in prev.participants if p in names)
                prev.type = "reception"
                continue
            d.participants = hosts + [p for p in prev.participants if p in names and p not in hosts] \
                or d.participants
            d.persons = sum(1 for p in d.participants if p in names)
            d.date = d.date or prev.date
        out.append(d)
    return out


def told_forums(drafts: list[Draft], found: list[Draft]) -> list[Draft]:
    """``Phát biểu tại hội nghị, X ...`` after a forum was told: X joins that forum, no new event."""
    told = next((d for d in reversed(drafts) if d.type == "dialogue"), None)
    out = []
    for d in found:
        if d.back and told is not None and not (d.date and told.date and d.date.value != told.date.value):
            told.participants += [p for p in d.participants if p not in told.participants]
            continue
        out.append(d)
    return out


def caption_dates(events: list[Draft], captions: list[Draft]) -> None:
    """An undated event takes the date of a photo caption that shows it (same family, the same
    people or two of them): captions repeat the body, often with the day the body leaves out."""
    for e in events:
        if e.date is not None:
            continue
        for c in captions:
            common = set(e.participants) & set(c.participants)
            if c.date is not None and FAMILY[c.type] == FAMILY[e.type] and c.planned == e.planned \
                    and (set(c.participants) == set(e.participants) or len(common) >= 2):
                e.date = c.date
                break


_RESTATED = re.compile(r"(?<!\w)tức(?!\w)[^,;()]{0,10}$", re.IGNORECASE)  # "(tức 2h ngày 1/6 giờ Hà Nội)"


def same_day_dates(text: str, r: EventRules, spans: list[tuple[int, int]], events: list[Draft],
                   dates: list[DateMention]) -> None:
    """An undated event told ``Cùng ngày`` takes the day written last before its sentence, once every
    event has its date (one a photo caption dates): ``Cùng ngày`` names the day told last, whether an
    event told between names none (``Sáng 30/5 A hội đàm với B ... A gặp C ... Cùng ngày, A có các cuộc
    gặp với ...``) or the day was written in a caption or a date line. The first day of a span
    (``từ 20 - 21/6``) is no day told, nor the same moment in another time zone (``15h ngày 31/5 (tức
    2h ngày 1/6 giờ Hà Nội)``); an earlier occasion told looking back takes none."""
    days = sorted((x for x in dates if DAY.search(x.value) and not opens_span(x)
                   and not _RESTATED.search(text, max(0, x.start - 16), x.start)), key=lambda x: x.start)
    starts = [x.start for x in days]
    for e in events:
        if e.date is not None or e.planned or e.earlier or not 0 <= e.sentence < len(spans):
            continue
        a = spans[e.sentence][0]
        if not r.told_day.search(text[a:e.cue[0]][:60]):
            continue
        k = bisect.bisect_left(starts, a)
        if k:
            e.date = days[k - 1]


def witnessed_dates(events: list[Draft]) -> None:
    """An undated signing whose people all witnessed a dated signing of named parties takes its date
    (``A và B chứng kiến lễ trao các văn kiện`` after ``Ngày 31/5, trước sự chứng kiến của A và B, X và
    Y đã ký``): the leaders witness the signings of one ceremony."""
    for e in events:
        if e.type != "signing" or e.date is not None or not e.participants:
            continue
        for c in events:
            if c is not e and c.type == "signing" and c.date is not None and set(e.participants) <= set(c.witnesses):
                e.date = c.date
                break


# a name written as an owner or an era ("cam kết tranh cử của Trump", "chính quyền Trump"): no one at a meeting
_OWNER = re.compile(r"(?<!\w)(?:(của)|chính quyền|thời|nhiệm kỳ)\s+(?:(?:ông|bà|ngài)\s+)?$", re.IGNORECASE)
# the noun of an occasion before "của" ("chuyến thăm", "cuộc gặp", "buổi tiếp"): its owner took part
_OCCASION = re.compile(r"(?<!\w)(?:chuyến|cuộc|buổi|lễ)\s+\w+(?:\s+\w+){0,3}\s*$", re.IGNORECASE)


# a sentence opening on its own time ("Tới sáng 21,", "Chiều cùng ngày,", "Ngày 21/5,")
_TIME_OPEN = re.compile(r"\s*(?:(?:tới|đến|vào|sau đó|rồi)\s+)?(?:sáng|trưa|chiều|tối|đêm|ngày|hôm)\s+(?:nay|mai|qua|sau|"
                        r"cùng ngày|hôm sau|\d)", re.IGNORECASE)


def neighbours(article: Article, spans: list[tuple[int, int]], i: int, *, dated: bool) -> list[str]:
    """The people a dialogue that names no one may take as its co-chairs: those the sentence before names
    (else the sentence after, unless, the sentence being ``dated``, the next opens on a time of its own:
    another occasion), not as the owner of a thing or an era."""
    for k in (i - 1, i + 1):
        if 0 <= k < len(spans):
            a, b = spans[k]
            if k > i and dated and _TIME_OPEN.match(article.text, a, b):
                break  # "... chiều 20/5. Tới sáng 21, các bộ trưởng ...": another occasion (a headline's is its own)
            people = [e.name for (s, _), e in mentions_in(article, a, b)
                      if isinstance(e, Person) and not _owner(article.text, a, s)]
            if people:
                return list(dict.fromkeys(people))
    return []


def _owner(text: str, a: int, s: int) -> bool:
    """A name at ``s`` written as the owner of a thing or an era (``cam kết tranh cử của Trump``,
    ``chính quyền Trump``), not of an occasion (``chuyến công du châu Á của ông Trump``)."""
    m = _OWNER.search(text, max(a, s - 30), s)
    return m is not None and not (m.group(1) and _OCCASION.search(text, max(a, m.start() - 40), m.start()))
