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
                           "và", "theo", "từ", "clip", "video", "cắt", "ảnh", "đồ", "phóng", "viên", "thương"})


def _credit_like(tail: str) -> bool:
    """Whether the rest of a line after ``Ảnh:`` is only a credit (names, agencies, ``tư liệu``)."""
    toks = tail.split()
    if len(toks) > 8 or _SENT_END.search(tail):
        return False
    odd = [t for t in toks if not (is_title_case_word(t.strip("(),.;")) or "/" in t or t.strip("(),.;").isupper()
                                   or t.strip("(),.;").lower() in _CREDIT_WORDS or not t.strip("(),.;-–"))]
    return (len(odd) <= 1 and len(toks) - len(odd) >= 1) or not toks


def _inline_who(rest: str) -> int:
    """Length of a credit name at the start of ``rest`` when body text follows it (0: none found)."""
    m = re.match(r"\s*([^.\n]{1,50}?)\.(?=\s+[\"“‘(]*[A-ZĐÀ-Ỹ])", rest)  # "Ảnh: Lê Hiếu. Theo ông..."
    if m and _credit_like(m.group(1)):
        return m.end()
    toks = list(re.finditer(r"\S+", rest))
    if not toks:
        return 0
    first = toks[0].group()
    if "/" in first or first.isupper():  # an agency or a name in capitals: the run of such tokens
        end = 0
        for t in toks:
            w = t.group().strip("“\"")
            if w and (w.isupper() or "/" in w or w in {"+", "/"}) and t.group()[0] not in "“\"":
                end = t.end()
            else:
                break
        return end
    run = []
    for t in toks[:5]:
        if "/" in t.group():  # "Thống Nhất/TTXVN": the agency ends the credit
            return t.end()
        if is_title_case_word(t.group()):
            run.append(t)
        else:
            break
    if len(run) >= 2:  # "Quang Hiếu Với tư cách...": the last capital starts the next sentence
        keep = run[:-1] if len(run) < len(toks) else run
        return keep[-1].end()
    return 0


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
                n = _inline_who(rest)
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
