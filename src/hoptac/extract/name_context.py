"""Context that tells whether a capitalized run names a person (read by ``people.py``).

A run can be a person's name run on into the next word (``Nguyễn Xuân Phúc Tiếp``), a body or a
place written after a title (``chuyên gia của Forbes``, ``Quỹ Hoà bình Quốc tế Carnegie``), or a
foreign word alone that ends a title as the name of its body (``Giám đốc Điều hành Vinamilk``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from .fastre import bounded
from .gazetteer import Gazetteer, alternation, load_yaml
from .names import Candidate, _native, cap_runs

HONORIFIC = bounded(r"(?<!\w)(ông|bà|ngài|Ông|Bà|Ngài|Mr\.?|Mrs\.?|Ms\.?)\s+$")


def trim_run_on(cands: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """A Vietnamese name run on into the next capitalized word (``Nguyễn Xuân Phúc Tiếp`` in a caption,
    ``Nguyễn Chí Dũng Như các bạn biết``) ends where the name ends when written elsewhere in the article
    or in the leaders table."""
    names = Counter(c.name for c in cands)
    out = []
    for c in cands:
        head = " ".join(c.words[:-1])
        if c.kind == "vn" and len(c.words) >= 3 and names[c.name] == 1 and (
                (names[head] and len(c.words) >= 4) or head in g.leaders):
            cut = c.end - len(c.words[-1]) - 1
            c = Candidate(c.start, cut, head, "vn", c.words[:-1])
        out.append(c)
    return out


def body_word(c: Candidate, ctext: str, g: Gazetteer, surnames: frozenset[str] = frozenset()) -> bool:
    """A foreign word alone, no leader, no honorific before it, no full name of the article ending with
    it (``Antonio Guterres``): in a title, the name of its body."""
    return c.kind == "foreign" and len(c.words) == 1 and c.name not in g.leaders and c.name not in surnames \
        and not HONORIFIC.search(ctext, max(0, c.start - 8), c.start)


NAME_GOES_ON = re.compile(r"(?:\s+[A-ZĐÀ-Ỹ][\w\-]*(?:\s+[a-zđà-ỹ]+)?){1,5}")
DASHED = re.compile(r"\s*[-–(]")  # a dashed or bracketed apposition, not a comma of a list
OF_AT = frozenset({"của", "tại", "ở", "thuộc", "về", "cho", "với", "từ", "châu"})
LAST_WORD = re.compile(r"(\w+)\W*$")


def names_body(ctext: str, start: int, name_start: int, g: Gazetteer, *, word: bool = False) -> bool:
    """Whether a title written before a run ends on a word that makes the run a body or a place:
    a possessive or locative (``chuyên gia của Forbes``, ``Bộ trưởng ... tại Bonn``); for a foreign
    ``word`` alone, also a place prefix (``bang Massachusetts``), an organization head (``Trung tâm
    Stimson``) or a body's name it goes on with (``Quỹ Hoà bình Quốc tế Carnegie``)."""
    tail = ctext[start:name_start].rstrip(" ,-–")
    m = LAST_WORD.search(tail)
    if m is None or m.end(1) != len(tail):
        return False
    if m.group(1).lower() in OF_AT:
        return True
    if not word:
        return False
    body = list(g.org_head_pattern.finditer(tail))
    if body and NAME_GOES_ON.fullmatch(tail, body[-1].end()):
        return True  # "Quỹ Hoà bình Quốc tế Carnegie": the body's name goes on
    if any(tail.endswith(" " + p) for p in g.place_prefixes):
        return True
    return any(h.end() == len(tail) for h in g.org_head_pattern.finditer(tail, max(0, len(tail) - 30)))


_LOCATIVE = frozenset({"ở", "tại", "từ", "đến", "tới", "về", "sang", "qua", "khắp", "quanh"})
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_NUMBER_AFTER = re.compile(r"\s*\d")  # "Note 8", "Mega 6/45": a product's model, not a surname
#: lower-case particles inside foreign names: a run stopping before one is not the whole name
_PARTICLES = frozenset({"bin", "ibn", "al", "el", "de", "da", "di", "do", "du", "van", "von", "der", "del", "la", "le"})
_NEXT_WORD = re.compile(r"[ \u00a0](\w+)")


