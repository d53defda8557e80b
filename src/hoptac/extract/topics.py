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

import yaml

from ..model import Article
from ..settings import RESOURCES, Settings
from .fastre import bounded
from .spans import Cover, captions_of
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
            _merge(tax, yaml.safe_load(fh) or {}, path)
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


ARTICLE_THRESHOLD = 3
# a long article needs one mention per CHARS_PER_MENTION characters of text, unless the title
# or the lead names the topic: a field named twice in 8,000 characters is a passing mention
CHARS_PER_MENTION = 2600
WEAK = 0.5  # the weight of a generic word (``sản xuất``, ``máy bay``): half a mention
# separators of list items, on folded text: commas, semicolons, "và", "cũng như", "cho đến"
_SEP = re.compile(r"(?:\s*(?:[,;]|\bva\b|\bcung nhu\b|\bcho den\b)\s*)+")
#: a separator without the word boundary before it: ``_SEP`` opens with ``\s*`` and ``\b``, so the
#: engine tries it at every character, while this one skips ahead to a ``,``, ``;``, ``v`` or ``c``
_SEP_FAST = re.compile(r"[,;]|(?:va|cung nhu|cho den)\b")
_ITEM_WORDS = 5  # a list item is a few words ("hợp tác khoa học - công nghệ", "chuỗi cung ứng")


