"""The name tagger's fast paths give exactly what the plain computations give.

Tokens from one split with summed offsets equal ``TOKEN.finditer``'s; emissions from dense weight
rows equal the sparse sum (float for float), and a model that weighs one label twice in a feature
keeps the sparse sum; the bisected overlap test answers as the scan over the spans does.
"""

from __future__ import annotations

import math
import random

from hoptac.learn.name_decisions import _Overlap, _overlaps
from hoptac.learn.name_features import TOKEN, Tok, tokens
from hoptac.learn.name_tagger import Crf

TEXTS = ["", "   ", "Ông Nguyễn Văn A, 45 tuổi, nói: \"Hợp tác 3,5% ...\"", "Hoa Kỳ-Việt Nam O'Brien’s x_y 1.000.000",
         "\n\nTổng thống Donald J. Trump (Mỹ) — cuối năm 2017!"]


def _plain_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


def test_tokens_of_a_whole_text_match_the_pattern_s_matches() -> None:
    rng = random.Random(7)
    alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃĂẰẮẶẲẴÂẦẤẬẨẪHK 0123456789.,%-'’\"()\n_!?…"
    texts = TEXTS + ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 200))) for _ in range(300)]
    for text in texts:
        got = tokens(text)
        assert got == _plain_tokens(text)
        assert all(type(t) is Tok for t in got)


def _sparse(crf: Crf, feats: list[list[str]]) -> list[list[float]]:
    out = []
    for f in feats:
        row = [0.0] * len(crf.labels)
        for a in f:
            for k, w in crf.weights.get(a, ()):
                row[k] += w
        out.append(row)
    return out


def _random_crf(rng: random.Random, twice: bool, n_labels: int = 5) -> tuple[Crf, list[list[str]]]:
    labels = ["O", "B-PER", "I-PER", "B-TIT", "I-TIT", "B-ORG", "I-ORG"][:n_labels]
    names = [f"f{i}" for i in range(40)]
    weights = {}
    for a in names[:30]:  # ten features the model does not know
        ks = rng.sample(range(n_labels), rng.randrange(1, n_labels + 1))
        if twice:
            ks.append(ks[0])
        weights[a] = [(k, rng.uniform(-3, 3) * 10 ** rng.randrange(-3, 3)) for k in ks]
    trans = [[rng.uniform(-2, 2) for _ in labels] for _ in labels]
    feats = [rng.choices(names, k=rng.randrange(0, 25)) for _ in range(rng.randrange(1, 12))]
    return Crf(labels=labels, trans=trans, weights=weights, use={}), feats


def test_dense_emissions_equal_the_sparse_sum_exactly() -> None:
    rng = random.Random(3)
    for n_labels in (5, 3, 7):  # five (the shipped labels: running sums) and any other count (by columns)
        for twice in (False, True):
            for _ in range(200):
                crf, feats = _random_crf(rng, twice, n_labels)
                assert crf.emissions(feats) == _sparse(crf, feats)
                assert (crf.dense() is None) == twice  # a label weighed twice: the sparse sum, one at a time


def test_bisected_overlap_answers_as_the_scan() -> None:
    rng = random.Random(11)
    for _ in range(300):
        spans = []
        for _ in range(rng.randrange(0, 15)):
            a = rng.randrange(0, 100)
            spans.append((a, a + rng.randrange(0, 20)))  # overlapping, nested and empty spans too
        ask = _Overlap(spans)
        for _ in range(30):
            a = rng.randrange(-5, 120)
            span = (a, a + rng.randrange(0, 15))
            assert ask(span) == _overlaps(span, spans)
        extra = (rng.randrange(0, 100), rng.randrange(100, 130))
        ask.append(extra)
        span = (rng.randrange(0, 130), 131)
        assert ask(span) == _overlaps(span, [*spans, extra])


def _plain_viterbi(crf: Crf, emit: list[list[float]]) -> list[str]:
    L = len(crf.labels)
    score, back = emit[0][:], []
    for row in emit[1:]:
        vals = [[score[i] + crf.trans[i][j] for i in range(L)] for j in range(L)]
        back.append([v.index(max(v)) for v in vals])
        score = [max(v) + row[j] for j, v in enumerate(vals)]
    path = [score.index(max(score))]
    for bp in reversed(back):
        path.append(bp[path[-1]])
    return [crf.labels[k] for k in reversed(path)]


