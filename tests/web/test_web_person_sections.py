"""A person's page: meetings, statements and articles each paged on their own, with in-page
navigation; an event's report from one article listed once."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from hoptac.api import create_app
from hoptac.model import Article, Event, Person, Statement
from hoptac.store import Store

NAME = "Nguyễn Văn Thắng"


def _article() -> Article:
    """One article of 30 statements by one person and two reports of one meeting."""
    parts = [f"Ông {NAME} gặp bà Trần Thị Hoa tại Huế ngày 5/6/2024 để bàn về đào tạo."]
    parts += [f"Ông {NAME} đề nghị mở rộng chương trình học bổng số {i} cho sinh viên miền Trung." for i in range(30)]
    parts.append(f"Cuộc gặp giữa ông {NAME} và bà Trần Thị Hoa kéo dài hai giờ.")
    text = " ".join(parts)
    art = Article(source="mem://person", raw=text, text=text, title="Học bổng cho sinh viên", published="2024-06-06")
    art.people = [Person(NAME, "Vụ trưởng", None, "VN"), Person("Trần Thị Hoa", "Giám đốc", None, "US")]
    for i in range(30):
        s = parts[i + 1]
        start = text.index(s)
        art.statements.append(Statement(NAME, "request", s, (start, start + len(s)), "VN", "US", ["workforce"]))
    for s in (parts[0], parts[-1]):
        start = text.index(s)
        art.events.append(Event("meeting", (start, start + len(s)), "2024-06-05", participants=[NAME, "Trần Thị Hoa"]))
    return art


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with Store.open(f"sqlite:///{tmp_path_factory.mktemp('person') / 'kb.db'}") as store:
        store.ingest([_article()])
        with TestClient(create_app(store=store)) as c:
            yield c


def test_sections_page_on_their_own(client):
    html = client.get(f"/people/{NAME}").text
    assert 'id="person-nav"' in html and 'href="#sec-statements"' in html
    assert html.count('<tr><td class="nowrap">') >= 25
    nxt = re.search(r'<a rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "statements_offset=25" in nxt and nxt.endswith("#sec-statements")
    second = client.get(nxt.split("#")[0]).text
    stmts = re.findall(r"học bổng số (\d+)", second)
    assert len(set(stmts)) == 5  # the last 5 of 30
    assert 'id="person-events"' in second  # the meetings section stays on its first page


def test_an_article_is_listed_once_per_event(client):
    html = client.get(f"/people/{NAME}").text
    events = re.search(r'<table class="data" id="person-events">(.*?)</table>', html, re.S).group(1)
    assert events.count('href="/articles/') == 1


def test_error_pages_speak_the_page_language(client):
    vi = client.get("/people/Nguyen Van Thang Z")
    assert vi.status_code == 404
    assert "Không có người “Nguyen Van Thang Z”" in vi.text and f"Có phải bạn muốn tìm: {NAME}" in vi.text
    en = client.get("/people/Nguyen Van Thang Z?lang=en")
    assert f"did you mean {NAME}?" in en.text and "Không có" not in en.text
    bad = client.get("/statements?since=2024-02-30&lang=vi")
    assert bad.status_code == 400 and "Từ ngày" in bad.text and "không phải là một ngày có thật" in bad.text
