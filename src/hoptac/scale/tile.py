"""Grow a SQLite benchmark store by tiling: every article-derived row copied under new ids, in SQL.

The store's write path costs 30–60 ms of CPU per article (people and organization linking,
occasion merging, claims, MinHash), so a store of a million articles built by it would take days
on a shared machine. :func:`grow` multiplies a *seed* store built by that path (``scale.py
--corpus``) to ``units`` copies of itself. Each copy step copies every article with its mentions,
events (occasions and their parts), participants, sources, statements, thread entries, topics and
search documents under ids suffixed ``u<k>``, in ``INSERT … SELECT`` over rowid ranges. The
steps, in order:

1. drop every secondary index and every trigger (the kept counts' triggers) and write with
   ``journal_mode=OFF``, ``synchronous=OFF`` (a crash during the build leaves a broken file:
   build into a copy);
2. double the store while it is at most half the target (each step copies every row so far),
   then add the remainder as prefixes of the store as it was after earlier steps (a table's rows
   are appended in order, so its first rows as of step ``j`` are exactly the ``2**j`` copies made
   by then, with every row they reference): 174 copies are 128 + 32 + 8 + 4 + 2;
3. recreate the indexes (one sort each), rebuild the full-text index once (FTS5 ``rebuild``),
   recreate the triggers, refresh the planner's statistics, recount the kept counts once
   (``stat_counts.rebuild``, ``tallies.rebuild``), mark every thread summary stale and bump the
   store's generation (:func:`finish`); the caller refreshes the thread summaries.

What tiling does *not* do, and a real archive would: people and organizations are shared by every
copy (the same cast meets again: mentions, meetings and statements per person grow with the
store, the number of people does not); dates are the seed's (each day holds ``units`` times the
news); near-duplicate band keys and claim band keys (``article_bands``, ``claim_keys``) and the
copies' MinHash signatures are not copied (they are read only when a later ingest looks for
copies of a new article or statement, which then finds the seed's, not the tiles'); occasions are
never merged across copies. :func:`figures` and :func:`expected` state what a tiled store must
hold — every kept count ``units`` times the seed's — which :func:`verify` checks.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

#: a statement id (``<article id>.s<n>``) or an article id, moved to copy ``:sfx``
_SID = ("CASE WHEN instr({x}, '.s') > 0 THEN substr({x}, 1, instr({x}, '.s') - 1) || :sfx || "
        "substr({x}, instr({x}, '.s')) ELSE {x} || :sfx END")


def _sid(x: str) -> str:
    return _SID.format(x=x)


#: (table copied, the alias whose rowid range a chunk copies, the statement); ``{w}`` is the range.
#: A copy's content hash is unique by (step, source row): ``z`` is no hexadecimal digit.
STEPS = (
    ("articles", "a", "INSERT INTO articles (id, content_hash, raw_hash, source, title, published, published_provenance, "
     "date_sort, outlet, url, text, data, topics, n_people, n_events, n_statements, minhash, duplicate_of, similarity, "
     "ingested_at) SELECT id || :sfx, substr(content_hash, 1, 40) || printf('z%07d%016d', :k, a.rowid), raw_hash, "
     "source || '#' || :sfx, title, published, published_provenance, date_sort, outlet, url || '#' || :sfx, text, "
     "data, topics, n_people, n_events, n_statements, NULL, CASE WHEN duplicate_of IS NULL THEN NULL ELSE "
     "duplicate_of || :sfx END, similarity, ingested_at FROM articles a WHERE {w}"),
    ("article_sources", "x", "INSERT INTO article_sources SELECT article_id || :sfx, source || '#' || :sfx "
     "FROM article_sources x WHERE {w}"),
    ("article_topics", "x", "INSERT INTO article_topics SELECT article_id || :sfx, topic FROM article_topics x WHERE {w}"),
    ("person_mentions", "x", "INSERT INTO person_mentions (person_id, article_id, name, title, organization, side, "
     "date_sort, n_mentions) SELECT person_id, article_id || :sfx, name, title, organization, side, date_sort, "
     "n_mentions FROM person_mentions x WHERE {w}"),
    ("org_mentions", "x", "INSERT INTO org_mentions SELECT org_id, article_id || :sfx, name, n_mentions, names "
     "FROM org_mentions x WHERE {w}"),
    ("events", "x", "INSERT INTO events SELECT id || :sfx, type, family, date, date_sort, place, status, participants, "
     "CASE WHEN parent_id IS NULL THEN NULL ELSE parent_id || :sfx END FROM events x WHERE {w}"),
    ("event_participants", "x", "INSERT INTO event_participants SELECT event_id || :sfx, key, person_id, name, date, "
     "date_sort FROM event_participants x WHERE {w}"),
    ("event_sources", "x", "INSERT INTO event_sources SELECT event_id || :sfx, article_id || :sfx, idx, type, date, "
     "evidence_start, evidence_end, quote, date_provenance, background, part_keys FROM event_sources x WHERE {w}"),
    ("statements", "x", f"INSERT INTO statements (id, article_id, idx, actor, person_id, side, act, addressee_side, "
     f"text, evidence_start, evidence_end, date_sort, date_provenance, topics, threads, amounts, claim_key) SELECT "
     f"{_sid('id')}, article_id || :sfx, idx, actor, person_id, side, act, addressee_side, text, evidence_start, "
     f"evidence_end, date_sort, date_provenance, topics, threads, amounts, "
     f"CASE WHEN claim_key IS NULL THEN NULL ELSE {_sid('claim_key')} END FROM statements x WHERE {{w}}"),
    ("statement_threads", "st", f"INSERT INTO statement_threads SELECT {_sid('st.statement_id')}, st.thread, "
     f"st.signal, replace(st.entry_order, s.article_id, s.article_id || :sfx), st.side, st.act, st.has_money, "
     f"CASE WHEN st.copy_of IS NULL THEN NULL ELSE {_sid('st.copy_of')} END FROM statement_threads st "
     f"JOIN statements s ON s.id = st.statement_id WHERE {{w}}"),
    ("statement_topics", "x", f"INSERT INTO statement_topics SELECT {_sid('statement_id')}, topic "
     f"FROM statement_topics x WHERE {{w}}"),
    ("search_docs", "x", f"INSERT INTO search_docs (kind, ref_id, article_id, body, lowered, folded) SELECT kind, "
     f"{_sid('ref_id')}, article_id || :sfx, body, lowered, folded FROM search_docs x WHERE {{w}}"),
)
COPIED = tuple(name for name, _, _ in STEPS)
#: rows per chunk of one statement (an article row is ~16 KB: SQLite stages a same-table copy)
_CHUNK = {"articles": 5_000}
_DEFAULT_CHUNK = 50_000
_SHARED_COUNTS = ("people", "organizations")  # kept figures a copy does not add to


def plan(units: int) -> tuple[int, list[int]]:
    """Doubling steps and the prefixes (in copies) added after them to reach ``units`` copies."""
    if units < 1:
        raise ValueError("units must be at least 1")
    doublings = units.bit_length() - 1
    rest = units - (1 << doublings)
    return doublings, [1 << b for b in range(doublings - 1, -1, -1) if rest >> b & 1]


def _max_rowids(conn: Connection) -> dict[str, int]:
    return {name: conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {name}").scalar() or 0
            for name in COPIED}


def _copy(conn: Connection, k: int, upto: dict[str, int]) -> None:
    """Copy step ``k``: every row of the copied tables with a rowid up to ``upto[table]``."""
    for name, alias, sql in STEPS:
        hi, step = upto[name], _CHUNK.get(name, _DEFAULT_CHUNK)
        stmt = sa.text(sql.format(w=f"{alias}.rowid > :lo AND {alias}.rowid <= :hi"))
        for lo in range(0, hi, step):
            conn.execute(stmt, {"sfx": f"u{k}", "k": k, "lo": lo, "hi": min(lo + step, hi)})


def _schema_objects(conn: Connection) -> list[tuple[str, str, str]]:
    """(type, name, SQL) of every secondary index and every trigger (dropped for the build, recreated after)."""
    return [tuple(r) for r in conn.exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY type, name")]


def grow(engine: sa.Engine, units: int, *, cache_mb: int = 1024,
         log: Callable[[str], Any] = print) -> dict[str, float]:
    """Make the store ``units`` copies of itself (see the module docstring); seconds per phase.

    Each phase runs in one transaction (``conn.commit()`` ends it; the next statement begins another).
    """
    if engine.dialect.name != "sqlite":
        raise ValueError("tiling builds SQLite benchmark stores only")
    doublings, prefixes = plan(units)
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    with engine.connect() as conn:
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "foreign_keys=OFF", "temp_store=FILE",
                       f"cache_size=-{cache_mb * 1024}"):
            conn.exec_driver_sql(f"PRAGMA {pragma}")
        objects = _schema_objects(conn)
        for kind, name, _ in objects:
            conn.exec_driver_sql(f"DROP {kind.upper()} {name}")
        conn.commit()
        prefix = {1: _max_rowids(conn)}
        k = 0
        for _ in range(doublings):
            n = max(prefix)
            k += 1
            _copy(conn, k, prefix[n])
            conn.commit()
            prefix[2 * n] = _max_rowids(conn)
            log(f"  step {k}: {2 * n} copies, {time.perf_counter() - t0:.0f} s")
        for p in prefixes:
            k += 1
            _copy(conn, k, prefix[p])
            conn.commit()
            log(f"  step {k}: +{p} copies, {time.perf_counter() - t0:.0f} s")
        times["copy_s"] = time.perf_counter() - t0
        phases = (("indexes_s", [sql for kind, _, sql in objects if kind == "index"]),
                  ("fts_s", ["INSERT INTO search_fts(search_fts) VALUES('rebuild')"]),
                  ("triggers_s", [sql for kind, _, sql in objects if kind == "trigger"]))
        for label, stmts in phases:
            t1 = time.perf_counter()
            for sql in stmts:
                conn.exec_driver_sql(sql)
            conn.commit()
            times[label] = time.perf_counter() - t1
            log(f"  {label[:-2]}: {times[label]:.0f} s")
        times.update(finish(conn, log=log))
    times["total_s"] = time.perf_counter() - t0
    return times


def finish(conn: Connection, *, log: Callable[[str], Any] = print) -> dict[str, float]:
    """After the copies, indexes and triggers: the planner's statistics (first: without them a recount's
    ``id IN (…)`` reads every meeting through the family index, once per chunk), the kept counts recounted,
    thread summaries marked stale, the generation bumped, the journal back to WAL; seconds per phase."""
    from hoptac.store import stat_counts, tallies
    from hoptac.store.summary import bump

    times = {}
    t1 = time.perf_counter()
    conn.exec_driver_sql("PRAGMA analysis_limit=1000")
    conn.exec_driver_sql("ANALYZE")
    conn.commit()
    times["analyze_s"] = time.perf_counter() - t1
    log(f"  planner statistics: {times['analyze_s']:.0f} s")
    t1 = time.perf_counter()
    stat_counts.rebuild(conn)
    tallies.rebuild(conn)
    # every thread summary recounted from its first entry on the next refresh
    conn.exec_driver_sql("DELETE FROM thread_checkpoints")
    conn.exec_driver_sql("UPDATE thread_states SET version = version + 1, dirty_from = ''")
    bump(conn)
    conn.commit()
    times["recount_s"] = time.perf_counter() - t1
    log(f"  kept counts recounted: {times['recount_s']:.0f} s")
    conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    conn.commit()
    return times


# what a tiled store must hold ---------------------------------------------------------------

def figures(conn: Connection) -> dict[str, dict[Any, Any]]:
    """The rows of every copied table, and every kept count and tally, keyed for :func:`expected`."""
    out: dict[str, dict[Any, Any]] = {
        "rows": {name: conn.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar()
                 for name in (*COPIED, "meeting_pairs", "claim_parts", "claim_keys", "article_bands")}}
    out["stat_counts"] = {(r[0], r[1], r[2]): r[3] for r in conn.exec_driver_sql(
        "SELECT name, k1, k2, n FROM stat_counts WHERE n != 0")}
    out["person_tallies"] = {r[0]: tuple(r[1:]) for r in conn.exec_driver_sql(
        "SELECT person_id, articles, statements, title FROM person_tallies")}
    out["org_tallies"] = {r[0]: r[1] for r in conn.exec_driver_sql("SELECT org_id, articles FROM org_tallies")}
    out["pair_tallies"] = {(r[0], r[1]): tuple(r[2:]) for r in conn.exec_driver_sql(
        "SELECT p1, p2, occasions, dated_occasions, reports, first, last, last_occasion FROM pair_tallies")}
    return out


def expected(seed: dict[str, dict[Any, Any]], units: int) -> dict[str, dict[Any, Any]]:
    """What :func:`figures` must give after tiling a store with ``seed`` figures to ``units`` copies:
    every copied row, count and tally ``units`` times the seed's; people, organizations, dates, titles
    and band keys the seed's."""
    rows = {k: v if k in ("claim_keys", "article_bands") else v * units for k, v in seed["rows"].items()}
    return {
        "rows": rows,
        "stat_counts": {k: v if k[0] in _SHARED_COUNTS else v * units for k, v in seed["stat_counts"].items()},
        "person_tallies": {k: (a * units, s * units, title) for k, (a, s, title) in seed["person_tallies"].items()},
        "org_tallies": {k: v * units for k, v in seed["org_tallies"].items()},
        "pair_tallies": {k: (o * units, d * units, r * units, *rest)
                         for k, (o, d, r, *rest) in seed["pair_tallies"].items()},
    }


def verify(conn: Connection, seed: dict[str, dict[Any, Any]], units: int, *, full: bool = False) -> list[str]:
    """What is wrong with a tiled store (empty: nothing): its figures against :func:`expected` and no
    unflushed tally; with ``full`` also the full-text index against its documents and every foreign key
    (each a scan of the store)."""
    problems = []
    got, want = figures(conn), expected(seed, units)
    for part, rows in want.items():
        wrong = sorted({*rows, *got[part]} - {k for k in rows if got[part].get(k) == rows[k]}, key=str)
        problems += [f"{part} {k}: {got[part].get(k)} != {rows.get(k)}" for k in wrong[:20]]
    if conn.exec_driver_sql("SELECT count(*) FROM tally_dirty").scalar():
        problems.append("tally_dirty is not empty")
    if full:
        try:
            conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES('integrity-check', 1)")
        except sa.exc.DatabaseError as exc:
            problems.append(f"full-text index: {exc.orig}")
        problems += [f"foreign key: {tuple(r)}" for r in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchmany(20)]
    return problems
