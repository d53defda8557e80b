"""Where an apposition title after a name ends when something sets it off (a comma, dash or
bracket): the part of :mod:`.titles` that reads on past the head walk's stop to the mark that
closes the phrase, a speech cue, or a bracket naming the body the title ends on.
"""

from __future__ import annotations

import re

#: a word (with inner apostrophes, ampersands, dots and hyphens) or one punctuation mark
TOKEN = re.compile(r"[^\W_]+(?:['’&.\-][^\W_]+)*|[^\w\s]")
#: words that open a clause: an apposition title never runs over them
_CLAUSE_WORDS = frozenset({"đã", "sẽ", "đang", "vừa", "rằng", "là", "thì", "mà", "nhưng", "khi", "nếu", "vì",
                           "cũng"})  # "X, Chánh thanh tra Sở Y cũng cho biết": the clause's adverb
_MAX_APPOSITION = 16
#: what opens an apposition title after a name: a comma, dash, bracket or ``là`` (group 1), then
#: the article or the copula that may stand before the head (``Bob Barr, một Hạ nghị sĩ của bang
#: Georgia``, ``Ông Green, hiện là Phó Chủ tịch CSIS``) as group 2: the title starts at the head (an
#: occupation after them is a description, ``một chuyên gia``: no title, annotations/GUIDE.md)
APPOSITION = re.compile(r"\s*(,|-|–|\(|là)\s*(?:(một|hiện là|hiện nay là|nay là|đang là)\s+)?")


def enclosed_end(ctext: str, end: int, limit: int, next_name: int | None, *, bracket: bool = False) -> int:
    """Where an apposition title set off by a comma, dash or bracket ends, when the walk stopped inside
    it (``Troy Vincent, chuyên gia phân tích tại ClipperData, nhận định``, ``Bà X, Phó Chủ tịch cao
    cấp của Hiệp hội Thương mại Hoa Kỳ cho biết``): the phrase runs on to the comma, dash or bracket
    that closes it, or to a speech cue of ``cues.yaml``, if that comes within a few words and no
    clause word (``đã``, ``rằng``) comes first; else the walk's end stands. A capitalized name
    inside is taken only as the body after ``của``/``tại``/``thuộc`` (``tại ClipperData``).
    A bracket inside closes the phrase too, taken with it unless it holds an acronym alone (``Vụ
    trưởng vụ An toàn giao thông (Tổng cục Đường bộ) cho biết``, ``chủ tịch ... Bắc Virginia (NVTC)
    hôm 28/6``: the bracket names the body the title ends on; not a date, ``(27-6)``). Inside a ``bracket`` apposition
    (``Ông X (Phó giám đốc chương trình Đông Nam Á của Trung tâm ... - CSIS, Mỹ)``) a comma does not
    close it: the closing bracket or a dash does."""
    from .acts import cues

    act_of = cues().act_of
    toks = list(TOKEN.finditer(ctext, end, min(limit, end + 200)))
    last = end
    closers = (")", "-", "–", ";") if bracket else (",", ")", "-", "–", ";")
    for k, t in enumerate(toks):
        if k >= _MAX_APPOSITION:
            return end
        w = t.group()
        if w in closers:
            return last if _body_slot(ctext, end, last, next_name) else end
        if w == "(" and k and not bracket:
            close = ctext.find(")", t.end(), limit)
            inner = ctext[t.end():close].strip() if close > 0 else ""
            if not inner or "(" in inner or len(inner.split()) > 8 or any(ch.isdigit() for ch in inner) or \
                    (next_name is not None and not ctext[close + 1:next_name].strip(" ,")):
                return end  # "..., Giám đốc phái bộ USAID (USAID) Michael Greene": the next one's title
            got = last if inner.replace(".", "").isupper() and " " not in inner else close + 1
            return got if _body_slot(ctext, end, got, next_name) else end
        if bracket and w == ",":
            continue
        if not w[0].isalnum():
            return end
        low = w.lower()
        if low in _CLAUSE_WORDS:
            return end
        words = [x.group().lower() for x in toks[k:k + 3]]
        if any(" ".join(words[:n]) in act_of for n in (1, 2, 3)):
            return last if k and _body_slot(ctext, end, last, next_name) else end
        last = t.end()
    return end


def _body_slot(ctext: str, end: int, got: int, next_name: int | None) -> bool:
    """Whether an apposition title ending at ``got`` holds the next name only as its body."""
    if next_name is None or not end <= next_name < got:
        return True
    return bool(_BODY_BEFORE.search(ctext, end, next_name))


_BODY_BEFORE = re.compile(r"(?<!\w)(?:của|tại|thuộc|ở)\s")
