"""How two written names of one person fit: first names and initials, middle names, surnames,
one-letter misspellings (split from ``people.py``, which merges the names of a story with them)."""

from __future__ import annotations

import re


def _words_of(name: str) -> list[str]:
    """The words of a name, a glued initial apart (``Wilbur L.Ross``: Wilbur, L., Ross)."""
    return re.split(r"\s+|(?<=\.)(?=\w)", name)


def _surname(words: list[str]) -> str:
    """The last word of a name that is not a suffix (``McCooey`` of ``Robert H. McCooey Jr``)."""
    ws = [w for w in words if w.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV")] or words
    return ws[-1]


def _first_fits(a: str, b: str) -> bool:
    """Two first names of one person: equal, or one is the other's initial (``D.``)."""
    if a == b:
        return True
    return any(len(x) == 2 and x[1] == "." and y[:1] == x[0] for x, y in ((a, b), (b, a)))


def _middles(words: list[str]) -> list[str]:
    """The middle names or initials of a full name (``H.``, ``W.`` of ``George H. W. Bush``)."""
    ws = [w for w in words if w.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV")] or words
    return ws[1:-1]


def names_fit(a: str, b: str) -> bool:
    """Two full names of one person: first names fit and the middle names, when both are written,
    fit one by one (``George W. Bush`` is not ``George H. W. Bush``, his father)."""
    wa, wb = _words_of(a), _words_of(b)
    if not _first_fits(wa[0], wb[0]):
        return False
    ma, mb = _initials(_middles(wa)), _initials(_middles(wb))
    return not ma or not mb or ma == mb


def _initials(middles: list[str]) -> str:
    """The initials of middle names: ``H. W.``, ``HW`` and ``Herbert Walker`` are all ``HW``."""
    return "".join(m if m.isupper() and len(m) <= 2 else m[:1] for m in (x.rstrip(".") for x in middles))


def _one_letter_apart(a: str, b: str) -> bool:
    """Two long words that differ by one letter replaced, added or dropped (a misspelling)."""
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))
