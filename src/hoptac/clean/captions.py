"""Photo credits inside a line, and the caption each one closes.

A credit (``(Ảnh: VGP/Nhật Bắc)``, `` - Ảnh: VIỆT HÙNG.``, ``Ảnh: TTXVN``, ``Ảnh: NN`` followed
by more text) is cut from the text; the sentence it closes is a photo caption, kept and marked.
Positions are relative to the line given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.fastre import bounded
from .meta import is_title_case_word
from .rules import Rules

__all__ = ["Credit", "find_credits"]

_SENT_END = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘'(\[]*[A-ZĐÀ-Ỹ0-9])")
_LONG_LINE_WORDS = 60


@dataclass
class Credit:
    """A credit to cut (``cut``) and the caption it closes (``caption``), as line positions."""

    cut: tuple[int, int]
    caption: tuple[int, int]
    who: str


def _opener(rules: Rules) -> re.Pattern[str]:
    multi = [re.escape(w) for w in rules.credit_words if " " in w]
    single = [re.escape(w) for w in rules.credit_words if " " not in w]
    multi_alt = "|".join(multi) or "(?!)"
    single_alt = "|".join(single) or "(?!)"
    return bounded(f"(?:{multi_alt})(?:\\s*:)?|(?:{single_alt})\\s*:")  # tried where a credit word opens


_OPENERS: dict[int, re.Pattern[str]] = {}


def _sentence_start(line: str, pos: int) -> int:
    """Start of the sentence that ends at ``pos`` (the line start if none ends before)."""
    start = 0
    for m in _SENT_END.finditer(line, 0, max(0, pos)):
        if m.end() < pos - 1:
            start = m.end()
    return start


_CREDIT_WORDS = frozenset({"tư", "liệu", "minh", "họa", "hoạ", "chụp", "màn", "hình", "nguồn", "internet", "của",
                           "và", "theo", "từ", "clip", "video", "cắt", "ảnh", "đồ", "phóng", "viên", "thương",
                           "cung", "cấp"})


def _credit_like(tail: str) -> bool:
    """Whether the rest of a line after ``Ảnh:`` is only a credit (names, agencies, ``tư liệu``)."""
    toks = tail.split()
    if len(toks) > 8 or _SENT_END.search(tail):
        return False
    odd = [t for t in toks if not (is_title_case_word(t.strip("(),.;")) or "/" in t or t.strip("(),.;").isupper()
                                   or t.strip("(),.;").lower() in _CREDIT_WORDS or not t.strip("(),.;-–"))]
    return (len(odd) <= 1 and len(toks) - len(odd) >= 1) or not toks


_CREDIT_TOKEN = re.compile(r"[^\s/–—,-]+(?:/\.)?|[/–—,]|-")  # "TTXVN./." one token
_INITIALS = re.compile(r"(?:[A-ZĐ]\.)+")
_NAME_RUN_MAX = 5


def _name_run(toks: list[re.Match[str]], i: int, rest: str, stops: frozenset[str]) -> int:
    """Index past the run of capitalized words starting at ``toks[i]`` (a name or an outlet).

    A run that starts in capitals (``TTXVN``, ``TRẦN PHAN``) takes only words in capitals; one
    that does not stops at a word in capitals (an outlet after a name). Every run stops at a
    sentence opener (``Ông``, ``Theo``), at a wide gap (a lost line break), after a final stop
    (``TTXVN./.``) and after ``_NAME_RUN_MAX`` words.
    """
    caps = toks[i].group().isupper() if i < len(toks) else False
    j = i
    while j < len(toks) and j - i < _NAME_RUN_MAX:
        w = toks[j].group().rstrip("./")
        if not w or not is_title_case_word(w) or (j > i and (w in stops or (w.isupper() != caps and len(w) > 1))):
            break
        if j > i and "  " in rest[toks[j - 1].end():toks[j].start()]:
            break
        j += 1
        if _stopped(toks[j - 1].group()):
            break
    return j


def _stopped(tok: str) -> bool:
    """A word with a final stop (``Hiếu.``, ``TTXVN./.``), not initials (``V.V.``)."""
    return tok.endswith(".") and not _INITIALS.fullmatch(tok)


def _caps(word: str) -> bool:
    """A word in capitals (``TTXVN``, ``H.L``), not a single capital letter."""
    return word.isupper() and len(word) > 1


def _inline_who(rest: str, stops: frozenset[str] = frozenset()) -> int:
    """Length of a credit at the start of ``rest`` when body text follows it (0: none found).

    A credit is names or outlets joined by ``/``, ``–``, ``-`` or ``,`` (``VGP/Quang Hiếu``,
    ``Thống Nhất – TTXVN``); the last one ends where the next sentence starts: before a word that
    opens a sentence, a quote, or the capitalized word that a small word or a figure follows
    (``Quang Hiếu Ngày 31/5``: ``Ngày`` starts the sentence).
    """
    m = re.match(r"\s*([^.\n]{1,50}?)\.(?=\s+[\"“‘(]*[A-ZĐÀ-Ỹ])", rest)  # "Ảnh: Lê Hiếu. Theo ông..."
    if m and _credit_like(m.group(1)):
        return m.end()
    toks = list(_CREDIT_TOKEN.finditer(rest))
    end, i, joined = 0, 0, False
    while i < len(toks):
        j = _name_run(toks, i, rest, stops)
        if j == i:
            break
        after = toks[j].group() if j < len(toks) else ""
        if _stopped(toks[j - 1].group()):
            end = toks[j - 1].end()
            break
        if after in {"/", "–", "—", "-", ","} and j + 1 < len(toks) and _name_run(toks, j + 1, rest, stops) > j + 1:
            end, i, joined = toks[j - 1].end(), j + 1, True  # a name or outlet follows the separator
            continue
        if after in {"/", "–", "—", "-"}:  # "Hà Nội - những năm...": a dash in a sentence, not a credit
            if not joined:
                return 0
            break
        ends = j - i < _NAME_RUN_MAX and bool(after) and is_title_case_word(after) and not _caps(after)
        if not joined and j - i < 2 and not ends and not _caps(toks[i].group()):
            return 0  # one name word is a credit only when a new sentence plainly follows
        drop = not ends and (j - i >= _NAME_RUN_MAX or after[:1].islower() or after[:1].isdigit()
                             or after == "," or _caps(after))
        if drop and not _caps(toks[j - 1].group()):  # the run's last word opens the next sentence
            j -= 1
        if j > i:
            end = toks[j - 1].end()
        break
    return end


def find_credits(line: str, rules: Rules) -> list[Credit]:
    """Every photo credit of a line with the caption it closes, left to right."""
    opener = _OPENERS.get(id(rules))
    if opener is None:
        opener = _OPENERS[id(rules)] = _opener(rules)
    out: list[Credit] = []
    for m in opener.finditer(line):
        a = m.start()
        if out and a < out[-1].cut[1]:
            continue
        if a > 0 and line[a - 1] == "(":  # (Ảnh: VGP/Nhật Bắc)
            close = line.find(")", m.end())
            if close < 0 or close - a > 90:
                continue
            cut_a = a - 1
            while cut_a > 0 and line[cut_a - 1] == " ":
                cut_a -= 1
            cut_b = close + 1
            if line[cut_b:cut_b + 1] == ".":
                cut_b += 1
            who = line[m.end():close].strip()
        else:
            if a > 0 and line[a - 1].isalnum():
                continue
            rest = line[m.end():]
            tail = rest.strip().rstrip(".|").strip()
            if _credit_like(tail):
                cut_b = len(line)
                who = tail
            else:
                n = _inline_who(rest, rules.credit_stops)
                if not n:
                    continue
                cut_b = m.end() + n  # the blank after the credit stays: it separates what follows
                who = rest[:n].strip().rstrip(".")
            cut_a = a
            before = line[:a].rstrip()
            if before.endswith(("-", "–", "—", "|")):
                cut_a = len(before) - 1
            while cut_a > 0 and line[cut_a - 1] == " ":
                cut_a -= 1
        start = _sentence_start(line, cut_a)
        words_before = len(line[:cut_a].split())
        if cut_b >= len(line.rstrip(" |")) and words_before <= _LONG_LINE_WORDS:
            start = 0
        cap_end = cut_a
        if start >= cap_end:
            continue
        out.append(Credit((cut_a, cut_b), (start, cap_end), who))
    return out
