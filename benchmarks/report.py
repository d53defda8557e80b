"""Markdown tables of results from the figures the benchmarks wrote to ``benchmarks/out/``.

    .venv/bin/python benchmarks/report.py                 # every table, for README.md or docs/BENCHMARKS.md
    .venv/bin/python benchmarks/report.py --only scale    # one section
    .venv/bin/python benchmarks/report.py --summary       # one row per benchmark (the old single table)

Reads ``extract_speed.json``, ``ingest_throughput.json``, ``dask_vs_single.json`` and
``scale.json``, and ``ingest_general.jsonl`` when present (the JSON lines that
``benchmarks/ingest_general.py`` prints: ``python benchmarks/ingest_general.py >
benchmarks/out/ingest_general.jsonl``). A benchmark that has not run is left out. Each goal
cell says whether the goal is met and, when it is missed, by how much.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "benchmarks" / "out"

GOAL_ARTICLES_PER_S = 30       # extraction, per core
GOAL_SPEEDUP = 20              # against underthesea's ner(), in characters per second
GOAL_RSS_MB = 1024             # peak memory of an ingest, the whole process tree
GOAL_P95_MS = 100              # API latency, p95, at 1,000,000 articles


def load(name: str) -> Any:
    """One benchmark's figures (a ``.json`` file, or a ``.jsonl`` file as a list), or None."""
    path = OUT / f"{name}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    lines = OUT / f"{name}.jsonl"
    if lines.exists():
        return [json.loads(ln) for ln in lines.read_text(encoding="utf-8").splitlines() if ln.strip().startswith("{")]
    return None


def at_least(value: float, goal: float, unit: str = "") -> str:
    """A goal cell for a figure that should reach ``goal``."""
    if value >= goal:
        return f"met (≥ {goal:g}{unit})"
    return f"**missed** (≥ {goal:g}{unit}; short by {goal - value:,.1f}{unit})"


def at_most(value: float, goal: float, unit: str = "") -> str:
    """A goal cell for a figure that should stay under ``goal``."""
    if value < goal:
        return f"met (< {goal:g}{unit})"
    return f"**missed** (< {goal:g}{unit}; over by {value - goal:,.0f}{unit}, {value / goal:.1f}×)"


