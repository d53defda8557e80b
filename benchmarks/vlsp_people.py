"""People (PER) on the VLSP 2016 NER test set: hoptac beside underthesea's stock ``ner()``.

``../shared/corpus/ner/vlsp2016/test.txt`` is research-use data, read here as a test only (never
trained or tuned on). Each sentence's text is rebuilt from its words (syllables of a word joined by
a space, no space before closing punctuation or after opening punctuation), and both systems read
the same text, one sentence at a time. A person is scored by its exact character span: hoptac's
name mentions (people stage, honorific stripped; a title standing alone for a person is not a
name), underthesea's ``B-PER``/``I-PER`` words. Prints precision, recall, F1 and time for both.

    .venv/bin/python benchmarks/vlsp_people.py [--limit N] [--json] [--rules] [--details]

``--rules`` turns the learned tagger off (``HOPTAC_NAMES=rules``) to show the rules alone.
``--details`` adds counts of error categories (kinds of names missed, what wrong spans cover):
aggregate counts only, to see which kind of name a general mechanism misses, never a list of names.
This is a benchmark, run on demand, never a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "ner" / "vlsp2016" / "test.txt"
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%”’…")
_NO_SPACE_AFTER = frozenset("([{“‘")

Span = tuple[int, int]


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences as (word, NER tag) lists."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        cols = line.split("\t")
        cur.append((cols[0].replace("_", " "), cols[-1]))
    if cur:
        sents.append(cur)
    return sents


def rebuild(words: list[tuple[str, str]]) -> tuple[str, set[Span]]:
    """The sentence text and its gold PER spans."""
    text, ents = rebuild_all(words)
    return text, ents.get("PER", set())


def rebuild_all(words: list[tuple[str, str]]) -> tuple[str, dict[str, set[Span]]]:
    """The sentence text and its gold entity spans by type (PER, LOC, ORG, MISC)."""
    text = ""
    ents: dict[str, set[Span]] = {}
    cur: list[int] | None = None
    kind = ""
    prev = ""
    for word, tag in words:
        if text and not (word[:1] in _NO_SPACE_BEFORE or prev[-1:] in _NO_SPACE_AFTER):
            text += " "
        a = len(text)
        text += word
        b = len(text)
        prev = word
        bio, _, typ = tag.partition("-")
        if bio == "I" and cur is not None and typ == kind:
            cur[1] = b
            continue
        if cur:
            ents.setdefault(kind, set()).add((cur[0], cur[1]))
        cur, kind = ([a, b], typ) if bio in ("B", "I") else (None, "")
    if cur:
        ents.setdefault(kind, set()).add((cur[0], cur[1]))
    return text, ents


def hoptac_people(text: str) -> set[Span]:
    """hoptac's person-name spans in one sentence (the people stage on the NFC text)."""
    from hoptac.extract.gazetteer import gazetteer
    from hoptac.extract.people import find_people
    from hoptac.learn.name_decisions import name_part

    found = find_people(text, gazetteer())
    return {name_part(text, m) for f in found for m in f.mentions if m not in f.bare}


def underthesea_people(text: str) -> set[Span]:
    """underthesea ``ner()``'s PER spans, its words located in the text."""
    from underthesea import ner

    out: set[Span] = set()
    pos = 0
    cur: list[int] | None = None
    for item in ner(text):
        word, tag = item[0], item[-1]
        k = text.find(word, pos)
        if k < 0:
            continue
        a, b = k, k + len(word)
        pos = b
        if tag == "B-PER" or (tag == "I-PER" and cur is None):
            if cur:
                out.add((cur[0], cur[1]))
            cur = [a, b]
        elif tag == "I-PER" and cur is not None:
            cur[1] = b
        else:
            if cur:
                out.add((cur[0], cur[1]))
            cur = None
    if cur:
        out.add((cur[0], cur[1]))
    return out


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall, F1."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def run(system, sents: list[tuple[str, set[Span]]]) -> dict[str, float]:
    """Score one system over the sentences, with its wall time."""
    system(sents[0][0])  # load models outside the timing
    tp = fp = fn = 0
    t0 = time.perf_counter()
    for text, gold in sents:
        pred = system(text)
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    out: dict[str, float] = prf(tp, fp, fn)
    out["seconds"] = round(time.perf_counter() - t0, 2)
    out["gold"] = tp + fn
    return out


