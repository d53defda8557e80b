"""Syllable tokens and their features for the learned name and title tagger.

The same code serves training (``hoptac.learn.names``) and tagging (``hoptac.learn.name_tagger``),
so a feature means the same thing in both. Features come from general mechanisms only: the
shape of a word and its neighbours, the lexicons of ``resources/gazetteer`` (surnames, title
heads, honorifics and words of address, places, known organizations, heads of state), and the
rule system's own decision (a rule name mention, a rule title) as a hint the model may weigh.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from ..extract.gazetteer import Gazetteer, has_marks, in_dictionary, is_vietnamese_syllable, load_yaml
from ..extract.nlp import split_sentences

TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:['’\-][^\W\d_]+)*|[^\w\s]")
_SENT_END = frozenset({".", "!", "?", "…", ":", ";", '"', "“", "”", "(", "-", "–", "|"})


class Tok(NamedTuple):
    """One syllable, number or punctuation mark of the text."""

    start: int
    end: int
    word: str


@cache
def address_words() -> frozenset[str]:
    """Words of address and kinship before a given name (``chị``, ``anh``, ``cụ``): lower case."""
    return frozenset(w.lower() for w in load_yaml("address.yaml")["address"])


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The tokens of ``text[start:end]``."""
    return [Tok(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, len(text) if end is None else end)]


def segment_features(text: str, m: Marks, lo: int, hi: int, segs: list[tuple[int, int]],
                     g: Gazetteer) -> list[list[list[str]]]:
    """The features of each stretch of one sentence (the sentence's words read once)."""
    if not segs:
        return []
    a, b = segs[0][0], segs[-1][1]
    feats = sentence_features(text, m, lo, hi, a, b, g, only={i for x, y in segs for i in range(x, y)})
    return [feats[x - a:y - a] for x, y in segs]


def _shape(w: str) -> str:
    if w[0].isdigit():
        return "d"
    if not w[0].isalnum():
        return "p"
    if w.isupper():
        return "A" if len(w) > 1 else "X"
    if w[0].isupper():
        return "Xx"
    return "x"


def _marks(spans: list[tuple[int, int]], toks: list[Tok], starts: list[int]) -> list[str]:
    """For each token, ``B``/``I`` if a span starts/covers it, else ``""``."""
    out = [""] * len(toks)
    for a, b in spans:
        i = bisect.bisect_left(starts, a)
        if i >= len(toks) or toks[i].start >= b:
            continue
        out[i] = out[i] or "B"
        k = i + 1
        while k < len(toks) and toks[k].end <= b:
            out[k] = out[k] or "I"
            k += 1
    return out


@dataclass
class Marks:
    """The tokens of a whole text and, per token, what the lexicons and the rules say of it."""

    toks: list[Tok]
    heads: list[str]
    places: list[str]
    orgs: list[str]
    bodies: list[str]
    leaders: list[str]
    rp: list[str]
    rt: list[str]


def marks(text: str, g: Gazetteer, rule_people: list[tuple[int, int]], rule_titles: list[tuple[int, int]]) -> Marks:
    """Tokens and lexicon and rule marks of a text (each pattern run once over the text)."""
    toks = tokens(text)
    starts = [t.start for t in toks]

    def pat(p: re.Pattern[str]) -> list[str]:
        return _marks([m.span() for m in p.finditer(text)], toks, starts)

    leaders = [""] * len(toks)
    for i, t in enumerate(toks):
        if t.word[:1].isupper() and not leaders[i]:
            for n in (4, 3, 2):
                if i + n <= len(toks) and " ".join(x.word for x in toks[i:i + n]) in g.leaders:
                    leaders[i:i + n] = ["B"] + ["I"] * (n - 1)
                    break
    return Marks(toks, pat(g.title_heads), pat(g.places), pat(g.known_org_pattern), pat(g.org_head_pattern),
                 leaders, _marks(rule_people, toks, starts), _marks(rule_titles, toks, starts))


_WINDOW = 3


def segments(m: Marks, lo: int, hi: int) -> list[tuple[int, int]]:
    """The stretches of a sentence (token indices ``lo:hi``) the tagger reads: a few tokens around each
    capitalized word that does not open the sentence and that neither the rules' names nor the
    lexicons (places, known bodies, organization and title heads, heads of state) account for;
    elsewhere the rules' decision stands."""
    toks = m.toks
    on = [False] * (hi - lo)
    for i in range(lo, hi):
        if not (toks[i].word[:1].isupper() and i > lo and toks[i - 1].word not in _SENT_END):
            continue
        if m.rp[i] or m.places[i] or m.orgs[i] or m.leaders[i] or m.heads[i] or m.bodies[i]:
            continue
        for k in range(max(lo, i - _WINDOW), min(hi, i + _WINDOW + 1)):
            on[k - lo] = True
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(on):
        if not on[i]:
            i += 1
            continue
        j = i
        while j < len(on) and on[j]:
            j += 1
        out.append((lo + i, lo + j))
        i = j
    return out


