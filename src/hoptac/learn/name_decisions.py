"""Where the learned tagger's decisions enter the people stage (called by ``extract/people.py``).

``use["people"]``: ``rules`` (the rule decision alone), ``filter`` (a rule name mention stays
only if the model tags a name over it), ``add`` (names the model finds and the rules missed
become mentions, of a known person or a new one), ``both`` (filter and add).
``use["titles"]``: ``rules``, ``model`` (the model's title span written next to a name replaces
the rule's), ``both`` (the model's title where it finds one, else the rule's).
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING

from ..extract.gazetteer import UPPER, in_dictionary, is_vietnamese_syllable, load_yaml
from ..extract.name_context import HONORIFIC, named_thing_elsewhere
from ..extract.names import Candidate
from ..extract.spans import Taken
from .name_features import address_words
from .name_tagger import shipped, tag_text_scored

if TYPE_CHECKING:
    from ..extract.gazetteer import Gazetteer
    from ..extract.people import Found, _People

#: Set by the evaluation to compare combinations (None: the model's own ``use``).
OVERRIDE: dict[str, str] | None = None

_HON = re.compile(r"(?:ông|bà|ngài|Ông|Bà|Ngài|Mr\.?|Mrs\.?|Ms\.?)\s+")
_BEFORE = re.compile(r"[\s,\-–(:]*(?:(?:ông|bà|ngài|Ông|Bà|Ngài)\s+)?")
_AFTER = re.compile(r"\s*(?:[,\-–(]|là)?\s*")
_TRIM = " ,-–()"


def name_part(ctext: str, span: tuple[int, int]) -> tuple[int, int]:
    """A mention without its honorific (``ông Trump`` -> ``Trump``)."""
    m = _HON.match(ctext, span[0], span[1])
    return (m.end(), span[1]) if m and m.end() < span[1] else span


def trim(ctext: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span without edge punctuation and blanks."""
    a, b = span
    while a < b and ctext[a] in _TRIM + "\n\t":
        a += 1
    while b > a and ctext[b - 1] in _TRIM + "\n\t":
        b -= 1
    return a, b


def use() -> dict[str, str] | None:
    """The combination in force (None: rules only, no model)."""
    crf = shipped()
    if crf is None:
        return None
    u = {"people": "rules", "titles": "rules", **crf.use, **(OVERRIDE or {})}
    return None if u["people"] == "rules" and u["titles"] == "rules" else u


def apply(P: _People) -> None:
    """Edit the rule's people with the model's tags, as ``use()`` says."""
    u = use()
    crf = shipped()
    if u is None or crf is None:
        return
    ctext, g = P.ctext, P.g
    rule_people = [name_part(ctext, m) for f in P.found for m in f.mentions if m not in f.bare]
    rule_titles = [trim(ctext, s) for f in P.found for s in f.title_spans]
    scored, tit = tag_text_scored(crf, ctext, g, rule_people, rule_titles)
    per = [s for s, p in scored if p >= crf.min_person]
    if u["people"] in ("filter", "both"):
        _filter(P, per)
    if u["people"] in ("add", "both"):
        _add(P, [s for s, _ in scored], set(per))
    if u["titles"] != "rules":
        _titles(P, tit, how=u["titles"])


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