def table(head: list[str], rows: list[list[Any]]) -> str:
    """A Markdown table."""
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join("" if c is None else str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def mb(v: Any) -> str:
    return "—" if not v else f"{v:,} MB"


def extraction() -> str | None:
    ex = load("extract_speed")
    if not ex:
        return None
    h, n = ex["hoptac"], ex["underthesea_ner"]
    rows = [
        ["hoptac (read + clean + all stages)", h["articles"], f"{h['articles_per_s']}", f"{h['chars_per_s']:,}",
         mb(h.get("peak_rss_mb")), at_least(h["articles_per_s"], GOAL_ARTICLES_PER_S, " art/s")],
        ["underthesea `ner()` on the same cleaned texts", n["articles"], f"{n['articles_per_s']}",
         f"{n['chars_per_s']:,}", "", ""],
        ["speed-up (characters/s)", "", "", f"{ex['speedup_chars']}×", "",
         at_least(ex["speedup_chars"], GOAL_SPEEDUP, "×")],
    ]
    return table(["run (one core)", "articles", "articles/s", "characters/s", "peak RSS", "goal"], rows)


def ingest_general() -> str | None:
    runs = load("ingest_general")
    if not runs:
        return None
    rows = [[r["backend"], r["files"], f"{r['wall_s']} s", f"{r['store_write_s']} s", f"{r['rerun_s']} s",
             mb(r.get("peak_rss_mb")), at_most(r.get("peak_rss_mb") or 0, GOAL_RSS_MB, " MB")] for r in runs]
    return table(["backend", "articles", "ingest (one process)", "of which store writes", "re-run (all unchanged)",
                  "peak RSS", "memory goal"], rows)


def ingest_throughput() -> str | None:
    it = load("ingest_throughput")
    if not it:
        return None
    rows = []
    for r in it["runs"]:
        total = r.get("peak_rss_total_mb", it.get("peak_rss_writer_mb"))  # older files kept one figure
        rows.append([r["backend"], r["workers"], r["documents"], f"{r['seconds']} s", r["articles_per_s"],
                     mb(r.get("peak_rss_writer_mb", it.get("peak_rss_writer_mb"))), mb(r.get("peak_rss_worker_mb")),
                     mb(total), at_most(total or 0, GOAL_RSS_MB, " MB")])
    return table(["backend", "workers", "articles", "time", "articles/s", "RSS writer", "RSS largest worker",
                  "RSS all processes", "memory goal"], rows)


def dask_vs_single() -> str | None:
    dk = load("dask_vs_single")
    if not dk:
        return None
    rows = [[r["run"], r["documents"], f"{r['seconds']} s", r["articles_per_s"], mb(r.get("peak_rss_total_mb"))]
            for r in dk["runs"]]
    text = table(["run", "articles", "time", "articles/s", "RSS all processes"], rows)
    startup = next((r["cluster_startup_s"] for r in dk["runs"] if "cluster_startup_s" in r), None)
    if startup is not None:
        text += f"\n\nCluster start-up (2 workers, models loaded on each): {startup} s, not counted above."
    return text


def scale() -> str | None:
    sc = load("scale")
    if not sc:
        return None
    kinds = list(sc[0]["latency"])
    size_rows = [[f"{r['articles']:,}", f"{r['ingest_s_total']} s", r["ingest_articles_per_s"],
                  f"{r['store_mb']:,} MB", mb(r["peak_rss_mb"]), at_most(r["peak_rss_mb"], GOAL_RSS_MB, " MB")]
                 for r in sc]
    lat_rows = []
    for r in sc:
        for k in kinds:
            v = r["latency"][k]
            lat_rows.append([f"{r['articles']:,}", k, v["p50_ms"], v["p95_ms"], v.get("max_ms", ""),
                             at_most(v["p95_ms"], GOAL_P95_MS, " ms")])
    return (table(["synthetic articles", "ingest (writes only)", "articles/s", "store (SQLite)", "writer peak RSS",
                   "memory goal"], size_rows)
            + "\n\n"
            + table(["articles", "query", "p50 ms", "p95 ms", "max ms", f"goal: p95 < {GOAL_P95_MS} ms at 1,000,000"],
                    lat_rows))


SECTIONS: dict[str, tuple[str, Callable[[], str | None]]] = {
    "extraction": ("Extraction speed", extraction),
    "ingest_general": ("Ingest of the 2,000 general articles", ingest_general),
    "ingest_throughput": ("Ingest throughput, 1 and 2 workers", ingest_throughput),
    "dask": ("Dask engine against one process", dask_vs_single),
    "scale": ("Scale (synthetic corpus, SQLite)", scale),
}


def summary_rows() -> list[list[str]]:
    """One row per benchmark: what, result, goal (the compact table)."""
    out: list[list[str]] = []
    ex = load("extract_speed")
    if ex:
        h = ex["hoptac"]
        out.append(["extraction, 1 core", f"{h['articles_per_s']} articles/s, {h['chars_per_s']:,} chars/s",
                    at_least(h["articles_per_s"], GOAL_ARTICLES_PER_S, " art/s")])
        out.append(["extraction vs underthesea `ner()`", f"{ex['speedup_chars']}×",
                    at_least(ex["speedup_chars"], GOAL_SPEEDUP, "×")])
    sc = load("scale") or []
    for r in sc:
        worst = max(r["latency"].items(), key=lambda kv: kv[1]["p95_ms"])
        out.append([f"API at {r['articles']:,} articles", f"worst p95: {worst[0]} {worst[1]['p95_ms']} ms",
                    at_most(worst[1]["p95_ms"], GOAL_P95_MS, " ms")])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=list(SECTIONS), action="append", help="only these sections (repeatable)")
    ap.add_argument("--summary", action="store_true", help="one compact table instead of the sections")
    ap.add_argument("--level", type=int, default=4, help="heading level of the section titles (default 4)")
    args = ap.parse_args(argv)
    if args.summary:
        print(table(["benchmark", "result", "goal"], summary_rows()))
        return 0
    printed = 0
    for key in args.only or list(SECTIONS):
        title, build = SECTIONS[key]
        body = build()
        if body is None:
            continue
        if printed:
            print()
        print("#" * args.level + f" {title}\n\n{body}")
        printed += 1
    if not printed:
        print(f"no benchmark figures in {OUT}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
