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
from .numbers import NUMBER, currency, multiplier, parse_number, units
from .spans import Cover, captions_of
from .textmap import compose

_TIME = bounded(r"\b\d{1,2}\s*(?::|g|h)\s*\d{2}\b|\b\d{1,2}\s*(?:giờ|h)\s*(?:sáng|chiều|tối)\b", re.IGNORECASE)
_YEAR = bounded(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: No news figure is larger, in đồng included (a quadrillion đồng is 1e15).
MAX_AMOUNT = 1e18
_RANK = bounded(r"\bthứ\s+\d+/$", re.IGNORECASE)


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
    đoạn`` is one word), else up to two plain lower-case syllables.
    """
    u = units()
    m = re.compile(r"\s+").match(text, pos)
    if not m:
        return None, pos
    start = m.end()
    cl = u.classifier_re.match(text, start, limit)
    if cl:
        start = cl.end()  # "75 em học sinh": the classifier is not the unit
    km = u.count_units_re.match(text, start, limit)
    if km:
        return " ".join(km.group().split()), km.end()
    if words and start in words:
        token = text[start:words[start]]
        if all(w.isalpha() and w.islower() for w in token.split()) and token.split()[0] not in u.stop_words:
            return " ".join(token.split()), words[start]
        return None, pos
    syllables: list[str] = []
    end = start
    for wm in re.finditer(r"\S+", text[start:limit]):
        w = wm.group()
        core = w.rstrip(".,;:!?)\"”")
        if not core or not core.isalpha() or not core.islower() or core in u.stop_words:
            break
        syllables.append(core)
        end = start + wm.start() + len(core)
        if len(syllables) == 2 or core != w:
            break
    return (" ".join(syllables) or None), end


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
        if y and d.value == y.group():
            # a year alone ("năm 2025") is a year amount; a day or a month of a year
            # ("ngày 21/12/2017", "tháng 2/2019") is a date, not an amount (the annotation guide)
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
        if in_blocked(a) or _is_label(text, a, m.end()):
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
    taken = Cover([x.evidence for x in out] + blocked).holds_point
    out += [x for x in _word_amounts(text, start, end, words) if not taken(x.evidence[0])]
    out.sort(key=lambda x: x.evidence[0])
    return out


def _word_amounts(text: str, start: int, end: int, words: dict[int, int] | None) -> list[Amount]:
    """Amounts whose number is written as a word (``hai thập kỷ``, ``ba ngày``, ``nửa triệu người``).

    The word must be followed by a duration, a currency, or a multiplier and a counted noun of
    ``count_units`` (``nửa triệu người``). A small count in words (``hai quốc gia``, ``ba người``)
    is the two sides or a detail of the story, not a figure the annotators mark; so is a lone
    ``một`` (one) without an approximation word.
    """
    u, t = units(), _tails()
    out: list[Amount] = []
    for m in u.number_word_re.finditer(text, start, end):
        a, b = m.span()
        if _ordinal_before(text, a) or text[max(0, a - 1):a].isalnum():
            continue
        n = u.number_words[" ".join(m.group().lower().split())]
        mm = re.compile(rf"\s+(?P<m1>{u.mult_re})(?!\w)", re.IGNORECASE).match(text, b, end)
        value = n * multiplier(mm["m1"]) if mm else n
        pos = mm.end() if mm else b
        kind = unit = None
        for k in ("currency", "percent", "duration"):
            um = t[k].match(text, pos, end)
            if um:
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
            if cu is None or not u.count_units_re.fullmatch(cu) or not mm:
                continue
            kind, unit, pos = "count", cu, cend
        amount = _make(kind, unit, text, a, pos, value, None, end)
        if n <= 1 and not mm and not amount.approx:
            continue  # "một ngày sau khi", "một năm qua": an article, not a figure ("hơn một tháng" is one)
        out.append(amount)
    return out


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


# a capitalized word inside a sentence (after another word): part of a proper name
_NAME_WORD = bounded(r"(?<=\w )[A-ZĐÀ-Ỹ][\wÀ-ỹđĐ]*\s+$")
# an acronym of three or more characters right before a year makes the year part of a name ("APEC 2017",
# "ASEAN 2020", "G20 2019"); two letters are rather an abbreviation ("SN 1990": born in 1990)
_ACRONYM_END = re.compile(r"(?<!\w)[A-ZĐ][A-ZĐ0-9&-]+[A-ZĐ0-9]\s$")


def _ordinal_before(text: str, a: int) -> bool:
    """True when a label word (``lần thứ``, ``Điều``, ``kỳ``) stands right before the number.

    A capitalized cue preceded by another capitalized word is the end of a proper name
    (``Hoa Kỳ 138 triệu đôi``), not the cue.
    """
    head = text[max(0, a - 24):a]
    m = units().not_before_re.search(head)
    if not m:
        return False
    cue = next(i for i in range(m.start(), len(head)) if head[i].isalnum())
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
        if um:
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
            return _make("year", "năm", text, a, mm.end(), n1, n2, limit)
        if cu is None or (v1 == 2 and v2 is None and cu.lower().split()[0] in units().pair_nouns):
            return None
        kind, unit, end = "count", cu, cend
    if _ordinal_before(text, a) and not is_year:
        return None
    if kind == "duration" and m1:
        return None
    return _make(kind, unit, text, a, end, v1, v2, limit)


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
    """Stage ``amounts``: every amount of the article text (skipping photo captions)."""
    words = {t.start: t.end for s in article.sentences for t in s.tokens}
    found = find_amounts(article.text, published=article.published, words=words or None)
    article.amounts = []
    for x in found:
        if captions_of(article).holds_point(x.evidence[0]):
            continue
        if not plausible(x):
            article.warnings.append(one_line(f"amount dropped, beyond {MAX_AMOUNT:.0e}: {x.text}", 120))
            continue
        article.amounts.append(x)
    return article


def plausible(x: Amount) -> bool:
    """Whether an amount's figures are finite and at most :data:`MAX_AMOUNT` (every store accepts them)."""
    return all(v is None or (math.isfinite(v) and abs(v) <= MAX_AMOUNT) for v in (x.value, x.min, x.max))
