"""A side named as the subject inside a quotation is the quoted speaker's (``speakers.side_subject``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from hoptac.extract.statements import extract_statements
from hoptac.learn.modes import using
from hoptac.learn.statements import NAME
from hoptac.model import Article, Person
from hoptac.settings import DEFAULT


@pytest.fixture(autouse=True)
def _rules_alone() -> Iterator[None]:
    """The rules' actors, not the learned decision over them."""
    with using(NAME, "rules"):
        yield


SPEAKER = "Đại sứ Hoa Kỳ Tom Baker cho biết Mỹ coi trọng hợp tác giáo dục với Việt Nam.\n"
BETWEEN = ("Năm ngoái có hơn 30.000 sinh viên Việt Nam học tập tại các trường đại học ở Hoa Kỳ.\n"
           "Ngoài ra, khách du lịch giữa hai nước tăng nhanh sau đại dịch.\n")
PLEDGE = "Hoa Kỳ cam kết tài trợ thêm học bổng cho sinh viên Việt Nam trong năm tới."


def commit_actors(text: str) -> list[str]:
    """The actors of the commitments of a self-written text whose one person is the ambassador."""
    art = Article(text=text, published="2025-04-04")
    art.people = [Person(name="Tom Baker", side="US", mentions=[(m.start(), m.end()) for m in re.finditer("Tom Baker", text)])]
    return [s.actor for s in extract_statements(art, DEFAULT).statements if s.act == "commit"]


def test_a_side_inside_a_quotation_three_sentences_on_is_the_speaker() -> None:
    """Three sentences after the ambassador spoke, ``"Hoa Kỳ cam kết ..."`` in quotation marks is his
    (the quotation is someone's words: the side's speaker within three), where the same words
    unquoted are the side itself (a side as subject goes on with its speaker within two only)."""
    assert commit_actors(SPEAKER + BETWEEN + f"“{PLEDGE}”\n") == ["Tom Baker"]
    assert commit_actors(SPEAKER + BETWEEN + PLEDGE + "\n") == ["US"]
