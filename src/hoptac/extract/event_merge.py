"""Drafts of the events stage and the merge of repeated descriptions into one occasion.

A news article tells its main occasion several times: the headline, the lead, a later paragraph
set in it (``Tại cuộc hội đàm với X, ...``), a caption. :func:`merge` folds the drafts that describe
one occasion again (same family, nested participant sets, no other day), and :func:`headlines`
joins a headline's event to the body's event it announces, so that each occasion is one event;
:func:`captioned` keeps the occasions only a photo caption shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..clean.normalize import search_key
from ..model import Article, Person
from .dates import DateMention
from .entities import mentions_in
from .gazetteer import alternation, load_yaml

if TYPE_CHECKING:  # event_rules reads this module's drafts
    from .event_rules import EventRules

FAMILY = {"meeting": "engagement", "reception": "engagement", "call": "engagement",
          "dialogue": "engagement", "visit": "engagement", "signing": "signing"}
#: the kinds of occasion an article tells apart: a visit, a signing, and the other engagements
KIND = {t: "visit" if t == "visit" else f for t, f in FAMILY.items()}
PRIORITY = ["call", "reception", "dialogue", "meeting", "visit", "signing"]
DAY = re.compile(r"-\d\d-\d\d$")


@dataclass
class Draft:
    """An event as one clause tells it, before repeated descriptions merge."""

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
    own_object: bool = False  # "tiếp một số doanh nhân": a counterpart of its own, unnamed
    counted: bool = False  # "điện đàm với 4 nghị sĩ": a counted counterpart, none of them named
    delegation: bool = False  # "Tiếp đoàn": the visitors of the event just described
    back: bool = False  # "Phát biểu tại hội nghị, X ...": the forum already told, X one more participant
    earlier: bool = False  # told looking back ("Trước đó, từ năm 2010, ..."): an occasion before the news
    earlier_year: bool = False  # ... in an earlier year ("từ năm 2010", "năm ngoái")
    held: bool = False  # a forum said to be held ("tổ chức hội thảo"): the speakers of its report take part
    retold: bool = False  # "Tại cuộc hội đàm với X, Y khẳng định": the occasion told before, named as the setting
    dest: str | None = None  # a visit's country, written right after its cue ("thăm chính thức Việt Nam")
    stop: str | None = None  # the venue or city a visit names instead ("đến thăm Viện X"): a stop of a trip
    cue: tuple[int, int] = (0, 0)
    sentence: int = -1
    witnesses: list[str] = field(default_factory=list)  # who witnessed a signing whose parties are named
    briefing: bool = False  # a telephone briefing to reporters: it tells of occasions, lends them no month
    noun_only: bool = False  # told by a bare noun cue ("Tại cuộc gặp Bộ trưởng X, ..."): an event only as the one telling of its kind



def staff_of(article: Article) -> dict[str, set[str]]:
    """Each organization's name and aliases mapped to the people the article names for it (their
    organization written as its name or an alias)."""
    out: dict[str, set[str]] = {}
    staffed: dict[str, set[str]] = {}  # an organization as people write it (casefolded) -> those people
    for p in article.people:
        staffed.setdefault((p.organization or "").casefold(), set()).add(p.name)
    for o in article.organizations:
        names = {n.casefold() for n in [o.name, *o.aliases]}
        found = {name for n in names for name in staffed.get(n, ())}
        if found:
            for n in [o.name, *o.aliases]:
                out.setdefault(n, set()).update(found)
    return out


def aligned(o: Draft, d: Draft, staff: dict[str, set[str]]) -> tuple[set[str], set[str]]:
    """The participant sets of two drafts, an organization of one replaced by its people named in the
    other (``tiếp Công ty X`` in the headline, ``tiếp ông Y, Chủ tịch Công ty X`` in the body)."""
    def canon(parts: list[str], other: set[str]) -> set[str]:
        out: set[str] = set()
        for p in parts:
            out |= (staff.get(p, set()) & other) or {p}
        return out
    return canon(o.participants, set(d.participants)), canon(d.participants, set(o.participants))


def mergeable(o: Draft, d: Draft, staff: dict[str, set[str]] | None = None) -> bool:
    """Whether ``d`` describes the event ``o`` again: nested participant sets (an organization standing
    for its person named in the other), or, for a retold setting (``Tại cuộc hội đàm với X, ...``), a
    shared participant."""
    if FAMILY[o.type] != FAMILY[d.type] or (o.type == "visit") != (d.type == "visit"):
        return False  # a visit holds meetings; it is not one of them
    if o.dest and d.dest and o.dest != d.dest:
        return False  # "thăm Mỹ" and "thăm Việt Nam": two trips, whoever the text names
    if o.stop != d.stop:
        return False  # "chuyến thăm Mỹ" and "đến thăm Viện X" during it: the trip and one of its stops
    os_, ps = aligned(o, d, staff or {})
    if d.retold and len(ps & os_) >= min(2, len(ps), len(os_)) and o.planned == d.planned and o.earlier == d.earlier \
            and not (o.own_object or d.own_object) and not (o.date and d.date and o.date.value != d.date.value):
        return True  # "Tại cuộc hội đàm với X và Z, Y khẳng định": the meeting of Y and X told before
    if o.dest and _one_trip(o, d) and ps & os_ and o.earlier == d.earlier and not (o.split or d.split):
        return True  # "thăm chính thức Mỹ" and "Trên đường thăm Mỹ, Đoàn ... do X dẫn đầu": one trip of X, whoever
        # else each telling names (the host, the delegation)
    if not ps or not os_ or not (ps <= os_ or os_ <= ps):
        return False
    same_day = _same_day(o, d)
    if o.planned != d.planned and (ps != os_ or (o.date and d.date)) and not same_day \
            and not _one_trip(o, d):
        return False  # "sẽ hội đàm" and an undated "hội đàm" of the same two people are one, as are
        # "sắp thăm ... từ ngày 19/5" and "chuyến thăm diễn ra từ ngày 19/5"
    if (o.split or d.split) and ps != os_ and not ps < os_:
        return False  # one of the listed meetings: a wider description is not it
    if o.earlier != d.earlier:
        return False  # "Trước đó, từ năm 2010, A đã ký ...": an earlier occasion, never the news told again
    if o.own_object or d.own_object:
        return False  # "tiếp một số doanh nhân" is neither "tiếp Bộ trưởng X" nor "tiếp các tập đoàn"
    if (d.counted and ps < os_) or (o.counted and os_ < ps):
        return False  # "điện đàm với 4 nghị sĩ" is not the call with the two leaders named elsewhere
    if o.type != d.type and (o.sentence == d.sentence or o.held or d.held or "dialogue" in (o.type, d.type)):
        return False  # "gặp X, dự Toạ đàm ...": two clauses, two events; a forum or a press briefing
        # is no meeting held at it or beside it ("gặp nhau bên lề Hội nghị G20", "họp báo chung")
    return not (o.date and d.date and o.date.value != d.date.value)


def same_forum(article: Article, o: Draft, d: Draft) -> bool:
    """Two dialogues named by the same forum word on the same written day (``cuộc họp báo chiều 3/6``
    told with one speaker, ``chủ trì cuộc họp báo ... chiều 3/6`` with another): one occasion, whoever
    each telling names. Both of the news (same status, neither told looking back)."""
    if not (o.type == d.type == "dialogue" and _same_day(o, d) and o.planned == d.planned and o.earlier == d.earlier):
        return False
    return _forum_word(article, o) == _forum_word(article, d)


@cache
def _classifier() -> re.Pattern[str]:
    """An occasion's classifier opening its cue (``cuộc``, ``buổi``: ``occasion_classifiers`` of events.yaml)."""
    return re.compile(rf"^(?:{alternation(load_yaml('events.yaml')['occasion_classifiers'])}) ")


