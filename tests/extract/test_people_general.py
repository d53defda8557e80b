"""People in general news: names the rules read without a title or an honorific (``name_context``)."""

from __future__ import annotations

import pytest

from hoptac.extract.gazetteer import gazetteer
from hoptac.extract.people import find_people


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOPTAC_NAMES", "rules")
    from hoptac.learn import name_tagger
    name_tagger._shipped.cache_clear()
    yield
    name_tagger._shipped.cache_clear()


def _people(text: str) -> dict[str, list[str]]:
    return {f.name: [text[a:b] for a, b in f.mentions] for f in find_people(text, gazetteer())}


def test_a_leader_written_without_a_vietnamese_surname_is_found() -> None:
    got = _people("Chủ tịch Trung Quốc Tập Cận Bình đã tới Moskva.")
    assert "Tập Cận Bình" in got


def test_a_foreign_name_written_again_by_surname_is_a_person() -> None:
    text = "Cảnh sát đã bắt Tadashi Morikawa tại nhà riêng. Sau khi bị bắt, Morikawa thừa nhận hành vi."
    got = _people(text)
    assert got.get("Tadashi Morikawa") == ["Tadashi Morikawa", "Morikawa"]


def test_a_word_written_after_a_locative_is_a_place_not_a_surname() -> None:
    text = "Đội bóng Westbury Rangers vừa đến Rangers để tập huấn. Trước đó Westbury Rangers thắng."
    assert "Westbury Rangers" not in _people(text)


def test_a_foreign_run_with_no_lone_word_stays_unanchored() -> None:
    assert "Tadashi Morikawa" not in _people("Cảnh sát đã bắt Tadashi Morikawa tại nhà riêng.")


def test_a_relative_named_after_a_kinship_word_is_a_person_of_their_own() -> None:
    text = ("Ông Harold J. Whitcombe, cựu Thống đốc bang, cùng con gái Eleanor Whitcombe thăm Đà Nẵng.\n"
            "Vợ Margaret Whitcombe ở lại khách sạn.")
    got = _people(text)
    assert {"Harold J. Whitcombe", "Eleanor Whitcombe", "Margaret Whitcombe"} <= set(got)


def test_a_lone_word_after_a_kinship_word_stays_unanchored() -> None:
    assert "Rex" not in _people("Gia đình Whitcombe nuôi một con chó, con trai Rex rất thích nó.")


def test_a_player_named_after_an_occupation_word_is_a_person() -> None:
    text = ("Tiền vệ Tomasz Wielgosz khoe ảnh đi nghỉ cùng bạn bè.\n"
            "Trong khi đó, nữ ca sĩ Marisol Quintero vừa phát hành album mới.")
    got = _people(text)
    assert {"Tomasz Wielgosz", "Marisol Quintero"} <= set(got)


def test_a_club_named_after_an_occupation_word_is_no_person() -> None:
    got = _people("Tiền đạo Real Madrid ghi bàn, còn thủ môn Crystal Palace bắt chính.")
    assert not set(got) & {"Real Madrid", "Crystal Palace"}


def test_a_club_word_in_a_name_after_another_occupation_is_still_a_person() -> None:
    # only after a sport's word is a club's name read: a writer or an actor may carry Milan or Forest
    got = _people("Nhà văn Milan Kuderna ra sách mới, diễn viên Forest Whitlow đóng vai chính.")
    assert {"Milan Kuderna", "Forest Whitlow"} <= set(got)
    assert not set(_people("Tiền vệ Inter Milan chuyền bóng.")) & {"Inter Milan"}


def test_a_name_followed_by_an_age_is_a_person() -> None:
    # written for this test: general news gives an age or a year of birth, not a title
    got = _people("Nghi phạm là Lê Tuấn (SN 1990), trú tại xã An Phú. Nạn nhân là Mark Olsen, 41 tuổi, quốc tịch Mỹ.")
    assert {"Lê Tuấn", "Mark Olsen"} <= set(got)


