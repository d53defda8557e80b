"""General Vietnamese news-writing patterns of events and statements, on self-written sentences.

Each test is one pattern the held-out check (``test_heldout_events_statements.py``) showed:
a venue is no participant, a source named at the end of a sentence joins no meeting, a forum
``bên lề`` a meeting is its setting, a span of days dates a visit, a deed told in the past
is no promise, a pronoun keeps its gender, a forecast is no commitment.
"""

from __future__ import annotations

import unicodedata

import pytest

import hoptac
from hoptac.extract.dates import find_dates
from hoptac.learn.modes import using
from hoptac.learn.statements import NAME


def events(text: str) -> list[tuple[str, str | None, list[str], str]]:
    return [(e.type, e.date, e.participants, e.status) for e in hoptac.analyze(text).events]


def statements(text: str) -> list[tuple[str, str, str]]:
    """The rules' statements: the patterns are theirs; the learned decision over them is held to
    its figures on the annotated test split by tests/learn/test_models.py."""
    with using(NAME, "rules"):
        return [(s.actor, s.act, s.text) for s in hoptac.analyze(text).statements]


def test_a_building_visited_is_the_place_not_a_participant() -> None:
    found = events("Chiều 6/3, đoàn Bộ Quốc phòng Mỹ thăm Trung tâm Hành động bom mìn Quảng Trị.\n"
                   "Cuộc hội đàm tại Nhà Trắng diễn ra trong không khí thân mật.")
    assert found == [("visit", "--03-06", ["Bộ Quốc phòng Mỹ"], "happened")]


def test_a_spokesperson_at_the_end_of_the_sentence_is_the_source() -> None:
    found = events("Ông Kerry sẽ cùng Tổng thống Obama hội đàm với các lãnh đạo Việt Nam vào ngày 23/5, "
                   "Phát ngôn viên Bộ Ngoại giao Mỹ John Kirby cho biết hôm qua.")
    assert [(t, d, set(p), s) for t, d, p, s in found] == [("meeting", "--05-23", {"Kerry", "Obama"}, "planned")]


def test_a_host_speaking_on_after_the_event_stays_a_participant() -> None:
    found = events("Trong cuộc tiếp Đại sứ Mỹ John Smith tại Hà Nội chiều 5/3, Chủ tịch nước Trần Văn Nam "
                   "nhấn mạnh quan hệ hai nước đang phát triển tốt đẹp.")
    assert [(t, set(p)) for t, _d, p, _s in found] == [("reception", {"John Smith", "Trần Văn Nam"})]


def test_a_forum_beside_a_meeting_is_its_setting() -> None:
    found = events("Bộ trưởng Quốc phòng Lê Văn Hùng đã có cuộc gặp song phương với Bộ trưởng Quốc phòng Mỹ "
                   "Robert Miller bên lề Hội nghị An ninh khu vực ngày 2-6.")
    assert found == [("meeting", "--06-02", ["Lê Văn Hùng", "Robert Miller"], "happened")]


@pytest.mark.parametrize("text,value", [
    ("tàu sẽ thăm Đà Nẵng từ ngày 5 tới 9-3 tới", "--03-05"),
    ("đến Hà Nội từ ngày 22 đến 25/5", "--05-22"),
    ("từ 20 - 21/4/2017", "2017-04-20"),
])
def test_a_span_of_days_is_dated_by_its_first_day(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, None)] == [value]


def test_a_visit_takes_its_span_of_days_not_the_departure() -> None:
    found = events("Thủ tướng Lê Văn Hùng đêm 28/5 rời Hà Nội, lên đường thăm chính thức Mỹ từ ngày 29 đến 31/5.")
    assert [(t, d) for t, d, _p, _s in found] == [("visit", "--05-29")]


