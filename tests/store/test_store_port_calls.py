"""A naval ship's port call is one occasion whichever of its people each report names, and other
visits of the same days stay apart: on SQLite and PostgreSQL, on self-written articles."""

from __future__ import annotations

from conftest import make_article
from conftest import occasion_sources as _grouping

LANG = ("Peter Lang", "Chuẩn đô đốc", "Hải quân Mỹ", "US")
HOA = ("Lê Văn Hòa", "Bộ trưởng Bộ Quốc phòng", None, "VN")
ROSS = ("Alan Ross", "Chuẩn đô đốc", "Hải quân Mỹ", "US")

FLEET = make_article(
    "mem://fleet", ["Theo kế hoạch, đoàn tàu hải quân Mỹ gồm tàu sân bay USS Harbor Light và tàu khu trục USS Orchard "
                    "sẽ thăm thành phố Đà Nẵng từ ngày 5 đến 9/4."],
    orgs=[("hải quân Mỹ", "government", "US")], events=[("visit", "2031-04-05", ["hải quân Mỹ"])])
ADMIRAL = make_article(
    "mem://admiral", ["Chuẩn đô đốc Peter Lang, chỉ huy nhóm tác chiến tàu sân bay USS Harbor Light, phát biểu "
                      "trong buổi tiếp đón đoàn tại cảng Tiên Sa chiều 5/4."],
    people=[LANG], events=[("visit", "2031-04-05", ["Peter Lang"])])


def test_two_reports_of_one_port_call_naming_different_people_are_one_row(store):
    store.ingest([FLEET, ADMIRAL])
    assert _grouping(store) == {frozenset({"mem://fleet", "mem://admiral"})}
    names = {p["name"] for p in store.events()["items"][0]["participants"]}
    assert {"USS Harbor Light", "Peter Lang", "hải quân Mỹ"} <= names


def test_a_visit_aboard_another_ship_or_another_port_call_stays_apart(store):
    aboard = make_article(
        "mem://aboard", ["Chiều 5/4, Bộ trưởng Lê Văn Hòa đã lên thăm tàu sân bay USS Harbor Light tại Đà Nẵng."],
        people=[HOA], events=[("visit", "2031-04-05", ["Lê Văn Hòa"])])
    other_ship = make_article(
        "mem://other-ship", ["Chuẩn đô đốc Alan Ross, chỉ huy tàu tuần dương USS Maple Bay, phát biểu trong buổi "
                             "tiếp đón đoàn tại cảng Cam Ranh chiều 5/4."],
        people=[ROSS], events=[("visit", "2031-04-05", ["Alan Ross"])])
    weeks_later = make_article(
        "mem://later", ["Chuẩn đô đốc Peter Lang, chỉ huy tàu sân bay USS Harbor Light, phát biểu trong buổi "
                        "tiếp đón đoàn tại cảng Manila ngày 20/4."],
        people=[LANG], events=[("visit", "2031-04-20", ["Peter Lang"])])
    store.ingest([ADMIRAL, aboard, other_ship, weeks_later])
    assert _grouping(store) == {frozenset({"mem://admiral"}), frozenset({"mem://aboard"}),
                                frozenset({"mem://other-ship"}), frozenset({"mem://later"})}
