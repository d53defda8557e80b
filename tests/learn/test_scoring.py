"""The fast paths of applying a learned decision give what the plain rows give.

:class:`hoptac.learn.features.Compiled` scores a row without the crossed copy of each feature
(:meth:`~hoptac.learn.features.Compiled.crossed`) and a two-class model with one weight difference
per feature (:meth:`~hoptac.learn.features.Compiled.prob`); these tests check both against the
straightforward sums, on the shipped models and on hand-made ones.
"""

from __future__ import annotations

import math
import random

import pytest

from hoptac.learn import load_model
from hoptac.learn import statements as learn_statements
from hoptac.learn.features import MARKERS, compile_model, few_words, markers, words
from hoptac.model import Article, Statement


def _plain_probs(model: dict, row: list[str]) -> dict[str, float]:
    """Class probabilities the long way: a loop over the row's distinct features."""
    table = dict(zip(model["features"], model["weights"], strict=True))
    z = list(model["bias"])
    for f in set(row):
        for i, w in enumerate(table.get(f, ())):
            z[i] += w
    top = max(z)
    e = [math.exp(v - top) for v in z]
    return {c: v / sum(e) for c, v in zip(model["classes"], e, strict=True)}


TOY = {"classes": ["inform", "none", "request"],
       "features": ["a:x", "b:y", "rule|a:x", "wide|b:y", "wide|c:z", "rule|d:w"],
       "weights": [[0.5, -0.2, 0.1], [0.0, 0.3, -0.4], [1.0, 0.0, -1.0], [0.2, 0.2, 0.9], [-0.7, 0.4, 0.0],
                   [0.3, 0.3, 0.3]],
       "bias": [0.1, 0.2, -0.3]}


@pytest.mark.parametrize("tag", ["rule", "wide"])
@pytest.mark.parametrize("row", [["a:x"], ["b:y", "c:z"], ["a:x", "b:y", "a:x", "d:w", "q:unknown"], []])
def test_crossed_scores_as_the_crossed_row(tag: str, row: list[str]) -> None:
    compiled = compile_model(TOY)
    got = compiled.probs(row, compiled.crossed(tag))
    want = _plain_probs(TOY, row + [f"{tag}|{f}" for f in row])
    assert got.keys() == want.keys()
    assert all(abs(got[c] - want[c]) < 1e-12 for c in want)


def test_two_class_prob_is_the_softmax() -> None:
    rng = random.Random(7)
    feats = [f"f:{i}" for i in range(40)]
    model = {"classes": ["no", "yes"], "features": feats,
             "weights": [[rng.uniform(-3, 3), rng.uniform(-3, 3)] for _ in feats], "bias": [0.4, -0.9]}
    compiled = compile_model(model)
    for _ in range(200):
        row = [*rng.sample(feats, rng.randrange(0, 12)), "f:unknown"]
        want = _plain_probs(model, row)
        assert abs(compiled.prob(row, "yes") - want["yes"]) < 1e-12
        assert abs(compiled.prob(row, "no") - want["no"]) < 1e-12
    assert compiled.prob(["f:1"], "maybe") == 0.0
    three = compile_model(TOY)
    assert three.prob(["a:x"], "none") == three.probs(["a:x"])["none"]


def test_shipped_act_decision_scores_as_its_training_rows() -> None:
    """The act decision's plain features through the crossed table score as the crossed row that
    training reads (:func:`hoptac.learn.statements.features`)."""
    model = load_model(learn_statements.NAME)
    if model is None:
        pytest.skip("the act decision is not trained")
    compiled = compile_model(model)
    text = ("Bộ trưởng Quốc phòng Mỹ cho biết Hoa Kỳ sẽ tiếp tục hỗ trợ Việt Nam khắc phục hậu quả chiến tranh. "
            "Phía Việt Nam đề nghị hai bên đẩy mạnh hợp tác.")
    art = Article(text=text)
    a, b, c, d = text.index("Hoa Kỳ"), text.index(" sẽ") + 1, text.index("Phía"), text.index("đề nghị")
    end = text.index(".") + 1
    st = Statement(actor="US", act="commit", text=text[a:end], evidence=(a, end), side="US", cue=(b, b + 2))
    other = Statement(actor="VN", act="request", text=text[c:], evidence=(c, len(text)), side="VN",
                      cue=(d, d + 7), origin=("wide", "how:subject", "why:lexicon", "n:1"))
    names = (set(), set())
    for s in (st, other):
        row = learn_statements.plain(art, s, names, [st])
        got = compiled.probs(row, compiled.crossed(learn_statements.origin(s)))
        want = _plain_probs(model, learn_statements.features(art, s, names, [st]))
        assert all(abs(got[c] - want[c]) < 1e-9 for c in want)


def test_markers_and_few_words_read_whole_words() -> None:
    def slow(prefix: str, text: str) -> list[str]:
        low = " " + " ".join(words(text)) + " "
        return [f"{prefix}:{m}" for m in MARKERS if f" {m} " in low]

    for text in ("Hai bên sẽ tiếp tục hợp tác", "không nên", "tiếp  tục, hai nước cam kết", "sẽ", "hai",
                 "Chúng tôi hy vọng là được", "đã đang sẵn sàng"):
        assert markers("m", text) == slow("m", text)
    for text in ("ông Nam,", "Theo ông Nam, Bộ trưởng", "Phát biểu tại buổi lễ, ông", "", " , ", "ĐẠI SỨ Mỹ"):
        for n in (0, 2, 3, 4):
            assert few_words(text, n) is (len(words(text)) <= n)
    assert few_words("ông Nam, Bộ", 3) and not few_words("ông Nam, Bộ trưởng", 3)
