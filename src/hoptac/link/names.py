"""When two person mentions name the same person.

Rules, in order:

1. Names are compared by :func:`~hoptac.link.text.name_key` (case, spacing, punctuation
   folded; tone marks kept, so ``Lan`` and ``Lân`` differ).
2. Two full names (two words or more) match exactly, as a word suffix (``John Kerry`` and
   ``Ngoại trưởng Mỹ John Kerry``), word by word with words left without tone marks
   (``Nguyễn Thi Kim Ngân``), or — for Western names, all ASCII — with the same
   surname and compatible first names (``John Kerry`` and ``John F. Kerry``, ``Dan`` and
   ``Daniel Holloway``, ``Jim`` and ``James Mattis``: forms of one given name listed in
   ``resources/linking.yaml``), or alike but for a typing slip inside one word
   (``Randall Schiver``, ``Willbur Ross``; never at its last letter: ``Green`` is not
   ``Greene``). ``Ivanka Trump`` does not match ``Donald Trump``; Vietnamese
   names (``Nguyễn Tấn Dũng``, ``Nguyễn Đức Dũng``) match only exactly or as a suffix.
3. A bare surname (``Kerry``) matches a full name ending with it when the word is plain
   ASCII (a Western surname, not a Vietnamese given name shared by thousands), or one of
   five letters or more a typing slip away (``Krittenbrink``). A mention
   with a full name is matched on its full names only (its short aliases help others find
   it); a person known only by a surname is extended by the first full name that fits.
   When a bare surname fits several people, the one named far more often wins, else none.
4. Sides must agree when both are known; offices must agree when both are known, where an
   office is ``company`` or ``public`` (see ``resources/linking.yaml``). A government
   official moving from one ministry to another stays one person; a company director and a
   vice-minister of the same name are two.
"""

from __future__ import annotations

from functools import cache

from .lexicon import cue, lexicon
from .text import fold, lower, name_key, words


def office_kind(title: str | None, organization: str | None, org_kind: str | None = None) -> str | None:
    """``company``, ``public`` or None (unknown), from the org kind, else the title's words."""
    if org_kind == "company":
        return "company"
    if org_kind in ("government", "party", "embassy"):
        return "public"
    text = lower(" ".join(x for x in (title, organization) if x))
    if not text:
        return None
    company, public = cue("offices", "company").search(text), cue("offices", "public").search(text)
    if company and public and "," in text:
        return None  # a chain of two people's titles ("Giám đốc ... HSBC, Thủ tướng"): no office said
    if company:
        return "company"
    if public:
        return "public"
    return None


def _western(tokens: list[str]) -> bool:
    return all(t.isascii() for t in tokens)


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _no_suffix(tokens: list[str]) -> list[str]:
    """A name key's words without a final ``Jr``/``Sr``/``III`` (``Robert H. McCooey Jr``)."""
    return tokens[:-1] if len(tokens) > 2 and tokens[-1] in _SUFFIXES else tokens


def _initials(middle: list[str]) -> str:
    """Middle names as initials: ``h w``, ``hw`` and ``herbert walker`` are all ``hw``."""
    return "".join(w if len(w) <= 2 else w[0] for w in middle)


def _toneless(ta: list[str], tb: list[str]) -> bool:
    """One spelling writes some words without tone marks and folds onto the other, word by word
    (``Nguyen Xuan Phuc``, ``Nguyễn Thi Kim Ngân``): a word left unmarked is the marked one, two
    words marked differently (``Bình``, ``Bính``) are not."""
    if len(ta) != len(tb) or ta == tb:
        return False
    return all(x == y or ((x.isascii() or y.isascii()) and fold(x) == fold(y)) for x, y in zip(ta, tb, strict=True))


def _one_slip(a: str, b: str) -> bool:
    """Two spellings of one foreign word a typing slip apart: one letter added, dropped or changed,
    or two neighbours swapped, inside the word (``Schriver``/``Schiver``, ``Geogre``/``George``).

    A slip at the last letter is not one: real names differ there (``Green``/``Greene``,
    ``Mario``/``Maria``, ``Clark``/``Clarke``).
    """
    if a == b or not (a.isascii() and b.isascii() and a.isalpha() and b.isalpha()) or abs(len(a) - len(b)) > 1:
        return False
    if a[-1] != b[-1]:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return short[i:] == long_[i + 1:]


