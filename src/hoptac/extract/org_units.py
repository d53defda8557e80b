"""Organizations named by a number or a place, which the head walk of ``orgs.py`` cannot read.

Armed units (``Hạm đội 7``, ``sư đoàn bộ binh số 25 Mỹ``, ``Không đoàn 11``, ``Bộ Tư lệnh Vùng Cảnh sát
biển 4``, ``bộ Tư lệnh Vùng 3 Hải quân``): a unit word, written in either case (the press writes
``sư đoàn`` as often as ``Sư đoàn``), its number and what is written around the number (the arm before
``số``, the service and the country after it). Local bodies (``Công an TP. HCM``, ``công an tỉnh Đắk
Lắk``): a head, a place word and the place; a people's committee with its place word alone
(``UBND huyện``) is the one named before with its place. The walk runs a name over capitalized words and stops at
a number or a lower-case place word. The words are data (``numbered_units`` and ``place_bodies`` of
``organizations.yaml``); each grammar is one expression, built once.
"""

from __future__ import annotations

import re
from functools import cache

from ..clean.normalize import search_key
from .gazetteer import UPPER, Gazetteer, alternation, bounded, initials_either_case, load_yaml

Hit = tuple[int, int, str, str, "str | None", str]
#: how the key of a numbered unit starts
UNIT_KEY = "unit|"

_SP = r"[^\S\n]+"
#: a number that is not the start of a figure (``2.000``, ``3,5``) or a longer word
_NUM = r"(?P<num>\d{1,3})(?![\d\w]|[.,/]\d)"


def _either(words: list[str]) -> list[str]:
    return sorted({v for w in words for v in initials_either_case(w)})


@cache
def _pattern() -> re.Pattern[str]:
    data = load_yaml("organizations.yaml")["numbered_units"]
    units = alternation(_either(data["units"]))
    need = alternation(_either(data["need_service"]))
    services = alternation(_either(data["services"]))
    command = alternation(_either(data["command"]))
    # the arm's words before the number only with "số" ("lữ đoàn dù số 4"): without it a verb could
    # stand there ("sư đoàn có 10 ...")
    return bounded(
        rf"(?<![\w])(?:(?P<cmd>{command}){_SP})?"
        rf"(?:(?P<unit>{units})(?:(?:{_SP}[a-zà-ỹđ]+){{0,2}}{_SP}số)?{_SP}{_NUM}"
        rf"|(?P<need>{need}){_SP}(?:số{_SP})?(?P<num2>\d{{1,3}})(?={_SP}(?:{services})(?![\w])))"
        rf"(?P<svc>{_SP}(?:{services})(?![\w]))?")


def unit_hits(ctext: str, g: Gazetteer) -> list[Hit]:
    """Every numbered unit of the text: (start, end, name, kind, side, key). The side is the
    country written right after it, else ``None`` (the caller's evidence decides); the key is the
    unit word, number and service, so ``Hạm đội 7`` and ``Hạm đội 7 Mỹ`` are one organization."""
    out: list[Hit] = []
    for m in _pattern().finditer(ctext):
        end = m.end()
        side = None
        cm = g.places.match(ctext, end + 1) if ctext[end:end + 1] == " " else None
        if cm and cm.group() in g.countries:
            side = g.side_of_country(cm.group())
            end = cm.end()
        word = (m.group("unit") or m.group("need")).lower()
        num = m.group("num") or m.group("num2")
        svc = " ".join((m.group("svc") or "").lower().split())
        cmd = "bộ tư lệnh " if m.group("cmd") else ""
        key = f"{UNIT_KEY}{cmd}{' '.join(word.split())} {num} {svc}".strip()
        out.append((m.start(), end, ctext[m.start():end], "government", side, key))
    return out


#: a place's own name after a place word: capitalized words (``Đắk Lắk``, ``HCM``, ``Phú Cường``)
_PLACE_NAME = rf"[{UPPER}][\w.'’]*(?:[^\S\n]+[{UPPER}][\w'’]*){{0,3}}"


@cache
def _place_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    data = load_yaml("organizations.yaml")["place_bodies"]
    heads = {v.lower(): kind for h, kind in data["heads"].items() for v in initials_either_case(h)}
    words = alternation(_either(data["place_words"]))
    head_alt = alternation(sorted({v for h in data["heads"] for v in initials_either_case(h)}))
    return bounded(rf"(?<![\w])(?<![Bb]ộ )(?P<head>{head_alt}){_SP}(?:(?:{words}){_SP}?(?P<name>{_PLACE_NAME})"
                   rf"|(?P<city>[{UPPER}]))"), heads


def place_body_hits(ctext: str, g: Gazetteer) -> list[Hit]:
    """Every local body named by its place (``Công an TP. HCM``, ``công an xã Phú Cường``): after a
    place word, its capitalized name; without one, a city or province of the gazetteer (not a country:
    ``Công an Việt Nam`` is no local body)."""
    pattern, heads = _place_pattern()
    out: list[Hit] = []
    for m in pattern.finditer(ctext):
        if m.group("name"):
            end = m.end("name")
            while ctext[end - 1] == ".":
                end -= 1  # a full stop ends the sentence, not the name
        else:
            cm = g.places.match(ctext, m.start("city"))
            if not cm or cm.group() in g.countries:
                continue
            end = cm.end()
        head = m.group("head")
        place = " ".join(ctext[m.end("head"):end].split()).lower()
        out.append((m.start(), end, ctext[m.start():end], heads[head.lower()], "VN", f"{head.lower()}|{place}"))
    return out


@cache
def _council_pattern() -> re.Pattern[str]:
    data = load_yaml("organizations.yaml")["local_councils"]
    heads = alternation(sorted(data["heads"]))
    words = alternation(_either(data["place_words"]))  # "UBND Huyện" too: the same level as "UBND huyện"
    # not a level in a list ("UBND quận, huyện", "UBND tỉnh và huyện"): every such body, no one of them
    return bounded(rf"(?<![\w])(?P<head>{heads}){_SP}(?P<word>{words})(?![\w])(?!{_SP}[{UPPER}\d])"
                   rf"(?!\s*(?:,|và|hoặc|/)\s*(?:{words})(?![\w]))")


def council_hits(ctext: str, hits: list[Hit]) -> list[Hit]:
    """People's committees and councils written with a place word alone (``UBND huyện``, ``UBND thành
    phố``): the one the text last named with the same head and place word and its place (``UBND huyện
    Châu Thành``: the same key, so the mention joins it; either tone placement, ``Uỷ ban``/``Ủy ban``),
    else a body of its own (Vietnam's)."""
    out: list[Hit] = []
    named = sorted((h[0], " ".join(search_key(h[2]).split()), h[5]) for h in hits)
    for m in _council_pattern().finditer(ctext):
        written = " ".join(search_key(m.group()).split())  # "Uỷ ban" is "Ủy ban"
        before = [key for a, name, key in named if a < m.start() and name.startswith(written + " ")]
        out.append((m.start(), m.end(), m.group(), "government", "VN", before[-1] if before else written))
    return out
