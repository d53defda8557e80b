"""Entities: people with titles, sides and every mention; organizations, places, frameworks."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from hoptac.extract.entities import extract_entities, mentions_in, person_at
from hoptac.extract.nlp import annotate
from hoptac.model import Article, Organization, Person
from hoptac.settings import DEFAULT

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

# A self-written article: invented people, real offices and institutions.
TEXT = (
    "Bộ trưởng Bộ Công Thương làm việc với Thứ trưởng Bộ Ngoại giao Hoa Kỳ\n"
    "Chiều 3/4, tại Hà Nội, Bộ trưởng Bộ Công Thương Lê Văn Khải đã có buổi làm việc với "
    "Thứ trưởng Bộ Ngoại giao Hoa Kỳ phụ trách Kinh tế, Môi trường và Năng lượng John Whitfield.\n"
    "Thứ trưởng Bộ Ngoại giao Hoa Kỳ cho biết Hoa Kỳ coi trọng hợp tác với Việt Nam.\n"
    "Bộ trưởng Lê Văn Khải đề nghị phía Hoa Kỳ sớm công nhận quy chế kinh tế thị trường.\n"
    "Ông Khải cũng đề nghị Tổng thống Hoa Kỳ Donald Trump xem xét các hạn chế xuất khẩu.\n"
    "Bà Mary Collins, Phó Chủ tịch Tập đoàn Northwind Energy, cho biết Northwind sẽ đầu tư vào khí LNG.\n"
    "Theo bà Collins, Tập đoàn Northwind Energy đã ký Biên bản ghi nhớ (MOU) với PV Gas.\n"
    "Đại sứ Việt Nam tại Hoa Kỳ Trần Minh Đức và Đại sứ Hoa Kỳ tại Việt Nam Robert Hale cùng dự.\n"
    "Đại sứ Hale khẳng định quan hệ Đối tác Chiến lược Toàn diện đang phát triển tốt.\n"
    "Tại đường Nguyễn Huệ, tàu USS Carl Vinson không phải là người.\n"
    "Phạm Thu Hà\n"
)


def analyzed(text: str = TEXT) -> Article:
    art = Article(text=text, published="2025-04-04")
    annotate(art, DEFAULT)
    return extract_entities(art, DEFAULT)


def by_name(art: Article) -> dict[str, Person]:
    return {p.name: p for p in art.people}


def test_people_names_titles_sides():
    people = by_name(analyzed())
    assert set(people) == {"Lê Văn Khải", "John Whitfield", "Donald Trump", "Mary Collins",
                           "Trần Minh Đức", "Robert Hale"}
    assert people["Lê Văn Khải"].title == "Bộ trưởng Bộ Công Thương"
    assert people["Lê Văn Khải"].organization == "Bộ Công Thương"
    assert people["Lê Văn Khải"].side == "VN"
    assert people["John Whitfield"].title == (
        "Thứ trưởng Bộ Ngoại giao Hoa Kỳ phụ trách Kinh tế, Môi trường và Năng lượng")
    assert people["John Whitfield"].organization == "Bộ Ngoại giao Hoa Kỳ"
    assert people["John Whitfield"].side == "US"
    assert people["Mary Collins"].title == "Phó Chủ tịch Tập đoàn Northwind Energy"
    assert people["Mary Collins"].side == "US"
    assert people["Donald Trump"].side == "US"


def test_an_ambassador_works_at_the_mission_his_title_names():
    people = by_name(analyzed())
    assert people["Trần Minh Đức"].organization == "Đại sứ quán Việt Nam tại Hoa Kỳ"
    assert people["Robert Hale"].organization == "Đại sứ quán Hoa Kỳ tại Việt Nam"
    assert people["Donald Trump"].organization is None  # a head of state's title names no mission


def test_titles_are_found_however_their_words_are_capitalized():
    people = by_name(analyzed("Hai nước bàn hợp tác năng lượng\n\n"
                              "\"Chúng tôi trông đợi chuyến thăm\", ông John Carter, Phó trợ lý Ngoại trưởng Mỹ, "
                              "nói hôm qua. Ông Lê Văn Sơn, Phó Thủ Tướng, tiếp đoàn.\n"))
    assert people["John Carter"].title == "Phó trợ lý Ngoại trưởng Mỹ" and people["John Carter"].side == "US"
    assert people["Lê Văn Sơn"].title == "Phó Thủ Tướng"


def test_a_body_named_in_lower_case_stays_in_the_title_but_a_speech_verb_does_not():
    people = by_name(analyzed("Doanh nghiệp hai nước gặp gỡ\n\n"
                              "Ông Lê Văn Sơn, Vụ trưởng Vụ thị trường châu Âu, phát biểu. "
                              "Bà Jane Carter, phó chủ tịch Uỷ ban chuẩn chi Thượng viện Mỹ, dự lễ. "
                              "Cục trưởng Cục nhấn mạnh Hoa Kỳ là thị trường lớn, ông Trần Văn Tâm nói.\n"))
    assert people["Lê Văn Sơn"].title == "Vụ trưởng Vụ thị trường châu Âu"
    assert people["Jane Carter"].title == "phó chủ tịch Uỷ ban chuẩn chi Thượng viện Mỹ"
    assert "nhấn mạnh" not in (people["Trần Văn Tâm"].title or "")


def test_titles_of_two_countries_around_a_comma_are_two_peoples():
    people = by_name(analyzed("Hợp tác quốc phòng\n\n"
                              "Nhận lời mời của Đại tướng Lê Văn Bình, Bộ trưởng Quốc phòng Việt Nam, "
                              "Bộ trưởng Quốc phòng Mỹ John Carter sẽ thăm Việt Nam.\n"
                              "Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình An tiếp đoàn.\n"))
    assert people["Lê Văn Bình"].title == "Bộ trưởng Quốc phòng Việt Nam"
    assert (people["John Carter"].title, people["John Carter"].side) == ("Bộ trưởng Quốc phòng Mỹ", "US")
    assert people["Phạm Bình An"].title == "Phó Thủ tướng, Bộ trưởng Ngoại giao"  # one person's two roles


def test_a_dash_joins_two_top_offices_of_one_person_but_not_a_top_office_and_a_ministers():
    art = analyzed("Doanh nghiệp tháp tùng Thủ tướng thăm Mỹ\n\n"
                   "Tổng Bí thư - Chủ tịch nước Lê Văn Trung tiếp Đại sứ Hoa Kỳ Robert Hale.\n"
                   "Gần 50 doanh nghiệp sẽ tháp tùng Thủ tướng - Bộ trưởng Tài chính Lê Văn Hòa nói.\n")
    people = by_name(art)
    assert people["Lê Văn Trung"].title == "Tổng Bí thư - Chủ tịch nước"  # one person holds both
    assert people["Lê Văn Hòa"].title == "Bộ trưởng Tài chính"
    # so the Prime Minister of the headline is not the minister
    hoa = people["Lê Văn Hòa"]
    assert not any(art.text[a:b].startswith("Thủ tướng") for a, b in hoa.mentions)


def test_a_title_leaves_out_its_own_abbreviation():
    people = by_name(analyzed("Đoàn nghị sĩ Mỹ thăm Đà Nẵng\n\n"
                              "Dẫn đầu đoàn là thượng nghị sĩ (TNS) John Carter. TNS Carter thăm sân bay.\n"))
    assert people["John Carter"].title == "thượng nghị sĩ"


def test_a_country_inside_a_state_body_in_a_title_speaks_for_that_body():
    people = by_name(analyzed("Mỹ tăng hợp tác hải quân\n\nĐô đốc John Reed, chỉ huy Bộ tư lệnh Ấn Độ - "
                              "Thái Bình Dương, cho biết sẽ chuyển giao thêm tàu tuần tra.\n"))
    assert people["John Reed"].side == "US"


def test_ambassador_side_is_the_sending_country():
    people = by_name(analyzed())
    assert people["Trần Minh Đức"].side == "VN"
    assert people["Trần Minh Đức"].title == "Đại sứ Việt Nam tại Hoa Kỳ"
    assert people["Robert Hale"].side == "US"


def test_later_mentions_resolve_to_the_same_person():
    art = analyzed()
    people = by_name(art)
    quoted = {art.text[a:b] for a, b in people["Lê Văn Khải"].mentions}
    assert {"Lê Văn Khải", "Ông Khải"} <= quoted
    quoted = {art.text[a:b] for a, b in people["John Whitfield"].mentions}
    assert "John Whitfield" in quoted
    assert "Thứ trưởng Bộ Ngoại giao Hoa Kỳ" in quoted  # the title standing alone
    assert "Đại sứ Hale" in {art.text[a:b] for a, b in people["Robert Hale"].mentions} or \
        "Hale" in {art.text[a:b] for a, b in people["Robert Hale"].mentions}
    assert "bà Collins" in {art.text[a:b] for a, b in people["Mary Collins"].mentions}
    for p in art.people:
        assert p.mentions == sorted(p.mentions)


def test_bylines_streets_ships_and_companies_are_not_people():
    names = set(by_name(analyzed()))
    assert "Phạm Thu Hà" not in names  # an author's line
    assert "Nguyễn Huệ" not in names  # a street
    assert "Carl Vinson" not in names and "USS Carl Vinson" not in names
    assert "Northwind" not in names and "Northwind Energy" not in names


def test_organizations_kind_and_side():
    orgs = {o.name: o for o in analyzed().organizations}
    assert orgs["Bộ Công Thương"].kind == "government" and orgs["Bộ Công Thương"].side == "VN"
    assert orgs["Bộ Ngoại giao Hoa Kỳ"].side == "US"
    assert orgs["Northwind Energy"].kind == "company"
    assert "PV Gas" in orgs


def test_places_and_frameworks():
    art = analyzed()
    assert "Hà Nội" in {p.name for p in art.places}
    frameworks = {f.name for f in art.frameworks}
    assert "Đối tác Chiến lược Toàn diện" in frameworks
    assert "MOU" in frameworks


def test_person_at_and_mentions_in():
    art = analyzed()
    pos = art.text.index("Ông Khải") + len("Ông Khải")
    assert person_at(art, pos).name == "Lê Văn Khải"
    assert person_at(art, art.text.index("Thứ trưởng Bộ Ngoại giao Hoa Kỳ cho biết")).name == "John Whitfield"
    line = art.text.index("Bà Mary Collins")
    found = mentions_in(art, line, art.text.index("\n", line))
    kinds = [(type(e).__name__, e.name) for _, e in found]
    assert kinds[0] == ("Person", "Mary Collins")
    assert ("Organization", "Northwind Energy") in kinds
    assert [s for s, _ in found] == sorted(s for s, _ in found)
    assert all(isinstance(e, (Person, Organization)) for _, e in found)


def test_decomposed_unicode_gives_the_same_people():
    nfd = unicodedata.normalize("NFD", TEXT)
    art = analyzed(nfd)
    people = by_name(art)
    assert {unicodedata.normalize("NFC", n) for n in people} == set(by_name(analyzed()))
    for p in art.people:
        for a, b in p.mentions:
            quoted = unicodedata.normalize("NFC", art.text[a:b])
            assert quoted.strip() == quoted and quoted


CORPUS = SHARED / "corpus" / "vnus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/vnus is absent")
def test_mention_spans_name_the_entity_on_real_articles():
    files = sorted(CORPUS.glob("*.txt"))
    random.Random(3).shuffle(files)
    for path in files[:40]:
        art = analyzed(path.read_text(encoding="utf-8"))
        for p in art.people:
            assert p.name and p.mentions
            for a, b in p.mentions:
                quoted = unicodedata.normalize("NFC", art.text[a:b])
                words = re.split(r"\s+|(?<=\.)(?=\w)", quoted)
                # a name mention ends with a word of the name; a title alone starts like the title
                assert words[-1] in re.split(r"\s+|(?<=\.)(?=\w)", p.name) or (p.title and words[0].lower() == p.title.split()[0].lower()), (
                    path.name, p.name, quoted)
        for o in art.organizations:
            for a, b in o.mentions:
                assert art.text[a:b].strip(), (path.name, o.name)


# Name boundaries on self-written sentences (issue 3): each rule once, in both Unicode forms.
BOUNDARIES = (
    "Tổng thống Mỹ Donald Trump Trong khuôn khổ chuyến thăm đã gặp Thủ tướng Lê Minh Quân.\n"
    "Bộ trưởng Thương mại Mỹ Wilbur L.Ross cho biết ông D. Trump ủng hộ.\n"
    "Ông Tạ Văn Khoa Vụ trưởng Vụ Thị trường châu Mỹ dự họp.\n"
    "Chủ tịch Hoang Long Holdings cùng đại diện Fox Business Network có mặt.\n"
    "Thiếu tướng Trần Quốc Bảo, Phó giám đốc Công an TP. Hồ Chí Minh, phát biểu.\n"
    "Theo tiến sĩ G.Hăm-men, Tổng thống Đ.Tơ-rum đã ký. Ông Peter Quill, Jr và ông Peter nói.\n"
    "Bà Anna Kowalczyk và bà Anna Kowalczik (một lỗi chính tả) cùng dự.\n"
)


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_name_boundaries(form):
    art = analyzed(unicodedata.normalize(form, BOUNDARIES))
    names = {unicodedata.normalize("NFC", p.name): p for p in art.people}
    assert "Donald Trump" in names and not any(n.endswith(" Trong") for n in names)  # function word
    assert "Wilbur L.Ross" in names and "Wilbur L" not in names  # glued middle initial
    assert "Tạ Văn Khoa" in names  # a title head ends the name
    assert not any("Holdings" in n or "Network" in n for n in names)  # company and outlet words
    assert unicodedata.normalize("NFC", names["Trần Quốc Bảo"].title) == \
        "Phó giám đốc Công an TP. Hồ Chí Minh"  # TP. is no sentence end
    assert all(len(n.replace(".", "").replace(" ", "")) > 1 for n in names)  # no letter alone
    assert "G.Hăm-men" in names and "Đ.Tơ-rum" in names  # an abbreviation kept whole
    assert "Jr" not in names and "Peter" not in names  # suffix and first name alone resolve
    assert len([n for n in names if n.startswith("Anna")]) == 1  # a one-letter misspelling merges
    orgs = {unicodedata.normalize("NFC", o.name) for o in art.organizations}
    assert {"Hoang Long Holdings", "Fox Business Network"} <= orgs


def test_initial_resolves_to_the_full_name():
    art = analyzed("Tổng thống Donald Trump đến Hà Nội. Ông D. Trump nói rằng hợp tác sẽ tăng.\n")
    assert [p.name for p in art.people] == ["Donald Trump"]


def test_side_only_from_evidence():
    text = ("Nhà nghiên cứu Pieter Janssen (Hà Lan) và ông Marek Nowak, chuyên gia độc lập, "
            "bình luận về quan hệ Việt Nam - Mỹ và Trung Quốc - Mỹ.\n"
            "Theo ông Nowak, Trung Quốc lo ngại.\n")
    people = by_name(analyzed(text))
    assert people["Marek Nowak"].side is None  # two foreign countries around him: no side
    text2 = "Ông Jakob Brandt cho biết, Hoa Kỳ sẽ tiếp tục hỗ trợ Việt Nam.\n"
    assert by_name(analyzed(text2))["Jakob Brandt"].side == "US"  # the one country he speaks for


def test_count_after_a_name_is_not_part_of_it():
    art = analyzed("Mỹ đã chuyển giao cho Cảnh sát biển Việt Nam 6 xuồng tuần tra.\n")
    assert "Cảnh sát biển Việt Nam" in {o.name for o in art.organizations}


def test_given_names_and_dotted_abbreviations():
    text = ("Chủ tịch Quốc hội Trần Thị Kim Liên tiếp đoàn. Chủ tịch Quốc hội Kim Liên nói.\n"
            "Ông Lê Văn Đạt, Chủ tịch Ủy ban T.Ư MTTQ Việt Nam, dự lễ.\n")
    people = by_name(analyzed(text))
    assert "Kim Liên" not in people and "Trần Thị Kim Liên" in people
    assert people["Lê Văn Đạt"].title == "Chủ tịch Ủy ban T.Ư MTTQ Việt Nam"


def test_framework_acronym_of_an_organization_and_name_ends():
    art = analyzed("Theo Bộ Thương mại Hoa Kỳ (DOC), mức thuế tăng mạnh.\n"
                   "Báo chí dẫn Tuyên bố chung Việt - Mỹ nhân chuyến thăm chính thức của Thủ tướng.\n"
                   "Hai bộ trưởng gặp nhau bên lề Đối thoại Shangri-La ở Singapore.\n"
                   "Hai bên tổ chức Đối thoại nhân quyền thường niên.\n"
                   "Mỹ thông qua Quy chế thương mại bình thường vĩnh viễn (PNTR) cho Việt Nam.\n")
    names = [f.name for f in art.frameworks]
    assert "DOC" not in names
    assert {"Tuyên bố chung Việt - Mỹ", "Đối thoại Shangri-La", "Đối thoại nhân quyền thường niên", "PNTR"} <= set(names)


def test_an_acronym_an_organization_introduced_is_that_organization_wherever_written():
    # "DOC" after "Bộ Thương mại Hoa Kỳ (DOC)" is the department in every later sentence, not the
    # South China Sea declaration of the same letters; written alone, "DOC" stays that declaration
    art = analyzed("Theo Bộ Thương mại Hoa Kỳ (DOC), mức thuế tăng mạnh.\n"
                   "Các doanh nghiệp phản đối quyết định này của DOC.\n"
                   "Tháng 9, DOC công bố kết quả sơ bộ.\n")
    assert "DOC" not in [f.name for f in art.frameworks]
    doc = next(o for o in art.organizations if "DOC" in o.aliases)
    assert len(doc.mentions) == 4
    alone = analyzed("Hai bên nhắc lại việc thực hiện đầy đủ DOC ở Biển Đông.\n")
    assert "DOC" in [f.name for f in alone.frameworks]


def _orgs(text: str) -> dict[str, Organization]:
    return {o.name: o for o in analyzed(text).organizations}


def test_organizations_from_acronyms_numbers_and_schools():
    orgs = _orgs("Ông Trần Văn Bình, Chủ tịch kiêm Tổng giám đốc KTX, ký thỏa thuận với sàn NASDAQ.\n"
                 "Theo KTX, công ty sẽ niêm yết năm sau.\n"
                 "Đoàn Tư lệnh Hạm đội 7 thăm thành phố. Quân khu 4 tổ chức diễn tập.\n"
                 "Trường đại học Fulbright Việt Nam tuyển sinh khóa mới.\n"
                 "Giám đốc CEO cho biết GDP tăng.\n"
                 "Bà Lê Thu Hà, Phó chủ tịch HĐQT công ty CP Sao Khuê, dự lễ ký.\n")
    assert orgs["KTX"].kind == "company" and orgs["KTX"].side == "VN" and len(orgs["KTX"].mentions) == 2
    assert orgs["NASDAQ"].side == "US" and orgs["Hạm đội 7"].side == "US" and orgs["Quân khu 4"].side == "VN"
    assert "Trường đại học Fulbright Việt Nam" in orgs
    assert not {"CEO", "GDP", "CP", "HĐQT"} & set(orgs)  # a role, a measure, a company form, a board


def test_generic_heads_and_referring_country():
    orgs = _orgs("Hai nước đều có Ban Lãnh đạo mới.\n"
                 "Bộ Tài chính Mỹ công bố báo cáo. Theo luật, Bộ Tài chính nước này phải theo dõi tỷ giá.\n")
    assert "Ban Lãnh đạo" not in orgs
    assert [o for o in orgs if o.startswith("Bộ Tài chính")] == ["Bộ Tài chính Mỹ"]


def test_a_country_after_a_vietnamese_worded_name_gives_its_side():
    orgs = _orgs("Đại diện Viện Nghiên cứu Kinh tế Đông Á (ERIA) của Nhật Bản và Hiệp hội Doanh nghiệp Xanh (Mỹ) "
                 "cùng dự hội thảo với Trung tâm Phát triển Nông thôn.\n")
    assert orgs["Viện Nghiên cứu Kinh tế Đông Á"].side == "OTHER"  # past its acronym in brackets
    assert orgs["Hiệp hội Doanh nghiệp Xanh"].side == "US"
    assert orgs["Trung tâm Phát triển Nông thôn"].side == "VN"  # nothing said: a Vietnamese name is VN


def test_a_name_runs_on_to_its_acronym_and_its_shorter_mentions_are_the_same_name():
    orgs = _orgs("Hiệp hội Chè và Cà phê xuất khẩu Tây Nguyên gặp các nhà nhập khẩu Mỹ\n\n"
                 "Ngày 3/4, Hiệp hội Chè và Cà phê xuất khẩu Tây Nguyên (TCEA) làm việc với đối tác. "
                 "Hội đồng Cà phê thông báo Hiệp hội Sữa (VDA) đã tham gia.\n")
    name = "Hiệp hội Chè và Cà phê xuất khẩu Tây Nguyên"
    starts = [a for a, _ in orgs[name].mentions]
    assert 0 in starts and len(starts) >= 2  # the title's mention, cut at "xuất", is the same organization
    assert not [o for o in orgs if o.startswith("Hội đồng Cà phê thông")]  # a verb never joins a name
    assert "Hiệp hội Sữa" in orgs


def test_an_acronym_in_brackets_after_a_name_is_that_organization():
    orgs = _orgs("Hiệp hội Gỗ Bình Dương (BIFA) gửi kiến nghị lên Bộ Công Thương.\n"
                 "Theo BIFA, xuất khẩu gỗ sang Mỹ tăng 20% trong năm qua. Công ty Cổ phần Sao Mai tham gia.\n")
    bifa = orgs["Hiệp hội Gỗ Bình Dương"]
    assert "BIFA" not in orgs and "BIFA" in bifa.aliases and len(bifa.mentions) >= 2


def test_organization_sides_from_evidence():
    orgs = _orgs("Công ty Sao Ta xuất khẩu tôm.\n"
                 "Ông Green là đối tác của Công ty tư vấn Northbridge (Mỹ).\n"
                 "Công ty Cổ phần MGH mở nhà máy.\n"
                 "Chủ tịch Uỷ ban Đối ngoại Thượng viện phát biểu.\n")
    assert orgs["Sao Ta"].side == "VN"
    # a lower-case descriptor after the head is not the name: the company is "Northbridge"
    assert orgs["Northbridge"].side == "US" and "Công ty tư vấn Northbridge" in orgs["Northbridge"].aliases
    assert orgs["Công ty Cổ phần MGH"].side == "VN"
    assert orgs["Uỷ ban Đối ngoại Thượng viện"].side == "US"
