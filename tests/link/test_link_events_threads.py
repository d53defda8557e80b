"""Event identity (dates, families, participants) and the thread status lifecycle."""

from __future__ import annotations

import unicodedata

from hoptac.link.events import (
    dates_compatible,
    family,
    forum_kinds,
    participants_overlap,
    port_call_ships,
    same_forum,
    sort_key,
)
from hoptac.link.threads import STALL_DAYS, lifecycle, money_kind, signal


def test_families():
    assert family("meeting") == family("reception") == family("dialogue") == family("call") == "meeting"
    assert family("signing") == "signing" and family("visit") == "visit"  # a visit holds meetings


def test_port_call_ships_are_the_ships_a_visit_report_names_as_its_visitor():
    fleet = ("Đoàn tàu hải quân gồm tàu sân bay USS Harbor Light, tàu khu trục USS Mary K. Dunn "
             "và tàu tuần dương USS Orchard sẽ thăm thành phố Đà Nẵng từ ngày 5 đến 9/4.")
    assert port_call_ships(fleet) == {"ship:harborlight": "USS Harbor Light", "ship:marykdunn": "USS Mary K. Dunn",
                                      "ship:orchard": "USS Orchard"}
    nfd = unicodedata.normalize("NFD", "Lễ đón tàu sân bay USS Harbor Light tại cảng Tiên Sa.")
    assert port_call_ships(nfd) == {"ship:harborlight": "USS Harbor Light"}  # both Unicode forms
    # the ship boarded is the place visited, not the visitor; a ship with no prefix is not read as one
    assert port_call_ships("Bộ trưởng Lê Văn Hòa đã lên thăm tàu sân bay USS Harbor Light.") == {}
    assert port_call_ships("Tàu sân bay Mỹ cập cảng Đà Nẵng.") == {}


def test_dates_compatible():
    assert dates_compatible("2024-11-14", "2024-11-15")
    assert not dates_compatible("2024-11-14", "2024-11-17")
    assert dates_compatible("--11-14", "2024-11-14")
    assert dates_compatible("2024-11", "2024-11-14")
    assert not dates_compatible("2024-10", "2024-11-14")
    assert not dates_compatible(None, "2024-11-14")
    assert not dates_compatible("--11-14", "--11-15")
    # a day without its year is as near a dated day as two dated days may be (the row's date may be either)
    assert dates_compatible("--11-15", "2024-11-14") and not dates_compatible("--11-16", "2024-11-14")
    assert dates_compatible("--11-17", "2024-11-14", span=4) and not dates_compatible("--11-19", "2024-11-14", span=4)


def test_forum_kinds_in_both_unicode_forms():
    text = "Tại cuộc HỌP BÁO chiều 23/5, sau phiên họp báo Chính phủ và Hội nghị Bộ trưởng"
    for form in ("NFC", "NFD"):
        assert forum_kinds(unicodedata.normalize(form, text)) == {"press", "conference"}
    assert forum_kinds("sau cuộc họp tại Hà Nội") == {"meeting"}  # a meeting, not a press briefing
    assert forum_kinds("Thủ tướng tọa đàm với các nhà đầu tư") == {"seminar"}


def test_same_forum_same_day_kind_and_nested_people():
    joint = ("dialogue", "2031-03-12", {"hanley", "khai"})
    press = ({"press"}, {"press"})
    assert same_forum("meeting", joint, ("dialogue", "2031-03-12", {"hanley"}), press)
    assert same_forum("meeting", joint, ("dialogue", "--03-12", {"hanley"}), press)
    assert not same_forum("meeting", joint, ("dialogue", "2031-03-12", {"hanley"}), ({"press"}, {"forum"}))
    assert not same_forum("meeting", joint, ("dialogue", "2031-03-13", {"hanley"}), press)  # another day
    assert not same_forum("meeting", joint, ("dialogue", "2031-03", {"hanley"}), press)  # a month only
    assert not same_forum("meeting", joint, ("dialogue", None, {"hanley"}), press)  # undated
    assert not same_forum("meeting", joint, ("dialogue", "2031-03-12", {"hanley", "ly"}), press)  # other people
    assert not same_forum("meeting", joint, ("meeting", "2031-03-12", {"hanley"}), press)  # a meeting is no forum
    assert not same_forum("meeting", joint, ("dialogue", "2031-03-12", {"ly"}), press)  # no one in common


