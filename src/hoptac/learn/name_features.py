"""Syllable tokens and their features for the learned name and title tagger.

The same code serves training (``hoptac.learn.names``) and tagging (``hoptac.learn.name_tagger``),
so a feature means the same thing in both. Features come from general mechanisms only: the
shape of a word and its neighbours, the lexicons of ``resources/gazetteer`` (surnames, title
heads, honorifics and words of address, places, known organizations, heads of state), and the
rule system's own decision (a rule name mention, a rule title) as a hint the model may weigh.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..extract.gazetteer import Gazetteer, has_marks, in_dictionary, is_vietnamese_syllable, load_yaml

TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:['’\-][^\W\d_]+)*|[^\w\s]")
_SENT_END = frozenset({".", "!", "?", "…", ":", ";", '"', "“", "”", "(", "-", "–", "|"})


@dataclass(frozen=True)
class Tok:
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


def _marks(text: str, spans: list[tuple[int, int]], toks: list[Tok]) -> list[str]:
    """For each token, ``B``/``I`` if a span starts/covers it, else ``""``."""
    out = [""] * len(toks)
    if not spans:
        return out
    starts = {t.start: i for i, t in enumerate(toks)}
    for a, b in spans:
        i = starts.get(a)
        if i is None:
            i = next((k for k, t in enumerate(toks) if t.start >= a), None)
            if i is None or toks[i].start >= b:
                continue
        out[i] = out[i] or "B"
        k = i + 1
        while k < len(toks) and toks[k].end <= b:
            out[k] = out[k] or "I"
            k += 1
    return out


def _phrase_marks(text: str, pattern: re.Pattern[str], toks: list[Tok]) -> list[str]:
    return _marks(text, [m.span() for m in pattern.finditer(text, toks[0].start, toks[-1].end)] if toks else [], toks)


def _lexicon_marks(toks: list[Tok], phrases: frozenset[str] | dict, n_max: int = 4) -> list[str]:
    """``B``/``I`` over the longest phrases of a lexicon (matched case-sensitively, as written)."""
    out = [""] * len(toks)
    i = 0
    while i < len(toks):
        hit = 0
        for n in range(min(n_max, len(toks) - i), 0, -1):
            if " ".join(t.word for t in toks[i:i + n]) in phrases:
                hit = n
                break
        if hit:
            out[i] = "B"
            for k in range(i + 1, i + hit):
                out[k] = "I"
            i += hit
        else:
            i += 1
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


def sentence_features(text: str, toks: list[Tok], g: Gazetteer,
                      rule_people: list[tuple[int, int]], rule_titles: list[tuple[int, int]]) -> list[list[str]]:
    """The feature strings of each token of one sentence."""
    n = len(toks)
    words = [t.word for t in toks]
    low = [w.lower() for w in words]
    shapes = [_shape(w) for w in words]
    heads = _phrase_marks(text, g.title_heads, toks)
    places = _lexicon_marks(toks, g.place_names)
    orgs = _lexicon_marks(toks, g.known_orgs)
    leaders = _lexicon_marks(toks, g.leaders)
    bodies = _phrase_marks(text, g.org_head_pattern, toks)
    runs = _runs(shapes)
    rp = _marks(text, rule_people, toks)
    rt = _marks(text, rule_titles, toks)
    addr = address_words()
    hon = g.honorifics
    out: list[list[str]] = []
    for i in range(n):
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


def worth_tagging(toks: list[Tok], has_rule: bool) -> bool:
    """A sentence the tagger reads: a rule mention in it, or a capitalized word not opening it."""
    if has_rule:
        return True
    return any(t.word[:1].isupper() and i > 0 and toks[i - 1].word not in _SENT_END for i, t in enumerate(toks))
