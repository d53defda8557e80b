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
