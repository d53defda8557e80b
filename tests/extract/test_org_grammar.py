"""Organization name grammar: sentence-case names, bodies a country names, credits, products,
descriptors, nested names (sentences written for these tests)."""

from __future__ import annotations

import unicodedata

import pytest

from hoptac.extract.gazetteer import gazetteer
from hoptac.extract.orgs import find_organizations


def names(text: str) -> list[tuple[str, str | None]]:
    return [(o.name, o.side) for o in find_organizations(text, gazetteer())]


@pytest.mark.parametrize("text,want", [
    # a sentence-case name runs on to the country that closes it
    ("Tuần trước, Cục Thủy sản và kiểm ngư Mỹ đã công bố báo cáo.", ("Cục Thủy sản và kiểm ngư Mỹ", "US")),
    # ... to its acronym in brackets, or to its parent body in brackets
    ("Cơ quan Quản lý dược phẩm Mỹ (FDA) vừa cấp phép.", ("Cơ quan Quản lý dược phẩm Mỹ", "US")),
    ("Hôm qua, Cục Kỹ thuật quân sự (Bộ Quốc phòng) đã ký văn bản.", ("Cục Kỹ thuật quân sự", "VN")),
    # a name in lower case after its head, closed by a country or a region
    ("Ông là cố vấn của Hội đồng an ninh quốc gia Mỹ từ năm ngoái.", ("Hội đồng an ninh quốc gia Mỹ", "US")),
    ("Bà làm việc tại Viện nghiên cứu châu Phi ở Hà Nội.", ("Viện nghiên cứu châu Phi", "VN")),
    # lower-case words right before a known body belong to the name
    ("Bà từng là thành viên Ủy ban tài chính Thượng viện Mỹ.", ("Ủy ban tài chính Thượng viện Mỹ", "US")),
])
def test_sentence_case_names_are_read_whole(text: str, want: tuple[str, str]) -> None:
    assert want in names(text)


def test_a_run_with_a_verb_or_a_generic_word_is_not_part_of_the_name() -> None:
    assert names("Cục Hải quan cho biết sẽ xử lý vụ việc.") == [("Cục Hải quan", "VN")]
    assert names("Các cơ quan chức năng Mỹ đang điều tra.") == []
    assert names("Trung tâm thương mại Hà Nội mở cửa lúc 9 giờ.") == []


def test_bodies_a_country_names_in_lower_case() -> None:
    got = names("Sáng nay không quân Nga và quân đội Syria diễn tập chung.")
    assert ("không quân Nga", "OTHER") in got and ("quân đội Syria", "OTHER") in got
    # a clerk of a ministry, a capital city, a body in a title that names it whole: no body
    assert names("Ông gặp gỡ cán bộ ngoại giao Việt Nam tại Tokyo.") == []
    assert names("Ông gặp quân đội Hà Nội.") == []
    assert names("Bí thư Thành ủy phát biểu; Thành ủy Hải Phòng họp.") == [("Thành ủy Hải Phòng", "VN")]


def test_a_ministry_written_in_lower_case_after_a_capital_bo() -> None:
    assert ("Bộ thương mại Mỹ", "US") in names("Hôm qua, Bộ thương mại Mỹ công bố mức thuế mới.")
    # after a lower-case "bộ" the words are a clerk's trade, not a ministry
    assert names("Hôm qua, các cán bộ ngoại giao và cán bộ y tế đã có mặt.") == []


def test_a_party_committee_named_by_its_place_inside_a_secretary_title() -> None:
    got = names("Ông Nguyễn Văn An, Bí thư Thành ủy Hải Phòng, đã tiếp đoàn.")
    assert ("Thành ủy Hải Phòng", "VN") in got
    # bare, the title's body is the holder's office
    assert names("Bí thư Thành ủy Nguyễn Văn An đã tiếp đoàn.") == []


