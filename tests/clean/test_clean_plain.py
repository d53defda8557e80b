"""Plain-text pages (self-written, in the layouts real pages have): text, metadata, captions, offsets."""

from __future__ import annotations

import unicodedata

import pytest

from hoptac.clean import clean
from hoptac.clean.decode import to_article
from hoptac.errors import Drop
from hoptac.ingest import RawDocument
from hoptac.settings import DEFAULT

PAGE = """BAO KINH TE SO
Thứ hai, 09/06/2025
  • Click để copy

Việt Nam và Hoa Kỳ bàn hợp tác đào tạo kỹ sư bán dẫn

08:30, 10/06/2025
(Kinh tế số) - Ngày 9/6 tại Hà Nội, Thứ trưởng Bộ Kế hoạch và Đầu tư đã tiếp đoàn doanh nghiệp bán dẫn Hoa Kỳ.
Hai bên thống nhất mục tiêu đào tạo 50.000 kỹ sư bán dẫn đến năm 2030.
![]() |
| Quang cảnh buổi tiếp đoàn doanh nghiệp Hoa Kỳ tại Hà Nội. (Ảnh: KTS/Lan Anh) |
Phía Hoa Kỳ cho biết sẽ hỗ trợ xây dựng phòng thí nghiệm thiết kế vi mạch tại ba trường đại học.
Đại diện doanh nghiệp đề nghị Việt Nam đơn giản hóa thủ tục cấp phép đầu tư.Ngày 10/6, đoàn làm việc tại Đà Nẵng.
Thu Hằng
Tin bài liên quan
Doanh nghiệp Nhật Bản mở nhà máy linh kiện tại Bắc Ninh
Hội chợ du lịch quốc tế thu hút 300 gian hàng
Đọc nhiều
Giá vàng hôm nay tăng mạnh
#Bán dẫn #Hợp tác Việt Mỹ
"""


@pytest.fixture(scope="module")
def article():
    return clean(to_article(RawDocument("page.txt", PAGE.encode("utf-8"))), DEFAULT)


def test_title_dateline_outlet_byline(article):
    assert article.title == "Việt Nam và Hoa Kỳ bàn hợp tác đào tạo kỹ sư bán dẫn"
    assert article.published == "2025-06-10"  # the dateline, not the page clock of 09/06
    assert article.outlet == "Kinh tế số"
    assert article.authors == ["Thu Hằng"]


def test_boilerplate_is_not_text(article):
    for gone in ("BAO KINH TE SO", "Click để copy", "Thứ hai, 09/06/2025", "08:30", "(Kinh tế số)", "Thu Hằng",
                 "Tin bài liên quan", "Nhật Bản", "300 gian hàng", "Đọc nhiều", "Giá vàng", "#Bán dẫn",
                 "![]()", "Ảnh:", "KTS/Lan Anh", "|"):
        assert gone not in article.text, gone


def test_body_paragraphs_are_kept(article):
    for kept in ("Ngày 9/6 tại Hà Nội, Thứ trưởng Bộ Kế hoạch và Đầu tư đã tiếp đoàn doanh nghiệp bán dẫn Hoa Kỳ.",
                 "Hai bên thống nhất mục tiêu đào tạo 50.000 kỹ sư bán dẫn đến năm 2030.",
                 "Phía Hoa Kỳ cho biết sẽ hỗ trợ xây dựng phòng thí nghiệm thiết kế vi mạch tại ba trường đại học.",
                 "thủ tục cấp phép đầu tư.Ngày 10/6, đoàn làm việc tại Đà Nẵng."):
        assert kept in article.text, kept
    assert article.text.startswith(article.title + "\n")


def test_caption_is_kept_and_marked(article):
    assert [article.quote(c) for c in article.captions] == ["Quang cảnh buổi tiếp đoàn doanh nghiệp Hoa Kỳ tại Hà Nội."]


def test_glued_sentences_become_two_paragraphs_without_inserting_text(article):
    quotes = [article.quote(p) for p in article.paragraphs]
    assert "Đại diện doanh nghiệp đề nghị Việt Nam đơn giản hóa thủ tục cấp phép đầu tư." in quotes
    assert "Ngày 10/6, đoàn làm việc tại Đà Nẵng." in quotes


def test_offsets_map_every_character_back_to_the_raw_input(article):
    covered = 0
    for clean_start, raw_start, length in article.offsets:
        assert article.text[clean_start:clean_start + length] == article.raw[raw_start:raw_start + length]
        covered += length
    assert covered == len(article.text) - article.text.count("\n")  # only line breaks are added
    pos = article.text.index("50.000")
    assert article.raw[article.raw_offset(pos):].startswith("50.000 kỹ sư")


def test_nfd_page_gives_the_same_result(article):
    nfd = unicodedata.normalize("NFD", PAGE).encode("utf-8")
    other = clean(to_article(RawDocument("page-nfd.txt", nfd)), DEFAULT)
    assert other.text == article.text and other.title == article.title and other.published == article.published


