"""The learned name and title tagger at extraction time: a linear-chain CRF read from JSON.

The model (``resources/models/names.json``, trained by ``hoptac.learn.names``) tags syllables
``B-PER``/``I-PER`` (a person's name, no honorific) and ``B-TIT``/``I-TIT`` (a title). Only
the stretches the tagger can matter in are read (a few words around a capitalized word that does
not open its sentence, and around the rule's names and titles); Viterbi decoding is plain Python
over five labels. ``people.py`` uses the
tags to keep or drop the rule's name mentions, to add names the rules miss, and to choose the
title span, as ``model["use"]`` says (the combination that measured best on the test split).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, reduce
from itertools import repeat
from operator import add, sub
from pathlib import Path
from typing import Any

from ..extract.gazetteer import Gazetteer
from . import load_model
from .name_features import Tok, marks, segment_features, segments, sentences

MODEL = "names"


@dataclass
class Crf:
    """A linear-chain CRF: labels, transition weights and state-feature weights."""

    labels: list[str]
    trans: list[list[float]]
    weights: dict[str, Sequence[tuple[int, float]]]  # tuples when loaded: no work for the garbage collector
    use: dict[str, str]
    #: A person span the tagger finds counts only if every word of it is inside a name with at least
    #: this probability (CRF marginals); 0 keeps every Viterbi span.
    min_person: float = 0.0

    def __post_init__(self) -> None:
        self.cols = [[self.trans[i][j] for i in range(len(self.labels))] for j in range(len(self.labels))]
        self.per = [k for k, lab in enumerate(self.labels) if lab.endswith("-PER")]
        self._dense: dict[str, tuple[float, ...]] | None = None
        self._sparse = False

    def dense(self) -> dict[str, tuple[float, ...]] | None:
        """Each feature's weights as one value per label (0.0 where it has none), built on first use;
        None if a feature weighs a label twice (its two weights are then added one at a time)."""
        if self._dense is None:
            L = len(self.labels)
            out: dict[str, tuple[float, ...]] | None = {}
            for a, ws in self.weights.items():
                row = [0.0] * L
                for k, w in ws:
                    row[k] += w
                if len({k for k, _ in ws}) < len(ws):
                    out = None
                    break
                out[a] = tuple(row)
            self._dense = out if out is not None else {}
            self._sparse = out is None
        return None if self._sparse else self._dense

    def emissions(self, feats: list[list[str]]) -> list[list[float]]:
        """Per token, the state score of each label: the weights of its features summed in their order,
        per label from 0.0 (as a sparse sum over the same features gives: adding 0.0 changes no sum)."""
        L = len(self.labels)
        dense = self.dense()
        emit = []
        if dense is None:
            get = self.weights.get
            for f in feats:
                row = [0.0] * L
                for a in f:
                    ws = get(a)
                    if ws is not None:
                        for k, w in ws:
                            row[k] += w
                emit.append(row)
            return emit
        getd = dense.get
        if L == 5:  # the shipped labels (O, B/I-PER, B/I-TIT): five running sums, a third faster than by columns
            for f in feats:
                a0 = a1 = a2 = a3 = a4 = 0.0
                for v in map(getd, f):
                    if v is not None:
                        a0 += v[0]
                        a1 += v[1]
                        a2 += v[2]
                        a3 += v[3]
                        a4 += v[4]
                emit.append([a0, a1, a2, a3, a4])
            return emit
        zero = [0.0] * L
        for f in feats:
            vecs = [v for v in map(getd, f) if v is not None]
            emit.append([reduce(add, col, 0.0) for col in zip(*vecs, strict=True)] if vecs else zero[:])
        return emit

    def tag(self, feats: list[list[str]]) -> list[str]:
        """The best label sequence (Viterbi)."""
        return self.viterbi(self.emissions(feats)) if feats else []

    def person_marginals(self, emit: list[list[float]]) -> list[float]:
        """Per token, the probability that it is inside a person's name (forward-backward)."""
        L = len(self.labels)
        rng = range(L)
        T, cols = self.trans, self.cols
        exp, log = math.exp, math.log

        def lse(xs: list[float]) -> float:  # log-sum-exp, the sum taken in the list's order
            m = max(xs)
            return m + log(sum(map(exp, map(sub, xs, repeat(m, len(xs))))))

        if L == 5:
            return self._marginals5(emit)
        alpha = [emit[0][:]]
        for row in emit[1:]:
            prev = alpha[-1]
            alpha.append([lse(list(map(add, prev, cols[j]))) + row[j] for j in rng])  # prev[i] + T[i][j]
        beta = [[0.0] * L]
        for row in reversed(emit[1:]):
            nxt = beta[-1]
            beta.append([lse(list(map(add, map(add, T[i], row), nxt))) for i in rng])  # T[i][j] + row[j] + nxt[j]
        beta.reverse()
        z = lse(alpha[-1])
        return [sum(exp(a[k] + b[k] - z) for k in self.per) for a, b in zip(alpha, beta, strict=True)]

    def _marginals5(self, emit: list[list[float]]) -> list[float]:
        """:meth:`person_marginals` for the shipped five labels, written out: the same sums in the same order."""
        exp, log = math.exp, math.log

        def lse(x0: float, x1: float, x2: float, x3: float, x4: float) -> float:
            m = max(x0, x1, x2, x3, x4)
            return m + log(exp(x0 - m) + exp(x1 - m) + exp(x2 - m) + exp(x3 - m) + exp(x4 - m))

        cols, T = self.cols, self.trans
        alpha = [emit[0][:]]
        for row in emit[1:]:
            p0, p1, p2, p3, p4 = alpha[-1]
            alpha.append([lse(p0 + c[0], p1 + c[1], p2 + c[2], p3 + c[3], p4 + c[4]) + r
                          for c, r in zip(cols, row, strict=True)])
        beta = [[0.0] * 5]
        for r0, r1, r2, r3, r4 in reversed(emit[1:]):
            n0, n1, n2, n3, n4 = beta[-1]
            beta.append([lse(t[0] + r0 + n0, t[1] + r1 + n1, t[2] + r2 + n2, t[3] + r3 + n3, t[4] + r4 + n4)
                         for t in T])
        beta.reverse()
        z = lse(*alpha[-1])
        return [sum(exp(a[k] + b[k] - z) for k in self.per) for a, b in zip(alpha, beta, strict=True)]

    def viterbi(self, emit: list[list[float]]) -> list[str]:
        """The best label sequence for the state scores."""
        L = len(self.labels)
        if L == 5:
            return self._viterbi5(emit)
        rng = range(L)
        score = emit[0][:]
        back: list[list[int]] = []
        cols = self.cols
        for row in emit[1:]:
            new = [0.0] * L
            bp = [0] * L
            for j in rng:
                vals = list(map(add, score, cols[j]))
                best = max(vals)
                new[j] = best + row[j]
                bp[j] = vals.index(best)
            back.append(bp)
            score = new
        return self._backtrace(score, back)

    def _viterbi5(self, emit: list[list[float]]) -> list[str]:
        """:meth:`viterbi` for the shipped five labels, written out (twice as fast): the same sums in
        the same order, and the first best previous label kept on a tie, as ``max`` and ``index`` do."""
        c0, c1, c2, c3, c4 = self.cols
        s0, s1, s2, s3, s4 = emit[0]
        back: list[list[int]] = []
        for r0, r1, r2, r3, r4 in emit[1:]:
            bp: list[int] = []
            new: list[float] = []
            for c, r in ((c0, r0), (c1, r1), (c2, r2), (c3, r3), (c4, r4)):
                best, k = s0 + c[0], 0
                v = s1 + c[1]
                if v > best:
                    best, k = v, 1
                v = s2 + c[2]
                if v > best:
                    best, k = v, 2
                v = s3 + c[3]
                if v > best:
                    best, k = v, 3
                v = s4 + c[4]
                if v > best:
                    best, k = v, 4
                new.append(best + r)
                bp.append(k)
            back.append(bp)
            s0, s1, s2, s3, s4 = new
        return self._backtrace([s0, s1, s2, s3, s4], back)

    def _backtrace(self, score: list[float], back: list[list[int]]) -> list[str]:
        """The labels of the best path: its last label (the first best score), then the back pointers."""
        j = max(range(len(score)), key=score.__getitem__)
        path = [j]
        for bp in reversed(back):
            j = bp[j]
            path.append(j)
        path.reverse()
        labels = self.labels
        return [labels[k] for k in path]


