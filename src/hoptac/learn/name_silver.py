"""Silver training sequences for the name tagger, from general news labelled by precise rules.

The annotated train split is diplomacy and trade news, where a person is nearly always written
with a title and a full name. General news names people as ``anh Hùng``, ``chị Lan`` and, once
introduced, by the given name alone; the gold has few such mentions, so the tagger learned to
leave a lone given name alone. These sequences show it that kind of writing, labelled by rules
that are precise for it (labels, never a rule at extraction time):

- the rule system's own names and titles (test-split people precision ~0.97);
- a capitalized run of Vietnamese syllables right after a lower-case word of address or kinship
  (``resources/gazetteer/address.yaml``) that no lexicon explains (no place, body, title head);
- later in the same article, a capitalized word that repeats the given name (last syllable) of a
  Vietnamese full name found earlier.

Articles: ``general/`` of the shared corpus in file order, never an annotated article (train or
test split) nor a HOLDOUT file. Only the stretches the tagger reads that hold at least one silver
name, and in which every capitalized word the lexicons leave unexplained got a silver name, are
kept (a stretch with an unlabelled, perhaps missed, name would teach the model to skip it). Rule
features are left out (the labels come from the rules, so they would explain everything).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..annotate.corpus import holdout, load_split
from ..annotate.schema import corpus_root, read_text
from ..extract.gazetteer import Gazetteer, gazetteer, is_vietnamese_syllable
from .name_features import Marks, address_before, marks, segments, sentence_features, sentences

#: How many general articles feed the silver sequences (training time grows with it).
ARTICLES = 700
_NOT_NAMES = frozenset({"Tết", "Trời", "Phật", "Chúa"})


def silver_files(limit: int = ARTICLES) -> list[Path]:
    """The general articles to label: file order, no annotated nor HOLDOUT file."""
    root = corpus_root() / "general"
    if not root.is_dir():
        return []
    plan = load_split()
    annotated = {Path(p).name for p in plan["train"] + plan["test"]}
    banned = holdout()
    files = [p for p in sorted(root.glob("*.txt")) if p.name not in annotated and p.name not in banned]
    return files[:limit]


def _unexplained(m: Marks, i: int, lo: int) -> bool:
    """A capitalized word that does not open its sentence and that no lexicon accounts for."""
    t = m.toks[i]
    if not t.word[:1].isupper() or i == lo or not m.toks[i - 1].word[-1:].isalnum():
        return False
    return not (m.places[i] or m.orgs[i] or m.leaders[i] or m.heads[i] or m.bodies[i])


def silver_labels(text: str, m: Marks, g: Gazetteer) -> list[str]:
    """Per token: ``B-/I-PER`` and ``B-/I-TIT`` from the rules' marks, words of address and repeats."""
    toks = m.toks
    n = len(toks)
    out = ["O"] * n
    for i in range(n):
        if m.rt[i]:
            out[i] = ("B-" if m.rt[i] == "B" else "I-") + "TIT"
    for i in range(n):
        if m.rp[i]:
            out[i] = ("B-" if m.rp[i] == "B" else "I-") + "PER"
    low = [t.word.lower() for t in toks]
    for i in range(1, n):
        if not address_before(low, i) or toks[i - 1].word != low[i - 1] or out[i] != "O":
            continue
        j = i
        while (j < n and j - i < 4 and toks[j].word[:1].isupper() and is_vietnamese_syllable(toks[j].word)
               and not (m.places[j] or m.orgs[j] or m.heads[j] or m.bodies[j] or m.leaders[j])
               and toks[j].word not in g.function_words and toks[j].word not in _NOT_NAMES and out[j] == "O"):
            j += 1
        if j > i and not (j < n and toks[j].word[:1].isupper()):
            out[i:j] = ["B-PER"] + ["I-PER"] * (j - i - 1)
    given: set[str] = set()
    i = 0
    while i < n:
        if out[i] == "B-PER":
            j = i + 1
            while j < n and out[j] == "I-PER":
                j += 1
            words = [t.word for t in toks[i:j]]
            if j - i >= 2 and words[0] in g.surnames and all(is_vietnamese_syllable(w) for w in words):
                given.add(words[-1])
            i = j
            continue
        w = toks[i].word
        if (w in given and out[i] == "O" and not (i > 0 and toks[i - 1].word[:1].isupper())
                and not (i + 1 < n and toks[i + 1].word[:1].isupper())):
            out[i] = "B-PER"
        i += 1
    return out


def silver_sequences(limit: int = ARTICLES) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) of the silver stretches, in file order (deterministic)."""
    from .names import _rule_spans, _rules_found, _without_address

    g = gazetteer()
    out: list[tuple[list[list[str]], list[str]]] = []
    for path in silver_files(limit):
        text = unicodedata.normalize("NFC", read_text(path))
        rp, rt = _rule_spans(text, _rules_found(text))
        labels = silver_labels(text, marks(text, g, rp, rt), g)
        blind = marks(text, g, [], [])
        for lo, hi in sentences(text, blind):
            out += _kept(text, blind, lo, hi, labels, g)
            bare = _without_address(blind, lo, hi, labels)
            if bare is not None:
                out += _kept(text, bare[0], 0, len(bare[0].toks), bare[1], g)
    return out


def _kept(text: str, m: Marks, lo: int, hi: int, labels: list[str],
          g: Gazetteer) -> list[tuple[list[list[str]], list[str]]]:
    """The stretches of one sentence worth learning from: a silver name in each, no unlabelled one."""
    from .names import _RULE_FEATS

    out = []
    for a, b in segments(m, lo, hi):
        seg = labels[a:b]
        if "B-PER" not in seg or any(_unexplained(m, k, lo) and labels[k] == "O" for k in range(a, b)):
            continue
        feats = sentence_features(text, m, lo, hi, a, b, g)
        out.append(([[x for x in f if not x.startswith(_RULE_FEATS)] for f in feats], seg))
    return out
