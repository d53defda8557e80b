"""Known duplicates of ``vnus/MANIFEST_EXTRA.tsv``: their copies are linked, never double counted.

The ``duplicate_sources`` column names texts from the source corpora that are copies of a
vnus article. Those copies are not in the shared corpus, so the test writes lightly edited
copies of the vnus articles that have one, ingests originals and copies through the real
pipeline, and checks every copy is linked to its original.
"""

from __future__ import annotations

import csv
from pathlib import Path

from conftest import corpus, light_edit

from hoptac import analyze_many

N = 6


def known_duplicates() -> list[tuple[str, str]]:
    """(vnus file, duplicate source) pairs listed in the manifest."""
    with (corpus("vnus") / "MANIFEST_EXTRA.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [(r["file"], r["duplicate_sources"]) for r in rows if r.get("duplicate_sources")]


def test_manifest_duplicates_are_not_in_the_corpus():
    pairs = known_duplicates()
    assert len(pairs) >= N
    listed = set()
    for folder in ("vnus", "general"):
        with (corpus(folder) / "MANIFEST_EXTRA.tsv").open(encoding="utf-8") as fh:
            listed |= {(r["source_repo"] + ":" + r["source_path"]) for r in csv.DictReader(fh, delimiter="\t")}
    assert not {dup for _, dup in pairs} & listed  # hence the edited copies below


def test_edited_copies_are_linked_and_not_double_counted(store, tmp_path):
    originals = [corpus("vnus") / f for f, _ in known_duplicates()[:N]]
    copies = []
    for p in originals:
        c = tmp_path / ("copy_" + p.name)
        c.write_text(light_edit(p.read_text(encoding="utf-8")), encoding="utf-8")
        copies.append(c)
    rep = store.ingest(analyze_many([str(p) for p in originals + copies]), batch_size=4)
    assert (rep.stored, rep.duplicates, rep.skipped) == (N, N, [])
    assert store.articles()["total"] == N
    assert store.stats()["counts"]["duplicates"] == N
    for item in store.articles()["items"]:
        art = store.article(item["id"])
        assert item["duplicates"] == 1
        # the pair is linked; which of the two heads it is the lower id's choice (store/writer.py), not the order
        pair = {Path(art["source"]).name, *(Path(d["source"]).name for d in art["duplicates"])}
        name = min(pair, key=len)
        assert pair == {name, "copy_" + name}
    n_statements = store.statements()["total"]
    again = store.ingest(analyze_many([str(c) for c in copies]))
    assert again.unchanged == N
    assert store.statements()["total"] == n_statements


def test_article_export_holds_the_copies_under_their_original(store, tmp_path):
    import io
    import json

    from hoptac.store.export import export

    originals = [corpus("vnus") / f for f, _ in known_duplicates()[:2]]
    copies = []
    for p in originals:
        c = tmp_path / ("copy_" + p.name)
        c.write_text(light_edit(p.read_text(encoding="utf-8")), encoding="utf-8")
        copies.append(c)
    store.ingest(analyze_many([str(p) for p in copies + originals]))
    buf = io.StringIO()
    assert export(store, "jsonl", buf) == 4
    recs = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert sorted(Path(r["source"]).name for r in recs) == sorted(p.name for p in originals + copies)
    ids = [r["id"] for r in recs]
    for r in recs:
        if r["duplicate_of"] is not None:  # right after its original, which lists it
            orig = recs[ids.index(r["duplicate_of"])]
            assert ids.index(r["id"]) > ids.index(orig["id"]) and r["id"] in [d["id"] for d in orig["duplicates"]]
    assert sum(r["duplicate_of"] is not None for r in recs) == 2
