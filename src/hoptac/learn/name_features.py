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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import NamedTuple, overload

from ..extract.gazetteer import Gazetteer, has_marks, in_dictionary, is_vietnamese_syllable, load_yaml
from ..extract.nlp import split_sentences

#: (possessive repeats: nothing after them can fail, so giving characters back never changes a match,
#: and the engine keeps no places to go back to: a sixth faster over a whole text)
TOKEN = re.compile(r"\d++(?:[.,]\d+)*+%?|[^\W\d_]++(?:['’\-][^\W\d_]++)*+|[^\w\s]")
#: TOKEN as one group: ``split`` gives gaps and tokens in turn, their offsets summed in C
_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")
_SENT_END = frozenset({".", "!", "?", "…", ":", ";", '"', "“", "”", "(", "-", "–", "|"})


class Tok(NamedTuple):
    """One syllable, number or punctuation mark of the text."""

    start: int
    end: int
    word: str


@cache
def address_words() -> frozenset[str]:
    """Words of address before a name (``chị``, ``anh``, ``cụ``, ``ca sĩ``): lower case, one to three
    syllables. Not ``occupations``: they stand before a place or a work as often (``tỉ phú Dubai``,
    ``diễn viên phim Vườn sao băng``), and as a feature they made the tagger sure of those."""
    return frozenset(str(w).lower() for w in load_yaml("address.yaml")["address"])


