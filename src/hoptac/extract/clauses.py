"""Statement clean-up after extraction: repeats, headline restatements, topic and id helpers.

A news article says its main facts up to three times: in the headline, in the lead, and in
the body. The body's clause is the one to keep; the others are dropped here (see
``drop_restatements``), with a reason a reader can follow: same side and act, same words.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable

from ..model import Article, Statement
from .acts import only_adverbs
from .fastre import bounded
from .textmap import fold

HEADLINE_END = re.compile(r"[.!?…]\s")
_CONTRAST = r"(?!\s*(?:nhưng|và|còn|song|tuy nhiên|trong khi)\b)"  # a contrast starts another speaker's clause
# what may stand between the comma and the speaker's name: a title or honorific, a few words
_SPEAKER_WORDS = re.compile(_CONTRAST + r"(?:\s+[^\W\d_]+){0,8}\s*", re.IGNORECASE)
# a whole quotation, its comma (or dash), and perhaps the speaker's honorific or title ('"...", Thủ tướng')
_CLOSE = r"(?:[\"”]\s*(?:,|[-–—])|,\s*[\"”]\s*[-–—]?)"  # '", ', '" - ', '”- ', ',"'
_QUOTE_THEN_SPEAKER = re.compile(r"[\"“][^\"“”]+" + _CLOSE + _CONTRAST + r"(?:\s+[^\W\d_]+){0,8}", re.IGNORECASE)
# the end of a quotation opened in an earlier sentence, then its speaker ('... quan hệ" - Ngoại trưởng')
_QUOTE_END_THEN_SPEAKER = re.compile(r"[^\"“”]+" + _CLOSE + _CONTRAST + r"(?:\s+[^\W\d_]+){0,8}", re.IGNORECASE)
QUOTE_REACH = 1500  # how far back (characters) the opening of a quotation that ends before its speaker is looked for
# sentence openings that introduce the speaker's own clause, not what was said before them
_OPENERS = ("theo ", "trong ", "tại ", "khi ", "sau ", "trước ", "nhân ", "với ", "về ", "ngoài ra", "nói về ",
            "đề cập", "bàn về", "trả lời", "liên quan", "đánh giá về", "chia sẻ về", "phát biểu", "tiếp ")
# words that open a place or time after a speech verb, not what was said
_ADVERBIAL = frozenset(["trong", "tại", "với", "khi", "hôm", "sáng", "chiều", "tối", "trưa", "ngày", "vào", "bên",
                        "qua", "trước", "sau", "ở", "trên"])
_SENT_END = bounded(r"(?<=[.!?…])[\"”')]*\s+(?=[\"“'(]*[A-ZĐÀ-Ỹ0-9])|\n+")
_TRAILING_LINK = re.compile(r"\s+(?:và|đồng thời|cũng như|nhưng|hoặc)$", re.IGNORECASE)


def open_quote(before: str) -> bool:
    """True when a quotation opened in ``before`` is still open at its end: an odd number of straight
    quote marks, or more opening curly marks than closing ones (what follows is what was said)."""
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def quoted_first(head: str) -> bool:
    """True when the text before a speaker is a whole quotation and its comma ('"...", ông')."""
    return len(head) > 12 and _QUOTE_THEN_SPEAKER.fullmatch(head) is not None


def quote_opening(text: str, sentence_start: int, head: str) -> int | None:
    """Where the quotation opens when ``head``, the text of a sentence before its speaker, is the
    end of a quotation opened in an earlier sentence (``"Cùng nhau ... năm qua. Năm tới ... quan
    hệ" - Ngoại trưởng X cho biết``): the position of the opening quote mark, else None."""
    if _QUOTE_END_THEN_SPEAKER.fullmatch(head) is None:
        return None
    before = text[max(0, sentence_start - QUOTE_REACH):sentence_start]
    last = max(before.rfind('"'), before.rfind("“"), before.rfind("”"))
    if last < 0 or before[last] == "”" or (before[last] == '"' and before[last - 1:last].strip(" :\n") != ""):
        return None  # the last mark closes a quotation, or no quotation opens in reach
    return sentence_start - len(before) + last


def said_first(head: str, tail: str) -> bool:
    """True when ``head``, the text before a speaker, is what they said, unquoted, and ``tail``,
    after their speech verb, is a few words at most (``Quan hệ ..., Thủ tướng cho biết.``)."""
    said, comma, speaker = head.rpartition(",")
    rest = tail.strip(" .\n").split()
    where_when = bool(rest) and len(rest) <= 10 and rest[0].lower() in _ADVERBIAL  # "trong thông cáo mới đây"
    return (bool(comma) and len(said.split()) >= 8 and (len(rest) <= 4 or where_when)
            and _SPEAKER_WORDS.fullmatch(speaker) is not None and not head.lower().startswith(_OPENERS))


def without_trailing_link(text: str) -> int:
    """The length of ``text`` without a conjunction left dangling at its end (``... và``)."""
    m = _TRAILING_LINK.search(text)
    return m.start() if m and m.start() > 0 else len(text)


def ids_in(hits: list[tuple[str, int, int]], a: int, b: int) -> list[str]:
    """The ids of the matches starting in the source range [a, b), in order, without repeats."""
    i = bisect.bisect_left(hits, a, key=lambda h: h[1])  # hits come sorted by start (find_matches)
    out: list[str] = []
    while i < len(hits) and hits[i][1] < b:
        if hits[i][0] not in out:
            out.append(hits[i][0])
        i += 1
    return out


def unique(items: Iterable[str]) -> list[str]:
    """The items in order, each once."""
    out: list[str] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def _shares(a: Statement, b: Statement) -> bool:
    return bool(set(a.topics) & set(b.topics) or set(a.threads) & set(b.threads))


def _lines(text: str) -> tuple[int, int]:
    """The end of the first line (the headline) and of the second (the lead)."""
    first = text.find("\n")
    if first < 0:
        return 0, 0
    second = text.find("\n", first + 1)
    return first, len(text) if second < 0 else second


def drop_restatements(article: Article, statements: list[Statement]) -> list[Statement]:
    """Drop headline and lead statements that the body says again, then repeats (``dedupe``).

    The headline paraphrases (``Việt - Mỹ sẽ thúc đẩy ...`` for the body's ``nhất trí``): a
    headline statement goes when a body statement of the same side shares a topic or thread.
    The lead is the body's first telling (the annotation guide): a later statement with the same
    actor and act sharing a topic or thread retells it and goes, its threads joining the lead's.
    Only when the first line is the article's title, or, with no title known, a single short
    sentence (a plain-text page starting on its headline).
    """
    text = article.text
    head_end, lead_end = _lines(text)
    headline = text[:head_end].strip()
    if article.title and headline != article.title.strip():
        return dedupe(statements, {p.name for p in article.people})
    if not article.title and (len(headline) > 200 or HEADLINE_END.search(headline[:-1])):
        return dedupe(statements, {p.name for p in article.people})  # no title known, no one-line opener
    body = [s for s in statements if s.evidence[0] >= lead_end]
    kept = []
    retold: set[int] = set()
    for s in statements:
        start = s.evidence[0]
        if start < head_end and any(b.side == s.side and _shares(b, s) for b in body):
            continue
        again = [b for b in body if b.actor == s.actor and b.act == s.act and _shares(b, s)] \
            if head_end <= start < lead_end else []
        if again:  # the lead tells it first: the body's retelling goes, what it names joins the lead
            s.threads += [t for t in again[0].threads if t not in s.threads]
            retold.add(id(again[0]))
        kept.append(s)
    kept = [s for s in kept if id(s) not in retold]
    return dedupe(kept, {p.name for p in article.people})


def dedupe(statements: list[Statement], people: set[str]) -> list[Statement]:
    """Drop a statement that repeats another (a title or summary retold in the body).

    Two statements repeat each other when their sides and acts are the same and their words
    overlap by 60% or more; the one naming a person as actor is kept, else the first. A short
    summary (six words or more) whose words the other holds almost all (90%) is a repeat too:
    the longer one, which says more, is kept.
    """
    words = [set(fold(s.text).text.split()) for s in statements]
    drop: set[int] = set()
    # only statements of one act and side can repeat each other: pairs are taken within those
    # groups, in the same order as over all pairs (a long text has thousands of statements), and
    # only the pairs sharing enough words to be a repeat (``_close_pairs``)
    groups: dict[tuple[str, str | None], list[int]] = {}
    for k, s in enumerate(statements):
        groups.setdefault((s.act, s.side), []).append(k)
    for i, j in (pair for g in groups.values() for pair in _close_pairs(g, words)):
        if i in drop or j in drop:
            continue
        gone = repeat(statements, words, people, i, j)
        if gone is not None:
            drop.add(gone)
    return [s for k, s in enumerate(statements) if k not in drop]


def repeat(statements: list[Statement], words: list[set[str]], people: set[str], i: int, j: int) -> int | None:
    """Which of statements ``i`` and ``j`` (``i < j``) ``dedupe`` drops as a repeat of the other, if either."""
    si, sj = statements[i], statements[j]
    union = words[i] | words[j]
    inner = min(len(words[i]), len(words[j]))
    shared = len(words[i] & words[j])
    if union and shared / len(union) >= 0.6:
        return i if sj.actor in people and si.actor not in people else j
    if inner >= 6 and shared / inner >= 0.9:
        return i if len(words[i]) < len(words[j]) else j
    return None


#: groups up to this size are paired in full (:func:`_close_pairs`)
_ALL_PAIRS = 16


def _close_pairs(members: list[int], words: list[set[str]]) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of ``members`` that may repeat each other, in order.

    Prefix filtering, words ranked rarest first: two statements whose words overlap by 60% of
    their union share a word among each one's first 40% (plus one), and the first word they
    share leaves room for that overlap after it (3/8 of both sizes: positional filtering); a
    statement holding 90% of a smaller one's words (six or more) holds one of that one's first
    10% (plus one), the other being no smaller. Each statement is paired only with those, not with
    every other. A group of at most ``_ALL_PAIRS`` gives all its pairs: the filter would cost more
    than the tests it saves (most groups hold one to five statements), and the pairs it leaves
    out repeat nothing, so :func:`dedupe` drops the same statements either way.
    """
    if len(members) <= _ALL_PAIRS:
        return list(itertools.combinations(members, 2))  # members ascend: the pairs in order
    freq: Counter[str] = Counter(w for k in members for w in words[k])
    ranked = {k: sorted(words[k], key=lambda w: (freq[w], w)) for k in members}
    holders: dict[str, list[int]] = {}  # a word -> the statements holding it
    leading: dict[str, list[tuple[int, int]]] = {}  # a word -> (statement, its rank there) among their first 40%
    for k in members:
        for w in words[k]:
            holders.setdefault(w, []).append(k)
        for i, w in enumerate(ranked[k][:_prefix(len(ranked[k]), 6)]):
            leading.setdefault(w, []).append((k, i))
    pairs: set[tuple[int, int]] = set()
    for k in members:
        n = len(ranked[k])
        met: set[int] = set()
        for i, w in enumerate(ranked[k][:_prefix(n, 6)]):  # the overlap test
            for o, j in leading[w]:
                if o == k or o in met:
                    continue
                met.add(o)  # w is the first word they share: at most this many more follow it in both
                if 8 * (1 + min(n - i - 1, len(ranked[o]) - j - 1)) >= 3 * (n + len(ranked[o])):
                    pairs.add((min(k, o), max(k, o)))
        if n >= 6:
            for w in ranked[k][:_prefix(n, 9)]:  # the containment test, k the smaller
                pairs.update((min(k, o), max(k, o)) for o in holders[w] if o != k and len(ranked[o]) >= n)
    return sorted(pairs)


def _prefix(n: int, tenths: int) -> int:
    """How many of the rarest of ``n`` words hold one shared with any set sharing ``tenths``/10 of them
    (one more than the words allowed to miss; the floor keeps it long enough whatever the rounding)."""
    return n - n * tenths // 10 + 1


def outside_names(hits: list[tuple[str, int, int]], spans: Iterable[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """The topic or thread matches that do not fall inside a person's name.

    A surname may spell a topic word (``Ngô`` is maize): inside a name it names no field.
    """
    names = sorted(spans)
    starts = [a for a, _ in names]
    reach = list(itertools.accumulate((b for _, b in names), max))  # the furthest end of names starting so far
    out = []
    for h in hits:
        i = bisect.bisect_right(starts, h[1])
        if not (i and reach[i - 1] >= h[2]):
            out.append(h)
    return out


def prefixed(a: str, b: str) -> bool:
    """True when one of two non-empty strings starts the other."""
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def untitled(s: str) -> str:
    """Lower-case ``s`` without the title it ends with (``có thư gửi Thủ tướng Chính phủ `` -> ``có thư gửi ``).

    A title's words start in capitals now and then (``Thủ tướng``, ``Bộ trưởng Bộ Công Thương``):
    cut at a capitalized word among the last three, again and again (never at the first word,
    which may open the sentence).
    """
    words = s.split()
    while words:
        caps = [i for i in range(max(1, len(words) - 3), len(words)) if words[i][:1].isupper()]
        if not caps:
            break
        words = words[:caps[-1]]
    return fold(" ".join(words) + " ", strip_marks=False).text


def sentence_spans(article: Article) -> list[tuple[int, int]]:
    """Sentence spans from the NLP stage, else a simple split on end marks and line breaks."""
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    text = article.text
    out = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


_LEAD_INS = frozenset(["thêm", "rằng", "là", "thời", "năm", "tháng", "mùa", "hiện", "từ", "đến", "sắp", "nay"])


def lead_in(gap: str) -> bool:
    """True when the words between a speech verb and the subject of what was said are a time, a
    place or a lead-in word (``cho biết thêm mùa thu năm nay, Mỹ ...``, ``khẳng định trong thời
    gian tới, Việt Nam sẽ ...``): at most seven words, each piece between commas opening on one."""
    inner = gap.strip(" ,")
    pieces = [p.split() for p in inner.split(",")]
    return (0 < len(inner.split()) <= 7 and not re.search(r"[;:()\"“”]", inner)
            and all(p and p[0].lower() in _ADVERBIAL | _LEAD_INS for p in pieces))


def complement(gap: str) -> bool:
    """True when a subject follows the previous cue directly (at most two words, no punctuation)."""
    return only_adverbs(gap) or (not re.search(r"[,;:.()\"“”]", gap) and len(gap.split()) <= 2)
