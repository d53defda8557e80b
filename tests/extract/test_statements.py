"""Statements: speech acts, actors resolved from subjects, clause topics and threads."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from hoptac.extract.statements import extract_statements
from hoptac.learn.modes import using
from hoptac.learn.statements import NAME
from hoptac.model import Article, Organization, Person
from hoptac.settings import DEFAULT


@pytest.fixture(autouse=True)
def _rules_alone() -> Iterator[None]:
    """These tests are about the rules (cue, subject, clause, act); the learned decision over their
    statements is held to its figures on the annotated test split by tests/learn/test_models.py."""
    with using(NAME, "rules"):
        yield

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


def said_in(text: str, *people: tuple[str, str, str]) -> list:
    """The statements of a self-written text whose people are (name, side, phrase every mention reads)."""
    art = Article(text=text, published="2025-04-04")
    art.people = [Person(name=n, side=sd, mentions=[(m.start(), m.end()) for m in re.finditer(re.escape(p), text)])
                  for n, sd, p in people]
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
    assert commit.text.startswith("John Smith cho biết")  # what he said, no bare "cho biết" apart
    assert not [s for s in find(statements, "inform", "John Smith") if s.text.endswith("cho biết")]


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
    assert n >= 30  # 31 until a lead summary held in its body clause counted as a repeat (one dropped)


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


# --- subjects, merges and redirections (sentences written for these tests) ---

def _people(text: str, *specs: tuple[str, str, str | None, str | None, tuple[str, ...]]) -> list[Person]:
    out = []
    for name, side, title, org, phrases in specs:
        p = _person(text, name, side, *phrases)
        p.title, p.organization = title, org
        out.append(p)
    return out


def _run_people(text: str, people: list[Person], orgs: list | None = None) -> list:
    art = Article(text=text)
    art.people, art.organizations = people, orgs or []
    return extract_statements(art, DEFAULT).statements


def test_appositive_title_between_name_and_cue() -> None:
    text = "Ông Mark Lee, Phó Chủ tịch tập đoàn Alpha, đã đề xuất lập một nhà máy điện khí LNG.\n"
    people = _people(text, ("Mark Lee", "US", "Phó Chủ tịch tập đoàn Alpha", None, ("Mark Lee",)))
    assert [(s.actor, s.act) for s in _run_people(text, people)] == [("Mark Lee", "propose")]


def test_person_of_an_organization_is_the_actor() -> None:
    text = "Phó Chủ tịch Mark Lee của Alpha khẳng định cam kết đầu tư vào Internet vệ tinh tại Việt Nam.\n"
    people = _people(text, ("Mark Lee", "US", "Phó Chủ tịch", "Alpha", ("Mark Lee",)))
    orgs = [Organization("Alpha", side="US", mentions=[(text.index("Alpha"), text.index("Alpha") + 5)])]
    [s] = _run_people(text, people, orgs)
    assert (s.actor, s.act, s.threads) == ("Mark Lee", "commit", ["satellite_internet"])


def test_ministry_after_its_minister_spoke_is_the_minister() -> None:
    text = ("Bộ trưởng Trần Văn Hải đề nghị tập đoàn Beta mở rộng sản xuất chip.\n"
            "Bộ Công Thương cam kết hỗ trợ Beta về thủ tục đầu tư.\n")
    people = _people(text, ("Trần Văn Hải", "VN", "Bộ trưởng Bộ Công Thương", "Bộ Công Thương",
                            ("Bộ trưởng Trần Văn Hải",)))
    i = text.index("Bộ Công Thương")
    orgs = [Organization("Bộ Công Thương", side="VN", mentions=[(i, i + 14)])]
    acts = [(s.actor, s.act) for s in _run_people(text, people, orgs)]
    assert acts == [("Trần Văn Hải", "request"), ("Trần Văn Hải", "commit")]


def test_condition_is_no_statement() -> None:
    text = "Việt Nam sẵn sàng hỗ trợ về thủ tục, nếu doanh nghiệp Mỹ cam kết mở rộng đầu tư.\n"
    assert [a for _, a in _acts(text)] == ["commit"]


def test_fronted_cue_takes_the_main_subject() -> None:
    text = "Hoan nghênh các đề xuất này, Thủ tướng Lê Văn Bình cho biết Việt Nam sẽ đào tạo kỹ sư.\n"
    people = _people(text, ("Lê Văn Bình", "VN", "Thủ tướng", None, ("Thủ tướng Lê Văn Bình",)))
    acts = [(s.actor, s.act) for s in _run_people(text, people)]
    assert acts[0] == ("Lê Văn Bình", "welcome")


def test_letter_to_a_leader_welcomes_from_its_writer() -> None:
    text = "Thượng nghị sĩ Tom Hill đã có thư gửi Thủ tướng Lê Văn Bình hoan nghênh chuyến thăm.\n"
    people = _people(text, ("Tom Hill", "US", "Thượng nghị sĩ", None, ("Tom Hill",)),
                     ("Lê Văn Bình", "VN", "Thủ tướng", None, ("Lê Văn Bình",)))
    assert [(s.actor, s.act) for s in _run_people(text, people)] == [("Tom Hill", "welcome")]


def test_visit_of_a_leader_is_no_speaker() -> None:
    text = "Chuyến thăm của Thủ tướng Lê Văn Bình sẽ thúc đẩy hợp tác quốc phòng.\n"
    people = _people(text, ("Lê Văn Bình", "VN", "Thủ tướng", None, ("Lê Văn Bình",)))
    assert _run_people(text, people) == []


def test_continued_act_in_other_words_is_one_statement() -> None:
    text = ("Việt Nam mong muốn được đối xử công bằng về thương mại và đề nghị Hoa Kỳ sớm công nhận "
            "quy chế kinh tế thị trường.\n")
    [s] = extract_statements(Article(text=text), DEFAULT).statements
    assert s.act == "request" and s.threads == ["market_economy_status"]


def test_repeated_cue_word_keeps_two_statements() -> None:
    text = "Hai bên nhất trí tăng cường trao đổi đoàn, nhất trí hợp tác thương mại là trọng tâm.\n"
    assert [a for _, a in _acts(text)] == ["agree", "agree"]


def test_requests_of_third_parties_or_own_side_and_wishes_are_inform() -> None:
    text = ("Hai nước kêu gọi các bên liên quan kiềm chế ở Biển Đông.\n"
            "Phía Việt Nam khuyến khích doanh nghiệp Việt Nam đầu tư vào Mỹ.\n"
            "Phía Hoa Kỳ mong muốn quan hệ hai nước tiếp tục phát triển.\n"
            "Phía Hoa Kỳ mong muốn Việt Nam mở cửa thị trường nông sản.\n")
    assert [a for _, a in _acts(text)] == ["inform", "inform", "inform", "request"]


def test_valuing_and_schedules_are_no_promises() -> None:
    text = ("Hoa Kỳ coi trọng hợp tác với Việt Nam về năng lượng.\n"
            "Hai bên dự kiến sẽ thảo luận các vấn đề song phương.\n"
            "Phía Mỹ mong muốn Việt Nam gia tăng những sáng kiến và đề xuất hợp tác.\n")
    assert [a for _, a in _acts(text)] == ["inform", "request"]


def test_sentence_subject_carries_past_a_plain_verb() -> None:
    text = "Hai bên đã thảo luận về an ninh khu vực, nhất trí thúc đẩy hợp tác chống khủng bố.\n"
    assert _acts(text) == [("VN", "agree")]


def test_side_representative_is_the_side_speaker() -> None:
    text = ("Thứ trưởng John Smith cho biết Hoa Kỳ sẽ hỗ trợ Việt Nam về y tế.\n"
            "Đại diện Hoa Kỳ nhấn mạnh cam kết hợp tác về năng lượng.\n")
    people = _people(text, ("John Smith", "US", "Thứ trưởng", None, ("Thứ trưởng John Smith",)))
    assert ("John Smith", "commit") in [(s.actor, s.act) for s in _run_people(text, people)]
    assert all(s.actor == "John Smith" for s in _run_people(text, people))


def test_headline_restated_in_the_body_is_dropped() -> None:
    text = ("Việt - Mỹ sẽ thúc đẩy hợp tác về an ninh biển\n"
            "Ngày 3/4, tại Hà Nội, hai bên đã họp.\n"
            "Việt Nam và Hoa Kỳ nhất trí tăng cường hợp tác an ninh biển.\n")
    art = Article(text=text, title="Việt - Mỹ sẽ thúc đẩy hợp tác về an ninh biển")
    statements = extract_statements(art, DEFAULT).statements
    assert [(s.act, s.evidence[0] > text.index("\n")) for s in statements] == [("agree", True)]
    for s in statements:
        assert text[s.evidence[0]:s.evidence[1]] == s.text


def test_anaphor_takes_the_topics_before_it() -> None:
    text = ("Hoa Kỳ đề nghị mở chương trình giảng dạy tiếng Anh tại các trường đại học.\n"
            "Thứ trưởng Lê An cho biết phía Việt Nam hoan nghênh việc này.\n")
    [s] = [s for s in _acts_full(text) if s.act == "welcome"]
    assert "workforce" in s.topics


def _acts_full(text: str) -> list:
    return extract_statements(Article(text=text), DEFAULT).statements


def test_an_actor_without_a_side_makes_no_thread_entry() -> None:
    """A thread entry is (side, act, thread): a speaker of unknown side keeps topics, not threads."""
    text = "Chuyên gia Peter Roe đề nghị Mỹ sớm công nhận quy chế kinh tế thị trường của Việt Nam.\n"
    art = Article(text=text, published="2025-04-04")
    art.people = [Person(name="Peter Roe", side=None, mentions=[(text.index("Peter"), text.index(" đề"))])]
    [req] = extract_statements(art, DEFAULT).statements
    assert req.actor == "Peter Roe" and req.side is None
    assert req.threads == [] and "trade" in req.topics
    art.people[0].side = "VN"
    [req] = extract_statements(art, DEFAULT).statements
    assert req.threads == ["market_economy_status"]


def test_a_quote_before_its_speaker_is_what_was_said() -> None:
    """'"...", ông X, <title>, nói': the statement is the quote with its attribution, and the
    quote's subjects are its topics."""
    text = ("Hai nước bàn hợp tác\n\n"
            "\"Chúng tôi sẽ mở rộng hợp tác đào tạo kỹ sư bán dẫn với Việt Nam\", ông John Smith, "
            "Thứ trưởng Ngoại giao Hoa Kỳ, nói với báo chí.\n")
    [st] = said_in(text, ("John Smith", "US", "John Smith"))
    assert st.actor == "John Smith" and st.text.startswith("\"Chúng tôi sẽ mở rộng")
    assert st.text.endswith("nói với báo chí") and text[st.evidence[0]:st.evidence[1]] == st.text
    assert "semiconductors" in st.topics