def test_a_deed_told_in_the_past_informs_a_promise_commits() -> None:
    found = statements("Hợp tác Việt - Mỹ khắc phục hậu quả chiến tranh\n"
                       "Đại sứ Mỹ Daniel Brown cho biết Mỹ đã hỗ trợ xây dựng nhiều trường học tại Quảng Trị.\n"
                       "Ông Brown khẳng định Mỹ sẽ tiếp tục hỗ trợ Việt Nam khắc phục hậu quả chiến tranh.\n"
                       "Bộ trưởng Lloyd Austin đã cam kết hỗ trợ Việt Nam.")
    acts = [(actor, act) for actor, act, text in found if "hỗ trợ" in text]
    assert acts == [("Daniel Brown", "inform"), ("Daniel Brown", "commit"), ("Lloyd Austin", "commit")]


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_ba_never_stands_for_a_man(form: str) -> None:
    text = unicodedata.normalize(form, (
        "Thứ trưởng Ngoại giao Lê Văn Bình đã tiếp bà Mary Jones, Phó Trợ lý Ngoại trưởng Mỹ, tại Hà Nội.\n"
        "Bà Mary Jones đánh giá cao hợp tác giáo dục giữa hai nước.\n"
        "Thứ trưởng Lê Văn Bình đề nghị phía Mỹ tiếp tục hỗ trợ đào tạo nguồn nhân lực.\n"
        "Bà cho biết Mỹ sẵn sàng cấp thêm học bổng cho sinh viên Việt Nam."))
    found = statements(text)
    assert [(a, act) for a, act, t in found if "học bổng" in t] == [("Mary Jones", "commit")]


def test_ong_stands_for_the_last_man_who_spoke() -> None:
    found = statements("Bà Trần Thị Lan, Thứ trưởng Bộ Công Thương, hoan nghênh doanh nghiệp Mỹ đầu tư vào Việt Nam.\n"
                       "Ông Peter Clark, Chủ tịch Hội đồng Kinh doanh Mỹ - ASEAN, đánh giá cao môi trường đầu tư.\n"
                       "Bà Trần Thị Lan đề nghị phía Mỹ sớm công nhận quy chế kinh tế thị trường của Việt Nam.\n"
                       "Ông cam kết sẽ kêu gọi thêm doanh nghiệp Mỹ đầu tư vào Việt Nam.")
    assert [(a, act) for a, act, t in found if t.startswith("Ông cam kết")] == [("Peter Clark", "commit")]


def test_a_forecast_is_no_commitment() -> None:
    found = statements("Các chuyên gia dự đoán Thủ tướng Lê Văn Hùng và Tổng thống Mỹ John Carter sẽ bàn về thương mại.\n"
                       "Thủ tướng Lê Văn Hùng khẳng định Việt Nam sẽ mở cửa thị trường cho nông sản Mỹ.")
    assert [(a, act) for a, act, _t in found if act == "commit"] == [("Lê Văn Hùng", "commit")]


def test_a_request_of_a_named_ministry_of_the_other_side_stays_a_request() -> None:
    found = statements("Thủ tướng Lê Văn Hùng đề nghị Bộ Thương mại Mỹ sớm công nhận quy chế kinh tế thị trường "
                       "cho Việt Nam.")
    assert [(a, act) for a, act, _t in found] == [("Lê Văn Hùng", "request")]


def test_a_welcome_inside_french_quotes_has_its_own_subject() -> None:
    found = statements("Tuyên bố chung nêu rõ: «Hai nhà lãnh đạo hoan nghênh việc ký Bản ghi nhớ về hợp tác y tế».")
    assert [(a, act) for a, act, _t in found if act == "welcome"] == [("VN", "welcome")]


def test_words_that_only_look_like_cues_make_no_event() -> None:
    found = events("Các hãng hàng không như Vietnam Airlines và Vietjet muốn mở đường bay trực tiếp tới Mỹ.\n"
                   "Hãng Vietnam Airlines đã lên kế hoạch bay tới Mỹ năm 2008 nhưng gặp rào cản pháp lý.")
    assert found == []


