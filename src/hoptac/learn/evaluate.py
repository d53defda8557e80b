"""``python -m hoptac.learn.evaluate``: the product's extraction scored per field on a split of the annotated corpus.

The annotations (``annotations/``, offsets into the raw corpus files) are turned into gold items
with names and raw spans; the pipeline's output is mapped back to raw offsets through
``Article.offsets``. Matching follows ``../shared/eval/score.py`` where the annotation allows:
people and organizations by name or any annotated mention string (title: word F1 ≥ 0.6 over the
matched people), events by type family and participants overlapping by half *or* a trigger inside
the event's evidence, statements (acts other than ``inform``, as score.py) by act, actor (or an
alternative) and overlapping clause, threads as (side, act, thread) triples, amounts by kind, unit
and value, topics as sets. Optional and background items are neither credited nor charged.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..annotate.corpus import AnnotatedDoc, iter_docs
from ..model import Article

FAMILY = {"meeting": "engagement", "reception": "engagement", "call": "engagement",
          "dialogue": "engagement", "visit": "engagement", "signing": "signing"}
FIELDS = ("people", "organizations", "events", "statements", "threads", "amounts", "topics")
SIDES = {"VN": "vn", "US": "us", "OTHER": "other"}


def norm(s: Any) -> str:
    """A name folded as score.py folds it (NFC, case, spacing, edge punctuation)."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s)).casefold()
    s = re.sub(r"[\s\u00a0]+", " ", s)
    return s.strip(" .,;:()[]\"'“”‘’-–")


def title_words(s: Any) -> list[str]:
    """The words of a string as score.py reads a title: folded (:func:`norm`), split on spaces and punctuation."""
    return [w for w in re.split(r"[\s,.;:()\-–]+", norm(s)) if w]


def word_f1(a: Any, b: Any) -> float:
    """Word-overlap F1 of two strings (score.py's title measure); the one measure of the
    evaluator and the name trainer."""
    wa, wb = title_words(a), title_words(b)
    if not wa or not wb:
        return 0.0
    pool, common = list(wb), 0
    for w in wa:
        if w in pool:
            pool.remove(w)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(wa), common / len(wb)
    return 2 * p * r / (p + r)


@dataclass
class Tally:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    """Per-field tallies and accuracies over a set of articles, with per-article notes."""

    tally: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    acc: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    notes: list[str] = field(default_factory=list)
    articles: int = 0

    def right(self, key: str, ok: bool) -> None:
        self.acc[key][0] += bool(ok)
        self.acc[key][1] += 1

    def result(self) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": self.articles, "fields": {}, "accuracy": {}}
        for f in FIELDS:
            t = self.tally[f]
            p, r, f1 = t.prf()
            out["fields"][f] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3),
                                "tp": t.tp, "fp": t.fp, "fn": t.fn}
        for k, (ok, n) in sorted(self.acc.items()):
            out["accuracy"][k] = round(ok / n, 3) if n else None
        out["mean_f1"] = round(sum(out["fields"][f]["f1"] for f in FIELDS) / len(FIELDS), 3)
        return out


# ---------------------------------------------------------------- gold from an annotation

def gold_of(doc: AnnotatedDoc) -> dict[str, Any]:
    """The annotation as gold items: names with their mention strings as aliases, raw spans kept."""
    a = doc.annotation
    names: dict[str, set[str]] = {}
    people, orgs = [], []
    for kind, out in (("people", people), ("organizations", orgs)):
        for it in a.get(kind, []):
            keys = {norm(it.get("name"))} | {norm(doc.quote(m)) for m in it.get("mentions") or []}
            keys.discard("")
            names[it["id"]] = keys
            g = {"id": it["id"], "name": it.get("name"), "keys": keys, "optional": bool(it.get("optional"))}
            if kind == "people" and it.get("title"):
                g["title"] = doc.quote(it["title"])
            out.append(g)
    canon = {it["id"]: norm(it.get("name")) for it in (*a.get("people", []), *a.get("organizations", []))}

    def ref(r: Any) -> str:
        return SIDES.get(r) or canon.get(r) or norm(r)

    events = [{"type": e["type"], "trigger": tuple(e["trigger"]),
               "participants": {ref(p) for p in e.get("participants") or []},
               "optional": bool(e.get("optional") or e.get("background")), "date": e.get("date_value")}
              for e in a.get("events", [])]
    statements = [{"act": s["act"], "actor": _actors(s, ref),
                   "clause": tuple(s["clause"]), "cue": tuple(s["cue"]), "side": s.get("side"),
                   "threads": list(s.get("threads") or []), "optional": bool(s.get("optional"))}
                  for s in a.get("statements", [])]
    amounts = [{k: am.get(k) for k in ("kind", "value", "min", "max", "unit", "optional")} | {"text": doc.quote(am["span"])}
               for am in a.get("amounts", [])]
    return {"path": doc.path, "people": people, "organizations": orgs, "events": events,
            "statements": statements, "amounts": amounts, "topics": set(a.get("topics") or []),
            "aliases": {k: v for k, v in names.items()}, "canon": canon}