def test_a_quote_before_a_titled_speaker_is_theirs_but_not_before_a_contrast() -> None:
    text = ("Hai nước bàn hợp tác\n\n"
            "\"Quan hệ hai nước phát triển tốt đẹp\", Thứ trưởng John Smith cho biết hôm qua. "
            "\"Hai nước còn nhiều việc phải làm\", nhưng Thủ tướng Nguyễn Văn An cho biết sẽ thúc đẩy hợp tác.\n")
    statements = said_in(text, ("John Smith", "US", "John Smith"), ("Nguyễn Văn An", "VN", "Nguyễn Văn An"))
    smith = [s for s in statements if s.actor == "John Smith"]
    an = [s for s in statements if s.actor == "Nguyễn Văn An"]
    assert smith and smith[0].text.startswith("\"Quan hệ hai nước")
    assert an and not an[0].text.startswith("\"")


def test_what_a_speaker_hopes_the_other_side_will_do_is_not_its_promise() -> None:
    text = ("Hai nước bàn hợp tác\n\n"
            "Thủ tướng Nguyễn Văn An cho biết chúng tôi mong trên cương vị mới, Thứ trưởng John Smith sẽ tiếp "
            "tục đóng góp vào hợp tác quốc phòng giữa hai nước.\n")
    statements = said_in(text, ("Nguyễn Văn An", "VN", "Thủ tướng Nguyễn Văn An"),
                          ("John Smith", "US", "Thứ trưởng John Smith"))
    assert not find(statements, "commit", "John Smith")
    [req] = find(statements, "request", "Nguyễn Văn An")
    assert req.text.endswith("giữa hai nước")


