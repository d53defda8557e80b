"""The publication year inferred from the text alone: each cue, and the asides that must not date."""

from __future__ import annotations

import unicodedata

import pytest

from hoptac.extract.pubdate import infer_published


def year(text: str) -> str | None:
    found = infer_published(text)
    return found.value if found else None


@pytest.mark.parametrize("text,expected", [
    # the current year stated
    ("Hợp tác giáo dục\nBộ trưởng cho biết năm nay (2021) hai bên sẽ mở thêm ba chương trình.", "2021"),
    ("Kỷ niệm quan hệ\nNăm 2020 là năm đặc biệt với hai nước, ông nói.", "2020"),
    # last year tied to a written year
    ("Xuất khẩu tăng\nSo với năm ngoái (2018), kim ngạch tăng 12%.", "2019"),
    # an anniversary whose base year is data
    ("Lễ kỷ niệm\nHai bên tổ chức lễ kỷ niệm 25 năm bình thường hóa quan hệ Việt Nam - Hoa Kỳ tại Hà Nội.", "2020"),
    ("Thông điệp\nQuan hệ Việt Nam - Hoa Kỳ kể từ khi thiết lập quan hệ ngoại giao 24 năm trước đây đã phát triển.", "2019"),
    # years counted from a written one
    ("Dự án\nSau 8 năm qua, kể từ khi khởi công vào tháng 3/2012, dự án đã hoàn thành.", "2020"),
    # the lunar new year
    ("Thư chúc Tết\nĐại sứ gửi lời chúc mừng năm mới Canh Tý tới người dân.", "2020"),
    # a running total of the year
    ("Thương mại\nTrong 9 tháng năm 2022, kim ngạch hai chiều đạt 90 tỷ USD.", "2022"),
    # a full date opening the lead
    ("Tuyên bố chung\nNgày 12/7/2021, tại Hà Nội, hai bên đã ký kết bản ghi nhớ.", "2021"),
])
def test_a_cue_gives_the_year(text: str, expected: str) -> None:
    assert year(text) == expected
    assert year(unicodedata.normalize("NFD", text)) == expected


def test_the_lead_day_after_a_month_told_as_past_is_next_year() -> None:
    text = ("Đường bay mới\nChiều 20-1, Bộ trưởng Trần Văn Bình tiếp đoàn doanh nghiệp Mỹ.\n"
            "Cuộc kiểm tra đã được thực hiện vào cuối năm 2022 và kết quả rất tốt.")
    found = infer_published(text)
    assert found is not None and found.value == "2023"
    assert "chiều 20-1" in found.basis
    assert found.window == ("2023-01-01", "2023-12-31")


def test_the_lead_day_within_months_of_a_past_month_is_that_year() -> None:
    text = ("Đối thoại\nNgày 25/3, hai bên tổ chức đối thoại lần thứ 5 tại Washington.\n"
            "Hai nước đã ký thỏa thuận hồi đầu tháng 2/2022.")
    assert year(text) == "2022"


def test_an_aside_of_the_same_month_a_year_before_does_not_date() -> None:
    # "hồi tháng 5/2016" beside a lead of 29/5: a year-old visit, not this month's news
    text = ("Chuyến thăm\nChiều 29/5, Thủ tướng lên đường thăm Hoa Kỳ.\n"
            "Chuyến thăm của Tổng thống hồi tháng 5/2016 là dấu mốc quan trọng.")
    assert year(text) is None


def test_plans_do_not_date_the_article() -> None:
    text = ("Kế hoạch\nNgày 7/6, hai bên thảo luận dự án điện mặt trời.\n"
            "Nhà máy sẽ hoàn thành vào tháng 8/2024.")
    assert year(text) is None


def test_old_years_alone_leave_the_article_undated() -> None:
    text = ("Thương mại\nKim ngạch thương mại đạt 50 tỷ USD năm 2016, tăng mạnh so với năm 2015.\n"
            "Hai bên nhất trí tăng cường hợp tác.")
    assert year(text) is None


