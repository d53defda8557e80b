"""Subjects of statements the rules used to miss: a title written alone, a date between the subject
and its verb, a person named with their title as the one asked, a visitor's title chained to the
host's (self-written sentences)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

import hoptac
from hoptac.extract.acts import only_adverbs
from hoptac.extract.pronouns import title_holder
from hoptac.extract.statements import extract_statements
from hoptac.learn.modes import using
from hoptac.learn.statements import NAME
from hoptac.model import Article, Person
from hoptac.settings import DEFAULT


@pytest.fixture(autouse=True)
def _rules_alone() -> Iterator[None]:
    """The rules' subjects (the learned decisions are held to their figures by tests/learn)."""
    with using(NAME, "rules"), using("statement_actors", "rules"):
        yield


def said_in(text: str, *people: tuple[str, str, str, str]) -> list:
    """The statements of ``text`` whose people are (name, side, title, phrase every mention reads)."""
    art = Article(text=text, published="2025-04-04")
    art.people = [Person(name=n, side=sd, title=t, mentions=[(m.start(), m.end()) for m in re.finditer(re.escape(p), text)])
                  for n, sd, t, p in people]
    return extract_statements(art, DEFAULT).statements


def _people() -> list[Person]:
    return [Person(name="Lê Văn Bình", side="VN", title="Chủ tịch nước", mentions=[(10, 20)]),
            Person(name="Mark Olsen", side="US", title="Bộ trưởng Thương mại Hoa Kỳ", mentions=[(40, 50)]),
            Person(name="Trần Văn Cường", side="VN", title="Phó Thủ tướng, Bộ trưởng Công Thương",
                   mentions=[(70, 80)])]


def test_title_alone_names_the_holder_named_last_before_it() -> None:
    people = _people()
    assert title_holder(people, "chủ tịch nước", 100, only_adverbs).name == "Lê Văn Bình"
    assert title_holder(people, "bộ trưởng thương mại mỹ", 100, only_adverbs).name == "Mark Olsen"
    # two ministers: the one named last before the subject; a country word picks the side
    assert title_holder(people, "bộ trưởng cũng", 100, only_adverbs).name == "Trần Văn Cường"
    assert title_holder(people, "bộ trưởng", 60, only_adverbs).name == "Mark Olsen"
    assert title_holder(people, "bộ trưởng hoa kỳ", 100, only_adverbs).name == "Mark Olsen"
    assert title_holder(people, "ông bộ trưởng", 100, only_adverbs).name == "Trần Văn Cường"
    # neither named before it: no one; one word, or no office of that name: no one
    assert title_holder(people, "bộ trưởng", 5, only_adverbs) is None
    assert title_holder(people, "thủ tướng", 100, only_adverbs) is None
    assert title_holder(people, "hội nghị", 100, only_adverbs) is None


def test_a_title_alone_as_subject_is_its_holder() -> None:
    text = ("Chủ tịch nước Lê Văn Bình tiếp ông Mark Olsen tại Hà Nội.\n"
            "Chủ tịch nước đánh giá cao đóng góp của các doanh nghiệp Hoa Kỳ vào ngành điện tử.\n")
    sts = said_in(text, ("Lê Văn Bình", "VN", "Chủ tịch nước Việt Nam", "Lê Văn Bình"),
                  ("Mark Olsen", "US", "Bộ trưởng Thương mại Hoa Kỳ", "Mark Olsen"))
    assert [(s.actor, s.act) for s in sts] == [("Lê Văn Bình", "welcome")]


def test_a_date_between_the_subject_and_its_verb() -> None:
    text = ("Ông Mark Olsen ngày 12/3 cam kết Hoa Kỳ tiếp tục hỗ trợ Việt Nam về năng lượng sạch.\n"
            "Bà Lý Thị Hoa hôm nay hoan nghênh các nhà đầu tư Hoa Kỳ.\n")
    sts = said_in(text, ("Mark Olsen", "US", "Bộ trưởng", "Mark Olsen"), ("Lý Thị Hoa", "VN", "Thứ trưởng", "Lý Thị Hoa"))
    assert ("Mark Olsen", "commit") in [(s.actor, s.act) for s in sts]
    assert ("Lý Thị Hoa", "welcome") in [(s.actor, s.act) for s in sts]


def test_the_person_asked_with_their_title_is_no_speaker() -> None:
    text = ("Chủ tịch nước Lê Văn Bình tiếp cựu Ngoại trưởng Mỹ Mark Olsen.\n"
            "Chủ tịch nước đề nghị cựu Ngoại trưởng Mark Olsen tiếp tục ủng hộ hợp tác giáo dục giữa hai nước.\n")
    sts = said_in(text, ("Lê Văn Bình", "VN", "Chủ tịch nước", "Lê Văn Bình"),
                  ("Mark Olsen", "US", "cựu Ngoại trưởng Mỹ", "Mark Olsen"))
    assert [(s.actor, s.act) for s in sts] == [("Lê Văn Bình", "request")]
    assert "tiếp tục ủng hộ" in sts[0].text


def test_a_visitors_title_does_not_take_the_hosts_title_alone() -> None:
    art = hoptac.analyze("Thủ tướng Phạm Minh Tâm tiếp ông Robert Hale, Phó Chủ tịch Tập đoàn Norlex của Mỹ.\n\n"
                         "Tiếp Phó Chủ tịch Tập đoàn Norlex của Mỹ, Thủ tướng hoan nghênh kế hoạch mở rộng đầu tư "
                         "của tập đoàn tại Việt Nam.\n")
    hale = next(p for p in art.people if p.name == "Robert Hale")
    assert all("Thủ tướng" not in art.text[a:b] for a, b in hale.mentions)
    assert "Thủ tướng" not in (hale.title or "")