def test_this_meeting_points_back_and_a_source_is_no_visitor() -> None:
    found = events("Chiều 30/5, Thủ tướng Lê Văn Hùng gặp ông Mark Davis, Giám đốc điều hành Công ty Alpha, tại New York.\n"
                   "Cựu Trợ lý Ngoại trưởng Mỹ Paul Green là người đã giúp tổ chức cuộc gặp này.\n"
                   "Theo ông Paul Green, chuyến thăm của tàu sân bay Mỹ vào tháng tới có ý nghĩa quan trọng.")
    assert [(t, set(p)) for t, _d, p, _s in found] == [("meeting", {"Lê Văn Hùng", "Mark Davis"})]


def test_a_statement_ends_before_the_next_subjects_title() -> None:
    found = statements("Tin hợp tác quốc phòng\n"
                       "Cảm ơn Phó Chủ tịch Quốc hội Trần Văn Tỵ đã dành thời gian tiếp Đoàn, Chủ nhiệm Ủy ban Quân vụ "
                       "Hạ viện Hoa Kỳ John Miller đánh giá cao kết quả phát triển kinh tế của Việt Nam.")
    assert found[0][2].endswith("tiếp Đoàn")


def test_a_surname_that_spells_a_topic_word_gives_no_topic() -> None:
    found = hoptac.analyze("Bộ trưởng Quốc phòng Mỹ Robert Miller cảm ơn Thượng tướng Ngô Văn Bình đã tiếp đón đoàn.").statements
    assert [(s.act, "agriculture" in s.topics) for s in found] == [("welcome", False)]


@pytest.mark.parametrize("text", [
    "Một số nhà bình luận cho rằng trong cuộc gặp tới, Bộ trưởng Lê Văn Hùng sẽ đề cập hợp tác năng lượng với Mỹ.",
    "Báo chí Mỹ nhận định Thủ tướng Lê Văn Hùng sẽ tìm cách mở rộng thương mại với Washington.",
])
def test_an_opinion_about_what_someone_will_do_is_no_commitment(text: str) -> None:
    assert [act for _a, act, _t in statements(text) if act == "commit"] == []


def test_a_promise_after_an_opinion_in_the_same_sentence_stays_a_promise() -> None:
    found = statements("Ông Robert Miller cho rằng hợp tác giáo dục rất quan trọng và khẳng định Mỹ sẽ tiếp tục "
                       "cấp học bổng cho sinh viên Việt Nam.")
    assert [(a, act) for a, act, _t in found if act == "commit"] == [("Robert Miller", "commit")]


@pytest.mark.parametrize("text,actor", [
    ("Hiệp hội Thép Việt Nam vừa ra thông cáo yêu cầu Bộ Thương mại Mỹ xem xét lại mức thuế chống bán phá giá "
     "đối với thép.", "Hiệp hội Thép Việt Nam"),
    ("Bộ Công Thương đã gửi thư đề nghị phía Mỹ sớm công nhận quy chế kinh tế thị trường cho Việt Nam.",
     "Bộ Công Thương"),
])
def test_a_request_put_in_a_document_is_its_issuers(text: str, actor: str) -> None:
    assert [(a, act) for a, act, _t in statements("Tin thương mại\n" + text)] == [(actor, "request")]


def test_the_one_persuaded_is_no_speaker() -> None:
    found = statements("Tin hợp tác\nBộ trưởng Robert Miller cho biết ông sẽ về nước báo cáo, thuyết phục Chính phủ "
                       "và Quốc hội Mỹ tiếp tục hỗ trợ Việt Nam rà phá bom mìn.")
    assert "Quốc hội Mỹ" not in [a for a, _act, _t in found]
    assert ("Robert Miller", "commit") in [(a, act) for a, act, _t in found]


@pytest.mark.parametrize("text", [
    "Hai bên mong muốn tăng cường hợp tác kinh tế và giáo dục.",
    "Việt Nam và Hoa Kỳ đều mong muốn thúc đẩy quan hệ đối tác trong lĩnh vực y tế.",
])
def test_a_wish_of_both_sides_asks_nothing_of_the_other(text: str) -> None:
    assert [act for _a, act, _t in statements("Tin hợp tác\n" + text)] == ["inform"]


