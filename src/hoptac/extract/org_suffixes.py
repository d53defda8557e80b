"""Companies and outlets named by a closing word of ``names.yaml`` (``Phu Thai Holdings``, ``Fox
Business Network``, ``Alston & Bird LLP``): a reading of the capitalized runs beside the head walk of
``orgs.py``, split from ``org_grammar.py`` to keep modules small."""

from __future__ import annotations

import re
from functools import cache

from .acts import cues
from .gazetteer import Gazetteer, is_vietnamese_syllable, load_yaml
from .names import cap_runs
from .org_grammar import Hit
from .title_sides import side_of_title
from .titles import walk

_CREDIT_BEFORE = re.compile(r"(?:Ảnh|Nguồn|Video)\s*:\s*$")


def _amp_joined(ctext: str, runs: list[list[tuple[int, int, str]]], g: Gazetteer) -> list[list[tuple[int, int, str]]]:
    """Capitalized runs with two joined by `` & `` where the first holds no company word: one firm's
    name (``Alston & Bird LLP``), not two firms listed (``Golden Gates Ventures & Bragiel Brothers``)."""
    out: list[list[tuple[int, int, str]]] = []
    for run in runs:
        prev = out[-1] if out else None
        if prev and ctext[prev[-1][1]:run[0][0]] == " & " and not any(w.rstrip(",") in g.company_suffixes for _, _, w in prev) \
                and prev[-1][2][-1:].isalnum():
            out[-1] = prev + run
        else:
            out.append(run)
    return out


def suffix_hits(ctext: str, g: Gazetteer) -> list[Hit]:
    """Companies and outlets named by a closing word (``Phu Thai Holdings``, ``Fox Business Network``).

    The name runs from the start of its capitalized run (after function words) to the last
    company word, or to a media word that ends the run; photo credits are left out. The
    side comes only from a country in the name.
    """
    out: list[Hit] = []
    for run in _amp_joined(ctext, cap_runs(ctext), g):
        words = [w.rstrip(",") for _, _, w in run]
        i = 0
        while i < len(words) and (words[i] in g.function_words or words[i].lower() in legal_forms()):
            i += 1  # "Theo ...", "HĐQT DIC Corp": the firm's name starts after them
        last = max((k for k, w in enumerate(words) if w in g.company_suffixes), default=-1)
        kind = "company"
        if last <= i:
            last, kind = len(words) - 1, "media"
            while i < last and is_vietnamese_syllable(words[i]):
                i += 1  # "Trang Geopolitical Monitor", "Tờ Straits Times": the outlet is the rest
            if words[last] not in g.media_suffixes or last <= i:
                continue
        start, end = run[i][0], run[last][0] + len(words[last])
        if _CREDIT_BEFORE.search(ctext, max(0, start - 12), start):
            continue
        name = ctext[start:end]
        out.append((start, end, name, kind, side_of_title(name, g), name.lower()))
    return out


#: a legal form written after a firm's name, after a comma or not (``..., Inc``, ``... Co., Ltd``); its
#: final full stop is left to the sentence (the evaluator and the store fold it away)
_LEGAL_TAIL = re.compile(r",?[^\S\n]+(?:Co\.,?[^\S\n]*Ltd|Inc|Ltd|LLC|Corp|Corporation|JSC|PLC|Limited)(?![\w])")
#: a legal form written before a firm's own head (``công ty Cổ phần Tập đoàn Phú Mỹ``, ``Công ty TNHH
#: MTV Tổng công ty ...``): the firm's full name starts there
_LEGAL_FORM = re.compile(r"(?<![\w])[Cc]ông[^\S\n]+ty[^\S\n]+(?:[Cc]ổ[^\S\n]+phần|CP|TNHH(?:[^\S\n]+(?:MTV|[Mm]ột[^\S\n]+thành[^\S\n]+viên))?)[^\S\n]+$")


def legal_tail_end(ctext: str, end: int) -> int:
    """Where a firm's name ends when its legal form follows it (``, Inc``, `` Co., Ltd``), else ``end``."""
    t = _LEGAL_TAIL.match(ctext, end)
    return t.end() if t else end


def with_legal_form(ctext: str, hit: Hit) -> Hit:
    """A firm's hit widened back over the legal form written before its own head (``công ty Cổ phần
    Tập đoàn Phú Mỹ``). The key is kept, so the short form written later is the same firm."""
    a, b, name, kind, side, key = hit
    if kind != "company":
        return hit
    m = _LEGAL_FORM.search(ctext, max(0, a - 40), a)
    if m is None or m.end() != a:
        return hit
    return (m.start(), b, ctext[m.start():b] if name == ctext[a:b] else name, kind, side, key)


@cache
def legal_forms() -> frozenset[str]:
    """The words of a company's legal form or board (``titled_bodies.forms``: ``TNHH``, ``CP``,
    ``MTV``, ``HĐQT``), lower-cased: no name by themselves."""
    return frozenset(w.lower() for w in load_yaml("organizations.yaml")["titled_bodies"]["forms"])


def without_forms(name: str) -> str:
    """A firm's name less the legal-form words it starts with (``TNHH Jorn Technology`` ->
    ``Jorn Technology``, ``HĐQT DIC Corp`` -> ``DIC Corp``); ``""`` when it is nothing else."""
    words = name.split()
    k = 0
    while k < len(words) and words[k].lower() in legal_forms():
        k += 1
    return " ".join(words[k:])


#: after a legal form, the lower-case words that say a firm's trade (``dịch vụ và thương mại``,
#: ``một thành viên khoáng sản``), up to the capitalized word its own name starts with
_WORD = re.compile(r"[^\S\n]+([^\W\d_]+|\d+)")
#: how many lower-case words of trade a firm's name may hold before its own name
MAX_TRADE_WORDS = 6


def name_after_form(ctext: str, end: int, limit: int, g: Gazetteer) -> int | None:
    """Where a firm's name ends when its head and legal form are followed by its trade in lower
    case and then its name (``Công ty TNHH dịch vụ phát triển đầu tư Nam Việt``, ``Công ty CP xây
    dựng Bắc Nam 79``): the end of that name; ``None`` when no such name follows (the trade words
    must be Vietnamese syllables, no cue verb nor a word names never hold: ``và`` only between two)."""
    words: list[str] = []
    pos = end
    while (m := _WORD.match(ctext, pos, limit)) and len(words) <= MAX_TRADE_WORDS:
        w = m.group(1)
        if w[0].isupper() or w[0].isdigit():
            run = " ".join(words)
            if not words or (w[0].isdigit() and len(words) < 2) or cues().cue_re.search(run) \
                    or words[-1] == "và" or any(x in g.org_not_in_name and x != "và" for x in words):
                return None
            name_end = walk(ctext, m.start(1), limit, g, chains=False, parens=False, seats=False)[0]
            return name_end if name_end > m.start(1) else None
        if not is_vietnamese_syllable(w):
            return None
        words.append(w)
        pos = m.end()
    return None