def test_a_head_of_state_named_in_the_lead_vetoes_a_year_outside_his_terms() -> None:
    # Barack Obama's terms end in 2017: a text saying 2019 is the current year contradicts itself
    text = "Hợp tác\nTổng thống Barack Obama phát biểu tại Hà Nội. Ông cho biết năm nay (2019) là năm quan trọng."
    assert year(text) is None
    assert year(text.replace("2019", "2016")) == "2016"


def test_an_event_named_with_its_year_in_the_lead() -> None:
    text = ("Hội nghị Đối tác Mekong 2021 khai mạc\nHội nghị Đối tác Mekong 2021 khai mạc tại TP.HCM với 300 đại biểu.\n"
            "Hội nghị lần đầu tổ chức năm 2015.")
    assert year(text) == "2021"


def test_nothing_to_go_on() -> None:
    assert year("Hai bên nhất trí tăng cường hợp tác trong nhiều lĩnh vực.") is None


def test_a_gathering_named_with_its_year_dates_the_article() -> None:
    text = ("Doanh nghiệp hai nước gặp gỡ\nSáng 12-4, hơn 200 doanh nghiệp dự hội chợ.\n"
            "Phát biểu tại Diễn đàn Doanh nghiệp Việt - Mỹ 2023 tổ chức ở Hà Nội, ông cho biết hợp tác còn nhiều dư địa.\n"
            "Năm 2015, hai bên đã ký thỏa thuận đầu tiên.")
    assert year(text) == "2023"


def test_a_period_starting_this_month_anchors_the_lead_and_one_of_years_ago_does_not() -> None:
    recent = ("Chống biến đổi khí hậu\nTối 23/4, Chủ tịch nước phát biểu trực tuyến.\n"
              "Từ đầu tháng 4/2021, Việt Nam đã triển khai chương trình trồng cây.")
    assert year(recent) == "2021"
    old = ("Dự án hoàn thành\nSáng 7-11, hai bên tổ chức lễ hoàn thành dự án.\n"
           "Dự án được thực hiện bắt đầu từ tháng 8-2012 và kéo dài nhiều năm.")
    assert year(old) is None


def test_ranges_are_periods_not_the_current_year() -> None:
    text = ("Kế hoạch hợp tác\nChiều 5-3, hai bên thảo luận triển vọng thương mại 2018-2030.\n"
            "Hai bên thống nhất nhiều nội dung.")
    assert year(text) is None


def test_terms_of_office_bound_the_date_and_place_the_lead_day() -> None:
    from hoptac.extract.pubdate import office_window

    both = "Hội đàm\nChiều 12/4, Tổng thống Donald Trump tiếp Thủ tướng Nguyễn Xuân Phúc tại Nhà Trắng."
    assert office_window(both)[:2] == ("2017-01-20", "2021-01-20")
    assert year(both) is None  # 12 April falls in four years of that stretch
    # Donald Trump alone held two terms: no one stretch
    assert office_window("Tin\nTổng thống Donald Trump phát biểu tại Washington.") is None
    # a president-elect's weeks hold the lead's day once (Joe Biden was elect once)
    elect = "Điện đàm\nNgày 2/12, Tổng thống đắc cử Joe Biden điện đàm với lãnh đạo nhiều nước."
    assert office_window(elect)[:2] == ("2020-11-07", "2021-01-20")
    assert year(elect) == "2020"
    assert year(elect.replace("Joe Biden", "Donald Trump")) is None  # elect twice: 2016 or 2024
    # a former president keeps no term: "cựu Tổng thống" bounds nothing
    assert office_window("Tin\nCựu Tổng thống Barack Obama phát biểu tại Hà Nội.") is None


def test_birth_years_and_model_years_are_no_current_year() -> None:
    assert year("Tai nạn giao thông\nÔng Nguyễn Văn An (SN 1989) điều khiển xe Mercedes gặp nạn.") is None
    assert year("Tin vắn\nBà Lê Thị Hoa, sinh năm 1975, trú tại Hà Nội, được khen thưởng.") is None
    assert year("Xe độ\nChiếc Yamaha 125ZR 2016 được chủ xe nâng cấp.\nGiá chiếc Yamaha 125ZR 2016 hơn 300 triệu.") is None


