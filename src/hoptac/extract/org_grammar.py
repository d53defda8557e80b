"""Organization name grammar beyond the head walk of ``orgs.py``.

Vietnamese institution names are often written in sentence case: a head, one capitalized word,
then lower-case words (``Cục Khoa học quân sự``, ``Cơ quan Thông tin năng lượng Mỹ (EIA)``,
``Hiệp hội May mặc và giày dép Mỹ``). The walk stops at the first lower-case word; here the
name runs on over such a run when the run is made of dictionary words and something closes
it as a name: a country, the name's acronym in brackets, its parent body in brackets
(``(Bộ Quốc phòng)``) or ``thuộc``. Also: bodies a country names (``chính phủ Mỹ``,
``không quân Nga``, ``Quốc hội Iran``), a legislature written bare (``Quốc hội``), the descriptor of a
company head that is not part of its name (``Hãng thông tấn AP`` is ``AP``), mentions that are
credits or products and short names a longer one completes (names closed by a company or media
word, ``Phu Thai Holdings``, are read in ``org_suffixes.py``; firms named after a lower-case word
saying what they are, names listed beside a firm and short company names in ``org_firms.py``).
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Any

from .acts import cues
from .gazetteer import Gazetteer, in_dictionary, load_yaml
from .spans import Cover, Reach

LOWER_WORD = re.compile(r"[^\S\n]+([a-zà-ỹđ]+)(?![\w-])")
_PAREN_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z0-9&.\-]{1,14}\)")
_PARENT = re.compile(r"\s*\((?=[A-ZĐÀ-Ỹ])")
_THUOC = re.compile(r"\s+thuộc(?!\w)")
_MAX_RUN = 6


@cache
def tail_words() -> str:
    """The words a name never ends on (``name_tail_words`` of organizations.yaml), as an alternation."""
    return "|".join(re.escape(w) for w in load_yaml("organizations.yaml")["name_tail_words"])
Hit = tuple[int, int, str, str, "str | None", str]  # start, end, name, kind, side, key


@cache
def name_trim() -> re.Pattern[str]:
    """Dashes and the words a name never ends on (:func:`tail_words`), at its end."""
    return re.compile(rf"(?:\s+(?:{tail_words()}|-|–))+\s*$")


def segments(syllables: list[str], singles: bool = False) -> bool:
    """Whether lower-case syllables split into dictionary words of two or more syllables,
    with ``và`` before a word (``kinh tế quốc tế``, ``và giày dép``: the name before it is the
    first of the pair); with ``singles``, one-syllable words of the dictionary too, after a word
    of two (``doanh nhân trẻ``, ``bay dịch vụ``: a run a country closes)."""
    n = len(syllables)
    ok = [True] + [False] * n
    for i in range(1, n + 1):
        for j in range(max(0, i - 4), i):
            if not ok[j]:
                continue
            piece = syllables[j:i]
            if (len(piece) >= 2 and in_dictionary(" ".join(piece))) or (piece == ["và"] and i < n) \
                    or (singles and len(piece) == 1 and i > 1 and in_dictionary(piece[0])):
                ok[i] = True
            if ok[i]:
                break
    return ok[n]


_PLACE_CHAIN = re.compile(r"\s*[-–]\s*")


def _place_end(ctext: str, pos: int, limit: int, g: Gazetteer, regions: bool) -> int | None:
    """The end of the country written at ``pos`` (not a capital city), or with ``regions`` of a
    region of ``name_regions`` (a chain ``châu Á - Thái Bình Dương`` whole); None when there is none."""
    cm = g.places.match(ctext, pos, limit)
    parts = re.split(r"\s*[-–]\s*", cm.group()) if cm else []
    if not parts or not all(p in g.countries or (regions and p in g.org_name_regions) for p in parts):
        return None  # a capital ("Hà Nội", "Washington") names a side, not the body: no closer
    end = cm.end()
    dash = _PLACE_CHAIN.match(ctext, end, limit)
    nxt = g.places.match(ctext, dash.end(), limit) if dash and dash.group().strip() else None
    if nxt:
        return nxt.end()
    return None if re.match(r"[-–]\w", ctext[end:end + 2]) else end  # "Mỹ-ASEAN": a pair, not the closer


def sentence_case_tail(ctext: str, end: int, limit: int, g: Gazetteer, *, regions: bool = False) -> int:
    """Where a name ending at ``end`` runs on over a lower-case run closed as a name (else ``end``).

    Closers: a country (with ``regions``, a region too: ``châu Á - Thái Bình Dương``; taken into
    the name), the acronym in brackets, a parent body in brackets, ``thuộc``. The run
    never holds a function word of ``not_in_names`` (but ``và``) nor a cue verb (``cho biết``),
    and never starts with a word of ``generic_lower`` (``chức năng``, ``liên quan``).
    """
    syl: list[str] = []
    ends: list[int] = []
    pos = end
    while len(syl) < _MAX_RUN:
        m = LOWER_WORD.match(ctext, pos, limit)
        if not m:
            break
        w = m.group(1)
        if w != "và" and w in g.org_not_in_name:
            break
        syl.append(w)
        ends.append(m.end())
        pos = m.end()
    cue_re = cues().cue_re
    for k in range(len(syl), 0, -1):
        run_end = ends[k - 1]
        run = syl[:k]
        if run[-1] == "và" or not segments(run, singles=True) or any(
                cue_re.fullmatch(" ".join(run[i:i + 2])) for i in range(len(run) - 1)):
            continue
        if " ".join(run[:2]) in g.org_generic_lower or run[0] in g.org_generic_lower:
            continue
        if not segments(run):  # one-syllable words in it (no cue verb): only a country closes it
            if any(cue_re.fullmatch(w) for w in run):
                continue
            place_end = _place_end(ctext, run_end + 1, limit, g, False) if ctext[run_end:run_end + 1] == " " else None
            if place_end and not re.match(r" [A-ZĐÀ-Ỹ]", ctext[place_end:place_end + 2]):
                return place_end  # not "phường Mỹ An": a country word opening a longer place name
            continue
        if ctext[run_end:run_end + 1] == " ":
            place_end = _place_end(ctext, run_end + 1, limit, g, regions)
            if place_end:
                return place_end
        if _PAREN_ACRONYM.match(ctext, run_end) or _PARENT.match(ctext, run_end) or _THUOC.match(ctext, run_end):
            return run_end
    return end


# up to six more words, then the name's acronym in brackets: "Hiệp hội Chế biến và Xuất khẩu
# thủy sản Việt Nam (VASEP)", "Cơ quan Quản lý hàng không Liên bang Mỹ (FAA)"
_TO_ACRONYM = re.compile(r"((?:\s+[^\W\d_]+){1,6})(?=\s*\([A-Z][A-Za-z0-9&\-]{1,11}\))")


def to_acronym(ctext: str, end: int, g: Gazetteer) -> int:
    """Where a name ending at ``end`` runs on to its acronym in brackets, though the walk stopped at
    a lower-case word; not over a function word, a generic word (``mới``), another head or a cue
    verb (``Hội đồng Cà phê thông báo Hiệp hội Sữa (VDA)``). Else ``end``."""
    ext = _TO_ACRONYM.match(ctext, end)
    if ext is None:
        return end
    words = ext.group(1).split()
    if any(w.lower() in g.org_not_in_name or w.lower() in g.org_generic_lower or w in g.org_heads for w in words) \
            or g.org_head_pattern.search(ext.group(1)) \
            or any(cues().cue_re.fullmatch(" ".join(words[i:i + 2])) for i in range(len(words))):
        return end
    return ext.end()


_UNIT_NUMBER = re.compile(r"[^\S\n]+\d{1,3}(?![\d\w.,/])")


def inner_head_end(ctext: str, pos: int, end: int, limit: int, g: Gazetteer) -> tuple[int, int | None]:
    """Where a name runs on when the walk stopped inside another head's words: ``Bộ Tư lệnh Vùng
    Cảnh sát biển 4 Việt Nam`` (the walk stops at ``biển`` of the head ``Cảnh sát biển``): to the end
    of that head, a unit number after it and the country after that, with where that head starts.
    Else ``(end, None)``."""
    inner = next((h for h in g.org_head_pattern.finditer(ctext, pos, min(limit, end + 20))
                  if h.start() < end < h.end() and h.group()[:1].isupper()), None)
    if inner is None:
        return end, None
    new = inner.end()
    num = _UNIT_NUMBER.match(ctext, new, limit)
    new = num.end() if num else new
    cm = g.places.match(ctext, new + 1, limit) if ctext[new:new + 1] == " " else None
    return (cm.end() if cm and cm.group() in g.countries else new), inner.start()


def in_office(ctext: str, head: str, start: int, g: Gazetteer, titles: Cover) -> bool:
    """Whether a body of ``office_bodies`` lies inside a title head that names it whole
    (``Phó Chủ tịch Quốc hội``, ``Bí thư Thành ủy``): there it is the office of the person.
    A body named by the place written after it (``Bí thư Thành ủy TP.HCM``, ``Bí thư Tỉnh uỷ Bến
    Tre``) is the organization the title names, as the GUIDE reads a person's title.
    ``titles``: the title heads' spans each less its first character (``a < start < b``)."""
    if head not in g.org_office_bodies or not titles.holds_point(start):
        return False
    after = start + len(head)
    return not (ctext[after:after + 1] == " " and g.places.match(ctext, after + 1))


