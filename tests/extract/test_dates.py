"""Dates in Vietnamese text, resolved against the published date."""

from __future__ import annotations

import unicodedata

import pytest

from hoptac.extract.dates import find_dates, infer_year


def values(text: str, published: str | None) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in find_dates(text, published)]


@pytest.mark.parametrize("text,published,expected", [
    ("Chiều 14/11, hai bộ trưởng đã gặp nhau.", "2025-11-15", [("Chiều 14/11", "2025-11-14")]),
    ("Sáng 5-3, đoàn đã tới Hà Nội.", "2024-03-06", [("Sáng 5-3", "2024-03-05")]),
    ("Hội nghị diễn ra ngày 20/5/2025 tại Hà Nội.", None, [("ngày 20/5/2025", "2025-05-20")]),
    ("Thứ Hai (12/3), Ngoại trưởng sẽ đến thăm.", "2018-03-10", [("Thứ Hai (12/3)", "2018-03-12")]),
    ("Chuyến thăm vào tháng 9/2023 mở ra giai đoạn mới.", None, [("tháng 9/2023", "2023-09")]),
    ("Mục tiêu đặt ra cho năm 2030.", None, [("năm 2030", "2030")]),
    ("Chiều nay, Tổng Bí thư tiếp Đại sứ.", "2025-09-29", [("Chiều nay", "2025-09-29")]),
    ("Hôm qua, hai bên đã ký kết.", "2025-09-29", [("Hôm qua", "2025-09-28")]),
    ("Ngày 20 tháng 5 năm 2016, Tổng thống đến Hà Nội.", None, [("Ngày 20 tháng 5 năm 2016", "2016-05-20")]),
    # a full date with dashes or dots stands alone as one with slashes does
    ("Quyết định có hiệu lực từ 1-7-2019 theo văn bản.", None, [("1-7-2019", "2019-07-01")]),
    ("Hạn chót (31.12.2020) đã qua.", None, [("31.12.2020", "2020-12-31")]),
    # a range of days is dated by its first day; the month is never the first digit of a day
    ("Bộ trưởng thăm Hoa Kỳ từ ngày 20 - 21/4/2017.", None, [("từ ngày 20 - 21/4/2017", "2017-04-20")]),
    ("Thủ tướng sẽ thăm Mỹ từ ngày 29-31/5.", "2017-05-20", [("từ ngày 29-31/5", "2017-05-29")]),
    # "mong chờ" looks ahead: November after a May publication is this year's
    ("Tổng thống mong chờ chuyến thăm vào tháng 11.", "2017-05-31", [("tháng 11", "2017-11")]),
    # a verb of saying before it is no past tense of what is looked forward to ...
    ("Ông cho biết ông mong chờ chuyến thăm vào tháng 11.", "2017-06-01", [("tháng 11", "2017-11")]),
    ("Ông cho biết vợ con ông sẽ đến Hà Nội vào đầu tháng 12.", "2017-06-01", [("tháng 12", "2017-12")]),
    # ... but a date before the saying dates the saying, and a real past cue keeps the past
    ("Chính phủ hôm 19/10 tuyên bố sẽ đình chỉ quy chế.", "2018-06-15", [("hôm 19/10", "2017-10-19")]),
    ("Bộ trưởng đã tới Hà Nội vào tháng 11, ông cho biết.", "2017-06-01", [("tháng 11", "2016-11")]),
])
def test_resolves_written_dates(text: str, published: str | None, expected: list[tuple[str, str]]) -> None:
    assert values(text, published) == expected


def test_day_month_after_published_in_past_context_is_previous_year() -> None:
    # published early January, an event "on 28/12" that already happened: last December
    assert values("Ngày 28/12, hội nghị đã diễn ra tại Washington.", "2025-01-03") == \
        [("Ngày 28/12", "2024-12-28")]


def test_future_context_moves_to_next_year() -> None:
    assert values("Hai bên sẽ gặp lại vào ngày 10/1 tới.", "2025-12-20") == [("ngày 10/1", "2026-01-10")]


def test_no_year_without_published_or_support_stays_partial() -> None:
    assert values("Ngày 25/6 (theo giờ địa phương), đối thoại đã diễn ra.", None) == [("Ngày 25/6", "--06-25")]


def test_year_inferred_from_text_is_marked() -> None:
    text = "Nhấn mạnh 2025 là năm kỷ niệm 30 năm quan hệ, ông cho biết. Tổng Bí thư tiếp Đại sứ chiều 29/9."
    assert infer_year(text) == 2025
    [d] = find_dates(text, None)
    assert (d.value, d.inferred) == ("2025-09-29", True)
    assert infer_year("Hai bên nhất trí tăng cường hợp tác.") is None


def test_not_dates() -> None:
    assert values("Tỷ số 2-1, vệ tinh VINASAT-1, lúc 17:05, chiếm 1/3 dân số", "2025-01-01") == []


def test_span_window_and_absolute_positions() -> None:
    text = "Sáng 3/4 có họp. Chiều 5/4 hai bên ký kết."
    ds = find_dates(text, "2025-04-06", start=17)
    assert [(d.text, d.value) for d in ds] == [("Chiều 5/4", "2025-04-05")]
    assert text[ds[0].start:ds[0].end] == "Chiều 5/4"


def test_decomposed_unicode_spans_point_into_the_input() -> None:
    text = unicodedata.normalize("NFD", "Chiều 14/11, hôm qua, tại trụ sở")
    ds = find_dates(text, "2025-11-15")
    assert [d.value for d in ds] == ["2025-11-14", "2025-11-14"]
    assert all(text[d.start:d.end] == d.text for d in ds)


def test_a_full_date_opening_the_lead_gives_the_year() -> None:
    text = ("Tuyên bố chung\nNgày 31/5/2017, tại Washington, hai nhà lãnh đạo đã hội đàm.\n"
            "Tổng thống cho biết ông mong chờ chuyến thăm Việt Nam vào tháng 11.\n")
    assert infer_year(text) == 2017
    assert ("tháng 11", "2017-11") in values(text, None)
    # a full date deep in the body is no clue to the article's year
    assert infer_year("Tin vắn\n" + "Hai nước hợp tác. " * 60 + "Ngày 20/9/1977, Việt Nam gia nhập.") is None
