"""Events: type from cue words, participants, dates, status, place, merging."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from hoptac.extract.entities import extract_entities
from hoptac.extract.events import extract_events
from hoptac.extract.nlp import annotate
from hoptac.model import Article
from hoptac.settings import DEFAULT

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

TEXT = (
    "Chiều 14/11, tại Hà Nội, Thủ tướng Lê Văn Khải đã tiếp Thứ trưởng Ngoại giao Hoa Kỳ John Whitfield.\n"
    "Thủ tướng hoan nghênh kết quả làm việc của đoàn.\n"
    "Trước đó, Thứ trưởng John Whitfield đã gặp Bộ trưởng Bộ Công Thương Trần Văn Bình, "
    "Bộ trưởng Bộ Tài chính Phạm Thị Hoa và Thống đốc Ngân hàng Nhà nước Vũ Đức Long.\n"
    "Hai bên nhất trí các chuyến thăm cấp cao sẽ tiếp tục được thúc đẩy.\n"
    "Thủ tướng Lê Văn Khải sẽ có chuyến thăm chính thức Hoa Kỳ vào tháng 12.\n"
    "Ông Whitfield không gặp khó khăn gì trong chuyến đi.\n"
)


def run(text: str = TEXT, published: str | None = "2025-11-15") -> Article:
    art = Article(text=text, published=published)
    annotate(art, DEFAULT)
    extract_entities(art, DEFAULT)
    return extract_events(art, DEFAULT)


def test_reception_with_date_place_and_participants():
    events = run().events
    rec = [e for e in events if e.type == "reception"]
    assert len(rec) == 1
    assert set(rec[0].participants) == {"Lê Văn Khải", "John Whitfield"}
    assert rec[0].date == "2025-11-14"
    assert rec[0].place == "Hà Nội"
    assert rec[0].status == "happened"


def test_listed_meetings_are_one_each():
    meetings = [e for e in run().events if e.type == "meeting"]
    pairs = {frozenset(e.participants) for e in meetings}
    assert pairs == {frozenset({"John Whitfield", x}) for x in ("Trần Văn Bình", "Phạm Thị Hoa", "Vũ Đức Long")}
    # no date of their own: the month of the reception they belong to
    assert {e.date for e in meetings} == {"2025-11"}


def test_planned_visit_and_no_event_from_generic_or_idiomatic_cues():
    events = run().events
    visits = [e for e in events if e.type == "visit"]
    assert len(visits) == 1
    assert visits[0].status == "planned"
    assert visits[0].participants == ["Lê Văn Khải"]
    assert visits[0].date == "2025-12"
    # "các chuyến thăm" is generic, "gặp khó khăn" is no meeting
    assert len(events) == 5


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_quantifier_and_classifier_before_a_verbal_cue_is_generic(form: str):
    """``các cuộc đối thoại``, ``trong các lần đến thăm``, ``nhiều lần viếng thăm``: many occasions in
    general, no event; the one named visit of the same text stays (the whole pipeline, which
    normalizes the text, in either Unicode form)."""
    import unicodedata

    from hoptac import analyze
    text = unicodedata.normalize(form, (
        "Hội nghị sĩ Mỹ tới Hà Nội\n"
        "Ông Trần Văn Bình cho biết ông đã bắt đầu các cuộc đối thoại cấp cao về thương mại.\n"
        "Trong các lần đến thăm Việt Nam, Thượng nghị sĩ John Whitfield mời thêm nghị sĩ đi cùng.\n"
        "Hải quân Hoa Kỳ đã nhiều lần viếng thăm cảng Đà Nẵng.\n"
        "Sáng 3/5/2025, Thượng nghị sĩ John Whitfield đến thăm Việt Nam.\n"))
    events = analyze(text).events
    assert [e.type for e in events] == ["visit"]
    assert events[0].date == "2025-05-03"


def test_soon_after_a_future_word_is_a_planned_signing_not_a_goal():
    """``sẽ sớm ký Bản ghi nhớ``: a planned signing of the two ministries; ``đề nghị ... sớm ký``
    without a future word stays a goal (no event)."""
    text = ("Bộ Công Thương Việt Nam và Bộ Năng lượng Hoa Kỳ sẽ sớm ký Bản ghi nhớ về hợp tác năng lượng.\n"
            "Bộ trưởng Trần Văn Bình đề nghị Bộ Thương mại Hoa Kỳ sớm ký Hiệp định thương mại.\n")
    signings = [e for e in run(text).events if e.type == "signing"]
    assert len(signings) == 1
    assert signings[0].status == "planned"
    assert set(signings[0].participants) == {"Bộ Công Thương Việt Nam", "Bộ Năng lượng Hoa Kỳ"}


def test_evidence_spans_contain_the_cue():
    art = run()
    for e in art.events:
        quoted = art.text[e.evidence[0]:e.evidence[1]].lower()
        assert any(c in quoted for c in ("tiếp", "gặp", "thăm")), quoted


def test_without_published_date_the_year_stays_open():
    rec = [e for e in run(published=None).events if e.type == "reception"]
    assert rec[0].date == "--11-14"


@pytest.mark.skipif(not (SHARED / "corpus" / "vnus").is_dir(), reason="../shared/corpus/vnus is absent")
def test_events_on_real_articles_are_well_formed():
    files = sorted((SHARED / "corpus" / "vnus").glob("*.txt"))
    random.Random(11).shuffle(files)
    for path in files[:40]:
        art = run(path.read_text(encoding="utf-8"), published=None)
        names = {p.name for p in art.people} | {o.name for o in art.organizations}
        for e in art.events:
            assert e.type in {"meeting", "reception", "call", "dialogue", "visit", "signing"}
            assert e.status in {"happened", "planned"}
            assert set(e.participants) <= names, (path.name, e)
            a, b = e.evidence
            assert 0 <= a < b <= len(art.text)


def events_of(text: str, published: str | None = "2025-11-15") -> list:
    return run(text, published).events


def test_planned_cue_inside_an_organization_name_does_not_count():
    text = ("Ngày 10/11, Bộ trưởng Bộ Kế hoạch và Đầu tư Lê Văn Khải và Thứ trưởng Ngoại giao Hoa Kỳ "
            "John Whitfield đã đồng chủ trì Đối thoại kinh tế lần thứ hai.\n")
    ev = events_of(text)
    assert [(e.type, e.status, e.date) for e in ev] == [("dialogue", "happened", "2025-11-10")]


def test_a_date_before_a_verb_of_saying_dates_the_saying_not_the_event():
    text = ("Đại sứ Hoa Kỳ John Whitfield tối 12/11 tiết lộ rằng chuyến thăm Hoa Kỳ của "
            "Thủ tướng Lê Văn Khải đã rất thành công.\n")
    visits = [e for e in events_of(text) if e.type == "visit"]
    assert len(visits) == 1
    assert visits[0].participants == ["Lê Văn Khải"]
    assert visits[0].date is None


def test_goals_and_interviews_are_no_events():
    text = ("Thứ trưởng Bộ Công Thương Trần Văn Bình cho biết hai bên đang tiến tới đàm phán, ký kết "
            "một hiệp định thương mại song phương.\n"
            "Trao đổi với phóng viên, ông Trần Văn Bình cho biết Tổng thống Mỹ John Whitfield quan tâm tới Việt Nam.\n"
            "Trao đổi với báo Kinh tế, ông Trần Văn Bình nói thêm rằng Tổng thống John Whitfield sẽ quyết định sớm.\n")
    assert events_of(text) == []


def test_a_visitor_named_before_the_verb_is_the_visit_participant():
    text = ("Tối 9/11, Thủ tướng Lê Văn Khải đã tới Hoa Kỳ trong chuyến thăm chính thức theo lời mời của "
            "Tổng thống Mỹ John Whitfield.\n"
            "Thượng nghị sĩ Mỹ Mary Olsen đã ra tuyên bố chào mừng Thủ tướng Lê Văn Khải tới thăm Hoa Kỳ.\n")
    visits = [e for e in events_of(text) if e.type == "visit"]
    assert len(visits) == 1  # the welcome names the same visit
    assert visits[0].participants == ["Lê Văn Khải", "John Whitfield"]
    assert visits[0].date == "2025-11-09"


def test_an_itinerary_keeps_its_subject_and_its_unnamed_counterparts_apart():
    text = ("Trưa 12/11, Thủ tướng Lê Văn Khải dự tiệc chiêu đãi do Ngoại trưởng Mỹ John Whitfield chủ trì.\n"
            "Thủ tướng sau đó sẽ hội đàm với Tổng thống Mỹ Mary Olsen tại Nhà Trắng.\n"
            "Trước đó, lãnh đạo Việt Nam đã có buổi làm việc với các doanh nghiệp Mỹ, "
            "điện đàm với một số nghị sĩ Mỹ và tiếp một số nhà khoa học gốc Việt.\n")
    ev = events_of(text)
    talks = [e for e in ev if e.type == "meeting" and "Mary Olsen" in e.participants]
    assert len(talks) == 1 and talks[0].status == "planned"
    assert talks[0].date == "2025-11-12"  # "sau đó": the day of the event before
    alone = [e for e in ev if e.participants == ["Lê Văn Khải"]]
    assert sorted(e.type for e in alone) == ["call", "meeting", "reception"]


def test_tiep_doan_is_the_previous_meeting_seen_from_its_host():
    text = ("Ngày 9/4, Bộ trưởng Hải quân Mỹ John Whitfield đã làm việc với UBND tỉnh Khánh Hòa.\n"
            "Tiếp đoàn, Chủ tịch UBND tỉnh Khánh Hòa Lê Văn Khải đánh giá cao ý nghĩa của chuyến công tác.\n")
    ev = events_of(text)
    assert [(e.type, e.date) for e in ev] == [("reception", "2025-04-09")]
    assert {"John Whitfield", "Lê Văn Khải"} <= set(ev[0].participants)


def test_a_named_dialogue_to_come_needs_no_participant():
    text = ("Cuộc đối thoại diễn ra trong không khí cởi mở.\n"
            "Hai bên nhất trí sẽ tiến hành Đối thoại Chính trị - An ninh lần thứ 12 tại Washington D.C.\n")
    ev = events_of(text)
    assert [(e.type, e.status, e.participants) for e in ev] == [("dialogue", "planned", [])]


def test_meetings_with_listed_companies_are_meetings_with_their_named_people():
    text = ("Ngày 20/5, Bộ trưởng Bộ Công Thương Trần Văn Bình đã có loạt cuộc gặp với lãnh đạo các tập đoàn "
            "Hoa Kỳ, bao gồm Tập đoàn Northwind và Tập đoàn Bluepeak.\n"
            "Tại buổi làm việc với Tập đoàn Northwind, ông Mark Ellis, Phó Chủ tịch Northwind, đề xuất ba hướng hợp tác.\n")
    meetings = [e for e in events_of(text) if e.type == "meeting"]
    pairs = {frozenset(e.participants) for e in meetings}
    assert frozenset({"Trần Văn Bình", "Mark Ellis"}) in pairs
    assert any("Bluepeak" in " ".join(p) for p in pairs)
    assert len(meetings) == 2


_INVITED = "Thủ tướng Lê Văn Khải sẽ thăm chính thức Hoa Kỳ theo lời mời của Tổng thống John Whitfield.\n"
_GROUP = "Ngày 20/5, Thủ tướng Lê Văn Khải đã có cuộc gặp với Hiệp hội Doanh nghiệp Northwind"


@pytest.mark.parametrize(("text", "etype", "count"), [
    # a visit announced, then the paragraph set in it: one trip whatever the status
    (_INVITED + "Trong chuyến thăm Hoa Kỳ, Thủ tướng Lê Văn Khải đã gặp các doanh nghiệp lớn.\n", "visit", 1),
    (_INVITED + "Năm ngoái, Thủ tướng Lê Văn Khải đã thăm Nhật Bản.\n", "visit", 2),  # another country
    # the members of a named group are no list of counterparts; a list is one meeting with each
    (_GROUP + ", trong đó có Tập đoàn Bluepeak và Tập đoàn Redstone.\n", "meeting", 1),
    (_GROUP + ", Tập đoàn Bluepeak và Tập đoàn Redstone.\n", "meeting", 3),
])
def test_how_many_occasions_a_text_tells(text: str, etype: str, count: int):
    assert len([e for e in events_of(text) if e.type == etype]) == count


def test_a_caption_lends_its_date_but_makes_no_event():
    body = "Trong cuộc tiếp Đại sứ Mỹ John Whitfield, Tổng Bí thư Lê Văn Khải nhấn mạnh quan hệ hai nước.\n"
    caption = "Tổng Bí thư Lê Văn Khải tiếp Đại sứ Mỹ John Whitfield chiều 29/9.\n"
    art = Article(text=body + caption, published=None)
    art.captions = [(len(body), len(body) + len(caption))]
    annotate(art, DEFAULT)
    extract_entities(art, DEFAULT)
    ev = extract_events(art, DEFAULT).events
    assert [(e.type, e.date) for e in ev] == [("reception", "--09-29")]
    assert ev[0].evidence[1] <= len(body)


def test_an_executive_order_is_no_signing_and_a_closed_parenthesis_keeps_its_date():
    text = ("Hôm 21/1, Tổng thống Mỹ John Whitfield ký quyết định rút khỏi hiệp định.\n"
            "Hai bên nhắc lại chuyến thăm của Thủ tướng Lê Văn Khải tới Hoa Kỳ (tháng 5/2017) và chuyến thăm "
            "của Tổng thống John Whitfield tới Việt Nam.\n")
    ev = events_of(text)
    assert not [e for e in ev if e.type == "signing"]
    dated = {tuple(e.participants): e.date for e in ev if e.type == "visit"}
    assert dated == {("Lê Văn Khải",): "2017-05", ("John Whitfield",): None}


def test_a_sentence_opening_on_the_setting_of_an_event_told_before_adds_no_event() -> None:
    events = events_of("Hai nước bàn hợp tác\n\n"
                       "Ngày 12/11, Thủ tướng Lê Văn Bình đã tiếp Bộ trưởng Thương mại Mỹ John Carter.\n"
                       "Tại buổi tiếp, Thủ tướng đề nghị Bộ Thương mại Mỹ sớm công nhận quy chế kinh tế thị trường.\n"
                       "Trong cuộc gặp với Đại sứ Jane Roe chiều cùng ngày, Thủ tướng Lê Văn Bình đề nghị tăng hợp tác.\n")
    assert [(e.type, sorted(e.participants)) for e in events][:1] == [("reception", ["John Carter", "Lê Văn Bình"])]
    assert not [e for e in events if "Bộ Thương mại Mỹ" in e.participants]  # the setting is no new reception


def test_forums_listed_as_where_two_sides_work_together_are_no_events() -> None:
    events = events_of("Hai nước bàn hợp tác\n\n"
                       "Thứ trưởng Lê Văn Bình cho biết hai bên sẽ phối hợp trong các diễn đàn đa phương như "
                       "Diễn đàn Khu vực ASEAN (ARF), Hội nghị Cấp cao Đông Á (EAS).\n")
    assert not [e for e in events if e.type == "dialogue"]


def test_the_date_in_the_events_phrase_beats_the_day_it_was_told():
    """'hôm nay cho biết ..., trong chuyến thăm của X tháng 11 năm ngoái': the visit is of last November."""
    text = ("Đô đốc Mark Hensley hôm nay cho biết Washington đã cam kết với Hà Nội, về việc đưa tàu đến Việt Nam, "
            "trong chuyến thăm của Tổng thống Robert Hanley tháng 11 năm ngoái.\n")
    visits = [e for e in run(text, published="2031-03-06").events if e.type == "visit"]
    assert len(visits) == 1 and visits[0].date == "2030-11"


def test_a_forum_opening_a_sentence_is_the_setting_of_the_meeting_after_it():
    """'Ngày 28/6, trong khuôn khổ Hội nghị ..., A đã có cuộc gặp với B': the meeting, dated by the
    forum's clause, and the forum itself, an occasion of its own (the annotators mark both)."""
    text = ("Ngày 28/6, trong khuôn khổ Hội nghị thượng đỉnh G20 tổ chức tại Nhật Bản, Thủ tướng Lê Văn Khải "
            "đã có cuộc gặp song phương với Tổng thống Hoa Kỳ John Whitfield.\n")
    events = run(text, published="2031-06-29").events
    meetings = [(e.date, sorted(e.participants)) for e in events if e.type == "meeting"]
    assert meetings == [("2031-06-28", ["John Whitfield", "Lê Văn Khải"])]
    assert [e.date for e in events if e.type == "dialogue"] == ["2031-06-28"]
    undated = ("Nhân dịp dự Hội nghị cấp cao APEC tại Đà Nẵng, Thủ tướng Lê Văn Khải đã gặp "
               "Tổng thống Hoa Kỳ John Whitfield.\n")
    events = run(undated, published="2031-11-12").events
    assert sorted(e.type for e in events) == ["dialogue", "meeting"]
    assert len({e.place for e in events}) == 1  # the meeting takes the forum's place
    alone = ("Ngày 28/6, trong khuôn khổ Hội nghị thượng đỉnh G20 tại Nhật Bản, Thủ tướng Lê Văn Khải "
             "và Tổng thống Hoa Kỳ John Whitfield cùng dự phiên họp đầu tiên.\n")
    assert [e.type for e in run(alone, published="2031-06-29").events] == ["dialogue"]


