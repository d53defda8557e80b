"""One entry per person: self-written Vietnamese articles through the whole pipeline into the store.

Each rule of ``hoptac.store.people_link`` and ``hoptac.link.titles`` is checked on both
backends: spellings of one person merge (tone marks, title prefixes, hyphens, initials),
relatives never do (two Clintons, two Bushes, spouses), a surname alone joins only the one
person it can be, word fragments and places are never people, the side is the majority's,
and titles are canonical, dated by their articles and shown latest whatever the page size.
"""

from __future__ import annotations

from conftest import make_article
from fastapi.testclient import TestClient

from hoptac import analyze
from hoptac.api import create_app
from hoptac.model import Article
from hoptac.store import Filters


def _art(text: str, published: str | None = None) -> Article:
    a = analyze(text.encode("utf-8"))
    a.published = published
    return a


def _people(store) -> dict[str, dict]:
    return {p["name"]: p for p in store.people(Filters(limit=500))["items"]}


def _entries_of(store, *names: str) -> set[str]:
    """The store entries the given names resolve to (one id per name)."""
    return {store.person(n)["id"] for n in names}


def test_spellings_of_one_person_are_one_entry(store):
    arts = [
        _art("Sáng 3/4, Thủ tướng Trần Văn Khánh tiếp Đại sứ Daniel J. Kritenbrink tại Hà Nội.\n"
             "Thủ tướng Trần Văn Khánh đề nghị hai bên mở rộng hợp tác giáo dục.", "2019-04-03"),
        _art("Chiều 5/6, ông Tran Van Khanh, Thủ tướng Việt Nam, gặp Đại sứ Daniel Kritenbrink.\n"
             "Ông Tran Van Khanh cho biết Việt Nam coi trọng quan hệ với Hoa Kỳ.", "2019-06-05"),
        _art("Đại sứ Mỹ Daniel J.Kritenbrink nói chuyện với sinh viên Đại học Quốc gia.\n"
             "Đại sứ Kritenbrink khẳng định Mỹ ủng hộ một Việt Nam mạnh mẽ.", "2019-07-01"),
        _art("Ông Samuel T. Whitfield Jr, Phó Chủ tịch Tập đoàn Northwind, thăm Hải Phòng.\n"
             "Ông Samuel T. Whitfield Jr cho biết tập đoàn sẽ mở nhà máy mới.", "2019-08-01"),
        _art("Ông Samuel T. Whitfield, Phó Chủ tịch Tập đoàn Northwind, ký thỏa thuận với tỉnh Bắc Ninh.",
             "2019-09-01"),
        _art("Nhà lãnh đạo Triều Tiên Kim Jong-un đến Hà Nội dự hội nghị thượng đỉnh.\n"
             "Chủ tịch Triều Tiên Kim Jong Un được đón tại ga Đồng Đăng.", "2019-02-26"),
    ]
    store.ingest(arts)
    assert len(_entries_of(store, "Trần Văn Khánh", "Tran Van Khanh")) == 1
    khanh = store.person("Trần Văn Khánh")
    assert khanh["name"] == "Trần Văn Khánh" and len(khanh["articles"]) == 2
    assert len(_entries_of(store, "Daniel J. Kritenbrink", "Daniel Kritenbrink", "Daniel J.Kritenbrink")) == 1
    assert store.person("Kritenbrink")["totals"]["articles"] == 3
    assert len(_entries_of(store, "Kim Jong-un", "Kim Jong Un")) == 1
    assert len(_entries_of(store, "Samuel T. Whitfield Jr", "Samuel T. Whitfield")) == 1
    names = [p["name"] for p in store.people(Filters(limit=500))["items"]]
    assert not any(n.startswith(("Thủ tướng", "Đại sứ", "Chủ tịch")) for n in names), names


