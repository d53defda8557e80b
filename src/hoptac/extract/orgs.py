"""Organizations, from gazetteers and head-word patterns.

Organizations: known institutions of ``organizations.yaml`` (with their aliases), ministries
(``Bộ`` + a ministry name, with the country after it: ``Bộ Ngoại giao Hoa Kỳ``), names
introduced by a head word (``Tập đoàn``, ``UBND``, ``Đại sứ quán``, ``Cơ quan``, ``Nhóm``...)
running over capitalized words and connectors, and names closed by a company or media word
of ``names.yaml`` (``Phu Thai Holdings``, ``Fox Business Network``). The side comes from the country words in the
name, the known entry, else the name's origin. Places and frameworks are read in ``places.py``
(``find_places`` and ``find_frameworks`` stay importable from here).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..learn.org_bare import bare_hits
from ..learn.org_ends import choose_end
from .acts import cues
from .gazetteer import (
    Gazetteer,
    dictionary,
    has_marks,
    in_dictionary,
    is_cap,
    is_vietnamese_syllable,
)
from .org_acronyms import acronym_closed_end, acronym_hits, bracketed_acronyms, side_after
from .org_firms import (
    company_label,
    descriptor_hits,
    fold_short_companies,
    listed_company_hits,
    strip_of_country,
)
from .org_grammar import (
    OF,
    bare_body_hits,
    country_body_hits,
    in_office,
    inner_head_end,
    inside_other,
    is_credit,
    is_product,
    lower_name_to_place,
    lower_run_to_body,
    name_trim,
    sentence_case_tail,
    title_spans,
    to_acronym,
    whole_names,
)
from .org_offices import title_org_hits
from .org_suffixes import legal_tail_end, name_after_form, suffix_hits, with_legal_form, without_forms
from .org_units import UNIT_KEY, council_hits, place_body_hits, unit_hits
from .places import find_frameworks as find_frameworks  # importable from here as before
from .places import find_places as find_places
from .spans import Cover, Reach, occurrences
from .title_sides import side_of_title
from .titles import walk

_LOWER_RUN = re.compile(r"((?:\s+[a-zà-ỹđ]+){1,3})(?=\s+[A-ZĐÀ-Ỹ])")
_ROMAN = re.compile(r"[IVXLC]+|\d+")


_LINKS = frozenset({"tại", "ở", "của", "với", "cho", "về", "từ", "đến", "tới", "trong", "ngoài", "và", "là", "nước"})
_LOWER_THEN_CAP = re.compile(r"((?:\s+[a-zà-ỹđ]+){1,3})\s+(?=[A-ZĐÀ-Ỹ])")


def _to_country(ctext: str, end: int, g: Gazetteer, words: frozenset[str] | set[str]) -> int:
    """Where a name runs on to: over one lower-case noun of the dictionary (not a cue verb) to the
    country that closes it ("... thủy sản Việt Nam", "... hải quân Mỹ"), else where it ended."""
    m = _LOWER_THEN_CAP.match(ctext, end)
    if m is None:
        return end
    run = " ".join(m.group(1).split())
    if run not in words or cues().cue_re.fullmatch(run) or any(w in g.org_not_in_name or w in _LINKS for w in run.split()):
        return end  # "Hội Mỹ thuật Việt Nam tại Hà Nội": a seat, not the name
    cm = g.places.match(ctext, m.end())
    return cm.end() if cm and g.side_of_country(cm.group()) else end


_SEAT = re.compile(r"[^\S\n]+(?:tại|ở)[^\S\n]+")


def _seat_end(ctext: str, pos: int, end: int, g: Gazetteer) -> int:
    """A mission's name ends with its seat: the place after its first ``tại``/``ở`` (``Đại sứ quán
    Việt Nam tại Nhật Bản``, not on over a capitalized word after it: a caption's next sentence,
    ``TS`` of the next person's title). Else ``end``."""
    seat = _SEAT.search(ctext, pos, end)
    place = g.places.match(ctext, seat.end(), end) if seat else None
    return place.end() if place and place.end() < end else end


