"""Statements: speech acts, actors resolved from subjects, clause topics and threads."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from hoptac.extract.statements import extract_statements
from hoptac.model import Article, Person
from hoptac.settings import DEFAULT

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

# A self-written article; people and their mentions stand in for the entities stage.
TEXT = (
    "Chiều 3/4, Thủ tướng Nguyễn Văn An tiếp Thứ trưởng Ngoại giao Hoa Kỳ John Smith.\n"
    "Thủ tướng đề nghị Hoa Kỳ sớm công nhận quy chế kinh tế thị trường của Việt Nam; "
    "đồng thời hoan nghênh các doanh nghiệp Hoa Kỳ đầu tư vào lĩnh vực bán dẫn.\n"
    "Thứ trưởng John Smith cho biết Hoa Kỳ sẽ tiếp tục hỗ trợ Việt Nam khắc phục hậu quả chất độc da cam.\n"
    "Ông cam kết thúc đẩy hợp tác về năng lượng sạch và khí hóa lỏng (LNG).\n"
    "Hai bên nhất trí tăng cường hợp tác bảo đảm tự do hàng hải ở Biển Đông.\n"
    "Hội nghị sẽ diễn ra vào năm tới.\n"
)


def person(name: str, side: str, *phrases: str) -> Person:
    spans = sorted({(m.start(), m.end()) for p in phrases for m in re.finditer(re.escape(p), TEXT)})
    return Person(name=name, side=side, mentions=spans)


def run(text: str = TEXT) -> list:
    art = Article(text=text, published="2025-04-04")
    art.people = [person("Nguyễn Văn An", "VN", "Thủ tướng Nguyễn Văn An", "Thủ tướng"),
                  person("John Smith", "US", "John Smith", "Thứ trưởng John Smith")]
    return extract_statements(art, DEFAULT).statements


def find(statements, act: str, actor: str):
    return [s for s in statements if s.act == act and s.actor == actor]


def test_request_with_title_alone_subject_and_threads() -> None:
    [req] = find(run(), "request", "Nguyễn Văn An")
    assert req.side == "VN" and req.addressee_side == "US"
    assert req.threads == ["market_economy_status"] and "trade" in req.topics
    assert req.text.startswith("Thủ tướng đề nghị")
    assert "hoan nghênh" not in req.text  # the second cue after ";" starts its own clause


def test_second_cue_continues_the_actor() -> None:
    [wel] = find(run(), "welcome", "Nguyễn Văn An")
    assert {"investment", "semiconductors"} <= set(wel.topics)


def test_side_subject_after_a_speaker_is_the_speaker() -> None:
    statements = run()
    [commit] = [s for s in find(statements, "commit", "John Smith") if "da cam" in s.text]
    assert commit.threads == ["dioxin_remediation"] and commit.side == "US"
    assert find(statements, "inform", "John Smith")  # "cho biết" is kept as inform


def test_pronoun_is_the_last_speaker() -> None:
    [commit] = [s for s in find(run(), "commit", "John Smith") if "LNG" in s.text]
    assert "lng" in commit.threads and "energy" in commit.topics


def test_both_sides_agree() -> None:
    # "Hai bên" right after the Vietnamese speaker talked: reported as that speaker (the co-chair)
    [agree] = [s for s in run() if s.act == "agree"]
    assert (agree.actor, agree.side, agree.addressee_side) == ("Nguyễn Văn An", "VN", "US")
    assert agree.threads == ["south_china_sea"]


def test_no_actor_no_statement_and_evidence_spans() -> None:
    statements = run()
    assert not any("Hội nghị" in s.text for s in statements)
    for s in statements:
        assert TEXT[s.evidence[0]:s.evidence[1]] == s.text


def test_person_named_in_the_object_is_not_the_actor() -> None:
    text = "Bộ trưởng đề nghị Thủ tướng Nguyễn Văn An xem xét chính sách thuế đối ứng.\n"
    art = Article(text=text)
    art.people = [Person("Nguyễn Văn An", side="VN", mentions=[(m.start(), m.end())
                  for m in re.finditer("Thủ tướng Nguyễn Văn An", text)])]
    statements = extract_statements(art, DEFAULT).statements
    assert all(s.actor != "Nguyễn Văn An" for s in statements)


def test_decomposed_text() -> None:
    text = unicodedata.normalize("NFD", "Hai bên nhất trí thúc đẩy hợp tác về trí tuệ nhân tạo.\n")
    [s] = extract_statements(Article(text=text), DEFAULT).statements
    assert (s.act, s.actor, s.topics) == ("agree", "VN", ["ai"])
    assert text[s.evidence[0]:s.evidence[1]] == s.text


def test_corpus_sample_runs_and_spans_hold() -> None:
    corpus = SHARED / "corpus" / "vnus"
    if not corpus.is_dir():
        pytest.skip("shared corpus not present")
    n = 0
    for f in sorted(corpus.glob("*.txt"))[::10][:30]:
        text = f.read_text(encoding="utf-8")
        for s in extract_statements(Article(text=text), DEFAULT).statements:
            n += 1
            assert text[s.evidence[0]:s.evidence[1]] == s.text
            assert s.act in {"request", "propose", "commit", "agree", "welcome", "inform"}
            assert s.topics
    assert n > 30


def _acts(text: str, people: list[Person] | None = None) -> list[tuple[str, str]]:
    art = Article(text=text)
    art.people = people or []
    return [(s.actor, s.act) for s in extract_statements(art, DEFAULT).statements]


def _person(text: str, name: str, side: str, *phrases: str) -> Person:
    spans = sorted({(m.start(), m.end()) for p in phrases for m in re.finditer(re.escape(p), text)})
    return Person(name=name, side=side, mentions=spans)


def test_complement_of_an_agreement_is_one_statement() -> None:
    assert _acts("Hai bên nhất trí hai nước sẽ tiếp tục hợp tác rà phá bom mìn.\n") == [("VN", "agree")]


def test_request_object_is_not_a_promise() -> None:
    assert _acts("Phía Việt Nam đề nghị Hoa Kỳ sẽ sớm dỡ bỏ các hạn chế xuất khẩu.\n") == [("VN", "request")]


def test_welcome_and_request_joined_by_va_are_two_statements() -> None:
    text = "Thủ tướng Lê Văn Bình đánh giá cao và mong muốn Hoa Kỳ hỗ trợ Việt Nam về y tế.\n"
    p = _person(text, "Lê Văn Bình", "VN", "Thủ tướng Lê Văn Bình")
    assert _acts(text, [p]) == [("Lê Văn Bình", "welcome"), ("Lê Văn Bình", "request")]


def test_schedule_and_relative_clause_are_no_statements() -> None:
    text = ("Hoa Kỳ sẽ có cuộc gặp với các nước ASEAN vào tuần tới.\n"
            "Các nguyên tắc mà hai bên đã nhất trí vẫn còn hiệu lực.\n")
    assert _acts(text) == []


def test_interview_answers_belong_to_the_interviewee() -> None:
    text = ("Đại sứ Mark Brown: Chúng tôi cam kết hỗ trợ Việt Nam tẩy độc dioxin.\n"
            "* Phóng viên: Ông có thể nói thêm về thương mại không?\n"
            "- Tôi mong Việt Nam mở cửa thị trường nông sản hơn nữa.\n")
    p = _person(text, "Mark Brown", "US", "Đại sứ Mark Brown")
    assert _acts(text, [p]) == [("Mark Brown", "commit"), ("Mark Brown", "request")]
