"""The indexes that keep long texts near-linear answer as the scans they replace.

``clauses.dedupe`` pairs only statements sharing one of their rarest words; ``PeopleIndex``
finds the people a name may match by key. Each is checked here against the all-pairs or
all-people scan, over random inputs made to hit the edges (repeats, near misses, misspellings).
"""

from __future__ import annotations

import random

import pytest

from hoptac.extract import clauses
from hoptac.extract.clauses import dedupe, repeat
from hoptac.extract.name_fit import _one_letter_apart
from hoptac.extract.people import Found
from hoptac.extract.people_index import PeopleIndex
from hoptac.extract.textmap import fold
from hoptac.model import Statement


def _dedupe_all_pairs(statements: list[Statement], people: set[str]) -> list[Statement]:
    """``dedupe`` as it was: every pair of one act and side compared (``repeat`` decides a pair)."""
    words = [set(fold(s.text).text.split()) for s in statements]
    drop: set[int] = set()
    for i in range(len(statements)):
        for j in range(i + 1, len(statements)):
            si, sj = statements[i], statements[j]
            if (si.act, si.side) != (sj.act, sj.side) or i in drop or j in drop:
                continue
            gone = repeat(statements, words, people, i, j)
            if gone is not None:
                drop.add(gone)
    return [s for k, s in enumerate(statements) if k not in drop]


@pytest.mark.parametrize("small", [0, clauses._ALL_PAIRS])
def test_dedupe_keeps_what_all_pairs_keep(small: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The prefix filter (every group through it: ``small`` 0) and the shipped mix (small groups
    paired in full) keep what comparing every pair keeps."""
    monkeypatch.setattr(clauses, "_ALL_PAIRS", small)
    rng = random.Random(14)
    vocab = [f"từ{k}" for k in range(40)] + ["và", "của", "Việt", "Mỹ"]
    for _ in range(200):
        base = [rng.sample(vocab, rng.randint(1, 14)) for _ in range(rng.randint(1, 6))]
        statements = []
        for k in range(rng.randint(2, 30)):
            words = list(rng.choice(base))
            for _ in range(rng.randint(0, 3)):  # edits: a word dropped, added or replaced
                op = rng.random()
                if op < 0.3 and len(words) > 1:
                    words.pop(rng.randrange(len(words)))
                elif op < 0.6:
                    words.append(rng.choice(vocab))
                else:
                    words[rng.randrange(len(words))] = rng.choice(vocab)
            statements.append(Statement(actor=rng.choice(["Ông A", "Bộ B", "Ông C"]), act=rng.choice(["ask", "agree"]),
                                        text=" ".join(words), evidence=(k, k + 1), side=rng.choice(["VN", "US"])))
        people = {"Ông A", "Ông C"}
        assert dedupe(statements, people) == _dedupe_all_pairs(statements, people)


def test_index_finds_every_person_a_scan_finds() -> None:
    rng = random.Random(7)
    surnames = ["Kritenbrink", "Kritenbrinc", "Kritenbrin", "Kritenbrinks", "Knapper", "Blinken", "Bliken",
                "Ross", "Rosss", "Harris", "Haris"]
    firsts = ["Daniel", "Marc", "Antony", "Wilbur", "Kamala", "D."]
    order: dict[int, int] = {}
    index = PeopleIndex(order)
    found: list[Found] = []
    for _ in range(300):
        if found and rng.random() < 0.5:  # a known person gets another name: their keys may move
            f = rng.choice(found)
            f.names.append(f"{rng.choice(firsts)} {rng.choice(['J.', 'H.', ''])} {rng.choice(surnames)}".replace("  ", " "))
        else:
            name = rng.choice(surnames) if rng.random() < 0.4 else f"{rng.choice(firsts)} {rng.choice(surnames)}"
            f = Found(names=[name], kind=rng.choice(["foreign", "foreign", "vn"]))
            order[id(f)] = len(found)
            found.append(f)
        index.update(f)
        for last in [*surnames, "Kriten", "Blinkenx"]:
            scan = [p for p in found if p.kind == "foreign" and (
                p.surname_key() == last or _one_letter_apart(p.surname_key(), last))]
            got = [p for p in index.near_surname(last) if p.kind == "foreign" and (
                p.surname_key() == last or _one_letter_apart(p.surname_key(), last))]
            assert [id(p) for p in got] == [id(p) for p in scan]
        for first in firsts:
            scan = [p for p in found if p.kind == "foreign" and len(p.name.split()) > 1 and p.name.split()[0] == first]
            assert [id(p) for p in index.under("first", first) if p.name.split()[0] == first] == [id(p) for p in scan]


def test_inside_other_as_every_longer_name() -> None:
    from hoptac.extract.org_grammar import OF as _OF
    from hoptac.extract.org_grammar import inside_other as _inside_other
    from hoptac.extract.spans import Reach
    from hoptac.extract.spans import occurrences as _occurrences

    rng = random.Random(3)
    for _ in range(100):
        text = "".join(rng.choice(["ab ", " của ", "x", " của của ", "Bộ "]) for _ in range(40))
        outer = [(a, a + rng.randint(0, 40)) for a in (rng.randrange(len(text)) for _ in range(rng.randint(0, 12)))]
        reach, owned = Reach(outer), _occurrences(text, _OF)
        for _ in range(30):
            a0 = rng.randrange(len(text))
            b0 = a0 + rng.randint(0, 10)
            scan = any(a < a0 and b0 <= b and _OF not in text[a:a0] for a, b in outer)
            assert _inside_other(a0, b0, reach, owned) == scan


def test_acronym_runs_as_the_pattern() -> None:
    import re

    from hoptac.extract.spans import word_runs as _runs_named

    rng = random.Random(5)
    for _ in range(100):
        text = "".join(rng.choice(["VNG", "AT&T", " ", "x", "-", "Đ", "&", ".", "VN", "G", "\n"]) for _ in range(60))
        names = {"VNG", "AT&T", "VN", "G", "T"}
        runs = _runs_named(text, names)
        for token in names:
            pattern = [m.span() for m in re.finditer(rf"(?<![\w&]){re.escape(token)}(?![\w&])", text)]
            assert runs.get(token, []) == pattern
