"""People of the story: names anchored by a title or honorific, and every later mention.

Steps (all on the NFC text; spans are mapped back by the caller):

1. name candidates from capitalized runs (``names.py``);
2. a candidate is a person when a title comes before it (``Thứ trưởng Jacob Miller``),
   an apposition after it (``Ray Turner, Bộ trưởng Hải quân Mỹ``), an honorific before it
   (``ông``, ``bà``, ``Ngài``), it is a well-known head of state (``leaders.yaml``), or it is
   a Vietnamese full name of three or more syllables; never inside a byline or photo credit,
   nor after words that make it a thing (``đường Lê Lợi``, ``tàu USS Carl Vinson``);
3. names of the same person merge (``Donald J. Trump``, ``Donald Trump``, ``Trump``);
4. later mentions resolve: the full name, a foreign surname alone (``Holloway``), a
   Vietnamese given name after ``ông``/``bà`` or a title (``ông Thành``, ``Thứ trưởng Hải``),
   and a capitalized title alone (``Thủ tướng``, ``Thứ trưởng Bộ Ngoại giao Hoa Kỳ``) for
   the person holding that office in this article; a one-word name that is the first or last word of
   one person named in full is that person, a word before a spaced dash the start of a hyphenated
   given name (``Jean - Claude Juncker``: ``people_forms.py``);
5. each person gets the longest title written next to a name mention, the organization in
   that title, and a side (title country, organization, leader table, a Vietnamese name;
   else none: a foreign name alone says nothing of the side).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import budget
from ..learn import name_decisions
from .fastre import bounded
from .gazetteer import Gazetteer, is_cap
from .name_context import DASHED as _DASHED
from .name_context import HONORIFIC as _HONORIFIC
from .name_context import body_word as _body_word
from .name_context import lone_words, named_by_age, named_in_full, named_kin, names_thing
from .name_context import names_body as _names_body
from .name_context import trim_run_on as _trim_run_on
from .name_fit import _one_letter_apart, _surname, _words_of, names_fit
from .names import Candidate, candidates
from .people_forms import (
    cut_byline_tail,
    fold_short_forms,
    join_spaced_hyphens,
    read_on_syllables,
    widen_over_initials,
)
from .people_index import PeopleIndex, TitleHolders, held_then
from .people_sides import _sides_in
from .spans import Taken
from .title_nouns import NounHeads, noun_title
from .title_sides import side_of_title
from .titles import TitleMatch, heads_in, of_org_after, seated, title_after, title_before, walk
from .weak_titles import add_weak_titles

_CREDIT = re.compile(r"(?:\(|^|\|)\s*(?:Ảnh|ẢNH|Nguồn|Bài|Video|Clip|Đồ họa|Đồ hoạ)(?:\s+và\s+ảnh)?\s*:[^()\n]{0,40}$"
                     r"|/\s*$", re.MULTILINE)
_CREDIT_LEAD = re.compile(r"^(?:Theo|Bài|Bài và ảnh|Ảnh)\s*:?\s*")
_PAREN_TAIL = re.compile(r"\s*\([^)]*\)$")
_NOT_ONE = bounded(r"(?<!\w)(?:các|những|nhiều|hai|ba|cựu|nguyên|vị|mọi)\s+$", re.IGNORECASE)
_BYLINE_SLACK = 200  # a byline line is its name and a short credit; a credit ends within this of the name
_NEXT_CAP = re.compile(r"\s+([A-ZĐÀ-Ỹ][\w\-']*)")


@dataclass
class Found:
    """One person as found in the NFC text, before spans are mapped to the article text."""

    names: list[str]
    kind: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    leader: tuple[str, str] | None = None
    text_side: str | None = None  # the one foreign country of the sentences that mention them
    _key: tuple[int, str] | None = field(default=None, repr=False, compare=False)  # surname_key's cache
    title_spans: list[tuple[int, int]] = field(default_factory=list)  # where the titles are written
    bare: set[tuple[int, int]] = field(default_factory=set)  # mentions that are a title standing alone
    described: list[str] = field(default_factory=list)  # occupations written beside the name (for the side)

    @property
    def name(self) -> str:
        """The fullest written form of the name."""
        return max(self.names, key=lambda n: (len(n.split()), len(n)))

    @property
    def title(self) -> str | None:
        """The longest title written beside the name."""
        return max(self.titles, key=len) if self.titles else None

    def surname_key(self) -> str:
        """The word later mentions use alone: a foreign surname, a Vietnamese given name."""
        # names only grow: the key is computed again when one is added (kept for long texts)
        if self._key is None or self._key[0] != len(self.names):
            self._key = (len(self.names), _surname(_words_of(self.name)))
        return self._key[1]


@lru_cache(maxsize=4)
def _newlines(ctext: str) -> list[int]:
    """Where the text's line breaks are (once per text: lines are found by bisection, whatever their length)."""
    return [m.start() for m in re.finditer("\n", ctext)]


