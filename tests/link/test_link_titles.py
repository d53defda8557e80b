"""Canonical titles (hoptac.link.titles): no own name, no repeats, no place phrase, one key per office."""

from __future__ import annotations

import unicodedata

from hoptac.link.titles import canonical_title, title_key


def test_a_title_loses_the_name_repeats_and_the_place_it_was_written_with():
    name = ["Hà Minh Tuấn"]
    assert canonical_title("Bộ trưởng tại Phòng Bầu dục Bộ trưởng Hà Minh Tuấn", name) == "Bộ trưởng"
    assert canonical_title("Bộ trưởng Bộ Ngoại giao tại Nhà Trắng Bộ trưởng Hà Minh Tuấn", name) \
        == "Bộ trưởng Bộ Ngoại giao"
    assert canonical_title("Bộ trưởng Hà Mình Tuấn", name) == "Bộ trưởng"  # a misspelt own name too
    assert canonical_title("Thứ trưởng Bộ Công Thương, Thứ trưởng", name) == "Thứ trưởng Bộ Công Thương"
    assert canonical_title("bộ trưởng Quốc phòng ở Hà Nội", name) == "Bộ trưởng Quốc phòng"


def test_a_posted_office_keeps_its_seat_and_a_chain_keeps_its_own_side():
    assert canonical_title("Đại sứ Việt Nam tại Hoa Kỳ", ["Lê Thu Hà"]) == "Đại sứ Việt Nam tại Hoa Kỳ"
    assert canonical_title("chuyên gia tại Viện Nghiên cứu Đông Nam Á", []) == "Chuyên gia tại Viện Nghiên cứu Đông Nam Á"
    assert canonical_title("Tổng thống Mỹ, Thủ tướng", ["Trần Văn Khánh"], "VN") == "Thủ tướng"
    assert canonical_title("Phó Thủ tướng, Bộ trưởng Ngoại giao", [], "VN") == "Phó Thủ tướng, Bộ trưởng Ngoại giao"
    assert canonical_title(None, []) is None


def test_writings_of_one_office_share_a_key_in_either_unicode_form():
    vn = {title_key(t, "VN") for t in ("Thủ tướng", "Thủ tướng Chính phủ", "Thủ tướng Việt Nam",
                                       "Thủ tướng Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam",
                                       unicodedata.normalize("NFD", "thủ tướng chính phủ việt nam"))}
    assert vn == {"thủ tướng"}
    assert title_key("Bộ trưởng Quốc phòng Mỹ", "US") == title_key("Bộ trưởng Quốc phòng", "US")
    assert title_key("Bộ trưởng Quốc phòng Mỹ", "VN") != title_key("Bộ trưởng Quốc phòng", "VN")
    assert title_key("Đại sứ Việt Nam tại Mỹ", "US").endswith("tại mỹ")  # a seat is never cut
    assert title_key("Phó Thủ tướng", "VN") != title_key("Thủ tướng", "VN")


def test_words_saying_when_a_title_was_held_are_not_the_title():
    assert canonical_title("Thủ tướng lúc đó", ["Lê Văn Bình"], "VN") == "Thủ tướng"
    assert canonical_title("Tổng thống Mỹ khi đó", [], "US") == canonical_title("Tổng thống Mỹ bấy giờ", [], "US") == "Tổng thống Mỹ"
    assert canonical_title("Đại sứ Mỹ tại Việt Nam lúc bấy giờ", [], "US") == "Đại sứ Mỹ tại Việt Nam"
    assert canonical_title("Bộ trưởng Quốc phòng ở Hà Nội khi ấy", [], "VN") == "Bộ trưởng Quốc phòng"
    # the words inside a title, or alone, are left as written
    assert canonical_title("Phó Thủ tướng thường trực", [], "VN") == "Phó Thủ tướng thường trực"


def test_a_head_listed_with_other_actors_or_a_cut_word_is_the_head_alone():
    name = ["Lê Văn Bình"]
    assert canonical_title("Thủ tướng và chính phủ", name, "VN") == "Thủ tướng"
    assert canonical_title("Thủ tướng Ô", name, "VN") == "Thủ tướng"  # "Thủ tướng Ô - xtrây - li - a", cut
    assert canonical_title("Thủ tướng Ý", name, "OTHER") == "Thủ tướng Ý"  # Italy: one letter, a country
    # two offices, an office whose name holds "và": whole
    assert canonical_title("Phó Thủ tướng và Bộ trưởng Ngoại giao", name, "VN") == "Phó Thủ tướng và Bộ trưởng Ngoại giao"
    assert canonical_title("Bộ trưởng Bộ Tài nguyên và Môi trường", name, "VN") == "Bộ trưởng Bộ Tài nguyên và Môi trường"
    assert canonical_title("Bộ trưởng Bộ Lao động - Thương binh và Xã hội", name) \
        == "Bộ trưởng Bộ Lao động - Thương binh và Xã hội"
