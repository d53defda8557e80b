"""The learned decision on foreign names written alone: candidates, the modes, and training."""

from __future__ import annotations

import pytest

from hoptac.annotate.corpus import iter_docs
from hoptac.annotate.schema import corpus_root
from hoptac.extract.gazetteer import gazetteer
from hoptac.learn import org_bare
from hoptac.learn.modes import CANDIDATES, using


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in org_bare._runs(text)]


def test_runs_hold_a_foreign_word_and_drop_vietnamese_words_at_their_edges() -> None:
    text = "Theo Quarrywell Dynamics, sản lượng tăng. Hà Nội đón Nguyễn Văn An và ông N tại Sở Y tế."
    got = _texts(text)
    assert "Quarrywell Dynamics" in got  # "Theo" opening the sentence is no part of the name
    assert not any("Hà Nội" in t or "Nguyễn" in t or t == "N" for t in got)  # Vietnamese words, an initial


def test_runs_keep_an_ampersand_and_stop_at_a_full_stop() -> None:
    got = _texts("Hãng luật Brindle & Osk. Sau đó, Ferrowind Labs ký hợp đồng.")
    assert "Brindle & Osk" in got and "Ferrowind Labs" in got


def _candidates(text: str, hits: list | None = None, people: list | None = None) -> list[str]:
    org_bare._RECORD = []
    try:
        with using(org_bare.NAME, CANDIDATES):
            assert org_bare.bare_hits(text, gazetteer(), hits or [], people or []) == []
        return [text[a:b] for _c, a, b, _r in org_bare._RECORD]
    finally:
        org_bare._RECORD = None


def test_candidates_leave_people_names_found_credits_and_speaker_labels() -> None:
    text = ("Ông Tobias Grent nói Corvellan Freight sẽ mở tuyến mới. Corvellan cũng thuê Quillmark.\n"
            "* Zentrino: Xin ông cho biết thêm.\n(Theo Larkspur Daily)")
    people = [(text.index("Tobias"), text.index(" nói"))]
    a = text.index("Corvellan Freight")
    hits = [(a, a + len("Corvellan Freight"), "Corvellan Freight", "company", None, "corvellan freight")]
    got = _candidates(text, hits, people)
    assert "Quillmark" in got
    assert "Tobias Grent" not in got  # a person
    assert "Corvellan Freight" not in got and "Corvellan" not in got  # found, and its short form
    assert "Zentrino" not in got  # an interview's speaker label
    assert "Larkspur Daily" not in got  # a source credit


def test_rules_mode_adds_nothing() -> None:
    with using(org_bare.NAME, "rules"):
        assert org_bare.bare_hits("Quillmark sẽ mở nhà máy.", gazetteer(), [], []) == []


def test_features_read_every_occurrence_of_the_name() -> None:
    text = "Hãng Quillmark cho biết. Sau đó Quillmark sẽ mở nhà máy."
    a = text.rindex("Quillmark")
    row = org_bare.features(text, a, a + len("Quillmark"), gazetteer(), {"Quillmark": 2})
    assert {"any_prev:hãng", "any_next:cho", "any_next:sẽ", "any_prev:đó"} <= set(row)
    assert "written:2" in row


def test_names_the_rules_found_or_optional_do_not_count() -> None:
    cands = [("Quillmark", ["a"], True, True), ("Quillmark", ["b"], True, True), ("Zentrino", ["c"], False, False)]
    names = org_bare._names(cands, [0.2, 0.8, 0.9])
    assert names == {"Quillmark": (0.8, True)}


def test_labelled_candidates_and_training_are_deterministic() -> None:
    if not (corpus_root() / "vnus").is_dir():
        pytest.skip("the shared corpus is not here")
    docs = [d for d in iter_docs(split="train") if d.annotation.get("organizations")][:8]
    lab = org_bare.labelled("train", docs)
    cands = [c for _p, cs in lab for c in cs]
    if len({c[2] for c in cands}) < 2:
        pytest.skip("the subset has one label only")
    assert org_bare.fit(cands) == org_bare.fit(cands)