def title_spans(ctext: str, g: Gazetteer) -> list[tuple[int, int]]:
    """The spans of the title heads of the text."""
    return [m.span() for m in g.title_heads.finditer(ctext)]


def lower_name_to_place(ctext: str, pos: int, limit: int, g: Gazetteer) -> int | None:
    """The end of a name written in lower case after its head and closed by a place: ``Hội đồng
    an ninh quốc gia Mỹ``, ``Viện nghiên cứu châu Mỹ``, ``Uỷ ban châu Âu``, ``Trung tâm nghiên cứu
    an ninh châu Á - Thái Bình Dương``. None when no place closes it."""
    region = _place_end(ctext, pos + 1, limit, g, True) if ctext[pos:pos + 1] == " " else None
    if region:
        return region
    tail = sentence_case_tail(ctext, pos, limit, g, regions=True)
    return tail if tail > pos and g.places.search(ctext, pos, tail) else None


def lower_run_to_body(ctext: str, pos: int, g: Gazetteer) -> int | None:
    """Where a head written before a lower-case run goes on: ``Uỷ ban đối ngoại Thượng viện Mỹ``,
    ``Ban đối ngoại Trung ương Đảng``: up to three lower-case syllables of dictionary words
    right before a known body or a ministry are the name's own words, and so is ``của`` between them
    when the body owns the unit (``Cơ quan tình báo của Bộ Quốc phòng Mỹ``: the GUIDE's name runs on to
    its owner; the owner stays a mention of its own). None when no body follows."""
    syl: list[str] = []
    end = pos
    for _ in range(3):
        m = LOWER_WORD.match(ctext, end)
        if not m:
            break
        syl.append(m.group(1))
        end = m.end()
        if not segments(syl):
            continue
        at = end + 1
        of = _OF_OWNER.match(ctext, end)
        if of:
            at = of.end()
        elif ctext[end:end + 1] != " ":
            continue
        if g.known_org_pattern.match(ctext, at) or g.ministries.match(ctext, at):
            return at - 1 if not of else at
    return None


