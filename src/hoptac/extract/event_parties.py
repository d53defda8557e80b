"""Who takes part, where the clause's grammar says more than its names: the visitor of a visit named
in a fronted phrase, and the parties (not the witnesses) of a signing.

``Trong chuyến thăm chính thức Mỹ từ ngày 27 đến 29/5, đoàn X đã ...``, ``Nhân chuyến công du
châu Á, Tổng thống Y ...``: the visit noun opens an adverbial phrase and the visitor is the subject
of the clause after it. The rules of :mod:`hoptac.extract.event_rules` find the visitor before a
verbal cue or after ``của``; this finds the one after the phrase, so the visit is not dropped as a
noun without a participant. ``signing_parties`` leaves out who witnesses a signing when the text
names its parties (``dưới sự chứng kiến của A và B, X và Y đã ký``); ``signing_organizations`` takes
the organizations written as a signing's subject (``NASDAQ và VNG vừa ký một thỏa thuận``) and those
after ``với`` as its parties, not the people the sentence names around them (who told or heard of it).
"""

from __future__ import annotations

import re
from typing import TypeGuard

from ..model import Article, Organization, Person
from .entities import mentions_in
from .event_rules import EventRules
from .fastre import bounded

# the words that make a visit noun the head of a fronted adverbial phrase
_FRONTED = bounded(r"(?<!\w)(?:trong|nhân|nhân dịp|trong dịp|trong khuôn khổ|trong thời gian|trong khuôn khổ các)\s+$",
                   re.IGNORECASE)
# what may stand between the phrase's closing comma and its subject: dates, times, a source, no verb
_BEFORE_SUBJECT = re.compile(r"^(?![^.;:!?\n]*(?<!\w)(?:đã|đang|sẽ|vừa)(?!\w))[^.;:!?\n\"“”]{0,120}$")
#: how far after the cue the phrase may close
_PHRASE = 90


def fronted_visitor(article: Article, cue_start: int, cue_end: int, sent_end: int) -> str | None:
    """The subject after a fronted visit phrase (a person, else an organization), or None.

    The phrase opens its clause (no person before it since the last comma), must name no one itself (``trong chuyến thăm của X, ...`` is the rules' ``của``) and
    close with a comma within :data:`_PHRASE` characters; the subject is the first person or
    organization after that comma, with no sentence break before it."""
    text = article.text
    lead = _FRONTED.search(text[max(0, cue_start - 24):cue_start])
    if not lead:
        return None
    opens = max(0, cue_start - 24) + lead.start()
    clause = max(text.rfind(",", 0, opens), text.rfind("\n", 0, opens), text.rfind(".", 0, opens))
    if any(isinstance(e, Person) for _, e in mentions_in(article, clause + 1, opens)):
        return None  # "X gặt hái thành công trong chuyến công du đến Mỹ, khi ...": X's own visit, not fronted
    comma = text.find(",", cue_end, min(sent_end, cue_end + _PHRASE))
    if comma < 0 or not re.search(r"\w", text[cue_end:comma]):
        return None  # "Trong chuyến thăm, X ...": the visit told before, the rules' setting
    inside = mentions_in(article, cue_end, comma)
    if any(isinstance(e, Person) for _, e in inside):
        return None
    found = mentions_in(article, comma + 1, sent_end)
    for k, ((a, b), ent) in enumerate(found):
        if not _BEFORE_SUBJECT.match(text[comma + 1:a]):
            return None
        if isinstance(ent, Person):
            return ent.name
        if not isinstance(ent, Organization) or ent.kind == "media":
            return None
        if k + 1 < len(found) and isinstance(found[k + 1][1], Person) and _TITLED.match(text[b:found[k + 1][0][0]]):
            return found[k + 1][1].name  # "Thứ trưởng Bộ Ngoại giao X": the person the title names
        return ent.name
    return None


_JOINED = re.compile(r"^\s*(?:,\s*)?(?:và\s+)?$")  # between two organizations of one list
# "với" and up to a few words of description before the counterpart ("với hãng Boeing", "với hãng hàng
# không lớn thứ hai tại Mỹ là Delta Air Lines"), no punctuation between
_WITH = re.compile(r"(?<!\w)với\s+[^,.;:!?()\n]{0,60}$")


def _organization(ent: object) -> TypeGuard[Organization]:
    """Whether a mention's entity is an organization that can sign (not a newspaper or broadcaster)."""
    return isinstance(ent, Organization) and ent.kind != "media"


def signing_organizations(article: Article, r: EventRules, clause_start: int, cue_start: int, cue_end: int,
                          clause_end: int) -> list[str] | None:
    """The organizations that sign when the clause writes them as the subject right before the cue
    (``NASDAQ và VNG vừa ký``, ``về việc NASDAQ vừa ký kết Bản Ghi nhớ với VNG``), with the ones after
    ``với`` in the clause; None when no organization is the subject (a person is, or the organization
    belongs to a title: ``Phó chủ tịch sàn NASDAQ đã ký``)."""
    text = article.text
    named = mentions_in(article, clause_start, clause_end)
    subject: list[tuple[int, str]] = []
    edge = cue_start
    for (a, b), ent in reversed([m for m in named if m[0][1] <= cue_start]):
        if b > edge or not (r.signer_gap if not subject else _JOINED).match(text[b:edge]):
            break
        if not _organization(ent):
            subject = []  # a person in the subject ("X và ông Y đã ký"): the people sign
            break
        subject.insert(0, (a, ent.name))
        edge = a
    if not subject or not r.signer_opener.search(text[clause_start:subject[0][0]]):
        return None
    out = list(dict.fromkeys(n for _a, n in subject))
    edge = -1
    for (a, b), ent in named:
        if a < cue_end or not _organization(ent):
            continue
        if _WITH.search(text[max(cue_end, a - 70):a]) or (edge >= 0 and _JOINED.match(text[edge:a])):
            out.append(ent.name)
            edge = b
        else:
            edge = -1
    return list(dict.fromkeys(out))


_TITLED = re.compile(r"^[^,.;:()\n]{0,40}$")


def signing_parties(article: Article, r: EventRules, sent_start: int, cue_start: int, clause_end: int,
                    people: list[str]) -> tuple[list[str], list[str]]:
    """A signing's people without its witnesses, when anyone else is named for it: those in a
    ``chứng kiến`` phrase before the cue (``dưới sự chứng kiến của A và B, X và Y ký``) and the
    subject who witnesses (``A đã chứng kiến lễ ký kết giữa X và Y``); and the witnesses left out."""
    text = article.text
    spans = []
    for m in r.witnessed.finditer(text, sent_start, cue_start):
        opens = max(text.rfind(",", sent_start, m.start()), text.rfind(";", sent_start, m.start()), sent_start)
        ends = min([k for k in (text.find(",", m.end(), cue_start), text.find(";", m.end(), cue_start)) if k >= 0]
                   or [cue_start])
        spans.append((opens, ends))
    if not spans:
        return people, []
    named = mentions_in(article, sent_start, clause_end)
    seen = {e.name for (a, _b), e in named if isinstance(e, Person) and any(o <= a < c for o, c in spans)}
    rest = [p for p in people if p not in seen]
    other_orgs = any(isinstance(e, Organization) and e.kind != "media" and not any(o <= a < c for o, c in spans)
                     for (a, _b), e in named)
    return (rest, [p for p in people if p in seen]) if rest or other_orgs else (people, [])
