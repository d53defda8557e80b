"""Ruling 'which occurrence': a title span in the headline (first line) when the body writes the same
wording of that person's title (just before/after a mention) -> move to the first body occurrence;
a body wording that contains the headline's and is longer -> that one.  [--apply]"""
import re, sys, rl
apply = "--apply" in sys.argv
nc = nch = 0; files = {"train": set(), "test": set()}
for split, rel, p, text, ann in rl.docs():
    head = text.find("\n")
    changed = False
    for it in ann.get("people") or []:
        t = it.get("title")
        if not t or t[0] > head:
            continue
        nc += 1
        ts = rl.q(text, t)
        best = None
        for m in sorted(it.get("mentions") or []):
            if m[0] < head: continue
            # title immediately before the mention (allowing a space) or after ', ' / ' - '
            for mt in re.finditer(r"(?i)" + re.escape(ts), text[max(head, m[0]-120):m[0]]):
                s = max(head, m[0]-120) + mt.start(); e = s + len(ts)
                gap = text[e:m[0]]
                if re.fullmatch(r"[\w\s.\-]{0,60}", gap) and len(gap.split()) <= 6:
                    # extend over words of the title wording before the name
                    best = [s, m[0] - len(gap) + len(gap.rstrip()) - len(gap.rstrip()) ] if False else [s, e + len(gap.rstrip()) - (len(gap.rstrip()) if not gap.strip() else 0)]
                    break
            if best: break
        print(split, rl.stem(rel), it["id"], it["name"], "|", ts, "->", rl.ctx(text, best, 40) if best else None)
        if best and apply:
            pass
