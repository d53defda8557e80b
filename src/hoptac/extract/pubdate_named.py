"""Publication year from an event the text names with its year (``APEC 2017``).

Step 4 of :mod:`.pubdate`: the latest year written is the story's own when it names a
gathering of that year (``Hội nghị Gặp gỡ Hoa Kỳ 2018``), or an event named in the lead or
more than once, unless a sentence looking back names it or the name is a law's, a title's or a
model's (``Bộ luật Dân sự 2015``, ``Hoa hậu Việt Nam 2012``, ``đời 2011``).
"""

from __future__ import annotations

import re

from .fastre import bounded
from .tense import BRANCHES, PERIOD_START, TARGET, clause, in_range, sentence

__all__ = ["named_current"]


def _event_name(text: str, low: str, pos: int) -> str | None:
    """The name an event carries before its year (``APEC 2017``, ``Gặp gỡ Hoa Kỳ 2018``), or None.

    One of the up to four words before the year is capitalized in the text (not ``năm 2017``
    or ``giai đoạn 2017``), and the word right before the year is no preposition of time.
    """
    words = list(re.finditer(r"[\wà-ỹ-]+", low[max(0, pos - 40):pos]))[-4:]
    if len(words) > 1 and words[-1].group(0) == "năm" and _EVENT_NOUN.search(low, max(0, pos - 60), pos):
        words = words[:-1]  # "Diễn đàn Kinh tế Việt Nam năm 2018": the gathering's name, then its year
    if not words or words[-1].group(0) in ("năm", "tháng", "quý", "từ", "đến", "tới", "đoạn", "kỳ hạn"):
        return None
    if "vòng loại" in low[max(0, pos - 40):pos]:
        return None  # the qualifiers of "Asian Cup 2019" are played the years before
    if words[-1].group(0) in BRANCHES or _NOT_EVENT.search(low, words[0].start() + max(0, pos - 40), pos):
        return None  # "năm Nhâm Thìn 2012", "Bộ luật Dân sự 2015", "Hoa hậu Thế giới 2013", "i10 đời 2011"
    if any(ch.isdigit() for ch in words[-1].group(0)):
        return None  # a model's name ("Yamaha 125ZR 2016"): a product of that year, not an event
    base = max(0, pos - 40)
    if not any(text[base + w.start()].isupper() for w in words):
        return None
    return f"{words[-1].group(0)} {low[pos:pos + 4]}"


# names with a year that are no event of it: laws, a beauty queen's title, a model's year
_NOT_EVENT = bounded(r"\b(?:luật|bộ luật|hiến pháp|pháp lệnh|nghị định|thông tư|đời|phiên bản|mẫu xe|model)\b"
                        r"|(?<!cuộc thi )\b(?:hoa hậu|á hậu|hoa khôi|nam vương|người đẹp|quán quân|á quân)\b")
_EVENT_NOUN = bounded(r"\b(?:diễn đàn|hội nghị|hội thảo|triển lãm|hội chợ|ngày hội|tuần lễ|lễ hội|đối thoại|"
                         r"thượng đỉnh|hội nghị cấp cao|liên hoan|festival|expo|summit|forum|dialogue|chủ nhà)\b")
# a sentence that looks back over a stretch of time: the events it names with their year may be of years before
_REVIEW = bounded(r"\b(?:thời gian qua|những năm qua|các năm qua|nhìn lại|tổng kết|điểm lại|nhắc lại)\b")
def named_current(text: str, low: str, lead: str, years: list[tuple[int, int | None, int, int]]) -> tuple[int, str] | None:
    """The latest year the text writes of as past or present, when the story itself is of it.

    It is the story's own when it stands in a sentence about the present (``năm nay``,
    ``hôm nay``, ``vừa qua``), or names an event of that year (``APEC 2017``, ``Gặp gỡ Hoa
    Kỳ 2018``) after a word for a gathering (``hội nghị``, ``diễn đàn``: ``resources``-free, a
    closed list), or that the text tells without tense and names in its lead or more than
    once; otherwise it may be an aside or a statistic of years before. Years of ranges
    (``2018-2020``) are periods, not the current year.
    """
    years = [(y, mo, pos, tense) for y, mo, pos, tense in years
             if not (tense == 0 and TARGET.search(low, max(0, pos - 12), pos))]  # "đạt 10% vào năm 2025": a goal
    own = [(y, mo, pos, tense) for y, mo, pos, tense in years
           if tense <= 0 and not PERIOD_START.search(low[max(0, pos - 24):pos]) and not in_range(low, pos)]
    if not own:
        return None
    top = max(y for y, _, _, _ in own)
    if any(y > top for y, _, _, tense in years if tense <= 0):
        return None  # a later year stands at the start of a period: the text goes on past it
    for y, mo, pos, tense in own:
        if y != top:
            continue
        name = _event_name(text, low, pos) if mo is None else None
        review = _REVIEW.search(low, sentence(low, pos)[0], pos)
        if (review and re.search(r"\bđã\b", low[review.end():pos])) or re.search(r"\btừng\b", clause(low, pos, pos + 4)[0]):
            continue  # "tiến triển trong thời gian qua, ... đã có ... APEC 2017", "từng đoạt giải ... 2016": looked back on
        held = bool(_EVENT_NOUN.search(low, max(sentence(low, pos)[0], pos - 60), pos))
        # an acronym named in the lead ("Tuần lễ Cấp cao APEC") and with its year further on ("APEC 2017")
        word = name.split()[0] if name else ""
        acronym = len(word) >= 3 and text[pos - len(word) - 1:pos - 1].isupper()
        named_in_lead = acronym and re.search(rf"\b{re.escape(word)}\b", lead) is not None
        if name and (held or (tense == 0 and (low.count(name) >= 2 or name in lead or named_in_lead))):
            return top, f"the latest year written, naming an event of it ('{name}')"
    return None