def test_reported_words_before_the_speaker_are_the_statement_but_a_topic_opener_is_not() -> None:
    text = ("Hai nước bàn hợp tác\n\n"
            "Quan hệ hai nước đang phát triển tốt đẹp trên mọi lĩnh vực từ thương mại tới giáo dục, "
            "Thứ trưởng John Smith cho biết trong thông cáo báo chí hôm qua. "
            "Nói về hợp tác giáo dục trong nhiều năm qua giữa hai nước, Thủ tướng Nguyễn Văn An cho biết.\n")
    statements = said_in(text, ("John Smith", "US", "John Smith"), ("Nguyễn Văn An", "VN", "Nguyễn Văn An"))
    [smith] = [s for s in statements if s.actor == "John Smith"]
    assert smith.text.startswith("Quan hệ hai nước") and smith.text.endswith("hôm qua")  # a place or time may follow
    assert all(not s.text.startswith("Nói về") for s in statements if s.actor == "Nguyễn Văn An")


def test_a_bare_speech_verb_before_its_content_and_a_dangling_conjunction_are_dropped() -> None:
    text = ("Hai nước bàn hợp tác\n\n"
            "Thủ tướng Nguyễn Văn An cảm ơn Thứ trưởng John Smith dành thời gian đón tiếp đoàn và nhấn mạnh "
            "Việt Nam sẽ tiếp tục khắc phục hậu quả chất độc da cam.\n")
    statements = said_in(text, ("John Smith", "US", "John Smith"), ("Nguyễn Văn An", "VN", "Nguyễn Văn An"))
    assert all(s.text.strip() not in ("nhấn mạnh", "") for s in statements)
    assert not any(s.text.endswith((" và", " và,")) for s in statements)
    [commit] = [s for s in statements if s.act == "commit"]  # the speech verb heads what it reports
    assert commit.actor == "Nguyễn Văn An" and commit.text.startswith("nhấn mạnh Việt Nam sẽ")


def test_a_side_named_after_a_speech_verb_is_what_the_speaker_said() -> None:
    text = ("Hai nước bàn hợp tác\n\n"
            "Đại sứ Lê Văn Bình khẳng định Việt Nam luôn coi trọng quan hệ với Hoa Kỳ, cho biết Việt Nam "
            "sẽ mở rộng hợp tác đào tạo.\n"
            "Thứ trưởng John Smith cho biết Hoa Kỳ sẽ hỗ trợ Việt Nam về y tế.\n"
            "Thứ trưởng John Smith cho biết phía Việt Nam đã đề nghị Hoa Kỳ mở cửa thị trường cho trái cây.\n"
            "Đại sứ Lê Văn Bình cho biết Hoa Kỳ sẽ tài trợ học bổng.\n"
            "Đại sứ Lê Văn Bình nói: \"Nhiều năm qua, khi Hoa Kỳ hỗ trợ rà phá bom mìn, Việt Nam luôn phối hợp.\"\n"
            "Bên lề hội nghị, Thứ trưởng John Smith nói: \"Chúng tôi sẽ mở thêm văn phòng tại Đà Nẵng.\"\n"
            "Thứ trưởng John Smith cho biết các doanh nghiệp Hoa Kỳ mong muốn đầu tư vào cảng biển.\n")
    statements = said_in(text, ("John Smith", "US", "John Smith"), ("Lê Văn Bình", "VN", "Lê Văn Bình"))
    binh = [(s.act, s.text) for s in statements if s.actor == "Lê Văn Bình" and "Hoa Kỳ sẽ" not in s.text
            and "bom mìn" not in s.text]
    assert binh == [("inform", "Lê Văn Bình khẳng định Việt Nam luôn coi trọng quan hệ với Hoa Kỳ"),
                    ("commit", "cho biết Việt Nam sẽ mở rộng hợp tác đào tạo")]
    # his own side's plan: he commits; the other side's plan: he informs
    assert [(s.actor, s.act) for s in statements if "y tế" in s.text] == [("John Smith", "commit")]
    assert [(s.actor, s.act) for s in statements if "học bổng" in s.text] == [("Lê Văn Bình", "inform")]
    # inside his quotation too: the other side's help he speaks of is no promise of theirs
    assert [(s.actor, s.act) for s in statements if "bom mìn" in s.text] == [("Lê Văn Bình", "inform")]
    # his own words in his quotation: one statement, with what they do
    [office] = [s for s in statements if "Smith nói" in s.text]
    assert office.act == "commit" and "Đà Nẵng" in office.text
    [ports] = [s for s in statements if "cảng biển" in s.text]  # his side's businesses: what he said
    assert (ports.actor, ports.act) == ("John Smith", "request") and ports.text.startswith("John Smith cho biết")
    # the other side's request, reported: the other side asks (the speaker only informs)
    assert [(s.side, s.act) for s in statements if "trái cây" in s.text] == [("VN", "request")]
    assert not [s for s in statements if s.text.endswith("cho biết")]  # no bare speech verb is left over


