"""When an article was published, inferred from its text when no metadata says.

Most archived news has no date line. The text still tells the year, through what it says of
time, tried in this order:

1. the current year stated (``2025 là năm ...``, ``năm nay (2017)``, ``hôm nay (30-6-2017)``),
   a year told relative to it (``năm ngoái (2017)`` -> 2018), an anniversary whose base year is
   data (``resources/gazetteer/anniversaries.yaml``: ``kỷ niệm 20 năm bình thường hóa quan hệ
   Việt Nam - Hoa Kỳ``; ``thiết lập quan hệ ngoại giao 22 năm trước đây``), the lunar new year
   (``Tết Mậu Tuất``), a running total of the year (``9 tháng năm 2017``), years counted from
   a written one (``14 năm qua, kể từ tháng 10/2003``);
2. a full date opening a sentence of the lead (``Ngày 31/5/2017, ...``);
3. the lead's day within six months after a month the text dates as past or without tense
   (``Chiều 15-2`` after ``cuối năm 2018`` is 2019), never beside its own month a year before
   (``hồi tháng 5/2016``), a period started years ago, or before a year the text dates to the month;
4. (:mod:`.pubdate_named`) the latest year written, when it names a gathering of that year (``Hội nghị Gặp gỡ Hoa Kỳ
   2018``) or an event named in the lead or more than once (``APEC 2017``), unless a sentence
   looking back names it (``trong thời gian qua ... đã ... APEC 2017``) or it is a law, a title
   or a model (``Bộ luật Dân sự 2015``, ``Hoa hậu Việt Nam 2012``, ``đời 2011``);
5. the lead's day a few weeks before a month told as planned (``hôm nay 6/6`` and ``sẽ mở
   cửa vào tháng 9/2017``), not the completion of works;
6. the lead's day, when it falls in one year only of the terms of the heads the lead names.

The year must fit the terms of office of the heads of state and government the lead names
with a current title (``resources/gazetteer/offices.yaml``: ``Tổng thống Donald Trump`` holds
2017-01-20…2021-01-20 or from 2025-01-20), the lead's day in that year too (``chiều 10-1``
is not 2017), and not precede the end of the first term of a head called former anywhere
(``cựu Tổng thống Barack Obama``: 2017 or later); :func:`office_window` gives those terms as
a window for articles no cue dates. Plans (``sẽ``, ``dự kiến``) written before the year found,
birth years, model years and ranges of years (``2018-2020``) never make it the current year;
written years and their tense are read by :mod:`.tense`.

The result is a year (the precision analysts can defend from text alone) with a window and
a one-line basis, marked ``inferred``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .fastre import bounded
from .pubdate_named import named_current
from .tense import (
    BRANCHES,
    PAST,
    PERIOD_START,
    STEMS,
    TARGET,
    YEAR_DIGITS,
    clause,
    in_range,
    planned,
    sentence,
    tense_of,
    written_years,
)
from .terms import after_former, anniversaries, fits_offices, gatherings, inaugurations, office_spans
from .textmap import fold

__all__ = ["Inference", "infer_published", "lead_end"]



@dataclass(frozen=True)
class Inference:
    """An inferred publication date: ISO value, window and how it was found."""

    value: str
    window: tuple[str, str]
    basis: str
    strength: int


# -- strong cues: the text states the current year -------------------------------------------
_CURRENT = [
    bounded(rf"(?:năm\s+)?\b(?P<y>{YEAR_DIGITS})\s+(?:là|được coi là|sẽ là)\s+năm\b"),
    bounded(rf"\bnăm nay\s*(?:\(\s*|,\s*năm\s+|-\s*|là\s+năm\s+)(?P<y>{YEAR_DIGITS})\b"),
    bounded(rf"\bnăm\s+(?P<y>{YEAR_DIGITS})\s*(?:\(|,\s*)\s*(?:tức\s+)?năm nay\b"),
    bounded(rf"\b(?:hôm nay|ngày hôm nay|sáng nay|chiều nay|tối nay)\s*[\(,]\s*(?:ngày\s+)?[0-3]?\d\s*[/.-]\s*"
               rf"[01]?\d\s*[/.-]\s*(?P<y>{YEAR_DIGITS})\b"),
    bounded(rf"\bkỷ niệm\s+\d+\s+năm[^.()]{{0,120}}\(\s*{YEAR_DIGITS}\s*[-–]\s*(?P<y>{YEAR_DIGITS})\s*\)"),
    # a term ending now: "nhân kết thúc nhiệm kỳ công tác (2014-2017)"
    bounded(rf"\b(?:kết thúc|mãn|hết)\s+nhiệm kỳ[^.()]{{0,60}}\(\s*{YEAR_DIGITS}\s*[-–]\s*(?P<y>{YEAR_DIGITS})\s*\)"),
]
# a month of last year or this year named in words ("tháng 3 năm ngoái"), to be paired with the same
# month written with its year ("tháng 3/2018")
_MONTH_REL = bounded(r"\btháng\s+(?P<m>[01]?\d)\s+(?:năm\s+(?P<rel>ngoái|nay)|(?P<rel2>năm trước))\b(?!\s*[(,-]?\s*\d)")
_SHIFTED = [  # (pattern, shift): the written year is the current one plus shift
    (bounded(rf"\bnăm\s+(?:ngoái|trước)\s*(?:\(\s*|,\s*năm\s+|-\s*)(?P<y>{YEAR_DIGITS})\b"), 1),
    (bounded(rf"\bnăm\s+(?P<y>{YEAR_DIGITS})\s*(?:\(|,\s*)\s*năm\s+(?:ngoái|trước)\b"), 1),
    (bounded(rf"\bnăm\s+(?:tới|sau)\s*(?:\(\s*|,\s*năm\s+|-\s*)(?P<y>{YEAR_DIGITS})\b"), -1),
]
# N năm qua / N năm trước, counted from a written year in the same sentence
_SINCE = bounded(rf"(?<!tháng )\b(?P<n>\d{{1,2}})\s+năm\s+(?:qua|nay)\b[^.!?\n]{{0,140}}?\b(?:kể\s+)?từ\b[^.!?\n]{{0,60}}?"
                    rf"(?<!\d)(?P<y>{YEAR_DIGITS})\b"
                    rf"|\b(?:kể\s+)?từ\s+(?:năm\s+|tháng\s+\d{{1,2}}\s*[/.-]\s*)?(?P<y2>{YEAR_DIGITS})\b[^.!?\n]{{0,160}}?"
                    rf"(?<!tháng )\b(?P<n2>\d{{1,2}})\s+năm\s+(?:qua|nay)\b")
# "N năm qua" and, in the next sentence, what started then ("bắt đầu từ tháng 8-2012")
_SINCE_NEXT = bounded(rf"(?<!tháng )\b(?P<n>\d{{1,2}})\s+năm\s+qua\b[^.!?\n]{{0,80}}\.\s+[^.!?\n]{{0,160}}?"
                         rf"\b(?:bắt đầu|khởi công|khởi động|triển khai)\s+(?:từ|vào|năm)\s+"
                         rf"(?:năm\s+|tháng\s+\d{{1,2}}\s*[/.-]\s*)?(?P<y>{YEAR_DIGITS})\b")
# "48 năm sau" (ten or more, not "hơn 20 năm sau khi ...": after another event) told of what happens
# now, counted from the last year written before it
_AFTER = bounded(r"(?<!hơn )(?<!gần )(?<!khoảng )(?<!chừng )\b(?P<n>[1-9]\d)\s+năm\s+sau\b(?!\s*(?:khi|kể từ|ngày))")
_LUNAR = bounded(r"\b(?:tết|xuân|năm mới|tết nguyên đán)\s+(?P<s>" + "|".join(STEMS) + r")\s+(?P<b>"
                    + "|".join(BRANCHES) + r")\b")
_AGO = bounded(r"(?<!tháng )\b(?P<n>\d{1,2})\s+năm\s+(?:trước|trước đây|về trước)\b")
_ANNIV = bounded(r"\bkỷ niệm\s+(?P<n>\d{1,3})\s+năm\s+(?:ngày\s+)?(?P<what>[^.,;()]{3,80})")
_LEAD_FULL = bounded(rf"(?:^|\n|[.!?]\s+)(?:(?:sáng|trưa|chiều|tối|đêm|rạng sáng|hôm)\s+)?(?:ngày\s+)?[0-3]?\d\s*[/.-]\s*[01]?\d\s*[/.-]\s*(?P<y>{YEAR_DIGITS})(?![\d/])")
_LEAD_DM = bounded(r"\b(?:sáng sớm|sáng|trưa|chiều|tối|đêm|rạng sáng|hôm nay|hôm|ngày)\s+(?:ngày\s+)?"
                      r"(?P<d>[0-3]?\d)\s*[/.-]\s*(?P<m>[01]?\d)(?![\d/.-]*\d)")
# a running total of the year so far: "9 tháng năm 2017", "4 tháng đầu năm 2019", "quý 1/2019"
_YEAR_TO_DATE = bounded(rf"\b(?:(?:\d{{1,2}}|mười một)\s+tháng\s+(?:đầu\s+)?năm\s+|quý\s+(?:[1-4]|i{{1,3}}|iv)\s*(?:[/.-]|năm)\s*"
                           rf"|từ đầu năm\s+|hết tháng\s+\d{{1,2}}\s*[/.-]\s*|(?:nửa|6 tháng) đầu năm\s+)(?P<y>{YEAR_DIGITS})\b")
_ASIDE = bounded(r"\b(?:hồi|vào hồi|năm ngoái|trước đây|trước đó)\s+(?:tháng|đầu|cuối|giữa|ngày|năm)?[^.,]{0,12}$")


def _edition(low: str, lead: str) -> tuple[int, str] | None:
    """The year of the N-th edition of a yearly gathering the text tells as happening: without
    tense, or in the lead and not planned (one told as past only bounds the year from below)."""
    for start, tense, past, found in _editions(low):
        if tense != 0 and (tense > 0 or start >= len(lead) or past):
            continue
        return found
    return None


@lru_cache(maxsize=16)
def _editions(low: str) -> tuple[tuple[int, int, bool, tuple[int, str]], ...]:
    """Every edition of a yearly gathering the text names, in :func:`_edition`'s order: its start, its
    tense, whether its clause tells it as past, and the year it gives with its basis (read once per text)."""
    out = []
    for pattern, first in gatherings():
        for m in pattern.finditer(low):
            tense = tense_of(low, m.start(), m.end())
            past = tense < 0 and bool(PAST.search(clause(low, m.start(), m.end())[0]))
            out.append((m.start(), tense, past, (first + int(m["n"] or m["n2"]) - 1,
                                                 f"an edition of a yearly gathering since {first}: '{m.group(0).strip()}'")))
    return tuple(out)


def _bounded(low: str, lead: str, years: list[tuple[int, int | None, int, int]]) -> tuple[int, str] | None:
    """The one year that fits the terms of the heads the lead names, after every year told as past
    and not after any year told as planned (``Tổng thống Donald Trump`` and ``sẽ ... tháng 11/2017``: 2017)."""
    spans, basis = office_spans(lead)
    if not basis:
        return None
    past = [y for y, _, pos, tense in years if tense < 0 and not in_range(low, pos)]
    plans = [y for y, _, pos, tense in years if tense > 0 and not in_range(low, pos) and planned(low, pos)]
    both = set(past) & set(plans)  # a year told both ways ("chương trình nghị sự 2030"): no bound
    past, plans = [y for y in past if y not in both], [y for y in plans if y not in both]
    if not past and not plans:
        return None
    lo, hi = max(past, default=0), min(plans, default=9999)
    if lo >= hi:
        return None  # a year told as past after one planned: the story looks back on its plans
    fits = {y for a, b in spans for y in range(max(a.year, lo), min(b.year, hi) + 1)}
    if len(fits) != 1:
        return None
    return fits.pop(), f"the one year within the {basis}, after the years told as past, not after those planned"


def _inaugurated(low: str, lead: str, years: list[tuple[int, int | None, int, int]]) -> tuple[int, str] | None:
    """The year a head named took office "early this year" ("ông Trump nhậm chức hồi đầu năm"): the one
    term begun in a first quarter that fits the heads the lead names and the years told as past."""
    past = max((y for y, _, pos, tense in years if tense < 0 and not in_range(low, pos)), default=0)
    fits: set[int] = set()
    said = ""
    for pattern, starts in inaugurations():
        m = pattern.search(low)
        if m:
            fits |= {y for y in starts if y >= past and fits_offices(lead, y)}
            said = said or m.group(0).strip()
    if len(fits) != 1:
        return None
    return fits.pop(), f"a head took office early this year: '{said}'"


def office_window(text: str, *, title_end: int = 0) -> tuple[str, str, str] | None:
    """The days the heads the lead names with a current title were all in office together:
    ``(first, last, basis)``, or None when the lead names none or their terms do not meet in
    one stretch (``Tổng thống Donald Trump`` alone holds two)."""
    spans, basis = office_spans(_lead(fold(text, strip_marks=False).text, title_end))
    if not basis or len(spans) != 1:
        return None
    return spans[0][0].isoformat(), spans[0][1].isoformat(), basis


def _day_in_terms(text: str, lead: str, title_end: int) -> tuple[int, str] | None:
    """The year in which the lead's day falls inside the terms of the heads it names, when only one does."""
    spans, basis = office_spans(lead)
    dm = _LEAD_DM.search(lead)
    if not basis or dm is None:
        return None
    fits = set()
    for lo, hi in spans:
        for y in range(lo.year, hi.year + 1):
            try:
                day = dt.date(y, int(dm["m"]), int(dm["d"]))
            except ValueError:
                continue
            if lo <= day <= hi:
                fits.add(y)
    if len(fits) != 1:
        return None
    return fits.pop(), f"the lead's '{dm.group(0).strip()}' falls once within the {basis}"


