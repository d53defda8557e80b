"""Maintained summaries: reads are kept per store generation, fresh after every write, stale only
where a server asked for it, and computed once however many readers ask at the same time."""

from __future__ import annotations

import threading
import time

import sqlalchemy as sa
from conftest import sample_articles

from hoptac.store import Filters, Store
from hoptac.store import summary as sm


def test_every_write_bumps_the_generation_and_reads_follow(store):
    a1, _a2, a3 = sample_articles()
    with store.engine.connect() as c:
        before = sm.generation(c)
    store.ingest([a1])
    with store.engine.connect() as c:
        assert sm.generation(c) > before
    assert store.articles()["total"] == 1
    assert store.stats()["counts"]["articles"] == 1
    store.ingest([a3])
    assert store.articles()["total"] == 2  # the library caller never sees a stale summary
    assert store.stats()["counts"]["articles"] == 2
    assert [i["published"] for i in store.articles()["items"]] == ["2026-03-10", "2024-11-15"]


def test_results_are_copies_a_caller_may_change(store):
    store.ingest(sample_articles())
    first = store.stats()
    first["counts"]["articles"] = -1
    assert store.stats()["counts"]["articles"] == 3


def test_article_pages_follow_the_listing_order_at_any_offset(store):
    arts = sample_articles()
    arts[2].published = None  # one undated: listed last
    store.ingest(arts)
    whole = [i["id"] for i in store.articles(Filters(limit=10))["items"]]
    assert len(whole) == 3
    pages = [i["id"] for k in range(len(whole)) for i in store.articles(Filters(limit=1, offset=k))["items"]]
    assert pages == whole
    assert store.articles(Filters(limit=1, offset=len(whole)))["items"] == []
    assert store.articles(Filters(limit=10))["items"][-1]["published"] is None


def test_a_server_serves_a_stale_summary_while_it_is_recomputed(tmp_path):
    a1, _a2, a3 = sample_articles()
    with Store.open(str(tmp_path / "s.db")) as store:
        sm.serve_stale(store.engine, after_s=0.0)  # every summary counts as expensive here
        store.ingest([a1])
        assert store.articles()["total"] == 1
        store.ingest([a3])
        assert store.articles()["total"] == 1  # served as it was: the recount runs in the background
        for _ in range(400):  # bounded wait for the background recount (not a timing assertion)
            if store.articles()["total"] == 2:
                break
            time.sleep(0.05)
        assert store.articles()["total"] == 2


def test_concurrent_readers_of_one_summary_compute_it_once(store):
    store.ingest(sample_articles())
    calls = []
    gate = threading.Event()

    def slow(conn: sa.Connection) -> int:
        calls.append(1)
        gate.wait(10)
        return conn.execute(sa.text("SELECT count(*) FROM articles")).scalar()

    results: list[int] = []

    def read() -> None:
        with store.engine.connect() as c:
            results.append(sm.cached(c, "test:slow", slow))

    readers = [threading.Thread(target=read) for _ in range(4)]
    for r in readers:
        r.start()
    for _ in range(200):
        if calls:
            break
        time.sleep(0.01)
    time.sleep(0.1)
    gate.set()
    for r in readers:
        r.join(20)
    assert results == [3, 3, 3, 3]
    assert len(calls) == 1


def test_summaries_are_bounded_by_size(store, monkeypatch):
    store.ingest(sample_articles())
    keeper = sm.summaries(store.engine.connect())
    monkeypatch.setattr(sm, "MAX_ENTRY_BYTES", 10)  # every listing is larger: read, never kept
    assert store.articles()["total"] == 3
    assert all(e.size <= 10 for e in keeper.entries.values())  # small counts are kept, the listing is not
    assert not any(k.startswith("hoptac.store.queries.list_articles") for k in keeper.entries)
    monkeypatch.setattr(sm, "MAX_ENTRY_BYTES", 10**9)
    monkeypatch.setattr(sm, "MAX_BYTES", 1)  # kept, then the least recently used go: one is left
    store.articles()
    store.people()
    assert len(keeper.entries) == 1 and keeper.bytes == next(iter(keeper.entries.values())).size
