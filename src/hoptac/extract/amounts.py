"""Stage ``amounts``: every number that measures something, with kind, value or range, unit.

Steps, for each number written in digits (``find_amounts``):

1. a date that is a year alone (``năm 2025``) becomes a ``year`` amount; every other number
   inside a date (``tháng 6.2014``, ``21/12/2017``: dates, not amounts) or a clock time is skipped;
2. numbers that are labels, not measures, are skipped: glued to letters (``VINASAT-1``,
   ``G20``, ``5G``), after an ordinal word (``lần thứ 2``, ``Điều 4``), in a fraction (``8/112``);
3. the number is read with what follows: a second number (``50.000-100.000``, ``từ 10 đến 15``),
   a multiplier (``tỷ``, ``nghìn tỷ``), then a currency (money), ``%`` (percent), a time unit
   (duration), or a counted noun (count); a bare four-digit 19xx/20xx is a year;
4. an approximation cue right before it (``khoảng``, ``hơn``, ``gần``...) sets ``approx``;
5. a figure that is not finite or beyond :data:`MAX_AMOUNT` (400 digits before ``tỷ USD``)
   is dropped with a warning on the article: JSON and every store can hold what is kept.

The vocabulary is in ``resources/units.yaml``.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata

from ..errors import one_line
from ..model import Amount, Article
from ..settings import Settings
from .dates import find_dates
from .fastre import bounded
from .nlp import LazyWords
from .numbers import NUMBER, currency, multiplier, parse_number, units
from .spans import Cover
from .textmap import compose

_TIME = bounded(r"\b\d{1,2}\s*(?::|g|h)\s*\d{2}\b|\b\d{1,2}\s*(?:giờ|h)\s*(?:sáng|trưa|chiều|tối|đêm|cùng ngày)\b",
                re.IGNORECASE)
#: a dimension (``240 x 320 pixel``, ``115,6 x 51 x 12,8mm``): a size written as a product, no count
_DIMENSION = re.compile(r"\s*[x×]\s*\d")
_DIMENSION_BEFORE = bounded(r"\d\s*[x×]\s*$")
_YEAR = bounded(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MONTH_BEFORE = bounded(r"(?<!\w)tháng\s+$", re.IGNORECASE)
_HALF = re.compile(r"\s+rưỡi(?!\w)", re.IGNORECASE)
_YEAR_TO = re.compile(r"\s*(?:-|–|đến|tới)\s*(?:năm\s+)?(?P<y>(?:19|20)\d\d)(?![\d/]|[.-]\d)", re.IGNORECASE)
#: No news figure is larger, in đồng included (a quadrillion đồng is 1e15).
MAX_AMOUNT = 1e18
_RANK = bounded(r"\bthứ\s+\d+/$", re.IGNORECASE)
#: the second figure of a range whose unit is written twice ("2,39 USD đến 7,74 USD"); the unit follows
_RANGE_AGAIN = re.compile(rf"\s*(?:-|–|—|đến|tới)\s*(?P<n>{NUMBER})(?:\s+(?P<m>tỷ|tỉ|triệu|nghìn|ngàn)(?!\w))?",
                          re.IGNORECASE)


def _tail_patterns() -> dict[str, re.Pattern[str]]:
    u = units()
    num = rf"(?:{NUMBER})"
    rng = rf"(?:\s*(?:-|–|—|đến|tới|đến\s+khoảng)\s*(?P<n2>{num})(?:\s+(?P<m2>{u.mult_re})(?!\w))?)?"
    head = rf"(?:\s+(?P<m1>{u.mult_re})(?!\w))?"
    return {
        "main": re.compile(rf"(?P<n1>{num}){head}{rng}", re.IGNORECASE),
        "currency": re.compile(rf"\s*(?P<u>{u.currency_re})(?!\w)", re.IGNORECASE),
        "percent": re.compile(rf"\s*(?P<u>{u.percent_re})(?!\w)", re.IGNORECASE),
        "duration": re.compile(rf"\s+(?P<u>{u.duration_re})(?!\w)(?!\s*\d)", re.IGNORECASE),
        "approx": re.compile(rf"(?:^|(?<=[^\w]))(?P<cue>{u.approx_re})\s+(?:từ\s+)?$", re.IGNORECASE),
        "from": re.compile(r"(?:^|(?<=[^\w]))(?P<cue>từ)\s+$", re.IGNORECASE),
    }


_TAILS: dict[str, re.Pattern[str]] = {}


def _tails() -> dict[str, re.Pattern[str]]:
    if not _TAILS:
        _TAILS.update(_tail_patterns())
    return _TAILS


def _is_label(text: str, a: int, b: int) -> bool:
    """True when the digits at [a, b) are a name or label (VINASAT-1, G20, 5G, 8/112), not a measure."""
    before = text[a - 1] if a else " "
    after = text[b] if b < len(text) else " "
    if after.isalpha() and not before.isalpha() and units().glued_re.match(text, b):
        return False  # "27km", "33ha": a measure with its unit glued on
    if before.isalpha() or after.isalpha():
        return True
    if before in "-–" and a >= 2 and text[a - 2].isalpha():
        return True
    if before == "/":
        # "đứng thứ 8/112 quốc gia": the total after a rank is a count
        return not _RANK.search(text, max(0, a - 20), a)
    return before in "#№" or (after == "/" and b + 1 < len(text) and text[b + 1].isdigit())


def _count_unit(text: str, pos: int, limit: int, words: dict[int, int] | None = None) -> tuple[str | None, int]:
    """The counted noun after a number: a known unit, else the word that follows.

    The word is the NLP stage's token when ``words`` (token start -> end) is given (``giai
    đoạn`` is one word), else up to two plain lower-case syllables; never across a line break.
    """
    u = units()
    m = re.compile(r"\s+").match(text, pos)
    if not m or "\n" in m.group():
        return None, pos  # a line's first word counts nothing of the line before ("Hotline: 0903233005\nDự án")
    start = m.end()
    cl = u.classifier_re.match(text, start, limit)
    if cl and isinstance(words, LazyWords) and (words.word_end(start) or 0) > start + len(cl.group().rstrip()):
        cl = None  # "80 em nhỏ", "12 con giáp": the classifier begins a longer word, the counted noun
    if cl:
        start = cl.end()  # "75 em học sinh": the classifier is not the unit
    km = u.count_units_re.match(text, start, limit) or u.glued_re.match(text, start, limit)
    if km:
        return " ".join(km.group().split()), km.end()
    am = _ACRONYM_UNIT.match(text, start, limit)
    if am and not cl:
        return am.group().lower(), am.end()  # "6 UAV", "gần 100 DN": an acronym is the counted noun
    if words and start in words:
        token = text[start:words[start]].split("/")[0]  # "138 triệu đôi/năm": the unit before the rate
        if token and all(w.isalpha() and w.islower() for w in token.split()) and token.split()[0] not in u.stop_words:
            return " ".join(token.split()), start + len(token)
        return _classifier_unit(cl, m.end(), pos)
    syllables: list[str] = []
    end = start
    for wm in re.finditer(r"\S+", text[start:limit]):
        w = wm.group()
        core = w.split("/")[0].rstrip(".,;:!?)\"”")
        if not core or not core.isalpha() or not core.islower() or core in u.stop_words:
            break
        syllables.append(core)
        end = start + wm.start() + len(core)
        if len(syllables) == 2 or core != w:
            break
    if not syllables:
        return _classifier_unit(cl, m.end(), pos)
    return " ".join(syllables), end


def _classifier_unit(cl: re.Match[str] | None, start: int, pos: int) -> tuple[str | None, int]:
    """A classifier with no noun after it counts by itself (``8.000 con trong năm``); else no unit."""
    if cl is None:
        return None, pos
    word = cl.group().rstrip()
    return word, start + len(word)


def find_amounts(text: str, *, start: int = 0, end: int | None = None,
                 published: str | None = None, words: dict[int, int] | None = None) -> list[Amount]:
    """Every amount written in ``text[start:end]``; spans index into ``text``.

    ``words`` maps token starts to token ends (from the NLP stage) to read counted nouns.
    """
    end = len(text) if end is None else end
    if not unicodedata.is_normalized("NFC", text):
        return _via_nfc(text, start, end, published)
    t = _tails()
    out: list[Amount] = []
    blocked: list[tuple[int, int]] = [m.span() for m in _TIME.finditer(text, start, end)]
    for d in find_dates(text, published, start=start, end=end):
        blocked.append((d.start, d.end))
        y = _YEAR.search(d.text)
        if y and d.value == y.group() and not (d.text.startswith("Năm") and _MONTH_BEFORE.search(text, max(0, d.start - 8), d.start)):
            # a year alone ("năm 2025") is a year amount; a day or a month of a year
            # ("ngày 21/12/2017", "tháng 2/2019") is a date, not an amount (the annotation guide)
            r = _YEAR_TO.match(text, d.end, end)
            if r and int(r["y"]) > int(y.group()):  # "từ năm 1997 đến 2000": one range
                blocked.append((d.end, r.end()))
                out.append(Amount(kind="year", unit="năm", text=text[d.start:r.end()], evidence=(d.start, r.end()),
                                  min=float(y.group()), max=float(r["y"])))
                continue
            out.append(Amount(kind="year", unit="năm", text=d.text, evidence=(d.start, d.end),
                              value=float(y.group())))
    pos = start
    main = t["main"]
    in_blocked = Cover(blocked).holds_point
    while True:
        m = re.compile(NUMBER).search(text, pos, end)
        if not m:
            break
        a = m.start()
        if (in_blocked(a) or _is_label(text, a, m.end()) or _DIMENSION.match(text, m.end(), end)
                or _DIMENSION_BEFORE.search(text, max(0, a - 8), a)):
            pos = m.end()
            continue
        mm = main.match(text, a, end)
        if mm is None:
            pos = m.end()
            continue
        amount = _read(text, mm, end, words)
        pos = max(m.end(), mm.end())
        if amount is None:
            continue
        out.append(amount)
        pos = max(pos, amount.evidence[1])
    out = _sentence_currency(text, out)
    taken = Cover([x.evidence for x in out] + blocked).holds_point
    out += [x for x in _word_amounts(text, start, end, words) if not taken(x.evidence[0])]
    out.sort(key=lambda x: x.evidence[0])
    return out


def _sentence_currency(text: str, found: list[Amount]) -> list[Amount]:
    """Money read without a currency takes the one currency of the sums of its sentence (``nhập
    khẩu 19 tỷ và xuất siêu 32 tỷ USD``); in a sentence with no sum, the currency the article
    writes the same figure with (a headline's ``lãi trên 3.800 tỷ`` is the body's ``3.800 tỷ
    đồng``); else it is no amount (``256 triệu của Samsung`` counts phones, ``đạt con số 4
    triệu`` visitors)."""
    out = []
    for x in found:
        if x.kind == "money" and x.unit is None:
            a, b = x.evidence
            lo = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a)) + 1
            hi = min(i for i in (text.find(". ", b), text.find("\n", b), len(text)) if i >= 0)
            codes = {y.unit for y in found if y.kind == "money" and y.unit and lo <= y.evidence[0] < hi}
            if not codes:
                codes = {y.unit for y in found if y.kind == "money" and y.unit
                         and (y.value, y.min, y.max) == (x.value, x.min, x.max)}
            if len(codes) != 1:
                continue
            x.unit = codes.pop()
        out.append(x)
    return out


def _word_amounts(text: str, start: int, end: int, words: dict[int, int] | None) -> list[Amount]:
    """Amounts whose number is written as a word (``hai thập kỷ``, ``ba ngày``, ``nửa triệu người``).

    The word must be followed by a duration, a currency, or a multiplier and a counted noun
    (``nửa triệu người``, ``một tỷ cây xanh``). A small count in words (``hai quốc gia``, ``ba
    người``, ``hai công ty còn lại``) is mostly the two sides or a detail of the story, not a figure
    the annotators mark (reading those before a counted noun of ``count_units`` found 12 of their
    marks on the train split and 35 they left: "hai nền kinh tế", "hai Bộ trưởng"); so is a lone
    ``một`` (one) without an approximation word.
    """
    u, t = units(), _tails()
    out: list[Amount] = []
    for m in u.number_word_re.finditer(text, start, end):
        a, b = m.span()
        if _ordinal_before(text, a) or text[max(0, a - 1):a].isalnum() or _MONTH_BEFORE.search(text, max(0, a - 8), a):
            continue  # "tháng Mười năm ngoái": a month's name
        n = u.number_words[" ".join(m.group().lower().split())]
        mm = re.compile(rf"\s+(?P<m1>{u.mult_re})(?!\w)", re.IGNORECASE).match(text, b, end)
        value = n * multiplier(mm["m1"]) if mm else n
        pos = mm.end() if mm else b
        kind = unit = None
        for k in ("currency", "percent", "duration"):
            um = t[k].match(text, pos, end)
            if um and not (k == "currency" and _no_sum(um["u"], mm, value)):
                kind, unit, pos = {"currency": "money", "percent": "percent", "duration": "duration"}[k], um["u"], um.end()
                break
        if kind == "money":
            unit = currency(unit or "")
        elif kind == "percent":
            unit = "%"
        elif kind == "duration":
            if mm:
                continue
            unit = " ".join((unit or "").lower().split())
        else:
            cu, cend = _count_unit(text, pos, end, words)
            known = cu is not None and bool(u.count_units_re.fullmatch(cu))
            if cu is None or not ((mm and known) or (value >= 1000 and not _numeral(cu))
                                  or (n >= 10 and " " in m.group())):
                continue  # "nửa triệu người", "một tỷ cây xanh", "hơn một tá thoả thuận"; "hai người" is no
                # figure, "một trăm bốn mươi" one number
            kind, unit, pos = "count", cu, cend
        amount = _make(kind, unit, text, a, pos, value, None, end)
        if n <= 1 and not mm and not amount.approx:
            continue  # "một ngày sau khi", "một năm qua": an article, not a figure ("hơn một tháng" is one)
        out.append(amount)
    return out


def _numeral(word: str) -> bool:
    """Whether a word read as a counted noun begins with a number word or a multiplier (``hai trăm
    triệu cổ phiếu``: the number goes on)."""
    first = word.split()[0].lower()
    return first in units().number_words or first in units().multipliers or first == "mươi"


def _via_nfc(text: str, start: int, end: int, published: str | None) -> list[Amount]:
    """Find amounts in the NFC form of a decomposed text and map the spans back."""
    composed = compose(text)
    first = bisect.bisect_left(composed.index, start)
    last = bisect.bisect_left(composed.index, end)
    out = []
    for a in find_amounts(composed.text, start=first, end=last, published=published):
        span = composed.span(*a.evidence)
        a.evidence, a.text = span, text[span[0]:span[1]]
        out.append(a)
    return out


# an acronym after a number is what it counts ("6 UAV", "80-90 DN"), not a currency (read before)
_ACRONYM_UNIT = re.compile(r"[A-ZĐ]{2,5}(?![\w-])")
# the end of a name a number is part of: a capitalized word after a word or a comma (not at a
# sentence's start), an acronym, or a capitalized word and a hyphen ("Nokia 3310", "TPP 11", "Su -27")
_NUMBERED = bounded(r"(?:(?<=[\w,;] )(?P<w>\w+)\s+|(?<!\w)(?P<w2>\w+)\s*[-–]\s*)$")
# what a year alone stands after when it dates something (after any other word it ends a name)
_YEAR_LEAD = bounded(r"(?:(?:^|[.!?:;\n\"“(\-–/,])\s*|(?<!\w)(?:từ|đến|tới|hồi|và|hoặc|vào|đầu|cuối|giữa|trong|"
                     r"năm|năm học|kỳ|đoạn|sau|trước|qua|khoảng|tính|tháng|quý|niên khóa|niên khoá|sinh|SN)\s+)$", re.IGNORECASE)
_YEAR_CHAIN = bounded(r"(?:(?<!\d)(?:19|20)\d\d\s*(?:,|và|-|–)\s*)+$")


def _numbered(text: str, a: int) -> bool:
    """Whether the number at ``a`` ends a name (:data:`_NUMBERED`): the word before it is
    capitalized inside a sentence, or an acronym, or is joined to it by a hyphen."""
    m = _NUMBERED.search(text, max(0, a - 24), a)
    word = m and (m["w"] or m["w2"])
    return bool(word and word[0].isupper() and word.isalpha())


def _year_lead(text: str, a: int) -> bool:
    """Whether a year written alone at ``a`` dates something: after a preposition or a time word,
    at a sentence's start or in brackets (a list ``2010, 2011 và 2015`` is read from its first)."""
    head = text[max(0, a - 60):a]
    chain = _YEAR_CHAIN.search(head)
    if chain:
        head = head[:chain.start()]
    return bool(_YEAR_LEAD.search(head[-24:]) or not head.strip())