def test_a_date_before_xac_nhan_dates_the_confirming_not_the_summit():
    text = ("Phó tổng thống Mỹ John Whitfield hôm qua xác nhận Tổng thống Robert Hanley sẽ tham dự "
            "một loạt hội nghị thượng đỉnh ở châu Á.\n")
    summits = [e for e in run(text, published="2031-04-21").events if e.type == "dialogue"]
    assert summits and all(e.date != "2031-04-20" for e in summits)


LOOKBACK = (
    "Hãng Sao Việt Airlines đã ký kết thỏa thuận liên danh với hãng Pacific Air Lines của Mỹ.\n"
    "Theo thỏa thuận, hai hãng sẽ bán vé trên các chuyến bay của nhau từ tháng 10.\n"
    "Trước đó, từ năm 2012, Sao Việt Airlines đã ký thỏa thuận hợp tác với Pacific Air Lines trên 5 đường bay.\n"
)


@pytest.mark.parametrize("published", [None, "2025-09-10"])
def test_an_occasion_told_looking_back_neither_merges_into_nor_dates_the_news(published):
    events = [e for e in run(LOOKBACK, published).events if e.type == "signing"]
    news = [e for e in events if not e.background]
    assert len(news) == 1 and news[0].date is None  # the lead signing keeps no date of 2012
    assert "Pacific Air Lines" in news[0].participants  # "Air Lines": a company, not a person
    earlier = [e for e in events if e.background]
    assert len(earlier) == 1 and earlier[0].date == "2012"


