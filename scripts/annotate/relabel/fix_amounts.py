"""Amount rulings: 'gấp' out of the span (optional count), approximation words (lên đến, không đầy...),
year amounts optional, years inside a name (APEC 2017) not amounts, a price's denominator in the span,
counted-noun units in lower case.  [--apply]"""
import re, sys, rl
apply = "--apply" in sys.argv
APPROX = re.compile(r"(?i)^(khoảng|gần|hơn|trên|dưới|tới|lên tới|lên đến|không đầy)\b")
n = {}; files = {}
def bump(k): n[k] = n.get(k, 0) + 1
for split, rel, p, text, ann in rl.docs():
    ch = False; keep = []
    for a in ann.get("amounts") or []:
        sp = a["span"]; t = rl.q(text, sp); tag = f"{split} {rl.stem(rel)} {a['id']}"
        if t.lower().startswith("gấp "):
            a["span"] = [sp[0] + 4, sp[1]]; a["optional"] = True; bump("gap"); ch = True; print(tag, "gấp", t)
        if APPROX.match(rl.q(text, a["span"])) and not a.get("approx"):
            a["approx"] = True; bump("approx"); ch = True; print(tag, "approx", t)
        if a.get("kind") == "year":
            before = text[max(0, sp[0] - 12):sp[0]]
            if re.search(r"\b(APEC|ASEAN|SEA Games|G20|Expo|World Cup|Olympic)\s*$", before) and not t.lower().startswith("năm"):
                bump("year_in_name"); ch = True; print(tag, "year in name, removed:", rl.ctx(text, sp, 20)); continue
            if not a.get("optional"):
                a["optional"] = True; bump("year_opt"); ch = True
        m = re.match(r"\s*/\s*(kg|tấn|pound|lb|m2|thùng|tháng|năm|người)\b", text[sp[1]:sp[1] + 12])
        if m and a.get("kind") == "money":
            a["span"] = [sp[0], sp[1] + m.end()]; bump("denominator"); ch = True; print(tag, "denominator", rl.q(text, a["span"]))
        u = a.get("unit")
        if u and u not in ("USD", "VND", "%") and u != u.lower() and u.upper() not in ("EUR", "JPY", "CNY", "GBP", "AUD", "KRW", "SGD", "THB"):
            a["unit"] = u.lower(); bump("unit_case"); ch = True; print(tag, "unit", u)
        keep.append(a)
    if ch:
        ann["amounts"] = keep; files.setdefault(split, set()).add(rel)
        if apply: rl.save(p, ann, text, rel)
print(n, {k: len(v) for k, v in files.items()})
