"""Stage ``nlp``: sentences over the whole text, and words with parts of speech.

Steps:

1. split the text into sentences: line breaks, and ``.``/``!``/``?``/``…`` followed by a
   capital, a digit or an opening quote; abbreviations (``TP.``, ``D.C.``, initials ``B.``,
   ``Mr.``, ``GS.``) do not end a sentence;
2. segment words and tag parts of speech with underthesea's bundled CRF models
   (``word_tokenize`` then the CRF POS tagger) for the sentences that carry the facts hoptac
   extracts: those with an event cue, a title or a capitalized word after the first one;
3. every other sentence gets fast syllable tokens (a regex) tagged by their shape:
   ``Np`` capitalized, ``M`` number, ``CH`` punctuation, ``X`` otherwise.

Why not the CRF everywhere: underthesea's segmentation costs about 1 ms and its POS tagger
about 3 ms per sentence, so a 6 KB article with 40 sentences would spend 150 ms here alone,
five times the whole pipeline's budget (30 articles per second). :func:`ensure_tokens` runs
the CRF on any other sentence on demand. Token spans always index ``article.text``.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Article, Sentence, Token
from ..settings import Settings

__all__ = ["annotate", "ensure_tokens", "split_sentences"]

_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]*[A-ZĐÀ-Ỹ0-9])")
_ABBREV = re.compile(r"(?:\b(?:TP|Tp|Mr|Mrs|Ms|Dr|St|GS|PGS|TS|ThS|BS|Th|Co|Inc|Ltd|Corp|No|Jr|Sr|tr|v\.v)"
                     r"|\b[A-ZĐ]|\b[A-Z](?:\.[A-Z])+)\.$")
_SYL = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:['’\-][^\W\d_]+)*|[^\w\s]")
_MAX_CRF_CHARS = 1200


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text (stripped of surrounding blanks), in order."""
    out: list[tuple[int, int]] = []
    for lm in re.finditer(r"[^\n]+", text):
        a, line_end = lm.span()
        pos = a
        for m in _END.finditer(text, a, line_end):
            if _ABBREV.search(text[max(a, m.start() - 6):m.end()]) and m.group().startswith(".") \
                    and len(m.group()) == 1:
                continue
            out.append((pos, m.end()))
            pos = m.end()
        out.append((pos, line_end))
    spans = []
    for a, b in out:
        seg = text[a:b]
        s = a + len(seg) - len(seg.lstrip())
        e = b - (len(seg) - len(seg.rstrip()))
        if e > s:
            spans.append((s, e))
    return spans


@cache
def _cue_pattern() -> re.Pattern[str]:
    from .gazetteer import gazetteer

    g = gazetteer()
    parts = [p.pattern for _, p in g.event_cues] + [g.title_heads.pattern]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def _wants_crf(sentence: str) -> bool:
    """A sentence the later stages read closely: a cue, a title, a name inside it."""
    if len(sentence) > _MAX_CRF_CHARS:
        return False
    return bool(_cue_pattern().search(sentence))


def _shape_tokens(text: str, start: int, end: int) -> list[Token]:
    toks = []
    for m in _SYL.finditer(text, start, end):
        w = m.group()
        pos = "M" if w[0].isdigit() else "CH" if not w[0].isalnum() else "Np" if w[0].isupper() else "X"
        toks.append(Token(w, pos, m.start(), m.end()))
    return toks


def _crf_tokens(text: str, start: int, end: int) -> list[Token]:
    """underthesea's CRF segmentation and POS tags, each word located in the text."""
    from underthesea import pos_tag

    tagged: list[tuple[str, str]] = pos_tag(text[start:end])
    toks: list[Token] = []
    pos = start
    for word, tag in tagged:
        loc = _locate(text, word, pos, end)
        if loc is None:
            # underthesea normalized the word: fall back to shapes for the rest
            return toks + _shape_tokens(text, pos, end)
        a, b = loc
        toks.append(Token(text[a:b], tag, a, b))
        pos = b
    return toks


def _locate(text: str, word: str, pos: int, end: int) -> tuple[int, int] | None:
    """Where a segmented word (syllables joined by spaces) sits in the text from ``pos``."""
    parts = [re.escape(p) for p in word.split()]
    m = re.compile(r"\s*" + r"\s+".join(parts)).match(text, pos, end)
    if not m:
        return None
    return m.end() - len(m.group().lstrip()), m.end()


def ensure_tokens(article: Article, sentence: Sentence) -> list[Token]:
    """CRF tokens for a sentence (computed now if the stage gave it shape tokens only)."""
    if not sentence.tokens or all(t.pos in ("Np", "M", "CH", "X") for t in sentence.tokens):
        sentence.tokens = _crf_tokens(article.text, sentence.start, sentence.end)
    return sentence.tokens


def annotate(article: Article, settings: Settings) -> Article:
    """Fill ``article.sentences`` with sentence spans and tokens."""
    text = article.text
    sentences: list[Sentence] = []
    for a, b in split_sentences(text):
        s = Sentence(a, b)
        if _wants_crf(text[a:b]):
            s.tokens = _crf_tokens(text, a, b)
        else:
            s.tokens = _shape_tokens(text, a, b)
        sentences.append(s)
    article.sentences = sentences
    return article
