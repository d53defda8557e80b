"""Unicode forms and tone-mark placement: keys fold them, displayed text keeps them."""

from __future__ import annotations

import unicodedata

import pytest

from hoptac.clean.normalize import fold_tones, nfc, search_key, strip_diacritics


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


@pytest.mark.parametrize(("other", "canonical"), [
    ("hoà", "hòa"), ("Hoà Bình", "Hòa Bình"), ("thuỷ điện", "thủy điện"), ("Thuỷ", "Thủy"),
    ("khoẻ", "khỏe"), ("uỷ ban", "ủy ban"), ("tuỳ", "tùy"), ("hoá chất", "hóa chất"),
    ("qúy", "quý"), ("gìa", "già"), ("ngòai", "ngoài"), ("ngừơi", "người"),
])
def test_both_tone_placements_fold_to_one(other, canonical):
    assert fold_tones(other) == canonical
    assert fold_tones(canonical) == canonical
    assert search_key(other) == search_key(canonical)


@pytest.mark.parametrize("word", ["hoàng", "quyết", "khuỷu", "giữa", "gì", "người", "hữu", "mùa", "Đà Nẵng"])
def test_correct_spellings_are_left_alone(word):
    assert fold_tones(word) == word


def test_foreign_names_keep_their_accents():
    assert fold_tones("António Costa và José Fernández") == "António Costa và José Fernández"


def test_nfd_input_is_composed_and_folded():
    decomposed = nfd("Nhà máy thuỷ điện Hoà Bình")
    assert decomposed != "Nhà máy thuỷ điện Hoà Bình"
    assert nfc(decomposed) == "Nhà máy thuỷ điện Hoà Bình"  # spelling kept, only composed
    assert fold_tones(decomposed) == "Nhà máy thủy điện Hòa Bình"
    assert search_key(decomposed) == search_key("NHÀ MÁY THỦY ĐIỆN HÒA BÌNH")


def test_strip_diacritics():
    assert strip_diacritics("bán dẫn") == "ban dan"
    assert strip_diacritics("Đà Nẵng, đường") == "Da Nang, duong"
    assert strip_diacritics(nfd("Việt Nam – Hoa Kỳ")) == "Viet Nam – Hoa Ky"


def test_search_key_casefolds():
    assert search_key("BỘ CÔNG THƯƠNG") == search_key("Bộ Công Thương") == "bộ công thương"
