"""The statement decision's reading of a candidate's own cue in its place and of who says it."""

from __future__ import annotations

import unicodedata

import pytest

from hoptac.learn import statements as learn_statements
from hoptac.learn.statement_mood import mood
from hoptac.model import Article, Organization, Person, Statement

# Self-written: one side's promise, then a schedule with the same cue word, then an agency's plan.
TEXT = ("Bộ trưởng Trần Văn Bình cho biết Việt Nam sẽ hỗ trợ các doanh nghiệp Mỹ.\n"
        "Bộ trưởng Trần Văn Bình sẽ thăm Washington vào tháng tới.\n"
        "Cơ quan Phát triển Quốc tế dự kiến mở thêm văn phòng.\n")


def _at(text: str, line: int, word: str, actor: str, side: str = "VN") -> Statement:
    start = sum(len(x) + 1 for x in text.split("\n")[:line])
    body = text.split("\n")[line]
    at = start + body.index(word)
    return Statement(actor=actor, act="commit", text=body, evidence=(start, start + len(body)), side=side,
                     cue=(at, at + len(word)))


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_the_word_after_the_cue_and_the_actors_title_are_read(form: str) -> None:
    text = unicodedata.normalize(form, TEXT)
    art = Article(text=text, raw=text, offsets=[(0, 0, len(text))])
    art.people = [Person(name=unicodedata.normalize(form, "Trần Văn Bình"),
                         title=unicodedata.normalize(form, "Bộ trưởng Bộ Công Thương"), side="VN")]
    art.organizations = [Organization(name=unicodedata.normalize(form, "Cơ quan Phát triển Quốc tế"),
                                      kind="government", side="US")]
    people, orgs = learn_statements._names(art)
    sẽ, dk = unicodedata.normalize(form, "sẽ"), unicodedata.normalize(form, "dự kiến")
    promise = mood(art, _at(text, 0, sẽ, art.people[0].name), people, orgs)
    schedule = mood(art, _at(text, 1, sẽ, art.people[0].name), people, orgs)
    plan = mood(art, _at(text, 2, dk, art.organizations[0].name, "US"), people, orgs)
    assert "next:sẽ_hỗ" in promise and "next2:sẽ_hỗ_trợ" in promise
    assert "next:sẽ_thăm" in schedule and "next:sẽ_hỗ" not in schedule
    assert {"title:bộ_trưởng", "title1:bộ", "title_cue:bộ_sẽ"} <= set(promise)
    assert "org_kind:government" in plan and not any(f.startswith("title") for f in plan)
    assert "next:dự_kiến_mở" in plan


def test_a_candidate_without_a_cue_has_one_feature() -> None:
    art = Article(text=TEXT, raw=TEXT, offsets=[(0, 0, len(TEXT))])
    st = Statement(actor="VN", act="inform", text=TEXT[:20], evidence=(0, 20), side="VN")
    assert mood(art, st, {}, {}) == ["mood:none"]
