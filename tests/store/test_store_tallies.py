"""Kept counts (store/tallies.py, migrations 0021 and 0024) equal a recount after every kind of write, on
SQLite and PostgreSQL: ingest with occasion merging, an editor's merges and splits of people,
organizations and events, rejections, undo, ``--refresh``, more ingest. After each, the tallies
the writers kept are compared with :func:`~hoptac.store.tallies.rebuild` (a recount of the whole
store), and the reads answered from them (network, meetings, people and organization rankings,
the stats' most named) with the scans they replaced (``scan_reference.py``).
"""

from __future__ import annotations

import scan_reference as old
import sqlalchemy as sa
from conftest import sample_articles
from test_store_curation import FIX, make_all

from hoptac.link.text import fold
from hoptac.link.titles import title_key
from hoptac.model import Article, Person
from hoptac.scale.synth import synth_article
from hoptac.store import Filters, Store
from hoptac.store import schema as t
from hoptac.store.events import LISTED, meetings
from hoptac.store.network import network
from hoptac.store.people import _writings, get_person, latest_title, list_people
from hoptac.store.queries import list_organizations
from hoptac.store.stats import _top_orgs, _top_people
from hoptac.store.tallies import rebuild, snapshot

ALL = Filters(limit=10_000)


def _ranked(items: list[dict], *keys: str) -> list[tuple]:
    """A ranking as comparable rows (ties may come in any order: sorted within equal counts)."""
    return sorted(tuple(it.get(k) for k in keys) for it in items)


def assert_tallies_hold(s: Store) -> dict:
    """The kept tallies equal a recount, and the reads from them equal the scans; the tallies."""
    with s.engine.begin() as conn:
        assert not conn.execute(sa.select(t.tally_dirty)).all(), "a write left changes uncounted"
        kept = snapshot(conn)
        rebuild(conn)
        assert snapshot(conn) == kept
    with s.engine.connect() as conn:
        for f in (ALL, Filters(limit=3, offset=1), Filters(since="2019", until="2019-06", limit=500)):
            got, want = network(conn, f, max_edges=500), old.network(conn, f, max_edges=500)
            assert got["total_edges"] == want["total_edges"]
            assert _ranked(got["edges"], "source", "target", "occasions", "first", "last") == \
                _ranked(want["edges"], "source", "target", "occasions", "first", "last")
            assert {(e["source"], e["target"]): e["ids"] for e in got["edges"]} == \
                {(e["source"], e["target"]): e["ids"] for e in want["edges"]}
            m, w = meetings(conn, f), old.listed(old.meetings(conn, f), LISTED)
            assert m["total"] == w["total"]
            if f.limit >= m["total"]:  # the whole ranking: equal row for row
                assert m["items"] == w["items"]
        for side in (None, "VN", "US"):
            f = Filters(limit=10_000, side=side)
            got, want = list_people(conn, f), old.list_people(conn, f)
            assert got["total"] == want["total"] and (got["total"] > 0 or side)
            assert _ranked(got["items"], "id", "articles", "statements", "title") == \
                _ranked(want["items"], "id", "articles", "statements", "title")
            assert [p["articles"] for p in got["items"]] == [p["articles"] for p in want["items"]]
            got, want = list_organizations(conn, f), old.list_organizations(conn, f)
            assert got["total"] == want["total"] and (got["total"] > 0 or side)
            assert _ranked(got["items"], "id", "articles", "kind") == _ranked(want["items"], "id", "articles", "kind")
        for pid, side in conn.execute(sa.select(t.people.c.id, t.people.c.side)).all()[:40]:  # a person's own page
            m = t.person_mentions.c
            pairs = conn.execute(sa.select(m.date_sort, m.title).where(m.person_id == pid)).all()
            assert get_person(conn, pid)["title"] == latest_title([tuple(r) for r in pairs], side)
            assert [tuple(r) for r in _writings(conn, pid)] == old.writings(conn, pid)  # titles over time
            titles = get_person(conn, pid)["titles"]
            assert {title_key(x["title"], side) if x["title"] else "\x00" + fold(x["organization"]): x["articles"]
                    for x in titles} == old.title_firsts(conn, pid, side)
        top_people, top_orgs = _top_people(conn, 5), _top_orgs(conn, 5)
        for side in ("VN", "US"):
            ranked = [p for p in old.list_people(conn, Filters(limit=10_000, side=side))["items"]]
            assert [p["articles"] for p in top_people[side]] == [p["articles"] for p in ranked[:5]]
            ranked = old.list_organizations(conn, Filters(limit=10_000, side=side))["items"]
            assert [o["articles"] for o in top_orgs[side]] == [o["articles"] for o in ranked[:5]]
    return kept


def _counts(kept: dict) -> dict:
    """The tallies without the meeting rows (an undone split may give an occasion back another id)."""
    return {k: v for k, v in kept.items() if k != "meeting_pairs"}