def test_an_age_after_the_end_of_a_longer_run_seeds_nothing_shorter() -> None:
    assert "Bun Ni" not in _people("Đối tượng Chay Kẹo Bun Ni, 25 tuổi, bị bắt.")


def test_a_foreign_run_ending_in_the_country_is_a_firm_not_a_person() -> None:
    for text in ("Việc Lumora Vietnam tái cơ cấu gây chú ý. Cuối năm, Vietnam vẫn thế.",
                 "Ông Trần Văn Hải, Giám đốc Lumora Vietnam, cho biết."):
        assert "Lumora Vietnam" not in _people(text)
    assert "Trần Văn Hải" in _people("Ông Trần Văn Hải, Giám đốc Lumora Vietnam, cho biết.")


def test_a_name_after_a_place_noun_is_the_place() -> None:
    from hoptac.extract.name_context import names_thing
    from hoptac.extract.names import Candidate

    text = "Hai bên ký kết tại khu kinh tế mở Vân Hà và ra Tuyên bố Westbrook."
    for name in ("Vân Hà", "Westbrook"):
        a = text.index(name)
        kind = "vn" if name == "Vân Hà" else "foreign"
        assert names_thing(Candidate(a, a + len(name), name, kind, name.split()), text)
    a = text.index("Hai")
    assert not names_thing(Candidate(a, a + 3, "Hai", "vn", ["Hai"]), text)


def test_a_name_the_article_gives_a_place_elsewhere_is_that_place() -> None:
    from hoptac.extract.name_context import named_thing_elsewhere
    from hoptac.extract.names import Candidate

    text = "Đầu tư vào sân bay Vân Hà tăng. Tỉnh muốn biến Vân Hà thành trung tâm. Chị Vân kể lại, tại cảng Vân Sơn."
    a = text.index("biến Vân Hà") + 5
    assert named_thing_elsewhere(Candidate(a, a + 6, "Vân Hà", "vn", ["Vân", "Hà"]), text)
    b = text.index("Vân kể")
    assert not named_thing_elsewhere(Candidate(b, b + 3, "Vân", "vn", ["Vân"]), text)


def test_a_name_after_a_house_number_is_a_street() -> None:
    # written for this test: streets named after people, after a house number
    text = ("Bà Phạm Thị Hoà trú tại số 16 Lương Văn Can, phường 2. Cửa hàng ở 56/4 Hồng Lĩnh đóng cửa. "
            "Nhà thi đấu tại số 2 - 4 Lê Đại Hành cũng vậy.")
    assert list(_people(text)) == ["Phạm Thị Hoà"]


def test_a_name_after_a_year_a_date_or_an_ordinal_stays_a_person() -> None:
    from hoptac.extract.name_context import after_house_number
    from hoptac.extract.names import Candidate

    def after(text: str, name: str) -> bool:
        a = text.index(name)
        return after_house_number(Candidate(a, a + len(name), name, "vn", name.split()), text)

    assert after("Lễ tang tại nhà tang lễ 25 Phùng Hưng (Hà Nội).", "Phùng Hưng")
    assert not after("Hoa hậu Việt Nam 2016 Đỗ Mỹ Linh là đại sứ.", "Đỗ Mỹ Linh")
    assert not after("Vào tối 10-4-2014 Ngọc Trinh tới dự.", "Ngọc Trinh")
    assert not after("Vào năm thứ 15 Gia Long, nhà vua ban chiếu.", "Gia Long")


def test_a_one_word_name_blocker_ending_a_longer_word_blocks_nothing() -> None:
    # "cầu" (a bridge) and "xã" (a commune) name things; "yêu cầu", "ông xã", "nhà báo" do not
    blockers = gazetteer().name_blockers
    for before in ("yêu cầu ", "ông xã ", "bà xã ", "nhà báo "):
        assert not blockers.search("Họ " + before), before
    for before in ("cầu ", "xã ", "tờ báo "):
        assert blockers.search("Họ qua " + before), before
    text = "Ca sĩ Minh Hà và ông xã Lương Quốc Bảo vừa về nước."
    assert "Lương Quốc Bảo" in _people(text)