def _context(text: str, a: int) -> str:
    """What stands before a span: sentence start, a word of address, another word, punctuation."""
    from hoptac.learn.name_features import address_words

    before = text[:a].rstrip()
    if not before:
        return "sentence_start"
    word = before.split()[-1]
    if not word[-1:].isalnum():
        return "after_punct"
    if word.lower() in address_words():
        return "after_address"
    return "after_capital" if word[:1].isupper() else "after_lower"


def _kind(text: str, span: Span) -> str:
    from hoptac.extract.gazetteer import is_vietnamese_syllable

    words = text[span[0]:span[1]].split()
    n = "1w" if len(words) == 1 else "2w" if len(words) == 2 else "3w+"
    vn = "vn" if all(is_vietnamese_syllable(w) for w in words) else "foreign"
    return f"{n}_{vn}"


def details(system, sents: list[tuple[str, dict[str, set[Span]]]]) -> dict[str, dict[str, dict[str, int]]]:
    """Error categories: gold people by kind and context (found, wrong boundary, missed) and wrong
    spans by what they cover (a gold person with other bounds, a place, an organization, nothing)."""
    gold_by: dict[str, dict[str, int]] = {}
    wrong: dict[str, dict[str, int]] = {}

    def bump(table: dict[str, dict[str, int]], row: str, col: str) -> None:
        table.setdefault(row, {}).setdefault(col, 0)
        table[row][col] += 1

    for text, ents in sents:
        pred = system(text)
        gold = ents.get("PER", set())
        for g in gold:
            status = "found" if g in pred else "boundary" if any(
                a < g[1] and g[0] < b for a, b in pred) else "missed"
            for row in ("kind=" + _kind(text, g), "context=" + _context(text, g[0])):
                bump(gold_by, row, status)
        for p in pred - gold:
            cover = "none"
            for typ in ("PER", "LOC", "ORG", "MISC"):
                if any(a < p[1] and p[0] < b for a, b in ents.get(typ, ())):
                    cover = typ
                    break
            bump(wrong, "covers=" + cover, _kind(text, p))
            bump(wrong, "context=" + _context(text, p[0]), cover)
    return {"gold_people": gold_by, "wrong_spans": wrong}


def _print_table(title: str, table: dict[str, dict[str, int]]) -> None:
    cols = sorted({c for row in table.values() for c in row})
    print(f"  {title}")
    print("    " + " " * 26 + "".join(f"{c:>12s}" for c in cols))
    for row in sorted(table):
        print(f"    {row:26s}" + "".join(f"{table[row].get(c, 0):12d}" for c in cols))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences (0: all)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--rules", action="store_true", help="hoptac without the learned tagger")
    ap.add_argument("--no-underthesea", action="store_true", help="skip the underthesea baseline")
    ap.add_argument("--details", action="store_true", help="counts of error categories")
    args = ap.parse_args()
    path = Path(args.path)
    if not path.is_file():
        print(f"no VLSP test file at {path}", file=sys.stderr)
        return 1
    if args.rules:
        os.environ["HOPTAC_NAMES"] = "rules"
    full = [rebuild_all(s) for s in read_conll(path)]
    if args.limit:
        full = full[: args.limit]
    sents = [(text, ents.get("PER", set())) for text, ents in full]
    report: dict = {"sentences": len(sents), "hoptac": run(hoptac_people, sents)}
    if not args.no_underthesea:
        report["underthesea"] = run(underthesea_people, sents)
    if args.details:
        report["details"] = {"hoptac": details(hoptac_people, full)}
        if not args.no_underthesea:
            report["details"]["underthesea"] = details(underthesea_people, full)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(f"VLSP 2016 test, PER, {len(sents)} sentences, {report['hoptac']['gold']} gold people")
    for name in ("hoptac", "underthesea"):
        if name in report:
            r = report[name]
            print(f"  {name:12s} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  {r['seconds']:.1f} s")
    for name, d in report.get("details", {}).items():
        print(f"{name}:")
        _print_table("gold people (found / wrong boundary / missed)", d["gold_people"])
        _print_table("wrong spans (what they cover)", d["wrong_spans"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
