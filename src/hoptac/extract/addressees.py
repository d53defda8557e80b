"""Who a statement is addressed to, read from the text: the other side, a third party, or no one.

In order (:func:`addressee`), once both sides speaking together are set apart (reported as
one side addressing the other):

1. the words right after the cue name the one addressed (``đề nghị phía Mỹ``, ``kêu gọi Việt
   Nam``, ``cảm ơn Chính phủ Hoa Kỳ``, ``khẳng định với Đại sứ X``, ``kêu gọi Trung Quốc``,
   ``kêu gọi các bên liên quan``): a person or organization mention (its side), a side word, both
   sides (the other side is among them), another country or a third party (``OTHER``); one's own
   side (``đề nghị các bộ, ngành``) addresses no one of the other side;
2. the sentence places the statement at a meeting with someone of the other side (``Tiếp Đại sứ
   X, Thủ tướng đề nghị ...``, ``Tại buổi làm việc với ông X, ...``), or the story reports a
   meeting, call or visit of either side (a story of the two sides meeting: the host is often
   left out of the participants): what is said there is said to the other side;
3. the clause itself names the other side (``cam kết hỗ trợ Việt Nam ...``);
4. otherwise no one (``None``): a position told to the press, a call on no one in particular.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import TYPE_CHECKING

from ..model import Organization, Person
from .acts import Cue, cues
from .fastre import bounded
from .gazetteer import gazetteer

if TYPE_CHECKING:
    from .speakers import Actor, Speakers

OTHER_SIDE = {"VN": "US", "US": "VN"}
DIRECTED = ("request", "propose", "welcome")  # cues whose object is the one addressed ("đề nghị phía Mỹ")
# words between a cue and the one it addresses ("khẳng định với phía Mỹ", "gửi tới Tổng thống")
_TO = re.compile(r"\s*(?:(?:với|tới|đến|đối với|gửi|gửi tới|gửi đến|cho|lên)\s+)?")
# a meeting word right before a name: what the sentence says is said to that person
_MET = bounded(r"(?<!\w)(?:tiếp|tiếp kiến|hội kiến|hội đàm với|hội đàm cùng|gặp|gặp gỡ|gặp mặt|làm việc với|"
                  r"điện đàm với|trao đổi với|hội đàm|điện đàm|tiếp xúc với|đón)\s+(?:\S+\s+){0,4}$")
_TITLE_GAP = 6  # words of a title that may stand between the cue and the name it addresses


@cache
def _third_countries() -> re.Pattern[str]:
    """The names of countries other than the two sides (gazetteer), as written (``Ý`` is Italy, ``ý`` is not)."""
    names = [n for n, side in gazetteer().countries.items() if side == "OTHER"]
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return bounded(rf"(?<!\w)(?:{alt})(?!\w)")


def _resolve(named: str | None, own: str | None) -> str | None:
    """The addressee for a side named as addressed: both sides -> the other; one's own side -> no one."""
    if named == "BOTH":
        return OTHER_SIDE.get(own or "")
    if named is None or named == own:
        return None
    return named


