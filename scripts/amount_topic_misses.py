"""Where amounts and article topics are lost or added on the train split, by cause, as counts.

Amounts are scored as :mod:`hoptac.learn.evaluate` scores them (kind, unit and value). Topics are
replayed as the shipped ``topics`` decision would decide them on unseen articles: each article by
a model fit on the other folds (5-fold, as the event and statement replays), with the shipped
``use``, ``keep`` and ``add``. Counts only: no article text is printed (with ``--words``, the unit
words of an amount cause and the taxonomy words that matched a topic: lexicon words, not sentences).

Causes of a missed amount, first that applies: ``found with another kind, unit or value`` (an
amount of the system overlaps the gold span), ``number written in words``, ``no amount there``.
Causes of an extra amount: ``overlaps an optional or other gold amount`` (told otherwise), ``year``,
``duration``, ``count of a word no counted noun`` (the unit is not in ``count_units``), ``count``,
``money`` or ``percent``, each split by the corpus the article comes from (``vnus``, ``general``).

Causes of a wrong topic (an extra): ``model added`` (the rules left it), else the rules' evidence:
``only generic words``, ``only in lists of fields``, ``score at the threshold`` (below 4), ``score
4+``; of a missed topic: ``never mentioned``, ``mentioned, dropped by the rules`` (below the
threshold, in one list, too sparse for the length) or ``dropped by the model``; each by corpus.

Usage: ``python scripts/amount_topic_misses.py [--words] [--only amounts|topics]`` (a few minutes).
"""

from __future__ import annotations

import collections
import sys
from typing import Any

from hoptac.annotate.corpus import iter_docs
from hoptac.extract.numbers import units
from hoptac.extract.textmap import fold
from hoptac.extract.topics import find_matches, load_taxonomy, topic_evidence
from hoptac.learn import load_model
from hoptac.learn.evaluate import _same_amount, extract, gold_of, overlaps, raw_span
from hoptac.learn.features import compile_model
from hoptac.learn.modes import using
from hoptac.learn.topics import ADD, KEEP, NAME, YES, context, features, fit
from hoptac.settings import DEFAULT

FOLDS = 5


def _prf(tp: int, fp: int, fn: int) -> str:
    return (f"tp {tp} fp {fp} fn {fn}, P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f} "
            f"F1 {2 * tp / max(1, 2 * tp + fp + fn):.3f}")


def _corpus(path: str) -> str:
    return path.split("/")[0]


def _amount_causes(doc: Any, art: Any, gold: dict[str, Any], counts: collections.Counter[str],
                   said: dict[str, collections.Counter[str]]) -> tuple[int, int, int]:
    """Add one article's missed and extra amounts to ``counts``; its tp, fp, fn."""
    gam = gold["amounts"]
    spans = [am["span"] for am in doc.annotation.get("amounts", [])]
    used: set[int] = set()
    tp = fp = 0
    where = _corpus(doc.path)
    for am in art.amounts:
        p = am.to_dict()
        hit = next((i for i, g in enumerate(gam) if i not in used and _same_amount(g, p)), None)
        if hit is not None:
            used.add(hit)
            tp += not gam[hit].get("optional")
            continue
        if any(_same_amount(g, p) for g in gam):
            continue
        fp += 1
        span = raw_span(art, am.evidence)
        if any(overlaps(span, tuple(s)) for s in spans):
            why = "extra: told otherwise than an overlapping gold amount"
        elif am.kind == "count" and not (am.unit and units().count_units_re.fullmatch(am.unit)):
            why = "extra: count of a word no counted noun"
        else:
            why = f"extra: {am.kind}"
        key = f"{why} ({where})"
        counts[key] += 1
        said[key][f"{am.unit}"] += 1
    fn = 0
    for i, g in enumerate(gam):
        if i in used or g.get("optional"):
            continue
        fn += 1
        sp = tuple(spans[i])
        if any(overlaps(raw_span(art, x.evidence), sp) for x in art.amounts):
            why = "miss: found with another kind, unit or value"
        elif not any(c.isdigit() for c in g["text"]):
            why = "miss: number written in words"
        else:
            why = "miss: no amount there"
        key = f"{why} ({where})"
        counts[key] += 1
        said[key][f"{g['kind']}:{g['unit']}"] += 1
    return tp, fp, fn


