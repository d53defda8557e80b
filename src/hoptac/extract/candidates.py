"""Wide statement candidates: the cue words the rules leave, proposed to the learned decision.

The rules of :mod:`.statements` keep a cue when its subject resolves and no exception list undoes
it. The cue words they leave — undone by an exception (``sẽ diễn ra``), absorbed into another
clause (``X cho biết Mỹ sẽ ...``), or with no subject the rules resolve — and the words of
``candidate_cues`` in ``resources/cues.yaml`` are proposed here, each with the actors general
means find:

1. ``subject``: the rules' own resolution of the words before the cue (:mod:`.speakers`), or of
   those after ``mà``/``việc`` when the cue sits in a relative or nominal clause;
2. ``inside``: the speaker of the rule statement whose clause holds the cue (reported speech);
3. ``quote``: inside a quotation, the speaker of the nearest rule statement (``"...", ông X nói``);
4. ``theo``: a sentence opening ``Theo X,`` attributes what follows to X;
5. ``last``: the actor of the last statement, one sentence back at most (a continuation).

A candidate carries how its actor was found and why the rules left its cue (``Statement.origin``);
the actor ranker (:mod:`hoptac.learn.actors`) may then give it another actor among those general
means find (:mod:`.actor_candidates`), and the learned decision (:mod:`hoptac.learn.statements`)
keeps or drops it. The variant ``rules``
never ships one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Statement
from .acts import Cue, cues, not_a_verb, only_adverbs
from .clauses import open_quote
from .speakers import Actor

if TYPE_CHECKING:
    from .statements import _Extractor

_SEPARATE = re.compile(r"[;]|,\s|(?<!\w)(?:và|đồng thời|nhưng)(?!\w)")
_THEO = re.compile(r"\s*theo\s+")
#: at most this many actors per cue (different ways may find different actors)
MAX_ACTORS = 2


def _merged(ex: _Extractor, fa: int, fb: int) -> list[tuple[int, int, str, str]]:
    """The cue words of the wide lexicon in ``[fa, fb)`` (folded positions), adjacent ones merged
    (strongest act): (start, end, act, words)."""
    c = cues()
    low = ex.low.text
    out: list[tuple[int, int, str, str]] = []
    for m in c.wide_re.finditer(low, fa, fb):
        word = " ".join(m.group().split())
        act = c.wide_act[word]
        if out and only_adverbs(low[out[-1][1]:m.start()]) and not _SEPARATE.search(low, out[-1][1], m.start()):
            a, _b, prev_act, words = out[-1]
            best = act if c.strength[act] >= c.strength[prev_act] else prev_act
            out[-1] = (a, m.end(), best, f"{words} {word}")
            continue
        out.append((m.start(), m.end(), act, word))
    return out


def _theo(ex: _Extractor, s_start: int, s_end: int, sent_no: int) -> Actor | None:
    """The actor of a sentence opening ``Theo X,`` (a person or organization named first)."""
    low = ex.low.text
    m = _THEO.match(low, ex.fpos(s_start))
    if m is None:
        return None
    at = ex.src(m.end())
    comma = ex.text.find(",", at, s_end)
    for ma, mb, ent in ex.mentions:
        if at <= ma and (comma < 0 or mb <= comma) and ma < s_end:
            return ex.actor_of(ent, sent_no)
        if ma > s_end:
            break
    return None


def wide(ex: _Extractor, s_start: int, s_end: int, sent_no: int, rule_cues: list[tuple[int, int]],
         rule: list[Statement]) -> list[Statement]:
    """The candidates of one sentence (source positions) that the rules left (``rule_cues``: the
    folded spans of the cues the rules' statements use; ``rule``: this sentence's rule statements)."""
    low = ex.low.text
    fa, fb = ex.fpos(s_start), ex.fpos(s_end)
    words = _merged(ex, fa, fb)
    out: list[Statement] = []
    floor = fa
    quote_from = max(0, s_start - 600)
    theo = _theo(ex, s_start, s_end, sent_no)
    for k, (a, b, act, word) in enumerate(words):
        prev_floor, floor = floor, b
        if any(ca <= a < cb or a <= ca < b for ca, cb in rule_cues):
            continue
        why = not_a_verb(low, a, b, fa, fb) or ("lexicon" if word in cues().act_of else "candidate")
        cue = Cue(a, b, act, word in cues().weak)
        end = fb
        for na, _nb, _act, _w in words[k + 1:]:
            if _SEPARATE.search(low, b, na):
                end = na
                break
        actors: list[tuple[Actor, str]] = []
        subj = ex.subject(prev_floor, cue, sent_no, None) or ex.embedded_subject(prev_floor, cue, sent_no)
        if subj is not None:
            actors.append((subj[0], "subject"))
        pos = ex.src(a)
        host = next((st for st in rule if st.evidence[0] <= pos < st.evidence[1]), None)
        if host is not None:
            actors.append((Actor(host.actor, host.side), "inside"))
        if open_quote(ex.text[quote_from:pos]) and rule:
            near = min(rule, key=lambda st: abs(st.evidence[0] - pos))
            actors.append((Actor(near.actor, near.side), "quote"))
        if theo is not None:
            actors.append((theo, "theo"))
        last = ex.ctx.last_actor
        if not actors and last is not None and sent_no - ex.ctx.last_actor_sentence <= 1:
            actors.append((last, "last"))
        seen: set[str] = set()
        for actor, how in actors:
            if actor.name in seen or len(seen) >= MAX_ACTORS:
                continue
            seen.add(actor.name)
            st = ex.statement(actor, cue, a, max(end, b), (s_start, s_end))
            st.origin = ("wide", f"how:{how}", f"why:{why}", f"n:{len(actors)}")
            out.append(st)
    return out
