"""The side a title speaks for (``Bộ trưởng Thương mại Mỹ`` -> US): the country words and known
organizations it names, read apart from the title grammar of :mod:`hoptac.extract.titles` because
organizations (their names hold the same words) ask it too."""

from __future__ import annotations

from .gazetteer import Gazetteer, GazetteerMemo

#: a country after one of these is where the office sits or goes, not whom it speaks for
_SEAT = frozenset({"tại", "ở", "đến", "tới", "với", "sang"})


def side_of_title(title: str, g: Gazetteer) -> str | None:
    """The country a title speaks for: the first country word not after ``tại``/``ở`` (one inside
    a known state body's name speaks for that body's state: ``Bộ Tư lệnh Ấn Độ - Thái Bình
    Dương`` is American), else the side of a known organization it names.

    A person's title is asked of again and again: the answers are remembered per title."""
    return _TITLE_SIDES(title, g)  # type: ignore[no-any-return]


def _side_of_title(title: str, g: Gazetteer) -> str | None:
    orgs = [(m.start(), m.end(), g.known_orgs[m.group()]["side"]) for m in g.known_org_pattern.finditer(title)
            if g.known_orgs[m.group()]["kind"] == "government"]  # a state body speaks for its state
    for m in g.places.finditer(title):
        side = g.side_of_country(m.group())
        inside = [s for a, b, s in orgs if a <= m.start() < b]
        if inside:  # the country word belongs to the organization's name: the organization's side
            side = inside[0] if inside[0] in ("VN", "US") else side
        if side is None:
            continue
        before = title[:m.start()].split()
        if before and before[-1].lower() in _SEAT:
            continue
        return side
    for m in g.known_org_pattern.finditer(title):
        side = g.known_orgs[m.group()]["side"]
        if side:
            return side
    sideless = [(p.start(), p.end()) for p in g.places.finditer(title) if not g.side_of_country(p.group())]
    for m in g.side_word_pattern.finditer(title):
        if any(a <= m.start() < b for a, b in sideless):
            continue
        before = title[:m.start()].split()
        if not (before and before[-1].lower() in _SEAT):
            return g.side_words[m.group()]
    return None


_TITLE_SIDES = GazetteerMemo(_side_of_title)