def _day_fits(lead: str, year: int) -> bool:
    """Whether the lead's day in that year falls within the terms of the heads the lead names
    (``chiều 10-1`` beside ``Tổng thống Donald Trump`` is not 2017: he took office on 20 January)."""
    dm = _LEAD_DM.search(lead)
    spans, basis = office_spans(lead)
    if dm is None or not basis:
        return True
    try:
        day = dt.date(year, int(dm["m"]), int(dm["d"]))
    except ValueError:
        return True
    return any(lo <= day <= hi for lo, hi in spans)


def _month_pair(low: str, years: list[tuple[int, int | None, int, int]]) -> tuple[int, str] | None:
    """The current year from a month told relative to it ("tháng 3 năm ngoái") and the same month
    written with its year ("hồi tháng 3/2018"): that year is last year (or this one). Only when
    one year is written with that month and it is the latest year the text tells as past or
    without tense (an older one may be another March)."""
    told = [y for y, _, pos, tense in years if tense <= 0 and not in_range(low, pos)]
    for m in _MONTH_REL.finditer(low):
        month = int(m["m"])
        same = {y for y, mo, _, tense in years if mo == month and tense <= 0}
        if len(same) != 1 or not told or max(told) != min(same):
            continue
        shift = 0 if m["rel"] == "nay" else 1
        return min(same) + shift, f"'{m.group(0).strip()}' beside the same month written with its year {min(same)}"
    return None


