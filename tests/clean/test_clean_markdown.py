"""Crawler Markdown (self-written pages in jina-reader, trafilatura, markdownify and firecrawl styles).

Checks: the syntax and the navigation are gone, link text inside sentences stays, the header
gives the title, URL and date, captions are marked, and every kept character maps back to the
raw input; a ``.txt`` holding Markdown is told by its syntax density, a plain page is not.
"""

from __future__ import annotations

import re

import pytest

from hoptac.clean import clean
from hoptac.clean.decode import to_article
from hoptac.clean.markdown import compose_offsets, looks_like_markdown, strip_markdown
from hoptac.ingest import RawDocument
from hoptac.ingest.files import sniff_kind, walk
from hoptac.pipeline import run
from hoptac.settings import DEFAULT

JINA = """Title: Doanh nghiệp Việt Nam và Hoa Kỳ ký thỏa thuận hợp tác năng lượng sạch

URL Source: https://baokinhte.example.vn/doanh-nghiep-viet-my-ky-thoa-thuan-123.html

Published Time: 2024-05-11T20:30:00Z

Markdown Content:
[![Báo Kinh tế](https://baokinhte.example.vn/logo.png)](https://baokinhte.example.vn/)

*   [Thời sự](https://baokinhte.example.vn/thoi-su)
*   [Kinh doanh](https://baokinhte.example.vn/kinh-doanh)
*   [Quốc tế](https://baokinhte.example.vn/quoc-te)

[Trang chủ](https://baokinhte.example.vn/) » [Kinh doanh](https://baokinhte.example.vn/kinh-doanh)

Doanh nghiệp Việt Nam và Hoa Kỳ ký thỏa thuận hợp tác năng lượng sạch
=====================================================================

**Ngày 11/5 tại Hà Nội, Tập đoàn Điện lực Việt Nam (EVN) và công ty [GE Vernova](https://www.gevernova.com) đã ký biên bản ghi nhớ về hợp tác phát triển điện gió ngoài khơi.**

![Quang cảnh lễ ký kết](https://baokinhte.example.vn/img/le-ky.jpg)

Quang cảnh lễ ký kết tại Hà Nội. (Ảnh: BKT/Minh Hà)

Phát biểu tại lễ ký, ông Trần Văn Nam cho biết hai bên sẽ cùng nghiên cứu khả năng xây dựng _nhà máy_ sản xuất tua-bin tại Việt Nam, với tổng vốn dự kiến khoảng 500 triệu USD.

**Tin liên quan**

*   [Mỹ áp thuế chống bán phá giá tạm thời với pin mặt trời](https://baokinhte.example.vn/a.html)
*   [Hội thảo về chuỗi cung ứng bán dẫn tại TP.HCM](https://baokinhte.example.vn/b.html)

Theo kế hoạch, trong quý III năm nay, các chuyên gia của hai bên sẽ khảo sát ba địa điểm ven biển miền Trung để đánh giá tiềm năng gió.

Đại diện Hiệp hội Năng lượng Việt Nam cho rằng thỏa thuận mở ra cơ hội lớn cho các nhà cung cấp linh kiện trong nước tham gia chuỗi cung ứng của [tập đoàn Mỹ][ge].

| Chỉ tiêu | 2023 | 2024 |
|---|---|---|
| Công suất (MW) | 120 | 350 |

Xem chi tiết [tại đây](https://baokinhte.example.vn/chi-tiet.pdf)

**Minh Hà**

[ge]: https://www.gevernova.com

Chia sẻ: [Facebook](https://facebook.com/share) | [Zalo](https://zalo.me/share) | [Twitter](https://twitter.com/share)

## Tin mới nhất

*   [Giá vàng hôm nay](https://baokinhte.example.vn/c.html)

© 2024 Báo Kinh tế. Giấy phép số 123/GP-BTTTT.
"""

