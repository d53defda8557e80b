"""Ruling 'ages (tuổi 79): duration, unit tuổi, optional': every amount with unit tuổi, and ages not annotated."""
import re, sys, rl
apply = "--apply" in sys.argv
n = {"fixed": 0, "added": 0}; files = {}
for split, rel, p, text, ann in rl.docs():
    ch = False; head = text.find("\n")
    for a in ann.get("amounts") or []:
        if a.get("unit") == "tuổi" and (a.get("kind") != "duration" or not a.get("optional")):
            a["kind"] = "duration"; a["optional"] = True; n["fixed"] += 1; ch = True
    for m in re.finditer(r"\btuổi\s+(\d{1,3})\b", text):
        if m.start() < head or any(x["span"][0] <= m.start(1) < x["span"][1] for x in ann["amounts"]): continue
        ann["amounts"].append({"id": rl.next_id(ann, "amounts", "a"), "span": [m.start(), m.end()], "kind": "duration",
                               "value": int(m.group(1)), "unit": "tuổi", "approx": False, "optional": True})
        n["added"] += 1; ch = True; print(split, rl.stem(rel), rl.ctx(text, [m.start(), m.end()], 20))
    if ch:
        files.setdefault(split, set()).add(rel); rl.save(p, ann, text, rel) if apply else None
print(n, {k: len(v) for k, v in files.items()})
