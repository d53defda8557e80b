"""Bounded reads give the answers the scans they replaced gave, on SQLite and PostgreSQL.

The organization page (from its keys, ``org_name_keys``), the network (grouped by the database),
event filters (correlated ``EXISTS``), statement pages (chosen in the date order's index) are
compared with the scan-based code kept in ``scan_reference.py``, on a store of synthetic articles
plus hand-made ones (organizations under several spellings, undated statements, a duplicate).
"""

from __future__ import annotations

import dataclasses

import pytest
import scan_reference as old
import sqlalchemy as sa
from conftest import make_article, sample_articles
from test_store_orgs import _org_articles

from hoptac.scale.synth import synth_article
from hoptac.store import Filters
from hoptac.store import schema as t
from hoptac.store.browse import StatementView, browse_statements
from hoptac.store.events import event_query
from hoptac.store.network import network
from hoptac.store.org_names import rows_for
from hoptac.store.orgs import get_organization
from hoptac.store.queries import list_statements


def _undated() -> list:
    s = ["Bộ Ngoại giao Việt Nam đề nghị hai bên sớm ký kết thỏa thuận về hợp tác giáo dục đại học và nghiên cứu.",
         "Đại sứ quán Mỹ cam kết hỗ trợ các chương trình trao đổi sinh viên trong nhiều năm tới."]
    return [make_article("mem://undated", s, published=None,
                         people=[("Lê Minh Khoa", "Vụ trưởng", "Bộ Ngoại giao Việt Nam", "VN")],
                         orgs=[("Bộ Ngoại giao Việt Nam", "government", "VN"), ("Đại sứ quán Mỹ", "embassy", "US")],
                         statements=[("Bộ Ngoại giao Việt Nam", "request", s[0], "VN", ["education"], []),
                                     ("Đại sứ quán Mỹ", "commit", s[1], "US", [], [])])]


@pytest.fixture
def filled(store):
    arts = [synth_article(i, seed=3)[1] for i in range(30)] + sample_articles() + _org_articles() + _undated()
    store.ingest(arts)
    return store


def _filters(conn) -> list[Filters]:
    pid = conn.execute(sa.select(t.statements.c.person_id).where(t.statements.c.person_id.is_not(None))).scalar()
    topic = conn.execute(sa.select(t.article_topics.c.topic)).scalar()
    thread = conn.execute(sa.select(t.statement_threads.c.thread)).scalar()
    n = conn.execute(sa.select(sa.func.count()).select_from(t.statements)).scalar()
    return [Filters(), Filters(side="US"), Filters(since="2019", until="2020-06"), Filters(topic=topic),
            Filters(thread=thread), Filters(person=pid), Filters(limit=7, offset=n - 3), Filters(limit=0),
            Filters(limit=5, offset=12, side="VN"), Filters(background=True, limit=9)]


def test_organization_pages_equal_the_scan(filled):
    with filled.engine.connect() as conn:
        orgs = list(conn.execute(sa.select(t.organizations.c.id)).scalars())
        assert len(orgs) > 10
        for oid in orgs:
            for limit, offset in ((50, 0), (3, 2)):
                assert get_organization(conn, oid, limit=limit, offset=offset) == \
                    old.get_organization(conn, oid, limit=limit, offset=offset), oid
        assert get_organization(conn, "Dai su quan My") == old.get_organization(conn, "Dai su quan My")


def test_org_name_keys_cover_every_mention(filled):
    with filled.engine.connect() as conn:
        names = conn.execute(sa.select(t.person_mentions.c.organization, t.person_mentions.c.side).distinct()
                             .where(t.person_mentions.c.organization.is_not(None))).all()
        want = {(r["key"], r["name_hash"]) for n, s in names for r in rows_for(n, s)}
        have = set(conn.execute(sa.select(t.org_name_keys.c.key, t.org_name_keys.c.name_hash)).all())
    assert want and want == have


