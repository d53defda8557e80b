"""Candidate actors of a statement (extract/actor_candidates.py) and the ranker's choice among them."""

from __future__ import annotations

import re
import unicodedata

import pytest

from hoptac.extract.actor_candidates import ArticleIndex, candidates
from hoptac.learn.actors import Group, assign_actor, choose, features, groups
from hoptac.learn.features import compile_model
from hoptac.model import Article, Organization, Person, Statement

# A self-written article: a quotation with its speaker after it, a pronoun, a lone title, a
# professor at a university, a company's representative, a side named as subject.
TEXT = (
    "Bộ trưởng Công Thương Nguyễn Văn An tiếp ông John Smith, Chủ tịch Tập đoàn Alpha.\n"
    "\"Chúng tôi sẽ mở rộng đầu tư tại Việt Nam\", ông John Smith nói.\n"
    "Ông cũng đề nghị Việt Nam cải thiện thủ tục hải quan.\n"
    "Bộ trưởng khẳng định Việt Nam sẵn sàng hỗ trợ các doanh nghiệp Hoa Kỳ.\n"
    "Giáo sư Trần Thị Bình tại Đại học Hà Nội cho rằng quan hệ hai nước phát triển tốt.\n"
    "Mỹ cam kết tiếp tục hỗ trợ khắc phục hậu quả chiến tranh.\n"
)


def _spans(text: str, words: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(words), text)]


def _article(text: str) -> Article:
    art = Article(text=text, published="2025-04-04")
    art.people = [
        Person(name="Nguyễn Văn An", title="Bộ trưởng Công Thương", side="VN", mentions=_spans(text, "Nguyễn Văn An")),
        Person(name="John Smith", title="Chủ tịch Tập đoàn Alpha", organization="Tập đoàn Alpha", side="US",
               mentions=_spans(text, "John Smith")),
        Person(name="Trần Thị Bình", title="Giáo sư", side="VN", mentions=_spans(text, "Trần Thị Bình")),
    ]
    art.organizations = [Organization(name="Tập đoàn Alpha", kind="company", side="US", mentions=_spans(text, "Tập đoàn Alpha")),
                         Organization(name="Đại học Hà Nội", side="VN", mentions=_spans(text, "Đại học Hà Nội"))]
    return art


def _statement(art: Article, cue: str, actor: str, side: str | None, act: str = "inform", nth: int = 0) -> Statement:
    a, b = _spans(art.text, cue)[nth]
    end = art.text.find("\n", b)
    return Statement(actor=actor, act=act, text=art.text[a:end], evidence=(a, end), side=side,
                     addressee_side={"VN": "US", "US": "VN"}.get(side or ""), threads=["war_legacy"], cue=(a, b))


def _by_name(cands: list) -> dict:
    return {c.name: c for c in cands}


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_the_speaker_after_a_quotation_is_a_candidate(form: str) -> None:
    art = _article(unicodedata.normalize(form, TEXT))
    st = _statement(art, unicodedata.normalize(form, "sẽ mở rộng"), "VN", "VN", "commit")  # a cue inside the quote
    got = _by_name(candidates(ArticleIndex.of(art), st, None))
    assert "a1" in got["John Smith"].how
    assert "org_of" in got["Tập đoàn Alpha"].how  # the company its chairman speaks for


def test_the_rules_actor_comes_first_and_both_sides_are_proposed() -> None:
    art = _article(TEXT)
    st = _statement(art, "cam kết", "Nguyễn Văn An", "VN", "commit")
    got = candidates(ArticleIndex.of(art), st, None)
    assert got[0].name == "Nguyễn Văn An" and "rule" in got[0].how
    assert {"VN", "US"} <= set(_by_name(got))
    assert _by_name(got)["US"].kind == "side"


def test_a_pronoun_has_the_last_person_named_and_the_previous_speaker() -> None:
    art = _article(TEXT)
    said = _statement(art, "nói", "John Smith", "US")
    st = _statement(art, "đề nghị", "VN", "VN", "request")
    got = _by_name(candidates(ArticleIndex.of(art), st, said))
    assert "p1" in got["John Smith"].how and "prev" in got["John Smith"].how
    assert "p2" in got["Nguyễn Văn An"].how  # named two sentences back, the next person back