def test_participants_overlap_needs_two_shared_when_both_name_two():
    assert participants_overlap({"a", "b"}, {"a", "b", "c"})
    assert not participants_overlap({"a", "b"}, {"a", "c"})  # Trump–Trọng is not Trump–Kim
    assert not participants_overlap({"a", "b", "c"}, {"a", "d", "e"})
    assert participants_overlap({"a"}, {"a", "b"})
    assert not participants_overlap(set(), {"a"})


def test_sort_key():
    assert sort_key("2025-11-15") == "2025-11-15"
    assert sort_key("2025-11-15T10:00:00") == "2025-11-15"
    assert sort_key("--11-15") is None
    assert sort_key(None) is None


def _e(i, date, act, quote, amounts=(), side=None):
    return {"id": f"s{i}", "date": date, "act": act, "quote": quote, "amounts": [dict(a) for a in amounts],
            "side": side}


def test_signals():
    assert signal("request", "Việt Nam đề nghị Hoa Kỳ sớm chính thức công nhận quy chế") == "raised"
    assert signal("commit", "Phía Mỹ sẽ xem xét đề nghị này") == "pledged"
    assert signal("inform", "Hai bên đang đàm phán vòng thứ ba") == "in_progress"
    assert signal("inform", "Mỹ đã hoàn thành xử lý dioxin tại sân bay") == "fulfilled"
    assert signal("inform", "Mỹ tuyên bố rút khỏi hiệp định") == "dropped"
    assert signal("welcome", "Việt Nam hoan nghênh") == "noted"


def test_lifecycle_names_the_entry_of_each_change():
    entries = [
        _e(3, "2019-05-01", "request", "Việt Nam tiếp tục đề nghị Mỹ công nhận"),
        _e(1, "2017-05-01", "request", "Việt Nam đề nghị Mỹ công nhận"),
        _e(2, "2017-06-01", "commit", "Mỹ sẽ xem xét"),
        _e(4, None, "inform", "Hai bên đang triển khai dự án"),
        _e(5, "2020-01-01", "inform", "Mỹ đã hoàn thành dự án"),
    ]
    life = lifecycle(entries)
    assert [e["id"] for e in life["entries"]] == ["s1", "s2", "s3", "s5", "s4"]
    assert [(h["status"], h["entry"]) for h in life["status_history"]] == [
        ("raised", "s1"), ("pledged", "s2"), ("stalled", "s3"), ("fulfilled", "s5")]
    assert life["status"] == "fulfilled"


def test_no_stall_within_a_year_and_reopen_after_drop():
    life = lifecycle([_e(1, "2020-01-01", "request", "đề nghị"), _e(2, "2020-06-01", "request", "đề nghị lại")])
    assert life["status"] == "raised" and len(life["status_history"]) == 1
    assert STALL_DAYS == 365
    life = lifecycle([_e(1, "2016-01-01", "commit", "Mỹ cam kết tham gia"),
                      _e(2, "2017-01-23", "inform", "Mỹ rút khỏi hiệp định"),
                      _e(3, "2018-01-01", "request", "đề nghị Mỹ quay lại")])
    assert [h["status"] for h in life["status_history"]] == ["pledged", "dropped", "raised"]