def _strong(low: str, lead: str) -> tuple[int, str] | None:
    """A strong cue (see the module's first step); only the editions depend on the lead, so the cues
    before and after them are read once per text (a text is dated with and without its title's end)."""
    return _strong_before(low) or _edition(low, lead) or _strong_after(low)


@lru_cache(maxsize=16)
def _strong_before(low: str) -> tuple[int, str] | None:
    for p in _CURRENT:
        m = p.search(low)
        if m:
            return int(m["y"]), f"the text states the current year: '{m.group(0).strip()}'"
    for p, shift in _SHIFTED:
        m = p.search(low)
        if m:
            return int(m["y"]) + shift, f"a year told relative to the current one: '{m.group(0).strip()}'"
    for m in _ANNIV.finditer(low):
        for pattern, base in anniversaries():
            if pattern.search(m["what"]):
                return base + int(m["n"]), f"an anniversary of {base}: '{m.group(0).strip()}'"
    m = _LUNAR.search(low)
    if m:
        year = next(y for y in range(1990, 2050) if y % 10 == STEMS[m["s"]] and y % 12 == BRANCHES[m["b"]])
        return year, f"the lunar new year named: '{m.group(0).strip()}'"
    return None


@lru_cache(maxsize=16)
def _strong_after(low: str) -> tuple[int, str] | None:
    for m in _YEAR_TO_DATE.finditer(low):
        if planned(low, m.start("y")) or re.search(r"(?<!tính )\b(?:đến|tới)\s*$", low[max(0, m.start() - 10):m.start()]):
            continue  # "khai trương vào quý II/2018", "gia hạn ... đến hết tháng 3/2018": a plan or a bound, not now
        return int(m["y"]), f"a running total of the current year: '{m.group(0).strip()}'"
    for m in _AGO.finditer(low):
        a = sentence(low, m.start())[0]
        for pattern, base in anniversaries():
            if pattern.search(low, max(a, m.start() - 80), m.start()):
                return base + int(m["n"]), f"years counted from {base}: '{m.group(0).strip()}'"
    m = _SINCE_NEXT.search(low)
    if m:
        return int(m["y"]) + int(m["n"]), f"years counted from {m['y']}: '{m.group(0).strip()[:60]}'"
    for m in _AFTER.finditer(low):
        base = [(pos, y) for y, _, pos, tense in written_years(low[max(0, m.start() - 300):m.start()]) if tense <= 0]
        if base and tense_of(low, m.start(), m.end()) <= 0 and not planned(low, m.start()):
            y = base[-1][1]
            return y + int(m["n"]), f"years counted from {y}: '{m.group(0).strip()}'"
    m = _SINCE.search(low)
    if m:
        if m["n"]:
            return int(m["y"]) + int(m["n"]), f"years counted from {m['y']}: '{m.group(0).strip()[:60]}'"
        return int(m["y2"]) + int(m["n2"]), f"years counted from {m['y2']}: '{m.group(0).strip()[:60]}'"
    return None