def _actors(s: dict[str, Any], ref: Any) -> set[str]:
    """Who may be credited with a statement: its actor, the alternatives, and for both sides
    (an alternative that is a side) the actor's side as well, as the guide writes ``Hai bên``."""
    alts = [ref(x) for x in s.get("actor_alternatives") or []]
    out = {ref(s["actor"]), *alts}
    if any(x in SIDES for x in s.get("actor_alternatives") or []) and s.get("side") in SIDES:
        out.add(SIDES[s["side"]])
    return out


class Canon:
    """Maps a predicted name to the gold item it names (any mention string), else to itself."""

    def __init__(self, gold: dict[str, Any]) -> None:
        self.map: dict[str, str] = {}
        for item_id, keys in gold["aliases"].items():
            for k in keys:
                self.map.setdefault(k, gold["canon"][item_id])
        for side in SIDES.values():
            self.map.setdefault(side, side)

    def __call__(self, name: Any) -> str:
        n = norm(name)
        return self.map.get(n, n)


def raw_span(article: Article, span: Iterable[int]) -> tuple[int, int] | None:
    """A span of the cleaned text as a span of the raw file (None when it maps nowhere)."""
    a, b = tuple(span)
    if b <= a:
        return None
    ra, rb = article.raw_offset(a), article.raw_offset(b - 1)
    if ra is None or rb is None or rb < ra:
        return None
    return ra, rb + 1


def overlaps(x: tuple[int, int] | None, y: tuple[int, int] | None) -> bool:
    """Whether two spans share a character."""
    return bool(x and y and x[0] < y[1] and y[0] < x[1])


