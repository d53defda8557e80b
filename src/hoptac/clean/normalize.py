"""Unicode and Vietnamese spelling normalization: plain ``str -> str`` functions.

- :func:`nfc` composes text (NFD input, as macOS and Windows-1258 produce it, becomes NFC).
- :func:`fold_tones` moves each syllable's tone mark to one canonical place, so that the two
  placements found in Vietnamese news compare equal. The canonical form puts the tone of the
  open glides ``oa``, ``oe`` and ``uy`` on their first vowel (``hòa``, ``khỏe``, ``thủy``,
  ``Thủy``), the placement of most dictionaries and government documents; the other
  placement (``hoà``, ``khoẻ``, ``thuỷ``) is folded to it. Everywhere else the rule is the one
  both styles share: a vowel with a quality mark (``â ă ê ô ơ ư``) takes the tone (the last one
  in ``ươ``); a syllable closed by a consonant puts it on its last vowel (``hoàng``,
  ``quyết``); three open vowels put it on the middle one (``ngoài``); ``qu`` and ``gi`` are
  consonants (``quý``, never ``qúy``; ``già``, never ``gìa``).
- :func:`strip_diacritics` removes every mark (``bán dẫn`` -> ``ban dan``, ``đ`` -> ``d``).
- :func:`search_key` is what matching and full-text search compare: NFC, folded tones,
  case-folded.

Words that are not Vietnamese syllables (``António``, ``José``) are left as they are. Text
shown to users keeps the article's own spelling: these functions make keys, not display text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold_tones", "nfc", "search_key", "strip_diacritics"]

TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_QUALITY = frozenset("âăêôơư")
_VOWELS = frozenset("aăâeêioôơuưy")
_INITIALS = ("ngh", "ng", "nh", "ch", "gh", "kh", "ph", "th", "tr", "gi", "qu",
             "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
_FINALS = frozenset({"", "c", "ch", "m", "n", "ng", "nh", "p", "t"})
_OPEN_GLIDES = frozenset({"oa", "oe", "uy"})
_WORD = re.compile(r"[^\W\d_]+")


def nfc(s: str) -> str:
    """The text in Unicode NFC (composed) form."""
    return unicodedata.normalize("NFC", s)


def _split(word: str) -> tuple[str, str, str] | None:
    """(initial, vowels, final) of a lower-case syllable without tone, or None if not one."""
    initial = ""
    for ini in _INITIALS:
        if word.startswith(ini):
            initial = ini
            break
    rest = word[len(initial):]
    if initial == "gi" and (not rest or rest[0] not in _VOWELS):
        initial, rest = "g", word[1:]  # "gì", "gìn": the i is the vowel
    if initial == "qu" and not rest:
        return None
    i = 0
    while i < len(rest) and rest[i] in _VOWELS:
        i += 1
    vowels, final = rest[:i], rest[i:]
    if not vowels or len(vowels) > 3 or final not in _FINALS:
        return None
    return initial, vowels, final


def _tone_index(vowels: str, final: str) -> int:
    """Where the tone sits in a vowel cluster, by the canonical rule of the module docstring."""
    quality = [i for i, c in enumerate(vowels) if c in _QUALITY]
    if quality:
        return quality[-1]
    if final:
        return len(vowels) - 1
    if len(vowels) == 3:
        return 1
    return 0  # two open vowels (hòa, mái, thủy, mùa) or one


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in TONES]
    if len(tones) != 1:
        return word  # no tone (or not Vietnamese): nothing to move
    bare = nfc("".join(c for c in decomposed if c not in TONES))
    lower = bare.lower()
    parts = _split(lower)
    if parts is None:
        return word
    initial, vowels, final = parts
    pos = len(initial) + _tone_index(vowels, final)
    out = bare[:pos + 1] + tones[0] + bare[pos + 1:]
    return nfc(out)


def fold_tones(s: str) -> str:
    """NFC text with every syllable's tone mark in the canonical place (``hoà`` -> ``hòa``)."""
    s = nfc(s)
    if s.isascii():
        return s
    return _WORD.sub(lambda m: m.group() if m.group().isascii() else _fold_word(m.group()), s)


def strip_diacritics(s: str) -> str:
    """The text without any Vietnamese mark: ``bán dẫn`` -> ``ban dan``, ``Đà`` -> ``Da``."""
    s = s.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", s)
    return nfc("".join(c for c in decomposed if not unicodedata.combining(c)))


def search_key(s: str) -> str:
    """The key that matching and search compare: NFC, canonical tones, case-folded."""
    return fold_tones(s).casefold()
