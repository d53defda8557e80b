"""Crawler Markdown (trafilatura, markdownify, jina-reader, firecrawl): syntax cut, navigation dropped.

Steps of :func:`strip_markdown` (every kept character is copied from the input, so spans map back):

1. the header: jina-reader lines (``Title:``, ``URL Source:``, ``Published Time:``,
   ``Markdown Content:``) or YAML front matter (``---`` ... ``---``) give the title, the URL and
   the published date; they are not text;
2. block syntax: ATX headings (``# ``), setext underlines (``===``, ``---``), rules, list
   markers, blockquote markers, code fences, reference definitions (``[1]: http://``) and table
   rows (a table of one column stays a ``| cell |`` line, which the plain cleaner reads as a
   caption; other tables give one line a cell);
3. inline syntax: images and linked images, links (``[text](url)``, ``[text][ref]``) keep their
   text, URLs (``<http://...>`` or bare) go, emphasis markers and escapes go;
4. navigation: a line that is only links (menus, share bars, related headlines, breadcrumbs)
   is dropped; so is a related-links box inside the article (a marker such as ``Tin liên quan``
   over link lines, with the article going on after it); an image alone on its line stays as
   ``![alt](src)`` so the plain cleaner drops it and marks the caption under it;
5. the title: the header's, or the first ``#`` heading; what comes before the title line is
   site navigation, except datelines, which the plain cleaner reads.

:func:`looks_like_markdown` tells a ``.txt`` holding Markdown by its syntax density.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ..extract.fastre import bounded
from .markdown_header import MarkdownText, read_header
from .meta import match_dateline
from .plain import subtract
from .rules import Rules, load_rules, marker_key

__all__ = ["MarkdownText", "compose_offsets", "looks_like_markdown", "strip_markdown"]

_ATX = re.compile(r"^(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^(=+|-+)[ \t]*$")
_RULE = re.compile(r"^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^(?:```|~~~)")
_LIST = re.compile(r"^(?:[*+\-•]|\d{1,3}[.)])[ \t]+")
_QUOTE = re.compile(r"^(?:>[ \t]?)+")
_REFDEF = re.compile(r"^\[([^\]]+)\]:[ \t]*(\S+)")
_TABLE_SEP = re.compile(r"^\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?$")
_URL = r"(?:[^()\s]|\([^()\s]*\))*"
_TITLE_ATTR = r"""(?:[ \t]+(?:"[^"]*"|'[^']*'))?"""
_LINKED_IMAGE = re.compile(r"\[!\[[^\]]*\]\(" + _URL + _TITLE_ATTR + r"\)\]\(" + _URL + _TITLE_ATTR + r"\)")
_IMAGE = re.compile(r"!\[[^\]]*\]\(" + _URL + _TITLE_ATTR + r"\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((" + _URL + r")" + _TITLE_ATTR + r"\)")
_REFLINK = re.compile(r"\[([^\[\]]+)\](?:\[([^\[\]]*)\])?")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:|www\.)[^<>\s]+>")
_BARE_URL = bounded(r"(?<![\w/])(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?\"'”]")
_HTML_TAG = re.compile(r"</?(?:br|span|div|p|b|i|strong|em|u|sup|sub|a|font|small|center)\b[^<>]*>|<!--.*?-->", re.I)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_EMPHASIS = (
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
    bounded(r"(?<![\w*\\])(\*)(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])"),
    bounded(r"(?<![\w\\])(_)(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)"),
    re.compile(r"(~~)(?=\S)(.+?)(?<=\S)~~"),
    re.compile(r"(`)([^`]+)`"),
)
_SEPARATORS = set("|·•▪/>›»–—-,:;.()[]*#…")
_WORD = re.compile(r"\w", re.U)
_SOURCE_WORDS = frozenset({"nguồn", "theo", "nguồn tin", "source"})



@dataclass
class _Line:
    """A line's kept input spans, what its links and prose hold, and its role."""

    spans: list[tuple[int, int]]
    text: str
    links: int = 0
    images: int = 0
    prose_words: int = 0
    prose: str = ""
    heading: int = 0
    raw_image: tuple[int, int] | None = None
    table: bool = False
    para: bool = False  # a paragraph's line: no heading, list, quote or table mark
    row: int = -1  # the input line it comes from

    @property
    def is_nav(self) -> bool:
        """Only links (and separators, or a short label ending in ':'): navigation, not prose."""
        if not self.links:
            return False
        if self.prose_words == 0:
            return True
        label = self.prose.strip().rstrip(":").strip().casefold()
        if self.prose.strip().endswith(":") and self.prose_words <= 4 and label not in _SOURCE_WORDS:
            return True
        return self.links >= 2 and self.prose_words <= self.links


