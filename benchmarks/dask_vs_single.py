"""Dask LocalCluster (2 worker processes) against a single process, on the same input.

Ingests the first ``--limit`` articles of ``../shared/corpus/general/`` into a fresh SQLite
store three ways: one process (read, extract and write in this process); the Dask engine on
a ``LocalCluster`` of 2 workers with results gathered and written here (``client`` mode);
and the Dask engine writing Parquet shards, then ``load_shards`` into a store. Cluster
start-up (with loading the models on each worker) is timed apart from the ingest. Prints seconds, articles/s and peak memory.

    .venv/bin/python benchmarks/dask_vs_single.py [--limit 300] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from _mem import TreeMemory

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
CORPUS = ROOT.parent / "shared" / "corpus" / "general"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    from distributed import Client, LocalCluster

    from hoptac.scale import ingest_dask, ingest_parallel, load_shards
    from hoptac.scale.work import warm_up
    from hoptac.settings import DEFAULT
    from hoptac.store import Store

    files = sorted(str(p) for p in Path(args.folder).glob("*.txt"))[: args.limit]
    tmp = Path(tempfile.mkdtemp(prefix="hoptac-dask-bench-"))
    warm_up(DEFAULT)
    rows = []

    def record(name: str, seconds: float, docs: int, mem: TreeMemory, **extra: object) -> None:
        row = {"run": name, "documents": docs, "seconds": round(seconds, 1),
               "articles_per_s": round(docs / seconds, 1), **mem.figures(), **extra}
        rows.append(row)
        print(json.dumps(row), flush=True)

    with Store.open(str(tmp / "single.db")) as store, TreeMemory() as mem:
        t0 = time.perf_counter()
        rep = ingest_parallel(files, store, settings=DEFAULT, workers=1, progress=False)
        single = time.perf_counter() - t0
    record("single process", single, rep.stored + rep.duplicates + rep.unchanged + len(rep.skipped), mem)

    t0 = time.perf_counter()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=40) as cluster:
        with Client(cluster) as client:  # load the models on every worker, as the single process did
            client.run(warm_up, DEFAULT)
        startup = time.perf_counter() - t0
        with TreeMemory() as mem:
            t0 = time.perf_counter()
            rep = ingest_dask(files, scheduler=cluster.scheduler_address, settings=DEFAULT,
                              store_url=str(tmp / "dask.db"), shards_dir=None, progress=False)
            dt = time.perf_counter() - t0
        record(f"dask {args.workers} workers, written by the client", dt,
               rep.stored + rep.duplicates + rep.unchanged + len(rep.skipped), mem,
               cluster_startup_s=round(startup, 1))
        with TreeMemory() as mem:
            t0 = time.perf_counter()
            srep = ingest_dask(files, scheduler=cluster.scheduler_address, settings=DEFAULT, store_url=None,
                               shards_dir=tmp / "shards", progress=False)
            dt = time.perf_counter() - t0
        record(f"dask {args.workers} workers, Parquet shards", dt, srep.stored + len(srep.skipped), mem,
               shards=srep.shards)
    with Store.open(str(tmp / "loaded.db")) as store, TreeMemory() as mem:
        t0 = time.perf_counter()
        lrep = load_shards(tmp / "shards", store, progress=False)
        dt = time.perf_counter() - t0
    record("hoptac load (shards into SQLite)", dt, lrep.stored + lrep.duplicates + lrep.unchanged
           + len(lrep.skipped), mem)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "dask_vs_single.json").write_text(json.dumps({"runs": rows, "cores": os.cpu_count()}, indent=1))
    print(f"{'run':<42} {'docs':>5} {'seconds':>8} {'articles/s':>10} {'peak RSS total MB':>18}")
    for r in rows:
        print(f"{r['run']:<42} {r['documents']:>5} {r['seconds']:>8} {r['articles_per_s']:>10} "
              f"{r['peak_rss_total_mb']:>18}")
    print(f"cluster start-up (not in the figures above): {rows[1]['cluster_startup_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
