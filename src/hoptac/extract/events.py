"""Stage ``events``: meetings, receptions, calls, dialogues, visits and signings.

Steps, sentence by sentence (photo captions repeat the body and lend it their dates; an
occasion only a caption shows, ``Thủ tướng tiếp lãnh đạo Tập đoàn X. Ảnh: ...``, is an event):

1. find the cue words of ``resources/gazetteer/events.yaml`` (``hội đàm`` meeting, ``tiếp``
   reception, ``điện đàm`` call, ``đối thoại`` dialogue, ``chuyến thăm`` visit, ``ký`` signing);
   in a sentence that names a person, a cue must be whole words of underthesea's CRF word
   segmentation (``nlp.ensure_words``), so ``tiếp`` in ``tiếp cận`` is no reception;
   several cues of one family in a clause are one event, the most specific type winning;
2. each cue's clause runs from the previous cue (or the sentence start, or the comma after a
   previous event of a list) to the next one, cut at semicolons and to an open parenthesis;
   a clause naming no one joins the next clause of its family. Its participants are the
   people mentioned there (a visit's visitor and inviting host when the text says who they
   are), with the organizations when fewer than two people are named, an organization
   standing for the one person the article names for it; an event needs a participant (a
   signing may name only a framework, a named dialogue ``lần thứ N`` may name no one).
   The clause-level rules of ``event_rules`` drop goals (``tiến tới ký kết``), interviews
   (``trao đổi với phóng viên``) and standing mechanisms (``đối thoại thường kỳ``);
3. the date is the first date of the clause that dates the cue (not one before a verb of
   saying, ``đêm 22/5 tiết lộ rằng``, nor one after a purpose); ``Cùng ngày``/``sau đó`` take
   the previous event's day, ``Tiếp đoàn`` joins the previous meeting as its host, clauses
   linked by ``và dự`` share a date and a status; a forum that opens a sentence as its setting
   (``Trong khuôn khổ Hội nghị ..., A gặp B``) stays an occasion of its own (the annotators mark
   it) and lends its date and place to the event after it, as one named after ``bên lề`` does to
   the event before it (that one no event); an undated event takes the date of a
   caption that shows it, else, sharing a participant with the article's first dated
   event, that event's month;
4. the status is ``planned`` after a future cue (``sẽ``, ``dự kiến``, not inside a name such
   as ``Bộ Kế hoạch và Đầu tư``) or before ``sẽ diễn ra``, or for a date after the published
   date; the place is the first place or venue after ``tại``/``ở`` in the clause;
5. repeated descriptions of one event merge: same family, nested participant sets (an
   organization standing for its person named in the other), never a visit with the meetings it
   holds, nor two clauses of one sentence of different types, nor an event with an unnamed
   counterpart (``tiếp một số doanh nhân``), nor two on different days (one written day merges
   whatever the status); a retold setting (``Tại cuộc hội đàm với X, Y ...``) joins the event it
   shares the most participants with; a headline's event joins the body's event it announces;
6. a clause told only by a bare noun cue (``Tại cuộc gặp Bộ trưởng X chiều 15-2, ...``; no participant
   of its own) is set aside: it is an event only when no other event of its kind is told
   (``event_merge.only_tellings``); then the learned decisions ``event_types`` (event or not, which type)
   and ``event_pairs`` (two tellings of one occasion joined; shipped off: see the README).
"""

from __future__ import annotations

import bisect
import itertools
import re

from ..learn.event_pairs import decide as join_retellings
from ..learn.events import decide
from ..model import Article, Event, Organization, Person, Sentence
from ..settings import Settings
from .dates import DateMention, find_dates
from .entities import mentions_in
from .event_frames import frames_what_follows, lends_day, listed_day
from .event_links import (
    caption_dates,
    link_previous,
    neighbours,
    people_in,
    same_day_dates,
    split_list,
    told_forums,
    witnessed_dates,
)
from .event_merge import FAMILY, PRIORITY, Draft, captioned, headlines, merge, only_tellings
from .event_parties import fronted_visitor, signing_organizations, signing_parties
from .event_places import event_place
from .event_roles import destination, not_participant, own_participant, sole_person_of, stop_of, visit_people
from .event_rules import (
    EventRules,
    briefing,
    dating,
    event_rules,
    fixture,
    forum_speakers,
    held_forum,
    looking_back,
    meets_someone,
    narrow,
    officials,
    own_day,
    planned_before,
    signs_between,
    to_press,
)
from .fastre import bounded
from .gazetteer import Gazetteer, gazetteer
from .nlp import ensure_words, split_sentences
from .spans import captions_of
from .textmap import fold