def looks_like_markdown(raw: str) -> bool:
    """Whether plain text is crawler Markdown, by the density of its syntax lines.

    Strong marks (links, headings, setext underlines, emphasis, reference definitions, angle
    URLs, a jina-reader header) count; list and quote markers and image placeholders alone
    (which plain pages have) do not.
    """
    head = raw[:2000]
    if re.search(r"^(?:URL Source|Markdown Content):", head, re.M):
        return True
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    if not lines:
        return False
    strong = 0
    prev = ""
    for ln in lines[:400]:
        if (_ATX.match(ln) and len(ln) > 2) or _LINK.search(ln) or _REFDEF.match(ln) or _AUTOLINK.search(ln) \
                or re.search(r"\*\*\S[^*]*\*\*|__\S[^_]*__", ln) or (_SETEXT.match(ln) and prev and len(ln) >= 3):
            strong += 1
        prev = ln
    n = min(len(lines), 400)
    return (strong >= 3 and strong / n >= 0.08) or (strong >= 2 and n <= 12)


def _line_spans(raw: str) -> list[tuple[int, int]]:
    """Every line's span in the input, without its line break."""
    spans, pos = [], 0
    for part in raw.split("\n"):
        end = pos + len(part)
        spans.append((pos, end - 1 if part.endswith("\r") else end))
        pos = end + 1
    return spans


def _cut_line(raw: str, a: int, b: int, refs: set[str]) -> _Line:
    """Step 3: one line's inline syntax cut; its links, images and prose counted."""
    s = raw[a:b]
    work = list(s)
    cuts: list[tuple[int, int]] = []
    link_text: list[tuple[int, int]] = []
    links = images = 0

    def blank(x: int, y: int, ch: str = "\x00") -> None:
        for k in range(x, y):
            work[k] = ch

    for m in _ESCAPE.finditer(s):
        cuts.append((m.start(), m.start() + 1))
        blank(m.start(), m.end(), "a")
    for rx in (_LINKED_IMAGE, _IMAGE):
        for m in rx.finditer("".join(work)):
            cuts.append(m.span())
            blank(*m.span())
            images += 1
    for m in _LINK.finditer("".join(work)):
        cuts += [(m.start(), m.start() + 1), (m.start(1) + len(m.group(1)), m.end())]
        link_text.append((m.start(1), m.end(1)))
        blank(m.start(), m.start() + 1)
        blank(m.end(1), m.end())
        links += 1
    for m in _REFLINK.finditer("".join(work)):
        label = (m.group(2) or m.group(1)).strip().casefold()
        if label not in refs:
            continue
        cuts += [(m.start(), m.start() + 1), (m.end(1), m.end())]
        link_text.append((m.start(1), m.end(1)))
        blank(m.start(), m.start() + 1)
        blank(m.end(1), m.end())
        links += 1
    for rx in (_AUTOLINK, _BARE_URL, _HTML_TAG):
        for m in rx.finditer("".join(work)):
            if "\x00" in m.group(0):
                continue
            cuts.append(m.span())
            blank(*m.span())
            links += rx is not _HTML_TAG
    for rx in _EMPHASIS:
        for m in rx.finditer("".join(work)):
            n = len(m.group(1))
            cuts += [(m.start(), m.start() + n), (m.end() - n, m.end())]
            blank(m.start(), m.start() + n)
            blank(m.end() - n, m.end())
    kept = subtract((0, len(s)), cuts)
    text = "".join(s[x:y] for x, y in kept)
    prose = "".join(s[x:y] for x, y in subtract((0, len(s)), cuts + link_text))
    words = [w for w in prose.split() if _WORD.search(w) and not set(w) <= _SEPARATORS]
    return _Line([(a + x, a + y) for x, y in kept], text, links=links, images=images,
                 prose_words=len(words), prose=prose)


