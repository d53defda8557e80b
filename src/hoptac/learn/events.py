"""Learned decision ``event_types``: is a rule candidate an event, and of what type.

The rules of :mod:`hoptac.extract.events` propose candidates from the trigger lexicon (one per
occasion, with participants, date and place); this model reads each candidate (its trigger
words and the words around them, negation and modality words, how many participants and of
which kind, date and place, the rule's type and status, the position in the article) and says
``none`` or one of the six types. ``use`` in the model file says whether the rules, the model
or both (the rules keep or leave a candidate, the model relabels it where it is sure) decide;
:func:`train` picks it by a k-fold cross-validation on the train split (the test split is only
measured).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Article, Event
from . import compiled_loader
from .features import bucket, choice, compile_model, fit_decision, grams, markers, predict, words
from .modes import MODES, mode_of, using

NAME = "event_types"
#: ``both``: the rules decide whether a candidate is kept; the model relabels it when it is at least
#: this sure of its answer among the labels (``none`` left out).
CONFIDENT = 0.6
#: folds of the cross-validation on the train split that chooses the shipped variant
FOLDS = 5


def _triggers(article: Article, ev: Event) -> list[tuple[int, int, str]]:
    from ..extract.events import _all_cues
    from ..extract.gazetteer import gazetteer

    a, b = ev.evidence
    found = [(s + a, e + a, t) for s, e, t in _all_cues(gazetteer(), article.text[a:b])]
    return sorted(found, key=lambda c: (c[2] != ev.type, c[0]))


def features(article: Article, ev: Event, people: set[str]) -> list[str]:
    """The feature row of one candidate event."""
    text = article.text
    a, b = ev.evidence
    n_people = sum(1 for p in ev.participants if p in people)
    row = [f"rule:{ev.type}", f"status:{ev.status}", f"date:{ev.date is not None}",
           f"place:{ev.place is not None}", f"parts:{bucket(len(ev.participants), (0, 1, 2, 4))}",
           f"people:{bucket(n_people, (0, 1, 2))}", f"orgs:{bucket(len(ev.participants) - n_people, (0, 1, 2))}",
           f"len:{bucket(len(words(text[a:b])), (8, 16, 32, 64))}",
           f"at:{bucket(int(10 * a / max(1, len(text))), (0, 1, 3, 6, 10))}"]
    trig = _triggers(article, ev)
    for s, e, t in trig[:3]:
        cue = " ".join(text[s:e].lower().split())
        row += [f"cue:{cue}", f"cuetype:{t}", f"rule_cue:{ev.type}_{cue}"]
    if trig:
        s, e, _t = trig[0]
        row += grams("before", words(text[max(0, s - 60):s])[-4:])
        row += grams("after", words(text[e:e + 80])[:5])
        row += markers("mb", text[max(0, s - 40):s]) + markers("ma", text[e:e + 40])
        row.append(f"upper:{text[s:s + 1].isupper()}")
    else:
        row.append("notrigger")
    row += grams("w", words(text[a:b])[:30], n=1)
    row += _context(article, ev, trig[0][0] if trig else a)
    return row


def _context(article: Article, ev: Event, at: int) -> list[str]:
    """Where the candidate stands: the opening words of its sentence (``trước đó``, ``nếu``), inside a
    quotation or the headline, told as background, and whether an earlier candidate of its family
    shares a participant (a second telling of one occasion)."""
    text = article.text
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    row = [*grams("open", words(text[start:at])[:2]), f"bg:{ev.background}"]
    quotes = sum(text.count(q, start, at) for q in '"“”')
    row.append(f"quoted:{quotes % 2 == 1}")
    row.append(f"headline:{text.find(chr(10), 0, at) < 0}")
    fam = "signing" if ev.type == "signing" else "engagement"
    parts = set(ev.participants)
    seen = sum(1 for o in article.events if o is not ev and o.evidence[0] < ev.evidence[0]
               and ("signing" if o.type == "signing" else "engagement") == fam and parts & set(o.participants))
    row.append(f"told_before:{bucket(seen, (0, 1, 2))}")
    return row


_compiled = compiled_loader(NAME)


def decide(article: Article) -> list[Event]:
    """The article's rule events after the learned decision (dropped, retyped or kept).

    A new type must be one a trigger in the event's evidence names (a press briefing is no visit):
    the evidence has to name the event it cites."""
    mode = mode_of(NAME)
    compiled = _compiled()
    if mode == "rules" or compiled is None or not article.events:
        return article.events
    people = {n for p in article.people for n in (p.name, *p.aliases)}
    out = []
    for ev in article.events:
        label = choice(predict(compiled, features(article, ev, people)), ev.type, mode, CONFIDENT)
        if label == "none":
            continue
        ev.type = label if label in allowed(article, ev) else ev.type
        out.append(ev)
    return out


def allowed(article: Article, ev: Event) -> set[str]:
    """The types a candidate may take: its own and those of the triggers in its evidence."""
    return {ev.type, *(t for _s, _e, t in _triggers(article, ev))}


# ---------------------------------------------------------------- training

@dataclass
class Labelled:
    """The rule candidates of a split, labelled by the gold: one entry per candidate, plus the
    required gold events no candidate reaches (they count against every variant alike)."""

    rows: list[list[str]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    rule: list[str] = field(default_factory=list)
    doc: list[int] = field(default_factory=list)
    optional: list[bool] = field(default_factory=list)
    allowed: list[set[str]] = field(default_factory=list)
    unreached: int = 0


def labelled(split: str, docs: list[Any] | None = None) -> Labelled:
    """The labelled rule candidates of a split's articles (or of ``docs``)."""
    from ..annotate.corpus import iter_docs
    from .evaluate import Canon, extract, gold_of, match_events

    out = Labelled()
    with using(NAME, "rules"), using("event_pairs", "rules"):  # the candidates as decide sees them: none joined yet
        for di, doc in enumerate(docs if docs is not None else iter_docs(split=split)):
            art = extract(doc)
            if art is None or art.raw != doc.text:
                continue
            gold = gold_of(doc)
            pairs, preds = match_events(gold, art, Canon(gold))
            people = {n for p in art.people for n in (p.name, *p.aliases)}
            for pi, ev in enumerate(preds):
                g = gold["events"][pairs[pi]] if pi in pairs else None
                out.rows.append(features(art, ev, people))
                out.labels.append(g["type"] if g else "none")
                out.rule.append(ev.type)
                out.doc.append(di)
                out.optional.append(bool(g and g["optional"]))
                out.allowed.append(allowed(art, ev))
            reached = set(pairs.values())
            out.unreached += sum(1 for gi, g in enumerate(gold["events"]) if gi not in reached and not g["optional"])
    return out


