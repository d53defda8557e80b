"""Statement rulings: joint commitments (agree), addressee_side of VN/US actors, cue extent (shortest
deciding word), clause start (first word after the cue, skipping only rằng/là/colon/quote/tới/với)."""
import re, sys, rl
kind = sys.argv[1] if len(sys.argv) > 1 else ""
SKIP = re.compile(r'^[\s,:“”"\'«»]*(?:(?:rằng|là|tới|với)\b[\s,:“”"\'«»]*)*$', re.I)
JOINT = re.compile(r"(?i)\b(hai bên|hai nước|hai phía|hai lãnh đạo|hai nhà lãnh đạo|hai bộ trưởng|việt nam và (mỹ|hoa kỳ)|(mỹ|hoa kỳ) và việt nam|hai chính phủ|hai quốc gia)\b")
CUE_LONG = re.compile(r"(?i)^(.+?)\s+(rằng|sẽ|tin tưởng|cuối cùng|là)$|^(ra|theo thông tin từ|theo)\s+(.+)$")
for split, rel, p, text, ann in rl.docs():
    tag = f"{split} {rl.stem(rel)}"
    for s in ann.get("statements") or []:
        cue, cl = s.get("cue"), s.get("clause")
        if kind == "joint":
            a = rl.q(text, s.get("actor_span")) or ""
            if s["act"] in ("commit", "propose", "inform", "request") and (JOINT.search(a) or (s.get("actor_alternatives") and s["act"] == "commit")):
                print(tag, s["id"], s["act"], s["actor"], s.get("actor_alternatives"), "| actor:", a, "| cue:", rl.q(text, cue), "|", rl.ctx(text, cl, 40)[:200])
        elif kind == "addr":
            if s.get("actor") in ("VN", "US") or s.get("side") in ("VN", "US"):
                want = {"VN": "US", "US": "VN"}.get(s.get("side"))
                if s.get("addressee_side") != want:
                    print(tag, s["id"], s["act"], s["actor"], s.get("side"), "->", s.get("addressee_side"), "want", want)
            elif s.get("side") == "OTHER" and s.get("addressee_side"):
                print(tag, s["id"], "OTHER actor with addressee", s.get("addressee_side"))
        elif kind == "cue":
            c = rl.q(text, cue) or ""
            if CUE_LONG.search(c) and c.lower() not in ("theo",):
                print(tag, s["id"], s["act"], "| cue:", repr(c), "|", rl.ctx(text, cue, 30))
        elif kind == "clause" and cue and cl:
            if cue[1] <= cl[0] and cl[0] - cue[1] < 40:
                gap = text[cue[1]:cl[0]]
                if not SKIP.match(gap):
                    print(tag, s["id"], s["act"], "| gap:", repr(gap), "|", rl.ctx(text, [cue[0], cl[0]+15], 20))
            st = text[cl[0]:cl[0]+6]
            if re.match(r'(?i)(rằng|là)\s|[:“"]', st):
                print(tag, s["id"], s["act"], "| clause starts with skip word:", rl.ctx(text, [cl[0], cl[0]+20], 25))