def address_before(low: Sequence[str], i: int, lo: int = 0) -> int:
    """How many words (1-3) before index ``i`` of the lower-case words ``low`` form a word of address
    (``anh``, ``ca sĩ``, ``vận động viên``), not reaching before ``lo``; 0 if none. Multi-syllable
    words are read whole: their last syllable alone (``sĩ``) is no word of address."""
    addr = address_words()
    for k in (1, 2, 3):
        if i - k >= lo and " ".join(low[i - k:i]) in addr:
            return k
    return 0


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The tokens of ``text[start:end]``."""
    if start or end is not None:
        new = tuple.__new__  # Tok(...) through its Python-level __new__ costs twice as much
        return [new(Tok, (m.start(), m.end(), m.group()))
                for m in TOKEN.finditer(text, start, len(text) if end is None else end)]
    # the whole text (the tagger's case): gaps and tokens alternate; a token's offsets are the summed
    # lengths of what precedes it (no match object per token)
    return list(map(tuple.__new__, repeat(Tok), zip(*_columns(text), strict=True)))


def _columns(text: str) -> tuple[list[int], list[int], list[str]]:
    """The starts, ends and words of the tokens of a whole text (:func:`tokens` without a tuple per token)."""
    parts = _TOKEN_SPLIT.split(text)
    offs = list(accumulate(map(len, parts), initial=0))
    return offs[1:-1:2], offs[2::2], parts[1::2]


class TokView(Sequence[Tok]):
    """The tokens of a text read from its columns (:func:`_columns`): a :class:`Tok` is made only for
    the tokens asked for (the tagger reads a few stretches; a text has a thousand tokens)."""

    __slots__ = ("ends", "starts", "words")

    def __init__(self, starts: list[int], ends: list[int], words: list[str]) -> None:
        self.starts, self.ends, self.words = starts, ends, words

    def __len__(self) -> int:
        return len(self.words)

    @overload
    def __getitem__(self, k: int) -> Tok: ...

    @overload
    def __getitem__(self, k: slice) -> list[Tok]: ...

    def __getitem__(self, k: int | slice) -> Tok | list[Tok]:
        if isinstance(k, slice):
            return list(map(tuple.__new__, repeat(Tok), zip(self.starts[k], self.ends[k], self.words[k], strict=True)))
        return tuple.__new__(Tok, (self.starts[k], self.ends[k], self.words[k]))


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


def _marks(spans: list[tuple[int, int]], toks: Sequence[Tok], starts: list[int],
           ends: list[int] | None = None) -> list[str]:
    """For each token, ``B``/``I`` if a span starts/covers it, else ``""``."""
    n = len(toks)
    out = [""] * n
    if not spans:
        return out
    if ends is None:
        ends = [t.end for t in toks]
    for a, b in spans:
        i = bisect.bisect_left(starts, a)
        if i >= n or starts[i] >= b:
            continue
        out[i] = out[i] or "B"
        k = i + 1
        while k < n and ends[k] <= b:
            out[k] = out[k] or "I"
            k += 1
    return out


_START, _WORD = itemgetter(0), itemgetter(2)


def _caps(words: list[str]) -> list[int]:
    """The indices of the words that open with a capital (each distinct word tested once)."""
    upper = {w: w[:1].isupper() for w in set(words)}
    return list(compress(range(len(words)), map(upper.__getitem__, words)))


@dataclass
class Marks:
    """The tokens of a whole text and, per token, what the lexicons and the rules say of it.

    ``words`` and ``starts`` (the tokens' words and start offsets) and ``caps`` (the indices of
    the tokens that open with a capital) are derived from ``toks``, once.
    """

    toks: Sequence[Tok]  # a list, or a TokView of the whole text
    heads: list[str]
    places: list[str]
    orgs: list[str]
    bodies: list[str]
    leaders: list[str]
    rp: list[str]
    rt: list[str]

    def __post_init__(self) -> None:
        if isinstance(self.toks, TokView):
            self.words, self.starts = self.toks.words, self.toks.starts
        else:
            self.words = list(map(_WORD, self.toks))
            self.starts = list(map(_START, self.toks))
        self.caps = _caps(self.words)


_FIRSTS: dict[int, tuple[object, frozenset[str]]] = {}


def _leader_firsts(g: Gazetteer) -> frozenset[str]:
    """The first words of the heads of state and government the gazetteer names (kept per table)."""
    got = _FIRSTS.get(id(g.leaders))
    if got is None or got[0] is not g.leaders:
        got = _FIRSTS[id(g.leaders)] = (g.leaders, frozenset(k.split(" ")[0] for k in dict.keys(g.leaders)))
    return got[1]


def marks(text: str, g: Gazetteer, rule_people: list[tuple[int, int]], rule_titles: list[tuple[int, int]]) -> Marks:
    """Tokens and lexicon and rule marks of a text (each pattern run once over the text)."""
    starts, ends, words = _columns(text)
    toks = TokView(starts, ends, words)

    def pat(p: re.Pattern[str]) -> list[str]:
        return _marks([m.span() for m in p.finditer(text)], toks, starts, ends)

    n_toks = len(toks)
    leaders = [""] * n_toks
    firsts = _leader_firsts(g)
    known = dict.__contains__  # words hold no blanks: the joined phrase is its own spaced form
    for i in compress(range(n_toks), map(firsts.__contains__, words)):  # the few words that may open a name
        w = words[i]
        if w[:1].isupper() and not leaders[i]:
            for n in (4, 3, 2):
                if i + n <= n_toks and known(g.leaders, " ".join(words[i:i + n])):
                    leaders[i:i + n] = ["B"] + ["I"] * (n - 1)
                    break
    return Marks(toks, pat(g.title_heads), pat(g.places), pat(g.known_org_pattern), pat(g.org_head_pattern),
                 leaders, _marks(rule_people, toks, starts, ends), _marks(rule_titles, toks, starts, ends))


_WINDOW = 3
#: Whether a capitalized word alone at the opening of a sentence, a quote or a bracket is read
#: (``Hùng cho biết``, ``(Lan)``). Measured, not shipped: cross-validation on the train split
#: (two quarters held out, threshold 0.9) gave people mention F1 0.9697 / 0.9605 with it against
#: 0.9701 / 0.9621 without (general articles 0.8905 / 0.7959 against 0.8855 / 0.7959), for 15 %
#: more tokens tagged, and the model so trained took "Tôn" of "Tôn trọng" for a name on the dev gold.
READ_OPENERS = False


@cache
def _function_words() -> frozenset[str]:
    """Capitalized function words that open a clause (``Theo``, ``Trong``): never a name."""
    return frozenset(load_yaml("names.yaml")["function_words"])


def unread_opener(word: str) -> bool:
    """Whether a capitalized word opening a sentence, quote or bracket is left unread: always
    without ``READ_OPENERS``, else a function word or a word of address (``Thầy Tuệ nêu rõ``:
    the name follows it)."""
    return not READ_OPENERS or word in _function_words() or word.lower() in address_words()


def segments(m: Marks, lo: int, hi: int) -> list[tuple[int, int]]:
    """The stretches of a sentence (token indices ``lo:hi``) the tagger reads: a few tokens around each
    capitalized word that does not open the sentence and that neither the rules' names nor the
    lexicons (places, known bodies, organization and title heads, heads of state) account for;
    elsewhere the rules' decision stands."""
    words, caps = m.words, m.caps
    rp, places, orgs, leaders, heads, bodies = m.rp, m.places, m.orgs, m.leaders, m.heads, m.bodies
    out: list[tuple[int, int]] = []
    for c in range(bisect.bisect_left(caps, lo) if READ_OPENERS else bisect.bisect_right(caps, lo),
                   bisect.bisect_left(caps, hi)):
        i = caps[c]
        if rp[i] or places[i] or orgs[i] or leaders[i] or heads[i] or bodies[i]:
            continue
        if (i == lo or words[i - 1] in _SENT_END) and (unread_opener(words[i]) or (
                i + 1 < hi and _in_dictionary(words[i].lower() + " " + words[i + 1]))):
            continue  # "Tôn trọng": an opener making one word with the next is no name
        a, b = max(lo, i - _WINDOW), min(hi, i + _WINDOW + 1)
        if out and a <= out[-1][1]:  # windows that overlap or touch make one stretch
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def sentences(text: str, m: Marks) -> list[tuple[int, int]]:
    """Token index ranges of the text's sentences."""
    starts = m.starts
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


