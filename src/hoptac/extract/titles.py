"""Titles and offices around a name: where a title phrase starts and ends, and what it
says about the person (organization, side).

A title is a head from ``resources/gazetteer/titles.yaml`` (``Bộ trưởng``, ``Phó Chủ tịch``,
``Đại sứ``) followed by the words that complete it: capitalized words (``Bộ Công Thương``,
``Hoa Kỳ``), lower-case syllables that form one word with the capitalized syllable before
them in underthesea's word list (``Ngoại giao``), connectors (``của``, ``tại``, ``kiêm``),
and an open clause after ``phụ trách`` (``phụ trách kinh tế, Môi trường và Năng lượng``).
The full stop of an abbreviation of ``names.yaml`` (``TP. Hồ Chí Minh``) continues a title.
It may come before a name (``Thứ trưởng Jacob Miller``), after it as an apposition
(``Ông Peter Gray, Phó Chủ tịch Northwind,``) or stand alone (``Thủ tướng đề nghị``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .fastre import bounded
from .gazetteer import Gazetteer, in_dictionary, is_cap
from .title_ends import APPOSITION, enclosed_end
from .title_ends import TOKEN as _TOK
from .title_sides import side_of_title

# lowercase words that may end a title (a connector that is also content)
_CONTENT = frozenset({"vấn đề", "thứ nhất", "thường trực", "cấp cao", "điều hành", "quốc gia",
                      "quốc tế", "khu vực", "nhân dân", "ngoại giao", "đặc mệnh toàn quyền",
                      "quốc phòng", "thương mại", "chính phủ"})
_SENT_END = re.compile(r"[.;:!?\"“”]")
_GAP_TAIL = re.compile(r"(?:(?:\s+(?:khi|lúc)\s+(?:đó|ấy))?\s+là|\s*[,\-–])?\s*$")  # "Tổng thống Mỹ khi đó là X"
_MAX_LOWER_RUN = 4


@dataclass
class TitleMatch:
    """A title phrase: its span and head (lower case) in the NFC text."""

    start: int
    end: int
    head: str
    reached: bool = False  # an apposition that ran on up to the next name
    honored: bool = False  # written before ", ông" and the name, not right before it

    def text(self, ctext: str) -> str:
        """The title as written."""
        return ctext[self.start:self.end]


def _phrase_at(ctext: str, pos: int, phrases: frozenset[str] | tuple[str, ...], n_max: int = 3) -> str | None:
    """The longest phrase of ``phrases`` (lower case) starting at ``pos``, if any."""
    words = []
    for m in _TOK.finditer(ctext, pos, min(len(ctext), pos + 60)):
        if m.start() != pos and ctext[m.start() - 1] != " ":
            break
        words.append(m.group().lower())
        if len(words) >= n_max:
            break
    for n in range(len(words), 0, -1):
        cand = " ".join(words[:n])
        if cand in phrases:
            return cand
    return None


class _Tokens:
    """The tokens of ``ctext[pos:limit]``, matched lazily: a walk reads only as far as it looks."""

    def __init__(self, ctext: str, pos: int, limit: int):
        self._it = _TOK.finditer(ctext, pos, limit)
        self._seen: list[re.Match[str]] = []

    def has(self, k: int) -> bool:
        """Whether there is a token ``k`` (matching up to it)."""
        while len(self._seen) <= k:
            m = next(self._it, None)
            if m is None:
                return False
            self._seen.append(m)
        return True

    def __getitem__(self, k: int | slice) -> Any:
        if isinstance(k, slice):
            self.has((k.stop if k.stop is not None else 1 << 62) - 1)
            return self._seen[k]
        if k < 0 or not self.has(k):
            raise IndexError(k)
        return self._seen[k]


def walk(ctext: str, pos: int, limit: int, g: Gazetteer, *, chains: bool = True,
         parens: bool = True, seats: bool = True, bounded: bool = False, bodies: bool = False) -> tuple[int, int]:
    """Extend a title (or a name after an organization head) from ``pos`` up to ``limit``.

    Returns ``(end, stop)``: ``end`` is where the phrase ends (after its last content word);
    ``stop`` is where the walk stopped (``limit`` when nothing broke it). With ``chains``,
    a comma followed by another title head continues the phrase (``Thượng nghị sĩ, Chủ tịch``);
    with ``parens`` a parenthesized name is stepped over (``(USAID)``); without ``seats``,
    ``tại``/``ở`` end the phrase. ``và`` before a head or a country ends it. A place name
    of the gazetteer is taken whole (``Hợp chúng quốc Hoa Kỳ``); with ``bodies`` (a title's walk) a
    ministry or a known organization too, whatever the case of its inner words (``Bộ Nông nghiệp và
    Phát triển nông thôn``, ``Đại Hội đồng Liên hợp quốc``). ``bounded`` walks (a title
    that must reach the name after it) also take lower-case words of two syllables
    (``xã hội``, ``chủ nghĩa``).
    """
    end = pos
    word: list[str] = []  # syllables of the current capitalized word (Ngoại giao)
    open_clause = False
    named_run = False  # a lower-case run inside a body's name, up to its next capitalized word
    lower_run = 0
    i = pos
    toks = _Tokens(ctext, pos, limit)  # read only as far as the walk looks: a long line costs nothing
    k = 0
    while toks.has(k):
        m = toks[k]
        gap = ctext[i:m.start()]
        if "\n" in gap or len(gap) > 2:
            return end, i
        tok = m.group()
        low = tok.lower()
        nxt = toks[k + 1].group() if toks.has(k + 1) else ""
        place = g.places.match(ctext, m.start(), limit) if tok[0].isupper() or low in ("hợp", "châu") else None
        if bodies and tok[0].isupper() and not place:  # "Bộ Nông nghiệp và Phát triển nông thôn", "Liên hợp quốc"
            place = g.ministries.match(ctext, m.start(), limit) or g.known_org_pattern.match(ctext, m.start(), limit)
        if place and place.end() > m.end():
            end = place.end()
            while toks.has(k) and toks[k].end() <= place.end():
                k += 1
            i = place.end()
            word, lower_run, named_run = [], 0, False
            continue
        if bounded and tok[0].isalpha() and not is_cap(tok) and toks.has(k + 1) and not nxt[:1].isupper() \
                and not open_clause and not _phrase_at(ctext, m.start(), g.open_clauses) \
                and nxt[:1].isalpha() and ctext[m.end():toks[k + 1].start()] == " " \
                and in_dictionary(f"{low} {nxt.lower()}") and low not in g.connectors:
            end = toks[k + 1].end()
            i = end
            k += 2
            word = []
            continue
        if tok[0].isdigit() and nxt[:1].islower() and not _phrase_at(ctext, toks[k + 1].start(), g.connectors):
            return end, m.start()  # "Cảnh sát biển Việt Nam 6 tàu": a count, not part of the name
        if tok[0].isalnum():
            if is_cap(tok) or tok[0].isdigit():
                end = m.end()
                lower_run, named_run = 0, False
                word = [low]
            elif word and (in_dictionary(" ".join([*word[-2:], low])) or in_dictionary(f"{word[-1]} {low}")):
                end = m.end()
                word.append(low)
            else:
                phrase = _phrase_at(ctext, m.start(), g.open_clauses)
                if phrase:
                    open_clause = True
                conn = phrase or _phrase_at(ctext, m.start(), g.connectors) \
                    or (_phrase_at(ctext, m.start(), g.tenure_words) if bodies else None)
                if conn in ("tại", "ở") and not seats:
                    return end, m.start()
                if conn == "và" and toks.has(k + 1) and _starts_other(ctext, toks[k + 1].start(), g):
                    return end, m.start()
                if conn:
                    n = len(conn.split())
                    if conn in _CONTENT or conn in g.tenure_words:
                        end = toks[k + n - 1].end()
                    k += n
                    i = toks[k - 1].end()
                    lower_run, word = 0, []
                    continue
                if not (open_clause or named_run or bounded) and _named_lower(ctext, toks, k, word, g):
                    named_run = True  # "Vụ trưởng Vụ thị trường châu Âu": a body's name written in lower case
                if not (open_clause or named_run) or lower_run >= _MAX_LOWER_RUN:
                    return end, m.start()
                lower_run += 1
                word = []
        elif tok == ",":
            nxt_pos = toks[k + 1].start() if toks.has(k + 1) else limit
            head_next = head_match(ctext, nxt_pos, g)
            if open_clause and head_next:
                return end, m.start()  # "... phụ trách X dẫn đầu, Bộ trưởng": another title
            if not ((chains and head_next) or (open_clause and nxt[:1].isalpha())):
                return end, m.start()
            if head_next and _other_country(ctext, pos, m.start(), nxt_pos, limit, g):
                return end, m.start()  # "Bộ trưởng Quốc phòng Việt Nam, Bộ trưởng Quốc phòng Mỹ": two people
            word = []
        elif tok == "." and k > 0 and abbreviation_dot(ctext, m.start(), g) and nxt[:1].isupper():
            word = []  # "Công an TP. Hồ Chí Minh": the full stop of an abbreviation
        elif tok in "-–&":
            if not nxt[:1].isupper():
                return end, m.start()
            if k == 0 and tok != "&" and _top_office(ctext[:pos], end=True) and not _top_office(ctext[toks[k + 1].start():]):
                return end, m.start()  # "Thủ tướng - Bộ trưởng KH-ĐT Nguyễn Chí Dũng": no one holds both
            word = []
        elif tok == "(":
            close = ctext.find(")", m.end(), limit)
            inner = ctext[m.end():close] if close > 0 else ""
            if close < 0 or not inner or not is_cap(inner) or len(inner.split()) > 8 or not parens:
                return end, m.start()
            # skip a parenthesized acronym: it stays out of the title text
            while toks.has(k + 1) and toks[k].start() < close:
                k += 1
            i = close + 1
            k += 1
            continue
        else:
            return end, m.start()
        i = m.end()
        k += 1
    return end, limit


@cache
def _top_offices() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns of the titles of heads of state, government, party and parliament (``offices.yaml``), at
    the end and at the start of a text. One person may hold two of them at once (``Tổng Bí thư - Chủ tịch
    nước``), never one of them and a lower office: a dash between them joins two people's titles."""
    from .gazetteer import load_yaml

    titles = sorted({t for o in load_yaml("offices.yaml").get("offices", []) for t in o["titles"]}, key=len, reverse=True)
    alts = "|".join(re.escape(t) for t in titles)
    return re.compile(rf"(?<![\w])(?<!Phó )(?:{alts})\s*$"), re.compile(rf"(?:{alts})(?!\w)")


def _top_office(text: str, *, end: bool = False) -> bool:
    """Whether ``text`` ends (``end``) or starts with the title of a top office."""
    at_end, at_start = _top_offices()
    return bool(at_end.search(text[-40:]) if end else at_start.match(text))


def seated(ctext: str, head_start: int) -> bool:
    """Whether a title starting at ``head_start`` may run on over ``tại``/``ở`` and a place: not a
    head of state's, government's, party's or parliament's (``offices.yaml``), which speaks for a
    country, never for a seat (``Thủ tướng Việt Nam tại Nhà Trắng``: the title is ``Thủ tướng Việt
    Nam``), as an ambassador's does (``Đại sứ Mỹ tại Việt Nam``)."""
    return not _top_office(ctext[head_start:head_start + 40])


def _other_country(ctext: str, start: int, comma: int, nxt: int, limit: int, g: Gazetteer) -> bool:
    """True when the titles on either side of a comma speak for different countries: they are
    two people's (``Bộ trưởng Quốc phòng Việt Nam, Bộ trưởng Quốc phòng Mỹ John Carter``)."""
    stop = ctext.find(",", nxt, limit)
    first = side_of_title(ctext[start:comma], g)
    second = side_of_title(ctext[nxt:limit if stop < 0 else stop], g)
    return first is not None and second is not None and first != second


_NEEDS_NAME: dict[int, tuple[object, frozenset[str]]] = {}


def _needs_name(g: Gazetteer) -> frozenset[str]:
    """The body heads that need a name, in lower case (kept per table: a walk asks at every word)."""
    got = _NEEDS_NAME.get(id(g.org_needs_name))
    if got is None or got[0] is not g.org_needs_name:
        got = _NEEDS_NAME[id(g.org_needs_name)] = (g.org_needs_name, frozenset(h.lower() for h in g.org_needs_name))
    return got[1]


def _named_lower(ctext: str, toks: _Tokens, k: int, word: list[str], g: Gazetteer) -> bool:
    """True when a body head that needs a name (``Vụ``, ``Uỷ ban``) is followed by lower-case
    words and then, within :data:`_MAX_LOWER_RUN` words, a place or another body of the gazetteer
    (``Vụ thị trường châu Âu``, ``Uỷ ban chuẩn chi Thượng viện Mỹ``); none of the words may be a
    speech-act cue (``Cục nhấn mạnh Hoa Kỳ`` is no name), and a name there (``Ban quản lý VQG
    Phong Nha``) could be a person's, so it does not count."""
    from .acts import cues

    if " ".join(word) not in _needs_name(g):
        return False
    lower: list[str] = []
    for m in toks[k:k + _MAX_LOWER_RUN + 1]:
        tok = m.group()
        known = g.places.match(ctext, m.start()) or g.known_org_pattern.match(ctext, m.start()) \
            or g.org_head_pattern.match(ctext, m.start())
        if known or is_cap(tok):  # the name goes on to a place or another body ("châu Âu", "Thượng viện Mỹ")
            return bool(lower) and bool(known) and not cues().cue_re.search(" ".join(lower))
        if not tok.isalpha() or not tok.islower():
            return False
        lower.append(tok)
    return False


_WORD_BEFORE = bounded(r"(?<![\w.])([^\W\d_]+(?:\.[^\W\d_]+)*)$")


def abbreviation_dot(ctext: str, pos: int, g: Gazetteer) -> bool:
    """Whether the full stop at ``pos`` ends an abbreviation (``TP.``, ``Tp.``, ``U.S.``), not a sentence."""
    if ctext[pos + 1:pos + 2].isalpha() and ctext[pos - 1:pos].isalpha():
        return True  # inside a word: "T.Ư", "U.S"
    m = _WORD_BEFORE.search(ctext, max(0, pos - 12), pos)
    return bool(m and m.group(1) in g.abbreviations)


def _starts_other(ctext: str, pos: int, g: Gazetteer) -> bool:
    """Whether a new title, organization or country starts at ``pos`` (``và Bộ trưởng...``)."""
    head = g.org_head_pattern.match(ctext, pos)
    nxt = _LOWER_NEXT.match(ctext, head.end()) if head and " " not in head.group() else None
    if nxt and in_dictionary(f"{head.group().lower()} {nxt.group(1)}"):
        head = None  # "và Phòng ngừa bệnh tật": a one-word head that starts another word is none
    return bool(g.title_heads.match(ctext, pos) or g.known_org_pattern.match(ctext, pos)
                or head or g.places.match(ctext, pos))


_LOWER_NEXT = re.compile(r"[^\S\n]+([a-zà-ỹđ]+)")


def _says_or_does(text: str, g: Gazetteer) -> bool:
    """Whether a speech-act or event cue is written in ``text`` (``chào mừng``, ``bắt tay``, ``tiếp``)."""
    from .acts import cues

    low = text.lower()
    return bool(cues().cue_re.search(low)) or any(p.search(low) for _, p in g.event_cues)


_CLAUSE = re.compile(r"[.!?\n:\],;]")
_PLURAL = frozenset({"nhiều", "các", "những", "một số"})
_HONORIFICS = frozenset({"ông", "bà", "ngài", "mr", "mrs", "ms"})


def _object_of_clause(ctext: str, pos: int, g: Gazetteer) -> bool:
    """Whether the title head at ``pos`` is the object of a short clause fronted before the name
    (``Tiếp Giám đốc HSBC, ...``, ``trong cuộc gặp với Phó chủ tịch NASDAQ, ...``, ``Theo nhiều
    chuyên gia quốc tế, ...``): at most four words since the sentence, a comma or a clause word,
    one of them a meeting word or a plural."""
    lo = max(0, pos - 60)
    start = max((m.end() for m in _CLAUSE.finditer(ctext, lo, pos)), default=lo)
    clause = [m.start() for m in re.finditer(r"\w+", ctext[start:pos]) if m.group() in g.function_words]
    start += clause[-1] if clause else 0
    words = [w.lower() for w in ctext[start:pos].split()]
    if not 1 <= len(words) <= 4 or words[-1] in _HONORIFICS:
        return False
    return bool(set(words) & (_PLURAL | g.event_ambiguous)) or any(p.search(" ".join(words)) for _, p in g.event_cues)


_HON_GAP = re.compile(r"[,\-–]\s*(?:ông|bà|ngài|Ông|Bà|Ngài)\s+$")
_OPENER = re.compile(r"(?:^|[.!?:;\n\"“”(\-–])\s*$")


def _opens_sentence(ctext: str, pos: int) -> bool:
    """Whether ``pos`` opens its sentence, line, quote or bracket (nothing but blanks after the mark)."""
    return bool(_OPENER.search(ctext, max(0, pos - 4), pos))


_LISTED = re.compile(r"(?:[,;]|(?<!\w)(?:và|có|gồm))\s*$")


def _listed(ctext: str, pos: int) -> bool:
    """Whether ``pos`` follows a comma or a word that lists people (``và``, ``có``, ``gồm``): a title
    there opens an item of its own (``cùng Tổng Thư ký X, Chủ tịch Ngân hàng Thế giới, ông Y``,
    ``Tháng trước, Phó Chủ tịch Uỷ ban ..., ông Y nói``), not the object of a fronted verb."""
    return bool(_LISTED.search(ctext, max(0, pos - 6), pos))


def heads_in(ctext: str, g: Gazetteer) -> list[re.Match[str]]:
    """Every title head in the text, in order."""
    return list(g.title_heads.finditer(ctext))


def title_before(ctext: str, heads: list[re.Match[str]], name_start: int, floor: int,
                 g: Gazetteer) -> TitleMatch | None:
    """The title written right before a name (``Bộ trưởng Bộ Công Thương`` Nguyễn Văn Bình)."""
    best: TitleMatch | None = None
    # heads do not overlap, so their ends grow with their starts: skip those ending after the name
    for k in range(bisect.bisect_right(heads, name_start, key=lambda h: h.end()) - 1, -1, -1):
        h = heads[k]
        if h.start() < floor:
            break
        gap = ctext[h.end():name_start]
        if not gap.strip():
            cand = TitleMatch(h.start(), h.end(), h.group().lower())
        else:
            hon = _HON_GAP.search(gap)  # "Thứ trưởng Bộ Công Thương, ông Đỗ Thắng Hải"
            if hon and not (_opens_sentence(ctext, o := _modified_start(ctext, h.start())) or _listed(ctext, o)):
                continue  # "Sau khi gặp Thủ tướng, ông X nói": the title is the object of a fronted clause
            stripped = gap[:hon.start()] if hon else _GAP_TAIL.sub("", gap)
            limit = h.end() + len(stripped)
            if best is not None and "," in gap and _object_of_clause(ctext, h.start(), g):
                break  # "Tiếp Giám đốc HSBC, Thủ tướng X": the farther title is the object of a fronted clause
            if best is not None and ctext[h.end():best.start].strip() == "," and best.head.startswith(h.group().lower()):
                break  # "tại Phủ Chủ tịch, Chủ tịch nước X": the same head again after a comma starts the title
            if best is not None and _says_or_does(ctext[h.end():best.start], g):
                break  # "Ngoại trưởng Hoa Kỳ chào mừng Thủ tướng X": a verb between two titles parts them
            if best is not None and best.head in g.ranks and h.group().lower() in g.descriptions and "," in gap:
                break  # "nhận định của chuyên gia CSIS, Tiến sĩ X": an occupation never chains onto a degree
            end, stop = walk(ctext, h.end(), limit, g, bounded=True, bodies=True)
            end = limit  # the whole gap up to the name is the title
            if stop < limit:
                if best is not None:
                    break
                continue
            cand = TitleMatch(h.start(), end, h.group().lower(), honored=bool(hon))
        best = cand
    if best is not None:
        best.start = _modified_start(ctext, best.start)
    return best


# words before a head that belong to the title (annotations/GUIDE.md): a former, new or late holder,
# and a deputy of any office ("phó tổng tham mưu trưởng", "Phó Tổng Biên tập": the heads list only the
# deputies that are offices of their own); after a name's comma an acting one too ("bà X, quyền trợ lý
# ngoại trưởng Mỹ")
#: the words of a former, new, late or deputy holder written before a head, as one alternation
MODIFIER_WORDS = "cựu|nguyên|tân|cố|phó|Cựu|Nguyên|Tân|Cố|Phó"
_MODIFIER = re.compile(rf"(?<!\w)(?:{MODIFIER_WORDS})\s+$")  # not "quyền": "quyền Tổng thống" is a power
_MODIFIER_AT = re.compile(r"(?:cựu|nguyên|quyền|tân|phó|Cựu|Nguyên|Quyền|Tân|Phó)\s+")


def head_match(ctext: str, pos: int, g: Gazetteer) -> re.Match[str] | None:
    """A title head at ``pos`` or after the words of ``_MODIFIER_AT`` there (``, cựu Đại sứ``)."""
    while (h := g.title_heads.match(ctext, pos)) is None and (mod := _MODIFIER_AT.match(ctext, pos)) is not None:
        pos = mod.end()
    return h


def modified_head(ctext: str, pos: int, heads_at: dict[int, re.Match[str]]) -> re.Match[str] | None:
    """The head of a title starting at ``pos``, after the words of ``_MODIFIER_AT`` written before it
    (``cựu phó Tổng thống``: the head is ``phó Tổng thống``, an office of its own)."""
    while (h := heads_at.get(pos)) is None and (mod := _MODIFIER_AT.match(ctext, pos)) is not None:
        pos = mod.end()
    return h


def _modified_start(ctext: str, start: int) -> int:
    """Where a title starts with the words of ``_MODIFIER`` written right before its head (``cựu Đại sứ``,
    ``cựu phó Tổng Lãnh sự``)."""
    while (m := _MODIFIER.search(ctext, max(0, start - 8), start)) is not None:
        start = m.start()
    return start


_HONORED_NEXT = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*,\s*(?:ông|bà|ngài|Ông|Bà|Ngài)\s+")


def title_after(ctext: str, heads_at: dict[int, re.Match[str]], name_end: int, g: Gazetteer,
                next_name: int | None = None) -> TitleMatch | None:
    """An apposition title after a name (``Ray Turner, Bộ trưởng Hải quân Mỹ``), up to the next name."""
    m = APPOSITION.match(ctext, name_end)
    if not m:
        return None
    h = modified_head(ctext, m.end(), heads_at)  # "bà Susan Thornton, quyền trợ lý ngoại trưởng Mỹ"
    if h is None or (m.group(2) and h.group().lower() in g.descriptions):
        return None
    line_end = ctext.find("\n", h.end())
    limit = len(ctext) if line_end < 0 else line_end
    sent = next((e for e in _SENT_END.finditer(ctext, h.end(), limit)
                 if not (e.group() == "." and abbreviation_dot(ctext, e.start(), g))), None)
    limit = sent.start() if sent else limit
    reach = False
    sent_limit = limit
    if next_name is not None and h.end() < next_name < limit:
        limit, reach = next_name, True
    end, stop = walk(ctext, h.end(), limit, g, bodies=True)
    opener = m.group(1)
    if opener in (",", "-", "–", "(") and not (reach and stop >= limit):
        end = enclosed_end(ctext, end, sent_limit, next_name, bracket=opener == "(")
    if opener == "," and next_name is not None and _HONORED_NEXT.fullmatch(ctext, end, next_name):
        return None  # "X, Chủ tịch Ngân hàng Thế giới (WB), ông Y": the title written before ", ông" is Y's
    return TitleMatch(m.end(), end, h.group().lower(), reached=reach and stop >= limit)


_OF = re.compile(r"\s+của\s+((?:[A-ZĐ][\w&.\-]*)(?:\s+[A-ZĐ][\w&.\-]*){0,4})")


def of_org_after(ctext: str, name_end: int) -> tuple[int, int] | None:
    """``của SpaceX`` right after a name: the organization the title belongs to."""
    m = _OF.match(ctext, name_end)
    return m.span(1) if m else None
