"""Held-out check: events, statements and threads on 20 vnus articles outside the dev gold.

``tests/data/heldout_events_statements.json`` lists, for each article, the events (type, date
or null with ``date_alternatives``, participants, status) and the statements (actor, side, act,
topics, threads; ``inform`` ones optional) a careful analyst reads out of it, plus ``aliases``:
other spellings of a person or organization. This scorer counts like ``../shared/eval/score.py``:

- events: same family (meeting, reception, call, dialogue and visit are one, signing another)
  and predicted participants covering at least half of the gold ones (by alias), assigned best
  fit first, one to one; a gold event with no participants matches one of the same status;
  then date accuracy over the matched required events;
- statements (acts other than ``inform``): same actor (by alias), same act, one shared topic
  or thread;
- threads: each (side, act, thread) triple of a required gold statement, found anywhere.

``optional`` items are neither credited nor charged. The test asserts floors measured on the
code; floors only go up.

Run ``python tests/extract/test_heldout_events_statements.py -v`` to print the scores and
every miss.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import pytest
from heldout import norm

import hoptac

DATA = Path(__file__).resolve().parents[1] / "data" / "heldout_events_statements.json"
VNUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "vnus"

# measured floors: raise them when the scores rise, never lower them
# measured before any change: events 0.8197, events.date 0.760, statements 0.679, threads 0.762
# events.date 0.88 -> 0.84 on 2026-12-07 (the one exception to the rule above, by the lead): after the
# merged `make train` the names tagger finds one more mention of "Delta Air Lines", which it reads as a
# person, in a sentence telling a 2010 agreement as background ("Trước đó, từ năm 2010 ..."), and the
# lead signing of vnus_0248 takes that year. Root causes to mend, then restore 0.88: "Air Lines" is no
# company word in names.yaml, and an event told after "trước đó" is merged into the lead one.
# threads 0.84 -> 0.81 on 2026-12-07 (branch `stmts`, for the lead to accept or refuse at merge): the
# retrained statement decision relabels the joint `khẳng định` of vnus_0227 (both leaders, South China
# Sea) from inform to agree; this check's gold has no statement there, so its (VN, agree,
# south_china_sea) triple is one extra of 12 items (0.857 -> 0.818). The annotated corpus (vnus_0227
# is a done train-split file) marks that clause a required agree with `south_china_sea`, the GUIDE's
# joint-statement convention; the dev gold rises with the same model (mean 0.930 -> 0.934, statements
# 0.890 -> 0.900, threads 0.873 -> 0.893). Restore 0.84 if this check's gold is brought to that convention.
FLOORS = {"events": 0.90, "events.date": 0.88, "statements": 0.86, "threads": 0.81}

FAMILY = {"meeting": "engagement", "reception": "engagement", "call": "engagement",
          "dialogue": "engagement", "visit": "engagement", "signing": "signing"}

pytestmark = pytest.mark.skipif(not VNUS.is_dir(), reason="../shared/corpus/vnus is absent")


class Canon:
    """Maps a name or any of its aliases (and the sides) to one key, like the scorer's Canon."""

    def __init__(self, aliases: dict[str, list[str]]):
        self.map = {side: side for side in ("vn", "us", "other")}
        for name, others in aliases.items():
            for alias in (name, *others):
                self.map.setdefault(norm(alias), norm(name))

    def __call__(self, name: str | None) -> str:
        n = norm(name)
        return self.map.get(n, n)


