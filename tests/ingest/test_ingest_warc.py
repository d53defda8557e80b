"""Web archives written by the test with warcio: pages, skipped records, error pages, truncation."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import hoptac
from hoptac.errors import SourceError
from hoptac.ingest import RawDocument, read_sources
from hoptac.settings import DEFAULT

PAGES = [
    ("http://bao.test/tin/lng", "Việt Nam và Hoa Kỳ ký thỏa thuận mua khí hóa lỏng",
     "Ngày 5/6, hai doanh nghiệp ký thỏa thuận cung cấp 1,5 triệu tấn khí thiên nhiên hóa lỏng mỗi năm."),
    ("http://bao.test/tin/boeing", "Hãng bay Việt đặt mua máy bay Boeing",
     "Hãng hàng không quốc gia ký hợp đồng mua 50 máy bay Boeing 737 MAX trị giá khoảng 10 tỷ USD."),
]


def page(title: str, body: str) -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{body}</p><p>{body}</p></article></body></html>").encode()


def record(w: WARCWriter, uri: str, body: bytes, *, status: str = "200 OK", ctype: str = "text/html; charset=utf-8",
           rec_type: str = "response"):
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    return w.create_warc_record(uri, rec_type, payload=io.BytesIO(body), http_headers=headers)


def write_archive(path, *, gzip: bool = True) -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gzip)
    w.write_record(w.create_warcinfo_record("test.warc", {"software": "hoptac tests"}))
    w.write_record(record(w, *PAGES[0][:1], page(*PAGES[0][1:])))
    w.write_record(record(w, "http://bao.test/logo.png", b"\x89PNG\r\n\x1a\n", ctype="image/png"))
    w.write_record(record(w, "http://bao.test/cu", b"", status="301 Moved Permanently"))
    w.write_record(record(w, "http://bao.test/het", page("Không tìm thấy", "Trang không tồn tại."),
                          status="404 Not Found"))
    w.write_record(record(w, *PAGES[1][:1], page(*PAGES[1][1:])))
    data = buf.getvalue()
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("gzip", [True, False])
def test_each_html_response_is_one_document(tmp_path, gzip):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    write_archive(path, gzip=gzip)
    docs = list(read_sources([str(path)], DEFAULT))
    assert [type(d).__name__ for d in docs] == ["RawDocument", "SourceError", "RawDocument"]
    first, error, second = docs
    assert first.source == f"{path}#record-2" and first.url == PAGES[0][0] and first.kind == "html"
    assert error.source == f"{path}#record-5" and "HTTP 404" in error.reason
    assert second.url == PAGES[1][0]


def test_archive_articles_are_analyzed(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_archive(path)
    results = [r for r in hoptac.analyze_many([str(path)], DEFAULT.with_(stages=("clean",))) if r.ok]
    assert [r.article.title for r in results] == [PAGES[0][1], PAGES[1][1]]
    assert "1,5 triệu tấn" in results[0].article.text and results[0].article.url == PAGES[0][0]


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_record_is_reported_and_earlier_records_kept(tmp_path, gzip):
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    data = write_archive(path, gzip=gzip)
    path.write_bytes(data[:-40])  # the last page loses its end
    docs = list(read_sources([str(path)], DEFAULT))
    assert isinstance(docs[0], RawDocument) and docs[0].url == PAGES[0][0]
    assert isinstance(docs[-1], SourceError) and "truncated" in docs[-1].reason
    assert docs[-1].source.startswith(f"{path}#record-")
    assert not any(isinstance(d, RawDocument) and d.url == PAGES[1][0] for d in docs)


def test_a_file_that_is_not_an_archive(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("Đây không phải là một tệp WARC.\n", encoding="utf-8")
    (err,) = read_sources([str(path)], DEFAULT)
    assert isinstance(err, SourceError) and err.source.startswith(str(path))


def test_directory_with_an_archive_and_a_text(tmp_path):
    write_archive(tmp_path / "crawl.warc.gz")
    (tmp_path / "note.txt").write_text("Hợp tác giáo dục\n\nHai trường đại học ký kết hợp tác.\n", encoding="utf-8")
    docs = [d for d in read_sources([str(tmp_path)], DEFAULT) if isinstance(d, RawDocument)]
    assert len(docs) == 3