class _Overlap:
    """``_overlaps(span, spans)`` for one fixed list of spans, asked many times: the spans sorted once,
    then a span overlaps one of them iff the furthest end among those starting before its end lies
    past its start (a bisection, not a scan: a long text asks of thousands of spans)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))
        self.added = Taken()  # spans appended later (thousands in a long text): looked up near the span

    def append(self, span: tuple[int, int]) -> None:
        self.added.add(*span)

    def __call__(self, span: tuple[int, int]) -> bool:
        i = bisect.bisect_left(self.starts, span[1])
        return (i > 0 and self.reach[i - 1] > span[0]) or self.added.overlaps(*span)


def _filter(P: _People, per: list[tuple[int, int]]) -> None:
    ctext = P.ctext
    named = _Overlap(per)
    for f in P.found:
        keep = [m for m in f.mentions if m in f.bare or named(name_part(ctext, m))]
        if not any(m not in f.bare for m in keep):
            keep = []
        f.mentions = keep
    P.found = [f for f in P.found if f.mentions]
    P.index.rebuild(P.found)
    kept = [(a, b, f) for a, b, f in P.taken if (a, b) in f.mentions]
    P.taken, P.spans = [], Taken()
    for a, b, f in kept:
        P.take(a, b, f)


def _candidate(ctext: str, span: tuple[int, int]) -> Candidate:
    name = ctext[span[0]:span[1]]
    words = name.split()
    kind = "vn" if all(is_vietnamese_syllable(w) for w in words) else "foreign"
    return Candidate(span[0], span[1], name, kind, words)


def _thing(P: _People, c: Candidate, companies: set[str]) -> bool:
    """A name the rules know as a place, a body, a company, a byline or a thing's name (``đường Lê Lợi``),
    or no name at all (``Jr`` alone, a function word, a letter)."""
    from ..extract.people import _blocked, _is_byline

    g = P.g
    return (c.name in g.place_names or c.name in g.known_orgs or c.name in companies
            or any(w in g.company_suffixes or w in g.media_suffixes for w in c.words)
            or c.words[0] in g.work_articles
            or all(w in g.name_suffixes or w in g.function_words or len(w) < 2 for w in c.words)
            or _blocked(P.ctext, c, g) or _is_byline(P.ctext, c)
            or _fused_byline(P.ctext, c) or _classifier_first(c, g) or named_thing_elsewhere(c, P.ctext))


_NEXT_WORD = re.compile(r"[^\S\n](\w+)")


def _word_fragment(ctext: str, c: Candidate) -> bool:
    """A capitalized syllable that is the first or last syllable of a word written on with the next or
    previous syllable (``Thái tử``, ``Lịch sử``, ``Thanh tra``, ``Hải dương 8``, ``Á Châu``: one
    word of underthesea's list; a word of address before is no such word, ``anh Hùng``), or a name
    glued to a letter or digit before it (``123Phim``): part of a word, not a name."""
    if c.start and ctext[c.start - 1].isalnum():
        return True
    nxt = _NEXT_WORD.match(ctext, c.end)
    if nxt and nxt.group(1).islower() and in_dictionary(f"{c.words[-1].lower()} {nxt.group(1)}"):
        return True
    prev = _WORD_BEFORE.search(ctext, max(0, c.start - 20), c.start)
    if prev is None:
        return False
    low = prev.group(1).lower()
    return low not in address_words() and in_dictionary(f"{low} {c.words[0].lower()}")


_LAST_PAIR = re.compile(r"(?<!\S)(\w+)[^\S\n]+(\w+)[^\S\n]+$")


def _described_thing(P: _People, c: Candidate, most: int = 2) -> bool:
    """A name written after a thing's noun (``name_blockers``, ``thing_heads``) and up to ``most``
    lower-case words of two syllables saying what kind of thing (``hãng xếp hạng tín nhiệm Fitch
    Ratings``, ``khu du lịch Villa Louise``, ``chương trình khiêu vũ Yok Boyle Dans``; words of
    underthesea's list): the thing's name. The rules read a noun right before a name only; the tagger,
    sure of a foreign run, needs the longer reach. A one-syllable word between (``công ty với X``,
    ``dự án này do X``) or a title shortly before the noun (``Giám đốc điều hành khu nghỉ dưỡng X``)
    leaves the name a person's."""
    from ..extract.name_context import names_thing

    ctext, g = P.ctext, P.g
    lo = max(0, c.start - 80)
    end = c.start
    for _ in range(most):
        m = _LAST_PAIR.search(ctext, lo, end)
        if m is None or not (m.group(1) + m.group(2)).islower() or not in_dictionary(f"{m.group(1)} {m.group(2)}"):
            return False
        end = m.start(1)
        if g.name_blockers.search(ctext, lo, end) or names_thing(Candidate(end, c.end, c.name, c.kind, c.words), ctext):
            return not g.title_heads.search(ctext, max(lo, end - 30), end)
    return False


_CAP_WORD = rf"[{UPPER}][\w.'’]*"
#: the writer's name closing a paragraph after its last sentence (``... hơn. Phan Phương (TTXVN)``,
#: ``Bình Giang (tổng hợp)``, ``Lê Kiên -``): one to four capitalized words, then nothing but a dash
#: or a credit in brackets up to the end of the line
_BYLINE_TAIL = re.compile(rf"(?:^|(?<=[.!?:”\"]))[^\S\n]*({_CAP_WORD}(?:[^\S\n]+{_CAP_WORD}){{0,3}})"
                          r"[^\S\n]*(?:[-–][^\S\n]*)?(?:\(([^()\n]{1,30})\))?[^\S\n]*$", re.MULTILINE)


@cache
def _credit_words() -> tuple[str, ...]:
    """The words opening the credit in brackets after a writer's name (``address.yaml`` ``credits``)."""
    return tuple(str(w).lower() for w in load_yaml("address.yaml").get("credits") or [])


def _fused_byline(ctext: str, c: Candidate) -> bool:
    """A name the tagger found in the writer's byline run on after a paragraph's last sentence on
    the same line, or in part of a byline line (``Bình [Giang] (tổng hợp)``): not a person of the
    story. A bracket must hold a credit (``TTXVN``, ``theo AFP``, ``tổng hợp``), not a caption's
    place (``(trái)``)."""
    from ..extract.people import _line_bounds

    _, line_end = _line_bounds(ctext, c.start)
    m = _BYLINE_TAIL.search(ctext, max(0, c.start - 40), line_end)
    if m is None or not m.start(1) <= c.start < c.end <= m.end(1) or m.end() != line_end:
        return False
    if m.group(1).split()[0].lower() in address_words():
        return False  # "Ông Trump (phải)": a caption
    credit = m.group(2)
    return credit is None or credit.isupper() or credit.lower().startswith(_credit_words())


def _classifier_first(c: Candidate, g: Gazetteer) -> bool:
    """A foreign name after a word that makes it a thing's (``name_blockers``: ``Tờ Forbes``, ``Trường
    Pascal``, ``Tỉnh Idlib``) inside the span, capitalized as its sentence's first word."""
    first, rest = c.words[0], c.words[1:]
    return bool(rest) and first not in g.surnames and not any(is_vietnamese_syllable(w) for w in rest) \
        and g.name_blockers.search(first.lower() + " ") is not None


def _add(P: _People, per: list[tuple[int, int]], confident: set[tuple[int, int]]) -> None:
    """Names the model finds and the rules missed become mentions. A span below the model's
    confidence (not in ``confident``) is taken only as the later mention of a person the article
    already names: the given name of one Vietnamese full name, or a name ``person_for`` resolves.
    A span that is part of a longer word (``_word_fragment``) may name a known person
    (``chém tiếp Thu`` after ``Hoàng Đình Thu``) but is no new one."""
    from ..extract.people import _company_words

    ctext = P.ctext
    taken = _Overlap([(a, b) for a, b, _ in P.taken])
    companies = _company_words(ctext, P.g)
    for span in per:
        sure = span in confident
        if taken(span):
            continue
        c = _candidate(ctext, span)
        if not c.words or not c.name[:1].isupper() or _thing(P, c, companies):
            continue
        hon = HONORIFIC.search(ctext, max(0, span[0] - 8), span[0])
        if hon and "\n" not in ctext[hon.start(1):span[0]]:
            span = (hon.start(1), span[1])  # "ông Khải", as the rules write a mention
        if c.kind == "vn" and len(c.words) <= 2:
            ends = P.ending_with(c.name) or (_leader_surname(P, c.name) if len(c.words) == 1 else [])
            if len(ends) == 1:  # "Minh", "Mỹ Linh" after "Đỗ Mỹ Linh": the given name of one person
                ends[0].mentions.append(span)
                P.take(span[0], span[1], ends[0])
                taken.append(span)
                continue
        if (not sure or (c.kind == "foreign" and len(c.words) == 1 and not _addressed(P, c.start))) \
                and P.person_for(c) is None:
            continue  # a foreign word alone (a brand, a site) or an unsure name that is no one known
        if (_word_fragment(ctext, c) or _described_thing(P, c)) and P.person_for(c) is None:
            continue  # "Thanh tra", "khu du lịch Villa Louise": a word's part or a thing's name
        title, title_span = _title_of(P, span, c)
        P.add(c, span, title, None, title_span)
        taken.append(span)


def _leader_surname(P: _People, word: str) -> list[Found]:
    """The one head of state the article names whose name opens with ``word`` written surname first
    without a Vietnamese surname (``Tập`` of ``Tập Cận Bình``)."""
    fits = [f for f in P.found if f.name.startswith(word + " ") and f.name in P.g.leaders
            and word not in P.g.surnames]
    return fits if len(fits) == 1 else []


@cache
def _things_too() -> frozenset[str]:
    """Words of address that name animals, groups and things too (``mang tên X``, ``con X``)."""
    return frozenset(load_yaml("address.yaml").get("things_too") or [])


_WORD_BEFORE = re.compile(r"(\w+)[^\S\n]+$")


def _addressed(P: _People, start: int) -> bool:
    """Whether a word of address or a title head stands right before ``start`` (``anh Park``,
    ``HLV Park``, ``Đại sứ Knapper``): a foreign word alone the model is sure of is then a person."""
    from .name_features import address_before

    m = _WORD_BEFORE.search(P.ctext, max(0, start - 20), start)
    if m is None:
        return False
    before = P.ctext[max(0, start - 24):m.end(1)].lower().split()  # "Bà Hoa" opening a line too
    k = address_before(before, len(before))
    if k and " ".join(before[-k:]) not in _things_too():
        return True
    return any(h.end() == m.end(1) for h in P.g.title_heads.finditer(P.ctext, max(0, start - 40), m.end(1)))


def _title_of(P: _People, span: tuple[int, int], c: Candidate) -> tuple[str | None, tuple[int, int] | None]:
    """The title written right before or after a name the model added, read as the rules read one
    beside their own names (``Phó Thủ tướng Trương Hoà Bình``, where the rules took ``Hoà Bình`` for
    the province and so found no name)."""
    from ..extract.people import _line_bounds, _title_text
    from ..extract.title_nouns import noun_title
    from ..extract.titles import title_after, title_before

    ctext, g = P.ctext, P.g
    line_start, _ = _line_bounds(ctext, span[0])
    prev_end = next(P.spans.ends_before(span[0]), line_start)  # the last end of a name taken before it
    tb = title_before(ctext, P.heads, span[0], max(line_start, prev_end), g)
    nxt = P.spans.first_start_from(c.end)
    if tb is None:
        tb = title_after(ctext, P.heads_at, c.end, g, nxt)
        if tb is not None and tb.reached:
            return None, None
    if tb is None:  # "thành viên Uỷ ban Ngân sách Thượng viện Sheldon Whitehouse": a position written with a noun
        before, after = noun_title(ctext, P.nouns, g, span, max(line_start, prev_end), nxt)
        tb = before or after
    if tb is None:
        return None, None
    return _title_text(ctext, tb), (tb.start, tb.end)


def _titles(P: _People, tit: list[tuple[int, int]], *, how: str) -> None:
    """Each person's title from the model's title spans written next to a name mention of theirs.

    A span after a name that runs up to another name is that name's title, not this one's.
    ``model``: the model's span alone. ``both``: where the rule found a title, the model only says
    where it ends (a model span starting where the rule's does); where it found none, the model's
    span next to the name. ``extend``: as ``both``, but the model may only lengthen the rule's title.
    ``fill``: the model's span only where the rule found no title.
    """
    keep = how != "model"
    ctext = P.ctext
    names = sorted(name_part(ctext, m) for f in P.found for m in f.mentions if m not in f.bare)
    starts = [a for a, _ in names]
    for f in P.found:
        best: tuple[int, int] | None = None
        for m in f.mentions:
            if m in f.bare:
                continue
            a, b = m
            for ts in tit:
                before = ts[1] <= a and _BEFORE.fullmatch(ctext, ts[1], a)
                after = ts[0] >= b and _AFTER.fullmatch(ctext, b, ts[0]) and not _named_after(ctext, ts[1], starts)
                if not (before or after):
                    continue
                if keep and f.title_spans and (how == "fill" or not any(
                        ts[0] == r[0] and (how == "both" or ts[1] > r[1]) for r in f.title_spans)):
                    continue
                if best is None or ts[1] - ts[0] > best[1] - best[0]:
                    best = ts
        if best is not None:
            best = _trim_tail(ctext, best)
            f.titles = [ctext[best[0]:best[1]]]
            f.title_spans = [best]
        elif not keep:
            f.titles = []
            f.title_spans = []


_TAIL = re.compile(r"(?:[\s,\-–(]+|\s+(?:là|và|của|tại|ở|với|cho|thì|đã|sẽ))+$")


def _trim_tail(ctext: str, span: tuple[int, int]) -> tuple[int, int]:
    """A title span without a connector it ran on into (``... Quốc hội Mỹ là``)."""
    m = _TAIL.search(ctext, span[0], span[1])
    return (span[0], m.start()) if m and m.start() > span[0] else span


def _named_after(ctext: str, end: int, starts: list[int]) -> bool:
    """Whether a name follows a title directly (the title is that name's)."""
    m = _BEFORE.match(ctext, end)
    return m is not None and m.end() in starts
