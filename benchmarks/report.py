"""The results table (Markdown) from the JSON the benchmarks wrote to ``benchmarks/out/``.

    .venv/bin/python benchmarks/report.py     # paste the output into docs/BENCHMARKS.md
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "benchmarks" / "out"


def load(name: str) -> Any:
    """One benchmark's figures, or None when it has not run."""
    path = OUT / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def goal(ok: bool) -> str:
    """A goal cell."""
    return "met" if ok else "**missed**"


def rows() -> list[list[str]]:
    """Benchmark, figure, goal, status."""
    out: list[list[str]] = []
    ex = load("extract_speed")
    if ex:
        h, n = ex["hoptac"], ex["underthesea_ner"]
        out.append(["extraction, 1 core", f"{h['articles_per_s']} articles/s, {h['chars_per_s']:,} chars/s, "
                    f"peak RSS {h['peak_rss_mb']} MB ({h['articles']} articles)", "≥ 30 articles/s per core",
                    goal(h["articles_per_s"] >= 30)])
        out.append(["extraction vs underthesea `ner()`", f"{ex['speedup_chars']}× (ner: {n['articles_per_s']} "
                    f"articles/s, {n['chars_per_s']:,} chars/s on {n['articles']} texts)", "≥ 20×",
                    goal(ex["speedup_chars"] >= 20)])
    it = load("ingest_throughput")
    if it:
        for r in it["runs"]:
            out.append([f"ingest {it['articles']} general articles, {r['backend']}, {r['workers']} worker(s)",
                        f"{r['articles_per_s']} articles/s ({r['seconds']} s); peak RSS total "
                        f"{r['peak_rss_total_mb']} MB (writer {r['peak_rss_writer_mb']}, worker "
                        f"{r['peak_rss_worker_mb']})", "memory < 1 GB", goal(r["peak_rss_total_mb"] < 1024)])
    dk = load("dask_vs_single")
    if dk:
        for r in dk["runs"]:
            out.append([f"{r['run']} ({r['documents']} articles)",
                        f"{r['articles_per_s']} articles/s ({r['seconds']} s); peak RSS total {r['peak_rss_total_mb']} MB",
                        "", ""])
    sc = load("scale")
    if sc:
        for r in sc:
            out.append([f"scale: {r['articles']:,} synthetic articles, SQLite",
                        f"store {r['store_mb']:,} MB; ingest {r['ingest_s_total']} s "
                        f"({r['ingest_articles_per_s']} articles/s); writer peak RSS {r['peak_rss_mb']} MB",
                        "memory < 1 GB", goal(r["peak_rss_mb"] < 1024)])
            lat = r["latency"]
            cells = ", ".join(f"{k} {v['p50_ms']}/{v['p95_ms']}" for k, v in lat.items())
            ok = all(v["p95_ms"] < 100 for v in lat.values())
            out.append([f"API p50/p95 ms at {r['articles']:,} (HTTP, uvicorn)", cells,
                        "p95 < 100 ms (at 1,000,000)", goal(ok)])
    return out


def main() -> int:
    print("| benchmark | result | goal | status |")
    print("|---|---|---|---|")
    for r in rows():
        print("| " + " | ".join(r) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
