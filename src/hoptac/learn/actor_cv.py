"""Cross-validation of the actor decision inside the train split, end to end.

Each train article is extracted once with the rules' actors (:func:`cases_of`); its statements are
paired with the gold statements they overlap (clause or cue, the act not compared) and each
statement's candidate actors labelled ``yes`` when the gold credits them. For each fold a ranker is
fit on the other folds' labelled candidates and the decision replayed on the held-out articles for
the variants ``model`` and ``both`` at every margin; statements and threads are scored as the
evaluator scores them (:func:`hoptac.learn.evaluate.score_statements`) and ranked by their sum.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from ..model import Article
from .evaluate import Scores, score_statements
from .features import compile_model

FOLDS = 5
#: the margins tried for ``both`` (the model's best must score this much above the rules' actor)
MARGINS = (0.1, 0.2, 0.3, 0.5)


@dataclass
class Case:
    """One train article: its extraction (rules' actors), its gold, its statements' candidate
    groups and their labels (None for a statement no gold statement overlaps)."""

    article: Article
    gold: dict[str, Any]
    groups: list[Any]
    labels: list[list[str] | None]


def _paired(gold: dict[str, Any], art: Article) -> dict[int, int]:
    """Statements (by index) paired one to one with the gold statements whose clause or cue they
    overlap, the tightest fit first (who the actor is not compared: that is what is decided)."""
    from .evaluate import assign, overlaps, raw_span

    cands = []
    for pi, st in enumerate(art.statements):
        span = raw_span(art, st.evidence)
        cue = raw_span(art, st.cue) if st.cue else None
        if span is None:
            continue
        for gi, g in enumerate(gold["statements"]):
            if overlaps(span, g["clause"]) or overlaps(cue, g["cue"]):
                inter = max(0, min(span[1], g["clause"][1]) - max(span[0], g["clause"][0]))
                fit = inter / max(1, max(span[1], g["clause"][1]) - min(span[0], g["clause"][0]))
                cands.append(((overlaps(cue, g["cue"]), st.act == g["act"], fit), pi, gi))
    return assign(cands)


def cases_of(split: str, docs: list[Any] | None = None, acts: str | None = None) -> list[Case]:
    """The articles of a split extracted with the rules' actors (the ranker touches no candidate),
    their candidates labelled; ``acts``: a variant of the statement decision to extract with (the
    shipped one by default; ``candidates``: every candidate, the rules' and the ones they left)."""
    from contextlib import nullcontext

    from ..annotate.corpus import iter_docs
    from . import statements
    from .actors import NAME, groups
    from .evaluate import Canon, extract, gold_of
    from .modes import CANDIDATES, using

    out = []
    with using(NAME, CANDIDATES), (using(statements.NAME, acts) if acts else nullcontext()):
        for doc in docs if docs is not None else iter_docs(split=split):
            art = extract(doc)
            if art is None or art.raw != doc.text or not art.statements:
                continue
            gold = gold_of(doc)
            canon = Canon(gold)
            gs = groups(art)
            index = {id(st): i for i, st in enumerate(art.statements)}
            pairs = _paired(gold, art)
            labels: list[list[str] | None] = []
            for g in gs:
                gi = pairs.get(index[id(g.statement)])
                if gi is None:
                    labels.append(None)
                    continue
                want = gold["statements"][gi]["actor"]
                labels.append(["yes" if canon(c.name) in want else "no" for c in g.cands])
            out.append(Case(art, gold, gs, labels))
    return out


def labelled(cases: list[Case]) -> tuple[list[list[str]], list[str]]:
    """The rows and labels to train on: the candidates of statements with a gold actor among them."""
    rows: list[list[str]] = []
    labels: list[str] = []
    for case in cases:
        for g, labs in zip(case.groups, case.labels, strict=True):
            if labs is None or "yes" not in labs or len(labs) < 2:
                continue
            rows += g.rows
            labels += labs
    return rows, labels


def variants() -> list[tuple[str, str, float]]:
    """(key, mode, margin) of every variant compared."""
    return [("rules", "rules", 0.0), ("model", "model", 0.0)] + [(f"both/{m}", "both", m) for m in MARGINS]


def replay(case: Case, compiled: Any, mode: str, margin: float) -> list[Any]:
    """The article's statements (copies) with the actors a variant picks."""
    from .actors import assign_actor, choose

    chosen = {id(g.statement): choose(compiled, g, mode, margin) for g in case.groups}
    out = []
    for st in case.article.statements:
        new = copy.copy(st)
        assign_actor(new, chosen[id(st)])
        out.append(new)
    return out


def cross_validate(cases: list[Case], fit_on: list[Case] | None = None, folds: int = FOLDS) -> dict[str, dict[str, Any]]:
    """Statements and threads F1 of every variant, each article decided by a ranker fit on the other
    folds (``fit_on``: the same articles' cases to fit on, by path; ``cases`` themselves by default)."""
    from .actors import fit

    tallies = {key: Scores() for key, _m, _g in variants()}
    for k in range(folds):
        held = {c.gold["path"] for c in cases[k::folds]}
        rows, labels = labelled([c for c in (fit_on or cases) if c.gold["path"] not in held])
        compiled = compile_model(fit(rows, labels))
        for case in cases[k::folds]:
            every = case.article.statements
            for key, mode, margin in variants():
                case.article.statements = replay(case, compiled, mode, margin)
                try:
                    score_statements(case.gold, case.article, tallies[key])
                finally:
                    case.article.statements = every
    out: dict[str, dict[str, Any]] = {}
    for key, mode, margin in variants():
        fields = tallies[key].result()["fields"]
        st, thr = fields["statements"], fields["threads"]
        out[key] = {"statements": {x: st[x] for x in ("p", "r", "f1")}, "threads": thr["f1"],
                    "sum": round(st["f1"] + thr["f1"], 3), "mode": mode, "margin": margin}
    return out


def ranked(cv: dict[str, dict[str, Any]]) -> list[str]:
    """The learned variants, best first: statements + threads F1, then statements F1, then the larger margin."""
    keys = [k for k in cv if k != "rules"]
    return sorted(keys, key=lambda k: (-cv[k]["sum"], -cv[k]["statements"]["f1"],
                                       -(cv[k]["margin"] if cv[k]["mode"] == "both" else 0.0)))
