"""Ruling 'one phrase, two occasions': two events of one type whose triggers are the same word or lie in one
phrase (joined by 'và'/','), and visits whose trigger is followed by 'A và B' (two countries: one visit)."""
import re, rl
for split, rel, p, text, ann in rl.docs():
    evs = sorted(ann.get("events") or [], key=lambda e: e["trigger"][0])
    for a, b in zip(evs, evs[1:]):
        if a["type"] == b["type"] and b["trigger"][0] - a["trigger"][1] < 40:
            gap = text[a["trigger"][1]:b["trigger"][0]]
            if "." not in gap and "\n" not in gap:
                print(split, rl.stem(rel), a["id"], b["id"], a["type"], "|", rl.ctx(text, [a["trigger"][0], b["trigger"][1]], 50))
