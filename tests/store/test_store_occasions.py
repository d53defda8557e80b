"""One real occasion is one row, a visit holds its parts, "who met whom" counts occasions, and a
statement copied by several outlets is one claim: on SQLite and PostgreSQL, on self-written articles."""

from __future__ import annotations

import sqlalchemy as sa
from conftest import make_article

from hoptac.ingest.document import RawDocument
from hoptac.pipeline import pipe
from hoptac.settings import DEFAULT
from hoptac.store import Filters

HANLEY = ("Robert Hanley", "Tổng thống Mỹ", None, "US")
KHAI = ("Nguyễn Văn Khải", "Thủ tướng", None, "VN")
OKAFOR = ("Daniel Okafor", "Bộ trưởng Thương mại Mỹ", None, "US")

REPORT_A = """Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Mỹ Robert Hanley tại Nhà Trắng

Chiều 12/3, tại Nhà Trắng, Thủ tướng Nguyễn Văn Khải đã hội đàm với Tổng thống Mỹ Robert Hanley. \
Hai nhà lãnh đạo nhất trí thúc đẩy hợp tác thương mại và giáo dục.

Trước đó, sáng 11/3, Thủ tướng Nguyễn Văn Khải đã tiếp Bộ trưởng Thương mại Mỹ Daniel Okafor tại Washington."""
REPORT_B = """Tổng thống Hanley đón Thủ tướng Việt Nam tại Nhà Trắng

Ngày 12/3, Tổng thống Mỹ Robert Hanley đã tiếp Thủ tướng Nguyễn Văn Khải tại Nhà Trắng. Thủ tướng \
Nguyễn Văn Khải đang có chuyến thăm chính thức Hoa Kỳ từ ngày 10/3 đến 13/3 theo lời mời của Tổng thống \
Robert Hanley."""


def _analyzed(*reports: tuple[str, str, str]) -> list:
    """Self-written reports through the whole pipeline, dated as a metadata file would date them."""
    docs = [RawDocument(src, text.encode("utf-8"), meta={"published_hint": published})
            for src, text, published in reports]
    return [r.article for r in pipe(docs, DEFAULT)]


def test_two_outlets_one_meeting_is_one_row_within_the_visit_that_holds_it(store):
    store.ingest(_analyzed(("mem://outlet-a", REPORT_A, "2031-03-13"), ("mem://outlet-b", REPORT_B, "2031-03-13")))
    evs = store.events(Filters(limit=100))["items"]
    talks = [e for e in evs if e["date"] == "2031-03-12"]
    assert len(talks) == 1, talks
    assert {s["article_id"] for s in talks[0]["sources"]} == {a["id"] for a in store.articles()["items"]}
    visit = next(e for e in evs if e["type"] == "visit")
    assert visit["date"] == "2031-03-10"
    parts = {p["id"] for p in visit["parts"]}
    okafor = next(e for e in evs if any(p["name"] == "Daniel Okafor" for p in e["participants"]))
    assert parts == {talks[0]["id"], okafor["id"]}  # the talks and the reception of the day before
    assert talks[0]["parent_id"] == okafor["parent_id"] == visit["id"]
    one = store.event(talks[0]["id"])
    assert one["parent"]["id"] == visit["id"] and len(one["sources"]) == 2
    assert [p["id"] for p in store.event(visit["id"])["parts"]] == [okafor["id"], talks[0]["id"]]
    met = store.meetings(Filters(person="Robert Hanley"), other="Nguyễn Văn Khải")["items"]
    assert len(met) == 1 and met[0]["occasions"] == 1 and met[0]["undated"] == 0


def _meeting(src: str, sentence: str, date: str | None, who: list[str], people=(KHAI, HANLEY), etype="meeting"):
    return make_article(src, [sentence], published=None, people=list(people), events=[(etype, date, who)])


def test_the_same_people_on_different_days_are_two_occasions(store):
    store.ingest([
        _meeting("mem://d1", "Ngày 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley.",
                 "2031-03-12", ["Nguyễn Văn Khải", "Robert Hanley"]),
        _meeting("mem://d2", "Ngày 20/3, Tổng thống Robert Hanley điện đàm với Thủ tướng Nguyễn Văn Khải.",
                 "2031-03-20", ["Robert Hanley", "Nguyễn Văn Khải"], etype="call"),
    ])
    assert store.events()["total"] == 2
    met = store.meetings(Filters(person="Nguyễn Văn Khải"))["items"]
    assert met[0]["occasions"] == 2 and met[0]["rows"] == 2