def lone_words(ctext: str, g: Gazetteer, cands: list[Candidate]) -> frozenset[str]:
    """Capitalized words written alone (no capitalized word beside them) that no place or known body
    list names: the surnames a person named in full is called by later (``Shiraishi``). A word the
    article writes after a locative or a place prefix anywhere (``ở Madrid``) is a place; one that
    ends two different foreign names of the article (``Barack Obama``, ``Video Obama``) says neither."""
    alone, placed = set(), set()
    for run in cap_runs(ctext):
        w = run[0][2]
        if len(run) != 1 or w in g.place_names or w in g.known_orgs:
            continue
        before = _WORD_BEFORE.search(ctext, max(0, run[0][0] - 20), run[0][0])
        prev = before.group(1).lower() if before else ""
        thing = prev in _LOCATIVE or prev in g.place_prefixes or _NUMBER_AFTER.match(ctext, run[0][1])
        (placed if thing else alone).add(w)
    ends: dict[str, set[str]] = {}
    for c in cands:
        if c.kind == "foreign" and len(c.words) > 1:
            ends.setdefault(c.words[-1], set()).add(c.name)
    return frozenset(w for w in alone - placed if len(ends.get(w, ())) <= 1)


def named_in_full(c: Candidate, lone: frozenset[str], ctext: str) -> bool:
    """A foreign name of two or three words whose last word the article also writes alone
    (``Takahiro Shiraishi`` ... ``Shiraishi thừa nhận``): a person named in full, then by surname,
    as general news introduces people it gives no title. Not a word of Vietnamese, a model name
    (``X-Trail``, digits) or a run that a particle continues (``Osama bin Laden``)."""
    last = c.words[-1]
    if not (c.kind == "foreign" and 2 <= len(c.words) <= 3 and last in lone and len(last) >= 3 and last.isalpha()
            and not any(ch.isupper() for ch in last[1:]) and not any(_native(w) or "." in w for w in c.words)):
        return False
    nxt = _NEXT_WORD.match(ctext, c.end)
    return not (nxt and nxt.group(1) in _PARTICLES)  # "Osama" of "Osama bin Laden"


@cache
def _words_before(key: str) -> re.Pattern[str]:
    """A word of the ``address.yaml`` list ``key`` ending right before a position (``con trai ``)."""
    words = [str(w) for w in load_yaml("address.yaml").get(key) or []]
    return re.compile(r"(?<!\w)(?:" + alternation(words, space=r"\s+") + r")[^\S\n]+$",
                      re.IGNORECASE)  # "Vợ Melania Trump" opening a sentence too


def named_kin(c: Candidate, ctext: str) -> bool:
    """A foreign name of two or more words right after a kinship word (``cùng con trai George W.
    Langford``, ``vợ Melania Trump``) or a word saying what someone does (``sports_occupations``,
    ``occupations``: ``tiền vệ Matteo Kovacic``, ``ca sĩ Taylor Swift``): a relative or a player of the
    story, a person though no title or honorific comes with the name; after a sports occupation, not a
    run holding a club's word (``team_words``)."""
    if c.kind != "foreign" or len(c.words) < 2:
        return False
    if _words_before("kinship").search(ctext, max(0, c.start - 16), c.start):
        return True
    if _words_before("sports_occupations").search(ctext, max(0, c.start - 20), c.start):
        return not _team_words() & set(c.words)  # "tiền đạo Real Madrid": the club
    return _words_before("occupations").search(ctext, max(0, c.start - 20), c.start) is not None


@cache
def _thing_heads() -> re.Pattern[str]:
    """A ``names.yaml`` ``thing_heads`` noun ending right before a position, case kept (``Tuyên bố``,
    a document's name, but ``tuyên bố`` the verb)."""
    words = [str(w) for w in load_yaml("names.yaml").get("thing_heads") or []]
    return re.compile(r"(?<!\w)(?:" + alternation(words, space=r"\s+") + r")[^\S\n]+$")


@cache
def _firm_endings() -> tuple[str, ...]:
    """The country names a firm's branch ends with (``names.yaml`` ``firm_endings``)."""
    return tuple(" " + str(w) for w in load_yaml("names.yaml").get("firm_endings") or [])


def names_thing(c: Candidate, ctext: str) -> bool:
    """A run that a place's, a site's or a document's common noun names (``khu kinh tế mở Chu Lai``,
    ``tại phòng Roosevelt``, ``Tuyên bố Sunnylands``), a Vietnamese run after a house number (a
    street, ``số 7 Nguyễn Hữu Huân``), or a foreign run ending in the country's name (``Garena
    Vietnam``, a firm's branch): a thing, not a person."""
    if c.kind == "foreign" and c.name.endswith(_firm_endings()):
        return True
    return _thing_heads().search(ctext, max(0, c.start - 40), c.start) is not None or after_house_number(c, ctext)