def test_credits_products_and_places_are_no_organizations() -> None:
    assert names("Hai bên ký thỏa thuận. Ảnh: Reuters\n") == []
    assert names("Tin đã được xác nhận. Minh Anh (TTXVN)\n") == []
    assert names("Hãng mua thêm 10 máy bay Boeing 787 trong năm nay.") == []
    assert names("Cô từng sống ở Tây Ban Nha và Hội An.") == []
    assert ("Reuters", "OTHER") in names("Theo hãng tin Reuters, cuộc họp đã kết thúc.")


def test_theo_opening_a_line_is_a_credit_only_when_the_line_holds_nothing_else() -> None:
    # the source line that closes an article credits it; a clause after the source makes it the
    # source of a statement, an organization of the story
    assert names("Hai bên ký thỏa thuận.\nTheo Sputnik\n") == []
    got = names("Hai bên ký thỏa thuận.\nTheo Sở Tài chính Đà Nẵng, dự án chưa được cấp phép.\n")
    assert ("Sở Tài chính Đà Nẵng", "VN") in got
    assert ("Tổ chức Y tế Thế giới", "OTHER") in names("Tin vắn.\nTheo Tổ chức Y tế Thế giới, dịch đã giảm.")


def test_a_company_head_with_a_descriptor_names_the_company_and_its_country_is_the_side() -> None:
    got = find_organizations("Hãng thông tấn Kyodo của Nhật Bản đưa tin. Tập đoàn Acme của Mỹ đầu tư.", gazetteer())
    assert [(o.name, o.side) for o in got] == [("Kyodo", "OTHER"), ("Acme", "US")]


def test_a_known_name_inside_a_longer_name_is_part_of_it() -> None:
    got = names("Bà là trưởng Phái đoàn Thường trực Việt Nam tại Liên hợp quốc từ năm 2020.")
    assert got == [("Phái đoàn Thường trực Việt Nam tại Liên hợp quốc", "VN")]


def test_the_grammar_reads_both_unicode_forms() -> None:
    import hoptac

    text = ("Tuần trước, Cục Thủy sản và kiểm ngư Mỹ đã công bố báo cáo về cá tra nhập khẩu "
            "từ Việt Nam. Hội đồng an ninh quốc gia Mỹ cũng họp bàn về thương mại.")
    got = [{o.name for o in hoptac.analyze(unicodedata.normalize(form, text)).organizations}
           for form in ("NFC", "NFD")]
    assert got[0] == {unicodedata.normalize("NFC", n) for n in got[1]}
    assert {"Cục Thủy sản và kiểm ngư Mỹ", "Hội đồng an ninh quốc gia Mỹ"} <= got[0]


def test_a_government_or_a_legislature_with_its_country_in_either_case() -> None:
    got = names("Chính phủ Nhật Bản và chính phủ Hàn Quốc hoan nghênh; Quốc hội Iran họp khẩn.")
    assert {("Chính phủ Nhật Bản", "OTHER"), ("chính phủ Hàn Quốc", "OTHER"), ("Quốc hội Iran", "OTHER")} <= set(got)
    # the gazetteer's own entry keeps its name and key, whatever the case it is written in
    got = find_organizations("Chính phủ Mỹ ra lệnh. Sau đó chính phủ Mỹ rút lại.", gazetteer())
    assert [(o.name, o.side, len(o.mentions)) for o in got] == [("Chính phủ Mỹ", "US", 2)]


def test_a_bare_legislature_is_the_body_of_the_country_named_before_it_else_its_own() -> None:
    assert names("Dự luật được trình Quốc hội khóa 14 vào tháng 5.") == [("Quốc hội", "VN")]
    got = find_organizations("Quốc hội Mỹ đã họp. Các nghị sĩ Quốc hội ủng hộ dự luật.", gazetteer())
    assert [(o.name, o.side, len(o.mentions)) for o in got] == [("Quốc hội Mỹ", "US", 2)]
    # inside a title that names it whole the title stands for the person; a building is no body
    assert names("Phó Chủ tịch Quốc hội Trần Văn An phát biểu.") == []
    assert names("Buổi lễ diễn ra tại Nhà Quốc hội.") == []