def test_tallies_equal_a_recount_after_every_write(cur):
    first = assert_tallies_hold(cur)
    assert first["pair_tallies"] and first["meeting_pairs"] and first["person_tallies"]
    made = make_all(cur)  # merges and splits of people, organizations and events, rejections, dates
    curated = assert_tallies_hold(cur)
    assert curated != first  # the corrections changed what is counted, and the counts followed
    for c in made.values():
        cur.undo_correction(c["id"], why="nhầm", who="x")
    assert _counts(assert_tallies_hold(cur)) == _counts(first)  # every correction undone: the counts of the start
    cur.ingest_sources([str(FIX)], refresh=True)
    assert _counts(assert_tallies_hold(cur)) == _counts(first)
    cur.ingest(sample_articles() + [synth_article(i, seed=5)[1] for i in range(40)])
    grown = assert_tallies_hold(cur)
    assert len(grown["meeting_pairs"]) > len(first["meeting_pairs"])
    us = [p["id"] for p in cur.people(Filters(side="US", limit=5))["items"]]
    merged = cur.correct("merge_people", {"people": us[:2]}, why="một người", who="a")  # two frequent people
    assert _counts(assert_tallies_hold(cur)) != _counts(grown)
    cur.undo_correction(merged["id"], why="nhầm", who="a")
    assert _counts(assert_tallies_hold(cur)) == _counts(grown)


def test_a_merged_occasion_counts_once_for_its_pair(db_url):
    """Two outlets' reports of one meeting are one occasion: the second report becomes another source
    of the stored event, and the pair's tally is the same as after the first."""
    arts = sample_articles()  # the first two report one meeting
    with Store.open(db_url) as s:
        s.ingest(arts[:1])
        with s.engine.connect() as conn:
            before = conn.execute(sa.select(t.pair_tallies)).all()
        s.ingest(arts[1:2])
        with s.engine.connect() as conn:
            after = conn.execute(sa.select(t.pair_tallies)).all()
            sources = conn.execute(sa.select(sa.func.count()).select_from(t.event_sources)
                                   .where(t.event_sources.c.event_id == sa.select(t.meeting_pairs.c.event_id)
                                          .limit(1).scalar_subquery())).scalar()
        assert before and after == before and sources == 2
        assert [(r.occasions, r.reports) for r in after] == [(1, 1)]
        assert_tallies_hold(s)


def _envoy(i: int, date: str | None, title: str, org: str | None) -> Article:
    """A self-written article too short for near-duplicate matching (fewer than 12 shingles: exact hash
    only), naming one envoy with ``title`` and ``org``."""
    text = f"{title} Ellen Marwick gặp đối tác số {i} tại Hà Nội."
    start = text.index("Ellen")
    return Article(source=f"test://envoy/{i}", raw=text, text=text, title=f"Bài {i}", published=date,
                   people=[Person("Ellen Marwick", title, org, "US", [(start, start + len("Ellen Marwick"))])])


def test_an_office_s_first_articles_walk_every_writing_that_can_hold_one(db_url):
    """An office written two ways (``_office_firsts``): the later writing (first dated between the
    earlier one's first and twentieth articles) still gives its early article to the office's first
    articles, its undated ones do not (the office has its twenty dated ones); an office with fewer
    dated articles lists its undated one last. Equal to numbering every mention (scan reference)."""
    arts = [_envoy(i, f"2030-01-{i + 1:02d}", "Đại sứ", "Đại sứ quán Mỹ") for i in range(22)]
    arts += [_envoy(30, "2030-01-03", "Đại sứ", "Đại sứ quán Hoa Kỳ"),
             _envoy(31, "2030-03-01", "Đại sứ", "Đại sứ quán Hoa Kỳ"),
             _envoy(32, None, "Đại sứ", "Đại sứ quán Hoa Kỳ"),
             _envoy(40, "2029-05-01", "Trợ lý Ngoại trưởng", None), _envoy(41, None, "Trợ lý Ngoại trưởng", None)]
    with Store.open(db_url) as s:
        s.ingest(arts)
        with s.engine.connect() as conn:
            (pid,) = conn.execute(sa.select(t.people.c.id)).scalars().all()
            side = conn.execute(sa.select(t.people.c.side)).scalar()
            by_source = dict(conn.execute(sa.select(t.article_sources.c.source, t.article_sources.c.article_id)).all())
            got = {title_key(x["title"], side): x["articles"] for x in get_person(conn, pid)["titles"]}
            assert got == old.title_firsts(conn, pid, side)
    envoy, aide = got[title_key("Đại sứ", side)], got[title_key("Trợ lý Ngoại trưởng", side)]
    assert len(envoy) == 20 and by_source["test://envoy/30"] in envoy and by_source["test://envoy/32"] not in envoy
    assert aide == [by_source["test://envoy/40"], by_source["test://envoy/41"]]
