"""Welcome ceremonies, port calls, counted counterparts and captions of another kind of occasion.

Self-written sentences (no corpus text): a ``lễ đón`` for a visitor is a reception, one for the new
year is none; a welcome of a ship's crew is the ship's port call (a visit); ``điện đàm với 4 nghị sĩ``
is a call of its own, not the call with the leader named before; a photo caption showing a meeting on
the day of a visit shows an occasion the body does not tell.
"""

from __future__ import annotations

from hoptac.extract.entities import extract_entities
from hoptac.extract.events import extract_events
from hoptac.extract.nlp import annotate
from hoptac.model import Article
from hoptac.settings import DEFAULT


def run(text: str, published: str | None = "2025-03-15", captions: list[str] | None = None) -> Article:
    body = text
    spans = []
    for c in captions or []:
        spans.append((len(text), len(text) + len(c)))
        text += c
    art = Article(text=text, published=published)
    art.captions = spans
    annotate(art, DEFAULT)
    extract_entities(art, DEFAULT)
    art = extract_events(art, DEFAULT)
    assert len(body) <= len(art.text)
    return art


def test_a_welcome_ceremony_for_a_visitor_is_a_reception_with_host_and_guest():
    art = run("Chiều 14/3, Bộ trưởng Quốc phòng Lương Văn Hùng chủ trì lễ đón chính thức Bộ trưởng Quốc phòng "
              "Hoa Kỳ Peter Harlan tại Hà Nội.\n")
    (ev,) = art.events
    assert ev.type == "reception" and ev.date == "2025-03-14"
    assert {"Lương Văn Hùng", "Peter Harlan"} <= set(ev.participants)


def test_a_new_year_welcome_is_no_event():
    art = run("Tối 28/1, Bộ trưởng Lương Văn Hùng dự lễ đón năm mới cùng cán bộ của Bộ tại Hà Nội.\n")
    assert art.events == []


def test_welcoming_a_ship_crew_at_a_port_is_the_ship_visit():
    art = run("Chuẩn đô đốc Mark Delaney phát biểu trong buổi tiếp đón đoàn sĩ quan tàu sân bay USS Example "
              "tại cảng Tiên Sa chiều 5/3.\n")
    assert [e.type for e in art.events] == ["visit"]
    assert "Mark Delaney" in art.events[0].participants


def test_a_call_with_a_counted_unnamed_group_stays_apart_from_the_call_with_a_named_leader():
    art = run("Sáng 12/3, Thủ tướng Lê Văn Khải điện đàm với Tổng thống Hoa Kỳ Robert Keller.\n"
              "Thủ tướng Lê Văn Khải cũng điện đàm với 4 nghị sĩ của hai đảng.\n")
    calls = [e for e in art.events if e.type == "call"]
    assert len(calls) == 2
    assert {tuple(sorted(e.participants)) for e in calls} == {("Lê Văn Khải", "Robert Keller"), ("Lê Văn Khải",)}


def test_a_caption_of_a_meeting_on_the_day_of_a_visit_is_an_event_of_its_own():
    body = "Ngày 22/3, Phó Thủ tướng Trần Quốc Duy thăm chính thức Hoa Kỳ.\n"
    caption = "Phó Thủ tướng Trần Quốc Duy, trái, gặp Ngoại trưởng Hoa Kỳ Daniel Moore tại Washington ngày 22/3.\n"
    art = run(body, captions=[caption])
    assert sorted(e.type for e in art.events) == ["meeting", "visit"]
    (meeting,) = [e for e in art.events if e.type == "meeting"]
    assert {"Trần Quốc Duy", "Daniel Moore"} <= set(meeting.participants)


def test_a_stop_of_a_trip_is_a_visit_of_its_own_and_the_capital_is_the_trip():
    art = run("Ngày 30/5, Thủ tướng Lê Văn Khải bắt đầu chuyến thăm chính thức Hoa Kỳ.\n"
              "Thủ tướng Lê Văn Khải đã đến thăm Viện Nghiên cứu Chiến lược Keller và trao đổi với các học giả.\n")
    visits = [e for e in art.events if e.type == "visit"]
    assert len(visits) == 2
    art = run("Ngày 30/5, Thủ tướng Lê Văn Khải bắt đầu chuyến thăm chính thức Hoa Kỳ.\n"
              "Thủ tướng Lê Văn Khải đã đến thăm Washington và trao đổi với các học giả.\n")
    assert len([e for e in art.events if e.type == "visit"]) == 1
