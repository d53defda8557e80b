"""Every API route and dashboard page, with concurrent clients, against a store as it is.

``hoptac serve`` runs in its own process (so its memory is its own) on 127.0.0.1 over the store
given; ``--clients`` threads (default 8) each send ``--requests`` requests, round robin over the
route list, with httpx over HTTP. Ids in the routes (an article, a person, an event, a thread) are
read from the store's own listings first, so no route answers 404. For each route: p50, p95 and
max in ms over every client's requests, the HTTP statuses seen; for the server: its peak resident
set size (``VmHWM``; with ``--workers N``, each process's and their sum) and the CPU seconds it
(all its processes) used during the run (on a machine shared with other
work, wall-clock latencies include waiting for a core; the server's CPU does not). After the load
run, one client sends ``--cpu-requests`` requests per route and the server's CPU over them gives its
CPU ms per request (``cpu/req``), the figure to read when the machine's load dominates the wall time. Goals (issue 14): p95 < 100 ms for every API route and < 300 ms for every
dashboard page with 8 clients at 1,000,000 articles; server under 500 MB.

    .venv/bin/python benchmarks/routes.py --db /tmp/scale10k.db [--clients 8] [--requests 40]

Writes ``benchmarks/out/routes_<articles><--tag>.json``. To measure other code over the same store,
point the server at it: ``PYTHONPATH=/other/checkout/src … routes.py --tag _before``. Build a store with ``benchmarks/scale.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
BIN = Path(sys.executable).parent


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: str, workers: int = 1) -> tuple[subprocess.Popen[bytes], str]:
    """``hoptac serve`` over ``db`` in a child process (``--workers`` when more than 1); (process, base
    URL) once it answers."""
    import httpx

    port = free_port()
    more = ["--workers", str(workers)] if workers > 1 else []
    proc = subprocess.Popen([str(BIN / "hoptac"), "serve", "--db", db, "--port", str(port), *more],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"the server did not start: {proc.stderr.read().decode()[-500:] if proc.stderr else ''}")


def peak_rss_mb(pid: int) -> float:
    """The peak resident set size of a process, in MB (Linux ``VmHWM``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def server_pids(pid: int) -> list[int]:
    """The server's processes: ``pid`` and, with ``serve --workers N``, its worker processes (its
    children, and theirs: the workers' own helpers, such as the posted articles' pool, if started)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                todo += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
    return out


def cpu_s(pid: int) -> float:
    """CPU seconds (user + system) the server has used so far, its worker processes included (Linux
    ``/proc/PID/stat``): what the server's work costs whatever else the machine runs."""
    total = 0
    for p in server_pids(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def routes(base: str, k: int = 20) -> dict[str, list[str]]:
    """Route name → paths to cycle through: single records take ``k`` different real ids from the
    store's own listings (so most requests of a record route are a first read of that record,
    not an answer kept from the request before), listings take several pages and filters."""
    import httpx

    with httpx.Client(base_url=base, timeout=600) as c:
        def ids(path: str, **params: Any) -> list[str]:
            items = c.get(path, params={"limit": k, **params}).json().get("items") or []
            return [str(i["id"]) for i in items if "id" in i] or ["none"]

        arts, people, events = ids("/api/articles"), ids("/api/people"), ids("/api/events")
        orgs = ids("/api/organizations")
        threads = c.get("/api/threads").json()
        thread_ids = [x["id"] for x in (threads.get("items") if isinstance(threads, dict) else threads)] or ["none"]
        total = c.get("/api/articles", params={"limit": 1}).json().get("total", 0)
    offsets = [max(0, total * j // 10 - 20) for j in range(1, 11)]
    months = [f"since={y}-{m:02d}&until={y}-{m:02d}" for y in (2018, 2019, 2020) for m in (1, 4, 7, 10)]
    words = ["n%C4%83ng%20l%C6%B0%E1%BB%A3ng", "vaccine", "LNG", "ban%20dan", "c%C3%A1%20tra"]
    return {
        "api articles": ["/api/articles", "/api/articles?offset=50", "/api/articles?topic=energy"],
        "api articles deep page": [f"/api/articles?offset={o}" for o in offsets],
        "api article": [f"/api/articles/{a}" for a in arts],
        "api people": ["/api/people", "/api/people?offset=50", "/api/people?side=US"],
        "api person": [f"/api/people/{p}" for p in people],
        "api organizations": ["/api/organizations", "/api/organizations?side=VN"],
        "api events": ["/api/events", "/api/events?offset=50"],
        "api event": [f"/api/events/{e}" for e in events],
        "api meetings": ["/api/meetings", "/api/meetings?since=2019"],
        "api timeline": [f"/api/timeline?{m}" for m in months],
        "api statements": ["/api/statements", "/api/statements?side=US", "/api/statements?offset=100"],
        "api threads": ["/api/threads"],
        "api thread": [f"/api/threads/{t}" for t in thread_ids],
        "api search": [f"/api/search?q={w}" for w in words],
        "api stats": ["/api/stats"],
        "api organization": [f"/api/organizations/{o}" for o in orgs],
        "api network": ["/api/network", "/api/network?since=2019"],
        "api brief": [f"/api/briefs/thread?id={t}" for t in thread_ids],
        "api health": ["/api/health"],
        "page home": ["/"],
        "page timeline": ["/timeline", "/timeline?offset=100"],
        "page meetings": ["/meetings"],
        "page event": [f"/events/{e}" for e in events],
        "page threads": ["/threads"],
        "page thread": [f"/threads/{t}" for t in thread_ids],
        "page people": ["/people", "/people?offset=100"],
        "page person": [f"/people/{p}" for p in people],
        "page articles": ["/articles", "/articles?offset=200"],
        "page article": [f"/articles/{a}" for a in arts],
        "page search": [f"/search?q={w}" for w in words],
        "page statements": ["/statements", "/statements?side=US", "/statements?offset=100"],
        "page organizations": ["/organizations"],
        "page organization": [f"/organizations/{o}" for o in orgs],
        "page network": ["/network"],
        "page brief": [f"/briefs/thread?id={t}" for t in thread_ids],
    }


def hammer(base: str, table: dict[str, list[str]], clients: int, per_client: int) -> dict[str, dict[str, Any]]:
    """``clients`` threads, each ``per_client`` requests per route (routes interleaved, each route's
    paths in turn across all clients); ms per route."""
    import httpx

    times: dict[str, list[float]] = {name: [] for name in table}
    statuses: dict[str, set[int]] = {name: set() for name in table}
    lock = threading.Lock()
    names = list(table)
    turn = {name: 0 for name in table}

    def client(k: int) -> None:
        with httpx.Client(base_url=base, timeout=600) as c:
            for i in range(per_client * len(names)):
                name = names[(i + k) % len(names)]
                with lock:
                    path = table[name][turn[name] % len(table[name])]
                    turn[name] += 1
                t0 = time.perf_counter()
                try:
                    status = c.get(path).status_code
                except httpx.TransportError:  # a kept-alive connection the server closed while this client
                    status = c.get(path).status_code  # waited for a core: once more, on a new one, timed whole
                dt = (time.perf_counter() - t0) * 1000
                with lock:
                    times[name].append(dt)
                    statuses[name].add(status)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    out = {}
    for name, ts in times.items():
        ts.sort()
        out[name] = {"p50_ms": round(statistics.median(ts), 1), "p95_ms": round(ts[max(0, int(len(ts) * 0.95) - 1)], 1),
                     "p99_ms": round(ts[max(0, int(len(ts) * 0.99) - 1)], 1), "max_ms": round(ts[-1], 1), "requests": len(ts), "statuses": sorted(statuses[name])}
    return out


def cpu_per_request(base: str, table: dict[str, list[str]], pid: int, n: int) -> dict[str, float]:
    """Server CPU ms per request of each route, one client, ``n`` requests cycling through its paths
    (after the load run, so as warm as the load left it): the server's CPU time over the requests
    divided by their number (``/proc`` counts in ticks of 10 ms, so ``n`` requests resolve about
    10/``n`` ms). On a machine shared with other work this is the figure the load does not stretch."""
    import httpx

    out = {}
    with httpx.Client(base_url=base, timeout=600) as c:
        for name, paths in table.items():
            c0 = cpu_s(pid)
            for i in range(n):
                c.get(paths[i % len(paths)])
            out[name] = round((cpu_s(pid) - c0) * 1000 / n, 1)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="the store (SQLite path or URL)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=5, help="requests per route per client")
    ap.add_argument("--tag", default="", help="appended to the output file's name (routes_<articles><tag>.json)")
    ap.add_argument("--workers", type=int, default=1, help="server processes (hoptac serve --workers)")
    ap.add_argument("--cpu-requests", type=int, default=20,
                    help="requests per route of the one-client pass measuring server CPU per request (0: none)")
    args = ap.parse_args()
    proc, base = start(args.db, args.workers)
    try:
        table = routes(base)
        hammer(base, {name: paths[:1] for name, paths in table.items()}, 1, 1)  # warm-up: one path each
        t0, c0, load0 = time.perf_counter(), cpu_s(proc.pid), os.getloadavg()[0]
        result = hammer(base, table, args.clients, args.requests)
        load1 = os.getloadavg()[0]
        wall, cpu = time.perf_counter() - t0, cpu_s(proc.pid) - c0
        rss_each = {p: round(peak_rss_mb(p), 1) for p in server_pids(proc.pid)}
        per_request = cpu_per_request(base, table, proc.pid, args.cpu_requests) if args.cpu_requests else {}
        rss_each_after = {p: round(peak_rss_mb(p), 1) for p in server_pids(proc.pid)}
        rss, rss_after = sum(rss_each.values()), sum(rss_each_after.values())
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    total = None
    try:
        import sqlite3

        path = args.db.removeprefix("sqlite:///")
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except Exception:  # a PostgreSQL URL: the size is not read here
        total = None
    row = {"articles": total, "clients": args.clients, "workers": args.workers, "wall_s": round(wall, 1),
           "server_cpu_s": round(cpu, 1),
           "server_peak_rss_mb": round(rss, 1), "server_peak_rss_mb_after_cpu_pass": round(rss_after, 1),
           "server_peak_rss_mb_each": list(rss_each_after.values()),
           "loadavg_1m": round(os.getloadavg()[0], 2),
           "loadavg_1m_load_run": [round(load0, 2), round(load1, 2)], "cores": os.cpu_count(), "routes": result}
    OUT.mkdir(parents=True, exist_ok=True)
    width = max(map(len, result))
    for name, r in result.items():
        r["server_cpu_ms_per_request"] = per_request.get(name)
        goal = 300 if name.startswith("page") else 100
        mark = "ok" if r["p95_ms"] < goal else "SLOW"
        print(f"{name:<{width}}  p50 {r['p50_ms']:8.1f}  p95 {r['p95_ms']:8.1f}  p99 {r['p99_ms']:8.1f}  "
              f"cpu/req {per_request.get(name, float('nan')):6.1f}  {r['statuses']}  {mark}")
    (OUT / f"routes_{total or 'store'}{args.tag}.json").write_text(json.dumps(row, indent=1))
    print(f"articles {total}, {args.clients} clients, {args.workers} server processes, server peak RSS {rss:.0f} MB "
          f"(summed; each: {', '.join(f'{v:.0f}' for v in rss_each_after.values())} MB after the CPU pass), server CPU {cpu:.1f} s "
          f"over {wall:.0f} s, load {load0:.1f} → {load1:.1f} over the load run, {row['loadavg_1m']} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