def candidates(split: str, docs: list[Any] | None = None) -> tuple[list[list[str]], list[str], list[str]]:
    """Feature rows, gold labels and rule types of the rule candidates of a split's articles."""
    lab = labelled(split, docs)
    return lab.rows, lab.labels, lab.rule


def fit(rows: list[list[str]], labels: list[str]) -> dict[str, Any]:
    """The model trained on candidate rows (the shipped hyper-parameters)."""
    return fit_decision(rows, labels)


def cross_validate(lab: Labelled, folds: int = FOLDS) -> dict[str, dict[str, float]]:
    """Events P/R/F1 and type accuracy of rules, model and both, each candidate decided by a model
    trained on the other folds (articles split by their index): held-out figures from the train split alone."""
    probs: list[dict[str, float]] = [{} for _ in lab.rows]
    for k in range(folds):
        train_at = [i for i, d in enumerate(lab.doc) if d % folds != k]
        compiled = compile_model(fit([lab.rows[i] for i in train_at], [lab.labels[i] for i in train_at]))
        for i, d in enumerate(lab.doc):
            if d % folds == k:
                probs[i] = predict(compiled, lab.rows[i])
    out = {}
    for mode in MODES:
        tp = fp = fn = right = 0
        for i, gold in enumerate(lab.labels):
            said = lab.rule[i] if mode == "rules" else choice(probs[i], lab.rule[i], mode, CONFIDENT)
            said = said if said == "none" or said in lab.allowed[i] else lab.rule[i]
            if lab.optional[i]:
                continue
            if said == "none":
                fn += gold != "none"
            elif gold == "none":
                fp += 1
            else:
                tp, right = tp + 1, right + (said == gold)
        fn += lab.unreached
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        out[mode] = {"p": round(p, 3), "r": round(r, 3), "events": round(2 * p * r / (p + r) if p + r else 0.0, 3),
                     "events.type": round(right / max(1, tp), 3)}
    return out


def train(out_dir: Path) -> dict[str, Any]:
    """Train on the train split and ship the variant (rules, model, both) with the best events F1,
    then type accuracy, in a k-fold cross-validation on the train split (ties: the simpler one);
    the test split is only measured, never used to choose."""
    from .devgold import holds
    from .evaluate import evaluate
    from .shipping import write

    lab = labelled("train")
    cv = cross_validate(lab)
    order = {m: i for i, m in enumerate(MODES)}
    use = max(MODES, key=lambda m: (cv[m]["events"], cv[m]["events.type"], -order[m]))
    model = fit(lab.rows, lab.labels) | {"name": NAME, "use": use,
                                         "trained_on": f"train split, {len(lab.rows)} candidates"}
    write(out_dir, NAME, model)
    _compiled.cache_clear()
    dev_ok, dev = holds(("events", "events.type")) if use != "rules" else (True, {})
    if not dev_ok:  # the dev gold's floors come first: the rules always keep them
        use = "rules"
        write(out_dir, NAME, model | {"use": use})
        _compiled.cache_clear()
    res = evaluate("test")
    shipped = {"events": res["fields"]["events"]["f1"], "events.type": res["accuracy"].get("events.type")}
    return {"candidates_train": len(lab.rows), "chosen_by": f"{FOLDS}-fold cross-validation on the train split",
            "cv_train": cv, "dev_floors_hold": dev_ok, "dev": dev, "use": use, "shipped": shipped}