_NEGATED = bounded(r"(?<!\w)(?:không|chưa|chẳng)\s+(?:(?:bao giờ|hề)\s+)?(?:\w+\s+){0,1}$")  # lower case: "Không quân" is the air force


def _in_captions(article: Article, a: int, b: int) -> bool:
    return captions_of(article).holds_span(a, b)


class _Dates:
    """The article's dates; those starting inside a clause found by bisection, in their own order."""

    def __init__(self, dates: list[DateMention]) -> None:
        ranked = sorted(range(len(dates)), key=lambda k: dates[k].start)
        self._ranked = ranked
        self._starts = [dates[k].start for k in ranked]
        self._dates = dates

    def within(self, a: int, b: int) -> list[DateMention]:
        """The dates with ``a <= start < b``."""
        inside = self._ranked[bisect.bisect_left(self._starts, a):bisect.bisect_left(self._starts, b)]
        return [self._dates[k] for k in sorted(inside)]


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
    found = [c for c in itertools.takewhile(lambda c: c[0] < b, itertools.islice(found, i, None)) if c[1] <= b]
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
                 g: Gazetteer, glue: frozenset[str]) -> list[tuple[int, int, str]]:
    """Cues no common word of the CRF segmentation crosses (``tiếp``, not ``trực tiếp``).

    Words with a capital are left out of the test: the segmenter often glues a name to
    the verb before it (``tiếp Đại sứ``), or a word opening the person met (``tiếp cựu``: ``glue``).
    """
    text = article.text
    toks = [t for t in ensure_words(article, sentence) if t.text.islower()]
    out = []
    for c in cues:
        if text[c[0]:c[1]].lower() not in g.event_ambiguous:
            out.append(c)
            continue
        crossed = any((t.start < c[0] < t.end or t.start < c[1] < t.end)
                      and " ".join((text[t.start:c[0]] + " " + text[c[1]:t.end]).split()).lower() not in glue
                      for t in toks)
        if not crossed:
            out.append(c)
    return out


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


_NO_PARTS = "no participants"
def _participants(article: Article, r: EventRules, ca: int, cb: int, cue_end: int) -> tuple[list[str], list[Organization]]:
    people: list[str] = []
    orgs: list[Organization] = []
    for (a, b), ent in mentions_in(article, ca, cb):
        if not_participant(article, r, ent, (a, b), cue_end, cb):
            continue
        if isinstance(ent, Person) and ent.name not in people:
            people.append(ent.name)
        elif isinstance(ent, Organization) and ent not in orgs and ent.kind != "media":
            orgs.append(ent)
    return people, orgs


def _with_people_of(article: Article, people: list[str], orgs: list[Organization]) -> tuple[list[str], list[str]]:
    """Organizations replaced by the one person the article names for each (the ontology's
    participants are people, organizations only where no person is named)."""
    people = list(people)
    left: list[str] = []
    for o in orgs:
        who = sole_person_of(article, o)
        if who is None:
            left.append(o.name)
        elif who not in people:
            people.append(who)
    return people, left