def surname_fits(word: str, surname: str) -> bool:
    """Whether a bare surname names a full name's surname: the same word, or a Western one of five
    letters or more a typing slip away (``krittenbrink``, ``kritenbrink``)."""
    return word == surname or (min(len(word), len(surname)) >= 5 and _one_slip(word, surname))


def _slipped(ta: list[str], tb: list[str]) -> bool:
    """Two Western full names alike but for a typing slip in one word of four letters or more (five for a
    given name), the other words identical (``Terry F. Biss``/``Terry F. Buss``, ``Barrack Obama``)."""
    if len(ta) != len(tb) or not (_western(ta) and _western(tb)):
        return False
    diff = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    least = 4 if x == ta[-1] else 5
    return min(len(x), len(y)) >= least and _one_slip(x, y)


def _spaced(ta: list[str], tb: list[str]) -> bool:
    """Two Western full names one of which splits or joins a word (``John Mc Cain``, ``John McCain``):
    the same given name and the same letters once the spaces are gone."""
    return (len(ta) >= 2 and len(tb) >= 2 and len(ta) != len(tb) and ta[0] == tb[0]
            and _western(ta) and _western(tb) and "".join(ta) == "".join(tb))


def _edits(a: str, b: str, limit: int) -> int:
    """The edit distance of two words (insertions, deletions, substitutions), ``limit + 1`` when above it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
        if min(row) > limit:
            return limit + 1
    return row[-1]


def near_spelling(a: str, b: str) -> bool:
    """Two Western full-name keys that one article writes for one person, spelled two ways (``amy
    searight``, ``amy searingt``): the same words but a surname of six letters or more one or two letters
    apart, with its first letter kept. Strong only where one article writes both (or a shared title
    confirms it): never two given names (``Bill``, ``Hillary``), never a Vietnamese name."""
    ta, tb = _no_suffix(a.split()), _no_suffix(b.split())
    if len(ta) < 2 or len(ta) != len(tb) or ta == tb or not (_western(ta) and _western(tb)) or ta[:-1] != tb[:-1]:
        return False
    x, y = ta[-1], tb[-1]
    return (x.isalpha() and y.isalpha() and min(len(x), len(y)) >= 6 and x[0] == y[0]
            and _edits(x, y, 2) <= 2)


def match_score(a: str, b: str) -> int:
    """How well two name keys match: 3 exact, 2 same full name, 1 bare ASCII surname, 0 none.

    A full name written without tone marks is the marked one (2); two Western names with the
    same first name and surname differ when both write middle initials and these differ
    (``george w bush`` is not ``george h w bush``).
    """
    if not a or not b:
        return 0
    if a == b:
        return 3
    ta, tb = _no_suffix(a.split()), _no_suffix(b.split())
    if ta == tb:
        return 2  # "robert h mccooey jr" and "robert h mccooey"
    if len(ta) >= 2 and (_toneless(ta, tb) or _slipped(ta, tb) or _spaced(ta, tb)):
        return 2
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if ta[-1] != tb[-1]:  # a bare surname a slip away from a long one ("Krittenbrink", "Kritenbrink")
        return 1 if len(short) == 1 and min(len(ta[-1]), len(tb[-1])) >= 5 and _one_slip(ta[-1], tb[-1]) else 0
    if len(short) == 1:
        word = short[0]
        return 1 if word.isascii() and word.isalpha() and len(word) >= 3 else 0
    if _western(ta) and _western(tb) and len(short) >= 2:
        ma, mb = _initials(ta[1:-1]), _initials(tb[1:-1])
        if ma and mb and ma != mb:
            return 0
    if long_[-len(short):] == short:
        return 2
    if _western(ta) and _western(tb) and same_given(ta[0], tb[0]):
        return 2
    return 0


@cache
def _given_forms() -> dict[str, frozenset[str]]:
    """Each English given name's forms (``resources/linking.yaml``: ``given_name_forms``)."""
    forms: dict[str, set[str]] = {}
    for line in lexicon().get("given_name_forms", []):
        for name in line:
            forms.setdefault(name, set()).update(line)
    return {k: frozenset(v) for k, v in forms.items()}


def same_given(a: str, b: str) -> bool:
    """Two first names of one person: one begins the other (``Dan``, ``Daniel``) or both are
    forms of one name (``Jim``, ``James``; ``Bill``, ``William``) — never ``Bill`` and ``Hillary``."""
    return a.startswith(b) or b.startswith(a) or b in _given_forms().get(a, ())


