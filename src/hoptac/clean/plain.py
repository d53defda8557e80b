"""Plain-text layout: which lines of a page are the article, and what the others say about it.

Steps of :func:`clean_text`:

1. split the input into lines (positions into the input, blanks trimmed);
2. the head: skip site headers, page clocks, share widgets and datelines above the title;
   the first other line is the title when it reads like one (a lead sentence is not);
3. datelines just under the title give the published date (explicit ``date ...`` lines
   count anywhere in the head; a bare weekday-and-date line above the title is a page clock);
   else a lead that opens with its dateline (``Hà Nội, ngày 5/3/2024 – ...``, ``(Chinhphu.vn) -
   Ngày 5/3/2024: ...``) gives it, the lead kept whole (a date without its year gives none);
4. the end matter: from the first end marker (``Tin bài liên quan``, ``Tin khác``...) on,
   nothing is the article;
5. furniture lines anywhere (hashtags, ``![]()`` placeholders, share widgets, ``Xem thêm``);
6. bylines and outlets: under the lead, at the end (then the lines after a final byline are
   the page's repeated photo captions), glued to the last sentence (``... USD. NGỌC VÂN``);
   an outlet prefix before the lead (``(Dân trí) - ``);
7. photo credits are cut and the captions they close are marked; a caption repeated at the
   end is dropped and its first appearance marked;
8. the text is assembled from unchanged runs of the input (``offsets``), one line a
   paragraph; glued sentences (``bán dẫn.Ngày``) are split into paragraphs by span only.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from ..extract.fastre import bounded
from .captions import find_credits
from .meta import Byline, match_dateline, outlet_name, parse_byline
from .rules import CAPTION_MARK, Rules, load_rules, marker_key

__all__ = ["Layout", "clean_text"]

_OUTLET_PREFIX = re.compile(r"^\(([^()]{2,30})\)\s*[-–—:]\s*")
_TABLE_CELL = re.compile(r"^\|\s*(.*?)\s*\|?$")
_GLUE = bounded(r"(?<=[a-zà-ỹđ]{2}[.!?])(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")
_TAIL_TOKEN = r"(?:[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ.\-]+|\([^()]{1,40}\))"
_GLUED_TAIL = re.compile(r"(?:(?<=[.!?\"”])|(?<=\./\.))\s+(" + _TAIL_TOKEN + r"(?:\s+" + _TAIL_TOKEN + r"){0,7})\s*$")
_END_MARK_TAIL = re.compile(r"\./\.\s+(\S.{0,60}?)\s*$")
_SENTENCE_INSIDE = bounded(r"(?<=[a-zà-ỹđ]{2}[.!?])\s+[A-ZĐÀ-Ỹ]")
_TITLE_MAX_WORDS = 40
_WRAP_MAX = 100  # hard-wrapped lines are at most this long
_LIST_ITEM = re.compile(r"(?:[-–•*+]|\d+[.:)/h])")  # a list item or a schedule line starts a line of its own
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
_TRAILING_WINDOW = 8
#: the line under an image with no credit of its own is its caption only when it is caption-sized:
#: 792 of 830 credited captions of vnus and general are under 40 words, 819 one sentence at most;
#: a longer line, or one of several sentences, is the lead or a paragraph the image sits above
_CAPTION_MAX_WORDS = 40
#: a lead opened by its dateline: an outlet in brackets and/or a place, then ``ngày`` and a full date, then a dash
_LEAD_DATELINE = re.compile(r"(?:\([^()]{2,30}\)\s*[-–—:]?\s*)?(?:[A-ZĐÀ-Ỹ][^\d,.;:!?()\n]{1,30},\s*)?"
                            r"[Nn]gày\s+(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})\s*[-–—:]\s*\S")


@dataclass
class Line:
    """One input line: its span in the input (blanks trimmed), role, cuts and captions."""

    a: int
    b: int
    text: str
    kind: str = "body"  # body, title, drop, blank
    cuts: list[tuple[int, int]] = field(default_factory=list)
    captions: list[tuple[int, int]] = field(default_factory=list)
    trailing: bool = False


@dataclass
class Layout:
    """What :func:`clean_text` found: the text, its map to the input, and the metadata."""

    text: str = ""
    offsets: list[tuple[int, int, int]] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    captions: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    title_span: tuple[int, int] | None = None


_LIST_ITEM = re.compile(r"(?:[-–•*+>»▪]|\d{1,2}[.)])\s*\S")


def _split_lines(raw: str) -> list[Line]:
    lines = []
    for m in re.finditer(r"[^\n]*", raw):
        a, b = m.span()
        if a == b and a > 0 and raw[a - 1] != "\n":
            continue
        seg = raw[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        la, lb = a + lead, b - trail
        lines.append(Line(la, lb, raw[la:lb], "body" if lb > la else "blank"))
    return lines


def is_furniture(s: str, rules: Rules, *, head: bool = False) -> bool:
    """Whether a whole line is page furniture (share widgets, placeholders, hashtags...).

    Above the title (``head``) the body-only rules do not apply: ``[Video] ...`` or
    ``Video: ...`` there is the headline of a video story, not a related link or a credit.
    """
    if any(p.fullmatch(s) for p in rules.line_patterns):
        return True
    if head:
        return False
    low = s.casefold()
    if any(low.startswith(p) for p in rules.line_prefixes):
        return True
    return any(p.fullmatch(s) for p in rules.body_line_patterns)


def plausible_title(s: str) -> bool:
    """Whether a first line reads like a headline rather than a lead sentence or a caption."""
    words = s.split()
    if not words or len(words) > _TITLE_MAX_WORDS or len(s) > 300:
        return False
    if s.endswith((".", ":", ";")) and not s.endswith(".."):
        return False  # a lead sentence or a caption: headlines do not end with a full stop
    if re.search(r"\bẢnh\s*:|\((?:Ảnh|Nguồn|Video|Clip)\b[^()]*\)", s) or s.startswith("("):
        return False
    return not (len(words) > 20 and _SENTENCE_INSIDE.search(s))


def _body(lines: list[Line]) -> list[int]:
    return [i for i, ln in enumerate(lines) if ln.kind == "body"]


def _head(lines: list[Line], rules: Rules, out: Layout, find_title: bool) -> int:
    """Steps 2-3: mark the head's lines; the index where the body starts."""
    before: list[tuple[str, bool, bool]] = []
    after: list[tuple[str, bool, bool]] = []
    title_idx = -1
    seen = 0
    i = 0
    while i < len(lines) and seen < 8:
        ln = lines[i]
        if ln.kind == "blank":
            i += 1
            continue
        seen += 1
        dl = match_dateline(ln.text, rules)
        words = ln.text.split()
        if dl:
            before.append(dl)
            ln.kind = "drop"
        elif marker_key(ln.text) in rules.end_markers:
            break
        elif marker_key(ln.text) in rules.site_headers or is_furniture(ln.text, rules, head=True) or (
                ln.text.isascii() and ln.text.isupper() and len(words) <= 6):
            ln.kind = "drop"
        else:
            if find_title and plausible_title(ln.text):
                ln.kind = "title"
                out.title = ln.text
                title_idx = i
            break
        i += 1
    start = title_idx + 1 if title_idx >= 0 else i
    j, looked = start, 0
    while j < len(lines) and looked < 4:
        ln = lines[j]
        j += 1
        if ln.kind == "blank":
            continue
        looked += 1
        dl = match_dateline(ln.text, rules)
        if dl:
            after.append(dl)
            ln.kind = "drop"
    explicit = [d for d in before + after if d[1]]
    timed_before = [d for d in before if d[2]]
    if title_idx < 0:  # no title: a dateline may sit anywhere in the head
        after = after + before
        timed_before = []
    pick = (explicit or after or timed_before or [None])[0]
    if pick:
        out.published = pick[0]
    else:
        out.published = _lead_dateline(lines, start)
    return start