def _draft(article: Article, g: Gazetteer, r: EventRules, dates: _Dates, sent: tuple[int, int],
           clause: tuple[int, int, list[tuple[int, int, str]]], subject: list[str],
           around: list[str]) -> tuple[Draft | None, str]:
    """An event for one clause, or None and the reason the clause names no event."""
    text = article.text
    ca, cb, grp = clause
    etype = min((t for _, _, t in grp), key=PRIORITY.index)
    cue_start, cue_end = grp[0][0], grp[-1][1]
    ca, cb = narrow(text, ca, cb, cue_start, cue_end)
    after = text[cue_end:cb]
    if _NEGATED.search(text[max(ca, cue_start - 20):cue_start]):
        return None, "negated"
    if g.event_generic.search(text[max(ca, cue_start - 20):cue_start]) \
            and not own_participant(article, cue_start, cue_end, cb):
        return None, "generic"  # "các chuyến thăm" in general; "ông X đã có các cuộc gặp" is real
    if etype == "dialogue" and _FORUM_LIST.search(text[max(sent[0], cue_start - 150):cue_start]):
        return None, "generic"  # "phối hợp trong các diễn đàn như Diễn đàn Khu vực ASEAN ...": forums to work in
    if all(text[s:e].lower() in g.event_nouns for s, e, _ in grp) and r.anaphoric.match(after):
        return None, "anaphor"  # "cuộc gặp này": the event told before
    if len(grp) == 1 and _SETTING_OPEN.match(text[sent[0]:cue_start]) and after.startswith(","):
        return None, "setting"  # "Tại buổi tiếp, Thủ tướng ...": the setting of what follows, told before
    if all(text[s:e].lower() == "gặp" for s, e, _ in grp) and not meets_someone(article, g, r, cue_end, cb):
        return None, "encounter"  # "gặp rắc rối": trouble met with, no one
    if etype in ("meeting", "reception") and fixture(text, r, ca, cue_start, cue_end, cb):
        return None, "fixture"  # "trận chung kết gặp đội X": a sports match
    if all(text[s:e].lower() == "ký" for s, e, _ in grp) and not signs_between(article, r, ca, cue_start, cue_end, cb):
        return None, "administrative"  # "ký công văn gửi ...": an office's own paper, no signing between parties
    when = dating(text, r, dates.within(ca, cb), cue_start, cue_end, one_day=etype not in ("visit", "dialogue"))
    if r.hypothetical.search(text[max(sent[0], ca - 40):cue_start]):
        return None, "hypothetical"  # "Nếu được ký kết, ...", "nếu các công ty có ký kết thỏa thuận nào"
    if r.wished.search(text[max(sent[0], cue_start - 40):cue_start]):
        return None, "wished"  # "vui mừng được gặp lại ...": a feeling about meeting, no occasion of its own
    if r.habitual.search(text[max(ca, cue_start - 30):cue_start]) and not text[cue_start].isupper():
        return None, "habitual"  # "hai bên tiếp tục đối thoại": a habit, not one occasion
    if etype == "signing" and when is None and r.passive.search(text[max(ca, cue_start - 16):cue_start]) \
            and not _BETWEEN.match(after):
        return None, "document"  # "các văn bản thoả thuận đã được ký kết": documents, not an occasion
    if etype == "signing" and when is None and _SIGNED_OFF.match(after):
        return None, "document"  # "các thoả thuận đã ký kết.": a clause naming documents by their signing
    if etype == "dialogue" and r.standing.match(after) and when is None:
        return None, "standing"  # "đối thoại thường kỳ": a mechanism, not one meeting (one on a day is held)
    if etype == "signing" and when is None and r.aims.search(text[max(ca, cue_start - 40):cue_start]):
        return None, "aim"  # "tiến tới đàm phán, ký kết hiệp định": a goal
    briefed = etype == "meeting" and briefing(text, r, cue_end, cb)
    if etype == "meeting" and to_press(article, r, sent[0], cue_start, cue_end, cb) and not briefed:
        return None, "press"  # "trao đổi với phóng viên": an interview
    etype = "dialogue" if briefed else etype  # a telephone briefing to reporters: a press briefing
    people, org_ents = _participants(article, r, ca, cb, cue_end)
    held = held_forum(text, r, ca, cue_start, after, dated=when is not None)
    if held is None:
        return None, "negated"  # "không đăng ký dự hội nghị"
    held = held and etype == "dialogue"
    weak = not held and not briefed and any(text[s:e].lower() in g.event_weak and (text[s].islower() or s == sent[0])
                            and not (etype == "dialogue" and _one_occasion(text, r, s, e)) for s, e, _ in grp)
    planned = planned_before(article, g.event_planned, max(ca, cue_start - 60), cue_end) \
        or bool(r.planned_after.match(after))
    named = etype == "dialogue" and text[cue_start].isupper() and (bool(_ORDINAL.match(after)) or held)
    if etype == "dialogue" and not people and not subject and not weak and not (named and planned):
        people = list(around)  # "Đối thoại ... lần thứ 10 tại Washington": the co-chairs nearby
    # "Theo ông X, chuyến thăm ...", "..., Phát ngôn viên X cho biết": X is a source, no participant
    said = {e.name for (a, b), e in mentions_in(article, min(ca, cue_start - 60), cb)
            if isinstance(e, Person) and not_participant(article, r, e, (a, b), cue_end, cb)}
    visit = _visit(article, r, grp, cue_start, cue_end, cb, said, sent[1]) if etype == "visit" else None
    if visit is not None:
        people, org_ents = visit, []
    else:
        people += [p for p in subject if p not in people and p not in said]
    if briefed:  # "X nói trong cuộc trao đổi với các phóng viên ... qua điện thoại": X briefs, the one named last
        speaker = people_in(article, sent[0], cue_start)[-1:]  # before the cue (whoever X quotes or speaks of)
        people, org_ents = speaker or people, [] if speaker else org_ents
    if weak and len(people) < 2 and (when is None or etype != "dialogue"):
        return None, "weak"
    witnesses: list[str] = []
    if etype == "signing":
        people, witnesses = signing_parties(article, r, sent[0], cue_start, cb, people)
    people, orgs = _with_people_of(article, people, org_ents)
    signers = signing_organizations(article, r, ca, cue_start, cue_end, cb) if etype == "signing" else None
    if signers:
        people, orgs = [], signers  # "X và Y vừa ký": the organizations sign, not who told of it
    if etype == "call" and all(r.private_calls.search(text, s, e) for s, e, _ in grp) and not officials(article, people):
        return None, "private"  # "X gọi điện cho bạn": a private call, not one between two parties
    parts = people + (orgs[:3] if len(people) < 2 else [])
    noun_only = all(text[s:e].lower() in g.event_nouns for s, e, _ in grp) and visit is None \
        and not own_participant(article, cue_start, cue_end, cb)
    if noun_only and not parts:
        return None, "noun"  # a bare noun cue naming no one: the occasion told elsewhere, or no one's
    if not parts:
        framework = any(ca <= fa < cb for f in article.frameworks for fa, _ in f.mentions)
        if not (etype == "signing" and framework) and not named:
            return None, _NO_PARTS
    if etype == "reception" and r.vessels.search(text, max(ca, cue_start - 80), min(cb, cue_end + 60)):
        etype = "visit"  # "buổi tiếp đón đoàn tàu sân bay tại cảng": the ship's port call
    d = Draft(etype, ca, cb, participants=parts, persons=len(people), cue=(cue_start, cue_end))
    d.date, d.witnesses, d.briefing = when, witnesses, briefed
    d.noun_only = noun_only
    d.place = event_place(article, text, ca, cb)
    d.planned = planned
    if d.date and article.published and not d.date.value.startswith("--"):
        n = min(len(d.date.value), len(article.published))  # a publication known to the year: compare years
        d.planned = d.planned or d.date.value[:n] > article.published[:n]
    d.own_object = etype != "signing" and bool(r.unnamed.match(after))
    d.counted = etype != "signing" and bool(r.counted.match(after))
    d.delegation = etype == "reception" and bool(r.delegation.match(after))
    d.held = held and not planned
    d.earlier, d.earlier_year = looking_back(text, r, sent, ca, cue_start)
    opening = _SETTING_OPEN.match(text[sent[0]:cue_start])
    d.retold = len(grp) == 1 and opening is not None \
        and " ".join(text[sent[0] + opening.end(1):cue_end].lower().split()) in g.event_nouns
    d.dest = destination(text, g, cue_end, cb) if etype == "visit" else None
    d.stop = stop_of(article, g, r.trip_seats, cue_end, cb) if etype == "visit" and d.dest is None \
        and not r.vessels.search(text, max(ca, cue_start - 60), cue_start) else None  # a ship's port call is no stop
    d.back = held and any(text[s:e].lower() in g.event_weak and text[s].islower() for s, e, _ in grp) \
        and bool(_BARE.match(after))
    return d, ""


