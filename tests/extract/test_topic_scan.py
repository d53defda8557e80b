"""The taxonomy scan's shortcuts (first word, then second word, from the text's word index) find
exactly the matches the pattern's own ``finditer`` finds."""

from __future__ import annotations

import random

from hoptac.extract.taxonomy import _compile, _scan, _word_index

PHRASES = ["viet nam", "hoa ky", "thuong mai", "hop tac kinh te", "nam", "viet nam hoa ky", "covid-19 vaccine",
           "kinh te - thuong mai", "=thương mại", "ky"]
WORDS = ["viet", "nam", "hoa", "ky", "thuong", "mai", "hop", "tac", "kinh", "te", "covid", "19", "vaccine", "namx"]
GAPS = [" ", "  ", "-", " - ", " – ", ", ", ".", "\n", "", "x"]


def test_scan_finds_what_finditer_finds() -> None:
    rng = random.Random(13)
    patterns = [_compile(p) for p in PHRASES]
    assert any(p.second for p in patterns) and any(not p.second for p in patterns)
    for _ in range(400):
        text = "".join(rng.choice(WORDS) + rng.choice(GAPS) for _ in range(rng.randrange(1, 40)))
        index = _word_index(text)
        for p in patterns:
            for start, end in ((0, len(text)), (rng.randrange(0, len(text) + 1), len(text)),
                               (0, rng.randrange(0, len(text) + 1))):  # ranges, some ending inside a word
                want = [m.span() for m in p.regex.finditer(text, start, end)]
                assert [m.span() for m in _scan(p, text, start, end, index)] == want
