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