def _trim(raw: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans without blanks at the two ends of the line they make, and collapsed empties."""
    spans = [s for s in spans if s[1] > s[0]]
    while spans and not raw[spans[0][0]:spans[0][1]].strip():
        spans.pop(0)
    while spans and not raw[spans[-1][0]:spans[-1][1]].strip():
        spans.pop()
    if spans:
        a, b = spans[0]
        spans[0] = (a + len(raw[a:b]) - len(raw[a:b].lstrip()), b)
        a, b = spans[-1]
        spans[-1] = (a, b - (len(raw[a:b]) - len(raw[a:b].rstrip())))
    return spans


def _block(raw: str, spans: list[tuple[int, int]], start: int, refs: set[str]) -> list[_Line | None]:
    """Step 2: each body line with its block syntax cut (None: a blank or a pure-syntax line)."""
    out: list[_Line | None] = []
    fenced = False
    i = start
    while i < len(spans):
        a, b = spans[i]
        line = raw[a:b]
        body = line.strip()
        if _FENCE.match(body):
            fenced = not fenced
            out.append(None)
            i += 1
            continue
        if not body or _REFDEF.match(body) or (fenced and not body):
            out.append(None)
            i += 1
            continue
        if (_TABLE_SEP.match(body) and "|" in body) or (_RULE.match(body) and not (out and out[-1] is not None
                                                                                 and _SETEXT.match(body))):
            out.append(None)
            i += 1
            continue
        if _SETEXT.match(body) and out and out[-1] is not None:  # the line above is a heading
            out[-1].heading, out[-1].para = (1 if body[0] == "=" else 2), False
            out.append(None)
            i += 1
            continue
        if body.startswith("|") or (body.count("|") >= 2 and i + 1 < len(spans)
                                    and _TABLE_SEP.match(raw[spans[i + 1][0]:spans[i + 1][1]].strip() or "x")):
            rows = i + 1
            while rows < len(spans) and "|" in raw[spans[rows][0]:spans[rows][1]]:
                rows += 1
            out.extend(_table(raw, spans[i:rows], refs))
            i = rows
            continue
        lead = a + len(line) - len(line.lstrip())
        rest = raw[lead:b]
        heading = 0
        for rx in (_QUOTE, _LIST, _QUOTE, _LIST):
            m = rx.match(rest)
            if m:
                lead += m.end()
                rest = raw[lead:b]
        m = _ATX.match(rest)
        end = b
        if m:
            heading = len(m.group(1))
            lead += m.end()
            close = _ATX_CLOSE.search(raw[lead:b])
            end = lead + close.start() if close else b
        ln = _cut_line(raw, lead, end, refs)
        ln.heading, ln.row = heading, i
        ln.para = not heading and lead == a + len(line) - len(line.lstrip()) and not ln.images
        ln.spans = _trim(raw, ln.spans)
        only_image = _LINKED_IMAGE.fullmatch(raw[lead:end].strip()) or _IMAGE.fullmatch(raw[lead:end].strip())
        if only_image or (ln.images and not ln.text.strip(" |")):
            m = _IMAGE.search(raw, lead, end)
            ln.raw_image = (m.start(), m.end()) if m else None
        out.append(ln if ln.spans or ln.raw_image else None)
        i += 1
    return out


def _table(raw: str, rows: list[tuple[int, int]], refs: set[str]) -> list[_Line | None]:
    """A table's rows: kept whole when it has one column, else one line a non-empty cell."""
    cells_per_row = []
    for a, b in rows:
        body = raw[a:b].strip()
        if _TABLE_SEP.match(body):
            cells_per_row.append(None)
            continue
        inner_a = a + len(raw[a:b]) - len(raw[a:b].lstrip())
        cells, pos = [], inner_a
        for m in re.finditer(r"(?<!\\)\|", raw[inner_a:b] + "|"):
            end = min(inner_a + m.start(), b)
            if end > pos:
                cells.append((pos, end))
            pos = inner_a + m.end()
        cells_per_row.append([c for c in cells if raw[c[0]:c[1]].strip()])
    width = max((len(c) for c in cells_per_row if c is not None), default=0)
    out: list[_Line | None] = []
    for (a, b), cells in zip(rows, cells_per_row, strict=True):
        if cells is None:
            out.append(None)
        elif width <= 1:
            ln = _cut_line(raw, a, b, refs)
            ln.spans, ln.table = _trim(raw, [(a, b)]), True  # "| caption |" as the plain cleaner reads it
            out.append(ln if ln.spans else None)
        else:
            for ca, cb in cells:
                ln = _cut_line(raw, ca, cb, refs)
                ln.spans = _trim(raw, ln.spans)
                if ln.spans:
                    out.append(ln)
    return out


def _related_boxes(lines: list[_Line | None], rules: Rules) -> None:
    """Step 4: a marker over link lines, with two full sentences after it, is a box inside the article."""
    real = [k for k, ln in enumerate(lines) if ln is not None]
    for pos, k in enumerate(real):
        ln = lines[k]
        if ln is None or ln.links or marker_key(ln.text) not in rules.end_markers:
            continue
        run = pos + 1
        while run < len(real) and lines[real[run]] is not None and lines[real[run]].is_nav:
            run += 1
        if run == pos + 1:
            continue
        after = 0
        for k2 in real[run:]:
            nxt = lines[k2]
            if nxt is None or marker_key(nxt.text) in rules.end_markers:
                break
            if len(nxt.text.split()) >= 15 and nxt.text.rstrip("*_ ").endswith((".", "!", "?", "”", '"')):
                after += 1
        if after >= 2:
            lines[k] = None


def strip_markdown(raw: str, rules: Rules | None = None) -> MarkdownText:
    """Cut the Markdown syntax and navigation out of a crawler's page, by the module's steps."""
    rules = rules or load_rules()
    out = MarkdownText()
    spans = _line_spans(raw)
    start, title_span = read_header(raw, spans, out, rules)
    refs = {m.group(1).strip().casefold() for a, b in spans[start:]
            if (m := _REFDEF.match(raw[a:b].strip()))}
    lines = _block(raw, spans, start, refs)
    _related_boxes(lines, rules)
    kept = [ln for ln in lines if ln is not None]
    title_at = _title_line(kept, out)
    wrapped = _hard_wrapped(kept)
    emitted: list[list[tuple[int, int] | None]] = []
    if title_at is None and title_span:
        emitted.append([title_span])
    prev: _Line | None = None
    for k, ln in enumerate(kept):
        if title_at is not None and k < title_at and not match_dateline(ln.text, rules):
            continue  # site navigation above the headline
        if ln.raw_image and not ln.links:
            emitted.append([ln.raw_image])
        elif ln.is_nav and k != title_at:
            continue
        elif wrapped and prev is not None and prev.para and ln.para and ln.row == prev.row + 1 and emitted:
            emitted[-1] += [None, *ln.spans]  # a soft line break inside a paragraph: one space
        elif ln.spans:
            emitted.append(list(ln.spans))
        prev = ln
    pos = 0
    parts: list[str] = []
    for pieces in emitted:
        if parts:
            parts.append("\n")
            pos += 1
        for piece in pieces:
            if piece is None:
                parts.append(" ")  # inserted: no segment maps it to the input
                pos += 1
                continue
            a, b = piece
            out.segments.append((pos, a, b - a))
            parts.append(raw[a:b])
            pos += b - a
    out.text = "".join(parts)
    return out


def _hard_wrapped(kept: list[_Line]) -> bool:
    """Whether the page wraps its paragraphs at a fixed width (html2text): most lines that run on are 55-100 long."""
    running = [len(ln.text) for ln, nxt in pairwise(kept)
               if ln.para and nxt.para and nxt.row == ln.row + 1]
    paras = [len(ln.text) for ln in kept if ln.para]
    if len(running) < 4 or max(paras) > 110:
        return False
    return sum(55 <= n <= 100 for n in running) >= 0.6 * len(running)


def _title_line(kept: list[_Line], out: MarkdownText) -> int | None:
    """Step 5: the index of the title line among the kept lines (the header's title, else the first h1)."""
    key = " ".join(out.title.split()).casefold() if out.title else None
    for k, ln in enumerate(kept):
        if not ln.is_nav and not ln.heading and len(ln.text.split()) >= 20:
            return None  # the body has begun: a heading further down is a section's, not the title
        if key is not None:
            if ln.heading and " ".join(ln.text.split()).casefold() == key:
                return k
        elif ln.heading == 1 and ln.text.strip():
            out.title = " ".join(ln.text.split())
            return k
    return None


def compose_offsets(inner: list[tuple[int, int, int]], outer: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Offsets of a text built on the Markdown-stripped text, mapped through to the input."""
    result: list[tuple[int, int, int]] = []
    j = 0
    for c, m, n in inner:
        end = m + n
        while j < len(outer) and outer[j][0] + outer[j][2] <= m:
            j += 1
        k = j
        while k < len(outer) and outer[k][0] < end:
            oc, orw, on = outer[k]
            lo, hi = max(m, oc), min(end, oc + on)
            if hi > lo:
                piece = (c + (lo - m), orw + (lo - oc), hi - lo)
                if result and result[-1][0] + result[-1][2] == piece[0] and result[-1][1] + result[-1][2] == piece[1]:
                    result[-1] = (result[-1][0], result[-1][1], result[-1][2] + piece[2])
                else:
                    result.append(piece)
            k += 1
    return result