def test_clauses_of_a_quotation_before_its_speaker_are_the_speakers_words() -> None:
    text = ("Hai nước bàn hợp tác\n\n"
            "\"Việt Nam và Hoa Kỳ cùng coi trọng quan hệ, tính đến lợi ích của nhau\", Thứ trưởng Lê Văn Bình khẳng định.\n"
            "\"Việt Nam sẽ mở cửa cho hàng nông sản Mỹ\", Thứ trưởng Lê Văn Bình nói với báo chí.\n"
            "\"Mỹ sẽ tiếp tục hỗ trợ\", nhưng Thứ trưởng Lê Văn Bình cho biết Việt Nam sẽ tự chủ về vốn.\n")
    statements = said_in(text, ("Lê Văn Bình", "VN", "Lê Văn Bình"))
    said = [(s.actor, s.act, s.text[:12]) for s in statements]
    assert said[:2] == [("Lê Văn Bình", "inform", "\"Việt Nam và"), ("Lê Văn Bình", "commit", "\"Việt Nam sẽ")]
    # after a contrast the quotation is someone else's; the link word goes with the next clause
    assert [s.text for s in statements if s.side == "US"] == ["Mỹ sẽ tiếp tục hỗ trợ"]


def test_a_fronted_speech_frame_is_no_statement_of_its_own() -> None:
    text = ("Hai nước bàn hợp tác\n\n"
            "Phát biểu tại buổi lễ, Đại sứ John Smith cho biết Hoa Kỳ sẽ tài trợ dự án.\n"
            "Đánh giá cao các đề xuất, Thủ tướng Lê Văn Bình cho biết Việt Nam sẽ đào tạo kỹ sư.\n")
    statements = said_in(text, ("John Smith", "US", "John Smith"), ("Lê Văn Bình", "VN", "Lê Văn Bình"))
    assert [(s.actor, s.act) for s in statements] == [("John Smith", "commit"), ("Lê Văn Bình", "welcome"),
                                                       ("Lê Văn Bình", "commit")]  # praise is kept


def test_a_statement_addresses_the_other_side_only_when_the_story_names_it() -> None:
    text = ("Khủng hoảng ở Nam Mỹ\n\n"
            "Ngoại trưởng John Smith kêu gọi chính phủ Venezuela tổ chức bầu cử sớm.\n")
    [far] = said_in(text, ("John Smith", "US", "John Smith"))
    assert far.act == "request" and far.addressee_side is None
    near = said_in(text.replace("Venezuela", "Việt Nam"), ("John Smith", "US", "John Smith"))
    assert [s.addressee_side for s in near] == ["VN"]


def test_a_quotation_of_several_sentences_ending_on_a_dash_and_its_speaker_is_theirs() -> None:
    text = ("Hai nước bàn hợp tác\n\n"
            "Thứ trưởng Lê Văn Bình cho biết Việt Nam coi trọng quan hệ với Hoa Kỳ.\n"
            "\"Chúng tôi sẽ mở thêm hai lãnh sự quán trong năm tới.\n"
            "Hai nước sẽ kỷ niệm 30 năm quan hệ\" - Ngoại trưởng John Smith cho biết.\n"
            "\"Hai bên sẽ mở rộng hợp tác giáo dục\" – Thứ trưởng Lê Văn Bình nói.\n")
    statements = said_in(text, ("John Smith", "US", "John Smith"), ("Lê Văn Bình", "VN", "Lê Văn Bình"))
    [smith] = [s for s in statements if s.actor == "John Smith"]
    assert smith.text.startswith("\"Chúng tôi sẽ mở thêm") and smith.text.endswith("John Smith cho biết")
    assert not [s for s in statements if s.actor == "Lê Văn Bình" and "lãnh sự quán" in s.text]
    [school] = [s for s in statements if "giáo dục" in s.text]
    assert school.actor == "Lê Văn Bình" and school.text.startswith("\"Hai bên sẽ")