NOT_OCCASIONS = (
    "Nếu được ký kết, hiệp định thương mại giữa hai nước sẽ mở ra nhiều cơ hội.\n"
    "Bộ trưởng Lê Minh Tâm cho biết hai bên tiếp tục đối thoại về các vấn đề còn khác biệt.\n"
    "Hai bên thống nhất thúc đẩy hợp tác theo các văn bản đã được ký kết.\n"
    "Ông Trần Quốc Huy cho rằng doanh nghiệp sẽ gặp nhiều khó khăn trong năm tới.\n"
)


def test_suppositions_habits_documents_and_troubles_are_no_occasions():
    assert run(NOT_OCCASIONS).events == []


def test_a_meeting_noun_with_its_counterpart_is_an_occasion():
    text = ("Chiều 3/4, Bộ trưởng Lê Minh Tâm đã đón Thứ trưởng Thương mại Hoa Kỳ Mark Ellison tại Hà Nội.\n"
            "Trong cuộc gặp với Thứ trưởng Mark Ellison, Bộ trưởng Lê Minh Tâm đề nghị hai bên mở cửa thị trường.\n"
            "Trao đổi trong buổi họp báo, bà Ellison nói hiệp định đã được ký kết giữa Bộ Công Thương và Bộ Thương mại Hoa Kỳ.\n")
    events = run(text).events
    meetings = [e for e in events if e.type in ("meeting", "reception")]
    assert any({"Lê Minh Tâm", "Mark Ellison"} <= set(e.participants) for e in meetings)
    assert any(e.type == "signing" for e in events)  # "được ký kết giữa A và B": a signing of its parties


