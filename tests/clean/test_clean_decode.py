"""Charset detection: UTF-8, UTF-16 (with and without BOM), Windows-1258, mislabelled pages, bad bytes."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from hoptac.clean.decode import decode_bytes, to_article
from hoptac.errors import SourceError
from hoptac.ingest import RawDocument

TEXT = ("Bộ trưởng Bộ Công Thương làm việc với Thứ trưởng Bộ Ngoại giao Hoa Kỳ về chuỗi cung ứng "
        "bán dẫn, năng lượng sạch và thủy điện Hòa Bình.")


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: vowel letters composed, tone marks as combining characters."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def test_utf8():
    out = decode_bytes(TEXT.encode("utf-8"))
    assert out == TEXT and out.charset == "utf-8"


def test_utf8_with_bom():
    assert decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8")) == TEXT


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(codec):
    out = decode_bytes(TEXT.encode(codec))
    assert out == TEXT
    assert out.charset.startswith("utf")


def test_windows_1258_is_composed_to_nfc():
    data = cp1258(TEXT)
    assert any(mark in data for mark in (b"\xcc", b"\xec", b"\xde", b"\xd2", b"\xf2"))  # combining tones
    out = decode_bytes(data)
    assert out == TEXT
    assert unicodedata.is_normalized("NFC", out)
    assert out.charset == "cp1258"


def test_nfd_utf8_is_composed():
    out = decode_bytes(unicodedata.normalize("NFD", TEXT).encode("utf-8"))
    assert out == TEXT


def test_page_declaring_one_charset_and_using_another():
    page = f"<html><head><meta charset='windows-1258'></head><body><p>{TEXT}</p></body></html>"
    doc = RawDocument("page.html", page.encode("utf-8"), "html")
    article = to_article(doc)
    assert TEXT in article.raw and article.meta["charset"] == "utf-8"
    page2 = f"<html><head><meta charset='utf-8'></head><body><p>{TEXT}</p></body></html>"
    doc2 = RawDocument("page2.html", cp1258(page2), "html")
    assert TEXT in to_article(doc2).raw


def test_http_charset_header_is_used_for_legacy_bytes():
    data = cp1258(TEXT)
    doc = RawDocument("http://example.test/a", data, "html", charset="windows-1258")
    assert to_article(doc).raw == TEXT


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"  \n\t \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
    (bytes(range(256)) * 8, "binary"),
])
def test_not_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(SourceError) as err:
        decode_bytes(data, source="x.txt")
    assert reason in err.value.reason and err.value.source == "x.txt"


def test_mostly_invalid_bytes_are_refused():
    data = ("Việt Nam ".encode() + b"\xc3\x28\xa0\xa1\xe2\x28\xa1") * 40
    with pytest.raises(SourceError) as err:
        decode_bytes(data, source="bad.txt")
    assert "invalid" in err.value.reason or "mis-encoded" in err.value.reason


def test_one_broken_byte_in_a_long_article_is_replaced_and_reported():
    data = (TEXT + "\n").encode("utf-8") * 30
    data = data[:500] + b"\xff" + data[500:]
    article = to_article(RawDocument("one-bad-byte.txt", data))
    assert "\ufffd" in article.raw
    assert any("invalid UTF-8" in w for w in article.warnings)
