"""Files and directories: kinds, recursion, and every bad input as one SourceError with a reason."""

from __future__ import annotations

import builtins
import os

import pytest

import hoptac
from hoptac.errors import SourceError
from hoptac.ingest import RawDocument, document_from_input, read_sources
from hoptac.settings import DEFAULT

TEXT = ("Hoa Kỳ trao trả 27 hiện vật chiến tranh cho Việt Nam\n\n"
        "Sáng 20/3, tại Hà Nội, Đại sứ quán Hoa Kỳ đã trao trả Bộ Quốc phòng 27 hiện vật của bộ đội Việt Nam.\n")
HTML = ("<html><head><meta charset='utf-8'><title>Hợp tác y tế Việt - Mỹ</title></head><body>"
        "<p>Bộ Y tế và Trung tâm Kiểm soát Dịch bệnh Hoa Kỳ ký kế hoạch hợp tác về an ninh y tế toàn cầu "
        "trong năm năm tới.</p></body></html>")


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    sub = tmp_path / "sub" / "deeper"
    sub.mkdir(parents=True)
    (sub / "b.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "MANIFEST.tsv").write_text("file\ttitle\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_directory_is_read_recursively_and_skips_non_articles(tree):
    docs = list(read_sources([str(tree)], DEFAULT))
    assert [os.path.relpath(d.source, tree) for d in docs] == ["a.txt", os.path.join("sub", "deeper", "b.html")]
    assert [d.kind for d in docs] == ["text", "html"]


def test_html_content_in_a_txt_file_is_html(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<!DOCTYPE html>" + HTML, encoding="utf-8")
    (doc,) = read_sources([str(path)], DEFAULT)
    assert doc.kind == "html"


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image, not text"),
])
def test_bad_files_give_a_reason_and_the_batch_goes_on(tmp_path, content, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    results = list(hoptac.analyze_many([str(bad), str(good)], DEFAULT.with_(stages=("clean",))))
    assert [r.ok for r in results] == [False, True]
    assert results[0].error == reason and results[0].source == str(bad)


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # a sparse 100 MB file
    opened = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda p, *a, **k: opened.append(str(p)) or real_open(p, *a, **k))
    (err,) = read_sources([str(big)], DEFAULT)
    assert isinstance(err, SourceError) and err.reason == "too large: 100.0 MiB, the limit is 20.0 MiB"
    assert str(big) not in opened


def test_missing_path():
    (err,) = read_sources(["/nonexistent/hoptac/article.txt"], DEFAULT)
    assert isinstance(err, SourceError) and err.reason == "no such file or directory"


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(TEXT, encoding="utf-8")
    real_open = os.open

    def deny(p, *a, **k):
        if str(p) == str(path):
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(p, *a, **k)

    monkeypatch.setattr(os, "open", deny)
    (err,) = read_sources([str(path)], DEFAULT)
    assert isinstance(err, SourceError) and err.reason == "permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    (err,) = read_sources([str(path)], DEFAULT)
    assert isinstance(err, SourceError) and err.reason == "permission denied"


def test_empty_directory(tmp_path):
    (err,) = read_sources([str(tmp_path)], DEFAULT)
    assert isinstance(err, SourceError) and "no article files" in err.reason


def test_document_from_input_accepts_path_text_html_and_bytes(tree):
    path_doc = document_from_input(str(tree / "a.txt"), DEFAULT)
    assert isinstance(path_doc, RawDocument) and path_doc.source == str(tree / "a.txt")
    text_doc = document_from_input(TEXT, DEFAULT)
    assert text_doc.kind == "text" and text_doc.source == "<text>"
    assert document_from_input(HTML, DEFAULT).kind == "html"
    assert document_from_input(HTML.encode("utf-16"), DEFAULT).kind == "html"
    missing = document_from_input("khong-co.txt", DEFAULT)
    assert isinstance(missing, SourceError) and missing.reason == "no such file or directory"


def test_analyze_plain_text_in_both_unicode_forms():
    import unicodedata

    a = hoptac.analyze(TEXT, DEFAULT.with_(stages=("clean",)))
    b = hoptac.analyze(unicodedata.normalize("NFD", TEXT), DEFAULT.with_(stages=("clean",)))
    assert a.title == b.title == "Hoa Kỳ trao trả 27 hiện vật chiến tranh cho Việt Nam"
    assert a.text == b.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_page_in_a_txt_file_is_read_as_html(tmp_path, codec):
    path = tmp_path / "page.txt"
    path.write_bytes(("<!DOCTYPE html>" + HTML).encode(codec))
    (doc,) = read_sources([str(path)], DEFAULT)
    assert doc.kind == "html"
    art = hoptac.analyze(str(path), DEFAULT.with_(stages=("clean",)))
    assert "an ninh y tế toàn cầu" in art.text
