"""Text keys for linking and searching: name keys, folding, content normalization."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def _fold1(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = [c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)]
    out = "".join(base).lower()
    return out[:1] if out else ch


class _Table(dict[int, str]):
    """A str.translate table that computes each character's image once, on first use."""

    def __init__(self, fn):  # type: ignore[no-untyped-def]
        super().__init__()
        self.fn = fn

    def __missing__(self, code: int) -> str:
        out = self[code] = self.fn(chr(code))
        return out


_FOLD = _Table(_fold1)
_LOWER = _Table(lambda c: c.lower()[:1] or c)


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese marks (``Bán dẫn`` -> ``ban dan``), one char per char.

    The result has exactly the length of the NFC input, so a position found in the folded
    text is the same position in the original: search snippets rely on that.
    """
    return text.translate(_FOLD)


def lower(text: str) -> str:
    """Lower-case, one char per char (no fold of the marks)."""
    return text.translate(_LOWER)


def exact_key(text: str) -> str:
    """Lower-cased, tone marks kept but put in their canonical place (``hoà`` ~ ``hòa``), char for char.

    Uses :func:`hoptac.clean.normalize.fold_tones`; where moving the marks would change the
    length (never for NFC Vietnamese), the text is only lower-cased, so positions still map.
    """
    from ..clean.normalize import fold_tones

    canon = fold_tones(text)
    return lower(canon if len(canon) == len(text) else text)


def nfc(text: str) -> str:
    """NFC with runs of whitespace collapsed to one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def name_key(name: str) -> str:
    """The key two spellings of one name share: case, punctuation, spacing and tone placement folded.

    ``Nguyễn Thị Thanh Thuỷ`` and ``nguyễn thị thanh thủy`` share a key; ``Lan`` and ``Lân`` do not.
    """
    from ..clean.normalize import fold_tones

    return " ".join(_WORD.findall(fold_tones(nfc(name)).lower()))


def words(text: str) -> list[str]:
    """Lower-cased word tokens of a text (marks kept)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())