def _line_bounds(ctext: str, pos: int) -> tuple[int, int]:
    breaks = _newlines(ctext)
    i = bisect.bisect_left(breaks, pos)
    return (breaks[i - 1] + 1 if i else 0), (breaks[i] if i < len(breaks) else len(ctext))


def _is_byline(ctext: str, c: Candidate) -> bool:
    """An author's name alone on its line, or a name in a photo credit (read near the name only)."""
    a, b = _line_bounds(ctext, c.start)
    if b - a <= len(c.name) + _BYLINE_SLACK:
        line = ctext[a:b].strip(" \t|*_-–.,()[]:")
        if _CREDIT_LEAD.sub("", _PAREN_TAIL.sub("", line)) == c.name:
            return True
    return bool(_CREDIT.search(ctext, max(a, c.start - _BYLINE_SLACK), c.start))


def _blocked(ctext: str, c: Candidate, g: Gazetteer) -> bool:
    """A run that names a street, a school, a ship... (``đường Lê Lợi``, ``khu kinh tế mở Chu Lai``)."""
    before = ctext[max(0, c.start - 30):c.start]
    return bool(g.name_blockers.search(before)) or names_thing(c, ctext)


class _People:
    """The people of one text, built up mention by mention."""

    def __init__(self, ctext: str, g: Gazetteer) -> None:
        self.ctext = ctext
        self.g = g
        self.found: list[Found] = []
        self.taken: list[tuple[int, int, Found]] = []
        self.spans = Taken()  # the spans of self.taken, for lookups near a point
        self.named: dict[str, Found] = {}  # each name written, the first person found (in order) bearing it
        self.order: dict[int, int] = {}  # id of a person found -> its place in self.found
        self.index = PeopleIndex(self.order)  # the people found by the keys person_for compares
        self.heads = heads_in(ctext, g)
        self.heads_at = {h.start(): h for h in self.heads}
        self.nouns = NounHeads(ctext)  # positions written with a common noun, for names found otherwise

    def person_for(self, c: Candidate, title: str | None = None) -> Found | None:
        """The known person a candidate names, if any.

        Besides the same name: a foreign surname alone, the same first and last names
        (``Donald J. Trump``), an initial for the first name (``D. Trump``), a surname
        misspelt by one letter (``Tina Kaidanov``), or a first name alone that only one
        person of the article bears (``ông Robert``).
        """
        if c.kind == "foreign" and len(c.words) == 1:
            bare = self.bearers_of(c.name)
            if bare:
                # a surname alone: the one person of the article bearing it, else the one whose title it
                # is written with, else the one named last in its paragraph ("ông Clinton" is not both)
                if len(bare) == 1:
                    return bare[0]
                head = (title or "").split()[:2]
                titled = [f for f in bare if head and any(t.lower().split()[:2] == [w.lower() for w in head]
                                                          for t in f.titles)]
                return titled[0] if len(titled) == 1 else self.nearest_in_paragraph(bare, c.start)
        if c.name in self.named:
            return self.named[c.name]
        if c.kind == "vn" and len(c.words) == 2:
            # "Kim Ngân" after "Nguyễn Thị Kim Ngân": the given names of one person
            ends = self.ending_with(c.name)
            if len(ends) == 1:
                return ends[0]
        if c.kind == "foreign":
            last = _surname(c.words)
            first = c.words[0]
            for f in self.index.near_surname(last):  # the only ones the test below can accept
                if f.kind != "foreign":
                    continue
                same = f.surname_key() == last
                if not same and len(c.words) > 1 and _one_letter_apart(f.surname_key(), last):
                    same = any(n.split()[0] == first for n in f.names)
                if not same:
                    continue
                full = [n for n in f.names if len(_words_of(n)) > 1] + ([f.leader[0]] if f.leader else [])
                # a full name joins a person with a fitting full name, or one known by the surname
                # alone; another given name is another person (Bill, Hillary, Chelsea Clinton)
                if not full or any(names_fit(n, c.name) for n in full):
                    return f
            if len(c.words) == 1:
                bearers = [f for f in self.index.under("first", first) if f.kind == "foreign"
                           and len(f.name.split()) > 1 and f.name.split()[0] == first]
                if len(bearers) == 1:
                    return bearers[0]
            if c.name in self.g.leaders:
                canon = self.g.leaders[c.name][0]
                for f in self.index.under("leader", canon):
                    if f.leader and f.leader[0] == canon and all(
                            names_fit(n, canon) for n in f.names if len(_words_of(n)) > 1):
                        return f
        return None

    def bearers_of(self, surname: str) -> list[Found]:
        """The foreign people of the article whose surname this is."""
        return [f for f in self.index.under("surname", surname) if f.kind == "foreign" and f.surname_key() == surname]

    def ending_with(self, name: str) -> list[Found]:
        """The Vietnamese people whose fullest name ends with ``name`` after a space, in finding order."""
        words = name.split()
        pool = self.index.under("last", words[-1]) if words and name == name.strip() else self.found
        return [f for f in pool if f.kind == "vn" and f.name.endswith(" " + name)]

    def ambiguous(self, c: Candidate) -> bool:
        """A foreign surname alone that several people of the article bear, none named just before it."""
        if c.kind != "foreign" or len(c.words) != 1:
            return False
        bare = self.bearers_of(_surname(c.words))
        return len(bare) > 1 and self.nearest_in_paragraph(bare, c.start) is None

    def nearest_in_paragraph(self, people: list[Found], pos: int) -> Found | None:
        """Of several people, the one named last before ``pos`` in its paragraph, if any."""
        line_start, _ = _line_bounds(self.ctext, pos)
        best: tuple[int, Found] | None = None
        for f in people:
            last = self.index.last_before(f, pos)
            if last is not None and last >= line_start and (best is None or last > best[0]):
                best = (last, f)
        return best[1] if best else None

    def add(self, c: Candidate, span: tuple[int, int], title: str | None, org: str | None,
            title_span: tuple[int, int] | None = None) -> Found:
        """Record a name mention (a new person or one already known)."""
        f = self.person_for(c, title)
        if f is None:
            f = Found(names=[c.name], kind=c.kind)
            self.order[id(f)] = len(self.found)
            self.found.append(f)
            self.index_name(c.name, f)
        elif c.name not in f.names:
            f.names.append(c.name)
            self.index_name(c.name, f)
        if c.name in self.g.leaders:
            f.leader = self.g.leaders[c.name]
        self.index.update(f)
        f.mentions.append(span)
        if title:
            f.titles.append(title)
            if title_span:
                f.title_spans.append(title_span)
        if org:
            f.orgs.append(org)
        self.take(span[0], span[1], f)
        return f

    def index_name(self, name: str, f: Found) -> None:
        """Index a name of ``f`` (names are added here only), keeping the first person found with it."""
        known = self.named.get(name)
        if known is None or self.order[id(f)] < self.order[id(known)]:
            self.named[name] = f

    def take(self, a: int, b: int, f: Found) -> None:
        """Record ``[a, b)`` as a mention of ``f``, taken from other readings."""
        self.taken.append((a, b, f))
        self.spans.add(a, b)

    def appositive_before(self, pos: int) -> bool:
        """Whether a mention taken ends right before ``pos`` across a comma, dash, bracket or ``là``."""
        for b in self.spans.ends_before(pos):
            if _APPOSITION.fullmatch(self.ctext, b, pos):
                return True
            gap = self.ctext[b:pos]
            if len(gap) - sum(map(str.isspace, gap)) > 2:  # its characters other than blanks
                return False  # more than "là" between: no mention further back is appositive either
        return False