TRAFILATURA = """---
title: Hội thảo xúc tiến đầu tư Việt Nam - Hoa Kỳ tại TP.HCM
author: Lan Anh; Quốc Bảo
url: https://tinkinhte.example.vn/hoi-thao-xuc-tien-dau-tu.html
hostname: tinkinhte.example.vn
sitename: Tin Kinh tế
date: 2023-09-14
---
# Hội thảo xúc tiến đầu tư Việt Nam - Hoa Kỳ tại TP.HCM

Sáng 13/9, Phòng Thương mại Hoa Kỳ tại Việt Nam (AmCham) phối hợp với Sở Kế hoạch và Đầu tư TP.HCM tổ chức hội thảo xúc tiến đầu tư với sự tham gia của hơn 200 doanh nghiệp.

## Doanh nghiệp Mỹ muốn mở rộng sản xuất

Tại hội thảo, bà Nguyễn Thị Hoa, Giám đốc điều hành AmCham, cho biết nhiều thành viên của hiệp hội đang tìm địa điểm đặt nhà máy mới ở phía Nam.

> "Chúng tôi mong chính quyền thành phố tiếp tục cải cách thủ tục hành chính", bà Hoa nói.

- Rút ngắn thời gian cấp phép xây dựng;
- Minh bạch thông tin về quỹ đất công nghiệp.

Xem thêm: [Doanh nghiệp Mỹ lạc quan về triển vọng kinh tế Việt Nam](https://tinkinhte.example.vn/x.html)
"""

MARKDOWNIFY_TXT = """[Đăng nhập](/login) | [Đăng ký](/register)

Bộ Thương mại Mỹ ra quyết định sơ bộ về thuế chống bán phá giá
==============================================================

Cập nhật: 08:15 | 22/03/2025

Bộ Thương mại Hoa Kỳ \\(DOC\\) vừa công bố kết luận sơ bộ trong đợt rà soát hành chính lần thứ 20 đối với sản phẩm cá tra phi lê nhập khẩu từ Việt Nam, theo [Cục Phòng vệ thương mại](https://trav.example.gov.vn).

Theo đó, mức thuế chống bán phá giá sơ bộ áp cho các doanh nghiệp dao động từ 0 đến 2,39 USD/kg.

Kết quả rà soát
---------------

Hiệp hội Chế biến và Xuất khẩu thủy sản Việt Nam (VASEP) đề nghị các doanh nghiệp tiếp tục hợp tác đầy đủ với cơ quan điều tra của Hoa Kỳ.

* [Tin liên quan: Xuất khẩu cá tra sang Mỹ tăng mạnh](/tin/1)
* [Hội nghị xúc tiến thương mại thủy sản](/tin/2)

Đọc thêm: <https://example.vn/khac>
"""

FIRECRAWL = """[Bỏ qua đến nội dung](#main)

![logo](https://site.example.vn/logo.svg)

- [Trang chủ](https://site.example.vn/)
- [Thế giới](https://site.example.vn/the-gioi)
- [Kinh tế](https://site.example.vn/kinh-te)

# Việt Nam và Hoa Kỳ tổ chức diễn đàn doanh nghiệp về bán dẫn

Published: 12/10/2024 09:40

Chiều 11/10, tại Washington D.C., Bộ Kế hoạch và Đầu tư phối hợp với Hội đồng Kinh doanh Hoa Kỳ - ASEAN tổ chức Diễn đàn doanh nghiệp Việt Nam - Hoa Kỳ về công nghiệp bán dẫn.

[![](https://site.example.vn/anh1.jpg)](https://site.example.vn/anh1.jpg)

Các đại biểu tham dự diễn đàn. Ảnh: Hữu Thắng

Tại diễn đàn, hai bên đã trao đổi về kế hoạch đào tạo **50.000 kỹ sư bán dẫn** đến năm 2030.

Chia sẻ bài viết:

[Facebook](https://facebook.com/sharer) [Twitter](https://twitter.com/intent) [Email](mailto:a@b.c)

### Bài viết liên quan

- [Hợp tác bán dẫn Việt - Mỹ](https://site.example.vn/1)
"""

