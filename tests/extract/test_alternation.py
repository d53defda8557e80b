"""A trie alternation matches what the alternation of its phrases ordered longest first matches,
whatever follows it in the pattern (the acts tables moved from the one to the other)."""

from __future__ import annotations

import random
import re

from hoptac.extract.gazetteer import alternation

WORDS = ["cam", "kết", "cam kết", "khẳng", "định", "tái", "ủng", "hộ", "a", "ab", "b"]
BLANKS = r"\s+"
TAILS = [r"(?!\w)", r"\s+$", r"\s+(?:\S+\s+){0,2}$", r"\s+(?:và|cùng)\s+", ""]


def _ordered(phrases: list[str]) -> str:
    parts = sorted({w.strip() for w in phrases if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in parts)


def test_trie_matches_as_the_longest_first_alternation() -> None:
    rng = random.Random(17)
    for _ in range(300):
        phrases = [" ".join(rng.choices(WORDS, k=rng.randrange(1, 4))) for _ in range(rng.randrange(1, 8))]
        tail = rng.choice(TAILS)
        body = alternation(phrases, space=BLANKS)
        trie = re.compile(rf"(?<!\w)(?:{body}){tail}")
        plain = re.compile(rf"(?<!\w)(?:{_ordered(phrases)}){tail}")
        for _ in range(20):
            text = "".join(rng.choice(WORDS) + rng.choice([" ", "  ", "\n", ", ", " và ", ""])
                           for _ in range(rng.randrange(1, 12)))
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
            pos = rng.randrange(0, len(text) + 1)
            got, want = trie.search(text, pos), plain.search(text, pos)
            assert (got and got.span()) == (want and want.span())
