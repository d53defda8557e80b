"""How an occasion is told: a visit named in a fronted phrase, a forum word after a classifier,
a cue the segmenter glues to a title, a forum beside a meeting of the same people.

Self-written sentences with made-up names.
"""

from __future__ import annotations

import pytest

from hoptac.extract.entities import extract_entities
from hoptac.extract.events import extract_events
from hoptac.extract.nlp import annotate
from hoptac.model import Article
from hoptac.settings import DEFAULT


def run(text: str, published: str | None = "2024-06-20") -> Article:
    art = Article(text=text, published=published)
    annotate(art, DEFAULT)
    extract_entities(art, DEFAULT)
    return extract_events(art, DEFAULT)


def of_type(art: Article, etype: str) -> list:
    return [e for e in art.events if e.type == etype]


def test_a_visit_named_in_a_fronted_phrase_is_the_visit_of_the_clause_subject() -> None:
    text = ("Trong chuyến thăm chính thức Hoa Kỳ từ ngày 17 đến 19/6, Thủ tướng Lê Văn Khải đã phát biểu "
            "tại Đại học Georgetown về hợp tác giáo dục.\n")
    (visit,) = of_type(run(text), "visit")
    assert visit.participants == ["Lê Văn Khải"]


def test_a_fronted_phrase_told_before_or_after_its_own_subject_names_no_visitor() -> None:
    art = run("Ông Lê Văn Khải từng gặt hái thành công trong chuyến công du đến Nhật Bản, khi Thủ tướng "
              "Kenji Sato còn đương chức.\n")
    assert all("Kenji Sato" not in e.participants for e in of_type(art, "visit"))


def test_a_press_briefing_after_a_classifier_is_one_occasion_of_its_speaker() -> None:
    art = run("Việt Nam vẫn tiếp cận đầy đủ thị trường Hoa Kỳ, Đại sứ Hoa Kỳ John Whitfield nói trong "
              "cuộc họp báo chung.\n")
    (ev,) = of_type(art, "dialogue")
    assert ev.participants == ["John Whitfield"]


@pytest.mark.parametrize("text", [
    "Kết luận cuộc họp, Bộ trưởng Trần Văn Bình yêu cầu các doanh nghiệp báo cáo sớm.\n",
    "Ông Trần Văn Bình cho biết các cuộc đối thoại với đối tác Hoa Kỳ vẫn tiếp diễn.\n",
    "Theo ông Trần Văn Bình, cuộc họp lần này tại Hà Nội không đưa ra quyết định nào.\n",
])
def test_a_forum_word_bare_many_or_retold_stays_weak(text: str) -> None:
    assert of_type(run(text), "dialogue") == []


def test_a_reception_cue_glued_to_a_title_opener_is_still_a_reception() -> None:
    art = run("Chiều 20/6, tại Hà Nội, Chủ tịch nước Trần Văn Bình đã có buổi tiếp cựu Ngoại trưởng Hoa Kỳ "
              "John Whitfield.\n")
    (ev,) = of_type(art, "reception")
    assert set(ev.participants) == {"Trần Văn Bình", "John Whitfield"}
    assert ev.date == "2024-06-20"


def test_a_summit_and_the_meeting_beside_it_are_two_occasions() -> None:
    art = run("Thủ tướng Lê Văn Khải và Tổng thống Hoa Kỳ John Whitfield gặp nhau bên lề Hội nghị "
              "thượng đỉnh G20.\n"
              "Thủ tướng Lê Văn Khải và Tổng thống John Whitfield cùng dự các hoạt động của Hội nghị "
              "thượng đỉnh G20 tại Osaka.\n")
    assert len(of_type(art, "meeting")) == 1
    assert len(of_type(art, "dialogue")) == 1


def test_the_witnesses_of_a_signing_between_two_firms_are_not_its_parties() -> None:
    art = run("Chiều 19/6, dưới sự chứng kiến của Thủ tướng Lê Văn Khải và Bộ trưởng Thương mại Hoa Kỳ "
              "John Whitfield, Tập đoàn Sao Mai và Công ty Westbrook Energy đã ký hợp đồng cung cấp khí hóa lỏng.\n")
    (ev,) = of_type(art, "signing")
    assert not {"Lê Văn Khải", "John Whitfield"} & set(ev.participants)
    assert any("Westbrook" in p for p in ev.participants)


def test_a_witness_with_no_party_named_stays_the_participant() -> None:
    art = run("Chiều 19/6, Thủ tướng Lê Văn Khải đã chứng kiến lễ ký kết bản ghi nhớ về hợp tác năng lượng.\n")
    (ev,) = of_type(art, "signing")
    assert ev.participants == ["Lê Văn Khải"]


