"""The shipped name and title tagger: its test-split figures hold, and training is deterministic."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoptac.annotate.corpus import iter_docs
from hoptac.annotate.schema import corpus_root
from hoptac.learn import load_model, shipped_metrics
from hoptac.learn import names as trainer
from hoptac.learn.name_tagger import shipped

TOLERANCE = 0.005


def _recorded_test_docs() -> tuple[dict, list]:
    rec = shipped_metrics().get("names") or {}
    files = rec.get("test_files") or {}
    if not corpus_root().is_dir():
        pytest.skip("no corpus")
    docs = [d for d in iter_docs(split="test") if files.get(d.path) == d.annotation.get("sha256")]
    if not docs or len(docs) < len(files):
        pytest.skip("the recorded test articles are not all here")
    return rec, docs


def test_shipped_model_loads_and_is_small() -> None:
    model = load_model("names")
    assert model is not None and shipped() is not None
    assert model["labels"] == trainer.LABELS
    size = sum(p.stat().st_size for p in Path(trainer.__file__).parent.parent.joinpath(
        "resources", "models").glob("*.json"))
    assert size < 30 * 1024 * 1024


def test_shipped_metrics_do_not_fall_on_the_test_split() -> None:
    rec, docs = _recorded_test_docs()
    got = trainer.measure(docs, rec["use"])
    want = rec["shipped"]
    assert got["people"]["f1"] >= want["people"]["f1"] - TOLERANCE
    assert got["people"]["p"] >= want["people"]["p"] - TOLERANCE
    assert got["title_accuracy"] >= want["title_accuracy"] - TOLERANCE
    # the shipped people decision is the best on held-out train quarters (the choice is made there
    # since stop 21) and on the test split no worse than the rules alone beyond twice the tolerance: with
    # the general-news rules (a foreign name whose surname is written alone, Tập Cận Bình) the rules reach
    # 0.960 there and add 0.954, while the held-out train quarters say add (0.967 against 0.960)
    cv = rec.get("cv_train") or {}
    if cv:
        assert cv[rec["use"]["people"]]["f1"] == max(v["f1"] for v in cv.values())
    rules = trainer.measure(docs, None)
    assert got["people"]["f1"] >= rules["people"]["f1"] - 2 * TOLERANCE


def test_training_is_deterministic(tmp_path: Path) -> None:
    if not corpus_root().is_dir():
        pytest.skip("no corpus")
    docs = list(iter_docs(split="train"))[:4]
    if len(docs) < 2:
        pytest.skip("too few annotated train articles")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    trainer.train(a, docs=docs, measure_test=False)
    trainer.train(b, docs=docs, measure_test=False)
    first = (a / "names.json").read_bytes()
    assert first == (b / "names.json").read_bytes()
    assert len(first) > 1000  # a model was written, not an empty file
