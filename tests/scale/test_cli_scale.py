"""``hoptac load`` imports shards; the scale options refuse contradictory combinations."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from hoptac.cli import main
from hoptac.cli_scale import scaled_ingest
from hoptac.scale.shards import write_shard
from hoptac.scale.units import iter_units
from hoptac.scale.work import process_chunk
from hoptac.settings import DEFAULT


def test_load_imports_shards_and_names_skips(corpus: Path, tmp_path: Path) -> None:
    results = process_chunk(list(iter_units([str(corpus)])), DEFAULT)
    write_shard(results[:6], tmp_path / "shards" / "part-0000000.parquet")
    write_shard(results[6:], tmp_path / "shards" / "part-0000001.parquet")
    db = str(tmp_path / "k.db")
    out = CliRunner().invoke(main, ["load", str(tmp_path / "shards"), "--db", db, "--no-progress"])
    assert out.exit_code == 1  # the empty file is skipped
    assert "rong.txt" in out.output
    assert "unchanged 1" in out.output
    again = CliRunner().invoke(main, ["load", str(tmp_path / "shards"), "--db", db, "--no-progress"])
    assert "stored 0, near-duplicates linked 0, unchanged 11" in again.output


def test_shards_need_the_dask_engine(tmp_path: Path) -> None:
    with pytest.raises(click.UsageError, match="--engine dask"):
        scaled_ingest([], feeds=[], settings=DEFAULT, db_url=str(tmp_path / "x.db"), batch_size=50, workers=2,
                      engine="local", scheduler=None, shards=tmp_path)


def test_ingest_with_two_workers(corpus: Path, tmp_path: Path) -> None:
    import json

    db = str(tmp_path / "w.db")
    out = CliRunner().invoke(main, ["ingest", str(corpus), "--db", db, "--workers", "2", "--format", "json"])
    assert out.exit_code == 1, out.output  # the empty file is skipped
    report = json.loads(out.stdout)
    assert report["stored"] + report["duplicates"] == 10 and report["unchanged"] == 1
    assert [s["source"] for s in report["skipped"]] == [str(corpus / "rong.txt")]
