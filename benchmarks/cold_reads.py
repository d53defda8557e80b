"""The cost of each read the routes make, cold (nothing kept), in CPU time, against a store as it is.

Each read (a listing, a record, the network, the stats...) is run once in this process with the
kept summaries cleared first, so it is computed from the database as a first request would
compute it. The CPU time of this process is reported beside the wall time: SQLite runs in the
process, so CPU time is the read's own work, whatever else the machine runs (a loaded machine
stretches the wall time, not the CPU time). Record reads take the first ids of the store's own
listings.

    .venv/bin/python benchmarks/cold_reads.py --db /work/scale/scale10k.db [--tag _before]

Writes ``benchmarks/out/cold_reads_<articles><tag>.json``. To measure other code over the same
store (a copy: the store is migrated on open), put it first on the path:
``PYTHONPATH=/other/checkout/src .venv/bin/python benchmarks/cold_reads.py --db COPY --tag _before``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"


def reads(s: Any) -> dict[str, Callable[[], Any]]:
    """Read name -> a call of the store, as the routes make them."""
    from hoptac.store import Filters
    from hoptac.store.browse import StatementView, outlets

    arts = s.articles(Filters(limit=3))["items"]
    people = s.people(Filters(limit=3))["items"]
    orgs = s.organizations(Filters(limit=3))["items"]
    events = s.events(Filters(limit=2))["items"]
    threads = s.threads()
    total = s.articles(Filters(limit=1))["total"]
    return {
        "articles": lambda: s.articles(Filters()),
        "articles deep page": lambda: s.articles(Filters(offset=max(0, total * 7 // 10))),
        "articles topic=energy": lambda: s.articles(Filters(topic="energy")),
        "article": lambda: s.article(arts[0]["id"]),
        "people": lambda: s.people(Filters()),
        "people side=US": lambda: s.people(Filters(side="US")),
        "person": lambda: s.person(people[0]["id"], limit=50),
        "organizations": lambda: s.organizations(Filters()),
        "organization (most named)": lambda: s.organization(orgs[0]["id"]),
        "organization (second)": lambda: s.organization(orgs[1]["id"]),
        "events": lambda: s.events(Filters()),
        "event": lambda: s.event(events[0]["id"]),
        "meetings": lambda: s.meetings(Filters()),
        "meetings since=2019": lambda: s.meetings(Filters(since="2019")),
        "timeline (a month)": lambda: s.timeline(Filters(since="2019-04", until="2019-04")),
        "statements": lambda: s.statements(Filters()),
        "statements side=US": lambda: s.statements(Filters(side="US")),
        "statements browser": lambda: s.browse_statements(StatementView(filters=Filters(limit=50))),
        "outlets (browser's filter)": lambda: outlets(s.engine.connect()),
        "thread": lambda: s.thread(threads[0]["id"], limit=50),
        "thread brief (300 lines)": lambda: s.thread(threads[1]["id"], limit=300),
        "search": lambda: s.search("năng lượng"),
        "stats": lambda: s.stats(),
        "network": lambda: s.network(Filters()),
        "network since=2019": lambda: s.network(Filters(since="2019")),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="the store (SQLite path or URL)")
    ap.add_argument("--tag", default="", help="appended to the output file's name")
    args = ap.parse_args()
    from hoptac.store import Store, summary

    url = args.db if "://" in args.db else f"sqlite:///{args.db}"
    s = Store.open(url)
    table = reads(s)
    from hoptac.link.titles import title_key

    title_key("Bộ trưởng Ngoại giao", "VN")  # the gazetteer a title's key reads: loaded once per process, not a read's cost
    out: dict[str, Any] = {}
    for name, call in table.items():
        summary._STORES.clear()  # nothing kept: the read computes from the database
        t0, c0 = time.perf_counter(), time.process_time()
        call()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        out[name] = {"cpu_ms": round(cpu * 1000, 1), "wall_ms": round(wall * 1000, 1)}
        print(f"{name:<28} cpu {cpu * 1000:8.1f} ms   wall {wall * 1000:8.1f} ms", flush=True)
    total = s.articles().get("total")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row = {"articles": total, "peak_rss_mb": round(rss, 1), "loadavg_1m": round(os.getloadavg()[0], 2),
           "reads": out}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"cold_reads_{total}{args.tag}.json").write_text(json.dumps(row, indent=1))
    print(f"canonical articles {total}, peak RSS {rss:.0f} MB, load {row['loadavg_1m']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
