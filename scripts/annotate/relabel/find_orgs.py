"""Organization rulings: parties named in passing (đảng Dân chủ, Cộng hoà) and a named country's
government in lower case (chính phủ Nga) are organizations (optional in passing); a social network or
sports club is a company; an institution only part of a framework's name is not a mention."""
import re, rl
PARTY = re.compile(r"(?i)\b(đảng\s+(?:Dân chủ|Cộng hòa|Cộng hoà|Cộng sản(?: Việt Nam| Trung Quốc)?|Bảo thủ|Lao động|Tự do Dân chủ)|(?<=và )Cộng hòa|(?<=và )Cộng hoà)\b")
GOV = re.compile(r"\b(chính phủ|chính quyền)\s+(Mỹ|Hoa Kỳ|Việt Nam|Nga|Trung Quốc|Nhật Bản|Nhật|Hàn Quốc|Triều Tiên|Anh|Pháp|Đức|Ấn Độ|Úc|Australia|Philippines|Campuchia|Lào|Thái Lan|Singapore|Malaysia|Indonesia|Canada|Iran|Israel|Ukraine|Cuba|Venezuela|Syria|Đài Loan)\b")
PLATFORM = re.compile(r"(?i)^(twitter|facebook|youtube|instagram|google|chelsea|manchester|real madrid|barcelona|arsenal|liverpool)")
FRAME = re.compile(r"(?i)(Hiệp định|Công ước|Hiệp ước|Tuyên bố|Bộ Quy tắc)[^.\n]{0,60}$")
for split, rel, p, text, ann in rl.docs():
    tag = f"{split} {rl.stem(rel)}"
    orgs = ann.get("organizations") or []
    spans = [m for o in orgs for m in o.get("mentions") or []]
    bp = ann.get("boilerplate") or []
    def cov(s, e): return any(a <= s and e <= b for a, b in spans) or any(a <= s < b for a, b in bp)
    for rx, lab in ((PARTY, "party"), (GOV, "gov")):
        for m in rx.finditer(text):
            if not cov(m.start(), m.end()):
                print(tag, "MISSING", lab, "|", rl.ctx(text, [m.start(), m.end()], 50))
    for o in orgs:
        if PLATFORM.match(o["name"]) and o.get("kind") != "company":
            print(tag, "KIND", o["id"], o["name"], o.get("kind"), "-> company")
        for mm in o.get("mentions") or []:
            if FRAME.search(text[max(0, mm[0] - 70):mm[0]]) and not re.search(r"[,.;]", text[max(0, mm[0] - 25):mm[0]]):
                print(tag, "IN-FRAME?", o["id"], o["name"], "|", rl.ctx(text, mm, 60))
