"""Stage ``topics``: the fields an article is about, from its body text and its statements.

A topic is kept when the body mentions it often enough, mentions inside statements counting
double, mentions inside a list of fields counting little (:func:`topic_evidence`); the learned
decision ``topics`` then keeps, adds or drops topics where it is shipped. The taxonomy and its
matchers live in :mod:`.taxonomy` (re-exported here for the modules that import them from here).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import Article
from ..settings import Settings
from .spans import Cover, captions_of
from .taxonomy import (
    _WORDS,
    DEFAULT_TAXONOMY,
    Entry,
    Pattern,
    Taxonomy,
    find_matches,
    implied_topics,
    load_taxonomy,
    match_threads,
    match_topics,
    tone_key,
)
from .textmap import Folded, fold

#: the taxonomy's names, read here by the statements stage, the store and the web as before the split
__all__ = ["DEFAULT_TAXONOMY", "Entry", "Pattern", "Taxonomy", "TopicEvidence", "enumerations", "extract_topics",
           "find_matches", "implied_topics", "load_taxonomy", "match_threads", "match_topics", "tone_key",
           "topic_evidence"]

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
