"""Where organizations are lost on the train split: every required gold organization the product
misses, and every extra it names, by cause, as counts.

The product runs as shipped (the learned decisions ``org_bare`` and ``org_ends`` with their shipped
models: both were fit on these articles, but together they move a handful of the ~960 names; the
rules make the rest). Matching is the evaluator's (:func:`hoptac.learn.evaluate._named`): a predicted
organization is right when its name or an alias is the gold name or one of its mention strings.
Counts only (with ``--names``: the organization names of each cause, which are annotation facts,
never sentences).

Causes of a miss, first that applies:

- ``same span, other name``: a predicted organization has a mention on a gold mention's exact span
  but is named otherwise (merged into another organization, or canonicalized away);
- ``cut short`` / ``ran on`` / ``shifted``: a predicted mention overlaps a gold mention, inside it,
  around it, or across its edge;
- ``not found (SHAPE)``: no predicted mention touches it; SHAPE says what the gold mention looks like
  (a numbered unit, a lower-case head, a name with ``của``, an acronym, a country abbreviation, a bare
  foreign name...), the first of :func:`shape` that applies.

Causes of an extra: ``overlaps a gold organization`` (a boundary error the miss side also counts),
``overlaps a gold person``, else ``no gold there`` by its kind.

Usage: ``python scripts/org_misses.py [--names]`` (about two minutes).
"""

from __future__ import annotations

import collections
import re
import sys

from hoptac.annotate.corpus import iter_docs
from hoptac.extract.gazetteer import gazetteer, is_vietnamese_syllable
from hoptac.learn.evaluate import extract, norm, overlaps, raw_span

_DIGIT = re.compile(r"\d")
_ABBREV = re.compile(r"\b(?:VN|HK|TQ|LHQ|TP\.?|Tp\.?)\b")


def shape(text: str) -> str:
    """What a missed mention looks like, first that applies."""
    words = text.split()
    g = gazetteer()
    if _DIGIT.search(text):
        return "numbered"
    if " của " in f" {text} ":
        return "with của"
    if _ABBREV.search(text):
        return "abbreviation inside"
    if len(words) == 1 and text.isupper():
        return "acronym"
    if words and words[0][0].islower():
        return "lower-case head"
    if all(not is_vietnamese_syllable(re.sub(r"\W", "", w).lower()) for w in words if re.sub(r"\W", "", w)):
        return "foreign name"
    if any(w[0].islower() for w in words[1:] if w[0].isalpha()):
        return "sentence case"
    if g.places.fullmatch(text):
        return "a place's name"
    return "capitalized, Vietnamese"


def main(names: bool = False) -> int:
    """Print the counts."""
    counts: collections.Counter[str] = collections.Counter()
    said: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    tp = fp = fn = 0
    for doc in iter_docs(split="train"):
        art = extract(doc)
        if art is None or art.raw != doc.text:
            continue
        ann = doc.annotation
        gold = []
        for it in ann.get("organizations", []):
            keys = {norm(it.get("name"))} | {norm(doc.quote(m)) for m in it.get("mentions") or []}
            keys.discard("")
            gold.append((it, keys, [tuple(m) for m in it.get("mentions") or []]))
        person_spans = [tuple(m) for p in ann.get("people", []) for m in p.get("mentions") or []]
        preds = []
        for o in art.organizations:
            spans = [s for s in (raw_span(art, m) for m in o.mentions) if s]
            preds.append((o, {norm(o.name)} | {norm(x) for x in o.aliases}, spans))
        used: set[int] = set()
        for o, keys, spans in preds:
            hit = next((i for i, (_g, k, _m) in enumerate(gold) if i not in used and keys & k), None)
            if hit is None:
                if any(keys & k for _g, k, _m in gold):
                    continue
                fp += 1
                if any(overlaps(s, m) for s in spans for _g, _k, ms in gold for m in ms):
                    why = "extra: overlaps a gold organization"
                elif any(overlaps(s, m) for s in spans for m in person_spans):
                    why = "extra: overlaps a gold person"
                else:
                    why = f"extra: no gold there ({o.kind})"
                counts[why] += 1
                said[why][o.name] += 1
                continue
            used.add(hit)
            tp += not gold[hit][0].get("optional")
        for i, (it, _keys, ms) in enumerate(gold):
            if i in used or it.get("optional"):
                continue
            fn += 1
            pspans = [(o, s) for o, _k, ss in preds for s in ss]
            if any(s == m for _o, s in pspans for m in ms):
                why = "miss: same span, other name"
            elif any(s[0] >= m[0] and s[1] <= m[1] and overlaps(s, m) for _o, s in pspans for m in ms):
                why = "miss: cut short"
            elif any(s[0] <= m[0] and s[1] >= m[1] for _o, s in pspans for m in ms):
                why = "miss: ran on"
            elif any(overlaps(s, m) for _o, s in pspans for m in ms):
                why = "miss: shifted"
            else:
                why = f"miss: not found ({shape(doc.quote(list(ms[0])) if ms else it.get('name', ''))})"
            counts[why] += 1
            said[why][str(it.get("name"))] += 1
    print(f"train split, shipped decisions: tp {tp} fp {fp} fn {fn}, P {tp / max(1, tp + fp):.3f} "
          f"R {tp / max(1, tp + fn):.3f} F1 {2 * tp / max(1, 2 * tp + fp + fn):.3f}")
    for key, n in sorted(counts.items()):
        print(f"{n:5d}  {key}")
        if names:
            print("        " + "; ".join(f"{w} {c}" if c > 1 else w for w, c in said[key].most_common(40)))
    return 0


if __name__ == "__main__":
    sys.setrecursionlimit(100000)
    raise SystemExit(main("--names" in sys.argv))
