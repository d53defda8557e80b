"""Vietnamese number writing: ``1,5`` is 1.5, ``50.000`` is 50000, ``1.284`` is 1284.

Also the vocabulary tables of ``resources/units.yaml`` (multipliers, currencies, cue words),
compiled once into regular expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import safe_load
from ..settings import RESOURCES

# a number as written: 50.000 / 1.284.000,5 / 10,07 / 2018 / 1.5 (English decimal, rare)
NUMBER = r"\d+(?:[.,]\d+)*"


def parse_number(s: str) -> float | None:
    """The value of a Vietnamese-written number (dots group thousands, a comma is the decimal mark).

    None for digit groups that are not one number (``6.2014``, ``20.9.1977``).
    """
    s = s.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        return float(s.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3},000", s):  # 2,000 (English grouping): no one writes 2,000 for 2
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d+,\d+", s):
        return float(s.replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", s):  # 1,284,000 (English grouping, several groups)
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d+\.\d{1,2}", s):  # 1.5 (English decimal mark, rare)
        return float(s)
    if re.fullmatch(r"\d+", s):
        return float(s)
    return None


def _alt(words: list[str]) -> str:
    """A regex alternation of words (longest first), spaces matching any spacing."""
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) if " " in w else re.escape(w)
                    for w in parts)


@dataclass(frozen=True)
class Units:
    """The compiled tables of ``units.yaml``."""

    multipliers: dict[str, float]
    currency_of: dict[str, str]
    mult_re: str
    currency_re: str
    percent_re: str
    duration_re: str
    approx_re: str
    not_before_re: re.Pattern[str]
    figure_before_re: re.Pattern[str]
    rank_before_re: re.Pattern[str]
    count_units_re: re.Pattern[str]
    stop_words: frozenset[str]
    pair_nouns: frozenset[str]
    classifier_re: re.Pattern[str]
    number_words: dict[str, float]
    glued_re: re.Pattern[str]
    number_word_re: re.Pattern[str]


@cache
def units() -> Units:
    """The amount vocabulary from ``resources/units.yaml``."""
    with open(RESOURCES / "units.yaml", encoding="utf-8") as fh:
        data = safe_load(fh)
    mults = {str(k).lower(): float(v) for k, v in data["multipliers"].items()}
    currency_of: dict[str, str] = {}
    for code, words in data["currencies"].items():
        for w in words:
            currency_of[" ".join(str(w).lower().split())] = code
    return Units(
        multipliers=mults,
        currency_of=currency_of,
        # "4 triệu chứng" counts symptoms, "2 tỷ lệ" rates: a multiplier word that begins a word of its own is none
        mult_re=rf"(?:{_alt(list(mults))})(?!\s+(?:{_alt([str(w) for w in data.get('not_multiplied') or []]) or '(?!)'})(?!\w))",
        currency_re=_alt([str(w) for ws in data["currencies"].values() for w in ws]),
        percent_re=_alt([str(w) for w in data["percent"]]),
        duration_re=_alt([str(w) for w in data["durations"]]),
        approx_re=_alt([str(w) for w in data["approx"]]),
        not_before_re=re.compile(rf"(?:^|[^\w])(?:{_alt([str(w) for w in data['not_amount_before']])})\s*$",
                                 re.IGNORECASE),
        figure_before_re=re.compile(rf"(?:^|[^\w])(?:{_alt([str(w) for w in data.get('figure_before') or []]) or '(?!)'})\s*$",
                                    re.IGNORECASE),
        rank_before_re=re.compile(rf"(?:^|[^\w])(?:{_alt([str(w) for w in data.get('rank_before') or []])})\s*$",
                                  re.IGNORECASE),
        count_units_re=re.compile(rf"(?:{_alt([str(w) for w in data['count_units']])})(?!\w)", re.IGNORECASE),
        stop_words=frozenset(str(w).lower() for w in data["stop_words"]),
        pair_nouns=frozenset(str(w).lower() for w in data.get("pair_nouns") or []),
        classifier_re=re.compile(rf"(?:{_alt([str(w) for w in data.get('classifiers') or ['em']])})\s+(?=[a-zà-ỹđ])"),
        number_words={" ".join(str(k).lower().split()): float(v) for k, v in (data.get("number_words") or {}).items()},
        glued_re=re.compile(rf"(?:{_alt([str(w) for w in data.get('glued_units') or []])})(?![\w-])"),
        number_word_re=re.compile(rf"(?<!\w)(?:{_alt([str(w) for w in data.get('number_words') or {}])})(?!\w)",
                                  re.IGNORECASE),
    )


def multiplier(word: str | None) -> float:
    """The factor of a multiplier word (``tỷ`` -> 1e9), 1 when there is none."""
    if not word:
        return 1.0
    return units().multipliers.get(" ".join(word.lower().split()), 1.0)


def currency(word: str) -> str | None:
    """The currency code of a currency word (``đồng`` -> VND)."""
    return units().currency_of.get(" ".join(word.lower().split()))