def named_at(ex: Speakers, fpos: int, end: int, *, directed: bool = True) -> str | None:
    """The side (``VN``, ``US``, ``OTHER``, ``BOTH``) the words at folded position ``fpos`` name, if any.

    After a cue that is not ``directed`` (a speech verb, a promise: what follows is its content,
    ``cho biết Việt Nam sẽ ...``), only ``với``/``tới`` ... introduces the one addressed.
    """
    low = ex.low.text
    c = cues()
    m = _TO.match(low, fpos, end)
    at = m.end() if m else fpos
    if not directed and not low[fpos:at].strip():
        return None
    src = ex.src(at)
    # a person or organization named first (its own side words come with it): the mentions from src on
    for a, _b, ent in ex.mentions_from(bisect.bisect_left(ex.starts, src)):
        if a > ex.src(min(end, at + 80)) or not _title_gap(ex.text[src:a]):
            break
        if isinstance(ent, (Person, Organization)) and ent.side:
            return ent.side
        break
    head = " ".join(low[at:min(end, at + 80)].split()[:8])
    sided = any(p.search(head) for p in c.side_res.values())
    both, third = c.both_re.search(head), c.third_party_re.match(head)
    if third and not sided and not (both and both.start() >= third.end()):
        return "OTHER"  # "các bên liên quan", "các bộ, ngành" -- not "Bộ Thương mại Mỹ"
    if c.both_re.match(low, at):
        return "BOTH"
    for side, pattern in c.side_res.items():
        if pattern.match(low, at) or c.group_res[side].match(low, at):
            return side
    if both and not sided:
        return "BOTH"  # "các bộ, ngành và doanh nghiệp hai nước"
    if _third_countries().match(ex.text, ex.src(at)):
        return "OTHER"
    return None


_HONORIFICS = bounded(r"(?<!\w)(?:ông|bà|ngài|phía|quý|đồng chí|các)(?!\w)")


def _title_gap(gap: str) -> bool:
    """Whether the words between a cue and a name are nothing but its titles (``Bộ trưởng``, ``ngài``)."""
    if any(ch in gap for ch in ",;.:\n\"“") or len(gap.split()) > _TITLE_GAP:
        return False
    low = gazetteer().title_heads.sub(lambda m: " " * len(m.group()), _HONORIFICS.sub(
        lambda m: " " * len(m.group()), gap.lower()))
    rest = [gap[m.start():m.end()] for m in re.finditer(r"\S+", low)]  # what is left, as written
    return all(w[:1].isupper() for w in rest)  # the rest of a title: "Ngoại giao", "Tập đoàn"


def met_in_sentence(ex: Speakers, s_start: int, clause_start: int, own: str | None) -> str | None:
    """The other side's person or organization the sentence says the speaker is meeting, before the clause."""
    other = OTHER_SIDE.get(own or "")
    if other is None:
        return None
    low = ex.low.text
    for a, _b, ent in ex.mentions_from(bisect.bisect_left(ex.starts, s_start)):
        if a >= clause_start:
            break  # mentions come by start
        if ent.side == other and _MET.search(low, max(0, ex.fpos(a) - 40), ex.fpos(a)):
            return other
    return None


def met_in_story(ex: Speakers) -> set[str]:
    """The sides of the participants of the story's meetings, calls and visits (not signings)."""
    people = {p.name: p.side for p in ex.article.people}
    people.update({o.name: o.side for o in ex.article.organizations})
    return {side for ev in ex.article.events if ev.type != "signing"
            for name in ev.participants if (side := people.get(name))}


def addressee(ex: Speakers, actor: Actor, cue: Cue, clause: tuple[int, int], sentence: tuple[int, int],
              met: set[str]) -> str | None:
    """Who the statement of ``actor`` at ``cue`` addresses (see the module docstring).

    ``clause`` is the clause's (folded) span, ``sentence`` the sentence's source span, ``met``
    the sides of the story's meetings' participants (:func:`met_in_story`).
    """
    own = actor.side
    named = named_at(ex, cue.end, clause[1], directed=cue.act in DIRECTED)
    if actor.both:  # both sides: reported as one side addressing the other, unless they address a third
        return "OTHER" if named == "OTHER" else OTHER_SIDE.get(own or "")
    if named is not None:
        return _resolve(named, own)
    other = OTHER_SIDE.get(own or "")
    if other is None:
        return None
    if met_in_sentence(ex, sentence[0], ex.src(clause[0]), own) or met & {own, other}:
        return other
    low = ex.low.text
    c = cues()
    if c.side_res[other].search(low, clause[0], clause[1]):
        return other
    src0, src1 = ex.src(clause[0]), ex.src(clause[1])
    if any(src0 <= a < src1 and ent.side == other for a, _b, ent in ex.mentions):
        return other
    return None
