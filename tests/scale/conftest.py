"""Fixtures for the scale tests: a small folder of synthetic articles, and store snapshots."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from hoptac.scale.synth import synth_article

N_ARTICLES = 10


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten synthetic articles (one in a subfolder), a copy of one, an empty file and a README."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "sub").mkdir()
    for i in range(N_ARTICLES):
        text, _ = synth_article(i, seed=7)
        folder = root / "sub" if i == 3 else root
        (folder / f"bai_{i:02d}.txt").write_text(text, encoding="utf-8")
    (root / "ban_sao.txt").write_text(synth_article(0, seed=7)[0], encoding="utf-8")
    (root / "rong.txt").write_bytes(b"")
    (root / "README.md").write_text("không phải bài báo\n", encoding="utf-8")
    return root


def take_snapshot(url: str) -> dict[str, Any]:
    """What a store holds, without ingest times, autoincrement ids or the count of write batches
    (``store_meta``: how many transactions wrote it, not what it holds): for equality checks."""
    from hoptac.store import Store

    store = Store.open(url)
    out: dict[str, Any] = {}
    try:
        with store.engine.connect() as conn:
            meta = sa.MetaData()
            meta.reflect(conn)
            for name, table in sorted(meta.tables.items()):
                if name.startswith(("alembic", "search_fts", "store_meta")):
                    continue
                cols = [c for c in table.columns if c.name not in ("ingested_at", "id")
                        or (c.name == "id" and not isinstance(c.type, sa.Integer))]
                rows = conn.execute(sa.select(*cols)).mappings().all()
                out[name] = sorted(json.dumps(dict(r), sort_keys=True, default=repr, ensure_ascii=False)
                                   for r in rows)
    finally:
        store.close()
    return out


def ingest_single_process(corpus: Path, url: str) -> None:
    """The reference: one process reads, extracts and writes every file of the corpus."""
    from hoptac.ingest import read_sources
    from hoptac.pipeline import pipe
    from hoptac.scale.units import iter_units
    from hoptac.settings import DEFAULT
    from hoptac.store import Store

    files = [u.source for u in iter_units([str(corpus)])]
    with Store.open(url) as store:
        store.ingest(pipe(read_sources(files, DEFAULT), DEFAULT))
        store.refresh_threads()  # as every ingest command ends


@pytest.fixture(scope="session")
def snapshot() -> Callable[[str], dict[str, Any]]:
    """The store-snapshot function (a fixture: test modules never import conftest)."""
    return take_snapshot


@pytest.fixture(scope="session")
def single_process() -> Callable[[Path, str], None]:
    """The single-process reference ingest (a fixture: test modules never import conftest)."""
    return ingest_single_process


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh schema on the PostgreSQL server of ``scripts/services/postgres.sh``, dropped afterwards."""
    import os
    import uuid

    base = os.environ.get("HOPTAC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:54329/hoptac_test")
    admin = sa.create_engine(base, poolclass=sa.pool.NullPool)
    try:
        with admin.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except Exception as exc:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"PostgreSQL unreachable at {base}: {type(exc).__name__}")
        pytest.skip(f"PostgreSQL unreachable at {base}: {type(exc).__name__}")
    schema = "scale_" + uuid.uuid4().hex[:10]
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def _write_warc(path: Path, n: int) -> None:
    """A WARC of n synthetic articles as HTML responses, written with warcio."""
    from html import escape
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i in range(n):
            text = synth_article(100 + i, seed=7)[0]
            title, _, body = text.partition("\n")
            paras = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n") if p.strip())
            page = f"<html><head><title>{escape(title)}</title></head><body><article><h1>{escape(title)}</h1>{paras}"
            page += "</article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://tin.example.vn/bai/{i}", "response",
                                                          payload=BytesIO(page.encode("utf-8")),
                                                          http_headers=headers))


@pytest.fixture(scope="session")
def write_warc() -> Callable[[Path, int], None]:
    """The WARC writer (a fixture: test modules never import conftest)."""
    return _write_warc
