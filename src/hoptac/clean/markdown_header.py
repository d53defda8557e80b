"""Crawler Markdown's header: jina-reader lines or YAML front matter give title, URL and date.

Step 1 of :func:`hoptac.clean.markdown.strip_markdown`, apart because it reads metadata, not text:
the values it finds go on the :class:`MarkdownText` the cleaner returns, and the index of the first
body line tells the cleaner where the article starts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .meta import hint_date, is_instant
from .rules import Rules

_JINA_KEYS = {"title": "title", "url source": "url", "published time": "published",
              "markdown content": "start", "description": None, "warning": None, "image": None}
_FRONT_KEYS = {"title": "title", "url": "url", "source": "url", "date": "published",
               "published": "published", "author": "author", "sitename": "site"}


@dataclass
class MarkdownText:
    """Text with the Markdown syntax cut: one line per kept line, and its map to the input."""

    text: str = ""
    segments: list[tuple[int, int, int]] = field(default_factory=list)  # (text start, input start, length)
    title: str | None = None
    published: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    site_name: str | None = None


def _parse_date(value: str, rules: Rules) -> str | None:
    """An ISO date from a header's value, or None: a plain ISO date or local time as written, any
    other form (an instant with its offset, read in Vietnam's time; a dateline; an RSS date; a Unix
    time) as :func:`hint_date` reads crawler dates everywhere else."""
    value = value.strip().strip("'\"")
    if not is_instant(value):
        try:
            return dt.datetime.fromisoformat(value).date().isoformat()
        except ValueError:
            pass
    return hint_date(value, rules)


def read_header(raw: str, spans: list[tuple[int, int]], out: MarkdownText, rules: Rules) -> tuple[int, tuple[int, int] | None]:
    """Step 1: the index of the first body line, and the title value's input span if any."""
    title_span = None
    first = next((i for i, (a, b) in enumerate(spans) if raw[a:b].strip()), len(spans))
    if first < len(spans) and raw[spans[first][0]:spans[first][1]].strip() == "---":  # YAML front matter
        for j in range(first + 1, min(len(spans), first + 40)):
            a, b = spans[j]
            line = raw[a:b]
            if line.strip() == "---":
                return j + 1, title_span
            m = re.match(r"^([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$", line)
            if m and m.group(1).lower() in _FRONT_KEYS:
                title_span = _meta(out, _FRONT_KEYS[m.group(1).lower()], m.group(2), a + m.start(2), rules) or title_span
        return first, None  # no closing line: not front matter
    start = first
    j = first
    while j < len(spans) and j < first + 30:
        a, b = spans[j]
        line = raw[a:b]
        if not line.strip():
            j += 1
            continue
        m = re.match(r"^([A-Za-z][A-Za-z ]{1,20}?)[ \t]*:[ \t]*(.*?)[ \t]*$", line)
        key = m.group(1).lower() if m else None
        if key not in _JINA_KEYS:
            break
        what = _JINA_KEYS[key]
        if what == "start":
            return j + 1, title_span
        if what:
            title_span = _meta(out, what, m.group(2), a + m.start(2), rules) or title_span
        j += 1
        start = j
    return start, title_span


def _meta(out: MarkdownText, what: str, value: str, at: int, rules: Rules) -> tuple[int, int] | None:
    """Record one header value; the title's input span when ``what`` is the title."""
    quoted = value[:1] in "'\"" and value[-1:] == value[:1] and len(value) > 1
    if quoted:
        value, at = value[1:-1], at + 1
    if not value:
        return None
    if what == "title":
        out.title = value
        return at, at + len(value)
    if what == "url":
        out.url = out.url or value
    elif what == "published":
        out.published = out.published or _parse_date(value, rules)
    elif what == "author":
        out.authors = [a.strip() for a in re.split(r"[;,]", value) if a.strip()]
    elif what == "site":
        out.site_name = value
    return None
