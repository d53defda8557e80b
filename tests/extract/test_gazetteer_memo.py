"""Remembered answers (titles' sides, sentences' sides) are the function's own, per gazetteer."""

from __future__ import annotations

from collections import Counter

from hoptac.extract.gazetteer import GazetteerMemo, gazetteer
from hoptac.extract.people_sides import _sentence_sides, _sides_in
from hoptac.extract.title_sides import _side_of_title, side_of_title


def test_memo_answers_as_the_function_and_starts_afresh_for_another_gazetteer():
    calls: list[str] = []

    def f(key: str, g: object) -> tuple[str, int]:
        calls.append(key)
        return key, id(g)

    memo = GazetteerMemo(f, limit=3)  # type: ignore[arg-type]
    g1, g2 = object(), object()
    assert memo("a", g1) == ("a", id(g1)) and memo("a", g1) == ("a", id(g1))  # type: ignore[arg-type]
    assert calls == ["a"]
    assert memo("a", g2) == ("a", id(g2))  # type: ignore[arg-type]
    for k in "bcdefg":  # past the limit: forgotten, never wrong
        assert memo(k, g2) == (k, id(g2))  # type: ignore[arg-type]
    assert memo("b", g2) == ("b", id(g2)) and calls.count("a") == 2  # type: ignore[arg-type]


def test_sides_of_titles_and_sentences_are_the_computed_ones():
    g = gazetteer()
    titles = ["Đại sứ Hoa Kỳ tại Việt Nam", "Bộ trưởng Quốc phòng Mỹ", "Thứ trưởng Ngoại giao", "Đại sứ Việt Nam tại Mỹ"]
    for t in titles * 2:
        assert side_of_title(t, g) == _side_of_title(t, g)
    sentences = ["Ông John Carter cho biết, Hoa Kỳ sẽ hợp tác với Nhật Bản.", "Ông Carter nói thêm, Mỹ ủng hộ.",
                 "Ông Carter cho biết, Hoa Kỳ sẽ hợp tác với Nhật Bản."]  # the third repeats the first
    text = " ".join(sentences)
    mentions, at = [], 0
    for _ in sentences:
        a = text.index("Carter", at)
        mentions.append((a, a + len("Carter")))
        at = a + 1
    expected = Counter(side for sent in sentences for side in _sentence_sides(sent, g))
    del expected[""], expected["VN"]
    for _ in range(2):  # asked again: the remembered sentences give the same counts
        assert _sides_in(text, mentions, g) == expected
    assert expected["US"] >= 3
