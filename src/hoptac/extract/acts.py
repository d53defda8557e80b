"""Speech-act cues and subject words (``resources/cues.yaml``), and the matchers over them.

All matching runs on a lower-cased NFC copy of the text with tone marks kept (``mời`` is not
``mới``); positions are positions in that copy, which the caller maps back to the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import safe_load
from ..settings import RESOURCES
from .fastre import bounded
from .gazetteer import alternation


def _alt(words: list[str]) -> str:
    """The phrases as one alternation, longest first, their words joined by any blanks: a character
    trie (the cue table's 2,000 characters were tried phrase by phrase at every word)."""
    return alternation([" ".join(w.split()) for w in words], space=r"\s+")


_WORD = r"(?!và\s|của\s)[^\s,;:()]+"  # one word inside a noun phrase


def _phrase_re(words: list[str]) -> re.Pattern[str]:
    return bounded(rf"(?<!\w)(?:{_alt(words)})(?!\w)")


def _words(data: dict, key: str) -> list[str]:
    return [str(w) for w in data.get(key) or []]


@dataclass(frozen=True)
class Cues:
    """The compiled tables of ``cues.yaml``."""

    act_of: dict[str, str]
    strength: dict[str, int]
    cue_re: re.Pattern[str]
    not_after_re: re.Pattern[str]
    adverb_re: re.Pattern[str]
    both_re: re.Pattern[str]
    side_res: dict[str, re.Pattern[str]]
    country_res: dict[str, re.Pattern[str]]
    pronoun_re: re.Pattern[str]
    group_pronoun_re: re.Pattern[str]
    people_head_re: re.Pattern[str]  # plural or unnamed people heading a subject (side_people)
    representative_re: re.Pattern[str]  # a side's representative as subject (side_representatives)
    boundaries: tuple[str, ...]
    weak: frozenset[str]
    noun_re: re.Pattern[str]
    not_cue_re: re.Pattern[str]
    conditional_end_re: re.Pattern[str]
    object_end_re: re.Pattern[str]
    non_agent_end_re: re.Pattern[str]
    third_party_re: re.Pattern[str]
    wishes: frozenset[str]
    wish_object_re: re.Pattern[str]
    anaphor_re: re.Pattern[str]
    listed_re: re.Pattern[str]
    deeds: frozenset[str]
    prediction_re: re.Pattern[str]
    assertions: frozenset[str]
    issued_re: re.Pattern[str]
    persuading_re: re.Pattern[str]
    passive_re: re.Pattern[str]
    group_res: dict[str, re.Pattern[str]]
    people_res: dict[str, re.Pattern[str]]
    past_re: re.Pattern[str]
    decision_re: re.Pattern[str]
    subordinate_re: re.Pattern[str]
    wide_act: dict[str, str]
    wide_re: re.Pattern[str]


@cache
def cues() -> Cues:
    """The speech-act vocabulary from ``resources/cues.yaml``."""
    with open(RESOURCES / "cues.yaml", encoding="utf-8") as fh:
        data = safe_load(fh)
    act_of: dict[str, str] = {}
    for act, words in data["acts"].items():
        for w in words:
            act_of.setdefault(" ".join(str(w).lower().split()), act)
    decisions = [" ".join(str(w).lower().split()) for w in data.get("decisions") or []]
    for w in decisions:
        act_of.setdefault(w, "inform")
    adverbs = [str(w) for w in data["adverbs"]]
    wide_act = dict(act_of)
    for act, words in (data.get("candidate_cues") or {}).items():
        for w in words:
            wide_act.setdefault(" ".join(str(w).lower().split()), act)
    return Cues(
        act_of=act_of,
        strength={str(k): int(v) for k, v in data["strength"].items()},
        cue_re=_phrase_re(list(act_of)),
        not_after_re=bounded(rf"(?<!\w)(?:{_alt([str(w) for w in data['not_after']])})\s+$"),
        adverb_re=re.compile(rf"^(?:\s|[,.\-–—•*]|(?<!\w)(?:{_alt(adverbs)})(?!\w))*$"),
        both_re=_phrase_re([str(w) for w in data["both"]]),
        side_res={side: _phrase_re([str(w) for w in words]) for side, words in data["sides"].items()},
        country_res={side: _phrase_re([str(w) for w in words]) for side, words in data["countries"].items()},
        pronoun_re=_phrase_re([str(w) for w in data["pronouns"]]),
        group_pronoun_re=_phrase_re(_words(data, "group_pronouns")),
        people_head_re=re.compile(rf"(?:{_alt(_words(data, 'side_people'))})"),
        representative_re=re.compile(rf"(?:{_alt(_words(data, 'side_representatives'))})\s"),
        boundaries=tuple(str(b) for b in data["boundaries"]),
        weak=frozenset([*(" ".join(str(w).lower().split()) for w in data.get("weak") or []), *decisions]),
        decision_re=_phrase_re(decisions),
        subordinate_re=bounded(rf"(?<!\w)(?:{_alt(_words(data, 'decision_subordinators'))})\s+$"),
        not_cue_re=_phrase_re([str(w) for w in data.get("not_cues") or []]),
        conditional_end_re=bounded(rf"(?<!\w)(?:{_alt(_words(data, 'conditionals'))})\s+(?:\S+\s+){{0,2}}$"),
        object_end_re=bounded(rf"(?<!\w)(?:{_alt(_words(data, 'object_markers'))})\s+$"),
        non_agent_end_re=bounded(rf"(?<!\w)(?:{_alt(_words(data, 'non_agent_heads'))})\s+của\s+$"),
        third_party_re=_phrase_re(_words(data, "third_parties")),
        wishes=frozenset(" ".join(w.lower().split()) for w in _words(data, "wishes")),
        wish_object_re=_phrase_re(_words(data, "wish_objects")),
        anaphor_re=_phrase_re(_words(data, "anaphors")),
        listed_re=bounded(rf"(?<!\w)(?:các|những|nhiều)\s+(?:{_alt(_words(data, 'nounable'))})\s+(?:và|cùng)\s+$"),
        prediction_re=_phrase_re(_words(data, "predictions")),
        assertions=frozenset(" ".join(w.lower().split()) for w in _words(data, "assertions")),
        persuading_re=_phrase_re(_words(data, "persuading")),
        group_res={side: re.compile(rf"\s*(?:{_alt(_words(data, 'side_groups'))})\s+(?:{_alt([str(w) for w in words])})(?!\w)")
                   for side, words in data["sides"].items()},
        # a few words may stand between the people and their side: "lãnh đạo các tập đoàn lớn của Hoa Kỳ"
        # (the group it leads, "các ...", or words closed by "của"; "các nghị sĩ Mỹ thăm Việt Nam" is no group of Việt Nam)
        people_res={side: re.compile(rf"\s*(?:{_alt(_words(data, 'side_people'))})(?:\s+(?:các|những)(?:\s+{_WORD}){{1,3}}?"
                                     rf"(?:\s+của)?|(?:\s+{_WORD}){{1,3}}?\s+của)?\s+(?:{_alt([str(w) for w in words])})(?!\w)")
                    for side, words in data["sides"].items()},
        passive_re=re.compile(rf"(?:\s+(?:{_alt(_words(data, 'referring'))}))?\s+được\s+(?:\S+\s+){{1,12}}?"
                              rf"(?:{_alt(_words(data, 'passive_reporting'))})(?!\w)"),
        issued_re=bounded(rf"(?<!\w)(?:{_alt(_words(data, 'issuing_verbs'))})(?:\s+(?:{_alt(_words(data, 'documents'))})"
                             rf"(?:\s+(?:{_alt(_words(data, 'document_modifiers'))}))?)?\s+$"),
        deeds=frozenset(" ".join(w.lower().split()) for w in _words(data, "deeds")),
        past_re=bounded(rf"(?<!\w)(?:{_alt(_words(data, 'past_markers'))})\s+(?:(?!sẽ\s)\S+\s+){{0,2}}$"),
        noun_re=re.compile(rf"(?:{_alt([str(w) for w in data.get('nounable') or []])})(?:\s+\w+){{0,2}}\s+của(?!\w)"),
        wide_act=wide_act,
        wide_re=_phrase_re(list(wide_act)),
    )


@dataclass
class Cue:
    """A cue in the lower-cased text: span and act (several adjacent cues merged into one)."""

    start: int
    end: int
    act: str
    weak: bool = False


def only_adverbs(s: str) -> bool:
    """True when ``s`` (lower case) holds nothing but adverbs, connectors and spaces."""
    return bool(cues().adverb_re.match(s))


def not_a_verb(low: str, a: int, b: int, start: int, end: int) -> str | None:
    """Why the cue word ``low[a:b]`` is no verb heading a clause here (None when nothing says so):
    ``after`` a noun-making word (``các đề nghị``), ``noun`` before ``của``, ``phrase`` a listed
    phrasing that is no speech act (``sẽ diễn ra``), ``passive`` (``Đề nghị được X đưa ra``),
    ``listed`` beside another noun (``những sáng kiến và đề xuất``). The rules drop such a cue;
    the learned decision reads the reason as a feature."""
    c = cues()
    if c.not_after_re.search(low, max(start, a - 16), a):
        return "after"
    if c.noun_re.match(low, a, min(end, b + 40)):
        return "noun"
    if c.not_cue_re.match(low, a, end) or (low[a:b].endswith("sẽ") and c.not_cue_re.match(low, b - 2, end)):
        return "phrase"  # "dự kiến sẽ tới": a schedule
    if c.passive_re.match(low, b, end):
        return "passive"
    if c.listed_re.search(low, max(start, a - 40), a):
        return "listed"
    return None


def find_cues(low: str, start: int, end: int) -> list[Cue]:
    """The cues of ``low[start:end]``; adjacent cues merge and the strongest act wins."""
    c = cues()
    found: list[Cue] = []
    for m in c.cue_re.finditer(low, start, end):
        if not_a_verb(low, m.start(), m.end(), start, end) is not None:
            continue
        word = " ".join(m.group().split())
        act = c.act_of[word]
        gap = low[found[-1].end:m.start()] if found else ""
        if found and only_adverbs(gap) and not _SEPARATE.search(gap):
            prev = found[-1]
            if c.strength[act] >= c.strength[prev.act]:
                prev.act = act
            prev.end = m.end()
            prev.weak = prev.weak and word in c.weak
            continue
        found.append(Cue(m.start(), m.end(), act, word in c.weak))
    return found


_GLOSS = re.compile(r"\([^()\s]{2,15}\)")


def window_start(low: str, floor: int, cue_start: int, *, soft: bool = True) -> int:
    """Where the subject of a cue may begin: after the last boundary between ``floor`` and it."""
    hard, soft_start = window_starts(low, floor, cue_start, soft=soft)
    return soft_start if soft else hard


def window_starts(low: str, floor: int, cue_start: int, *, soft: bool = True) -> tuple[int, int]:
    """:func:`window_start` without and with ``soft`` (the word boundaries, `` và ``), read in one
    pass over the boundaries (a cue's subject asks for both); without ``soft`` the second is the first."""
    c = cues()
    hard = best = floor
    glosses = [m.span() for m in _GLOSS.finditer(low, floor, cue_start)] if "(" in low[floor:cue_start] else []
    for b in c.boundaries:
        spaced = b.startswith(" ")
        if spaced and not soft:
            continue
        i = low.rfind(b, floor, cue_start)
        while i >= 0 and b in "()" and any(ga <= i < gb for ga, gb in glosses):
            i = low.rfind(b, floor, i)  # "Bộ Thương mại Hoa Kỳ (DOC) công bố": the name's acronym, no boundary
        if i >= 0:
            best = max(best, i + len(b))
            if not spaced:
                hard = max(hard, i + len(b))
    return hard, best if soft else hard


def side_phrase(low: str, a: int, b: int) -> tuple[str, int] | None:
    """``("BOTH"|"VN"|"US", start)`` when ``low[a:b]`` ends with a phrase naming a side."""
    c = cues()
    for side, pattern in (("BOTH", c.both_re), *c.side_res.items()):
        hit = None
        for m in pattern.finditer(low, a, b):
            if only_adverbs(low[m.end():b]):
                hit = m
        if hit is not None and _head_ok(low, a, hit.start()):
            return side, hit.start()
        if hit is not None and side == "BOTH" and c.people_head_re.fullmatch(" ".join(low[a:hit.start()].split())):
            return side, a + len(low[a:hit.start()]) - len(low[a:hit.start()].lstrip())  # "Lãnh đạo Việt Nam và Mỹ"
    return None


def pronoun(low: str, a: int, b: int) -> bool:
    """True when ``low[a:b]`` is a pronoun standing for the last speaker (``Ông``, ``bà``)."""
    return _alone(cues().pronoun_re, low, a, b)


def group_pronoun(low: str, a: int, b: int) -> bool:
    """True when ``low[a:b]`` is a plural pronoun (``họ``) standing for the group just named."""
    return _alone(cues().group_pronoun_re, low, a, b)


def _alone(pattern: re.Pattern[str], low: str, a: int, b: int) -> bool:
    """True when ``low[a:b]`` holds a match of ``pattern`` with only adverbs around it."""
    m = pattern.search(low, a, b)
    return bool(m) and only_adverbs(low[a:m.start()]) and only_adverbs(low[m.end():b])


_SEPARATE = re.compile(r"[,;]|(?<!\w)(?:và|đồng thời)(?!\w)")


def _head_ok(low: str, a: int, phrase_start: int) -> bool:
    """A side phrase is the subject itself, not a modifier ("doanh nghiệp Mỹ sẽ" is no side)."""
    return only_adverbs(low[a:phrase_start])


def side_name(name: str) -> str | None:
    """The side a whole name stands for (``Chính phủ Việt Nam`` -> ``VN``), else None."""
    low = " ".join(name.lower().split())
    for side, pattern in cues().side_res.items():
        if pattern.fullmatch(low):
            return side
    return None


def redirected(act: str, word: str, obj: str, side: str | None) -> str:
    """The act of a request once its object is read: ``inform`` when it asks nothing of the other side.

    ``obj`` is the lower-case text right after the cue ``word``. A call on third parties
    (``các bên liên quan``) or on one's own side (``doanh nghiệp Việt Nam`` said by Vietnam), and
    a wish about the relationship itself (``mong muốn quan hệ hai nước ...``) are positions.
    """
    if act != "request":
        return act
    c = cues()
    head = " ".join(obj.split()[:5])  # "Bộ Thương mại Hoa Kỳ": five words
    other = {"VN": "US", "US": "VN"}.get(side or "")
    if other and c.side_res[other].search(head) and not c.side_res[side or ""].search(head):
        return act  # "đề nghị Bộ Thương mại Mỹ ...": the other side, even behind a generic head
    if c.third_party_re.match(head):
        return "inform"
    if any(word.endswith(w) for w in c.wishes) and c.wish_object_re.match(head):
        return "inform"
    if other and c.side_res[side].search(head) and not c.side_res[other].search(head) \
            and not c.both_re.search(head):
        return "inform"
    return act


def narrated(act: str, word: str, before: str) -> str:
    """The act of a commit cue once the words before it are read: a deed told in the past
    (``đã nhận lời``, ``đã hỗ trợ xây dựng``) informs, it promises nothing.

    ``before`` is the lower-case text right before the cue ``word``; a promise verb
    (``đã cam kết``) is no deed and stays a commit.
    """
    c = cues()
    if act != "commit" or " ".join(word.split()) not in c.deeds:
        return act
    return "inform" if c.past_re.search(before) else act


def forecast(low: str, start: int, earlier: list[Cue], at: int) -> bool:
    """True when a ``sẽ`` at ``at`` follows a verb of prediction or opinion in its sentence
    (``các chuyên gia cho rằng Thủ tướng sẽ ...``): someone's forecast, not a promise.

    The search starts after the last earlier cue that asserts the speaker's own position
    (``... cho rằng ... và khẳng định Mỹ sẽ ...``: the promise is asserted, not forecast).
    """
    c = cues()
    for cue in reversed(earlier):
        if " ".join(low[cue.start:cue.end].split()) in c.assertions:
            start = max(start, cue.start)
            break
    return bool(c.prediction_re.search(low, start, at))


def issued(low: str, floor: int, cue: Cue) -> Cue:
    """The cue as its subject sees it: a request or proposal put in a document its subject issues
    (``Hiệp hội X ra thông cáo yêu cầu ...``, ``Bộ Y gửi thư đề nghị ...``) reaches back over
    the issuing words, so that the issuer is the subject. A bare issuing verb counts only before
    a cue that names the document itself (``ra tuyên bố ...``)."""
    if cue.act not in ("request", "propose"):
        return cue
    m = cues().issued_re.search(low, max(floor, cue.start - 60), cue.start)
    if m is None or (" " not in m.group().strip() and not low.startswith(_DOCUMENT_CUES, cue.start)):
        return cue
    return Cue(m.start(), cue.end, cue.act, cue.weak)


_DOCUMENT_CUES = ("tuyên bố", "thông báo", "kiến nghị")


def persuaded(low: str, a: int, b: int) -> bool:
    """True when a verb of persuasion in ``low[a:b]`` (no boundary between) makes what follows
    it its object: ``thuyết phục chính phủ và Quốc hội Mỹ tiếp tục hỗ trợ`` is no promise of
    the Congress, but of the one who persuades."""
    return bool(cues().persuading_re.search(low, a, b))


def group_side(low: str, a: int, b: int, kind: str = "group_res") -> tuple[str, int] | None:
    """``(side, start)`` when ``low[a:b]`` is a plural group of one side's organizations and
    nothing else (``Các doanh nghiệp Mỹ đồng thời khẳng định sẽ ...``): a speaker for that side.
    A group named in passing (``một số doanh nghiệp Mỹ``) or with more words is none.
    ``kind="people_res"``: a group of one side's people (``Các nghị sĩ Mỹ``, ``Quan chức Mỹ``)."""
    for side, pattern in getattr(cues(), kind).items():
        m = pattern.match(low, a, b)
        if m is not None and only_adverbs(low[m.end():b]):
            return side, a + len(low[a:m.end()]) - len(low[a:m.end()].lstrip())
    return None
