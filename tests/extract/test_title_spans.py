"""Where a person's title ends and which one is theirs: appositions closed by a comma or a speech
cue, a title before ``, ông`` and the name, a position written after a rank (self-written text)."""

from __future__ import annotations

from hoptac.extract.gazetteer import gazetteer
from hoptac.extract.people import find_people


def _titles(text: str) -> dict[str, str | None]:
    return {f.name: f.title for f in find_people(text, gazetteer())}


def test_an_apposition_runs_to_the_comma_that_closes_it() -> None:
    got = _titles("Giá dầu giảm. Peter Holm, chuyên gia phân tích tại Brentwick Data, nhận định thị trường sẽ hồi phục.")
    assert got["Peter Holm"] == "chuyên gia phân tích tại Brentwick Data"


def test_an_apposition_runs_to_a_speech_cue() -> None:
    got = _titles("Bà Nora Quill, Phó Chủ tịch cao cấp của Hiệp hội Thương mại Hoa Kỳ cho biết, doanh nghiệp cần chuẩn bị.")
    assert got["Nora Quill"] == "Phó Chủ tịch cao cấp của Hiệp hội Thương mại Hoa Kỳ"


def test_an_apposition_stops_at_a_clause_word() -> None:
    got = _titles("Ông Adam Roe, giám đốc công ty đã nói rằng giá sẽ tăng, và bà Lea Finch đồng ý.")
    assert got["Adam Roe"] == "giám đốc"  # the walk's own end: no closing comma before "đã"


def test_an_apposition_never_takes_in_another_person() -> None:
    got = _titles("Ông Adam Roe, trợ lý Thứ trưởng Lea Finch, cho biết hai bên sẽ gặp lại.")
    assert got.get("Adam Roe") != "trợ lý Thứ trưởng Lea Finch"


def test_a_title_before_a_comma_and_an_honorific_opening_a_sentence() -> None:
    got = _titles("Hội nghị kết thúc. Thứ trưởng Bộ Công Thương, ông Lê Văn Tường cho biết hai bên đã đồng ý.")
    assert got["Lê Văn Tường"] == "Thứ trưởng Bộ Công Thương"


def test_a_fronted_clause_keeps_its_title_to_itself() -> None:
    got = _titles("Sau khi gặp Thủ tướng, ông Lê Văn Tường cho biết hai bên đã đồng ý.")
    assert got["Lê Văn Tường"] is None


def test_a_position_after_the_name_wins_over_a_rank_before_it() -> None:
    got = _titles("Phát biểu tại hội thảo, phó đô đốc John Marlow, tư lệnh Hạm đội 7 Hoa Kỳ, cho biết tàu sẽ đến Đà Nẵng.")
    assert got["John Marlow"] == "tư lệnh Hạm đội 7 Hoa Kỳ"
    assert _titles("Đại tá Lê Văn Tường cho biết đơn vị đã sẵn sàng.")["Lê Văn Tường"] == "Đại tá"


def test_an_apposition_runs_over_a_bracket_that_names_its_body() -> None:
    got = _titles("Ông Lê Văn Tường, Trưởng phòng kiểm định chất lượng (Cục Đo lường Việt Nam) cho biết máy đã đạt chuẩn.")
    assert got["Lê Văn Tường"] == "Trưởng phòng kiểm định chất lượng (Cục Đo lường Việt Nam)"


def test_an_apposition_ends_before_an_acronym_in_brackets() -> None:
    got = _titles("Bà Nora Quill, chủ tịch kiêm giám đốc điều hành Hội đồng Công nghệ Bắc Ohio (NOTC) hôm 3/7 cho biết.")
    assert got["Nora Quill"] == "chủ tịch kiêm giám đốc điều hành Hội đồng Công nghệ Bắc Ohio"


def test_a_title_in_brackets_runs_over_its_commas_to_the_dash() -> None:
    got = _titles("Ông Peter Holm (Cố vấn cao cấp, Viện Nghiên cứu Kinh tế Quốc tế - IIE, Mỹ) nhận định thị trường sẽ hồi phục.")
    assert got["Peter Holm"] == "Cố vấn cao cấp, Viện Nghiên cứu Kinh tế Quốc tế"


def test_a_bracket_before_the_next_name_is_that_name_s_title() -> None:
    got = _titles("Dự lễ có Đại sứ Mỹ Peter Holm, Giám đốc phái bộ Cơ quan Phát triển Quốc tế (USAID) Adam Roe.")
    assert got["Peter Holm"] == "Đại sứ Mỹ"


