"""Ruling 'a statement told twice (the lead sums up what the body then reports in full) is marked at its first
telling in the body; the later telling is a second statement marked optional': pairs of required statements
of one actor and act whose clauses share most of their words."""
import re, rl
def words(s): return set(w for w in re.findall(r"\w+", (s or "").casefold()) if len(w) > 1)
for split, rel, p, text, ann in rl.docs():
    st = [s for s in ann["statements"] if not s.get("optional") and s.get("clause")]
    for i, a in enumerate(st):
        for b in st[i + 1:]:
            if a["act"] != b["act"]: continue
            same_actor = a["actor"] == b["actor"] or b["actor"] in (a.get("actor_alternatives") or []) or a["actor"] in (b.get("actor_alternatives") or [])
            if not same_actor: continue
            wa, wb = words(rl.q(text, a["clause"])), words(rl.q(text, b["clause"]))
            if not wa or not wb: continue
            j = len(wa & wb) / min(len(wa), len(wb))
            if j >= 0.7:
                first, later = sorted((a, b), key=lambda s: s["clause"][0])
                print(split, rl.stem(rel), first["id"], later["id"], first["act"], f"{j:.2f}", "|", rl.q(text, first["clause"])[:70], "||", rl.q(text, later["clause"])[:70])
