"""Build a large SQLite benchmark store by tiling a seed store (``hoptac.scale.tile``), and check it.

``python benchmarks/_tile.py --seed BASE --out STORE --articles 1000000``: ``BASE`` is a store built
by the real write path (``scale.py --corpus --build-only``); ``STORE`` (new) becomes a compact copy
of it (``VACUUM INTO``, migrated on open) grown to the nearest whole number of copies of the seed,
its thread summaries refreshed; then every kept count is checked against the seed's times the
copies (the seed's figures are kept beside the store, ``STORE.seed.json``). ``--check STORE``
checks a built store again, with ``--full`` its full-text index against the documents and every
foreign key too. Prints one JSON line: seconds per phase, rows, size on disk, the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from hoptac.scale.tile import figures, finish, grow, verify
from hoptac.store import Store


def _seed_file(out: Path) -> Path:
    return out.with_name(out.name + ".seed.json")


def _dump(seed: dict[str, dict[Any, Any]], units: int) -> str:
    return json.dumps({"units": units, **{part: [[list(k) if isinstance(k, tuple) else k, v] for k, v in rows.items()]
                                          for part, rows in seed.items()}})


def _load(path: Path) -> tuple[dict[str, dict[Any, Any]], int]:
    raw = json.loads(path.read_text())
    units = raw.pop("units")
    return {part: {tuple(k) if isinstance(k, list) else k: tuple(v) if isinstance(v, list) else v for k, v in rows}
            for part, rows in raw.items()}, units


def _check(out: Path, full: bool) -> list[str]:
    seed, units = _load(_seed_file(out))
    with Store.open(f"sqlite:///{out}", create=False) as store, store.engine.connect() as conn:
        return verify(conn, seed, units, full=full)


def _finish(out: Path, args: argparse.Namespace) -> int:
    """The last phases of a build (:func:`hoptac.scale.tile.finish`), thread summaries, the check."""
    t0 = time.perf_counter()
    engine = sa.create_engine(f"sqlite:///{out}", poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "foreign_keys=OFF", f"cache_size=-{args.cache_mb * 1024}"):
            conn.exec_driver_sql(f"PRAGMA {pragma}")
        conn.commit()
        times = finish(conn)
    engine.dispose()
    with Store.open(f"sqlite:///{out}") as store:
        t1 = time.perf_counter()
        store.refresh_threads()
        times["threads_s"] = time.perf_counter() - t1
    times["finish_s"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    problems = _check(out, args.full)
    times["verify_s"] = time.perf_counter() - t1
    print(json.dumps({**{k: round(v, 1) for k, v in times.items()}, "size_gb": round(out.stat().st_size / 1e9, 2),
                      "problems": problems, "loadavg_1m": round(os.getloadavg()[0], 2)}))
    return 1 if problems else 0


def main() -> int:
    """Copy the seed, grow it, refresh thread summaries, verify; one JSON line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", help="a SQLite store built by scale.py --corpus")
    ap.add_argument("--out", help="the store to build (must not exist)")
    ap.add_argument("--articles", type=int, help="articles wanted (rounded to whole copies of the seed)")
    ap.add_argument("--cache-mb", type=int, default=1024, help="SQLite page cache during the build")
    ap.add_argument("--check", help="check a store built before (its .seed.json beside it)")
    ap.add_argument("--full", action="store_true", help="also check the full-text index and every foreign key")
    ap.add_argument("--finish", help="a store whose copies, indexes and triggers are done (a build stopped in its "
                    "recount): recount, refresh thread summaries, check")
    args = ap.parse_args()
    if args.finish:
        return _finish(Path(args.finish), args)
    if args.check:
        t0 = time.perf_counter()
        problems = _check(Path(args.check), args.full)
        print(json.dumps({"check_s": round(time.perf_counter() - t0, 1), "full": args.full, "problems": problems,
                          "loadavg_1m": round(os.getloadavg()[0], 2)}))
        return 1 if problems else 0
    if not (args.seed and args.out and args.articles):
        ap.error("--seed, --out and --articles are required (or --check)")
    out = Path(args.out)
    if out.exists():
        ap.error(f"{out} exists")
    t0 = time.perf_counter()
    src = sa.create_engine(f"sqlite:///{args.seed}", poolclass=sa.pool.NullPool)
    with src.connect() as conn:
        conn.exec_driver_sql("VACUUM INTO ?", (str(out),))
    src.dispose()
    with Store.open(f"sqlite:///{out}") as store, store.engine.connect() as conn:  # migrated to the current schema
        seed = figures(conn)
    units = max(1, round(args.articles / seed["rows"]["articles"]))
    _seed_file(out).write_text(_dump(seed, units))
    engine = sa.create_engine(f"sqlite:///{out}", poolclass=sa.pool.NullPool)
    times = {"copy_seed_s": time.perf_counter() - t0, **grow(engine, units, cache_mb=args.cache_mb)}
    engine.dispose()
    with Store.open(f"sqlite:///{out}") as store:
        t1 = time.perf_counter()
        store.refresh_threads()
        times["threads_s"] = time.perf_counter() - t1
        build_s = time.perf_counter() - t0
        counts = store.stats()["counts"]
    t1 = time.perf_counter()
    problems = _check(out, args.full)
    times["verify_s"] = time.perf_counter() - t1
    print(json.dumps({"units": units, **{k: round(v, 1) for k, v in times.items()}, "build_s": round(build_s, 1),
                      "articles": seed["rows"]["articles"] * units, "counts": counts,
                      "size_gb": round(out.stat().st_size / 1e9, 2), "problems": problems,
                      "loadavg_1m": round(os.getloadavg()[0], 2)}))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
