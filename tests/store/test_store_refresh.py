"""``refresh``: a known article's records are rebuilt from a new extraction, leaving no orphans."""

from __future__ import annotations

import copy

from conftest import check_consistent, sample_articles

from hoptac.model import Person


def test_refresh_rebuilds_records_and_drops_orphans(store):
    arts = sample_articles()
    store.ingest(arts)
    before = store.stats()["counts"]
    a2 = copy.deepcopy(arts[1])
    a2.statements = []  # the new extraction finds no statement in article 2 ...
    a2.people = [Person("Marc Knapper", "Đại sứ Hoa Kỳ", "Đại sứ quán Hoa Kỳ", "US")]  # ... and another person
    a2.events = []
    rep = store.ingest([a2], refresh=True)
    assert (rep.stored, rep.unchanged, rep.refreshed) == (0, 0, 1)
    after = store.stats()["counts"]
    assert after["articles"] == before["articles"]
    assert after["statements"] == before["statements"] - 1
    assert after["people"] == before["people"] + 1
    assert store.person("Marc Knapper")["articles"][0]["id"] == rep.ids[0]
    jf = store.person("Jose Fernandez")
    assert rep.ids[0] not in {a["id"] for a in jf["articles"]}
    nov = next(e for e in store.events()["items"] if e["date"] == "2024-11-14")
    assert len(nov["sources"]) == 1
    th = store.thread("market_economy_status")
    assert [e["act"] for e in th["entries"]] == ["request", "propose"]
    assert store.article(rep.ids[0])["people"][0]["name"] == "Marc Knapper"
    assert check_consistent(store) == 3
    hits = {(h["kind"], h["id"]) for h in store.search("xem xet")["items"]}
    assert hits == {("article", rep.ids[0])}  # its old statement left the index, the article stays


def test_refresh_of_a_lone_person_removes_them(store):
    a1 = sample_articles()[0]
    store.ingest([a1])
    b = copy.deepcopy(a1)
    b.people = [p for p in b.people if p.name != "Jose Fernandez"]
    b.events = []
    store.ingest([b], refresh=True)
    assert store.person("Jose Fernandez") is None
    assert store.events()["total"] == 0
    assert check_consistent(store) == 1