# a capitalized word inside a sentence (after another word): part of a proper name
_NAME_WORD = bounded(r"(?<=\w )[A-ZĐÀ-Ỹ][\wÀ-ỹđĐ]*\s+$")
# an acronym of three or more characters right before a year makes the year part of a name ("APEC 2017",
# "ASEAN 2020", "G20 2019"); two letters are rather an abbreviation ("SN 1990": born in 1990)
_ACRONYM_END = re.compile(r"(?<!\w)[A-ZĐ][A-ZĐ0-9&-]+[A-ZĐ0-9]\s$")


def _ordinal_before(text: str, a: int, measured: bool = False) -> bool:
    """True when a label word (``lần thứ``, ``Điều``, ``kỳ``) stands right before the number.

    A capitalized cue preceded by another capitalized word is the end of a proper name
    (``Hoa Kỳ 138 triệu đôi``), not the cue; nor is the end of a word that introduces a figure
    (``tổng số 2.604 xe``, ``cùng lúc 800 mối đe doạ``: ``units.yaml``'s ``figure_before``). A
    ``measured`` number (:func:`_measured`) is a label only after a rank word (``thứ``, ``top``:
    ``units.yaml``'s ``rank_before``).
    """
    head = text[max(0, a - 24):a]
    m = units().not_before_re.search(head)
    if not m:
        return False
    if measured and not units().rank_before_re.search(m.group()):
        return False
    cue = next(i for i in range(m.start(), len(head)) if head[i].isalnum())
    if units().figure_before_re.search(head):
        return False
    return not (head[cue].isupper() and _NAME_WORD.search(head, 0, cue))