def test_relatives_with_other_given_names_stay_apart(store):
    arts = [
        _art("Năm 2000, Tổng thống Mỹ Bill Clinton thăm Việt Nam.\n"
             "Ông Bill Clinton cùng bà Hillary Clinton và con gái Chelsea Clinton dạo phố cổ Hà Nội.\n"
             "Chuyến thăm của ông Clinton được người dân đón chào.", "2016-11-20"),
        _art("Ngoại trưởng Mỹ Hillary Clinton dự Diễn đàn khu vực ASEAN tại Hà Nội.\n"
             "Bà Hillary Clinton phát biểu về an ninh hàng hải.", "2010-07-23"),
        _art("Cựu Tổng thống George H. W. Bush thăm Việt Nam năm 1995.\n"
             "Con trai ông, Tổng thống George W. Bush, đến Hà Nội dự APEC năm 2006.", "2018-12-01"),
        _art("Tổng thống George W. Bush tiếp Chủ tịch nước tại Nhà Trắng.\n"
             "Ông George W. Bush khẳng định quan hệ hai nước phát triển tốt.", "2007-06-22"),
        _art("Tổng thống Barack Obama thăm Hà Nội.\n"
             "Bà Michelle Obama không tháp tùng ông Obama trong chuyến đi này.\n"
             "Ông Barack Obama phát biểu tại Trung tâm Hội nghị Quốc gia.", "2016-05-23"),
    ]
    store.ingest(arts)
    people = _people(store)
    for name in ("Bill Clinton", "Hillary Clinton", "George W. Bush", "George H. W. Bush", "Barack Obama",
                 "Michelle Obama"):
        assert name in people, (name, sorted(people))
    ids = _entries_of(store, "Bill Clinton", "Hillary Clinton", "George W. Bush", "George H. W. Bush",
                      "Barack Obama", "Michelle Obama")
    assert len(ids) == 6
    bill, hillary = store.person("Bill Clinton"), store.person("Hillary Clinton")
    assert "Hillary Clinton" not in bill["aliases"] and "Chelsea Clinton" not in bill["aliases"]
    assert "Bill Clinton" not in hillary["aliases"]
    assert "George H. W. Bush" not in store.person("George W. Bush")["aliases"]
    assert "Michelle Obama" not in store.person("Barack Obama")["aliases"]
    assert bill["totals"]["articles"] == 1 and hillary["totals"]["articles"] == 2, (bill, hillary)
    assert store.person("George W. Bush")["totals"]["articles"] == 2


def test_a_bare_surname_joins_only_the_one_person_it_can_be(store):
    store.ingest([
        _art("Bộ trưởng Thương mại Mỹ Gina Raimondo đến Hà Nội.\n"
             "Bà Gina Raimondo gặp lãnh đạo Bộ Công Thương.", "2023-01-10"),
        _art("Ông Tom Raimondo, doanh nhân bang Rhode Island, mở văn phòng tại Đà Nẵng.\n"
             "Ông Tom Raimondo cho biết sẽ tuyển 50 kỹ sư.", "2023-02-10"),
        _art("Ông Raimondo phát biểu tại hội thảo về chuỗi cung ứng ở Hà Nội.", "2023-03-10"),
        _art("Bộ trưởng Raimondo cho biết Mỹ sẽ hỗ trợ đào tạo kỹ sư bán dẫn.", "2023-04-10"),
        _art("Đại sứ Marc Knapper dự lễ khai giảng tại Cần Thơ.", "2023-05-10"),
        _art("Đại sứ Knapper trao học bổng cho sinh viên.", "2023-06-10"),
    ])
    gina, tom = store.person("Gina Raimondo"), store.person("Tom Raimondo")
    assert gina["id"] != tom["id"]
    # "Ông Raimondo" alone could be either: neither absorbs it
    assert tom["totals"]["articles"] == 1
    # the title says which: Gina was the minister
    assert gina["totals"]["articles"] == 2
    # one person bears the surname: the bare mention is theirs
    assert store.person("Marc Knapper")["totals"]["articles"] == 2


def test_places_and_fragments_are_never_people(store):
    store.ingest([
        _art("Thủ tướng Nguyễn Văn Hùng làm việc với tỉnh Bà Rịa-Vũng Tàu về cảng biển.\n"
             "[Video] Thủ tướng Nguyễn Văn Hùng Tiếp Phó Chủ tịch Tập đoàn Northwind\n"
             "Theo các chuyên gia của Forbes, thương mại Việt Nam - Hoa Kỳ sẽ tăng.\n"
             "Tổng Biên tập tạp chí The Diplomat cho rằng quan hệ Việt Nam-Hoa Kỳ đang tốt lên.\n"
             "Ông Nguyễn Quốc Minh – Giám đốc Điều hành Vinacafe giới thiệu sản phẩm.\n"
             "Bộ trưởng Ngoại giao các nước G20 họp tại Bonn.\n"
             "Ông Lê Văn Tâm, chuyên gia của Trung tâm Stimson, nhận định về Biển Đông.\n"
             "Thống đốc bang Iowa Terry Branstad dẫn đầu đoàn doanh nghiệp.", "2017-05-30"),
    ])
    names = set(_people(store))
    for fragment in ("Nguyễn Văn Hùng Tiếp", "Rịa-Vũng", "Forbes", "The Diplomat", "Diplomat", "Vinacafe",
                     "Bonn", "Stimson", "Iowa Terry Branstad", "Nam-Hoa"):
        assert fragment not in names, (fragment, names)
    for person in ("Nguyễn Văn Hùng", "Nguyễn Quốc Minh", "Lê Văn Tâm", "Terry Branstad"):
        assert person in names, (person, names)
    assert store.person("Nguyễn Văn Hùng")["totals"]["articles"] == 1