def test_lead_sentence_is_not_a_title():
    text = ("Thủ tướng đề nghị hai nước sớm ký kết các thỏa thuận về năng lượng sạch, chuyển đổi số và đào tạo "
            "nhân lực chất lượng cao cho ngành bán dẫn trong thời gian tới.\n\nChiều nay, Thủ tướng tiếp Đại sứ Hoa Kỳ.\n")
    art = clean(to_article(RawDocument("lead.txt", text.encode())), DEFAULT)
    assert art.title is None
    assert art.text.startswith("Thủ tướng đề nghị")


def test_explicit_date_line_and_outlet_line():
    text = (" date 2024-03-02 Thời sự\n\nHoa Kỳ trao trả hiện vật chiến tranh cho Việt Nam\n\n"
            "Sáng 1/3, Đại sứ quán Hoa Kỳ trao trả 20 hiện vật cho Bộ Quốc phòng.\n\n"
            "Tổng thống Mỹ Joe Biden dự lễ. (Ảnh: TTXVN/Vietnam+)\n\n(Vietnam+)\n")
    art = clean(to_article(RawDocument("d.txt", text.encode())), DEFAULT)
    assert art.published == "2024-03-02"
    assert art.title == "Hoa Kỳ trao trả hiện vật chiến tranh cho Việt Nam"
    assert art.outlet == "Vietnam+"
    assert "(Vietnam+)" not in art.text and "TTXVN" not in art.text
    assert [art.quote(c) for c in art.captions] == ["Tổng thống Mỹ Joe Biden dự lễ."]


def test_inline_credit_in_a_run_on_paragraph():
    text = ("Hai nước ký thỏa thuận mua máy bay\n\nNgày 10/9, hãng hàng không ký hợp đồng mua 50 máy bay Boeing. "
            "Lễ ký kết tại Hà Nội. Ảnh: TTXVN Theo hợp đồng, các máy bay sẽ được giao từ năm 2027. PHƯƠNG NAM\n")
    art = clean(to_article(RawDocument("inline.txt", text.encode())), DEFAULT)
    assert "TTXVN" not in art.text and "PHƯƠNG NAM" not in art.text
    assert "Theo hợp đồng, các máy bay sẽ được giao từ năm 2027." in art.text
    assert [art.quote(c) for c in art.captions] == ["Lễ ký kết tại Hà Nội."]
    assert art.authors == ["PHƯƠNG NAM"]


def test_trailing_captions_after_the_byline_are_captions_and_not_repeated():
    text = ("Đại sứ Hoa Kỳ thăm Cần Thơ\n\nĐại sứ Hoa Kỳ dự lễ khởi công trường học tại Cần Thơ.\n"
            "Đại sứ trò chuyện với học sinh.\n"
            "Dự án do Cơ quan Phát triển Quốc tế Hoa Kỳ tài trợ 2 triệu USD, dự kiến hoàn thành năm sau.\n"
            "Minh Khang\n\nĐại sứ trò chuyện với học sinh.\nToàn cảnh lễ khởi công.\n")
    art = clean(to_article(RawDocument("tail.txt", text.encode())), DEFAULT)
    assert art.authors == ["Minh Khang"]
    assert art.text.count("Đại sứ trò chuyện với học sinh.") == 1
    assert sorted(art.quote(c) for c in art.captions) == ["Toàn cảnh lễ khởi công.", "Đại sứ trò chuyện với học sinh."]


def test_only_boilerplate_is_dropped_with_a_reason():
    text = "Tin liên quan\nGiá vàng hôm nay\n#Thời sự #Kinh tế\n"
    with pytest.raises(Drop) as err:
        clean(to_article(RawDocument("junk.txt", text.encode())), DEFAULT)
    assert "no article text" in err.value.reason


