"""The name tagger's CRF: Viterbi and forward-backward agree with brute force on a small chain."""

from __future__ import annotations

import itertools
import math

from hoptac.learn.name_tagger import Crf


def _crf() -> Crf:
    labels = ["O", "B-PER", "I-PER"]
    trans = [[0.3, -0.2, -2.0], [0.1, -1.0, 1.2], [0.4, -0.5, 0.2]]
    weights = {"cap": [(1, 1.5), (2, 0.7)], "low": [(0, 1.0)], "addr": [(0, 0.8), (1, -0.3)]}
    return Crf(labels=labels, trans=trans, weights=weights, use={})


FEATS = [["addr", "low"], ["cap"], ["cap"], ["low"]]


def _scores(crf: Crf) -> dict[tuple[int, ...], float]:
    emit = crf.emissions(FEATS)
    out = {}
    for path in itertools.product(range(3), repeat=len(FEATS)):
        s = sum(emit[t][k] for t, k in enumerate(path))
        s += sum(crf.trans[a][b] for a, b in itertools.pairwise(path))
        out[path] = s
    return out


def test_viterbi_is_the_best_path() -> None:
    crf = _crf()
    scores = _scores(crf)
    best = max(scores, key=scores.__getitem__)
    assert crf.tag(FEATS) == [crf.labels[k] for k in best]


def test_person_marginals_are_the_summed_path_probabilities() -> None:
    crf = _crf()
    scores = _scores(crf)
    z = sum(math.exp(s) for s in scores.values())
    got = crf.person_marginals(crf.emissions(FEATS))
    for t in range(len(FEATS)):
        want = sum(math.exp(s) for p, s in scores.items() if p[t] in (1, 2)) / z
        assert abs(got[t] - want) < 1e-9
    assert got[1] > got[0] and got[2] > got[3]
