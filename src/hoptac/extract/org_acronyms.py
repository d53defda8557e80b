"""Acronyms of organizations: in brackets after a name, introduced by an organization word, and
the country written after a name.

``Hiệp hội Xăng dầu Việt Nam (VINPA)`` makes ``VINPA`` an alias and every place it is written a
mention; ``Tổng giám đốc VNG`` makes ``VNG`` a company; ``(CSIS) của Mỹ`` gives the side. Split
from :mod:`.orgs` (the acronym readings are a stage of their own after the names are found).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer
from .spans import WORD_RUN, word_runs

if TYPE_CHECKING:
    from .orgs import FoundOrg

_PAREN_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z0-9&.\-]{1,14}\)")


def side_after(ctext: str, end: int, g: Gazetteer) -> str | None:
    """A country written right after a name (or after its acronym in brackets):
    ``(Mỹ)``, ``của Hoa Kỳ``, ``, Hoa Kỳ.``, ``(CSIS) của Mỹ``."""
    ac = _PAREN_ACRONYM.match(ctext, end)
    end = ac.end() if ac else end
    m = re.compile(r"\s*(?:\(|của\s+|,\s*)").match(ctext, end)
    if not m:
        return None
    cm = g.places.match(ctext, m.end())
    if not cm or not g.side_of_country(cm.group()):
        return None
    closing = ctext[cm.end():cm.end() + 1]
    if m.group().strip() == "(" and closing != ")":
        return None
    if m.group().strip() == "," and closing not in (".", ",", ";", "\n", ""):
        return None
    return g.side_of_country(cm.group())


_CLOSING_ACRONYM = re.compile(r" \(([A-Z][A-Z0-9&\-]{1,9})\)")
_NAME_WORD = re.compile(r" ([^\W\d_][\w\-]*|-|–|&)")
#: words that link a name to what follows rather than continue it (``và`` does continue it:
#: ``Hiệp hội Chế biến và Xuất khẩu ...``)
_LINKS = frozenset({"của", "tại", "ở", "là", "đã", "sẽ", "đang", "được", "bị", "với", "cho", "về", "từ", "đến", "tới",
                    "trong", "này", "đó", "thì", "mà", "cũng", "vừa", "mới", "có", "như", "hay", "hoặc", "các"})
#: the most words a name closed by its acronym runs over after its head
_CLOSED_WORDS = 10


def acronym_closed_end(ctext: str, pos: int, limit: int, g: Gazetteer) -> int | None:
    """Where a name after a head word ends when an acronym in brackets closes it, whatever the case
    of its words: ``Cục hàng không Liên bang Mỹ (FAA)``, ``Hiệp hội chế biến và xuất khẩu thủy
    sản Việt Nam (VASEP)``: the acronym says the words before it are one name. None when a link
    word, a cue verb, another head, punctuation or a line break comes first, or the acronym is none
    (``not_acronyms``, a known framework's)."""
    from .acts import cues

    p = pos
    for _ in range(_CLOSED_WORDS + 1):
        m = _CLOSING_ACRONYM.match(ctext, p)
        if m:
            acr = m.group(1)
            if p == pos or acr in g.not_acronyms or any(f.fullmatch(acr) for _n, f in g.framework_known):
                return None
            return p
        w = _NAME_WORD.match(ctext, p)
        if not w or w.end() > limit or w.group(1).lower() in _LINKS or cues().cue_re.match(ctext, w.start(1)) \
                or (p > pos and g.org_head_pattern.match(ctext, w.start(1))):
            return None  # "Hội đồng Cà phê thông báo Hiệp hội Sữa (VDA)": a cue, another head
        p = w.end()
    return None


_FEW_ACRONYMS = 8  # up to this many acronyms, each is looked for in the text; more, the text is read once
_RUN = re.compile(r"[\w-]+")
_RUN_CHAR = re.compile(r"[\w-]")


def _written(ctext: str, acr: str) -> set[tuple[int, int]]:
    """Where ``acr`` is written as a word of its own (no letter, digit or ``-`` around it).

    An acronym of letters, digits and ``-`` is then a whole run of them in the text: it is found
    with ``str.find`` and kept where no such character stands on either side (reading every run of
    the text into a table cost more than the few acronyms an article has)."""
    if not _RUN.fullmatch(acr):
        return {(x.start(), x.end()) for x in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", ctext)}
    out = set()
    inner = _RUN_CHAR.match
    n = len(acr)
    i = ctext.find(acr)
    while i >= 0:
        j = i + n
        if (i == 0 or not inner(ctext, i - 1)) and (j == len(ctext) or not inner(ctext, j)):
            out.add((i, j))
        i = ctext.find(acr, j)
    return out


def bracketed_acronyms(ctext: str, orgs: list[FoundOrg]) -> list[FoundOrg]:
    """An acronym in brackets right after a name is that organization: "Hiệp hội Xăng dầu Việt Nam
    (VINPA)" and a later "VINPA" are one organization, the acronym an alias of the name, and
    each place the acronym is written a mention of it."""
    by_name = {o.name: o for o in orgs}
    gone: set[int] = set()
    written: dict[str, set[tuple[int, int]]] = {}  # where each acronym is written
    for o in orgs:
        if id(o) in gone:
            continue
        for _a, b in list(o.mentions):
            m = _PAREN_ACRONYM.match(ctext, b)
            if not m:
                continue
            acr = m.group().strip()[1:-1]
            other = by_name.get(acr)
            if other is not None and other is not o and id(other) not in gone:
                gone.add(id(other))
                o.mentions = sorted(set(o.mentions) | set(other.mentions))
                o.aliases |= other.aliases | {other.name}
                o.side = o.side or other.side
            elif other is None:
                o.aliases.add(acr)
            else:
                continue
            if acr not in written:
                written[acr] = _written(ctext, acr)
            spans = written[acr]
            o.mentions = sorted(set(o.mentions) | spans)  # the acronym names it wherever it is written
    return [o for o in orgs if id(o) not in gone]


def acronym_hits(ctext: str, g: Gazetteer, found: list[tuple[int, int, str, str, str | None, str]] = (),  # type: ignore[assignment]
                  ) -> list[tuple[int, int, str, str, str | None, str]]:
    """Acronyms in capitals introduced by an organization word or a company title, and
    every later bare mention of them (``Tổng giám đốc VNG`` ... ``với VNG``).

    Known names, framework acronyms and the ``not_acronyms`` of ``organizations.yaml`` are
    left out. The side is a country written right after a mention, else VN. An acronym that
    ends a name already found (``Công ty Cổ phần VNG``) is a mention of that name.
    """
    if g.acronym_cue_pattern is None:
        return []
    names: set[str] = set()
    for m in g.acronym_cue_pattern.finditer(ctext):
        token = m.group(2)
        if (token in g.not_acronyms or token in g.known_orgs or g.places.fullmatch(token)
                or token in g.org_heads or any(p.fullmatch(token) for _n, p in g.framework_known)):
            continue
        names.add(token)
    out: list[tuple[int, int, str, str, str | None, str]] = []
    ending: dict[str, tuple[int, int, str, str, str | None, str]] = {}  # a name's last word -> the first hit so named
    for h in found:
        if " " in h[2]:
            ending.setdefault(h[2].rsplit(" ", 1)[1], h)
    runs = word_runs(ctext, names) if len(names) > _FEW_ACRONYMS else {}
    for token in sorted(names):
        if token in runs or (runs and WORD_RUN.fullmatch(token)):
            spans = runs.get(token, [])  # the text read once for them all (a long text has hundreds)
        else:
            spans = [m.span() for m in re.finditer(rf"(?<![\w&]){re.escape(token)}(?![\w&])", ctext)]
        if " " in token:
            owner = next((h for h in found if h[2].endswith(" " + token)), None)
        else:
            owner = ending.get(token)
        if owner:
            out += [(a, b, owner[2], owner[3], owner[4], owner[5]) for a, b in spans]
            continue
        side = next((s for s in (side_after(ctext, b, g) for _a, b in spans) if s), "VN")
        out += [(a, b, token, "company", side, token.lower()) for a, b in spans]
    return out
