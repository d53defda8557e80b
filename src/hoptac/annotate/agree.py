"""Agreement between two annotations of one article: per-label span F1 and Cohen's kappa on labels.

Spans match *exactly* (same start and end) or *loosely* (they overlap; each span is used once,
greedy by largest overlap). For matched pairs the categorical fields are compared (act, event
type, side, kind) and summarised as raw agreement and Cohen's kappa over all matched pairs of
all files given. F1 is symmetric, so which annotation is "A" does not matter. An item marked
``optional`` on either side is neither credited nor charged: it and whatever overlaps it on the
other side (same label) are left out, as the dev-gold scorer treats optional gold items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

Item = tuple[int, int, dict[str, Any]]
#: An item and whether it is optional (found or not, neither credited nor charged).
Flagged = tuple[int, int, dict[str, Any], bool]
LABELS = ("person", "title", "organization", "event", "event_date", "statement", "cue", "amount")


def flagged_items(doc: dict[str, Any]) -> dict[str, list[Flagged]]:
    """Each label's comparable units: (start, end, categorical fields, optional)."""
    sides = {p["id"]: p.get("side") for p in doc.get("people", [])}
    sides.update({o["id"]: o.get("side") for o in doc.get("organizations", [])})
    out: dict[str, list[Flagged]] = {label: [] for label in LABELS}
    for p in doc.get("people", []):
        opt = bool(p.get("optional"))
        out["person"] += [(m[0], m[1], {"side": p.get("side")}, opt) for m in p.get("mentions") or []]
        if p.get("title"):
            out["title"].append((p["title"][0], p["title"][1], {}, opt))
    for o in doc.get("organizations", []):
        opt = bool(o.get("optional"))
        out["organization"] += [(m[0], m[1], {"kind": o.get("kind"), "side": o.get("side")}, opt)
                                for m in o.get("mentions") or []]
    for e in doc.get("events", []):
        opt = bool(e.get("optional"))
        out["event"].append((e["trigger"][0], e["trigger"][1],
                             {"type": e.get("type"), "status": e.get("status"),
                              "background": bool(e.get("background"))}, opt))
        if e.get("date"):
            out["event_date"].append((e["date"][0], e["date"][1], {}, opt))
    for s in doc.get("statements", []):
        opt = bool(s.get("optional"))
        actor = s.get("actor")
        out["statement"].append((s["clause"][0], s["clause"][1],
                                 {"act": s.get("act"), "side": s.get("side") or sides.get(actor),
                                  "addressee_side": s.get("addressee_side")}, opt))
        out["cue"].append((s["cue"][0], s["cue"][1], {}, opt))
    for a in doc.get("amounts", []):
        value = a.get("value") if a.get("value") is not None else (a.get("min"), a.get("max"))
        out["amount"].append((a["span"][0], a["span"][1],
                              {"kind": a.get("kind"), "value": str(value), "unit": a.get("unit")},
                              bool(a.get("optional"))))
    return out


def without_optional(doc: dict[str, Any]) -> dict[str, Any]:
    """A copy of an annotation with every ``optional`` flag dropped, so that every item counts.

    The official convention hides most disagreement on statements (a disputed item is usually
    optional on one side); agreement over all items shows it.
    """
    out = dict(doc)
    for key in ("people", "organizations", "events", "statements", "amounts"):
        out[key] = [{k: v for k, v in it.items() if k != "optional"} for it in doc.get(key) or []]
    return out


def items(doc: dict[str, Any]) -> dict[str, list[Item]]:
    """Each label's required units (optional ones left out): (start, end, categorical fields)."""
    return {label: [(a, b, f) for a, b, f, opt in units if not opt]
            for label, units in flagged_items(doc).items()}


def _settle(a: list[Flagged], b: list[Flagged]) -> tuple[list[Item], list[Item]]:
    """Drop optional items and whatever on the other side overlaps one of them."""
    opt_a = [(x[0], x[1]) for x in a if x[3]]
    opt_b = [(x[0], x[1]) for x in b if x[3]]

    def free(x: Flagged, others: list[tuple[int, int]]) -> bool:
        return not x[3] and not any(min(x[1], e) > max(x[0], s) for s, e in others)

    return ([(x[0], x[1], x[2]) for x in a if free(x, opt_b)],
            [(x[0], x[1], x[2]) for x in b if free(x, opt_a)])


def match(a: list[Item], b: list[Item], *, exact: bool) -> list[tuple[Item, Item]]:
    """Pairs of items, each used once: same span, or (loose) the largest overlaps first."""
    cands = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            ov = min(x[1], y[1]) - max(x[0], y[0])
            if (exact and (x[0], x[1]) == (y[0], y[1])) or (not exact and ov > 0):
                cands.append((-ov, i, j))
    cands.sort()
    used_a, used_b, pairs = set(), set(), []
    for _, i, j in cands:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((a[i], b[j]))
    return pairs


@dataclass
class Tally:
    """Counts of one label over one or more files."""

    n_a: int = 0
    n_b: int = 0
    exact: int = 0
    loose: int = 0
    fields: dict[str, list[tuple[Any, Any]]] = field(default_factory=dict)

    def f1(self, hits: int) -> float:
        return 2 * hits / (self.n_a + self.n_b) if self.n_a + self.n_b else 1.0


def kappa(pairs: list[tuple[Any, Any]]) -> float | None:
    """Cohen's kappa of paired categorical labels (None without pairs; 1.0 when chance is total)."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(x == y for x, y in pairs) / n
    ca, cb = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    expected = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def compare(pairs_of_docs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Tally]:
    """Tallies per label over pairs of annotations of the same files."""
    tallies: dict[str, Tally] = {}
    for da, db in pairs_of_docs:
        if da.get("sha256") != db.get("sha256"):
            raise ValueError(f"{da.get('path')}: the two annotations are of different file versions")
        fa, fb = flagged_items(da), flagged_items(db)
        for label in LABELS:
            xa, xb = _settle(fa[label], fb[label])
            t = tallies.setdefault(label, Tally())
            t.n_a += len(xa)
            t.n_b += len(xb)
            t.exact += len(match(xa, xb, exact=True))
            loose = match(xa, xb, exact=False)
            t.loose += len(loose)
            for x, y in loose:
                for k in x[2]:
                    t.fields.setdefault(k, []).append((x[2][k], y[2].get(k)))
    return tallies


def report(tallies: dict[str, Tally]) -> list[dict[str, Any]]:
    """One row per label: counts, exact and loose F1, agreement and kappa per field."""
    rows = []
    for label, t in tallies.items():
        row: dict[str, Any] = {"label": label, "a": t.n_a, "b": t.n_b,
                               "f1_exact": round(t.f1(t.exact), 3), "f1_overlap": round(t.f1(t.loose), 3)}
        for k, pairs in t.fields.items():
            agree = sum(x == y for x, y in pairs) / len(pairs) if pairs else None
            kap = kappa(pairs)
            row[k] = {"agree": None if agree is None else round(agree, 3),
                      "kappa": None if kap is None else round(kap, 3), "n": len(pairs)}
        rows.append(row)
    return rows
