"""Listings answered from kept counts and bounded walks give the pages and totals of the full reads
they replaced, on SQLite and PostgreSQL: article pages at any offset started in their month
(``store/kept_pages.py``), the statements' kept totals per side (migration 0023), a person's and an
organization's events merged from per-person walks with a capped total (``store/event_pages.py``),
a person's statements (dated walked in the index, then undated) and an organization's spellings.
"""

from __future__ import annotations

import sqlalchemy as sa
from conftest import make_article, sample_articles

from hoptac.scale.synth import synth_article
from hoptac.store import Filters, event_pages
from hoptac.store import schema as t
from hoptac.store.kept_pages import month_skip
from hoptac.store.orgs import _spellings, get_organization
from hoptac.store.people import get_person
from hoptac.store.queries import list_articles, list_statements


def _walk(conn) -> list[str]:
    a = t.articles.c
    canon = a.duplicate_of.is_(None)
    return (list(conn.execute(sa.select(a.id).where(canon, a.date_sort.is_not(None))
                              .order_by(a.date_sort.desc(), a.id.desc())).scalars())
            + list(conn.execute(sa.select(a.id).where(canon, a.date_sort.is_(None)).order_by(a.id.desc())).scalars()))


def _pages_hold(conn) -> None:
    every = _walk(conn)
    assert len(every) > 20
    for limit in (1, 3, 7):
        for offset in [*range(0, len(every) + 3, 5), len(every) - 1]:
            got = list_articles(conn, Filters(limit=limit, offset=offset))
            assert [x["id"] for x in got["items"]] == every[offset:offset + limit], (limit, offset)
            assert got["total"] == len(every)


def test_article_pages_started_in_their_month_are_the_walks_pages(store):
    undated = make_article("mem://undated-kept", ["Hai bên thảo luận về hợp tác giáo dục và y tế."], published=None)
    store.ingest([synth_article(i, seed=5)[1] for i in range(40)] + sample_articles() + [undated])
    with store.engine.connect() as conn:
        assert month_skip(conn, 10) is not None  # the months account for every dated article
        _pages_hold(conn)
    store.ingest([make_article("mem://year-only", ["Hai bên ký bản ghi nhớ về năng lượng sạch."], published="2019")])
    with store.engine.connect() as conn:
        assert month_skip(conn, 10) is None  # a year-only date is in no month: the offset is walked
        _pages_hold(conn)


def test_a_topics_article_total_is_its_kept_count(store):
    store.ingest([synth_article(i, seed=8)[1] for i in range(30)] + sample_articles())
    a, at = t.articles.c, t.article_topics.c
    with store.engine.connect() as conn:
        topics = list(conn.execute(sa.select(at.topic).distinct()).scalars())
        assert len(topics) > 2
        for topic in topics:
            n = conn.execute(sa.select(sa.func.count()).where(a.duplicate_of.is_(None), a.id.in_(
                sa.select(at.article_id).where(at.topic == topic)))).scalar()
            assert list_articles(conn, Filters(topic=topic, limit=2))["total"] == n
            assert list_articles(conn, Filters(topic=topic, since="2020", limit=2))["total"] <= n


def test_statement_totals_per_side_are_kept_and_equal_a_count(store):
    store.ingest([synth_article(i, seed=9)[1] for i in range(25)] + sample_articles())
    with store.engine.connect() as conn:
        s = t.statements.c
        for side in ("VN", "US", "OTHER"):
            n = conn.execute(sa.select(sa.func.count()).where(s.side == side)).scalar()
            assert list_statements(conn, Filters(side=side, limit=2))["total"] == n
        assert any(conn.execute(sa.select(sa.func.count()).where(s.side == side)).scalar() for side in ("VN", "US"))


def _events_scan(conn, pids: list[str]) -> list[str]:
    ep = t.event_participants.c
    rows = conn.execute(sa.select(ep.event_id).where(ep.person_id.in_(pids)).group_by(ep.date_sort, ep.event_id)
                        .order_by(ep.date_sort.asc().nulls_last(), ep.event_id)).scalars()
    return list(dict.fromkeys(rows))


def _meetings() -> list:
    """Lê Minh Khoa meets someone in six articles (one undated), Trần Thu Hà in three of them; he makes
    a request in each."""
    out = []
    places = ["Hà Nội", "Đà Nẵng", "Huế", "Cần Thơ", "Hải Phòng", "Nha Trang"]
    asks = ["mở rộng trao đổi sinh viên", "tăng học bổng thạc sĩ", "hợp tác nghiên cứu vắc-xin",
            "đào tạo kỹ sư bán dẫn", "xây dựng phòng thí nghiệm năng lượng sạch", "dạy tiếng Anh cho giáo viên vùng cao"]
    for i, other in enumerate(["John Carter", "Mary Dunn", "Trần Thu Hà", "Paul Reed", "Trần Thu Hà", "Anna Moss"]):
        s = [f"Vụ trưởng Lê Minh Khoa tiếp ông {other} tại {places[i]} để bàn về giáo dục đại học.",
             f"Ông Lê Minh Khoa đề nghị hai bên {asks[i]} ngay trong năm nay."]
        day = None if i == 4 else f"2021-0{i + 1}-1{i}"
        people = [("Lê Minh Khoa", "Vụ trưởng", "Bộ Giáo dục và Đào tạo", "VN"), (other, None, None, "US")]
        if other != "Trần Thu Hà":
            people.append(("Trần Thu Hà", "Thứ trưởng", "Bộ Giáo dục và Đào tạo", "VN"))
        out.append(make_article(f"mem://khoa-meets-{i}", s, published=day, people=people,
                                events=[("meeting", day, ["Lê Minh Khoa", other] + (["Trần Thu Hà"] if i % 2 else []))],
                                statements=[("Lê Minh Khoa", "request", s[1], "VN", [], [])]))
    return out