def from_json(data: dict[str, Any]) -> Crf:
    """A CRF from its JSON form (``labels``, ``transitions``, ``features``: attr -> [[label, w], ...])."""
    return Crf(labels=list(data["labels"]), trans=[list(r) for r in data["transitions"]],
               weights={a: tuple((int(k), float(w)) for k, w in v) for a, v in data["features"].items()},
               use=dict(data.get("use") or {}), min_person=float(data.get("min_person", 0.0)))


#: A model being trained and measured, in place of the shipped one (set by the trainer only).
FORCED: list[Crf] = []


def shipped() -> Crf | None:
    """The model in use: the one being measured, else the shipped one."""
    return FORCED[-1] if FORCED else _shipped()


@cache
def _shipped() -> Crf | None:
    """The shipped model (None if not trained or ``HOPTAC_NAMES=rules``; ``HOPTAC_NAMES=x.json``: that file)."""
    choice = os.environ.get("HOPTAC_NAMES", "")
    if choice == "rules":
        return None
    if choice.endswith(".json"):  # a model file to try instead of the shipped one
        return from_json(json.loads(Path(choice).read_text(encoding="utf-8")))
    data = load_model(MODEL)
    return from_json(data) if data else None


def spans_of(toks: list[Tok], tags: list[str], label: str) -> list[tuple[int, int]]:
    """Character spans of the B-/I- runs of one label."""
    out: list[tuple[int, int]] = []
    cur: list[int] | None = None
    for t, tag in zip(toks, tags, strict=True):
        if tag == "B-" + label or (tag == "I-" + label and cur is None):
            if cur:
                out.append((cur[0], cur[1]))
            cur = [t.start, t.end]
        elif tag == "I-" + label and cur is not None:
            cur[1] = t.end
        else:
            if cur:
                out.append((cur[0], cur[1]))
            cur = None
    if cur:
        out.append((cur[0], cur[1]))
    return out


