"""Act rulings: praise/congratulations/condolences (ca ngợi, khen ngợi, chúc mừng, chia buồn) are welcome;
'đưa ra (một) danh sách/kế hoạch/gói' is propose; 'có nghĩa vụ' is commit; 'cần' + an action of the other
side said by an official/association/company is request; 'mong muốn' + other side's action is request."""
import re, rl
for split, rel, p, text, ann in rl.docs():
    for s in ann.get("statements") or []:
        cue = (rl.q(text, s.get("cue")) or "").lower(); cl = rl.q(text, s.get("clause")) or ""
        tag = f"{split} {rl.stem(rel)} {s['id']} {s['act']} opt={s.get('optional')}"
        if s["act"] != "welcome" and re.search(r"ca ngợi|khen ngợi|chúc mừng|chia buồn|cảm ơn|hoan nghênh|đánh giá cao", cue):
            print(tag, "-> welcome? cue:", cue, "|", cl[:90])
        if s["act"] != "propose" and re.search(r"đưa ra", cue) and re.search(r"(?i)danh sách|kế hoạch|gói|đề xuất|sáng kiến", cl[:40]):
            print(tag, "-> propose? cue:", cue, "|", cl[:90])
        if s["act"] not in ("commit",) and re.search(r"nghĩa vụ", cl[:80]):
            print(tag, "-> commit? (nghĩa vụ) cue:", cue, "|", cl[:90])
        if s["act"] == "inform" and (cue == "cần" or re.match(r"(?i)(doanh nghiệp|phía|chính phủ|chính quyền)?\s*(Mỹ|Hoa Kỳ|Việt Nam|Washington|Hà Nội)?[^.]{0,30}\bcần\b", cl[:50])) and s.get("side") in ("VN", "US"):
            print(tag, "-> request? (cần) cue:", cue, "|", cl[:90])