def test_a_time_or_place_between_a_speech_verb_and_what_was_said_is_a_lead_in() -> None:
    text = ("Hai nước bàn hợp tác\n\n"
            "Bộ trưởng Lê Văn Bình khẳng định, trong thời gian tới, Việt Nam sẽ cải cách thủ tục đầu tư.\n"
            "Đại sứ John Smith cho biết thêm, mùa thu năm nay, Mỹ sẽ khởi công trung tâm huấn luyện.\n")
    statements = said_in(text, ("John Smith", "US", "John Smith"), ("Lê Văn Bình", "VN", "Lê Văn Bình"))
    assert [(s.actor, s.act) for s in statements] == [("Lê Văn Bình", "commit"), ("John Smith", "commit")]
    assert all(s.text.split()[1] in ("Văn", "Smith") for s in statements)  # each from its speaker on


def test_quotations_closed_by_a_comma_inside_or_a_tight_dash_and_a_quoted_object() -> None:
    text = ("Hai nước bàn hợp tác\n\n"
            "\"Các nhà khoa học hai nước sẽ vượt qua mọi khó khăn,\" Đại sứ John Smith nói.\n"
            "“Chúng tôi muốn đàm phán từng hiệp định”- Thứ trưởng Lê Văn Bình nói.\n"
            "Thứ trưởng Lê Văn Bình cho biết \"hài lòng với tốc độ phát triển của quan hệ hai nước\".\n")
    statements = said_in(text, ("John Smith", "US", "John Smith"), ("Lê Văn Bình", "VN", "Lê Văn Bình"))
    assert [s.text[:6] for s in statements[:2]] == ["\"Các n", "“Chúng"]  # the quote is what was said
    assert [(s.actor, s.act) for s in statements if "hài lòng" in s.text] == [("Lê Văn Bình", "welcome")]
    assert not [s for s in statements if s.text.endswith("cho biết")]


def test_a_quotation_of_sentences_whose_last_has_its_own_subject_is_still_the_speakers() -> None:
    text = ("Hai nước bàn hợp tác\n\n"
            "\"Quan hệ hai nước được cải thiện trong vài năm gần đây.\n"
            "Mỹ nhìn nhận Việt Nam là một đối tác chủ chốt trong khu vực\", giáo sư John Smith nói.\n")
    statements = said_in(text, ("John Smith", "US", "John Smith"))
    assert [(s.actor, s.text[:12]) for s in statements] == [("John Smith", "\"Quan hệ hai")]


def test_an_organization_or_both_sides_named_after_a_speech_verb_are_what_was_said() -> None:
    text = ("Hai nước bàn hợp tác\n\n"
            "Thượng tướng Lê Văn Bình khẳng định Bộ Quốc phòng Việt Nam coi trọng hợp tác với Hoa Kỳ.\n"
            "Hai nhà lãnh đạo nhấn mạnh hai nước sẽ mở rộng hợp tác an ninh.\n")
    art = Article(text=text, published="2025-04-04")
    art.people = [Person(name="Lê Văn Bình", side="VN", mentions=[(m.start(), m.end()) for m in
                                                                  re.finditer("Lê Văn Bình", text)])]
    start = text.index("Bộ Quốc phòng Việt Nam")
    art.organizations = [Organization(name="Bộ Quốc phòng Việt Nam", side="VN",
                                      mentions=[(start, start + len("Bộ Quốc phòng Việt Nam"))])]
    statements = extract_statements(art, DEFAULT).statements
    assert [(s.act, s.text.split()[0]) for s in statements] == [("inform", "Lê"), ("commit", "Hai")]


def test_both_sides_reported_by_one_speaker_share_a_position_or_agree_themselves() -> None:
    text = ("Hai nước bàn hợp tác\n\n"
            "Thứ trưởng Lê Văn Bình nêu rõ trong vấn đề biển, Việt Nam và Mỹ chia sẻ lập trường chung.\n"
            "Thứ trưởng Lê Văn Bình cho biết Việt Nam và Hoa Kỳ đã nhất trí mở rộng hợp tác.\n")
    statements = said_in(text, ("Lê Văn Bình", "VN", "Lê Văn Bình"))
    assert [(s.actor, s.act, s.text.split()[0]) for s in statements] == [("Lê Văn Bình", "inform", "Lê"),
                                                                          ("VN", "agree", "Việt")]


# --- positions, sub-issues and addressees -------------------------------------------------

MEETING = (
    "Chiều 5/6, Bộ trưởng Công Thương Trần Văn Minh tiếp Đại sứ Hoa Kỳ Robert Green tại Hà Nội.\n"
    "Bộ trưởng Trần Văn Minh đề nghị phía Hoa Kỳ sớm công nhận quy chế kinh tế thị trường cho Việt Nam.\n"
    "Đại sứ Robert Green cho biết Bộ Thương mại Hoa Kỳ đang xem xét quy chế kinh tế thị trường của Việt Nam.\n"
    "Ông Robert Green khẳng định Hoa Kỳ sẽ tiếp tục hỗ trợ tẩy độc dioxin tại sân bay Biên Hòa.\n"
    "Ông Trần Văn Minh cũng kêu gọi các bên liên quan kiềm chế, giải quyết tranh chấp ở Biển Đông bằng biện pháp hòa bình.\n"
    "Ông Trần Văn Minh đề nghị Trung Quốc tôn trọng luật pháp quốc tế trên Biển Đông.\n"
)
PEOPLE = (("Trần Văn Minh", "VN", "Trần Văn Minh"), ("Robert Green", "US", "Robert Green"))


