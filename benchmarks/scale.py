"""Scale: store size, ingest time and API latency over a synthetic corpus of N articles.

The corpus is generated here (``hoptac.scale.synth``: hoptac's own templates, varied people,
dates, sectors, threads and amounts). The Article records are built directly from the
templates, with exact spans, and written by the ingest write loop (``hoptac.scale.parallel.write``:
``Store.ingest`` per batch, planner statistics refreshed as the store grows; the extractor is measured
by ``extract_speed.py``; running it on a million articles takes hours on two cores). One
SQLite store grows through the sizes given (``--sizes 10000,100000`` ingests 10,000, measures,
then 90,000 more and measures again). At each size, the real FastAPI app is served by
uvicorn on 127.0.0.1 and queried over HTTP (httpx): search, timeline, thread and person,
``--queries`` requests each, p50/p95/max in ms (``first_ms``: the first, cold request, which
may recompute a thread summary the ingest made stale). ``--rounds R`` measures R times; the
row keeps every round and the median of their p50 and p95 (the machine is shared: one round
can be unlucky). ``--reuse`` measures an existing store as it is, without ingesting, and
writes ``scale_reuse.json`` instead of ``scale.json``.

    .venv/bin/python benchmarks/scale.py --sizes 10000,100000 [--db PATH] [--queries 100] [--rounds 3]
    .venv/bin/python benchmarks/scale.py --reuse --db benchmarks/out/scale.db --rounds 3
    .venv/bin/python benchmarks/scale.py --catchup --db benchmarks/out/scale.db

``--catchup`` measures, on a copy of the store, what a thread read costs right after a write:
the cached thread summary is brought up to date by folding in new entries (articles dated
after every stored one), resumed from the last checkpoint before the change (articles from
one past month) or recomputed from about the start (articles dated all over the range, as a
synthetic batch is); ``scale_catchup.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import socket
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
SEARCH_WORDS = ("bán dẫn", "năng lượng sạch", "vắc-xin", "chuyển đổi số", "trí tuệ nhân tạo", "ban dan",
                "kinh tế thị trường", "LNG", "cá tra", "đào tạo nguồn nhân lực", "điện gió", "Biên Hòa")


def peak_rss_mb() -> float:
    """Peak resident set size of this process, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def store_bytes(db: Path) -> int:
    """The SQLite file and its WAL."""
    return sum(p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists())


def ingest_range(store: Any, start: int, stop: int, batch_size: int) -> float:
    """Generate and store articles start..stop-1 with the ingest write loop; seconds taken."""
    from hoptac.scale.parallel import write
    from hoptac.scale.progress import IngestProgress
    from hoptac.scale.synth import synth_article

    t0 = time.perf_counter()
    step = 10_000
    for k in range(start, stop, step):
        articles = ([synth_article(i)[1]] for i in range(k, min(k + step, stop)))
        write(store, articles, batch_size=batch_size, progress=IngestProgress(enabled=False))
        print(f"  {min(k + step, stop):>9,} articles, {time.perf_counter() - t0:8.1f} s", file=sys.stderr, flush=True)
    return time.perf_counter() - t0