def test_network_equals_the_scan(filled):
    with filled.engine.connect() as conn:
        for f in _filters(conn)[:4]:
            for by in ("person", "organization"):
                for n in (3, 150):
                    assert network(conn, f, by, n) == old.network(conn, f, by, n), (f, by, n)


def test_event_filters_equal_the_scan(filled):
    with filled.engine.connect() as conn:
        for f in _filters(conn):
            new = conn.execute(event_query(conn, f).limit(1000)).all()
            assert new == conn.execute(old.event_query(conn, f).limit(1000)).all(), f


def test_statement_pages_equal_the_scan(filled):
    with filled.engine.connect() as conn:
        for f in _filters(conn):
            assert list_statements(conn, f) == old.list_statements(conn, f), f
        outlet = conn.execute(sa.select(t.articles.c.outlet).where(t.articles.c.outlet.is_not(None))).scalar()
        actor = conn.execute(sa.select(t.statements.c.actor)).scalar()
        for f in _filters(conn)[:7]:
            for v in (StatementView(filters=f), StatementView(filters=f, sort="-date"),
                      StatementView(filters=f, act="request"), StatementView(filters=f, actor=actor[:5]),
                      StatementView(filters=f, outlet=outlet), StatementView(filters=f, sort="-actor")):
                assert browse_statements(conn, v) == old.browse_statements(conn, v), v
        undated = dataclasses.replace(_filters(conn)[6], limit=50)
        items = list_statements(conn, undated)["items"]
        assert items and items[-1]["date"] is None  # the undated come last, and the page reaches them


def test_people_pages_equal_the_scan(filled):
    from hoptac.store.people import list_people

    with filled.engine.connect() as conn:
        fs = _filters(conn)
        for f in [*fs[:5], Filters(person="Khoa"), Filters(limit=4, offset=3), Filters(limit=5, offset=10_000)]:
            assert list_people(conn, f) == old.list_people(conn, f), f


def test_organization_listings_equal_the_scan(filled):
    from hoptac.store.orgs import list_orgs
    from hoptac.store.queries import list_organizations

    with filled.engine.connect() as conn:
        for f in [*_filters(conn)[:6], Filters(limit=3, offset=2)]:
            assert list_organizations(conn, f) == old.list_organizations(conn, f), f
            for name, kind in ((None, None), ("Bo Ngoai giao", None), (None, "embassy")):
                assert list_orgs(conn, f, name, kind) == old.list_orgs(conn, f, name, kind), (f, name, kind)


def test_meetings_equal_the_scan(filled):
    from hoptac.store.events import LISTED, meetings

    with filled.engine.connect() as conn:
        fs = _filters(conn)
        pid = conn.execute(sa.select(t.event_participants.c.person_id)
                           .where(t.event_participants.c.person_id.is_not(None))).scalar()
        for f in [*fs[:3], Filters(person=pid), Filters(limit=4, offset=3), Filters(limit=5, offset=10_000),
                  Filters(limit=0)]:
            assert meetings(conn, f) == old.listed(old.meetings(conn, f), LISTED), f


def test_meetings_list_a_pairs_latest_occasions_and_count_them_all(filled):
    """Each pair lists at most ``listed`` occasions, its latest, and its counts (occasions, undated,
    ``list_total``) equal a recount of every occasion, filtered or not."""
    from hoptac.store.events import meetings

    with filled.engine.connect() as conn:
        pid = conn.execute(sa.select(t.meeting_pairs.c.p1)).scalar()
        cut = 0
        for f in (Filters(), Filters(since="2019", until="2020-06"), Filters(person=pid)):
            for n in (1, 2, 5):
                got, want = meetings(conn, f, listed=n), old.meetings(conn, f)
                assert got == old.listed(want, n), (f, n)
                assert all(len(it["list"]) <= n for it in got["items"])
                assert [it["list_total"] for it in got["items"]] == [len(it["list"]) for it in want["items"]]
                cut += sum(it["list_total"] > n for it in got["items"])
        assert cut, "no pair met more often than it lists: the bound was not tried"


