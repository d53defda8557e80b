"""Curation on SQLite and PostgreSQL: each kind of correction applies, survives ``--refresh`` and a
re-ingest, can be undone, round-trips through a JSON Lines file, and is reported when orphaned.

The articles (``fixtures_curation/``) are written for these tests: two reports of one reception
(one article names the ambassador David Brenner, another David Brenar), a province visit, and
a trade reception and an earlier meeting, all in Vietnamese and run through the whole pipeline.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import sqlalchemy as sa

from hoptac.model import Article
from hoptac.store import Store
from hoptac.store import schema as t
from hoptac.store.curation import CorrectionError

FIX = Path(__file__).resolve().parent / "fixtures_curation"


def observed(s: Store) -> dict:
    """What a reader sees of the record: people, organizations, events, statements, article dates."""
    with s.engine.connect() as c:
        st = sorted((r.article_id, r.evidence_start, r.actor, r.act, r.side, r.date_sort, r.date_provenance,
                     tuple(sorted(r.threads)), r.person_id is not None)
                    for r in c.execute(sa.select(t.statements)))
        entries = sorted(tuple(r) for r in c.execute(sa.select(t.statement_threads.c.statement_id,
                                                              t.statement_threads.c.thread)))
    return {
        "people": sorted((p["name"], p["articles"]) for p in s.people()["items"]),
        "orgs": sorted((o["name"], o["articles"]) for o in s.organizations()["items"]),
        "events": sorted((e["type"], e["date"] or "", len(e["sources"]), tuple(sorted(p["name"] for p in e["participants"])))
                         for e in s.events()["items"]),
        "statements": st, "entries": entries,
        "published": sorted((a["id"], a["published"]) for a in s.articles()["items"]),
    }


def ids(s: Store) -> dict:
    people = {p["name"]: p["id"] for p in s.people()["items"]}
    orgs = {o["name"]: o["id"] for o in s.organizations()["items"]}
    arts = {a["title"].split()[0] + a["title"].split()[1]: a["id"] for a in s.articles()["items"]}
    events = {(e["type"], e["date"]): e for e in s.events()["items"]}
    return {"people": people, "orgs": orgs, "arts": arts, "events": events}


def reception_article(s: Store) -> dict:
    return s.article(ids(s)["arts"]["Bộtrưởng"])


def make_all(s: Store) -> dict[str, dict]:
    """One correction of every kind, on records where they do not overlap."""
    i = ids(s)
    p, o, ev = i["people"], i["orgs"], i["events"]
    a1 = reception_article(s)
    st = [x["id"] for x in a1["statements"]]
    a2 = s.article(i["arts"]["Đạisứ"])
    reception = ev[("reception", "2019-03-12")]
    assert len(reception["sources"]) == 2
    out = {}
    w = {"why": "kiểm tra", "who": "biên tập viên"}
    out["merge_people"] = s.correct("merge_people", {"people": [p["David Brenner"], p["David Brenar"]]}, **w)
    # the embassy's spellings that organization linking leaves apart (a name overrun by the extractor)
    embassies = sorted((k for k in o if k.startswith("Đại sứ quán")), key=len)
    assert len(embassies) >= 2, embassies
    out["merge_orgs"] = s.correct("merge_orgs", {"orgs": [o[e] for e in embassies] + [o["Chính phủ Hoa Kỳ"]]}, **w)
    merged = ids(s)["orgs"]["Đại sứ quán Mỹ tại Hà Nội"]
    out["split_org"] = s.correct("split_org", {"org": merged, "names": ["Chính phủ Hoa Kỳ"]}, **w)
    out["split_event"] = s.correct("split_event", {"event": reception["id"], "articles": [i["arts"]["BộCông"]]}, **w)
    out["merge_events"] = s.correct("merge_events", {"events": [ev[("meeting", "2019-04-20")]["id"],
                                                                 ev[("visit", "2019-04")]["id"]]}, **w)
    out["reject_event"] = s.correct("reject_event", {"event": ev[("meeting", "2019-03-05")]["id"]}, **w)
    out["set_date_event"] = s.correct("set_date", {"event": reception["id"], "date": "2019-03-11"}, **w)
    out["set_date_article"] = s.correct("set_date", {"article": a2["id"], "date": "2019-04-20"}, **w)
    out["set_date_statement"] = s.correct("set_date", {"statement": st[1], "date": "2019-03-11"}, **w)
    out["correct_statement"] = s.correct("correct_statement", {"statement": st[0], "act": "propose"}, **w)
    out["reject_statement"] = s.correct("reject_statement", {"statement": st[2]}, **w)
    out["reject_thread"] = s.correct("reject_thread", {"statement": st[1], "thread": "dioxin_remediation"}, **w)
    out["add_thread"] = s.correct("add_thread", {"statement": st[0], "thread": "reciprocal_trade"}, **w)
    return out


def test_every_kind_applies_and_survives_refresh_and_reingest(cur):
    before = observed(cur)
    made = make_all(cur)
    assert all(c["status"] == "applied" for c in made.values())
    seen = observed(cur)
    assert seen != before
    names = [n for n, _ in seen["people"]]
    assert "David Brenar" not in names and names.count("David Brenner") == 1
    assert ("David Brenner", 3) in seen["people"]
    org_names = [n for n, _ in seen["orgs"]]
    assert ("Chính phủ Hoa Kỳ", 1) in seen["orgs"] and sum(n.startswith("Đại sứ quán") for n in org_names) == 1
    assert ("reception", "2019-03-11", 1, ("David Brenner", "Phạm Minh Hòa")) in seen["events"]
    assert not any(e[:2] == ("meeting", "2019-03-05") for e in seen["events"])
    assert sum(1 for e in seen["events"] if e[1].startswith("2019-04")) == 1  # the visit merged into the meeting
    a1 = reception_article(cur)
    acts = [(x["act"], bool(x.get("rejected"))) for x in a1["statements"]]
    assert acts == [("propose", False), ("commit", False), ("agree", True)]
    assert "reciprocal_trade" in a1["statements"][0]["threads"]
    assert "dioxin_remediation" not in a1["statements"][1]["threads"]
    assert a1["statements"][1]["date"] == "2019-03-11" and a1["statements"][1]["date_provenance"] == "corrected"
    a2 = cur.article(ids(cur)["arts"]["Đạisứ"])
    assert (a2["published"], a2["published_provenance"]) == ("2019-04-20", "corrected")
    assert a2["corrections"][0]["who"] == "biên tập viên"
    assert [e["id"] for e in cur.thread("reciprocal_trade")["entries"]] == [a1["statements"][0]["id"]]
    # --refresh rebuilds every derived row from a new extraction; the corrections hold
    rep = cur.ingest_sources([str(FIX)], refresh=True)
    assert rep.refreshed == 3
    assert observed(cur) == seen
    assert cur.corrections(status="orphaned")["total"] == 0
    # a re-ingest of the same sources changes nothing
    rep = cur.ingest_sources([str(FIX)])
    assert rep.unchanged == 3 and observed(cur) == seen


def test_split_person_and_it_survives_refresh(cur):
    p = ids(cur)["people"]
    cur.correct("merge_people", {"people": [p["David Brenner"], p["David Brenar"]]}, why="một người", who="a")
    c = cur.correct("split_person", {"person": p["David Brenner"], "names": ["David Brenar"]}, why="hai người", who="b")
    people = {x["name"]: x for x in cur.people()["items"]}
    assert people["David Brenar"]["id"] == c["after"]["id"] and people["David Brenar"]["articles"] == 1
    assert people["David Brenner"]["articles"] == 2
    seen = observed(cur)
    cur.ingest_sources([str(FIX)], refresh=True)
    assert observed(cur) == seen
    with pytest.raises(CorrectionError):
        cur.correct("split_person", {"person": p["David Brenner"], "names": ["Ai Đó"]}, why="x", who="b")


def test_undo_restores_the_record(cur):
    before = observed(cur)
    made = make_all(cur)
    for k in ("merge_people", "reject_statement", "set_date_article", "merge_events", "split_event"):
        u = cur.undo_correction(made[k]["id"], why="nhầm", who="biên tập viên")
        assert u["undoes"] == made[k]["id"] and u["kind"] == "undo"
        assert cur.correction(made[k]["id"])["status"] == "undone"
    seen = observed(cur)
    assert ("David Brenar", 1) in seen["people"]
    a1 = reception_article(cur)
    assert not any(x.get("rejected") for x in a1["statements"])
    assert [x["act"] for x in a1["statements"]] == ["propose", "commit", "agree"]  # the others still hold
    for k, c in made.items():
        if k not in ("merge_people", "reject_statement", "set_date_article",
                                                     "merge_events", "split_event"):
            cur.undo_correction(c["id"], why="nhầm", who="x")
    assert observed(cur) == before
    with pytest.raises(CorrectionError):
        cur.undo_correction(made["merge_people"]["id"], why="again", who="x")
    assert cur.corrections(status="undo")["total"] == 13


def test_export_import_round_trip(cur, tmp_path):
    made = make_all(cur)
    cur.undo_correction(made["reject_event"]["id"], why="nhầm", who="x")
    seen = observed(cur)
    lines = cur.export_corrections()
    assert len(lines) == 14
    with Store.open(f"sqlite:///{tmp_path / 'other.db'}") as other:
        rep = other.import_corrections(lines)  # an empty store: nothing to apply yet, nothing lost
        assert rep["added"] == 14 and rep["status"] == {"orphaned": 12}
        other.ingest_sources([str(FIX)])
        assert other.corrections(status="orphaned")["total"] == 0
        assert observed(other) == seen
        again = other.import_corrections(lines)
        assert (again["added"], again["skipped"]) == (0, 14)
        assert other.export_corrections() == lines
    assert cur.import_corrections(lines)["added"] == 0 and observed(cur) == seen


def test_orphaned_corrections_are_reported_not_lost(cur):
    a1 = reception_article(cur)
    sid = a1["statements"][2]["id"]
    c = cur.correct("reject_statement", {"statement": sid}, why="không phải phát biểu", who="x")
    d = cur.correct("correct_statement", {"statement": a1["statements"][0]["id"], "side": "US"}, why="y", who="x")
    newer = Article.from_dict(copy.deepcopy({k: v for k, v in a1.items() if k != "id"}))
    newer.statements = newer.statements[1:2]  # a new extraction no longer finds those statements
    cur.ingest([newer], refresh=True)
    orphans = cur.corrections(status="orphaned")["items"]
    assert {x["id"] for x in orphans} == {c["id"], d["id"]}
    assert all(x["note"] for x in orphans)
    assert cur.correction(c["id"])["why"] == "không phải phát biểu"
    assert len(cur.export_corrections()) == 2
    cur.ingest_sources([str(FIX)], refresh=True)  # the extraction finds them again: they apply again
    assert cur.corrections(status="orphaned")["total"] == 0
    assert reception_article(cur)["statements"][2]["rejected"]["id"] == c["id"]


def test_bad_corrections_change_nothing(cur):
    before = observed(cur)
    p = ids(cur)["people"]
    bad = [("merge_people", {"people": [p["David Brenner"]]}), ("merge_people", {"people": ["p_nope", "p_x"]}),
           ("set_date", {"event": "e_nope", "date": "2019-01-01"}),
           ("set_date", {"article": reception_article(cur)["id"], "date": "2019-13-01"}),
           ("correct_statement", {"statement": reception_article(cur)["statements"][0]["id"], "act": "shout"}),
           ("add_thread", {"statement": reception_article(cur)["statements"][0]["id"], "thread": "nope"}),
           ("nonsense", {})]
    for kind, params in bad:
        with pytest.raises(CorrectionError):
            cur.correct(kind, params, why="x", who="y")
    with pytest.raises(CorrectionError):
        cur.correct("reject_statement", {"statement": reception_article(cur)["statements"][0]["id"]}, why=" ", who="y")
    assert observed(cur) == before and cur.corrections()["total"] == 0


def test_a_far_date_on_a_shared_event_survives_refresh(cur):
    reception = ids(cur)["events"][("reception", "2019-03-12")]
    assert len(reception["sources"]) == 2
    cur.correct("set_date", {"event": reception["id"], "date": "2015-01-01"}, why="thử một ngày xa", who="x")
    rep = cur.ingest_sources([str(FIX)], refresh=True)  # its reports no longer link to it by date: rebuilt apart
    assert rep.refreshed == 3 and not rep.skipped, rep.skipped
    dated = [e for e in cur.events()["items"] if e["type"] == "reception"]
    assert [(e["date"], len(e["sources"])) for e in dated] == [("2015-01-01", 2)]
    assert cur.corrections(status="applied")["total"] == 1


def test_event_participants_show_the_person_they_are_linked_to(cur: Store) -> None:
    """An event lists each participant as the report wrote the name and as the entry it is linked to:
    after a merge that names the entry anew, the event shows the entry's name, not the report's."""
    i = ids(cur)
    cur.correct("merge_people", {"people": [i["people"]["David Brenner"], i["people"]["David Brenar"]],
                                 "name": "David M. Brenner"}, why="kiểm tra", who="biên tập viên")
    names = {p["id"]: p["name"] for p in cur.people()["items"]}
    reception = ids(cur)["events"][("reception", "2019-03-12")]
    linked = [p for p in reception["participants"] if p["person_id"]]
    assert linked and all(p["person"] == names[p["person_id"]] for p in linked)
    ambassador = [p for p in linked if names[p["person_id"]] == "David M. Brenner"]
    assert ambassador and all(p["name"] in ("David Brenner", "David Brenar") for p in ambassador)
