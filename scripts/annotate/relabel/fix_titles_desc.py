"""Ruling 'Not titles: descriptions' — title spans that start with an occupation/description noun
(chuyên gia, nhà nghiên cứu, tỷ phú, võ sĩ, nhà báo ...). Title becomes the degree written right
before the name (GS/TS/Tiến sĩ/giáo sư, part of the title by the guide) if any, else null.
Usage: python fix_titles_desc.py [--apply]"""
import re, sys, rl
DESC = re.compile(r"^(một\s+)?(tỷ phú|nữ võ sĩ|võ sĩ|nhà hoạt động|chuyên gia|doanh nhân|nhà báo|học giả|nhà nghiên cứu|nhà khoa học|"
                  r"nhà phân tích|nhà kinh tế học|cây viết|diễn viên|ca sĩ|người mẫu|thủ thành|cầu thủ|nghệ sĩ)\b", re.I)
DEG = re.compile(r"(GS\.?\s*TS|PGS\.?\s*TS|GS|TS|PGS|[Tt]iến sĩ|[Tt]iến sỹ|[Gg]iáo sư)\s+$")
apply = "--apply" in sys.argv
n_c = n_ch = 0; files = {"train": set(), "test": set()}
for split, rel, p, text, ann in rl.docs():
    changed = False
    for it in ann.get("people") or []:
        t = it.get("title")
        if not t or not DESC.search(rl.q(text, t)):
            continue
        n_c += 1
        new = None
        for m in sorted(it.get("mentions") or []):
            g = DEG.search(text[max(0, m[0]-20):m[0]])
            if g:
                b = max(0, m[0]-20) + g.start(1); new = [b, b + len(g.group(1))]
                break
        print(split, rl.stem(rel), it["id"], it["name"], "|", rl.q(text, t), "->", rl.q(text, new))
        it["title"] = new
        if new is None:
            it["org"] = it.get("org")  # org of the person kept (employer), only the title changes
        n_ch += 1; changed = True; files[split].add(rel)
    if apply and changed:
        rl.save(p, ann, text, rel)
print(f"candidates {n_c}, changed {n_ch}, files train {len(files['train'])} test {len(files['test'])}")