def enumerations(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of lists of short items in ``text``: ``kinh tế, thương mại, đầu tư, quốc phòng``.

    Inside each sentence, a run of short segments (``_ITEM_WORDS`` words or fewer) between
    separators is a list; it reaches back over the last words of the segment before the run
    and forward over the first words of the segment after it (the first and last items).
    """
    out: list[tuple[int, int]] = []
    whole = fold(text)
    composed = isinstance(whole.index, range)  # one folded character per source character
    for s0, s1 in sentences:
        # a composed text's sentence folds to its slice of the folded text (no fold per sentence)
        f = Folded(whole.text[s0:s1], range(s1 - s0), s1 - s0) if composed else fold(text[s0:s1])
        seps = _separators(f.text)
        if len(seps) < 2:
            continue
        cuts = [0, *(x for sp in seps for x in sp), len(f.text)]
        segs = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
        words = [_WORDS.findall(f.text, a, b) for a, b in segs]
        i = 1
        while i < len(segs) - 1:
            if not 0 < len(words[i]) <= _ITEM_WORDS:
                i += 1
                continue
            j = i
            while j < len(segs) - 1 and 0 < len(words[j]) <= _ITEM_WORDS:
                j += 1
            first = list(_WORDS.finditer(f.text, *segs[i - 1]))[-_ITEM_WORDS:]
            last = list(_WORDS.finditer(f.text, *segs[j]))[:_ITEM_WORDS]
            a = first[0].start() if first else segs[i][0]
            b = last[-1].end() if last else segs[j - 1][1]
            a, b = f.span(a, b)
            out.append((s0 + a, s0 + b))
            i = j
    return out


def _separators(text: str) -> list[tuple[int, int]]:
    r"""The spans ``_SEP.finditer(text)`` gives, tried only where a separator stands: a match opens
    with the blanks (``\s`` is ``str.isspace``) right before the first separator after the last match."""
    out: list[tuple[int, int]] = []
    last = pos = 0
    while (m := _SEP_FAST.search(text, pos)) is not None:
        a = m.start()
        if a and text[a] not in ",;" and (text[a - 1].isalnum() or text[a - 1] == "_"):
            pos = a + 1  # "va" inside a word: no boundary before it (``\w`` is alphanumeric or "_")
            continue
        while a > last and text[a - 1].isspace():
            a -= 1
        hit = _SEP.match(text, a)
        if hit is None:  # cannot happen (the blanks, then the separator found): read as the pattern does
            return [h.span() for h in _SEP.finditer(text)]
        out.append(hit.span())
        last = pos = hit.end()
    return out


def _distinct(matches: list[tuple[str, int, int]], skip: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """One match per place: nested and overlapping matches of a topic count once.

    ``khoa học - công nghệ`` also holds ``công nghệ``; ``thương mại và đầu tư`` holds
    ``đầu tư``: one mention each, not two. Matches inside ``skip`` spans (person names:
    the surname ``Ngô`` is not maize) are dropped.
    """
    out: list[tuple[str, int, int]] = []
    last_end: dict[str, int] = {}
    in_skip = Cover(skip).holds_span
    for id_, a, b in sorted(matches, key=lambda m: (m[1], -m[2])):
        if in_skip(a, b):
            continue
        if a < last_end.get(id_, -1):
            last_end[id_] = max(last_end[id_], b)
            continue
        last_end[id_] = b
        out.append((id_, a, b))
    return out


@dataclass
class TopicEvidence:
    """What the article says of one topic it mentions: the inputs of the keep decision."""

    score: float = 0.0  # distinct body mentions (weak words half), statement mentions double
    mentions: int = 0  # distinct body mentions
    in_acts: int = 0  # of them inside a statement that asks, proposes, promises, agrees or welcomes
    weak: int = 0  # of them generic words
    strong: bool = False  # mentioned outside a list of three or more fields
    lists: int = 0  # lists of fields holding it
    head: bool = False  # named in the title or the lead
    need: float = 0.0  # the mentions its length asks for (one per ``CHARS_PER_MENTION`` characters)
    kept: bool = False  # the rules keep it


def topic_evidence(article: Article, settings: Settings) -> dict[str, TopicEvidence]:
    """Each topic the article's body mentions, with its evidence and the rules' verdict.

    A topic's score is its distinct mentions in the body (photo captions and person names
    aside) plus one for each of its mentions inside a statement that asks, proposes,
    promises, agrees or welcomes; a generic word (the taxonomy's ``weak`` patterns) counts
    half. Mentions inside a list of three or more fields in one sentence (``hợp tác kinh tế,
    thương mại, đầu tư, quốc phòng, an ninh``) are weak evidence: a topic named in one such
    list and nowhere else is dropped. The rules keep a topic when its score reaches
    ``ARTICLE_THRESHOLD`` (or its own ``min_hits``, if higher) and, unless the title or lead
    names it, one mention per ``CHARS_PER_MENTION`` characters.
    """
    tax = load_taxonomy(settings)
    text = article.text
    folded = fold(text)
    names = [m for p in article.people for m in p.mentions]
    matches = _distinct([m for m in find_matches(folded, text, tax.topics)
                         if not _in_captions(article, m[1])], names)
    weak_entries = {k: Entry(k, "topic", patterns=e.weak, exclude=e.exclude)
                    for k, e in tax.topics.items() if e.weak}
    weak = set(find_matches(folded, text, weak_entries)) if weak_entries else set()
    sentences = [(s.start, s.end) for s in article.sentences]
    lists = enumerations(text, sentences)
    starts = [s for s, _ in sentences]
    lists_in: dict[int, list[tuple[int, int]]] = {}  # a sentence's lists, in order (lists never cross sentences)
    for sp in lists:
        lists_in.setdefault(bisect.bisect_right(starts, sp[0]) - 1, []).append(sp)

    def lists_holding(a: int, b: int, among: list[tuple[int, int]] | set[tuple[int, int]] = lists) -> list[tuple[int, int]]:
        return [sp for sp in lists_in.get(bisect.bisect_right(starts, a) - 1, ()) if sp[0] <= a and b <= sp[1]
                and (among is lists or sp in among)]

    fields: dict[tuple[int, int], set[str]] = {}
    for id_, a, b in matches:
        span = next(iter(lists_holding(a, b)), None)
        if span is not None:
            fields.setdefault(span, set()).add(id_)
    listed = {sp for sp, ids in fields.items() if len(ids) >= 3}
    in_act = Cover(s.evidence for s in article.statements if s.act != "inform").holds_point
    head_end = sentences[1][1] if len(sentences) > 1 else len(text)
    need = len(text) / CHARS_PER_MENTION
    out: dict[str, TopicEvidence] = {}
    lists_of: dict[str, set[tuple[int, int]]] = {}
    for id_, a, b in matches:
        ev = out.setdefault(id_, TopicEvidence(need=need))
        is_weak = (id_, a, b) in weak
        acting = in_act(a)
        ev.score += (WEAK if is_weak else 1.0) * (1 + acting)
        ev.mentions += 1
        ev.in_acts += acting
        ev.weak += is_weak
        held = lists_holding(a, b, listed)
        # one list holds it (nearly always); else the first the set gives, as it always was
        span = held[0] if len(held) == 1 else next((sp for sp in listed if sp[0] <= a and b <= sp[1]), None)
        if span is None:
            ev.strong = True
        else:
            lists_of.setdefault(id_, set()).add(span)
        if a < head_end:
            ev.head = True
    for id_, ev in out.items():
        ev.lists = len(lists_of.get(id_, ()))
        ev.kept = (ev.score >= max(ARTICLE_THRESHOLD, tax.topics[id_].min_hits)
                   and (ev.strong or ev.lists >= 2)  # named in one list of fields only: dropped
                   and (ev.head or ev.score >= need))
    return out


def extract_topics(article: Article, settings: Settings) -> Article:
    """Stage ``topics``: the topics an article is about, ordered by score.

    :func:`topic_evidence` scores each topic the body mentions and says which the rules keep; the
    learned decision ``topics`` (:mod:`hoptac.learn.topics`) then keeps, adds or drops topics
    where it is shipped to.
    """
    from ..learn.topics import decide

    tax = load_taxonomy(settings)
    evidence = topic_evidence(article, settings)
    chosen = decide(article, evidence)
    order = {t: i for i, t in enumerate(tax.topics)}
    article.topics = sorted(chosen, key=lambda t: (-evidence[t].score, order.get(t, len(order))))
    return article


def _in_captions(article: Article, pos: int) -> bool:
    return captions_of(article).holds_point(pos)