HTML2TEXT = """  * [Trang chủ](/)
  * [Thời sự](/thoi-su/)

# Hiệp hội Dệt may đề nghị Mỹ xem xét lại mức thuế đối ứng

_Thứ Năm, 17/04/2025 14:05_

Ngày 16/4, Hiệp hội Dệt may Việt Nam (VITAS) đã gửi văn bản tới Văn phòng Đại
diện Thương mại Hoa Kỳ (USTR), đề nghị phía Mỹ xem xét lại mức thuế đối ứng áp
lên hàng dệt may xuất khẩu của Việt Nam, đồng thời cam kết tăng mua bông và
nguyên liệu có xuất xứ từ Hoa Kỳ trong những năm tới.

Theo ông Vũ Đức Thành, Phó Chủ tịch hiệp hội, các doanh nghiệp thành viên đã
chủ động đa dạng hóa thị trường nhưng Mỹ vẫn là thị trường xuất khẩu lớn nhất
của ngành, chiếm khoảng 38% kim ngạch xuất khẩu năm 2024 của toàn ngành.

Hiệp hội cũng kiến nghị Chính phủ sớm hoàn tất đàm phán với phía Hoa Kỳ về
hiệp định thương mại đối ứng để tạo sự ổn định cho doanh nghiệp.

**Tin cùng chuyên mục**

  * [Xuất khẩu gạo tăng mạnh trong quý I](/a)
  * [Giá xăng dầu hôm nay](/b)
"""

PLAIN_WITH_BULLETS = """Việt Nam và Hoa Kỳ thúc đẩy hợp tác giáo dục

Ngày 5/6, Bộ Giáo dục và Đào tạo tiếp đoàn các trường đại học Hoa Kỳ.
- Hai bên trao đổi về chương trình học bổng;
- Hai bên bàn về đào tạo giáo viên tiếng Anh.
> Đoàn sẽ thăm Đà Nẵng vào ngày mai.
"""

PAGES = {"jina.md": JINA, "trafilatura.md": TRAFILATURA, "markdownify.txt": MARKDOWNIFY_TXT,
         "firecrawl.md": FIRECRAWL, "html2text.md": HTML2TEXT}
SYNTAX = re.compile(r"\]\(|!\[|\*\*|__|^#|^[=\-]{3,}$|https?://|^\s*[*\-] |^>|\\", re.M)


def cleaned(name: str, page: str):
    data = page.encode("utf-8")
    return clean(to_article(RawDocument(name, data, sniff_kind(data, name))), DEFAULT)


@pytest.fixture(scope="module", params=sorted(PAGES))
def page(request):
    return request.param, cleaned(request.param, PAGES[request.param])


def test_markdown_is_read_as_markdown(page):
    name, article = page
    assert article.meta.get("markdown") is True
    assert article.content_type == ("markdown" if name.endswith(".md") else "text")


def test_no_markdown_syntax_is_left(page):
    _, article = page
    assert not SYNTAX.search(article.text), SYNTAX.search(article.text)


def test_every_kept_character_maps_back_to_the_raw_input(page):
    _, article = page
    for c, r, n in article.offsets:
        assert article.text[c:c + n] == article.raw[r:r + n]
    for pos in range(len(article.text)):
        r = article.raw_offset(pos)
        if r is None:  # only line breaks, and the spaces that join a wrapped paragraph's lines
            assert article.text[pos] in "\n "
        else:
            assert article.raw[r] == article.text[pos]


def test_header_title_url_and_date():
    jina = cleaned("jina.md", JINA)
    assert jina.title == "Doanh nghiệp Việt Nam và Hoa Kỳ ký thỏa thuận hợp tác năng lượng sạch"
    assert jina.text.splitlines()[0] == jina.title  # the setext heading, not the header, is the title line
    assert jina.url == "https://baokinhte.example.vn/doanh-nghiep-viet-my-ky-thoa-thuan-123.html"
    assert jina.published == "2024-05-12"  # 20:30 UTC is the next morning in Vietnam
    traf = cleaned("trafilatura.md", TRAFILATURA)
    assert traf.title == "Hội thảo xúc tiến đầu tư Việt Nam - Hoa Kỳ tại TP.HCM"
    assert traf.published == "2023-09-14"
    assert traf.authors == ["Lan Anh", "Quốc Bảo"] and traf.site_name == "Tin Kinh tế"
    assert "hostname" not in traf.text and "sitename" not in traf.text


