"""Learned decision ``event_pairs``: do two events of one article tell the same occasion?

An article tells its main occasion again and again: the headline, the lead, a later paragraph
set in it (``tại cuộc gặp``, ``trong cuộc hội đàm``, ``nhân dịp chuyến thăm``), a retelling that
names fewer participants or a vaguer date. The draft merge of :mod:`hoptac.extract.event_merge`
folds the tellings its rules can prove one; what is left after the ``event_types`` decision is
read here pair by pair. Candidate pairs are two events of one article of the same kind
(an engagement — meeting, reception, call, dialogue —, a visit, a signing); the model reads their
types, participants (overlap, containment), dates (same day, one undated, a month and a day of it),
places, status, distance, and how the later one is told (a noun cue such as ``cuộc gặp`` or a verb,
a word pointing back such as ``này``, ``nói trên``, the opening of its sentence, the headline).
Each event is joined to the earlier event it most probably retells when that probability reaches
the model's ``threshold``; the joined event keeps the richer participants, the more precise date
and its first evidence.

:func:`train` fits the model on the train split's pairs (labelled by the evaluator's alignment:
two events standing for the same gold event are one occasion), chooses the threshold by a k-fold
cross-validation on the train split (articles by index), and compares it there with the plain
rule :func:`rule_same` and with joining nothing; the one with the better events F1 is shipped
(``use``: ``rules`` joins nothing, ``rule`` applies the plain rule, ``model`` the model), joining
only when it beats joining nothing by :data:`MARGIN`. The test split is only measured.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..extract.event_merge import KIND
from ..model import Article, Event
from . import compiled_loader
from .features import bucket, compile_model, fit_decision, grams, predict, words
from .modes import mode_of, using

NAME = "event_pairs"
#: folds of the cross-validation on the train split that chooses the threshold and the variant
FOLDS = 5
#: how much better (events F1, cross-validated) joining must be than leaving the events apart to be
#: shipped: less is a couple of events on the train split, within what a fold split moves
MARGIN = 0.005
#: thresholds tried in the cross-validation
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7)


def _cue(article: Article, ev: Event) -> tuple[int, int]:
    """The span of the event's own trigger (its first cue of its type), else its evidence start."""
    from .events import _triggers

    trig = _triggers(article, ev)
    return (trig[0][0], trig[0][1]) if trig else (ev.evidence[0], ev.evidence[0])


def _date_rel(a: str | None, b: str | None) -> str:
    """How two event dates relate: none, one undated, equal (a day or coarser), one within the other, different."""
    if a is None and b is None:
        return "none"
    if a is None or b is None:
        return "one"
    if a == b:
        return "same_day" if len(a) >= 10 else "same"
    if a.startswith(b) or b.startswith(a) or a.lstrip("-") in b or b.lstrip("-") in a:
        return "within"
    if a[-5:] == b[-5:] and len(a) >= 7 and len(b) >= 7:
        return "same_day_noyear"
    return "differ"


@dataclass
class _Told:
    """What the pair features read of one event: its sentence, cue and whether it is told as a noun."""

    sentence: int
    cue: str
    noun: bool
    anaphor: bool
    opening: list[str]
    before: list[str]
    headline: bool


def _told(article: Article, ev: Event, starts: list[int]) -> _Told:
    from ..extract.event_rules import event_rules
    from ..extract.gazetteer import gazetteer

    text = article.text
    s, e = _cue(article, ev)
    k = max(0, bisect.bisect_right(starts, s) - 1)
    sent_start = starts[k] if starts else 0
    cue = " ".join(text[s:e].lower().split())
    noun = cue in gazetteer().event_nouns or cue.split(" ")[0] in ("cuộc", "buổi", "chuyến", "lễ")
    return _Told(sentence=k, cue=cue, noun=noun, anaphor=bool(event_rules().anaphoric.match(text[e:e + 12])),
                 opening=words(text[sent_start:s])[:2], before=words(text[max(sent_start, s - 30):s])[-2:],
                 headline=text.find("\n", 0, s) < 0)


def features(article: Article, first: Event, later: Event, told: tuple[_Told, _Told]) -> list[str]:
    """The feature row of a candidate pair (``first`` told before ``later``)."""
    a, b = told
    pa, pb = set(first.participants), set(later.participants)
    people = {p.name for p in article.people}
    common = pa & pb
    date, shared = _date_rel(first.date, later.date), bucket(len(common), (0, 1, 2))
    row = [f"types:{first.type}_{later.type}", f"same_type:{first.type == later.type}", f"kind:{KIND[first.type]}",
           f"date:{date}", f"status:{first.status}_{later.status}",
           f"bg:{first.background}_{later.background}",
           f"shared:{shared}", f"shared_people:{bucket(len(common & people), (0, 1, 2))}",
           f"later_in_first:{bool(pb) and pb <= pa}", f"first_in_later:{bool(pa) and pa <= pb}",
           f"equal:{bool(pa) and pa == pb}", f"parts:{bucket(len(pa), (0, 1, 2, 3))}_{bucket(len(pb), (0, 1, 2, 3))}",
           f"jacc:{bucket(int(10 * len(common) / max(1, len(pa | pb))), (0, 3, 5, 8, 10))}",
           f"place:{'none' if not (first.place or later.place) else 'one' if not (first.place and later.place) else first.place == later.place}",
           f"dist:{bucket(b.sentence - a.sentence, (0, 1, 2, 4, 8, 16))}",
           f"noun:{a.noun}_{b.noun}", f"anaphor:{b.anaphor}", f"headline:{a.headline}_{b.headline}",
           f"lead:{b.sentence <= 2}", f"same_cue:{a.cue == b.cue}", f"cue:{b.cue}"]
    row += grams("open", b.opening) + grams("before", b.before)
    row += [f"date_shared:{date}_{shared}", f"noun_date:{b.noun}_{date}"]
    return row


