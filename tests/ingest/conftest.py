"""Fixtures of the reader tests: a local HTTP server."""

from __future__ import annotations

import pytest
from ingest_server import serve


@pytest.fixture(scope="module")
def server():
    """The base URL of a local HTTP server serving self-written pages, feeds and failures."""
    yield from serve()
