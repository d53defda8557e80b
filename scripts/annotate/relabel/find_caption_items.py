"""Rulings 'captions are not body' (events at their first naming in the body; statements: headlines and
captions are not statements): in vietnews files (headline / sapo / caption / body), events and statements
whose trigger/cue lies in the caption line, and events whose trigger is in the headline."""
import re, rl
def caption_span(text):
    parts = text.split("\n")
    # headline, '', sapo, '', caption, body...
    if len(parts) > 5 and parts[1] == "" and parts[3] == "" and parts[4] and len(parts[4]) < 250:
        s = len(parts[0]) + 1 + 1 + len(parts[2]) + 1 + 1
        return [s, s + len(parts[4])]
    return None
for split, rel, p, text, ann in rl.docs():
    if "vietnews" not in rel: continue
    cap = caption_span(text); head = text.find("\n")
    for e in ann["events"]:
        t = e["trigger"]
        where = "CAPTION" if cap and cap[0] <= t[0] < cap[1] else ("HEADLINE" if t[0] < head else None)
        if where and not e.get("optional") and not e.get("background"):
            others = [o for o in ann["events"] if o is not e and o["type"] == e["type"] and o["trigger"][0] > (cap[1] if cap else head)]
            print(split, rl.stem(rel), "EVENT", where, e["id"], e["type"], "| same type later:", [o["id"] for o in others][:4], "|", rl.ctx(text, t, 50))
    for s in ann["statements"]:
        c = s.get("cue") or s.get("clause")
        if c and cap and cap[0] <= c[0] < cap[1] and not s.get("optional"):
            print(split, rl.stem(rel), "STATEMENT CAPTION", s["id"], s["act"], "|", rl.ctx(text, c, 50))
        if c and c[0] < head and not s.get("optional"):
            print(split, rl.stem(rel), "STATEMENT HEADLINE", s["id"], s["act"], "|", rl.ctx(text, c, 50))
