"""Count, side by side, what the dev gold and the annotations make required and optional (``CONVENTIONS.md``).

For each field and kind of item (statements per act and with or without threads, amounts per kind,
organizations per kind, events per type and status, people with or without a title) it prints
``required / optional`` in the dev gold (``../shared/eval/dev``, 15 files) and in the ``done``
annotations of the train and test splits (``annotations/docs``), then the evidence behind the
mechanical rulings of ``devgold_conventions.py``: thread-carrying informs, outlets, international
bodies by how often the article names them, organizations found only inside titles, statement topics
that are article topics. Counts and labels only; no article text is printed.

Usage (from the repository): ``.venv/bin/python scripts/annotate/relabel/audit_devgold.py``.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "src"))

from hoptac.annotate.corpus import iter_docs  # noqa: E402
from hoptac.annotate.schema import corpus_root  # noqa: E402

DEV = corpus_root().parent / "eval" / "dev"


def flag(item: dict[str, Any]) -> str:
    return "opt" if item.get("optional") else "req"


def kinds(doc: dict[str, Any]) -> Counter[tuple[str, ...]]:
    """(field, kind, required or optional) counts of one gold or annotation file (the two formats share these keys)."""
    c: Counter[tuple[str, ...]] = Counter()
    for s in doc.get("statements") or []:
        c["statement", s["act"], "threads" if s.get("threads") else "-", flag(s)] += 1
        c["statement actor side", str(s.get("side")), "to " + str(s.get("addressee_side")), flag(s)] += 1
    for a in doc.get("amounts") or []:
        c["amount", a["kind"], flag(a)] += 1
    for o in doc.get("organizations") or []:
        c["organization", str(o.get("kind")), flag(o)] += 1
    for e in doc.get("events") or []:
        c["event", e["type"], str(e.get("status")), flag(e)] += 1
    for p in doc.get("people") or []:
        c["person", "title" if p.get("title") else "no title", flag(p)] += 1
    return c


def occurrences(text: str, names: list[str]) -> int:
    """How often any of the names occurs in the text (longest first, no overlaps): the dev gold has no spans."""
    low, spans = text.casefold(), []
    for name in sorted({unicodedata.normalize("NFC", n).casefold() for n in names}, key=len, reverse=True):
        for m in re.finditer(re.escape(name), low):
            if not any(a <= m.start() < b for a, b in spans):
                spans.append((m.start(), m.end()))
    return len(spans)


def dev_evidence() -> tuple[Counter[tuple[str, ...]], Counter[str]]:
    """Per-kind counts of the dev gold, and the evidence of the mechanical rulings."""
    per, ev = Counter(), Counter()
    for path in sorted(DEV.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        per += kinds(gold)
        stem = path.name[: -len(".gold.json")]
        src = next((p for p in (corpus_root() / c / f"{stem}.txt" for c in ("seeds", "vnus")) if p.is_file()), None)
        text = unicodedata.normalize("NFC", src.read_text(encoding="utf-8")) if src else ""
        used = {x for e in gold.get("events") or [] for x in e.get("participants") or []}
        used |= {x for s in gold.get("statements") or [] for x in [s["actor"], *(s.get("aliases_actor") or [])]}
        used |= {p.get("organization") for p in gold.get("people") or []}
        for o in gold.get("organizations") or []:
            if o.get("kind") == "other" and o.get("side") == "OTHER" and o["name"] not in used:
                n = occurrences(text, [o["name"], *(o.get("aliases") or [])])
                ev[f"international body, unused, named {'<=2' if n <= 2 else '>2'} times: {flag(o)}"] += 1
        people_orgs = {p.get("organization") for p in gold.get("people") or []} - {None}
        titles = [p["title"] for p in gold.get("people") or [] if p.get("title")]
        for o in gold.get("organizations") or [] if people_orgs else []:  # seeds give no person's organization
            names = [o["name"], *(o.get("aliases") or [])]
            n = occurrences(text, names)
            if n and o["name"] not in people_orgs and occurrences(" | ".join(titles), names) >= n:
                ev[f"organization only inside titles, no person's org: {flag(o)}"] += 1
        art = set(gold.get("topics") or [])
        for t in {t for s in gold.get("statements") or [] for t in s.get("topics") or []}:
            ev[f"statement topic {'in' if t in art else 'not in'} article topics"] += 1
    return per, ev


def annotation_evidence() -> tuple[Counter[tuple[str, ...]], Counter[str]]:
    """Per-kind counts of the done annotations (train and test), and the same evidence."""
    per, ev = Counter(), Counter()
    for doc in iter_docs():
        ann = doc.annotation
        per += kinds(ann)
        titles = [p["title"] for p in ann["people"] if p.get("title")]
        people_orgs = {p.get("org") for p in ann["people"]}
        used = {x for e in ann["events"] for x in e.get("participants") or []} | people_orgs
        used |= {x for s in ann["statements"] for x in [s["actor"], *(s.get("actor_alternatives") or [])]}
        for o in ann["organizations"]:
            ms = o.get("mentions") or []
            if o.get("kind") == "other" and o.get("side") == "OTHER" and o["id"] not in used:
                ev[f"international body, unused, named {'<=2' if len(ms) <= 2 else '>2'} times: {flag(o)}"] += 1
            if ms and all(any(s <= a and b <= e for s, e in titles) for a, b in ms) and o["id"] not in people_orgs:
                ev[f"organization only inside titles, no person's org: {flag(o)}"] += 1
        art = set(ann.get("topics") or [])
        for t in {t for s in ann["statements"] for t in s.get("topics") or []}:
            ev[f"statement topic {'in' if t in art else 'not in'} article topics"] += 1
    return per, ev


def main() -> int:
    """Print the side-by-side table and the evidence counts."""
    dev, dev_ev = dev_evidence()
    ann, ann_ev = annotation_evidence()
    keys = sorted({k[:-1] for k in dev} | {k[:-1] for k in ann})
    print(f"{'field / kind':<52}{'dev req/opt':>14}{'annotations req/opt':>22}")
    for k in keys:
        d = f"{dev[(*k, 'req')]}/{dev[(*k, 'opt')]}"
        a = f"{ann[(*k, 'req')]}/{ann[(*k, 'opt')]}"
        print(f"{' | '.join(k):<52}{d:>14}{a:>22}")
    print()
    for key in sorted(set(dev_ev) | set(ann_ev)):
        print(f"{key:<70} dev {dev_ev[key]:>4}   annotations {ann_ev[key]:>5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