def _lead_dateline(lines: list[Line], start: int) -> str | None:
    """Step 3, a dateline opening the lead (``Hà Nội, ngày 5/3/2024 – ...``): its full date, the text kept."""
    first = next((ln for ln in lines[start:] if ln.kind == "body"), None)
    m = _LEAD_DATELINE.match(first.text) if first else None
    if m is None:
        return None
    try:
        day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return day.isoformat() if 1990 <= day.year <= 2100 else None


def _end_matter(lines: list[Line], rules: Rules, start: int) -> None:
    """Step 4-5: drop the end matter and the furniture lines."""
    for i in range(start, len(lines)):
        ln = lines[i]
        if ln.kind != "body":
            continue
        if marker_key(ln.text) in rules.end_markers:
            for rest in lines[i:]:
                if rest.kind != "blank":
                    rest.kind = "drop"
            return
        if is_furniture(ln.text, rules):
            ln.kind = "drop"
            if marker_key(ln.text) in {marker_key(p) for p in rules.line_prefixes}:
                _drop_listed(lines, i + 1)


def _drop_listed(lines: list[Line], start: int) -> None:
    """The headlines a bare ``Xem thêm:`` line lists below it (``- ...``, ``> ...``): dropped with it."""
    for ln in lines[start:]:
        if ln.kind == "blank":
            continue
        if ln.kind != "body" or not _LIST_ITEM.match(ln.text):
            return
        ln.kind = "drop"