def _meeting(text: str = MEETING) -> list:
    from hoptac.model import Event

    art = Article(text=text, published="2025-06-06")
    art.people = [Person(name=n, side=sd, mentions=[(m.start(), m.end()) for m in re.finditer(re.escape(p), text)])
                  for n, sd, p in PEOPLE]
    art.events = [Event("reception", (0, text.index("\n")), "2025-06-05", participants=["Robert Green"])]
    return extract_statements(art, DEFAULT).statements


def test_a_position_of_the_other_side_joins_its_thread() -> None:
    [answer] = [s for s in _meeting() if s.act == "inform" and s.side == "US"]
    assert answer.threads == ["market_economy_status"]  # the US answer is part of the story
    assert answer.addressee_side == "VN"  # said at the reception of the Vietnamese minister


def test_a_sub_issue_is_read_from_the_clause_only_under_its_thread() -> None:
    [pledge] = [s for s in _meeting() if s.act == "commit" and s.side == "US"]
    assert pledge.threads == ["dioxin_remediation"] and pledge.subthreads == ["dioxin_bien_hoa"]
    city = said_in("Ông Trần Văn Minh đề nghị Hoa Kỳ đầu tư vào khu công nghiệp ở Biên Hòa.\n",
                   ("Trần Văn Minh", "VN", "Trần Văn Minh"))
    assert city and not city[0].threads and not city[0].subthreads  # a city is no sub-issue by itself


def test_the_addressee_is_read_from_the_words_after_the_cue() -> None:
    said = _meeting()
    ask = next(s for s in said if s.act == "request" and "phía Hoa Kỳ" in s.text)
    assert ask.addressee_side == "US"
    third = [s for s in said if "Trung Quốc" in s.text or "các bên liên quan" in s.text]
    assert len(third) == 2 and all(s.addressee_side == "OTHER" for s in third)


def test_no_addressee_when_the_story_names_no_one_addressed() -> None:
    text = ("Tại họp báo ở Washington, Bộ trưởng Thương mại Mỹ John Brown cho biết nền kinh tế đang tăng trưởng.\n"
            "Ông John Brown kêu gọi Việt Nam mở cửa thị trường nông sản cho hàng hóa của các bang miền Trung Tây.\n")
    said = said_in(text, ("John Brown", "US", "John Brown"))
    told = next(s for s in said if s.act == "inform")
    asked = next(s for s in said if "kêu gọi" in s.text)
    assert told.addressee_side is None  # a position told to the press, in no meeting
    assert asked.addressee_side == "VN"  # "kêu gọi Việt Nam ...": the one addressed is named


def test_a_position_keeps_the_thread_it_touches() -> None:
    """annotations/GUIDE.md: a statement's threads are those it touches, positions (inform) included."""
    text = ("Ông Robert Green cho biết Hoa Kỳ luôn coi trọng tự do hàng hải ở Biển Đông.\n"
            "Ông Robert Green cho biết Mỹ đã rút khỏi Hiệp định Đối tác xuyên Thái Bình Dương.\n"
            "Ông Robert Green cho biết hai nước có quan hệ tốt đẹp.\n")
    said = said_in(text, ("Robert Green", "US", "Robert Green"))
    view = next(s for s in said if "Biển Đông" in s.text)
    step = next(s for s in said if "rút khỏi" in s.text)
    plain = next(s for s in said if "tốt đẹp" in s.text)
    assert view.act == "inform" and view.threads == ["south_china_sea"]  # a view on an issue no one raised
    assert step.threads == ["tpp"]  # a position telling of a step (a withdrawal) is on its thread
    assert plain.threads == []  # a clause naming no issue is on no thread


def test_a_group_of_one_sides_people_speaks_as_that_sides_speaker() -> None:
    """``Các nghị sĩ Mỹ đánh giá cao``: the side's last speaker nearby, else the side itself."""
    text = ("Thượng nghị sĩ Robert Green cho biết Mỹ coi trọng quan hệ với Việt Nam.\n"
            "Các nghị sĩ Mỹ đánh giá cao những nỗ lực cải cách của Việt Nam.\n"
            "Hôm sau, nhiều đoàn khách đã đến thăm bảo tàng.\n"
            "Trước đó mấy năm, quan hệ hai nước đã có nhiều thay đổi.\n"
            "Thời tiết tại thủ đô khá đẹp trong những ngày này.\n"
            "Quan chức Mỹ mong muốn Việt Nam mở cửa thị trường nông sản.\n")
    said = said_in(text, ("Robert Green", "US", "Robert Green"))
    praise = next(s for s in said if "cải cách" in s.text)
    ask = next(s for s in said if "nông sản" in s.text)
    assert (praise.actor, praise.act, praise.side) == ("Robert Green", "welcome", "US")
    assert (ask.actor, ask.act, ask.side) == ("US", "request", "US")  # no US speaker in the last sentences
    assert not [s for s in said_in("Một số quan chức địa phương mong muốn mở rộng sân bay.\n") if s.act != "inform"]


