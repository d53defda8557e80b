"""Speakers of statements: who the subject of a speech-act cue is.

An :class:`Actor` is a person, an organization, a side or both sides; the :class:`Context`
remembers who spoke last, which pronouns, side words and continuations resolve against;
:class:`Speakers` resolves the words before a cue (``Thủ tướng``, ``ông X, Phó Chủ tịch Y,``,
``phía Hoa Kỳ``, ``Hai bên``, ``Ông``) to an actor and where its clause starts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Article, Organization, Person
from .acts import (
    Cue,
    cues,
    group_pronoun,
    group_side,
    only_adverbs,
    persuaded,
    pronoun,
    side_name,
    side_phrase,
    window_start,
    window_starts,
)
from .clauses import open_quote, prefixed, sentence_spans, untitled
from .entities import all_mentions
from .fastre import bounded
from .gazetteer import gazetteer
from .pronouns import genders, pronoun_gender, title_holder, titled
from .textmap import Folded, fold

OTHER = {"VN": "US", "US": "VN"}


@dataclass
class Actor:
    """Who a clause is about: a display name, a side, and the person behind it if any."""

    name: str
    side: str | None
    person: Person | None = None
    both: bool = False  # both sides speak through it ("Hai bên", "Việt Nam và Hoa Kỳ")


@dataclass
class Context:
    """Who spoke last in the article so far: for pronouns, side words and continuations."""

    interviewee: Actor | None = None
    last_person: Actor | None = None
    last_person_sentence: int = -10
    last_actor: Actor | None = None
    last_actor_sentence: int = -10
    speakers: dict[str, tuple[Actor, int]] = field(default_factory=dict)  # side -> last person, sentence
    recent: list[tuple[Actor, int]] = field(default_factory=list)  # people who spoke, sentence


_GOVERNMENT_OF = bounded(r"(?<!\w)(?<!thủ tướng )(?:chính phủ|chính quyền|nội các|thời)\s+(?:\S+\s+){0,2}$")
_RELATIVE = bounded(r"(?<!\w)mà(?!\s+còn)(?!\w)")
_FRAME = re.compile(r"\s*(?:về|còn)\s+(?=phía\s)")  # "Về phía Mỹ, ...": the side the sentence speaks for
_EMBEDDING = bounded(r"(?<!\w)(?:mà(?!\s+còn)|việc)(?!\w)")  # a relative or nominal clause opens
_JOIN = re.compile(r"^\s*(?:,|và|cùng với|cùng)\s+(?:\S+\s+){0,16}$")
_OF = bounded(r"(?<!\w)của\s+$")
_COORDINATED = re.compile(r"(?:\svà|\sđồng thời|,)\s*(?:(?:cũng|đã|vừa|chính thức)\s+)*$")
# a name's acronym or short gloss in brackets right after it: "Bộ Thương mại Hoa Kỳ (DOC)"
_ACRONYM = re.compile(r"^\s*\([^()\s]{2,15}\)")
# when the subject spoke, written between it and the verb: "ông X ngày 20/3 gửi lời", "X hôm nay công bố",
# "Y sáng 5/6 (giờ địa phương) cho biết", "Z sau đó phát biểu"
_WHEN = re.compile(r"^\s*(?:(?:vào\s+)?(?:(?:sáng|chiều|tối|trưa|đêm)\s+)?(?:ngày|hôm)\s+(?:nay|qua|\d{1,2}(?:\s*[-/.]\s*\d{1,2}"
                   r"(?:\s*[-/.]\s*\d{2,4})?)?)|(?:sáng|chiều|tối|trưa)\s+(?:nay|qua|\d{1,2}\s*[-/.]\s*\d{1,2})|sau đó)"
                   r"(?:\s*\(giờ [^()]{2,20}\))?(?=\s)")


class Speakers:
    """The folded text and the mentions of one article, and the resolution of cue subjects."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.low: Folded = fold(self.text, strip_marks=False)
        self.mentions = all_mentions(article)
        self.starts = [m[0] for m in self.mentions]
        self.sents = sentence_spans(article)
        self.sent_start = 0
        self.ctx = Context()
        self.gender = genders(article)

    def mentions_from(self, k: int) -> Iterator[tuple[int, int, Person | Organization]]:
        """The mentions from the ``k``-th on, in order (no copy of the list)."""
        for n in range(k, len(self.mentions)):
            yield self.mentions[n]

    def fpos(self, pos: int) -> int:
        """The folded position of a source position."""
        return bisect.bisect_left(self.low.index, pos)

    def src(self, fpos: int) -> int:
        """The source position of a folded position."""
        return self.low.index[fpos] if fpos < len(self.low.index) else len(self.text)

    def mention_before(self, a: int, b: int, hard: int | None = None) -> tuple[int, Person | Organization] | None:
        """The mention ending right before source position ``b`` (only adverbs between), in [a, b), and
        where it starts from ``a`` on; with ``hard`` (a source position at most ``a``), a mention that
        starts in [hard, a) starts there: ``a`` cut a name at a word of its own (``Bộ Kế hoạch và Đầu
        tư cho biết``: `` và `` is a clause boundary, not inside a name)."""
        floor = a if hard is None else hard
        best = None
        i = bisect.bisect_left(self.starts, b)
        for ma, mb, ent in reversed(self.mentions[max(0, i - 40):i]):
            if mb > b or mb <= a:
                continue
            gap = _ACRONYM.sub(" ", self.low.text[self.fpos(mb):self.fpos(b)], count=1)  # "X (VASEP) đề nghị"
            gap = _WHEN.sub(" ", gap, count=1)  # "X ngày 20/3 gửi lời chia buồn"
            better = best is None or (isinstance(best[1], Organization) and isinstance(ent, Person))
            if better and only_adverbs(gap):
                best = (ma if floor <= ma else max(ma, a), ent)
        return best

    def actor_of(self, ent: Person | Organization, sent_no: int) -> Actor:
        """The actor for a person or organization mention.

        An organization standing for a whole side (``Chính phủ Việt Nam``) is that side's
        speaker; one whose own person was named in the last few sentences (``Bộ Công Thương``
        after its minister) is that person.
        """
        if isinstance(ent, Person):
            return Actor(ent.name, ent.side, ent)
        side = side_name(ent.name)
        if side:
            return self.speaker_for(side, sent_no)
        since = self.sents[max(0, sent_no - 3)][0] if self.sents else 0
        for person in self.article.people:
            if person.organization == ent.name and any(since <= a for a, _b in person.mentions):
                return Actor(person.name, person.side, person)
        return Actor(ent.name, ent.side)

    def speaker_for(self, side: str, sent_no: int, within: int = 3) -> Actor:
        """A side word as subject: the last speaker of that side ``within`` sentences, else the side itself."""
        if self.ctx.interviewee and self.ctx.interviewee.side == side:
            return self.ctx.interviewee
        last = self.ctx.last_person
        if last and last.side == side and sent_no - self.ctx.last_person_sentence <= within:
            return last
        return Actor(side, side)

    def side_subject(self, side: str, at: int, sent_no: int) -> Actor:
        """A side named as the subject at folded ``at`` (``Mỹ sẽ ...``, ``phía Việt Nam đề nghị``): the
        side itself (the annotation guide credits it), unless a person of that side spoke in this
        sentence or the two before (``ông X khẳng định ...; Việt Nam sẵn sàng ...``: X goes on); a
        representative (``đại diện phía Mỹ``) or a side named inside a quotation (``"Hoa Kỳ tiếp tục
        cam kết ..."``) is the speaker's within three, as any side word (:meth:`speaker_for`). Train
        split, 5-fold replay: two sentences F1 0.642, three 0.638, one 0.647 but then a minister's
        message told on two sentences later (dev gold) falls to the side, under the dev floor."""
        low = self.low.text
        if open_quote(low[self.sent_start:at]) or cues().representative_re.match(low, at):
            return self.speaker_for(side, sent_no)
        return self.speaker_for(side, sent_no, within=2)

    def both_sides(self, sent_no: int) -> Actor:
        """Both sides as subject: reported as Vietnam, by its speaker when both sides spoke just before."""
        vn, us = self.ctx.speakers.get("VN"), self.ctx.speakers.get("US")
        if vn is not None and us is not None and sent_no - min(vn[1], us[1]) <= 3:
            return Actor(vn[0].name, "VN", vn[0].person, both=True)  # a meeting whose two sides just spoke
        return Actor("VN", "VN", both=True)

    def subject(self, floor: int, cue: Cue, sent_no: int, prev: Actor | None) -> tuple[Actor, int] | None:
        """The actor of a cue and the folded position where its clause starts (None: no statement)."""
        low = self.low.text
        hard, soft = window_starts(low, floor, cue.start)
        if _RELATIVE.search(low, hard, cue.start):
            return None  # "các nguyên tắc mà hai bên đã nhất trí": a relative clause, no statement
        # both sides, even across "và" ("Việt Nam và Hoa Kỳ cam kết", "Tổng thống ... và Thủ tướng ...")
        sp = side_phrase(low, hard, cue.start)
        if sp and sp[0] == "BOTH":
            return self.both_sides(sent_no), sp[1]
        if self._joined_people(hard, cue.start):
            return self.both_sides(sent_no), hard
        app = self.appositive(floor, cue, sent_no)
        if app is not None:
            return app
        m = self.mention_before(self.src(soft), self.src(cue.start), self.src(hard))
        if m is not None and persuaded(low, hard, self.fpos(m[0])):  # "..., thuyết phục Quốc hội Mỹ tiếp tục"
            # the one persuaded (or asked to pass a message on) is no speaker: the one asking is
            return (prev, cue.start) if prev is not None else self.persuader(hard, self.fpos(m[0]), sent_no)
        if m is not None:
            return self._mention_subject(m, soft, hard, sent_no)
        grp = group_side(low, soft, cue.start)  # "Các doanh nghiệp Mỹ ... khẳng định sẽ": that side, no one
        if grp is not None:
            return Actor(grp[0], grp[0]), grp[1]
        grp = group_side(low, soft, cue.start, "people_res")  # "Các nghị sĩ Mỹ đánh giá cao": their side's speaker
        if grp is not None:
            return self.speaker_for(grp[0], sent_no), grp[1]
        who = titled(self.article.people, low[soft:cue.start], only_adverbs)  # "Quyền bộ trưởng X Mỹ"
        if who is None:  # "Chủ tịch nước đánh giá cao": the holder of that office named last
            who = title_holder(self.article.people, low[soft:cue.start], self.src(soft), only_adverbs)
        if who is not None:
            return self.actor_of(who, sent_no), soft
        sp = side_phrase(low, soft, cue.start)
        if sp and sp[0] == "BOTH":
            return self.both_sides(sent_no), sp[1]
        if sp:
            return self.side_subject(sp[0], sp[1], sent_no), sp[1]
        if pronoun(low, soft, cue.start):
            who = self.referent(low[soft:cue.start], sent_no)
            return (who, soft) if who is not None else None
        if group_pronoun(low, soft, cue.start):  # "..., họ đánh giá cao": the group just named
            side = self.group_referent(soft, sent_no)
            return (Actor(side, side), soft) if side is not None else None
        framed = self.side_frame(floor)
        if framed is not None and not only_adverbs(low[soft:cue.start]):
            return Actor(framed[0], framed[0]), framed[1]  # "Về phía Mỹ, đại diện ... và các diễn giả đều đánh giá cao"
        if only_adverbs(low[soft:cue.start]) and cue.weak and prev is not None \
                and _COORDINATED.search(low, floor, cue.start) and cues().decision_re.match(low, cue.start):
            return prev, cue.start  # "X khẳng định ... và quyết định áp thuế": X's second verb
        if only_adverbs(low[soft:cue.start]) and not cue.weak:
            if prev is not None:
                return prev, cue.start
            if soft == floor and self.ctx.last_actor and sent_no - self.ctx.last_actor_sentence <= 1:
                return self.ctx.last_actor, cue.start
            if floor == self.sent_start:  # "Hai bên đã thảo luận về ..., nhất trí ...": the sentence's subject
                initial = self.initial_subject(floor, cue.start, sent_no)
                if initial is not None:
                    return initial, cue.start
        return None

    def side_frame(self, floor: int) -> tuple[str, int] | None:
        """The side a sentence opening ``Về phía Mỹ,`` frames and where its subject starts, when the
        cue's subject window starts in that opening (folded ``floor`` at most the frame's comma): the
        side of an unresolved subject."""
        low = self.low.text
        m = _FRAME.match(low, self.sent_start)
        if m is None:
            return None
        for side, pattern in cues().side_res.items():
            s = pattern.match(low, m.end())
            comma = s.end() + len(low[s.end():s.end() + 2]) - len(low[s.end():s.end() + 2].lstrip()) if s else -1
            if s is not None and low.startswith(",", comma) and floor <= comma + 1:
                rest = low[comma + 1:]
                return side, comma + 1 + len(rest[:40]) - len(rest[:40].lstrip())
        return None

    def embedded_subject(self, floor: int, cue: Cue, sent_no: int) -> tuple[Actor, int] | None:
        """The subject of a cue inside a relative or nominal clause (``khoản viện trợ mà Mỹ cam kết``,
        ``hoan nghênh việc Hoa Kỳ cam kết``), which the rules read as no statement or as the object of
        another one: the subject written right after ``mà`` or ``việc``, for the learned decision."""
        low = self.low.text
        hard, _soft = window_starts(low, floor, cue.start)
        openers = list(_EMBEDDING.finditer(low, hard, cue.start))
        return self.subject(openers[-1].end(), cue, sent_no, None) if openers else None

    def persuader(self, hard: int, named: int, sent_no: int) -> tuple[Actor, int] | None:
        """The person who persuades or asks (``Chủ tịch nước nhờ Đại sứ X gửi lời cảm ơn``): the subject
        of the last verb of persuasion between ``hard`` and the one asked (folded ``named``), when a
        person; the clause starts at them."""
        verbs = list(cues().persuading_re.finditer(self.low.text, hard, named))
        if not verbs:
            return None
        subj = self.subject(hard, Cue(verbs[-1].start(), verbs[-1].end(), "inform"), sent_no, None)
        return subj if subj is not None and subj[0].person is not None else None

    def group_referent(self, before: int, sent_no: int) -> str | None:
        """The side a plural pronoun (``họ``) at folded ``before`` stands for: a side that spoke last,
        in this sentence or the one before; else the side of the last two or more people or
        organizations of one side named in its sentence (else the sentence before), or of a group of
        one side's people or firms named later than them (``các doanh nghiệp Mỹ``); None when what
        comes last is one person or mixed."""
        low = self.low.text
        last = self.ctx.last_actor
        if last is not None and last.person is None and last.name in OTHER and sent_no - self.ctx.last_actor_sentence <= 1:
            return last.name  # "Về phía Mỹ, các diễn giả đánh giá cao ... Họ nêu rõ ...": the group that just spoke
        for n in (sent_no, sent_no - 1):
            if n < 0 or n >= len(self.sents):
                continue
            a = self.fpos(self.sents[n][0])
            b = before if n == sent_no else self.fpos(self.sents[n][1])
            run: list[tuple[str, str]] = []  # the last people and organizations of one side: (side, name)
            last_at = -1
            for ma, mb, ent in self.mentions_from(bisect.bisect_left(self.starts, self.src(a))):
                if self.fpos(mb) > b:
                    break
                if ent.side not in OTHER:
                    continue
                run = [*run, (ent.side, ent.name)] if run and run[-1][0] == ent.side else [(ent.side, ent.name)]
                last_at = self.fpos(ma)
            c = cues()
            groups = [(m.end(), side) for side in OTHER for pattern in (c.group_res[side], c.people_res[side])
                      for m in pattern.finditer(low, a, b)]
            if groups and max(groups)[0] > last_at:
                return max(groups)[1]
            if len({name for _side, name in run}) >= 2:
                return run[-1][0]
            if run:
                return None
        return None

    def referent(self, words: str, sent_no: int) -> Actor | None:
        """The person a pronoun subject stands for: the interviewee, else the last speaker of
        the last four sentences whose gender the pronoun allows (``bà`` is no ``ông X``)."""
        want = pronoun_gender(words.strip().split()[-1]) if words.strip() else None
        fits = [a for a in (self.ctx.interviewee, *(a for a, n in reversed(self.ctx.recent) if sent_no - n <= 4))
                if a is not None and a.person is not None]
        return next((a for a in fits if want is None or self.gender.get(a.name, want) == want), None)

    def _mention_subject(self, m: tuple[int, Person | Organization], soft: int, hard: int,
                         sent_no: int) -> tuple[Actor, int] | None:
        """The subject a mention right before a cue gives: itself, its owner, or none at all."""
        low, c = self.low.text, cues()
        start, ent = m
        fs = self.fpos(start)
        before = low[max(soft, fs - 60):fs]
        plain = untitled(self.text[self.src(max(soft, fs - 60)):start])  # "gửi Thủ tướng Chính phủ X": "gửi"
        if c.conditional_end_re.search(before):
            return None  # "..., nếu doanh nghiệp X cam kết ...": a condition, no statement
        if _GOVERNMENT_OF.search(low, max(soft, fs - 40), fs) and ent.side:
            # "chính quyền Tổng thống Trump coi trọng...": the government, i.e. its side
            return self.speaker_for(ent.side, sent_no), fs
        if c.non_agent_end_re.search(plain):
            return None  # "chuyến thăm của Thủ tướng X sẽ ...": the visit, no speaker
        of = _OF.search(before)
        if of is not None:  # "Phó Chủ tịch X của SpaceX khẳng định"
            owner = self.mention_before(self.src(soft), self.src(fs - len(of.group())))
            if owner is not None and isinstance(owner[1], Person):
                return self.actor_of(owner[1], sent_no), self.fpos(owner[0])
        if c.object_end_re.search(plain):
            # "có thư gửi Thủ tướng X hoan nghênh ...": X is the addressee; the clause's subject speaks
            first = self.initial_subject(hard, fs, sent_no, persons_only=True)
            return (first, hard) if first is not None else None
        head = self.office_head(soft, fs, ent)
        if head is not None:
            return head
        return self.actor_of(ent, sent_no), fs

    def office_head(self, soft: int, fs: int, ent: Person | Organization) -> tuple[Actor, int] | None:
        """The person an office of an organization names (``Bí thư Thành ủy X cảm ơn``, ``Người đứng đầu
        Bộ Y nhấn mạnh``): the office (a title head, or a pronoun for a head) written right before the
        organization's mention at folded ``fs``, and one person of the article holding an office
        there (their organization, or a title naming it), the one named last before; else None."""
        if not isinstance(ent, Organization):
            return None
        low = self.low.text
        at = max(soft, window_start(low, soft, fs, soft=False))
        words = " ".join(low[at:fs].split())
        if not words or not (gazetteer().title_heads.fullmatch(words) or pronoun(low, at, fs)):
            return None
        key = fold(ent.name).text
        start = self.src(fs)
        holders = [p for p in self.article.people
                   if p.organization == ent.name or (p.title and key in fold(p.title).text)]
        named = {p.name: max((a for a, _b in p.mentions if a < start), default=-1) for p in holders}
        best = max(holders, key=lambda p: named[p.name], default=None)
        if best is None or named[best.name] < 0:
            return None
        return Actor(best.name, best.side, best), at + len(low[at:fs]) - len(low[at:fs].lstrip())

    def appositive(self, floor: int, cue: Cue, sent_no: int) -> tuple[Actor, int] | None:
        """``Ông X, Phó Chủ tịch Y, đã đề xuất``: a person named before a title set off by commas."""
        low = self.low.text
        i = bisect.bisect_left(self.starts, self.src(cue.start))
        for ma, mb, ent in reversed(self.mentions[max(0, i - 12):i]):
            if ma < self.src(floor) or not isinstance(ent, Person):
                continue
            gap = low[self.fpos(mb):cue.start]
            if not gap.lstrip().startswith(",") or re.search(r"[;:()\"“”]", gap):
                return None
            inner = gap.strip()[1:]
            last = inner.rfind(",")
            closed = last >= 0 and only_adverbs(inner[last + 1:])
            title = (inner[:last] if closed else inner).strip()
            src_title = self.text[self.text.index(",", mb) + 1:].lstrip()
            known = bool(ent.title) and prefixed(fold(ent.title).text, fold(title).text)
            looks = closed and src_title[:1].isupper() and len(title.split()) <= 25
            prefix_start = window_start(low, floor, self.fpos(ma), soft=False)
            prefix = low[prefix_start:self.fpos(ma)]
            ranked = " ".join(prefix.split()) in gazetteer().ranks  # "Đại tướng X, Bộ trưởng Quốc phòng, đề nghị"
            if title and (known or looks) and (only_adverbs(prefix) or ranked or pronoun(low, prefix_start, self.fpos(ma))):
                return self.actor_of(ent, sent_no), self.fpos(ma)
            return None
        return None

    def initial_subject(self, a: int, b: int, sent_no: int, *, persons_only: bool = False) -> Actor | None:
        """The subject that opens the folded range [a, b): both sides, a person, an organization, a side."""
        low = self.low.text
        seg = low[a:b]
        if re.search(r"[;:()\"“”]", seg) or seg.count(",") > 3:
            return None
        i = a + len(seg) - len(seg.lstrip())
        if not persons_only and cues().both_re.match(low, i):
            return self.both_sides(sent_no)
        # the first mention at or after i (fpos grows with the source position)
        for ma, _mb, ent in self.mentions_from(bisect.bisect_left(self.starts, i, key=self.fpos)):
            fa = self.fpos(ma)
            if fa < i:
                continue
            if fa >= b:
                break
            lead = self.text[self.src(i):ma].strip()  # a title before the name: "Thượng nghị sĩ X"
            titled = isinstance(ent, Person) and lead[:1].isupper() and len(lead.split()) <= 4
            if fa == i or titled:
                if persons_only and not isinstance(ent, Person):
                    return None
                return self.actor_of(ent, sent_no)
            break
        if persons_only:
            return None
        for side, pattern in cues().side_res.items():
            if pattern.match(low, i):
                return self.side_subject(side, i, sent_no)
        return None

    def _joined_people(self, a: int, b: int) -> Actor | None:
        """``X và Y`` of both sides right before a cue (``Tổng thống Trump và Thủ tướng ...``)."""
        sa, sb = self.src(a), self.src(b)
        last = self.mention_before(sa, sb)
        if last is None or not isinstance(last[1], Person):
            return None
        start, second = last
        for ma, mb, ent in self.mentions_from(bisect.bisect_left(self.starts, sa)):
            if ma > start:
                break  # it ends after start too
            if ma < sa or mb > start or not isinstance(ent, Person) or ent is second:
                continue
            if {ent.side, second.side} == {"VN", "US"} and _JOIN.match(self.low.text[self.fpos(mb):self.fpos(start)]):
                return Actor("VN", "VN")
        return None

    def remember(self, actor: Actor, sent_no: int) -> None:
        """Note who spoke last, for pronouns, side words and continuations that follow."""
        actor = Actor(actor.name, actor.side, actor.person)  # alone in the sentences after
        if actor.person is not None:
            self.ctx.last_person, self.ctx.last_person_sentence = actor, sent_no
            self.ctx.recent.append((actor, sent_no))
            if actor.side:
                self.ctx.speakers[actor.side] = (actor, sent_no)
        self.ctx.last_actor, self.ctx.last_actor_sentence = actor, sent_no