_OF_OWNER = re.compile(r"[^\S\n]+của[^\S\n]+")


def country_body_hits(ctext: str, g: Gazetteer) -> list[Hit]:
    """Bodies a country names: a head of ``country_heads`` right before a country (``không quân
    Nga``, ``quân đội Syria``, ``Chính phủ Nhật Bản``, ``Quốc hội Iran``); the side is the
    country's. A capitalized head the head walk reads (``Hải quân``) is left to it; a body the
    gazetteer knows keeps its entry's name and key, whatever the case it is written in."""
    out: list[Hit] = []
    if g.org_country_head_pattern is None:
        return out
    for m in g.org_country_head_pattern.finditer(ctext):
        head = m.group()
        if (head[:1].isupper() and head in g.org_heads) or is_credit(ctext, m.start(), m.end()):
            continue
        kind = g.org_country_heads.get(" ".join(head.lower().split()), "government")
        cm = g.places.match(ctext, m.end() + 1) if ctext[m.end():m.end() + 1] == " " else None
        side = g.side_of_country(cm.group()) if cm and cm.group() in g.countries else None
        if side:
            name = ctext[m.start():cm.end()]
            known = g.known_orgs.get(name[:1].upper() + name[1:])
            country = side if side in ("VN", "US") else cm.group().lower()  # Japan's and Korea's are two
            key = known["name"].lower() if known else f"{' '.join(head.lower().split())}|{country}"
            out.append((m.start(), cm.end(), name, known["kind"] if known else kind,
                        known["side"] if known else side, key))
    return out


