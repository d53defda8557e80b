"""The shipped learned decisions: their test-split figures hold, and training is deterministic."""

from __future__ import annotations

import pytest

from hoptac.annotate.corpus import iter_docs
from hoptac.annotate.schema import corpus_root
from hoptac.learn import actors as learn_actors
from hoptac.learn import events as learn_events
from hoptac.learn import load_model, shipped_metrics
from hoptac.learn import org_bare as learn_org_bare
from hoptac.learn import org_ends as learn_org_ends
from hoptac.learn import statements as learn_statements
from hoptac.learn import topics as learn_topics
from hoptac.learn.actor_cv import cases_of, labelled
from hoptac.learn.evaluate import evaluate
from hoptac.learn.modes import mode_of, using

TOLERANCE = 0.01
DECISIONS = {"statements": (learn_statements.NAME, ("statements", "threads")),
             "events": (learn_events.NAME, ("events",)),
             "topics": (learn_topics.NAME, ("topics",)),
             "org_ends": (learn_org_ends.NAME, ("organizations",)),
             "org_bare": (learn_org_bare.NAME, ("organizations",))}


def _docs(split: str) -> list:
    if not (corpus_root() / "vnus").is_dir():
        pytest.skip("the shared corpus is not here")
    docs = list(iter_docs(split=split))
    if not docs:
        pytest.skip(f"no finished annotations in the {split} split")
    return docs


@pytest.mark.parametrize("trainer", sorted(DECISIONS))
def test_shipped_model_is_small_and_names_its_variant(trainer: str) -> None:
    name, _fields = DECISIONS[trainer]
    model = load_model(name)
    assert model is not None, f"{name}.json is not shipped: run make train"
    assert model["use"] in ("rules", "model", "both")
    assert mode_of(name) == model["use"]
    assert len(model["features"]) == len(model["weights"]) and len(model["bias"]) == len(model["classes"])
    assert "none" in model["classes"]


def test_test_split_figures_do_not_fall_below_metrics_json() -> None:
    docs = _docs("test")
    got = evaluate(docs=docs)
    metrics = shipped_metrics()
    for trainer, (_name, fields) in (DECISIONS | {"actors": (learn_actors.NAME, ("statements", "threads"))}).items():
        shipped = metrics[trainer]["shipped"]
        for f in fields:
            assert got["fields"][f]["f1"] >= shipped[f] - TOLERANCE, (trainer, f, got["fields"][f], shipped[f])


@pytest.mark.parametrize("module", [learn_statements, learn_events, learn_topics], ids=["statements", "events", "topics"])
def test_training_is_deterministic_on_a_small_subset(module) -> None:
    docs = [d for d in _docs("train") if d.annotation.get("statements") and d.annotation.get("events")
            and d.annotation.get("topics")][:4]
    rows, labels, _rule = module.candidates("train", docs)
    if len(set(labels)) < 2:
        pytest.skip("the subset has one label only")
    first, second = module.fit(rows, labels), module.fit(rows, labels)
    assert first == second
    assert set(first["classes"]) == set(labels)


def test_cross_validation_counts_the_rules_as_the_evaluator_does() -> None:
    docs = [d for d in _docs("train") if d.annotation.get("events")][:6]
    lab = learn_events.labelled("train", docs)
    cv = learn_events.cross_validate(lab, folds=2)
    assert set(cv) == {"rules", "model", "both"}
    with using(learn_events.NAME, "rules"):
        got = evaluate(docs=docs)["fields"]["events"]
    assert (cv["rules"]["p"], cv["rules"]["r"], cv["rules"]["events"]) == (got["p"], got["r"], got["f1"])
    assert cv["both"]["events"] == cv["rules"]["events"]  # "both" only relabels what the rules keep


# ---------------------------------------------------------------- the actor decision (statement_actors)

def test_shipped_ranker_is_small_and_names_its_variant() -> None:
    model = load_model(learn_actors.NAME)
    assert model is not None, f"{learn_actors.NAME}.json is not shipped: run make train"
    assert model["use"] in ("rules", "model", "both") and mode_of(learn_actors.NAME) == model["use"]
    assert model["classes"] == ["no", "yes"]
    assert len(model["features"]) == len(model["weights"]) and 0.0 <= float(model["margin"]) <= 1.0
    metrics = shipped_metrics()["actors"]
    assert metrics["use"] == model["use"]  # the file and the figures were written together


def test_actor_training_is_deterministic_and_labels_the_gold_actor() -> None:
    docs = [d for d in _docs("train") if d.annotation.get("statements")][:4]
    rows, labels = labelled(cases_of("train", docs))
    if len(set(labels)) < 2:
        pytest.skip("the subset has one label only")
    assert "yes" in labels and labels.count("yes") < len(labels)  # one actor right among several
    assert learn_actors.fit(rows, labels) == learn_actors.fit(rows, labels)


def test_topic_rows_say_whether_the_article_is_about_the_two_sides_at_all() -> None:
    from hoptac.extract.topics import TopicEvidence
    from hoptac.model import Article, Event, Person, Statement

    general = Article(text="Một vụ tai nạn xảy ra.", people=[Person(name="Nguyễn Văn A", side="VN")])
    ties = Article(text="Hai bên hội đàm.", people=[Person(name="Nguyễn Văn B", side="VN"), Person(name="John Doe", side="US")],
                   statements=[Statement(actor="Nguyễn Văn B", act="request", text="", evidence=(0, 4), side="VN",
                                         topics=["trade"]),
                               Statement(actor="John Doe", act="inform", text="", evidence=(0, 4), side="US",
                                         topics=["energy"])],
                   events=[Event(type="meeting", evidence=(4, 11))])
    assert learn_topics.context(general).row == ("acts_article:0", "events:0", "sides:TrueFalse")
    about = learn_topics.context(ties)
    assert about.row != learn_topics.context(general).row and "sides:TrueTrue" in about.row
    assert "acts_article:0" not in about.row  # an inform is no act between the sides
    assert about.stated == {"trade", "energy"} and about.acted == {"trade"}
    # the article's context follows the topic's own evidence
    ev = {"energy": TopicEvidence(score=3, mentions=3, strong=True, kept=True, need=1.0)}
    alone = learn_topics.features("energy", ev["energy"], ev)
    row = learn_topics.features("energy", ev["energy"], ev, about)
    assert row[:len(alone)] == alone and row[len(alone):] == [*about.row, "stated:True", "acted:False"]
