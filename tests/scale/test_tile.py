"""Tiling a store (hoptac.scale.tile, the builder of the large benchmark stores): a store written by the
real write path, grown to 7 copies of itself (two doublings, then prefixes of 2 and 1 copies), holds
every copied row, kept count and tally 7 times (people, organizations and band keys once), its kept
counts equal a recount, its full-text index and foreign keys check, its indexes and triggers are back,
and a later ingest keeps the counts right.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlalchemy as sa

from hoptac.scale.synth import synth_article
from hoptac.scale.tile import COPIED, expected, figures, grow, plan, verify
from hoptac.store import Store, stat_counts, tallies

UNITS = 7


def _schema(conn: sa.Connection) -> list[tuple[str, str]]:
    return [tuple(r) for r in conn.exec_driver_sql(
        "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY 1, 2")]


def _kept_equal_recount(store: Store) -> None:
    with store.engine.begin() as conn:
        kept = stat_counts.snapshot(conn), tallies.snapshot(conn)
        stat_counts.rebuild(conn)
        tallies.rebuild(conn)
        assert (stat_counts.snapshot(conn), tallies.snapshot(conn)) == kept


def _fts_hits(conn: sa.Connection, word: str) -> int:
    return conn.exec_driver_sql("SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", (word,)).scalar()


def test_plan_reaches_every_number_of_copies():
    assert plan(1) == (0, []) and plan(174) == (7, [32, 8, 4, 2])
    for units in range(1, 300):
        doublings, prefixes = plan(units)
        assert (1 << doublings) + sum(prefixes) == units and all(p < (1 << doublings) for p in prefixes)
    with pytest.raises(ValueError):
        plan(0)


def test_a_tiled_store_holds_every_count_times_the_copies(tmp_path):
    url = f"sqlite:///{tmp_path / 'seed.db'}"
    arts = [synth_article(i, seed=5)[1] for i in range(30)]
    copy = replace(arts[0], source="mem://ban-sao", url="https://example.vn/ban-sao",
                   text=arts[0].text + "\n\nBài viết được đăng lại từ báo khác.")
    with Store.open(url) as store:
        store.ingest([*arts, copy])
        with store.engine.connect() as conn:
            seed, before = figures(conn), _schema(conn)
            word_hits = _fts_hits(conn, "hợp")
        threads = {th["id"]: store.thread(th["id"], limit=1)["entries_total"] for th in store.threads()}
    assert seed["rows"]["articles"] == 31 and seed["stat_counts"][("duplicates", "", "")] == 1
    assert seed["rows"]["meeting_pairs"] and seed["pair_tallies"] and word_hits and any(threads.values())
    assert set(expected(seed, UNITS)["rows"]) >= set(COPIED)

    times = grow(sa.create_engine(url, poolclass=sa.pool.NullPool), UNITS, log=lambda _: None)
    assert set(times) >= {"copy_s", "indexes_s", "fts_s", "recount_s", "total_s"}
    with Store.open(url) as store:
        store.refresh_threads()
        with store.engine.connect() as conn:
            assert verify(conn, seed, UNITS, full=True) == []
            assert _schema(conn) == before  # every index and trigger dropped for the build is back
            assert _fts_hits(conn, "hợp") == UNITS * word_hits
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            ids = conn.exec_driver_sql("SELECT count(DISTINCT content_hash), count(DISTINCT source) FROM articles").one()
            assert tuple(ids) == (31 * UNITS, 31 * UNITS)
        _kept_equal_recount(store)
        stats = store.stats()["counts"]
        assert stats["articles"] == 30 * UNITS and stats["duplicates"] == UNITS
        assert {tid: store.thread(tid, limit=1)["entries_total"] for tid in threads} == \
            {tid: n * UNITS for tid, n in threads.items()}  # thread summaries recounted over every copy

        store.ingest([synth_article(i, seed=5)[1] for i in range(30, 36)])  # the triggers keep counting
        _kept_equal_recount(store)
        assert store.stats()["counts"]["articles"] == 30 * UNITS + 6
        with store.engine.connect() as conn:
            assert verify(conn, seed, UNITS)  # six articles more than 7 copies: the check sees it


def test_tiling_refuses_other_databases():
    with pytest.raises(ValueError):
        grow(sa.create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none"), 2)
