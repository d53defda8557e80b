"""Ruling 'joint commitments are agree': commit/propose/request statements whose actor (actor_span, or the
clause opening when the actor is inside it) is both sides (hai bên, hai nước, Việt Nam và Mỹ, lãnh đạo hai
nước...). -> act agree, actor VN (or the VN co-actor), actor_alternatives gains US.  [--apply]"""
import re, sys, rl
from find_statements import JOINT
apply = "--apply" in sys.argv
# the 9 candidates read and left as they are in the relabelling pass (a speaker's own report about both sides,
# joint calls on third parties); pass further stem:id keys after --apply to skip them
SKIPIDS = {"vnus_0043_vietnews_047101:s11", "vnus_0107_vietnews_033978:s4", "vnus_0065_vietnews_008883:s3",
           "vnus_0043_vietnews_047101:s14", "vnus_0130_vietnews_024509:s6", "vnus_0118_vietnews_035776:s7",
           "vnus_0200_vietnews_025203:s31", "vnus_0200_vietnews_025203:s37", "vnus_0200_vietnews_025203:s38"} | set(sys.argv[2:])
n = 0; files = {}
for split, rel, p, text, ann in rl.docs():
    ch = False
    for s in ann.get("statements") or []:
        if s["act"] not in ("commit", "propose", "request"): continue
        a = rl.q(text, s.get("actor_span")) or ""
        head = (rl.q(text, s.get("clause")) or "")[:40]
        src = a if a else head
        m = JOINT.search(src)
        if not m or (not a and m.start() > 3): continue
        key = f"{rl.stem(rel)}:{s['id']}"
        print(split, key, s["act"], s["actor"], s.get("actor_alternatives"), "| actor:", a, "| cue:", rl.q(text, s["cue"]), "|", head)
        if key in SKIPIDS: continue
        s["act"] = "agree"
        alts = list(s.get("actor_alternatives") or [])
        if s["actor"] not in ("VN",):
            if s["actor"] not in alts and s["actor"] != "US": alts.insert(0, s["actor"])
            s["actor"] = "VN"; s["side"] = "VN"; s["addressee_side"] = "US"
        if "US" not in alts: alts.append("US")
        s["actor_alternatives"] = alts
        n += 1; ch = True; files.setdefault(split, set()).add(rel)
    if ch and apply: rl.save(p, ann, text, rel)
print("changed", n, {k: len(v) for k, v in files.items()})