def _forum_word(article: Article, x: Draft) -> str:
    """A draft's cue words, lower case and tones in one place (``Toạ đàm`` ~ ``tọa đàm``), without their
    classifier (``cuộc họp báo`` -> ``họp báo``)."""
    return _classifier().sub("", " ".join(search_key(article.text[x.cue[0]:x.cue[1]]).split()), count=1)


def _one_trip(o: Draft, d: Draft) -> bool:
    """Two tellings of one visit whatever their status (``sắp thăm Mỹ`` in the lead, ``trong chuyến
    thăm Mỹ`` later): both visits, the same country (or neither says), no two different dates."""
    return o.type == d.type == "visit" and o.dest == d.dest \
        and not (o.date and d.date and o.date.value != d.date.value)


def merge(article: Article, drafts: list[Draft]) -> list[Draft]:
    """One event per repeated description: same family, nested participant sets; a retold setting
    joins the event sharing the most participants with it (the latest of those), adding no one."""
    staff = staff_of(article)
    out: list[Draft] = []
    kin: dict[tuple[str, bool], _Kin] = {}  # the kept drafts by family and visit-ness, in order:
    # only those can merge (mergeable's first test), so a long text compares each draft with its kin only,
    # and of those only with the ones it can share a participant with (``_Kin.candidates``)
    for d in drafts:
        key = (FAMILY[d.type], d.type == "visit")
        found = [o for o in kin[key].candidates(d) if mergeable(o, d, staff)] if key in kin else []
        if not found and key in kin:
            found = [o for o in kin[key].drafts if same_forum(article, o, d)][:1]
            if found:  # "cuộc họp báo chiều 3/6" told twice, by two of its speakers: one briefing of both
                found[0].participants = list(dict.fromkeys(found[0].participants + d.participants))
                kin[key].refile(found[0])
                continue
        if d.retold and found:  # the occasion sharing the most participants with the setting, the latest of those
            found = [max(reversed(found), key=lambda o: len(set(o.participants) & set(d.participants)))]
        for o in found:
            named = set(d.participants)  # "Công ty X" told again as its chairman: the person stays
            o.participants = list(dict.fromkeys(q for p in o.participants for q in (sorted(staff.get(p, set()) & named) or [p])))
            if len(d.participants) > len(o.participants) and not d.retold:
                o.participants = d.participants
            if PRIORITY.index(d.type) < PRIORITY.index(o.type) and d.persons >= o.persons \
                    and d.type != "dialogue":
                o.type = d.type  # "hội đàm" then "tiếp": a reception; a dialogue is named as one
            if o.date is None and d.date is not None:
                o.date, o.planned = d.date, d.planned
            o.place = o.place or d.place
            kin[key].refile(o)
            break
        else:
            out.append(d)
            kin.setdefault(key, _Kin(staff)).add(d)
    return out


