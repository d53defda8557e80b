"""Cross-validation of the statement decision inside the train split, end to end.

Each train article is extracted once (:func:`hoptac.learn.statements.by_article`: its rule
statements and the candidates the rules left); for each fold a model is fit on the other folds'
candidates, and the decision is replayed on the held-out articles for every set of thresholds
(``add``, ``drop``, ``confident``) in the variant ``both``, the statements and threads scored as
the evaluator scores them (:func:`hoptac.learn.evaluate.score_statements`). The thresholds are
ranked by the sum of the two F1 (the decision feeds both fields), then by statements F1. Why end
to end: a candidate-by-candidate count misses what the replay does (a candidate that repeats its
host statement is folded into it; threads follow the act), and it ranked thresholds that dropped
right rule statements above those that did not.
"""

from __future__ import annotations

import copy
import itertools
from typing import Any

from .evaluate import Scores, score_statements
from .features import compile_model

#: the thresholds tried (a candidate the rules left is added at ``add``; a rule statement goes at
#: ``drop`` of ``none``, above 1 never; it is relabelled when the model has ``confident`` of another act)
ADDS = (0.3, 0.5, 0.7)
DROPS = (0.6, 0.7, 0.8, 0.9, 1.01)
CONFIDENTS = (0.6, 0.8)
#: a rule statement becomes ``inform`` or goes at ``silence`` of ``none`` and ``inform`` together
SILENCES = (0.7, 0.8, 0.9, 1.01)
FOLDS = 5
#: at most this many sets of thresholds are tried against the dev gold's floors, best first: every
#: set the cross-validation ranks above the rules (a try costs seconds). Four were too few once the
#: annotations followed the dev gold's conventions: the four best all drop at 0.6, which breaks the
#: dev statements floor, and the first set that keeps it (drop 0.8) came twelfth.
TRIES = len(ADDS) * len(DROPS) * len(CONFIDENTS) * len(SILENCES)


def _key(th: dict[str, float]) -> str:
    return f"{th['add']}/{th['drop']}/{th['confident']}/{th['silence']}"


def replay(case: Any, compiled: Any, mode: str, th: dict[str, float]) -> list[Any]:
    """One article's statements under the decision with this model and these thresholds (the
    candidates copied: the decision sets their acts)."""
    from .statements import apply

    art = case.article
    every = art.statements
    rows = {id(st): row for st, row in zip(every, case.rows, strict=True)}  # by_article's rows, in its order
    rules, others = [copy.copy(st) for st in case.rules], [copy.copy(st) for st in case.others]
    row_of = {id(c): rows[id(st)] for st, c in zip(case.rules + case.others, rules + others, strict=True)}
    art.statements = rules
    try:
        got = apply(art, others, compiled, mode, th, lambda st: row_of[id(st)]) if mode != "rules" else rules
    finally:
        art.statements = every
    return got


def cross_validate(cases: list[Any], folds: int = FOLDS) -> dict[str, dict[str, Any]]:
    """Statements and threads F1 of the rules and of ``both`` under every set of thresholds, each
    article decided by a model fit on the other folds (articles split by their index)."""
    from .statements import fit

    grid = [{"add": a, "drop": d, "confident": c, "silence": q}
            for a, d, c, q in itertools.product(ADDS, DROPS, CONFIDENTS, SILENCES)]
    tallies = {"rules": Scores()} | {_key(th): Scores() for th in grid}
    for k in range(folds):
        fit_on = [c for i, c in enumerate(cases) if i % folds != k]
        held = cases[k::folds]
        compiled = compile_model(fit([r for c in fit_on for r in c.rows], [lab for c in fit_on for lab in c.labels]))
        for case in held:
            for key, th, mode in [("rules", grid[0], "rules")] + [(_key(th), th, "both") for th in grid]:
                every = case.article.statements
                case.article.statements = replay(case, compiled, mode, th)
                try:
                    score_statements(case.gold, case.article, tallies[key])
                finally:
                    case.article.statements = every
    out: dict[str, dict[str, Any]] = {}
    for key, sc in tallies.items():
        fields = sc.result()["fields"]
        st, thr = fields["statements"], fields["threads"]
        th = next((t for t in grid if _key(t) == key), None)
        out[key] = {"statements": {x: st[x] for x in ("p", "r", "f1")}, "threads": thr["f1"],
                    "sum": round(st["f1"] + thr["f1"], 3), "thresholds": th or {}}
    return out


def ranked(cv: dict[str, dict[str, Any]]) -> list[str]:
    """The sets of thresholds, best first: statements + threads F1, then statements F1, then the key."""
    keys = [k for k in cv if k != "rules"]
    return sorted(keys, key=lambda k: (-cv[k]["sum"], -cv[k]["statements"]["f1"], k))