def test_a_firm_after_a_word_saying_what_it_is() -> None:
    got = names("Hợp đồng với tập đoàn dầu khí Zorvex được ký; hãng xếp hạng tín nhiệm Moody Kell nhận định.")
    assert {"Zorvex", "Moody Kell"} <= {n for n, _ in got}
    # a place, a cut-short Vietnamese name or a company form after the word is no firm of its own
    assert names("Nhiều công ty Mỹ rút vốn.") == []
    assert "Thời" not in {n for n, _ in names("Theo tờ Thời báo kinh tế, giá tăng.")}
    assert "Cổ" not in {n for n, _ in names("Ông làm ở công ty Cổ phần Bình Minh.")}


def test_names_listed_beside_a_firm_are_firms() -> None:
    got = dict(names("Các bị đơn gồm công ty Zorvex, Kellan Fish, Morrow Seafoods và Tavia (Mỹ)."))
    assert {"Zorvex", "Kellan Fish", "Morrow Seafoods", "Tavia"} <= set(got) and got["Tavia"] == "US"
    # a list with no firm in it, or a place or person listed, adds nothing
    assert names("Ông thăm Kellan, Morrow và Tavia.") == []
    assert "Tây" not in {n for n, _ in names("Ông gặp lãnh đạo phương Tây, công ty Zorvex nhận xét.")}


def test_a_name_runs_on_over_the_words_of_a_head_inside_it_and_that_head_is_no_name_of_its_own() -> None:
    got = names("Mỹ bàn giao 6 xuồng cho Bộ tư lệnh Vùng Cảnh sát biển 3 Việt Nam tại Khánh Hoà.")
    assert got == [("Bộ tư lệnh Vùng Cảnh sát biển 3 Việt Nam", "VN")]


@pytest.mark.parametrize("text,want", [
    ("Ông là chuyên gia tại viện Harlow ở Washington.", "viện Harlow"),
    ("Trưởng ban Kinh tế Trung ương đã tiếp đoàn.", "ban Kinh tế Trung ương"),
    ("Đại diện đại sứ quán Canada đã có mặt.", "đại sứ quán Canada"),
    ("Kỳ họp của Đại hội đồng Liên Hợp Quốc mở màn hôm qua.", "Đại hội đồng Liên Hợp Quốc"),
])
def test_a_head_written_in_lower_case_mid_sentence_starts_a_name(text: str, want: str) -> None:
    assert want in [n for n, _ in names(text)]


def test_a_lower_case_head_inside_another_word_or_before_a_known_body_starts_nothing() -> None:
    found = [n for n, _ in names("Kết quả bỏ phiếu ở hai viện Quốc hội Mỹ được công bố. Ông nói tại viện Hudson rằng Mỹ sẽ đáp trả.")]
    assert not any(n.startswith("viện Quốc hội") for n in found)
    assert "viện Hudson" in found
    assert not any(n.startswith("sứ quán") for n, _ in names("Đại sứ quán Pháp đã ra thông cáo."))
    assert names("Khách sạn nằm ở trung tâm Hà Nội và gần viện bảo tàng.") == []


def test_firm_words_close_a_name_and_an_ampersand_joins_one_firms_name() -> None:
    found = [n for n, _ in names("Theo ông Lee, luật sư của Harper & Quinn LLP, Tarnow Seafoods và Velt Brothers đã nộp đơn.")]
    assert "Harper & Quinn LLP" in found
    assert {"Tarnow Seafoods", "Velt Brothers"} <= set(found)
    # two firms listed with an ampersand stay two
    found = [n for n, _ in names("Các nhà đầu tư gồm Northwind Ventures & Castell Partners.")]
    assert "Castell Partners" in found and not any("&" in n for n in found)


def test_a_list_of_firms_with_countries_in_brackets_or_an_ampersand_is_read_whole() -> None:
    found = dict(names("Nhà đầu tư gồm Công ty Visa, Orrin Capital & Belford Partners, Quillon (Mỹ), "
                       "Tarsk (Canada), Halvin Group, Merrow (Nhật Bản)."))
    assert {"Quillon", "Tarsk", "Merrow"} <= set(found)
    assert found["Quillon"] == "US"


