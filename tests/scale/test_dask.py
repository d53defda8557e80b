"""The Dask engine on a LocalCluster of two worker processes gives what one process gives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hoptac.scale import ingest_dask, load_shards, read_shards
from hoptac.settings import DEFAULT
from hoptac.store import Store

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A LocalCluster of 2 worker processes with one thread each; its scheduler address."""
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0",
                                  silence_logs=40) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def baseline(corpus: Path, tmp_path_factory: pytest.TempPathFactory, scheduler: str, single_process,  # type: ignore[no-untyped-def]
             snapshot) -> dict:
    """The single-process reference, made right after the workers import hoptac (same code)."""
    from hoptac.scale.work import warm_up

    with distributed.Client(scheduler) as client:
        client.run(warm_up, DEFAULT)
    url = str(tmp_path_factory.mktemp("one") / "one.db")
    single_process(corpus, url)
    return snapshot(url)


def test_dask_into_sqlite_equals_single_process(corpus: Path, tmp_path: Path, scheduler: str,
                                                baseline: dict, snapshot) -> None:  # type: ignore[no-untyped-def]
    url = str(tmp_path / "dask.db")
    report = ingest_dask([str(corpus)], scheduler=scheduler, settings=DEFAULT, store_url=url, shards_dir=None,
                         chunk_size=2, progress=False)
    assert report.stored + report.duplicates == 10 and report.unchanged == 1
    assert snapshot(url) == baseline


def test_dask_shards_then_load_equal_single_process(corpus: Path, tmp_path: Path, scheduler: str,
                                                    baseline: dict, snapshot) -> None:  # type: ignore[no-untyped-def]
    shards = tmp_path / "shards"
    report = ingest_dask([str(corpus)], scheduler=scheduler, settings=DEFAULT, store_url=None, shards_dir=shards,
                         chunk_size=4, progress=False)
    assert report.shards == 3 and report.stored + len(report.skipped) == 12
    assert sum(1 for _ in read_shards(shards)) == 12
    url = str(tmp_path / "loaded.db")
    with Store.open(url) as store:
        loaded = load_shards(shards, store, progress=False)
    assert loaded.unchanged == 1
    # skipped by the reader (a shard row with its reason) or by the store: named at load either way
    assert [s for s, _ in loaded.skipped] == [str(corpus / "rong.txt")]
    assert snapshot(url) == baseline


def test_a_store_or_shards_is_required(corpus: Path, scheduler: str) -> None:
    with pytest.raises(ValueError, match="store URL or a shards directory"):
        ingest_dask([str(corpus)], scheduler=scheduler, settings=DEFAULT, store_url=None, shards_dir=None)


@pytest.mark.postgres
def test_dask_workers_write_postgres_directly(corpus: Path, scheduler: str, baseline: dict, pg_url: str,
                                              snapshot) -> None:  # type: ignore[no-untyped-def]
    """Several writers (one per worker) into PostgreSQL: the same articles and extracted records."""
    report = ingest_dask([str(corpus)], scheduler=scheduler, settings=DEFAULT, store_url=pg_url, shards_dir=None,
                         chunk_size=2, progress=False)
    assert report.stored + report.duplicates == 10 and report.unchanged == 1
    got = snapshot(pg_url)
    assert got["article_sources"] == baseline["article_sources"]
    # Writers race, so which of two near-duplicates is stored first (the original, with the
    # extracted records) may differ from one process; the pairs, and everything else, may not.
    pairs, expected = _duplicate_pairs(got), _duplicate_pairs(baseline)
    assert pairs == expected
    paired = {a for pair in pairs for a in pair}
    for table in ("articles", "statements", "article_topics"):
        assert _outside(got[table], paired) == _outside(baseline[table], paired), table


def _rows(table: list[str]) -> list[dict]:
    import json

    return [json.loads(r) for r in table]


def _duplicate_pairs(snap: dict) -> set[frozenset[str]]:
    """Each near-duplicate with its original, as an unordered pair of article ids."""
    return {frozenset((r["id"], r["duplicate_of"])) for r in _rows(snap["articles"]) if r["duplicate_of"]}


def _outside(table: list[str], paired: set[str]) -> list[str]:
    """The rows of a snapshot table that belong to no near-duplicate pair."""
    return [r for r, d in zip(table, _rows(table), strict=True) if d.get("article_id", d.get("id")) not in paired]
