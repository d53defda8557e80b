"""The knowledge base: articles, linked people, events and statements, threads, search.

``Store.open(url)`` opens (and migrates) a SQLite file or a PostgreSQL database; every read
method returns plain JSON-able data shaped like the ``hoptac.article/1`` export.
"""

from __future__ import annotations

from .queries import Filters
from .store import Store
from .writer import IngestReport

__all__ = ["Filters", "IngestReport", "Store"]
