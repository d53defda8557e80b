"""Month reports ("in March, the Prime Minister met the President") are placed again when reports leave
occasions: an article rebuilt without its day's report, an editor's merge, split, rejection or new date.
On SQLite and PostgreSQL, on self-written articles."""

from __future__ import annotations

from conftest import make_article

from hoptac.store import Filters

KHAI = ("Nguyễn Văn Khải", "Thủ tướng", None, "VN")
HANLEY = ("Robert Hanley", "Tổng thống Mỹ", None, "US")
WHO = ["Nguyễn Văn Khải", "Robert Hanley"]


def _meeting(src: str, sentence: str, date: str | None, etype: str = "meeting", events: bool = True):
    return make_article(src, [sentence], people=[KHAI, HANLEY], events=[(etype, date, WHO)] if events else [])


DAY12 = "Chiều 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley tại Washington."
DAY25 = "Ngày 25/3, Tổng thống Robert Hanley tiếp Thủ tướng Nguyễn Văn Khải lần thứ hai ở New York."
DAY12B = "Hôm 12/3, Tổng thống Robert Hanley và Thủ tướng Nguyễn Văn Khải đã có cuộc hội đàm tại Nhà Trắng."
DAY14 = "Ngày 14/3, Thủ tướng Nguyễn Văn Khải gặp Tổng thống Robert Hanley tại Washington."
MONTH = "Tháng 3, Thủ tướng Nguyễn Văn Khải và Tổng thống Robert Hanley đã gặp nhau."


def _rows(store) -> dict[str, set[str]]:
    """Each occasion's date -> the sources of its reports."""
    arts = {a["id"]: a["source"] for a in store.articles(Filters(limit=100))["items"]}
    return {e["date"]: {arts[s["article_id"]] for s in e["sources"]} for e in store.events(Filters(limit=100))["items"]}


def test_a_month_report_leaves_a_day_whose_report_is_rebuilt_away(store):
    store.ingest([_meeting("mem://d12", DAY12, "2031-03-12"), _meeting("mem://m", MONTH, "2031-03")])
    assert _rows(store) == {"2031-03-12": {"mem://d12", "mem://m"}}
    # the day's article is rebuilt by a newer extraction that reads no meeting in it
    store.ingest([_meeting("mem://d12", DAY12, None, events=False)], refresh=True)
    rows = _rows(store)
    assert rows == {"2031-03": {"mem://m"}}, rows  # no day that no report gives is kept
    ev = store.events()["items"][0]
    assert {p["name"] for p in ev["participants"]} == set(WHO)


def test_a_rebuilt_day_keeps_only_the_people_its_reports_name(store):
    store.ingest([_meeting("mem://d12", DAY12, "2031-03-12"),
                  make_article("mem://d12b", ["Hôm 12/3, Tổng thống Robert Hanley, Thủ tướng Nguyễn Văn Khải và "
                                              "Bộ trưởng Daniel Okafor hội đàm."],
                               people=[KHAI, HANLEY, ("Daniel Okafor", "Bộ trưởng", None, "US")],
                               events=[("meeting", "2031-03-12", [*WHO, "Daniel Okafor"])])])
    (ev,) = store.events()["items"]
    assert len(ev["participants"]) == 3
    store.ingest([make_article("mem://d12b", ["Hôm 12/3, Tổng thống Robert Hanley, Thủ tướng Nguyễn Văn Khải và "
                                              "Bộ trưởng Daniel Okafor hội đàm."], people=[KHAI, HANLEY])],
                 refresh=True)
    (ev,) = store.events()["items"]
    assert {p["name"] for p in ev["participants"]} == set(WHO) and ev["date"] == "2031-03-12"


def test_an_editors_merge_of_two_days_brings_the_month_reports_to_the_one_day(store):
    # a report misdated the 13th: two days of those people in March, so the month report stays apart
    store.ingest([_meeting("mem://d12", DAY12, "2031-03-12"), _meeting("mem://d14", DAY14, "2031-03-14"),
                  _meeting("mem://m", MONTH, "2031-03")])
    rows = _rows(store)
    assert rows["2031-03"] == {"mem://m"} and len(rows) == 3
    ids = {e["date"]: e["id"] for e in store.events()["items"]}
    store.correct("merge_events", {"events": [ids["2031-03-12"], ids["2031-03-14"]]}, why="một cuộc gặp", who="t")
    assert _rows(store) == {"2031-03-12": {"mem://d12", "mem://d14", "mem://m"}}


def test_an_editors_split_and_rejection_move_the_month_reports(store):
    store.ingest([_meeting("mem://d12", DAY12, "2031-03-12"), _meeting("mem://d12b", DAY12B, "2031-03-12"),
                  _meeting("mem://m", MONTH, "2031-03")])
    assert _rows(store) == {"2031-03-12": {"mem://d12", "mem://d12b", "mem://m"}}
    arts = {a["source"]: a["id"] for a in store.articles(Filters(limit=100))["items"]}
    (ev,) = store.events()["items"]
    store.correct("split_event", {"event": ev["id"], "articles": [arts["mem://d12b"]]}, why="hai cuộc", who="t")
    rows = _rows(store)
    # two meetings of those people that month now: the month report is neither (an occasion of its own)
    assert rows.get("2031-03") == {"mem://m"}, rows
    days = [e for e in store.events()["items"] if e["date"] == "2031-03-12"]
    assert sorted(len(e["sources"]) for e in days) == [1, 1]
    kept = next(e for e in store.events()["items"] if e["date"] == "2031-03-12"
                and {s["article_id"] for s in e["sources"]} == {arts["mem://d12b"]})
    store.correct("reject_event", {"event": kept["id"]}, why="không phải", who="t")
    assert _rows(store) == {"2031-03-12": {"mem://d12", "mem://m"}}  # one day again: the month report joins it


