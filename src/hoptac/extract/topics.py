"""Topics and threads: the taxonomy loader, its matchers, and the ``topics`` stage.

The taxonomy (``resources/taxonomy.yaml``, merged with ``settings.taxonomy_files``) holds
Vietnamese patterns for each topic and thread; the YAML format is documented in that file's
header. Patterns match on case- and tone-folded text (``Hoa Kỳ`` ~ ``hoa ky``) at word
boundaries; ``=`` in front of a pattern also demands the same tone marks, ``cased`` patterns
(``AI``, ``LNG``) match the text as written.

The ``topics`` stage sets ``article.topics`` from the body text and the statements: a topic
is kept when the body mentions it often enough, mentions inside statements counting double.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..model import Article
from ..settings import RESOURCES, Settings
from .textmap import Folded, fold, fold_key

log = logging.getLogger(__name__)

DEFAULT_TAXONOMY = RESOURCES / "taxonomy.yaml"
_WORDS = re.compile(r"[a-z0-9]+")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def tone_key(s: str) -> str:
    """A key that keeps tone marks but ignores where in the syllable they sit (hoà ~ hòa)."""
    words = []
    for w in unicodedata.normalize("NFD", s.lower()).split():
        tones = "".join(sorted(c for c in w if c in _TONES))
        base = "".join(c for c in w if c not in _TONES)
        words.append(unicodedata.normalize("NFC", base) + tones)
    return " ".join(words)


@dataclass
class Pattern:
    """One compiled pattern of a taxonomy entry."""

    source: str
    regex: re.Pattern[str]
    cased: bool = False
    exact: str | None = None  # tone_key the source text must have (``=`` patterns)
    words: frozenset[str] = frozenset()  # folded words that must all occur for a match
    needle: str = ""  # a cased phrase's first word: no need to scan a text without it


@dataclass
class Entry:
    """A topic or a thread: id, labels, patterns, exclusions, and implied topics (threads)."""

    id: str
    kind: str
    vi: str = ""
    en: str = ""
    patterns: list[Pattern] = field(default_factory=list)
    exclude: list[Pattern] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    min_hits: int = 1


@dataclass
class Taxonomy:
    """The topics and threads hoptac knows, in the order they were defined."""

    topics: dict[str, Entry] = field(default_factory=dict)
    threads: dict[str, Entry] = field(default_factory=dict)

    def label(self, id_: str, lang: str = "vi") -> str:
        """The label of a topic or thread in ``vi`` or ``en`` (the id if unknown)."""
        entry = self.topics.get(id_) or self.threads.get(id_)
        if entry is None:
            return id_
        return (entry.vi if lang == "vi" else entry.en) or id_


def _compile(pattern: str, *, cased: bool = False) -> Pattern:
    """Compile a taxonomy pattern: a phrase, ``=phrase`` (tone-exact) or ``re:REGEX``."""
    if pattern.startswith("re:"):
        # written against the folded text (lower case, no marks): compiled as is
        return Pattern(pattern, re.compile(pattern[3:]), cased=cased)
    exact = None
    if pattern.startswith("="):
        pattern = pattern[1:]
        exact = tone_key(pattern)
    phrase = pattern.strip() if cased else fold_key(pattern.strip())
    words = [re.escape(w) for w in phrase.split()]
    body = r"[\s\-–]+".join(words)
    wb = r"\w" if cased else r"[a-z0-9]"
    return Pattern(pattern, re.compile(rf"(?<!{wb}){body}(?!{wb})"), cased=cased, exact=exact,
                   words=frozenset() if cased else frozenset(re.findall(r"[a-z0-9]+", phrase)),
                   needle=phrase.split()[0] if cased and phrase.split() else "")


def _entry(id_: str, kind: str, data: dict[str, Any], base: Entry | None) -> Entry:
    if not isinstance(data, dict):
        raise ValueError(f"taxonomy {kind} {id_!r}: expected a mapping, got {type(data).__name__}")
    entry = base if base is not None and not data.get("replace") else Entry(id_, kind)
    entry.vi = data.get("vi", entry.vi)
    entry.en = data.get("en", entry.en)
    entry.patterns += [_compile(str(p)) for p in data.get("patterns") or []]
    entry.patterns += [_compile(str(p), cased=True) for p in data.get("cased") or []]
    entry.exclude += [_compile(str(p)) for p in data.get("exclude") or []]
    entry.topics += [str(t) for t in data.get("topics") or [] if t not in entry.topics]
    entry.min_hits = int(data.get("min_hits", entry.min_hits))
    return entry


def _merge(tax: Taxonomy, data: dict[str, Any], origin: str) -> None:
    if not isinstance(data, dict):
        raise ValueError(f"{origin}: a taxonomy file holds a mapping with 'topics' and/or 'threads'")
    unknown = set(data) - {"topics", "threads"}
    if unknown:
        raise ValueError(f"{origin}: unknown taxonomy keys {sorted(unknown)}; expected topics, threads")
    for kind, table in (("topic", tax.topics), ("thread", tax.threads)):
        for id_, entry in (data.get(kind + "s") or {}).items():
            table[str(id_)] = _entry(str(id_), kind, entry or {}, table.get(str(id_)))


@lru_cache(maxsize=16)
def _load(files: tuple[tuple[str, float], ...]) -> Taxonomy:
    tax = Taxonomy()
    for path, _mtime in files:
        with open(path, encoding="utf-8") as fh:
            _merge(tax, yaml.safe_load(fh) or {}, path)
    return tax


def load_taxonomy(settings: Settings | None = None) -> Taxonomy:
    """The default taxonomy merged with ``settings.taxonomy_files`` (cached per file version)."""
    paths = [DEFAULT_TAXONOMY, *((settings.taxonomy_files if settings else ()) or ())]
    files = tuple((str(Path(p)), Path(p).stat().st_mtime) for p in paths)
    return _load(files)


def find_matches(folded: Folded, source: str, entries: dict[str, Entry], *, start: int = 0,
                 end: int | None = None) -> list[tuple[str, int, int]]:
    """Every (entry id, source start, source end) match of ``entries`` inside a folded range.

    ``start``/``end`` are positions in the folded text; spans returned are in ``source``.
    """
    end = len(folded.text) if end is None else end
    present = set(_WORDS.findall(folded.text, start, end))
    out = []
    for id_, entry in entries.items():
        blocked = [m.span() for p in entry.exclude if p.words <= present
                   for m in p.regex.finditer(folded.text, start, end)]
        for p in entry.patterns:
            if not p.words <= present:
                continue  # a word of the phrase is missing: no need to scan
            if p.cased:
                a0, b0 = folded.span(start, end)
                if p.needle and source.find(p.needle, a0, b0) < 0:
                    continue  # the phrase's first word is not there: no need to scan
                hits = [m.span() for m in p.regex.finditer(source, a0, b0)]
                for a, b in hits:
                    out.append((id_, a, b))
                continue
            for m in p.regex.finditer(folded.text, start, end):
                if any(m.start() < bb and ba < m.end() for ba, bb in blocked):
                    continue
                a, b = folded.span(*m.span())
                if p.exact is not None and tone_key(source[a:b]) != p.exact:
                    continue
                out.append((id_, a, b))
    out.sort(key=lambda t: (t[1], t[0]))
    return out


def _ids(matches: list[tuple[str, int, int]], entries: dict[str, Entry]) -> list[str]:
    counts = Counter(m[0] for m in matches)
    seen: list[str] = []
    for id_, _a, _b in matches:
        if id_ not in seen and counts[id_] >= entries[id_].min_hits:
            seen.append(id_)
    return seen


def match_topics(text: str, taxonomy: Taxonomy) -> list[str]:
    """The topic ids whose patterns occur in ``text``, in order of first mention."""
    return _ids(find_matches(fold(text), text, taxonomy.topics), taxonomy.topics)


def match_threads(text: str, taxonomy: Taxonomy) -> list[str]:
    """The thread ids whose patterns occur in ``text``, in order of first mention."""
    return _ids(find_matches(fold(text), text, taxonomy.threads), taxonomy.threads)


def implied_topics(threads: list[str], taxonomy: Taxonomy) -> list[str]:
    """The topics the given threads belong to (``lng`` -> ``energy``)."""
    out: list[str] = []
    for t in threads:
        entry = taxonomy.threads.get(t)
        for topic in entry.topics if entry else []:
            if topic not in out:
                out.append(topic)
    return out


ARTICLE_THRESHOLD = 3


def _distinct(matches: list[tuple[str, int, int]], skip: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """One match per place: nested and overlapping matches of a topic count once.

    ``khoa học - công nghệ`` also holds ``công nghệ``; ``thương mại và đầu tư`` holds
    ``đầu tư``: one mention each, not two. Matches inside ``skip`` spans (person names:
    the surname ``Ngô`` is not maize) are dropped.
    """
    out: list[tuple[str, int, int]] = []
    last_end: dict[str, int] = {}
    for id_, a, b in sorted(matches, key=lambda m: (m[1], -m[2])):
        if any(sa <= a and b <= sb for sa, sb in skip):
            continue
        if a < last_end.get(id_, -1):
            last_end[id_] = max(last_end[id_], b)
            continue
        last_end[id_] = b
        out.append((id_, a, b))
    return out


def extract_topics(article: Article, settings: Settings) -> Article:
    """Stage ``topics``: the topics an article is about, scored from body mentions and statements.

    A topic's score is its distinct mentions in the body (photo captions and person names
    aside) plus one for each of its mentions inside a statement that asks, proposes,
    promises, agrees or welcomes; a topic scoring ``ARTICLE_THRESHOLD`` (or its own
    ``min_hits``, if higher) is kept. Topics are ordered by score.
    """
    tax = load_taxonomy(settings)
    text = article.text
    names = [m for p in article.people for m in p.mentions]
    matches = _distinct([m for m in find_matches(fold(text), text, tax.topics)
                         if not _in_captions(article, m[1])], names)
    acts = [s.evidence for s in article.statements if s.act != "inform"]
    score: Counter[str] = Counter()
    for id_, a, _b in matches:
        score[id_] += 1 + any(sa <= a < sb for sa, sb in acts)
    chosen = [t for t in tax.topics if score[t] >= max(ARTICLE_THRESHOLD, tax.topics[t].min_hits)]
    chosen.sort(key=lambda t: -score[t])
    article.topics = chosen
    return article


def _in_captions(article: Article, pos: int) -> bool:
    return any(a <= pos < b for a, b in article.captions)
