"""The taxonomy: loading, merging user files, matching topics and threads."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from hoptac.extract.topics import load_taxonomy, match_threads, match_topics, tone_key
from hoptac.settings import DEFAULT

ONTOLOGY_TOPICS = {"semiconductors", "ai", "digital", "science_tech", "energy", "critical_minerals",
                   "aerospace", "telecom", "supply_chain", "trade", "investment", "workforce", "climate",
                   "security_defense", "war_legacy", "health", "agriculture", "diplomacy"}
ONTOLOGY_THREADS = {"market_economy_status", "export_controls", "reciprocal_trade", "trade_remedies", "tpp",
                    "south_china_sea", "dioxin_remediation", "semiconductor_workforce", "jetp", "ipef", "lng",
                    "satellite_internet"}


def test_default_taxonomy_has_the_ontology_with_labels() -> None:
    tax = load_taxonomy(DEFAULT)
    assert set(tax.topics) == ONTOLOGY_TOPICS
    assert set(tax.roots()) == ONTOLOGY_THREADS  # sub-issues (``parent``) come on top of the ontology's threads
    assert tax.children() and all(c.parent in ONTOLOGY_THREADS for c in tax.children().values())
    for entry in [*tax.topics.values(), *tax.threads.values()]:
        assert entry.vi and entry.en and entry.patterns, entry.id
    assert tax.label("south_china_sea", "en").startswith("East Sea")


@pytest.mark.parametrize("text,threads", [
    ("Đề nghị phía Mỹ sớm công nhận quy chế kinh tế thị trường cho Việt Nam.", ["market_economy_status"]),
    ("Đưa Việt Nam ra khỏi danh sách D1, D3 về hạn chế xuất khẩu công nghệ cao.", ["export_controls"]),
    ("Hai bên đàm phán Hiệp định thương mại đối ứng và mức thuế đối ứng.", ["reciprocal_trade"]),
    ("Bộ Thương mại Mỹ áp thuế chống bán phá giá đối với cá tra Việt Nam.", ["trade_remedies"]),
    ("Mỹ rút khỏi Hiệp định Đối tác xuyên Thái Bình Dương (TPP).", ["tpp"]),
    ("Bảo đảm tự do hàng hải ở Biển Đông theo UNCLOS.", ["south_china_sea"]),
    ("Dự án tẩy độc dioxin tại sân bay Biên Hòa.", ["dioxin_remediation"]),
    ("Đào tạo 50.000 kỹ sư bán dẫn vào năm 2030.", ["semiconductor_workforce"]),
    ("Triển khai Đối tác chuyển đổi năng lượng công bằng (JETP).", ["jetp"]),
    ("Việt Nam tham gia Khuôn khổ kinh tế Ấn Độ Dương - Thái Bình Dương (IPEF).", ["ipef"]),
    ("Nhập khẩu khí hóa lỏng cho các nhà máy điện khí.", ["lng"]),
    ("Cấp phép dịch vụ Internet vệ tinh Starlink.", ["satellite_internet"]),
    # the press's other names of the duties and their reviews
    ("Mỹ giảm thuế chống phá giá với tôm Việt Nam.", ["trade_remedies"]),
    ("Kết quả sơ bộ đợt rà soát hành chính lần thứ 14 với cá tra.", ["trade_remedies"]),
    ("Doanh nghiệp thắng trong vụ kiện CBPG.", ["trade_remedies"]),
])
def test_threads(text: str, threads: list[str]) -> None:
    assert match_threads(text, load_taxonomy(DEFAULT)) == threads


def test_thread_context_words_are_no_patterns() -> None:
    """Context words (``kho cảng``, ``hợp tác ... năng lượng``) name no thread by themselves: they count
    only for a thread the story names by a pattern (the statements stage)."""
    tax = load_taxonomy(DEFAULT)
    text = "Mỹ ủng hộ hợp tác chiến lược về năng lượng và xây dựng kho cảng."
    assert match_threads(text, tax) == []
    from hoptac.extract.taxonomy import Entry, find_matches
    from hoptac.extract.textmap import fold
    lng = {"lng": Entry("lng", "thread", patterns=tax.threads["lng"].context)}
    assert [m[0] for m in find_matches(fold(text), text, lng)] == ["lng", "lng"]


def test_tone_folding_and_word_boundaries() -> None:
    tax = load_taxonomy(DEFAULT)
    # "AI" is cased: the Vietnamese pronoun "ai" (who) is no topic
    assert match_topics("Ai cũng biết điều đó.", tax) == []
    assert match_topics("Hợp tác về AI.", tax) == ["ai"]
    # unaccented and decomposed text still match
    assert "energy" in match_topics("hop tac nang luong", tax)
    assert "semiconductors" in match_topics(unicodedata.normalize("NFD", "Công nghiệp BÁN DẪN"), tax)
    # an exclusion: "môi trường kinh doanh" is investment, not climate
    assert "climate" not in match_topics("cải thiện môi trường kinh doanh", tax)
    # tone-exact pattern: "khí đốt" (gas) but not a tone-less collision
    assert tone_key("hoà bình") == tone_key("hòa bình")


def test_user_file_adds_a_thread(tmp_path: Path) -> None:
    user = tmp_path / "visa.yaml"
    user.write_text("threads:\n  visa_policy:\n    vi: Thị thực\n    en: Visas\n"
                    "    patterns: [thị thực, cấp visa]\n    topics: [diplomacy]\n", encoding="utf-8")
    tax = load_taxonomy(DEFAULT.with_(taxonomy_files=(user,)))
    assert "visa_policy" in tax.threads and "lng" in tax.threads
    assert match_threads("Hoa Kỳ cam kết cấp visa nhanh chóng cho sinh viên.", tax) == ["visa_policy"]
    # the default taxonomy is not changed by the user file
    assert "visa_policy" not in load_taxonomy(DEFAULT).threads


def test_bad_user_file_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("themes:\n  x: {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown taxonomy keys"):
        load_taxonomy(DEFAULT.with_(taxonomy_files=(bad,)))


def test_cli_taxonomy_option_end_to_end(tmp_path: Path) -> None:
    article = tmp_path / "bai.txt"
    article.write_text(
        "Bộ trưởng Ngoại giao làm việc với Đại sứ Hoa Kỳ\n\n"
        "Chiều 3/4, tại Hà Nội, hai bên trao đổi về hợp tác lãnh sự. "
        "Hai bên nhất trí đơn giản hóa thủ tục cấp thị thực cho sinh viên và doanh nhân.\n",
        encoding="utf-8")
    user = tmp_path / "my.yaml"
    user.write_text("threads:\n  visa_policy:\n    vi: Thị thực\n    en: Visas\n"
                    "    patterns: [thị thực, cấp visa]\n    topics: [diplomacy]\n", encoding="utf-8")
    exe = Path(sys.executable).with_name("hoptac")
    out = subprocess.run([str(exe), "extract", str(article), "--format", "json", "--taxonomy", str(user)],
                         capture_output=True, text=True, timeout=120, check=True)
    data = json.loads(out.stdout)
    threads = {t for s in data["statements"] for t in s["threads"]}
    assert "visa_policy" in threads


def _article_topics(text: str) -> list[str]:
    """The topics the rules keep (how mentions are counted; the learned decision over them is
    tested in tests/learn)."""
    from hoptac.extract.topics import extract_topics
    from hoptac.learn.modes import using
    from hoptac.model import Article, Person

    art = Article(text=text)
    i = text.find("Ngô Văn An")
    if i >= 0:
        art.people = [Person(name="Ngô Văn An", mentions=[(i, i + len("Ngô Văn An"))])]
    with using("topics", "rules"):
        return extract_topics(art, DEFAULT).topics


def test_nested_mentions_count_once() -> None:
    # "khoa học - công nghệ" holds "công nghệ": three mentions in all, not six
    text = ("Hai bên bàn về hợp tác khoa học - công nghệ. Hợp tác khoa học - công nghệ là trụ cột. "
            "Khoa học - công nghệ sẽ được đẩy mạnh.")
    assert "science_tech" in _article_topics(text)
    text = "Hai bên bàn về hợp tác khoa học - công nghệ. Đây là ưu tiên."
    assert "science_tech" not in _article_topics(text)


def test_person_names_finance_ministries_and_income_tax_are_not_topics() -> None:
    text = ("Bộ trưởng Ngô Văn An gặp đối tác. Ông Ngô Văn An nói. Ông Ngô Văn An cảm ơn. "
            "Bộ Tài chính Mỹ ra báo cáo. Bộ Tài chính Mỹ theo dõi. Bộ Tài chính Mỹ công bố. "
            "Mỹ giảm thuế thu nhập doanh nghiệp; thuế thu nhập cá nhân giữ nguyên; thuế thu nhập giảm.")
    topics = _article_topics(text)
    assert "agriculture" not in topics and "investment" not in topics and "trade" not in topics
    assert "trade" in _article_topics("Hai nước ký thỏa thuận thương mại. Thỏa thuận thương mại mới. "
                                      "Thỏa thuận thương mại có hiệu lực.")


def _topics_with_sentences(text: str) -> list[str]:
    import re

    from hoptac.extract.topics import extract_topics
    from hoptac.learn.modes import using
    from hoptac.model import Article, Sentence

    art = Article(text=text, sentences=[Sentence(m.start(), m.end()) for m in re.finditer(r"[^.\n]+[.\n]?", text)])
    with using("topics", "rules"):  # these tests are about the rules' evidence; tests/learn pins the model
        return extract_topics(art, DEFAULT).topics


@pytest.mark.parametrize("mode", ["rules", "model", "both"])
def test_every_variant_chooses_among_the_topics_the_body_mentions(mode: str) -> None:
    import re

    from hoptac.extract.topics import extract_topics, topic_evidence
    from hoptac.learn.modes import using
    from hoptac.model import Article, Sentence

    text = ("Hai nước mở rộng hợp tác thương mại và đầu tư.\nKim ngạch thương mại tăng mạnh. "
            "Các doanh nghiệp đầu tư vào năng lượng sạch và chuỗi cung ứng. " + FILLER * 3)
    art = Article(text=text, sentences=[Sentence(m.start(), m.end()) for m in re.finditer(r"[^.\n]+[.\n]?", text)])
    evidence = topic_evidence(art, DEFAULT)
    with using("topics", mode):
        got = extract_topics(art, DEFAULT).topics
    assert set(got) <= set(evidence) and len(got) == len(set(got))
    assert got == sorted(got, key=lambda t: -evidence[t].score)  # by score
    if mode == "both":
        assert {t for t, e in evidence.items() if e.kept} <= set(got)


def test_enumerations_are_found_inside_a_sentence() -> None:
    from hoptac.extract.topics import enumerations

    text = "Hai nước mở rộng hợp tác về văn hóa, giáo dục, y tế và du lịch trong năm tới. Ông nói vậy."
    spans = enumerations(text, [(0, text.index(".") + 1), (text.index(".") + 2, len(text))])
    assert [text[a:b] for a, b in spans] == ["hợp tác về văn hóa, giáo dục, y tế và du lịch trong năm tới"]
    # two clauses joined by a comma are no list
    text = "Khi đoàn tới Hà Nội, các bộ trưởng đã có buổi làm việc kéo dài suốt buổi sáng."
    assert enumerations(text, [(0, len(text))]) == []


FILLER = "Buổi gặp diễn ra trong không khí cởi mở và thân tình. "


def test_a_field_named_in_one_list_only_is_not_an_article_topic() -> None:
    listed = ("Hai ngoại trưởng gặp nhau tại Hà Nội.\nHai bên trao đổi về du lịch và giao lưu văn hóa. "
              "Hai nước sẽ hợp tác về thương mại, quốc phòng, an ninh, quân sự, y tế, giáo dục. " + FILLER)
    assert "security_defense" not in _topics_with_sentences(listed)
    # the same words in a sentence of their own are evidence
    alone = ("Hai ngoại trưởng gặp nhau tại Hà Nội.\nHai bên trao đổi về du lịch và giao lưu văn hóa. "
             "Hợp tác quốc phòng, an ninh và quân sự sẽ được mở rộng. " + FILLER)
    assert "security_defense" in _topics_with_sentences(alone)
    # a field listed again and again is a field the article is about
    twice = listed + "Ông nhắc lại các lĩnh vực thương mại, quốc phòng, an ninh, y tế, giáo dục. "
    assert "security_defense" in _topics_with_sentences(twice)


def test_a_long_article_needs_more_mentions_unless_the_lead_names_the_topic() -> None:
    health = "Chương trình y tế cộng đồng được mở rộng. Chi phí y tế giảm. Y tế dự phòng được chú ý. "
    short = "Hai đoàn đại biểu gặp nhau tại Hà Nội.\n" + FILLER * 10 + health
    assert "health" in _topics_with_sentences(short)
    long = "Hai đoàn đại biểu gặp nhau tại Hà Nội.\n" + FILLER * 200 + health
    assert "health" not in _topics_with_sentences(long)
    led = "Hai nước mở rộng hợp tác y tế.\n" + FILLER * 200 + health
    assert "health" in _topics_with_sentences(led)
    # the filler is neutral: no topic of its own
    assert _topics_with_sentences(FILLER * 10) == []


def test_generic_words_count_half() -> None:
    lead = "Hai đoàn đại biểu gặp nhau tại Hà Nội.\n"
    generic = lead + "Nhà máy mở cửa. Công nhân sản xuất ca đêm. Họ sản xuất giày. Việc sản xuất tăng. "
    assert "supply_chain" not in _topics_with_sentences(generic)
    qualified = lead + "Chuỗi cung ứng được nối lại. Nội địa hóa tăng. Logistics cải thiện. "
    assert "supply_chain" in _topics_with_sentences(qualified)
    planes = lead + "Máy bay hạ cánh. Sân bay đông khách. Ông rời sân bay bằng máy bay riêng. "
    assert "aerospace" not in _topics_with_sentences(planes)
    # statements still see the generic words
    assert "supply_chain" in match_topics("Hai bên hợp tác sản xuất linh kiện.", load_taxonomy(DEFAULT))


def test_the_name_of_apec_is_no_economic_cooperation() -> None:
    tax = load_taxonomy(DEFAULT)
    assert match_topics("Ông dự Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương năm nay.", tax) == []
    assert "trade" in match_topics("Hai bên thúc đẩy hợp tác kinh tế song phương.", tax)


def test_firms_hospitals_and_relations_named_in_passing_count_half() -> None:
    lead = "Cảnh sát điều tra vụ việc tại quận Ba Đình.\n"
    # four mentions each, where three whole ones make a topic
    story = lead + ("Công ty A ký hợp đồng với nhóm B. Tập đoàn C kinh doanh bất động sản. Ông đưa con vào bệnh viện. "
                    "Hai người có quan hệ họ hàng, quan hệ làm ăn. Bệnh viện tiếp nhận ca cấp cứu. Bác sĩ kê thuốc. "
                    "Ông được mời tới. Bệnh viện báo cáo. Hai bên có quan hệ thân thiết. ")
    got = _topics_with_sentences(story)
    assert "investment" not in got and "health" not in got and "diplomacy" not in got
    # the qualified words still make the topic
    invest = lead + "Vốn đầu tư tăng. Nhà đầu tư Mỹ mở rộng dự án đầu tư. Thu hút đầu tư được chú trọng. "
    assert "investment" in _topics_with_sentences(invest)
    # statements still see the generic words
    assert "investment" in match_topics("Các doanh nghiệp hai nước ký hợp đồng.", load_taxonomy(DEFAULT))


def test_tobacco_explosives_and_narcotics_are_no_medicine() -> None:
    tax = load_taxonomy(DEFAULT)
    for text in ("Lô hàng thuốc lá lậu bị thu giữ.", "Nhóm này dùng thuốc nổ đánh cá.", "Họ mua bán thuốc lắc.",
                 "Nông dân phun thuốc trừ sâu."):
        assert "health" not in match_topics(text, tax), text
    assert "health" in match_topics("Mỹ hỗ trợ thuốc điều trị HIV.", tax)


def test_a_later_round_of_the_reciprocal_talks_is_on_the_thread() -> None:
    """A 2025 report names the reciprocal agreement in its lead, then speaks of rounds and tariffs:
    a request naming only the next round is on ``reciprocal_trade``; the same words in a story
    that never names the agreement are on no thread."""
    import hoptac

    lead = ("Hai nước kết thúc phiên làm việc về thuế đối ứng\n"
            "Ngày 20/6, tại Washington, Bộ trưởng Bộ Công Thương Trần Văn Minh đã làm việc với Đại diện "
            "Thương mại Hoa Kỳ Robert Green về Hiệp định Thương mại đối ứng giữa hai nước.\n")
    ask = "Bộ trưởng Trần Văn Minh đề nghị phía Hoa Kỳ sớm tổ chức vòng đàm phán tiếp theo.\n"
    on = [s for s in hoptac.analyze(lead + ask).statements if "vòng đàm phán" in s.text]
    assert on and on[0].threads == ["reciprocal_trade"]
    off = [s for s in hoptac.analyze("Hai nước họp về giáo dục\n" + ask).statements if "vòng đàm phán" in s.text]
    assert off and all(s.threads == [] for s in off)
