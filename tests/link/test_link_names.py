"""Person linking rules: name keys, suffix matches, side and office compatibility."""

from __future__ import annotations

import unicodedata

import pytest

from hoptac.link.names import better_name, compatible, match_score, name_key, office_kind, person_score


def test_name_key_folds_case_spacing_and_unicode_form():
    nfd = unicodedata.normalize("NFD", "Nguyễn  Hồng Diên")
    assert name_key(nfd) == name_key("nguyễn hồng diên") == "nguyễn hồng diên"
    assert name_key("Lan") != name_key("Lân")  # tone marks are kept: different names


def test_kerry_forms_match():
    full, short, titled = name_key("John Kerry"), name_key("Kerry"), name_key("Ngoại trưởng Mỹ John Kerry")
    assert match_score(full, full) == 3
    assert match_score(full, titled) == 2
    assert match_score(short, full) == 1
    assert match_score(short, titled) == 1


def test_vietnamese_given_name_alone_does_not_link():
    assert match_score(name_key("Dũng"), name_key("Nguyễn Tấn Dũng")) == 0
    assert match_score(name_key("Tấn Dũng"), name_key("Nguyễn Tấn Dũng")) == 2


def test_no_match_for_different_surnames_or_partial_words():
    assert match_score(name_key("John Kerry"), name_key("John Kirby")) == 0
    assert match_score(name_key("Kerr"), name_key("John Kerry")) == 0


def test_side_and_office_must_not_disagree():
    assert compatible("US", "US", "public", "public")
    assert compatible("US", None, "public", None)
    assert not compatible("US", "VN", None, None)
    assert not compatible("VN", "VN", "company", "public")


def test_office_kind_from_org_kind_then_title_words():
    assert office_kind("Phó Chủ tịch", "Excelerate", "company") == "company"
    assert office_kind("Tổng Giám đốc Tập đoàn Vingroup", None) == "company"
    assert office_kind("Thứ trưởng Bộ Ngoại giao Hoa Kỳ", None) == "public"
    assert office_kind("Đại sứ", None) == "public"
    assert office_kind(None, None) is None
    assert office_kind("ông", None) is None


def test_better_name_prefers_clean_full_names():
    assert better_name("Kerry", "John Kerry") == "John Kerry"
    assert better_name("Ngoại trưởng Mỹ John Kerry", "John Kerry") == "John Kerry"
    assert better_name("John Kerry", "Ngoại trưởng John Kerry") == "John Kerry"


def test_full_names_of_relatives_do_not_match():
    assert match_score(name_key("Ivanka Trump"), name_key("Donald Trump")) == 0
    assert person_score([name_key("Ivanka Trump"), "trump"], [name_key("Donald Trump"), "trump"]) == 0
    assert person_score([name_key("Michelle Obama")], [name_key("Barack Obama"), "obama"]) == 0


def test_western_middle_initials_and_short_first_names_match():
    assert match_score(name_key("John Kerry"), name_key("John F. Kerry")) == 2
    assert match_score(name_key("Dan Kritenbrink"), name_key("Daniel J. Kritenbrink")) == 2
    assert match_score(name_key("Nguyễn Tấn Dũng"), name_key("Nguyễn Chí Dũng")) == 0


def test_person_score_uses_full_names_first():
    kerry = [name_key("John F. Kerry"), "kerry"]
    assert person_score([name_key("John Kerry"), "kerry"], kerry) == 2
    assert person_score(["kerry"], kerry) == 3  # an alias it is known by
    assert person_score(["kerry"], [name_key("John F. Kerry")]) == 1
    assert person_score([name_key("John Kerry")], ["kerry"]) == 1  # known by surname only: extended


def test_name_key_ignores_where_the_tone_mark_sits():
    assert name_key("Nguyễn Thị Thanh Thuỷ") == name_key("Nguyễn Thị Thanh Thủy")
    assert name_key("Hoà") == name_key("Hòa") != name_key("Hoa")


def test_forms_of_one_given_name_match_and_other_given_names_do_not():
    assert match_score(name_key("Jim Mattis"), name_key("James Mattis")) == 2
    assert match_score(name_key("Bill Clinton"), name_key("William J. Clinton")) == 2
    assert match_score(name_key("Bill Clinton"), name_key("Hillary Clinton")) == 0
    assert match_score(name_key("Jim Mattis"), name_key("John Mattis")) == 0
    # forms of a given name do not undo the father-and-son rule
    assert person_score([name_key("Bill H. W. Smith")], [name_key("William J. Smith")]) == 0


@pytest.mark.parametrize("a,b,score", [
    # a typing slip inside one word of a foreign name, the other words identical
    ("Randall Schriver", "Randall Schiver", 2),
    ("Terry F. Biss", "Terry F. Buss", 2),
    ("Geogre W. Bush", "George W. Bush", 2),
    ("Willbur Ross", "Wilbur Ross", 2),
    ("Krittenbrink", "Daniel Kritenbrink", 1),
    # a slip at the last letter is another name; two slips, other given names, a father are not slips
    ("Michael Green", "Michael Greene", 0),
    ("Mario Rossi", "Maria Rossi", 0),
    ("Amy Searight", "Amy Searingt", 0),
    ("Bill Clinton", "Hillary Clinton", 0),
    ("George H. W. Bush", "George W. Bush", 0),
    ("Trunmp", "Donald Trump", 1),
    ("Bush", "George Bosh", 0),
    # a Vietnamese word left without tone marks is the marked one; two marked words differ
    ("Nguyễn Thi Kim Ngân", "Nguyễn Thị Kim Ngân", 2),
    ("Nguyễn Văn Bình", "Nguyễn Văn Bính", 0),
])
def test_typing_slips_and_unmarked_words(a: str, b: str, score: int) -> None:
    assert match_score(name_key(a), name_key(b)) == score
    assert match_score(name_key(b), name_key(a)) == score
