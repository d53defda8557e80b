"""The day of an event told beside a span of days, or told ``Cùng ngày`` after a day written elsewhere."""

from __future__ import annotations

import unicodedata

import pytest

from hoptac import analyze
from hoptac.extract.entities import extract_entities
from hoptac.extract.events import extract_events
from hoptac.extract.nlp import annotate
from hoptac.model import Article
from hoptac.settings import DEFAULT


def run(text: str, published: str | None = None) -> Article:
    art = Article(text=text, published=published)
    annotate(art, DEFAULT)
    extract_entities(art, DEFAULT)
    return extract_events(art, DEFAULT)


SPAN = ("Trong khuôn khổ chuyến thăm chính thức Mỹ từ 12 - 15.3.2031, chiều 14.3 theo giờ địa phương, Tổng thống Mỹ "
        "Robert Hanley đã đón tiếp và hội đàm với Thủ tướng Nguyễn Văn Khải tại Nhà Trắng.")


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_meeting_takes_its_own_day_not_the_first_day_of_the_visit(form):
    events = analyze("Thủ tướng thăm Mỹ\n\n" + unicodedata.normalize(form, SPAN)).events  # the whole pipeline
    talks = [e for e in events if e.type in ("meeting", "reception")]
    assert talks and all(e.date == "2031-03-14" for e in talks), [(e.type, e.date) for e in events]


def test_a_visit_keeps_the_first_day_of_its_span():
    text = "Thủ tướng Nguyễn Văn Khải thăm chính thức Hoa Kỳ từ 12 - 15/3/2031 theo lời mời của Tổng thống Robert Hanley."
    visits = [e for e in run(text).events if e.type == "visit"]
    assert visits and visits[0].date == "2031-03-12"


SAME_DAY = ("Sáng 20/5, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thư ký Liên Hợp Quốc Maria Delgado. "
            "Thủ tướng cũng trao đổi với Chủ tịch Quỹ Tiền tệ Paul Brennan về hợp tác tài chính. "
            "Cùng ngày, Thủ tướng Nguyễn Văn Khải đã có cuộc gặp với Giám đốc điều hành Thomas Wexler "
            "của tập đoàn Harlow Steel.")


def test_cung_ngay_takes_the_day_told_last_though_the_event_between_names_none():
    events = run(SAME_DAY).events
    wexler = [e for e in events if "Thomas Wexler" in e.participants]
    assert wexler and wexler[0].date == "--05-20", [(e.date, e.participants) for e in events]


def test_cung_ngay_skips_the_same_moment_in_another_time_zone():
    text = ("Khoảng 15h ngày 20/5 (tức 2h ngày 21/5 giờ Hà Nội), Thủ tướng Nguyễn Văn Khải đã tới trụ sở Liên Hợp Quốc. "
            "Cùng ngày, Thủ tướng Nguyễn Văn Khải đã tiếp ông Thomas Wexler, Chủ tịch tập đoàn Harlow Steel.")
    events = [e for e in run(text).events if "Thomas Wexler" in e.participants]
    assert events and events[0].date == "--05-20", [(e.date, e.participants) for e in run(text).events]


def test_an_event_with_no_day_before_it_stays_undated():
    text = ("Thủ tướng Nguyễn Văn Khải đánh giá cao quan hệ hai nước. "
            "Cùng ngày, Thủ tướng Nguyễn Văn Khải đã tiếp ông Thomas Wexler, Chủ tịch tập đoàn Harlow Steel.")
    events = [e for e in run(text).events if "Thomas Wexler" in e.participants]
    assert events and events[0].date is None


def test_a_visit_told_as_the_setting_leaves_the_day_after_its_span_to_the_meeting():
    text = ("Trong khuôn khổ chuyến thăm chính thức Hoa Kỳ từ 12 - 15/3/2031, chiều 14/3, Tổng thống Mỹ Robert "
            "Hanley đã hội đàm với Thủ tướng Nguyễn Văn Khải tại Nhà Trắng.")
    events = analyze("Thủ tướng thăm Mỹ\n\n" + text).events
    talks = [e for e in events if e.type == "meeting"]
    assert talks and talks[0].date == "2031-03-14", [(e.type, e.date) for e in events]
    assert any(e.type == "visit" and e.date == "2031-03-12" for e in events)


@pytest.mark.parametrize("opening", ["Tại hội thảo do Bộ Công Thương tổ chức ngày 14/3/2031",
                                     "Trong hội nghị xúc tiến đầu tư diễn ra ngày 14/3/2031 tại Hà Nội"])
def test_a_signing_takes_the_day_of_the_forum_its_sentence_opens_on(opening):
    text = opening + ", Tập đoàn Vingroup và Tập đoàn Boeing đã ký thỏa thuận hợp tác."
    signings = [e for e in run(text).events if e.type == "signing"]
    assert signings and signings[0].date == "2031-03-14", [(e.type, e.date) for e in run(text).events]


def test_a_forum_after_the_signing_lends_it_no_day_as_an_opening():
    text = "Tập đoàn Vingroup và Tập đoàn Boeing đã ký thỏa thuận hợp tác, trong khi hội thảo diễn ra ngày 14/3/2031."
    signings = [e for e in run(text).events if e.type == "signing"]
    assert all(e.date != "2031-03-14" for e in signings)


def test_a_meeting_listed_after_a_comma_takes_the_day_of_the_meeting_before_it():
    text = ("Ngày 14/3/2031, Thủ tướng Nguyễn Văn Khải đã hội kiến Tổng thống Robert Hanley, "
            "gặp Chủ tịch Hạ viện John Miller.")
    met = [e for e in run(text).events if "John Miller" in e.participants]
    assert met and met[0].date == "2031-03-14", [(e.type, e.date, e.participants) for e in run(text).events]


def test_a_meeting_after_a_semicolon_keeps_no_day_of_its_own():
    text = ("Ngày 14/3/2031, Thủ tướng Nguyễn Văn Khải đã hội kiến Tổng thống Robert Hanley; "
            "ông sẽ gặp Chủ tịch Hạ viện John Miller.")
    met = [e for e in run(text).events if "John Miller" in e.participants]
    assert met and met[0].date != "2031-03-14"


def test_a_meeting_told_at_a_press_briefing_takes_not_its_day():
    text = ("Tại cuộc họp báo ngày 14/3/2031, người phát ngôn cho biết Thủ tướng Nguyễn Văn Khải "
            "sẽ gặp Tổng thống Robert Hanley.")
    met = [e for e in run(text).events if "Robert Hanley" in e.participants]
    assert met and met[0].date != "2031-03-14"
