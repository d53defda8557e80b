"""The timeline page: paged (the pager is shown), days in date order with days without a year
after the dated ones and undated events last, partial dates written as people read them."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from hoptac.api import create_app
from hoptac.model import Article, Event
from hoptac.store import Filters, Store

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]


def _article(n: int, date: str | None) -> Article:
    """One article of one meeting of two people of its own (no two articles' events merge)."""
    a, b = f"{SURNAMES[n % 8]} Văn {chr(0x41 + n % 26)}{n}", f"Đỗ Thị {chr(0x41 + n % 26)}{n}"
    text = f"Hôm ấy, ông {a} gặp bà {b} tại Hà Nội để bàn về hợp tác số {n} trong lĩnh vực giáo dục."
    art = Article(source=f"mem://tl{n}", raw=text, text=text, title=text[:50], published="2024-01-01")
    art.events.append(Event("meeting", (0, len(text)), date, participants=[a, b]))
    return art


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    dates = [f"20{10 + i % 10}-0{1 + i % 9}-1{i % 10}" for i in range(52)] + ["--05-31", "--11", None, None]
    with Store.open(f"sqlite:///{tmp_path_factory.mktemp('tl') / 'kb.db'}") as store:
        store.ingest([_article(i, d) for i, d in enumerate(dates)])
        assert store.events(Filters(limit=1))["total"] == len(dates)
        with TestClient(create_app(store=store)) as c:
            yield c


def test_timeline_pages_and_orders_days(client):
    first = client.get("/timeline").text
    assert 'rel="next"' in first and 'rel="prev"' not in first
    last = client.get("/timeline?offset=50").text
    days = re.findall(r'<li class="day" data-date="([^"]+)"', last)
    assert days[-1] == "undated" and days.index("--05-31") < days.index("undated")
    dated = [d for d in days if d[0].isdigit()]
    assert dated == sorted(dated) and days.index(dated[-1]) < days.index("--05-31")
    assert "<time>31/5</time>" in last  # a day without its year, read as people write it
    assert 'rel="prev"' in last


def test_store_timeline_puts_undated_last(client):
    store = client.app.state.store
    items = store.timeline(Filters(limit=100))["items"]
    assert items[-1]["date"] == "undated"
    assert [x["date"] for x in items if x["date"][0].isdigit()] == sorted(x["date"] for x in items
                                                                          if x["date"][0].isdigit())