def test_the_side_is_the_majoritys_not_the_first_articles(store):
    name = "Đỗ Thành Nam"
    arts = [make_article(f"mem://side{i}", [f"Ông {name} phát biểu tại hội thảo số {i} về hợp tác kinh tế.",
                                           f"Bài viết thứ {i} bàn thêm về thương mại hai chiều năm nay."],
                         published=f"2018-0{i + 1}-01", people=[(name, title, None, side)])
            for i, (title, side) in enumerate([("Thứ trưởng Bộ Công Thương Hoa Kỳ", "US"),
                                               ("Thứ trưởng Bộ Công Thương", "VN"),
                                               ("Thứ trưởng Bộ Công Thương", "VN")])]
    store.ingest(arts)
    people = store.people(Filters(limit=50))["items"]
    assert [p["name"] for p in people] == [name]  # one entry, though the first article said US
    assert people[0]["side"] == "VN"
    assert store.people(Filters(side="VN"))["total"] == 1 and store.people(Filters(side="US"))["total"] == 0


def _career() -> list[Article]:
    """One official over six years, ingested out of order, with the titles as articles write them."""
    name = "Hà Minh Tuấn"
    rows = [("2021-03-02", "Bộ trưởng Bộ Ngoại giao tại Phòng Bầu dục Bộ trưởng Hà Minh Tuấn"),
            ("2015-06-10", "thứ trưởng Bộ Ngoại giao"),
            ("2018-09-12", "Đại sứ Việt Nam tại Hoa Kỳ"),
            ("2016-01-20", "Thứ trưởng Bộ Ngoại giao"),
            ("2021-08-30", "Bộ trưởng Bộ Ngoại giao, Bộ trưởng Bộ Ngoại giao")]
    arts = []
    for i, (day, title) in enumerate(rows):
        arts.append(make_article(f"mem://career{i}", [f"{title} {name} làm việc với đoàn Hoa Kỳ lần thứ {i}.",
                                                      f"Hai bên bàn về giáo dục và y tế, đợt {i} năm {day[:4]}."],
                                 published=day, people=[(name, title, None, "VN")]))
    # someone else, named in more articles, so that pages of one hold only one of them
    for i in range(6):
        arts.append(make_article(f"mem://other{i}", [f"Đại sứ Lê Thu Hà dự lễ kỷ niệm số {i} tại Washington.",
                                                     f"Buổi lễ thứ {i} có nhiều kiều bào tham dự."],
                                 published=f"2019-0{i + 1}-15",
                                 people=[("Lê Thu Hà", "Đại sứ Việt Nam tại Hoa Kỳ", None, "VN")]))
    return arts


def test_titles_over_time_are_canonical_dated_and_ordered(store):
    store.ingest(_career())
    p = store.person("Hà Minh Tuấn")
    got = [(x["title"], x["first_seen"], x["last_seen"], len(x["articles"])) for x in p["titles"]]
    assert got == [("Thứ trưởng Bộ Ngoại giao", "2015-06-10", "2016-01-20", 2),
                   ("Đại sứ Việt Nam tại Hoa Kỳ", "2018-09-12", "2018-09-12", 1),
                   ("Bộ trưởng Bộ Ngoại giao", "2021-03-02", "2021-08-30", 2)]
    assert p["title"] == "Bộ trưởng Bộ Ngoại giao"
    for x in p["titles"]:
        assert "Hà Minh Tuấn" not in x["title"] and "Phòng Bầu dục" not in x["title"]


def test_the_latest_title_is_shown_whatever_the_page_size(store):
    store.ingest(_career())
    shown = set()
    for limit in (1, 2, 50):
        for offset in range(0, 2, limit):
            for row in store.people(Filters(limit=limit, offset=offset))["items"]:
                if row["name"] == "Hà Minh Tuấn":
                    shown.add(row["title"])
    assert shown == {"Bộ trưởng Bộ Ngoại giao"}
    assert store.people(Filters(person="Hà Minh Tuấn", limit=1))["items"][0]["title"] == "Bộ trưởng Bộ Ngoại giao"
    assert store.person("Hà Minh Tuấn", limit=1)["title"] == "Bộ trưởng Bộ Ngoại giao"


