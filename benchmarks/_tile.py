"""Grow a SQLite benchmark store by tiling: every article-derived row copied under new ids, in SQL.

The store's write path costs 30–60 ms of CPU per article (people and organization linking,
occasion merging, claims, MinHash), so a store of 100,000 articles built by it takes hours on a
shared machine. :func:`tile` multiplies a store built by that path (``scale.py --corpus``): tile
``k`` copies every article with its mentions, events (occasions and their parts), participants,
sources, statements, thread entries, claims' keys, topics and search documents (FTS5 too) under
ids suffixed ``t<k>``, in one ``INSERT … SELECT`` per table. What it does *not* do, and a real
archive would: people and organizations are shared by every tile (the same cast meets again:
mentions, meetings and statements per person grow with the store, the number of people does not),
dates are the base's (each day holds ``k + 1`` times the news), near-duplicate band keys are not
copied (a later ingest does not compare against the tiles), and occasions are never merged across
tiles. The kept counts (``store/tallies.py``) are brought up to date by the same triggers and flush
as any write, thread summaries are recomputed, and the planner's statistics refreshed.
"""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa

#: a statement id (``<article id>.s<n>``) or an article id, moved to tile ``:sfx``
_SID = ("CASE WHEN instr({x}, '.s') > 0 THEN substr({x}, 1, instr({x}, '.s') - 1) || :sfx || "
        "substr({x}, instr({x}, '.s')) ELSE {x} || :sfx END")


def _sid(x: str) -> str:
    return _SID.format(x=x)


STEPS = (
    ("articles", "INSERT INTO articles (id, content_hash, raw_hash, source, title, published, published_provenance, "
     "date_sort, outlet, url, text, data, topics, n_people, n_events, n_statements, minhash, duplicate_of, similarity, "
     "ingested_at) SELECT id || :sfx, substr(content_hash, 1, 56) || :hsfx, raw_hash, source || '#' || :sfx, title, "
     "published, published_provenance, date_sort, outlet, url || '#' || :sfx, text, data, topics, n_people, n_events, "
     "n_statements, minhash, CASE WHEN duplicate_of IS NULL THEN NULL ELSE duplicate_of || :sfx END, similarity, "
     "ingested_at FROM articles WHERE id IN (SELECT id FROM base_articles)"),
    ("article_sources", "INSERT INTO article_sources SELECT article_id || :sfx, source || '#' || :sfx "
     "FROM article_sources WHERE article_id IN (SELECT id FROM base_articles)"),
    ("article_topics", "INSERT INTO article_topics SELECT article_id || :sfx, topic FROM article_topics "
     "WHERE article_id IN (SELECT id FROM base_articles)"),
    ("person_mentions", "INSERT INTO person_mentions (person_id, article_id, name, title, organization, side, date_sort, "
     "n_mentions) SELECT person_id, article_id || :sfx, name, title, organization, side, date_sort, n_mentions "
     "FROM person_mentions WHERE article_id IN (SELECT id FROM base_articles)"),
    ("org_mentions", "INSERT INTO org_mentions SELECT org_id, article_id || :sfx, name, n_mentions, names "
     "FROM org_mentions WHERE article_id IN (SELECT id FROM base_articles)"),
    ("events", "INSERT INTO events SELECT id || :sfx, type, family, date, date_sort, place, status, participants, "
     "CASE WHEN parent_id IS NULL THEN NULL ELSE parent_id || :sfx END FROM events "
     "WHERE id IN (SELECT id FROM base_events)"),
    ("event_participants", "INSERT INTO event_participants SELECT event_id || :sfx, key, person_id, name, date, "
     "date_sort FROM event_participants WHERE event_id IN (SELECT id FROM base_events)"),
    ("event_sources", "INSERT INTO event_sources SELECT event_id || :sfx, article_id || :sfx, idx, type, date, "
     "evidence_start, evidence_end, quote, date_provenance, background, part_keys FROM event_sources "
     "WHERE event_id IN (SELECT id FROM base_events)"),
    ("statements", f"INSERT INTO statements (id, article_id, idx, actor, person_id, side, act, addressee_side, text, "
     f"evidence_start, evidence_end, date_sort, date_provenance, topics, threads, amounts, claim_key) SELECT {_sid('id')}, article_id || :sfx, idx, actor, person_id, side, act, "
     f"addressee_side, text, evidence_start, evidence_end, date_sort, date_provenance, topics, threads, amounts, "
     f"CASE WHEN claim_key IS NULL THEN NULL ELSE {_sid('claim_key')} END FROM statements "
     f"WHERE article_id IN (SELECT id FROM base_articles)"),
    ("statement_threads", f"INSERT INTO statement_threads SELECT {_sid('st.statement_id')}, st.thread, st.signal, "
     f"replace(st.entry_order, s.article_id, s.article_id || :sfx), st.side, st.act, st.has_money, "
     f"CASE WHEN st.copy_of IS NULL THEN NULL ELSE {_sid('st.copy_of')} END FROM statement_threads st "
     f"JOIN statements s ON s.id = st.statement_id WHERE s.article_id IN (SELECT id FROM base_articles)"),
    ("claim_keys", f"INSERT INTO claim_keys SELECT key, {_sid('statement_id')} FROM claim_keys WHERE statement_id IN "
     f"(SELECT id FROM statements WHERE article_id IN (SELECT id FROM base_articles))"),
    ("statement_topics", f"INSERT INTO statement_topics SELECT {_sid('statement_id')}, topic FROM statement_topics "
     f"WHERE statement_id IN (SELECT id FROM statements WHERE article_id IN (SELECT id FROM base_articles))"),
    ("search_docs", f"INSERT INTO search_docs (kind, ref_id, article_id, body, lowered, folded) SELECT kind, "
     f"{_sid('ref_id')}, article_id || :sfx, body, lowered, folded FROM search_docs "
     f"WHERE article_id IN (SELECT id FROM base_articles)"),
)


