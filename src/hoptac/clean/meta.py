"""Metadata read from lines of text: datelines, bylines and named outlets."""

from __future__ import annotations

import datetime as dt
import re

from .rules import Rules, marker_key

__all__ = ["Byline", "hint_date", "is_instant", "is_title_case_word", "match_dateline", "outlet_name", "parse_byline"]

_PAREN_TAIL = re.compile(r"\s*\(([^()]{1,60})\)\s*$")
_THEO = re.compile(r"^(?:nguồn\s*:\s*|theo\s+)(.{2,60}?)\s*$", re.I)
_GLUED_THEO = re.compile(r"^(.*?[a-zà-ỹđ])(Theo\s+.{2,60})$")
_NOT_NAME_START = frozenset({"ảnh", "video", "clip", "nguồn", "theo", "xem", "đọc", "tin", "bài"})
_NAME_TOKEN = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ'’-]*\.?)(?:\.[A-ZĐÀ-Ỹ][\wÀ-ỹ'’-]*)*\.?$")


def match_dateline(line: str, rules: Rules) -> tuple[str, bool, bool] | None:
    """(ISO date, explicit, has a time) when the whole line is a dateline, else None."""
    s = line.strip()
    if not s or len(s) > 90:
        return None
    for dl in rules.datelines:
        m = dl.pattern.fullmatch(s)
        if not m:
            continue
        g = m.groupdict()
        try:
            day = dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
        except (TypeError, ValueError):
            continue
        if not 1990 <= day.year <= 2100:
            continue
        has_time = bool(g.get("hh") or g.get("hh2"))
        return day.isoformat(), dl.explicit, has_time
    return None


#: Vietnamese outlets date their pages in Indochina time: an instant is read on that calendar.
_VN_TIME = dt.timezone(dt.timedelta(hours=7))
_EPOCH = re.compile(r"\d{10}(?:\d{3})?(?:\.\d+)?")
_ISO_INSTANT = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)")
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ ,T].*)?")


def is_instant(value: str) -> bool:
    """Whether a date is an ISO instant with its UTC offset (read on Vietnam's calendar)."""
    return bool(_ISO_INSTANT.fullmatch(value.strip()))


def hint_date(value: str, rules: Rules) -> str | None:
    """The ISO date of a date a crawler saved in one of the ways crawlers save them, else None.

    Plain ISO and day-first dates are read by the caller; these are the other forms seen in
    crawler records and headers: an ISO instant with its offset (``2021-08-24T23:30:00Z``), the page's own dateline (``Chủ nhật, 10/9/2023, 16:40 (GMT+7)``), an
    e-mail/RSS date (``Tue, 24 Aug 2021 11:00:00 GMT``), a Unix timestamp in seconds or
    milliseconds, and ``2025/04/03``. An instant is dated on Vietnam's calendar (UTC+7).
    """
    s = " ".join(str(value).split())
    instant = _ISO_INSTANT.fullmatch(s) is not None
    hit = None if instant else match_dateline(s, rules)
    if hit:
        return hit[0]
    when: dt.datetime | None = None
    if instant:
        try:
            when = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            return None
    elif _EPOCH.fullmatch(s):
        secs = float(s) / (1000 if len(s.split(".")[0]) == 13 else 1)
        when = dt.datetime.fromtimestamp(secs, dt.UTC)
    elif m := _YEAR_FIRST.fullmatch(s):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    else:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            return None
    if when.tzinfo is not None:
        when = when.astimezone(_VN_TIME)
    return when.date().isoformat() if 1990 <= when.year <= 2100 else None


def outlet_name(name: str, rules: Rules) -> str | None:
    """The reported name of a known outlet (``Vietnam +`` -> ``Vietnam+``), else None."""
    key = " ".join(name.replace(" +", "+").split())
    if key in rules.outlets:
        return rules.outlets[key]
    folded = {k.casefold(): v for k, v in rules.outlets.items()}
    return folded.get(key.casefold())


def is_title_case_word(tok: str) -> bool:
    """A capitalized word or initials (``Minh``, ``NGỌC``, ``H.Long``, ``K.T.``), not ``Lighthizer.``.

    The first letter must be a capital: ``À-Ỹ`` also spans the small letters with tone marks,
    so ``đoạn`` or ``ưu`` would otherwise pass (``Giai đoạn`` a byline).
    """
    if not _NAME_TOKEN.match(tok) or not tok[0].isupper() or any(ch.isdigit() for ch in tok):
        return False
    return not tok.endswith(".") or len(tok) <= 3 or "." in tok[:-1]


class Byline:
    """A byline line's parts: the authors named and the outlet credited (``Theo TTXVN``)."""

    def __init__(self, authors: list[str], outlet: str | None):
        self.authors = authors
        self.outlet = outlet

    def __repr__(self) -> str:
        return f"Byline({self.authors!r}, {self.outlet!r})"


def parse_byline(line: str, rules: Rules, *, allow_single: bool = False) -> Byline | None:
    """The byline a short line is, or None: ``Minh Thư``, ``NGỌC VÂN (Theo TTXVN)``, ``Theo VOV``.

    A name is one to five capitalized words without digits or sentence punctuation, not a
    heading of ``not_bylines``; a lone word counts only when it is a known outlet (or, with
    ``allow_single``, written in capitals).
    """
    s = " ".join(line.strip().split())
    if not s or len(s) > 80:
        return None
    outlet: str | None = None
    glued = _GLUED_THEO.match(s)
    if glued:  # "Nhật LinhTheo Nikkei Asia"
        s = f"{glued.group(1)} ({glued.group(2)})"
    whole = re.fullmatch(r"\(([^()]{1,40})\)", s)
    if whole:  # "(Vietnam+)": an outlet line
        inner = whole.group(1).strip()
        theo = _THEO.match(inner)
        inner = theo.group(1) if theo else inner
        known = outlet_name(inner, rules)
        if known or theo:
            return Byline([], known or inner)
        if inner.casefold() in rules.byline_notes:
            return Byline([], None)
        words = inner.split()
        return Byline([], inner) if len(words) <= 3 and all(is_title_case_word(w) for w in words) else None
    while True:
        m = _PAREN_TAIL.search(s)
        if not m:
            break
        note = m.group(1).strip()
        theo = _THEO.match(note)
        if theo:
            outlet = outlet or theo.group(1)
        elif note.casefold() not in rules.byline_notes and not note.lower().startswith(("video", "ảnh", "clip")):
            return None
        s = s[: m.start()].strip()
    theo = _THEO.match(s)
    if theo:
        return Byline([], outlet or theo.group(1)) if len(theo.group(1).split()) <= 6 else None
    if not s:
        return Byline([], outlet) if outlet else None
    if s.casefold() in rules.byline_notes:
        return Byline([], outlet)
    known = outlet_name(s, rules)
    if known:
        return Byline([], known)
    names = [n.strip() for n in re.split(r"\s*(?:,|\s-\s|\s–\s|\bvà\b|&)\s*", s) if n.strip()]
    authors = []
    for name in names:
        toks = name.split()
        if not 1 <= len(toks) <= 5 or not all(is_title_case_word(t) for t in toks):
            return None
        if marker_key(name) in rules.not_bylines or toks[0].rstrip(":").casefold() in _NOT_NAME_START:
            return None
        if len(toks) == 1 and not ("." in name or (allow_single and name.isupper() and len(name) > 2)):
            return None
        authors.append(name)
    return Byline(authors, outlet)
