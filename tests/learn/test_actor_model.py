"""The shipped actor decision (statement_actors): its variant, its test-split figures, deterministic training."""

from __future__ import annotations

import pytest

from hoptac.annotate.corpus import iter_docs
from hoptac.annotate.schema import corpus_root
from hoptac.learn import actors, load_model, shipped_metrics
from hoptac.learn.actor_cv import cases_of, labelled
from hoptac.learn.evaluate import evaluate
from hoptac.learn.modes import mode_of

TOLERANCE = 0.01


def _docs(split: str) -> list:
    if not (corpus_root() / "vnus").is_dir():
        pytest.skip("the shared corpus is not here")
    docs = list(iter_docs(split=split))
    if not docs:
        pytest.skip(f"no finished annotations in the {split} split")
    return docs


def test_shipped_ranker_is_small_and_names_its_variant() -> None:
    model = load_model(actors.NAME)
    assert model is not None, f"{actors.NAME}.json is not shipped: run make train"
    assert model["use"] in ("rules", "model", "both") and mode_of(actors.NAME) == model["use"]
    assert model["classes"] == ["no", "yes"]
    assert len(model["features"]) == len(model["weights"]) and 0.0 <= float(model["margin"]) <= 1.0
    metrics = shipped_metrics()["actors"]
    assert metrics["use"] == model["use"]  # the file and the figures were written together


def test_test_split_figures_do_not_fall_below_metrics_json() -> None:
    got = evaluate(docs=_docs("test"))
    shipped = shipped_metrics()["actors"]["shipped"]
    for f in ("statements", "threads"):
        assert got["fields"][f]["f1"] >= shipped[f] - TOLERANCE, (f, got["fields"][f], shipped[f])


def test_training_is_deterministic_and_labels_the_gold_actor() -> None:
    docs = [d for d in _docs("train") if d.annotation.get("statements")][:4]
    rows, labels = labelled(cases_of("train", docs))
    if len(set(labels)) < 2:
        pytest.skip("the subset has one label only")
    assert "yes" in labels and labels.count("yes") < len(labels)  # one actor right among several
    assert actors.fit(rows, labels) == actors.fit(rows, labels)
