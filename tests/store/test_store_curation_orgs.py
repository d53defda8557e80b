"""Curation of organizations and the stability of what it names, on SQLite and PostgreSQL: an
organization split within one article (one spelling off it) survives ``--refresh`` and is undone;
organizations that differ only in tone marks stay apart; an event keeps its id (its permalink)
through ``--refresh``; undoing a merge of people holds when an event of a duplicate article
(which has no mentions of its own) lists the person."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import make_article

from hoptac.store import Store
from hoptac.store import schema as t
from hoptac.store.curation import CorrectionError

FIX = Path(__file__).resolve().parent / "fixtures_curation"
W = {"why": "kiểm tra", "who": "biên tập viên"}


def _orgs_articles():
    s1 = ["Sáng 3/4, Đại sứ quán Hoa Kỳ tại Hà Nội tổ chức hội thảo về năng lượng tái tạo.",
          "Đại sứ quán Mỹ cho biết Cơ quan Phát triển Quốc tế Hoa Kỳ sẽ tài trợ chương trình."]
    a1 = make_article("mem://g1", s1, published="2024-04-03",
                      orgs=[("Đại sứ quán Hoa Kỳ tại Hà Nội", "embassy", "US"), ("Đại sứ quán Mỹ", "embassy", "US")])
    s2 = ["Chiều 9/5, Đại sứ quán Mỹ trao học bổng cho sinh viên ngành kỹ thuật ở Đà Nẵng.",
          "Học bổng dành cho 20 sinh viên năm cuối."]
    a2 = make_article("mem://g2", s2, published="2024-05-09", orgs=[("Đại sứ quán Mỹ", "embassy", "US")])
    return [a1, a2]


def _mentions(s: Store) -> list[tuple[str, str, int, dict]]:
    with s.engine.connect() as c:
        m, o = t.org_mentions.c, t.organizations.c
        rows = c.execute(sa.select(o.name, m.article_id, m.n_mentions, m.names)
                         .join(t.organizations, o.id == m.org_id)).all()
    return sorted((r.name, r.article_id, r.n_mentions, r.names or {}) for r in rows)


def test_an_organization_split_within_one_article(store):
    arts = _orgs_articles()
    store.ingest(arts)
    orgs = store.organizations()["items"]
    assert len(orgs) == 1 and orgs[0]["articles"] == 2  # one embassy under both spellings
    embassy = orgs[0]["id"]
    before = _mentions(store)
    a1 = next(r[1] for r in before if len(r[3]) == 2)  # the article naming it both ways: one row, two spellings
    with pytest.raises(CorrectionError):  # every spelling, everywhere: that is not a split
        store.correct("split_org", {"org": embassy, "names": ["Đại sứ quán Hoa Kỳ tại Hà Nội", "Đại sứ quán Mỹ"]}, **W)
    with pytest.raises(CorrectionError):  # not one of its spellings
        store.correct("split_org", {"org": embassy, "names": ["Bộ Ngoại giao"], "articles": [a1]}, **W)
    c = store.correct("split_org", {"org": embassy, "names": ["Đại sứ quán Mỹ"], "articles": [a1],
                                    "name": "Cơ quan đại diện Mỹ"}, **W)
    split = _mentions(store)
    new = {r[0]: r for r in split}
    assert new["Cơ quan đại diện Mỹ"][1:] == (a1, 1, {"Đại sứ quán Mỹ": 1})
    kept = [r for r in split if r[0] != "Cơ quan đại diện Mỹ"]
    assert {(r[1], tuple(r[3])) for r in kept if r[1] == a1} == {(a1, ("Đại sứ quán Hoa Kỳ tại Hà Nội",))}
    assert len(kept) == 2  # the other article keeps its "Đại sứ quán Mỹ" on the embassy
    assert store.organization(embassy)["corrections"][0]["id"] == c["id"]
    store.ingest(arts, refresh=True)  # rebuilt from the extraction: the split is made again
    assert _mentions(store) == split
    store.undo_correction(c["id"], why="nhầm", who="x")
    assert _mentions(store) == before


def test_names_that_differ_only_in_tone_marks(store):
    s = ["Ngày 2/6, Nhà Trắng thông báo chuyến thăm.", "Lễ hội biển Nha Trang khai mạc tối 2/6.",
         "Bo Ngoai giao va Bộ Ngoại giao cùng tham dự.", "Bộ Công Thường (viết sai) và Bộ Công Thương là hai tên.",
         "AmCham, Phòng Thương mại Hoa Kỳ tại Việt Nam, Phòng Thương mại Hoa Kỳ và Phòng Thương mại Mỹ."]
    a = make_article("mem://tones", s, published="2024-06-02",
                     orgs=[("Nhà Trắng", "government", "US"), ("Nha Trang", "other", None),
                           ("Bộ Ngoại giao", "government", "VN"), ("Bo Ngoai giao", "government", "VN"),
                           ("Bộ Công Thương", "government", "VN"), ("Bộ Công Thường", "government", "VN"),
                           ("AmCham", "association", "US"), ("Phòng Thương mại Hoa Kỳ tại Việt Nam", "association", "US"),
                           ("Phòng Thương mại Hoa Kỳ", "association", "US"), ("Phòng Thương mại Mỹ", "association", "US")])
    store.ingest([a])
    with store.engine.connect() as c:
        m = t.org_mentions.c
        by = {n: oid for oid, names in c.execute(sa.select(m.org_id, m.names)) for n in names}
    assert by["Nhà Trắng"] != by["Nha Trang"]  # the gazetteer knows both: the city is not the White House
    assert by["Bo Ngoai giao"] == by["Bộ Ngoại giao"]  # written without marks: the one toned name it can be
    assert by["Bộ Công Thường"] != by["Bộ Công Thương"]  # two toned names that differ are two names
    assert by["AmCham"] == by["Phòng Thương mại Hoa Kỳ tại Việt Nam"]  # AmCham, the chamber in Vietnam
    assert by["Phòng Thương mại Hoa Kỳ"] == by["Phòng Thương mại Mỹ"] != by["AmCham"]  # the US Chamber
    assert store.organization("Nha Trang")["id"] == by["Nha Trang"]
    assert store.organization("Nhà Trắng")["id"] == by["Nhà Trắng"]


def _event_ids(s: Store) -> dict[tuple, str]:
    """Each report (article, evidence) -> the id of the event holding it."""
    return {(x["article_id"], *x["evidence"]): e["id"] for e in s.events()["items"] for x in e["sources"]}


def _copied_meeting():
    """An article and its near-duplicate (a copy with one more line) reporting one undated meeting:
    rebuilt one after the other, the original's report starts the meeting again while the copy's
    still holds the old one."""
    sents = ["Thứ trưởng Lê Minh Khoa đã tiếp Phó Trợ lý Ngoại trưởng John Carter tại trụ sở Bộ Ngoại giao.",
             "Hai bên trao đổi về hợp tác khắc phục hậu quả chiến tranh và tìm kiếm người mất tích.",
             "Thứ trưởng đề nghị phía Hoa Kỳ tiếp tục hỗ trợ tẩy độc dioxin tại sân bay Biên Hòa.",
             "Ông John Carter cho biết Hoa Kỳ sẽ dành thêm kinh phí cho các dự án rà phá bom mìn.",
             "Hai bên nhất trí sẽ tổ chức đối thoại thường niên về các vấn đề nhân đạo."]
    people = [("Lê Minh Khoa", "Thứ trưởng", None, "VN"), ("John Carter", "Phó Trợ lý Ngoại trưởng", None, "US")]
    meeting = [("meeting", None, ["Lê Minh Khoa", "John Carter"])]
    a = make_article("mem://goc", sents, published="2024-03-01", people=people, events=meeting)
    b = make_article("mem://ban-sao", [*sents, "Bài viết được đăng lại từ báo trung ương."], published="2024-03-01",
                     people=people, events=meeting)
    return [a, b]


def test_event_ids_survive_refresh(store):
    arts = _copied_meeting()
    rep = store.ingest(arts)
    assert (rep.stored, rep.duplicates) == (1, 1)
    first = _event_ids(store)
    assert len(set(first.values())) == 1  # one meeting, reported twice
    for _ in range(2):
        assert store.ingest(arts, refresh=True).refreshed == 2
        assert _event_ids(store) == first


def test_an_event_id_that_went_still_finds_its_event(cur_fixture):
    s = cur_fixture
    events = {(e["type"], e["date"]): e["id"] for e in s.events()["items"]}
    kept, gone = events[("meeting", "2019-04-20")], events[("visit", "2019-04")]
    s.correct("merge_events", {"events": [kept, gone]}, **W)
    assert gone not in {e["id"] for e in s.events()["items"]}
    assert s.event(gone)["id"] == kept  # the merged-away permalink leads to the event kept
    s.ingest_sources([str(FIX)], refresh=True)
    assert s.event(gone)["id"] == kept and s.event(kept)["id"] == kept
    assert s.event("e_000000000000") is None


@pytest.fixture
def cur_fixture(db_url):
    with Store.open(db_url) as s:
        assert s.ingest_sources([str(FIX)]).stored == 3
        yield s


def test_undo_a_merge_listed_by_a_duplicates_event(db_url, tmp_path):
    src = tmp_path / "articles"
    shutil.copytree(FIX, src)
    brenar = (src / "02_quang_tri.txt").read_text("utf-8")
    (src / "04_ban_sao.txt").write_text(brenar.rstrip("\n") + "\n\nBài viết được đăng lại từ báo địa phương.\n", "utf-8")
    with Store.open(db_url) as s:
        rep = s.ingest_sources([str(src)])
        assert (rep.stored, rep.duplicates) == (3, 1)
        with s.engine.connect() as conn:  # the copy's report names the ambassador with no mention of its own
            dup = conn.execute(sa.select(t.articles.c.id).where(t.articles.c.duplicate_of.is_not(None))).scalar()
            assert conn.execute(sa.select(sa.func.count()).select_from(t.person_mentions)
                                .where(t.person_mentions.c.article_id == dup)).scalar() == 0
            assert conn.execute(sa.select(sa.func.count()).select_from(t.event_sources)
                                .where(t.event_sources.c.article_id == dup)).scalar() >= 1
        people = {p["name"]: p for p in s.people()["items"]}
        before = sorted((p["name"], p["articles"]) for p in people.values())
        c = s.correct("merge_people", {"people": [people["David Brenner"]["id"], people["David Brenar"]["id"]]}, **W)
        assert "David Brenar" not in {p["name"] for p in s.people()["items"]}
        s.undo_correction(c["id"], why="hai người khác nhau", who="x")
        assert sorted((p["name"], p["articles"]) for p in s.people()["items"]) == before
        assert s.corrections(status="undone")["total"] == 1