def test_viterbi_answers_as_the_plain_decoding_ties_included() -> None:
    rng = random.Random(5)
    for n_labels in (5, 3):  # the written-out five labels, and any other count
        for _ in range(300):
            crf, feats = _random_crf(rng, False, n_labels)
            emit = crf.emissions(feats)
            if rng.random() < 0.5:  # coarse scores: ties between paths, decided as max() and index() do
                emit = [[float(round(x)) for x in row] for row in emit]
                crf.trans = [[float(round(x)) for x in row] for row in crf.trans]
                crf.cols = [[crf.trans[i][j] for i in range(n_labels)] for j in range(n_labels)]
            assert crf.viterbi(emit) == _plain_viterbi(crf, emit)


def _plain_marginals(crf: Crf, emit: list[list[float]]) -> list[float]:
    L = len(crf.labels)

    def lse(xs: list[float]) -> float:
        m = max(xs)
        return m + math.log(sum(math.exp(x - m) for x in xs))

    alpha = [emit[0][:]]
    for row in emit[1:]:
        alpha.append([lse([alpha[-1][i] + crf.trans[i][j] for i in range(L)]) + row[j] for j in range(L)])
    beta = [[0.0] * L]
    for row in reversed(emit[1:]):
        beta.append([lse([crf.trans[i][j] + row[j] + beta[-1][j] for j in range(L)]) for i in range(L)])
    beta.reverse()
    z = lse(alpha[-1])
    return [sum(math.exp(a[k] + b[k] - z) for k in crf.per) for a, b in zip(alpha, beta, strict=True)]


def test_marginals_equal_the_plain_forward_backward_exactly() -> None:
    rng = random.Random(9)
    for n_labels in (5, 3):
        for _ in range(300):
            crf, feats = _random_crf(rng, False, n_labels)
            emit = crf.emissions(feats)
            assert crf.person_marginals(emit) == _plain_marginals(crf, emit)


def test_marks_read_from_columns_as_from_tokens() -> None:
    """A text's marks keep its tokens as columns (a Tok made only when asked): each token, slice and
    word reads as the token list gives it, and the marks equal those built over that list."""
    import unicodedata

    from hoptac.extract.gazetteer import gazetteer
    from hoptac.learn.name_features import Marks, TokView, marks

    g = gazetteer()
    for text in [*TEXTS, "Bộ trưởng Ngoại giao Hoa Kỳ Antony Blinken gặp Thủ tướng Phạm Minh Chính tại Hà Nội."]:
        for form in (text, unicodedata.normalize("NFD", text)):
            toks = tokens(form)
            m = marks(form, g, [], [])
            assert isinstance(m.toks, TokView) and len(m.toks) == len(toks)
            assert list(m.toks) == toks and m.toks[1:-1] == toks[1:-1] and m.toks[::2] == toks[::2]
            if toks:
                assert m.toks[-1] == toks[-1] and isinstance(m.toks[0], Tok)
            plain = Marks(toks, m.heads, m.places, m.orgs, m.bodies, m.leaders, m.rp, m.rt)
            assert (plain.words, plain.starts, plain.caps) == (m.words, m.starts, m.caps)


def test_a_word_of_address_opening_a_sentence_reads_as_written_mid_sentence() -> None:
    """``Anh Tuấn cười`` gives the name the features of ``anh Tuấn``: the capitalized word of address
    is no part of the name's run (``Anh`` is also a place)."""
    from hoptac.learn.name_features import _opening_address, _shapes

    words = ["Anh", "Tuấn", "cười", ".", "Anh", "và", "Pháp"]
    low = [w.lower() for w in words]
    got = _opening_address(_shapes(words), words, low)
    assert got[:2] == ["x", "Xx"]
    assert got[4] == "Xx"  # "Anh và Pháp": no name follows, the country stays capitalized
