"""Organizations: a firm named after its legal form and trade, credits, model numbers, spellings of a
known body's inner name. Self-written sentences; invented firms."""

from __future__ import annotations

import unicodedata

import pytest

from hoptac.extract.entities import extract_entities
from hoptac.extract.gazetteer import gazetteer, spelled_alike
from hoptac.extract.nlp import annotate
from hoptac.model import Article, Organization
from hoptac.settings import DEFAULT


def _orgs(text: str) -> dict[str, Organization]:
    art = Article(text=text, published="2025-04-04")
    annotate(art, DEFAULT)
    return {o.name: o for o in extract_entities(art, DEFAULT).organizations}


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_firm_named_after_its_legal_form_and_trade_is_named_whole(form: str) -> None:
    text = unicodedata.normalize(form, "Hôm qua, Công ty TNHH dịch vụ vận tải Sông Lam đã khai trương kho mới.\n"
                                       "Công ty CP xây dựng Bến Thành nhận thầu.\n")
    names = {unicodedata.normalize("NFC", n) for n in _orgs(text)}
    assert "Công ty TNHH dịch vụ vận tải Sông Lam" in names
    assert "Công ty CP xây dựng Bến Thành" in names
    assert not names & {"TNHH", "CP", "Công ty TNHH", "Công ty CP"}  # a legal form names no firm


def test_a_legal_form_with_no_name_after_it_is_no_organization() -> None:
    names = set(_orgs("Công ty TNHH cho biết sẽ tăng lương cho công nhân.\n"))
    assert not any("TNHH" in n for n in names)


def test_a_foreign_firm_after_its_legal_form_is_named_by_its_own_name() -> None:
    orgs = _orgs("Công ty TNHH Brightwater Logistics mở văn phòng tại Đà Nẵng.\n")
    assert "Brightwater Logistics" in orgs
    assert "Công ty TNHH Brightwater Logistics" in orgs["Brightwater Logistics"].aliases


def test_a_chart_or_graphic_credit_is_no_organization() -> None:
    names = set(_orgs("Giá dầu tăng mạnh trong tuần qua.\nBiểu đồ: Bloomberg\nĐồ hoạ: Reuters.\n"))
    assert "Bloomberg" not in names and "Reuters" not in names
    assert "Bloomberg" in _orgs("Bloomberg cho biết giá dầu tăng mạnh.\n")  # the same name in the story is one


def test_a_maker_named_before_a_model_number_is_its_product() -> None:
    assert "Boeing" not in _orgs("Hai chiếc Boeing C-17 hạ cánh xuống sân bay Nội Bài.\n")
    assert "Airbus" not in _orgs("Hãng bay nhận thêm ba chiếc Airbus A321 mới.\n")
    assert "Boeing" in _orgs("Boeing cho biết sẽ mở rộng hợp tác với Việt Nam.\n")


def test_a_known_body_spelled_with_another_name_of_its_parent_is_one_organization() -> None:
    orgs = _orgs("Hội đồng Bảo an Liên Hiệp Quốc họp khẩn về tình hình bán đảo.\n")
    assert list(orgs) == ["Hội đồng Bảo an Liên Hiệp Quốc"]  # not the council and the UN apart
    known = {"Quỹ Nhi đồng Liên Hợp Quốc": {"name": "Quỹ Nhi đồng Liên Hợp Quốc"},
             "Liên Hợp Quốc": {"name": "Liên Hợp Quốc"}, "Liên Hiệp Quốc": {"name": "Liên Hợp Quốc"},
             "Tập đoàn Lotus": {"name": "Lotus"}, "Lotus": {"name": "Lotus"}}
    groups = [["Liên Hợp Quốc", "Liên Hiệp Quốc", "LHQ"], ["Lotus", "Tập đoàn Lotus"]]
    out = spelled_alike(known, groups)
    assert out["Quỹ Nhi đồng Liên Hiệp Quốc"]["name"] == "Quỹ Nhi đồng Liên Hợp Quốc"
    assert "Quỹ Nhi đồng LHQ" not in out  # an acronym stands in for no spelled-out name
    assert "Tập đoàn Tập đoàn Lotus" not in out


def test_a_listed_name_with_a_comma_is_one_entry() -> None:
    known = gazetteer().known_orgs
    assert "Tổ chức Giáo dục" not in known  # a flow mapping's comma once split the UNESCO entry
    assert known["UNESCO"]["name"].startswith("Tổ chức Giáo dục, Khoa học")


def test_a_department_is_named_by_phong_but_not_the_oval_office_nor_defence() -> None:
    orgs = _orgs("Phòng Tài nguyên - Môi trường huyện Cần Giờ đã kiểm tra hiện trường.\n"
                 "Ông Hale phát biểu tại Phòng Bầu dục sau khi gặp Bộ trưởng Quốc Phòng.\n"
                 "Hai bên hội đàm tại Phòng Nội các. Trưởng Ban Tuyên giáo Trung ương dự.\n")
    assert any(n.startswith("Phòng Tài nguyên - Môi trường") for n in orgs)
    assert not any("Bầu dục" in n or n.startswith("Phòng Sau") for n in orgs)
    assert not any(n.startswith("Phòng") and "Quốc" in n for n in orgs)
    assert not any(n.startswith("Phòng Nội") for n in orgs)  # the Cabinet Room
    assert "Ban Tuyên giáo Trung ương" in orgs  # the body of a title is still read ("Trưởng Ban" is no word to skip)


def test_a_one_word_head_that_starts_another_word_does_not_end_a_name() -> None:
    orgs = _orgs("Trung tâm Kiểm soát và Phòng ngừa Dịch bệnh Wellford cảnh báo cúm mùa.\n")
    assert "Trung tâm Kiểm soát và Phòng ngừa Dịch bệnh Wellford" in orgs  # "Phòng ngừa" is no department
