"""Features of the statement decision (:mod:`hoptac.learn.statements`) that read whether a
candidate is one side's act toward the other: the guide (annotations/GUIDE.md) makes acts toward a
third country only, and the domestic statements of general news, no statements, and a rule that
reads only the cue cannot tell them from a call on the other side."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache

# the features read slices composed (NFC): a decomposed text would split words into letters and marks
from ..clean.normalize import nfc
from ..extract.acts import cues
from ..extract.fastre import bounded
from ..extract.gazetteer import alternation
from ..model import Article, Statement
from .features import bucket


@cache
def _third_re() -> re.Pattern[str]:
    """The names of the gazetteer's third countries (side ``OTHER``), as written: matched in the
    text's case (``Anh``, ``Pháp``, ``Ý`` are also common words in lower case)."""
    from ..extract.gazetteer import gazetteer

    third = [n for n, side in gazetteer().countries.items() if side == "OTHER"]
    return bounded(r"(?<!\w)(?:" + alternation(third, space=r"\s+") + r")(?!\w)")


@lru_cache(maxsize=8)
def composer(text: str) -> Callable[[str], str]:
    """What composes a slice of ``text`` (NFC): :func:`nfc` where the text is not composed itself,
    else nothing to do (``str`` gives the slice back): a slice of a composed text is composed (a
    character and the marks it composes with never stand apart in it), and the decisions' features
    read about ten slices per candidate."""
    return str if unicodedata.is_normalized("NFC", text) else nfc


@lru_cache(maxsize=4)
def _named_counts(text: str) -> dict[str, int]:
    """How often an article's text names each side's country (``OTHER``: the third countries)."""
    text = nfc(text)
    low = text.lower()
    table = cues()
    # counted through finditer: ``findall`` is the plain pattern's, which tries its opening
    # assertion at every position (:mod:`hoptac.extract.fastre`); the same matches
    return {"VN": _count(table.country_res["VN"], low), "US": _count(table.country_res["US"], low),
            "OTHER": _count(_third_re(), text)}


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def article_parties(article: Article) -> dict[str, tuple[str, ...]]:
    """By side: the lower-cased names (and aliases) of the article's people and organizations of
    that side. Read once per article's cast (every candidate of an article asks for it)."""
    return _parties_of(tuple((item.side, item.name, tuple(item.aliases))
                             for item in (*article.people, *article.organizations)))


@lru_cache(maxsize=8)
def _parties_of(cast: tuple[tuple[str | None, str, tuple[str, ...]], ...]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {"VN": [], "US": [], "OTHER": []}
    for side, name, aliases in cast:
        if side in out:
            out[side] += [nfc(n).lower() for n in (name, *aliases) if len(n) > 2]
    return {k: tuple(v) for k, v in out.items()}


def relevance(article: Article, st: Statement, clause: str,
              parties: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """Whether the candidate is one side's act toward the other (annotations/GUIDE.md: acts toward
    a third country only, and domestic statements of general news, are none): how often the article
    names the other side's country (a story on another country's affairs seldom does), whether the
    words right after the cue (the addressee's place) name the other side, a party of the other side
    (a person or organization the article gives that side), a third country or the speaker's own
    side, and whether the clause names a third country. ``parties``: the article's
    :func:`article_parties` (read once for all its candidates by the caller; read here without it)."""
    table = cues()
    low = clause.lower()
    other = {"VN": "US", "US": "VN"}.get(st.side or "")
    raw_after = (composer(article.text)(article.text[st.cue[1]:st.cue[1] + 60]) if st.cue is not None
                 else clause[:60])
    own_re, other_re = table.country_res.get(st.side or ""), table.country_res.get(other or "")
    counts = _named_counts(article.text)
    row = [f"art_other:{bucket(counts[other], (0, 1, 3, 8)) if other else 'none'}",
           f"art_third:{bucket(counts['OTHER'], (0, 2, 6))}"]
    raw_after = " ".join(raw_after.split()[:7])
    after = raw_after.lower()
    parties = parties if parties is not None else article_parties(article)
    def names_in(text: str, side: str | None) -> bool:
        if side is not None:
            for n in parties.get(side, ()):  # (a loop, not ``any`` over a generator: asked 20 times a candidate)
                if n in text:
                    return True
        return False
    to = ("other" if (other_re is not None and other_re.search(after)) or names_in(after, other)
          else "both" if table.both_re.search(after)
          else "third" if _third_re().search(raw_after) or names_in(after, "OTHER")
          else "own" if (own_re is not None and own_re.search(after)) or names_in(after, st.side)
          else "none")
    third = bool(_third_re().search(clause))
    party = names_in(low, other)
    row += [f"after:{to}", f"rule_after:{st.act}_{to}", f"third_clause:{third}", f"other_party:{party}",
            f"rel:{to}_{third}_{party}"]
    return row
