"""Statements of an article known only to the year: dated by the occasion its lead reports, never
by an event further down or by a month (a year says nothing of how recent a month is)."""

from __future__ import annotations

from hoptac.extract.dating import date_records
from hoptac.model import Article, Event, Statement


def _article(lead_event: str | None, later_event: str | None) -> Article:
    sentences = ["Hợp tác quốc phòng", "Ông Lâm nói hai nước đã có nhiều bước tiến.",
                 "Hai bên trao đổi về biển Đông.", "Các chuyên gia đánh giá cao kết quả.",
                 "Hồi tháng 11, hai tổng thống đã hội đàm tại Hà Nội.",
                 "Ông Lâm cho rằng hợp tác sẽ còn mở rộng trong thời gian tới."]
    text = "\n".join(sentences)
    art = Article(text=text, published="2031")
    starts = [text.index(s) for s in sentences]
    if lead_event:
        art.events.append(Event("meeting", (starts[1], starts[1] + len(sentences[1])), lead_event, status="happened"))
    if later_event:
        art.events.append(Event("meeting", (starts[4], starts[4] + len(sentences[4])), later_event, status="happened"))
    last = sentences[5]
    art.statements.append(Statement("Lâm", "inform", last, (starts[5], starts[5] + len(last)), "VN", "US", [], [], []))
    return art


def test_a_later_event_does_not_date_the_statements_of_a_year_dated_article():
    st = date_records(_article(None, "2031-11-12")).statements[0]
    assert st.date == "2031"


def test_the_lead_event_dates_them():
    st = date_records(_article("2031-03-05", "2031-11-12")).statements[0]
    assert st.date == "2031-03-05" and st.date_provenance == "inferred"


def test_a_month_dated_event_does_not_date_the_words_said_at_it_when_the_article_is_known_to_the_year():
    art = _article(None, "2031-11")
    art.statements[0].evidence = art.events[0].evidence  # said at the month-dated event
    st = date_records(art).statements[0]
    assert st.date == "2031"
