"""Sparse binary features and a multinomial logistic regression: trained with numpy, applied in plain Python.

A model is a JSON-able dict ``{"classes", "features", "weights", "bias"}``: the feature names
kept at training (seen at least ``min_count`` times in the train split), one weight row per
feature. Training is full-batch gradient descent from zeros with fixed steps: deterministic.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)

#: Words that change what a clause does: modality, negation, time (the decisions' own signals).
MARKERS = ("sẽ", "đã", "đang", "không", "chưa", "chẳng", "cần", "phải", "nên", "muốn", "mong",
           "tiếp tục", "sẵn sàng", "cam kết", "hy vọng", "hi vọng", "cùng", "hai bên", "hai nước",
           "nếu", "để", "vào", "khi", "được", "bị", "rằng", "là")


def words(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return _WORD.findall(text.lower())


def few_words(text: str, n: int) -> bool:
    """Whether a text has at most ``n`` of :func:`words` (read no further than the word after)."""
    return sum(1 for _ in itertools.islice(_WORD.finditer(text.lower()), n + 1)) <= n


def grams(prefix: str, toks: Sequence[str], n: int = 2) -> list[str]:
    """Unigram (and bigram) features of a token list, tagged with a prefix."""
    out = [f"{prefix}:{t}" for t in toks]
    if n >= 2:
        out += [f"{prefix}:{a}_{b}" for a, b in itertools.pairwise(toks)]
    return out


#: per marker, in order: the marker, its first word and its spaced form (None for one word)
_SPACED = tuple((m, m.split(" ")[0], f" {m} " if " " in m else None) for m in MARKERS)
#: the one-word markers by their place in :data:`MARKERS`
_SINGLE = {m: k for k, (m, _first, spaced) in enumerate(_SPACED) if spaced is None}
#: the markers of more than one word: place, first word, spaced form
_MULTI = tuple((k, first, spaced) for k, (_m, first, spaced) in enumerate(_SPACED) if spaced is not None)
_TAGGED: dict[str, tuple[str, ...]] = {}


def markers(prefix: str, text: str) -> list[str]:
    """Which modality, negation and linking words occur in a text (whole words: a one-word marker
    is one of its words, a two-word one is found in its words joined by single spaces; one whose
    first word is not among the words is not there), in the order of :data:`MARKERS`. The one-word
    markers are the words' set intersected with theirs, the others tried only where their first
    word is there."""
    tagged = _TAGGED.get(prefix)
    if tagged is None:
        tagged = _TAGGED[prefix] = tuple(f"{prefix}:{m}" for m in MARKERS)
    toks = words(text)
    have = set(toks)
    found = [_SINGLE[m] for m in have.intersection(_SINGLE)]
    low = ""
    for k, first, spaced in _MULTI:
        if first in have:
            low = low or " " + " ".join(toks) + " "
            if spaced in low:
                found.append(k)
    if len(found) > 1:
        found.sort()
    return [tagged[k] for k in found]


def bucket(n: int, edges: Sequence[int]) -> str:
    """The first edge a number does not exceed (a coarse size feature)."""
    for e in edges:
        if n <= e:
            return str(e)
    return "more"


def train_logreg(rows: list[list[str]], labels: list[str], *, min_count: int = 2, l2: float = 1.0,
                 steps: int = 400, lr: float = 0.5) -> dict[str, Any]:
    """A multinomial logistic regression over binary features (deterministic)."""
    import numpy as np
    from scipy import sparse

    counts = Counter(f for r in rows for f in set(r))
    feats = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i for i, f in enumerate(feats)}
    classes = sorted(set(labels))
    cidx = {c: i for i, c in enumerate(classes)}
    n, d, k = len(rows), len(feats), len(classes)
    cols = [sorted({index[f] for f in r if f in index}) for r in rows]
    x = sparse.csr_matrix((np.ones(sum(len(c) for c in cols)), [j for c in cols for j in c],
                           np.cumsum([0] + [len(c) for c in cols])), shape=(n, d))
    y = np.zeros((n, k))
    y[np.arange(n), [cidx[lab] for lab in labels]] = 1.0
    w = np.zeros((d, k))
    b = np.zeros(k)
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    for t in range(1, steps + 1):  # Adam, full batch
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = p - y
        gw = x.T @ g / n + l2 * w / n
        gb = g.mean(axis=0)
        m_w = 0.9 * m_w + 0.1 * gw
        v_w = 0.999 * v_w + 0.001 * gw * gw
        m_b = 0.9 * m_b + 0.1 * gb
        v_b = 0.999 * v_b + 0.001 * gb * gb
        step = lr * math.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t) / 10
        w -= step * m_w / (np.sqrt(v_w) + 1e-8)
        b -= step * m_b / (np.sqrt(v_b) + 1e-8)
    keep = np.abs(w).max(axis=1) > 1e-4
    return {"classes": classes,
            "features": [f for f, kept in zip(feats, keep, strict=True) if kept],
            "weights": [[round(float(v), 5) for v in row] for row in w[keep]],
            "bias": [round(float(v), 5) for v in b]}


class Compiled:
    """A model ready to apply: its classes, bias and a weight row (a tuple) by feature name.

    A row's score per class is the bias plus the weights of its distinct features the model
    knows; the features are matched against the table in C (``keys() & row``) rather than one
    ``get`` per feature. A decision whose row is its plain features plus each of them crossed with
    a tag (``f"{tag}|{f}"``, :func:`hoptac.learn.statements.features`) is scored from the plain
    features alone through :meth:`crossed`, which sums the two weight rows of each plain feature
    once at load: the same features count, without a second string per feature. The order in
    which a row's weights are added follows the set of matched features (as the Python set of
    feature strings did before: by their hashes), so the scores may differ from another order in
    the last bits, never in a decision the corpus shows."""

    __slots__ = ("_crossed", "_odds", "bias", "classes", "table")

    def __init__(self, model: dict[str, Any]) -> None:
        self.classes: list[str] = list(model["classes"])
        self.table: dict[str, tuple[float, ...]] = dict(zip(model["features"], map(tuple, model["weights"]),
                                                            strict=True))
        self.bias: tuple[float, ...] = tuple(model["bias"])
        self._crossed: dict[str, dict[str, tuple[float, ...]]] = {}
        self._odds: dict[str, tuple[dict[str, float], float]] = {}

    def crossed(self, tag: str) -> dict[str, tuple[float, ...]]:
        """By plain feature ``f``: the weights of ``f`` and of ``f"{tag}|{f}"`` added (either alone
        where the model keeps one), built once per tag."""
        table = self._crossed.get(tag)
        if table is None:
            mark = f"{tag}|"
            table = dict(self.table)  # the tagged features stay too: no plain feature starts with a tag
            for f, w in self.table.items():
                if f.startswith(mark):
                    base = f[len(mark):]
                    own = table.get(base)
                    table[base] = w if own is None else tuple(a + b for a, b in zip(own, w, strict=True))
            self._crossed[tag] = table
        return table

    def probs(self, row: Iterable[str], table: dict[str, tuple[float, ...]] | None = None) -> dict[str, float]:
        """Class probabilities of one feature row (``table``: one of :meth:`crossed`'s)."""
        table = self.table if table is None else table
        rows = [table[f] for f in table.keys() & row]
        # per class, the bias plus the feature weights added one at a time (``sum`` with a float
        # start adds in order on Python 3.11: the sums of a loop over the features, by columns)
        z = [sum(col, b) for b, col in zip(self.bias, zip(*rows, strict=True), strict=True)] if rows else list(self.bias)
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = sum(e)
        return {c: v / s for c, v in zip(self.classes, e, strict=True)}

    def prob(self, row: Iterable[str], label: str) -> float:
        """The probability of one class (0 for a class the model lacks). A two-class model (a
        ranker's ``yes``/``no``) sums one number per feature, the difference of the two classes'
        weights taken once at load, and reads the class's probability off the sigmoid of that
        sum: the softmax of two classes, without a second sum and the exponentials."""
        if len(self.classes) != 2 or label not in self.classes:
            return self.probs(row).get(label, 0.0)
        if label not in self._odds:
            k = self.classes.index(label)
            self._odds[label] = ({f: w[k] - w[1 - k] for f, w in self.table.items()}, self.bias[k] - self.bias[1 - k])
        odds, start = self._odds[label]
        z = sum(map(odds.__getitem__, odds.keys() & row), start)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)