def test_a_year_looked_back_on_is_not_the_current_one() -> None:
    text = ("Nghị quyết mới\nNghị quyết 19/2020 tiếp tục cải thiện môi trường kinh doanh.\n"
            "Năm 2019 là năm thành công của cải cách thủ tục.")
    assert year(text) is None
    assert year("Kinh tế\nNăm 2019 là năm thành công của cải cách thủ tục.") == "2019"
    # a lunar year naming an edition or a birth is no new year's greeting
    assert year("Xe sang\nChiếc xe phiên bản năm Nhâm Thìn được rao bán.") is None


@pytest.mark.parametrize("text,expected", [
    # the N-th edition of a yearly gathering, told as happening
    ("Thủ tướng tới Lima\nSáng 18/11, Thủ tướng dự phiên họp Hội nghị cấp cao APEC lần thứ 24 tại Peru.", "2016"),
    ("Phát biểu tại Liên Hợp Quốc\nBộ trưởng phát biểu tại phiên thảo luận chung Đại hội đồng Liên Hợp Quốc khóa 75.", "2020"),
    # terms of office below, a plan above: one year left
    ("Chuẩn bị chuyến thăm\nTổng thống Donald Trump đã nhận thư mời. Ông sẽ tới Hà Nội vào tháng 11/2017 để dự hội nghị.",
     "2017"),
    ("Hội nghị khí hậu\nTổng thống Joe Biden mở hội nghị trực tuyến. Các nước sẽ họp lại vào tháng 6/2021.", "2021"),
    # years counted after a written year, or since what started then (next sentence)
    ("Trở lại chiến trường xưa\nNăm 1972, ông là phi công lái máy bay trinh sát. 45 năm sau, ông trở lại Quảng Trị "
     "gặp những người từng bắn hạ máy bay của mình.", "2017"),
    ("Hoàn thành dự án\nSáng 3-5, dự án nước sạch kéo dài 5 năm qua đã hoàn thành. Dự án do Nhật Bản tài trợ, "
     "bắt đầu từ tháng 4-2014 tại ba tỉnh miền núi.", "2019"),
    # a gathering named with "năm" before its year; a goal further on ("vào năm 2030") is no later story
    ("Diễn đàn kinh tế\nPhát biểu tại Diễn đàn Doanh nghiệp Mê Kông năm 2019 diễn ra tại Cần Thơ, bộ trưởng cho rằng "
     "vùng cần đạt 30% năng lượng tái tạo vào năm 2030.", "2019"),
    # the host of a yearly gathering named with its year
    ("Họp báo\nThứ trưởng cho biết với tư cách nước chủ nhà SEA Games 2021, Việt Nam đã đón hàng nghìn vận động viên.", "2021"),
    # a term ending now
    ("Chào từ biệt\nSáng 3-9, Đại sứ đến chào từ biệt Bộ trưởng nhân kết thúc nhiệm kỳ công tác (2020-2023).", "2023"),
    # a month of last year named in words, and the same month written with its year
    ("Hợp tác hàng hải\nTàu tuần tra được bàn giao hồi tháng 4/2021 tại Hải Phòng. Theo ông Lâm, việc bàn giao "
     "tháng 4 năm ngoái mở ra giai đoạn mới.", "2022"),
    # an acronym the lead names, with its year further on
    ("Hội nghị bộ trưởng\nCác bộ trưởng ASEAN họp tại Viêng Chăn chiều 5-8. Lào là chủ tịch luân phiên, "
     "ông nói về vai trò của Lào tại ASEAN 2024.", "2024"),
])
def test_editions_and_bounds_give_the_year(text: str, expected: str) -> None:
    assert year(text) == expected


