"""Folding composed text through the string table gives each character's own fold (where it is one
character), and leaves alone what lies past the table or folds to several characters."""

from __future__ import annotations

import random
import unicodedata

from hoptac.extract.textmap import _fold_char, fold


def _expected(text: str, strip: bool, lower: bool) -> str:
    out = []
    for ch in text:
        latin = 0x41 <= ord(ch) < 0x5B or 0xC0 <= ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00
        f = (_fold_char(ch, True) if strip else (ch.lower() if lower else ch)) if latin else ch
        out.append(f if len(f) == 1 else ch)
    return "".join(out)


def test_fold_of_composed_text_is_each_characters_fold() -> None:
    rng = random.Random(21)
    pool = [chr(c) for c in [*range(0x20, 0x250), *range(0x370, 0x400), *range(0x1E00, 0x1F20), 0x2013, 0x4E2D]]
    pool = [c for c in pool if not unicodedata.combining(c)]
    for _ in range(200):
        text = "".join(rng.choices(pool, k=rng.randrange(0, 80))) + " Nguyễn Đức Hòa Kỳ İ"
        for strip, lower in ((True, True), (False, True), (False, False)):
            assert fold(text, strip_marks=strip, lower=lower).text == _expected(text, strip, lower)
