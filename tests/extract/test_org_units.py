"""Organizations named by a number, a place, a legal form or an owner; countries of the whole UN
list; institutions inside an instrument's name (sentences written for these tests)."""

from __future__ import annotations

import unicodedata

import pytest

import hoptac
from hoptac.extract.gazetteer import gazetteer
from hoptac.extract.orgs import find_organizations


def names(text: str) -> list[str]:
    return [o.name for o in find_organizations(text, gazetteer())]


@pytest.mark.parametrize("text,want", [
    ("Căn cứ là nơi đóng quân của lữ đoàn dù số 4 từ năm 2005.", "lữ đoàn dù số 4"),
    ("Đơn vị này trực thuộc sư đoàn bộ binh số 25 Mỹ, đóng ở Hawaii.", "sư đoàn bộ binh số 25 Mỹ"),
    ("Sân bay là sở chỉ huy của Không đoàn 11 trong nhiều năm.", "Không đoàn 11"),
    ("Hai tàu tuần tra được bàn giao cho Bộ tư lệnh vùng Cảnh sát biển 4 hôm qua.", "Bộ tư lệnh vùng Cảnh sát biển 4"),
    ("Đoàn sẽ chào xã giao bộ Tư lệnh Vùng 3 Hải quân vào buổi chiều.", "bộ Tư lệnh Vùng 3 Hải quân"),
    ("Tàu của Quân đoàn 12 tới nơi.", "Quân đoàn 12"),
])
def test_numbered_units_are_read_with_their_arm_service_and_country(text: str, want: str) -> None:
    assert want in names(text)


def test_a_number_that_is_a_figure_or_a_map_zone_names_no_unit() -> None:
    assert not any("đoàn" in n for n in names("Mỗi sư đoàn có 10 nghìn quân; sư đoàn 2.000 người thì nhỏ."))
    assert names("Khu vực vùng 3 của bản đồ được tô đỏ.") == []


def test_local_bodies_are_named_by_their_place_not_the_ministry() -> None:
    got = names("Phó giám đốc Công an TP. HCM cho biết công an tỉnh Đắk Lắk đã nhận hồ sơ.")
    assert "Công an TP. HCM" in got and "công an tỉnh Đắk Lắk" in got
    got = names("Bộ Công an Việt Nam làm việc với Công an Hà Nội.")
    assert "Công an Hà Nội" in got and not any(n.startswith("Công an Việt") for n in got)


def test_a_legal_form_belongs_to_the_firm_and_the_short_form_is_the_same_firm() -> None:
    orgs = find_organizations("Dự án do công ty Cổ phần Tập đoàn Hoa Mai làm chủ đầu tư. Sau đó Tập đoàn Hoa Mai rút lui.",
                              gazetteer())
    firm = [o for o in orgs if "Hoa Mai" in o.name]
    assert len(firm) == 1 and len(firm[0].mentions) == 2
    assert {firm[0].name, *firm[0].aliases} >= {"công ty Cổ phần Tập đoàn Hoa Mai", "Tập đoàn Hoa Mai"}
    orgs = find_organizations("Nguyên đơn là Công ty Northwind Steel & Wire, Inc đã rút đơn.", gazetteer())
    assert any("Công ty Northwind Steel & Wire, Inc" in {o.name, *o.aliases} for o in orgs)


def test_a_unit_owned_by_a_known_body_runs_on_to_its_owner() -> None:
    from hoptac.extract.org_grammar import lower_run_to_body
    text = "Cơ quan tình báo của Bộ Quốc phòng Mỹ vừa công bố."
    end = lower_run_to_body(text, len("Cơ quan"), gazetteer())
    assert end is not None and text[end:].startswith("Bộ Quốc phòng")
    assert lower_run_to_body("Cơ quan này của Bộ Quốc phòng Mỹ", len("Cơ quan"), gazetteer()) is None


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_countries_of_the_un_list_and_the_press_abbreviation_name_bodies(form: str) -> None:
    text = unicodedata.normalize(form, "Đại sứ quán Guatemala gửi công hàm cho Chính phủ Bahrain; Chính phủ VN trả lời.")
    art = hoptac.analyze("Tiêu đề\n" + text + "\n")
    got = {unicodedata.normalize("NFC", o.name): o.side for o in art.organizations}
    assert got.get("Chính phủ VN") == "VN"
    assert got.get("Chính phủ Bahrain") == "OTHER"
    assert any(n.startswith("Đại sứ quán Guatemala") and s == "OTHER" for n, s in got.items())


def test_an_institution_inside_an_instrument_is_no_mention_inside_a_gathering_it_is() -> None:
    art = hoptac.analyze("Tiêu đề\nHai bên tôn trọng Công ước Liên Hợp Quốc về Luật biển năm 1982.\n")
    assert not any(o.name == "Liên Hợp Quốc" for o in art.organizations)
    art = hoptac.analyze("Tiêu đề\nÔng dự Hội nghị Cấp cao APEC tại Lima.\n")
    assert any(o.name == "APEC" for o in art.organizations)


def test_lower_case_heads_of_parties_hospitals_and_associations_need_a_name_after_them() -> None:
    got = names("Các nghị sĩ đảng Cộng hòa và đảng Dân chủ tranh luận; ông được đưa tới bệnh viện Chợ Rẫy.")
    assert {"đảng Cộng hòa", "đảng Dân chủ", "bệnh viện Chợ Rẫy"} <= set(got)
    assert names("Ông nằm ở bệnh viện Colombia suốt một tuần, hiệp hội đề nghị gia hạn.") == []


def test_a_council_with_its_place_word_alone_is_the_one_named_before_or_its_own() -> None:
    got = find_organizations("UBND huyện Hoà Lạc đã họp. Sau đó UBND huyện cho biết sẽ hỗ trợ.", gazetteer())
    assert [(o.name, len(o.mentions)) for o in got] == [("UBND huyện Hoà Lạc", 2)]
    assert names("Chủ tịch UBND thành phố đã tiếp đoàn.") == ["UBND thành phố"]
    assert names("Chủ tịch UBND quận, huyện phải chịu trách nhiệm.") == []  # levels in a list: no one body


def test_a_council_written_alone_in_the_other_tone_placement_is_the_one_named_before() -> None:
    got = find_organizations("Ủy ban nhân dân huyện Hoà Lạc đã họp. Sau đó Uỷ ban nhân dân huyện cho biết sẽ hỗ trợ.",
                             gazetteer())
    assert [(o.name, len(o.mentions)) for o in got] == [("Ủy ban nhân dân huyện Hoà Lạc", 2)]


@pytest.mark.parametrize("word", ["huyện", "Huyện"])
def test_a_council_by_its_place_word_alone_is_the_one_named_before_either_case(word: str) -> None:
    """``UBND Huyện`` (the place word capitalized) after ``UBND huyện Châu Thành`` is that council,
    as ``UBND huyện`` is; not a body of its own."""
    text = f"UBND huyện Châu Thành vừa họp bàn kế hoạch. Sau đó UBND {word} đã phê duyệt kế hoạch."
    orgs = [o for o in find_organizations(text, gazetteer()) if o.name.startswith("UBND")]
    assert [o.name for o in orgs] == ["UBND huyện Châu Thành"] and len(orgs[0].mentions) == 2
    assert f"UBND {word}" in orgs[0].aliases