# a sentence opening on "Tại buổi tiếp," or "Trong cuộc hội đàm,": the setting, not a new event
_FORUM_LIST = bounded(r"(?<!\w)(?:các|những)\s+(?:diễn đàn|cơ chế)(?!\w)[^.;:]*$", re.IGNORECASE)
_SETTING_OPEN = re.compile(r"^\s*(?:tại|trong|ở|qua)(\s+)(?:buổi|cuộc|chuyến|lễ)?\s*$", re.IGNORECASE)
# a forum cue with no name or description after it ("tại hội nghị,", "hội thảo này."): one told before
_BARE = re.compile(r"^\s*(?:(?:này|đó|trên|nói trên|kể trên)(?!\w))?\s*(?:[,.;:!?]|$)", re.IGNORECASE)
_SIGNED_OFF = re.compile(r"^\s*(?:[.;:!?…)\"”]|$)")  # a signing cue closing its clause: nothing signed after it
_BETWEEN = re.compile(r"^\s*giữa(?!\w)", re.IGNORECASE)  # "được ký kết giữa A và B": a signing of its parties
_YEAR_MONTH = re.compile(r"\d{4}-\d\d")
_ORDINAL = re.compile(r"^[^.;]{0,80}?(?<!\w)(?:lần thứ|thường niên|lần đầu)", re.IGNORECASE)


