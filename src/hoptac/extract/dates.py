"""Dates in Vietnamese news text, resolved to ISO values against the published date.

``find_dates(text, published)`` finds ``Chiều 14/11``, ``sáng 5-3``, ``ngày 20/5/2025``,
``ngày 20 tháng 5``, ``tháng 9/2023``, ``năm 2025``, ``chiều nay``, ``hôm qua``,
``Thứ Hai (12/3)``... A day and month without a year take the year that puts them nearest
the published date, pushed into the past by past-tense cues (``đã``, ``vừa``) and into the
future by future cues (``sẽ``, ``dự kiến``), and checked against a written weekday. Without a
published date, a year stated as the current one (``2025 là năm...``) is used and the result
marked ``inferred``; otherwise the value stays ``--MM-DD``.

Values: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``--MM-DD`` or ``--MM``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .fastre import bounded
from .spans import Disjoint
from .textmap import fold

__all__ = ["DateMention", "find_dates", "infer_year", "parse_published"]


@dataclass
class DateMention:
    """A date written in the text: span, text as written, ISO value, year inferred or not.

    ``provenance`` says where its year came from: ``stated`` (written), ``relative`` (from
    the publication date: ``hôm qua``, ``chiều 14/11``), ``inferred`` (from a year the text
    only implies), or ``partial`` when it has none (``--11-14``).
    """

    start: int
    end: int
    text: str
    value: str
    inferred: bool
    provenance: str = "stated"


_PART = r"(?:sáng sớm|sáng|trưa|chiều|tối|đêm|rạng sáng|chiều tối|hôm|ngày)"
_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s*nhật)"
_WD_INDEX = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tư": 2, "4": 2, "năm": 3, "5": 3,
             "sáu": 4, "6": 4, "bảy": 5, "7": 5}
_D = r"(?P<d>[0-3]?\d)"
_M = r"(?P<m>[01]?\d)"
_Y = r"(?P<y>(?:19|20)\d\d)"

# Written in lower case: the search runs on a case-folded copy of the text.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # từ ngày 20 - 21/4/2017, ngày 29-31/5, từ ngày 22 đến 25/5: a range of days is dated by its first day
    ("dmy", bounded(rf"\b(?:(?:từ\s+)?ngày\s+|từ\s+){_D}\s*(?:[-–]|\s(?:đến|tới)(?:\s+ngày)?\s)\s*[0-3]?\d\s*[/.-]\s*{_M}(?!\d)"
                       rf"(?:\s*[/.-]\s*{_Y})?(?![\d/])")),
    # Thứ Hai (12/3), thứ 5 (14/11/2024), Chủ nhật, 12/3
    ("dmy", re.compile(rf"(?P<wd>{_WEEKDAY})\s*(?:\(|,\s*(?:ngày\s*)?)\s*{_D}\s*[/.-]\s*{_M}"
                       rf"(?:\s*[/.-]\s*{_Y})?\s*\)?(?![\d/])")),
    # ngày 20 tháng 5 năm 2025, ngày 20 tháng 5
    ("dmy", bounded(rf"\b{_PART}\s+(?:ngày\s+)?{_D}\s+tháng\s+{_M}(?:\s*(?:năm|,)\s*{_Y})?\b")),
    # chiều 14/11, sáng 5-3, ngày 20/5/2025 (a day-part or ngày in front)
    ("dmy", bounded(rf"\b{_PART}(?:\s+(?:nay|qua|mai)\b,?)?\s*(?:ngày\s+)?(?:mùng\s+|mồng\s+)?"
                       rf"{_D}\s*[/.-]\s*{_M}(?!\d)(?:\s*[/.-]\s*{_Y})?(?![\d/.-]\d)")),
    # 20/5/2025 standing alone (a full date is unambiguous)
    ("dmy", bounded(rf"(?<![\d/.,-]){_D}\s*/\s*{_M}\s*/\s*{_Y}(?![\d/])")),
    # 30-6-2017, 30.6.2017 standing alone: one separator twice, a four-digit year
    ("dmy", bounded(rf"(?<![\d/.,-]){_D}(?P<sep>[-.]){_M}(?P=sep){_Y}(?![\d/]|[.-]\d)")),
    # (12/3) in parentheses, or 20/5 after a preposition of time
    ("dmy", bounded(rf"(?:\(|\b(?:từ|đến|tới|trước|sau|vào|đầu|cuối|hôm)\s+)(?P<core>{_D}\s*/\s*{_M})"
                       rf"(?![\d/])")),
    # tháng 9/2023, tháng 9 năm 2023, tháng 6.2014, tháng 9
    ("my", bounded(rf"\btháng\s+{_M}(?:\s*(?:[/.-]|năm)\s*{_Y})?(?![\d/])")),
    # 2/2019 or 6.2014 (month and year, no day)
    # (searched through its own body: the openings read from its parse, any digit, left the regex
    # engine a try at every digit of the text, three times slower)
    ("my", bounded(rf"(?<![\d/.,-]){_M}\s*[/.]\s*{_Y}(?![\d/.])", starts=r"[01]?\d\s*[/.]\s*(?:19|20)\d\d")),
    # năm 2025
    ("y", bounded(rf"\bnăm\s+{_Y}\b(?!\s*[-–]\s*\d)")),
    # hôm nay, chiều nay, hôm qua, tối qua, sáng mai, ngày mai, hôm kia (not "ngày nay": nowadays)
    ("rel", bounded(r"\b(?P<part>sáng|trưa|chiều|tối|đêm|hôm|rạng sáng)\s+(?P<rel>nay|qua|mai|kia)\b"
                       r"|\b(?P<part2>ngày)\s+(?P<rel2>mai|hôm qua)\b")),
    # năm nay, năm ngoái, năm tới
    ("rely", bounded(r"\bnăm\s+(?P<rel>nay|ngoái|trước|tới|sau)\b(?!\s*\d)")),
]

_PAST = bounded(r"\b(đã|vừa|qua|trước đó|từng|hồi|diễn ra|cho biết|tuyên bố)\b")
#: past cues other than verbs of saying ("cho biết", "tuyên bố" report the words, not when the event is)
_STRONG_PAST = bounded(r"\b(đã|vừa|qua|trước đó|từng|hồi|diễn ra)\b")
_FUTURE = bounded(r"\b(sẽ|dự kiến|sắp|tới|kế hoạch|chuẩn bị|dự định|hẹn|mong chờ|mong đợi)\b")


def parse_published(published: str | None) -> dt.date | None:
    """The published date as a ``date`` (``2025-11-15`` or a longer ISO timestamp), else None."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", published)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def infer_year(text: str) -> int | None:
    """The current year as the text gives it (:func:`hoptac.extract.pubdate.infer_published`), else None."""
    from .pubdate import infer_published

    found = infer_published(text)
    return int(found.value[:4]) if found else None


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _tense(low: str, start: int, end: int) -> int:
    """-1 for a past-tense context, 1 for a future one, 0 when nothing says."""
    left = low.rfind(".", 0, start)
    before = low[max(left + 1, start - 80):start]
    right = low.find(".", end)
    after = low[end:right if right >= 0 else end + 40][:40]
    ctx = before + " " + after
    fut = bool(_FUTURE.search(ctx))
    past = bool(_PAST.search(ctx))
    if fut and not past:
        return 1
    if past and not fut:
        return -1
    if fut and past and not _STRONG_PAST.search(ctx):
        # "cho biết ông mong chờ … vào tháng 11": after a verb of saying, a future cue before the date
        # speaks for it (the saying is no tense of what was said); "hôm 19/10 tuyên bố sẽ" dates the saying
        said = max((m.end() for m in _PAST.finditer(before)), default=0)
        if any(m.start() >= said for m in _FUTURE.finditer(before)):
            return 1
    return 0


