"""Institutions of 2020–2025 reports that the gazetteer names with their kind and side."""

from __future__ import annotations

import pytest

import hoptac


@pytest.mark.parametrize("sentence,name,side", [
    ("Ngày 3/4, Cục Hải quan và Bảo vệ Biên giới Hoa Kỳ (CBP) thông báo tăng cường kiểm tra xuất xứ hàng hóa "
     "nhập khẩu từ Việt Nam.", "Cục Hải quan và Bảo vệ Biên giới Hoa Kỳ", "US"),
    ("Cục Công nghiệp và An ninh Hoa Kỳ cho biết đang xem xét đề nghị nới lỏng kiểm soát xuất khẩu đối với "
     "Việt Nam.", "Cục Công nghiệp và An ninh Hoa Kỳ", "US"),
    ("Tại lễ ký, Trung tâm Đổi mới sáng tạo Quốc gia và một tập đoàn Hoa Kỳ trao biên bản ghi nhớ về thiết kế "
     "vi mạch.", "Trung tâm Đổi mới sáng tạo Quốc gia", "VN"),
])
def test_an_institution_of_the_2020s_is_known(sentence: str, name: str, side: str) -> None:
    article = hoptac.analyze("Hợp tác Việt Nam - Hoa Kỳ\n" + sentence + "\n")
    found = {o.name: o for o in article.organizations}
    assert name in found
    assert (found[name].kind, found[name].side) == ("government", side)


def test_no_written_form_names_two_institutions() -> None:
    """An alias (or name) listed under two entries of ``organizations.yaml`` makes one institution two
    organizations in an article that writes both forms (``Chương trình Hoà bình (Peace Corps)``)."""
    import unicodedata
    from collections import defaultdict

    from hoptac.extract.gazetteer import load_yaml

    owners: dict[str, set[str]] = defaultdict(set)

    def walk(node: object) -> None:
        if isinstance(node, dict) and "name" in node:
            for form in [node["name"], *(node.get("aliases") or [])]:
                owners[unicodedata.normalize("NFC", str(form)).casefold()].add(str(node["name"]))
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(load_yaml("organizations.yaml"))
    assert {form: names for form, names in owners.items() if len(names) > 1} == {}


def test_one_institution_written_in_vietnamese_and_english_is_one_organization() -> None:
    article = hoptac.analyze("Tình nguyện viên Mỹ\nTình nguyện viên của Chương trình Hòa bình (Peace Corps) "
                             "dạy tiếng Anh tại Huế từ năm 2022.\n")
    peace = [o for o in article.organizations if "Peace Corps" in [o.name, *o.aliases]
             or "Hòa bình" in o.name or "Hoà bình" in o.name]
    assert len(peace) == 1
