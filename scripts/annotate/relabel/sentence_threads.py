"""Thread labels within a sentence: count the dev gold's convention against the annotations' (no relabelling followed).

``python -m hoptac.learn.thread_causes`` charged 11 of 29 extra predicted thread triples (train) to a
thread the extraction found and the annotation lacked, mostly a sentence's issue given to every act
clause of that sentence. This script counts, for the dev gold (``../shared/eval/dev``) and for the
annotations, how often a statement that shares a sentence with another statement carrying thread X
carries X too (non-``inform`` and ``inform`` statements apart, all actors and same actor), and how
often a statement whose clause refers back to an issue ("vấn đề này", "vấn đề trên") carries a thread.

The dev gold has no spans, so its statements are placed by the product's extraction of the same
articles: each gold statement is paired one-to-one with a predicted statement of the same actor
(alias-aware), best topic overlap first (the act counts as a tie-breaker, the threads not at all,
so the pairing does not favour either answer), and takes the sentence of that statement's evidence.
Unpaired gold statements are left out of the counts (their number is printed). Annotated statements
take the sentence (``hoptac.extract.nlp.split_sentences`` of the corpus file) of their cue, or of
their clause when they have no cue.

Measured (2026-12-07, main e76483c), non-``inform`` statements sharing a sentence with another statement
that carries X: dev gold 4 of 12 carry X (same actor 2 of 6; strict placement 2 of 7, same actor 2 of 4);
train annotations 33 of 45 (same actor 28 of 40). ``inform``: dev 0 of 1, train 25 of 30. The dev gold
gives a thread to a clause that is about the issue, not to every act clause of a sentence that names it
(``annotations/CONVENTIONS.md``), so no relabelling follows: the annotations already give a sentence's
thread more often than the dev gold does.

Usage (from the repository): ``.venv/bin/python scripts/annotate/relabel/sentence_threads.py``
(counts; add ``--dev`` for the dev gold, which runs the extraction on its 15 articles). Counts and labels
only; no article text is printed.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "src"))

from devgold_conventions import files  # noqa: E402  (this folder: every done annotation, second ones too)

from hoptac.annotate.schema import corpus_root, load, read_text  # noqa: E402
from hoptac.extract.nlp import split_sentences  # noqa: E402

Doc = dict[str, Any]
#: (sentence, actor key, act, threads) of one statement; sentence None when it could not be placed
Placed = tuple[int | None, str, str, list[str]]
BACK_REFS = ("vấn đề này", "vấn đề trên", "vấn đề đó", "các vấn đề này", "những vấn đề này")


def sentence_index(spans: list[tuple[int, int]], pos: int) -> int:
    """Index of the sentence holding a position (the last one starting at or before it)."""
    return max(0, bisect.bisect_right([a for a, _ in spans], pos) - 1)


def tally(placed: list[Placed], c: Counter[tuple[str, ...]]) -> None:
    """Add one article's counts: per statement and per thread X carried by another statement of its sentence."""
    for _sent, _actor, act, threads in placed:
        c["all", "inform" if act == "inform" else "non-inform", "with threads" if threads else "no thread"] += 1
    for i, (sent, actor, act, threads) in enumerate(placed):
        if sent is None:
            continue
        kind = "inform" if act == "inform" else "non-inform"
        for same_actor in (False, True):
            others = {t for j, (s2, a2, _act2, th2) in enumerate(placed)
                      if j != i and s2 == sent and (not same_actor or a2 == actor) for t in th2}
            scope = "same actor" if same_actor else "any actor"
            for x in others:
                c[kind, scope, "carries X" if x in threads else "lacks X"] += 1


def place_annotation(doc: Doc, text: str) -> list[tuple[int, Placed]]:
    """(statement index, placement) of an annotation's statements."""
    spans = split_sentences(text)
    out = []
    for k, s in enumerate(doc["statements"]):
        anchor = s.get("cue") or s.get("clause")
        sent = sentence_index(spans, anchor[0]) if anchor else None
        out.append((k, (sent, str(s.get("actor")), s["act"], list(s.get("threads") or []))))
    return out


