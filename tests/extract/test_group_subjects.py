"""Subjects the rules resolve by grammar, not by one phrasing (self-written sentences): a rank before
a name set off by a title, a plural pronoun standing for the group just named, people of one side
named with a few words between them and their country, and the one who asks an envoy to pass a
message on."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest

from hoptac.extract.amounts import extract_amounts
from hoptac.extract.entities import extract_entities
from hoptac.extract.nlp import annotate
from hoptac.extract.statements import extract_statements
from hoptac.learn.actors import NAME as ACTORS
from hoptac.learn.modes import CANDIDATES, using
from hoptac.learn.statements import NAME
from hoptac.model import Article
from hoptac.settings import DEFAULT


@pytest.fixture(autouse=True)
def _rules_alone() -> Iterator[None]:
    """These tests are about the rules' subjects; the learned decision is held to its figures on the
    annotated test split by tests/learn/test_models.py."""
    with using(NAME, "rules"):
        yield


def run(text: str) -> Article:
    art = Article(text=unicodedata.normalize("NFC", text), published="2024-06-06")
    annotate(art, DEFAULT)
    extract_entities(art, DEFAULT)
    extract_amounts(art, DEFAULT)
    return extract_statements(art, DEFAULT)


def cued(art: Article, cue: str) -> list[tuple[str, str | None, str]]:
    """(actor, side, act) of the statements whose cue is ``cue``."""
    return [(s.actor, s.side, s.act) for s in art.statements if s.cue and art.text[s.cue[0]:s.cue[1]] == cue]


def test_a_rank_before_a_name_set_off_by_its_title_is_the_subject():
    art = run("Bộ trưởng Quốc phòng Mỹ Robert Hale thăm Hà Nội. Ông Hale đề nghị mở rộng hợp tác quốc phòng. "
              "Về vấn đề này, Đại tướng Lê Minh Quang, Bộ trưởng Quốc phòng Việt Nam, đề nghị giao các cơ quan "
              "chức năng hai bên nghiên cứu.")
    asks = [a for a, _s, act in cued(art, "đề nghị") if act == "request"]
    assert asks == ["Robert Hale", "Lê Minh Quang"]


def test_a_plural_pronoun_stands_for_the_firms_of_one_side_just_named():
    art = run("Thủ tướng Trần Văn Hòa tiếp các tập đoàn lớn của Hoa Kỳ như Apple, Intel và Boeing. "
              "Họ đánh giá cao môi trường đầu tư của Việt Nam.")
    assert cued(art, "đánh giá cao") == [("US", "US", "welcome")]


def test_a_plural_pronoun_after_one_person_names_no_side():
    art = run("Thủ tướng Trần Văn Hòa tiếp Đại sứ Hoa Kỳ Mark Rowe. Họ đánh giá cao quan hệ hai nước.")
    assert all(side is None or actor != "US" for actor, side, _a in cued(art, "đánh giá cao"))
    assert ("US", "US", "welcome") not in cued(art, "đánh giá cao")


def test_people_of_one_side_with_words_between_them_and_their_country():
    art = run("Thủ tướng Trần Văn Hòa dự tọa đàm với doanh nghiệp. "
              "Tại tọa đàm, lãnh đạo các tập đoàn lớn của Hoa Kỳ đánh giá cao môi trường đầu tư của Việt Nam.")
    assert [side for _a, side, _act in cued(art, "đánh giá cao")] == ["US"]


def test_the_one_who_asks_an_envoy_to_pass_thanks_on_is_the_speaker():
    with using(NAME, CANDIDATES), using(ACTORS, CANDIDATES):  # "gửi lời cảm ơn": a candidates' cue
        art = run("Chủ tịch nước Nguyễn Văn Bình tiếp Đại sứ Mỹ Mark Rowe tại Hà Nội. "
                  "Chủ tịch nước nhờ Đại sứ Rowe gửi lời cảm ơn tới Tổng thống Mỹ.")
    assert [a for a, _s, _act in cued(art, "gửi lời cảm ơn")] == ["Nguyễn Văn Bình"]


def test_a_plural_pronoun_after_a_group_of_one_side_is_that_side():
    with using(NAME, CANDIDATES), using(ACTORS, CANDIDATES):  # the rules read it as what was asked: a candidate
        art = run("Thủ tướng Trần Văn Hòa mời các nghị sĩ Mỹ sớm thăm Việt Nam và các ông đã nhận lời.")
    subjects = [s.side for s in art.statements if s.origin and "how:subject" in s.origin
                and art.text[s.cue[0]:s.cue[1]] == "nhận lời"]  # the subject's reading (others: the host clause's)
    assert subjects == ["US"]


def test_the_head_of_an_organization_is_the_person_holding_its_office():
    art = run("Bí thư Thành ủy Đà Nẵng Lê Văn Sơn tiếp Bộ trưởng Quốc phòng Mỹ Robert Hale. "
              "Thành phố có 200 dự án của Mỹ. Các dự án tập trung vào công nghiệp. "
              "Người đứng đầu Thành ủy Đà Nẵng cũng bày tỏ vui mừng khi Đại học Fulbright đi vào hoạt động.")
    assert [a for a, _s, _act in cued(art, "bày tỏ vui mừng")] == ["Lê Văn Sơn"]


def test_leaders_of_both_countries_are_a_joint_subject_not_the_last_named_side():
    art = run("Lãnh đạo Việt Nam và Mỹ sẽ trao đổi biện pháp thúc đẩy quan hệ thương mại trong tuần tới.")
    assert [side for _a, side, _act in cued(art, "sẽ")] == ["VN"]


@pytest.mark.parametrize("text", [
    "Hai bên ký văn bản hợp tác về xử lý dioxin với khoản viện trợ không hoàn lại mà Mỹ cam kết tài trợ là 90 triệu USD.",
    "Chủ tịch nước Lê Văn An hoan nghênh việc Hoa Kỳ cam kết tiếp tục đóng góp để tẩy độc sân bay Biên Hòa.",
])
def test_a_side_promising_inside_a_relative_or_nominal_clause_is_a_candidate_of_that_side(text):
    with using(NAME, CANDIDATES), using(ACTORS, CANDIDATES):
        art = run(text)
    assert ("US", "US") in {(s.actor, s.side) for s in art.statements
                            if s.origin and "how:subject" in s.origin and s.act == "commit"}


def test_a_sentence_framed_by_one_side_gives_that_side_an_unresolved_subject():
    art = run("Đại sứ Lê Văn Hà phát biểu tại hội thảo ở Washington. Về phía Mỹ, đại diện Hội đồng An ninh "
              "Quốc gia, Quốc hội và các diễn giả đều đánh giá rất cao vai trò của Việt Nam.")
    assert cued(art, "đánh giá rất cao") == [("US", "US", "welcome")]


def test_thanks_passed_on_through_a_visitor_are_the_asker_s():
    with using(NAME, CANDIDATES), using(ACTORS, CANDIDATES):
        art = run("Tổng thống Mỹ John Carter nhờ Thủ tướng Nguyễn Văn Hòa chuyển lời cảm ơn tới người dân Việt Nam.")
    assert [a for a, _s, _act in cued(art, "chuyển lời cảm ơn")] == ["John Carter"]


def test_a_plural_pronoun_after_a_group_that_spoke_is_that_group():
    art = run("Đại sứ Lê Văn Hà phát biểu tại hội thảo ở Washington. Về phía Mỹ, đại diện Hội đồng An ninh Quốc gia, "
              "Quốc hội và các diễn giả đều đánh giá rất cao vai trò của Việt Nam. Họ khẳng định sẽ tiếp tục thúc "
              "đẩy quan hệ Đối tác Toàn diện.")
    assert cued(art, "khẳng định sẽ") == [("US", "US", "commit")]
