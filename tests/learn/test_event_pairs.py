"""The ``event_pairs`` decision: how two tellings of one occasion are joined, and what is shipped."""

from __future__ import annotations

from hoptac.learn import event_pairs, load_model, shipped_metrics
from hoptac.learn.modes import mode_of
from hoptac.learn.train import TRAINERS
from hoptac.model import Event


def _events() -> list[Event]:
    return [Event(type="meeting", evidence=(0, 40), date="2017-05", participants=["Nguyễn Xuân Phúc", "Donald Trump"]),
            Event(type="meeting", evidence=(100, 140), date="2017-05-31", place="Nhà Trắng",
                  participants=["Nguyễn Xuân Phúc"]),
            Event(type="visit", evidence=(200, 240), participants=["Nguyễn Xuân Phúc"])]


def test_a_retelling_joins_the_earlier_event_keeping_the_richer_facts() -> None:
    events = _events()
    out = event_pairs.join(events, lambda i, j: 0.9 if (i, j) == (0, 1) else 0.0, 0.5)
    assert [e.type for e in out] == ["meeting", "visit"]
    joined = out[0]
    assert joined.evidence == (0, 40)  # the first telling stays the evidence
    assert joined.participants == ["Nguyễn Xuân Phúc", "Donald Trump"]  # the richer participants
    assert joined.date == "2017-05-31" and joined.place == "Nhà Trắng"  # the day within the month, the place


def test_below_the_threshold_nothing_is_joined() -> None:
    events = _events()
    assert len(event_pairs.join(events, lambda i, j: 0.4, 0.5)) == 3


def test_a_later_telling_joins_the_occasion_its_best_pair_was_joined_into() -> None:
    events = [*_events()[:2], Event(type="meeting", evidence=(300, 320), participants=["Donald Trump"])]
    probs = {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.1}
    out = event_pairs.join(events, lambda i, j: probs.get((i, j), 0.0), 0.5)
    assert len(out) == 1 and out[0].evidence == (0, 40)


def test_dates_are_compared_by_precision() -> None:
    rel = event_pairs._date_rel
    assert rel("2017-05", "2017-05-31") == "within"
    assert rel("2017-05-29", "2017-05-29") == "same_day"
    assert rel("2017-05-29", "2017-05-31") == "differ"
    assert rel(None, "2017-05") == "one" and rel(None, None) == "none"


def test_the_plain_rule_needs_the_later_participants_inside_the_first() -> None:
    first, later, _visit = _events()
    assert event_pairs.rule_same(first, later)
    assert not event_pairs.rule_same(later, Event(type="meeting", evidence=(0, 1), participants=["Lý Hiển Long"]))
    assert not event_pairs.rule_same(first, Event(type="meeting", evidence=(0, 1), date="2017-06-02",
                                                  participants=["Donald Trump"]))


def test_the_decision_is_registered_and_shipped_with_its_figures() -> None:
    assert TRAINERS.index("event_pairs") > TRAINERS.index("events")
    model = load_model(event_pairs.NAME)
    assert model is not None, "event_pairs.json is not shipped: run python -m hoptac.learn.train event_pairs"
    assert model["use"] in ("rules", "rule", "model") and mode_of(event_pairs.NAME) == model["use"]
    assert set(model["classes"]) == {"same", "other"}
    assert shipped_metrics()["event_pairs"]["use"] == model["use"]