def _with_caption(body: str, caption: str, tail: str = "") -> list:
    art = Article(text=body + caption + tail, published="2025-10-01")
    art.captions = [(len(body), len(body) + len(caption))]
    annotate(art, DEFAULT)
    extract_entities(art, DEFAULT)
    return extract_events(art, DEFAULT).events


def test_an_occasion_only_a_caption_shows_is_an_event():
    body = "Chiều 29/9, Tổng Bí thư Lê Văn Khải hội đàm với Ngoại trưởng Mỹ John Whitfield tại Hà Nội.\n"
    caption = "Thủ tướng Trần Văn Bình tiếp ông Mark Ellis, Chủ tịch Tập đoàn Northwind. Ảnh: TTXVN\n"
    ev = _with_caption(body, caption, "Hai bên nhất trí thúc đẩy thương mại.\n")
    pairs = {frozenset(e.participants): e.type for e in ev}
    assert pairs[frozenset({"Lê Văn Khải", "John Whitfield"})] == "meeting"
    assert pairs[frozenset({"Trần Văn Bình", "Mark Ellis"})] == "reception"
    assert len(ev) == 2


def test_a_caption_event_lends_the_body_no_month():
    body = ("Tổng Bí thư Lê Văn Khải hội đàm với Ngoại trưởng Mỹ John Whitfield tại Hà Nội.\n"
            "Hai bên nhất trí thúc đẩy thương mại.\n")
    caption = "Ngoại trưởng Mỹ John Whitfield thăm Việt Nam tháng 1/2025. Ảnh: TTXVN\n"
    ev = _with_caption(body, caption)
    (meeting,) = [e for e in ev if e.type == "meeting"]
    assert meeting.date is None
    assert [e.date for e in ev if e.type == "visit"] == ["2025-01"]