def test_the_api_shows_the_latest_title_whatever_the_page_size(store):
    store.ingest(_career())
    client = TestClient(create_app(store=store))
    seen = set()
    for limit in (1, 2, 20):
        for offset in (0, 1):
            body = client.get("/api/people", params={"limit": limit, "offset": offset}).json()
            seen |= {p["title"] for p in body["items"] if p["name"] == "Hà Minh Tuấn"}
    assert seen == {"Bộ trưởng Bộ Ngoại giao"}
    one = client.get("/api/people/Hà Minh Tuấn", params={"limit": 1}).json()
    assert one["title"] == "Bộ trưởng Bộ Ngoại giao"
    assert [t["first_seen"] for t in one["titles"]] == sorted(t["first_seen"] for t in one["titles"])


def test_a_person_is_found_without_tone_marks(store):
    """'Nguyen Van Hai' and 'van hai' find Nguyễn Văn Hải; a different person is not guessed."""
    store.ingest([analyze("Hợp tác y tế\nChiều 4/3, Bộ trưởng Nguyễn Văn Hải tiếp Đại sứ Mỹ Alan Reed tại Hà Nội.\n"
                          "Bộ trưởng Nguyễn Văn Hải đề nghị phía Mỹ hỗ trợ chương trình tiêm chủng.\n")])
    marked = store.person("Nguyễn Văn Hải")
    assert marked is not None
    for query in ("Nguyen Van Hai", "nguyen van hai", "Van Hai"):
        found = store.person(query)
        assert found is not None and found["id"] == marked["id"], query
    assert store.person("Nguyen Van Hoa") is None
    assert store.statements(Filters(person="Nguyen Van Hai"))["total"] >= 1


def test_typing_slips_of_a_foreign_name_are_one_entry(store):
    """A foreign name written with one letter added, dropped, changed or two swapped inside a word, the other
    words identical, is one person; a slip at the last letter, another given name, a father and his son are not."""
    store.ingest([
        _art("Trợ lý Bộ trưởng Quốc phòng Mỹ Randolph Schreiber thăm Hà Nội.\n"
             "Ông Randolph Schreiber gặp Thứ trưởng Bộ Quốc phòng.", "2018-03-01"),
        _art("Trợ lý Bộ trưởng Quốc phòng Mỹ Randolph Schrieber dự đối thoại an ninh.\n"
             "Ông Randolph Schrieber nhấn mạnh hợp tác hàng hải.", "2018-06-01"),
        _art("Đại sứ Mỹ Gerald T. Halvorsen dự lễ khai giảng.\n"
             "Đại sứ Halvorssen trao học bổng cho sinh viên.", "2019-09-05"),
        _art("Tiến sĩ Wallace F. Morrow và Tiến sĩ Wallace F. Murrow cùng trình bày báo cáo về kinh tế.\n"
             "Ông Wallace F. Morrow cho rằng xuất khẩu sẽ tăng.", "2019-10-01"),
        _art("Bộ trưởng Thương mại Mỹ Wilbert Crane thăm TP.HCM.\n"
             "Ông Willbert Crane gặp doanh nghiệp dệt may.", "2019-11-01"),
        # a slip at the last letter is another name: two people
        _art("Ông Martin Hollis, chuyên gia Viện Brookings, nhận định về thương mại.", "2019-12-01"),
        _art("Ông Martin Hollise, Giám đốc USAID, trao tài trợ cho tỉnh Đồng Nai.", "2019-12-02"),
        # other given names, a father and his son
        _art("Ông George H. W. Langford, cựu Thượng nghị sĩ, cùng con trai George W. Langford thăm Huế.\n"
             "Bà Hillary Langford cũng có mặt trong đoàn.", "2020-01-10"),
    ])
    assert len(_entries_of(store, "Randolph Schreiber", "Randolph Schrieber")) == 1
    assert store.person("Randolph Schreiber")["totals"]["articles"] == 2
    assert store.person("Gerald T. Halvorsen")["totals"]["articles"] == 1
    assert "Halvorssen" not in _people(store)
    assert len(_entries_of(store, "Wallace F. Morrow", "Wallace F. Murrow")) == 1
    assert len(_entries_of(store, "Wilbert Crane", "Willbert Crane")) == 1
    assert len(_entries_of(store, "Martin Hollis", "Martin Hollise")) == 2
    assert len(_entries_of(store, "George H. W. Langford", "George W. Langford", "Hillary Langford")) == 3


