"""Where events are lost on the train split: every required gold event the shipped event decision
misses, and every extra, by cause, as counts.

The decision is replayed as :func:`hoptac.learn.events.cross_validate` does (each article decided by
a model fit on the other folds), not with the shipped model, which was fit on these articles.
Counts only: no article text is printed (with ``--words``, the cue or trigger words of each cause,
lexicon words, not sentences).

Causes of a miss, first that applies:

- ``decision dropped it``: a rule candidate of the family was paired with it and the decision said ``none``;
- ``candidate paired with another gold event``: a rule candidate at its trigger serves another gold event;
- ``candidate of the other family``: only a candidate of the other family (signing/engagement) is there;
- ``rule dropped the clause: WHY``: a cue at its trigger made a clause the rules rejected (the reason
  ``_draft`` gave);
- ``draft merged or kept as a caption``: a draft at its trigger, no event left of it;
- ``cue, no draft``: a cue at its trigger, no clause made of it (whole-word test, overlap);
- ``no cue at the trigger``: the trigger is in no cue of the lexicon.

Causes of an extra: ``a second telling`` (a gold event of the family overlaps it, paired with another
candidate), ``wrong family``, else ``no gold event there`` by its status, quoting and cue kind.

Usage: ``python scripts/event_misses.py [--words] [--kinds business,trade]`` (a few minutes); ``--kinds``
counts only the articles of those kinds (``kinds`` of ``annotations/split.json``; the folds still fit on all).
"""

from __future__ import annotations

import collections
import sys
from typing import Any

from hoptac.annotate.corpus import iter_docs, load_split
from hoptac.extract import events as stage
from hoptac.extract.event_merge import FAMILY
from hoptac.extract.gazetteer import gazetteer
from hoptac.extract.spans import captions_of
from hoptac.learn.evaluate import Canon, extract, gold_of, match_events, overlaps, raw_span
from hoptac.learn.events import FOLDS, NAME, allowed, features, fit
from hoptac.learn.features import choice, compile_model, predict
from hoptac.learn.modes import using

_REJECTED: list[tuple[tuple[int, int], str]] = []  # (cue span, reason) of the clauses the rules rejected
_DRAFTED: list[tuple[int, int]] = []
_draft = stage._draft


def _recording(*args: Any, **kw: Any) -> Any:
    d, why = _draft(*args, **kw)
    grp = args[5][2]
    span = (grp[0][0], grp[-1][1])
    (_DRAFTED.append(span) if d is not None else _REJECTED.append((span, why)))
    return d, why


def _word(text: str) -> str:
    return " ".join(text.lower().split())