def pairs(article: Article, events: list[Event]) -> list[tuple[int, int, list[str]]]:
    """Every candidate pair ``(i, j, row)`` of the events, ``i < j`` in text order, of one kind."""
    starts = sorted(s.start for s in article.sentences)
    told = [_told(article, ev, starts) for ev in events]
    out = []
    for j, later in enumerate(events):
        for i in range(j):
            if KIND[events[i].type] == KIND[later.type]:
                out.append((i, j, features(article, events[i], later, (told[i], told[j]))))
    return out


def rule_same(first: Event, later: Event) -> bool:
    """The plain rule the model is measured against: the later event names no one the first leaves
    out (and someone), no other date, the same status and background."""
    pa, pb = set(first.participants), set(later.participants)
    return bool(pb) and pb <= pa and _date_rel(first.date, later.date) in ("none", "one", "same", "same_day", "within") \
        and first.status == later.status and first.background == later.background


def join(events: list[Event], same: Callable[[int, int], float], threshold: float) -> list[Event]:
    """The events after joining each to the earlier event it most probably retells (``same(i, j)``,
    at least ``threshold``): a retelling's participants replace fewer ones, its more precise date
    (and the status and provenance with it) a vaguer one, its place a missing one."""
    root = list(range(len(events)))
    for j in range(len(events)):
        scored = [(p, i) for i in range(j) if (p := same(i, j)) >= threshold]
        if not scored:
            continue
        _p, i = max(scored, key=lambda t: (t[0], -t[1]))
        k = root[i]
        while root[k] != k:
            k = root[k]
        _absorb(events[k], events[j])
        root[j] = k
    return [ev for n, ev in enumerate(events) if root[n] == n]


def _absorb(keep: Event, told: Event) -> None:
    if len(told.participants) > len(keep.participants):
        keep.participants = list(dict.fromkeys(told.participants + keep.participants))
    if told.date and (keep.date is None or (len(told.date.lstrip("-")) > len(keep.date.lstrip("-"))
                                            and _date_rel(keep.date, told.date) == "within")):
        keep.date, keep.date_inferred, keep.date_provenance = told.date, told.date_inferred, told.date_provenance
        keep.status = told.status
    keep.place = keep.place or told.place
    keep.background = keep.background and told.background


_compiled = compiled_loader(NAME)


def decide(article: Article) -> list[Event]:
    """The article's events after joining the retellings the shipped variant accepts."""
    from . import load_model

    mode = mode_of(NAME)
    model = load_model(NAME)
    events = article.events
    if mode == "rules" or model is None or len(events) < 2:
        return events
    if mode == "rule":
        return join(events, lambda i, j: float(KIND[events[i].type] == KIND[events[j].type]
                                              and rule_same(events[i], events[j])), 0.5)
    compiled = _compiled()
    probs = {(i, j): predict(compiled, row).get("same", 0.0) for i, j, row in pairs(article, events)}
    return join(events, lambda i, j: probs.get((i, j), 0.0), float(model.get("threshold", 0.5)))


# ---------------------------------------------------------------- training

@dataclass
class Labelled:
    """The train split's articles with their candidate pairs and gold labels."""

    docs: list[tuple[Any, Article]] = field(default_factory=list)
    pairs: list[list[tuple[int, int, list[str]]]] = field(default_factory=list)
    labels: list[list[str]] = field(default_factory=list)


def _targets(gold: dict[str, Any], article: Article) -> list[int | None]:
    """The gold event each predicted event stands for: its aligned one, else the best it could match."""
    from .evaluate import FAMILY, Canon, match_events, overlaps, raw_span

    canon = Canon(gold)
    aligned, preds = match_events(gold, article, canon)
    out: list[int | None] = []
    for pi, p in enumerate(preds):
        if pi in aligned:
            out.append(aligned[pi])
            continue
        parts = {canon(x) for x in p.participants}
        ev = raw_span(article, p.evidence)
        best, fit = None, -1.0
        for gi, g in enumerate(gold["events"]):
            gp = g["participants"]
            at = overlaps(ev, g["trigger"])
            if FAMILY.get(g["type"]) == FAMILY.get(p.type) and ((gp and len(parts & gp) / len(gp) >= 0.5) or at):
                f = len(parts & gp) / max(1, len(parts | gp)) + at
                if f > fit:
                    best, fit = gi, f
        out.append(best)
    return out