def test_visits_to_two_countries_are_two_trips():
    text = ("Thủ tướng Lê Văn Khải cảm ơn Tổng thống John Whitfield đã mời ông thăm chính thức Hoa Kỳ.\n"
            "Thủ tướng cũng mời Tổng thống John Whitfield thăm chính thức Việt Nam vào dịp thích hợp.\n")
    visits = [e for e in events_of(text) if e.type == "visit"]
    assert len(visits) == 2


def test_a_visit_told_twice_to_one_country_is_one_trip():
    text = ("Thủ tướng Lê Văn Khải thăm chính thức Hoa Kỳ từ ngày 29 đến 31/5.\n"
            "Đây là chuyến thăm chính thức Hoa Kỳ đầu tiên của Thủ tướng Lê Văn Khải.\n")
    visits = [e for e in events_of(text) if e.type == "visit"]
    assert len(visits) == 1


def test_one_trip_told_with_other_companions_is_one_visit():
    text = ("Thủ tướng Lê Văn Khải thăm chính thức Hoa Kỳ theo lời mời của Tổng thống John Whitfield.\n"
            "Trên đường thăm Mỹ, sáng 29/5, Đoàn đại biểu cấp cao do Thủ tướng Lê Văn Khải dẫn đầu, "
            "gồm Bộ trưởng Trần Văn Bình, đã quá cảnh Nhật Bản.\n")
    visits = [e for e in events_of(text) if e.type == "visit"]
    assert len(visits) == 1
    assert "Lê Văn Khải" in visits[0].participants