def _read(text: str, mm: re.Match[str], limit: int, words: dict[int, int] | None = None) -> Amount | None:
    """One amount from a number match and what follows it, or None."""
    t = _tails()
    a = mm.start()
    n1 = parse_number(mm["n1"])
    n2 = parse_number(mm["n2"]) if mm["n2"] else None
    if n1 is None or (mm["n2"] and n2 is None):
        return None
    m1, m2 = mm["m1"], mm["m2"]
    if mm["n2"] and not m1 and m2:
        m1 = m2  # 1,5-2 tỷ: the multiplier belongs to both
    v1 = n1 * multiplier(m1)
    v2 = n2 * multiplier(m2 or m1) if n2 is not None else None
    end = mm.end()
    kind: str | None = None
    unit: str | None = None
    for k in ("currency", "percent", "duration"):
        um = t[k].match(text, end, limit)
        if um and not (words and words.get(um.start("u"), um.end()) > um.end()) and not (
                k == "currency" and _no_sum(um["u"], m1, v1)):  # a unit word is one only as a word of its own
            kind, unit = {"currency": "money", "percent": "percent", "duration": "duration"}[k], um["u"]
            end = um.end()
            break
    is_year = (not m1 and mm["n1"].isdigit() and len(mm["n1"]) == 4 and 1900 <= n1 <= 2100
               and (n2 is None or (mm["n2"].isdigit() and len(mm["n2"]) == 4 and n2 > n1)))
    if is_year and _ACRONYM_END.search(text[max(0, a - 16):a]):
        return None  # a year inside a name is no amount
    if kind == "money":
        unit = currency(unit or "")
    elif kind == "percent":
        unit = "%"
    elif kind == "duration":
        unit = " ".join((unit or "").lower().split())
        if is_year:
            return None
    else:
        glued = units().glued_re.match(text, end, limit)
        cu, cend = (glued.group(), glued.end()) if glued else _count_unit(text, end, limit, words)
        if is_year and (cu is None or not units().count_units_re.fullmatch(cu)):
            if not _year_lead(text, a):
                return None  # "Công ước Luật biển 1982", "Chương trình nghị sự 2030": a year inside a name
            return _make("year", "năm", text, a, mm.end(), n1, n2, limit)
        if cu is None and m1 and not is_year:
            # "19 tỷ và xuất siêu 32 tỷ USD": a multiplied figure with no unit; its currency, if
            # any, is that of its sentence (:func:`_sentence_currency`)
            return _make("money", None, text, a, mm.end(), v1, v2, limit)
        if cu is None or (v1 == 2 and v2 is None and _pair_noun(text, end)):
            return None
        if not m1 and v2 is None and not units().count_units_re.fullmatch(cu) and (
                (v1 == 1 and not t["approx"].search(text, max(0, a - 30), a))
                or (_numbered(text, a) and not units().glued_re.fullmatch(cu))):
            return None  # "là 1 thị trường": an article; "TPP 11 khẳng định", "F -35 đầu tiên": a numbered name
            # ("RAM 768 MB", "Láng 53,2 mm": a measure after a name keeps its unit)
        kind, unit, end = "count", cu, cend
    if not is_year and _ordinal_before(text, a, measured=_measured(kind, unit, m1)):
        return None
    if kind == "duration" and m1:
        return None
    half = _HALF.match(text, end, limit) if kind == "duration" and v2 is None else None
    if half:  # "1 năm rưỡi", "2 tiếng rưỡi": and a half
        v1, end = v1 + 0.5, half.end()
    if v2 is None and kind in ("money", "percent", "duration"):
        second = _second_of_range(text, end, limit, kind, unit, m1)
        if second is not None:
            v2, end = second
    return _make(kind, unit, text, a, end, v1, v2, limit)


