"""Stage ``nlp``: sentences over the whole text, and words with parts of speech.

Steps:

1. split the text into sentences: line breaks, and ``.``/``!``/``?``/``…`` followed by a
   capital, a digit or an opening quote; abbreviations (``TP.``, ``D.C.``, initials ``B.``,
   ``Mr.``, ``GS.``) do not end a sentence;
2. leave the tokens empty: later stages call :func:`ensure_tokens` on the sentences they
   read closely, which fills them with underthesea's bundled CRF word segmentation and POS
   tags (``pos_tag``), or :func:`ensure_words` for the segmentation alone (its POS tagger
   is the slow half); :func:`shape_tokens` gives fast syllable tokens tagged by their shape
   (``Np`` capitalized, ``M`` number, ``CH`` punctuation, ``X`` otherwise) to any reader
   that needs no more. The events stage segments every sentence that has an ambiguous
   one-syllable event cue and names a person, to tell a cue word from a longer word
   (``tiếp`` from ``trực tiếp``).

Why not the CRF everywhere: underthesea's segmentation costs about 1 ms and its POS tagger
about 3 ms per sentence (measured over 200 articles of ``corpus/general``), so a 6 KB
article of 40 sentences would spend 150 ms here alone, five times the whole pipeline's
budget of 30 articles per second. Token spans always index ``article.text``.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import budget
from ..model import Article, Sentence, Token
from ..settings import Settings
from .fastre import bounded

__all__ = ["LazyWords", "annotate", "ensure_tokens", "ensure_words", "shape_tokens", "split_sentences"]

_END = bounded(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]*[A-ZĐÀ-Ỹ0-9])"
                  r"|(?<=[a-zà-ỹđ]{2})[.!?]+(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")  # "bán dẫn.Ngày": a lost space
# a photo caption ending on a name glued to the next sentence ("... Tổng thống Mỹ Donald Trump Trong
# khuôn khổ chuyến thăm ..."): a capitalized opener right after a capitalized word, mid-line
_GLUED = bounded(r"(?<=[^\W\d_]) (?=(?:Trong|Tại|Theo) [a-zà-ỹđ]"
                    r"|(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm) (?:\d|nay|qua|mai|cùng))")
_ABBREV = re.compile(r"(?:\b(?:TP|Tp|Mr|Mrs|Ms|Dr|St|GS|PGS|TS|ThS|BS|Th|Co|Inc|Ltd|Corp|No|Jr|Sr|tr|v\.v)"
                     r"|\b[A-ZĐ]|\b[A-Z](?:\.[A-Z])+)\.$")
_SYL = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:['’\-][^\W\d_]+)*|[^\w\s]")
_MAX_CRF_CHARS = 1200
_SHAPES = frozenset({"Np", "M", "CH", "X"})


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text (stripped of surrounding blanks), in order.

    The nlp stage and the name tagger both split an article: the spans are kept for the last
    few texts, and each caller gets its own list.
    """
    return list(_split_sentences(text))


@lru_cache(maxsize=4)
def _split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for lm in re.finditer(r"[^\n]+", text):
        a, line_end = lm.span()
        pos = a
        ends = [m for m in _END.finditer(text, a, line_end)
                if not (_ABBREV.search(text[max(a, m.start() - 6):m.end()]) and m.group() == ".")]
        glued = [m for m in _GLUED.finditer(text, a, line_end) if text[text.rfind(" ", a, m.start()) + 1].isupper()]
        for end in sorted({m.end() for m in ends + glued}):
            out.append((pos, end))
            pos = end
        out.append((pos, line_end))
    spans = []
    for a, b in out:
        seg = text[a:b]
        s = a + len(seg) - len(seg.lstrip())
        e = b - (len(seg) - len(seg.rstrip()))
        if e > s:
            spans.append((s, e))
    return tuple(spans)


def shape_tokens(text: str, start: int, end: int) -> list[Token]:
    """Syllable, number and punctuation tokens of ``text[start:end]``, tagged by shape."""
    toks = []
    for m in _SYL.finditer(text, start, end):
        w = m.group()
        pos = "M" if w[0].isdigit() else "CH" if not w[0].isalnum() else "Np" if w[0].isupper() else "X"
        toks.append(Token(w, pos, m.start(), m.end()))
    return toks