def test_events_of_people_are_the_scans_pages_with_a_capped_total(store, monkeypatch):
    store.ingest([synth_article(i, seed=4)[1] for i in range(20)] + sample_articles() + _meetings())
    ep = t.event_participants.c
    with store.engine.connect() as conn:
        busy = list(conn.execute(sa.select(ep.person_id).where(ep.person_id.is_not(None)).group_by(ep.person_id)
                                 .order_by(sa.func.count().desc(), ep.person_id).limit(4)).scalars())
        for pids in ([busy[0]], busy):
            scan = _events_scan(conn, pids)
            assert len(scan) > 3
            for limit, offset in ((2, 0), (3, 1), (5, len(scan) - 2), (50, 0), (4, len(scan) + 1)):
                ids, total, capped = event_pages.event_page(conn, pids, limit, offset)
                assert ids == scan[offset:offset + limit] and total == len(scan) and not capped
            assert event_pages.event_page(conn, pids, None, 1)[0] == scan[1:]
        person = get_person(conn, busy[0], limit=3)
        assert [e["id"] for e in person["events"]] == _events_scan(conn, [busy[0]])[:3]
        assert person["totals_capped"] == []
        monkeypatch.setattr(event_pages, "TOTAL_CAP", 2)
        person = get_person(conn, busy[0], limit=3)
        assert person["totals"]["events"] == 2 and person["totals_capped"] == ["events"]
        assert [e["id"] for e in person["events"]] == _events_scan(conn, [busy[0]])[:3]  # the page is whole


def test_a_persons_statements_are_the_scans_pages(store):
    store.ingest([synth_article(i, seed=6)[1] for i in range(10)] + sample_articles() + _meetings())
    s = t.statements.c
    with store.engine.connect() as conn:
        pid = conn.execute(sa.select(t.people.c.id).where(t.people.c.name == "Lê Minh Khoa")).scalar()
        scan = list(conn.execute(sa.select(s.id).where(s.person_id == pid)
                                 .order_by(s.date_sort.asc().nulls_last(), s.article_id, s.idx)).scalars())
        assert len(scan) >= 4 and None in {r.date_sort for r in conn.execute(sa.select(s.date_sort).where(s.person_id == pid))}
        for limit, offset in ((None, 0), (2, 0), (2, 1), (3, len(scan) - 1), (2, len(scan) + 2)):
            got = get_person(conn, pid, limit=limit, offset=offset)
            end = None if limit is None else offset + limit
            assert [x["id"] for x in got["statements"]] == scan[offset:end]
            assert got["totals"]["statements"] == len(scan)


def test_an_organizations_spellings_are_its_mentions_names(store):
    store.ingest([synth_article(i, seed=2)[1] for i in range(20)] + sample_articles())
    om = t.org_mentions.c
    with store.engine.connect() as conn:
        orgs = list(conn.execute(sa.select(om.org_id).distinct()).scalars())
        assert orgs
        for oid in orgs:
            names = sorted(set(conn.execute(sa.select(om.name).where(om.org_id == oid)).scalars()))
            assert sorted(_spellings(conn, oid)) == names
            o = get_organization(conn, oid)
            assert set(names) <= {o["name"], *o["aliases"]}
            assert o["articles"] == conn.execute(sa.select(sa.func.count()).where(om.org_id == oid)).scalar()


def test_an_office_written_several_ways_counts_its_articles_up_to_the_cap(store, monkeypatch):
    from hoptac.store.people import _titles

    topics = ["học bổng", "nghiên cứu chung", "trao đổi giảng viên"]
    store.ingest([make_article(f"mem://written-{i}", [f"{w} Lê Minh Khoa chủ trì buổi làm việc về {topics[i]} tại Hà Nội."],
                               published=f"2022-0{i + 1}-0{i + 1}", people=[("Lê Minh Khoa", w, None, "VN")])
                  for i, w in enumerate(["Vụ trưởng", "Vụ Trưởng", "vụ trưởng"])])
    with store.engine.connect() as conn:
        pid, side = conn.execute(sa.select(t.people.c.id, t.people.c.side).where(t.people.c.name == "Lê Minh Khoa")).one()
        before = _titles(conn, pid, side)
        assert before and not any(x["n_articles_capped"] for x in before)
        monkeypatch.setattr(event_pages, "TOTAL_CAP", 1)
        after = _titles(conn, pid, side)
    capped = [x for x in after if x["n_articles_capped"]]
    assert capped and all(x["n_articles"] == 1 for x in capped)  # a lower bound, said so
    assert [{**x, "n_articles": 0, "n_articles_capped": False} for x in after] == \
        [{**x, "n_articles": 0} for x in before]  # nothing else changes
    assert all(a["n_articles"] == b["n_articles"] for a, b in zip(after, before, strict=True) if not a["n_articles_capped"])