def test_an_undated_report_is_not_merged_with_a_dated_one(store):
    store.ingest([
        _meeting("mem://u1", "Chiều 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley.",
                 "2031-03-12", ["Nguyễn Văn Khải", "Robert Hanley"]),
        _meeting("mem://u2", "Thủ tướng Nguyễn Văn Khải từng hội đàm với Tổng thống Robert Hanley.",
                 None, ["Nguyễn Văn Khải", "Robert Hanley"]),
    ])
    assert store.events()["total"] == 2
    met = store.meetings(Filters(person="Robert Hanley"))["items"][0]
    assert (met["occasions"], met["undated"]) == (1, 1)


def test_two_summits_of_one_leader_on_one_day_stay_apart(store):
    trump, trong, kim = ("Donald Trump", "Tổng thống Mỹ", None, "US"), ("Nguyễn Phú Trọng", "Tổng Bí thư", None, "VN"), \
        ("Kim Jong-un", "Chủ tịch Triều Tiên", None, "OTHER")
    store.ingest([
        make_article("mem://s1", ["Ngày 27/2, Tổng Bí thư Nguyễn Phú Trọng hội đàm với Tổng thống Donald Trump."],
                     people=[trump, trong], events=[("meeting", "2019-02-27", ["Nguyễn Phú Trọng", "Donald Trump"])]),
        make_article("mem://s2", ["Tối 27/2, Tổng thống Donald Trump gặp Chủ tịch Kim Jong-un tại Hà Nội."],
                     people=[trump, kim], events=[("meeting", "2019-02-27", ["Donald Trump", "Kim Jong-un"])]),
        make_article("mem://s3", ["Hôm 27/2, ông Trump và ông Kim Jong-un ăn tối tại khách sạn Metropole."],
                     people=[("Trump", None, None, "US"), kim],
                     events=[("meeting", "2019-02-27", ["Trump", "Kim Jong-un"])]),
    ])
    evs = store.events()["items"]
    assert len(evs) == 2
    by_people = {frozenset(p["name"] for p in e["participants"]): len(e["sources"]) for e in evs}
    assert by_people[frozenset({"Nguyễn Phú Trọng", "Donald Trump"})] == 1
    assert by_people[frozenset({"Donald Trump", "Kim Jong-un"})] == 2


def test_one_article_telling_its_meeting_twice_gives_one_event(store):
    s = ["Chiều 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley.",
         "Cuộc hội đàm giữa Thủ tướng Nguyễn Văn Khải và Tổng thống Robert Hanley kéo dài hai giờ."]
    art = make_article("mem://twice", s, people=[KHAI, HANLEY],
                       events=[("meeting", "2031-03-12", ["Nguyễn Văn Khải", "Robert Hanley"]),
                               ("meeting", "2031-03-12", ["Robert Hanley", "Nguyễn Văn Khải"])])
    store.ingest([art])
    evs = store.events()["items"]
    assert len(evs) == 1 and len(evs[0]["sources"]) == 2


def test_a_month_joins_the_one_occasion_of_those_people_that_month_only(store):
    store.ingest([
        _meeting("mem://m1", "Chiều 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley.",
                 "2031-03-12", ["Nguyễn Văn Khải", "Robert Hanley"]),
        _meeting("mem://m2", "Tháng 3, Thủ tướng Nguyễn Văn Khải và Tổng thống Robert Hanley đã gặp nhau.",
                 "2031-03", ["Nguyễn Văn Khải", "Robert Hanley"]),
    ])
    assert store.events()["total"] == 1
    store.ingest([
        _meeting("mem://m3", "Ngày 25/3, Tổng thống Robert Hanley tiếp Thủ tướng Nguyễn Văn Khải lần thứ hai.",
                 "2031-03-25", ["Robert Hanley", "Nguyễn Văn Khải"], etype="reception"),
        _meeting("mem://m4", "Trong tháng 3, Thủ tướng Nguyễn Văn Khải gặp Tổng thống Robert Hanley tại Mỹ.",
                 "2031-03", ["Nguyễn Văn Khải", "Robert Hanley"]),
    ])
    evs = store.events()["items"]
    assert len(evs) == 3  # two occasions that month: the month-dated report joins neither
    assert store.meetings(Filters(person="Robert Hanley"))["items"][0]["occasions"] == 2