def _one_occasion(text: str, r: EventRules, s: int, e: int) -> bool:
    """Whether a weak forum cue ``[s, e)`` is told as one occasion: after a classifier no quantifier
    makes many (``cuộc họp báo chung``, not ``các cuộc đối thoại``), with words saying which after it
    (not ``kết luận cuộc họp,``, ``cuộc họp này``, ``Cuộc họp sẽ kết thúc``: the one told before)."""
    cue = text[s:e].lower()
    head = next((c for c in ("cuộc ", "buổi ") if cue.startswith(c)), "")
    if not r.occasion.search(text[max(0, s - 16):s + len(head)]):
        return False
    after = re.split(r"[,.;:!?]", text[e:e + 30], maxsplit=1)[0]
    return bool(r.described.match(after)) and not r.anaphoric.search(after)  # "Cuộc họp TPP 11 lần này"


def _visit(article: Article, r: EventRules, grp: list[tuple[int, int, str]], cue_start: int, cue_end: int,
           clause_end: int, said: set[str], sent_end: int) -> list[str] | None:
    """The visitor (and inviting host) of a visit cue, or None when the text does not say; a source
    (``said``) is no visitor. A visit noun in a fronted phrase (``Trong chuyến thăm Mỹ, X đã phát biểu
    ...``) is the visit of the clause's subject, whatever that subject then says."""
    g = gazetteer()
    noun = all(article.text[s:e].lower() in g.event_nouns for s, e, _ in grp)
    found = visit_people(article, cue_start, cue_end, clause_end, noun, r.host_of)
    found = [p for p in found if p not in said] or None if found is not None else None
    if found is None and noun:
        who = fronted_visitor(article, cue_start, cue_end, sent_end)
        found = [who] if who else None
    return found


def _sentence_drafts(article: Article, g: Gazetteer, r: EventRules, dates: _Dates,
                     spans: list[tuple[int, int]], i: int, cues: list[tuple[int, int, str]],
                     carried: list[str]) -> tuple[list[Draft], list[str]]:
    """The drafts of one sentence and its subject (the people before its first cue).

    A clause that names no one and is followed by a cue of the same family joins it
    (``cuộc họp đối thoại ... đã được tổ chức dưới sự đồng chủ trì của A và B``); a sentence
    opened by a continuer (``Trước đó,``) with no subject of its own takes ``carried``.
    """
    text = article.text
    a, b = spans[i]
    around = neighbours(article, spans, i, dated=bool(dates.within(a, b)))
    clauses = _clauses(cues, a, b)
    first = clauses[0][2][0][0]
    subject = people_in(article, a, first)
    if not subject and r.continuers.match(text[a:b]) and not mentions_in(article, a, first):
        subject = list(carried)  # "Trước đó, lãnh đạo Việt Nam đã có ...": no one else named
    out: list[Draft] = []
    nouns: list[Draft] = []
    pending: int | None = None
    setting = False  # the sentence opened on the setting of an event told before ("Tại buổi tiếp, ...")
    frame: Draft | None = None  # a forum opening the sentence as the setting of what follows
    for k, clause in enumerate(clauses):
        if pending is not None:
            clause = (pending, clause[1], clause[2])
        elif out or setting:  # "hội đàm với A và B, gặp C": C's clause starts after the comma
            cut = text.rfind(",", clause[0], clause[2][0][0])
            clause = (cut + 1, clause[1], clause[2]) if cut >= 0 else clause
        d, why = _draft(article, g, r, dates, (a, b), clause, subject, around)
        if d is not None and d.noun_only:  # kept aside: an occasion of its own only if nothing else tells one
            d.sentence = i
            nouns.append(d)
            d, why = None, "noun"
        pending, setting = None, setting or why == "setting"
        if d is None:
            if why == _NO_PARTS and k + 1 < len(clauses) \
                    and FAMILY[clauses[k + 1][2][0][2]] == FAMILY[clause[2][0][2]]:
                pending = clause[0]
            continue
        if out and d.type == "dialogue" and r.setting.search(text[out[-1].cue[1]:d.cue[0]]):
            out[-1].date = out[-1].date or d.date  # "gặp X bên lề Hội nghị ...": the forum is the setting
            out[-1].place = out[-1].place or d.place
            continue
        if frame is not None and lends_day(text, r, frame, d):  # "Trong khuôn khổ Hội nghị ..., A gặp B": the forum
            if d.date is None:  # is the setting of the meeting and an occasion of its own (annotators mark both)
                d.date, d.planned = frame.date, d.planned or frame.planned
            d.place = d.place or frame.place
        if d.date is None and out and out[-1].type == "visit" and d.type != "visit" \
                and r.setting.search(text[a:out[-1].cue[0]]):
            d.date = own_day(dates.within(out[-1].cue[1], d.cue[0]))  # "Trong khuôn khổ chuyến thăm từ 29 - 31/5,
            # chiều 29/5, A tiếp B": the visit is the setting, the day written after its span is B's reception's
        frame = d if frames_what_follows(text, r, d, not out) else None
        if out and listed_day(text, out[-1], d):  # "Ngày 20/4, A hội đàm với B, gặp C": one day
            d.date = out[-1].date
        if out and r.coordination.match(text[out[-1].cue[1]:d.cue[0]]):
            prev = out[-1]  # "chuyến thăm Việt Nam và dự Hội nghị ... vào tháng 11"
            prev.date = prev.date or d.date
            d.date = d.date or prev.date
            prev.planned = d.planned = prev.planned or d.planned
        d.sentence = i
        out.extend(split_list(article, d, clause))
    return out, subject, nouns