def assign(cands: list[tuple[Any, int, int]]) -> dict[int, int]:
    """Best-fit-first one-to-one assignment: cands are (rank, pred_index, gold_index)."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _rank, pi, gi in sorted(cands, key=lambda c: c[0], reverse=True):
        if pi in pairs or gi in used:
            continue
        pairs[pi] = gi
        used.add(gi)
    return pairs


# ---------------------------------------------------------------- matching, field by field

def _named(field_: str, gold: list[dict[str, Any]], pred: list[Any], sc: Scores) -> None:
    used: set[int] = set()
    tp = fp = 0
    for p in pred:
        keys = {norm(p.name)} | {norm(x) for x in getattr(p, "aliases", []) or []}
        hit = next((i for i, g in enumerate(gold) if i not in used and keys & g["keys"]), None)
        if hit is None:
            if not any(keys & g["keys"] for g in gold):
                fp += 1
                sc.notes.append(f"  {field_}: extra {p.name!r}")
            continue
        used.add(hit)
        g = gold[hit]
        tp += not g["optional"]
        if field_ == "people" and g.get("title"):
            ok = word_f1(p.title, g["title"]) >= 0.6
            sc.right("people.title", ok)
            if not ok:
                sc.notes.append(f"  people.title: {p.name!r} has {p.title!r}, gold {g['title']!r}")
    missed = [g for i, g in enumerate(gold) if i not in used and not g["optional"]]
    sc.notes += [f"  {field_}: missed {g['name']!r}" for g in missed]
    sc.tally[field_].add(tp, fp, len(missed))


def match_events(gold: dict[str, Any], article: Article, canon: Canon) -> tuple[dict[int, int], list[Any]]:
    """Predicted events paired with gold events: same family, participants by half or the trigger in the evidence."""
    cands = []
    for pi, p in enumerate(article.events):
        fam = FAMILY.get(p.type)
        parts = {canon(x) for x in p.participants}
        ev = raw_span(article, p.evidence)
        for gi, g in enumerate(gold["events"]):
            if FAMILY.get(g["type"]) != fam:
                continue
            gp = g["participants"]
            share = len(parts & gp) / len(gp) if gp else 0.0
            at = overlaps(ev, g["trigger"])
            if share >= 0.5 or at:
                fit = (len(parts & gp) / len(parts | gp) if parts | gp else 0.0) + at
                cands.append(((fit, not g["optional"]), pi, gi))
    return assign(cands), article.events


def match_statements(gold: dict[str, Any], article: Article, canon: Canon,
                     acts: bool = True) -> tuple[dict[int, int], list[int], list[int]]:
    """Predicted statements (not ``inform``) paired with gold ones: act, actor, overlapping clause.

    With ``acts=False`` the act is not compared (to label candidates for a model that decides it).
    Returns the pairs and the indices of the predicted and gold statements considered."""
    pis = [i for i, s in enumerate(article.statements) if not acts or s.act != "inform"]
    gis = [i for i, s in enumerate(gold["statements"]) if not acts or s["act"] != "inform"]
    cands = []
    for pi in pis:
        p = article.statements[pi]
        span = raw_span(article, p.evidence)
        actor = canon(p.actor)
        for gi in gis:
            g = gold["statements"][gi]
            if acts and g["act"] != p.act:
                continue
            if actor not in g["actor"] or not (overlaps(span, g["clause"]) or overlaps(span, g["cue"])):
                continue
            a, b = span or (0, 0)
            inter = max(0, min(b, g["clause"][1]) - max(a, g["clause"][0]))
            fit = inter / max(1, max(b, g["clause"][1]) - min(a, g["clause"][0]))
            cands.append(((fit, not g["optional"]), pi, gi))
    return assign(cands), pis, gis


def _same_amount(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g.get("kind") != p.get("kind"):
        return False
    gu, pu = norm(g.get("unit")), norm(p.get("unit"))
    if g.get("kind") in ("money", "percent"):
        if gu != pu:
            return False
    elif gu and pu and not (gu in pu or pu in gu):
        return False

    def close(a: Any, b: Any) -> bool:
        try:
            return a is not None and b is not None and abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
        except (TypeError, ValueError):
            return False

    if g.get("value") is None and g.get("min") is not None:
        return close(g["min"], p.get("min")) and close(g["max"], p.get("max"))
    return close(g.get("value"), p.get("value"))


def score_statements(gold: dict[str, Any], article: Article, sc: Scores, canon: Canon | None = None) -> None:
    """Add one article's statements and threads to the tallies (:func:`score_article` field by
    field; alone, for the replays of the statement decision's cross-validation)."""
    canon = canon or Canon(gold)
    spairs, pis, gis = match_statements(gold, article, canon)
    gst = gold["statements"]
    tp = sum(1 for gi in spairs.values() if not gst[gi]["optional"])
    extra_s = [article.statements[pi] for pi in pis if pi not in spairs]
    missed_s = [gst[gi] for gi in gis if gi not in set(spairs.values()) and not gst[gi]["optional"]]
    sc.tally["statements"].add(tp, len(extra_s), len(missed_s))
    sc.notes += [f"  statements: extra {s.actor!r} {s.act} {s.text[:60]!r}" for s in extra_s]
    sc.notes += [f"  statements: missed {sorted(g['actor'])} {g['act']} @{g['clause']}" for g in missed_s]

    def triples(items: Iterable[tuple[Any, str, list[str]]]) -> set[tuple[Any, str, str]]:
        return {(side, act, t) for side, act, ths in items for t in ths}

    g_req = triples((s["side"], s["act"], s["threads"]) for s in gst if not s["optional"])
    g_any = triples((s["side"], s["act"], s["threads"]) for s in gst)
    p_tr = triples((s.side, s.act, s.threads) for s in article.statements)
    sc.tally["threads"].add(len(p_tr & g_req), len(p_tr - g_any), len(g_req - p_tr))