_SHAPES: dict[str, str] = {}


def _shapes(words: list[str]) -> list[str]:
    """The shape of each word (remembered per word: a text repeats its words)."""
    known = _SHAPES
    if len(known) > 100_000:
        known.clear()
    out = []
    for w in words:
        sh = known.get(w)
        if sh is None:
            sh = known[w] = _shape(w)
        out.append(sh)
    return out


@lru_cache(maxsize=1 << 16)
def _in_dictionary(phrase: str) -> bool:
    return in_dictionary(phrase)


@lru_cache(maxsize=1 << 16)
def _vn(word: str) -> str:
    return "vn=" + str(is_vietnamese_syllable(word)) + str(has_marks(word))


class _Fixed(dict[str, "str | _Fixed"]):
    """Feature strings of a closed vocabulary (a shape, a B/I mark), each made once and then looked
    up: no new string per token, and its hash kept for the weight table. ``depth`` keys are read
    one after another, ``sep`` between them (``_Fixed("prp=", 2, "|rp=")["B"]["I"]`` is ``prp=B|rp=I``)."""

    def __init__(self, prefix: str, depth: int = 1, sep: str = "") -> None:
        super().__init__()
        self.prefix, self.depth, self.sep = prefix, depth, sep

    def __missing__(self, key: str) -> str | _Fixed:
        got: str | _Fixed = (self.prefix + key if self.depth == 1
                             else _Fixed(self.prefix + key + self.sep, self.depth - 1, self.sep))
        self[key] = got
        return got


_SH, _FIRST_SH, _PSH = _Fixed("sh="), _Fixed("first|sh="), _Fixed("psh=", 3, "|")
_HEAD, _PLACE, _ORG, _LEADER = _Fixed("head="), _Fixed("place="), _Fixed("org="), _Fixed("leader=")
_RP, _RT, _BODY, _PRT, _NRT, _N_HEAD = (_Fixed("rp="), _Fixed("rt="), _Fixed("body="), _Fixed("prt="), _Fixed("nrt="),
                                       _Fixed("n_head="))
_P_ADDR, _P2_ADDR, _P_HON = _Fixed("p_addr|sh="), _Fixed("p2_addr|sh="), _Fixed("p_hon|sh=")
_P_HEAD, _PRP, _P_SURNAME = _Fixed("p_head=", 2, "|sh="), _Fixed("prp=", 2, "|rp="), _Fixed("p_surname=", 2, "|sh=")


#: Whether ``_opening_address`` applies: cross-validation on the train split (4 folds, stop 26) gave
#: people mention F1 0.9757 with it against 0.9755 without, general articles 0.8905 (R 0.841) against
#: 0.8822 (R 0.825). Measured, not shipped: the shape of the item across a list's comma or ``và`` and
#: its rule person mark (general 0.8847, recall down to 0.825).
OPENING_ADDRESS = True


