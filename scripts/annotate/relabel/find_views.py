"""Ruling 'analysts' views: every one marked (optional inform), one per act-bearing clause': a person's
mention followed by a speech verb (or 'Theo <name>') with no statement of that person around it."""
import re, sys, rl
SPEECH = re.compile(r"(?i)^[^.\n]{0,90}?\b(nói|cho biết|nhận định|đánh giá|cho rằng|nhấn mạnh|bình luận|phân tích|dự báo|chia sẻ|khẳng định|lưu ý|viết|nhận xét|giải thích)\b")
ANALYST = re.compile(r"(?i)(chuyên gia|nhà nghiên cứu|nhà phân tích|giáo sư|GS|TS|tiến sĩ|tiến sỹ|học giả|nhà kinh tế|nhà báo|cây viết|giám đốc|viện|trung tâm|đại học)")
only_analysts = "--analysts" in sys.argv
tot = 0
for split, rel, p, text, ann in rl.docs():
    if not rl.stem(rel).startswith("vnus"): continue
    head = text.find("\n")
    bp = ann.get("boilerplate") or []
    st = ann.get("statements") or []
    for per in ann.get("people") or []:
        t = rl.q(text, per.get("title")) or ""
        if only_analysts and not (per.get("side") == "OTHER" or ANALYST.search(t) or not t):
            continue
        for m in sorted(per.get("mentions") or []):
            if m[0] < head or any(a <= m[0] < b for a, b in bp): continue
            sm = SPEECH.match(text[m[1]:m[1] + 100]) or (re.search(r"(?i)\btheo\s+(?:ông|bà|\S+\s)?\s*$", text[max(0, m[0] - 20):m[0]]) and re.match(r"^\s*[,(]", text[m[1]:m[1]+40]))
            if not sm: continue
            near = [s for s in st if (s["actor"] == per["id"] or per["id"] in (s.get("actor_alternatives") or [])) and s.get("cue") and abs(s["cue"][0] - m[1]) < 400]
            if near: continue
            tot += 1
            print(split, rl.stem(rl.stem(rel)), per["id"], per["name"], per.get("side"), "|", t[:40], "|", rl.ctx(text, m, 90)[:260])
print("candidates", tot)
