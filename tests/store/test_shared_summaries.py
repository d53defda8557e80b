"""Summaries shared by a server's processes through ``$HOPTAC_SUMMARY_DIR``: computed once per store
generation by all of them, computed again after a write."""

from __future__ import annotations

from hoptac.store import Store
from hoptac.store.summary import bump, cached


def _two_processes(db, tmp_path, monkeypatch, shared: bool) -> tuple[Store, Store]:
    """Two stores over one file, each with its own summaries, as two server processes have."""
    if shared:
        folder = tmp_path / "summaries"
        folder.mkdir()
        monkeypatch.setenv("HOPTAC_SUMMARY_DIR", str(folder))
    else:
        monkeypatch.delenv("HOPTAC_SUMMARY_DIR", raising=False)
    return Store.open(f"sqlite:///{db}"), Store.open(f"sqlite:///{db}")


def test_a_summary_one_process_computed_is_read_by_the_other(tmp_path, monkeypatch):
    calls = []

    def compute(conn):
        calls.append(1)
        return {"n": len(calls), "note": "Hà Nội"}

    one, two = _two_processes(tmp_path / "kb.db", tmp_path, monkeypatch, shared=True)
    with one.engine.connect() as c:
        first = cached(c, "listing", compute, copy=True)
    with two.engine.connect() as c:
        assert cached(c, "listing", compute, copy=True) == first == {"n": 1, "note": "Hà Nội"}
    assert len(calls) == 1
    with one.engine.begin() as c:  # a write: a new generation
        bump(c)
    with two.engine.connect() as c:
        assert cached(c, "listing", compute, copy=True)["n"] == 2
    with one.engine.connect() as c:
        assert cached(c, "listing", compute, copy=True)["n"] == 2  # the other's, of the new generation
    assert len(calls) == 2
    assert len(list((tmp_path / "summaries").iterdir())) == 1  # the older generation's file is gone
    one.close(), two.close()


def test_without_the_folder_each_process_computes_its_own(tmp_path, monkeypatch):
    calls = []
    one, two = _two_processes(tmp_path / "kb.db", tmp_path, monkeypatch, shared=False)
    for store in (one, two):
        with store.engine.connect() as c:
            cached(c, "listing", lambda _c: calls.append(1) or len(calls))
    assert len(calls) == 2
    one.close(), two.close()
