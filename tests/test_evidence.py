"""Every extracted record cites its evidence: spans point at text that contains the record.

Runs the whole pipeline (``hoptac.analyze``) on the seed articles, the demo articles and a
seeded sample of the VN–US and general corpora, and checks every record of every article:
people and organization mentions name them, events' evidence holds a participant or the
event's sentence, statements and amounts quote exactly their span. A record whose span
drifted (an offset bug, a span into the raw text instead of the cleaned one) fails here.
"""

from __future__ import annotations

import random
import re
import unicodedata
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

import hoptac
from hoptac.clean.normalize import search_key

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
DEMO = ROOT / "src" / "hoptac" / "resources" / "demo"


def _cues() -> dict[str, re.Pattern[str]]:
    data = yaml.safe_load(files("hoptac.resources").joinpath("gazetteer/events.yaml").read_text("utf-8"))
    return {kind: re.compile("|".join(f"(?:{c})" for c in cues), re.IGNORECASE)
            for kind, cues in data["cues"].items()}


CUES = _cues()


def _sample() -> list[Path]:
    files = sorted(DEMO.glob("*.*"))
    files += sorted((SHARED / "seeds").glob("*.txt"))
    for corpus, n in (("vnus", 40), ("general", 20)):
        found = sorted((SHARED / corpus).glob("*.txt"))
        random.Random(2026).shuffle(found)
        files += found[:n]
    return files


def _key(s: str) -> str:
    return search_key(unicodedata.normalize("NFC", s))


def _check_span(text: str, span: tuple[int, int], what: str) -> str:
    a, b = span
    assert 0 <= a < b <= len(text), (what, span, len(text))
    quoted = text[a:b]
    assert quoted.strip(), (what, span)
    return quoted


@pytest.mark.parametrize("path", _sample(), ids=lambda p: p.name)
def test_every_record_cites_its_evidence(path: Path) -> None:
    art = hoptac.analyze(str(path))
    text = art.text
    for p in art.people:
        assert p.mentions, p
        quoted = [_key(_check_span(text, m, p.name)) for m in p.mentions]
        name_words = set(_key(p.name).split())
        title_words = set(_key(p.title or "").split())
        for q in quoted:
            # a mention is the name, part of it (surname, given name) or the title standing alone
            assert set(q.split()) & (name_words | title_words), (p.name, p.title, q)
        assert any(set(q.split()) & name_words for q in quoted), (p.name, quoted)
    for kind in ("organizations", "places", "frameworks"):
        for rec in getattr(art, kind):
            for m in rec.mentions:
                _check_span(text, m, rec.name)
    mentions = {p.name: p.mentions for p in art.people}
    mentions.update({o.name: o.mentions for o in art.organizations})
    for e in art.events:
        a, b = e.evidence
        _check_span(text, e.evidence, e.type)
        cited = [n for n in e.participants if any(a <= m0 and m1 <= b for m0, m1 in mentions.get(n, ()))]
        cue = CUES[e.type].search(text[a:b])
        # the evidence names the event (its cue) or, for a listed meeting, one of its participants
        assert cue or cited, (e, text[a:b])
    for s in art.statements:
        assert text[s.evidence[0]:s.evidence[1]] == s.text, s
    for am in art.amounts:
        assert text[am.evidence[0]:am.evidence[1]] == am.text, am
        assert any(ch.isdigit() for ch in am.text) or am.text.strip(), am