def test_a_head_written_again_after_a_comma_starts_the_title() -> None:
    got = _titles("Chiều 2/3, tại Phủ Chủ tịch, Chủ tịch nước Lê Văn Khải tiếp đoàn khách.")
    assert got["Lê Văn Khải"] == "Chủ tịch nước"
    got = _titles("Chủ tịch, Tổng giám đốc Công ty Hoa Sen Trương Văn Bình cho biết giá sẽ tăng.")
    assert got["Trương Văn Bình"].startswith("Chủ tịch, Tổng giám đốc")  # two titles of one person stay


def test_a_deputy_of_any_office_keeps_its_phó() -> None:
    got = _titles("Đoàn do Đô đốc Lâm Hữu Cường, phó tổng tham mưu trưởng quân đội Hàn Lâm, dẫn đầu.")
    assert got["Lâm Hữu Cường"] == "phó tổng tham mưu trưởng quân đội Hàn Lâm"
    got = _titles("Theo ông Peter Kline, Phó Tổng Biên tập tạp chí Harbor Review, hai nước sẽ ký thỏa thuận.")
    assert got["Peter Kline"] == "Phó Tổng Biên tập tạp chí Harbor Review"


def test_a_former_deputy_keeps_the_office_that_has_its_own_head() -> None:
    got = _titles("Họ muốn đàm phán với ông Tom Weller (cựu phó tổng thống Mỹ) về thương mại.")
    assert got["Tom Weller"].startswith("cựu phó tổng thống Mỹ")


def test_a_deputy_office_chained_after_a_comma() -> None:
    got = _titles("Thượng tướng Lê Văn Sơn, Ủy viên Trung ương Đảng, Phó Tổng Tham mưu trưởng Quân đội nhân dân "
                  "Việt Nam đã tiếp đoàn.")
    assert got["Lê Văn Sơn"].endswith("Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam")


def test_a_title_takes_a_ministry_or_known_body_whole_whatever_its_case() -> None:
    got = _titles("Dự họp có Bộ trưởng Bộ Công Thương Lê Văn Tường, Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn "
                  "Trần Văn Lộc, cùng nhiều quan chức.")
    assert got["Lê Văn Tường"] == "Bộ trưởng Bộ Công Thương"
    assert got["Trần Văn Lộc"] == "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn"
    got = _titles("Lễ kỷ niệm có sự chứng kiến của Chủ tịch Đại Hội đồng Liên hợp quốc Peter Holm.")
    assert got["Peter Holm"] == "Chủ tịch Đại Hội đồng Liên hợp quốc"


def test_a_degree_before_the_name_wins_over_an_occupation_after_it() -> None:
    got = _titles("Theo giáo sư Carl Brenner, chuyên gia an ninh tại Học viện Quốc phòng Australia, hai nước sẽ hợp tác.")
    assert got["Carl Brenner"] == "giáo sư"
    got = _titles("Đồng tình với nhận định của chuyên gia CSIS, Tiến sĩ Lê Văn Hùng, nhà nghiên cứu tại Viện Nghiên cứu "
                  "Đông Nam Á, cho rằng hai nước sẽ hợp tác.")
    assert got["Lê Văn Hùng"] == "Tiến sĩ"


def test_an_occupation_beside_a_degree_still_tells_the_side() -> None:
    from hoptac.extract.people_sides import side_of

    g = gazetteer()
    found = find_people("Theo giáo sư Carl Brenner, chuyên gia an ninh tại Học viện Quốc phòng Australia, hai nước sẽ "
                        "hợp tác.", g)
    assert [side_of(f, g) for f in found if f.name == "Carl Brenner"] == ["OTHER"]


def test_a_position_after_a_degree_is_still_the_title() -> None:
    got = _titles("Tiến sĩ Lê Văn Hùng, Viện trưởng Viện Kinh tế Việt Nam, cho rằng hai nước sẽ hợp tác.")
    assert got["Lê Văn Hùng"] == "Viện trưởng Viện Kinh tế Việt Nam"