# a forum naming no one, between a sentence naming someone only as an owner and one opening on another day
_NEGOTIATORS = "Cuộc họp đầu tiên của các trưởng đoàn đàm phán sẽ bắt đầu vào chiều 20/5.\n"
_BREAKFAST = ("Tới sáng 21, các bộ trưởng sẽ có buổi ăn sáng làm việc tại khách sạn, đồng chủ trì sẽ là "
              "Bộ trưởng Trần Văn Bình và Bộ trưởng Mark Ellison.\n")


@pytest.mark.parametrize("before", [
    "Rút khỏi hiệp định là một trong những cam kết tranh cử của ông Robert Hanley.\n",
    "Hà Nội chuẩn bị đón các đoàn dự hội nghị thương mại khu vực.\n",
])
def test_a_forum_naming_no_one_takes_no_owner_nor_the_next_days_co_chairs(before: str) -> None:
    """The co-chairs-nearby fallback (event_links.neighbours): a name written as the owner of a thing
    (``cam kết tranh cử của ông X``) is no co-chair, and a sentence opening on a time of its own tells
    another occasion, whose co-chairs are not this meeting's."""
    art = run("Hà Nội chuẩn bị cho tuần lễ thương mại khu vực.\n" + before + _NEGOTIATORS + _BREAKFAST, "2031-05-19")
    on_20 = [e for e in art.events if e.date and e.date.endswith("05-20")]
    assert not any({"Robert Hanley", "Trần Văn Bình", "Mark Ellison"} & set(e.participants) for e in on_20)
    assert any(set(e.participants) == {"Trần Văn Bình", "Mark Ellison"} for e in of_type(art, "dialogue"))


def test_the_owner_of_an_occasion_nearby_is_a_co_chair() -> None:
    """``chuyến công du ... của Tổng thống X`` names X as the traveller: the forum the next sentence
    tells with no name of its own (``ông rời ... dự Hội nghị``) is his."""
    text = ("Việt Nam là điểm dừng chân thứ tư trong chuyến công du châu Á của Tổng thống Robert Hanley.\n"
            "Chiều 12/11, ông rời Hà Nội đến Manila dự Hội nghị Cấp cao Đông Á.\n")
    forum = of_type(run(text, "2031-11-13"), "dialogue")
    assert len(forum) == 1 and forum[0].participants == ["Robert Hanley"]


_BARE_NOUN = ("Mỹ hỗ trợ Việt Nam nâng cao an toàn hàng không\n"
              "Tại cuộc gặp Bộ trưởng Bộ Giao thông vận tải Trần Văn Nam chiều 15/2, Đại sứ Hoa Kỳ Robert Miller "
              "thông báo kết quả kiểm tra.\n"
              "Kết quả này mở đường cho các chuyến bay thẳng.\n")


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_an_occasion_told_only_by_a_bare_noun_cue_is_an_event(form: str) -> None:
    import unicodedata

    meetings = of_type(run(unicodedata.normalize(form, _BARE_NOUN), "2025-02-16"), "meeting")
    assert len(meetings) == 1
    assert set(meetings[0].participants) == {"Trần Văn Nam", "Robert Miller"} and meetings[0].date == "2025-02-15"


def test_a_bare_noun_cue_beside_another_telling_of_its_kind_adds_no_event() -> None:
    art = run(_BARE_NOUN + "Chiều 14/2, Thủ tướng Lê Văn Khải đã tiếp Đại sứ Hoa Kỳ Robert Miller.\n", "2025-02-16")
    assert [e.type for e in art.events] == ["reception"]


def test_a_visit_told_only_by_its_noun_is_its_subjects_not_a_sources() -> None:
    began = of_type(run("Bộ trưởng Quốc phòng Hoa Kỳ John Carter hôm nay bắt đầu chuyến công du châu Á.\n"), "visit")
    assert [e.participants for e in began] == [["John Carter"]]
    said = run("Ông Trần Văn Bình cho biết chuyến thăm đã mang lại nhiều kết quả.\n")
    assert of_type(said, "visit") == []
    companion = run("Bộ trưởng Công Thương Trần Văn Bình nói với báo chí. Bộ trưởng Công Thương là một trong "
                    "các thành viên Chính phủ sẽ tháp tùng Thủ tướng trong chuyến thăm Nhật Bản từ ngày 2-4/7.\n")
    assert all("Trần Văn Bình" not in e.participants for e in of_type(companion, "visit"))
