"""Rulings 'cue extent' (shortest deciding word) and 'clause start' (first word after the cue,
skipping only rằng/là/colon/opening quote/tới/với; words such as sẽ, tin tưởng belong to the clause;
an embedded quotation does not cut a reported clause).  [--apply]"""
import re, sys, rl
apply = "--apply" in sys.argv
n = {"cue": 0, "clause": 0}; files = {}
LEAD = re.compile(r'^(?:(?:rằng|là)\b[\s,:]*|[:“"«]\s*)+', re.I)
for split, rel, p, text, ann in rl.docs():
    ch = False
    for s in ann.get("statements") or []:
        cue, cl = s.get("cue"), s.get("clause")
        if not cue: continue
        c = rl.q(text, cue); old_cue = list(cue); old_cl = list(cl) if cl else None
        m = re.match(r"(?i)^(nói|viết|thêm|chỉ ra|tin|đánh giá|thấy) rằng$", c)
        if m: cue = [cue[0], cue[0] + len(m.group(1))]
        elif re.match(r"(?i)^(cam kết|bày tỏ) (sẽ|tin tưởng)$", c):
            w = "cam kết" if c.lower().startswith("cam") else "bày tỏ"
            cue = [cue[0], cue[0] + len(w)]
        elif re.match(r"(?i)^khẳng định sẽ$", c): cue = [cue[1] - 2, cue[1]]
        elif re.match(r"(?i)^ra quyết định$", c): cue = [cue[0] + 3, cue[1]]
        elif re.match(r"(?i)^theo \S", c) and not re.match(r"(?i)^theo$", c): cue = [cue[0], cue[0] + 4]
        if cue != old_cue:
            n["cue"] += 1
        if cl:
            # clause opened later than the cue by words that belong to it (cam kết sẽ X / khen ngợi Việt Nam là "X)
            gap = text[cue[1]:cl[0]] if cue[1] <= cl[0] else None
            if gap is not None and re.fullmatch(r'\s+(sẽ|tin tưởng(\s+rằng)?)\s+', gap): cl = [cue[1] + 1, cl[1]]
            elif gap is not None and re.fullmatch(r'\s+Việt Nam là\s+"', gap): cl = [cue[1] + 1, cl[1]]
            mm = LEAD.match(text[cl[0]:cl[1]])
            if mm and mm.end() < cl[1] - cl[0]: cl = [cl[0] + mm.end(), cl[1]]
            if cl != old_cl: n["clause"] += 1
        if cue != old_cue or cl != old_cl:
            print(split, rl.stem(rel), s["id"], repr(c), "->", repr(rl.q(text, cue)), "| clause:", rl.ctx(text, cl, 25)[:110] if cl != old_cl else "=")
            s["cue"], s["clause"] = cue, cl; ch = True
    if ch:
        files.setdefault(split, set()).add(rel)
        if apply: rl.save(p, ann, text, rel)
print(n, {k: len(v) for k, v in files.items()})