def back_refs(clause: str, threads: list[str], c: Counter[tuple[str, ...]], act: str) -> None:
    """Count a statement whose clause refers back to an issue, with or without a thread."""
    low = unicodedata.normalize("NFC", clause).casefold()
    if any(b in low for b in BACK_REFS):
        c["back-ref", "inform" if act == "inform" else "non-inform", "thread" if threads else "none"] += 1


def measure_annotations(split: str) -> Counter[tuple[str, ...]]:
    """The sentence-thread counts of a split's first annotations (train only reads clauses for back-refs)."""
    c: Counter[tuple[str, ...]] = Counter()
    for sp, rel, path in files():
        if sp != split:
            continue
        doc, text = load(path), read_text(corpus_root() / rel)
        tally([p for _k, p in place_annotation(doc, text)], c)
        if split == "train":
            for s in doc["statements"]:
                if s.get("clause"):
                    back_refs(text[s["clause"][0]:s["clause"][1]], list(s.get("threads") or []), c, s["act"])
        c["statements"] += len(doc["statements"])
    return c


def measure_dev() -> Counter[tuple[str, ...]]:
    """The sentence-thread counts of the dev gold, its statements placed by the extraction's (see above)."""
    sys.path.insert(0, str(corpus_root().parent / "eval"))
    import score  # type: ignore[import-not-found]

    from hoptac.ingest.files import read_file
    from hoptac.pipeline import pipe
    from hoptac.settings import DEFAULT

    c: Counter[tuple[str, ...]] = Counter()
    for gold_file in sorted((corpus_root().parent / "eval" / "dev").glob("*.gold.json")):
        name = gold_file.name.removesuffix(".gold.json")
        src = next((corpus_root() / d / f"{name}.txt" for d in ("seeds", "vnus")
                    if (corpus_root() / d / f"{name}.txt").is_file()), None)
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        result = next(pipe([read_file(str(src), DEFAULT)])) if src else None
        if result is None or not result.ok:
            c["dev articles not extracted"] += 1
            continue
        art = result.article
        canon = score.Canon(gold)
        spans = split_sentences(art.text)
        cands = []
        for pi, p in enumerate(art.statements):
            pa, ptop = canon(p.actor), set(p.topics or [])
            for gi, g in enumerate(gold["statements"]):
                if pa not in {canon(g.get("actor"))} | {canon(a) for a in g.get("aliases_actor") or []}:
                    continue
                gtop = set(g.get("topics") or [])
                fit = len(ptop & gtop) / max(1, len(ptop | gtop))
                cands.append(((fit, g["act"] == p.act), pi, gi))
        pairs = {gi: pi for pi, gi in score.assign(cands).items()}
        # strict: only pairs of the same act whose topics overlap (fewer, surer placements)
        strict = {gi: pi for gi, pi in pairs.items() if art.statements[pi].act == gold["statements"][gi]["act"]
                  and set(art.statements[pi].topics or []) & set(gold["statements"][gi].get("topics") or [])}
        tally_strict: list[Placed] = []
        placed: list[Placed] = []
        for gi, g in enumerate(gold["statements"]):
            pi = pairs.get(gi)
            sent = sentence_index(spans, art.statements[pi].evidence[0]) if pi is not None else None
            placed.append((sent, canon(g.get("actor")), g["act"], list(g.get("threads") or [])))
            tally_strict.append((sent if gi in strict else None, *placed[-1][1:]))
            c["statements placed" if pi is not None else "statements not placed"] += 1
            if pi is not None:
                ev = art.statements[pi].evidence
                back_refs(art.text[ev[0]:ev[1]], list(g.get("threads") or []), c, g["act"])
        tally(placed, c)
        sc: Counter[tuple[str, ...]] = Counter()
        tally(tally_strict, sc)
        c.update({("strict", *k): v for k, v in sc.items() if k[0] != "all"})
        c["statements placed strictly"] += len(strict)
    return c


def main() -> int:
    """Print the counts (JSON lines)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", action="store_true", help="count the dev gold too (runs the extraction)")
    args = ap.parse_args()

    def show(label: str, c: Counter[tuple[str, ...]]) -> None:
        print(json.dumps({label: {" / ".join(k) if isinstance(k, tuple) else k: v for k, v in sorted(c.items(), key=str)}},
                         ensure_ascii=False))

    show("train", measure_annotations("train"))
    if args.dev:
        show("dev", measure_dev())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