def test_a_clause_naming_no_issue_takes_the_sentence_before_or_a_context_word() -> None:
    """A request or commitment that names no thread itself: ``vấn đề này`` refers to the sentence
    before; ``mức thuế`` names the thread only in a story that names trade remedies outright."""
    text = ("Bộ Thương mại Mỹ công bố mức thuế chống bán phá giá đối với tôm của Việt Nam.\n"
            "Ông Trần Văn Minh đề nghị phía Mỹ điều chỉnh mức thuế đối với các doanh nghiệp Việt Nam.\n"
            "Ông Trần Văn Minh đề nghị phía Mỹ tăng cường hợp tác giáo dục.\n"
            "Ông Robert Green cam kết Hoa Kỳ sẽ hỗ trợ Việt Nam trong vấn đề này.\n")
    said = said_in(text, ("Trần Văn Minh", "VN", "Trần Văn Minh"), ("Robert Green", "US", "Robert Green"))
    rate = next(s for s in said if "điều chỉnh" in s.text)
    school = next(s for s in said if "giáo dục" in s.text)
    back = next(s for s in said if "vấn đề này" in s.text)
    assert rate.threads == ["trade_remedies"] and "trade" in rate.topics
    assert school.threads == []  # no issue named, no word of one
    assert back.act == "commit" and back.threads == []  # the sentence before names none
    elsewhere = said_in("Ông Trần Văn Minh đề nghị phía Mỹ điều chỉnh mức thuế đối với hàng dệt may.\n",
                        ("Trần Văn Minh", "VN", "Trần Văn Minh"))
    assert elsewhere and elsewhere[0].threads == []  # a story naming no trade remedy: a tariff is no thread


def test_an_anaphor_takes_the_thread_of_the_sentence_before() -> None:
    text = ("Phía Việt Nam đề nghị Mỹ sớm công nhận quy chế kinh tế thị trường.\n"
            "Ông Robert Green cam kết Hoa Kỳ sẽ xem xét vấn đề này.\n")
    said = said_in(text, ("Robert Green", "US", "Robert Green"))
    pledge = next(s for s in said if "vấn đề này" in s.text)
    assert pledge.act == "commit" and pledge.threads == ["market_economy_status"]


def test_the_domestic_market_economy_and_the_commerce_department_are_no_threads() -> None:
    text = ("Ông Trần Văn Minh cho biết Việt Nam hoàn thiện thể chế kinh tế thị trường định hướng xã hội chủ nghĩa.\n"
            "Ông Trần Văn Minh đề nghị DOC xem xét dữ liệu của doanh nghiệp Việt Nam.\n")
    said = said_in(text, ("Trần Văn Minh", "VN", "Trần Văn Minh"))
    assert said and all(s.threads == [] for s in said)


def test_a_country_as_subject_is_its_side_unless_its_speaker_just_spoke() -> None:
    """``Mỹ sẽ ...`` three sentences after the American speaker is the US itself (the guide credits a
    side for a country); in the speaker's own sentence or the next it goes on with the speaker."""
    far = said_in("Đại sứ Hoa Kỳ Tom Baker cho biết Mỹ coi trọng hợp tác giáo dục với Việt Nam.\n"
                  "Năm ngoái có hơn 30.000 sinh viên Việt Nam học tập tại các trường đại học ở Hoa Kỳ.\n"
                  "Ngoài ra, khách du lịch giữa hai nước tăng nhanh sau đại dịch.\n"
                  "Mỹ sẽ tài trợ thêm học bổng cho sinh viên Việt Nam trong năm tới.\n",
                  ("Tom Baker", "US", "Tom Baker"))
    near = said_in("Đại sứ Hoa Kỳ Tom Baker cho biết Mỹ coi trọng hợp tác giáo dục với Việt Nam.\n"
                   "Mỹ sẽ tài trợ thêm học bổng cho sinh viên Việt Nam trong năm tới.\n",
                   ("Tom Baker", "US", "Tom Baker"))
    assert [s.actor for s in far if s.act == "commit"] == ["US"]
    assert [s.actor for s in near if s.act == "commit"] == ["Tom Baker"]


def test_a_sides_representative_three_sentences_on_is_its_speaker_not_the_side() -> None:
    """``Đại diện phía Mỹ cam kết ...`` three sentences after the American speaker is that speaker
    (a person of the side speaks), where ``Mỹ sẽ ...`` there is the side itself."""
    said = said_in("Đại sứ Hoa Kỳ Tom Baker cho biết Mỹ coi trọng hợp tác giáo dục với Việt Nam.\n"
                   "Năm ngoái có hơn 30.000 sinh viên Việt Nam học tập tại các trường đại học ở Hoa Kỳ.\n"
                   "Ngoài ra, khách du lịch giữa hai nước tăng nhanh sau đại dịch.\n"
                   "Đại diện phía Mỹ cam kết tài trợ thêm học bổng cho sinh viên Việt Nam trong năm tới.\n",
                   ("Tom Baker", "US", "Tom Baker"))
    assert [s.actor for s in said if s.act == "commit"] == ["Tom Baker"]


def test_a_tail_no_statement_holds_gives_its_issue_to_the_clause_it_was_cut_from() -> None:
    """A cue inside a clause (``chia sẻ``) ends it; when the statement it began goes (the learned
    decision drops it), the issue named in the orphaned tail is the clause's, not no one's."""
    from hoptac.extract.statements import _Extractor
    from hoptac.extract.topics import load_taxonomy

    text = ("Ông Trần Văn Minh đánh giá cao việc Chính phủ Mỹ quan tâm, chia sẻ với các nước "
            "trong khu vực về tình hình Biển Đông.\n")
    art = Article(text=text, published="2025-04-04")
    art.people = [Person(name="Trần Văn Minh", side="VN", mentions=[(4, 17)])]
    said = extract_statements(art, DEFAULT).statements
    praise = next(s for s in said if s.act == "welcome")
    assert "Biển Đông" not in praise.text and praise.threads == []  # the tail is the other statement's
    ex = _Extractor(art, load_taxonomy(DEFAULT))
    ex.tail_threads([praise])  # as when the decision keeps the welcome alone
    assert praise.threads == ["south_china_sea"] and "security_defense" in praise.topics