def test_a_request_after_both_sides_spoke_is_the_speakers_own() -> None:
    found = statements("Tin hợp tác\nHai bên nhất trí tăng cường hợp tác y tế.\n"
                       "Bộ trưởng Lê Văn Hùng đề nghị phía Mỹ hỗ trợ đào tạo bác sĩ.")
    assert [(a, act) for a, act, _t in found] == [("VN", "agree"), ("Lê Văn Hùng", "request")]


def test_a_request_named_by_a_passive_reporting_verb_is_no_new_statement() -> None:
    found = statements("Tin hợp tác\nThứ trưởng Lê Văn Hùng đề nghị phía Mỹ hỗ trợ rà phá bom mìn.\n"
                       "Đề nghị trên được Thứ trưởng Lê Văn Hùng đưa ra trong cuộc gặp với Đại sứ Mỹ sáng 3/4.\n"
                       "Đề nghị được ông Hùng nêu ra khi tiếp đoàn.")
    assert [(a, act) for a, act, _t in found if act != "inform"] == [("Lê Văn Hùng", "request")]


def test_a_lead_summary_held_in_a_longer_body_clause_is_a_repeat_the_longer_kept() -> None:
    from hoptac.extract.clauses import dedupe
    from hoptac.model import Statement

    def said(text: str) -> Statement:
        return Statement(actor="US", act="commit", text=text, evidence=(0, len(text)), side="US",
                         addressee_side="VN", topics=["diplomacy"], threads=[])

    short = said("Mỹ nhắc lại cam kết với khu vực về kinh tế và chiến lược")
    long = said("Mỹ nhắc lại cam kết của Mỹ với khu vực về kinh tế và chiến lược, đóng góp vào hòa bình và an ninh "
                "trên biển")
    other = said("Mỹ sẽ mở thêm lãnh sự quán tại Đà Nẵng")
    assert dedupe([short, other, long], set()) == [other, long]


def test_a_title_alone_names_the_one_who_holds_it() -> None:
    from hoptac.extract.acts import only_adverbs
    from hoptac.extract.pronouns import titled
    from hoptac.model import Person

    people = [Person(name="John Carter", title="Bộ trưởng Quốc phòng Mỹ", side="US"),
              Person(name="Lê Văn Hùng", title="Bộ trưởng Quốc phòng", side="VN")]
    assert titled(people, " quyền bộ trưởng quốc phòng mỹ cũng ", only_adverbs).name == "John Carter"
    assert titled(people, " bộ trưởng quốc phòng ", only_adverbs).name == "Lê Văn Hùng"
    assert titled(people, " đoàn của bộ trưởng quốc phòng mỹ ", only_adverbs) is None  # a group, not him
    assert titled([*people[:1], Person(name="Paul Green", title="Bộ trưởng Quốc phòng Mỹ", side="US")],
                  " bộ trưởng quốc phòng mỹ ", only_adverbs) is None  # two hold it: neither


@pytest.mark.parametrize("text,expected", [
    ("Các tập đoàn Mỹ bày tỏ ấn tượng với tốc độ tăng trưởng, đồng thời khẳng định sẽ mở rộng sản xuất tại Việt Nam.",
     [("US", "welcome"), ("US", "commit")]),
    ("Các doanh nghiệp Mỹ có mặt tại hội chợ năm nay sẽ giới thiệu sản phẩm nông nghiệp.", []),
    ("Thủ tướng Lê Văn Hùng kêu gọi các doanh nghiệp Mỹ tiếp tục đầu tư vào Việt Nam.",
     [("Lê Văn Hùng", "request")]),
])
def test_a_plural_group_of_one_sides_firms_speaks_as_that_side_only_as_the_whole_subject(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a, act) for a, act, _t in statements("Tin đầu tư\n" + text) if act != "inform"] == expected