def _opening_address(shapes: list[str], words: list[str], low: list[str]) -> list[str]:
    """The shapes with a capitalized word of address that opens a sentence, a quote or a bracket
    before a capitalized word read as written in lower case (``Anh Tuấn cười`` as ``anh Tuấn``,
    ``Ông Kerry nói`` as ``ông Kerry``): mid-sentence the same words are lower case, and read
    capitalized they join the name's run (``Anh`` a place too, the run then seemed known)."""
    addr = address_words()
    out = shapes
    if not OPENING_ADDRESS:
        return out
    for k, sh in enumerate(shapes):
        if sh != "Xx" or not (k == 0 or words[k - 1] in _SENT_END):
            continue
        for n in (1, 2, 3):
            if k + n < len(words) and shapes[k + n] == "Xx" and " ".join(low[k:k + n]) in addr:
                if out is shapes:
                    out = list(shapes)
                out[k:k + n] = ["x"] * n
                break
    return out


def sentence_features(text: str, m: Marks, lo: int, hi: int, a: int, b: int, g: Gazetteer,
                      only: set[int] | None = None) -> list[list[str]]:
    """The feature strings of tokens ``a:b`` of the sentence ``lo:hi`` (neighbours read within the sentence;
    ``only``: the token indices wanted, the others left empty)."""
    words = m.words[lo:hi]
    n = len(words)
    low = [w.lower() for w in words]
    shapes = _opening_address(_shapes(words), words, low)
    heads, places, orgs = m.heads[lo:hi], m.places[lo:hi], m.orgs[lo:hi]
    leaders, bodies, rp, rt = m.leaders[lo:hi], m.bodies[lo:hi], m.rp[lo:hi], m.rt[lo:hi]
    runs = _runs(shapes) if "Xx" in shapes else []
    run_facts: dict[int, tuple[bool, str, bool, bool]] = {}  # per run start: what the run's tokens share
    addr = address_words()
    hon = g.honorifics
    surnames = g.surnames
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
            "b", "w=" + lw, _SH[sh], "p=" + prev, "n=" + nxt, "p2=" + prev2, "n2=" + nxt2,
            "pw=" + prev + "|" + lw, "wn=" + lw + "|" + nxt,
            _PSH[shapes[i - 1] if i > 0 else "<s>"][sh][shapes[i + 1] if i + 1 < n else "</s>"],  # type: ignore[index]
            _HEAD[heads[i]], _PLACE[places[i]], _ORG[orgs[i]], _LEADER[leaders[i]],
            _RP[rp[i]], _RT[rt[i]], _BODY[bodies[i]],
        ]
        if first:
            f.append("first")
            f.append(_FIRST_SH[sh])
        if sh == "Xx":
            f.append(_vn(w))
            r_len, r_pos, r_start = runs[i]
            facts = run_facts.get(r_start)
            if facts is None:
                p_out = low[r_start - 1] if r_start > 0 else "<s>"
                at = m.starts[lo + r_start]
                facts = run_facts[r_start] = (
                    any(places[k] or orgs[k] or bodies[k] or heads[k] for k in range(r_start, r_start + r_len)),
                    p_out, r_start == 0 or words[r_start - 1] in _SENT_END,
                    bool(p_out in g.place_prefixes or g.name_blockers.search(text, max(0, at - 30), at)))
            known, p_out, run_first, place_prefix = facts
            f.append(f"run={min(r_len, 4)}{r_pos}|known={known}|first={run_first}")
            f.append(f"run_prev={p_out}|{min(r_len, 4)}")
            if place_prefix:
                f.append("run_place_prefix")
            if _in_dictionary(lw):
                f.append("dict")
            if i + 1 < n and shapes[i + 1] == "Xx" and _in_dictionary(lw + " " + nxt):
                f.append("dict_n")
            if w in surnames:
                f.append("surname")
            if w in g.function_words:
                f.append("func")
        if prev in addr or address_before(low, i) > 1:
            f.append(_P_ADDR[sh])
        if prev2 in addr and i > 1 and shapes[i - 1] == "Xx":
            f.append(_P2_ADDR[sh])
        if prev in hon:
            f.append(_P_HON[sh])
        if i > 0:
            f.append(_P_HEAD[heads[i - 1]][sh])  # type: ignore[index]
            f.append(_PRP[rp[i - 1]][rp[i]])  # type: ignore[index]
            f.append(_PRT[rt[i - 1]])
            if words[i - 1][:1].isupper():
                f.append(_P_SURNAME[str(words[i - 1] in surnames)][sh])  # type: ignore[index]
        if i + 1 < n:
            f.append(_NRT[rt[i + 1]])
            f.append(_N_HEAD[heads[i + 1]])
        if len(w) > 3:
            f.append("suf3=" + lw[-3:])
        out.append(f)
    return out