def main(words: bool = False, kinds: frozenset[str] = frozenset()) -> int:
    """Print the counts (of the articles of ``kinds`` only, when given)."""
    kind_of = load_split().get("kinds", {})
    stage._draft = _recording
    g = gazetteer()
    cases = []
    with using(NAME, "rules"):
        for doc in iter_docs(split="train"):
            _REJECTED.clear()
            _DRAFTED.clear()
            art = extract(doc)
            if art is None or art.raw != doc.text:
                continue
            gold = gold_of(doc)
            pairs, _preds = match_events(gold, art, Canon(gold))
            people = {n for p in art.people for n in (p.name, *p.aliases)}
            rows = [features(art, ev, people) for ev in art.events]
            cases.append((doc, art, gold, pairs, rows, list(_REJECTED), list(_DRAFTED)))
    counts: collections.Counter[str] = collections.Counter()
    said: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    tp = fp = fn = right = 0
    for k in range(FOLDS):
        fit_on = [c for i, c in enumerate(cases) if i % FOLDS != k]
        model = fit([r for c in fit_on for r in c[4]],
                    [(c[2]["events"][c[3][pi]]["type"] if pi in c[3] else "none") for c in fit_on for pi in range(len(c[4]))])
        compiled = compile_model(model)
        for doc, art, gold, pairs, rows, rejected, drafted in cases[k::FOLDS]:
            if kinds and kind_of.get(doc.path) not in kinds:
                continue
            kept = {}
            for pi, ev in enumerate(art.events):
                lab = choice(predict(compiled, rows[pi]), ev.type, "both", 0.6)
                kept[pi] = lab if lab == "none" or lab in allowed(art, ev) else ev.type
            paired_g = {gi: pi for pi, gi in pairs.items()}
            for pi, ev in enumerate(art.events):
                if kept[pi] == "none":
                    continue
                gi = pairs.get(pi)
                if gi is not None and gold["events"][gi]["optional"]:
                    continue
                if gi is not None:
                    tp, right = tp + 1, right + (kept[pi] == gold["events"][gi]["type"])
                    continue
                fp += 1
                span = raw_span(art, ev.evidence)
                near = [h for h in gold["events"] if overlaps(span, h["trigger"])]
                a = ev.evidence[0]
                cue = next((_word(art.text[a + s:a + e]) for s, e, _t in stage._all_cues(g, art.text[slice(*ev.evidence)])), "?")
                if any(FAMILY[h["type"]] == FAMILY[ev.type] for h in near):
                    why = "extra: a second telling of a gold event"
                elif near:
                    why = "extra: wrong family"
                else:
                    row = set(rows[pi])
                    why = ("extra: no gold event there (" + ev.status + (", quoted" if "quoted:True" in row else "")
                           + (", headline" if "headline:True" in row else "") + ")")
                counts[why] += 1
                said[why][f"{ev.type}:{cue}"] += 1
            for gi, h in enumerate(gold["events"]):
                if h["optional"]:
                    continue
                pi = paired_g.get(gi)
                if pi is not None and kept[pi] != "none":
                    continue
                fn += 1
                word = _word(doc.text[h["trigger"][0]:h["trigger"][1]])
                at = [p for p, ev in enumerate(art.events) if overlaps(raw_span(art, ev.evidence), h["trigger"])]
                if pi is not None:
                    why = "miss: decision dropped it"
                elif any(FAMILY[art.events[p].type] == FAMILY[h["type"]] for p in at):
                    why = "miss: candidate paired with another gold event"
                elif at:
                    why = "miss: candidate of the other family"
                elif (r := next((w for s, w in rejected if overlaps(raw_span(art, s), h["trigger"])), None)):
                    why = f"miss: rule dropped the clause: {r}"
                elif (d := next((s for s in drafted if overlaps(raw_span(art, s), h["trigger"])), None)):
                    why = "miss: draft in a caption, told by the body" if captions_of(art).holds_span(*d) \
                        else "miss: draft merged into an event paired with another gold event" \
                        if any(d[0] >= ev.evidence[0] and d[1] <= ev.evidence[1] for ev in art.events) \
                        else "miss: draft merged away"
                elif any(overlaps(raw_span(art, (s, e)), h["trigger"]) for s, e, _t in stage._all_cues(g, art.text)):
                    why = "miss: cue, no draft"
                else:
                    why = "miss: no cue at the trigger"
                counts[why] += 1
                said[why][f"{h['type']}:{word}"] += 1
    print(f"train split, {FOLDS}-fold CV replay: tp {tp} fp {fp} fn {fn}, P {tp / max(1, tp + fp):.3f} "
          f"R {tp / max(1, tp + fn):.3f} F1 {2 * tp / max(1, 2 * tp + fp + fn):.3f}, type {right / max(1, tp):.3f}")
    for key, n in sorted(counts.items()):
        print(f"{n:5d}  {key}")
        if words:
            print("        " + ", ".join(f"{w} {c}" for w, c in said[key].most_common(12)))
    return 0


if __name__ == "__main__":
    sys.setrecursionlimit(100000)
    _kinds = sys.argv[sys.argv.index("--kinds") + 1].split(",") if "--kinds" in sys.argv else []
    raise SystemExit(main("--words" in sys.argv, frozenset(_kinds)))
