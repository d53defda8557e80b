"""The addressee a statement is read with (extract/addressees.py) is what the store keeps and lists:
the other side where the story names it, a third party (``OTHER``) where the words after the cue name
one, none where no one is addressed; never simply the side opposite the speaker. Self-written
articles through the real pipeline, on SQLite and PostgreSQL."""

from __future__ import annotations

from hoptac import analyze
from hoptac.store import Filters

MEETING = ("Hà Nội, ngày 14/3/2031 - Chiều 13/3, Bộ trưởng Công Thương Trần Văn Minh tiếp Bộ trưởng Thương mại "
           "Mỹ John Brown tại Hà Nội.\n"
           "Bộ trưởng Trần Văn Minh đề nghị phía Hoa Kỳ sớm công nhận quy chế kinh tế thị trường cho Việt Nam.\n"
           "Bộ trưởng John Brown cam kết Hoa Kỳ sẽ hỗ trợ Việt Nam đào tạo nguồn nhân lực ngành bán dẫn.\n"
           "Hai bộ trưởng cùng kêu gọi các bên liên quan giải quyết tranh chấp ở Biển Đông bằng biện pháp hòa bình.\n")
PRESS = ("Tại họp báo ở Washington, Bộ trưởng Thương mại Mỹ John Brown cho biết nền kinh tế đang tăng trưởng.\n"
         "Ông John Brown kêu gọi Việt Nam mở cửa thị trường nông sản cho hàng hóa của các bang miền Trung Tây.\n")


def _stored(store) -> dict[str, tuple[str | None, str | None]]:
    """Each stored statement's text -> (side, addressee side)."""
    return {" ".join(s["text"].split()): (s["side"], s["addressee_side"])
            for s in store.statements(Filters(limit=100))["items"]}


def test_the_store_keeps_the_addressee_read_from_the_text(store):
    arts = [analyze(MEETING), analyze(PRESS)]
    read = {" ".join(s.text.split()): (s.side, s.addressee_side) for a in arts for s in a.statements}
    store.ingest(arts)
    kept = _stored(store)
    assert kept == read  # stored as read, statement by statement

    def said(words: str) -> tuple[str | None, str | None]:
        return next(v for k, v in kept.items() if words in k)

    assert said("đề nghị phía Hoa Kỳ") == ("VN", "US")  # the other side, named
    assert said("hỗ trợ Việt Nam") == ("US", "VN")
    assert said("các bên liên quan")[1] == "OTHER"  # a third party, not the other side
    assert said("kinh tế đang tăng trưởng") == ("US", None)  # told to the press: no one addressed
    assert said("kêu gọi Việt Nam") == ("US", "VN")