_ACRONYM_END = re.compile(r"\s*\([A-ZĐ]{2,8}\)$")


def _title_text(ctext: str, t: TitleMatch) -> str:
    """The title's words, without edge punctuation or its own abbreviation (``thượng nghị sĩ (TNS)``)."""
    return _ACRONYM_END.sub("", ctext[t.start:t.end].strip(" ,-–"))


def _company_words(ctext: str, g: Gazetteer) -> set[str]:
    """Capitalized words that follow a company head (``Tập đoàn Northwind Energy``): not people."""
    out: set[str] = set()
    for m in g.org_head_pattern.finditer(ctext):
        if g.org_heads[m.group()] != "company":
            continue
        words = re.match(r"(?:\s+[a-zà-ỹđ]+){0,3}((?:\s+[A-ZĐÀ-Ỹ][\w&\-]*){1,3})", ctext[m.end():m.end() + 80])
        if words:
            ws = words.group(1).split()
            out.add(ws[0])
            out.add(" ".join(ws))
    return out


_PAREN_ORG = re.compile(r"\s*\(((?:[A-ZĐÀ-Ỹ][^\s()]*)(?:\s+[^\s()]+){0,7})\)")
_APPOSITION = re.compile(r"\s*(?:,|-|–|\(|là)\s*")
_AND = re.compile(r"(?:\s*\([^()\n]{0,60}\))?\s*(?:và|,)\s*")


