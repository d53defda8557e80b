"""Hard-wrapped plain text (70 columns, as e-mail and ``fmt`` write it) extracts like the unwrapped text."""

from __future__ import annotations

import textwrap

import pytest

from hoptac import analyze
from hoptac.extract.gazetteer import gazetteer

ARTICLE = """Việt Nam và Hoa Kỳ thúc đẩy hợp tác về năng lượng sạch và giáo dục

Hà Nội, ngày 12/3/2024 – Phó Thủ tướng Trần Minh Đức đã tiếp bà Sarah Whitfield, Thứ trưởng Bộ Năng lượng Hoa Kỳ, nhân dịp bà sang Việt Nam dự diễn đàn về chuyển đổi năng lượng.

Tại buổi tiếp, Phó Thủ tướng Trần Minh Đức đề nghị phía Hoa Kỳ hỗ trợ Việt Nam phát triển điện gió ngoài khơi và đào tạo nguồn nhân lực cho ngành năng lượng tái tạo.

Thứ trưởng Sarah Whitfield khẳng định Hoa Kỳ sẵn sàng cung cấp 15 triệu USD để giúp Việt Nam xây dựng lưới điện thông minh trong giai đoạn 2024–2027.

“Chúng tôi coi Việt Nam là đối tác quan trọng hàng đầu trong khu vực về chuyển đổi năng lượng”, bà Whitfield nói.

Hai bên nhất trí sớm tổ chức đối thoại năng lượng cấp bộ trưởng lần thứ hai tại Washington vào cuối năm nay.
"""


def wrap(text: str, sep: str) -> str:
    """The article with its title kept and every paragraph wrapped at 70 columns, joined by ``sep``."""
    title, *paras = [p for p in text.split("\n") if p.strip()]
    return title + "\n\n" + sep.join(textwrap.fill(p, 70) for p in paras) + "\n"


def facts(text: str) -> tuple[list[str], list[tuple[str, str]], str]:
    a = analyze(text.encode("utf-8"))
    return sorted(p.name for p in a.people), [(s.act, s.text) for s in a.statements], a.text


@pytest.mark.parametrize("sep", ["\n\n", "\n"], ids=["blank-line-paragraphs", "line-paragraphs"])
def test_wrapped_article_extracts_like_the_unwrapped_one(sep: str) -> None:
    wrapped = wrap(ARTICLE, sep)
    assert max(len(line) for line in wrapped.splitlines()) <= 70 and wrapped.count("\n") > 14
    people, statements, text = facts(ARTICLE)
    assert len(people) == 2 and len(statements) >= 2
    assert facts(wrapped) == (people, statements, text)


def test_a_name_split_by_a_line_break_is_no_error() -> None:
    a = analyze("T\n\nHoa\nKỳ đề nghị Việt Nam mở cửa thị trường.")
    assert "Kỳ đề nghị" in a.text


def test_phrase_tables_ignore_spacing() -> None:
    g = gazetteer()
    assert g.side_of_country("Hoa  Kỳ") == g.side_of_country("Hoa Kỳ") == "US"
    assert "Hoa\u00a0Kỳ" in g.countries and g.countries["Hoa\tKỳ"] == "US"
    with pytest.raises(KeyError):
        g.countries["Hoa Kỳ Lạ"]