def score_article(gold: dict[str, Any], article: Article, sc: Scores) -> None:
    """Add one article's matches to the tallies."""
    sc.articles += 1
    canon = Canon(gold)
    _named("people", gold["people"], article.people, sc)
    _named("organizations", gold["organizations"], article.organizations, sc)

    pairs, preds = match_events(gold, article, canon)
    gev = gold["events"]
    tp = sum(1 for gi in pairs.values() if not gev[gi]["optional"])
    for pi, gi in pairs.items():
        if not gev[gi]["optional"]:
            sc.right("events.type", preds[pi].type == gev[gi]["type"])
    extra = [p for pi, p in enumerate(preds) if pi not in pairs]
    missed = [g for gi, g in enumerate(gev) if gi not in set(pairs.values()) and not g["optional"]]
    sc.tally["events"].add(tp, len(extra), len(missed))
    sc.notes += [f"  events: extra {p.type} {p.participants}" for p in extra]
    sc.notes += [f"  events: missed {g['type']} {sorted(g['participants'])} @{g['trigger']}" for g in missed]

    score_statements(gold, article, sc, canon)

    gam = gold["amounts"]
    used: set[int] = set()
    tp = fp = 0
    for am in article.amounts:
        p = am.to_dict()
        hit = next((i for i, g in enumerate(gam) if i not in used and _same_amount(g, p)), None)
        if hit is None:
            if not any(_same_amount(g, p) for g in gam):
                fp += 1
                sc.notes.append(f"  amounts: extra {p.get('kind')} {p.get('value')} {p.get('unit')!r}")
            continue
        used.add(hit)
        tp += not gam[hit].get("optional")
    missed_a = [g for i, g in enumerate(gam) if i not in used and not g.get("optional")]
    sc.tally["amounts"].add(tp, fp, len(missed_a))
    sc.notes += [f"  amounts: missed {g['kind']} {g.get('value')} {g.get('unit')!r}" for g in missed_a]

    gt, pt = gold["topics"], set(article.topics)
    sc.tally["topics"].add(len(gt & pt), len(pt - gt), len(gt - pt))


def extract(doc: AnnotatedDoc) -> Article | None:
    """The product's extraction of an annotated article's corpus file (None when it fails)."""
    from ..annotate.schema import corpus_root
    from ..ingest.files import read_file
    from ..pipeline import pipe
    from ..settings import DEFAULT

    result = next(pipe([read_file(str(corpus_root() / doc.path), DEFAULT)]))
    return result.article if result.ok else None


def evaluate(split: str = "test", details: bool = False,
             docs: Iterable[AnnotatedDoc] | None = None) -> dict[str, Any]:
    """Per-field scores of the product on the annotated articles of a split."""
    sc = Scores()
    lines: list[str] = []
    for doc in docs if docs is not None else iter_docs(split=split):
        art = extract(doc)
        if art is None or art.raw != doc.text:
            print(f"{doc.path}: not extracted or text differs; skipped", file=sys.stderr)
            continue
        sc.notes = []
        score_article(gold_of(doc), art, sc)
        if details and sc.notes:
            lines += [doc.path, *sc.notes]
    out = sc.result()
    if details:
        out["details"] = lines
    return out


def table(result: dict[str, Any]) -> str:
    """The scores as a plain-text table."""
    rows = [f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for f in FIELDS:
        d = result["fields"][f]
        rows.append(f"{f:<14}{d['p']:>7.3f}{d['r']:>7.3f}{d['f1']:>7.3f}{d['tp']:>6}{d['fp']:>6}{d['fn']:>6}")
    for k, v in result["accuracy"].items():
        rows.append(f"{k:<20}{'n/a' if v is None else f'{v:.3f}':>7}  (accuracy)")
    rows.append(f"mean F1 over {len(FIELDS)} fields: {result['mean_f1']:.3f} ({result['articles']} articles)")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Score the product on a split of the annotated corpus; print a table (or JSON)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=("test", "train"))
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--details", action="store_true", help="list misses and extras per article")
    args = ap.parse_args(argv)
    result = evaluate(args.split, details=args.details)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    if args.details:
        print("\n".join(result.pop("details")))
    print(table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
