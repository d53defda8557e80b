"""Where the learned name decision meets the rules: a foreign word alone the tagger is sure of."""

from __future__ import annotations

import hoptac
from hoptac.extract.names import Candidate


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


def test_a_writer_s_name_closing_a_paragraph_is_no_mention() -> None:
    # written for this test: the byline runs on after the last sentence, with a credit in brackets
    text = ("Bà Trần Thu Hằng, Giám đốc Sở Y tế, cho biết bệnh viện đã sẵn sàng. Theo bà Hằng, số ca bệnh giảm.\n"
            "Hai bên nhất trí tăng cường hợp tác trong lĩnh vực y tế. Thu Hằng (tổng hợp)\n")
    people = hoptac.analyze(text).people
    byline = text.rindex("Hằng")
    assert [p.name for p in people] == ["Trần Thu Hằng"]
    assert all(not (a <= byline < b) for a, b in people[0].mentions)
    assert len(people[0].mentions) == 2


def test_a_classifier_opening_a_sentence_makes_no_person_of_a_foreign_name() -> None:
    got = _people("Tờ Northwind Ledger nhận định thị trường sẽ hồi phục. Báo Kestrel Daily cũng viết như vậy.")
    assert not any("Northwind" in n or "Kestrel" in n for n in got)


def _cand(text: str, name: str) -> Candidate:
    from hoptac.learn.name_decisions import _candidate

    a = text.index(name)
    return _candidate(text, (a, a + len(name)))


def _fragment(text: str, name: str) -> bool:
    from hoptac.learn.name_decisions import _word_fragment

    return _word_fragment(text, _cand(text, name))


def test_a_capitalized_syllable_that_runs_on_into_a_word_is_a_fragment_not_a_name() -> None:
    # written for this test: "Thanh tra", "Lịch sử", "Á Châu" are words, not names
    assert _fragment("Năm ngoái, Thanh tra Chính phủ đã vào cuộc.", "Thanh")
    assert _fragment("Các môn thi gồm Toán, Văn và Lịch sử.", "Lịch")
    assert _fragment("Công ty cổ phần Hòn Ngọc Á Châu vừa thông báo.", "Châu")
    assert _fragment("Người dùng ứng dụng 123Phim tăng mạnh.", "Phim")


def test_a_name_after_a_word_of_address_or_before_a_verb_is_no_fragment() -> None:
    # "anh hùng" is a word, but "anh" here addresses Hùng
    assert not _fragment("Sáng nay, anh Hùng cho biết cả nhà đã về quê.", "Hùng")
    assert not _fragment("Theo lời kể, Hương đã rời nhà từ sớm.", "Hương")


def _described(text: str, name: str) -> bool:
    from types import SimpleNamespace

    from hoptac.extract.gazetteer import gazetteer
    from hoptac.learn.name_decisions import _described_thing

    people = SimpleNamespace(ctext=text, g=gazetteer())
    return _described_thing(people, _cand(text, name))  # type: ignore[arg-type]


def test_a_name_after_a_thing_s_noun_and_words_of_its_kind_is_the_thing_s() -> None:
    # written for this test: a resort, a rating agency, a TV show
    assert _described("Du khách đổ về khu du lịch Westbrook Lodge dịp nghỉ lễ.", "Westbrook Lodge")
    assert _described("Theo hãng xếp hạng tín nhiệm Moody Harbor, nợ công tăng.", "Moody Harbor")
    assert _described("Cô từng thắng chương trình khiêu vũ Danza Loca Viva.", "Danza Loca Viva")


def test_a_name_after_a_title_or_a_short_word_past_the_noun_stays_a_person_s() -> None:
    assert not _described("Giám đốc điều hành khu nghỉ dưỡng Stephen Whitlock nói.", "Stephen Whitlock")
    assert not _described("Dự án này do Anne Whitfield khởi xướng.", "Anne Whitfield")
    assert not _described("Anh từng làm cùng công ty với Minh Hằng.", "Minh Hằng")
