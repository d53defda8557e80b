"""The meetings page lists a pair's first occasions and links to the pair's own page, which lists
them all: the page's size does not grow with how often a pair met."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from hoptac.api import create_app
from hoptac.model import Article, Event, Person
from hoptac.store import Store
from hoptac.web import pages

A, B = "Lê Quang Vinh", "Mary Collins"
DATES = ("2021-03-04", "2022-07-19", "2023-11-02")


def _article(i: int, date: str) -> Article:
    """One report of a meeting of A and B on ``date``."""
    y, m, d = date.split("-")
    text = (f"Ông {A} tiếp bà {B} tại Hà Nội ngày {int(d)}/{int(m)}/{y} để bàn về hợp tác giáo dục lần thứ {i + 1}. "
            f"Hai bên nhất trí tăng cường trao đổi sinh viên.")
    art = Article(source=f"mem://meet{i}", raw=text, text=text, title=f"Gặp gỡ lần {i + 1}", published=date)
    art.people = [Person(A, "Thứ trưởng", None, "VN"), Person(B, "Giám đốc", None, "US")]
    first = text.split(". ")[0]
    art.events.append(Event("meeting", (0, len(first)), date, participants=[A, B]))
    return art


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with Store.open(f"sqlite:///{tmp_path_factory.mktemp('meet') / 'kb.db'}") as store:
        store.ingest([_article(i, d) for i, d in enumerate(DATES)])
        with TestClient(create_app(store=store)) as c:
            yield c


def test_a_pair_lists_its_first_occasions_and_links_to_all(client, monkeypatch):
    monkeypatch.setattr(pages, "MEETINGS_LISTED", 2)
    html = client.get("/meetings").text
    assert len(re.findall(r'class="occasion-link"', html)) == 2
    more = re.search(r'<a class="more-occasions" href="([^"]+)">([^<]+)</a>', html)
    assert more and "3" in more.group(2)
    pair = client.get(more.group(1).replace("&amp;", "&")).text
    assert len(re.findall(r'class="occasion-link"', pair)) == 3 and "more-occasions" not in pair
    monkeypatch.setattr(pages, "MEETINGS_LISTED", 30)
    html = client.get("/meetings").text
    assert len(re.findall(r'class="occasion-link"', html)) == 3 and "more-occasions" not in html


def test_a_pair_lists_its_latest_occasions_and_says_how_many_it_has(client, monkeypatch):
    """The listing shows each pair's latest occasions, newest first; the pair's own page lists at
    most ``MAX_LISTED`` of them and says how many there are when it holds back some."""
    monkeypatch.setattr(pages, "MEETINGS_LISTED", 2)
    html = client.get("/meetings").text
    shown = re.findall(r'class="occasion-link"[^>]*>([^<]+)</a>', html)
    assert shown == sorted(DATES, reverse=True)[:2]
    monkeypatch.setattr(pages, "MAX_LISTED", 1)
    more = re.search(r'<a class="more-occasions" href="([^"]+)">', html)
    pair = client.get(more.group(1).replace("&amp;", "&")).text
    assert re.findall(r'class="occasion-link"[^>]*>([^<]+)</a>', pair) == [max(DATES)]
    note = re.search(r'class="muted latest-occasions">([^<]+)<', pair)
    assert note and "1" in note.group(1) and "3" in note.group(1)