def _grouping(store) -> set[frozenset[str]]:
    """The store's occasions as the sets of reports (source, date) they hold: ids left aside."""
    arts = {a["id"]: a["source"] for a in store.articles(Filters(limit=100))["items"]}
    return {frozenset((arts[s["article_id"]], s["date"]) for s in e["sources"])
            for e in store.events(Filters(limit=100))["items"]}


def _month_reports() -> list:
    return [
        _meeting("mem://m1", "Chiều 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley.",
                 "2031-03-12", ["Nguyễn Văn Khải", "Robert Hanley"]),
        _meeting("mem://m2", "Tháng 3, Thủ tướng Nguyễn Văn Khải và Tổng thống Robert Hanley đã gặp nhau.",
                 "2031-03", ["Nguyễn Văn Khải", "Robert Hanley"]),
        _meeting("mem://m3", "Ngày 25/3, Tổng thống Robert Hanley tiếp Thủ tướng Nguyễn Văn Khải lần thứ hai.",
                 "2031-03-25", ["Robert Hanley", "Nguyễn Văn Khải"], etype="reception"),
        _meeting("mem://m4", "Trong tháng 3, Thủ tướng Nguyễn Văn Khải gặp Tổng thống Robert Hanley tại Mỹ.",
                 "2031-03", ["Nguyễn Văn Khải", "Robert Hanley"]),
        _meeting("mem://m5", "Hôm 12/3, Tổng thống Robert Hanley và Thủ tướng Nguyễn Văn Khải hội đàm.",
                 "2031-03-12", ["Robert Hanley", "Nguyễn Văn Khải"]),
    ]


