"""URLs and feeds over a local HTTP server: pages, 404, timeouts, non-HTML types, size limits."""

from __future__ import annotations

import time

from ingest_server import ATOM, Handler

import hoptac
from hoptac.clean import clean
from hoptac.clean.decode import to_article
from hoptac.errors import SourceError
from hoptac.ingest import RawDocument, read_sources
from hoptac.settings import DEFAULT

SETTINGS = DEFAULT.with_(timeout=0.4, max_bytes=2_000_000, user_agent="hoptac-test/1.0")


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_page_is_fetched_with_the_user_agent_and_cleaned(server):
    doc = only(read_sources([f"{server}/tin/dioxin.html"], SETTINGS))
    assert isinstance(doc, RawDocument) and doc.kind == "html"
    assert doc.url == f"{server}/tin/dioxin.html" and doc.charset == "utf-8"
    assert (("/tin/dioxin.html", "hoptac-test/1.0")) in Handler.hits
    art = clean(to_article(doc), SETTINGS)
    assert art.title == "Hoa Kỳ hỗ trợ Việt Nam tẩy độc dioxin tại sân bay Biên Hòa"
    assert art.published == "2024-04-12"  # the page's metadata, not its clock of 13/04
    assert "500.000 mét khối" in art.text and "300 triệu USD" in art.text
    for gone in ("Trang chủ", "Giá xăng", "Đội tuyển", "Bản quyền", "Tin liên quan", "Hải Đăng"):
        assert gone not in art.text, gone


def test_analyze_takes_a_url(server):
    art = hoptac.analyze(f"{server}/tin/dioxin.html", SETTINGS)
    assert art.url == f"{server}/tin/dioxin.html"
    assert "dioxin" in art.text


def test_404_is_a_source_error(server):
    err = only(read_sources([f"{server}/khong-co"], SETTINGS))
    assert isinstance(err, SourceError) and err.reason == "HTTP 404 Not Found"


def test_slow_endpoint_times_out(server):
    err = only(read_sources([f"{server}/slow"], SETTINGS))
    assert isinstance(err, SourceError) and "timed out after 0.4 s" in err.reason


def test_a_trickling_server_hits_the_overall_deadline(server):
    started = time.monotonic()
    err = only(read_sources([f"{server}/trickle"], SETTINGS))
    assert isinstance(err, SourceError) and "no whole answer within 0.4 s" in err.reason
    assert time.monotonic() - started < 4  # abandoned, not read to its end (5 s)


def test_non_html_content_type_is_refused(server):
    err = only(read_sources([f"{server}/image.png"], SETTINGS))
    assert isinstance(err, SourceError) and "image/png" in err.reason


def test_body_over_the_size_limit_is_refused(server):
    err = only(read_sources([f"{server}/huge"], SETTINGS.with_(max_bytes=1000)))
    assert isinstance(err, SourceError) and "too large" in err.reason


def test_unreachable_host_is_a_source_error():
    err = only(read_sources(["http://127.0.0.1:9/"], SETTINGS))
    assert isinstance(err, SourceError) and err.source == "http://127.0.0.1:9/"


def test_non_http_scheme_is_refused():
    err = only(read_sources(["ftp://example.test/a.html"], SETTINGS))
    assert isinstance(err, SourceError) and "http" in err.reason


def test_rss_feed_entries_are_fetched_and_failures_reported(server):
    docs = list(read_sources([], SETTINGS, feeds=[f"{server}/rss.xml"]))
    assert len(docs) == 2
    page, missing = docs
    assert isinstance(page, RawDocument) and page.meta["title_hint"] == "Hoa Kỳ hỗ trợ Việt Nam tẩy độc dioxin"
    assert page.meta["published_hint"] == "2024-04-12"
    assert isinstance(missing, SourceError) and missing.reason == "HTTP 404 Not Found"


def test_atom_feed_from_a_file(server, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(ATOM.format(base=server), encoding="utf-8")
    (doc,) = list(read_sources([], SETTINGS, feeds=[str(feed)]))
    assert isinstance(doc, RawDocument) and doc.url.endswith("/tin/dioxin.html")


def test_a_page_that_is_not_a_feed(server):
    err = only(read_sources([], SETTINGS, feeds=[f"{server}/not-a-feed"]))
    assert isinstance(err, SourceError) and "feed" in err.reason


def test_the_batch_goes_on_after_failures(server):
    out = list(read_sources([f"{server}/khong-co", f"{server}/slow", f"{server}/tin/dioxin.html"], SETTINGS))
    assert [type(x).__name__ for x in out] == ["SourceError", "SourceError", "RawDocument"]
