"""Screenshots of the browsing pages (statements, an organization, the network, a brief) over an
existing store, e.g. the corpus: ``docs/screenshot-{statements,organization,network,brief}.png``.

Run: ``.venv/bin/hoptac ingest ../shared/corpus/seeds ../shared/corpus/vnus --db /tmp/corpus.db``,
then ``.venv/bin/python docs/make_screenshots_browse.py /tmp/corpus.db``.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from hoptac.api import create_app
from hoptac.store import Store

DOCS = Path(__file__).resolve().parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PAGES = [("statements", "/statements?side=US&act=commit&sort=-date"),
         ("organization", "/organizations/Đại sứ quán Mỹ"),
         ("organization-ministry", "/organizations/Bộ Ngoại giao Việt Nam"),
         ("network", "/network?since=2015&until=2019"),
         ("brief", "/briefs/thread?id=market_economy_status&lang=en"),
         ("statements-390", "/statements?thread=south_china_sea")]


def main() -> None:
    """Serve the store and photograph each browsing page."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", help="the store (a SQLite file or a URL)")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    opts = ap.parse_args()
    with Store.open(opts.db, create=False) as store:
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
            for name, path in PAGES:
                width = 390 if name.endswith("-390") else 1280
                page = browser.new_page(viewport={"width": width, "height": 900 if width > 390 else 844})
                page.goto(base + path)
                out = DOCS / f"screenshot-{name}.png"
                page.screenshot(path=str(out))
                print(out.relative_to(DOCS.parent))
                page.close()
            browser.close()
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    main()