#: a number right before a run: ``7``, ``56/4``, ``8A``, ``2 - 4``, with the word before it; not the end
#: of a date (``tối 10-4-2014 Ngọc Trinh``, ``5/6``)
_NUMBER_BEFORE = re.compile(r"(?:(\w+)[^\S\n]+|(?<![\w/.,:-]))(\d{1,4})[A-Za-z]?(?:/\d+[A-Za-z]?)*(?:[^\S\n]+-[^\S\n]+\d{1,4})?"
                            r"[^\S\n]+$")


@cache
def _count_words() -> frozenset[str]:
    """Words after which a number counts or orders (``names.yaml`` ``count_words``: ``năm thứ 15 Gia
    Long``, ``lần thứ 6``), so the run after it is no street."""
    return frozenset(str(w) for w in load_yaml("names.yaml").get("count_words") or [])


def after_house_number(c: Candidate, ctext: str) -> bool:
    """A Vietnamese run right after a house number (``tại số 16 Lương Văn Can``, ``hẻm 266 Tô Hiến
    Thành``, ``56/4 Hồng Lĩnh``, ``số 2 - 4 Lê Đại Hành``): a street named after someone, as streets
    are. Not after a year (``Hoa hậu Việt Nam 2016 Đỗ Mỹ Linh``) nor a count or an ordinal (``năm thứ
    15 Gia Long``), and not a run with a word of address (``số 18 ông Hướng``: the rules' candidates
    carry none)."""
    if c.kind != "vn":
        return False
    m = _NUMBER_BEFORE.search(ctext, max(0, c.start - 30), c.start)
    if m is None or re.fullmatch(r"\d{4}", ctext[m.start(2):c.start].strip()):
        return False  # a year
    return (m.group(1) or "").lower() not in _count_words()


def named_thing_elsewhere(c: Candidate, ctext: str) -> bool:
    """Whether the article writes the run's name, anywhere, right after a place's or a thing's noun
    (``sân bay Chu Lai`` ... ``biến Chu Lai thành``): the name is that place's or thing's throughout.
    Not the first words of a longer name there (``Tiên`` of ``cảng Tiên Sa`` says nothing of ``chị Tiên``)."""
    for m in re.finditer(r"(?<!\w)" + re.escape(c.name) + r"(?!\w)", ctext):
        nxt = _NEXT_WORD.match(ctext, m.end())
        if m.start() == c.start or (nxt and nxt.group(1)[:1].isupper()):
            continue
        if names_thing(Candidate(m.start(), m.end(), c.name, c.kind, c.words), ctext):
            return True  # not every name blocker: "yêu cầu Hương", "bà xã Trấn Thành"
    return False


@cache
def _team_words() -> frozenset[str]:
    """Words of sports clubs' names (``address.yaml`` ``team_words``)."""
    return frozenset(str(w) for w in load_yaml("address.yaml").get("team_words") or [])


#: an age or a year of birth written right after a name (``Hùng (35 tuổi, trú tại ...)``, ``Lan, 28 tuổi,``,
#: ``Tuấn (SN 1990)``): only a person is given one
_AGE_AFTER = re.compile(r"[^\S\n]*(?:\(|,)[^\S\n]*(?:\d{1,3}[^\S\n]+tuổi(?!\w)|SN[^\S\n]*\d{4}|sinh năm[^\S\n]*\d{4})")


_WORD_RIGHT_BEFORE = re.compile(r"(?<!\S)(\S+)[^\S\n]+$")


def named_by_age(c: Candidate, ctext: str, g: Gazetteer) -> bool:
    """A name followed by the person's age or year of birth (``chị Trần Thị Đ. (35 tuổi)``, ``Mukesh,
    61 tuổi,``): general news introduces people that way without a title; not a place, a body or a
    clause word that opens a sentence (``Năm nay, 35 tuổi``), and only a whole capitalized run (the
    end of a longer name whose first words the candidates cut off is not the name)."""
    return bool(_AGE_AFTER.match(ctext, c.end)) and c.name not in g.place_names and c.name not in g.known_orgs \
        and not any(w in g.function_words for w in c.words) \
        and not _capitalized_before(ctext, c.start)


def _capitalized_before(ctext: str, start: int) -> bool:
    """Whether a capitalized word stands right before ``start`` on the same line."""
    m = _WORD_RIGHT_BEFORE.search(ctext, max(0, start - 30), start)
    return m is not None and m.group(1)[:1].isupper()
