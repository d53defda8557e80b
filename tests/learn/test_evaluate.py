"""The test-split evaluator's matching, on small articles written for these tests."""

from __future__ import annotations

from typing import Any

from hoptac.annotate.corpus import AnnotatedDoc
from hoptac.learn.evaluate import Scores, gold_of, score_article
from hoptac.model import Amount, Article, Event, Person, Statement

TEXT = ("Chiều 12/3, Bộ trưởng Công Thương Trần Văn Minh tiếp Đại sứ Hoa Kỳ John Miller tại Hà Nội. "
        "Ông Minh đề nghị phía Mỹ sớm công nhận quy chế kinh tế thị trường của Việt Nam. "
        "Đại sứ Miller cam kết sẽ thúc đẩy đầu tư 2 tỷ USD vào năng lượng sạch.")


def _at(s: str, n: int = 1) -> list[int]:
    i = -1
    for _ in range(n):
        i = TEXT.index(s, i + 1)
    return [i, i + len(s)]


def _doc() -> AnnotatedDoc:
    ann: dict[str, Any] = {
        "topics": ["trade", "investment"],
        "people": [
            {"id": "p1", "name": "Trần Văn Minh", "side": "VN", "title": _at("Bộ trưởng Công Thương"),
             "mentions": [_at("Trần Văn Minh"), _at("Minh", 2)]},
            {"id": "p2", "name": "John Miller", "side": "US", "title": _at("Đại sứ Hoa Kỳ"),
             "mentions": [_at("John Miller"), _at("Miller", 2)]},
        ],
        "organizations": [{"id": "o1", "name": "Bộ Công Thương", "kind": "government", "side": "VN",
                           "mentions": [_at("Công Thương")]}],
        "events": [{"id": "e1", "type": "reception", "trigger": _at("tiếp"), "participants": ["p1", "p2"],
                    "date_value": "--03-12", "status": "happened"}],
        "statements": [
            {"id": "s1", "actor": "p1", "cue": _at("đề nghị"), "clause": _at("phía Mỹ sớm công nhận quy chế"),
             "act": "request", "side": "VN", "addressee_side": "US", "threads": ["market_economy_status"]},
            {"id": "s2", "actor": "p2", "cue": _at("cam kết"), "clause": _at("sẽ thúc đẩy đầu tư"),
             "act": "commit", "side": "US", "addressee_side": "VN", "threads": []},
        ],
        "amounts": [{"id": "a1", "span": _at("2 tỷ USD"), "kind": "money", "value": 2e9, "unit": "USD"}],
    }
    return AnnotatedDoc("vnus/test.txt", TEXT, ann)


def _article(**kw: Any) -> Article:
    art = Article(raw=TEXT, text=TEXT, offsets=[(0, 0, len(TEXT))])
    for k, v in kw.items():
        setattr(art, k, v)
    return art


def _span(s: str) -> tuple[int, int]:
    a, b = _at(s)
    return a, b


def test_right_statements_events_and_people_are_credited() -> None:
    art = _article(
        people=[Person(name="Trần Văn Minh", title="Bộ trưởng Bộ Công Thương", mentions=[_span("Trần Văn Minh")]),
                Person(name="John Miller", title="Thượng nghị sĩ", mentions=[_span("John Miller")])],
        events=[Event(type="meeting", evidence=_span("tiếp Đại sứ Hoa Kỳ"), participants=["Trần Văn Minh"])],
        statements=[Statement(actor="Minh", act="request", text="", evidence=_span("phía Mỹ sớm công nhận"),
                              side="VN", threads=["market_economy_status"]),
                    Statement(actor="John Miller", act="commit", text="", evidence=_span("sẽ thúc đẩy"), side="US")],
        amounts=[Amount(kind="money", unit="USD", text="2 tỷ USD", evidence=_span("2 tỷ USD"), value=2e9)],
        topics=["trade"])
    sc = Scores()
    score_article(gold_of(_doc()), art, sc)
    res = sc.result()
    assert res["fields"]["statements"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    # same family (engagement) and the trigger inside the evidence: matched, type counted wrong
    assert res["fields"]["events"]["tp"] == 1
    assert res["accuracy"]["events.type"] == 0.0
    assert res["fields"]["people"]["tp"] == 2
    assert res["accuracy"]["people.title"] == 0.5   # a senator is no ambassador
    assert res["fields"]["organizations"]["fn"] == 1
    assert res["fields"]["threads"]["tp"] == 1
    assert res["fields"]["amounts"]["tp"] == 1
    assert res["fields"]["topics"] == {"p": 1.0, "r": 0.5, "f1": 0.667, "tp": 1, "fp": 0, "fn": 1}


def test_wrong_act_actor_or_place_is_no_match() -> None:
    art = _article(statements=[
        Statement(actor="Trần Văn Minh", act="propose", text="", evidence=_span("phía Mỹ sớm công nhận"), side="VN"),
        Statement(actor="Trần Văn Minh", act="commit", text="", evidence=_span("sẽ thúc đẩy"), side="VN"),
        Statement(actor="John Miller", act="commit", text="", evidence=_span("Chiều 12/3"), side="US"),
        Statement(actor="John Miller", act="inform", text="", evidence=_span("sẽ thúc đẩy"), side="US")])
    sc = Scores()
    score_article(gold_of(_doc()), art, sc)
    st = sc.result()["fields"]["statements"]
    assert (st["tp"], st["fp"], st["fn"]) == (0, 3, 2)  # inform is not scored, as in score.py


def test_events_of_another_family_or_elsewhere_do_not_match() -> None:
    art = _article(events=[Event(type="signing", evidence=_span("tiếp Đại sứ"), participants=["Trần Văn Minh"]),
                           Event(type="visit", evidence=_span("Đại sứ Miller cam kết"), participants=[])])
    sc = Scores()
    score_article(gold_of(_doc()), art, sc)
    ev = sc.result()["fields"]["events"]
    assert (ev["tp"], ev["fp"], ev["fn"]) == (0, 2, 1)


def test_optional_gold_is_neither_credited_nor_charged() -> None:
    doc = _doc()
    doc.annotation["statements"][1]["optional"] = True
    art = _article(statements=[])
    sc = Scores()
    score_article(gold_of(doc), art, sc)
    st = sc.result()["fields"]["statements"]
    assert (st["tp"], st["fp"], st["fn"]) == (0, 0, 1)


def test_one_title_measure_serves_the_evaluator_and_the_name_trainer() -> None:
    import unicodedata

    from hoptac.learn import evaluate, names

    assert names.word_f1 is evaluate.word_f1
    gold = "Thứ trưởng Bộ Ngoại giao Hoa Kỳ"
    # case, brackets, commas and the Unicode form do not matter; the words do
    assert evaluate.word_f1("thứ trưởng Bộ Ngoại giao (Hoa Kỳ)", gold) == 1.0
    assert evaluate.word_f1(unicodedata.normalize("NFD", gold), gold) == 1.0
    assert evaluate.word_f1("Thứ trưởng", gold) == 2 * (1 * 2 / 7) / (1 + 2 / 7)
    assert evaluate.word_f1("Đại sứ", gold) == 0.0 and evaluate.word_f1(None, gold) == 0.0
