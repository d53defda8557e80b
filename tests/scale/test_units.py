"""Units: directories stream file by file, archives travel alone, non-articles are left out."""

from __future__ import annotations

import itertools
from pathlib import Path

from hoptac.scale.units import Unit, chunked, count_units, iter_units


def test_directory_expands_to_article_files(corpus: Path) -> None:
    units = list(iter_units([str(corpus)]))
    names = sorted(Path(u.source).name for u in units)
    assert "README.md" not in names
    assert "bai_03.txt" in names  # found in the subfolder
    assert len(names) == 12
    assert count_units([str(corpus)]) == 12


def test_units_stream_lazily(tmp_path: Path) -> None:
    for i in range(50):
        (tmp_path / f"{i}.txt").write_text("x")
    it = iter_units([str(tmp_path)])
    assert len(list(itertools.islice(it, 3))) == 3


def test_chunks_keep_order_and_isolate_archives() -> None:
    units = [Unit("a.txt"), Unit("b.txt"), Unit("c.warc.gz"), Unit("d.txt"), Unit("e.html")]
    chunks = list(chunked(units, 2))
    assert [[u.source for u in c] for c in chunks] == [["a.txt", "b.txt"], ["c.warc.gz"], ["d.txt", "e.html"]]
    assert count_units(["x.warc"]) is None


def test_an_archive_is_cut_into_record_batches(tmp_path: Path, write_warc) -> None:  # type: ignore[no-untyped-def]
    write_warc(tmp_path / "kho.warc.gz", 5)
    units = list(iter_units([str(tmp_path)], warc_batch=2))
    assert [(u.skip, u.take) for u in units] == [(0, 2), (2, 2), (4, 2)]
    assert all(u.is_warc for u in units)
    assert [len(c) for c in chunked(units, 16)] == [1, 1, 1]


def test_a_batch_reads_only_its_slice(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from hoptac import ingest
    from hoptac.errors import SourceError
    from hoptac.scale.work import process_unit
    from hoptac.settings import DEFAULT

    def fake_read(paths, settings, feeds=()):  # type: ignore[no-untyped-def]
        for i in range(7):
            yield SourceError(f"{paths[0]}#{i}", "test record")

    monkeypatch.setattr(ingest, "read_sources", fake_read)
    got = [r.source for r in process_unit(Unit("a.warc", skip=4, take=2), DEFAULT)]
    assert got == ["a.warc#4", "a.warc#5"]
    tail = [r.source for r in process_unit(Unit("a.warc", skip=6, take=2), DEFAULT)]
    assert tail == ["a.warc#6"]


def test_big_directories_stream_unsorted_small_ones_sorted(tmp_path: Path) -> None:
    from hoptac.scale.units import walk

    for name in ("c.txt", "a.txt", "b.html", ".hidden.txt", "notes.csv", "README.md"):
        (tmp_path / name).write_text("x")
    assert [Path(p).name for p in walk(str(tmp_path))] == ["a.txt", "b.html", "c.txt"]
    assert sorted(Path(p).name for p in walk(str(tmp_path), sort_limit=1)) == ["a.txt", "b.html", "c.txt"]


def test_an_empty_directory_is_passed_on_for_the_reader_to_report(tmp_path: Path) -> None:
    assert [u.source for u in iter_units([str(tmp_path)])] == [str(tmp_path)]