def _measured(kind: str | None, unit: str | None, mult: str | None) -> bool:
    """Whether a number reads as a measure whatever word stands before it: a sum, a share, a
    multiplied figure or a count of a known counted noun (``con số 10 tỷ USD``, ``trong số 30 đối
    tác thương mại``, ``dân số 4,4 tỷ người``, ``hạm đội 16 tàu``); a bare number or a duration after
    a label word stays a label or a time (``Điều 4``, ``khóa 14``, ``lúc 10 giờ``)."""
    if kind in ("money", "percent") or mult:
        return True
    return (kind == "count" and unit is not None and (unit[0].islower() or unit.isupper())
            and bool(units().count_units_re.fullmatch(unit)))


def _no_sum(word: str, mult: object, value: float) -> bool:
    """Whether ``đồng`` (or ``đ``) after a figure is no currency: no sum is under 100 đồng, so ``75
    đồng đội`` counts comrades, ``hai đồng chủ tịch`` names co-chairs and ``4 đ`` a team's points
    (``0 đồng`` is a price)."""
    return not mult and 0 < value < 100 and word.lower() in ("đồng", "đ")


def _pair_noun(text: str, pos: int) -> bool:
    """Whether a noun naming the two sides follows ``pos`` (``2 nước``, ``2 nhà lãnh đạo``)."""
    after = " ".join(text[pos:pos + 24].lower().split())
    return any(re.match(re.escape(p) + r"(?!\w)", after) for p in units().pair_nouns)


