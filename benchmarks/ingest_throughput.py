"""Ingest throughput: read + clean + extract + store, into SQLite and PostgreSQL, 1 and 2 workers.

Runs :func:`hoptac.scale.ingest_parallel` over the first ``--limit`` articles of
``../shared/corpus/general/`` into a fresh store for each (backend, workers) pair, and prints
articles/s and peak memory (the writer process, and the largest worker). ``--workers 1``
extracts in the writer process itself. PostgreSQL is the server ``scripts/services/postgres.sh``
starts (``$HOPTAC_TEST_PG``, else its default URL); a fresh database is created per run.

    .venv/bin/python benchmarks/ingest_throughput.py [--limit 500] [--backends sqlite,postgres]
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
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:54329/hoptac_test"


def fresh_pg(base_url: str, name: str) -> str:
    """Drop and create database ``name`` on the server of ``base_url``; its URL."""
    import sqlalchemy as sa

    url = sa.make_url(base_url)
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def run_one(files: list[str], url: str, workers: int) -> dict[str, object]:
    """One ingest of the files into the store at url; its figures."""
    from hoptac.scale import ingest_parallel
    from hoptac.settings import DEFAULT
    from hoptac.store import Store

    with Store.open(url) as store, TreeMemory() as mem:
        t0 = time.perf_counter()
        rep = ingest_parallel(files, store, settings=DEFAULT, workers=workers, progress=False)
        dt = time.perf_counter() - t0
    docs = rep.stored + rep.duplicates + rep.unchanged + len(rep.skipped)
    return {"workers": workers, "documents": docs, "stored": rep.stored, "duplicates": rep.duplicates,
            "skipped": len(rep.skipped), "seconds": round(dt, 1), "articles_per_s": round(docs / dt, 1),
            **mem.figures()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--backends", default="sqlite,postgres")
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args()
    files = sorted(str(p) for p in Path(args.folder).glob("*.txt"))[: args.limit]
    OUT.mkdir(parents=True, exist_ok=True)
    from hoptac.scale import ingest_parallel  # noqa: F401  (import cost outside the timings)
    from hoptac.scale.work import warm_up
    from hoptac.settings import DEFAULT

    warm_up(DEFAULT)
    rows = []
    for backend in args.backends.split(","):
        for workers in (int(w) for w in args.workers.split(",")):
            if backend == "sqlite":
                url = f"sqlite:///{tempfile.mkdtemp(prefix='hoptac-bench-')}/bench.db"
            else:
                url = fresh_pg(os.environ.get("HOPTAC_TEST_PG", PG_DEFAULT), f"hoptac_bench_w{workers}")
            row = {"backend": backend, **run_one(files, url, workers)}
            rows.append(row)
            print(json.dumps(row), flush=True)
    summary = {"runs": rows, "cores": os.cpu_count(), "articles": len(files)}
    (OUT / "ingest_throughput.json").write_text(json.dumps(summary, indent=1))
    print(f"{'backend':<9} {'workers':>7} {'docs':>6} {'stored':>6} {'seconds':>8} {'articles/s':>10} "
          f"{'RSS writer/worker/total MB':>27}")
    for r in rows:
        print(f"{r['backend']:<9} {r['workers']:>7} {r['documents']:>6} {r['stored']:>6} {r['seconds']:>8} "
              f"{r['articles_per_s']:>10} {r['peak_rss_writer_mb']:>11}/{r['peak_rss_worker_mb']}/"
              f"{r['peak_rss_total_mb']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
