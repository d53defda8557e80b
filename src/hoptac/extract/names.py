"""Personal-name candidates: capitalized runs split into Vietnamese and foreign names.

A Vietnamese name is 2-4 capitalized syllables starting with a family name of
``surnames.yaml`` (``Nguyễn Văn Bình``, ``Tô Lâm``). A foreign name is a run of 1-4
capitalized words of which at least one does not look like a Vietnamese syllable
(``John Carter``, ``Mary Lowe``, ``Donald J. Trump``). Country, place and
organization words at the start of a run are split off (``Hoa Kỳ Jacob Miller``).

Boundaries (vocabularies in ``names.yaml``): a capitalized function word (``Trong``,
``Theo``, ``Ngày``) starts a new clause, and a title head (``Vụ trưởng``) starts a title,
so neither continues a name; an initial glued to the next word is an initial
(``Wilbur L.Ross``, ``Đ.Trăm`` kept whole); a letter or initial never names anyone alone;
``Jr``/``III`` end a foreign name; a run holding a company word (``Holdings``, ``Group``,
``JSC``) or ending with a media word (``Network``) names an organization, not a person.
Whether a candidate is a person is decided by its context (``people.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .fastre import bounded
from .gazetteer import UPPER, Gazetteer, has_marks, is_vietnamese_syllable

WORD = re.compile(r"[A-Z](?:\.[A-Z])+|[^\W_]+(?:['’\-][^\W_]+)*")
_INITIAL = re.compile(r"[A-Z]\.")


@dataclass
class Candidate:
    """A capitalized run that may name a person."""

    start: int
    end: int
    name: str
    kind: str  # "vn" or "foreign"
    words: list[str]


_GLUED = rf"[{UPPER}]\.(?=[{UPPER}][\w\-'’]*?[^\W\d_{UPPER}])"  # "L." of "L.Ross", "Đ." of "Đ.Trăm"
_CAPWORD = (rf"(?:{_GLUED}|[A-Z](?:\.[A-Z])+|[{UPPER}]\.(?=[ \u00a0])"
            rf"|[{UPPER}][^\W_]*(?:['’\-][^\W_]+)*)")
_RUN = bounded(rf"(?<![\w.]){_CAPWORD}(?:(?:[ \u00a0]|(?<=\.)){_CAPWORD})*(?![\w])")
_RUN_WORD = re.compile(rf"{_GLUED}|[^ \u00a0]+")


def cap_runs(ctext: str) -> list[list[tuple[int, int, str]]]:
    """Maximal runs of capitalized words separated by single spaces (initials ``J.`` kept).

    An initial glued to the word after it (``L.Ross``) is a word of its own.
    """
    return [list(run) for run in _cap_runs(ctext)]


@lru_cache(maxsize=4)  # people and organizations both read a text's runs
def _cap_runs(ctext: str) -> tuple[tuple[tuple[int, int, str], ...], ...]:
    return tuple(tuple((w.start(), w.end(), w.group()) for w in _RUN_WORD.finditer(ctext, m.start(), m.end()))
                 for m in _RUN.finditer(ctext))


def is_initial(w: str) -> bool:
    """A single capital letter with its full stop (``L.``, ``Đ.``)."""
    return len(w) == 2 and w[1] == "." and w[0].isupper()


def _stop_word(words: list[str], j: int, ctext: str, run: list[tuple[int, int, str]], g: Gazetteer) -> bool:
    """Whether word ``j`` cannot continue a name: a function word, a name suffix, a title head."""
    w = words[j]
    if w in g.function_words or w in g.name_suffixes:
        return True
    h = g.title_heads.match(ctext, run[j][0])
    return bool(h and h.end() > run[j][1])  # "Vụ trưởng", not a one-word head that is also a name


#: a phrase of a run's words holds no blank but single spaces (words are split on blanks), so a
#: :class:`~hoptac.extract.gazetteer.Phrases` table answers it by the plain dict lookup (no respacing)
_HAS = dict.__contains__


def _known_prefix(words: list[str], i: int, g: Gazetteer) -> int:
    """How many words from ``i`` form a place, country or known organization name (0 if none)."""
    best = 0
    places, orgs = g.place_names, g.known_orgs
    phrase = ""
    for n in range(1, min(6, len(words) - i) + 1):
        phrase = words[i] if n == 1 else f"{phrase} {words[i + n - 1]}"
        if phrase in places or _HAS(orgs, phrase):
            best = n
    return best


def _joined_names(w: str) -> bool:
    """A hyphen joining capitalized Vietnamese syllables or acronyms (``Nam-Hoa`` of ``Việt Nam-Hoa Kỳ``,
    ``Rịa-Vũng``, ``Mỹ-ASEAN``): two names side by side, never one person's (a transliteration goes
    on in lower case: ``Ô-ba-ma``)."""
    parts = w.split("-")
    return len(parts) > 1 and all(p[:1].isupper() and (is_vietnamese_syllable(p) or p.isupper()) for p in parts)


def _middle_initials(words: list[str], i: int, j: int) -> bool:
    """Two capitals between a first name and a surname are middle initials (``George HW Bush``)."""
    w = words[j]
    return j > i and len(w) == 2 and w.isascii() and not words[j - 1].isupper() \
        and j + 1 < len(words) and words[j + 1][:1].isupper() and not words[j + 1].isupper()


def _native(w: str) -> bool:
    """A word that is a marked Vietnamese syllable (never part of a foreign name)."""
    return is_vietnamese_syllable(w) and has_marks(w)


def _looks_foreign(w: str) -> bool:
    return (not is_vietnamese_syllable(w.rstrip("."))) or not has_marks(w)


def _leader_len(words: list[str], i: int, g: Gazetteer) -> int:
    """How many words from ``i`` write a head of state or government of the leaders table (0 if none)."""
    for n in (4, 3, 2):
        if i + n <= len(words) and " ".join(words[i:i + n]) in g.leaders:
            return n
    return 0


def split_run(run: list[tuple[int, int, str]], g: Gazetteer, ctext: str) -> list[Candidate]:
    """The name candidates inside one capitalized run (``ctext`` to see title heads after it)."""
    words = [w for _, _, w in run]
    out: list[Candidate] = []
    i = 0
    n = len(words)
    prefixes: dict[int, int] = {}  # _known_prefix by index: the loops below ask again for the same words

    def known_prefix(k: int) -> int:
        got = prefixes.get(k)
        if got is None:
            got = prefixes[k] = _known_prefix(words, k, g)
        return got

    while i < n:
        if words[i] in g.work_articles:
            break  # "The Diplomat", "Anh The Spectator": a publication or a work
        skip = known_prefix(i)
        initial_next = i + skip < n and _INITIAL.fullmatch(words[i + skip])
        if skip and not _HAS(g.leaders, words[i]) and not initial_next:
            i += skip
            continue
        w = words[i]
        if (w.isupper() and len(w) > 1 and not w.endswith(".")) or _joined_names(w):
            i += 1  # an acronym, an all-caps byline word, "Việt Nam-Hoa Kỳ"
            continue
        if w in g.function_words or w in g.name_suffixes:
            i += 1
            continue
        if w in g.surnames or " ".join(words[i:i + 2]) in g.compound_surnames:
            j = i + 1
            while j < n and j - i < 4 and is_vietnamese_syllable(words[j]) and known_prefix(j) < 2 \
                    and not words[j].isupper() and not _stop_word(words, j, ctext, run, g):
                j += 1
            if j - i >= 2:
                out.append(_cand(run, i, j, "vn"))
                i = j
                continue
        lead = _leader_len(words, i, g)
        if lead and _native(w):
            out.append(_cand(run, i, i + lead, "vn"))  # "Tập Cận Bình": no Vietnamese surname, a leader
            i += lead
            continue
        # foreign: words until a known place/organization, at most 4 (initials not counted)
        if _native(w) and not _HAS(g.leaders, " ".join(words[i:i + 2])):
            i += 1  # a Vietnamese word (Ông, Ngài, Đại) does not start a foreign name
            continue
        j = i
        while j < n and not (j > i and (known_prefix(j) or _stop_word(words, j, ctext, run, g)
                                        or (_native(words[j]) and not is_initial(words[j - 1])))) \
                and not (words[j].isupper() and len(words[j]) > 1 and not words[j].endswith(".")
                         and not _middle_initials(words, i, j)):
            j += 1
            if sum(1 for w2 in words[i:j] if not w2.endswith(".")) >= 4:
                break
        if any(w2.rstrip(",") in g.company_suffixes for w2 in words[i:j + 1]) or (
                j > i and words[j - 1] in g.media_suffixes):
            # "Phu Thai Holdings", "Fox Business Network": an organization, never a person
            while j < n and words[j] in g.company_suffixes:
                j += 1
            i = max(j, i + 1)
            continue
        if j > i and j < n and words[j] in g.name_suffixes and not is_initial(words[j - 1]):
            j += 1  # "Robert H. McCooey Jr", "Theodore G. Osius III"
        span = words[i:j]
        foreign = any(_looks_foreign(w2) for w2 in span) if len(span) > 1 else \
            bool(span) and not is_vietnamese_syllable(span[0].rstrip("."))
        if span and (foreign or _HAS(g.leaders, " ".join(span))):
            while j > i and (is_initial(words[j - 1]) or (words[j - 1].endswith(".") and words[j - 1] not in
                                                           g.name_suffixes)):
                j -= 1  # a name does not end with an initial
            if j > i and all(len(w2.rstrip(".")) == 1 for w2 in words[i:j]):
                j = i  # a letter or initials alone name no one ("G." of "tiến sĩ G.")
            if j > i:
                out.append(_cand(run, i, j, "foreign"))
            i = max(j, i + 1)
        else:
            i += 1
    return out


def _cand(run: list[tuple[int, int, str]], i: int, j: int, kind: str) -> Candidate:
    start, end = run[i][0], run[j - 1][1]
    words = [w for _, _, w in run[i:j]]
    if words[-1].endswith(".") and not words[-1].startswith(("Jr", "Sr")):
        end -= 1
    name = ""
    for k in range(i, j):
        if k > i and run[k][0] > run[k - 1][1]:
            name += " "
        name += run[k][2]
    return Candidate(start, end, name.rstrip(".") if end < run[j - 1][1] else name, kind, words)


def candidates(ctext: str, g: Gazetteer) -> list[Candidate]:
    """Every name candidate of the text, in order."""
    out: list[Candidate] = []
    for run in cap_runs(ctext):
        out += split_run(run, g, ctext)
    return out