def test_money_pledged_is_never_summed_as_delivered():
    usd = {"kind": "money", "value": 1_000_000, "unit": "USD", "text": "1 triệu USD"}
    big = {"kind": "money", "value": 5_000_000, "unit": "USD", "text": "5 triệu USD"}
    life = lifecycle([
        _e(1, "2020-01-01", "commit", "Mỹ cam kết tài trợ 1 triệu USD", [usd], side="US"),
        _e(2, "2020-02-01", "commit", "Mỹ sẽ tài trợ 1 triệu USD", [usd], side="US"),  # the same pledge again
        _e(3, "2021-01-01", "inform", "Mỹ đã giải ngân 1 triệu USD", [usd], side="US"),
        _e(4, "2021-02-01", "request", "Việt Nam đề nghị Mỹ hỗ trợ thêm 5 triệu USD", [big], side="VN"),
    ])
    assert life["money"] == {"US": {"pledged": {"USD": 1_000_000}, "delivered": {"USD": 1_000_000}},
                             "VN": {"asked": {"USD": 5_000_000}}}
    assert [a["money"] for e in life["entries"] for a in e["amounts"]] == ["pledged", "pledged", "delivered",
                                                                           "asked"]
    asked = life["entries"][-1]["amounts"][0]
    assert (asked["side"], asked["payer"]) == ("VN", "US")  # asked by Vietnam, of the United States
    assert money_kind("inform", "Dự án trị giá 3 triệu USD") == "mentioned"


def test_money_is_credited_to_the_payer_the_sentence_names():
    from hoptac.link.threads import annotate_money, payer

    text = "Bộ Quốc phòng Việt Nam sẽ hoàn tất dự án trị giá 40 triệu USD do Cơ quan Phát triển Quốc tế Mỹ tài trợ"
    e = {"act": "commit", "side": "VN", "quote": text,
         "amounts": [{"kind": "money", "value": 4e7, "unit": "USD", "text": "40 triệu USD"}]}
    annotate_money(e)
    assert (e["amounts"][0]["side"], e["amounts"][0]["payer"]) == ("US", "US")
    e["quote"] = "Bộ Quốc phòng Việt Nam sẽ hoàn tất dự án trị giá 40 triệu USD"
    annotate_money(e)
    assert e["amounts"][0]["side"] == "VN" and e["amounts"][0]["payer"] is None  # nobody else named
    said = "Chính phủ Việt Nam sẽ dành 2 tỷ đồng, còn USAID cùng đối tác góp phần còn lại"
    assert payer(said, said.index("2 tỷ"), said.index("2 tỷ") + 9) == "VN"  # the nearest funder before it


def test_a_month_or_a_year_beside_a_day_needs_the_same_people():
    from hoptac.link.events import same_occasion

    pair, trio = {"obama", "quang"}, {"obama", "quang", "kerry"}
    assert same_occasion("meeting", ("meeting", "2016-05-23", pair), ("reception", "2016-05-23", trio))
    assert not same_occasion("meeting", ("meeting", "2016", pair), ("meeting", "2016-05-23", trio))
    assert same_occasion("meeting", ("meeting", "2016-05", pair), ("meeting", "2016-05-23", set(pair)))
    assert not same_occasion("meeting", ("meeting", None, pair), ("meeting", "2016-05-23", pair))
    assert not same_occasion("meeting", ("meeting", "2016-05-23", pair), ("meeting", "2016-05-26", pair))


def test_one_named_participant_matches_only_that_one_alone_the_same_day():
    from hoptac.link.events import same_occasion

    assert same_occasion("meeting", ("reception", "2017-05-30", {"phuc"}), ("reception", "2017-05-30", {"phuc"}))
    assert not same_occasion("meeting", ("reception", "2017-05-30", {"phuc"}),
                             ("meeting", "2017-05-30", {"phuc", "trump"}))
    assert same_occasion("visit", ("visit", "2017-05-29", {"phuc"}), ("visit", "2017-05-31", {"phuc", "trump"}))


def test_a_visit_holds_the_days_after_its_date():
    from hoptac.link.events import within_visit

    assert within_visit("2017-05-29", "2017-05-31") and within_visit("2017-05-29", "2017-05-28")
    assert not within_visit("2017-05-29", "2017-06-10") and not within_visit("2017-05-29", "2017-05")