def test_dialogue_as_a_means_is_no_event():
    text = ("Bộ trưởng Trần Văn Bình nhấn mạnh hai nước cần giải quyết bất đồng thông qua đối thoại và "
            "thương lượng, phù hợp với luật pháp quốc tế.\n")
    assert [e for e in events_of(text) if e.type == "dialogue"] == []


def test_parasites_continuing_to_speak_and_never_working_together_are_no_events():
    text = ("Viện Sốt rét - Ký sinh trùng Trung ương cho biết ông Trần Văn Bình đã xét nghiệm 60 mẫu máu.\n"
            "\"Chúng tôi sẽ công bố kết quả sớm\", bà Anna Price tiếp.\n"
            "Ông Lê Văn Khải nói ông không bao giờ làm việc với ông Mark Ellis.\n")
    assert events_of(text) == []


def test_the_air_force_signing_is_not_negated_and_a_clause_naming_signed_deals_is_no_signing():
    text = ("Ngày 12/3, Quân chủng Phòng không - không quân đã ký kết bản ghi nhớ với Công ty Northwind.\n"
            "Bộ trưởng Trần Văn Bình đề nghị triển khai các thỏa thuận thương mại đã ký kết.\n")
    signings = [e for e in events_of(text) if e.type == "signing"]
    assert len(signings) == 1 and signings[0].date == "2025-03-12"


