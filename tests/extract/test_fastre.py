"""A pattern searched through its body gives the very matches of the plain pattern."""

from __future__ import annotations

import re

import pytest

from hoptac.extract.fastre import Bounded, bounded
from hoptac.extract.gazetteer import alternation

TEXTS = [
    "Ông Trump gặp Thủ tướng Phạm Minh Chính tại Hà Nội; xHà Nội và Hà  Nội, năm 2017 là năm bản lề.",
    "aaba abab ab_ab 2017-2019 năm nay (2018) hơn 20 năm sau, 48 năm sau khi; Hoa Kỳ-Việt Nam.",
    "Hoa Kỳ" * 3 + " abab" * 4,
    "",
]

PATTERNS = [
    rf"(?<![\w])(?:{alternation(['Hà Nội', 'Hoa Kỳ', 'Việt Nam', 'Nam'])})(?![\w])",
    r"(?<![\w.])ab(?:ab)?(?![\w])",
    r"(?<!x)aba|ab",  # the assertion binds the first alternative only
    r"\bnăm\s+(?P<y>\d{4})\b",
    r"(?<!hơn )(?<!gần )\b(?P<n>[1-9]\d)\s+năm\s+sau\b(?!\s*khi)",
    r"(?<=[-–])\w+",
]


@pytest.mark.parametrize("source", PATTERNS)
def test_same_matches_as_the_plain_pattern(source: str):
    plain, fast = re.compile(source), bounded(source)
    assert isinstance(fast, Bounded)
    for text in TEXTS:
        for pos, endpos in [(0, len(text)), (1, len(text)), (3, max(3, len(text) - 5))]:
            want = [(m.span(), m.groups()) for m in plain.finditer(text, pos, endpos)]
            got = [(m.span(), m.groups()) for m in fast.finditer(text, pos, endpos)]
            assert got == want, (source, text, pos, endpos)
            first = plain.search(text, pos, endpos)
            hit = fast.search(text, pos, endpos)
            assert (hit and hit.span()) == (first and first.span())


def test_a_rejected_place_is_tried_again_one_character_later():
    # "aab" with (?<!a)ab: the body matches at 1 (rejected: an "a" before it); the plain pattern finds nothing
    assert [m.span() for m in bounded(r"(?<!a)ab").finditer("aab ab")] == [(4, 6)]


def test_other_methods_are_the_plain_pattern_s():
    fast = bounded(r"\bnăm\s+(\d{4})")
    assert fast.sub(r"Y\1", "năm 2017, năm 2018") == "Y2017, Y2018"
    assert fast.match("năm 2019").group(1) == "2019"
    assert fast.pattern == r"\bnăm\s+(\d{4})"


def test_patterns_it_cannot_speed_up_stay_plain():
    assert isinstance(bounded(r"ab\b"), re.Pattern)  # no leading assertion
    assert isinstance(bounded(r"\b(?:x)?"), re.Pattern)  # the rest can match nothing
    assert isinstance(bounded(r"(?<=(a))b"), re.Pattern)  # a group inside the assertion
