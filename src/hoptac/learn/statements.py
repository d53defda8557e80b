"""Learned decision ``statement_acts``: is a candidate a statement, and which act.

Candidates come from two general mechanisms: the rules of :mod:`hoptac.extract.statements` (a
cue of the lexicon, its subject, its clause) and :mod:`hoptac.extract.candidates` (every cue word
the rules leave, with the actors general means find: the rules' subject, the speaker of the
clause holding it, a quotation's speaker, ``Theo X``, the last speaker). This model reads each
candidate (every cue of the lexicon around it, its own cue word, how its actor was found and why
the rules left it, the rule statement holding it, the words before and at the start of the
clause, modality and negation words, quote marks, the actor's kind and side, the rule's own act,
the sentence's position) and says ``none`` (not a statement) or one of the six acts. ``use`` in
the model file says whether the rules, the model or both decide (:func:`hoptac.learn.features.choice`);
a candidate the rules left ships only in ``model`` or ``both``, when the model gives it an act
other than ``inform`` with at least ``add``; in ``both`` a rule statement goes when the model
gives ``none`` at least ``drop`` (both cross-validated inside the train split). :func:`train`
picks the variant on the test split, among those that keep the dev gold's floors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model import Article, Statement
from . import compiled_loader, load_model
from .features import bucket, choice, compile_model, fit_decision, grams, markers, predict, relabel, words
from .modes import CANDIDATES, mode_of, using

NAME = "statement_acts"
#: ``both``: the rules decide whether a candidate is kept; the model relabels it when it is at least
#: this sure of its answer among the labels (``none`` left out).
CONFIDENT = 0.6
#: a candidate the rules left is kept when the model gives its label at least this much (the
#: model file's ``add`` overrides it: chosen at training by cross-validation inside the train split)
ADD = 0.5
#: a candidate the rules left is never kept as a mere position: ``inform`` is scored nowhere
#: but in threads, and the rules' positions already carry those
QUIET = "inform"
#: in ``both``, a rule statement goes when the model gives ``none`` at least this much (the model
#: file's ``drop`` overrides it: chosen at training by cross-validation inside the train split)
DROP = 1.01
#: the thresholds tried, and the folds of the cross-validation inside the train split that ranks them
ADDS = (0.3, 0.4, 0.5, 0.6, 0.7)
DROPS = (0.6, 0.7, 0.8, 1.01)
#: at most this many (add, drop) pairs are tried against the dev gold's floors, best first
TRIES = 4
FOLDS = 5
SIDE_CODES = {"VN", "US", "OTHER"}


def _sentence_start(article: Article, pos: int) -> int:
    for s in article.sentences:
        if s.start <= pos < s.end:
            return s.start
    return max(0, article.text.rfind(".", 0, pos) + 1)


def features(article: Article, st: Statement, names: tuple[set[str], set[str]],
             rules: list[Statement] | None = None) -> list[str]:
    """The feature row of one candidate statement (``rules``: the article's rule statements)."""
    from ..extract.acts import cues

    text = article.text
    a, b = st.evidence
    row = [f"rule:{st.act}", f"side:{st.side}", f"to:{st.addressee_side is not None}",
           f"threads:{bool(st.threads)}", f"len:{bucket(len(words(st.text)), (4, 8, 16, 32, 64))}"]
    people, orgs = names
    kind = ("side" if st.actor in SIDE_CODES else "person" if st.actor in people
            else "org" if st.actor in orgs else "other")
    row += [f"actor:{kind}", f"actor_side:{kind}_{st.side}", f"rule_actor:{st.act}_{kind}"]
    sent = _sentence_start(article, a)
    head = text[max(sent, a - 120):a]
    clause = text[a:b]
    row += grams("before", words(head)[-6:])
    row += grams("start", words(clause)[:6])
    row += grams("w", words(clause)[:40], n=1)
    row += markers("m", clause[:80]) + markers("mb", head[-60:])
    table = cues()
    window = text[max(sent, a - 120):min(b, a + 200)].lower()
    found = [(m.start(), " ".join(m.group(0).split())) for m in table.cue_re.finditer(window)]
    for _pos, cue in found:
        act = table.act_of.get(cue, "?")
        row += [f"cue:{cue}", f"cueact:{act}"]
    if found:
        first = found[0][1]
        row += [f"first:{first}", f"firstact:{table.act_of.get(first, '?')}", f"rule_first:{st.act}_{first}"]
    else:
        row.append("nocue")
    row += [f"quote_open:{clause[:1] in chr(34) + '“'}", f"quoted:{any(q in clause for q in (chr(34), '“', '”'))}"]
    row.append(f"at:{bucket(int(10 * a / max(1, len(text))), (0, 1, 3, 6, 10))}")
    row.append(f"first_sentence:{sent == 0 or a < 300}")
    return row + _own(article, st, rules or [])


def _host(st: Statement, rules: list[Statement]) -> Statement | None:
    """The rule statement whose clause holds a candidate's cue (None when none does)."""
    if st.cue is None:
        return None
    return next((r for r in rules if r is not st and r.evidence[0] <= st.cue[0] < r.evidence[1]), None)


def _repeats(text: str, st: Statement, host: Statement) -> bool:
    """Whether a candidate is said by its host's actor in the host's clause in other words: the
    rules' convention (``continues`` in :mod:`hoptac.extract.statements`) makes one statement of
    one act there, unless a ``;`` separates the two cues or the cue word is repeated."""
    if host.actor != st.actor or st.cue is None or host.cue is None:
        return False
    a, b = sorted((host.cue[1], st.cue[0]))
    same_word = text[slice(*host.cue)].lower().split() == text[slice(*st.cue)].lower().split()
    return ";" not in text[a:b] and not same_word


def _own(article: Article, st: Statement, rules: list[Statement]) -> list[str]:
    """Features of the candidate's own cue, of how it came (a rule's, or one the rules left: how
    its actor was found, why the rules left it) and of the rule statement whose clause holds it."""
    from ..extract.acts import cues

    origin = st.origin or ("rule",)
    row = [f"o:{t}" for t in origin]
    if st.cue is None:
        return row
    ca, cb = st.cue
    word = " ".join(article.text[ca:cb].lower().split())
    how = next((t for t in origin if t.startswith("how:")), "rule")
    row += [f"own:{word}", f"ownact:{cues().wide_act.get(word, '?')}", f"own_how:{word}_{how}",
            f"own_rule:{word}_{st.act}"]
    row += grams("cb", words(article.text[max(0, ca - 40):ca])[-3:])
    row += grams("ca", words(article.text[cb:cb + 40])[:3])
    host = _host(st, rules)
    if host is None:
        row.append("host:none")
    else:
        row += [f"host:{host.act}", f"host_actor:{host.actor == st.actor}", f"host_act:{host.act == st.act}",
                f"host_both:{host.act}_{host.actor == st.actor}_{how}"]
    return row


def _names(article: Article) -> tuple[set[str], set[str]]:
    people = {n for p in article.people for n in (p.name, *p.aliases)}
    orgs = {n for o in article.organizations for n in (o.name, *o.aliases)}
    return people, orgs


_compiled = compiled_loader(NAME)


def decide(article: Article, others: list[Statement] | None = None) -> list[Statement]:
    """The article's statements after the learned decision: the rule statements dropped,
    relabelled or kept, and of ``others`` (the candidates the rules left) those the model keeps."""
    mode = mode_of(NAME)
    others = others or []
    if mode == CANDIDATES:
        return sorted(article.statements + others, key=lambda st: st.evidence[0])
    compiled = _compiled()
    if mode == "rules" or compiled is None or not (article.statements or others):
        return article.statements
    names = _names(article)
    rules = list(article.statements)
    kept = relabel(rules + others, compiled, mode, lambda st: features(article, st, names, rules), "act",
                   CONFIDENT, extra=lambda st: bool(st.origin), add=_add(), quiet=QUIET, drop=_drop())
    ids = {id(st) for st in kept}
    out = []
    for st in kept:
        host = _host(st, rules) if st.origin else None
        if host is not None and id(host) in ids and host.act == st.act and _repeats(article.text, st, host):
            continue  # one statement per act of one actor in a clause: it repeats the rule statement
        out.append(st)
    return sorted(out, key=lambda st: st.evidence[0])


def _drop() -> float:
    """The shipped model's ``drop`` threshold (a rule statement the model calls ``none`` that surely goes)."""
    model = load_model(NAME) or {}
    return float(model.get("drop", DROP))


def _add() -> float:
    """The shipped model's ``add`` threshold (:func:`hoptac.learn.features.choice`)."""
    model = load_model(NAME) or {}
    return float(model.get("add", ADD))


# ---------------------------------------------------------------- training

Rows = tuple[list[list[str]], list[str], list[str]]


def candidates(split: str, docs: list[Any] | None = None) -> Rows:
    """Feature rows, gold labels and rule acts (``none`` for a candidate the rules left) of the
    candidates of a split's articles."""
    rows: list[list[str]] = []
    labels: list[str] = []
    rule: list[str] = []
    for r, lab, ru, _scored, _repeats in by_article(split, docs):
        rows += r
        labels += lab
        rule += ru
    return rows, labels, rule


Article_ = tuple[list[list[str]], list[str], list[str], int, list[str | None]]


def by_article(split: str, docs: list[Any] | None = None) -> list[Article_]:
    """:func:`candidates` article by article, each with its number of scored gold statements and,
    per candidate, the act it would repeat (:func:`_host`)."""
    from ..annotate.corpus import iter_docs
    from .evaluate import Canon, extract, gold_of, match_statements

    out = []
    with using(NAME, CANDIDATES):
        for doc in docs if docs is not None else iter_docs(split=split):
            art = extract(doc)
            if art is None or art.raw != doc.text:
                continue
            rows: list[list[str]] = []
            labels: list[str] = []
            rule: list[str] = []
            gold = gold_of(doc)
            pairs, _pis, _gis = match_statements(gold, art, Canon(gold), acts=False)
            pairs |= _by_place(gold, art, pairs)
            names = _names(art)
            rules = [st for st in art.statements if not st.origin]
            repeats: list[str | None] = []
            for pi, st in enumerate(art.statements):
                rows.append(features(art, st, names, rules))
                labels.append(gold["statements"][pairs[pi]]["act"] if pi in pairs else "none")
                rule.append("none" if st.origin else st.act)
                host = _host(st, rules) if st.origin else None
                repeats.append(host.act if host is not None and _repeats(art.text, st, host) else None)
            scored = sum(1 for g in gold["statements"] if g["act"] != "inform" and not g["optional"])
            out.append((rows, labels, rule, scored, repeats))
    return out


def _by_place(gold: dict[str, Any], art: Article, pairs: dict[int, int]) -> dict[int, int]:
    """Candidates left unpaired that overlap a gold statement left unpaired (another actor):
    still statements, with that act (who the actor is, is another decision)."""
    from .evaluate import assign, overlaps, raw_span

    used = set(pairs.values())
    cands = []
    for pi, st in enumerate(art.statements):
        span = raw_span(art, st.evidence)
        if pi in pairs or span is None or st.origin:
            continue  # a candidate the rules left, with another actor, is no statement of that actor
        for gi, g in enumerate(gold["statements"]):
            if gi not in used and (overlaps(span, g["clause"]) or overlaps(span, g["cue"])):
                inter = max(0, min(span[1], g["clause"][1]) - max(span[0], g["clause"][0]))
                cands.append((inter, pi, gi))
    return assign(cands)


def fit(rows: list[list[str]], labels: list[str]) -> dict[str, Any]:
    """The model trained on candidate rows (the shipped hyper-parameters)."""
    return fit_decision(rows, labels)


def choose(articles: list[Article_]) -> dict[str, Any]:
    """``add`` and ``drop`` by cross-validation inside the train split (articles in ``FOLDS``
    folds): each pair's statements F1 (acts other than ``inform``, as scored) over the held-out
    folds, each scored by a model fit on the other folds, in the variant ``both``."""
    pairs = [(a, d) for a in ADDS for d in DROPS]
    tally = {p: [0, 0, 0] for p in pairs}  # true positives, false positives, scored gold statements
    for k in range(FOLDS):
        fit_on = [x for i, x in enumerate(articles) if i % FOLDS != k]
        compiled = compile_model(fit([r for x in fit_on for r in x[0]], [lab for x in fit_on for lab in x[1]]))
        for rows, labels, rule, scored, repeats in articles[k::FOLDS]:
            probs = [predict(compiled, row) for row in rows]
            for (add, drop), t in tally.items():
                t[2] += scored
                for p, gold, r, again in zip(probs, labels, rule, repeats, strict=True):
                    got = choice(p, r, "both", CONFIDENT, add, QUIET, drop)
                    if got not in ("none", "inform") and got != again:
                        t[got != gold] += 1
    f1 = {p: round(2 * tp / max(1, 2 * tp + fp + (n - tp)), 3) for p, (tp, fp, n) in tally.items()}
    ranked = sorted(pairs, key=lambda p: (-f1[p], p))
    return {"add": ranked[0][0], "drop": ranked[0][1], "ranked": [list(p) for p in ranked],
            "cv_f1": {f"{a}/{d}": f1[(a, d)] for a, d in pairs}, "cv_folds": FOLDS}


def _floored(out_dir: Path, model: dict[str, Any], settings: dict[str, Any]) -> dict[str, Any]:
    """The cross-validated ``add`` and ``drop``, the next best pair taken (by cross-validated F1,
    at most ``TRIES``) while the variant ``both`` breaks the dev gold's floors: the dev gold
    constrains, it chooses nothing else."""
    from .devgold import holds
    from .shipping import write

    ranked = settings.pop("ranked")
    best = {"add_by_cv": settings["add"], "drop_by_cv": settings["drop"]}
    for add, drop in ranked[:TRIES]:
        write(out_dir, NAME, model | {"add": add, "drop": drop, "use": "both"})
        _compiled.cache_clear()
        with using(NAME, "both"):
            ok, _dev = holds(("statements", "threads"))
        if ok:
            return settings | best | {"add": add, "drop": drop}
    return settings | best | {"dev_floors_hold": False}  # select() ships no "both"


def train(out_dir: Path) -> dict[str, Any]:
    """Train on the train split (thresholds by cross-validation inside it), measure rules / model /
    both on the test split, ship the best."""
    from .evaluate import evaluate
    from .shipping import train_decision

    articles = by_article("train")
    rows = [r for x in articles for r in x[0]]
    labels = [lab for x in articles for lab in x[1]]
    settings = _floored(out_dir, fit(rows, labels), choose(articles))

    def rows_of(split: str) -> Rows:
        if split != "train":
            return candidates(split)
        return ([r for x in articles for r in x[0]], [lab for x in articles for lab in x[1]],
                [ru for x in articles for ru in x[2]])

    def measure() -> dict[str, Any]:
        res = evaluate("test")
        return {f: res["fields"][f]["f1"] for f in ("statements", "threads")}

    metrics = train_decision(out_dir, NAME, rows_of, _compiled, measure, ("statements", "threads"), CONFIDENT,
                             settings, QUIET)
    return {"cross_validation_train": settings} | metrics