def tile(engine: Any, times: int, *, log: Any = print) -> float:
    """Add ``times`` tiles of the store's current articles (see the module docstring); seconds taken."""
    from hoptac.store.summary import bump
    from hoptac.store.tallies import flush

    t0 = time.perf_counter()
    with engine.connect() as conn:
        conn.exec_driver_sql("CREATE TEMP TABLE base_articles AS SELECT id FROM articles")
        conn.exec_driver_sql("CREATE TEMP TABLE base_events AS SELECT id FROM events")
        conn.commit()
        for k in range(1, times + 1):
            sfx = f"t{k}"
            with conn.begin():
                top = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM search_docs").scalar()
                for _name, sql in STEPS:
                    conn.execute(sa.text(sql), {"sfx": sfx, "hsfx": f"{k:08d}"})
                conn.execute(sa.text("INSERT INTO search_fts(rowid, lowered, folded) SELECT id, lowered, folded "
                                     "FROM search_docs WHERE id > :top"), {"top": top})
                flush(conn)
                bump(conn)
            log(f"  tile {k}/{times}: {time.perf_counter() - t0:.0f} s")
        with conn.begin():  # every thread summary recounted from its first entry on the next refresh
            conn.exec_driver_sql("DELETE FROM thread_checkpoints")
            conn.exec_driver_sql("UPDATE thread_states SET version = version + 1, dirty_from = ''")
        with conn.begin():
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
            conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - t0


def main() -> int:
    """``python benchmarks/_tile.py --db STORE --times K``: add K tiles; thread summaries refreshed."""
    import argparse
    import json
    import os

    from hoptac.store import Store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="a SQLite store built by scale.py --corpus")
    ap.add_argument("--times", type=int, required=True, help="tiles to add (the store grows times + 1 fold)")
    args = ap.parse_args()
    with Store.open(args.db) as store:
        seconds = tile(store.engine, args.times)
        t0 = time.perf_counter()
        store.refresh_threads()
        threads_s = time.perf_counter() - t0
        counts = store.stats()["counts"]
    print(json.dumps({"tiles": args.times, "tile_s": round(seconds, 1), "threads_s": round(threads_s, 1),
                      "counts": counts, "loadavg_1m": round(os.getloadavg()[0], 2)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
