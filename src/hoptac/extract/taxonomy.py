"""The taxonomy of topics and threads: its loader and its matchers.

The taxonomy (``resources/taxonomy.yaml``, merged with ``settings.taxonomy_files``) holds
Vietnamese patterns for each topic and thread; the YAML format is documented in that file's
header. Patterns match on case- and tone-folded text (``Hoa Kỳ`` ~ ``hoa ky``) at word
boundaries; ``=`` in front of a pattern also demands the same tone marks, ``cased`` patterns
(``AI``, ``LNG``) match the text as written. The topics stage (:mod:`.topics`), the statements
stage and the threads stage (:mod:`.threads`) all match through :func:`find_matches`.
"""

from __future__ import annotations

import bisect
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from ..resources import safe_load
from ..settings import RESOURCES, Settings
from .fastre import bounded
from .spans import Cover
from .textmap import Folded, fold, fold_key

log = logging.getLogger(__name__)

DEFAULT_TAXONOMY = RESOURCES / "taxonomy.yaml"
_WORDS = re.compile(r"[a-z0-9]+")
_WORDS_SPLIT = re.compile(r"([a-z0-9]+)")
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
    first: str = ""  # a folded phrase's first word, when it starts one: matches start only there
    second: str = ""  # its second word, when both are whole words: a match's next word is this one


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
    weak: list[Pattern] = field(default_factory=list)  # generic words: half a mention each
    parent: str | None = None  # threads only: the thread this one is a sub-issue of
    context: list[Pattern] = field(default_factory=list)  # threads only: see taxonomy.yaml, statements.py


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

    def roots(self) -> dict[str, Entry]:
        """The threads that are no sub-issue of another (statements are tagged with these)."""
        return {k: e for k, e in self.threads.items() if not e.parent}

    def children(self, parent: str | None = None) -> dict[str, Entry]:
        """The sub-issues of ``parent`` (of any thread when None), in the order they were defined."""
        return {k: e for k, e in self.threads.items() if e.parent and (parent is None or e.parent == parent)}


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
    lead = None if cased else _WORDS.match(phrase)
    split = phrase.split()
    second = split[1] if not cased and len(split) > 1 and all(map(_WORDS.fullmatch, split[:2])) else ""
    return Pattern(pattern, bounded(rf"(?<!{wb}){body}(?!{wb})"), cased=cased, exact=exact,
                   words=frozenset() if cased else frozenset(re.findall(r"[a-z0-9]+", phrase)),
                   needle=split[0] if cased and split else "",
                   first=lead.group() if lead else "", second=second)


def _entry(id_: str, kind: str, data: dict[str, Any], base: Entry | None) -> Entry:
    if not isinstance(data, dict):
        raise ValueError(f"taxonomy {kind} {id_!r}: expected a mapping, got {type(data).__name__}")
    entry = base if base is not None and not data.get("replace") else Entry(id_, kind)
    entry.vi = data.get("vi", entry.vi)
    entry.en = data.get("en", entry.en)
    entry.patterns += [_compile(str(p)) for p in data.get("patterns") or []]
    entry.patterns += [_compile(str(p), cased=True) for p in data.get("cased") or []]
    entry.exclude += [_compile(str(p)) for p in data.get("exclude") or []]
    weak = [_compile(str(p)) for p in data.get("weak") or []]
    entry.patterns += weak
    entry.weak += weak
    entry.topics += [str(t) for t in data.get("topics") or [] if t not in entry.topics]
    entry.min_hits = int(data.get("min_hits", entry.min_hits))
    if kind == "thread" and data.get("parent"):
        entry.parent = str(data["parent"])
    entry.context += [_compile(str(p)) for p in data.get("context") or []] if kind == "thread" else []
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
    for id_, entry in tax.threads.items():
        if entry.parent and (entry.parent not in tax.threads or tax.threads[entry.parent].parent):
            raise ValueError(f"{origin}: thread {id_!r}: parent {entry.parent!r} is no top-level thread")


@lru_cache(maxsize=16)
def _load(files: tuple[tuple[str, float], ...]) -> Taxonomy:
    tax = Taxonomy()
    for path, _mtime in files:
        with open(path, encoding="utf-8") as fh:
            _merge(tax, safe_load(fh) or {}, path)
    return tax


def load_taxonomy(settings: Settings | None = None) -> Taxonomy:
    """The default taxonomy merged with ``settings.taxonomy_files`` (cached per file version)."""
    paths = [DEFAULT_TAXONOMY, *((settings.taxonomy_files if settings else ()) or ())]
    files = tuple((str(Path(p)), Path(p).stat().st_mtime) for p in paths)
    return _load(files)


