"""Ingest the 2,000 articles of ``../shared/corpus/general/`` into a fresh store; time and peak RSS.

Usage: ``python benchmarks/ingest_general.py [--limit N] [--backend sqlite|postgres|all]``.
Each backend runs in its own child process (so its peak RSS is its own), single-process
ingest (read, extract, store), batches of 50. Prints one JSON line per backend with the
wall time, the time spent in store writes, the counts and the peak RSS. PostgreSQL uses
``$HOPTAC_TEST_PG`` (default: the server of scripts/services/postgres.sh), in a fresh schema,
and is left out when unreachable.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERAL = ROOT.parent / "shared" / "corpus" / "general"
PG_URL = os.environ.get("HOPTAC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:54329/hoptac_test")


def run_one(backend: str, limit: int) -> dict:
    """Ingest in this process and return the figures (called in the child)."""
    import sqlalchemy as sa

    from hoptac.store import Store

    files = sorted(str(p) for p in GENERAL.glob("*.txt"))[:limit]
    schema = None
    tmp = tempfile.TemporaryDirectory()
    if backend == "sqlite":
        url = f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    else:
        schema = "bench_" + uuid.uuid4().hex[:8]
        admin = sa.create_engine(PG_URL)
        with admin.begin() as c:
            c.execute(sa.text(f"CREATE SCHEMA {schema}"))
        url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    write_time = 0.0
    with Store.open(url) as store:
        original = store.write

        def timed(batch, **kw):  # type: ignore[no-untyped-def]
            nonlocal write_time
            t = time.perf_counter()
            try:
                return original(batch, **kw)
            finally:
                write_time += time.perf_counter() - t

        store.write = timed  # type: ignore[method-assign]
        t0 = time.perf_counter()
        rep = store.ingest_sources(files, batch_size=50)
        wall = time.perf_counter() - t0
        t1 = time.perf_counter()
        again = store.ingest_sources(files, batch_size=50)
        rerun = time.perf_counter() - t1
        counts = store.stats()["counts"]
    if schema:
        with admin.begin() as c:
            c.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
    tmp.cleanup()
    return {"backend": backend, "files": len(files), "wall_s": round(wall, 1), "store_write_s": round(write_time, 1),
            "rerun_s": round(rerun, 1), "stored": rep.stored, "duplicates": rep.duplicates,
            "unchanged": rep.unchanged, "skipped": len(rep.skipped), "rerun_unchanged": again.unchanged, "counts": counts}


def pg_up() -> bool:
    """Whether the benchmark's PostgreSQL answers."""
    import sqlalchemy as sa

    try:
        with sa.create_engine(PG_URL).connect() as c:
            c.execute(sa.text("SELECT 1"))
        return True
    except Exception as exc:
        print(f"postgres left out: {type(exc).__name__}", file=sys.stderr)
        return False


def main() -> None:
    """Run each backend in a child process and print its figures with its peak RSS."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--backend", choices=["sqlite", "postgres", "all"], default="all")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(args.backend, args.limit)))
        return
    if not GENERAL.is_dir():
        sys.exit(f"{GENERAL} is absent")
    backends = ["sqlite", "postgres"] if args.backend == "all" else [args.backend]
    for b in backends:
        if b == "postgres" and not pg_up():
            continue
        proc = subprocess.Popen([sys.executable, __file__, "--child", "--backend", b, "--limit", str(args.limit)],
                                stdout=subprocess.PIPE, text=True)
        out = proc.stdout.read()  # type: ignore[union-attr]
        _, status, usage = os.wait4(proc.pid, 0)
        if status != 0:
            sys.exit(f"{b}: the benchmark failed (status {status})")
        figures = json.loads(out.strip().splitlines()[-1])
        figures["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)
        print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
