"""Ruling 'which occurrence: the longest wording': a person's title T and a longer wording written right
before another of their mentions in the body that extends T (T + country/organization).  [--apply]"""
import re, sys, rl
apply = "--apply" in sys.argv
n = 0; files = {}
for split, rel, p, text, ann in rl.docs():
    head = text.find("\n"); ch = False
    for per in ann.get("people") or []:
        t = per.get("title")
        if not t or per.get("optional"): continue
        T = rl.q(text, t); best = None
        for m in sorted(per.get("mentions") or []):
            if m[0] < head: continue
            win0 = max(head, m[0] - 90)
            win = text[win0:m[0]]
            idx = [x.start() for x in re.finditer(re.escape(T.split()[0]), win, re.I)]
            for i in idx:
                W = win[i:].rstrip()
                if len(W) <= len(T) or not W.casefold().startswith(T.casefold()): continue
                if re.search(r"[,.;:()\"“”\n/]", W) or len(W.split()) > 12: continue
                if re.search(r"(?i)\b(và|cùng|với|của ông|gặp|tiếp)\b", W[len(T):]): continue
                if best is None or len(W) > len(best[1]): best = ([win0 + i, win0 + i + len(W)], W)
                break
        if best:
            print(split, rl.stem(rel), per["id"], per["name"], "|", T, "->", best[1])
            n += 1; per["title"] = best[0]; ch = True
    if ch:
        files.setdefault(split, set()).add(rel)
        if apply: rl.save(p, ann, text, rel)
print(n, {k: len(v) for k, v in files.items()})
