"""Pre-annotation: hoptac's current extractor run on a corpus file, written as a draft annotation.

The draft is a starting point for an annotator (``status: draft``; only ``done`` files count).
Spans of the cleaned text are mapped back to the raw file through ``Article.offsets``; what the
extractor gives as strings (titles, event cues, cue words, dates) is searched near its evidence.
Anything the draft cannot place is left out rather than guessed.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from ..extract.gazetteer import load_yaml
from ..ingest.files import read_file
from ..model import Article
from ..pipeline import pipe
from ..settings import DEFAULT
from .schema import new_doc, read_text

_DATE = re.compile(
    r"(?:(?:[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Đđ]êm|[Hh]ôm|[Nn]gày)\s+)?"
    r"(?:nay|qua|(?:(?:ngày\s+)?\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?"
    r"|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?))"
    r"|[Tt]háng\s+\d{1,2}(?:\s*[/.]\s*\d{4}|\s+năm\s+\d{4})?|[Nn]ăm\s+(?:19|20)\d\d")


_HONORIFIC = re.compile(r"(?:[Ôô]ng|[Bb]à|[Nn]gài)\s+(?=\w)")


@cache
def _cue_patterns() -> tuple[dict[str, re.Pattern[str]], dict[str, re.Pattern[str]]]:
    """Event cue regexes by type and statement cue regexes by act, from the resource files."""
    ev = load_yaml("events.yaml")["cues"]
    events = {t: re.compile("|".join(f"(?:{p})" for p in pats), re.I) for t, pats in ev.items()}
    cues_path = Path(__file__).resolve().parent.parent / "resources" / "cues.yaml"
    from ..resources import safe_load

    acts = safe_load(cues_path.read_text(encoding="utf-8"))["acts"]
    stmts = {}
    for act, words in acts.items():
        words = sorted((w for w in words if isinstance(w, str)), key=len, reverse=True)
        stmts[act] = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)
    return events, stmts


def _raw_span(article: Article, span: tuple[int, int]) -> list[int] | None:
    a, b = span
    if b <= a:
        return None
    ra, rb = article.raw_offset(a), article.raw_offset(b - 1)
    if ra is None or rb is None or rb < ra:
        return None
    return [ra, rb + 1]


def _trim(text: str, span: list[int] | None) -> list[int] | None:
    if not span:
        return None
    a, b = span
    while a < b and (text[a].isspace() or text[a] in "\"“”'.,;:-–("):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "\"“”'.,;:-–)"):
        b -= 1
    return [a, b] if b > a else None


def _near(text: str, needle: str | None, around: int, window: int = 250) -> list[int] | None:
    """The occurrence of ``needle`` closest to ``around`` within ``window`` characters."""
    if not needle:
        return None
    best = None
    for m in re.finditer(re.escape(needle), text):
        d = min(abs(m.start() - around), abs(m.end() - around))
        if d <= window and (best is None or d < best[0]):
            best = (d, [m.start(), m.end()])
    return best[1] if best else None


def _bare(text: str, span: list[int]) -> list[int]:
    """A person mention without its honorific (``ông Michael Kelly`` -> ``Michael Kelly``)."""
    m = _HONORIFIC.match(text, span[0], span[1])
    return [m.end(), span[1]] if m and m.end() < span[1] else span


def _article(path: Path) -> Article:
    result = next(pipe([read_file(str(path), DEFAULT)]))
    if not result.ok:
        raise ValueError(f"{path}: {result.error}")
    assert result.article is not None
    return result.article


def draft(rel: str, corpus: Path, annotator: str = "hoptac-draft") -> dict[str, Any]:
    """A draft annotation of ``<corpus>/<rel>`` from hoptac's extractor."""
    path = corpus / rel
    text = read_text(path)
    art = _article(path)
    if art.raw != text:
        raise ValueError(f"{rel}: the decoded input differs from the UTF-8 text; draft by hand")
    doc = new_doc(rel, annotator, corpus, status="draft")
    doc["published"] = art.published
    doc["topics"] = list(art.topics)
    orgs = _orgs(doc, art, text)
    people = _people(doc, art, text, orgs)
    _events(doc, art, text, people, orgs)
    _statements(doc, art, text, people, orgs)
    _amounts(doc, art, text)
    _dedupe(doc)
    return doc


def _dedupe(doc: dict[str, Any]) -> None:
    """Drop what the format forbids: a second item on the same span, mentions inside others."""
    for key, field in (("events", "trigger"), ("statements", "clause"), ("amounts", "span")):
        seen: set[tuple[int, int]] = set()
        kept = []
        for item in doc[key]:
            span = tuple(item[field])
            if span not in seen:
                seen.add(span)
                kept.append(item)
        doc[key] = kept
    for key in ("people", "organizations"):
        taken: list[list[int]] = []
        for item in sorted(doc[key], key=lambda it: -max(b - a for a, b in it["mentions"])):
            free = [m for m in item["mentions"] if not any(m[0] < t[1] and t[0] < m[1] for t in taken)]
            item["mentions"] = free or item["mentions"]  # an item keeps its spans rather than vanish (refs)
            taken += item["mentions"]