def without_middle(short: str, full: str) -> bool:
    """A Western name key written without the middle names a fuller key of the same person may carry
    (``george bush`` of ``george w bush``, ``bill clinton`` of ``william j clinton``): it could be any
    person so named, whose middle initials alone tell fathers and sons apart."""
    ts, tf = _no_suffix(short.split()), _no_suffix(full.split())
    return (len(ts) == 2 and len(tf) >= 3 and _western(ts) and _western(tf) and ts[-1] == tf[-1]
            and same_given(ts[0], tf[0]))


def given_variant(a: str, b: str) -> bool:
    """Two Western full-name keys of one surname whose first names differ but are forms of one name
    (``greg poling``, ``gregory poling``), middle initials agreeing: the same person only where the
    context says so too (:mod:`hoptac.store.people_link`)."""
    ta, tb = _no_suffix(a.split()), _no_suffix(b.split())
    if len(ta) < 2 or len(tb) < 2 or not (_western(ta) and _western(tb)) or ta[-1] != tb[-1] or ta[0] == tb[0]:
        return False
    ma, mb = _initials(ta[1:-1]), _initials(tb[1:-1])
    return not (ma and mb and ma != mb) and same_given(ta[0], tb[0])


def _conflict(a: str, b: str) -> bool:
    """Two Western full names with one first name and surname but other middle initials (father, son)."""
    ta, tb = _no_suffix(a.split()), _no_suffix(b.split())
    if len(ta) < 3 or len(tb) < 3 or not (_western(ta) and _western(tb)) or ta[-1] != tb[-1] or ta[0] != tb[0]:
        return False
    return _initials(ta[1:-1]) != _initials(tb[1:-1])


def person_score(mention_keys: list[str], person_keys: list[str]) -> int:
    """How well a mention (all its name keys) fits a known person (all their alias keys); 0 when one of
    the mention's full names conflicts with one of the person's (``George H. W.`` and ``George W. Bush``)."""
    full_m = [k for k in mention_keys if len(k.split()) >= 2]
    full_p = [k for k in person_keys if len(k.split()) >= 2]
    if any(_conflict(m, p) for m in full_m for p in full_p):
        return 0
    if full_m and full_p:
        return max(match_score(m, p) for m in full_m for p in full_p)
    return max((match_score(m, p) for m in (full_m or mention_keys) for p in person_keys), default=0)


def compatible(side_a: str | None, side_b: str | None, office_a: str | None, office_b: str | None) -> bool:
    """Whether two records may be one person: sides and offices do not disagree."""
    if side_a and side_b and side_a != side_b:
        return False
    return not (office_a and office_b and office_a != office_b)


def is_clean_name(name: str) -> bool:
    """A name with no title words: every word starts with a capital (``John Kerry``)."""
    toks = name.split()
    return bool(toks) and all(t[:1].isupper() for t in toks)


def better_name(current: str, candidate: str) -> str:
    """The name to show: a clean name beats one with title words; then the longer one."""
    cur_clean, cand_clean = is_clean_name(current), is_clean_name(candidate)
    if cand_clean != cur_clean:
        return candidate if cand_clean else current
    if "".join(candidate.split()).lower() == "".join(current.split()).lower():
        return min(current, candidate, key=lambda n: (len(n.split()), n != current))  # "McCain", not "Mc Cain"
    if cand_clean and len(candidate.split()) > len(current.split()):
        return candidate
    if not cand_clean and len(candidate) < len(current):
        return candidate
    return current


def org_key(name: str) -> str:
    """The key two spellings of one organization share: folded, ``Hoa Kỳ`` = ``Mỹ``, ``kì`` = ``kỳ``.

    ``Bộ Ngoại giao Hoa Kỳ`` and ``Bộ Ngoại giao Mỹ`` are one ministry.
    """
    from .dedupe import spelling_key

    return " ".join(words(spelling_key(name)))[:255]


def last_token(key: str) -> str:
    """The last word of a name key, tone marks folded (the index used to find candidates: ``phuc``
    finds both ``Nguyễn Xuân Phúc`` and ``Nguyen Xuan Phuc``)."""
    parts = _no_suffix(key.split())
    return fold(parts[-1])[:64] if parts else ""


__all__ = ["better_name", "compatible", "is_clean_name", "last_token", "match_score", "name_key",
           "office_kind", "org_key", "person_score", "same_given", "surname_fits", "without_middle"]
