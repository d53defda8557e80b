"""Many distinct articles from a pool of real extracted ones, for building large stores fast.

Extraction runs at tens of articles per second per core, so a store of a million articles built
by real ingest takes days. A benchmark store needs articles that *look* like a real archive's to
the store (the same tables, summaries, indexes, people linking and occasion merging), not new
extractions: :func:`make_pool` extracts a pool of real corpus articles once (their
``hoptac.article/1`` exports, kept outside the repository), and :func:`copy_article` makes copy
``i`` of the archive from it, deterministically in ``(i, seed)``:

- its text is a few paragraphs drawn from three pool articles (the title is the first one's),
  so two copies are rarely near-duplicates of each other (a store links near-duplicates
  instead of counting them) and every copy's records are real extraction output: each person,
  organization, place, event, statement and amount is kept with its spans moved when its
  evidence lies inside a kept paragraph;
- people of Vietnam and the US are renamed, in the text under their mentions and in every record
  naming them, to names drawn from a pool that grows with ``i`` (a few people recur often, most
  rarely, and new ones keep appearing, as in a real archive); some keep their real name;
- its date is spread over the years (events and statements dated by the article move with it),
  its source is a distinct URL.

The copies are written by the store's own write path (``Store.ingest``), in transactions.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..model import Article
from .synth import US_FIRST, US_LAST, VN_FAMILY, VN_GIVEN, VN_MIDDLE

#: Years a copy's date is drawn from.
YEARS = (2008, 2026)
#: People named in copy ``i`` are drawn from the first ``BASE_PEOPLE + i * PEOPLE_PER_ARTICLE`` names.
BASE_PEOPLE = 400
PEOPLE_PER_ARTICLE = 0.05
#: Share of renamable people who keep their real name (heads of state and ministers recur).
KEEP_REAL = 0.25
_PARA = re.compile(r"\n\s*\n|\n")
_US_MIDDLE = "ABCDEFGHJKLMNPRSTW"


def make_pool(files: list[Path], out: Path, *, workers: int = 2) -> list[dict[str, Any]]:
    """Extract ``files`` once into ``out`` (JSON lines of exports); the pool (read back if it exists)."""
    if out.exists():
        return load_pool(out)
    from ..scale.parallel import extracted_chunks
    from ..scale.units import Unit, chunked
    from ..settings import DEFAULT

    units = (Unit(str(f)) for f in files)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for chunk in extracted_chunks(chunked(units, 8), DEFAULT, workers):
            for r in chunk:
                if r.article is not None and len(r.article.text) > 200:
                    fh.write(json.dumps(r.article.to_dict(), ensure_ascii=False) + "\n")
    tmp.replace(out)
    return load_pool(out)


def load_pool(path: Path) -> list[dict[str, Any]]:
    """The exports of a pool file, each with its paragraphs' spans (``_paras``)."""
    return pool_of(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())


