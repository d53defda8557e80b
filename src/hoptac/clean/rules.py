"""The cleaning rules of ``resources/boilerplate.yaml``, loaded once and compiled."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..resources import safe_load
from ..settings import RESOURCES

BOILERPLATE = RESOURCES / "boilerplate.yaml"
#: Marks a photo caption's line in text extracted from HTML; the plain-text cleaner cuts it and marks the caption.
CAPTION_MARK = "\ue000"


@dataclass(frozen=True)
class Dateline:
    """A compiled dateline pattern; ``explicit`` ones name themselves as metadata."""

    pattern: re.Pattern[str]
    explicit: bool


@dataclass(frozen=True)
class Rules:
    """Everything the cleaner knows about page furniture, as compiled data."""

    end_markers: frozenset[str]
    line_prefixes: tuple[str, ...]
    line_patterns: tuple[re.Pattern[str], ...]
    body_line_patterns: tuple[re.Pattern[str], ...]
    credit_words: tuple[str, ...]
    site_headers: frozenset[str]
    outlets: dict[str, str]
    byline_notes: frozenset[str]
    not_bylines: frozenset[str]
    datelines: tuple[Dateline, ...]
    html_caption_classes: tuple[str, ...]
    html_lead_classes: tuple[str, ...] = ()
    credit_stops: frozenset[str] = frozenset()


def marker_key(line: str) -> str:
    """A line compared with the marker lists: NFC, trimmed of blanks, bullets and ':', case-folded."""
    s = unicodedata.normalize("NFC", line).strip().strip("•·▪*-–—:>|").strip()
    return " ".join(s.split()).casefold()


@cache
def load_rules(path: Path = BOILERPLATE) -> Rules:
    """Read and compile the boilerplate rules (cached per file)."""
    data = safe_load(path.read_text(encoding="utf-8"))
    return Rules(
        end_markers=frozenset(marker_key(m) for m in data.get("end_markers", [])),
        line_prefixes=tuple(p.casefold() for p in data.get("line_prefixes", [])),
        line_patterns=tuple(re.compile(p, re.I) for p in data.get("line_patterns", [])),
        body_line_patterns=tuple(re.compile(p, re.I) for p in data.get("body_line_patterns", [])),
        credit_words=tuple(sorted(data.get("credit_words", []), key=len, reverse=True)),
        site_headers=frozenset(marker_key(s) for s in data.get("site_headers", [])),
        outlets={str(k): str(v) for k, v in (data.get("outlets") or {}).items()},
        byline_notes=frozenset(n.casefold() for n in data.get("byline_notes", [])),
        not_bylines=frozenset(marker_key(s) for s in data.get("not_bylines", [])),
        datelines=tuple(Dateline(re.compile(d["pattern"], re.I), bool(d.get("explicit")))
                        for d in data.get("datelines", [])),
        html_caption_classes=tuple(data.get("html_caption_classes", [])),
        html_lead_classes=tuple(data.get("html_lead_classes", [])),
        credit_stops=frozenset(data.get("credit_stops", [])),
    )