def test_first_heading_is_the_title_and_a_published_line_the_date():
    fire = cleaned("firecrawl.md", FIRECRAWL)
    assert fire.title == "Việt Nam và Hoa Kỳ tổ chức diễn đàn doanh nghiệp về bán dẫn"
    assert fire.published == "2024-10-12"
    assert "Published" not in fire.text and "Bỏ qua" not in fire.text
    txt = cleaned("markdownify.txt", MARKDOWNIFY_TXT)
    assert txt.title == "Bộ Thương mại Mỹ ra quyết định sơ bộ về thuế chống bán phá giá"
    assert txt.published == "2025-03-22"
    assert "Đăng nhập" not in txt.text


def test_link_text_inside_a_sentence_is_kept():
    jina = cleaned("jina.md", JINA)
    assert "và công ty GE Vernova đã ký biên bản ghi nhớ" in jina.text
    assert "chuỗi cung ứng của tập đoàn Mỹ." in jina.text  # a reference link
    txt = cleaned("markdownify.txt", MARKDOWNIFY_TXT)
    assert "Bộ Thương mại Hoa Kỳ (DOC) vừa công bố" in txt.text  # escapes cut
    assert "theo Cục Phòng vệ thương mại." in txt.text


def test_navigation_share_and_related_lines_are_dropped():
    jina = cleaned("jina.md", JINA)
    for nav in ("Thời sự", "Trang chủ", "Facebook", "Zalo", "Báo Kinh tế", "Giá vàng",
                "chống bán phá giá tạm thời", "Tin liên quan", "Xem chi tiết", "Giấy phép"):
        assert nav not in jina.text, nav
    fire = cleaned("firecrawl.md", FIRECRAWL)
    for nav in ("Thế giới", "Twitter", "Chia sẻ", "Hợp tác bán dẫn Việt - Mỹ"):
        assert nav not in fire.text, nav
    txt = cleaned("markdownify.txt", MARKDOWNIFY_TXT)
    assert "Xuất khẩu cá tra sang Mỹ" not in txt.text and "Đọc thêm" not in txt.text


def test_a_related_box_inside_the_article_does_not_end_it():
    jina = cleaned("jina.md", JINA)
    assert "Theo kế hoạch, trong quý III năm nay" in jina.text
    assert "Đại diện Hiệp hội Năng lượng Việt Nam" in jina.text
    assert jina.authors == ["Minh Hà"]


def test_headings_lists_quotes_and_emphasis_keep_their_words():
    traf = cleaned("trafilatura.md", TRAFILATURA)
    lines = traf.text.splitlines()
    assert "Doanh nghiệp Mỹ muốn mở rộng sản xuất" in lines
    assert "Rút ngắn thời gian cấp phép xây dựng;" in lines
    assert any(ln.startswith('"Chúng tôi mong chính quyền') for ln in lines)
    fire = cleaned("firecrawl.md", FIRECRAWL)
    assert "kế hoạch đào tạo 50.000 kỹ sư bán dẫn đến năm 2030" in fire.text
    jina = cleaned("jina.md", JINA)
    assert "xây dựng nhà máy sản xuất" in jina.text


def test_image_lines_go_and_the_caption_under_them_is_marked():
    for name, page_text, caption in (("jina.md", JINA, "Quang cảnh lễ ký kết tại Hà Nội."),
                                     ("firecrawl.md", FIRECRAWL, "Các đại biểu tham dự diễn đàn.")):
        article = cleaned(name, page_text)
        assert [article.text[a:b] for a, b in article.captions] == [caption]
        assert "Ảnh" not in article.text and ".jpg" not in article.text


LEAD_UNDER_IMAGE = """# Bộ Công Thương và Hoa Kỳ bàn về chuỗi cung ứng

![Ảnh minh họa](https://site.example.vn/anh.jpg)

Sáng 3/3, Bộ trưởng Công Thương tiếp đoàn doanh nghiệp Hoa Kỳ tại Hà Nội. Hai bên thống nhất lập nhóm công tác về chuỗi cung ứng.

![](https://site.example.vn/anh2.jpg)

Đoàn doanh nghiệp Hoa Kỳ tại buổi tiếp

Phía Hoa Kỳ cho biết sẽ mở văn phòng đại diện tại Hà Nội trong năm nay.
"""