def corpus_pool(n_general: int = 300) -> list[dict[str, Any]]:
    """The pool of real extracted articles the ``--corpus`` copies are made from: ``../shared/corpus``'s
    Vietnam–US articles (less the held-out ones) and ``n_general`` general news articles, extracted
    once into ``benchmarks/out/pool.jsonl`` (corpus text: never committed; ``benchmarks/out`` is ignored)."""
    from hoptac.scale.copies import make_pool

    corpus = ROOT.parent / "shared" / "corpus"
    held = set((ROOT.parent / "shared" / "eval" / "HOLDOUT.txt").read_text().split())
    files = [f for f in sorted((corpus / "vnus").glob("*.txt")) if f.name not in held]
    files += [f for f in sorted((corpus / "general").glob("*.txt")) if f.name not in held][:n_general]
    t0 = time.perf_counter()
    pool = make_pool(files, OUT / "pool.jsonl")
    print(f"  pool: {len(pool)} articles ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    return pool


def copy_range(store: Any, pool: list[dict[str, Any]], start: int, stop: int, batch_size: int) -> float:
    """Store copies start..stop-1 of the pool's archive (``hoptac.scale.copies``) through ``Store.ingest``
    (the real write path: linking, occasion merging, summaries, indexes), ``batch_size`` per transaction,
    with the ingest's planner statistics and thread summary refreshes (``scale.parallel.write``); seconds taken."""
    from hoptac.scale.copies import copies
    from hoptac.scale.parallel import write
    from hoptac.scale.progress import IngestProgress

    t0 = time.perf_counter()
    step = 1_000
    for k in range(start, stop, step):
        rep = write(store, ([a] for a in copies(pool, k, min(k + step, stop))), batch_size=batch_size,
                    progress=IngestProgress(enabled=False))
        print(f"  {min(k + step, stop):>9,} articles, {time.perf_counter() - t0:8.1f} s "
              f"(stored {rep.stored}, near-duplicates {rep.duplicates}, skipped {len(rep.skipped)})",
              file=sys.stderr, flush=True)
    return time.perf_counter() - t0


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(url: str) -> tuple[Any, str]:
    """Start the real API under uvicorn in a thread; (server, base URL)."""
    import uvicorn

    from hoptac.api import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def latencies(base: str, n: int, seed: int = 1) -> dict[str, dict[str, float]]:
    """p50/p95/max (ms) of n requests for each query kind, over HTTP."""
    import httpx

    from hoptac.scale.synth import THREADS, figures

    rng = random.Random(seed)
    vn, us = figures(0)
    people = [f.name for f in vn + us]
    with httpx.Client(base_url=base, timeout=120) as client:  # people the store holds (no 404s)
        listed = client.get("/api/people", params={"limit": 200}).json().get("items", [])
    people = [p["name"] for p in listed if p.get("name") in set(people)] or people
    kinds = {
        "search": lambda: ("/api/search", {"q": rng.choice(SEARCH_WORDS), "limit": 20}),
        "timeline": lambda: ("/api/timeline", _month_range(rng)),
        "thread": lambda: (f"/api/threads/{rng.choice(sorted(THREADS))}", {}),
        "person": lambda: (f"/api/people/{rng.choice(people)}", {}),
    }
    out: dict[str, dict[str, float]] = {}
    with httpx.Client(base_url=base, timeout=600) as client:
        for kind, make in kinds.items():
            times, statuses, first = [], set(), None
            for i in range(n + 3):
                path, params = make()
                t0 = time.perf_counter()
                r = client.get(path, params=params)
                dt = (time.perf_counter() - t0) * 1000
                statuses.add(r.status_code)
                first = dt if first is None else first
                if i >= 3:  # the first requests warm the caches
                    times.append(dt)
            times.sort()
            out[kind] = {"p50_ms": round(statistics.median(times), 1),
                         "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
                         "max_ms": round(times[-1], 1), "first_ms": round(first or 0, 1), "requests": len(times),
                         "statuses": sorted(statuses)}
    return out


def measure(url: str, n: int, rounds: int) -> dict[str, Any]:
    """``rounds`` rounds of :func:`latencies` against a fresh server; every round and the medians."""
    all_rounds = []
    for k in range(rounds):
        server, base = serve(url)
        try:
            all_rounds.append(latencies(base, n, seed=1 + k))
        finally:
            server.should_exit = True
            time.sleep(0.5)
    median = {kind: {q: round(statistics.median(r[kind][q] for r in all_rounds), 1) for q in ("p50_ms", "p95_ms")}
              for kind in all_rounds[0]}
    return {"latency": median, "rounds": all_rounds, "loadavg_1m": round(os.getloadavg()[0], 2)}


def reuse(db: Path, n: int, rounds: int) -> int:
    """Measure the store at ``db`` as it is (migrated to the newest schema when opened)."""
    from hoptac.store import Store

    url = f"sqlite:///{db}"
    t0 = time.perf_counter()
    with Store.open(url) as store:
        migrate_s = time.perf_counter() - t0
        size = store.stats()["counts"]["articles"]
    row = {"articles": size, "store_mb": round(store_bytes(db) / 1e6, 1), "open_and_migrate_s": round(migrate_s, 1),
           **measure(url, n, rounds), "api": "uvicorn on 127.0.0.1, httpx over HTTP", "cores": os.cpu_count()}
    (OUT / "scale_reuse.json").write_text(json.dumps(row, indent=1))
    print(json.dumps(row["latency"]), flush=True)
    return 0


def catchup(db: Path, n: int = 500) -> dict[str, Any]:
    """ms per thread read (a page of 50) after writes, on a copy of the store at ``db``."""
    import sqlite3
    import tempfile

    from hoptac.scale.synth import THREADS, synth_article
    from hoptac.store import Store
    from hoptac.store.threads import summarize

    copy = Path(tempfile.mkdtemp(dir=OUT)) / "catchup.db"
    src, dst = sqlite3.connect(f"file:{db}?mode=ro", uri=True), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    tids = sorted(THREADS)

    def add(start: int, count: int, published: str | None) -> None:
        arts = [synth_article(i)[1] for i in range(start, start + count)]
        for a in arts:
            a.published = published or a.published
        store.ingest(arts, batch_size=count)

    def read_all() -> float:
        t0 = time.perf_counter()
        for tid in tids:
            store.thread(tid, limit=50)
        return round((time.perf_counter() - t0) * 1000 / len(tids), 1)

    try:
        with Store.open(str(copy)) as store:
            add(59_000_000, 20, "2099-01-01")  # makes every summary stale
            row: dict[str, Any] = {"recomputed_ms": read_all()}  # before stats(), which reads every thread
            row["articles"] = store.stats()["counts"]["articles"]
            row["cached_ms"] = read_all()
            with store.engine.connect() as conn:
                t0 = time.perf_counter()
                summarize(conn, tids[0])
                row["from_scratch_one_thread_ms"] = round((time.perf_counter() - t0) * 1000, 1)
            add(60_000_000, n, "2099-03-01")
            row[f"after_{n}_newer_articles_ms"] = read_all()
            add(61_000_000, n, None)
            row[f"after_{n}_articles_dated_in_the_middle_ms"] = read_all()
            read_all()  # leaves checkpoints along every thread
            add(62_000_000, n, "2016-05-10")  # an old outlet's archive: one past month
            row[f"after_{n}_articles_dated_2016_05_ms"] = read_all()
    finally:
        for p in copy.parent.iterdir():
            p.unlink()
        copy.parent.rmdir()
    row["loadavg_1m"] = round(os.getloadavg()[0], 2)
    (OUT / "scale_catchup.json").write_text(json.dumps(row, indent=1))
    print(json.dumps(row), flush=True)
    return row


def _month_range(rng: random.Random) -> dict[str, Any]:
    y, m = rng.randint(2013, 2026), rng.randint(1, 12)
    return {"since": f"{y}-{m:02d}", "until": f"{y}-{m:02d}", "limit": 50}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes, ascending")
    ap.add_argument("--db", default=None, help="the SQLite file (default: benchmarks/out/scale.db, recreated)")
    ap.add_argument("--queries", type=int, default=100, help="requests per query kind")
    ap.add_argument("--batch-size", type=int, default=500)
    ap.add_argument("--resume", action="store_true", help="keep an existing store and add to it")
    ap.add_argument("--reuse", action="store_true", help="only measure the existing store (no ingest)")
    ap.add_argument("--rounds", type=int, default=1, help="measure the latencies this many times")
    ap.add_argument("--catchup", action="store_true", help="thread reads right after writes, on a copy of --db")
    ap.add_argument("--corpus", action="store_true",
                    help="copies of real extracted corpus articles (hoptac.scale.copies) instead of the templates")
    ap.add_argument("--build-only", action="store_true", help="build the store, measure nothing (then routes.py)")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    OUT.mkdir(parents=True, exist_ok=True)
    db = Path(args.db) if args.db else OUT / "scale.db"
    if args.catchup:
        catchup(db)
        return 0
    if args.reuse:
        if not db.exists():
            ap.error(f"--reuse: no store at {db}")
        return reuse(db, args.queries, args.rounds)
    if not args.resume:
        for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            p.unlink(missing_ok=True)
    from hoptac.store import Store

    url = f"sqlite:///{db}"
    store = Store.open(url)
    have = store.stats()["counts"]["articles"] if args.resume else 0
    rows, done, ingest_s = [], have, 0.0
    pool = corpus_pool() if args.corpus else None
    for size in sizes:
        if size > done:
            print(f"ingest {done:,} -> {size:,}", file=sys.stderr, flush=True)
            ingest_s += (copy_range(store, pool, done, size, args.batch_size) if pool is not None
                         else ingest_range(store, done, size, args.batch_size))
            done = size
        if args.build_only:
            print(json.dumps({"articles": size, "build_s": round(ingest_s, 1),
                              "articles_per_s": round((size - have) / ingest_s, 1) if ingest_s else None,
                              "store_mb": round(store_bytes(db) / 1e6, 1), "loadavg_1m": round(os.getloadavg()[0], 2)}),
                  flush=True)
            continue
        row = {"articles": size, "ingest_s_total": round(ingest_s, 1),
               "ingest_articles_per_s": round((size - have) / ingest_s, 1) if ingest_s else None,
               "store_mb": round(store_bytes(db) / 1e6, 1), "peak_rss_mb": round(peak_rss_mb()),
               **measure(url, args.queries, args.rounds), "api": "uvicorn on 127.0.0.1, httpx over HTTP",
               "cores": os.cpu_count()}
        rows.append(row)
        print(json.dumps(row), flush=True)
        (OUT / "scale.json").write_text(json.dumps(rows, indent=1))
    if not rows:
        store.close()
        return 0
    print(f"{'articles':>10} {'ingest s':>9} {'art/s':>7} {'store MB':>9} {'RSS MB':>7}  "
          + "  ".join(f"{k + ' p50/p95 ms':>24}" for k in rows[0]["latency"]))
    for r in rows:
        lat = "  ".join(f"{v['p50_ms']:>11}/{v['p95_ms']:<12}" for v in r["latency"].values())
        print(f"{r['articles']:>10,} {r['ingest_s_total']:>9} {r['ingest_articles_per_s']!s:>7} "
              f"{r['store_mb']:>9} {r['peak_rss_mb']:>7}  {lat}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