class _Kin:
    """The kept drafts of one family and visit-ness, filed under the names that can join them.

    ``mergeable`` accepts two drafts only when their aligned participant sets meet (or, for a
    retold setting, when one has none): a name of one, or a person of one's organization, is a
    name of the other. Each kept draft is filed under its participants and their organizations'
    people (``staff``), so a draft is compared only with the kept drafts it shares one with.
    """

    def __init__(self, staff: dict[str, set[str]]) -> None:
        self.staff = staff
        self.rank: dict[int, int] = {}  # id of a kept draft -> its place among them
        self.drafts: list[Draft] = []
        self.by_name: dict[str, list[Draft]] = {}
        self.filed: dict[int, set[str]] = {}  # id of a kept draft -> the names it is filed under
        self.empty: dict[int, Draft] = {}  # kept drafts with no participant

    def names(self, parts: list[str]) -> set[str]:
        out = set(parts)
        for p in parts:
            out |= self.staff.get(p, set())
        return out

    def add(self, d: Draft) -> None:
        self.rank[id(d)] = len(self.drafts)
        self.drafts.append(d)
        self.filed[id(d)] = set()
        self.refile(d)

    def refile(self, d: Draft) -> None:
        """File a kept draft again after its participants changed."""
        new, old = self.names(d.participants), self.filed[id(d)]
        for n in old - new:
            self.by_name[n] = [o for o in self.by_name[n] if o is not d]
        for n in new - old:
            self.by_name.setdefault(n, []).append(d)
        self.filed[id(d)] = new
        if d.participants:
            self.empty.pop(id(d), None)
        else:
            self.empty[id(d)] = d

    def candidates(self, d: Draft) -> list[Draft]:
        """The kept drafts ``mergeable`` may accept for ``d``, in the order they were kept."""
        if not d.participants:
            return list(self.drafts) if d.retold else []
        found = {id(o): o for n in self.names(d.participants) for o in self.by_name.get(n, ())}
        if d.retold:
            found.update(self.empty)
        return sorted(found.values(), key=lambda o: self.rank[id(o)])


