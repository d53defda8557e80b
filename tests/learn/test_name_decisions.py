"""Where the learned name decision meets the rules: a foreign word alone the tagger is sure of."""

from __future__ import annotations

import hoptac


def _people(text: str) -> list[str]:
    return [p.name for p in hoptac.analyze(text).people]


def test_a_foreign_word_alone_after_a_word_of_address_is_a_person() -> None:
    # written for this test: a given name alone, no full name in the article
    got = _people("Trong khi đó, anh Kevin cho biết cậu Tom vẫn chưa về nhà.")
    assert "Kevin" in got and "Tom" in got


def test_a_foreign_word_alone_with_nothing_before_it_is_no_person() -> None:
    assert _people("Người dùng Facebook và Google tăng mạnh. Ứng dụng Zalo cũng vậy.") == []


def test_a_foreign_word_alone_after_a_word_that_names_things_too_is_no_person() -> None:
    assert _people("Đội của họ mang tên Zentrix. Ông gửi tặng con Pushka.") == []