def _lead(low: str, title_end: int) -> str:
    """The title and the first three sentences after it."""
    end = title_end
    for _ in range(3):
        nxt = [e for e in (low.find(". ", end + 1), low.find("\n", end + 1)) if e >= 0]
        end = min(nxt) if nxt else len(low)
    return low[:end]


def lead_end(text: str, title_end: int = 0) -> int:
    """Where the lead (the title and the first three sentences after it) ends in ``text``."""
    return len(_lead(fold(text, strip_marks=False).text, title_end))


_DONE = bounded(r"\b(?:hoàn thành|hoàn tất|khánh thành|đưa vào (?:sử dụng|vận hành|khai thác|hoạt động)|xong)\b")


def _lead_day(lead: str) -> tuple[re.Match[str], int] | None:
    """The story's day the lead writes without its year (``Chiều 15-2``): the match and its month."""
    dm = _LEAD_DM.search(lead)
    if not dm or not (1 <= int(dm["m"]) <= 12 and 1 <= int(dm["d"]) <= 31):
        return None
    return dm, int(dm["m"])


def _ahead(low: str, lead: str, years: list[tuple[int, int | None, int, int]]) -> tuple[int, str] | None:
    """The year that puts the lead's day a few weeks before a month the text plans for.

    ``hôm nay 6/6`` beside ``sẽ mở cửa ... vào tháng 9/2017`` is 2017: a plan told within three
    months of the story's day lies in its year (a year before, it would be fifteen months
    away). A plan whose sentence also counts from this year or the next (``khởi công trong quý 3
    năm nay và hoàn thành tháng 7/2018``) runs longer and says nothing, and so does the completion
    of works (``sẽ hoàn thành vào tháng 8/2024``); the year found must not precede a year told as past.
    """
    found = _lead_day(lead)
    if found is None:
        return None
    dm, lm = found
    floor = max((y for y, _, pos, tense in years if tense < 0 and not in_range(low, pos)), default=0)
    fits: dict[int, str] = {}
    for y, mo, pos, tense in years:
        a, b = sentence(low, pos)
        # "trước khi ông Vinh kết thúc nhiệm kỳ vào cuối tháng 6/2018": what is to come after the lead's day
        before = re.search(r"\btrước khi\b[^,;]{0,80}$", low[max(a, pos - 90):pos])
        if mo is None or in_range(low, pos) or not (before or (tense > 0 and planned(low, pos))):
            continue
        if re.search(r"\bnăm\s+(?:nay|tới|sau)\b", low[a:b]) or _DONE.search(low, max(a, pos - 80), pos):
            continue  # works finish when they finish: "sẽ hoàn thành vào tháng 8/2024" may be a year or more away
        for cand in (y - 1, y):
            if cand >= floor and 0 <= _months(y, mo) - _months(cand, lm) <= 3:
                fits.setdefault(cand, low[max(a, pos - 16):pos + 4].strip())
    if len(fits) != 1:
        return None
    year, what = fits.popitem()
    return year, f"the lead's '{dm.group(0).strip()}' lies weeks before '{what}', told as planned"