def extract_events(article: Article, settings: Settings) -> Article:
    """Fill ``article.events`` from the cue words of each sentence.

    Steps: cue words per sentence (whole words where ambiguous); drafts per clause; the
    previous event's day and delegation carried over; repeated descriptions merged; dates
    from photo captions; the lead event's month for its undated follow-ups; the occasions only a
    caption shows, and those only a bare noun cue tells; the learned decisions.
    """
    g = gazetteer()
    r = event_rules()
    text = article.text
    spans = [(s.start, s.end) for s in article.sentences] or split_sentences(text)
    found_dates = find_dates(text, article.published)
    dates = _Dates(found_dates)
    all_cues = _all_cues(g, text)
    drafts: list[Draft] = []
    captions: list[Draft] = []
    nouns: list[Draft] = []
    carried: list[str] = []
    prev: Draft | None = None
    forum: Draft | None = None  # a held forum whose report goes on (its speakers take part)
    for i, (a, b) in enumerate(spans):
        cues = _cues(all_cues, a, b)
        if any(text[c[0]:c[1]].lower() in g.event_ambiguous for c in cues) \
                and i < len(article.sentences) and _has_person(article, a, b):
            cues = _whole_words(article, article.sentences[i], cues, g, r.glue)
        if not cues:
            if forum is not None and not _in_captions(article, a, b):
                forum.participants += [p for p in forum_speakers(article, r, a, b) if p not in forum.participants]
            continue
        found, subject, bare = _sentence_drafts(article, g, r, dates, spans, i, cues, carried)
        if _in_captions(article, a, b):
            captions += found
            continue
        nouns += bare
        found = link_previous(article, r, (a, b), found, prev)
        found = told_forums(drafts, found)
        drafts += found
        if found:
            forum = found[-1] if found[-1].held else None
        carried = subject or carried
        prev = next((d for d in reversed(found) if FAMILY[d.type] == "engagement"), prev)
    events = headlines(article, merge(article, drafts))
    caption_dates(events, captions)
    same_day_dates(text, r, spans, events, found_dates)
    witnessed_dates(events)
    untold = captioned(article, events, captions)
    lead = next((e for e in events if e.date and _YEAR_MONTH.match(e.date.value) and not e.planned
                 and not e.earlier and not e.briefing), None)
    if lead is not None and lead.date is not None:
        month = lead.date.value[:7]
        for e in events:
            if e is not lead and e.date is None and not e.planned and FAMILY[e.type] == FAMILY[lead.type] \
                    and set(e.participants) & set(lead.participants):
                e.inherited = month
    events = sorted(events + untold + only_tellings(article, r, nouns, events + untold), key=lambda e: e.start)  # after the lead: a caption lends the body no month
    article.events = [
        Event(type=e.type, evidence=(e.start, e.end),
              date=e.date.value if e.date else e.inherited,
              date_inferred=bool(e.date and e.date.inferred),
              date_provenance=e.date.provenance if e.date else ("inferred" if e.inherited else None),
              place=e.place, participants=e.participants,
              status="planned" if e.planned else "happened",
              background=e.earlier_year and e.date is not None and not e.planned)
        for e in events
    ]
    article.events = decide(article)  # the learned decision: event or not, and of what type
    article.events = join_retellings(article)  # the learned decision: two tellings of one occasion joined
    return article
