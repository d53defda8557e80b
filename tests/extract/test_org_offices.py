"""The organization a person's title names (sentences written for these tests)."""

from __future__ import annotations

import unicodedata

import pytest

import hoptac


def orgs(text: str) -> dict[str, str | None]:
    art = hoptac.analyze("Tiêu đề\n" + text + "\n")
    return {o.name: o.side for o in art.organizations}


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_sentence_case_body_in_a_title_runs_to_the_holders_name(form: str) -> None:
    text = unicodedata.normalize(form, "Ông Nguyễn Văn Bình, cục phó Cục hợp tác quốc tế, đã tiếp đoàn.")
    got = {unicodedata.normalize("NFC", k): v for k, v in orgs(text).items()}
    assert got.get("Cục hợp tác quốc tế") == "VN"


def test_the_body_takes_the_holders_side_or_the_country_around_it() -> None:
    got = orgs("Ông đã gặp Bộ trưởng Tài chính Mỹ John Harlow và Giám đốc Hội đồng kinh tế quốc gia "
               "Peter Coleman tại Washington.")
    assert got.get("Hội đồng kinh tế quốc gia") == "US"


@pytest.mark.parametrize("text,absent", [
    ("Tổng giám đốc Công ty CP Trần Văn Hải cho biết doanh thu tăng.", "Công ty CP"),
    ("Chủ tịch Tiểu ban về các lực lượng chiến lược Mike Rogers phát biểu.", "Tiểu ban về các lực lượng chiến lược"),
    ("Giám đốc Trung tâm điều hành Lê Văn Tám cho biết xe đã tới.", "Trung tâm điều hành"),
    ("Phó Cục trưởng Trần Văn Nam cho biết sẽ kiểm tra.", "Cục trưởng"),
])
def test_a_head_with_no_name_a_function_word_or_a_generic_word_names_no_body(text: str, absent: str) -> None:
    assert absent not in orgs(text)


def test_the_name_stops_at_the_comma_that_closes_the_title() -> None:
    got = orgs("Ông Lê Văn Tâm, Chủ tịch Hiệp hội vận tải Hà Nội, cho biết giá sẽ tăng.")
    assert "Hiệp hội vận tải Hà Nội" in got


@pytest.mark.parametrize("name,want", [
    ("Sở Y tế Hà Nội từng", "Sở Y tế Hà Nội"),
    ("Quỹ Hỗ trợ X từng lấy qX", "Quỹ Hỗ trợ X"),  # the last capitalized word's letters recur later
    ("Viện Nghiên cứu Hà Nội - từng ngày e-learning", "Viện Nghiên cứu Hà Nội -"),
])
def test_a_title_body_is_cut_where_its_last_capitalized_word_ends(name: str, want: str) -> None:
    from hoptac.extract.org_offices import _trim_tail
    assert _trim_tail(name) == want
