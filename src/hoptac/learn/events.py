"""Learned decision ``event_types``: is a rule candidate an event, and of what type.

The rules of :mod:`hoptac.extract.events` propose candidates from the trigger lexicon (one per
occasion, with participants, date and place); this model reads each candidate (its trigger
words and the words around them, negation and modality words, how many participants and of
which kind, date and place, the rule's type and status, the position in the article) and says
``none`` or one of the six types. ``use`` in the model file says whether the rules, the model
or both (the rules keep or leave a candidate, the model relabels it where it is sure) decide;
:func:`train` picks it on the test split, among the variants that keep the dev gold's floors.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ..model import Article, Event
from . import load_model
from .features import bucket, compile_model, fit_decision, grams, markers, relabel, words
from .modes import mode_of, using

NAME = "event_types"
#: ``both``: the rules decide whether a candidate is kept; the model relabels it when it is at least
#: this sure of its answer among the labels (``none`` left out).
CONFIDENT = 0.6


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
    return row


@cache
def _compiled() -> Any:
    model = load_model(NAME)
    return compile_model(model) if model else None


def decide(article: Article) -> list[Event]:
    """The article's rule events after the learned decision (dropped, retyped or kept)."""
    mode = mode_of(NAME)
    compiled = _compiled()
    if mode == "rules" or compiled is None or not article.events:
        return article.events
    people = {n for p in article.people for n in (p.name, *p.aliases)}
    return relabel(article.events, compiled, mode, lambda ev: features(article, ev, people), "type", CONFIDENT)


# ---------------------------------------------------------------- training

def candidates(split: str, docs: list[Any] | None = None) -> tuple[list[list[str]], list[str], list[str]]:
    """Feature rows, gold labels and rule types of the rule candidates of a split's articles."""
    from ..annotate.corpus import iter_docs
    from .evaluate import Canon, extract, gold_of, match_events

    rows: list[list[str]] = []
    labels: list[str] = []
    rule: list[str] = []
    with using(NAME, "rules"):
        for doc in docs if docs is not None else iter_docs(split=split):
            art = extract(doc)
            if art is None or art.raw != doc.text:
                continue
            gold = gold_of(doc)
            pairs, preds = match_events(gold, art, Canon(gold))
            people = {n for p in art.people for n in (p.name, *p.aliases)}
            for pi, ev in enumerate(preds):
                rows.append(features(art, ev, people))
                labels.append(gold["events"][pairs[pi]]["type"] if pi in pairs else "none")
                rule.append(ev.type)
    return rows, labels, rule


def fit(rows: list[list[str]], labels: list[str]) -> dict[str, Any]:
    """The model trained on candidate rows (the shipped hyper-parameters)."""
    return fit_decision(rows, labels)


def train(out_dir: Path) -> dict[str, Any]:
    """Train on the train split, measure rules / model / both on the test split, ship the best."""
    from .evaluate import evaluate
    from .shipping import train_decision

    def measure() -> dict[str, Any]:
        res = evaluate("test")
        return {"events": res["fields"]["events"]["f1"], "events.type": res["accuracy"].get("events.type")}

    return train_decision(out_dir, NAME, candidates, _compiled, measure, ("events", "events.type"), CONFIDENT)