def test_a_title_before_an_honorific_in_a_list_is_the_next_person_s() -> None:
    got = _titles("Tham dự có Tổng Thư ký Liên hợp quốc Peter Holm, Chủ tịch Ngân hàng Thế giới (WB), ông Jim Roe, "
                  "và Tổng Giám đốc Quỹ Tiền tệ Quốc tế (IMF), bà Lea Finch.")
    assert got["Peter Holm"] == "Tổng Thư ký Liên hợp quốc"
    assert got["Jim Roe"] == "Chủ tịch Ngân hàng Thế giới"
    assert got["Lea Finch"] == "Tổng Giám đốc Quỹ Tiền tệ Quốc tế"


def test_dashed_appositions_in_a_list_keep_their_own_titles() -> None:
    got = _titles("Dự có ông Trần Văn Vượng - thành viên Ban bí thư, Chủ nhiệm Uỷ ban Kiểm tra trung ương, ông Phạm Văn "
                  "Chính - Trưởng ban Tổ chức Trung ương.")
    assert got["Phạm Văn Chính"] == "Trưởng ban Tổ chức Trung ương"


def test_a_title_keeps_the_words_of_its_holder_s_tenure() -> None:
    got = _titles("Tổng thống đắc cử Jean Moreau đã cùng với Tổng thống sắp mãn nhiệm Paul Dubois đặt hoa tưởng niệm.")
    assert got["Paul Dubois"] == "Tổng thống sắp mãn nhiệm"
    assert got["Jean Moreau"] == "Tổng thống đắc cử"


def test_a_title_before_khi_đó_là_and_the_name() -> None:
    got = _titles("Năm 2010, Ngoại trưởng Mỹ khi đó là Mary Holt mang một quả bóng rổ tới Bình Nhưỡng.")
    assert got["Mary Holt"] == "Ngoại trưởng Mỹ"


def test_a_title_written_alone_is_the_holder_now_not_the_holder_then() -> None:
    text = ("Ngoại trưởng Mỹ Paul Grant tới Hà Nội hôm qua. Kênh đối thoại lập năm 2012, khi Ngoại trưởng Mỹ "
            "khi đó là Mary Holt cầm quyền.\nNgoại trưởng Mỹ ngày 3/6 đã hội đàm với Bộ trưởng Ngoại giao Việt Nam.")
    found = {f.name: f for f in find_people(text, gazetteer())}
    alone = text.rindex("Ngoại trưởng Mỹ")
    assert found["Mary Holt"].title == "Ngoại trưởng Mỹ"
    assert any(a == alone for a, _b in found["Paul Grant"].mentions)
    assert all(a != alone for a, _b in found["Mary Holt"].mentions)


def test_a_position_written_with_a_noun_beside_a_found_name() -> None:
    got = _titles("Tại cuộc họp, ông Nguyễn Văn Nhân, Phó chánh thanh tra Bộ Y tế, cho biết sữa đạt chuẩn.")
    assert got["Nguyễn Văn Nhân"] == "Phó chánh thanh tra Bộ Y tế"
    got = _titles("Chủ tịch Uỷ ban Đối ngoại Thượng viện Bob Corwin, thành viên Uỷ ban Ngân sách Thượng viện Sam "
                  "Whitmore và nhiều nghị sĩ đã dự.")
    assert got["Sam Whitmore"] == "thành viên Uỷ ban Ngân sách Thượng viện"


def test_a_noun_title_of_someone_else_is_not_taken() -> None:
    got = _titles("\"Chúng tôi muốn hợp tác\", một quan chức chính quyền Trump cấp cao nói trước khi ông Trump đến.")
    assert got.get("Trump") is None
    got = _titles("Sau đám cưới, Kim Hee Sun vẫn muốn đi làm\", đại diện Kim Hee Sun cho hay.")
    assert got.get("Kim Hee Sun") is None


def test_a_noun_never_makes_a_capitalized_word_a_person() -> None:
    names = {f.name for f in find_people("Hội nghị có đại diện Bộ Ngoại giao và thành viên Hội đồng Quản trị "
                                         "Vinamilk tham dự.", gazetteer())}
    assert not names & {"Vinamilk", "Bộ Ngoại giao"}


def test_an_apposition_stops_before_cũng() -> None:
    got = _titles("Ông Trần Văn Hải, Chánh thanh tra Sở Giao thông Vận tải Hà Nội cũng cho biết sẽ tăng kiểm tra.")
    assert got["Trần Văn Hải"] == "Chánh thanh tra Sở Giao thông Vận tải Hà Nội"