def find_people(ctext: str, g: Gazetteer) -> list[Found]:
    """Every person of the text with their mentions (spans into ``ctext``)."""
    P = _People(ctext, g)
    companies = _company_words(ctext, g)
    cands = [c for c in candidates(ctext, g) if not _blocked(ctext, c, g)
             and not (c.kind == "foreign" and (c.name in companies or c.name in g.known_orgs))]
    cands = cut_byline_tail(ctext, _trim_run_on(cands, g))
    later: list[Candidate] = []
    start_list = sorted({c.start for c in cands})
    by_start = {c.start: c for c in cands}
    surnames = frozenset(_surname(c.words) for c in cands if c.kind == "foreign" and len(c.words) > 1)
    lone = lone_words(ctext, g, cands)
    prev_end = 0
    last: tuple[int, str | None] | None = None  # end and title of the last person found
    for c in cands:
        budget.check("people")
        if _is_byline(ctext, c):
            continue
        line_start, _ = _line_bounds(ctext, c.start)
        hon = _HONORIFIC.search(ctext, max(line_start, c.start - 8), c.start)
        tb = title_before(ctext, P.heads, c.start, max(line_start, prev_end), g)
        if tb is not None and _names_body(ctext, tb.start, c.start, g, word=_body_word(c, ctext, g, surnames)):
            tb = None  # "chuyên gia của Forbes", "Bộ trưởng ... tại Bonn": the run is a body or place
        k = bisect.bisect_right(start_list, c.end)
        next_start = start_list[k] if k < len(start_list) else None
        ta = title_after(ctext, P.heads_at, c.end, g, next_start)
        if ta is not None and ta.reached and (_DASHED.match(ctext, c.end) or ta.head in g.company_heads) \
                and _body_word(by_start[start_list[k]], ctext, g, surnames):
            # "ông Nguyễn Quốc Khánh – Giám đốc Điều hành Vinamilk": a word alone ends the title as its body
            ta = title_after(ctext, P.heads_at, c.end, g)
        elif ta is not None and ta.reached:
            # the apposition ran into the next name's own title: cut it there
            tb_next = title_before(ctext, P.heads, start_list[k], ta.start, g)
            ok = tb_next is not None and tb_next.start > ta.start
            ta = title_after(ctext, P.heads_at, c.end, g, tb_next.start) if ok and tb_next else None
        leader = c.name in g.leaders
        joined = last is not None and last[0] >= line_start and bool(_AND.fullmatch(ctext, last[0], c.start))
        anchored = bool(hon or tb or ta or leader or joined)
        if anchored and not (hon or tb or leader or joined) and _body_word(c, ctext, g, surnames):
            anchored = False  # "quản trị Internet, Thứ trưởng Hồng": a word alone before a title is no one
        seed = (anchored or named_in_full(c, lone, ctext) or named_kin(c, ctext)) if c.kind == "foreign" else (anchored or len(c.words) >= 3)
        seed = seed or named_by_age(c, ctext, g)
        if c.kind == "vn" and len(c.words) == 2 and not anchored and c.name in g.place_names:
            seed = False
        if not seed or P.ambiguous(c):
            later.append(c)
            continue
        rank = tb is not None and tb.head in g.ranks and tb.end - tb.start <= len(tb.head) + 1
        if (tb is None or rank) and ta is None:  # "ông X, Phó chánh thanh tra Bộ Y tế": a position with a noun
            nb, ta = noun_title(ctext, P.nouns, g, (c.start, c.end), max(line_start, prev_end), next_start)
            tb = tb or nb  # after a rank too ("Đại uý X, Phó trưởng Công an xã")
        title, title_span, org = None, None, None
        if tb:
            title = _title_text(ctext, tb)
            title_span = (tb.start, tb.end)
            of = of_org_after(ctext, c.end)
            if of and tb.head in g.company_heads:
                org = ctext[of[0]:of[1]]
                title = f"{title} {org}"
        desc = ta if ta and rank and ta.head in g.descriptions else None
        if desc:  # "Tiến sĩ X, chuyên gia tại Viện Y": an occupation is no position, the degree is the title
            ta = None
        # a position over a rank; an apposition over a title before ", ông" ("ông A - T1, T2, ông B - T3": T2 is A's)
        if ta and (title is None or rank or (tb is not None and tb.honored) or len(_title_text(ctext, ta)) > len(title)):
            title = _title_text(ctext, ta)
            title_span = (ta.start, ta.end)
        if joined and not (tb or ta) and last is not None:
            title = last[1]
        paren = _PAREN_ORG.match(ctext, c.end)
        if paren and org is None and not any(ch.isdigit() for ch in paren.group(1)):
            org = paren.group(1)
        start = hon.start(1) if hon else c.start
        f = P.add(c, (start, c.end), title, org, title_span)
        if desc:  # still written there: it tells the side (``tại Học viện Quốc phòng Australia``)
            f.described.append(_title_text(ctext, desc))
            f.title_spans.append((desc.start, desc.end))
            ta = desc
        prev_end = max(c.end, ta.end if ta else 0)
        last = (c.end, title)
    # later mentions: candidates that name someone already found
    for c in later:
        f = P.person_for(c)
        if f is None:
            continue
        line_start, _ = _line_bounds(ctext, c.start)
        hon = _HONORIFIC.search(ctext, max(line_start, c.start - 8), c.start)
        start = hon.start(1) if hon else c.start
        if not P.spans.holds_point(c.start):
            P.add(c, (start, c.end), None, None)
    name_decisions.apply(P)  # the learned tagger keeps, adds and titles names where it measured better
    _given_names(P)
    widen_over_initials(P)  # "Jonathan D. London", "H.R. McMaster": the whole name
    read_on_syllables(P)  # "Han Min - koo", "Cát - chen - cô": the whole name
    join_spaced_hyphens(P)  # "Ông Jean - Claude Juncker": one person
    fold_short_forms(P)  # "ông Ruan" after "Ruan Zongze": the person named in full
    story = _sides_in(ctext, [(0, len(ctext))], g, whole=True)
    ranked = story.most_common(2)
    story_side = ranked[0][0] if ranked and ranked[0][1] >= 2 and (
        len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) else None
    for f in P.found:
        if f.kind == "foreign":
            own = _sides_in(ctext, f.mentions, g)
            f.text_side = (next(iter(own)) if len(own) == 1 else None) if own else story_side
    add_weak_titles(P.found, ctext)  # "lãnh đạo Triều Tiên Kim Jong-un": only where no other title is written
    _bare_titles(P)
    return [f for f in P.found if f.mentions]