def compile_model(model: dict[str, Any]) -> Compiled:
    """A model ready for fast application (:class:`Compiled`)."""
    return Compiled(model)


def predict(compiled: Compiled, row: Iterable[str]) -> dict[str, float]:
    """Class probabilities of one feature row."""
    return compiled.probs(row)


def choice(probs: dict[str, float], rule: str, mode: str, confident: float, add: float = 0.5,
           quiet: str | None = None, drop: float = 1.01) -> str:
    """One candidate's label under a variant: ``rule`` is the rules' label (``none`` for a
    candidate the rules left). ``model`` takes the model's answer. ``both`` keeps a rule candidate
    and relabels it only where the model's answer (``none`` set aside) has at least ``confident``
    of the mass. A candidate the rules left is,
    in either variant, the model's label when that label has at least ``add`` and is not ``quiet``
    (a label it adds nothing by), else ``none``. In ``both``, a rule candidate the model calls
    ``none`` with at least ``drop`` of the mass goes (above 1: never)."""
    best = max(probs, key=lambda c: probs[c])
    if rule == "none":
        return best if best not in ("none", quiet) and probs[best] >= add else "none"
    if mode == "model":
        return best
    if probs.get("none", 0.0) >= drop:
        return "none"
    labels = {c: p for c, p in probs.items() if c != "none"}
    best = max(labels, key=lambda c: labels[c])
    return best if labels[best] >= confident * sum(labels.values()) else rule


def relabel(items: list[Any], probs_of: Callable[[Any], dict[str, float]], mode: str, attr: str,
            confident: float, extra: Callable[[Any], bool] | None = None, add: float = 0.5,
            quiet: str | None = None, drop: float = 1.01) -> list[Any]:
    """Candidates after a learned decision (:func:`choice` over each one's class probabilities
    ``probs_of``): those labelled ``none`` go, the others get ``attr`` (the act, the type) set to
    their label. ``extra`` tells a candidate the rules left."""
    out = []
    for item in items:
        rule = "none" if extra is not None and extra(item) else getattr(item, attr)
        label = choice(probs_of(item), rule, mode, confident, add, quiet, drop)
        if label != "none":
            setattr(item, attr, label)
            out.append(item)
    return out


def fit_decision(rows: list[list[str]], labels: list[str]) -> dict[str, Any]:
    """A decision model trained on candidate rows (the shipped hyper-parameters)."""
    return train_logreg(rows, labels, min_count=2, l2=5.0, steps=300)

