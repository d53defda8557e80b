"""One forum, conference or press briefing is one row however many of its people a report names,
and two forums stay two: on SQLite and PostgreSQL, on self-written articles."""

from __future__ import annotations

import pytest
from conftest import make_article
from conftest import occasion_sources as _grouping

from hoptac.store import Filters

HANLEY = ("Robert Hanley", "Tổng thống Mỹ", None, "US")
KHAI = ("Nguyễn Văn Khải", "Chủ tịch nước", None, "VN")
OKAFOR = ("Daniel Okafor", "Bộ trưởng Thương mại Mỹ", None, "US")
LY = ("Trần Thị Lý", "Bộ trưởng Bộ Công Thương", None, "VN")


def _forum(src: str, sentence: str, date: str | None, who: list[str], people=(KHAI, HANLEY), etype="dialogue"):
    return make_article(src, [sentence], people=list(people), events=[(etype, date, who)])


JOINT = _forum("mem://joint", "Trưa 12/3, Chủ tịch nước Nguyễn Văn Khải và Tổng thống Robert Hanley chủ trì họp báo chung.",
               "2031-03-12", ["Nguyễn Văn Khải", "Robert Hanley"])
ALONE = _forum("mem://alone", "Tại cuộc họp báo ngày 12/3 ở Hà Nội, Tổng thống Robert Hanley tuyên bố dỡ bỏ lệnh hạn chế.",
               "2031-03-12", ["Robert Hanley"], people=(HANLEY,))


def test_a_report_naming_one_speaker_of_a_press_conference_joins_it(store):
    store.ingest([JOINT, ALONE])
    assert _grouping(store) == {frozenset({"mem://joint", "mem://alone"})}
    ev = store.events()["items"][0]
    assert {p["name"] for p in ev["participants"]} == {"Nguyễn Văn Khải", "Robert Hanley"}
    assert store.meetings(Filters(person="Robert Hanley"))["items"][0]["occasions"] == 1


def test_the_speaker_on_another_day_or_at_a_meeting_stays_apart(store):
    store.ingest([
        JOINT,
        _forum("mem://next-day", "Ngày 13/3, tại cuộc họp báo ở Đà Nẵng, Tổng thống Robert Hanley trả lời phóng viên.",
               "2031-03-13", ["Robert Hanley"], people=(HANLEY,)),
        _forum("mem://meeting", "Chiều 12/3, Tổng thống Robert Hanley gặp Bộ trưởng Daniel Okafor.", "2031-03-12",
               ["Robert Hanley"], people=(HANLEY,), etype="meeting"),
    ])
    assert _grouping(store) == {frozenset({"mem://joint"}), frozenset({"mem://next-day"}), frozenset({"mem://meeting"})}


TRADE = _forum("mem://trade", "Chiều 12/3, Tổng thống Robert Hanley và Bộ trưởng Trần Thị Lý họp báo tại Đà Nẵng.",
               "2031-03-12", ["Robert Hanley", "Trần Thị Lý"], people=(HANLEY, LY))


def test_a_press_conference_and_a_forum_of_one_speaker_that_day_are_told_apart(store):
    store.ingest([
        JOINT,
        _forum("mem://forum", "Chiều 12/3, Tổng thống Robert Hanley dự diễn đàn doanh nghiệp cùng Bộ trưởng Trần Thị Lý.",
               "2031-03-12", ["Robert Hanley", "Trần Thị Lý"], people=(HANLEY, LY)),
        _forum("mem://at-forum", "Tại diễn đàn doanh nghiệp chiều 12/3, Tổng thống Robert Hanley kêu gọi đầu tư.",
               "2031-03-12", ["Robert Hanley"], people=(HANLEY,)),
        ALONE,
    ])
    assert _grouping(store) == {frozenset({"mem://joint", "mem://alone"}), frozenset({"mem://forum", "mem://at-forum"})}


def test_two_forums_of_one_speaker_that_day_stay_two(store):
    store.ingest([JOINT, TRADE])
    assert len(store.events()["items"]) == 2  # Hanley with Khải, Hanley with Lý: two press conferences
    store.ingest([ALONE])  # the speaker alone that day: at most one of them holds him, never both joined
    groups = _grouping(store)
    assert len(groups) >= 2 and not any({"mem://joint", "mem://trade"} <= g for g in groups)
    assert frozenset({"mem://trade", "mem://alone"}) not in groups or frozenset({"mem://joint"}) in groups