def pool_of(exports: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """A pool of ``hoptac.article/1`` exports (those with text), each with its paragraphs' spans."""
    pool = []
    for d in exports:
        d = {**d, "_paras": paragraphs(d.get("text") or "")}
        if d["_paras"]:
            pool.append(d)
    return pool


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text`` (the cleaned text keeps a paragraph per line)."""
    out, start = [], 0
    for m in _PARA.finditer(text + "\n"):
        if text[start:m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    return out


def person_name(k: int, side: str) -> str:
    """The ``k``-th name of the synthetic pool of one side (distinct for every ``k`` in range)."""
    if side == "US":
        first, rest = divmod(k, len(US_LAST) * len(_US_MIDDLE))
        mid, last = divmod(rest, len(US_LAST))
        return f"{US_FIRST[first % len(US_FIRST)]} {_US_MIDDLE[mid]}. {US_LAST[last]}"
    given = len(VN_GIVEN)
    fam, rest = divmod(k, len(VN_MIDDLE) * given * given)
    mid, rest = divmod(rest, given * given)
    g1, g2 = divmod(rest, given)
    tail = VN_GIVEN[g2] if g1 == g2 else f"{VN_GIVEN[g1]} {VN_GIVEN[g2]}"
    return f"{VN_FAMILY[fam % len(VN_FAMILY)]} {VN_MIDDLE[mid]} {tail}"


def _draw(rng: random.Random, i: int) -> int:
    """A name index for copy ``i``: skewed to the first names (people who recur), over a pool that grows."""
    size = int(BASE_PEOPLE + i * PEOPLE_PER_ARTICLE)
    return int(size * rng.random() ** 2.5)


def _choose(rng: random.Random, pool: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[tuple[int, int]]]]:
    """Three pool articles and a run of one to three paragraphs of each (the title is the first one's):
    two copies sharing most of their text, which the store would link as near-duplicates, are rare."""
    parts = []
    for d in rng.sample(pool, k=3):
        paras = d["_paras"]
        size = rng.randint(1, min(3, len(paras)))
        start = rng.randint(0, len(paras) - size)
        parts.append((d, paras[start:start + size]))
    return parts


def copy_article(pool: list[dict[str, Any]], i: int, *, seed: int = 0) -> Article:
    """Copy ``i`` of the synthetic archive built from ``pool`` (see the module docstring)."""
    rng = random.Random(seed * 1_000_003 + i)
    year = rng.randint(*YEARS)
    published = f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    text_parts: list[str] = []
    pos = 0
    out: dict[str, Any] = {"people": [], "organizations": [], "places": [], "frameworks": [], "events": [],
                           "statements": [], "amounts": [], "topics": [], "captions": []}
    renames: dict[str, str] = {}
    paras = []
    parts = _choose(rng, pool)
    for d, spans in parts:
        shift: list[Any] = []  # (old start, old end, new start, renames' shifts) of each kept paragraph
        for a, b in spans:
            piece = d["text"][a:b]
            new_piece, moved = _apply(piece, a, _renames(d, a, b, rng, i, renames))
            shift.append((a, b, pos, moved))
            text_parts.append(new_piece)
            paras.append((pos, pos + len(new_piece)))
            pos += len(new_piece)
            text_parts.append("\n\n")
            pos += 2
        _carry(d, shift, renames, out, _delta_years(d, year))
    text = "".join(text_parts).rstrip("\n")
    head = parts[0][0]
    title = head.get("title") or ""
    for old, new in renames.items():
        title = title.replace(old, new)
    data = {**out, "schema": head.get("schema"), "source": f"https://tin.example/{seed}/{i}.html",
            "url": f"https://tin.example/{seed}/{i}.html", "title": title, "published": published,
            "published_provenance": "metadata", "outlet": head.get("outlet"), "text": text,
            "topics": list(dict.fromkeys(tp for d, _ in parts for tp in d.get("topics") or []))}
    art = Article.from_dict(data)
    art.raw = text
    art.paragraphs = paras
    return art


def _renames(d: dict[str, Any], a: int, b: int, rng: random.Random, i: int,
             renames: dict[str, str]) -> list[tuple[int, int, str]]:
    """Edits (start, end, new text) renaming people of Vietnam and the US under their mentions in [a, b)."""
    edits = []
    for p in d.get("people") or []:
        side, name = p.get("side"), p["name"]
        if side not in ("VN", "US") or len(name.split()) < 2:
            continue
        if name not in renames:
            renames[name] = name if rng.random() < KEEP_REAL else person_name(_draw(rng, i), side)
        new = renames[name]
        if new == name:
            continue
        for s, e in p.get("mentions") or []:
            if a <= s and e <= b:
                said = d["text"][s:e]
                edits.append((s, e, _rename_mention(said, name, new)))
    edits.sort()
    kept, end = [], -1
    for ed in edits:  # overlapping mentions: the first wins
        if ed[0] >= end:
            kept.append(ed)
            end = ed[1]
    return kept


def _rename_mention(said: str, old: str, new: str) -> str:
    """A mention renamed: the full name where it is written, else the longest run of the old name's
    last words the mention ends with ("Chủ tịch Nam", "ông Sơn") becomes as many of the new name's."""
    if old in said:
        return said.replace(old, new)
    words, old_w, new_w = said.split(" "), old.split(), new.split()
    for k in range(min(len(words), len(old_w)), 0, -1):
        if words[-k:] == old_w[-k:]:
            return " ".join(words[:-k] + new_w[-k:])
    return said


def _apply(piece: str, a: int, edits: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """``piece`` (starting at ``a``) with the edits made, and (old position, change in length) after each."""
    out, last, moved, delta = [], a, [], 0
    for s, e, new in edits:
        out.append(piece[last - a:s - a])
        out.append(new)
        delta += len(new) - (e - s)
        moved.append((e, delta))
        last = e
    out.append(piece[last - a:])
    return "".join(out), moved


def _map(pos: int, shift: list[Any], end: bool = False) -> int | None:
    """A position of the pool article in the copy, None when its paragraph was not kept."""
    for a, b, new, moved in shift:
        if a <= pos < b or (end and a < pos <= b):
            delta = 0
            for at, d in moved:
                if at <= pos:
                    delta = d
            return new + pos - a + delta
    return None


def _span(span: Any, shift: list[Any]) -> tuple[int, int] | None:
    s, e = _map(span[0], shift), _map(span[1], shift, end=True)
    return (s, e) if s is not None and e is not None and s <= e else None


def _delta_years(d: dict[str, Any], year: int) -> int:
    pub = d.get("published") or ""
    return year - int(pub[:4]) if pub[:4].isdigit() else 0


def _redate(date: Any, dy: int) -> Any:
    if isinstance(date, str) and date[:4].isdigit() and dy:
        return f"{int(date[:4]) + dy:04d}{date[4:]}"
    return date


def _carry(d: dict[str, Any], shift: list[Any], renames: dict[str, str], out: dict[str, Any], dy: int) -> None:
    """The records of pool article ``d`` whose evidence lies in its kept paragraphs, moved into the copy."""
    def name(x: str) -> str:
        return renames.get(x, x)

    for key in ("people", "organizations", "places", "frameworks"):
        for it in d.get(key) or []:
            ments = [m for m in (_span(s, shift) for s in it.get("mentions") or []) if m]
            if not ments:
                continue
            it = {**it, "mentions": [list(m) for m in ments]}
            if key == "people":
                it["name"] = name(it["name"])
                it["aliases"] = [name(x) for x in it.get("aliases") or []]
            merged = next((x for x in out[key] if x["name"] == it["name"]), None)
            if merged:
                merged["mentions"] += it["mentions"]
            else:
                out[key].append(it)
    for ev in d.get("events") or []:
        sp = _span(ev["evidence"], shift)
        if sp:
            out["events"].append({**ev, "evidence": list(sp), "date": _redate(ev.get("date"), dy),
                                  "participants": [name(p) for p in ev.get("participants") or []]})
    for am in d.get("amounts") or []:
        sp = _span(am["evidence"], shift)
        if sp:
            out["amounts"].append({**am, "evidence": list(sp)})
    for st in d.get("statements") or []:
        sp = _span(st["evidence"], shift)
        if not sp:
            continue
        amounts = [{**x, "evidence": list(s2)} for x in st.get("amounts") or [] if (s2 := _span(x["evidence"], shift))]
        out["statements"].append({**st, "evidence": list(sp), "actor": name(st["actor"]), "amounts": amounts,
                                  "date": _redate(st.get("date"), dy)})


def fix_texts(art: Article) -> Article:
    """Each statement's text is its evidence in the copy's text."""
    for s in art.statements:
        s.text = art.text[s.evidence[0]:s.evidence[1]]
    for x in [*art.amounts, *(a for s in art.statements for a in s.amounts)]:
        x.text = art.text[x.evidence[0]:x.evidence[1]] or x.text
    return art


def copies(pool: list[dict[str, Any]], start: int, stop: int, *, seed: int = 0) -> Iterator[Article]:
    """Copies ``start`` .. ``stop - 1`` of the archive."""
    for i in range(start, stop):
        yield fix_texts(copy_article(pool, i, seed=seed))
