"""Stage ``statements``: who asked, proposed, promised, agreed, welcomed or said what.

Steps, sentence by sentence (photo captions are skipped: they repeat the body):

1. find the speech-act cues of ``resources/cues.yaml`` (``đề nghị`` request, ``cam kết``/``sẽ``
   commit, ``nhất trí`` agree, ``hoan nghênh`` welcome, ``cho biết`` inform...); cues that
   follow each other directly merge, the strongest act winning (``khẳng định sẽ`` -> commit);
2. resolve each cue's subject from the words right before it (:mod:`.speakers`): a person mention
   (``Thủ tướng``, ``ông Thơ``, a full name), both sides (``Hai bên``), one side (``phía Hoa
   Kỳ``, resolved to the last speaker of that side when there is one), an organization, a
   pronoun (``Ông``: the last speaker); an empty subject continues the previous clause's
   actor (``..., đồng thời đề nghị``); anything else (``Hội nghị sẽ``) is no statement;
3. the clause runs from the subject to the next statement's subject or the sentence end;
   its topics, threads and amounts come from the taxonomy matchers and the amounts found, its
   addressee from the words after the cue and the meetings the story reports (:mod:`.addressees`).

Actors are names (person, else organization) or side codes (``VN``, ``US``); both sides are
reported as ``VN`` addressing ``US``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import cached_property

from .. import budget
from ..learn.actors import NAME as ACTORS
from ..learn.actors import decide as decide_actors
from ..learn.actors import wide_actors
from ..learn.modes import CANDIDATES, mode_of
from ..learn.statements import NAME, decide
from ..model import Amount, Article, Organization, Person, Statement
from ..settings import Settings
from .actor_candidates import ArticleIndex
from .acts import (
    Cue,
    cues,
    find_cues,
    forecast,
    issued,
    narrated,
    only_adverbs,
    pronoun,
    redirected,
)
from .addressees import addressee, met_in_story
from .amounts import find_amounts
from .candidates import wide
from .clauses import (
    complement,
    drop_restatements,
    ids_in,
    lead_in,
    open_quote,
    outside_names,
    quote_opening,
    quoted_first,
    said_first,
    unique,
    without_trailing_link,
)
from .pronouns import title_words
from .spans import Cover
from .speakers import OTHER, Actor, Speakers
from .textmap import Folded, fold
from .topics import Entry, Taxonomy, find_matches, implied_topics, load_taxonomy

_LINK_WORD = re.compile(r"^(?:và|nhưng|còn|song|trong khi|đồng thời)\s+")
_LABEL = re.compile(r"\s*[-*•–]?\s*[^:\n.]{2,60}:(?!\d)")


class _Extractor(Speakers):
    """One article's statement extraction (the speakers' resolution, the topic, thread and amount matches)."""

    def __init__(self, article: Article, tax: Taxonomy) -> None:
        super().__init__(article)
        self.tax = tax
        self.key: Folded = fold(self.text)
        # every topic and thread match and amount of the article, once; clauses take their share
        names = [span for p in article.people for span in p.mentions]
        self.topic_hits = outside_names(find_matches(self.key, self.text, tax.topics), names)
        self.thread_hits = outside_names(find_matches(self.key, self.text, tax.roots()), names)
        self.child_hits = outside_names(find_matches(self.key, self.text, tax.children()), names)
        # a thread's context words (taxonomy.yaml) count for the threads the story names by a pattern
        named = {t for t, _a, _b in self.thread_hits}
        context = {t: Entry(t, "thread", patterns=tax.threads[t].context) for t in named if tax.threads[t].context}
        self.context_hits = outside_names(find_matches(self.key, self.text, context), names) if context else []
        self.amounts = article.amounts or find_amounts(self.text, published=article.published)
        self._amount_starts: list[int] | None = None  # their starts, when in text order (amounts_in)
        self.met = met_in_story(self)  # the sides the story's meetings were with

    def speaker_label(self, s_start: int, s_end: int) -> bool:
        """``Đại sứ Kritenbrink: ...`` at a line start: the interview's answers are that person's."""
        line_start = self.text.rfind("\n", 0, s_start) + 1
        if self.text[line_start:s_start].strip():
            return False
        m = _LABEL.match(self.text, s_start, min(s_end, s_start + 80))
        if not m:
            return False
        if find_cues(self.low.text, self.fpos(s_start), self.fpos(m.end())):
            return False  # "Đại sứ X nhấn mạnh: ..." introduces a quote, not an interview
        people = [ent for a, b, ent in itertools.takewhile(
                      lambda t: t[0] <= m.end(), self.mentions_from(bisect.bisect_left(self.starts, s_start)))
                  if b <= m.end() and isinstance(ent, Person)]  # the mentions starting in the label, by bisection
        if people:
            self.ctx.interviewee = self.actor_of(people[-1], 0)
            self.ctx.last_person = self.ctx.interviewee
        return True

    def sentence(self, s_start: int, s_end: int, sent_no: int) -> list[Statement]:
        """The statements of one sentence (source positions)."""
        self.rule_cues: list[tuple[int, int]] = []
        if self.text[s_start:s_end].rstrip(" \"”'").endswith("?"):
            return []  # a question asks, it states nothing
        if self.speaker_label(s_start, s_end) and self.text[s_start:s_start + 2].lstrip()[:1] in "*•":
            return []
        fa, fb = self.fpos(s_start), self.fpos(s_end)
        self.sent_start = fa
        low = self.low.text
        found: list[tuple[Actor, int, Cue]] = []
        floor = fa
        prev: Actor | None = None
        prev_act: str | None = None
        sentence_cues = find_cues(low, fa, fb)
        fronted = self.fronted(sentence_cues, sent_no)
        last_end = fa  # where the last cue kept (or merged) ends
        tail: int | None = None  # where the last speech verb merged into the last statement starts
        for k, cue in enumerate(sentence_cues):
            subj = self.subject(floor, issued(low, floor, cue), sent_no, prev)
            floor = cue.end
            if (fronted is not None and k < fronted[1] and not cue.weak
                    and (subj is None or subj[1] == cue.start)):
                if self.act_of(cue, fronted[0], fb) == "inform":
                    continue  # "Phát biểu tại buổi lễ, Đại sứ X cho biết ...": a frame; the main clause says it
                subj = fronted[0], cue.start  # "Hoan nghênh ..., Thủ tướng cho biết": the main clause's subject
            if subj is None:
                continue
            actor, clause_start = subj
            if cue.weak and (self.ruling_inside(fa, clause_start, cue) or (self.ruling(cue) and actor.person)):
                continue  # "quy chuẩn do Bộ Y tế ban hành": inside another clause; a person's decision is no ruling
            if self.word(cue).startswith("sẽ") and forecast(low, fa, sentence_cues[:k], cue.start):
                continue  # "các chuyên gia dự đoán hai nhà lãnh đạo sẽ bàn ...": a forecast
            explicit = clause_start < cue.start  # a subject of its own, not a continuation
            if (explicit and prev_act == "inform"
                    and self.reported(found[-1][0], actor, last_end, clause_start, cue)
                    and (actor.side == found[-1][0].side or cue.weak)):  # "X cho biết phía Mỹ đề nghị": Mỹ asks
                speaker, act = found[-1][0], self.act_of(cue, found[-1][0], fb)
                if actor.side == speaker.side and tail is not None and act != prev_act:
                    found.append((speaker, tail, cue))  # "..., cho biết Việt Nam sẽ ...": a second statement
                elif actor.side == speaker.side:  # "X khẳng định Việt Nam sẽ ...": X commits
                    found[-1] = (speaker, found[-1][1], cue)
                prev_act = act if actor.side == speaker.side else prev_act
                last_end, tail = cue.end, None
                continue  # "X cho biết Mỹ sẽ ...": what X said, X's statement
            if explicit and prev_act not in (None, "inform") and found and complement(low[last_end:clause_start]):
                continue  # "nhất trí hai nước sẽ ...", "mong muốn ngài X giới thiệu": the previous cue's object
            if (prev_act in ("request", "propose") and prev is not None
                    and (actor.person is None or self.word(cue).startswith("sẽ")
                         or self.titled_object(actor, last_end, clause_start))
                    and actor.side == OTHER.get(prev.side or "") and ";" not in low[last_end:cue.start]):
                continue  # "đề nghị Hoa Kỳ sẽ ...", "mong ..., Bộ trưởng Mỹ sẽ ...": what is asked, not a promise
            act = self.act_of(cue, actor, fb)
            if (not explicit and found and prev_act == "inform" and found[-1][0].name == actor.name
                    and not low[last_end:cue.start].strip(" ,:\"“")):  # 'X cho biết "hài lòng với ...': one act
                found[-1] = (found[-1][0], found[-1][1], cue)
                prev_act, last_end = act, cue.end
                continue
            if not explicit and found and self.continues(found[-1], actor, act, cue):
                if self.ruling(cue) and not self.ruling(found[-1][2]):  # "... khẳng định ... và quyết định áp thuế"
                    found[-1] = (found[-1][0], found[-1][1], cue)
                last_end, tail = cue.end, cue.start
                continue  # "bày tỏ vui mừng ..., đồng thời đánh giá cao ...": one act, one statement
            prev_act, tail = act, None
            found.append((actor, clause_start, cue))
            prev = actor
            last_end = cue.end
            self.remember(actor, sent_no)
        self.rule_cues = [(cue.start, cue.end) for _a, _s, cue in found]
        out = []
        for i, (actor, clause_start, cue) in enumerate(found):
            clause_end = self.before_title(cue.end, found[i + 1][1]) if i + 1 < len(found) else fb
            clause_end = max(clause_end, cue.end)
            said = self.said_start(fa, clause_start, cue, clause_end) if i == 0 else None
            quote = self.quoted_start(fa, clause_start) if i > 0 and cue.act == "inform" else None
            if said is not None:
                clause_start = said  # '"...", ông X nói': what was said is the quote before the speaker
            elif quote is not None:
                # '"Hai nước sẽ ...", Thứ trưởng khẳng định.': the clauses of the quote are the speaker's
                # words, with the act of the first one on the speaker's side that is not inform
                inner = [c for a, _s, c in found[:i] if a.side == actor.side and self.act_of(c, a, fb) != "inform"]
                out, clause_start, cue = [], quote, (inner[0] if inner else cue)
            if (i + 1 < len(found) and cue.act == "inform"
                    and not self.low.text[cue.end:clause_end].strip(" ,;:.-–\n\"“”")):
                continue  # "X cho biết phía Mỹ đề nghị ...": the speech verb's content is the next clause
            out.append(self.statement(actor, cue, clause_start, clause_end, (s_start, s_end)))
        return out

    def titled_object(self, actor: Actor, speech_end: int, clause_start: int) -> bool:
        """Whether a person named right after a request is only preceded by their own title (``đề
        nghị cựu Ngoại trưởng X tiếp tục ủng hộ``): the one asked, no speaker of their own."""
        gap = self.low.text[speech_end:clause_start].split()
        title = set((actor.person.title or "").lower().replace(",", " ").split()) if actor.person else set()
        return bool(gap) and len(gap) <= 8 and all(w in title or w in title_words() for w in gap)

    def ruling(self, cue: Cue) -> bool:
        """Whether a cue announces a ruling or a step of an authority (``ban hành kết luận``, ``áp thuế``)."""
        return bool(cues().decision_re.search(self.word(cue)))

    def ruling_inside(self, fa: int, clause_start: int, cue: Cue) -> bool:
        """A ruling cue (``ban hành``, ``công bố``) whose subject follows a subordinator (``do``, ``sau khi``)."""
        return self.ruling(cue) and bool(cues().subordinate_re.search(self.low.text, max(fa, clause_start - 16),
                                                                        clause_start))

    def reported(self, speaker: Actor, actor: Actor, speech_end: int, clause_start: int, cue: Cue) -> bool:
        """True when a subject right after a speech verb (``X cho biết Việt Nam ...``), or inside
        the quotation it opens (``X nói: "Từ trước tới nay, khi Mỹ ...``), is what the speaker said,
        not a second speaker: a country or its businesses, an organization (``X khẳng định Bộ
        Quốc phòng Việt Nam coi trọng ...``), both sides (when both sides speak, ``Hai nhà lãnh đạo
        nhấn mạnh hai nước sẽ ...``, or when what they do is a position, ``X nêu rõ Việt Nam và Mỹ
        chia sẻ ...``), or a pronoun standing for the speaker
        (``X cho biết ông sẽ ...``, ``X nói: "Chúng tôi sẽ ...``); never a person named there."""
        low = self.low.text
        gap = low[speech_end:clause_start]
        if not (complement(gap) or lead_in(gap) or open_quote(gap)):
            return False
        if actor.both and not speaker.both and not (cue.weak or cue.act == "inform"):
            return False  # "X cho biết hai bên đã nhất trí ...": both sides agreed, not X
        if actor.name == speaker.name and pronoun(low, clause_start, cue.start):
            return True
        at = self.src(clause_start)
        k = bisect.bisect_left(self.starts, at)  # the first mention starting there (mentions are by start)
        named = self.mentions[k][2] if k < len(self.starts) and self.starts[k] == at else None
        if named is not None:
            return isinstance(named, Organization)
        c = cues()
        return any(p.match(low, clause_start) for p in (c.both_re, *c.side_res.values(), *c.group_res.values()))

    def quoted_start(self, fa: int, clause_start: int) -> int | None:
        """Where the quotation that closes right before a speaker opens: the sentence start
        ('"...", ông X nói') or the quote mark of an earlier sentence ('"... . ... quan hệ" -
        Ngoại trưởng X cho biết'); None when the text before the speaker is no quotation."""
        start = self.src(fa)
        head = self.text[start:self.src(clause_start)].strip()
        if quoted_first(head):
            return fa
        q = quote_opening(self.text, start, head)
        return None if q is None else self.fpos(q)

    def said_start(self, fa: int, clause_start: int, cue: Cue, clause_end: int) -> int | None:
        """Where what a sentence's first speaker said starts when it comes before them: a quotation
        (:meth:`quoted_start`), or an unquoted clause ending on the speaker and a speech verb, from the
        sentence start (``Quan hệ ..., Thủ tướng cho biết.``)."""
        quote = self.quoted_start(fa, clause_start)
        if quote is not None:
            return quote
        head = self.text[self.src(fa):self.src(clause_start)].strip()
        tail = self.text[self.src(cue.end):self.src(clause_end)]
        return fa if cue.act == "inform" and said_first(head, tail) else None

    def before_title(self, cue_end: int, next_start: int) -> int:
        """Where a clause ends before the next one's subject: at the comma before that subject's
        title (``Cảm ơn ... tiếp Đoàn, Chủ nhiệm Ủy ban X William Y đánh giá cao``), not inside it."""
        comma = self.low.text.rfind(",", cue_end, next_start)
        title = self.text[self.src(comma) + 1:self.src(next_start)].strip() if comma >= 0 else ""
        title = _LINK_WORD.sub("", title)  # ", nhưng Thứ trưởng X cho biết": the link goes with the next clause
        return comma if title[:1].isupper() and len(title.split()) <= 12 else next_start

    def act_of(self, cue: Cue, actor: Actor, end: int) -> str:
        """The act of a cue once its object is read (a request of no one on the other side is inform)."""
        low = self.low.text
        act = narrated(cue.act, self.word(cue), low[max(0, cue.start - 30):cue.start])
        if act == "request" and actor.both:
            return "inform"  # both sides wishing asks nothing of the other side: a shared position
        return redirected(act, self.word(cue), low[cue.end:min(end, cue.end + 60)], actor.side)

    def word(self, cue: Cue) -> str:
        """The cue's words, spaces normalized."""
        return " ".join(self.low.text[cue.start:cue.end].split())

    def continues(self, last: tuple[Actor, int, Cue], actor: Actor, act: str, cue: Cue) -> bool:
        """True when a subjectless cue goes on with the previous statement's act in other words
        (``mong muốn ... và đề nghị ...``); a repeated word (``nhất trí ..., nhất trí ...``) or a
        ``;`` between list items starts a new statement."""
        prev_actor, _start, prev_cue = last
        low = self.low.text
        return (prev_actor.name == actor.name and self.act_of(prev_cue, prev_actor, cue.start) == act
                and self.word(prev_cue) != self.word(cue) and ";" not in low[prev_cue.end:cue.start])

    def fronted(self, sentence_cues: list[Cue], sent_no: int) -> tuple[Actor, int] | None:
        """A sentence opening on a cue (``Đánh giá cao ..., Thủ tướng nêu rõ ...``): the subject
        of the first later cue that has one written after a comma, and that cue's index."""
        low = self.low.text
        if not sentence_cues or not only_adverbs(low[self.sent_start:sentence_cues[0].start]):
            return None
        for k in range(1, len(sentence_cues)):
            subj = self.subject(sentence_cues[k - 1].end, sentence_cues[k], sent_no, None)
            if subj is not None and subj[1] < sentence_cues[k].start:
                between = low[sentence_cues[0].end:subj[1]]
                return (subj[0], k) if "," in between else None
        return None

    def statement(self, actor: Actor, cue: Cue, fa: int, fb: int, sentence: tuple[int, int]) -> Statement:
        """A Statement for a clause (folded positions), with topics, threads and amounts."""
        a, b = self.src(fa), self.src(fb)
        while b > a and self.text[b - 1] in " ,;:.-–\n\"“”":
            b -= 1
            if b > a and self.text[b - 1] not in " ,;:.-–\n\"“”":
                b = a + without_trailing_link(self.text[a:b])  # "... đón tiếp đoàn và": no dangling "và"
        low = self.low.text
        act = self.act_of(cue, actor, fb)
        content = a if self.text[a:a + 1] in "\"“" else self.src(cue.start)  # a quote before its speaker says it
        threads = ids_in(self.thread_hits, content, b)
        ruling = act == "inform" and self.ruling(cue)
        if actor.side is None:
            threads = []  # threads follow what a side says
        elif not threads and (act != "inform" or ruling):
            threads = self.issue_threads(cue.end, content, b, sentence[0])
        issue = content if set(threads) & set(ids_in(self.thread_hits, content, b)) else sentence[0]
        subthreads = [c for c in ids_in(self.child_hits, issue, b) if self.tax.threads[c].parent in threads]
        topics = ids_in(self.topic_hits, content, b)
        if cues().anaphor_re.search(low, cue.end, fb):  # "việc này", "các đề xuất nói trên": what came before
            topics += ids_in(self.topic_hits, self.previous_sentence(sentence[0]), content)
        topics = unique(topics + implied_topics(threads, self.tax))
        if not topics:  # a clause naming no field takes its sentence's ("..., đề nghị tháo gỡ")
            topics = ids_in(self.topic_hits, *sentence)
        if not topics:
            topics = ["diplomacy"]
        side = actor.side
        to = addressee(self, actor, cue, (self.fpos(a), fb), sentence, self.met)
        return Statement(actor=actor.name, act=act, text=self.text[a:b], evidence=(a, b), side=side,
                         addressee_side=to, topics=topics, threads=threads,
                         amounts=self.amounts_in(a, b),
                         subthreads=subthreads, cue=(self.src(cue.start), self.src(cue.end)))

    def issue_threads(self, cue_end: int, content: int, b: int, sentence: int) -> list[str]:
        """The threads of a clause ``[content, b)`` that names none itself (source positions but the
        folded ``cue_end``): its sentence's (``..., đồng thời đề nghị``: the issue named earlier), the
        sentence before's when it refers back (``vấn đề này``), else the context words of a thread
        the story names (``điều chỉnh mức thuế`` in a story on anti-dumping duties)."""
        threads = ids_in(self.thread_hits, sentence, b)
        if not threads and cues().anaphor_re.search(self.low.text, cue_end, self.fpos(b)):
            threads = ids_in(self.thread_hits, self.previous_sentence(sentence), sentence)
        return threads or ids_in(self.context_hits, content, b)

    def late_threads(self, statements: list[Statement]) -> None:
        """Threads for the statements the learned decisions made requests, commitments... of: when
        their clauses were read they were informs or no statements, whose threads are only their own."""
        for st in statements:
            if st.threads or st.side not in ("VN", "US") or st.act == "inform" or not st.cue:
                continue
            a, b = st.evidence
            content = a if self.text[a:a + 1] in "\"“" else st.cue[0]
            st.threads = self.issue_threads(self.fpos(st.cue[1]), content, b, self.sentence_of(a)[0])
            st.topics = unique(st.topics + implied_topics(st.threads, self.tax))

    def sibling_threads(self, statements: list[Statement]) -> None:
        """Take back a thread a statement inherited from its sentence (:meth:`issue_threads`) when
        the sentence names it only inside another statement's clause and this clause names a field
        of its own (``đề nghị Mỹ sớm công nhận quy chế kinh tế thị trường, đồng thời mong muốn Mỹ
        mở cửa cho nông sản``): the issue is that statement's (train annotations: 1 of 7 clauses so
        placed carry it, against 6 of 8 when the sentence names it outside any statement, ``Với tỉ
        lệ xuất khẩu thép ..., Bộ đề nghị``). A clause naming no field (``hai bên nhất trí tiếp tục
        tham vấn``, the dev gold's vnus_0023) or referring back (``việc này``) keeps it. Run after
        the learned decisions, whose features read the threads as the clauses were built."""
        spans = sorted(st.evidence for st in statements)
        for st in statements:
            a, b = st.evidence
            sentence = self.sentence_of(a)[0]
            if (not st.threads or sentence >= a or not ids_in(self.topic_hits, a, b)
                    or cues().anaphor_re.search(self.low.text, self.fpos(a), self.fpos(b))):
                continue
            own = set(ids_in(self.thread_hits, a, b))
            others = [(x, y) for x, y in spans if (x, y) != (a, b) and x < a and y > sentence]
            drop = set()
            for t in set(st.threads) - own:
                hits = [h for h in self.thread_hits if h[0] == t and sentence <= h[1] < a]
                if hits and all(any(x <= h[1] < y for x, y in others) for h in hits):
                    drop.add(t)
            if drop:
                st.threads = [t for t in st.threads if t not in drop]
                st.subthreads = [c for c in st.subthreads if self.tax.threads[c].parent in st.threads]

    def tail_threads(self, statements: list[Statement]) -> None:
        """Give a statement the threads named between its clause's end and the next statement of
        its sentence (or the sentence's end) when no statement holds that tail: a cue there cut the
        clause and its statement went (``cần tiếp tục hợp tác trên các lĩnh vực như rà phá bom mìn,
        hỗ trợ nạn nhân chất độc da cam``, where ``hỗ trợ`` was read as a cue); a thread's context
        words there count as in the clause (``Mỹ sẽ tài trợ ..., hỗ trợ EVN phát triển kho cảng``)."""
        spans = sorted(st.evidence for st in statements)
        starts = [x for x, _y in spans]
        for st in statements:
            if st.side not in ("VN", "US"):
                continue
            a, b = st.evidence
            end = self.sentence_of(a)[1]
            k = bisect.bisect_right(starts, a)
            nxt = min([x for x in starts[k:k + 8] if x >= b] + [end])
            semi = self.text.find(";", b, nxt)
            nxt = semi if semi >= 0 else nxt  # a ";" starts another item of a list: not the clause's
            if any(x < nxt and y > b for x, y in spans if (x, y) != (a, b)):
                continue  # another statement holds part of the tail
            extra = [t for t in ids_in(self.thread_hits, b, nxt) if t not in st.threads]
            if not extra and not st.threads and st.act != "inform":  # as :meth:`issue_threads`
                extra = ids_in(self.context_hits, b, nxt)
            if extra:
                st.threads += extra
                st.topics = unique(st.topics + implied_topics(extra, self.tax))
            st.subthreads += [c for c in ids_in(self.child_hits, b, nxt)
                              if self.tax.threads[c].parent in st.threads and c not in st.subthreads]

    def amounts_in(self, a: int, b: int) -> list[Amount]:
        """The amounts of the article inside ``[a, b)``, in their order (by bisection when sorted)."""
        if self._amount_starts is None:
            starts = [x.evidence[0] for x in self.amounts]
            self._amount_starts = starts if all(p <= q for p, q in itertools.pairwise(starts)) else []
        if not self._amount_starts and self.amounts:  # not in text order: read them all
            return [x for x in self.amounts if a <= x.evidence[0] and x.evidence[1] <= b]
        i = bisect.bisect_left(self._amount_starts, a)
        j = bisect.bisect_right(self._amount_starts, b)
        return [x for x in self.amounts[i:j] if x.evidence[1] <= b]

    @cached_property
    def _sent_starts(self) -> list[int]:
        """Where each sentence starts (source positions, in order), for the bisections below."""
        return [s for s, _e in self.sents]

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence holding source position ``pos`` (the last one starting at or before it; the first
        when none does)."""
        return self.sents[max(0, bisect.bisect_right(self._sent_starts, pos) - 1)]

    def previous_sentence(self, start: int) -> int:
        """Where the sentence before the one starting at source position ``start`` begins."""
        i = bisect.bisect_left(self._sent_starts, start)
        return self.sents[i - 1][0] if i > 0 else start


def extract_statements(article: Article, settings: Settings) -> Article:
    """Stage ``statements``: clause-level speech acts with actor, sides, topics, threads, amounts."""
    ex = _Extractor(article, load_taxonomy(settings))
    statements: list[Statement] = []
    others: list[Statement] = []  # the candidates the rules left, for the learned decision
    learned = mode_of(NAME) != "rules"
    in_caption = Cover(article.captions)
    caption_starts = sorted(ca for ca, _ in article.captions)
    for n, (a, b) in enumerate(ex.sents):
        budget.check("statements")
        k = bisect.bisect_left(caption_starts, a)  # a caption starting inside the sentence, or one holding its start
        if in_caption.holds_point(a) or (k < len(caption_starts) and caption_starts[k] < b):
            continue
        found = ex.sentence(a, b, n)
        for st in found:
            if st.evidence[0] < a:  # a quotation of several sentences: what was taken inside it is its speaker's
                statements = [x for x in statements if x.evidence[0] < st.evidence[0]]
        statements += found
        if learned and not ex.text[a:b].rstrip(" \"”'").endswith("?"):
            others += wide(ex, a, b, n, ex.rule_cues, found)
    # every statement keeps the threads it touches, positions (inform) included (annotations/GUIDE.md)
    article.statements = drop_restatements(article, statements)
    if others:  # the learned ranker may give the candidates the rules left another actor
        others = wide_actors(article, others, ArticleIndex.of(article, ex.mentions, ex.sents, ex.gender))
    article.statements = decide(article, others)  # the learned decision: statement or not, and which act
    if CANDIDATES not in (mode_of(NAME), mode_of(ACTORS)) and mode_of(ACTORS) != "rules":
        # the learned decision: who the actor is (not while the act decision's candidates are gathered)
        decide_actors(article, ArticleIndex.of(article, ex.mentions, ex.sents, ex.gender))
    ex.late_threads(article.statements)
    ex.sibling_threads(article.statements)
    ex.tail_threads(article.statements)
    named = {e.side for e in (*article.people, *article.organizations) if e.side}
    named |= {side for side, pattern in cues().country_res.items() if pattern.search(ex.low.text)}
    for s in article.statements:
        if s.addressee_side in OTHER and s.addressee_side not in named:
            s.addressee_side = None  # the other side is nowhere in the story: no one of it is addressed
    return article
