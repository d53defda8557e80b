"""Candidate actors of a statement: who else might have said it, found by general means.

The rules of :mod:`.speakers` give each statement one actor. Where they err, the right actor is
mostly one of a few others (the issue's "another actor" misses): a name nearer the cue, the
organization a person speaks for, the speaker of the previous statement, the person a pronoun or a
title alone stands for, a side. This module proposes them, each with how it was found; the
learned decision :mod:`hoptac.learn.actors` ranks them. The mechanisms, all general:

1. ``rule``: the rules' own actor;
2. ``b1``..``b3``: the nearest distinct person or organization mentions before the cue in its sentence;
3. ``a1``, ``a2``: the first ones after the cue in its sentence (``"...", ông X nói``);
4. ``prev``: the actor of the previous statement (``ông nói thêm``, ``theo ông``);
5. ``p1``, ``p2``: the last people named in the three sentences before (a pronoun's referent);
6. ``title``: a person whose title is written alone before the cue (``Bộ trưởng`` -> its holder);
7. ``org_of``: the organization of a person candidate (a company's representative speaks for it);
8. ``side``: each side, ``VN`` and ``US`` (``Mỹ sẽ ...``, ``hai bên``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..model import Article, Organization, Person, Statement
from .acts import side_name
from .clauses import sentence_spans
from .entities import all_mentions
from .pronouns import genders

SIDES = ("VN", "US")
#: how many distinct mentions before and after the cue, and people of the sentences before, are proposed
BEFORE, AFTER, PEOPLE_BACK, SENTENCES_BACK = 3, 2, 2, 3


@dataclass
class ActorCandidate:
    """One possible actor: a display name (a person, an organization or a side code), its side,
    its kind, how it was found, and the mention of it nearest the cue before and after it."""

    name: str
    side: str | None
    kind: str  # person, org, side
    how: list[str] = field(default_factory=list)
    before: tuple[int, int] | None = None
    after: tuple[int, int] | None = None
    entity: Person | Organization | None = None


@dataclass
class ArticleIndex:
    """What the candidates of one article's statements are read from, built once per article."""

    article: Article
    mentions: list[tuple[int, int, Person | Organization]]
    starts: list[int]
    sents: list[tuple[int, int]]
    kinds: dict[str, tuple[str, str | None]]  # known names -> (kind, side)
    gender: dict[str, str]  # person name -> M or F, where the article tells (:func:`.pronouns.genders`)
    _sent_starts: list[int] = field(default_factory=list)
    _titles: list[tuple[str, Person]] | None = None
    _orgs: dict[str, Organization] | None = None

    @classmethod
    def of(cls, article: Article, mentions: list[tuple[int, int, Person | Organization]] | None = None,
           sents: list[tuple[int, int]] | None = None, gender: dict[str, str] | None = None) -> ArticleIndex:
        """The index of an article (the statements stage hands over what it already has)."""
        ms = mentions if mentions is not None else all_mentions(article)
        kinds: dict[str, tuple[str, str | None]] = {}
        for o in article.organizations:
            for n in (o.name, *o.aliases):
                kinds.setdefault(n, ("org", o.side))
        for p in article.people:
            for n in (p.name, *p.aliases):
                kinds[n] = ("person", p.side)
        for s in (*SIDES, "OTHER"):
            kinds[s] = ("side", s)
        return cls(article, ms, [m[0] for m in ms], sents if sents is not None else sentence_spans(article), kinds,
                   gender if gender is not None else genders(article))

    def titles(self) -> list[tuple[str, Person]]:
        """The first two words of each titled person's title (lower case), with the person."""
        if self._titles is None:
            heads = [(" ".join((p.title or "").lower().split()[:2]), p) for p in self.article.people]
            self._titles = [(h, p) for h, p in heads if len(h.split()) == 2]
        return self._titles

    def orgs(self) -> dict[str, Organization]:
        """The article's organizations by name."""
        if self._orgs is None:
            self._orgs = {o.name: o for o in self.article.organizations}
        return self._orgs

    def sentence_of(self, pos: int) -> int:
        """The index of the sentence holding source position ``pos`` (the nearest before it)."""
        if len(self._sent_starts) != len(self.sents):
            self._sent_starts = [a for a, _b in self.sents]
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)