@dataclass
class FoundOrg:
    """One organization as found in the NFC text."""

    name: str
    kind: str
    side: str | None
    key: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)


def _foreign_words(name: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]+", name)]
    return bool(words) and all(not (is_vietnamese_syllable(w) and has_marks(w)) for w in words)


def _foreign_name(rest: str) -> bool:
    """Whether the capitalized words after a head include one no Vietnamese syllable spells.

    ``Harbinger``, ``Asia Group``: a foreign name; ``Sao Ta``, ``Nha Trang`` (even written
    without marks), ``Hữu Nghị``: Vietnamese. Acronyms in capitals (``VNG``) tell nothing.
    """
    words = [w for w in re.findall(r"[^\W\d_]+", rest) if w[:1].isupper() and not (len(w) > 1 and w.isupper())]
    return bool(words) and any(not is_vietnamese_syllable(w) for w in words)


_SENTENCE_END = re.compile(r"[.!?;\n]")


def _context_side(ctext: str, a: int, b: int, g: Gazetteer) -> str | None:
    """The side of the non-Vietnamese country named nearest to ``[a, b)`` in its sentence."""
    left = max((m.end() for m in _SENTENCE_END.finditer(ctext, max(0, a - 300), a)), default=max(0, a - 300))
    m_end = _SENTENCE_END.search(ctext, b, b + 300)
    right = m_end.start() if m_end else min(len(ctext), b + 300)
    best: tuple[int, str] | None = None
    for m in g.places.finditer(ctext, left, right):
        side = g.side_of_country(m.group())
        if side and side != "VN":
            dist = a - m.end() if m.end() <= a else m.start() - b
            if best is None or dist < best[0]:
                best = (dist, side)
    return best[1] if best else None


def _org_side(name: str, g: Gazetteer, kind: str, rest: str = "") -> str | None:
    """The side from the name: a country in it, else a Vietnamese name is VN, else unknown.

    A foreign-looking name (``Công ty Avascent``) gets its side from evidence around it
    (see :func:`_evidence_side`), never by default.
    """
    side = side_of_title(name, g)
    if side:
        return side
    if _foreign_name(rest or name):
        return None
    return "VN" if kind in ("government", "party", "company", "association", "other") else None


def _country_before(ctext: str, pos: int, g: Gazetteer) -> str | None:
    """The last non-Vietnamese country named before ``pos`` (``nước này``), as written."""
    name = None
    for m in g.places.finditer(ctext, max(0, pos - 1500), pos):
        s = g.side_of_country(m.group())
        if s and s != "VN":
            name = m.group()
    return name


_PREV_WORD = re.compile(r"(\w+)[^\S\n]+$")


def _lower_head_taken(ctext: str, start: int, end: int, head: str, g: Gazetteer) -> bool:
    """Whether a head written in lower case is part of another word (``Đại hội đồng``, ``đại sứ
    quán`` read from ``hội đồng``, ``sứ quán``; not a title's ``Trưởng ban``) or a word for a body
    the gazetteer knows (``hai viện Quốc hội``)."""
    prev = _PREV_WORD.search(ctext, max(0, start - 16), start)
    if prev and in_dictionary(f"{prev.group(1).lower()} {head.split()[0]}"):
        th = g.title_heads.match(ctext, prev.start())
        if not (th and th.end() >= start + len(head.split()[0])):
            return True
    return bool(g.known_org_pattern.match(ctext, end + 1) or any(
        ctext.startswith(b, end + 1) for b in g.org_bare_bodies))


def _cap_head_taken(ctext: str, start: int, head: str, g: Gazetteer) -> bool:
    """Whether a capitalized one-word head ends a word the capitalized word before it starts
    (``Bộ Quốc Phòng``, ``Đại Hội``), unless that word is itself a head (``Học Viện``) or a title
    (``Trưởng Ban Tuyên giáo``: the body of the title follows)."""
    if " " in head:
        return False
    prev = _PREV_WORD.search(ctext, max(0, start - 16), start)
    if prev is None or not prev.group(1)[:1].isupper():
        return False
    word = f"{prev.group(1).lower()} {head.lower()}"
    if not in_dictionary(word) or word in g.org_heads:
        return False
    th = g.title_heads.match(ctext, prev.start())
    return not (th and th.end() >= start + len(head))


