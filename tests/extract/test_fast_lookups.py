"""Shortcuts of the extraction stages give what the plain computations give.

An acronym is found written on its own with ``str.find`` exactly where the bounded pattern finds
it; a slice of a composed (NFC) text is composed, so the statement decision's features need not
normalize it; counting a bounded pattern's matches through ``finditer`` gives ``findall``'s count.
"""

from __future__ import annotations

import random
import re
import unicodedata

from hoptac.extract.acts import cues
from hoptac.extract.org_acronyms import _written
from hoptac.learn.statement_relevance import _count, _third_re, composer

ALPHABET = "AB-1_ xyzđĐÀ(),.\n"


def _plain_written(text: str, acr: str) -> set[tuple[int, int]]:
    return {m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", text)}


def test_an_acronym_is_found_where_the_bounded_pattern_finds_it() -> None:
    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 60)))
        acr = "".join(rng.choice("AB-1đ") for _ in range(rng.randrange(1, 4)))
        assert _written(text, acr) == _plain_written(text, acr), (text, acr)
    assert _written("AAA (AA) AA-B AA", "AA") == {(5, 7), (14, 16)}


def test_a_slice_of_a_composed_text_is_composed() -> None:
    rng = random.Random(5)
    letters = "aăâeêoôơuưyđ \u0300\u0301\u0303\u0309\u0323AĂÂ"
    for _ in range(300):
        text = unicodedata.normalize("NFC", "".join(rng.choice(letters) for _ in range(rng.randrange(1, 40))))
        assert composer(text) is str
        for a in range(len(text)):
            for b in range(a, len(text) + 1):
                assert unicodedata.is_normalized("NFC", text[a:b]), (text, a, b)
    decomposed = unicodedata.normalize("NFD", "Việt Nam")
    assert composer(decomposed)(decomposed) == "Việt Nam"


def test_counting_through_finditer_gives_findall_s_count() -> None:
    low = "hà nội và việt nam, vn; hà  nội-việt nam ở hànội, mỹ và hoa kỳ, anh và pháp"
    for pattern in (*cues().country_res.values(), _third_re()):
        plain = re.compile(pattern.pattern, pattern.flags)  # the same pattern, searched position by position
        for text in (low, low.title(), ""):
            assert _count(pattern, text) == len(plain.findall(text))
    assert _count(cues().country_res["VN"], low) == 5  # not "hànội"


def test_country_heads_match_as_the_plain_pattern() -> None:
    from hoptac.extract.gazetteer import gazetteer

    text = ("Hai thập kỷ qua, nửa triệu người; hai  quốc gia và Ba ngày ở đâyhai mươi. Bộ Ngoại giao Mỹ, "
            "Đại sứ quán Hoa Kỳ và Chính phủ Việt Nam, chính phủ Mỹ, BỘ QUỐC PHÒNG") * 2
    pattern = gazetteer().org_country_head_pattern
    plain = re.compile(pattern.pattern, pattern.flags)
    for a, b in ((0, len(text)), (5, 90), (30, len(text) - 3)):
        assert [m.span() for m in pattern.finditer(text, a, b)] == [m.span() for m in plain.finditer(text, a, b)]
    assert any(pattern.finditer(text))


def test_month_and_year_dates_match_as_the_plain_pattern() -> None:
    from hoptac.extract.dates import _PATTERNS

    pattern = next(p for kind, p in _PATTERNS if kind == "my" and "(?<!" in p.pattern)
    plain = re.compile(pattern.pattern, pattern.flags)
    rng = random.Random(13)
    pieces = ["1", "2", "0", "12", "2019", "1999", "/", ".", "-", ",", " ", "tháng ", "năm "]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16)))
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    assert [m.group() for m in pattern.finditer("từ 2/2019 đến 12.2020, 3/2019/5, 11/2019")] == ["2/2019", "12.2020", "11/2019"]