@pytest.mark.parametrize("text", [
    # an edition told as past only bounds the year from below
    ("Nhìn lại\nHai nước hợp tác hiệu quả. Năm ngoái, các nhà lãnh đạo đã gặp nhau tại "
     "Hội nghị cấp cao APEC lần thứ 24 ở Peru."),
    # a plan already carried out ("đã đạt ... năm 2016") is no bound
    ("Thương mại\nThủ tướng Nguyễn Xuân Phúc dự hội nghị. Hiệp định dự kiến chiếm 40% thương mại và đã đạt "
     "thỏa thuận cuối cùng vào năm 2016."),
    # the start of a planned period ("giai đoạn 2016 - 2020") is no bound
    ("Hội đàm\nChủ tịch nước Trần Đại Quang hội đàm. Hai bên sẽ triển khai kế hoạch giai đoạn 2016 - 2020."),
    # "N năm sau khi ...": after another event, not after the year written before
    ("Lịch sử\nNăm 1973, hiệp định được ký. Hơn 20 năm sau khi những người lính cuối cùng rời đi, hai nước "
     "bình thường hóa quan hệ."),
    # the qualifiers of a tournament named with its year are played the years before
    ("Bóng đá\nĐội tuyển bước vào vòng loại Asian Cup 2027 với nhiều gương mặt mới. Các trận đấu ở vòng loại "
     "Asian Cup 2027 diễn ra trên sân nhà."),
    # a month of last year beside two years written with that month: which one is last year is unknown
    ("Nhìn lại\nTháng 4/2015 và tháng 4/2021 là hai mốc quan trọng. Tháng 4 năm ngoái, hai bên lại gặp nhau."),
    # a year after a common word the lead also has ("Việt Nam 2012") names no event of the lead
    ("Hoa hậu\nNgười đẹp Việt Nam chia sẻ về cuộc sống. Cô sống ở Hà Nội. Cô thích đọc sách. "
     "Cô là Hoa hậu Việt Nam 2012 và nay làm người mẫu."),
    # a year told both as past and as planned: a story looking back on its plans
    ("Hồi ức\nTổng thống Donald Trump thăm Việt Nam. Năm 2017 đã là một năm bận rộn; kế hoạch để ông dự APEC 2017 "
     "được chuẩn bị từ sớm."),
])
def test_no_year_from_asides_or_old_plans(text: str) -> None:
    assert year(text) is None


def test_a_fronted_year_whose_clause_narrates_is_no_plan() -> None:
    """'Năm 2013, sau khi chuẩn bị xong, ... đã ...' is past: it does not contradict a later year found."""
    text = ("Đường bay thẳng\nChiều 15/2, cơ quan hàng không nhận chứng chỉ an toàn. Năm 2013, sau khi chuẩn bị xong, "
            "đoàn chuyên gia đã đánh giá lần đầu. Cuối tháng 11/2022, đoàn đánh giá lại và công nhận kết quả.")
    assert year(text) == "2023"


def test_a_head_who_took_office_early_this_year() -> None:
    """The one term begun early in a year that fits the heads the lead names; two fitting terms tell nothing."""
    lead = "Chuyến thăm\nThủ tướng Nguyễn Xuân Phúc sẽ tới Washington cuối tháng này. "
    aside = "Đây là chuyến thăm đầu tiên của lãnh đạo châu Á kể từ khi ông Trump nhậm chức hồi đầu năm."
    assert year(lead + aside) == "2017"
    assert year("Chuyến thăm\nMột lãnh đạo châu Á sẽ tới Washington cuối tháng này. " + aside) is None


def test_a_plan_weeks_after_the_lead_day_is_of_its_year() -> None:
    """The lead's day a few weeks before a month told as planned (or "trước khi ...") is in that month's year;
    a plan counted from this year, or works that finish when they finish, say nothing."""
    assert year("Học bổng\nHôm nay 6/6, trường nhận khoản tài trợ. Trường sẽ mở cửa đón sinh viên vào tháng 9/2022.") \
        == "2022"
    assert year("Chia tay\nHôm 20/5, hai bên gặp nhau trước khi ông kết thúc nhiệm kỳ vào cuối tháng 6/2019.") == "2019"
    assert year("Điện mặt trời\nNgày 7/6, hai bên bàn dự án. Nhà máy sẽ khởi công trong quý 3 năm nay và "
                "bắt đầu phát điện tháng 7/2024.") is None
    assert year("Điện mặt trời\nNgày 7/6, hai bên bàn dự án. Nhà máy sẽ hoàn thành vào tháng 8/2024.") is None


