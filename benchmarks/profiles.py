"""Profiles (pyinstrument) of what limits a missed goal: extraction, the store writer, a query.

    .venv/bin/python benchmarks/profiles.py extract [--limit 200]      # pipeline on general articles
    .venv/bin/python benchmarks/profiles.py write --db benchmarks/out/scale.db [--limit 500]
    .venv/bin/python benchmarks/profiles.py query --db benchmarks/out/scale.db --kind thread

``write`` adds synthetic articles to a *copy* of the store (the original is left alone);
``query`` calls the Store method behind an API route (search, timeline, thread, person).
Each writes ``benchmarks/out/profile_<what>.txt`` and prints the top of the call tree.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from pyinstrument import Profiler

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
CORPUS = ROOT.parent / "shared" / "corpus" / "general"


def profile_extract(limit: int) -> Profiler:
    """Read, clean and extract the first ``limit`` general articles."""
    from hoptac.ingest import read_sources
    from hoptac.pipeline import pipe
    from hoptac.settings import DEFAULT

    files = sorted(str(p) for p in CORPUS.glob("*.txt"))[:limit]
    next(pipe(read_sources(files[:1], DEFAULT), DEFAULT))
    prof = Profiler()
    with prof:
        for _ in pipe(read_sources(files, DEFAULT), DEFAULT):
            pass
    return prof


def profile_write(db: Path, limit: int) -> Profiler:
    """Add ``limit`` synthetic articles to a copy of the store at ``db``."""
    from hoptac.scale.synth import synth_article
    from hoptac.store import Store

    copy = Path(tempfile.mkdtemp()) / "copy.db"
    src, dst = sqlite3.connect(f"file:{db}?mode=ro", uri=True), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    store = Store.open(str(copy))
    arts = [synth_article(i)[1] for i in range(50_000_000, 50_000_000 + limit)]
    prof = Profiler()
    with prof:
        store.ingest(arts, batch_size=limit)
    store.close()
    shutil.rmtree(copy.parent)
    return prof


def profile_query(db: Path, kind: str, n: int) -> Profiler:
    """Run ``n`` queries of one kind against the store at ``db``."""
    from hoptac.scale.synth import THREADS, figures
    from hoptac.store import Filters, Store

    store = Store.open(str(db))
    vn, us = figures(0)
    calls = {
        "search": lambda i: store.search(("bán dẫn", "năng lượng sạch", "vắc-xin")[i % 3], limit=20),
        "timeline": lambda i: store.timeline(Filters(since=f"{2013 + i % 13}-05", until=f"{2013 + i % 13}-05")),
        "thread": lambda i: store.thread(sorted(THREADS)[i % len(THREADS)], limit=50),  # the API's default page
        "person": lambda i: store.person((vn + us)[i].name, limit=50),
    }
    call = calls[kind]
    call(0)
    prof = Profiler()
    with prof:
        for i in range(n):
            call(i)
    store.close()
    return prof


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["extract", "write", "query"])
    ap.add_argument("--db", type=Path, default=OUT / "scale.db")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--kind", choices=["search", "timeline", "thread", "person"], default="thread")
    args = ap.parse_args()
    if args.what == "extract":
        prof, name = profile_extract(args.limit), "extract"
    elif args.what == "write":
        prof, name = profile_write(args.db, args.limit), "write"
    else:
        prof, name = profile_query(args.db, args.kind, min(args.limit, 50)), f"query_{args.kind}"
    OUT.mkdir(parents=True, exist_ok=True)
    text = prof.output_text(unicode=True, color=False, show_all=False)
    (OUT / f"profile_{name}.txt").write_text(text)
    print("\n".join(text.splitlines()[:60]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