def test_month_reports_are_placed_the_same_whatever_the_order_of_ingest(tmp_path):
    """Each order of the same five reports gives the same occasions: the two month reports are one
    month-dated occasion once the month holds two days' meetings of those people, in any order."""
    from hoptac import open_store

    reports = _month_reports()
    seen = []
    for n, order in enumerate([[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [1, 2, 0, 4, 3], [3, 0, 1, 4, 2]]):
        st = open_store(f"sqlite:///{tmp_path}/o{n}.db")
        for i in order:  # one article per write, as a long-running ingest would
            st.ingest([reports[i]])
        seen.append(_grouping(st))
        st.close()
    assert all(g == seen[0] for g in seen), seen
    assert frozenset({("mem://m2", "2031-03"), ("mem://m4", "2031-03")}) in seen[0]
    assert len(seen[0]) == 3  # the 12th (two reports), the 25th, and the month


def test_month_reports_join_the_one_day_of_theirs_that_month_whichever_comes_first(store):
    reports = _month_reports()
    store.ingest([reports[1], reports[3]])  # two month reports: one occasion of the month
    assert [e["date"] for e in store.events()["items"]] == ["2031-03"]
    store.ingest([reports[0]])  # the day comes later: the month reports join it
    evs = store.events()["items"]
    assert len(evs) == 1 and evs[0]["date"] == "2031-03-12" and len(evs[0]["sources"]) == 3


def test_a_visit_holds_only_its_visitors_meetings_during_its_days(store):
    store.ingest([
        make_article("mem://v1", ["Thủ tướng Nguyễn Văn Khải thăm chính thức Hoa Kỳ từ ngày 10/3."],
                     people=[KHAI], events=[("visit", "2031-03-10", ["Nguyễn Văn Khải"])]),
        _meeting("mem://v2", "Ngày 11/3, Thủ tướng Nguyễn Văn Khải tiếp Bộ trưởng Daniel Okafor.", "2031-03-11",
                 ["Nguyễn Văn Khải", "Daniel Okafor"], people=(KHAI, OKAFOR), etype="reception"),
        _meeting("mem://v3", "Ngày 11/3, Tổng thống Robert Hanley gặp Bộ trưởng Daniel Okafor.", "2031-03-11",
                 ["Robert Hanley", "Daniel Okafor"], people=(HANLEY, OKAFOR)),
        _meeting("mem://v4", "Ngày 30/3, Thủ tướng Nguyễn Văn Khải gặp Bộ trưởng Daniel Okafor tại Hà Nội.",
                 "2031-03-30", ["Nguyễn Văn Khải", "Daniel Okafor"], people=(KHAI, OKAFOR)),
    ])
    evs = {e["date"] + ("*" if "Robert Hanley" in {p["name"] for p in e["participants"]} else ""): e
           for e in store.events()["items"]}
    visit = evs["2031-03-10"]
    assert [p["id"] for p in visit["parts"]] == [evs["2031-03-11"]["id"]]
    assert evs["2031-03-11*"]["parent_id"] is None and evs["2031-03-30"]["parent_id"] is None
    # a visit stored after its parts takes them too
    store.ingest([_meeting("mem://v5", "Ngày 2/4, Thủ tướng Nguyễn Văn Khải tiếp Tổng thống Robert Hanley.",
                           "2031-04-02", ["Nguyễn Văn Khải", "Robert Hanley"], etype="reception"),
                  make_article("mem://v6", ["Tổng thống Robert Hanley thăm Việt Nam từ ngày 1/4."],
                               people=[HANLEY], events=[("visit", "2031-04-01", ["Robert Hanley"])])])
    late = next(e for e in store.events(Filters(since="2031-04"))["items"] if e["type"] == "visit")
    assert len(late["parts"]) == 1 and late["parts"][0]["date"] == "2031-04-02"


def test_a_statement_copied_by_two_outlets_is_one_claim(store):
    said = "Việt Nam đề nghị Hoa Kỳ sớm công nhận quy chế kinh tế thị trường cho Việt Nam trong năm nay."
    copy = "“" + said[:-1].replace("hòa", "hoà") + "”"  # another outlet's quote marks, no full stop
    other = "Hai bên nhất trí tăng cường hợp tác về giáo dục đại học và trao đổi sinh viên giữa hai nước."
    short = "Việt Nam hoan nghênh."

    def art(src: str, lead: str, quote: str, extra: str) -> object:
        return make_article(src, [lead, quote, extra], published="2031-03-13", people=[KHAI],
                            statements=[("Nguyễn Văn Khải", "request", quote, "VN", [], []),
                                        ("Nguyễn Văn Khải", "welcome", extra, "VN", [], [])])

    store.ingest([art("mem://c1", "Chiều 12/3, Thủ tướng Nguyễn Văn Khải làm việc tại Washington.", said, short),
                  art("mem://c2", "Báo chí Mỹ đưa tin về chuyến công tác của Thủ tướng.",
                      copy, short),
                  art("mem://c3", "Một bài viết khác về quan hệ hai nước.", other, short)])
    with store.engine.connect() as c:
        keys = c.execute(sa.text("SELECT text, claim_key FROM statements ORDER BY article_id, idx")).all()
    by_text: dict[str, set[str]] = {}
    for text, key in keys:
        by_text.setdefault(text, set()).add(key)
    assert by_text[said] == by_text[copy] and len(by_text[said]) == 1 and by_text[said] != by_text[other]
    assert len(by_text[short]) == 3  # too short to tell a copy from another statement like it
    st = store.stats()
    assert st["counts"]["statements"] == 6 and st["counts"]["claims"] == 5
    assert st["acts"] == {"request": 2, "welcome": 3}
    assert st["per_month"]["statements"] == {"2031-03": 5}


def test_a_participant_spelled_two_ways_is_one_and_two_first_names_are_two(store):
    """``Bob Whitacker`` and ``Bob Whittacker`` (two outlets' spellings) are one participant: one
    reception. ``Donald Whitacker`` is another person of that surname: another occasion."""
    bob = ("Bob Whitacker", "Phó Chủ tịch", None, "US")
    bob2 = ("Bob Whittacker", "Phó Chủ tịch", None, "US")
    don = ("Donald Whitacker", "Chủ tịch", None, "US")
    store.ingest([
        _meeting("mem://s1", "Chiều 29/5, Thủ tướng Nguyễn Văn Khải tiếp ông Bob Whitacker.", "2031-05-29",
                 ["Nguyễn Văn Khải", "Bob Whitacker"], people=(KHAI, bob), etype="reception"),
        _meeting("mem://s2", "Chiều 29/5, Thủ tướng Nguyễn Văn Khải tiếp ông Bob Whittacker tại New York.", "2031-05-29",
                 ["Nguyễn Văn Khải", "Bob Whittacker"], people=(KHAI, bob2), etype="reception"),
        _meeting("mem://s3", "Chiều 29/5, Thủ tướng Nguyễn Văn Khải tiếp ông Donald Whitacker tại New York.",
                 "2031-05-29", ["Nguyễn Văn Khải", "Donald Whitacker"], people=(KHAI, don), etype="reception"),
    ])
    evs = [e for e in store.events(Filters(since="2031-05", limit=100))["items"] if e["date"] == "2031-05-29"]
    assert len(evs) == 2, evs
    bobs = next(e for e in evs if any("Bob" in p["name"] for p in e["participants"]))
    assert len(bobs["sources"]) == 2
    assert not any("Donald" in p["name"] for p in bobs["participants"])


RUTH = ("Ruth Calloway", "Chủ tịch Tập đoàn Calloway Energy", "Calloway Energy", "US")
MINH = ("Lê Quang Minh", "Chủ tịch Tập đoàn Dầu khí", None, "VN")


def _trip_report(src: str, extra: list[str], events: list[tuple[str, str | None, list[str]]],
                 people=(KHAI, HANLEY)) -> object:
    """A report of the Prime Minister's visit (dated) and what else it tells, as ``make_article`` builds it."""
    lead = "Thủ tướng Nguyễn Văn Khải thăm chính thức Hoa Kỳ từ ngày 10/3."
    return make_article(src, [lead, *extra], published="2031-03-14", people=list(people),
                        events=[("visit", "2031-03-10", ["Nguyễn Văn Khải"]), *events])


def test_an_undated_report_joins_the_one_meeting_of_those_people_in_the_visit_its_article_tells(store):
    """Strong evidence for an undated report: its own article tells the visit, and that visit holds
    exactly one meeting of the same people. Without the visit, or with two such meetings, no merge."""
    talks = "Chiều 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley về thương mại và giáo dục."
    undated = "Tại Nhà Trắng, Tổng thống Robert Hanley và Thủ tướng Nguyễn Văn Khải đã có cuộc hội đàm kéo dài."
    aside = "Các chuyên gia nhận định quan hệ song phương đang ở giai đoạn tốt đẹp nhất kể từ khi bình thường hóa."
    store.ingest([
        _trip_report("mem://t1", [talks], [("meeting", "2031-03-12", ["Nguyễn Văn Khải", "Robert Hanley"])]),
        _trip_report("mem://t2", [undated, aside], [("meeting", None, ["Robert Hanley", "Nguyễn Văn Khải"])]),
        make_article("mem://t3", [undated], published="2031-03-14", people=[KHAI, HANLEY],
                     events=[("meeting", None, ["Nguyễn Văn Khải", "Robert Hanley"])]),  # no visit told
    ])
    meets = [e for e in store.events(Filters(limit=100))["items"] if e["type"] != "visit"]
    dated = next(e for e in meets if e["date"] == "2031-03-12")
    assert {s["article_id"] for s in dated["sources"]} == {a["id"] for a in store.articles()["items"]
                                                           if a["source"] in ("mem://t1", "mem://t2")}
    assert len(meets) == 2  # the report of an article telling no visit stays its own row
    met = store.meetings(Filters(person="Robert Hanley"))["items"][0]
    assert (met["occasions"], met["undated"]) == (1, 1)


def test_an_undated_report_stays_apart_when_the_visit_holds_two_meetings_of_those_people(store):
    day1 = "Chiều 11/3, Thủ tướng Nguyễn Văn Khải gặp Tổng thống Robert Hanley tại Nhà Trắng."
    day2 = "Sáng 13/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley tại trại David."
    undated = "Tại Nhà Trắng, Tổng thống Robert Hanley và Thủ tướng Nguyễn Văn Khải đã có cuộc hội đàm kéo dài."
    store.ingest([
        _trip_report("mem://w1", [day1, day2], [("meeting", "2031-03-11", ["Nguyễn Văn Khải", "Robert Hanley"]),
                                                ("meeting", "2031-03-13", ["Nguyễn Văn Khải", "Robert Hanley"])]),
        _trip_report("mem://w2", [undated], [("meeting", None, ["Nguyễn Văn Khải", "Robert Hanley"])]),
    ])
    meets = [e for e in store.events(Filters(limit=100))["items"] if e["type"] != "visit"]
    assert sorted(str(e["date"]) for e in meets) == ["2031-03-11", "2031-03-13", "None"]


def test_undated_signings_of_the_same_parties_told_with_one_visit_are_one_row(store):
    """Two outlets tell the Prime Minister's visit and, undated, the same two parties signing: one
    signing. The same parties signing in an article about no visit, a planned signing, or another
    pair of parties, are other rows."""
    told = ["Ông Lê Quang Minh và bà Ruth Calloway ký thỏa thuận cung cấp khí hóa lỏng trong 20 năm.",
            "Bên cạnh các cuộc gặp, lãnh đạo Tập đoàn Dầu khí Lê Quang Minh và Chủ tịch Ruth Calloway đã ký hợp đồng.",
            "Tập đoàn của ông Lê Quang Minh sẽ ký với bà Ruth Calloway một bản ghi nhớ về điện khí.",
            "Ông Lê Quang Minh ký văn kiện trước sự chứng kiến của Thủ tướng Nguyễn Văn Khải tại New York.",
            "Công ty Calloway Energy của bà Ruth Calloway từng ký với ông Lê Quang Minh một thỏa thuận khung."]
    fillers = ["Phái đoàn doanh nghiệp gồm hơn tám mươi công ty theo chân người đứng đầu Chính phủ.",
               "Giới phân tích đánh giá chuyến đi mở ra cơ hội lớn cho ngành năng lượng và logistics.",
               "Nhiều nhà đầu tư quan tâm tới các dự án cảng biển, sân bay và điện gió ngoài khơi.",
               "Thủ tướng cũng gặp gỡ cộng đồng kiều bào và thăm một trường đại học danh tiếng.",
               "Thị trường khí đốt toàn cầu biến động mạnh trong năm qua vì xung đột và thời tiết."]
    parties = ["Lê Quang Minh", "Ruth Calloway"]
    people = (KHAI, MINH, RUTH)
    planned = _trip_report("mem://g3", [told[2], fillers[2]], [("signing", None, parties)], people=people)
    planned.events[1].status = "planned"
    year = _trip_report("mem://g6", ["Theo nguồn tin của tập đoàn, ông Lê Quang Minh và bà Ruth Calloway ký hợp đồng "
                                     "trong năm nay.", "Giá khí hóa lỏng giao ngay tại châu Á đã giảm gần một nửa."],
                        [("signing", "2031", parties)], people=people)
    store.ingest([
        year,  # stored first, known only to the visit's year: the undated reports after it are that signing
        _trip_report("mem://g1", [told[0], fillers[0]], [("signing", None, parties)], people=people),
        _trip_report("mem://g2", [told[1], fillers[1]], [("signing", None, list(reversed(parties)))], people=people),
        planned,
        _trip_report("mem://g4", [told[3], fillers[3]], [("signing", None, ["Lê Quang Minh", "Nguyễn Văn Khải"])],
                     people=people),
        make_article("mem://g5", [told[4], fillers[4]], published="2031-03-14", people=[MINH, RUTH],
                     events=[("signing", None, parties)]),
    ])
    signings = [e for e in store.events(Filters(limit=100))["items"] if e["type"] == "signing"]
    by_sources = sorted(len(e["sources"]) for e in signings)
    assert by_sources == [1, 1, 1, 3], signings
    three = next(e for e in signings if len(e["sources"]) == 3)
    assert {a["source"] for a in store.articles()["items"] if a["id"] in {s["article_id"] for s in three["sources"]}} \
        == {"mem://g1", "mem://g2", "mem://g6"}


def test_an_organization_written_with_or_without_its_space_is_one_participant(store):
    """``ExxonMobil`` and ``Exxon Mobil``, ``Coca-Cola`` and ``Coca Cola`` (spaces, hyphens, case): one
    counterpart, one occasion; another name is another counterpart."""
    store.ingest([
        _meeting("mem://o1", "Ngày 12/3, Thủ tướng Nguyễn Văn Khải gặp lãnh đạo tập đoàn DelmarcoEnergy.",
                 "2031-03-12", ["Nguyễn Văn Khải", "DelmarcoEnergy"], people=(KHAI,)),
        _meeting("mem://o2", "Chiều 12/3, Thủ tướng Nguyễn Văn Khải gặp lãnh đạo Delmarco - Energy.",
                 "2031-03-12", ["Nguyễn Văn Khải", "Delmarco - Energy"], people=(KHAI,)),
        _meeting("mem://o3", "Ngày 12/3, Thủ tướng Nguyễn Văn Khải gặp lãnh đạo Delmar Cobalt.",
                 "2031-03-12", ["Nguyễn Văn Khải", "Delmar Cobalt"], people=(KHAI,)),
    ])
    evs = store.events(Filters(limit=10))["items"]
    assert len(evs) == 2, evs  # the third names another company: its own occasion
    one = next(e for e in evs if len(e["sources"]) == 2)
    assert {s["article_id"] for s in one["sources"]} == {a["id"] for a in store.articles()["items"]
                                                       if a["source"] in ("mem://o1", "mem://o2")}