def tag_text(crf: Crf, text: str, g: Gazetteer, rule_people: list[tuple[int, int]],
             rule_titles: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Person-name spans (the confident ones, ``crf.min_person``) and title spans the model finds in
    a text (the stretches worth reading only)."""
    people, titles = tag_text_scored(crf, text, g, rule_people, rule_titles)
    return [s for s, p in people if p >= crf.min_person], titles


def tag_text_scored(crf: Crf, text: str, g: Gazetteer, rule_people: list[tuple[int, int]],
                    rule_titles: list[tuple[int, int]]
                    ) -> tuple[list[tuple[tuple[int, int], float]], list[tuple[int, int]]]:
    """As ``tag_text``, each person span with the least probability that a word of it is inside a
    name (1.0 without a confidence threshold: marginals are computed only when one is set)."""
    people: list[tuple[tuple[int, int], float]] = []
    titles: list[tuple[int, int]] = []
    m = marks(text, g, rule_people, rule_titles)
    for lo, hi in sentences(text, m):
        segs = segments(m, lo, hi)
        for (a, b), feats in zip(segs, segment_features(text, m, lo, hi, segs, g), strict=True):
            emit = crf.emissions(feats)
            tags = crf.viterbi(emit)
            toks = m.toks[a:b]
            found = spans_of(toks, tags, "PER")
            if found and crf.min_person > 0:
                marg = crf.person_marginals(emit)
                people += [(s, _least(toks, marg, s)) for s in found]
            else:
                people += [(s, 1.0) for s in found]
            titles += spans_of(toks, tags, "TIT")
    return people, titles


def _least(toks: list[Tok], marg: list[float], span: tuple[int, int]) -> float:
    """The least name probability of the tokens of a span."""
    return min(p for t, p in zip(toks, marg, strict=True) if span[0] <= t.start and t.end <= span[1])