def _add_byline(out: Layout, authors: list[str], outlet: str | None, rules: Rules) -> None:
    for name in authors:
        if name not in out.authors:
            out.authors.append(name)
    if outlet and not out.outlet:
        out.outlet = outlet_name(outlet, rules) or outlet


def _bylines(lines: list[Line], rules: Rules, out: Layout) -> None:
    """Step 6: bylines and outlets under the lead, at the end and glued to the last sentence."""
    body = _body(lines)
    for _ in range(3):  # a name, an outlet line, a "Theo ..." line: at most three at the end
        body = _body(lines)
        window = body[-_TRAILING_WINDOW:]
        found = None
        for k in reversed(window):
            if lines[k].trailing:
                continue
            after = [x for x in body if x > k]
            if len(after) > 6 or any(len(lines[x].text.split()) > 50 for x in after):
                break
            bl = parse_byline(lines[k].text, rules, allow_single=True)
            if bl is None and "(" in lines[k].text and len(lines[k].text) <= 80:
                parsed = parse_tail(lines[k].text, rules)  # "HOÀNG LONG (Theo QĐND) HOÀNG LONG"
                bl = Byline(*parsed) if parsed else None
            if bl:
                found = (k, bl, after)
                break
        if not found or found[0] == body[0]:
            break
        k, bl, after = found
        lines[k].kind = "drop"
        _add_byline(out, bl.authors, bl.outlet, rules)
        for x in after:
            lines[x].trailing = True
    body = _body(lines)
    for k in body[:3]:
        if len(lines[k].text.split()) <= 5:
            bl = parse_byline(lines[k].text, rules)
            if bl and bl.authors:
                lines[k].kind = "drop"
                _add_byline(out, bl.authors, bl.outlet, rules)
    body = [x for x in _body(lines) if not lines[x].trailing]
    if body:
        _glued_tail(lines[body[-1]], rules, out)
        first = lines[body[0]]
        m = _OUTLET_PREFIX.match(first.text)
        if m and len(m.group(1).split()) <= 4:
            first.cuts.append((first.a, first.a + m.end()))
            _add_byline(out, [], m.group(1).strip(), rules)


def parse_tail(tail: str, rules: Rules) -> tuple[list[str], str | None] | None:
    """Names and outlet of a byline run such as ``NGỌC VÂN (Theo TTXVN) NGỌC VÂN``, or None."""
    names: list[str] = []
    outlet = None
    for paren, plain in re.findall(r"\(([^()]*)\)|([^()]+)", tail):
        if paren:
            bl = parse_byline(f"({paren})", rules) or parse_byline(paren, rules)
            if bl is None:
                return None
            outlet = outlet or bl.outlet
            continue
        plain = plain.strip()
        if not plain:
            continue
        known = outlet_name(plain, rules)
        if known:
            outlet = outlet or known
            continue
        bl = parse_byline(plain, rules, allow_single=True)
        if bl is None:
            return None
        names += [n for n in bl.authors if n not in names]
        outlet = outlet or bl.outlet
    return (names, outlet) if names or outlet else None


def _glued_tail(ln: Line, rules: Rules, out: Layout) -> None:
    """A byline or outlet glued after the last sentence: ``... USD. NGỌC VÂN (Theo TTXVN)``."""
    m = _END_MARK_TAIL.search(ln.text) or _GLUED_TAIL.search(ln.text)
    if not m:
        return
    parsed = parse_tail(m.group(1), rules)
    if parsed is None:
        return
    ln.cuts.append((ln.a + m.start(1), ln.b))
    _add_byline(out, *parsed, rules)


