"""Silver labels for the name tagger: what the precise rules label in general news, and what they leave."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoptac.annotate.corpus import holdout, load_split
from hoptac.annotate.schema import corpus_root
from hoptac.extract.gazetteer import gazetteer
from hoptac.learn.name_features import address_before, marks
from hoptac.learn.name_silver import silver_files, silver_labels


def _labelled(text: str, rule_people: list[tuple[int, int]] | None = None) -> dict[str, str]:
    g = gazetteer()
    m = marks(text, g, rule_people or [], [])
    return {t.word: lab for t, lab in zip(m.toks, silver_labels(text, m, g), strict=True)}


def test_a_name_after_a_word_of_address_is_a_person() -> None:
    got = _labelled("Sáng nay, chị Thoa và cháu Bảo Ngọc đi chợ.")
    assert got["Thoa"] == "B-PER"
    assert (got["Bảo"], got["Ngọc"]) == ("B-PER", "I-PER")
    assert got["chị"] == "O" and got["chợ"] == "O"


def test_a_name_after_a_word_of_address_of_two_or_three_syllables_is_a_person() -> None:
    got = _labelled("Tối qua, ca sĩ Hồng Nhung và vận động viên Ánh Viên dự lễ.")
    assert (got["Hồng"], got["Nhung"]) == ("B-PER", "I-PER")
    assert (got["Ánh"], got["Viên"]) == ("B-PER", "I-PER")


def test_the_last_syllable_of_a_word_of_address_is_none_alone() -> None:
    assert address_before(["nhà", "văn"], 2) == 2
    assert address_before(["vận", "động", "viên"], 3) == 3
    assert address_before(["chiến", "sĩ"], 2) == 0
    assert address_before(["cháu"], 1) == 1


def test_a_place_after_a_word_of_address_is_not() -> None:
    got = _labelled("Gia đình anh chuyển về Hà Nội, còn ông ở Đà Nẵng với con Hà Nội.")
    assert got["Hà"] == "O" and got["Nội"] == "O"


def test_a_later_given_name_repeats_an_earlier_full_name() -> None:
    text = "Bà Trương Thị Xuyến kể lại. Sau đó Xuyến về quê, còn Tâm ở lại."
    a = text.index("Trương")
    got = _labelled(text, [(a, a + len("Trương Thị Xuyến"))])
    words = [w for w in text.replace(".", " .").replace(",", " ,").split()]
    assert words.count("Xuyến") == 2
    assert got["Xuyến"] == "B-PER"  # the later one (the dict keeps the last label per word)
    assert got["Tâm"] == "O"  # a capitalized word that repeats no one introduced


def test_silver_articles_are_general_never_annotated_nor_holdout() -> None:
    if not (corpus_root() / "general").is_dir():
        pytest.skip("the shared corpus is not here")
    files = silver_files(50)
    assert files and all(p.parent.name == "general" for p in files)
    plan = load_split()
    annotated = {Path(p).name for p in plan["train"] + plan["test"]}
    banned = holdout()
    assert not any(p.name in annotated or p.name in banned for p in files)
    assert files == sorted(files)


def test_the_tagger_reads_a_name_opening_a_sentence_but_not_a_function_word(monkeypatch: pytest.MonkeyPatch) -> None:
    from hoptac.learn import name_features
    from hoptac.learn.name_features import segments, sentences

    g = gazetteer()
    cases = (("Tuệ nêu rõ lý do xin nghỉ.", True), ("Theo kế hoạch, đoàn sẽ đi.", False),
             ("Thầy giáo kể lại chuyện cũ.", False), ("Tôn trọng lẫn nhau là điều cần thiết.", False))
    for shipped in (True, False):  # measured both ways; the shipped setting reads no opener
        monkeypatch.setattr(name_features, "READ_OPENERS", shipped)
        for text, read in cases:
            m = marks(text, g, [], [])
            (lo, hi), = sentences(text, m)
            assert any(a == lo for a, _ in segments(m, lo, hi)) is (read and shipped), text