def test_a_caption_of_the_day_s_forum_is_that_forum():
    body = ("Chiều 5/3, Hội nghị Gặp gỡ Hoa Kỳ diễn ra tại Đà Nẵng với sự tham dự của Đại sứ Mark Ellis "
            "và Chủ tịch UBND thành phố Trần Văn Bình.\n")
    caption = "Ông Lê Văn Khải trò chuyện với các đại biểu tại hội nghị chiều 5/3. Ảnh: TTXVN\n"
    ev = _with_caption(body, caption)
    assert [e.type for e in ev] == ["dialogue"]


@pytest.mark.parametrize("act, etype, expected", [
    ("gặp Đại sứ Hoa Kỳ John Whitfield", "meeting", True),
    ("gặp các nghị sĩ Mỹ", "meeting", True),
    ("gặp lại đại diện doanh nghiệp Mỹ", "meeting", True),
    ("gặp rắc rối với hồ sơ thuế", "meeting", False),
    ("gặp rất nhiều áp lực khi đàm phán", "meeting", False),
    ("gặp tổn thất nặng nề", "meeting", False),
    ("ký thỏa thuận hợp tác với Công ty Northwind", "signing", True),
    ("ký bản ghi nhớ về giáo dục", "signing", True),
    ("ký công văn gửi Sở Tài chính về việc kiểm tra", "signing", False),
    ("ký tờ trình phương án tái cơ cấu", "signing", False),
])
def test_gap_meets_someone_and_ky_signs_a_document_between_parties(act: str, etype: str, expected: bool):
    """'gặp' is a meeting only with someone met; bare 'ký' a signing only of a document between parties."""
    text = f"Ngày 3/5, Bộ trưởng Trần Văn Bình đã {act}.\n"
    events = run(text, published="2025-05-04").events
    assert any(e.type == etype for e in events) is expected


