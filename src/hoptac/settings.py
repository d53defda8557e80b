"""One settings object for the library, the CLI, the API and the workers."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from platformdirs import user_data_dir

RESOURCES = Path(__file__).parent / "resources"


def truthy(value: str | None) -> bool:
    """Whether an environment variable's value says yes (``1``, ``true``, ``yes``, ``on``)."""
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def default_db_url() -> str:
    """``$HOPTAC_DB`` if set, else a SQLite file in the user data directory."""
    env = os.environ.get("HOPTAC_DB")
    if env:
        return env if "://" in env else f"sqlite:///{Path(env).expanduser()}"
    return f"sqlite:///{Path(user_data_dir('hoptac')) / 'hoptac.db'}"


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Every option in one place; build variants with :meth:`with_`.

    - ``taxonomy_files``: extra YAML taxonomies (user threads/topics) merged over the default.
    - ``max_bytes``: larger inputs are refused (files, HTTP bodies, WARC records).
    - ``max_chars``: longer article texts are refused (a million characters is a book, not news).
    - ``time_budget``: seconds of CPU time one document may take from decoding to the last stage; past
      them it is skipped with its reason (0: no budget).
    - ``timeout``: seconds for one HTTP fetch, from the request to the last byte.
    - ``user_agent``: sent with every HTTP request.
    - ``fetch_private``: whether URLs may reach loopback, link-local or private addresses
      (the API turns it off for posted URLs: a server must not be made to fetch its own network).
    - ``db_url``: SQLAlchemy URL of the store.
    - ``stages``: the pipeline's stages by name (default: all, see :mod:`hoptac.pipeline`).
    - ``meta_file``: a CSV, TSV or JSON Lines file of metadata for the sources (``published``,
      ``url``, ``outlet``, ``title``), keyed by file name, path or URL
      (:mod:`hoptac.ingest.metafile`); what it gives wins over what the page says.
    """

    taxonomy_files: tuple[Path, ...] = ()
    max_bytes: int = 20 * 1024 * 1024
    max_chars: int = 1_000_000
    time_budget: float = 60.0
    timeout: float = 20.0
    user_agent: str = "hoptac/0.1 (+news analysis; contact: maintainers)"
    fetch_private: bool = True
    db_url: str = field(default_factory=default_db_url)
    stages: tuple[str, ...] | None = None
    meta_file: Path | None = None

    def with_(self, **changes: object) -> Settings:
        """A copy with some options changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


DEFAULT = Settings()