@lru_cache(maxsize=8)
def _word_index(text: str) -> tuple[dict[str, list[int]], dict[int, str]]:
    """Where each folded word (a maximal ``[a-z0-9]+`` run) of ``text`` starts, in order; and, by a
    word's start, the word after it."""
    index: dict[str, list[int]] = {}
    get = index.get
    parts = _WORDS_SPLIT.split(text)  # gaps and words in turn: a word starts where the lengths before it sum to
    starts = list(accumulate(map(len, parts), initial=0))[1:-1:2]
    words = parts[1::2]
    for w, at in zip(words, starts, strict=True):
        got = get(w)
        if got is None:
            index[w] = [at]  # (not ``setdefault(w, [])``: no empty list made for every word seen before)
        else:
            got.append(at)
    return index, dict(zip(starts, words[1:], strict=False))  # the last word has none


def _scan(p: Pattern, text: str, start: int, end: int,
          index: tuple[dict[str, list[int]], dict[int, str]]) -> Iterator[re.Match[str]]:
    """``p.regex.finditer(text, start, end)``, trying only where the phrase's first word starts.

    A phrase beginning with a word can only match where that word stands whole (its regex
    demands a word boundary before it), so the scan tries those places alone and skips the
    places a previous match covers, as ``finditer`` does: the same matches, without reading
    the whole text once per pattern (the topic stage's main cost). A phrase of two whole words
    or more is tried only where its second word follows (its words are joined by blanks and
    dashes alone): nine tries in ten failed on the second word.
    """
    cut = 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    if not p.first or cut:  # a range ending inside a word may match the word's first part: read it all
        yield from p.regex.finditer(text, start, end)
        return
    places = index[0].get(p.first, ())
    following = index[1] if p.second else None
    last = start
    for pos in places[bisect.bisect_left(places, start):]:
        if pos >= end:
            break
        if pos < last or (following is not None and following.get(pos) != p.second):
            continue
        m = p.regex.match(text, pos, end)
        if m:
            last = m.end()
            yield m


def _scan_cased(p: Pattern, source: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``p.regex.finditer(source, start, end)`` for a cased phrase, tried only where its first word is written."""
    if not p.needle:
        yield from p.regex.finditer(source, start, end)
        return
    pos = source.find(p.needle, start, end)
    while pos >= 0:
        m = p.regex.match(source, pos, end)
        if m:
            yield m
        pos = source.find(p.needle, max(m.end() if m else pos + 1, pos + 1), end)


def find_matches(folded: Folded, source: str, entries: dict[str, Entry], *, start: int = 0,
                 end: int | None = None) -> list[tuple[str, int, int]]:
    """Every (entry id, source start, source end) match of ``entries`` inside a folded range.

    ``start``/``end`` are positions in the folded text; spans returned are in ``source``.
    """
    end = len(folded.text) if end is None else end
    whole = start == 0 and end == len(folded.text)
    if whole:  # the statements and the topics stages both match the article's topics: once
        for e, f, src, found in _WHOLE:
            if e is entries and f == folded.text and src == source:
                return list(found)
    index = _word_index(folded.text)
    present = set(index[0]) if whole else set(_WORDS.findall(folded.text, start, end))
    out = []
    for id_, entry in entries.items():
        excluded = [m.span() for p in entry.exclude if p.words <= present
                    for m in _scan(p, folded.text, start, end, index)]
        blocked = Cover(excluded) if excluded else None  # overlaps found by bisection, not a scan per match
        for p in entry.patterns:
            if not p.words <= present:
                continue  # a word of the phrase is missing: no need to scan
            if p.cased:
                a0, b0 = folded.span(start, end)
                if p.needle and source.find(p.needle, a0, b0) < 0:
                    continue  # the phrase's first word is not there: no need to scan
                for m in _scan_cased(p, source, a0, b0):
                    out.append((id_, *m.span()))
                continue
            for m in _scan(p, folded.text, start, end, index):
                if blocked is not None and blocked.overlaps(m.start(), m.end()):
                    continue
                a, b = folded.span(*m.span())
                if p.exact is not None and tone_key(source[a:b]) != p.exact:
                    continue
                out.append((id_, a, b))
    out.sort(key=lambda t: (t[1], t[0]))
    if whole:
        _WHOLE.append((entries, folded.text, source, tuple(out)))
        del _WHOLE[:-4]
    return out


#: The last whole-text matches: (entries, folded text, source, matches); entries by identity (a
#: taxonomy is loaded once per file version and never changed).
_WHOLE: list[tuple[dict[str, Entry], str, str, tuple[tuple[str, int, int], ...]]] = []


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
    """The (top-level) thread ids whose patterns occur in ``text``, in order of first mention."""
    roots = taxonomy.roots()
    return _ids(find_matches(fold(text), text, roots), roots)


def implied_topics(threads: list[str], taxonomy: Taxonomy) -> list[str]:
    """The topics the given threads belong to (``lng`` -> ``energy``)."""
    out: list[str] = []
    for t in threads:
        entry = taxonomy.threads.get(t)
        for topic in entry.topics if entry else []:
            if topic not in out:
                out.append(topic)
    return out