def _captions(lines: list[Line], rules: Rules) -> None:
    """Step 7: credits cut, captions marked (table-wrapped cells, placeholders' captions)."""
    prev_placeholder = False
    for ln in lines:
        if ln.kind == "drop" and ln.text.startswith("!["):
            prev_placeholder = True
            continue
        if ln.kind != "body":
            continue
        text, base = ln.text, ln.a
        cell = _TABLE_CELL.match(text) if text.startswith("|") else None
        if cell:
            inner_a = base + cell.start(1)
            ln.cuts.append((ln.a, inner_a))
            ln.cuts.append((inner_a + len(cell.group(1)), ln.b))
            text, base = cell.group(1), inner_a
        marked = text.startswith(CAPTION_MARK)
        if marked:  # an HTML photo caption (see hoptac.clean.html)
            ln.cuts.append((base, base + len(CAPTION_MARK)))
            text, base = text[len(CAPTION_MARK):], base + len(CAPTION_MARK)
        credits = find_credits(text, rules)
        for c in credits:
            ln.cuts.append((base + c.cut[0], base + c.cut[1]))
            ln.captions.append((base + c.caption[0], base + c.caption[1]))
        under_image = prev_placeholder and _caption_sized(text)
        if (cell or under_image or ln.trailing or marked) and not credits and text.strip():
            ln.captions.append((base, base + len(text)))
        prev_placeholder = False


def _caption_sized(text: str) -> bool:
    """Whether a line could be a photo caption: one sentence, under ``_CAPTION_MAX_WORDS`` words."""
    return len(text.split()) < _CAPTION_MAX_WORDS and not _SENTENCE_INSIDE.search(text)


def _kept_key(ln: Line) -> str:
    """A line's text without its cuts (credits), blanks and final stop: what a repeat compares."""
    text = "".join(ln.text[a - ln.a:b - ln.a] for a, b in _segments(ln))
    return " ".join(text.split()).rstrip(" .")


def _dedupe_trailing(lines: list[Line]) -> None:
    """A caption repeated after the byline is dropped; its first appearance becomes a caption."""
    seen: dict[str, Line] = {}
    for ln in lines:
        if ln.kind != "body":
            continue
        key = _kept_key(ln)
        if ln.trailing and key in seen:
            ln.kind = "drop"
            first = seen[key]
            if not first.captions:
                first.captions.append((first.a, first.b))
        elif not ln.trailing:
            seen.setdefault(key, ln)


