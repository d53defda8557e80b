"""Business and trade events: forums, seminars and press briefings held, their speakers, signings between firms.

Self-written sentences; forums and press briefings are ``dialogue`` (the ontology's closest type).
"""

from __future__ import annotations

from hoptac.extract.entities import extract_entities
from hoptac.extract.events import extract_events
from hoptac.extract.nlp import annotate
from hoptac.model import Article
from hoptac.settings import DEFAULT


def run(text: str, published: str | None = "2024-09-13") -> Article:
    art = Article(text=text, published=published)
    annotate(art, DEFAULT)
    extract_entities(art, DEFAULT)
    return extract_events(art, DEFAULT)


def dialogues(art: Article):
    return [e for e in art.events if e.type == "dialogue"]


def test_a_seminar_organized_by_associations_is_an_event_with_them():
    art = run("Sáng 12/9, tại TP.HCM, Hiệp hội Doanh nghiệp Hoa Kỳ phối hợp với Tập đoàn Vingroup tổ chức "
              "hội thảo về chuỗi cung ứng bán dẫn với sự tham gia của hơn 150 doanh nghiệp.\n")
    (ev,) = dialogues(art)
    assert ev.date == "2024-09-12" and ev.status == "happened"
    assert "Vingroup" in " ".join(ev.participants)


def test_a_seminar_only_talked_about_is_no_event():
    art = run("Ông Trần Minh Đức cho rằng việc hội thảo diễn ra tại Việt Nam có ý nghĩa lớn.\n"
              "Năm ngoái, tỉnh Bình Dương không đăng ký dự hội nghị vì lịch trùng.\n")
    assert dialogues(art) == []


def test_a_press_briefing_is_an_event_with_its_speaker():
    art = run("Chiều 25/5, tại cuộc họp báo thường kỳ của Bộ Ngoại giao, người phát ngôn Phạm Thu Hằng "
              "cho biết Việt Nam hoan nghênh quyết định của Hoa Kỳ.\n", published="2024-05-26")
    (ev,) = dialogues(art)
    assert ev.date == "2024-05-25"
    assert "Phạm Thu Hằng" in ev.participants


def test_a_named_forum_held_without_people_is_an_event():
    art = run("Ngày 10/11, Diễn đàn Doanh nghiệp Việt Nam - Hoa Kỳ năm 2024 đã diễn ra tại Hà Nội.\n",
              published="2024-11-11")
    (ev,) = dialogues(art)
    assert ev.date == "2024-11-10"


def test_the_speakers_of_a_forum_report_are_its_participants():
    art = run("Sáng 12/9, Bộ Công Thương tổ chức diễn đàn thương mại Việt Nam - Hoa Kỳ tại Hà Nội.\n"
              "Phát biểu tại diễn đàn, Thứ trưởng Bộ Công Thương Lê Văn Tùng cho biết kim ngạch tăng mạnh.\n"
              "Giám đốc điều hành Công ty Sao Việt Nguyễn Thị Mai cho rằng doanh nghiệp cần thêm thông tin.\n"
              "Tiếp đó, ông Robert Allen, Phó chủ tịch Tập đoàn Northwind, nhấn mạnh tiềm năng của thị trường.\n")
    (ev,) = dialogues(art)
    assert {"Lê Văn Tùng", "Nguyễn Thị Mai", "Robert Allen"} <= set(ev.participants)


def test_the_report_ends_at_the_next_event():
    art = run("Sáng 12/9, Bộ Công Thương tổ chức diễn đàn thương mại tại Hà Nội.\n"
              "Chiều cùng ngày, Bộ trưởng Lê Văn Tùng tiếp Đại sứ Hoa Kỳ Mark Knapper.\n"
              "Ông Nguyễn Quốc Bảo cho rằng thị trường còn nhiều tiềm năng.\n")
    (ev,) = dialogues(art)
    assert "Nguyễn Quốc Bảo" not in ev.participants


def test_a_signing_between_companies_has_both_parties():
    art = run("Chiều 15/4, tại Hà Nội, Tổng công ty Hàng không Việt Nam và Tập đoàn Boeing đã ký kết "
              "thỏa thuận mua 50 máy bay.\n", published="2024-04-16")
    (ev,) = [e for e in art.events if e.type == "signing"]
    assert ev.date == "2024-04-15"
    assert {"Tổng công ty Hàng không Việt Nam", "Boeing"} <= set(ev.participants)


def test_a_dated_press_briefing_with_one_speaker_is_an_event():
    art = run("Đại sứ Mỹ Mark Ellis trả lời câu hỏi của phóng viên trong cuộc họp báo chiều 11/9 ở Đà Nẵng.\n")
    (ev,) = dialogues(art)
    assert ev.date == "2024-09-11" and "Mark Ellis" in ev.participants


def test_an_undated_talk_with_the_press_is_no_event():
    art = run("Chiều 11/9, trao đổi với phóng viên, Trung tá Trần Văn Bình cho biết vụ việc đang được điều tra.\n")
    assert art.events == []


def signings(art: Article):
    return [e for e in art.events if e.type == "signing"]


def test_organizations_written_as_the_subject_of_a_signing_are_its_parties():
    # the people around it told or heard of the signing: they are not its parties
    art = run("Chiều 12/9, ông Robert Allen, Phó chủ tịch Tập đoàn Northwind, thông tin với Bộ trưởng Lê Văn Tùng "
              "về việc Tập đoàn Northwind vừa ký kết bản ghi nhớ với Công ty Sao Việt về hợp tác bán dẫn.\n")
    (ev,) = signings(art)
    assert len(ev.participants) == 2 and "Công ty Sao Việt" in ev.participants
    assert any("Northwind" in p for p in ev.participants)  # not Robert Allen nor Lê Văn Tùng


def test_signers_named_with_their_organizations_stay_the_parties():
    art = run("Chiều 12/9, bà Nguyễn Thị Mai, Chủ tịch Công ty Sao Việt, và ông Robert Allen, Phó chủ tịch "
              "Tập đoàn Northwind, đã ký thỏa thuận hợp tác về chuỗi cung ứng.\n")
    (ev,) = signings(art)
    assert {"Nguyễn Thị Mai", "Robert Allen"} <= set(ev.participants)


def test_a_press_briefing_told_twice_on_its_day_is_one_event_of_both_speakers():
    art = run("Chiều 12/9, Bộ trưởng Lê Văn Tùng chủ trì cuộc họp báo về kết quả xuất khẩu sang Hoa Kỳ.\n"
              "\"Doanh nghiệp cần nắm rõ quy định\", Thứ trưởng Nguyễn Thị Mai nói trong cuộc họp báo chiều 12/9.\n")
    (ev,) = dialogues(art)
    assert {"Lê Văn Tùng", "Nguyễn Thị Mai"} <= set(ev.participants)


def test_a_forum_told_twice_in_two_tone_placements_is_one_event():
    # "tọa đàm" and "toạ đàm": one word in the two placements the press writes
    art = run("Chiều 12/9, Bộ trưởng Lê Văn Tùng chủ trì buổi tọa đàm về kết quả xuất khẩu sang Hoa Kỳ.\n"
              "\"Doanh nghiệp cần nắm rõ quy định\", Thứ trưởng Nguyễn Thị Mai nói tại buổi Toạ đàm chiều 12/9.\n")
    (ev,) = dialogues(art)
    assert {"Lê Văn Tùng", "Nguyễn Thị Mai"} <= set(ev.participants)
