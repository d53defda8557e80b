"""HTML pages: main text without furniture, metadata, captions, dates that are not page clocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoptac.clean import clean
from hoptac.clean.decode import to_article
from hoptac.clean.html import mark_lead
from hoptac.cli_web import demo_files
from hoptac.ingest import RawDocument
from hoptac.settings import DEFAULT

META_DATE = '<meta property="article:published_time" content="2024-04-12T09:15:00+07:00">'
PAGE = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin | Báo Thử</title>
<meta property="og:title" content="Hoa Kỳ và Việt Nam mở rộng hợp tác y tế">{META_DATE}</head><body>
<header><span class="date">Thứ bảy, 13/04/2024</span><nav><a href="/">Trang chủ</a><a href="/x">Thế giới</a></nav></header>
<article><h1>Hoa Kỳ và Việt Nam mở rộng hợp tác y tế</h1>
<p>Ngày 11/4, Bộ Y tế và Trung tâm Kiểm soát và Phòng ngừa Dịch bệnh Hoa Kỳ ký kế hoạch hợp tác năm năm về an ninh y tế, phòng chống dịch bệnh mới nổi và đào tạo nhân lực xét nghiệm.</p>
<figure><img src="a.jpg"><figcaption>Lễ ký kế hoạch hợp tác tại Hà Nội. (Ảnh: BYT/Minh Châu)</figcaption></figure>
<p>Phía Hoa Kỳ cho biết sẽ tài trợ khoảng 20 triệu USD cho các phòng xét nghiệm tuyến tỉnh và chương trình đào tạo dịch tễ học thực địa tại Việt Nam trong giai đoạn tới.</p>
</article><aside><h3>Đọc nhiều</h3><ul><li><a href="/g">Giá vàng tăng vọt</a></li></ul></aside>
<footer>© 2024 Báo Thử</footer></body></html>"""


def cleaned(html: str):
    return clean(to_article(RawDocument("page.html", html.encode("utf-8"), "html")), DEFAULT)


def test_title_text_caption_and_date():
    art = cleaned(PAGE)
    assert art.title == "Hoa Kỳ và Việt Nam mở rộng hợp tác y tế"
    assert art.published == "2024-04-12"
    assert "20 triệu USD" in art.text and "an ninh y tế" in art.text
    for gone in ("Trang chủ", "Thế giới", "Đọc nhiều", "Giá vàng", "©", "Minh Châu", "Ảnh:"):
        assert gone not in art.text, gone
    assert [art.quote(c) for c in art.captions] == ["Lễ ký kế hoạch hợp tác tại Hà Nội."]
    assert art.meta["offsets_base"] == "extracted"
    for c, r, n in art.offsets:
        assert art.text[c:c + n] == art.meta["extracted"][r:r + n]


def test_a_page_clock_is_never_the_published_date():
    assert cleaned(PAGE.replace(META_DATE, "")).published is None


def test_a_dateline_at_the_top_of_the_article_is():
    html = PAGE.replace(META_DATE, "").replace("</h1>", '</h1><p class="time">Thứ sáu, 12/4/2024, 09:15 (GMT+7)</p>')
    assert cleaned(html).published == "2024-04-12"


def test_a_tiny_page_falls_back_to_its_paragraphs():
    art = cleaned("<html><head><title>Học bổng kỹ thuật</title></head><body><nav>Trang chủ</nav>"
                  "<p>Đại sứ quán Hoa Kỳ cấp thêm học bổng cho sinh viên Việt Nam.</p></body></html>")
    assert art.title == "Học bổng kỹ thuật"
    assert "cấp thêm học bổng" in art.text and "Trang chủ" not in art.text


@pytest.mark.parametrize("path", [p for p in demo_files() if p.endswith(".html")])
def test_demo_pages_are_clean(path):
    art = clean(to_article(RawDocument(path, Path(path).read_bytes(), "html")), DEFAULT)
    assert art.title and art.published and art.authors and len(art.captions) == 1
    for gone in ("Tin liên quan", "Đọc nhiều", "Quảng cáo", "Click để copy", "Từ khóa", "Giấy phép", "Ảnh:"):
        assert gone not in art.text, gone


@pytest.mark.parametrize("path", [p for p in demo_files() if p.endswith(".txt")])
def test_demo_texts_are_clean(path):
    art = clean(to_article(RawDocument(path, Path(path).read_bytes())), DEFAULT)
    assert art.title and art.published and art.authors
    for gone in ("Tin liên quan", "Tin khác", "Đọc nhiều", "Xem thêm", "#", "Ảnh:", "Chia sẻ"):
        assert gone not in art.text, gone


LEAD = ('<div class="{cls}">Chiều 9/4, tại Đà Nẵng, Thứ trưởng Bộ Y tế và Phó Trợ lý Bộ trưởng Y tế Hoa Kỳ đồng chủ trì '
        'phiên họp thường niên về an ninh y tế toàn cầu.</div>')


@pytest.mark.parametrize("cls", ["sapo", "detail__summary", "article__sapo content"])
def test_a_lead_written_as_a_div_is_kept(cls):
    art = cleaned(PAGE.replace("</h1>", "</h1>" + LEAD.format(cls=cls)))
    assert "Chiều 9/4, tại Đà Nẵng" in art.text
    assert art.text.index("Chiều 9/4") < art.text.index("Ngày 11/4")  # in its place, before the body
    for c, r, n in art.offsets:
        assert art.text[c:c + n] == art.meta["extracted"][r:r + n]


def test_a_lead_class_in_the_sidebar_or_around_a_list_is_not_a_lead():
    side = ('<aside><div class="sapo">Giá vàng trong nước hôm nay tiếp tục tăng mạnh theo giá thế giới, '
            'vượt mốc cao nhất từ trước đến nay.</div></aside>')
    listing = '<div class="sapo"><ul><li>Giá xăng giảm mạnh từ chiều nay theo kỳ điều hành mới nhất</li></ul></div>'
    for page in (PAGE.replace("</article>", "</article>" + side), PAGE.replace("<article>", "<article>" + listing)):
        assert mark_lead(page, ("sapo",)) == page
    assert "Giá vàng trong nước" not in cleaned(PAGE.replace("</article>", "</article>" + side)).text
