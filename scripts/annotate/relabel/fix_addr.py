"""Ruling addressee_side: a VN or US actor always addresses the other side; null only for OTHER actors."""
import sys, rl
apply = "--apply" in sys.argv
n = 0; files = {}
for split, rel, p, text, ann in rl.docs():
    ch = False
    for s in ann.get("statements") or []:
        want = {"VN": "US", "US": "VN"}.get(s.get("side"))
        if s.get("addressee_side") != want:
            s["addressee_side"] = want; n += 1; ch = True
    if ch:
        rl.save(p, ann, text, rel) if apply else None; files.setdefault(split, set()).add(rel)
print("changed", n, {k: len(v) for k, v in files.items()})