def test_occasions_by_date_count_as_the_pairwise_comparison():
    """The linear count of occasions told apart by date equals the comparison of every pair of dates."""
    import random
    from collections import Counter

    from hoptac.store.events import _distinct

    rng = random.Random(7)
    pool = ["2019", "2019-04", "2019-04-10", "2019-04-11", "2019-05", "2020", "2020-01-02", "-04-10", "-04"]
    for _ in range(300):
        dates = [rng.choice(pool) for _ in range(rng.randint(0, 8))]
        assert _distinct(Counter([*dates, None])) == old._distinct(dates), dates


def test_each_reader_gets_its_own_copy(store):
    store.ingest(sample_articles())
    first = store.people()  # computed by this read
    first["items"].clear()
    second = store.people()  # kept: a copy of what was kept
    assert second["items"] and second == store.people()
    second["items"][0]["name"] = "changed"
    assert store.people()["items"][0]["name"] != "changed"


def test_network_pages_share_one_computation(filled):
    from hoptac.store import summary

    with filled.engine.connect() as conn:
        wide, narrow = network(conn, Filters(limit=50), "person", 150), network(conn, Filters(limit=1), "person", 2)
        assert narrow == old.network(conn, Filters(), "person", 2) and wide["edges"][:2] == narrow["edges"]
        kept = [k for k in summary.summaries(conn).entries if k.startswith("network-edges")]
        assert len(kept) == 1
        narrow["edges"][0]["ids"].clear()  # a caller's change does not reach what is kept
        assert network(conn, Filters(), "person", 2)["edges"][0]["ids"]


def test_titles_over_time_equal_the_scan(filled):
    """A person's titles (grouped by the database) are those the per-mention scan gave; each lists
    its first articles and counts them all."""
    from hoptac.store.people import TITLE_ARTICLES, _titles

    with filled.engine.connect() as conn:
        people = conn.execute(sa.select(t.people.c.id, t.people.c.side)).all()
        assert len(people) > 10
        many = 0
        for pid, side in people:
            got, want = _titles(conn, pid, side), old.titles(conn, pid, side)
            assert [{**w, "articles": w["articles"][:TITLE_ARTICLES], "n_articles": len(w["articles"]),
                     "n_articles_capped": False}
                    for w in want] == got, pid
            many += any(len(w["articles"]) > 1 for w in want)
        assert many  # some titles list several articles


def test_a_persons_article_pages_equal_the_scan(filled):
    """A person's article pages (dated ones walked in the index, then the undated) are the pages of the
    old single sort, across the boundary between dated and undated, and the kept total is their number."""
    from hoptac.store.people import _articles

    dated = [make_article(f"mem://khoa{i}", [f"Ông Lê Minh Khoa dự hội thảo về giáo dục đại học lần {i + 1} tại Huế."],
                          published=f"2020-0{i + 1}-15", people=[("Lê Minh Khoa", "Vụ trưởng", None, "VN")])
               for i in range(3)]
    filled.ingest(dated)
    m = t.person_mentions.c
    with filled.engine.connect() as conn:
        people = list(conn.execute(sa.select(t.people.c.id)).scalars())
        both = [p for p in people if {d is None for d in conn.execute(sa.select(m.date_sort).where(m.person_id == p))
                                      .scalars()} == {True, False}]
        assert both  # someone with dated and undated articles
        for pid in both + people[:10]:
            scan = list(conn.execute(sa.select(m.article_id).where(m.person_id == pid).group_by(m.date_sort, m.article_id)
                                     .order_by(m.date_sort.asc().nulls_last(), m.article_id)).scalars())
            for limit, offset in ((None, 0), (1, 0), (2, 1), (3, len(scan) - 2), (2, len(scan)), (50, 0), (1, len(scan) - 1)):
                items, total = _articles(conn, pid, limit, max(0, offset))
                end = None if limit is None else max(0, offset) + limit
                assert [a["id"] for a in items] == scan[max(0, offset):end], (pid, limit, offset)
                assert total == len(scan)