def _topic_words(art: Any) -> dict[str, collections.Counter[str]]:
    """The taxonomy words that matched each topic in the article (folded, lower case)."""
    tax = load_taxonomy(DEFAULT)
    out: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for id_, a, b in find_matches(fold(art.text), art.text, tax.topics):
        out[id_][" ".join(art.text[a:b].lower().split())] += 1
    return out


def _topic_cause(t: str, ev: Any, kept: bool) -> str:
    if not ev.kept:
        return "model added"
    if ev.weak == ev.mentions:
        return "rules: only generic words"
    if not ev.strong:
        return "rules: only in lists of fields"
    return "rules: score at the threshold" if ev.score < 4 else "rules: score 4+"


def main(words: bool = False, only: str | None = None) -> int:
    """Print the counts."""
    shipped = load_model(NAME) or {}
    use, keep, add = shipped.get("use", "both"), float(shipped.get("keep", KEEP)), float(shipped.get("add", ADD))
    counts: collections.Counter[str] = collections.Counter()
    said: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    cases = []
    atp = afp = afn = 0
    with using(NAME, "rules"):
        for doc in iter_docs(split="train"):
            art = extract(doc)
            if art is None or art.raw != doc.text:
                continue
            gold = gold_of(doc)
            if only != "topics":
                tp, fp, fn = _amount_causes(doc, art, gold, counts, said)
                atp, afp, afn = atp + tp, afp + fp, afn + fn
            if only != "amounts":
                evidence = topic_evidence(art, DEFAULT)
                about = context(art)
                rows = {t: features(t, evidence[t], evidence, about) for t in sorted(evidence)}
                cases.append((doc, gold["topics"], evidence, rows, _topic_words(art) if words else {}))
    if only != "topics":
        print(f"amounts, train split: {_prf(atp, afp, afn)}")
    ttp = tfp = tfn = 0
    for k in range(FOLDS):
        fit_on = [c for i, c in enumerate(cases) if i % FOLDS != k]
        model = compile_model(fit([r for c in fit_on for r in c[3].values()],
                                  [YES if t in c[1] else "none" for c in fit_on for t in c[3]]))
        for doc, gold, evidence, rows, matched in cases[k::FOLDS]:
            where = _corpus(doc.path)
            chosen = set()
            for t, ev in evidence.items():
                p = model.prob(rows[t], YES) if use != "rules" else 0.0
                if (ev.kept and (use in ("rules", "both") or p >= keep)) or (not ev.kept and use != "rules" and p >= add):
                    chosen.add(t)
            ttp += len(chosen & gold)
            for t in sorted(chosen - gold):
                tfp += 1
                key = f"topic extra: {_topic_cause(t, evidence[t], True)} ({where})"
                counts[key] += 1
                said[key][t] += 1
                said[key + " words"].update(matched.get(t, {}))
            for t in sorted(gold - chosen):
                tfn += 1
                ev = evidence.get(t)
                why = "never mentioned" if ev is None else "dropped by the model" if ev.kept else "mentioned, dropped by the rules"
                key = f"topic miss: {why} ({where})"
                counts[key] += 1
                said[key][t] += 1
    if only != "amounts":
        print(f"topics, train split, {FOLDS}-fold replay of '{use}': {_prf(ttp, tfp, tfn)}")
    for key, n in sorted(counts.items()):
        print(f"{n:5d}  {key}")
        if words:
            print("        " + ", ".join(f"{w} {c}" for w, c in said[key].most_common(14)))
            if key + " words" in said:
                print("        words: " + ", ".join(f"{w} {c}" for w, c in said[key + " words"].most_common(20)))
    return 0


if __name__ == "__main__":
    sys.setrecursionlimit(100000)
    args = sys.argv[1:]
    raise SystemExit(main("--words" in args, args[args.index("--only") + 1] if "--only" in args else None))