@pytest.mark.parametrize(("line", "caption", "body"), [
    ("Quang cảnh lễ tại sân bay Biên Hòa. Ảnh: QĐND Tại buổi lễ, hai bên trao đổi kế hoạch.",
     "Quang cảnh lễ tại sân bay Biên Hòa.", "Tại buổi lễ, hai bên trao đổi kế hoạch."),
    ("Lễ ký kết tại Nhà Trắng. Ảnh: Quang Hiếu Với tư cách là đối tác toàn diện, hai nước hợp tác.",
     "Lễ ký kết tại Nhà Trắng.", "Với tư cách là đối tác toàn diện, hai nước hợp tác."),
    ("Cảnh hội đàm. Ảnh: Thống Nhất/TTXVN Bày tỏ vui mừng, Thủ tướng cảm ơn phía Mỹ.",
     "Cảnh hội đàm.", "Bày tỏ vui mừng, Thủ tướng cảm ơn phía Mỹ."),
    ("Cảnh hội đàm. Ảnh: Lê Hiếu. Theo ông Tsutomu, hai bên nhất trí.", "Cảnh hội đàm.",
     "Theo ông Tsutomu, hai bên nhất trí."),
    ("Đại sứ phát biểu tại họp báo - Ảnh: NGUYỄN KHÁNH.", "Đại sứ phát biểu tại họp báo", None),
    ("Toàn cảnh phiên họp sáng 28-10 - Ảnh: tư liệu", "Toàn cảnh phiên họp sáng 28-10", None),
    # credits run into the next sentence: outlet/name, name – outlet, name - outlet, several names
    ("Hai bộ trưởng bắt tay. Ảnh: VGP/Hải Nam Hai bên thống nhất lộ trình.", "Hai bộ trưởng bắt tay.",
     "Hai bên thống nhất lộ trình."),
    ("Hai bộ trưởng bắt tay. Ảnh: Minh Đức – TTXVN Sáng 3/4, hai bên ký kết.", "Hai bộ trưởng bắt tay.",
     "Sáng 3/4, hai bên ký kết."),
    ("Hai bộ trưởng bắt tay. Ảnh: Văn Hải-TTXVN Đại sứ cho biết điều đó.", "Hai bộ trưởng bắt tay.",
     "Đại sứ cho biết điều đó."),
    ("Hai bộ trưởng bắt tay. Ảnh: Hồng Vân, Minh Đức Buổi lễ diễn ra ấm cúng.", "Hai bộ trưởng bắt tay.",
     "Buổi lễ diễn ra ấm cúng."),
    ("Hai bộ trưởng bắt tay. Ảnh: Thu Hà Ông Brown cho biết thêm.", "Hai bộ trưởng bắt tay.",
     "Ông Brown cho biết thêm."),
    ("Hai bộ trưởng bắt tay. Ảnh: Thu Hà “Chúng tôi sẵn sàng”, ông nói.", "Hai bộ trưởng bắt tay.",
     "“Chúng tôi sẵn sàng”, ông nói."),
])
def test_photo_credits_are_cut_and_the_text_after_them_kept(line, caption, body):
    art = clean(to_article(RawDocument("c.txt", f"Tiêu đề bài báo\n\n{line}\n".encode())), DEFAULT)
    assert "Ảnh" not in art.text
    assert [art.quote(c) for c in art.captions] == [caption]
    if body:
        assert art.text.endswith(f"{caption} {body}")


@pytest.mark.parametrize("line", [
    "Khách tham quan triển lãm. Ảnh: những khoảnh khắc của chuyến thăm, Hà Nội - Washington, được trưng bày.",
    "Khách tham quan triển lãm. Ảnh: Hà Nội - những năm tháng ấy thu hút nhiều người xem.",
])
def test_a_sentence_after_a_credit_word_is_not_cut(line):
    art = clean(to_article(RawDocument("c.txt", f"Tiêu đề bài báo\n\n{line}\n".encode())), DEFAULT)
    assert line.split(". ", 1)[1] in art.text


TABLE_END = ("Hai nước khởi động giai đoạn mới của dự án môi trường\n"
             "Ngày 14/5 tại Đồng Nai, hai bên khởi động giai đoạn tiếp theo của dự án xử lý đất nhiễm độc.\n"
             "Phía Hoa Kỳ cho biết sẽ tài trợ thêm cho dự án trong năm năm tới.\n"
             "Giai đoạn\nKhối lượng\nGiai đoạn 1\n90.000 m3\nThu Trang\n")


def test_a_small_letter_with_a_tone_mark_does_not_start_a_name():
    art = clean(to_article(RawDocument("bai.txt", TABLE_END.encode("utf-8"), "text")), DEFAULT)
    assert art.authors == ["Thu Trang"]  # not the table's "Giai đoạn" heading
    assert "Giai đoạn\nKhối lượng" in art.text


@pytest.mark.parametrize("marker,item", [("Xem thêm:", "- "), ("Đọc thêm:", "> > "), ("XEM THÊM:", "• ")])
def test_the_headlines_a_see_also_line_lists_go_with_it(marker, item):
    raw = ("Trường đại học nhận tài trợ đào tạo kỹ sư\n\n"
           "Ngày 3/10, một quỹ của Hoa Kỳ ký thỏa thuận tài trợ chương trình đào tạo kỹ sư phần mềm.\n\n"
           f"{marker}\n{item}Giá lúa gạo hôm nay tăng nhẹ\n{item}Năm 2023 mở đơn học bổng thạc sĩ\n\n"
           "Trường sẽ tuyển khóa đầu tiên vào năm sau.\n\nMai Lan\n")
    art = clean(to_article(RawDocument("bai.txt", raw.encode("utf-8"), "text")), DEFAULT)
    assert "Giá lúa gạo" not in art.text and "học bổng thạc sĩ" not in art.text
    assert "tuyển khóa đầu tiên" in art.text and art.authors == ["Mai Lan"]