def _months(y: int, m: int) -> int:
    return y * 12 + m - 1


def _anchored(low: str, lead: str, years: list[tuple[int, int | None, int, int]]) -> tuple[int, str] | None:
    """The year that puts the lead's day next to the months the text dates, and after its past.

    The lead's ``Chiều 15-2`` is the story's day; a month written with its year and told as
    past (``cuối năm 2018``) or future (``tháng 11/2017 ... sẽ``) within six months of it says
    which year that day is in. Years told as past bound the result from below, as future from
    above; historical asides, months away, do not count.
    """
    found = _lead_day(lead)
    if found is None:
        return None
    dm, lm = found
    # the story's day is not before any year the text tells as past, or dates to the month or writes in the lead
    # without tense (a back-story's months are years before: "tháng 5-2013" beside "ngày 19-4-2016")
    floor = max((y for y, mo, pos, tense in years if (tense < 0 or (tense == 0 and (mo is not None or pos < len(lead))))
                 and not in_range(low, pos) and not TARGET.search(low, max(0, pos - 12), pos)), default=0)
    support: dict[int, tuple[float, str]] = {}
    for y, mo, pos, tense in years:
        if mo is None or tense > 0:
            continue  # a plan says little of when it was told (works finish a year after the lead's day)
        aside = bool(_ASIDE.search(low[max(0, pos - 24):pos]))  # "hồi tháng 5/2016": never this month
        since = bool(PERIOD_START.search(low[max(0, pos - 24):pos]))  # "từ tháng 8-2012": maybe years ago
        for cand in (y - 1, y, y + 1):
            if cand < floor:
                continue
            delta = _months(cand, lm) - _months(y, mo)  # > 0: the month written lies before the lead
            if (aside and delta == 0) or (since and delta > 1):
                continue
            if not 0 <= delta <= 6:
                continue  # told as past (or without tense): up to six months before the lead's day
            weight = 1.0 / (1 + abs(delta))
            prev = support.get(cand, (0.0, ""))
            written = low[max(0, pos - 16):pos + 4].split("\n")[-1]
            written = (written.split(" ", 1)[-1] if pos >= 16 and not low[pos - 17].isspace() else written).strip()
            support[cand] = (prev[0] + weight, prev[1] or f"'{written}'")
    if not support:
        return None
    ranked = sorted(support.items(), key=lambda kv: (-kv[1][0], -kv[0]))
    if len(ranked) > 1 and ranked[1][1][0] >= ranked[0][1][0] * 0.8:
        return None  # two years fit about as well: the text does not tell
    year, (_, what) = ranked[0]
    return year, f"the lead's '{dm.group(0).strip()}' lies within months of {what}"