def find_organizations(ctext: str, g: Gazetteer, people: list[tuple[int, int]] = (),  # type: ignore[assignment]
                       person_titles: list[tuple[int, int, str | None]] = ()) -> list[FoundOrg]:  # type: ignore[assignment]
    """Every organization of the text, mentions merged by name (a name stops at a person);
    ``person_titles``: where the people's titles are written, with the holder's side (the body a
    title names is the holder's unless its name says otherwise; with no side known, the evidence
    around it decides)."""
    person_starts = sorted(a for a, _ in people)
    hits: list[tuple[int, int, str, str, str | None, str]] = []  # start, end, name, kind, side, key
    for m in g.known_org_pattern.finditer(ctext):
        e = g.known_orgs[m.group()]
        nxt = re.match(r" ([A-Z]\w*)", ctext[m.end():m.end() + 20])
        if is_credit(ctext, m.start(), m.end()) or re.match(r"\.[a-z]", ctext[m.end():m.end() + 2]) \
                or (e["kind"] == "company" and is_product(ctext, m.end())) \
                or (nxt and nxt.group(1) in g.media_suffixes | g.company_suffixes):
            continue  # "Ảnh: Reuters", "Bloomberg.com", "Boeing 737", "Bloomberg Television": not the entry
        hits.append((m.start(), m.end(), m.group(), e["kind"], e["side"], e["name"].lower()))
    n_known = len(hits)
    for m in g.ministries.finditer(ctext):
        end = m.end()
        named = None  # the ministry's country, as written
        cm = g.places.match(ctext, end + 1) if ctext[end:end + 1] == " " else None
        if cm and g.side_of_country(cm.group()):
            named, end = cm.group(), cm.end()
        elif re.match(r"\s+nước\s+(?:này|bạn)(?!\w)", ctext[end:end + 14]):
            named = _country_before(ctext, m.start(), g)  # "Bộ Tài chính nước này"
        side = (g.side_of_country(named) if named else None) or "VN"
        # keyed by its side, or by its country when a third one: Malaysia's ministry and New Zealand's are
        # two, and "Bộ Thương mại nước này" after "Bộ Thương mại Malaysia" is Malaysia's
        country = side if side in ("VN", "US") else (named or side).lower()
        base = re.sub(r"\s+", " ", m.group()[3:].strip()).lower()
        hits.append((m.start(), end, ctext[m.start():end], "government", side, f"bộ {base}|{country}"))
    words = dictionary()
    written: defaultdict[str, set[str]] = defaultdict(set)
    in_place = [m.span() for m in g.places.finditer(ctext)]  # in order, apart: a start lies in the last one before it
    place_starts = [a for a, _ in in_place]
    titles = Cover((a + 1, b) for a, b in title_spans(ctext, g))  # in_office: a head strictly inside one
    known_all = [(h[0], h[1]) for h in hits[:n_known]]  # in order of the text: bisected by start
    known_starts_all = [a for a, _ in known_all]
    inner_starts: set[int] = set()  # heads inside a longer name that ran on over their words
    for m in g.org_head_pattern.finditer(ctext):
        head = m.group()
        kind = g.org_heads[head]
        start = m.start()
        at = bisect.bisect_right(place_starts, start) - 1
        if (at >= 0 and start < in_place[at][1]) or is_credit(ctext, start) or in_office(ctext, head, start, g, titles):
            continue  # "Tây Ban Nha", "Hội An": a place; "Ảnh: Đại sứ quán ...": a credit; "Bí thư Thành ủy": an office
        if not head[:1].isupper() and _lower_head_taken(ctext, start, m.end(), head, g):
            continue
        if head[:1].isupper() and _cap_head_taken(ctext, start, head, g):
            continue
        pos = m.end()
        num = re.match(r" (\d{1,3})(?![\d\w.,/])", ctext[pos:pos + 6]) if head in g.org_numbered else None
        if num:  # "Hạm đội 7": a unit named by its number
            end = pos + num.end()
            side = side_after(ctext, end, g) or "VN"
            hits.append((start, end, ctext[start:end], kind, side, f"{ctext[start:end].lower()}|{side}"))
            continue
        first = re.match(r"\s+([a-zà-ỹđ]+)", ctext[pos:pos + 30])
        if first and in_dictionary(f"{head.lower()} {first.group(1)}"):
            continue  # "Hội nghị", "Quỹ đạo", "Ban hành": another word
        line_end = ctext.find("\n", pos)
        limit = len(ctext) if line_end < 0 else line_end
        k = bisect.bisect_right(person_starts, pos)  # the first person after the head
        if k < len(person_starts) and person_starts[k] < limit:
            limit = person_starts[k]
        closed = None
        bracket = acronym_closed_end(ctext, pos, limit, g)  # "Cục hàng không Liên bang Mỹ (FAA)"
        if first and head[:1].isupper() and kind in ("government", "other", "association", "embassy"):
            closed = lower_name_to_place(ctext, pos, limit, g)  # "Viện nghiên cứu châu Mỹ"
            if closed and (kind == "embassy" or re.match(r" và [A-ZĐÀ-Ỹ]", ctext[closed:closed + 6])):
                # "... và Môi trường toàn cầu"; a mission's seat: "... Việt Nam tại Liên hợp quốc"
                closed = max(closed, walk(ctext, closed, limit, g, chains=False, parens=False,
                                          seats=kind == "embassy")[0])
        if closed is None and head in g.org_needs_name and not is_cap(ctext[pos + 1:pos + 2]):
            run_end = lower_run_to_body(ctext, pos, g)  # "Uỷ ban đối ngoại Thượng viện Mỹ"
            if run_end is None and bracket is None:
                continue
            pos = run_end or pos
        if closed is None and kind in ("company", "association", "other"):
            lr = _LOWER_RUN.match(ctext, pos)
            if lr and " ".join(lr.group(1).split()) in words and not any(w in g.org_not_in_name for w in lr.group(1).split()):
                pos = lr.end()
        end = closed or walk(ctext, pos, limit, g, chains=False, parens=False, seats=kind == "embassy")[0]
        if kind == "embassy":
            end = _seat_end(ctext, pos, end, g)
        end = max(end, bracket or 0)
        if end <= pos:
            continue
        end, inner = inner_head_end(ctext, pos, end, limit, g)  # "Bộ Tư lệnh Vùng Cảnh sát biển 4 Việt Nam"
        if inner is not None:
            inner_starts.add(inner)
        name = name_trim().sub("", ctext[start:end])
        end = start + len(name)
        if kind in ("company", "association", "other"):
            end = _to_country(ctext, end, g, words)  # "Hiệp hội Chế biến và Xuất khẩu thủy sản Việt Nam"
            name = ctext[start:end]
        if kind != "embassy":
            end = to_acronym(ctext, end, g)
            name = ctext[start:end]
        # "Cục Khoa học quân sự (Bộ Quốc phòng)", "Trung tâm Nghiên cứu an ninh châu Á - Thái Bình Dương"
        end = sentence_case_tail(ctext, end, limit, g, regions=kind in ("government", "other", "association"))
        inside = known_all[bisect.bisect_right(known_starts_all, start):bisect.bisect_left(known_starts_all, end)]
        end = max([end] + [b for a, b in inside if start < a < end < b])  # "... tại Liên hợp quốc"
        end = choose_end(ctext, start, head, kind, m.end(), end, limit, g)  # learned: "Bệnh viện Ung bướu Đà Nẵng"
        end = max(end, bracket or 0)
        if kind == "company":
            end = legal_tail_end(ctext, end)  # "Công ty Mid Continent Steel & Wire, Inc"
        name, of_side = strip_of_country(ctext[start:end], g) if kind == "company" else (ctext[start:end], None)
        end = start + len(name)
        rest = name[len(head):].strip()
        if kind == "company" and rest and not without_forms(rest):
            # "Công ty TNHH dịch vụ ... Nam Việt": a legal form names no firm; the name comes after its trade
            after = name_after_form(ctext, end, limit, g)
            if after is None:
                continue
            end = after
            name = ctext[start:end]
            rest = name[len(head):].strip()
        if not rest or not any(is_cap(w) for w in rest.split()) or _ROMAN.fullmatch(rest) or rest.split()[0] == "và":
            continue  # "Đảng và Nhà nước": two bodies, no name
        if not head[:1].isupper() and (not is_cap(rest.split()[0]) or (kind != "embassy" and g.places.fullmatch(rest))):
            continue  # "viện Cato", not "trung tâm Hà Nội" ("sứ quán Mỹ" is named by its country)
        words_ = rest.split()
        if " ".join(words_[:2]).lower() in g.org_generic and not any(is_cap(w) for w in words_[2:]):
            continue  # "Ban Lãnh đạo": a head and a common noun, no name
        # a country written after the name wins over the default for a Vietnamese-worded name
        side = of_side or side_of_title(name, g) or side_after(ctext, end, g) or _org_side(name, g, kind, rest)
        label = name
        inner = company_label(rest, _foreign_words) if kind in ("company", "media") else None
        own = without_forms(rest)  # "Công ty TNHH Jorn Technology" is "Jorn Technology"; "Công ty Cổ phần MGH" stays whole
        foreign = _foreign_words(rest) if own == rest else _foreign_words(own) and not own.isupper()
        if inner or (kind == "company" and foreign):
            label = inner or own  # "Tập đoàn Northwind Energy" is "Northwind Energy"; "Hãng thông tấn AP" is "AP"
            written[label.lower()].add(name)
        hits.append((start, end, label, kind, side, label.lower()))
    # a numbered unit ("sư đoàn bộ binh số 25 Mỹ") wins over what the walk read of it; a known name wins over both
    known_cover = Cover(known_all)
    units = [u for u in unit_hits(ctext, g) if not known_cover.overlaps(u[0], u[1])]
    unit_cover = Cover((u[0], u[1]) for u in units)
    hits = hits[:n_known] + [h for h in hits[n_known:] if not unit_cover.overlaps(h[0], h[1])] + units
    # a local body ("công an tỉnh Đắk Lắk") where no other reading took its words
    taken = Cover((h[0], h[1]) for h in hits)
    hits += [h for h in place_body_hits(ctext, g) if not taken.overlaps(h[0], h[1])]
    taken = Cover((h[0], h[1]) for h in hits)
    # "UBND huyện": a body the text named before; "UBND Huyện", which the walk read as a name, too
    councils = {(h[0], h[1]): h for h in council_hits(ctext, hits)}
    hits = hits[:n_known] + [councils.pop((h[0], h[1]), h) for h in hits[n_known:]]
    hits += [h for h in councils.values() if not taken.overlaps(h[0], h[1])]
    hits = hits[:n_known] + whole_names(ctext, hits[n_known:])  # gazetteer names stay as they are
    widened = [with_legal_form(ctext, h) for h in hits[n_known:]]  # "công ty Cổ phần Tập đoàn X"
    for w, h in zip(widened, hits[n_known:], strict=True):
        if w[0] != h[0] and w[2] != ctext[w[0]:w[1]]:
            written[w[5]].add(ctext[w[0]:w[1]])  # a firm named by its label: the full form is an alias
    hits = hits[:n_known] + widened
    # a hit of the next reading that overlaps one taken is dropped (spans.Cover: bisection, not a scan)
    taken = Cover((h[0], h[1]) for h in hits)
    hits += [h for h in suffix_hits(ctext, g) if not taken.overlaps(h[0], h[1])]
    taken = Cover((h[0], h[1]) for h in hits)
    hits += [h for h in country_body_hits(ctext, g) if not taken.overlaps(h[0], h[1])]
    taken = Cover((h[0], h[1]) for h in hits)
    hits += bare_body_hits(ctext, g, taken, titles)
    taken = Cover((h[0], h[1]) for h in hits)
    hits += [(a, b, name, kind, _org_side(name, g, kind) if not _foreign_name(name) else None, key)
             for a, b, name, kind, _s, key in descriptor_hits(ctext, g, people)
             if not taken.overlaps(a, b)]
    hits += listed_company_hits(ctext, g, hits, people)
    taken = Cover((h[0], h[1]) for h in hits)
    hits += [(a, b, name, kind, side_of_title(name, g) or side_after(ctext, b, g) or holder, key)
             for a, b, name, kind, holder, key in title_org_hits(ctext, g, person_titles, taken, Cover(in_place))]
    taken = Cover((h[0], h[1]) for h in hits)
    hits += [h for h in acronym_hits(ctext, g, hits) if not taken.overlaps(h[0], h[1])]
    hits += bare_hits(ctext, g, hits, people)  # learned: "Driftwood" written alone
    known_starts = {h[0] for h in hits[:n_known]}
    known_spans = Cover((h[0], h[1]) for h in hits[:n_known])
    # a head pattern starting where a known name starts, or inside one, is that name
    hits = hits[:n_known] + [h for h in hits[n_known:] if h[0] not in known_starts
                             and not known_spans.holds_span(h[0], h[1])]
    # a known name inside a longer one is part of that name, not a mention of its own
    # ("Phái đoàn Thường trực Việt Nam tại Liên hợp quốc", "Uỷ ban Quân lực Thượng viện Mỹ"),
    # unless the longer one names it as its owner ("Nhóm ASEAN của Quốc hội Mỹ"); so is the name of a
    # head a longer name ran on over ("Cảnh sát biển 4 Việt Nam" of "Bộ Tư lệnh Vùng Cảnh sát biển 4 Việt Nam")
    outer = Reach((h[0], h[1]) for h in hits[n_known:])
    owned = occurrences(ctext, OF)
    hits = [h for k, h in enumerate(hits)
            if not ((k < n_known or h[0] in inner_starts) and inside_other(h[0], h[1], outer, owned))]
    orgs = fold_short_companies(bracketed_acronyms(ctext, _merge(hits)))
    for o in orgs:
        o.aliases |= written.get(o.key, set())
        o.aliases.discard(o.name)
        if o.side is None:  # a numbered unit with no country near it is Vietnam's ("Quân khu 4")
            o.side = _evidence_side(ctext, o, g) or ("VN" if o.key.startswith(UNIT_KEY) else None)
    return orgs


