"""Amounts read from Vietnamese number writing."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from hoptac.extract.amounts import find_amounts
from hoptac.extract.numbers import parse_number

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def read(text: str) -> list[tuple]:
    out = []
    for a in find_amounts(text):
        value = a.value if a.value is not None else (a.min, a.max)
        out.append((a.kind, value, a.unit, a.approx, a.text))
    return out


@pytest.mark.parametrize("written,value", [
    ("50.000", 50000), ("1.284", 1284), ("10,07", 10.07), ("1,5", 1.5), ("2018", 2018),
    ("1.284.000", 1284000), ("6.2014", None), ("2,000", 2000), ("2,005", 2.005),
])
def test_parse_number(written: str, value: float | None) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize("text,expected", [
    ("Tổng vốn đạt khoảng 8 tỷ USD.", [("money", 8e9, "USD", True, "khoảng 8 tỷ USD")]),
    ("Dự án trị giá 1,8 tỷ đồng.", [("money", 1.8e9, "VND", False, "1,8 tỷ đồng")]),
    ("Kim ngạch đạt 55 tỉ USD.", [("money", 55e9, "USD", False, "55 tỉ USD")]),
    ("Chi phí lên tới 3 nghìn tỷ đồng.", [("money", 3e12, "VND", True, "lên tới 3 nghìn tỷ đồng")]),
    ("Cần 50.000-100.000 nhân lực bán dẫn.", [("count", (50000, 100000), "nhân lực", False, "50.000-100.000 nhân lực")]),
    ("Xây từ 10 đến 15 trạm mặt đất.", [("count", (10, 15), "trạm mặt đất", False, "từ 10 đến 15 trạm mặt đất")]),
    ("Tăng trưởng trên 10% mỗi năm.", [("percent", 10, "%", True, "trên 10%")]),
    ("Có hơn 21.000 sinh viên đang học.", [("count", 21000, "sinh viên", True, "hơn 21.000 sinh viên")]),
    ("Quan hệ đã trải qua 2 thập kỷ.", [("duration", 2, "thập kỷ", False, "2 thập kỷ")]),
    ("Kỷ niệm 30 năm thiết lập quan hệ.", [("duration", 30, "năm", False, "30 năm")]),
    ("Cựu binh năm nay đã 79 tuổi.", [("duration", 79, "tuổi", False, "79 tuổi")]),  # an age is a span of time
    ("Trung hòa carbon vào năm 2050.", [("year", 2050, "năm", False, "năm 2050")]),
    ("Nhiệm kỳ 2016-2018 của Hội đồng.", [("year", (2016, 2018), "năm", False, "2016-2018")]),
    ("Vốn 1,5-2 tỷ USD.", [("money", (1.5e9, 2e9), "USD", False, "1,5-2 tỷ USD")]),
    ("Mỹ đứng thứ 8/112 quốc gia đầu tư.", [("count", 112, "quốc gia", False, "112 quốc gia")]),
    ("Giá xăng tăng 25 cent mỗi gallon.", [("money", 25, "cent", False, "25 cent")]),
    # a measure after a name keeps its unit ("Nokia 3310 mới" ends a name: see the labels below)
    ("Máy có chip mới, RAM 768 MB.", [("count", 768, "MB", False, "768 MB")]),
    ("Mưa lớn: Hà Đông 91 mm, Cầu Giấy 53,2 mm.", [("count", 91, "mm", False, "91 mm"),
                                                 ("count", 53.2, "mm", False, "53,2 mm")]),
])
def test_amounts(text: str, expected: list[tuple]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize("text", [
    "Chiều 14/11, hai bên gặp nhau lúc 17:05.",
    "Vệ tinh VINASAT-1 và mạng 5G, hội nghị G20.",
    "Đây là lần thứ 2 đối thoại, theo Điều 4 của Hiệp định.",
    "Quy hoạch điện VIII đã được phê duyệt.",
    "Lãnh đạo 2 nước nhất trí tăng cường hợp tác.",
    "Tuần lễ Cấp cao APEC 2017 và Hội nghị G20 2019 bàn về thương mại.",  # years inside a name
    "Màn hình 320 x 480 điểm ảnh, thân máy 110,5 x 48 x 13,2mm.",  # a size written as a product
    "Đến 9 giờ cùng ngày, đoàn rời sân bay; 11 giờ trưa họp báo.",  # times of day, not durations
    "Theo đó, Robot 350 vận hành tốt; sau đó, MRT 21 khai mạc.",  # a name after a comma ends on its number
])
def test_labels_dates_and_times_are_not_amounts(text: str) -> None:
    assert read(text) == []


def test_a_day_or_month_date_is_not_an_amount_but_a_year_alone_is() -> None:
    assert read("Cuối tháng 2/2019, hai bên gặp nhau.") == []
    assert read("Ngày 21/12/2017, ông Vũ bị khởi tố; ngày 8-7-2016 có quyết định.") == []
    assert read("Cuối năm 2019, hai bên gặp nhau.") == [("year", 2019, "năm", False, "năm 2019")]
    assert read("Bộ Công Thương hôm nay (30-6-2017) cho biết; bản tin 3.5.2019 nêu rõ.") == []  # dashes, dots: dates too


def test_evidence_spans_hold_the_text_in_both_unicode_forms() -> None:
    for form in ("NFC", "NFD"):
        text = unicodedata.normalize(form, "Hai bên ký hợp đồng khoảng 1,5 tỷ USD và hơn 50 đại diện doanh nghiệp tham dự.")
        found = find_amounts(text)
        assert [a.value for a in found] == [1.5e9, 50]
        assert all(text[a.evidence[0]:a.evidence[1]] == a.text for a in found)


def test_corpus_sample_spans_are_exact() -> None:
    corpus = SHARED / "corpus" / "vnus"
    if not corpus.is_dir():
        pytest.skip("shared corpus not present")
    files = sorted(corpus.glob("*.txt"))[::8][:40]
    n = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        for a in find_amounts(text):
            n += 1
            assert text[a.evidence[0]:a.evidence[1]] == a.text
            assert a.kind in {"money", "percent", "count", "year", "duration"}
            assert (a.value is not None) != (a.min is not None and a.max is not None)
    assert n > 40


@pytest.mark.parametrize("text,expected", [
    # the end of a proper name ("Hoa Kỳ") is not the label word "kỳ"
    ("Hãng giày bán sang Hoa Kỳ 138 triệu đôi mỗi năm.", [("count", 138e6, "đôi", False, "138 triệu đôi")]),
    ("Kỳ 2 của phiên họp bắt đầu.", []),
    ("Theo Điều 4 của hiệp định, hai bên hợp tác.", []),
    # a classifier is not the counted noun
    ("Ngôi trường mới đủ chỗ cho 75 em học sinh.", [("count", 75, "học sinh", False, "75 em học sinh")]),
    ("Hải quân tiếp nhận 3 con tàu tuần tra.", [("count", 3, "tàu tuần tra", False, "3 con tàu tuần tra")]),
    # "2 bên" names the two sides, also when a word follows
    ("Hợp tác trên nguyên tắc 2 bên cùng có lợi.", []),
    ("Còn 1.261 trường hợp chưa tìm thấy.", [("count", 1261, "trường hợp", False, "1.261 trường hợp")]),
    # a counted noun that starts with a function word ("bị") is read whole
    ("Bộ Thương mại chọn 2 bị đơn bắt buộc.", [("count", 2, "bị đơn", False, "2 bị đơn")]),
])
def test_labels_classifiers_and_sides(text: str, expected: list[tuple]) -> None:
    assert read(text) == expected


def test_numbers_written_as_words_measure_durations_money_and_multiplied_counts() -> None:
    assert read("Trong hai thập kỷ qua, thương mại tăng.") == [("duration", 2, "thập kỷ", False, "hai thập kỷ")]
    assert read("Cuộc hội đàm kéo dài khoảng một giờ.") == [("duration", 1, "giờ", True, "khoảng một giờ")]
    assert read("Con số đã lên tới nửa triệu người.") == [("count", 500000, "người", True, "lên tới nửa triệu người")]
    assert read("Ngôi nhà có giá một tỷ USD.") == [("money", 1e9, "USD", False, "một tỷ USD")]
    # a small count in words names the two sides or a detail; ordinals and pairs are no figures
    assert read("Hai quốc gia có nhiều lợi ích chung; hai bên nhất trí.") == []
    assert read("Đây là lần thứ ba; Thứ hai tuần tới ông đến Ba Lan.") == []
    assert read("Một ngày sau khi ký, hai bên họp; sau hơn một tháng thì xong.") == [
        ("duration", 1, "tháng", True, "hơn một tháng")]


def test_a_unit_glued_to_its_number_is_a_measure_not_a_label() -> None:
    assert read("Sân bay cách điện Kremlin 27km, trả lại hơn 33ha đất.") == [
        ("count", 27, "km", False, "27km"), ("count", 33, "ha", True, "hơn 33ha")]
    assert read("Hội nghị G20 bàn về mạng 5G và vệ tinh VINASAT-1.") == []


def test_minutes_and_seconds_are_durations() -> None:
    assert read("Hai nhà lãnh đạo có cuộc gặp riêng 15 phút.") == [("duration", 15, "phút", False, "15 phút")]


@pytest.mark.parametrize("text,expected", [
    # a label word before a measure does not make it a label: sums, multiplied figures, known counted nouns
    ("Con số 12 tỷ USD được công bố.", [("money", 12e9, "USD", False, "12 tỷ USD")]),
    ("Trong số 40 đối tác thương mại của Mỹ, Việt Nam tăng nhanh nhất.",
     [("count", 40, "đối tác thương mại", False, "40 đối tác thương mại")]),
    ("Hạm đội 7 của Mỹ có mặt; Nghị định 24 quy định.", []),
    ("Họ lọt Top 20 doanh nghiệp lớn nhất.", []),  # a rank, whatever follows
    # a range whose unit is written twice
    ("Thuế từ 1,25 USD đến 3,5 USD một kg.", [("money", (1.25, 3.5), "USD", False, "từ 1,25 USD đến 3,5 USD")]),
    ("Ông ở đó từ năm 2005 đến 2009.", [("year", (2005, 2009), "năm", False, "năm 2005 đến 2009")]),
    # an acronym or a classifier alone is the counted noun
    ("Đoàn có gần 60 DN và 4 UAV được trưng bày.", [("count", 60, "dn", True, "gần 60 DN"), ("count", 4, "uav", False, "4 UAV")]),
    ("Đàn bò sẽ lên 5.000 con trong năm nay.", [("count", 5000, "con", False, "5.000 con")]),
    ("Pin dung lượng 1500 mAh.", [("count", 1500, "mAh", False, "1500 mAh")]),
    # a number ending a name, an article "1", a year inside a name: no amounts
    ("Các nước TPP 11 sẽ họp; chiếc tiêm kích F -16 cất cánh.", []),
    ("Mỹ là 1 thị trường lớn.", []),
    ("Hai bên tôn trọng Công ước Luật biển 1982 và Chương trình nghị sự 2030.", []),
    ("Bà từng chấm thi Hoa hậu Thế giới 2012, 2014 và 2016.", []),
    # "đồng" in a word of its own sort is no currency under 100
    ("Anh cứu 40 đồng đội.", [("count", 40, "đồng đội", False, "40 đồng đội")]),
    ("Giá tăng 300 đồng/lít.", [("money", 300, "VND", False, "300 đồng")]),
    ("Lương 5 triệu mỗi tháng.", []),
])
def test_measures_after_labels_ranges_acronyms_and_names(text: str, expected: list[tuple]) -> None:
    assert read(text) == expected


def test_a_sum_without_currency_takes_its_sentences_one_currency() -> None:
    assert read("Nhập khẩu đạt 12 tỷ, xuất khẩu đạt 30 tỷ USD.") == [
        ("money", 12e9, "USD", False, "12 tỷ"), ("money", 30e9, "USD", False, "30 tỷ USD")]
    assert read("Hãng bán 120 triệu chiếc, so với 90 triệu của đối thủ.") == [
        ("count", 120e6, "chiếc", False, "120 triệu chiếc")]


def test_months_halves_dozens_and_the_two_sides() -> None:
    assert read("Hồi tháng Mười năm ngoái, Tháng Năm 2016, ông đến đây.") == []  # month names
    assert read("Sau 9 tháng năm 2017, xuất khẩu tăng.")[-1] == ("year", 2017, "năm", False, "năm 2017")
    assert read("Họ đã chờ 2 năm rưỡi.") == [("duration", 2.5, "năm", False, "2 năm rưỡi")]
    assert read("Có hơn một tá thoả thuận được ký.") == [("count", 12, "thoả thuận", True, "hơn một tá thoả thuận")]
    assert read("Cô gái mười tám đôi mươi; cơ hội mười mươi.") == []  # "mười" alone reads no count
    assert read("Cuộc gặp giữa 2 nhà lãnh đạo; quan hệ giữa 2 nước.") == []
    assert read("Tour du lịch 0 đồng.") == [("money", 0, "VND", False, "0 đồng")]


@pytest.mark.parametrize("text,expected", [
    # a verb, adverb or conjunction after a number is no counted noun: a label, a score, a year
    ("Chiếc Nokia 3310 mới đang được bán.", []),
    ("Người từ 60 trở lên được miễn phí.", []),
    ("Sau đó cả 3 cùng vướng lao lý.", []),
    ("Đội thắng 3-2 nhờ bàn thắng phút cuối.", []),
    # the counted noun still ends where a function word starts
    ("Ông ôm con lên nóc nhà 3 tầng rồi đứng đó.", [("count", 3, "tầng", False, "3 tầng")]),
    ("Dự án tạo ra gần 64.000 việc làm cho lao động nữ.", [("count", 64000, "việc làm", True, "gần 64.000 việc làm")]),
    # currencies of other countries and đồng written "đ"
    ("Giá bán là 859.000 won (tương đương 757 USD).",
     [("money", 859000, "KRW", False, "859.000 won"), ("money", 757, "USD", False, "757 USD")]),
    ("Con đường trị giá 30.000 bảng Anh được mở.", [("money", 30000, "GBP", False, "30.000 bảng Anh")]),
    ("Thu nhập tối thiểu 9.691 rúp một tháng.", [("money", 9691, "RUB", True, "tối thiểu 9.691 rúp")]),
    ("Giá vàng tăng 10.000 đ / lượng.", [("money", 10000, "VND", False, "10.000 đ")]),
    # a multiplier word that begins another word multiplies nothing
    ("Bệnh nhân có 4 triệu chứng khi thức dậy.", [("count", 4, "triệu chứng", False, "4 triệu chứng")]),
    ("Hai nước cần 2 triệu liều vắc xin.", [("count", 2e6, "liều vắc xin", False, "2 triệu liều vắc xin")]),
])
def test_function_words_currencies_and_compounds(text: str, expected: list[tuple]) -> None:
    assert read(text) == expected


def test_a_counted_noun_never_stands_on_the_next_line() -> None:
    assert read("Hotline: 0903233005\nDự án mới mở bán.") == []
    assert read("Ông dùng chiếc iPhone 8\nBộ mã nguồn đã lộ.") == []
    assert read("Số phòng: 30\ndoanh nghiệp đã đăng ký.") == []
    assert read("Có 30 doanh nghiệp đã đăng ký.") == [("count", 30, "doanh nghiệp", False, "30 doanh nghiệp")]


def test_a_sum_without_currency_in_its_sentence_takes_the_currency_the_article_writes_it_with() -> None:
    # a headline's figure is the body's, written with its currency
    assert read("Lãi 3.800 tỷ\nNgân hàng lãi 3.800 tỷ đồng sau sáu tháng.")[:2] == [
        ("money", 3.8e12, "VND", False, "3.800 tỷ"), ("money", 3.8e12, "VND", False, "3.800 tỷ đồng")]
    # another figure with no currency is no sum: visitors, not đồng
    assert read("Khách đạt con số 4 triệu. Doanh thu 5 tỷ đồng.") == [("money", 5e9, "VND", False, "5 tỷ đồng")]


@pytest.mark.parametrize("text,expected", [
    # a word that ends in a label word but introduces a figure
    ("Hệ thống theo dõi cùng lúc 800 mục tiêu.", [("count", 800, "mục tiêu", False, "800 mục tiêu")]),
    ("Trong tổng số 90 hồ sơ, 5 hồ sơ bị loại.",
     [("count", 90, "hồ sơ", False, "90 hồ sơ"), ("count", 5, "hồ sơ", False, "5 hồ sơ")]),
    ("Anh sống ở số 10 phố Huế.", []),  # the label word alone still labels
    # a number word with a multiplier counts any noun; the number words of one number are no count
    ("Chương trình trồng một tỷ cây xanh.", [("count", 1e9, "cây xanh", False, "một tỷ cây xanh")]),
    ("Có một trăm bốn mươi người.", []),
    ("Họ đi vài ba trăm mét.", [("count", 300, "mét", False, "ba trăm mét")]),
])
def test_figure_words_and_multiplied_word_numbers(text: str, expected: list[tuple]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize("text,unit", [
    ("Người tuổi Hợi đứng đầu 12 con giáp.", "con giáp"),  # the classifier begins the word
    ("Đàn có 75 con bò sữa.", "bò sữa"),  # a classifier of its own is skipped
])
def test_a_classifier_that_begins_a_longer_word_is_the_counted_noun(text: str, unit: str) -> None:
    from hoptac.extract.amounts import extract_amounts
    from hoptac.extract.nlp import annotate
    from hoptac.model import Article
    from hoptac.settings import DEFAULT

    # the cleaned text is NFC (clean/decode.py): the words are read there
    article = annotate(Article(text=text), DEFAULT)
    [amount] = extract_amounts(article, DEFAULT).amounts
    assert amount.unit == unit
