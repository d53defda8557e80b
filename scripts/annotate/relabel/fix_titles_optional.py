"""Ruling 'optional people get their title too (cố TNS, Tổng thống of a past president)': people with a null
title and a position word written right before one of their body mentions.  [--apply]"""
import re, sys, rl
apply = "--apply" in sys.argv
POS = re.compile(r"(?:(?:cựu|cố|nguyên|tân)\s+)?(?:Phó\s+)?(?:Tổng thống|Thủ tướng|Ngoại trưởng|Bộ trưởng|Chủ tịch nước|Chủ tịch|TNS|Thượng nghị sĩ|Hạ nghị sĩ|nghị sĩ|Đại sứ|Tổng Bí thư|Tổng bí thư|Thống đốc|Tổng thư ký|Giám đốc|Tổng giám đốc|Thứ trưởng|Phó Tổng thống|tổng thống|thủ tướng|ngoại trưởng|bộ trưởng|đại sứ|thượng nghị sĩ)(?:\s+(?:Mỹ|Hoa Kỳ|Việt Nam|Nhật Bản|Trung Quốc|Nga|Pháp|Anh))?\s+$")
n = 0; files = {}
for split, rel, p, text, ann in rl.docs():
    head = text.find("\n"); ch = False
    for per in ann.get("people") or []:
        if per.get("title"): continue
        best = None
        for m in sorted(per.get("mentions") or []):
            if m[0] < head: continue
            w = text[max(0, m[0] - 45):m[0]]
            mm = POS.search(w)
            if mm:
                s = max(0, m[0] - 45) + mm.start(); e = s + len(mm.group(0).rstrip())
                if best is None or e - s > best[1] - best[0]: best = [s, e]
        if best:
            n += 1; ch = True; per["title"] = best
            print(split, rl.stem(rel), per["id"], per["name"], "opt" if per.get("optional") else "REQ", "|", rl.ctx(text, best, 30))
    if ch:
        files.setdefault(split, set()).add(rel)
        if apply: rl.save(p, ann, text, rel)
print(n, {k: len(v) for k, v in files.items()})