def test_an_editors_new_date_moves_the_month_reports_and_stays(store):
    store.ingest([_meeting("mem://d12", DAY12, "2031-03-12"), _meeting("mem://m", MONTH, "2031-03")])
    (ev,) = store.events()["items"]
    assert len(ev["sources"]) == 2
    # the editor says the meeting was in April: the March report is no report of it
    store.correct("set_date", {"event": ev["id"], "date": "2031-04-02"}, why="ngày đúng", who="t")
    rows = _rows(store)
    assert rows == {"2031-04-02": {"mem://d12"}, "2031-03": {"mem://m"}} or \
        rows == {"2031-04-02": {"mem://d12", "mem://m"}}, rows
    assert "2031-04-02" in rows  # the editor's date is kept, not taken back from the reports


def test_a_month_report_of_other_people_stays_where_it_is(store):
    other = make_article("mem://o", ["Tháng 3, Tổng thống Robert Hanley gặp Bộ trưởng Daniel Okafor."],
                         people=[HANLEY, ("Daniel Okafor", "Bộ trưởng", None, "US")],
                         events=[("meeting", "2031-03", ["Robert Hanley", "Daniel Okafor"])])
    store.ingest([_meeting("mem://d12", DAY12, "2031-03-12"), _meeting("mem://d25", DAY25, "2031-03-25", "reception"),
                  other])
    before = _rows(store)
    ids = {e["date"]: e["id"] for e in store.events()["items"]}
    store.correct("reject_event", {"event": ids["2031-03-25"]}, why="không phải", who="t")
    after = _rows(store)
    assert after["2031-03"] == before["2031-03"] == {"mem://o"}
    assert after["2031-03-12"] == {"mem://d12"} and "2031-03-25" not in after


def _grouping(store) -> set[frozenset[tuple[str, str | None]]]:
    """The occasions as sets of (source, the report's own date): what any order of ingest must give."""
    arts = {a["id"]: a["source"] for a in store.articles(Filters(limit=100))["items"]}
    return {frozenset((arts[s["article_id"]], s["date"]) for s in e["sources"])
            for e in store.events(Filters(limit=100))["items"]}


def _in_orders(tmp_path, reports, orders) -> list:
    from hoptac import open_store

    seen = []
    for n, order in enumerate(orders):
        st = open_store(f"sqlite:///{tmp_path}/o{n}.db")
        for i in order:  # one article per write, as a long-running ingest would
            st.ingest([reports[i]])
        seen.append(_grouping(st))
        st.close()
    return seen


def test_a_day_without_its_year_joins_its_occasion_whichever_day_dates_the_row(tmp_path):
    """A visit dated the 10th by one report and the 12th by another is one row dated the 10th; a report
    writing the 12th without its year is that visit in any order (it used to join only while the row
    was dated the 12th)."""
    visit = [("Nguyễn Văn Khải", "Thủ tướng", None, "VN")]
    reports = [make_article("mem://v10", ["Từ ngày 10/3, Thủ tướng Nguyễn Văn Khải thăm chính thức Hoa Kỳ."],
                            people=visit, events=[("visit", "2031-03-10", ["Nguyễn Văn Khải"])]),
               make_article("mem://v12", ["Ngày 12/3/2031, Thủ tướng Nguyễn Văn Khải đang thăm Hoa Kỳ."],
                            people=visit, events=[("visit", "2031-03-12", ["Nguyễn Văn Khải"])]),
               make_article("mem://vp", ["Hôm 12/3, Thủ tướng Nguyễn Văn Khải đến New York trong chuyến thăm Mỹ."],
                            people=visit, events=[("visit", "--03-12", ["Nguyễn Văn Khải"])])]
    seen = _in_orders(tmp_path, reports, [[0, 1, 2], [2, 1, 0], [1, 0, 2], [2, 0, 1]])
    assert all(g == seen[0] for g in seen), seen
    assert len(seen[0]) == 1


def test_a_month_report_joins_a_row_that_gets_its_day_later_in_any_order(tmp_path):
    """A row known by a day without its year gets its year from a later report: the month's report of
    those people then joins it, as it does when the dated report comes first."""
    reports = [_meeting("mem://p", "Báo chí Mỹ đưa tin hôm 12/3 hai nhà lãnh đạo Nguyễn Văn Khải và Robert Hanley "
                                   "đã bàn về thương mại, giáo dục và biến đổi khí hậu.", "--03-12"),
               _meeting("mem://m", MONTH, "2031-03"),
               _meeting("mem://d", DAY12, "2031-03-12")]
    seen = _in_orders(tmp_path, reports, [[0, 1, 2], [2, 0, 1], [1, 2, 0], [0, 2, 1]])
    assert all(g == seen[0] for g in seen), seen
    assert len(seen[0]) == 1


def test_days_without_a_year_two_days_apart_stay_two_meetings(store):
    store.ingest([_meeting("mem://p12", "Hôm 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley.",
                           "--03-12"),
                  _meeting("mem://p14", "Hôm 14/3, Tổng thống Robert Hanley gặp lại Thủ tướng Nguyễn Văn Khải.",
                           "--03-14"),
                  _meeting("mem://d", "Ngày 14/3/2031, Thủ tướng Nguyễn Văn Khải gặp Tổng thống Robert Hanley lần hai.",
                           "2031-03-14")])
    rows = sorted(sorted(s for s, _ in g) for g in _grouping(store))
    assert rows == [["mem://d", "mem://p14"], ["mem://p12"]], rows
