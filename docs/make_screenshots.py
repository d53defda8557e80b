"""Screenshots of the dashboard for the README: ``docs/screenshot-*.png``.

Serves a store on a free loopback port and photographs each page with Debian's chromium
through Playwright: the main pages, the browsing pages (statements, organizations, the
network, a brief), an editor's correction controls (signed in with the server's token) and
pages on a 390 px phone screen. The store is an existing one (``--db``), e.g. the corpus::

    .venv/bin/hoptac ingest ../shared/corpus/seeds ../shared/corpus/vnus --db /tmp/corpus.db
    .venv/bin/python docs/make_screenshots.py --db /tmp/corpus.db

or, without ``--db``, a fresh store of the demo articles (``src/hoptac/resources/demo``).
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from playwright.sync_api import Browser, sync_playwright

from hoptac.api import create_app
from hoptac.cli_web import demo_files
from hoptac.store import Filters, Store

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
#: the organizations photographed where the store has them (else the two most named)
ORGS = ("Đại sứ quán Mỹ", "Bộ Ngoại giao Việt Nam")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@dataclass(frozen=True)
class Shot:
    """One screenshot: its name (``screenshot-NAME.png``), the page, the screen width, whether signed in,
    the correction form to open (``details[data-edit=…]``) and whether the whole page is taken."""

    name: str
    path: str
    width: int = 1280
    editor: bool = False
    open_form: str | None = None
    full: bool = False


def demo_store(store: Store) -> None:
    """Ingest the demo articles, named relative to the repository (pages show ``src/hoptac/…`` as source)."""
    os.chdir(ROOT)
    files = [os.path.relpath(f, ROOT) for f in demo_files()]
    if not files:
        sys.exit("no demo articles in src/hoptac/resources/demo")
    report = store.ingest_sources(files)
    print(f"demo: {report.stored} stored, {len(report.skipped)} skipped", file=sys.stderr)


def shots(store: Store) -> list[Shot]:
    """The pages to photograph, picked from what the store holds."""
    out = [Shot("overview", "/", full=True), Shot("timeline", "/timeline"), Shot("threads", "/threads")]
    threads = sorted((t for t in store.threads() if t["entries"]), key=lambda t: -t["entries"])
    if threads:
        out.append(Shot("thread", f"/threads/{threads[0]['id']}"))
        out.append(Shot("brief", f"/briefs/thread?id={threads[0]['id']}&lang=en"))
    people = store.people(Filters(limit=1))["items"]
    if people:
        out.append(Shot("person", f"/people/{people[0]['id']}"))
        out.append(Shot("editor-person", f"/people/{people[0]['id']}#edit-person", editor=True,
                        open_form="merge_people"))
    arts = store.articles(Filters(limit=200))["items"]
    out.append(Shot("articles", "/articles"))
    if arts:
        best = max(arts, key=lambda a: (a["statements"] + a["events"] + a["people"]))
        out.append(Shot("article", f"/articles/{best['id']}"))
    top = [o["id"] for o in store.organizations(Filters(limit=2))["items"]]
    orgs = [(o or {}).get("id") or fallback for o, fallback in
            zip((store.organization(n, limit=1) for n in ORGS), top, strict=False)]
    for name, oid in zip(("organization", "organization-ministry"), orgs, strict=False):
        out.append(Shot(name, f"/organizations/{oid}"))
    if orgs:
        out.append(Shot("editor-organization", f"/organizations/{orgs[0]}#edit-org", editor=True,
                        open_form="merge_orgs"))
    out += [Shot("statements", "/statements?side=US&act=commit&sort=-date"),
            Shot("network", "/network"),
            Shot("search", "/search?q=ban+dan"),
            Shot("overview-en", "/?lang=en"),
            Shot("statements-390", "/statements", width=390),
            Shot("person-390", f"/people/{people[0]['id']}" if people else "/people", width=390),
            Shot("overview-390", "/", width=390)]
    return out


@contextmanager
def serving(store: Store, token: str) -> Iterator[str]:
    """The dashboard over ``store`` on a free loopback port (the API token ``token``); its base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(store=store, token=token), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def photograph(browser: Browser, base: str, token: str, todo: list[Shot]) -> None:
    """Take every screenshot, each a reader's in a fresh context (``?lang=en`` is remembered in a cookie)
    or an editor's in one context signed in with the token."""
    editor = browser.new_context(locale="vi-VN")
    login = editor.new_page()
    login.goto(base + "/login?next=/")
    login.locator("input[name='token']").fill(token)
    login.locator("form[action='/login'] button").click()
    login.wait_for_load_state()
    login.close()
    for shot in todo:
        reader = None if shot.editor else browser.new_context(locale="vi-VN")
        page = (reader or editor).new_page()
        page.set_viewport_size({"width": shot.width, "height": 844 if shot.width < 600 else 900})
        page.goto(base + shot.path)
        if shot.open_form:
            box = page.locator(f"details[data-edit='{shot.open_form}']")
            box.locator("summary").click()
            box.scroll_into_view_if_needed()
        out = DOCS / f"screenshot-{shot.name}.png"
        page.screenshot(path=str(out), full_page=shot.full)
        print(out.relative_to(ROOT))
        page.close()
        if reader is not None:
            reader.close()
    editor.close()


def main() -> None:
    """Open (or build) the store, serve it, photograph every page."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="an existing store (a SQLite file or a URL); default: a store of the demo articles")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    opts = ap.parse_args()
    token = secrets.token_urlsafe(24)
    with tempfile.TemporaryDirectory() as tmp, \
            Store.open(opts.db or f"sqlite:///{tmp}/kb.db", create=not opts.db) as store:
        if not opts.db:
            demo_store(store)
        todo = shots(store)
        with serving(store, token) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=opts.chromium, headless=True, args=ARGS)
            photograph(browser, base, token, todo)
            browser.close()


if __name__ == "__main__":
    main()