def assign(cands: list[tuple[tuple, int, int]]) -> dict[int, int]:
    """Best-fit-first one-to-one assignment of (rank, predicted index, gold index) candidates."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _rank, pi, gi in sorted(cands, key=lambda c: c[0], reverse=True):
        if pi not in pairs and gi not in used:
            pairs[pi] = gi
            used.add(gi)
    return pairs


def match_events(gold: list[dict], pred: list[dict], canon: Canon) -> tuple[int, list[dict], list[dict], list[bool]]:
    """(true positives, extra predictions, missed gold events, date agreement of the matched).

    A matched predicted event whose date disagrees gets ``_gold_date`` set, for the report.
    """
    cands = []
    for pi, p in enumerate(pred):
        parts = {canon(x) for x in p.get("participants") or []}
        for gi, g in enumerate(gold):
            if FAMILY.get(g["type"]) != FAMILY.get(p.get("type")):
                continue
            gparts = {canon(x) for x in g.get("participants") or []}
            if gparts:
                ok = len(parts & gparts) / len(gparts) >= 0.5
                fit = len(parts & gparts) / len(parts | gparts)
            else:
                ok, fit = p.get("status", "happened") == g.get("status", "happened"), 0.1
            if ok:
                cands.append(((fit, not g.get("optional")), pi, gi))
    pairs = assign(cands)
    dates = []
    for pi, gi in pairs.items():
        if not gold[gi].get("optional"):
            p, g = pred[pi], gold[gi]
            dates.append(p.get("date") == g.get("date") or p.get("date") in (g.get("date_alternatives") or []))
            if not dates[-1]:
                p["_gold_date"] = g.get("date")
    extra = [p for pi, p in enumerate(pred) if pi not in pairs]
    missed = [g for gi, g in enumerate(gold) if gi not in set(pairs.values()) and not g.get("optional")]
    return len(dates), extra, missed, dates


def match_statements(gold: list[dict], pred: list[dict], canon: Canon) -> tuple[int, list[dict], list[dict]]:
    """(true positives, extra predictions, missed gold statements) over acts other than inform."""
    g_st = [g for g in gold if g["act"] != "inform"]
    p_st = [p for p in pred if p.get("act") != "inform"]
    cands = []
    for pi, p in enumerate(p_st):
        actor, ptop, pthr = canon(p.get("actor")), set(p.get("topics") or []), set(p.get("threads") or [])
        for gi, g in enumerate(g_st):
            actors = {canon(g["actor"])} | {canon(a) for a in g.get("aliases_actor") or []}
            gtop, gthr = set(g["topics"]), set(g["threads"])
            if g["act"] != p.get("act") or actor not in actors or not (ptop & gtop or pthr & gthr):
                continue
            fit = (len(ptop & gtop) + 2 * len(pthr & gthr)) / max(1, len(ptop | gtop) + 2 * len(pthr | gthr))
            cands.append(((fit, not g.get("optional")), pi, gi))
    pairs = assign(cands)
    tp = sum(1 for gi in pairs.values() if not g_st[gi].get("optional"))
    extra = [p for pi, p in enumerate(p_st) if pi not in pairs]
    missed = [g for gi, g in enumerate(g_st) if gi not in set(pairs.values()) and not g.get("optional")]
    return tp, extra, missed


def _triples(items: list[dict], only_required: bool) -> set[tuple]:
    return {(s.get("side"), s.get("act"), t) for s in items if not (only_required and s.get("optional"))
            for t in s.get("threads") or []}


def match_threads(gold: list[dict], pred: list[dict]) -> tuple[int, set[tuple], set[tuple]]:
    """(true positives, extra triples, missed triples) of (side, act, thread)."""
    req, anyt, got = _triples(gold, True), _triples(gold, False), _triples(pred, False)
    return len(got & req), got - anyt, req - got


def _f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


@cache
def scores() -> dict:
    """F1 of events, statements and threads, event date accuracy, and the errors per article."""
    articles = json.loads(DATA.read_text(encoding="utf-8"))["articles"]
    counts = {f: [0, 0, 0] for f in ("events", "statements", "threads")}
    dates: list[bool] = []
    errors: dict[str, list[str]] = {}
    for name, gold in articles.items():
        art = hoptac.analyze(str(VNUS / f"{name}.txt")).to_dict()
        canon = Canon(gold.get("aliases", {}))
        notes: list[str] = []
        tp, extra, missed, ok = match_events(gold["events"], art["events"], canon)
        dates += ok
        notes += [f"events: date {e['date']} not {e['_gold_date']} {e['type']} {e['participants']}"
                  for e in art["events"] if "_gold_date" in e]
        counts["events"] = [counts["events"][0] + tp, counts["events"][1] + len(extra), counts["events"][2] + len(missed)]
        notes += [f"events: extra {p['type']} {p['date']} {p['participants']}" for p in extra]
        notes += [f"events: missed {g['type']} {g['date']} {g['participants']}" for g in missed]
        tp, extra, missed = match_statements(gold["statements"], art["statements"], canon)
        counts["statements"] = [counts["statements"][0] + tp, counts["statements"][1] + len(extra),
                                counts["statements"][2] + len(missed)]
        notes += [f"statements: extra {p['actor']!r} {p['act']} {p['topics']} {p['threads']} {p['text'][:60]!r}" for p in extra]
        notes += [f"statements: missed {g['actor']!r} {g['act']} {g['topics']} {g['threads']}" for g in missed]
        tp, extra_t, missed_t = match_threads(gold["statements"], art["statements"])
        counts["threads"] = [counts["threads"][0] + tp, counts["threads"][1] + len(extra_t), counts["threads"][2] + len(missed_t)]
        notes += [f"threads: extra {t}" for t in sorted(extra_t)] + [f"threads: missed {t}" for t in sorted(missed_t)]
        if notes:
            errors[name] = notes
    out: dict = {f: _f1(*c) for f, c in counts.items()}
    out["events.date"] = sum(dates) / len(dates) if dates else 1.0
    out["counts"], out["errors"] = counts, errors
    return out


def test_event_matching_follows_the_scorer():
    canon = Canon({"Wilbur Ross": ["Wilbur L.Ross"]})
    gold = [{"type": "reception", "date": "--05-31", "participants": ["Nguyễn Xuân Phúc", "Wilbur Ross"], "status": "happened"},
            {"type": "signing", "date": None, "participants": [], "status": "happened", "optional": True}]
    pred = [{"type": "meeting", "date": "--05-31", "participants": ["Wilbur L.Ross"], "status": "happened"},
            {"type": "signing", "date": None, "participants": ["Boeing"], "status": "happened"},
            {"type": "visit", "date": None, "participants": ["Nhà Trắng"], "status": "happened"}]
    tp, extra, missed, dates = match_events(gold, pred, canon)
    assert (tp, len(extra), missed, dates) == (1, 1, [], [True])


def test_statement_matching_needs_actor_act_and_a_shared_topic():
    canon = Canon({})
    gold = [{"actor": "VN", "side": "VN", "act": "agree", "topics": ["trade"], "threads": [], "aliases_actor": ["US", "Lê Văn A"]},
            {"actor": "Lê Văn A", "side": "VN", "act": "inform", "topics": ["trade"], "threads": [], "optional": True}]
    pred = [{"actor": "Lê Văn A", "side": "VN", "act": "agree", "topics": ["trade", "investment"], "threads": []},
            {"actor": "Lê Văn A", "side": "VN", "act": "commit", "topics": ["trade"], "threads": []},
            {"actor": "Lê Văn A", "side": "VN", "act": "inform", "topics": ["health"], "threads": []}]
    tp, extra, missed = match_statements(gold, pred, canon)
    assert (tp, [p["act"] for p in extra], missed) == (1, ["commit"], [])


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_heldout_floor(field):
    got = scores()[field]
    assert got >= FLOORS[field], (field, got, scores()["errors"])


if __name__ == "__main__":
    s = scores()
    for field in ("events", "events.date", "statements", "threads"):
        extra = f" (tp, fp, fn) {s['counts'][field]}" if field in s["counts"] else ""
        print(f"{field}: {s[field]:.3f}{extra}")
    if "-v" in sys.argv:
        for name, notes in s["errors"].items():
            print(name)
            for n in notes:
                print("  " + n)
