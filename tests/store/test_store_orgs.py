"""Organizations linked across spellings, on SQLite and PostgreSQL: merges that must happen,
and spellings that must stay apart; the organization's page data; the network of who meets whom."""

from __future__ import annotations

import sqlalchemy as sa
from conftest import make_article, sample_articles

from hoptac.store import Filters
from hoptac.store import schema as t


def _org_articles():
    s1 = ["Sáng 3/4, Đại sứ quán Hoa Kỳ tại Hà Nội tổ chức hội thảo về năng lượng tái tạo.",
          "Bộ Ngoại giao Việt Nam cử đại diện tham dự và Liên Hợp Quốc gửi thư chúc mừng.",
          "Đại sứ quán Mỹ tại Nhật Bản cũng theo dõi hội thảo qua mạng."]
    a1 = make_article("mem://o1", s1, published="2024-04-03",
                      people=[("Lê Minh Khoa", "Vụ trưởng Bộ Ngoại giao Việt Nam", "Bộ Ngoại giao Việt Nam", "VN")],
                      orgs=[("Đại sứ quán Hoa Kỳ tại Hà Nội", "embassy", "US"),
                            ("Bộ Ngoại giao Việt Nam", "government", "VN"), ("Liên Hợp Quốc", "other", "OTHER"),
                            ("Đại sứ quán Mỹ tại Nhật Bản", "embassy", "US")])
    s2 = ["Chiều 9/5, Đại sứ quán Mỹ trao học bổng cho sinh viên ngành kỹ thuật ở Đà Nẵng.",
          "Bộ Ngoại giao cho biết LHQ sẽ hỗ trợ chương trình.",
          "Bộ Ngoại giao Hoa Kỳ gửi lời cảm ơn, còn Bộ Chính trị và Bộ Công Thương chưa bình luận."]
    a2 = make_article("mem://o2", s2, published="2024-05-09",
                      people=[("Lê Minh Khoa", "Vụ trưởng", "Bộ Ngoại giao", "VN")],
                      orgs=[("Đại sứ quán Mỹ", "embassy", "US"), ("Bộ Ngoại giao", "government", "VN"),
                            ("LHQ", "other", "OTHER"), ("Bộ Ngoại giao Hoa Kỳ", "government", "US"),
                            ("Bộ Chính trị", "party", "VN"), ("Bộ Công Thương", "government", "VN")])
    return [a1, a2]


def _org_of(store, name):
    with store.engine.connect() as c:
        return c.execute(sa.select(t.org_mentions.c.org_id).where(t.org_mentions.c.name == name)).scalar()


def test_spellings_of_one_organization_merge(store):
    rep = store.ingest(_org_articles())
    assert rep.stored == 2
    assert _org_of(store, "Đại sứ quán Hoa Kỳ tại Hà Nội") == _org_of(store, "Đại sứ quán Mỹ")
    assert _org_of(store, "Bộ Ngoại giao Việt Nam") == _org_of(store, "Bộ Ngoại giao")
    assert _org_of(store, "Liên Hợp Quốc") == _org_of(store, "LHQ")
    o = store.organization("Dai su quan My tai Viet Nam")  # tone marks optional, another spelling
    assert o is not None and o["id"] == _org_of(store, "Đại sứ quán Mỹ")
    assert {"Đại sứ quán Mỹ", "Đại sứ quán Hoa Kỳ tại Hà Nội"} <= {o["name"], *o["aliases"]}
    assert o["articles"] == 2 and o["kind"] == "embassy" and o["side"] == "US"


def test_different_organizations_stay_apart(store):
    store.ingest(_org_articles())
    embassy = _org_of(store, "Đại sứ quán Mỹ")
    assert _org_of(store, "Đại sứ quán Mỹ tại Nhật Bản") != embassy  # an embassy elsewhere
    assert _org_of(store, "Bộ Ngoại giao Hoa Kỳ") != _org_of(store, "Bộ Ngoại giao")  # the other side's ministry
    assert _org_of(store, "Bộ Chính trị") != _org_of(store, "Bộ Công Thương")  # same initials, two bodies
    with store.engine.connect() as c:
        assert c.execute(sa.select(sa.func.count()).select_from(t.organizations)).scalar() == 7


def test_organization_people_with_titles_and_refresh(store):
    arts = _org_articles()
    store.ingest(arts)
    o = store.organization("Bộ Ngoại giao Việt Nam")
    assert [p["name"] for p in o["people"]] == ["Lê Minh Khoa"]
    assert "Vụ trưởng Bộ Ngoại giao Việt Nam" in o["people"][0]["titles"]
    assert o["people"][0]["articles"] == 2
    store.ingest(arts, refresh=True)  # rebuilt: still one ministry, its aliases kept consistent
    assert _org_of(store, "Bộ Ngoại giao Việt Nam") == _org_of(store, "Bộ Ngoại giao")
    with store.engine.connect() as c:
        orphans = c.execute(sa.select(sa.func.count()).select_from(t.org_aliases).where(
            t.org_aliases.c.org_id.not_in(sa.select(t.organizations.c.id)))).scalar()
    assert orphans == 0


def test_network_counts_occasions_not_reports(store):
    store.ingest(sample_articles())
    net = store.network(Filters())
    edge = next(e for e in net["edges"])
    names = {n["id"]: n["name"] for n in net["nodes"]}
    assert {names[edge["source"]], names[edge["target"]]} == {"Nguyễn Hồng Diên", "Jose Fernandez"}
    # two outlets report the meeting of 14/11 (one occasion); another meeting in 2026
    assert edge["occasions"] == 2 and edge["first"] == "2024-11-14" and edge["last"] == "2026-03-09"
    assert store.network(Filters(since="2025"))["edges"][0]["occasions"] == 1
    assert store.network(Filters(topic="semiconductors"))["edges"][0]["occasions"] == 1
    assert store.network(Filters(), "organization")["edges"] == []  # Fernandez's ministry is not stored yet
    store.ingest([make_article("mem://o3", ["Bộ Ngoại giao Hoa Kỳ ra thông cáo về hợp tác thương mại song phương."],
                               orgs=[("Bộ Ngoại giao Hoa Kỳ", "government", "US")])])
    by_org = store.network(Filters(), "organization")
    onames = {n["id"]: n["name"] for n in by_org["nodes"]}
    [e] = by_org["edges"]
    assert {onames[e["source"]], onames[e["target"]]} == {"Bộ Công Thương", "Bộ Ngoại giao Hoa Kỳ"}
    assert e["occasions"] == 2