def _second_of_range(text: str, pos: int, limit: int, kind: str, unit: str | None,
                     mult: str | None) -> tuple[float, int] | None:
    """The upper end of a range written with its unit twice (``2,39 USD đến 7,74 USD``, ``4 năm
    đến 6 năm``): its value and where it ends, or None."""
    m = _RANGE_AGAIN.match(text, pos, limit)
    if not m:
        return None
    n2 = parse_number(m["n"])
    um = _tails()["currency" if kind == "money" else kind].match(text, m.end(), limit)
    if n2 is None or not um:
        return None
    same = currency(um["u"]) == unit if kind == "money" else kind == "percent" or " ".join(um["u"].lower().split()) == unit
    if not same or (m["m"] or "").lower() != (mult or "").lower():
        return None
    return n2 * multiplier(m["m"]), um.end()


def _make(kind: str, unit: str | None, text: str, a: int, b: int, v1: float, v2: float | None,
          limit: int) -> Amount:
    t = _tails()
    approx = False
    head = text[max(0, a - 30):a]
    cm = t["approx"].search(head)
    if cm:
        approx = True
        a -= len(head) - cm.start("cue")
    else:
        fm = t["from"].search(head)
        if fm and v2 is not None:
            a -= len(head) - fm.start("cue")
    if kind == "year" and text[max(0, a - 4):a].lower() == "năm ":
        a -= 4
    per = re.compile(r"\s*/\s*(?:năm|tháng|ngày|người)\b", re.IGNORECASE).match(text, b, limit)
    if per:
        b = per.end()
    span = (a, b)
    if v2 is not None and v2 != v1:
        return Amount(kind=kind, unit=unit, text=text[a:b], evidence=span, min=v1, max=v2, approx=approx)
    return Amount(kind=kind, unit=unit, text=text[a:b], evidence=span, value=v1, approx=approx)


def extract_amounts(article: Article, settings: Settings) -> Article:
    """Stage ``amounts``: every amount of the article text, photo captions included (a caption
    describing the story is article text: ONTOLOGY, annotations/GUIDE.md; only its credit is not)."""
    found = find_amounts(article.text, published=article.published, words=LazyWords(article))
    article.amounts = []
    for x in found:
        if not plausible(x):
            article.warnings.append(one_line(f"amount dropped, beyond {MAX_AMOUNT:.0e}: {x.text}", 120))
            continue
        article.amounts.append(x)
    return article


def plausible(x: Amount) -> bool:
    """Whether an amount's figures are finite and at most :data:`MAX_AMOUNT` (every store accepts them)."""
    return all(v is None or (math.isfinite(v) and abs(v) <= MAX_AMOUNT) for v in (x.value, x.min, x.max))
