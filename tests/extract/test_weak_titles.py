"""Titles of weak heads (``lãnh đạo``, ``lãnh tụ``, ``thủ lĩnh``) and titles that speak for a country."""

from __future__ import annotations

import unicodedata

import pytest

import hoptac
from hoptac.extract.gazetteer import gazetteer
from hoptac.extract.people import find_people


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOPTAC_NAMES", "rules")
    from hoptac.learn import name_tagger
    name_tagger._shipped.cache_clear()
    yield
    name_tagger._shipped.cache_clear()


def _titles(text: str) -> dict[str, str | None]:
    return {f.name: f.title for f in find_people(text, gazetteer())}


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_leader_s_weak_title_before_the_name_is_the_title(form: str) -> None:
    text = unicodedata.normalize(form, "Nhà lãnh đạo Triều Tiên Kim Jong-un đã tới Hà Nội. Ông Kim ở lại ba ngày.")
    article = hoptac.analyze(text, hoptac.Settings(stages=("clean", "nlp", "entities")))
    got = {unicodedata.normalize("NFC", p.name): p.title for p in article.people}
    assert unicodedata.normalize("NFC", got["Kim Jong-un"] or "") == "lãnh đạo Triều Tiên"


def test_a_weak_head_before_lower_case_words_or_a_group_is_no_title() -> None:
    got = _titles("Ông Vladimir Rostov lãnh đạo đất nước nhiều năm. Các nhà lãnh đạo Đông Nam Á Ilya Petrenko dự.")
    assert got.get("Vladimir Rostov") is None
    assert got.get("Ilya Petrenko") is None


def test_a_weak_head_never_replaces_a_title_written_for_the_person() -> None:
    got = _titles("Thủ tướng Nguyễn Văn Khoa dự hội nghị. Nhà lãnh đạo Việt Nam Nguyễn Văn Khoa phát biểu.")
    assert got["Nguyễn Văn Khoa"] == "Thủ tướng"


def test_a_head_of_government_s_title_stops_before_the_venue() -> None:
    text = ("Thủ tướng Nguyễn Văn Khoa hội đàm với Tổng thống Mỹ.\n"
            "Lễ đón Thủ tướng Việt Nam tại Nhà Trắng diễn ra trọng thể.\n"
            "Đại sứ Mỹ tại Việt Nam Robert Halvorsen cũng có mặt.")
    got = _titles(text)
    assert got["Nguyễn Văn Khoa"] == "Thủ tướng Việt Nam"
    assert got["Robert Halvorsen"] == "Đại sứ Mỹ tại Việt Nam"
