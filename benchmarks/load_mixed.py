"""Readers and writers together: reader latency with and without articles being posted.

Starts ``hoptac serve`` on loopback over a store of ``../shared/corpus/seeds`` and ``vnus``
(built once, or ``--db``), then runs two phases of ``--seconds`` each, in this order:

1. readers alone: ``--readers`` threads loop over API reads (articles, search, people,
   threads, timeline, stats, an article), ``--think`` seconds apart;
2. the same readers while ``--writers`` threads post distinct ``../shared/corpus/general``
   articles back to back (a 503 waits its ``Retry-After``).

It prints each phase's reader p50/p95/p99/max (ms) and requests, the writers' posts (202,
503, other) and how many of them were stored by the end, and the p99 ratio (the goal: at
most 2x). Loopback only, bounded by ``--seconds``; writes ``benchmarks/out/load_mixed.json``.

    .venv/bin/python benchmarks/load_mixed.py [--seconds 60] [--readers 4] [--writers 2] [--db PATH]

A benchmark, run on demand, never a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
HOPTAC = ROOT / ".venv" / "bin" / "hoptac"
TOKEN = "load-mixed-token"
READS = ["/api/articles?limit=20", "/api/search?q=th%C6%B0%C6%A1ng+m%E1%BA%A1i&limit=10", "/api/people?limit=20",
         "/api/threads", "/api/timeline?since=2017&until=2018", "/api/stats", "/api/statements?limit=20"]


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentiles(values: list[float]) -> dict[str, float]:
    """p50, p95, p99 and max of latencies in seconds, as milliseconds."""
    if not values:
        return {"n": 0}
    q = statistics.quantiles(values, n=100, method="inclusive")
    return {"n": len(values), "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1),
            "p99_ms": round(q[98] * 1000, 1), "max_ms": round(max(values) * 1000, 1)}


def reader(base: str, stop: threading.Event, think: float, out: list[float], errors: list[str], ids: list[str]) -> None:
    """Loop over the reads until ``stop``; every latency goes to ``out``."""
    paths = READS + [f"/api/articles/{i}" for i in ids[:5]]
    with httpx.Client(base_url=base, timeout=60) as c:
        i = 0
        while not stop.is_set():
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                r = c.get(path)
                if r.status_code != 200:
                    errors.append(f"{path}: {r.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {exc}")
            out.append(time.perf_counter() - t0)
            stop.wait(think)


def writer(base: str, stop: threading.Event, texts: list[tuple[str, str]], lock: threading.Lock,
           posted: dict[str, int], jobs: list[str]) -> None:
    """Post articles back to back until ``stop``; a 503 waits its Retry-After."""
    with httpx.Client(base_url=base, timeout=120, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        while not stop.is_set():
            with lock:
                if not texts:
                    return
                name, text = texts.pop(0)
            try:
                r = c.post("/api/articles", json={"text": text, "source": f"load:{name}"})
            except httpx.HTTPError:
                with lock:
                    posted["error"] += 1
                continue
            with lock:
                posted[str(r.status_code)] = posted.get(str(r.status_code), 0) + 1
            if r.status_code == 202:
                jobs.append(r.json()["job"])
            elif r.status_code == 503:
                with lock:
                    texts.insert(0, (name, text))
                stop.wait(float(r.headers.get("retry-after", "1")))


def phase(base: str, seconds: float, readers: int, writers: int, think: float, ids: list[str],
          texts: list[tuple[str, str]]) -> dict[str, object]:
    """One phase: readers (and writers) for ``seconds``."""
    stop = threading.Event()
    lat: list[float] = []
    errors: list[str] = []
    posted: dict[str, int] = {"error": 0}
    jobs: list[str] = []
    lock = threading.Lock()
    threads = [threading.Thread(target=reader, args=(base, stop, think, lat, errors, ids)) for _ in range(readers)]
    threads += [threading.Thread(target=writer, args=(base, stop, texts, lock, posted, jobs)) for _ in range(writers)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    out: dict[str, object] = {"readers": readers, "writers": writers, "reads": percentiles(lat),
                              "read_errors": len(errors), "first_errors": errors[:3]}
    if writers:
        out["posts"] = posted
        out["jobs"] = jobs
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--readers", type=int, default=4)
    ap.add_argument("--writers", type=int, default=2)
    ap.add_argument("--think", type=float, default=0.02, help="seconds between a reader's requests")
    ap.add_argument("--db", help="an existing store to copy (else seeds + vnus are ingested once)")
    args = ap.parse_args()
    args.seconds = min(args.seconds, 600.0)  # bounded

    work = Path(tempfile.mkdtemp(prefix="hoptac-load-"))
    db = work / "kb.db"
    if args.db:
        import sqlite3

        src, dst = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True), sqlite3.connect(db)
        src.backup(dst)
        src.close()
        dst.close()
    else:
        subprocess.run([str(HOPTAC), "ingest", str(CORPUS / "seeds"), str(CORPUS / "vnus"), "--db", str(db),
                        "--no-progress"], check=True, capture_output=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(HOPTAC), "serve", "--db", str(db), "--port", str(port), "--token", TOKEN],
                              stdout=subprocess.DEVNULL, stderr=open(work / "server.log", "w"))  # noqa: SIM115
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        ids = [a["id"] for a in httpx.get(base + "/api/articles?limit=5", timeout=60).json()["items"]]
        texts = [(f.name, f.read_text(encoding="utf-8")) for f in sorted((CORPUS / "general").glob("*.txt"))]
        phase(base, 5, args.readers, 0, args.think, ids, [])  # warm-up of the server's caches
        alone = phase(base, args.seconds, args.readers, 0, args.think, ids, [])
        mixed = phase(base, args.seconds, args.readers, args.writers, args.think, ids, texts)
        jobs = mixed.pop("jobs")
        states: dict[str, int] = {}
        with httpx.Client(base_url=base, timeout=60) as c:
            for j in jobs:
                s = c.get(f"/api/jobs/{j}").json().get("status", "?")
                states[s] = states.get(s, 0) + 1
        mixed["jobs_at_end"] = states
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
    ratio = round(mixed["reads"]["p99_ms"] / alone["reads"]["p99_ms"], 2)  # type: ignore[index]
    figures = {"alone": alone, "with_writers": mixed, "p99_ratio": ratio, "goal_p99_ratio<=2": ratio <= 2,
               "load_average": os.getloadavg(), "seconds": args.seconds, "think": args.think,
               "server_log_tail": (work / "server.log").read_text(errors="replace").splitlines()[-3:]}
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "load_mixed.json").write_text(json.dumps(figures, indent=1))
    for name, ph in (("readers alone", alone), ("readers + writers", mixed)):
        r = ph["reads"]
        print(f"{name:>18}: {r['n']} reads, p50 {r.get('p50_ms')} ms, p95 {r.get('p95_ms')} ms, "  # type: ignore[index]
              f"p99 {r.get('p99_ms')} ms, max {r.get('max_ms')} ms, errors {ph['read_errors']}")  # type: ignore[index]
    print(f"posts: {mixed['posts']}; jobs at the end: {mixed['jobs_at_end']}")
    la = figures["load_average"]
    print(f"reader p99 ratio {ratio}x (goal <= 2x); load average {la[0]:.1f} {la[1]:.1f} {la[2]:.1f}")  # type: ignore[index]
    return 0


if __name__ == "__main__":
    sys.exit(main())
