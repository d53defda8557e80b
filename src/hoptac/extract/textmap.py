"""Search keys with a map back to the original text, so matches keep their evidence spans.

``fold(text)`` lower-cases and (optionally) strips Vietnamese tone and vowel marks
(``Hoa Kỳ`` -> ``hoa ky``, ``đ`` -> ``d``). Any Unicode form goes in (NFC, NFD, old or new
tone placement); the result maps every folded character back to its source position.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@dataclass(frozen=True)
class Folded:
    """A folded copy of a text and, for each folded character, its position in the source."""

    text: str
    index: Sequence[int]
    source_len: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span under the folded span ``[start, end)``."""
        a = self.index[start] if start < len(self.index) else self.source_len
        b = self.index[end] if end < len(self.index) else self.source_len
        return (a, max(a, b))


@lru_cache(maxsize=4096)
def _fold_char(ch: str, strip: bool) -> str:
    if not strip:
        return unicodedata.normalize("NFC", ch).lower()
    if ch in "đĐ":
        return "d"
    out = []
    for c in unicodedata.normalize("NFD", ch):
        if unicodedata.combining(c):
            continue
        out.append(c.lower())
    return "".join(out)


@cache
def _table(strip: bool, lower: bool) -> str:
    """One-to-one folds of the Latin letters (the fast path for composed text), for ``str.translate``:
    the character at each code point below U+1F00 (itself where nothing folds), ``""`` when nothing
    folds at all. A string is read twice as fast as a dict; a code point past its end (an
    ``IndexError``, a ``LookupError``) stays as it is, as one missing from a dict does."""
    table: dict[int, str] = {}
    for cp in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        out = _fold_char(ch, True) if strip else (ch.lower() if lower else ch)
        if len(out) == 1 and out != ch:
            table[cp] = out
    return "".join(table.get(cp, chr(cp)) for cp in range(0x1F00)) if table else ""


def compose(text: str) -> Folded:
    """``text`` in NFC, case kept, mapped back to the source (for decomposed input)."""
    return fold(text, strip_marks=False, lower=False)


@lru_cache(maxsize=32)
def fold(text: str, *, strip_marks: bool = True, lower: bool = True) -> Folded:
    """Fold ``text`` for searching (case, and tone marks unless ``strip_marks=False``); cached."""
    if not _COMBINING.search(text):
        # composed text: every character folds to exactly one character, positions unchanged
        table = _table(strip_marks, lower)  # empty for compose(): the text is its own fold
        return Folded(text.translate(table) if table else text, range(len(text)), len(text))
    out: list[str] = []
    index: list[int] = []
    if not strip_marks:
        # compose first so that a letter and its marks fold together, keeping the map exact
        i = 0
        n = len(text)
        while i < n:
            j = i + 1
            while j < n and unicodedata.combining(text[j]):
                j += 1
            piece = unicodedata.normalize("NFC", text[i:j])
            piece = piece.lower() if lower else piece
            for c in piece:
                out.append(c)
                index.append(i)
            i = j
        return Folded("".join(out), tuple(index), len(text))
    for i, ch in enumerate(text):
        piece = _fold_char(ch, True)
        for c in piece:
            out.append(c)
            index.append(i)
    return Folded("".join(out), tuple(index), len(text))


def fold_key(text: str) -> str:
    """The folded search key of a short string (a pattern, a name)."""
    return fold(text).text