def labelled(split: str = "train") -> Labelled:
    """The split's articles (extracted without this decision) with their labelled candidate pairs."""
    from ..annotate.corpus import iter_docs
    from .evaluate import extract, gold_of

    out = Labelled()
    with using(NAME, "rules"):
        for doc in iter_docs(split=split):
            art = extract(doc)
            if art is None or art.raw != doc.text:
                continue
            target = _targets(gold_of(doc), art)
            cands = pairs(art, art.events)
            out.docs.append((doc, art))
            out.pairs.append(cands)
            out.labels.append(["same" if target[i] is not None and target[i] == target[j] else "other"
                               for i, j, _row in cands])
    return out


def _score(lab: Labelled, joined: list[list[Event]]) -> dict[str, float]:
    """Events P/R/F1 and type accuracy of the split's articles with their events replaced by ``joined``."""
    import copy

    from .evaluate import Scores, gold_of, score_article

    sc = Scores()
    for (doc, art), events in zip(lab.docs, joined, strict=True):
        view = copy.copy(art)
        view.events = events
        score_article(gold_of(doc), view, sc)
    res = sc.result()
    ev = res["fields"]["events"]
    return {"p": ev["p"], "r": ev["r"], "events": ev["f1"], "events.type": res["accuracy"].get("events.type") or 0.0}


def _joined(art: Article, same: Callable[[int, int], float], threshold: float) -> list[Event]:
    import copy

    return join([copy.copy(e) for e in art.events], same, threshold)


def cross_validate(lab: Labelled, folds: int = FOLDS) -> dict[str, Any]:
    """Held-out events figures on the train split: the rules alone (no joining), the plain rule, and
    the model (trained on the other folds' articles) at each threshold."""
    probs: list[dict[tuple[int, int], float]] = [{} for _ in lab.docs]
    for k in range(folds):
        rows = [r for d, ps in enumerate(lab.pairs) if d % folds != k for _i, _j, r in ps]
        labels = [y for d, ys in enumerate(lab.labels) if d % folds != k for y in ys]
        compiled = compile_model(fit_decision(rows, labels))
        for d, ps in enumerate(lab.pairs):
            if d % folds == k:
                probs[d] = {(i, j): predict(compiled, r).get("same", 0.0) for i, j, r in ps}
    out: dict[str, Any] = {"rules": _score(lab, [list(a.events) for _d, a in lab.docs])}
    out["rule"] = _score(lab, [_joined(a, lambda i, j, ev=a.events: float(KIND[ev[i].type] == KIND[ev[j].type]
                                                                          and rule_same(ev[i], ev[j])), 0.5)
                               for _d, a in lab.docs])
    out["model"] = {str(t): _score(lab, [_joined(a, lambda i, j, p=probs[d]: p.get((i, j), 0.0), t)
                                         for d, (_doc, a) in enumerate(lab.docs)]) for t in THRESHOLDS}
    return out


def train(out_dir: Path) -> dict[str, Any]:
    """Fit the pair model on the train split, choose the threshold and the variant (no joining, the
    plain rule, the model) by cross-validation there, ship it, and measure the test split."""
    from .devgold import holds
    from .evaluate import evaluate
    from .shipping import write

    lab = labelled("train")
    cv = cross_validate(lab)
    best_t = max(THRESHOLDS, key=lambda t: (cv["model"][str(t)]["events"], cv["model"][str(t)]["events.type"], t))
    choices = {"rules": cv["rules"], "rule": cv["rule"], "model": cv["model"][str(best_t)]}
    order = {"rules": 0, "rule": 1, "model": 2}
    use = max(choices, key=lambda m: (choices[m]["events"], choices[m]["events.type"], -order[m]))
    if choices[use]["events"] < choices["rules"]["events"] + MARGIN:
        use = "rules"  # no variant joins enough retellings more than it joins distinct occasions
    rows = [r for ps in lab.pairs for _i, _j, r in ps]
    labels = [y for ys in lab.labels for y in ys]
    model = fit_decision(rows, labels) | {"name": NAME, "use": use, "threshold": best_t,
                                          "trained_on": f"train split, {len(rows)} pairs ({labels.count('same')} same)"}
    write(out_dir, NAME, model)
    _compiled.cache_clear()
    dev_ok, dev = holds(("events", "events.type", "events.date")) if use != "rules" else (True, {})
    if not dev_ok:  # the dev gold's floors come first: without joining they hold
        use = "rules"
        write(out_dir, NAME, model | {"use": use})
        _compiled.cache_clear()
    res = evaluate("test")
    shipped = {"events": res["fields"]["events"]["f1"], "events.type": res["accuracy"].get("events.type")}
    return {"pairs_train": len(rows), "same_train": labels.count("same"), "threshold": best_t,
            "chosen_by": f"{FOLDS}-fold cross-validation on the train split", "cv_train": choices,
            "cv_thresholds": {t: v["events"] for t, v in cv["model"].items()}, "margin": MARGIN,
            "dev_floors_hold": dev_ok, "dev": dev, "use": use, "shipped": shipped}
