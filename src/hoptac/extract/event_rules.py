"""Clause-level rules of the events stage, compiled from ``resources/gazetteer/events.yaml``.

The cue words themselves are compiled with the other gazetteers (``gazetteer.event_cues``);
this module holds the rules that decide, around a cue, whether it names an event of its own,
who its participants are and which written date and status belong to it:

- ``hypothetical`` words in the clause before a cue (``Nếu được ký kết``) make it a supposition,
  ``habitual`` ones right before it (``tiếp tục đối thoại``) a habit, and ``passive`` ones before an
  undated signing cue (``đã được ký kết``) the documents signed, none of them an occasion;
- ``aims`` before a signing cue (``tiến tới ký kết``) make it a goal, not an act; ``sớm`` too, but not
  after a future word (``sẽ sớm ký``: a planned signing);
- ``press`` after a "talk with" cue (``trao đổi với phóng viên``) make it an interview;
- ``companions`` (``tháp tùng``) make a sentence's subject no visitor of a visit told only by its noun;
- ``date_breaks`` between a date and the cue (``đêm 22/5 tiết lộ rằng chuyến thăm``) give the
  date to the saying, not to the event;
- ``continuers`` and ``same_day`` openers carry the previous sentence's subject and day;
- ``looking_back`` words opening the sentence or before the cue (``Trước đó, từ năm 2010``) tell an
  earlier occasion, kept apart from the news; ``earlier_year`` ones put it in an earlier year;
- ``unnamed`` objects (``tiếp một số doanh nhân``) keep an event apart from named ones;
- ``delegation`` objects (``Tiếp đoàn``) point back to the visitors just described;
- ``coordination`` links (``chuyến thăm ... và dự Hội nghị``) share a date and a status;
- ``host_of`` words (``theo lời mời của``) make a visit's ``của`` person the host;
- ``setting`` words (``gặp X bên lề Hội nghị``) make a forum the setting of the event before it;
- ``venue_before`` words (``thăm Trung tâm``, ``tại Nhà Trắng``) make an organization the place;
- ``anaphoric`` words after a noun cue (``cuộc gặp này``) point back to an event already told;
- ``held_before``/``held_after`` verbs (``tổ chức hội thảo``, ``hội thảo diễn ra``) make a forum held,
  and ``forum_speech`` verbs after the person opening a sentence of its report make that speaker
  one of its participants;
- ``met_*`` words after the bare verb ``gặp`` tell someone met (``gặp các nghị sĩ``) from trouble met
  with (``gặp rắc rối``); ``signed_*`` words after a bare ``ký`` tell a document between parties
  (``ký thỏa thuận``) from an office's own paper (``ký công văn``); an everyday call cue
  (``gọi điện``, ``private_calls``) needs two office holders;
- ``source_before`` words (``Theo ông X,``) and ``sources`` after a person named behind a comma after the cue (``..., Phát ngôn viên X cho
  biết``) make that person the news's source, not a participant.

Each is a vocabulary in the data file; the functions here only read the text around a cue. Who
the participants are (visitor and host, an organization's person, venues and sources that are no
participant, a visit's destination) is read by :mod:`hoptac.extract.event_roles`.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache

from ..model import Article, Organization, Person
from .dates import DateMention
from .entities import mentions_in
from .event_merge import DAY
from .fastre import bounded
from .gazetteer import Gazetteer, alternation, load_yaml
from .spans import Cover

__all__ = [
    "EventRules",
    "date_fits",
    "dating",
    "event_rules",
    "fixture",
    "forum_speakers",
    "held_forum",
    "looking_back",
    "meets_someone",
    "narrow",
    "officials",
    "planned_before",
    "signs_between",
    "to_press",
]


@dataclass(frozen=True)
class EventRules:
    """Compiled vocabularies of the clause-level event rules."""

    planned_after: re.Pattern[str]
    standing: re.Pattern[str]
    aims: re.Pattern[str]
    press: re.Pattern[str]
    press_group: re.Pattern[str]
    briefing_media: re.Pattern[str]
    date_breaks: re.Pattern[str]
    companions: re.Pattern[str]
    continuers: re.Pattern[str]
    same_day: re.Pattern[str]
    told_day: re.Pattern[str]
    unnamed: re.Pattern[str]
    counted: re.Pattern[str]
    delegation: re.Pattern[str]
    coordination: re.Pattern[str]
    host_of: re.Pattern[str]
    venue_before: re.Pattern[str]
    setting: re.Pattern[str]
    source_after: re.Pattern[str]
    source_tail: re.Pattern[str]
    anaphoric: re.Pattern[str]
    source_before: re.Pattern[str]
    held_before: re.Pattern[str]
    held_at: re.Pattern[str]
    forum_speech: re.Pattern[str]
    held_after: re.Pattern[str]
    looking_back: re.Pattern[str]
    hypothetical: re.Pattern[str]
    wished: re.Pattern[str]
    habitual: re.Pattern[str]
    passive: re.Pattern[str]
    earlier_year: re.Pattern[str]
    met_skip: re.Pattern[str]
    met_object: re.Pattern[str]
    private_calls: re.Pattern[str]
    fixture: re.Pattern[str]
    signed_skip: re.Pattern[str]
    signed_object: re.Pattern[str]
    signed_before: re.Pattern[str]
    occasion: re.Pattern[str]
    described: re.Pattern[str]
    glue: frozenset[str]
    witnessed: re.Pattern[str]
    signer_gap: re.Pattern[str]
    signer_opener: re.Pattern[str]
    vessels: re.Pattern[str]
    trip_seats: frozenset[str]


def _words(phrases: list[str]) -> str:
    return rf"(?<![\w])(?:{alternation(phrases)})(?![\w])"


@cache
def event_rules() -> EventRules:
    """The rules, loaded and compiled once per process."""
    ev = load_yaml("events.yaml")
    after = "|".join(f"(?:{p})" for p in ev["planned_after"])
    coord = "|".join(f"(?:{p})" for p in ev["coordination"])
    return EventRules(
        planned_after=re.compile(rf"^[^.;:!?]{{0,90}}?(?<![\w])(?:{after})(?![\w])", re.IGNORECASE),
        standing=re.compile(rf"^\s*{_words(ev['standing'])}(?![^.;]{{0,60}}lần thứ)", re.IGNORECASE),
        aims=re.compile(rf"(?:{_words(ev['aims'])}|{''.join(f'(?<!{re.escape(w)} )' for w in ev['soon_planned'])}"
                        rf"{_words(ev['aims_soon'])})[\s,]+(?:\w+\s+){{0,2}}$", re.IGNORECASE),
        press=re.compile(rf"^\s*(?:(?:các|những|một số|nhiều)\s+)?{_words(ev['press'])}", re.IGNORECASE),
        press_group=re.compile(rf"\s*{_words(ev['press_groups'])}\s+{_words(ev['press'])}", re.IGNORECASE),
        briefing_media=re.compile(_words(ev["briefing_media"]), re.IGNORECASE),
        date_breaks=re.compile(_words(ev["date_breaks"]), re.IGNORECASE),
        companions=re.compile(_words(ev["companions"]), re.IGNORECASE),
        continuers=re.compile(rf"^\W*{_words(ev['continuers'])}", re.IGNORECASE),
        same_day=re.compile(_words(ev["same_day"]), re.IGNORECASE),
        told_day=re.compile(_words(ev["told_day"]), re.IGNORECASE),
        unnamed=re.compile(rf"^\s*(?:với\s+)?{_words(ev['unnamed'])}", re.IGNORECASE),
        counted=re.compile(rf"^\s*(?:với\s+)?(?:{_words(ev['unnamed_counted'])}\s+)?\d+\s+\w", re.IGNORECASE),
        delegation=re.compile(rf"^\s*{_words(ev['delegation'])}(?!\s+[A-ZĐÀ-Ỹ])", re.IGNORECASE),
        coordination=re.compile(rf"^[^,.;:!?]{{0,40}}?(?<![\w])(?:{coord})\s*$", re.IGNORECASE),
        host_of=re.compile(_words(ev["host_of"]), re.IGNORECASE),
        setting=re.compile(rf"{_words(ev['setting'])}\s+(?:\w+\s+){{0,1}}$", re.IGNORECASE),
        source_tail=re.compile(rf"[\s,.;:!?\"”)]*(?:$|{_words(ev['source_tails'])})", re.IGNORECASE),
        anaphoric=re.compile(rf"\s*{_words(ev['anaphoric'])}", re.IGNORECASE),
        source_before=re.compile(rf"{_words(ev['source_before'])}\s+$", re.IGNORECASE),
        held_before=bounded(rf"(?<![\w])(?:{'|'.join(ev['held_before'])})\s+(?:(?:một|các|những|buổi|cuộc|phiên|lễ)\s+)?$",
                               re.IGNORECASE),
        held_at=bounded(rf"(?<![\w])(?:{'|'.join(ev['held_at'])})\s+(?:(?:một|các|những|buổi|cuộc|phiên|lễ)\s+)?$",
                           re.IGNORECASE),
        forum_speech=re.compile(rf"\s*(?:,[^,.;:!?]{{1,80}},\s*)?(?:(?:đã|cũng|thì|còn)\s+)*{_words(ev['forum_speech'])}",
                                re.IGNORECASE),
        held_after=re.compile(rf"^[^.;:!?]{{0,100}}?(?<![\w])(?:{'|'.join(ev['held_after'])})(?![\w])", re.IGNORECASE),
        venue_before=re.compile(rf"{_words(ev['venue_before'])}\s+$", re.IGNORECASE),
        looking_back=re.compile(_words(ev["looking_back"]), re.IGNORECASE),
        hypothetical=re.compile(_words(ev["hypothetical"]), re.IGNORECASE),
        wished=re.compile(rf"{_words(ev['wished'])}\s+(?:khi\s+)?được\s+(?:(?:đến|tới|sang)\s+)?$", re.IGNORECASE),
        habitual=re.compile(rf"{_words(ev['habitual'])}\s+(?:\w+\s+)?$", re.IGNORECASE),
        passive=re.compile(rf"{_words(ev['passive'])}\s+$", re.IGNORECASE),
        earlier_year=re.compile(_words(ev["earlier_year"]), re.IGNORECASE),
        met_skip=re.compile(rf"\s*(?:(?:{_words(ev['met_skip'])}|\d+)\s+)*", re.IGNORECASE),
        met_object=re.compile(_words(ev["met_people"] + ev["met_after"]), re.IGNORECASE),
        private_calls=re.compile(_words(ev["private_calls"]), re.IGNORECASE),
        signed_skip=re.compile(rf"\s*(?:(?:{_words(ev['signed_skip'])}|\d+)\s+)*", re.IGNORECASE),
        signed_object=re.compile(_words(ev["signed_between"] + ev["signed_parties"] + ev["signed_after"]), re.IGNORECASE),
        signed_before=re.compile(_words(ev["signed_between"] + ev["signed_together"]), re.IGNORECASE),
        occasion=bounded(rf"(?<![\w]){''.join(f'(?<!{re.escape(q)} )' for q in ev['occasion_quantifiers'])}"
                         rf"(?:{alternation(ev['occasion_classifiers'])})\s+$", re.IGNORECASE),
        glue=frozenset(ev["ambiguous_glue"]),
        witnessed=re.compile(_words(ev["witnessed"]), re.IGNORECASE),
        signer_gap=re.compile(rf"\s*(?:{_words(ev['signer_gap'])}\s+)*$", re.IGNORECASE),
        signer_opener=re.compile(rf"(?:^|[,;:.“\"(\n]|{_words(ev['signer_openers'])})\s*$", re.IGNORECASE),
        vessels=re.compile(_words(ev["vessels"]), re.IGNORECASE),
        trip_seats=frozenset(ev["trip_seats"]),
        described=re.compile(rf"^\s*(?:{_words(ev['occasion_descriptors'])}|\d|[A-ZĐÀ-Ỹ])"),
        fixture=re.compile(rf"(?<![\w])(?:{'|'.join(ev['fixtures'])})(?![\w])", re.IGNORECASE),
        source_after=re.compile(rf"\s*(?:\([^()]{{0,60}}\)\s*)?(?:(?:đã|cũng|vừa)\s+)?{_words(ev['sources'])}",
                                re.IGNORECASE),
    )


def meets_someone(article: Article, g: Gazetteer, r: EventRules, cue_end: int, clause_end: int) -> bool:
    """Whether the bare verb ``gặp`` ending at ``cue_end`` has someone met after it (a name, a title,
    a noun of people, ``nhau``), not something met with (``gặp rắc rối``, ``hiếm gặp nhất là``)."""
    text = article.text
    at = r.met_skip.match(text, cue_end, clause_end).end()
    if at >= clause_end or not text[at].isalnum():
        return False  # "bệnh hiếm gặp.": nothing met
    if text[at].isupper() or r.met_object.match(text, at, clause_end):
        return True
    title = g.title_heads.search(text, at, min(clause_end, at + 40))
    if title is not None and title.start() == at:
        return True
    # a person named within the object's first words ("gặp vũ công Nick X"), or any mention opening it
    stop = re.search(r"[,.;:!?()\"“”]", text[at:min(clause_end, at + 40)])  # the object ends at punctuation
    end = at + stop.start() if stop else min(clause_end, at + 40)
    head = text[at:end].split(None, 3)
    near = at + sum(len(w) + 1 for w in head[:2]) + 1 if len(head) > 2 else end
    return any(a <= at + 1 or (isinstance(e, Person) and a <= near) for (a, _b), e in mentions_in(article, at, end))


def fixture(text: str, r: EventRules, clause_start: int, cue_start: int, cue_end: int, clause_end: int) -> bool:
    """Whether a meeting or reception cue meets an opponent: a fixture noun (``trận``, ``sân nhà``)
    within a few words before it or after it, with no punctuation between."""
    before = text[max(clause_start, cue_start - 40):cue_start]
    after = text[cue_end:min(clause_end, cue_end + 40)]
    before = re.split(r"[,.;:!?()\"“”]", before)[-1]
    after = re.split(r"[,.;:!?()\"“”]", after)[0]
    return bool(r.fixture.search(before) or r.fixture.search(after))


def officials(article: Article, names: list[str]) -> bool:
    """Whether at least two of the people named hold an office (a title): two parties of a call."""
    titled = {p.name for p in article.people if p.title}
    return sum(n in titled for n in names) >= 2


def signs_between(article: Article, r: EventRules, clause_start: int, cue_start: int, cue_end: int,
                  clause_end: int) -> bool:
    """Whether the bare verb ``ký`` ending at ``cue_end`` signs something between parties: a
    document between parties, a named framework, its parties (``với``, ``giữa``), or no object
    written; not an office's own paper (``ký văn bản``, ``ký công văn``, ``ký tờ trình``)."""
    text = article.text
    at = r.signed_skip.match(text, cue_end, clause_end).end()
    if at >= clause_end or not text[at].isalnum() or r.signed_object.match(text, at, clause_end) \
            or r.signed_before.search(text, max(clause_start, cue_start - 80), cue_start):
        return True
    return any(clause_end > fa and fa <= at + 1 and fa >= cue_end for f in article.frameworks for fa, _ in f.mentions)