def test_an_event_looked_back_on_or_a_head_called_former_does_not_date() -> None:
    """An event named with its year in a sentence reviewing a stretch of time may be a year old; the lead's day
    must fall within the terms of the heads the lead names; a year before a former head's term ended is out."""
    review = ("Hai bên đánh giá cao tiến triển của quan hệ trong thời gian qua, trong đó lãnh đạo hai nước đã có nhiều "
              "cuộc gặp, đặc biệt tại Hội nghị Cấp cao APEC 2019.")
    assert year("Tiếp cựu quan chức\nChiều 10-1, Bộ trưởng tiếp đoàn. " + review) is None
    assert year("Hội nghị\nChiều 10-1, Bộ trưởng tiếp đoàn. Hai bên bàn về Hội nghị Cấp cao APEC 2019.") == "2019"
    trump = ("Tiếp Ngoại trưởng\nChiều 10-1, Phó Thủ tướng tiếp ông Kerry. Tổng thống Donald Trump dự "
             "Hội nghị Cấp cao APEC 2017 tại Đà Nẵng.")
    assert year(trump) is None  # 10 January 2017 is before his term
    former = ("Đại sứ mới\nHôm nay 6/11, tân Đại sứ gửi lời chào. Vào tháng 6/2015, dưới chính quyền của cựu "
              "Tổng thống Barack Obama, ông được bổ nhiệm vào vị trí mới.")
    assert year(former) is None


def test_titles_laws_and_models_named_with_a_year_are_no_event() -> None:
    assert year("Á hậu\nÁ hậu Việt Nam 2012 chia sẻ về nghề báo.") is None
    assert year("Tài sản\nTheo Điều 197 Bộ luật Dân sự 2015, tài sản thuộc sở hữu toàn dân.") is None
    assert year("Xe cũ\nHyundai i10 đời 2011 là mẫu xe nhỏ nên mua.") is None
    assert year("Thi hoa hậu\nBan tổ chức cuộc thi Hoa hậu Biển 2019 bị phạt vì sai phạm.") == "2019"


def test_a_running_total_planned_or_bounded_is_no_current_year() -> None:
    assert year("Nhà ga\nDự kiến, đoàn tàu sẽ khai trương vào quý II/2024.") is None
    assert year("Dầu mỏ\nCác nước đồng ý gia hạn thỏa thuận cắt giảm sản lượng đến hết tháng 3/2024.") is None
    assert year("Xuất khẩu\nTính đến hết tháng 10/2023, xuất khẩu tăng 23% so với cùng kỳ.") == "2023"


def test_a_month_of_this_year_and_the_start_of_a_period_are_no_count_of_years() -> None:
    """"tháng 3 năm nay" is March this year, not "3 năm nay" counted from a year; a lead's full date whose
    year a period runs on from ("Kể từ khi ... năm 1995") is history; a year the lead writes bounds its day."""
    assert year("Tàu sân bay\nĐầu tháng 3 năm nay, tàu sân bay đến thăm Đà Nẵng, lần đầu tiên kể từ năm 1975.") \
        != "1978"
    assert year("Quan hệ hai nước\nKể từ khi bình thường hóa quan hệ vào năm 1995, hợp tác phát triển mạnh. "
                "Ngày 11/7/1995, lãnh đạo hai nước thông báo bình thường hóa quan hệ.") is None
    assert year("Quảng bá địa phương\nNgày 10/7, đoàn dự chương trình Quảng bá Địa phương USA-2022 tại Washington. "
                "Chương trình nhân dịp kỷ niệm ngày bình thường hóa quan hệ (11/7/1995).") != "1995"
