"""Events: type from cue words, participants, dates, status, place, merging."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from hoptac.extract.entities import extract_entities
from hoptac.extract.events import extract_events
from hoptac.extract.nlp import annotate
from hoptac.model import Article
from hoptac.settings import DEFAULT

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

TEXT = (
    "Chiều 14/11, tại Hà Nội, Thủ tướng Lê Văn Khải đã tiếp Thứ trưởng Ngoại giao Hoa Kỳ John Whitfield.\n"
    "Thủ tướng hoan nghênh kết quả làm việc của đoàn.\n"
    "Trước đó, Thứ trưởng John Whitfield đã gặp Bộ trưởng Bộ Công Thương Trần Văn Bình, "
    "Bộ trưởng Bộ Tài chính Phạm Thị Hoa và Thống đốc Ngân hàng Nhà nước Vũ Đức Long.\n"
    "Hai bên nhất trí các chuyến thăm cấp cao sẽ tiếp tục được thúc đẩy.\n"
    "Thủ tướng Lê Văn Khải sẽ có chuyến thăm chính thức Hoa Kỳ vào tháng 12.\n"
    "Ông Whitfield không gặp khó khăn gì trong chuyến đi.\n"
)


def run(text: str = TEXT, published: str | None = "2025-11-15") -> Article:
    art = Article(text=text, published=published)
    annotate(art, DEFAULT)
    extract_entities(art, DEFAULT)
    return extract_events(art, DEFAULT)


def test_reception_with_date_place_and_participants():
    events = run().events
    rec = [e for e in events if e.type == "reception"]
    assert len(rec) == 1
    assert set(rec[0].participants) == {"Lê Văn Khải", "John Whitfield"}
    assert rec[0].date == "2025-11-14"
    assert rec[0].place == "Hà Nội"
    assert rec[0].status == "happened"


def test_listed_meetings_are_one_each():
    meetings = [e for e in run().events if e.type == "meeting"]
    pairs = {frozenset(e.participants) for e in meetings}
    assert pairs == {frozenset({"John Whitfield", x}) for x in ("Trần Văn Bình", "Phạm Thị Hoa", "Vũ Đức Long")}
    # no date of their own: the month of the reception they belong to
    assert {e.date for e in meetings} == {"2025-11"}


def test_planned_visit_and_no_event_from_generic_or_idiomatic_cues():
    events = run().events
    visits = [e for e in events if e.type == "visit"]
    assert len(visits) == 1
    assert visits[0].status == "planned"
    assert visits[0].participants == ["Lê Văn Khải"]
    assert visits[0].date == "2025-12"
    # "các chuyến thăm" is generic, "gặp khó khăn" is no meeting
    assert len(events) == 5


def test_evidence_spans_contain_the_cue():
    art = run()
    for e in art.events:
        quoted = art.text[e.evidence[0]:e.evidence[1]].lower()
        assert any(c in quoted for c in ("tiếp", "gặp", "thăm")), quoted


def test_without_published_date_the_year_stays_open():
    rec = [e for e in run(published=None).events if e.type == "reception"]
    assert rec[0].date == "--11-14"


@pytest.mark.skipif(not (SHARED / "corpus" / "vnus").is_dir(), reason="../shared/corpus/vnus is absent")
def test_events_on_real_articles_are_well_formed():
    files = sorted((SHARED / "corpus" / "vnus").glob("*.txt"))
    random.Random(11).shuffle(files)
    for path in files[:40]:
        art = run(path.read_text(encoding="utf-8"), published=None)
        names = {p.name for p in art.people} | {o.name for o in art.organizations}
        for e in art.events:
            assert e.type in {"meeting", "reception", "call", "dialogue", "visit", "signing"}
            assert e.status in {"happened", "planned"}
            assert set(e.participants) <= names, (path.name, e)
            a, b = e.evidence
            assert 0 <= a < b <= len(art.text)