_OF_PLACE = re.compile(r"(?:[^\S\n]+[a-zà-ỹđ]+){0,2}?[^\S\n]+của[^\S\n]+")


def bare_body_hits(ctext: str, g: Gazetteer, taken: Cover, titles: Cover) -> list[Hit]:
    """A legislature of ``bare_bodies`` written without its country (``Phó Chủ tịch Quốc hội``,
    ``trình Quốc hội``): the body of the country written after it (``Quốc hội mới của Hoa Kỳ``),
    else of the one its last countried mention before it names (``Quốc hội Mỹ`` ... ``Quốc hội``), else of the
    first one after it, else of its default side. Not where a longer name holds it (``Uỷ ban
    Quốc hội Mỹ về ASEAN``, ``Nhà Quốc hội``: ``taken``) or a country follows it, nor inside a
    title head that names it whole (``Phó Chủ tịch Quốc hội``: there the title stands for the
    person, and the body would take the person's place as speaker or participant; ``titles``: the
    title heads' spans as ``in_office`` reads them, built once by the caller)."""
    out: list[Hit] = []
    for body, default in g.org_bare_bodies.items():
        sides: list[tuple[int, str]] = []
        bare: list[tuple[int, int]] = []
        for m in re.finditer(rf"(?<![\w]){re.escape(body)}(?![\w])", ctext):
            cm = g.places.match(ctext, m.end() + 1) if ctext[m.end():m.end() + 1] == " " else None
            side = g.side_of_country(cm.group()) if cm and cm.group() in g.countries else None
            if side:
                sides.append((m.start(), side))
            elif not (taken.holds_span(m.start(), m.end())
                      or is_credit(ctext, m.start(), m.end()) or ctext[max(0, m.start() - 4):m.start()] == "Nhà "
                      or in_office(ctext, body, m.start(), g, titles)):
                bare.append(m.span())
        for a, b in bare:
            before = [s for p, s in sides if p < a]
            after = [s for p, s in sides if p > a]
            of = _OF_PLACE.match(ctext, b)
            cm = g.places.match(ctext, of.end()) if of else None
            side = (g.side_of_country(cm.group()) if cm and cm.group() in g.countries else None) \
                or (before[-1] if before else (after[0] if after else default))
            known = next((e for n, e in g.known_orgs.items() if n.startswith(body + " ") and e["side"] == side), None)
            key = known["name"].lower() if known else f"{body.lower()}|{side}"
            out.append((a, b, body, "government", side, key))
    return out


_CREDIT = re.compile(r"(?:\(\s*Theo\s+|/\s*)$", re.IGNORECASE)
#: ``Theo`` opening a line: a source credit when the line holds only the source (``Theo AFP``), the
#: source of a statement when a clause follows it (``Theo Bộ Y tế, ...``: an organization of the story)
_LINE_THEO = re.compile(r"^\s*Theo\s+$", re.IGNORECASE | re.MULTILINE)