def _identity(ent: Person | Organization) -> tuple[str, str | None, str]:
    """A mention's actor name, side and kind (an organization standing for a side is that side)."""
    if isinstance(ent, Person):
        return ent.name, ent.side, "person"
    side = side_name(ent.name)
    return (side, side, "side") if side else (ent.name, ent.side, "org")


def cue_span(st: Statement) -> tuple[int, int]:
    """A statement's cue, else the start of its clause."""
    return st.cue if st.cue is not None else (st.evidence[0], st.evidence[0])


def candidates(ix: ArticleIndex, st: Statement, prev: Statement | None) -> list[ActorCandidate]:
    """The candidate actors of one statement (``prev``: the statement before it), the rules' first."""
    out: dict[str, ActorCandidate] = {}

    def add(name: str, side: str | None, kind: str, how: str, ent: Person | Organization | None = None,
            before: tuple[int, int] | None = None, after: tuple[int, int] | None = None) -> ActorCandidate:
        c = out.get(name)
        if c is None:
            c = out[name] = ActorCandidate(name, side, kind, entity=ent)
        c.how.append(how)
        c.before = c.before or before
        c.after = c.after or after
        c.entity = c.entity or ent
        return c

    kind, _side = ix.kinds.get(st.actor, ("other", st.side))
    add(st.actor, st.side, kind, "rule")
    ca, cb = cue_span(st)
    n = ix.sentence_of(ca)
    s0, s1 = ix.sents[n] if ix.sents else (0, len(ix.article.text))
    mentions = ix.mentions  # walked by index from the cue: no copy of the article's mentions per statement
    i = bisect.bisect_left(ix.starts, ca)
    seen: set[int] = set()
    for k in range(i - 1, -1, -1):
        ma, mb, ent = mentions[k]
        if ma < s0 or len(seen) >= BEFORE:
            break
        if mb > ca or id(ent) in seen:
            continue
        seen.add(id(ent))
        name, eside, ekind = _identity(ent)
        add(name, eside, ekind, f"b{len(seen)}", ent, before=(ma, mb))
    seen = set()
    for k in range(bisect.bisect_left(ix.starts, cb), len(mentions)):
        ma, mb, ent = mentions[k]
        if ma >= s1 or len(seen) >= AFTER:
            break
        if id(ent) in seen:
            continue
        seen.add(id(ent))
        name, eside, ekind = _identity(ent)
        add(name, eside, ekind, f"a{len(seen)}", ent, after=(ma, mb))
    if prev is not None:
        pk, _pside = ix.kinds.get(prev.actor, ("other", prev.side))
        add(prev.actor, prev.side, pk, "prev")
    back = ix.sents[max(0, n - SENTENCES_BACK)][0] if ix.sents else 0
    people: set[int] = set()
    for k in range(bisect.bisect_left(ix.starts, s0) - 1, -1, -1):
        ma, _mb, ent = mentions[k]
        if ma < back or len(people) >= PEOPLE_BACK:
            break
        if isinstance(ent, Person) and id(ent) not in people:
            people.add(id(ent))
            add(ent.name, ent.side, "person", f"p{len(people)}", ent)
    head = " ".join(ix.article.text[max(s0, ca - 80):ca].lower().split())
    for title, p in ix.titles():
        if title in head:
            add(p.name, p.side, "person", "title", p)
    orgs = ix.orgs()
    for c in list(out.values()):
        org = orgs.get(getattr(c.entity, "organization", None) or "") if c.kind == "person" else None
        if org is not None:
            name, oside, okind = _identity(org)
            add(name, oside, okind, "org_of", org)
    for s in SIDES:
        add(s, s, "side", "side")
    return list(out.values())