def test_under_an_image_only_a_caption_sized_line_is_its_caption():
    """A lead of two sentences under the first image is the article, not a caption; a short line
    under the second image, with no credit, is that image's caption."""
    article = cleaned("lead.md", LEAD_UNDER_IMAGE)
    assert [article.text[a:b] for a, b in article.captions] == ["Đoàn doanh nghiệp Hoa Kỳ tại buổi tiếp"]
    assert "Hai bên thống nhất lập nhóm công tác" in article.text
    assert any(st.act == "agree" for st in run(article, DEFAULT).statements)


def test_a_table_gives_its_cells():
    jina = cleaned("jina.md", JINA)
    lines = jina.text.splitlines()
    assert "Công suất (MW)" in lines and "350" in lines
    assert not any(set(ln) <= set("|-: ") for ln in lines)


def test_markdown_in_a_txt_is_told_by_density_and_a_plain_page_is_not():
    assert looks_like_markdown(MARKDOWNIFY_TXT)
    assert not looks_like_markdown(PLAIN_WITH_BULLETS)
    plain = cleaned("plain.txt", PLAIN_WITH_BULLETS)
    assert "markdown" not in plain.meta
    assert "- Hai bên trao đổi về chương trình học bổng;" in plain.text  # left as the page wrote it


def test_extraction_spans_on_a_markdown_page_quote_the_raw_input():
    article = run(to_article(RawDocument("jina.md", JINA.encode("utf-8"), "markdown")), DEFAULT)
    signing = [e for e in article.events if e.type == "signing"]
    assert signing, article.events
    for e in article.events:
        a, b = e.evidence
        assert "](" not in article.text[a:b]
        assert article.raw[article.raw_offset(a)] == article.text[a]
    for person in article.people:
        for a, b in person.mentions:
            ra = article.raw_offset(a)
            assert article.raw[ra:ra + (b - a)] == article.text[a:b]


def test_compose_offsets_splits_runs_across_pieces():
    md = strip_markdown("Ông [Nguyễn Văn An](http://a.vn) nói **rõ** hôm nay.")
    assert md.text == "Ông Nguyễn Văn An nói rõ hôm nay."
    composed = compose_offsets([(0, 0, len(md.text))], md.segments)
    raw = "Ông [Nguyễn Văn An](http://a.vn) nói **rõ** hôm nay."
    assert "".join(raw[r:r + n] for _, r, n in composed) == md.text
    assert len(composed) == len(md.segments)


def test_walk_reads_markdown_articles_but_not_a_readme(tmp_path):
    (tmp_path / "bai1.md").write_text(FIRECRAWL, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Thư mục\n", encoding="utf-8")
    (tmp_path / "bai2.txt").write_text(PLAIN_WITH_BULLETS, encoding="utf-8")
    assert [p.rsplit("/", 1)[1] for p in walk(str(tmp_path))] == ["bai1.md", "bai2.txt"]


def test_a_paragraph_wrapped_at_a_fixed_width_is_one_line():
    article = cleaned("html2text.md", HTML2TEXT)
    assert article.title == "Hiệp hội Dệt may đề nghị Mỹ xem xét lại mức thuế đối ứng"
    assert article.published == "2025-04-17"
    lines = article.text.splitlines()
    assert len(lines) == 4
    assert "Văn phòng Đại diện Thương mại Hoa Kỳ (USTR), đề nghị phía Mỹ" in lines[1]
    inserted = [p for p in range(len(article.text)) if article.raw_offset(p) is None and article.text[p] == " "]
    assert len(inserted) == 3 + 2 + 1
    sentence = "Hai bên nhất trí tiếp tục trao đổi về hợp tác thương mại, đầu tư và chuyển giao công nghệ trong thời gian tới tại [Hà Nội](/ha-noi)."
    unwrapped = "# Việt Nam và Hoa Kỳ trao đổi\n" + "\n".join([sentence] * 5) + "\n"
    assert cleaned("page.md", unwrapped).text.count("\n") == 5  # a line per paragraph, not a wrapped one
