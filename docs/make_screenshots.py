"""Screenshots of the dashboard's main pages for the README: ``docs/screenshot-*.png``.

Ingests the demo articles (``src/hoptac/resources/demo``; with ``--fixtures``, the test
articles of ``tests/web/fixtures`` too) into a fresh SQLite store, serves the dashboard on a
free loopback port and photographs each page with Debian's chromium through Playwright.
Run: ``.venv/bin/python docs/make_screenshots.py [--fixtures]``.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from hoptac import analyze
from hoptac.api import create_app
from hoptac.cli_web import demo_files
from hoptac.model import Article
from hoptac.store import Filters, Store

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
FIXTURES = ROOT / "tests" / "web" / "fixtures"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def build(store: Store, fixtures: bool) -> None:
    """Ingest the demo articles (and the test fixtures when asked).

    The demo files are given relative to the repository, so the pages show
    ``src/hoptac/resources/demo/…`` as their source rather than this machine's paths.
    """
    os.chdir(ROOT)
    files = [os.path.relpath(f, ROOT) for f in demo_files()]
    if not files:
        sys.exit("no demo articles in src/hoptac/resources/demo")
    report = store.ingest_sources(files)
    print(f"demo: {report.stored} stored, {len(report.skipped)} skipped", file=sys.stderr)
    for src, why in report.skipped:
        print(f"  skipped {src}: {why}", file=sys.stderr)
    if fixtures:
        arts = [analyze(p.read_bytes()) for p in sorted(FIXTURES.glob("0*.txt"))]
        arts += [Article.from_dict(d) for d in json.loads((FIXTURES / "annotated.json").read_text("utf-8"))]
        store.ingest(arts)


def pages(store: Store) -> list[tuple[str, str]]:
    """(name, path) of the pages to photograph, picked from what the store holds."""
    out = [("overview", "/"), ("timeline", "/timeline"), ("threads", "/threads")]
    threads = sorted((t for t in store.threads() if t["entries"]), key=lambda t: -t["entries"])
    if threads:
        out.append(("thread", f"/threads/{threads[0]['id']}"))
    people = store.people(Filters(limit=1))["items"]
    if people:
        out.append(("person", f"/people/{people[0]['id']}"))
    arts = store.articles(Filters(limit=200))["items"]
    out.append(("articles", "/articles"))
    if arts:
        best = max(arts, key=lambda a: (a["statements"] + a["events"] + a["people"]))
        out.append(("article", f"/articles/{best['id']}"))
    out.append(("search", "/search?q=ban+dan"))
    out.append(("overview-en", "/?lang=en"))
    return out


def main() -> None:
    """Build the store, serve it, photograph every page."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fixtures", action="store_true", help="also ingest the test articles")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{tmp}/kb.db") as store:
        build(store, opts.fixtures)
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        base = f"http://127.0.0.1:{sock.getsockname()[1]}"
        server = uvicorn.Server(uvicorn.Config(create_app(store=store), log_level="warning"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=opts.chromium, headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path in pages(store):
                page.goto(base + path)
                out = DOCS / f"screenshot-{name}.png"
                page.screenshot(path=str(out), full_page=name not in ("timeline", "article"))
                print(out.relative_to(DOCS.parent))
            browser.close()
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    main()