def _key(name: str | None) -> str:
    return " ".join((name or "").lower().split())


def _orgs(doc: dict[str, Any], art: Article, text: str) -> dict[str, str]:
    ids: dict[str, str] = {}
    for o in art.organizations:
        mentions = [s for s in (_raw_span(art, m) for m in o.mentions) if s]
        if not mentions:
            continue
        oid = f"o{len(doc['organizations']) + 1}"
        doc["organizations"].append({"id": oid, "name": o.name, "kind": o.kind, "side": o.side,
                                     "mentions": mentions})
        for n in [o.name, *o.aliases]:
            ids.setdefault(_key(n), oid)
    return ids


def _people(doc: dict[str, Any], art: Article, text: str, orgs: dict[str, str]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for p in art.people:
        words = set(p.name.lower().split())
        mentions = [_bare(text, s) for s in (_raw_span(art, m) for m in p.mentions) if s]
        # name mentions only: a bare title ("Thủ tướng") or pronoun is not a mention
        mentions = [m for m in mentions if words & set(text[m[0]:m[1]].lower().split())]
        if not mentions:
            continue
        pid = f"p{len(doc['people']) + 1}"
        title = None
        for m in mentions:
            title = _near(text, p.title, m[0])
            if title:
                break
        doc["people"].append({"id": pid, "name": p.name, "side": p.side,
                              "org": orgs.get(_key(p.organization)), "title": title, "mentions": mentions})
        for n in [p.name, *p.aliases]:
            ids.setdefault(_key(n), pid)
    return ids


def _events(doc: dict[str, Any], art: Article, text: str, people: dict[str, str], orgs: dict[str, str]) -> None:
    cues, _ = _cue_patterns()
    for e in art.events:
        ev = _raw_span(art, e.evidence)
        if not ev:
            continue
        seg = text[ev[0]:ev[1]]
        m = cues[e.type].search(seg) if e.type in cues else None
        if m:
            trigger = [ev[0] + m.start(), ev[0] + m.end()]
        else:
            w = re.search(r"\w+", seg)
            trigger = [ev[0] + w.start(), ev[0] + w.end()] if w else ev
        d = _DATE.search(seg)
        refs = [people.get(_key(n)) or orgs.get(_key(n)) for n in e.participants]
        doc["events"].append({"id": f"e{len(doc['events']) + 1}", "type": e.type, "trigger": trigger,
                              "participants": [r for r in refs if r],
                              "date": [ev[0] + d.start(), ev[0] + d.end()] if d else None,
                              "date_value": e.date, "place": _near(text, e.place, trigger[0], 300),
                              "status": e.status, "background": False})


def _statements(doc: dict[str, Any], art: Article, text: str, people: dict[str, str], orgs: dict[str, str]) -> None:
    _, cues = _cue_patterns()
    mentions = [(m, p["id"]) for p in doc["people"] for m in p["mentions"]]
    mentions += [(m, o["id"]) for o in doc["organizations"] for m in o["mentions"]]
    for s in art.statements:
        ev = _trim(text, _raw_span(art, s.evidence))
        if not ev:
            continue
        seg = text[ev[0]:ev[1]]
        m = cues[s.act].search(seg) if s.act in cues else None
        m = m or next((c.search(seg) for c in cues.values() if c.search(seg)), None)
        cue = [ev[0] + m.start(), ev[0] + m.end()] if m else None
        clause = _trim(text, [cue[1], ev[1]]) if cue and cue[0] - ev[0] < 120 else ev
        actor = people.get(_key(s.actor)) or orgs.get(_key(s.actor)) or (s.actor if s.actor in ("VN", "US", "OTHER") else None)
        actor_span = None
        for span, ref in mentions:
            if ref == actor and ev[0] <= span[0] and (cue is None or span[1] <= cue[0]):
                actor_span = span
                break
        doc["statements"].append({"id": f"s{len(doc['statements']) + 1}", "actor": actor or s.side or "OTHER",
                                  "actor_span": actor_span, "cue": cue or clause, "clause": clause or ev,
                                  "act": s.act, "side": s.side, "addressee_side": s.addressee_side,
                                  "topics": list(s.topics), "threads": list(s.threads)})


def _amounts(doc: dict[str, Any], art: Article, text: str) -> None:
    for a in art.amounts:
        span = _raw_span(art, a.evidence)
        if not span:
            continue
        item: dict[str, Any] = {"id": f"a{len(doc['amounts']) + 1}", "span": span, "kind": a.kind}
        if a.value is not None:
            item["value"] = int(a.value) if float(a.value).is_integer() else a.value
        else:
            item["min"], item["max"] = a.min, a.max
        item.update(unit=a.unit or "", approx=a.approx)
        doc["amounts"].append(item)
