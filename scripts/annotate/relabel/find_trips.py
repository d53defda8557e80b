"""Ruling 'a trip of a named official written with a verb of motion is a visit': đến/tới/sang + place
not covered by an event trigger, not after a noun naming the trip (chuyến thăm/đi/công du), not trade
flows (xuất khẩu ... sang), and no visit event in the same sentence."""
import re, rl
from find_events import PLACES
MOVE = re.compile(r"\b(đến|tới|sang)\s+(?:thăm\s+)?" + PLACES)
NOUN = re.compile(r"(?i)(chuyến|thăm|công du|xuất|nhập|hàng|khách|đầu tư|du lịch|vốn|biết|chuyển)")
for split, rel, p, text, ann in rl.docs():
    head = text.find("\n")
    evs = ann.get("events") or []
    for m in MOVE.finditer(text):
        if m.start() < head: continue
        s0 = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
        s1 = min([x for x in (text.find(". ", m.end()), text.find("\n", m.end())) if x >= 0] or [len(text)])
        if any(s0 <= e["trigger"][0] <= s1 for e in evs): continue
        if NOUN.search(text[max(s0, m.start()-45):m.start()]): continue
        if any(a <= m.start() < b for a, b in ann.get("boilerplate") or []): continue
        print(split, rl.stem(rel), "|", rl.ctx(text, [m.start(), m.end()], 110))