def test_forums_are_grouped_the_same_whatever_the_order_of_ingest(tmp_path):
    """The speaker alone, one press conference naming him, another: whichever comes first, the two
    naming different people beside him are never one row, and every order gives the same rows."""
    from hoptac import open_store

    reports = [
        JOINT, ALONE, TRADE,
        _forum("mem://okafor", "Trưa 12/3, Tổng thống Robert Hanley, Chủ tịch nước Nguyễn Văn Khải và Bộ trưởng "
               "Daniel Okafor họp báo.", "2031-03-12", ["Robert Hanley", "Nguyễn Văn Khải", "Daniel Okafor"],
               people=(HANLEY, KHAI, OKAFOR)),
    ]
    seen = []
    for n, order in enumerate([[0, 1, 2, 3], [3, 2, 1, 0], [1, 2, 0, 3], [2, 1, 3, 0]]):
        st = open_store(f"sqlite:///{tmp_path}/f{n}.db")
        for i in order:  # one article per write
            st.ingest([reports[i]])
        seen.append(_grouping(st))
        st.close()
    assert all(g == seen[0] for g in seen), seen
    assert not any({"mem://joint", "mem://trade"} <= g or {"mem://okafor", "mem://trade"} <= g for g in seen[0])
    assert any({"mem://joint", "mem://okafor"} <= g for g in seen[0])  # the joint press conference, both reports



TALKS = _forum("mem://talks", "Sáng 12/3, Chủ tịch nước Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley.",
               "2031-03-12", ["Nguyễn Văn Khải", "Robert Hanley"], etype="meeting")
SUMMIT = _forum("mem://summit", "Ngày 12/3, Chủ tịch nước Nguyễn Văn Khải và Tổng thống Robert Hanley dự Hội nghị "
                "thượng đỉnh Đông Á tại Manila.", "2031-03-12", ["Nguyễn Văn Khải", "Robert Hanley"])
ASIDE = _forum("mem://aside", "Ngày 12/3, bên lề Hội nghị thượng đỉnh Đông Á, Chủ tịch nước Nguyễn Văn Khải gặp "
               "Tổng thống Robert Hanley.", "2031-03-12", ["Nguyễn Văn Khải", "Robert Hanley"], etype="meeting")


def test_a_press_conference_or_a_summit_is_not_the_talks_before_it_or_on_its_sidelines(tmp_path):
    """The talks, then the joint press conference; a summit and the talks on its sidelines: two occasions
    each, whichever report comes first (the same two people, the same day)."""
    from hoptac import open_store

    for n, pair in enumerate([[TALKS, JOINT], [JOINT, TALKS], [ASIDE, SUMMIT], [SUMMIT, ASIDE]]):
        st = open_store(f"sqlite:///{tmp_path}/t{n}.db")
        st.ingest(pair)
        groups = _grouping(st)
        st.close()
        assert len(groups) == 2, (n, groups)


def test_a_summit_of_the_two_or_a_numbered_dialogue_may_be_their_talks(store):
    dialogue = _forum("mem://dialogue", "Ngày 12/3, Chủ tịch nước Nguyễn Văn Khải và Tổng thống Robert Hanley đồng chủ trì "
                      "Đối thoại Chiến lược lần thứ 5.", "2031-03-12", ["Nguyễn Văn Khải", "Robert Hanley"])
    store.ingest([TALKS, dialogue, SUMMIT])  # no word of a sidelines: the summit may be the two leaders' talks
    assert _grouping(store) == {frozenset({"mem://talks", "mem://dialogue", "mem://summit"})}


PRESS_MONTH = _forum("mem://press-month", "Trong tháng 3, Chủ tịch nước Nguyễn Văn Khải và Tổng thống Robert Hanley đồng chủ "
                     "trì một cuộc họp báo chung tại Hà Nội.", "2031-03", ["Nguyễn Văn Khải", "Robert Hanley"])
TALKS_MONTH = _forum("mem://talks-month", "Tháng 3, Chủ tịch nước Nguyễn Văn Khải đã hội đàm với Tổng thống Robert Hanley.",
                     "2031-03", ["Nguyễn Văn Khải", "Robert Hanley"], etype="meeting")


@pytest.mark.parametrize("order", [
    [TALKS, PRESS_MONTH, TALKS_MONTH], [PRESS_MONTH, TALKS, TALKS_MONTH], [TALKS_MONTH, PRESS_MONTH, TALKS],
    [PRESS_MONTH, TALKS_MONTH, TALKS]])
def test_a_month_dated_press_conference_is_not_the_talks_of_that_month(store, order):
    """A press conference dated by its month beside the day's talks of the same people: two rows, as a
    day-dated one would be; a month-dated report of the talks still joins the talks' row. One article per
    write, in each order (a day arriving places the month's reports again)."""
    for art in order:
        store.ingest([art])
    assert _grouping(store) == {frozenset({"mem://talks", "mem://talks-month"}), frozenset({"mem://press-month"})}
    assert {e["date"] for e in store.events()["items"]} == {"2031-03-12", "2031-03"}


def test_a_month_report_of_the_talks_joins_them_beside_that_days_press_conference(store):
    """Talks and a press conference of the same people on 12/3 are two day rows; a month-dated report of
    the talks may be only one of them, so it joins it instead of staying apart as beside two meetings."""
    for art in [PRESS_MONTH, JOINT, TALKS_MONTH, TALKS]:
        store.ingest([art])
    assert _grouping(store) == {frozenset({"mem://talks", "mem://talks-month"}),
                                frozenset({"mem://joint", "mem://press-month"})}
