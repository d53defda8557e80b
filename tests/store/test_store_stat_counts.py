"""The stats' kept figures (store/stat_counts.py, migration 0022) equal a recount after every kind of
write, on SQLite and PostgreSQL: ingest (with near-duplicates and claims copied across outlets),
every kind of correction and its undo, ``--refresh``, an editor's merge of two people and its undo,
and an article deleted with everything derived from it. After each, the kept rows are compared with
:func:`~hoptac.store.stat_counts.rebuild` (a recount of the whole store), and the stats read from
them with the scans they replaced (``scan_reference.stat_figures``).
"""

from __future__ import annotations

import scan_reference as old
import sqlalchemy as sa
from conftest import sample_articles
from test_store_curation import FIX, make_all

from hoptac.scale.synth import synth_article
from hoptac.store import Filters, Store
from hoptac.store import schema as t
from hoptac.store.events import event_query, list_events, timeline
from hoptac.store.queries import _count
from hoptac.store.refresh import clear_derived
from hoptac.store.stat_counts import rebuild, snapshot
from hoptac.store.stats import stats

_FIGURES = ("counts", "per_month", "topics", "topics_per_month", "acts")


def assert_counts_hold(s: Store) -> dict:
    """The kept figures equal a recount and the stats equal the scans; the kept rows."""
    with s.engine.begin() as conn:
        kept = snapshot(conn)
        rebuild(conn)
        assert snapshot(conn) == kept
    with s.engine.connect() as conn:
        got, want = stats(conn, []), old.stat_figures(conn)
    assert {k: got[k] for k in _FIGURES} == want
    with s.engine.connect() as conn:  # the unfiltered events listing's kept total is the count it replaced
        n = _count(conn, event_query(conn, Filters()))
        assert list_events(conn, Filters(limit=3))["total"] == timeline(conn, Filters(limit=3))["total"] == n
    for series in got["per_month"].values():
        assert list(series) == sorted(series)  # in month order
    assert list(got["topics"].values()) == sorted(got["topics"].values(), reverse=True)
    return kept


def _ids_aside(kept: dict) -> dict:
    """The kept rows without the events' own (an undone split may give an occasion back another id)."""
    return {**kept, "claim_parts": [r for r in kept["claim_parts"] if r[1] != "news_events"]}


def test_kept_stats_equal_a_recount_after_every_write(cur, tmp_path):
    first = assert_counts_hold(cur)
    assert first["stat_counts"] and first["claim_parts"]
    made = make_all(cur)  # merges and splits, rejections, an act corrected, dates set on an article and a statement
    assert assert_counts_hold(cur) != first
    for c in made.values():
        cur.undo_correction(c["id"], why="nhầm", who="x")
    assert _ids_aside(assert_counts_hold(cur)) == _ids_aside(first)
    cur.ingest_sources([str(FIX)], refresh=True)
    assert _ids_aside(assert_counts_hold(cur)) == _ids_aside(first)
    cur.ingest(sample_articles() + [synth_article(i, seed=7)[1] for i in range(40)])
    copy = tmp_path / "copy_01.txt"  # another outlet's copy: a near-duplicate, its statements copies of claims
    copy.write_text((FIX / "01_tiep_dai_su.txt").read_text(encoding="utf-8") + "\n\nCuộc gặp diễn ra trong không khí cởi mở và thẳng thắn.\n", encoding="utf-8")
    assert cur.ingest_sources([str(copy)]).duplicates == 1
    grown = assert_counts_hold(cur)
    with cur.engine.connect() as conn:
        f = stats(conn, [])
    assert f["counts"]["statements"] > f["counts"]["claims"] > 0  # copies of one statement count as one claim
    assert f["counts"]["duplicates"] > 0 and sum(f["per_month"]["articles"].values()) <= f["counts"]["articles"]
    us = [p["id"] for p in cur.people(Filters(side="US", limit=5))["items"]]
    merged = cur.correct("merge_people", {"people": us[:2]}, why="một người", who="a")
    assert_counts_hold(cur)
    cur.undo_correction(merged["id"], why="nhầm", who="a")
    assert _ids_aside(assert_counts_hold(cur)) == _ids_aside(grown)


def test_a_deleted_article_takes_its_counts_with_it(db_url):
    """Deleting an article and everything derived from it gives the counts of the store without it."""
    arts = [synth_article(i, seed=3)[1] for i in range(12)]
    with Store.open(db_url) as s:
        s.ingest(arts)
        before = assert_counts_hold(s)
        with s.engine.connect() as conn:
            a = t.articles.c
            aid = conn.execute(sa.select(a.id).where(a.duplicate_of.is_(None), a.n_statements > 0,
                                                     ~a.id.in_(sa.select(a.duplicate_of).where(a.duplicate_of.is_not(None))))
                               .order_by(a.id).limit(1)).scalar()
            month = conn.execute(sa.select(a.date_sort).where(a.id == aid)).scalar()
        with s.engine.begin() as conn:
            clear_derived(conn, aid)
            conn.execute(t.article_sources.delete().where(t.article_sources.c.article_id == aid))
            conn.execute(t.articles.delete().where(t.articles.c.id == aid))
        after = assert_counts_hold(s)
        assert after != before
        with s.engine.connect() as conn:
            got = stats(conn, [])
        assert got["counts"]["articles"] == len(arts) - 1 - got["counts"]["duplicates"]
        assert month is None or got["per_month"]["articles"].get(month[:7], 0) >= 0