def subtract(span: tuple[int, int], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A span minus cut spans, as sorted non-empty pieces (a line less its furniture, a
    Markdown line less its syntax)."""
    pieces = [span]
    for ca, cb in sorted(cuts):
        nxt = []
        for a, b in pieces:
            if cb <= a or ca >= b:
                nxt.append((a, b))
                continue
            if a < ca:
                nxt.append((a, ca))
            if cb < b:
                nxt.append((cb, b))
        pieces = nxt
    return [p for p in pieces if p[1] > p[0]]


def _segments(ln: Line) -> list[tuple[int, int]]:
    """The line's span minus its cuts."""
    return subtract((ln.a, ln.b), ln.cuts)


def _wrapped(lines: list[Line]) -> set[int]:
    """Lines of a hard-wrapped text (``fmt``, e-mail, 70 columns) that run on into the next one.

    A text is hard-wrapped when four in five of its lines are at most ``_WRAP_MAX`` characters
    long, and at least two, and half, of those followed directly by another stop short of a
    sentence's end.
    A line runs on when it stops short of a sentence's end and the next line's first word
    would not have fitted on it (the rule of every greedy wrapper): a short line (a heading,
    a paragraph's end) or one ending a sentence (most often a paragraph's end) stays a break,
    and so does one before a list item.
    """
    body = [ln for ln in lines if ln.kind == "body"]
    if 5 * sum(len(ln.text) > _WRAP_MAX for ln in body) > len(body):
        return set()  # long lines: one paragraph a line, not wrapped
    pairs = [i for i in range(len(lines) - 1) if lines[i].kind == "body" and lines[i + 1].kind == "body"
             and len(lines[i].text) <= _WRAP_MAX and len(lines[i + 1].text) <= _WRAP_MAX]
    open_ended = [i for i in pairs if not _SENTENCE_END.search(lines[i].text)]
    if len(open_ended) < 2 or 2 * len(open_ended) < len(pairs):
        return set()
    width = max(len(lines[i].text) for i in pairs)
    return {i for i in open_ended if len(lines[i].text) + 1 + len(lines[i + 1].text.split()[0]) > width
            and not _LIST_ITEM.match(lines[i + 1].text)}


def _assemble(raw: str, lines: list[Line], out: Layout, title_in_text: bool) -> None:
    """Step 8: text from unchanged runs of the input, offsets, captions and paragraphs.

    The lines of a hard-wrapped paragraph (:func:`_wrapped`) are joined by a space into one.
    """
    parts: list[str] = []
    pos = 0
    runs_on = _wrapped(lines)
    ordered = True  # the input runs taken so far follow one another (as the lines do): _map_span bisects
    next_joined = -1  # the line that continues the paragraph of the line before it
    for i, ln in enumerate(lines):
        if ln.kind not in ("body", "title") or (ln.kind == "title" and not title_in_text):
            continue
        segs = _segments(ln)
        while segs and not raw[segs[0][0]:segs[0][1]].strip():
            segs.pop(0)
        while segs and not raw[segs[-1][0]:segs[-1][1]].strip():
            segs.pop()
        if not segs:
            continue
        a0 = segs[0][0] + len(raw[segs[0][0]:segs[0][1]]) - len(raw[segs[0][0]:segs[0][1]].lstrip())
        segs[0] = (a0, segs[0][1])
        b1 = segs[-1][1] - (len(raw[segs[-1][0]:segs[-1][1]]) - len(raw[segs[-1][0]:segs[-1][1]].rstrip()))
        segs[-1] = (segs[-1][0], b1)
        join = i == next_joined
        if parts:
            parts.append(" " if join else "\n")
            pos += 1
        line_start = pos
        for a, b in segs:
            if out.offsets and a < out.offsets[-1][1] + out.offsets[-1][2]:
                ordered = False
            out.offsets.append((pos, a, b - a))
            parts.append(raw[a:b])
            pos += b - a
        span = (line_start, pos)
        if ln.kind == "title":
            out.title_span = span
            continue
        para_a = out.paragraphs.pop()[0] if join and out.paragraphs else line_start
        next_joined = i + 1 if i in runs_on else -1
        chunk = "".join(parts[-len(segs):]) if segs else ""
        for g in _GLUE.finditer(chunk):
            out.paragraphs.append((para_a, line_start + g.start()))
            para_a = line_start + g.start()
        out.paragraphs.append((para_a, pos))
        for ca, cb in ln.captions:
            c = _map_span(out.offsets, ca, cb, ordered)
            if c:
                out.captions.append(c)
    out.text = "".join(parts)


def _map_span(offsets: list[tuple[int, int, int]], ra: int, rb: int, ordered: bool = False) -> tuple[int, int] | None:
    """The text span covering the input span ``[ra, rb)`` (its kept parts), or None.

    ``ordered``: the runs follow one another in the input, so those meeting the span are found by
    bisection, not by reading them all (a long text has a caption every few paragraphs).
    """
    if ordered:
        k = bisect.bisect_right(offsets, ra, key=lambda o: o[1] + o[2])  # the first run ending after ra
        offsets = list(itertools.takewhile(lambda o: o[1] < rb, itertools.islice(offsets, k, None)))
    starts = [c + max(0, ra - r) for c, r, n in offsets if r + n > ra and r < rb]
    ends = [c + min(n, rb - r) for c, r, n in offsets if r + n > ra and r < rb]
    if not starts:
        return None
    return (min(starts), max(ends))


def clean_text(raw: str, rules: Rules | None = None, *, find_title: bool = True,
               title_in_text: bool = True) -> Layout:
    """Split a plain-text page into the article text and its metadata, by the module's steps."""
    rules = rules or load_rules()
    out = Layout()
    lines = _split_lines(raw)
    start = _head(lines, rules, out, find_title)
    _end_matter(lines, rules, start)
    _bylines(lines, rules, out)
    _captions(lines, rules)
    _dedupe_trailing(lines)
    _assemble(raw, lines, out, title_in_text)
    return out
