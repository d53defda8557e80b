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
    "ngày 12/5/2017, tháng 3-2018, cuối năm 2019 và 29-31/5/2016; sáng nay 7h30, 14 giờ chiều; Sáng qua",
    "x12/5/2017 1/2019 tháng 13/2019 quy chế QUY CHẾ Quy chế kể từ 2010, 10 năm qua",
    "",
]

PATTERNS = [
    rf"(?<![\w])(?:{alternation(['Hà Nội', 'Hoa Kỳ', 'Việt Nam', 'Nam'])})(?![\w])",
    r"(?<![\w.])ab(?:ab)?(?![\w])",
    r"(?<!x)aba|ab",  # the assertion binds the first alternative only
    r"\bnăm\s+(?P<y>\d{4})\b",
    r"(?<!hơn )(?<!gần )\b(?P<n>[1-9]\d)\s+năm\s+sau\b(?!\s*khi)",
    r"(?<=[-–])\w+",
    # the engine has no first character to skip ahead to: found through the openings or the digits
    r"(?<![\d/.,-])(?P<m>[01]?\d)\s*[/.-]\s*(?P<y>(?:19|20)\d\d)",
    r"\b\d{1,2}\s*(?:h|giờ)\s*(?:\d{2}|chiều)\b",
    r"\b(?P<part>sáng|chiều|tối)\s+(?P<rel>nay|qua)\b|\b(?P<n>\d{1,2})\s+năm\s+qua\b",
    r"\b(?:(?:kể\s+)?từ|cuối)\s+(?:năm\s+)?\d{4}",
    r"(?<![\w])(?:(?i:quy chế)|PNTR)(?![\w])",  # a group of its own flags: its letters in any case
    r"(?<![\w.])(?:[A-ZĐ]\.(?=[A-Z])|[A-ZĐ][^\W_]*)(?: [A-ZĐ][^\W_]*)*",
    # no assertion in front, but no first character for the engine either
    r"(?:năm\s+)?\b(?P<y>20\d\d)\s+là\s+năm\b",
    r"[!?\n]|\.(?=\s|$)",
    r"(?:\(|\b(?:từ|vào)\s+)(?P<core>\d{1,2}/\d{1,2})",
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


def test_a_pattern_without_a_first_character_is_found_through_its_openings():
    assert bounded(r"\b(?:(?:sáng)|(?<!x)tối)\s+nay").fast.pattern == "(?:sán|tối)"
    assert bounded(r"\b\d{1,2}\s+năm").fast.pattern == r"(?:\d)"
    assert bounded(r"(?<!x)(?:[A-Z]\.|[B-Y]\w+)").fast.pattern == "[A-ZB-Y]"
    assert bounded(r"(?<!x)(?:(?i:ab)|c)d").fast.pattern == "(?:(?i:ab)|c)d"  # flags of its own: left as it is
    assert bounded(r"\bnăm\s+\d").fast.pattern == r"năm\s+\d"  # the engine skips to "n" by itself
    assert bounded(r"[!?\n]|\.(?=\s)").fast.pattern == "(?:\\\n|\\.|\\?|!)"  # no assertion in front


def test_given_starts_and_sub_with_a_function():
    year = bounded(r"(?<!\d)(?:tháng\s+\d{1,2}\s*/\s*)?(?P<y>20\d\d)", starts=r"[\dt]")
    text = "tháng 5/2017, 12018, 2019 và tháng  7 / 2020"
    assert [m["y"] for m in year.finditer(text)] == ["2017", "2019", "2020"]
    blank = bounded(r"(?<![\d/.])([0-3]?\d\s*[-–]\s*)([0-3]?\d/[01]?\d/20\d\d)")
    text = "từ 29-31/5/2017 đến 1 – 2/6/2017, 3-4"
    def one(m: re.Match[str]) -> str:
        return " " * len(m[1]) + m[2]
    assert blank.sub(one, text) == blank.full.sub(one, text) == "từ    31/5/2017 đến     2/6/2017, 3-4"
    assert blank.sub(one, "none") == "none"


def test_patterns_it_cannot_speed_up_stay_plain():
    assert isinstance(bounded(r"ab\b"), re.Pattern)  # no leading assertion
    assert isinstance(bounded(r"\b(?:x)?"), re.Pattern)  # the rest can match nothing
    assert isinstance(bounded(r"(?<=(a))b"), re.Pattern)  # a group inside the assertion
