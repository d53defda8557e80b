"""POST /api/articles: too-short texts refused up front (422, one line), datelines give the date.

A posted text must hold at least :data:`hoptac.api.ingest.MIN_WORDS` words of prose outside
its title after cleaning; a real news brief of a few sentences passes. A dateline in a posted
plain text dates the article (provenance ``stated``) as it does for a ``.txt`` file.
"""

from __future__ import annotations

import pytest
from conftest import TOKEN, serving_page
from fastapi.testclient import TestClient

from hoptac.api import create_app
from hoptac.api.ingest import MIN_WORDS

BRIEF = ("Hoa Kỳ tài trợ thiết bị phòng cháy cho Đà Nẵng\n\n"
         "Ngày 12/4, Tổng Lãnh sự quán Hoa Kỳ tại TP Hồ Chí Minh đã bàn giao cho Sở Cảnh sát Phòng cháy "
         "chữa cháy Đà Nẵng hai xe chuyên dụng trị giá 400.000 USD.")

#: (dateline, where it stands, the lead, the date): leads differ, or the store would see one article twice
DATED = [("05/03/2024 10:30", "own", "Bộ Giáo dục và Đào tạo và Đại sứ quán Hoa Kỳ đã ký biên bản ghi nhớ về trao "
          "đổi sinh viên ngành kỹ thuật, mở rộng học bổng cho giảng viên trẻ trong ba năm tới.", "2024-03-05"),
         ("Ngày đăng: 17/11/2023", "own", "Cơ quan Phát triển Quốc tế Hoa Kỳ công bố dự án trị giá 20 triệu USD "
          "giúp các bệnh viện tuyến tỉnh nâng cao năng lực xét nghiệm bệnh lao.", "2023-11-17"),
         ("Thứ hai, ngày 8 tháng 7 năm 2024", "own", "Tàu tuần duyên của Mỹ cập cảng Tiên Sa, bắt đầu chuyến thăm "
          "năm ngày với các buổi giao lưu thể thao cùng cán bộ chiến sĩ hải quân.", "2024-07-08"),
         ("Hà Nội, ngày 5/3/2024 – ", "lead", "Thứ trưởng Ngoại giao tiếp Phó Trợ lý Ngoại trưởng Mỹ, hai bên trao "
          "đổi về khắc phục hậu quả chiến tranh và tẩy độc dioxin tại sân bay Biên Hòa.", "2024-03-05"),
         ("(Chinhphu.vn) - Ngày 21/10/2022: ", "lead", "Phó Thủ tướng đề nghị các doanh nghiệp bang California đầu "
          "tư mạnh hơn vào năng lượng tái tạo và chế biến nông sản xuất khẩu.", "2022-10-21"),
         ("TP Hồ Chí Minh, ngày 02-09-2019 - ", "lead", "Hội chợ du học Hoa Kỳ thu hút hàng nghìn học sinh đến tìm "
          "hiểu chương trình của hơn năm mươi trường đại học và cao đẳng cộng đồng.", "2019-09-02")]


def _dated(dateline: str, where: str, lead: str) -> str:
    title = " ".join(lead.split()[:12])
    return f"{title}\n\n{dateline}\n\n{lead}" if where == "own" else f"{title}\n\n{dateline}{lead}"


@pytest.mark.parametrize("text", ["x", "   \n\t ", "Tiêu đề\n\nMột câu.", "/tmp/secret.txt",
                                  "Việt Nam và Hoa Kỳ ký biên bản ghi nhớ về trao đổi sinh viên",
                                  "Tin ngắn\n\n12/4/2024\n\nHai bên đã ký thỏa thuận."])
def test_too_short_texts_are_refused_before_queuing(client, auth, text):
    before = sum(client.app.state.jobs.counts().values())
    r = client.post("/api/articles", json={"text": text, "source": "test:short"}, headers=auth)
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert err["code"] == "unprocessable" and "\n" not in err["message"]
    assert "too short" in err["message"] or "empty" in err["message"]
    assert sum(client.app.state.jobs.counts().values()) == before  # nothing was queued


def test_a_short_real_brief_is_stored(client, auth, settled):
    assert len(BRIEF.split("\n\n", 1)[1].split()) < 3 * MIN_WORDS  # a brief indeed, not a long article
    out = settled(client, client.post("/api/articles", json={"text": BRIEF, "source": "test:brief"}, headers=auth))
    assert out["status"] == "stored", out
    assert "xe chuyên dụng" in client.get(f"/api/articles/{out['id']}").json()["text"]


@pytest.mark.parametrize(("dateline", "where", "lead", "day"), DATED)
def test_a_dateline_dates_the_posted_text(client, auth, settled, dateline, where, lead, day):
    text = _dated(dateline, where, lead)
    out = settled(client, client.post("/api/articles", json={"text": text, "source": f"test:dated:{day}:{where}"},
                                      headers=auth))
    assert out["status"] == "stored" and out["outcome"] == "stored", out
    assert out["article"]["published"] == day
    stored = client.get(f"/api/articles/{out['id']}").json()
    assert stored["published"] == day and stored["published_provenance"] == "stated"
    if where == "lead":
        date_words = dateline.split("ngày" if "ngày" in dateline else "Ngày")[1].strip(" –-:")
        assert f"{date_words}" in stored["text"] and lead in stored["text"]  # the lead is kept whole
    else:
        assert dateline not in stored["text"]  # a dateline line is metadata, not prose


def test_a_date_without_its_year_is_not_a_dateline(client, auth, settled):
    text = _dated("(Chinhphu.vn) - Ngày 5/3, ", "lead", "Bộ trưởng Xây dựng làm việc với đoàn doanh nghiệp Mỹ về "
                  "vật liệu xây dựng xanh và quy hoạch đô thị thông minh ở các tỉnh ven biển.")
    out = settled(client, client.post("/api/articles", json={"text": text, "source": "test:undated"}, headers=auth))
    assert out["status"] == "stored", out
    stored = client.get(f"/api/articles/{out['id']}").json()
    assert stored["published_provenance"] != "stated"


PAGE = "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


@pytest.mark.parametrize("html", ["   ", "<html><body></body></html>", "<p>x</p>",
                                  "<html><body><script>var a = 'Hoa Kỳ và Việt Nam hợp tác';</script></body></html>",
                                  PAGE.format(title="Hợp tác giáo dục Việt - Mỹ", body="<p>Hai bên đã ký thỏa thuận.</p>")])
def test_empty_or_short_pages_are_refused_before_queuing(client, auth, html):
    before = sum(client.app.state.jobs.counts().values())
    r = client.post("/api/articles", json={"html": html, "source": "test:page"}, headers=auth)
    assert r.status_code == 422, r.text
    message = r.json()["error"]["message"]
    assert "\n" not in message and ("too short" in message or "empty" in message), message
    assert sum(client.app.state.jobs.counts().values()) == before  # nothing was queued


def test_a_fetched_page_too_short_fails_its_job_with_the_reason(store, auth, settled):
    stored = store.articles()["total"]
    with serving_page(PAGE.format(title="Tin ngắn", body="<p>Hai bên đã ký thỏa thuận hợp tác.</p>")) as (base, _), \
            TestClient(create_app(store=store, token=TOKEN, allow_private_urls=True),
                       raise_server_exceptions=False) as client:
        r = client.post("/api/articles", json={"url": f"{base}/tin"}, headers=auth)
        assert r.status_code == 202, r.text  # a URL is fetched by the worker, never on the request
        job = settled(client, r)
    assert job["status"] == "failed" and "too short" in job["reason"] and "\n" not in job["reason"], job
    assert store.articles()["total"] == stored
