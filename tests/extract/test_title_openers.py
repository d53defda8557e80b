"""Titles written after ``một`` or ``hiện là``, a deputy's title before ``, ông`` and the name,
military ranks below major (both spellings), a position written with a noun after a rank, and
places named with the nouns of villages, temples and schools (self-written text)."""

from __future__ import annotations

import unicodedata

import pytest

from hoptac.extract.gazetteer import gazetteer
from hoptac.extract.people import find_people


def _titles(text: str) -> dict[str, str | None]:
    return {f.name: f.title for f in find_people(text, gazetteer())}


def test_a_title_after_the_article_mot_starts_at_its_head() -> None:
    got = _titles("Hôm qua, ông Peter Holm, một Thượng nghị sĩ của bang Ohio, cho biết sẽ ủng hộ dự luật.")
    assert got["Peter Holm"] == "Thượng nghị sĩ của bang Ohio"


def test_a_title_after_hien_la_starts_at_its_head() -> None:
    got = _titles("Ông Holm, hiện là Phó Chủ tịch Viện Nghiên cứu Chiến lược Brentwick, cho biết.")
    assert got["Holm"] == "Phó Chủ tịch Viện Nghiên cứu Chiến lược Brentwick"


@pytest.mark.parametrize("text", [
    "Ông Peter Holm, một nhà nghiên cứu tại Viện Brentwick, cho biết.",  # an occupation: a description
    "Theo ông Adam Roe - một thành viên của đảng Cộng hoà, dự luật sẽ qua.",  # one of a group
])
def test_after_mot_a_description_or_a_member_is_no_title(text: str) -> None:
    got = _titles(text)
    assert len(got) == 1 and next(iter(got.values())) is None


def test_a_deputys_title_opening_the_sentence_before_comma_ong_is_theirs() -> None:
    got = _titles("Phó Tổng Lãnh sự Mỹ tại TP. HCM, ông Tim Roe, chia sẻ tại hội thảo.")
    assert got["Tim Roe"] == "Phó Tổng Lãnh sự Mỹ tại TP. HCM"


@pytest.mark.parametrize("uy", ["uý", "úy"])
def test_a_captains_rank_is_a_title_and_a_position_after_it_wins(uy: str) -> None:
    text = f"Hôm qua, đại {uy} Jack Roe nói. Thượng {uy} Lê Văn Tâm, Phó trưởng Công an xã Tân An, cho biết."
    got = _titles(unicodedata.normalize("NFC", text))
    assert got["Jack Roe"] == unicodedata.normalize("NFC", f"đại {uy}")
    assert got["Lê Văn Tâm"] == "Phó trưởng Công an xã Tân An"


@pytest.mark.parametrize("text", [
    "Anh Hiếu trú tại thôn Đồng Ngư, xã Ngũ Thái.",
    "Sáng nay, học sinh Trường THCS Ninh Quý đã đến lớp.",
    "Du khách đến thăm đền Ngọc Sơn rất đông.",
    "Nhóm phiến quân rút về ngôi làng Tal Kurdi gần đó.",
])
def test_a_village_school_or_temple_is_no_person(text: str) -> None:
    names = set(_titles(text))
    assert not names & {"Đồng Ngư", "Ninh Quý", "Ngọc Sơn", "Tal Kurdi"}


def test_a_minister_of_rural_development_keeps_his_name() -> None:
    got = _titles("Dự họp có Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn Nguyễn Xuân Cường và các thứ trưởng.")
    assert got.get("Nguyễn Xuân Cường") == "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn"
