"""Parallel ingest gives exactly what a single-process ingest gives, and names what it skipped."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from hoptac.scale import ingest_parallel
from hoptac.scale.parallel import extracted_chunks
from hoptac.scale.units import Unit
from hoptac.settings import DEFAULT
from hoptac.store import Store


def test_two_workers_equal_one_process(corpus: Path, tmp_path: Path, single_process, snapshot) -> None:  # type: ignore[no-untyped-def]
    single_process(corpus, str(tmp_path / "one.db"))
    with Store.open(str(tmp_path / "two.db")) as store:
        report = ingest_parallel([str(corpus)], store, settings=DEFAULT, workers=2, batch_size=4,
                                 progress=False, chunk_size=3)
    assert report.stored + report.duplicates == 10
    assert report.unchanged == 1  # the copy
    assert [s for s, _ in report.skipped] == [str(corpus / "rong.txt")]
    two = snapshot(str(tmp_path / "two.db"))
    assert two == snapshot(str(tmp_path / "one.db"))
    states = [json.loads(r) for r in two["thread_states"]]
    assert states and all(r["computed"] == r["version"] for r in states)  # the ingest cached every summary


def test_summary_names_skipped_sources(corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with Store.open(str(tmp_path / "s.db")) as store:
        ingest_parallel([str(corpus), str(tmp_path / "missing.txt")], store, settings=DEFAULT, workers=1,
                        progress=True)
    err = capsys.readouterr().err
    assert "12 documents" not in err  # 12 files in the folder plus the missing one
    assert "13 documents" in err
    assert f"skipped {tmp_path / 'missing.txt'}" in err
    assert f"skipped {corpus / 'rong.txt'}" in err


def test_workers_pull_units_lazily() -> None:
    """An endless stream of units is processed chunk by chunk: nothing lists it first."""
    endless = ([Unit(f"/nonexistent/{i}.txt")] for i in itertools.count())
    got = list(itertools.islice(extracted_chunks(endless, DEFAULT, 2), 5))
    assert [r[0].source for r in got] == [f"/nonexistent/{i}.txt" for i in range(5)]
    assert all(r[0].error for r in got)


def test_known_inputs_are_not_extracted_again(corpus: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from hoptac import pipeline

    url = str(tmp_path / "again.db")
    with Store.open(url) as store:
        first = ingest_parallel([str(corpus)], store, settings=DEFAULT, workers=1, progress=False)

    def no_extraction(name):  # type: ignore[no-untyped-def]
        raise AssertionError("a known input was extracted again")

    monkeypatch.setattr(pipeline, "get_stage", no_extraction)
    with Store.open(url) as store:
        again = ingest_parallel([str(corpus / f"bai_{i:02d}.txt") for i in (0, 1, 2)] + [str(corpus / "ban_sao.txt")],
                                store, settings=DEFAULT, workers=1, progress=False)
    assert first.stored == 10
    assert (again.stored, again.unchanged, again.skipped) == (0, 4, [])


def test_a_web_archive_is_shared_by_workers(tmp_path: Path, write_warc, snapshot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Record batches of one WARC go to different workers; the store equals a one-process ingest."""
    from hoptac.ingest import read_sources
    from hoptac.pipeline import pipe
    from hoptac.scale import units

    warc = tmp_path / "kho.warc.gz"
    write_warc(warc, 5)
    with Store.open(str(tmp_path / "one.db")) as store:
        store.ingest(pipe(read_sources([str(warc)], DEFAULT), DEFAULT))
        store.refresh_threads()  # as every ingest command ends
    monkeypatch.setattr(units, "WARC_BATCH", 2)
    assert len(list(units.iter_units([str(warc)]))) == 3
    with Store.open(str(tmp_path / "two.db")) as store:
        report = ingest_parallel([str(warc)], store, settings=DEFAULT, workers=2, progress=False)
    assert report.stored + report.duplicates == 5, report.skipped
    assert snapshot(str(tmp_path / "two.db")) == snapshot(str(tmp_path / "one.db"))
