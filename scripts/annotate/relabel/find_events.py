"""Event rulings: meals, courtesy calls, trips with a verb of motion, port calls, trigger extent,
a visit's place. Prints candidates by kind."""
import re, sys, rl
kind = sys.argv[1] if len(sys.argv) > 1 and __name__ == "__main__" else ""
MEAL = re.compile(r"(?i)\b(chiêu đãi|tiệc|bữa (?:trưa|tối|sáng|ăn)|ăn (?:trưa|tối|sáng)|quốc yến)\b")
COURT = re.compile(r"(?i)\b(chào xã giao|chào từ biệt|đến chào|tới chào)\b")
PORT = re.compile(r"(?i)\b(tàu sân bay|tàu chiến|tàu khu trục|tàu tuần dương|tàu bệnh viện|tàu hải quân|chiến hạm|tàu hộ vệ)\b")
PLACES = r"(Việt Nam|Mỹ|Hoa Kỳ|Hà Nội|Washington(?: D\.?C\.?)?|TP\.? ?HCM|TP Hồ Chí Minh|Đà Nẵng|New York|Nhà Trắng|Cam Ranh|Hải Phòng|Lầu Năm Góc)"
MOVE = re.compile(r"(?i)\b(đến|tới|sang)\s+(?:thăm\s+)?" + PLACES)
TRIG_BAD = re.compile(r"(?i)^(cuộc|buổi|đã|sẽ|chuyến thăm chính thức|thăm chính thức|thăm cấp nhà nước|bữa)\b|chính thức$")
for split, rel, p, text, ann in rl.docs():
    head = text.find("\n")
    evs = ann.get("events") or []
    trig = [e["trigger"] for e in evs]
    bp = ann.get("boilerplate") or []
    def covered(s, e, spans=trig, pad=0):
        return any(a - pad <= s and e <= b + pad for a, b in spans)
    def inbp(s): return any(a <= s < b for a, b in bp)
    tag = f"{split} {rl.stem(rel)}"
    if kind == "meal":
        for e in evs:
            if MEAL.search(rl.q(text, e["trigger"])) or (e["type"] == "meeting" and "bữa" in text[max(0,e["trigger"][0]-15):e["trigger"][0]]):
                print(tag, e["id"], e["type"], "TRIG", rl.ctx(text, e["trigger"], 60))
        for m in MEAL.finditer(text):
            if not covered(m.start(), m.end(), pad=15) and not inbp(m.start()):
                print(tag, "--", "TEXT", rl.ctx(text, [m.start(), m.end()], 70))
    elif kind == "court":
        for m in COURT.finditer(text):
            hit = [e for e in evs if e["trigger"][0] - 10 <= m.start() <= e["trigger"][1] + 10]
            print(tag, [(e["id"], e["type"], rl.q(text, e["trigger"])) for e in hit], rl.ctx(text, [m.start(), m.end()], 70))
    elif kind == "port":
        for m in PORT.finditer(text):
            if inbp(m.start()): continue
            if re.search(r"(?i)\b(thăm|cập cảng|ghé|đến|tới)\b", text[m.end():m.end()+80]):
                near = [(e["id"], e["type"], rl.q(text, e["trigger"])) for e in evs if abs(e["trigger"][0] - m.start()) < 120]
                print(tag, near, rl.ctx(text, [m.start(), m.end()], 90))
    elif kind == "move":
        for m in MOVE.finditer(text):
            if m.start() < head or inbp(m.start()) or covered(m.start(1), m.end(1), pad=2): continue
            near = [(e["id"], e["type"], rl.q(text, e["trigger"])) for e in evs if e["type"] == "visit"]
            print(tag, near, rl.ctx(text, [m.start(), m.end()], 90))
    elif kind == "trig":
        for e in evs:
            if TRIG_BAD.search(rl.q(text, e["trigger"])):
                print(tag, e["id"], e["type"], rl.ctx(text, e["trigger"], 40))
    elif kind == "place":
        for e in evs:
            if e["type"] == "visit" and not e.get("place"):
                after = text[e["trigger"][1]:e["trigger"][1]+40]
                m = re.match(r"\s+(?:chính thức\s+|cấp nhà nước\s+|làm việc (?:tại|ở)\s+)?" + PLACES, after)
                if m:
                    print(tag, e["id"], rl.ctx(text, e["trigger"], 50))