def test_a_clause_of_its_own_field_does_not_take_the_issue_of_the_clause_before() -> None:
    """A sentence naming an issue inside one statement's clause gives it to a later clause only when
    that clause names no field of its own (``tham vấn``), not to one that speaks of another (``nông sản``)."""
    minh = ("Trần Văn Minh", "VN", "Trần Văn Minh")
    text = ("Ông Trần Văn Minh đề nghị phía Mỹ sớm công nhận quy chế kinh tế thị trường cho Việt Nam, "
            "đồng thời cam kết Việt Nam sẽ mở cửa thị trường cho nông sản của Mỹ.\n")
    said = said_in(text, minh)
    ask = next(s for s in said if "công nhận" in s.text)
    farm = next(s for s in said if "nông sản" in s.text and "công nhận" not in s.text)
    assert ask.threads == ["market_economy_status"]
    assert farm.act == "commit" and farm.threads == []
    text = ("Ông Trần Văn Minh đề nghị phía Mỹ sớm công nhận quy chế kinh tế thị trường cho Việt Nam, "
            "đồng thời cam kết Việt Nam sẽ tiếp tục tham vấn qua nhóm công tác song phương.\n")
    talks = next(s for s in said_in(text, minh) if "tham vấn" in s.text and "công nhận" not in s.text)
    assert talks.threads == ["market_economy_status"]  # no field of its own: the sentence's issue


def test_the_wto_rules_asked_for_in_a_trade_remedy_story_are_on_its_thread() -> None:
    """``phù hợp với quy định của WTO`` is how a side answers duties: on the trade-remedy thread in a
    story that names them, on none in a story that does not."""
    minh = ("Trần Văn Minh", "VN", "Trần Văn Minh")
    ask = "Ông Trần Văn Minh đề nghị phía Mỹ xem xét vấn đề một cách khách quan, phù hợp với quy định của WTO.\n"
    duty = "Bộ Thương mại Mỹ công bố mức thuế chống bán phá giá đối với tôm của Việt Nam.\n"
    said = said_in(duty + ask, minh)
    assert [s.threads for s in said if "WTO" in s.text] == [["trade_remedies"]]
    said = said_in("Việt Nam và Mỹ bàn về hợp tác giáo dục.\n" + ask, minh)
    assert [s.threads for s in said if "WTO" in s.text] == [[]]


def test_a_context_word_in_an_orphaned_tail_counts_for_a_commitment_naming_no_thread() -> None:
    """``kho cảng`` puts a commitment on LNG in a story that names LNG, also when it lies in the tail
    a dropped cue (``hỗ trợ``) cut from the clause; a position (inform) takes no context word."""
    from hoptac.extract.statements import _Extractor
    from hoptac.extract.topics import load_taxonomy
    from hoptac.model import Statement

    text = ("Dự án cảng khí hóa lỏng (LNG) được khởi động.\n"
            "Ông Robert Green cho biết Mỹ sẽ tài trợ nghiên cứu, hỗ trợ Việt Nam phát triển kho cảng.\n")
    art = Article(text=text, published="2025-04-04")
    a, b = text.index("Mỹ sẽ"), text.index(", hỗ trợ")
    pledge = Statement(actor="Robert Green", act="commit", text=text[a:b], evidence=(a, b), side="US")
    view = Statement(actor="Robert Green", act="inform", text=text[a:b], evidence=(a, b), side="US")
    ex = _Extractor(art, load_taxonomy(DEFAULT))
    ex.tail_threads([pledge])
    ex.tail_threads([view])
    assert pledge.threads == ["lng"] and "energy" in pledge.topics
    assert view.threads == []


def test_an_orphaned_tail_gives_its_sub_issues_too() -> None:
    """The sub-issues named in an orphaned tail (``nạn nhân chất độc da cam``) are the clause's, under
    its thread."""
    from hoptac.extract.statements import _Extractor
    from hoptac.extract.topics import load_taxonomy
    from hoptac.model import Statement

    text = "Ông Trần Văn Minh đề nghị hai nước hợp tác rà phá bom mìn, hỗ trợ nạn nhân chất độc da cam.\n"
    art = Article(text=text, published="2025-04-04")
    a, b = text.index("đề nghị"), text.index(", hỗ trợ")
    ask = Statement(actor="Trần Văn Minh", act="request", text=text[a:b], evidence=(a, b), side="VN")
    _Extractor(art, load_taxonomy(DEFAULT)).tail_threads([ask])
    assert ask.threads == ["dioxin_remediation"] and ask.subthreads == ["dioxin_victims"]
    text = "Ông Trần Văn Minh đề nghị hai nước hợp tác rà phá bom mìn; tẩy độc dioxin tại sân bay Biên Hòa.\n"
    a, b = text.index("đề nghị"), text.index(";")
    ask = Statement(actor="Trần Văn Minh", act="request", text=text[a:b], evidence=(a, b), side="VN")
    _Extractor(Article(text=text), load_taxonomy(DEFAULT)).tail_threads([ask])
    assert ask.threads == [] and ask.subthreads == []  # after a ";", another item of the list
