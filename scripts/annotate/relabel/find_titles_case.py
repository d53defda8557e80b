"""Ruling 'take the span as written in the body (letter case included)': a title whose wording appears with
other letter case right before another mention of the person."""
import re, rl
for split, rel, p, text, ann in rl.docs():
    head = text.find("\n")
    for per in ann.get("people") or []:
        t = per.get("title")
        if not t: continue
        T = rl.q(text, t)
        for m in sorted(per.get("mentions") or []):
            if m[0] < head: continue
            w0 = m[0] - len(T) - 1
            if w0 < 0 or w0 == t[0]: continue
            W = text[w0:m[0] - 1]
            if W != T and W.casefold() == T.casefold():
                line_t = text[text.rfind("\n", 0, t[0]) + 1: text.find("\n", t[0])]
                line_w = text[text.rfind("\n", 0, w0) + 1: text.find("\n", w0)]
                print(split, rl.stem(rel), per["id"], repr(T), "@", t[0], f"(line {len(line_t)} chars)", "| other:", repr(W), "@", w0, f"(line {len(line_w)} chars)", "|", line_t[:60], "||", line_w[:60])
                break
