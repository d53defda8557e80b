"""Browser fixtures: the real server (uvicorn in a thread, a free loopback port) over a real
SQLite store of the self-written articles, and Debian's chromium driven by Playwright.

Chromium comes from ``scripts/services/chromium.sh`` (``make test``); where it is missing the
browser tests are skipped locally and fail in CI (``CI=true``). ``playwright install`` is
never used: the tests launch ``/usr/bin/chromium`` with the background networking off.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn

from hoptac import analyze
from hoptac.api import create_app
from hoptac.model import Article
from hoptac.store import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TOKEN = "web-test-token"
CHROMIUM = os.environ.get("HOPTAC_CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def fixture_articles() -> list[Article]:
    """The analyzed text fixtures (not the XSS one) and the annotated exports."""
    arts = [analyze(p.read_text(encoding="utf-8").encode("utf-8")) for p in sorted(FIXTURES.glob("0*.txt"))]
    arts += [Article.from_dict(d) for d in json.loads((FIXTURES / "annotated.json").read_text(encoding="utf-8"))]
    return arts


class LiveServer:
    """uvicorn serving one app in a background thread on a socket bound to a free port."""

    def __init__(self, app):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.token: str | None = None
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture(scope="session")
def live(tmp_path_factory):
    """The running server over a store of the fixture articles; ``live.url`` is its address."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'kb.db'}"
    with Store.open(url) as store:
        report = store.ingest(fixture_articles())
        assert report.stored == 5 and not report.skipped, report
        with LiveServer(create_app(store=store, token=TOKEN)) as server:
            server.token = TOKEN
            yield server


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium (skipped locally, failed in CI, when it is missing)."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        msg = f"chromium not found at {CHROMIUM} (run scripts/services/chromium.sh)"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@contextmanager
def watched_page(browser):
    """A fresh desktop page (own cookies) whose page errors, console errors and dialogs are kept in
    ``page.problems`` for the test to assert on."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.problems = problems  # type: ignore[attr-defined]
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture
def page(browser, live):
    """A fresh browser page (own cookies) that fails the test on any page error or console error."""
    with watched_page(browser) as pg:
        yield pg
    assert not pg.problems, pg.problems