@cache
def _photo() -> re.Pattern[str]:
    """A credit label (``credit_labels`` of organizations.yaml: ``Ảnh:``, ``Đồ hoạ:``) earlier in the sentence."""
    labels = "|".join(re.escape(w) for w in load_yaml("organizations.yaml")["credit_labels"])
    return re.compile(rf"(?:{labels})\s*:[^.!?\n]*$", re.IGNORECASE)


_CREDIT_AFTER = re.compile(r"\s*/\s*[A-ZĐ]|\)\s*(?:/\s*)?$|\s*$", re.MULTILINE)
#: a model number after a maker's name: ``737``, ``A321``, ``C-130``, ``C -17``, ``UH-60``
_MODEL_NUMBER = re.compile(r"\s*(?:-?\s*\d{3}|[A-Z]{1,3}\s*-?\s*\d{3}|[A-Z]{1,3}\s*-\s*\d{2})")


def is_credit(ctext: str, start: int, end: int | None = None) -> bool:
    """A mention in a photo or source credit, no organization of the story: after ``Ảnh:`` in its
    line (``Ảnh: Nhan Sáng - TTXVN``), after ``(Theo`` or a slash, after ``Theo`` opening a line that holds
    no clause after the source (``Theo AFP``; not ``Theo Bộ Y tế, ...``), before a slash (``TTXVN/Tin
    Tức``), or in brackets that close its line (``Đức Dũng (TTXVN)``)."""
    line_start = ctext.rfind("\n", 0, start) + 1
    if _CREDIT.search(ctext, max(line_start, start - 40), start) or _photo().search(ctext, max(line_start, start - 60), start):
        return True
    if _LINE_THEO.match(ctext, line_start, start):
        line_end = ctext.find("\n", start)
        return "," not in ctext[start:line_end if line_end >= 0 else len(ctext)]
    if end is None:
        return False
    after = _CREDIT_AFTER.match(ctext, end)
    if not after:
        return False
    if after.group().lstrip().startswith("/"):
        return True
    if ")" in after.group():
        return ctext[max(0, start - 1):start] == "("
    return ctext[end:].strip(" /\n") == ""  # the outlet that closes the article


def is_product(ctext: str, end: int) -> bool:
    """A company name used for its product: a model number right after it (``Boeing 737``, ``Airbus A321``,
    ``Boeing C-17``)."""
    return bool(_MODEL_NUMBER.match(ctext, end)) and not ctext[end:end + 1].isalnum()


def whole_names(ctext: str, hits: list[Hit]
                 ) -> list[Hit]:
    """A name cut short where the text goes on with a longer name found elsewhere is that name.

    The title writes "Hiệp hội Chế biến và Xuất khẩu thủy sản Việt Nam làm việc ..." and the walk
    stops at "thủy"; the lead writes the whole name before its acronym. Where the text at a
    short hit reads the longer name in full, the hit becomes the longer one.
    """
    longer = sorted({h[2]: h for h in hits}.values(), key=lambda h: -len(h[2]))
    opening: dict[str, list[Any]] = {}  # the words a name starts with (up to a space) -> the longer names, in order
    for x in longer:
        for k, ch in enumerate(x[2]):
            if ch == " ":
                opening.setdefault(x[2][:k], []).append(x)
    out = []
    for h in hits:
        full = next((x for x in opening.get(h[2], ()) if len(x[2]) > len(h[2]) and x[2].startswith(h[2] + " ")
                     and ctext.startswith(x[2], h[0])), None)
        out.append((h[0], h[0] + len(full[2]), *full[2:]) if full else h)
    return out


OF = " của "


def inside_other(a0: int, b0: int, outer: Reach, owned: list[int]) -> bool:
    """Whether a name ``[a0, b0)`` lies inside a longer one starting before it with no ``của`` between
    their starts (``owned``: where `` của `` is written): the longer ones starting after the last
    ``của`` that ends by ``a0``, the furthest reaching of them read from ``outer`` (not every longer
    name compared)."""
    k = bisect.bisect_right(owned, a0 - len(OF)) - 1  # the last " của " written wholly before a0
    end = outer.furthest_between(owned[k] if k >= 0 else None, a0)
    return end is not None and end >= b0
