"""Companies and outlets named by a closing word of ``names.yaml`` (``Phu Thai Holdings``, ``Fox
Business Network``, ``Alston & Bird LLP``): a reading of the capitalized runs beside the head walk of
``orgs.py``, split from ``org_grammar.py`` to keep modules small."""

from __future__ import annotations

import re

from .gazetteer import Gazetteer, is_vietnamese_syllable
from .names import cap_runs
from .org_grammar import Hit
from .titles import side_of_title

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
        while i < len(words) and words[i] in g.function_words:
            i += 1
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