def _evidence_side(ctext: str, o: FoundOrg, g: Gazetteer) -> str | None:
    """The side of an organization whose name tells none: a country written right after a
    mention (``(Mỹ)``, ``của Hoa Kỳ``), else the nearest foreign country in a mention's sentence.
    """
    for _a, b in o.mentions:
        side = side_after(ctext, b, g)
        if side:
            return side
    for a, b in o.mentions:
        side = _context_side(ctext, a, b, g)
        if side:
            return side
    return None


def _merge(hits: list[tuple[int, int, str, str, str | None, str]]) -> list[FoundOrg]:
    """One organization per key; names as written (the longest form, of two as long the one with more
    capitals: ``Bộ Thương mại Mỹ`` over ``Bộ thương mại Mỹ``), aliases kept."""
    by_key: dict[str, FoundOrg] = {}
    order: list[str] = []
    for start, end, name, kind, side, key in sorted(hits, key=lambda h: (h[0], -h[1])):
        o = by_key.get(key)
        if o is None:
            o = by_key[key] = FoundOrg(name=name, kind=kind, side=side, key=key)
            order.append(key)
        else:
            o.aliases.add(name)
            longer = len(name) > len(o.name) or (len(name) == len(o.name) and _capitals(name) > _capitals(o.name))
            if longer and not name.lower().startswith(("tập đoàn", "công ty", "hãng")):
                o.aliases.add(o.name)
                o.name = name
        if (start, end) not in o.mentions:
            o.mentions.append((start, end))
    out = [by_key[k] for k in order]
    for o in out:
        o.aliases.discard(o.name)
    return out


def _capitals(name: str) -> int:
    return sum(c.isupper() for c in name)
