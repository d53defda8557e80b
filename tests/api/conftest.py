"""API fixtures: a real SQLite store holding the self-written test articles, and a client.

The ``*.txt`` articles of ``tests/web/fixtures`` go through the whole pipeline; the two
``annotated.json`` exports carry hand-made records (events, a thread lifecycle, a person's
two titles) that the assertions can rely on whatever extraction finds.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hoptac import analyze
from hoptac.api import create_app
from hoptac.model import Article
from hoptac.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "web" / "fixtures"
TOKEN = "test-token-123"


def fixture_articles() -> list[Article]:
    """The analyzed text fixtures (not the XSS one) and the annotated exports."""
    arts = [analyze(p.read_text(encoding="utf-8").encode("utf-8")) for p in sorted(FIXTURES.glob("0*.txt"))]
    for i, d in enumerate(json.loads((FIXTURES / "annotated.json").read_text(encoding="utf-8"))):
        arts.append(Article.from_dict(d))
        assert arts[-1].source == d["source"], i
    return arts


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store with the fixture articles, shared by one test module."""
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'kb.db'}"
    with Store.open(url) as s:
        report = s.ingest(fixture_articles())
        assert report.stored == 5 and not report.skipped, report
        yield s


@pytest.fixture(scope="module")
def client(store):
    """A client of the app over the shared store, writes allowed with :data:`TOKEN`."""
    with TestClient(create_app(store=store, token=TOKEN), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def auth():
    """The Authorization header for writes."""
    return {"Authorization": f"Bearer {TOKEN}"}


def settle(client: Any, r: Any, *, patience: float = 600.0) -> dict[str, Any]:
    """A posted article's job once it is stored or failed: the post answered 202, the job polled.

    ``patience`` only keeps a broken server from hanging the suite; no test asserts a duration.
    """
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["status"] in ("queued", "processing") and r.headers["location"] == job["location"] == f"/api/jobs/{job['job']}"
    give_up = time.monotonic() + patience
    while job["status"] not in ("stored", "failed"):
        assert time.monotonic() < give_up, f"job {job['job']} still {job['status']}"
        time.sleep(0.1)
        polled = client.get(r.headers["location"])
        assert polled.status_code == 200, polled.text
        job = polled.json()
    return job


@pytest.fixture
def settled():
    """:func:`settle`, for tests."""
    return settle


@contextmanager
def serving_page(html: str) -> Iterator[tuple[str, list[str]]]:
    """A loopback HTTP server answering every GET with ``html``: its base URL and the paths asked for."""
    hits: list[str] = []
    body = html.encode("utf-8")

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()