def test_a_lone_title_names_its_holder() -> None:
    art = _article(TEXT)
    st = _statement(art, "khẳng định", "US", "US")
    got = _by_name(candidates(ArticleIndex.of(art), st, None))
    assert "title" in got["Nguyễn Văn An"].how


def test_a_person_before_their_institution_is_proposed_beside_it() -> None:
    art = _article(TEXT)
    st = _statement(art, "cho rằng", "Đại học Hà Nội", "VN")
    got = _by_name(candidates(ArticleIndex.of(art), st, None))
    assert "b1" in got["Đại học Hà Nội"].how and "b2" in got["Trần Thị Bình"].how
    rows = {c.name: features(ArticleIndex.of(art), st, c, got["Đại học Hà Nội"], _counts(), _counts())
            for c in got.values()}
    assert "wb_kind:tại_org" in rows["Đại học Hà Nội"]  # the institution follows "tại": not a subject
    assert "bg_first:tại" in rows["Trần Thị Bình"]


def _counts():
    from collections import Counter

    return Counter()


def _model(weights: dict[str, float]) -> tuple:
    """A hand-made ranker: ``yes`` gains the weight of each feature named."""
    return compile_model({"classes": ["no", "yes"], "features": list(weights),
                          "weights": [[0.0, w] for w in weights.values()], "bias": [0.0, -1.0]})


def test_choose_follows_the_variant_and_the_margin() -> None:
    art = _article(TEXT)
    art.statements = [_statement(art, "sẽ mở rộng", "VN", "VN", "commit")]
    g: Group = groups(art)[0]
    prefer_after = _model({"how:a1": 3.0})
    assert choose(prefer_after, g, "rules", 0.0).name == "VN"
    assert choose(prefer_after, g, "model", 0.0).name == "John Smith"
    assert choose(prefer_after, g, "both", 0.3).name == "John Smith"  # far above the rules' actor
    slight = _model({"how:a1": 0.2})
    assert choose(slight, g, "model", 0.0).name == "John Smith"
    assert choose(slight, g, "both", 0.3).name == "VN"  # not far enough above it: the rules stay


def test_another_actor_brings_its_side_and_addressee() -> None:
    art = _article(TEXT)
    st = _statement(art, "sẽ mở rộng", "VN", "VN", "commit")
    by = _by_name(candidates(ArticleIndex.of(art), st, None))
    assign_actor(st, by["John Smith"])
    assert (st.actor, st.side, st.addressee_side) == ("John Smith", "US", "VN")
    assert st.threads == ["war_legacy"]
    sideless = Organization(name="Quỹ Beta")
    from hoptac.extract.actor_candidates import ActorCandidate

    assign_actor(st, ActorCandidate("Quỹ Beta", None, "org", ["b1"], entity=sideless))
    assert st.side is None and st.threads == [] and st.addressee_side is None


def test_the_candidates_the_rules_left_get_the_rankers_actor_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from hoptac.learn import actors

    art = _article(TEXT)
    art.statements = []
    others = [_statement(art, "sẽ mở rộng", "VN", "VN", "commit"), _statement(art, "sẽ mở rộng", "US", "US", "commit")]
    monkeypatch.setattr(actors, "load_model", lambda _name: {"wide": True})
    monkeypatch.setattr(actors, "_compiled", lambda: _model({"how:a1": 3.0}))
    got = actors.wide_actors(art, others, ArticleIndex.of(art))
    assert [s.actor for s in got] == ["John Smith"]  # both copies name the quote's speaker: one is kept
    monkeypatch.setattr(actors, "load_model", lambda _name: {"wide": False})
    fresh = [_statement(art, "sẽ mở rộng", "VN", "VN", "commit")]
    assert actors.wide_actors(art, fresh, ArticleIndex.of(art))[0].actor == "VN"