def test_a_permanent_mission_and_a_university_written_short() -> None:
    found = [n for n, _ in names("Ông gặp cán bộ Phái đoàn đại diện thường trực Việt Nam tại Liên Hợp Quốc. "
                                 "Bà tốt nghiệp ĐH Harlow năm ngoái.")]
    assert "Phái đoàn đại diện thường trực Việt Nam tại Liên Hợp Quốc" in found
    assert "ĐH Harlow" in found


@pytest.mark.parametrize("text,want", [
    # an acronym in brackets closes a name whatever the case of its words
    ("Hôm qua, Cục hàng không dân dụng Liên bang Mỹ (FAA) đã cấp phép.", "Cục hàng không dân dụng Liên bang Mỹ"),
    ("Đại diện Hiệp hội chế biến và xuất khẩu gỗ Việt Nam (VIFOREST) phát biểu.",
     "Hiệp hội chế biến và xuất khẩu gỗ Việt Nam"),
    # one-syllable words in a lower-case run a country closes
    ("Đoàn có đại diện Hội kỹ sư trẻ Việt Nam do bà Lan dẫn đầu.", "Hội kỹ sư trẻ Việt Nam"),
    # alliances and forces named by their head word
    ("Ông Hùng gặp Liên minh doanh nghiệp Hoa Kỳ tại Hà Nội.", "Liên minh doanh nghiệp Hoa Kỳ"),
    ("Tàu của Lực lượng phòng vệ bờ biển Mỹ đã cập cảng.", "Lực lượng phòng vệ bờ biển Mỹ"),
])
def test_lower_case_names_closed_by_an_acronym_or_a_country(text: str, want: str) -> None:
    assert want in [n for n, _s in names(text)]


def test_an_acronym_does_not_close_a_run_over_a_cue_a_link_or_another_head() -> None:
    got = [n for n, _s in names("Hội đồng Cà phê thông báo Hiệp hội Sữa (VDA) sẽ họp.")]
    assert not any(n.startswith("Hội đồng") and "Sữa" in n for n in got)
    assert all("của" not in n for n, _s in names("Cục hàng không của Mỹ (FAA) cho biết."))
    # a country word opening a longer place name closes nothing
    assert names("Ông Huy là cán bộ Ban thanh tra nhân dân phường Mỹ An, quận Ngũ Hành Sơn.") == []
    # a head used as a common noun, with no name after it
    assert names("Lực lượng này đã rút về căn cứ.") == []
    assert names("Liên minh quân sự này rất mạnh.") == []


def test_ministries_of_two_third_countries_are_two_organizations() -> None:
    got = find_organizations("Bộ Thương mại Malaysia và Bộ Thương mại New Zealand đã ký. "
                             "Bộ Ngoại giao Việt Nam hoan nghênh, Bộ Ngoại giao nói thêm.", gazetteer())
    names = {o.name for o in got}
    assert {"Bộ Thương mại Malaysia", "Bộ Thương mại New Zealand"} <= names
    assert "Bộ Ngoại giao" not in names  # the bare one is Vietnam's, the same as the one named with its country


def test_a_missions_name_ends_with_its_seat() -> None:
    got = find_organizations("Ảnh Đại sứ quán Việt Nam tại Nhật Bản Tham gia đoàn có hai bộ trưởng.", gazetteer())
    assert [o.name for o in got] == ["Đại sứ quán Việt Nam tại Nhật Bản"]


def test_a_third_countrys_ministry_told_again_as_of_that_country_is_one_organization() -> None:
    got = find_organizations("Bộ Thương mại Malaysia đã ký với đối tác. Theo Bộ Thương mại nước này, "
                             "kim ngạch tăng.", gazetteer())
    assert [(o.name, len(o.mentions)) for o in got] == [("Bộ Thương mại Malaysia", 2)]