def looking_back(text: str, r: EventRules, sent: tuple[int, int], ca: int, cue_start: int) -> tuple[bool, bool]:
    """Whether a cue tells an earlier occasion (a ``looking_back`` word opening its sentence, up to
    the first comma, or before it in its clause), and whether that occasion is in an earlier year."""
    head = text[sent[0]:sent[1]]
    comma = head.find(",")
    opener = head[:comma] if 0 <= comma <= 40 else ""
    parts = [p for p in (opener, text[ca:cue_start]) if p]
    back = any(r.looking_back.search(p) for p in parts)
    return back, back and any(r.earlier_year.search(p) for p in parts)


_NOT_HELD = bounded(r"(?<!\w)(?:không|chưa|chẳng)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def held_forum(text: str, r: EventRules, ca: int, cue_start: int, after: str, *, dated: bool) -> bool | None:
    """Whether a forum cue is held (``tổ chức hội thảo``; ``tại cuộc họp báo`` or ``hội thảo diễn ra``
    with a date in the clause); None when the holding verb is negated (``không đăng ký dự hội nghị``)."""
    lead_at = max(ca, cue_start - 40)
    lead = text[lead_at:cue_start]
    verb = r.held_before.search(lead)
    if verb is not None and _NOT_HELD.search(text[max(ca, lead_at - 30):lead_at + verb.start()]):
        return None
    return verb is not None or (dated and (bool(r.held_at.search(lead)) or bool(r.held_after.match(after))))


def forum_speakers(article: Article, r: EventRules, a: int, b: int) -> list[str]:
    """The people who open the sentence ``[a, b)`` and speak (``Tiếp đó, ông X, ..., cho rằng``)."""
    out: list[str] = []
    for (_ma, mb), ent in mentions_in(article, a, min(b, a + 80)):
        if isinstance(ent, Person) and ent.name not in out and r.forum_speech.match(article.text, mb, b):
            out.append(ent.name)
    return out


def planned_before(article: Article, pattern: re.Pattern[str], a: int, b: int) -> bool:
    """Whether a planned cue stands in ``[a, b)``, not counting capitalized words of a name
    (``Bộ Kế hoạch và Đầu tư``) or words inside an organization's or framework's mention."""
    text = article.text
    for m in pattern.finditer(text, a, b):
        if _named(article).holds_point(m.start()):
            continue
        start_of_sentence = not text[a:m.start()].strip(" \t\"“'(")
        if text[m.start()].isupper() and not start_of_sentence:
            continue
        return True
    return False


_NAMED = threading.local()  # per thread, the last article's organization and framework mentions


def _named(article: Article) -> Cover:
    """Every organization and framework mention of the article, as one ``Cover`` (built once per article)."""
    orgs, frameworks = article.organizations, article.frameworks
    last = getattr(_NAMED, "entry", None)
    if last is None or last[0] is not orgs or last[1] is not frameworks or last[2] != (len(orgs), len(frameworks)):
        spans = [s for o in orgs for s in o.mentions] + [s for f in frameworks for s in f.mentions]
        last = (orgs, frameworks, (len(orgs), len(frameworks)), Cover(spans))
        _NAMED.entry = last
    return last[3]


_PURPOSE = bounded(r"(?<!\w)(?:để|nhằm|về việc|hướng tới|tiến tới|chuẩn bị cho)(?!\w)")
_AT_EVENT = bounded(r"(?<!\w)(?:tại|trong|bên lề)\s+(?:\w+\s+){0,2}$")


def dating(text: str, r: EventRules, found: list[DateMention], cue_start: int, cue_end: int, *,
           one_day: bool = False) -> DateMention | None:
    """The date of a cue among the clause's dates: a span of days written just after it
    (``thăm Mỹ từ ngày 29 đến 31/5``) before the first that fits (``đêm 28/5 rời Hà Nội``).
    An occasion of ``one_day`` (a meeting, reception, call or signing) is never dated by the first
    day of a span when the clause also gives a day of its own (``Trong khuôn khổ chuyến thăm từ 29 -
    31/5, chiều 31/5, A hội đàm với B``: the span is the visit's, the meeting's day is the 31st)."""
    fits = [x for x in found if date_fits(text, r, x, cue_start, cue_end)]
    if one_day and fits and opens_span(fits[0]):
        day = own_day(fits[1:])
        if day is not None:
            return day
    span = next((x for x in fits if x.start >= cue_end and x.start - cue_end <= 60
                 and x.text.lower().startswith("từ")), None)
    if span is None and fits and fits[0].start < cue_start and r.date_breaks.search(text[fits[0].end:cue_start]):
        # "hôm nay cho biết ..., trong chuyến thăm của X tháng 11 năm ngoái": the date the saying
        # sets apart is when it was said; the one right after the cue, in its phrase, is the event's
        span = next((x for x in fits if x.start >= cue_end and x.start - cue_end <= 60
                     and not re.search(r"[,;:]", text[cue_end:x.start])), None)
    return span or (fits[0] if fits else None)


_SPAN_OPEN = re.compile(r"từ(?!\w)", re.IGNORECASE)


def own_day(found: list[DateMention]) -> DateMention | None:
    """The first of these dates naming a day of its own (not the first day of a span)."""
    return next((x for x in found if not opens_span(x) and DAY.search(x.value)), None)


def opens_span(x: DateMention) -> bool:
    """Whether a date is the first day of a span (``từ 29 - 31/5``, ``từ ngày 19/5``), not a day of its own."""
    return bool(_SPAN_OPEN.match(x.text))



def date_fits(text: str, r: EventRules, x: DateMention, cue_start: int, cue_end: int) -> bool:
    """Whether a date of the clause dates its event: before the cue with no saying or linking
    word between (``đêm 22/5 tiết lộ rằng chuyến thăm``), or shortly after it, not after a
    purpose (``để``, ``nhằm``) or a link (``kể từ khi``)."""
    if x.start < cue_start:
        between = text[x.end:cue_start]
        if _CLOSED.search(between):
            return False  # "chuyến thăm của X (tháng 5) và chuyến thăm của Y": X's month
        return not r.date_breaks.search(between) or bool(_AT_EVENT.search(between))
    between = text[cue_end:x.start]
    return x.start - cue_end <= 120 and not _PURPOSE.search(between) and not r.date_breaks.search(between)


def narrow(text: str, ca: int, cb: int, cue_start: int, cue_end: int) -> tuple[int, int]:
    """The clause cut to the semicolon-separated part and the open parenthesis holding the cue
    (``tôn trọng lãnh đạo Việt Nam (ông X đã gặp ...)``)."""
    semi = text.rfind(";", ca, cue_start)
    ca = semi + 1 if semi >= 0 else ca
    semi = text.find(";", cue_end, cb)
    cb = semi if semi >= 0 else cb
    paren = text.rfind("(", ca, cue_start)
    if paren >= 0 and ")" not in text[paren:cue_start]:
        close = text.find(")", cue_end, cb)
        ca, cb = paren + 1, close if close >= 0 else cb
    return ca, cb


_CLOSED = re.compile(r"^[^()]*\)\s*(?:,|và|;)")
_INTERVIEW = re.compile(r"^\s*[^,.;:!?]{1,40},")


def briefing(text: str, r: EventRules, cue_end: int, clause_end: int) -> bool:
    """A talk with a group of reporters by telephone or online (``trao đổi với một nhóm phóng viên ... qua
    điện thoại``): a press briefing, not an interview."""
    return bool(r.press_group.match(text, cue_end, clause_end) and r.briefing_media.search(text, cue_end, clause_end))


def to_press(article: Article, r: EventRules, sent_start: int, cue_start: int, cue_end: int,
              clause_end: int) -> bool:
    """A talk with the press (``phóng viên``, a newspaper): an interview, no event. Opening a
    sentence, ``Trao đổi với <an outlet>, ông X cho rằng`` is the interview formula."""
    text = article.text
    if r.press.match(text[cue_end:clause_end]):
        return True
    if not text[sent_start:cue_start].strip() and _INTERVIEW.match(text[cue_end:clause_end]):
        comma = text.index(",", cue_end)
        if not any(isinstance(e, Person) for _, e in mentions_in(article, cue_end, comma)):
            return True
    first = mentions_in(article, cue_end, min(clause_end, cue_end + 40))
    return bool(first) and isinstance(first[0][1], Organization) and first[0][1].kind == "media" \
        and not article.text[cue_end:first[0][0][0]].strip()