@lru_cache(maxsize=64)
def infer_published(text: str, *, title_end: int = 0) -> Inference | None:
    """The publication year the text gives, with its window and basis; None when it gives none."""
    low = fold(text, strip_marks=False).text
    lead = _lead(low, title_end)
    years = written_years(low)
    future = [y for y, _, pos, tense in years if tense > 0 and planned(low, pos)]
    found = _strong(low, lead)
    strength = 3
    if found is None:
        found, strength = _month_pair(low, years), 2
    if found is None:
        m = _LEAD_FULL.search(lead)
        since = m and re.search(rf"\b(?:kể từ|từ khi|từ sau)\b[^.!?\n]{{0,60}}\b{m['y']}\b", low)
        if m and tense_of(low, m.start(), m.end()) <= 0 and not since:  # "Kể từ khi ... năm 1995, ...": a start
            found, strength = (int(m["y"]), f"the lead's date '{m.group(0).strip()}'"), 2
    if found is None:
        found = _anchored(low, lead, years)
        strength = 1
    weak = (lambda: named_current(text, low, lead, years), lambda: _ahead(low, lead, years),
            lambda: _day_in_terms(text, lead, title_end),
            lambda: _inaugurated(low, lead, years), lambda: _bounded(low, lead, years))
    for cue in ((lambda: found),) if found is not None else weak:
        got = cue()
        if got is None:
            continue
        year, basis = got
        # a year told as future before the one found, "2016 là năm thành công" beside a later year (a
        # year looked back on), a year outside the terms of the heads the lead names or before the end of those
        # the text calls former: not the current one
        if not ((future and strength < 3 and min(future) < year)
                or (" là năm" in basis and any(y > year for y, _, pos, tense in years
                                               if tense <= 0 and not in_range(low, pos)))
                or not fits_offices(lead, year) or not _day_fits(lead, year) or not after_former(low, year)):
            break
        if found is not None:
            return None  # a strong cue contradicted: the text does not tell
    else:
        return None  # no cue, or each weak cue contradicted
    return Inference(f"{year:04d}", (f"{year:04d}-01-01", f"{year:04d}-12-31"), basis, strength)