def _pick_year(pub: dt.date, m: int, d: int | None, tense: int, weekday: int | None) -> int:
    """The year among pub.year-1..pub.year+1 that fits the day/month best."""
    best: tuple[float, int] | None = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        day = d or 15
        if not _valid(y, m, day):
            continue
        delta = (dt.date(y, m, day) - pub).days
        # news reports the recent past more often than the far future
        cost = abs(delta) if delta <= 31 else delta * 2.5
        if d is None and abs(delta) <= 16:
            cost = 0
        if tense < 0 and delta > (0 if d else 16):
            cost += 400
        if tense > 0 and delta < (0 if d else -16):
            cost += 400
        if weekday is not None and d is not None and dt.date(y, m, d).weekday() != weekday:
            cost += 1000
        if best is None or cost < best[0]:
            best = (cost, y)
    return best[1] if best else pub.year


def _weekday(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = re.sub(r"\s+", " ", raw)
    if raw.startswith("chủ"):
        return 6
    return _WD_INDEX.get(raw.split(" ", 1)[1] if " " in raw else raw[3:].strip())


def _resolve_rel(m: re.Match[str], pub: dt.date | None) -> str | None:
    rel = m["rel"] or ("qua" if m["rel2"] == "hôm qua" else m["rel2"])
    part = m["part"] or m["part2"]
    if pub is None:
        return None
    if rel == "nay":
        return pub.isoformat()
    if rel == "qua":
        return (pub - dt.timedelta(days=1)).isoformat()
    if rel == "kia" and part == "hôm":
        return (pub - dt.timedelta(days=2)).isoformat()
    if rel == "mai":
        return (pub + dt.timedelta(days=1)).isoformat()
    return None


def find_dates(text: str, published: str | None, *, start: int = 0,
               end: int | None = None) -> list[DateMention]:
    """Every date written in ``text[start:end]``, resolved to ISO; spans index into ``text``.

    The amounts and events stages both ask for an article's dates: the answer is kept (for the
    last few texts) and each caller gets its own copies.
    """
    end = len(text) if end is None else end
    return [dataclasses.replace(d) for d in _find_dates(text, published, start, end)]


@lru_cache(maxsize=8)
def _find_dates(text: str, published: str | None, start: int, end: int) -> tuple[DateMention, ...]:
    """:func:`find_dates`, computed once per text, publication date and range."""
    folded = fold(text, strip_marks=False)
    low = folded.text
    # folded positions equal source positions for NFC text; map through the index otherwise
    fstart = _to_folded(folded.index, start)
    fend = _to_folded(folded.index, end)
    pub = parse_published(published)
    year_guess: int | None = None
    year_inferred = False
    if pub is None:
        # a publication known to the year or month (inferred, or partial metadata) dates the rest
        partial = re.match(r"(\d{4})", published or "")
        year_guess = int(partial[1]) if partial else infer_year(text)
        year_inferred = year_guess is not None
    held = Disjoint()
    out: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(low, fstart, fend):
            a, b = m.span("core") if m.groupdict().get("core") else m.span()
            while b > a and low[b - 1] in " ,":
                b -= 1
            if held.overlaps(a, b):
                continue
            value, inferred = _value(kind, m, low, a, b, pub, year_guess, year_inferred)
            if value is None:
                continue
            held.add(a, b)
            sa, sb = folded.span(a, b)
            out.append(DateMention(sa, sb, text[sa:sb], value, inferred, _provenance(kind, m, value, inferred)))
    out.sort(key=lambda d: d.start)
    return tuple(out)


def _provenance(kind: str, m: re.Match[str], value: str, inferred: bool) -> str:
    """Where a resolved date's year came from (see :class:`DateMention`)."""
    if value.startswith("--"):
        return "partial"
    if inferred:
        return "inferred"
    if kind == "y" or m.groupdict().get("y"):
        return "stated"
    return "relative"


def _to_folded(index: tuple[int, ...], pos: int) -> int:
    """The first folded position whose source position is at or after ``pos``."""
    import bisect

    return bisect.bisect_left(index, pos)


def _value(kind: str, m: re.Match[str], low: str, a: int, b: int, pub: dt.date | None,
           year_guess: int | None, year_inferred: bool) -> tuple[str | None, bool]:
    """The ISO value of one match, and whether its year was inferred."""
    if kind == "rel":
        return _resolve_rel(m, pub), False
    if kind == "rely":
        shift = {"nay": 0, "ngoái": -1, "trước": -1, "tới": 1, "sau": 1}[m["rel"]]
        if pub is None:
            return (f"{year_guess + shift:04d}", year_inferred) if year_guess else (None, False)
        return f"{pub.year + shift:04d}", False
    if kind == "y":
        return m["y"], False
    mo = int(m["m"])
    if not 1 <= mo <= 12:
        return None, False
    y = int(m["y"]) if m.groupdict().get("y") else None
    if kind == "my":
        if y is not None:
            return f"{y:04d}-{mo:02d}", False
        if pub is not None:
            return f"{_pick_year(pub, mo, None, _tense(low, a, b), None):04d}-{mo:02d}", False
        if year_guess is not None:
            return f"{year_guess:04d}-{mo:02d}", year_inferred
        return f"--{mo:02d}", False
    d = int(m["d"])
    if not 1 <= d <= 31 or not _valid(2024, mo, d):
        return None, False
    if y is not None:
        return (f"{y:04d}-{mo:02d}-{d:02d}", False) if _valid(y, mo, d) else (None, False)
    weekday = _weekday(m.groupdict().get("wd"))
    if pub is not None:
        y = _pick_year(pub, mo, d, _tense(low, a, b), weekday)
        return f"{y:04d}-{mo:02d}-{d:02d}", False
    if year_guess is not None and _valid(year_guess, mo, d):
        return f"{year_guess:04d}-{mo:02d}-{d:02d}", year_inferred
    return f"--{mo:02d}-{d:02d}", False
