"""Amount rulings 'marked wherever they occur, the headline included' and 'ages': numbers in the headline not
covered by an amount; 'tuổi' ages not annotated or with another kind/unit."""
import re, rl
NUM = re.compile(r"(?<![\w/.,-])(\d+(?:[.,]\d+)*)(?![\w/]|[.,]\d)")
for split, rel, p, text, ann in rl.docs():
    head = text.find("\n"); amts = ann.get("amounts") or []
    def cov(s, e): return any(a <= s and e <= b for a, b in (x["span"] for x in amts))
    for m in NUM.finditer(text, 0, head):
        if cov(m.start(), m.end()): continue
        ctx = text[max(0, m.start() - 12):m.end() + 20]
        if re.search(r"(APEC|G20|G7|MH|COVID|Covid|SM|F-|B-)\s*-?\s*$", text[max(0, m.start() - 8):m.start()]): continue
        print(split, rl.stem(rel), "HEADLINE", "|", rl.ctx(text, [m.start(), m.end()], 30))
    for m in re.finditer(r"(?i)\b(\d{1,3})\s+tuổi\b|\btuổi\s+(\d{1,3})\b", text):
        if m.start() < head: continue
        a = [x for x in amts if x["span"][0] <= m.start(1 if m.group(1) else 2) < x["span"][1]]
        if not a: print(split, rl.stem(rel), "AGE missing", "|", rl.ctx(text, [m.start(), m.end()], 30))
        elif a[0].get("kind") != "duration" or a[0].get("unit") != "tuổi" or not a[0].get("optional"):
            print(split, rl.stem(rel), "AGE", a[0]["id"], a[0].get("kind"), a[0].get("unit"), a[0].get("optional"), "|", rl.ctx(text, a[0]["span"], 20))
