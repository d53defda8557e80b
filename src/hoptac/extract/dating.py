"""Stages ``published`` and ``dates``: when the article appeared, and when what it reports happened.

``published`` (right after ``clean``) keeps a publication date that metadata or the text's
date line gave (``clean`` has set its provenance), else infers the year from the text
(:mod:`.pubdate`), else leaves the article undated and says so in ``warnings``. A crawl date
(a WARC record's) bounds the date from above: an inferred year after it is dropped.

``dates`` (last) settles what the other stages dated against it:

1. each event's date provenance (``stated``, ``relative``, ``inferred``; ``partial`` without
   a year) and ``background``: a dated occasion that ended more than a month before the
   article's publication is mentioned in passing, not reported as news;
2. each statement's date: the date of the reported (not background, not planned) event it
   was said at, else the article's publication date, else, for an article known only to the
   year, the day of the occasion its lead (title and first three sentences) reports.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt

from ..model import Article, Event
from ..settings import Settings
from .pubdate import infer_published, lead_end, office_window

__all__ = ["date_article", "date_records", "interval"]

#: how long before publication an occasion still counts as the news (words are reported within days)
NEWS_DAYS = 31


def interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The days an ISO date, month or year may stand for (None for partial or invalid values)."""
    if not value or value.startswith("-"):
        return None
    parts = value[:10].split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        m = int(parts[1])
        if len(parts) == 2:
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        day = dt.date(y, m, int(parts[2]))
        return day, day
    except ValueError:
        return None


def date_article(article: Article, settings: Settings) -> Article:
    """Stage ``published``: the publication date with its provenance, inferred from the text when none."""
    crawled = interval(str(article.meta.get("warc_date") or "")[:10])
    if article.published:
        article.published_provenance = article.published_provenance or "metadata"
        return article
    title_end = title_span[1] if (title_span := article.meta.get("title_span")) else 0
    found = infer_published(article.text, title_end=title_end)
    terms = office_window(article.text, title_end=title_end)
    lo, hi, basis = terms if terms else ("", "9999-12-31", "")
    if crawled is not None:
        hi = min(hi, crawled[1].isoformat())
        basis = "; ".join(b for b in (basis, f"crawled {crawled[1].isoformat()}") if b)
    if found is not None and (found.window[0] > hi or found.window[1] < lo):
        found = None  # the text's year lies outside the terms or after the crawl: not the current year
    if found is None:
        if hi < "9999" or lo:
            article.published_window = (lo or "0001-01-01", hi)
            article.published_basis = basis
        bound = f"; {basis} bound it to {lo or '…'}…{hi}" if basis else ""
        article.warnings.append(f"no publication date: no metadata, date line or year in the text{bound}")
        return article
    article.published = found.value
    article.published_provenance = "inferred"
    article.published_basis = found.basis
    article.published_window = (max(found.window[0], lo), min(found.window[1], hi))
    article.warnings.append(f"publication date inferred from the text: {found.value} ({found.basis})")
    return article


class _Holding:
    """Events by the span of their evidence: the first (in their order) whose evidence holds a point,
    found among those starting within the longest evidence's length before it (not every event)."""

    def __init__(self, events: list[Event]) -> None:
        self.events = events
        self.ranked = sorted(range(len(events)), key=lambda k: events[k].evidence[0])
        self.starts = [events[k].evidence[0] for k in self.ranked]
        self.longest = max((ev.evidence[1] - ev.evidence[0] for ev in events), default=0)

    def first(self, pos: int) -> Event | None:
        """The first event with ``start <= pos < end``, if any."""
        lo, hi = bisect.bisect_left(self.starts, pos - self.longest), bisect.bisect_right(self.starts, pos)
        ks = [k for k in self.ranked[lo:hi] if pos < self.events[k].evidence[1]]
        return self.events[min(ks)] if ks else None


def _reported(ev: Event, pub: tuple[dt.date, dt.date] | None) -> bool:
    """Whether an event is the article's news: happened, not background, dated to the day (to the
    month when the publication date, known to the month, confirms it is recent), not after the publication."""
    iv = interval(ev.date)
    month_ok = pub is not None and (pub[1] - pub[0]).days < 31  # a year says nothing of a month's recency
    if ev.status != "happened" or ev.background or iv is None or len(ev.date or "") < (7 if month_ok else 10):
        return False
    return pub is None or iv[0] <= pub[1] + dt.timedelta(days=1)


def date_records(article: Article, settings: Settings | None = None) -> Article:
    """Stage ``dates``: events' provenance and background flag, statements' dates (module steps)."""
    pub = interval(article.published)
    for ev in article.events:
        iv = interval(ev.date)
        if ev.date_provenance is None:
            ev.date_provenance = ("partial" if ev.date and ev.date.startswith("--") else
                                  "inferred" if ev.date_inferred else "stated" if ev.date else None)
        # with no publication date, the events stage's word for it ("từ năm 2010", "năm ngoái") stands
        ev.background = bool(iv and pub and iv[1] < pub[0] - dt.timedelta(days=NEWS_DAYS)) \
            or (pub is None and ev.background)
    title_end = title_span[1] if (title_span := article.meta.get("title_span")) else 0
    in_lead = lead_end(article.text, title_end)
    lead = next((ev for ev in sorted(article.events, key=lambda e: e.evidence[0])
                 if ev.evidence[0] < in_lead and _reported(ev, pub) and len(ev.date or "") == 10), None)
    holding = _Holding([ev for ev in article.events if _reported(ev, pub)])
    for st in article.statements:
        if st.date:
            continue  # dated already (an earlier run, or the caller)
        at = holding.first(st.evidence[0])
        if at is not None:
            st.date, st.date_provenance = at.date, at.date_provenance
        elif article.published and len(article.published) == 10:
            st.date, st.date_provenance = article.published, article.published_provenance
        elif lead is not None:
            st.date, st.date_provenance = lead.date, "inferred"
        elif article.published:
            st.date, st.date_provenance = article.published, article.published_provenance
    return article
