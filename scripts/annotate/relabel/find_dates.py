"""Date rulings: no leading preposition (từ, vào, hồi, trong), keep deictic words (này, nay, qua, tới)
and both ends of a range; a null date when the trigger's sentence holds a date expression. [--apply]"""
import re, sys, rl
apply = "--apply" in sys.argv
LEAD = re.compile(r"(?i)^(từ|vào|hồi|trong|tới|đến|ngay)\s+")
DEICT = re.compile(r"^\s+(này|nay|qua|tới|vừa qua|sắp tới|trước)\b")
RANGE = re.compile(r"^(\s*(?:-|–|đến|tới|và)\s*(?:ngày\s+)?\d{1,2}(?:[/.-]\d{1,2})?(?:[/.-]\d{2,4})?)")
DATE = re.compile(r"(?i)\b((?:sáng|trưa|chiều|tối|đêm|ngày|hôm)\s+(?:nay\s+)?\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|(?:hôm nay|hôm qua|chiều nay|sáng nay|tối nay|tối qua|sáng qua|chiều qua)|tháng\s+\d{1,2}(?:[/.-]\d{4})?(?:\s+(?:này|tới|qua))?|năm\s+\d{4})")
n = {"lead": 0, "deictic": 0, "range": 0, "null": 0}; files = {}
for split, rel, p, text, ann in rl.docs():
    ch = False; head = text.find("\n")
    for e in ann.get("events") or []:
        d = e.get("date"); tag = f"{split} {rl.stem(rel)} {e['id']}"
        if d:
            t = rl.q(text, d)
            m = LEAD.match(t)
            if m and len(t) > m.end():
                e["date"] = d = [d[0] + m.end(), d[1]]; n["lead"] += 1; ch = True; print(tag, "lead", repr(t), "->", rl.q(text, d))
            m = DEICT.match(text[d[1]:d[1] + 12])
            if m and not (d[1] + m.end() > e["trigger"][0] and d[0] < e["trigger"][1]) and not re.search(r"(?i)(này|nay|qua|tới)$", rl.q(text, d)) and re.search(r"(?i)(tháng|tuần|năm|chiều|sáng|tối|hôm|dịp|\d)$", rl.q(text, d)) and not re.search(r"\d{4}$", rl.q(text, d)):
                print(tag, "deictic?", rl.ctx(text, [d[0], d[1] + m.end()], 30))
                e["date"] = d = [d[0], d[1] + m.end()]; n["deictic"] += 1; ch = True
            m = RANGE.match(text[d[1]:d[1] + 25])
            if m and re.search(r"\d$", rl.q(text, d)):
                print(tag, "range?", rl.ctx(text, [d[0], d[1] + m.end()], 30))
                e["date"] = d = [d[0], d[1] + m.end()]; n["range"] += 1; ch = True
        elif not e.get("background") and e["trigger"][0] > head:
            tr = e["trigger"]
            s0 = max(text.rfind(". ", 0, tr[0]), text.rfind("\n", 0, tr[0]))
            s1 = min([x for x in (text.find(". ", tr[1]), text.find("\n", tr[1])) if x >= 0] or [len(text)])
            for m in DATE.finditer(text, s0 + 1, s1):
                print(tag, "NULL date, sentence has:", e["type"], rl.q(text, tr), "|", rl.ctx(text, [m.start(), m.end()], 60)); n["null"] += 1
                break
    if ch:
        files.setdefault(split, set()).add(rel)
        if apply: rl.save(p, ann, text, rel)
print(n, {k: len(v) for k, v in files.items()})