def _crf_tokens(text: str, start: int, end: int, *, tags: bool = True) -> list[Token]:
    """underthesea's CRF segmentation (and POS tags), each word located in the text."""
    from underthesea import pos_tag, word_tokenize

    if tags:
        tagged: list[tuple[str, str]] = pos_tag(text[start:end])
    else:
        tagged = [(w, "") for w in word_tokenize(text[start:end])]
    toks: list[Token] = []
    pos = start
    for word, tag in tagged:
        loc = _locate(text, word, pos, end)
        if loc is None:
            # underthesea normalized the word: fall back to shapes for the rest
            return toks + shape_tokens(text, pos, end)
        a, b = loc
        toks.append(Token(text[a:b], tag, a, b))
        pos = b
    return toks


def _skip_blanks(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _locate(text: str, word: str, pos: int, end: int) -> tuple[int, int] | None:
    """Where a segmented word (syllables joined by spaces) sits in the text from ``pos``.

    Blanks, then the syllables with blanks between (``\\s*`` and ``\\s+`` in a regex; read
    here by hand, since a regex compiled per word overflowed ``re``'s cache).
    """
    start = i = _skip_blanks(text, pos, end)
    for n, part in enumerate(word.split()):
        if n:
            j = _skip_blanks(text, i, end)
            if j == i:
                return None
            i = j
        if not text.startswith(part, i, end):
            return None
        i += len(part)
    return start, i


def ensure_words(article: Article, sentence: Sentence) -> list[Token]:
    """CRF words of a sentence (POS left empty unless already tagged), computed once."""
    if not sentence.tokens or all(t.pos in _SHAPES for t in sentence.tokens):
        budget.check("word segmentation")
        if sentence.end - sentence.start > _MAX_CRF_CHARS:
            sentence.tokens = shape_tokens(article.text, sentence.start, sentence.end)
        else:
            sentence.tokens = _crf_tokens(article.text, sentence.start, sentence.end, tags=False)
    return sentence.tokens


def ensure_tokens(article: Article, sentence: Sentence) -> list[Token]:
    """CRF words and POS tags for a sentence, computed on first use and kept."""
    if not sentence.tokens or any(t.pos in _SHAPES or not t.pos for t in sentence.tokens):
        budget.check("tagging")
        if sentence.end - sentence.start > _MAX_CRF_CHARS:
            sentence.tokens = shape_tokens(article.text, sentence.start, sentence.end)
        else:
            sentence.tokens = _crf_tokens(article.text, sentence.start, sentence.end)
    return sentence.tokens


class LazyWords(dict[int, int]):
    """Word start -> end of the sentences segmented so far (what a reader of the whole text may use
    without paying for the segmentation), and, through :meth:`word_end`, the CRF word at a position,
    its sentence segmented (:func:`ensure_words`) on first ask: for a reader that needs words at a
    few places it decides on (the amounts stage: is ``con`` in ``2 con nhỏ`` a classifier?)."""

    def __init__(self, article: Article) -> None:
        super().__init__((t.start, t.end) for s in article.sentences for t in s.tokens)
        self._article = article
        self._starts = [s.start for s in article.sentences]
        self._crf: dict[int, int] = {}
        self._done: set[int] = set()

    def __bool__(self) -> bool:
        return True  # words may be asked for before any sentence is segmented

    def word_end(self, pos: int) -> int | None:
        """The end of the CRF word that starts at ``pos`` (None if none does, or the sentence holding
        it is too long to segment: syllable shapes are no words)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and i not in self._done:
            self._done.add(i)
            sentence = self._article.sentences[i]
            self._crf.update((t.start, t.end) for t in ensure_words(self._article, sentence)
                             if t.pos not in _SHAPES)
        return self._crf.get(pos)


def annotate(article: Article, settings: Settings) -> Article:
    """Fill ``article.sentences`` with sentence spans and tokens."""
    text = article.text
    sentences: list[Sentence] = []
    for a, b in split_sentences(text):
        sentences.append(Sentence(a, b))
    article.sentences = sentences
    return article