def _given_names(P: _People) -> None:
    """``ông Thành``, ``Thứ trưởng Hải``, ``Đại sứ Holloway``: one word after an honorific or title."""
    ctext = P.ctext
    by_key: dict[str, list[Found]] = {}
    for f in P.found:
        by_key.setdefault(f.surname_key(), []).append(f)
    anchors: list[tuple[int, int, bool]] = []  # (anchor start, anchor end, honorific)
    for m in re.finditer(r"(?<!\w)(?:ông|bà|ngài|Ông|Bà|Ngài)(?!\w)", ctext):
        anchors.append((m.start(), m.end(), True))
    for h in P.heads:
        anchors.append((h.start(), h.end(), False))
    for a, b, is_hon in anchors:
        m = _NEXT_CAP.match(ctext, b)
        if not m or m.group(1) not in by_key:
            continue
        ws, we = m.span(1)
        if we < len(ctext) and ctext[we:we + 1].isalpha():
            continue
        nxt = _NEXT_CAP.match(ctext, we)
        if nxt and ctext[we:nxt.start(1)] == " " and is_cap(nxt.group(1)):
            continue  # a longer name follows: not a given name alone
        if P.spans.holds_point(ws):
            continue
        people = by_key[m.group(1)]
        f = _nearest(P, people, ws)
        P.take(a if is_hon else ws, we, f)
        f.mentions.append((a if is_hon else ws, we))


