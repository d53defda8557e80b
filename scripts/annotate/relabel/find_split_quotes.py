"""Ruling 'consecutive sentences of one quotation with the same act are one statement': two statements of one
actor and act whose clauses follow each other inside one quotation (no closing quote between them)."""
import re, sys, rl
for split, rel, p, text, ann in rl.docs():
    st = sorted([s for s in ann["statements"] if s.get("clause")], key=lambda s: s["clause"][0])
    for a, b in zip(st, st[1:]):
        if a["actor"] == b["actor"] and a["act"] == b["act"] and 0 <= b["clause"][0] - a["clause"][1] <= 6:
            gap = text[a["clause"][1]:b["clause"][0]]
            if not re.search(r"[\"”“]", gap):
                print(split, rl.stem(rel), a["id"], b["id"], a["act"], a.get("optional"), b.get("optional"), repr(gap), "|", rl.q(text, a["clause"])[-50:], "||", rl.q(text, b["clause"])[:50])