def test_a_phone_call_is_an_event_between_two_office_holders_only():
    state = run("Ngày 3/5, Thủ tướng Lê Văn Khải đã gọi điện cho Tổng thống Hoa Kỳ John Whitfield.\n",
                published="2025-05-04").events
    private = run("Ngày 3/5, anh Nguyễn Văn Tài gọi điện cho chị Lê Thị Mai để hỏi đường.\n",
                  published="2025-05-04").events
    assert [e.type for e in state] == ["call"]
    assert not [e for e in private if e.type == "call"]


def test_a_match_against_a_team_is_no_meeting_but_a_war_exercise_leaves_the_meeting():
    match = run("Ngày 3/5, đội tuyển của HLV Trần Văn Bình đã thắng trong trận gặp đội Sông Lam.\n",
                published="2025-05-04").events
    talks = run("Ngày 3/5, sau cuộc tập trận, Bộ trưởng Trần Văn Bình gặp Đại sứ Hoa Kỳ John Whitfield.\n",
                published="2025-05-04").events
    assert not [e for e in match if e.type == "meeting"]
    assert [e.type for e in talks] == ["meeting"]


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_courtesy_call_is_a_reception_by_the_leader_called_on(form: str):
    import unicodedata

    text = unicodedata.normalize(form, (
        "Chiều 3/4, Bộ trưởng Quốc phòng Hoa Kỳ Mark Ellison đến chào xã giao Chủ tịch nước Đỗ Văn Hùng.\n"
        "Hai bên trao đổi về hợp tác khắc phục hậu quả chiến tranh.\n"))
    events = run(text).events
    assert [e.type for e in events] == ["reception"]
    assert set(events[0].participants) == {"Mark Ellison", "Đỗ Văn Hùng"}


def test_a_telephone_talk_with_a_group_of_reporters_is_a_briefing_an_interview_no_event():
    briefing = run("Ông Daniel Moore trao đổi với một nhóm phóng viên châu Á qua điện thoại.\n"
                   "Ông cho biết Washington coi trọng quan hệ với Hà Nội.\n").events
    assert [(e.type, e.participants) for e in briefing] == [("dialogue", ["Daniel Moore"])]
    interview = run("Ông Daniel Moore trao đổi với phóng viên về quan hệ hai nước.\n"
                    "Ông cho biết Washington coi trọng quan hệ với Hà Nội.\n").events
    assert interview == []


@pytest.mark.parametrize("feeling", ["vui mừng được gặp lại", "vinh dự khi được gặp", "mong muốn được làm việc với"])
def test_a_feeling_about_being_able_to_meet_is_no_occasion(feeling: str):
    text = (f"Ông Daniel Moore cho biết ông {feeling} Bộ trưởng Trần Văn Bình.\n"
            "Hai bên nhất trí tăng cường hợp tác.\n")
    assert run(text).events == []
    met = run("Chiều 5/3, ông Daniel Moore đã gặp Bộ trưởng Trần Văn Bình.\nHai bên nhất trí tăng cường hợp tác.\n")
    assert [e.type for e in met.events] == ["meeting"]


def test_a_forum_that_will_officially_begin_is_planned():
    text = ("Hội nghị Bộ trưởng Thương mại Đông Á lần thứ 9 sẽ chính thức bắt đầu vào ngày 20/5 tại Hà Nội "
            "với sự chủ trì của Bộ trưởng Trần Văn Bình.\n")
    forums = [e for e in run(text, published=None).events if e.type == "dialogue"]  # no publication to compare
    assert [e.status for e in forums] == ["planned"]