def _nearest(P: _People, people: list[Found], pos: int) -> Found:
    """Of several people, the one mentioned last before ``pos`` (else the first)."""
    best, best_pos = people[0], -1
    for f in people:
        last = P.index.last_before(f, pos)
        if last is not None and last > best_pos:
            best, best_pos = f, last
    return best


def _words(s: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", s)}


def _bare_titles(P: _People) -> None:
    """A capitalized title standing alone refers to the person holding it in this article."""
    ctext, g = P.ctext, P.g
    holders = TitleHolders(P.found, g)
    for h in P.heads:
        head = h.group()
        if not head[:1].isupper() or head.lower() not in g.bare_heads:
            continue
        if P.spans.holds_point(h.start()):
            continue
        line_start, line_end = _line_bounds(ctext, h.start())
        if _NOT_ONE.search(ctext, max(line_start, h.start() - 12), h.start()):
            continue
        end, _ = walk(ctext, h.end(), line_end, g, seats=seated(ctext, h.start()), bodies=True)
        # a title directly before or after a name is that name's title, not a mention alone
        if P.spans.starts_within(h.end(), end + 5):
            continue
        if P.appositive_before(h.start()):
            continue
        end = _chain_cut(ctext, h.start(), end, g)
        phrase = ctext[h.start():end]
        f = _holder(P, holders, head.lower(), phrase, h.start())
        if f is not None:
            f.mentions.append((h.start(), end))
            f.bare.add((h.start(), end))
            P.take(h.start(), end, f)
            title = f.title or ""
            if len(phrase) > len(title) and _words(title) <= _words(phrase):
                f.titles.append(phrase)  # "Thứ trưởng" Fernandez is "Thứ trưởng Bộ Ngoại giao Hoa Kỳ"
                holders.retitled(f)


def _chain_cut(ctext: str, a: int, end: int, g: Gazetteer) -> int:
    """Where a title written alone ends when a comma chains another title head to it: at the
    comma (``Tiếp Phó Chủ tịch Tập đoàn X, Thủ tướng hoan nghênh``: the visitor, then the host as
    the next clause's subject). With no name after it, a chain of titles is two people as often as
    one, and the head after the comma is read on its own (the same person's second office, if so)."""
    for m in re.finditer(r",\s*", ctext[a:end]):
        rest = ctext[a + m.end():end].lower()
        if any(rest == h or rest.startswith(h + " ") for h in g.bare_heads):
            return a + m.start()
    return end


def _holder(P: _People, holders: TitleHolders, head: str, phrase: str, pos: int) -> Found | None:
    """The person whose title matches a title written alone."""
    words = _words(phrase)
    side = side_of_title(phrase, P.g)
    fits = []
    for f in holders.of(head):  # the people whose title starts with the head, in finding order
        t = f.title
        if not t or not t.lower().startswith(head):
            continue
        if side and holders.side(f) not in (side, None):
            continue
        fits.append((len(words & holders.words(t)) == len(words), f))
    fits = [x for x in fits if not held_then(x[1], P.ctext)] or fits  # the holder then yields to one now
    if not fits:
        return None
    full = [f for ok, f in fits if ok]
    return _nearest(P, full or [f for _, f in fits], pos)
