"""Events told twice in one article are one occasion: a retold setting (``Tại cuộc hội đàm với X,
...``) and a headline announcing the body's event; a new counterpart or another day stays apart.
The articles are written for these tests."""

from __future__ import annotations

from hoptac.extract.entities import extract_entities
from hoptac.extract.events import extract_events
from hoptac.extract.nlp import annotate
from hoptac.model import Article
from hoptac.settings import DEFAULT


def run(text: str, published: str | None = "2025-04-05") -> Article:
    art = Article(text=text, published=published)
    annotate(art, DEFAULT)
    extract_entities(art, DEFAULT)
    return extract_events(art, DEFAULT)


RETOLD = (
    "Bộ trưởng Ngoại giao Trần Minh Đức thăm Hoa Kỳ\n"
    "Sáng 3/4, tại Washington, Bộ trưởng Ngoại giao Trần Minh Đức đã hội đàm với Ngoại trưởng Hoa Kỳ "
    "Robert Hale và Cố vấn An ninh Quốc gia Linda Moss.\n"
    "Tại cuộc hội đàm với Ngoại trưởng Robert Hale và Cố vấn Linda Moss, Bộ trưởng Trần Minh Đức khẳng định "
    "Việt Nam coi trọng quan hệ đối tác toàn diện với Hoa Kỳ.\n"
)


def test_a_retold_setting_adds_no_meeting():
    meetings = [e for e in run(RETOLD).events if e.type == "meeting"]
    assert meetings, "the meetings of the lead are kept"
    assert all(len(e.participants) == 2 for e in meetings)  # the setting joined the meetings told before
    assert {frozenset(e.participants) for e in meetings} <= {
        frozenset({"Trần Minh Đức", "Robert Hale"}), frozenset({"Trần Minh Đức", "Linda Moss"})}


def test_a_setting_naming_a_new_counterpart_is_its_own_meeting():
    text = RETOLD + (
        "Trong cuộc gặp với Bộ trưởng Thương mại Hoa Kỳ Gary Lowell, Bộ trưởng Trần Minh Đức đề nghị "
        "hai bên thúc đẩy hợp tác kinh tế.\n"
    )
    meetings = [e for e in run(text).events if e.type == "meeting"]
    assert any("Gary Lowell" in e.participants for e in meetings)


HEADLINE = (
    "Phó Chủ tịch Quốc hội Nguyễn Văn An tiếp Đoàn Ủy ban Đối ngoại Thượng viện Hoa Kỳ\n"
    "Chiều 2/4, tại Nhà Quốc hội, Phó Chủ tịch Quốc hội Nguyễn Văn An đã tiếp Đoàn Ủy ban Đối ngoại "
    "Thượng viện Hoa Kỳ do Thượng nghị sĩ Mark Dawson dẫn đầu.\n"
    "Phó Chủ tịch Quốc hội đánh giá cao vai trò của Thượng viện Hoa Kỳ trong quan hệ hai nước.\n"
)


def test_a_headline_announcing_the_body_event_is_that_event():
    receptions = [e for e in run(HEADLINE).events if e.type == "reception"]
    assert len(receptions) == 1
    assert {"Nguyễn Văn An", "Mark Dawson"} <= set(receptions[0].participants)
    assert receptions[0].date == "2025-04-02"


def test_a_headline_naming_someone_the_body_event_leaves_out_stays_apart():
    text = (
        "Thủ tướng Lê Quang Hưng tiếp Đại sứ Hoa Kỳ Thomas Greer\n"
        "Chiều 2/4, tại trụ sở Chính phủ, Thủ tướng Lê Quang Hưng đã tiếp Thống đốc bang Oregon Paula Reyes.\n"
        "Sáng 3/4, Thủ tướng Lê Quang Hưng tiếp Đại sứ Hoa Kỳ Thomas Greer, người sắp kết thúc nhiệm kỳ.\n"
    )
    receptions = [e for e in run(text).events if e.type == "reception"]
    greer = [e for e in receptions if "Thomas Greer" in e.participants]
    reyes = [e for e in receptions if "Paula Reyes" in e.participants]
    assert reyes and all("Paula Reyes" not in e.participants for e in greer)
    assert all(e.date == "2025-04-02" for e in reyes)


def test_one_written_day_is_one_occasion_whatever_the_status():
    text = (
        "Quan hệ Việt Nam - Hoa Kỳ tiếp tục phát triển\n"
        "Bộ trưởng Ngoại giao Trần Minh Đức sẽ thăm chính thức Hoa Kỳ từ ngày 19/5/2025 theo lời mời của "
        "Ngoại trưởng Robert Hale.\n"
        "Chuyến thăm của Bộ trưởng Trần Minh Đức diễn ra từ ngày 19/5/2025 đến ngày 23/5/2025.\n"
    )
    visits = [e for e in run(text, published=None).events if e.type == "visit"]
    assert len(visits) == 1
    assert visits[0].date == "2025-05-19"
