"""Where statements are lost on the train split: every required gold statement (not ``inform``) that
the statement decision misses, and every extra, by cause, as counts.

The decision is replayed as the 5-fold cross-validation of :mod:`hoptac.learn.statement_cv` does
(each article decided by a model fit on the other folds, with the shipped thresholds), not with the
shipped model: that model was fit on these articles and scores them far above what it does on
articles it has not seen (train split 0.86 in-sample against about 0.6 cross-validated and 0.51 on
the test split). Counts only: no article text is printed.

Causes of a miss, first that applies:

- ``no candidate``: no rule statement and no candidate the rules left overlaps the gold cue or
  clause; split by whether the gold cue is in the rules' lexicon (``acts``/``decisions``), only in
  the candidates' lexicon (``candidate_cues``), or in neither;
- ``wrong actor``: candidates overlap it, none of an actor the gold statement credits;
- ``kept, paired with another gold statement``: a kept candidate of the right actor overlaps it, but
  the evaluator paired that candidate with another gold statement (one clause, two statements);
- ``kept, wrong act``: a kept candidate of the right actor overlaps it with another act;
- ``dropped by the decision``: a candidate of the right actor (and act, or with another act)
  overlaps it and the decision dropped it.

Usage: ``python scripts/statement_misses.py`` (about two minutes).
"""

from __future__ import annotations

import collections
import sys

from hoptac.extract.acts import cues
from hoptac.learn import load_model
from hoptac.learn.evaluate import Canon, match_statements, overlaps, raw_span
from hoptac.learn.features import compile_model
from hoptac.learn.statement_cv import FOLDS, replay
from hoptac.learn.statements import NAME, by_article, fit, thresholds


def miss_cause(case, g, kept, canon) -> str:  # type: ignore[no-untyped-def]
    """The cause of one missed gold statement ``g`` (see the module's docstring)."""
    art, table = case.article, cues()
    over = [st for st in case.rules + case.others
            if overlaps(raw_span(art, st.evidence), g["clause"]) or overlaps(raw_span(art, st.evidence), g["cue"])
            or (st.cue is not None and overlaps(raw_span(art, st.cue), g["cue"]))]
    if not over:
        cue = " ".join(art.raw[g["cue"][0]:g["cue"][1]].lower().split())
        where = ("in the rules' lexicon" if cue in table.act_of
                 else "only in the candidates' lexicon" if cue in table.wide_act else "in no lexicon")
        return f"no candidate (cue {where})"
    right = [st for st in over if canon(st.actor) in g["actor"]]
    if not right:
        return "wrong actor"
    outcome = [kept[key] for key in ((st.evidence, st.cue, st.actor) for st in right) if key in kept]
    if any(paired for _act, paired in outcome):
        return "kept, paired with another gold statement"
    if outcome:
        return f"kept, wrong act ({sorted(act for act, _p in outcome)[0]} for {g['act']})"
    origin = "a rule statement" if any(not st.origin for st in right) else "a candidate the rules left"
    same = any(st.act == g["act"] for st in right)
    return f"dropped by the decision ({origin}{'' if same else ', another act'})"


def extra_cause(art, st, gold, canon) -> str:  # type: ignore[no-untyped-def]
    """The cause of one extra (a kept statement paired with no gold statement)."""
    span = raw_span(art, st.evidence)
    cue = raw_span(art, st.cue) if st.cue is not None else None
    over = [g for g in gold["statements"] if overlaps(span, g["clause"]) or overlaps(cue, g["cue"])]
    origin = "rule" if not st.origin else "left by the rules"
    if not over:
        return f"extra: no gold statement there ({origin})"
    if any(canon(st.actor) in g["actor"] and g["act"] == "inform" for g in over):
        return f"extra: the gold statement is an inform ({origin})"
    if any(canon(st.actor) in g["actor"] for g in over):
        return f"extra: another act, or a second statement in one gold clause ({origin})"
    return f"extra: wrong actor ({origin})"


def main() -> int:
    """Print the counts."""
    th = thresholds(load_model(NAME) or {})
    cases = by_article("train")
    counts: collections.Counter[str] = collections.Counter()
    tp = fp = fn = 0
    for k in range(FOLDS):
        fit_on = [c for i, c in enumerate(cases) if i % FOLDS != k]
        compiled = compile_model(fit([r for c in fit_on for r in c.rows], [lab for c in fit_on for lab in c.labels]))
        for case in cases[k::FOLDS]:
            art, gold, every = case.article, case.gold, case.article.statements
            got = replay(case, compiled, "both", th)
            art.statements = got
            canon = Canon(gold)
            pairs, pis, gis = match_statements(gold, art, canon)
            art.statements = every
            kept = {(st.evidence, st.cue, st.actor): (st.act, i in pairs) for i, st in enumerate(got)}
            tp += sum(1 for gi in pairs.values() if not gold["statements"][gi]["optional"])
            for pi in pis:
                if pi not in pairs:
                    fp += 1
                    counts[extra_cause(art, got[pi], gold, canon)] += 1
            for gi in gis:
                g = gold["statements"][gi]
                if not g["optional"] and gi not in set(pairs.values()):
                    fn += 1
                    counts[miss_cause(case, g, kept, canon)] += 1
    print(f"train split, {FOLDS}-fold CV replay, thresholds {th}: tp {tp} fp {fp} fn {fn}, "
          f"P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f} F1 {2 * tp / max(1, 2 * tp + fp + fn):.3f}")
    for key, n in sorted(counts.items()):
        print(f"{n:5d}  {key}")
    return 0


if __name__ == "__main__":
    sys.setrecursionlimit(100000)
    raise SystemExit(main())
