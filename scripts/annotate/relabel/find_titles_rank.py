"""Ruling 'rank before the name, position after': titles spanning a military rank, or null/rank-only
titles of people whose first body mention is followed by ', <position>' or ' - <position>'."""
import re, rl
RANK = r"(thượng tướng|trung tướng|thiếu tướng|đại tướng|đô đốc|phó đô đốc|chuẩn đô đốc|đại tá|thượng tá|trung tá|thiếu tá)"
POS = re.compile(r"^\s*[,\-–(]\s*(bộ trưởng|thứ trưởng|tư lệnh|chỉ huy|chủ nhiệm|giám đốc|cục trưởng|tổng tham mưu|phó|chánh|trưởng)", re.I)
for split, rel, p, text, ann in rl.docs():
    head = text.find("\n")
    for it in ann.get("people") or []:
        t = it.get("title")
        ts = rl.q(text, t) if t else ""
        hit = re.search(RANK, ts, re.I)
        for m in sorted(it.get("mentions") or []):
            if m[0] < head: continue
            pre = text[max(0, m[0]-25):m[0]]
            if re.search(RANK + r"\s+$", pre, re.I) and POS.search(text[m[1]:m[1]+40]):
                print(split, rl.stem(rel), it["id"], it["name"], "title=", ts, "| pos after:", rl.ctx(text, m, 60))
                break
        else:
            if hit:
                print(split, rl.stem(rel), it["id"], it["name"], "title has rank:", rl.ctx(text, t, 60))