def sentences(text: str, m: Marks) -> list[tuple[int, int]]:
    """Token index ranges of the text's sentences."""
    starts = [t.start for t in m.toks]
    out = []
    for a, b in split_sentences(text):
        lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        if hi > lo:
            out.append((lo, hi))
    return out


def _runs(shapes: list[str]) -> list[tuple[int, int, int]]:
    """For each token of a capitalized run: the run's length, the token's place (B, I, E, S) and the run's start."""
    out: list[tuple[int, int, int]] = [(0, 0, 0)] * len(shapes)
    i = 0
    while i < len(shapes):
        if shapes[i] != "Xx":
            i += 1
            continue
        j = i
        while j < len(shapes) and shapes[j] == "Xx":
            j += 1
        n = j - i
        for k in range(i, j):
            pos = "S" if n == 1 else "B" if k == i else "E" if k == j - 1 else "I"
            out[k] = (n, pos, i)  # type: ignore[assignment]
        i = j
    return out


def sentence_features(text: str, m: Marks, lo: int, hi: int, a: int, b: int, g: Gazetteer,
                      only: set[int] | None = None) -> list[list[str]]:
    """The feature strings of tokens ``a:b`` of the sentence ``lo:hi`` (neighbours read within the sentence;
    ``only``: the token indices wanted, the others left empty)."""
    toks = m.toks[lo:hi]
    n = len(toks)
    words = [t.word for t in toks]
    low = [w.lower() for w in words]
    shapes = [_shape(w) for w in words]
    heads, places, orgs = m.heads[lo:hi], m.places[lo:hi], m.orgs[lo:hi]
    leaders, bodies, rp, rt = m.leaders[lo:hi], m.bodies[lo:hi], m.rp[lo:hi], m.rt[lo:hi]
    runs = _runs(shapes)
    addr = address_words()
    hon = g.honorifics
    out: list[list[str]] = []
    for i in range(a - lo, b - lo):
        if only is not None and i + lo not in only:
            out.append([])
            continue
        w, lw, sh = words[i], low[i], shapes[i]
        prev = low[i - 1] if i > 0 else "<s>"
        prev2 = low[i - 2] if i > 1 else "<s>"
        nxt = low[i + 1] if i + 1 < n else "</s>"
        nxt2 = low[i + 2] if i + 2 < n else "</s>"
        first = i == 0 or words[i - 1] in _SENT_END
        f = [
            "b", "w=" + lw, "sh=" + sh, "p=" + prev, "n=" + nxt, "p2=" + prev2, "n2=" + nxt2,
            "pw=" + prev + "|" + lw, "wn=" + lw + "|" + nxt,
            "psh=" + (shapes[i - 1] if i > 0 else "<s>") + "|" + sh + "|" + (shapes[i + 1] if i + 1 < n else "</s>"),
            "head=" + heads[i], "place=" + places[i], "org=" + orgs[i], "leader=" + leaders[i],
            "rp=" + rp[i], "rt=" + rt[i], "body=" + bodies[i],
        ]
        if first:
            f.append("first")
            f.append("first|sh=" + sh)
        if sh == "Xx":
            f.append("vn=" + str(is_vietnamese_syllable(w)) + str(has_marks(w)))
            r_len, r_pos, r_start = runs[i]
            known = any(places[k] or orgs[k] or bodies[k] or heads[k] for k in range(r_start, r_start + r_len))
            p_out = low[r_start - 1] if r_start > 0 else "<s>"
            run_first = r_start == 0 or words[r_start - 1] in _SENT_END
            f.append(f"run={min(r_len, 4)}{r_pos}|known={known}|first={run_first}")
            f.append(f"run_prev={p_out}|{min(r_len, 4)}")
            if p_out in g.place_prefixes or g.name_blockers.search(text, max(0, toks[r_start].start - 30),
                                                                    toks[r_start].start):
                f.append("run_place_prefix")
            if in_dictionary(lw):
                f.append("dict")
            if i + 1 < n and shapes[i + 1] == "Xx" and in_dictionary(lw + " " + nxt):
                f.append("dict_n")
            if w in g.surnames:
                f.append("surname")
            if w in g.function_words:
                f.append("func")
        if prev in addr:
            f.append("p_addr|sh=" + sh)
        if prev2 in addr and i > 1 and shapes[i - 1] == "Xx":
            f.append("p2_addr|sh=" + sh)
        if prev in hon:
            f.append("p_hon|sh=" + sh)
        if i > 0:
            f.append("p_head=" + heads[i - 1] + "|sh=" + sh)
            f.append("prp=" + rp[i - 1] + "|rp=" + rp[i])
            f.append("prt=" + rt[i - 1])
            if words[i - 1][:1].isupper():
                f.append("p_surname=" + str(words[i - 1] in g.surnames) + "|sh=" + sh)
        if i + 1 < n:
            f.append("nrt=" + rt[i + 1])
            f.append("n_head=" + heads[i + 1])
        if len(w) > 3:
            f.append("suf3=" + lw[-3:])
        out.append(f)
    return out