def test_a_name_left_partly_without_tone_marks_is_the_marked_one(store):
    store.ingest([
        _art("Chủ tịch Quốc hội Trần Thị Minh Hạnh tiếp đoàn nghị sĩ Mỹ.\n"
             "Bà Trần Thị Minh Hạnh đề nghị hai bên tăng cường trao đổi đoàn.", "2017-05-01"),
        _art("Chủ tịch Quốc hội Trần Thi Minh Hạnh gặp Thượng nghị sĩ Mỹ tại Hà Nội.", "2017-06-01"),
        _art("Ông Lê Văn Bình, Giám đốc Sở Tài chính, và ông Lê Văn Bính, Phó Giám đốc Sở Xây dựng, dự họp.", "2017-07-01"),
    ])
    assert len(_entries_of(store, "Trần Thị Minh Hạnh", "Trần Thi Minh Hạnh")) == 1
    assert len(_entries_of(store, "Lê Văn Bình", "Lê Văn Bính")) == 2


def test_glued_words_fragments_and_places_are_no_entries(store):
    store.ingest([
        _art("Ngoại trưởng Mỹ Mike Pompeo đi dạo quanh Hồ Trúc Bạch ở Hà Nội.\n"
             "Ông Mike Pompeo gặp Bộ trưởng Ngoại giao Phạm Văn Đức.", "2018-07-08"),
        _art("Tổng thống B.Ô-ba-ma và ông C.Sa đến thăm Nhà hát Lớn.\n"
             "Theo Hoa Kỳcủa ông Phạm Văn Đức, quan hệ hai nước phát triển.", "2016-05-24"),
    ])
    names = set(_people(store))
    for junk in ("Hồ Trúc Bạch", "B.Ô-ba-ma", "C.Sa", "Hoa Kỳcủa"):
        assert junk not in names, (junk, names)
    assert {"Mike Pompeo", "Phạm Văn Đức"} <= names, names


def test_a_split_surname_and_a_misspelling_written_beside_the_right_one_are_one_entry(store):
    """``Mc Cain`` is ``McCain`` in any article; a surname two letters off is the same person only where
    one article writes both spellings — other given names, other surnames and Vietnamese names stay apart."""
    arts = [
        make_article("mem://p1", ["Thượng nghị sĩ John McCain thăm Hà Nội."], published="2015-05-01",
                     people=[("John McCain", "Thượng nghị sĩ", None, "US")]),
        make_article("mem://p2", ["Chủ tịch Ủy ban Quân vụ John Mc Cain gặp Bộ trưởng Quốc phòng."],
                     published="2016-05-01", people=[("John Mc Cain", "Chủ tịch Ủy ban Quân vụ", None, "US")]),
        make_article("mem://p3", ["Bà Cindy McCain dự lễ tưởng niệm."], published="2018-09-01",
                     people=[("Cindy McCain", None, None, "US")]),
        make_article("mem://p4", ["Bà Alma Wainright, Giám đốc Chương trình Đông Nam Á, phát biểu.",
                                  "Tiến sĩ Alma Wainringt cho rằng hai nước còn nhiều dư địa hợp tác."],
                     published="2019-03-01", people=[("Alma Wainright", "Giám đốc Chương trình Đông Nam Á", None, "US"),
                                                     ("Alma Wainringt", "Tiến sĩ", None, "US")]),
        make_article("mem://p5", ["Tiến sĩ Alma Wayright giảng bài tại Đại học Harvard."], published="2019-04-01",
                     people=[("Alma Wayright", "Tiến sĩ", None, "US")]),
        make_article("mem://p6", ["Ông Peter Hollings và bà Susan Holings cùng dự hội thảo."], published="2019-05-01",
                     people=[("Peter Hollings", None, None, "US"), ("Susan Holings", None, None, "US")]),
    ]
    store.ingest(arts)
    assert len(_entries_of(store, "John McCain", "John Mc Cain")) == 1
    assert store.person("John Mc Cain")["totals"]["articles"] == 2
    assert store.person("John Mc Cain")["name"] == "John McCain"
    assert len(_entries_of(store, "John McCain", "Cindy McCain")) == 2  # spouses
    assert len(_entries_of(store, "Alma Wainright", "Alma Wainringt")) == 1  # one article writes both
    # another article's spelling two letters off, with no article writing both, is not enough
    assert len(_entries_of(store, "Alma Wainright", "Alma Wayright")) == 2
    assert len(_entries_of(store, "Peter Hollings", "Susan Holings")) == 2  # two given names in one article