def headlines(article: Article, events: list[Draft]) -> list[Draft]:
    """A headline's event joins the body's event it announces: of its family (a visit with a visit,
    a forum with a forum), same status (a visit to the same country: any status), no other day,
    sharing the most participants with it (at least one; the first of those), the headline naming
    no person the body's event leaves out
    (``tiếp Đoàn Ủy ban X`` in the headline, ``tiếp Đoàn do ông Y dẫn đầu`` in the body). The body
    tells who and when; the headline's day and place fill its gaps. Returns the events left."""
    end = article.text.find("\n")
    if end < 0:
        return events
    people = {p.name for p in article.people}
    out = list(events)
    for h in [e for e in events if e.end <= end]:
        body = [e for e in out if e.start > end and FAMILY[e.type] == FAMILY[h.type]
                and (e.type == "visit") == (h.type == "visit") and (e.type == "dialogue") == (h.type == "dialogue")
                and (e.planned == h.planned or _one_trip(e, h))
                and e.earlier == h.earlier and e.own_object == h.own_object
                and set(e.participants) & set(h.participants)
                and not {p for p in h.participants if p in people} - set(e.participants)
                and not (e.date and h.date and e.date.value != h.date.value)
                and not (e.dest and h.dest and e.dest != h.dest)]
        if not body:
            continue
        e = max(body, key=lambda x: len(set(x.participants) & set(h.participants)))
        e.date, e.planned = (e.date, e.planned) if e.date else (h.date, h.planned)
        e.place = e.place or h.place
        out.remove(h)
    return out


def only_tellings(article: Article, r: EventRules, nouns: list[Draft], events: list[Draft]) -> list[Draft]:
    """The occasions told only by a bare noun cue (``Tại cuộc gặp Bộ trưởng X chiều 15-2, Đại sứ Y ...``):
    merged among themselves, naming a person, of a kind (engagement, visit, signing) no other event of
    the article is, so that they retell nothing the article tells with a verb or a named participant.
    A visit so told is the visit of its sentence's subject, the first person the sentence names before
    the cue with no verb of saying between (``X bắt đầu chuyến công du``, not ``X cho biết chuyến thăm``)
    nor a word making X a companion (``X sẽ tháp tùng Thủ tướng trong chuyến thăm``), or no event."""
    kinds = {KIND[e.type] for e in events}
    out = []
    for e in merge(article, nouns):
        if e.persons < 1 or KIND[e.type] in kinds:
            continue
        if e.type == "visit":
            sent = article.sentences[e.sentence].start if e.sentence < len(article.sentences) else e.start
            first = next(((span, p) for span, p in mentions_in(article, sent, e.cue[0]) if isinstance(p, Person)), None)
            if first is None or r.date_breaks.search(article.text, first[0][1], e.cue[0]) \
                    or r.companions.search(article.text, first[0][1], e.cue[0]):
                continue
            e.participants = [first[1].name]
        out.append(e)
    return out


def captioned(article: Article, events: list[Draft], captions: list[Draft]) -> list[Draft]:
    """The occasions only a photo caption shows (``Thủ tướng tiếp lãnh đạo Tập đoàn X. Ảnh: ...``):
    caption drafts, merged among themselves, that no body event tells again: of the same family and
    visit-ness sharing a participant, or of the same family on the same written day (a caption of
    the day's forum names whoever the photo shows). A caption that repeats the body only lends its date."""
    staff = staff_of(article)
    out = []
    for c in merge(article, captions):
        if any(FAMILY[e.type] == FAMILY[c.type] and (_told(e, c, staff) or (_kind(e) == _kind(c) and _same_day(e, c)))
               for e in events):
            continue
        out.append(c)
    return out


def _kind(d: Draft) -> str:
    """A visit, a forum (or press briefing) or another engagement: a caption of one kind shows no
    occasion of another kind told the same day (a visit holds meetings, a meeting is held beside a forum)."""
    return d.type if d.type in ("visit", "dialogue") else FAMILY[d.type]


def _told(e: Draft, c: Draft, staff: dict[str, set[str]]) -> bool:
    return (e.type == "visit") == (c.type == "visit") \
        and bool(set(e.participants) & set(c.participants) or mergeable(e, c, staff))


def _same_day(a: Draft, b: Draft) -> bool:
    return bool(a.date and b.date and a.date.value == b.date.value and DAY.search(a.date.value))
