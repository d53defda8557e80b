"""Bytes to text: charset detection and NFC, or a SourceError saying why the bytes are not text.

Steps of :func:`decode_bytes`:

1. refuse empty input and binary data (file signatures such as PNG, JPEG, PDF, ZIP; NUL
   bytes that no UTF-16 layout explains, with control bytes more than 1% of the input: a
   stray NUL is removed);
2. a byte-order mark decides (UTF-8, UTF-16 LE/BE);
3. UTF-16 without a mark is recognised by its NUL byte in every other position;
4. strict UTF-8 wins whenever it decodes, whatever the page declares (a page that declares
   ``windows-1258`` but is written in UTF-8 is read as UTF-8);
5. otherwise the declared charset (HTTP header or ``<meta charset>``), Windows-1258 and
   Windows-1252 are tried and the candidate that reads most like Vietnamese wins; Windows-1258
   writes tones as combining marks, which NFC composes;
6. text that is mostly UTF-8 with a few broken bytes keeps its UTF-8 reading, the broken bytes
   replaced and counted in a warning; more than that is refused as mis-encoded.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import SourceError
from ..model import Article

__all__ = ["DecodeResult", "decode_bytes", "to_article"]

#: Leading bytes of formats that are never article text.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"), (b"RIFF", "a RIFF file (audio, video or WebP)"),
    (b"\x7fELF", "an executable"), (b"BZh", "bzip2-compressed data"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"SQLite format 3\x00", "an SQLite database"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_VI_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ" "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")
#: Symbols that Vietnamese prose almost never uses but mojibake (UTF-8 read as a Windows code page) is full of.
_MOJIBAKE = frozenset("¡¢£¤¥¦§¨©ª¬®¯±²³´µ¶¸¹º»¼½¾¿†‡ˆ‰Š‹ŒŽ˜™š›œžŸ\xa0\xad")
#: Bytes no text holds (C0 controls but tab, line feed, form feed, carriage return, escape): with a NUL
#: among them, more than 1% of the input (outside UTF-16) is binary data; a stray few are removed.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_MAX_CONTROL_SHARE = 0.01
_MAX_BROKEN_SHARE = 0.01  # at most 1% of the non-ASCII sequences of mostly-UTF-8 text may be broken


class DecodeResult(str):
    """Decoded NFC text that also carries the charset it was read with and any warning."""

    charset: str
    warning: str | None

    def __new__(cls, text: str, charset: str, warning: str | None = None) -> DecodeResult:
        obj = super().__new__(cls, text)
        obj.charset = charset
        obj.warning = warning
        return obj


def sniff_binary(data: bytes) -> str | None:
    """What kind of binary data this is (``a PNG image``), or None when it may be text."""
    for magic, what in SIGNATURES:
        if data.startswith(magic):
            return what
    head = data[:4096]
    if 0 in data and _utf16_layout(head) is None:
        control = len(data) - len(data.translate(None, _CONTROL_BYTES))
        if control > _MAX_CONTROL_SHARE * len(data):
            return "binary data (NUL bytes)"
    return None


def _utf16_layout(head: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when NUL bytes sit in every other position, else None."""
    if len(head) < 4:
        return None
    even = head[0::2].count(0) / max(1, len(head[0::2]))
    odd = head[1::2].count(0) / max(1, len(head[1::2]))
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag (first 4 KB), normalized by codecs."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    return _codec_name(m.group(1).decode("ascii", "replace"))


def _codec_name(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def vietnamese_score(text: str) -> float:
    """Share of letters that belong to the Vietnamese alphabet (1.0 for clean Vietnamese)."""
    letters = [c for c in unicodedata.normalize("NFC", text[:20000]).lower() if c.isalpha()]
    if not letters:
        return 0.0
    controls = sum(1 for c in text[:20000] if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    good = sum(1 for c in letters if c in _VI_LETTERS)
    odd = sum(1 for c in text[:20000] if c in _MOJIBAKE)
    return (good - controls - 5 * odd) / len(letters)


def _broken_utf8(data: bytes) -> tuple[int, int]:
    """(broken, total) non-ASCII sequences of bytes read as UTF-8."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    total = sum(1 for c in text if ord(c) > 127)
    return broken, total


def decode_bytes(data: bytes, *, declared: str | None = None, source: str = "<bytes>") -> DecodeResult:
    """Decode bytes to NFC text by the steps of the module docstring; SourceError if not text."""
    if not data.strip():
        raise SourceError(source, "empty input")
    what = sniff_binary(data)
    if what:
        raise SourceError(source, f"{what}, not text")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _finish(_strict(data, codec, source), codec, source)
    layout = _utf16_layout(data[:4096])
    if layout:
        return _finish(_strict(data, layout, source), layout, source)
    try:
        return _finish(data.decode("utf-8"), "utf-8", source)
    except UnicodeDecodeError:
        pass
    broken, total = _broken_utf8(data)
    if total and (total - broken) / total > 0.5:  # mostly UTF-8: a damaged file, not another charset
        if broken / total <= _MAX_BROKEN_SHARE:
            text = data.decode("utf-8", errors="replace")
            return _finish(text, "utf-8", source, f"{broken} invalid UTF-8 byte sequence(s) replaced")
        raise SourceError(source, f"invalid bytes: {broken} of {total} non-ASCII sequences are not UTF-8")
    best: tuple[float, str, str] | None = None
    for codec in dict.fromkeys(c for c in (_codec_name(declared), "cp1258", "cp1252") if c):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        score = vietnamese_score(text)
        if best is None or score > best[0]:
            best = (score, codec, text)
    if best is None or best[0] < 0.9:
        raise SourceError(source, "mis-encoded text: not UTF-8, UTF-16 or Windows-1258")
    return _finish(best[2], best[1], source)


def _strict(data: bytes, codec: str, source: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise SourceError(source, f"invalid bytes for {codec} at byte {exc.start}") from None


def _finish(text: str, charset: str, source: str, warning: str | None = None) -> DecodeResult:
    if "\x00" in text:  # a stray NUL (text stores refuse it); binary data was refused before
        n = text.count("\x00")
        text = text.replace("\x00", "")
        warning = "; ".join(w for w in (warning, f"{n} NUL character(s) removed") if w)
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    if not text.strip():
        raise SourceError(source, "empty input")
    return DecodeResult(text, charset, warning)


def to_article(doc) -> Article:
    """A new Article holding the decoded, NFC-normalized raw input of a RawDocument."""
    declared = getattr(doc, "charset", None)
    if doc.kind == "html" and not declared:
        declared = declared_charset(doc.data)
    text = decode_bytes(doc.data, declared=declared, source=doc.source)
    article = Article(source=doc.source, raw=str(text), url=doc.url, content_type=doc.kind)
    article.meta["charset"] = text.charset
    if getattr(doc, "meta", None):
        article.meta.update(doc.meta)
    if text.warning:
        article.warnings.append(text.warning)
    return article
