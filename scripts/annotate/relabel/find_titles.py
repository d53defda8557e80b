"""Ruling: title occurrence / rank / descriptors. Lists people whose title span
(a) contains a descriptor (tỷ phú, võ sĩ, nhà hoạt động, chuyên gia, doanh nhân),
(b) lies in the headline (first line) or a caption-like short line while the body repeats the words,
(c) starts with a military rank word while a position follows the name."""
import re, rl
DESC = re.compile(r"\b(tỷ phú|võ sĩ|nhà hoạt động|chuyên gia|doanh nhân|nhà báo|học giả|nhà nghiên cứu|nhà khoa học)\b", re.I)
RANK = re.compile(r"^(thượng tướng|trung tướng|thiếu tướng|đại tướng|đô đốc|phó đô đốc|chuẩn đô đốc|đại tá|thượng tá|trung tá|thiếu tá)\b", re.I)
for split, rel, p, text, ann in rl.docs():
    head = text.find("\n")
    for it in ann.get("people") or []:
        t = it.get("title")
        if not t:
            continue
        s = rl.q(text, t)
        why = []
        if DESC.search(s): why.append("desc")
        if t[0] < head: why.append("headline")
        if RANK.search(s): why.append("rank")
        # a longer wording containing this one elsewhere?
        for m in re.finditer(re.escape(s), text, re.I):
            if m.start() != t[0] and m.start() > head and t[0] > head and m.start() < t[0] and text[m.start():m.end()] == s:
                why.append("earlier-same"); break
        if why:
            print(split, rl.stem(rel), it["id"], it["name"], why, "|", rl.ctx(text, t, 50))
