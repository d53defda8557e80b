"""Written years and their tense: what a text says of when each year it writes lies.

The publication-year cues (:mod:`.pubdate`) read every year a text writes (:func:`written_years`):
with the month or part of the year before it, and whether its clause tells it as past, as
planned or without tense. Numbers that are no year (a decree's number, a sum, a birth year)
are skipped; the first day of a range of days is blanked so that the range's last day dates.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .fastre import bounded

__all__ = ["FUTURE", "PAST", "PERIOD_START", "PLAN", "TARGET", "YEAR_DIGITS", "clause", "in_range", "planned", "sentence",
           "tense_of", "written_years"]

YEAR_DIGITS = r"(?:19[5-9]\d|20[0-4]\d)"
# a written year, with what may stand before it: a day and month, a month, a part of the year
_YEAR = bounded(rf"(?<![\d/.,])(?<!\d-)(?:(?:(?P<d>[0-3]?\d)\s*[/.-]\s*)?(?P<m>[01]?\d)\s*[/.-]\s*"
                   rf"|tháng\s+(?P<m2>[01]?\d)\s*(?:[/.-]|,?\s*năm)\s*|(?P<part>đầu|cuối|giữa)\s+năm\s+)?"
                   rf"(?P<y>{YEAR_DIGITS})(?![\d/]|\.\d)",
                starts=r"[\dtđcg](?<![\d/.,].)(?<!\d-.)(?:(?<=\d)|(?<=t)háng|(?<=đ)ầu|(?<=c)uối|(?<=g)iữa)")
# (``starts``: a match begins with a digit, "tháng" or a part of the year, never after a digit or "/.,")
# a range of days before a full date ("từ ngày 29-31/5/2017"): its first day is blanked for _YEAR
_DAY_RANGE = bounded(r"(?<![\d/.])([0-3]?\d\s*[-–]\s*)([0-3]?\d\s*[/.]\s*[01]?\d\s*[/.]\s*(?:19|20)\d\d)")
_PART_MONTH = {"đầu": 2, "giữa": 6, "cuối": 11}
FUTURE = bounded(r"\b(sẽ|dự kiến|sắp|sắp tới|tới đây|chuẩn bị|dự định|đến năm|tới năm|trước năm|"
                     r"kế hoạch|lên kế hoạch|hẹn|mời|lời mời|nhận lời|mong đợi|chờ đợi|quy hoạch|hi vọng|hy vọng|kỳ vọng|dự báo)\b")
# a plan in so many words: what it dates lies ahead of the writing (not "đến năm 2004 mới ...", told of the past)
PLAN = bounded(r"\b(sẽ|dự kiến|sắp|sắp tới|tới đây|chuẩn bị|dự định|kế hoạch|lên kế hoạch|mời|nhận lời|mong đợi|"
                   r"chờ đợi|dự báo)\b")
PAST = bounded(r"\b(đã|vừa|hồi|trước đó|từng|vừa qua|tuần qua|tháng qua|năm qua|năm ngoái|trước đây)\b")
PERIOD_START = bounded(r"\b(?:từ|kể từ|bắt đầu từ|từ sau)\s+(?:năm|tháng|đầu năm|cuối năm|giữa năm|ngày)?\s*"
                           r"(?:[0-3]?\d\s*[/.-]\s*)?(?:[01]?\d\s*[/.-]\s*)?$")
# numbers that are no year (a decree's number, a sum), and birth years ("SN 1989", "sinh năm 1975")
_NOT_YEAR_BEFORE = bounded(r"(?:số|nghị định|quyết định|thông tư|luật|điều|khoản|mã|hs|ngàn|nghìn|triệu|tỷ|usd"
                              r"|đồng|tấn|km|m2|người|chiếc|[$%]|\bsn|\bsinh(?: năm| ngày[^,;.]{0,12})?|\bs\.)\s*$")
_NOT_YEAR_AFTER = bounded(r"^\s*(?:tỷ|triệu|nghìn|ngàn|usd|đồng|tấn|người|km|chiếc|%|ha\b|mw|dặm)")
TARGET = bounded(r"\b(?:vào|đến|tới)\s+năm\s+$")
_RANGE = bounded(rf"{YEAR_DIGITS}\s*[-–]\s*$")


def in_range(low: str, pos: int) -> bool:
    """Whether the year at ``pos`` starts or ends a range of years (``2018-2020``, ``nhiệm kỳ 2020 - 2021``)."""
    return bool(_RANGE.search(low, max(0, pos - 9), pos) or re.match(r"\s*[-–]\s*(?:19|20)\d\d", low[pos + 4:pos + 12]))


def sentence(low: str, pos: int) -> tuple[int, int]:
    a = max(low.rfind(". ", 0, pos), low.rfind("\n", 0, pos)) + 1
    ends = [e for e in (low.find(". ", pos), low.find("\n", pos)) if e >= 0]
    return a, (min(ends) if ends else len(low))


def clause(low: str, start: int, end: int) -> tuple[str, str]:
    """The words of the clause before a mention and after it (commas, semicolons, full stops end it)."""
    a = max(low.rfind(c, 0, start) for c in ",;.\n") + 1
    ends = [e for e in (low.find(c, end) for c in ",;.\n") if e >= 0]
    b = min(ends) if ends else len(low)
    return low[max(a, start - 120):start], low[end:min(b, end + 60)]


def tense_of(low: str, start: int, end: int, future: re.Pattern[str] = FUTURE) -> int:
    """1 when the clause of a mention speaks of the future, -1 of the past, 0 when it does not say."""
    before, after = clause(low, start, end)
    a, b = sentence(low, start)
    if not after.strip():  # a fronted time ("Tháng 11/2017, Việt Nam sẽ ..."): the clause after it
        after = low[end:min(b, end + 80)]
    sentence_before = low[max(a, start - 200):start]
    if future.search(sentence_before) or future.search(after) or re.match(r"\s*(?:trở đi|sắp tới|tới)\b", after):
        return 1
    if PAST.search(before) or PAST.search(after):
        return -1
    return 0


def planned(low: str, pos: int) -> bool:
    """Whether the year written at ``pos`` is told as planned in so many words (:data:`PLAN`)."""
    if tense_of(low, pos, pos + 4, PLAN) <= 0:
        return False
    before, after = clause(low, pos, pos + 4)
    if not after.strip() and len(before.strip()) <= 16:  # a fronted year ("Năm 2013, sau khi chuẩn bị xong, FAA đã ...")
        rest = low[pos + 4:sentence(low, pos)[1]]
        will = re.search(r"\b(?:sẽ|sắp)\b", rest)  # planned only when its sentence says "sẽ" before any "đã"
        if not will or re.search(r"\b(?:đã|vừa)\b", rest[:will.start()]):
            return False
    before = low[max(sentence(low, pos)[0], pos - 200):pos]
    plan = max((m.end() for m in PLAN.finditer(before)), default=-1)
    past = max((m.end() for m in PAST.finditer(before)), default=-1)
    return past < plan or (past < 0 and plan < 0)  # "đã đạt ... vào năm 2016" is done; "đã mời ... dự ... 2017" ahead


def written_years(low: str) -> list[tuple[int, int | None, int, int]]:
    """Every written year: (year, month or None, position, tense)."""
    return list(_written_years(low))


@lru_cache(maxsize=16)  # a text is dated twice (with and without its title's end): its years read once
def _written_years(low: str) -> tuple[tuple[int, int | None, int, int], ...]:
    out = []
    low = _DAY_RANGE.sub(lambda m: " " * len(m[1]) + m[2], low)  # "29-31/5/2017": the range's last day
    for m in _YEAR.finditer(low):
        y, pos = int(m["y"]), m.start("y")
        if _NOT_YEAR_BEFORE.search(low[max(0, m.start() - 14):m.start()]) or _NOT_YEAR_AFTER.match(low[m.end():]):
            continue
        before = low[max(0, m.start() - 3):m.start()]
        if re.search(r"[-–]\s*$", before) and re.search(rf"{YEAR_DIGITS}\s*[-–]\s*$", low[max(0, m.start() - 8):m.start()]):
            tense = 0  # the end of a range (2019-2023): counted as it stands
        else:
            tense = tense_of(low, m.start(), m.end())
        mo = m["m"] or m["m2"]
        month = int(mo) if mo and 1 <= int(mo) <= 12 else _PART_MONTH.get(m["part"] or "")
        out.append((y, month, pos, tense))
    return tuple(out)


# the sexagenary cycle: a lunar year named by stem and branch (``Mậu Tuất``) is the year whose
# last digit is the stem's and whose remainder by 12 is the branch's
STEMS = {"canh": 0, "tân": 1, "nhâm": 2, "quý": 3, "giáp": 4, "ất": 5, "bính": 6, "đinh": 7, "mậu": 8, "kỷ": 9}
BRANCHES = {"thân": 0, "dậu": 1, "tuất": 2, "hợi": 3, "tý": 4, "sửu": 5, "dần": 6, "mão": 7, "mẹo": 7, "thìn": 8,
             "tỵ": 9, "tị": 9, "ngọ": 10, "mùi": 11}
