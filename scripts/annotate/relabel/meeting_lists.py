"""One meeting per listed counterpart: bring the annotated meetings in line with the dev gold.

Ruling (``annotations/CONVENTIONS.md``, "Events"): a meeting cue followed in its sentence by a list of
two or more named counterparts (``đã gặp A, B, C và D``, ``loạt cuộc gặp với lãnh đạo các tập đoàn
..., bao gồm X, Y, Z``) is one meeting of the subject with each of them, on the same trigger. The dev
gold does so in 2 of 2 such sentences (vnus_0054: four meetings on one ``gặp``; 002: four on one
``cuộc gặp``) and never keeps such a list as one event; the annotations kept every one as one event
(the guide's "one event per trigger", which the format enforced). Not split: a meeting ``giữa A và B``
(both sides after the cue, no one else), and the members of a named group (``với Liên minh X, trong
đó có A, B``: the group is the counterpart).

Mechanical, from labels, ids, spans and fixed words after the trigger; no article is read to decide
and nothing of an article is printed or stored. Applied to every ``done`` file of the train and test
splits and to the second annotations (``annotations/double``), HOLDOUT skipped.

Usage (from the repository): ``.venv/bin/python scripts/annotate/relabel/meeting_lists.py`` prints the
counts per split (dry run); ``--apply`` writes the files, each validated first. A second run changes
nothing.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devgold_conventions import files, save

from hoptac.annotate.schema import corpus_root, load, read_text

SENTENCE_END = re.compile(r"[.!?;\n]")
BETWEEN = re.compile(r"\s*(?:song phương\s+)?giữa(?!\w)", re.IGNORECASE)
MEMBERS = re.compile(r"(?<!\w)(?:trong đó có|bao gồm|gồm)(?!\w)", re.IGNORECASE)

Doc = dict[str, Any]


def listed(doc: Doc, text: str, e: Doc) -> tuple[list[str], list[str]]:
    """The counterparts listed after a meeting's trigger in its sentence (by first mention there; an
    organization dropped when a listed person belongs to it) and the other participants."""
    ents = {it["id"]: it for it in (*doc["people"], *doc["organizations"])}
    t1 = e["trigger"][1]
    m = SENTENCE_END.search(text, t1)
    end = m.start() if m else len(text)
    first: dict[str, tuple[int, int]] = {}
    for pid in e.get("participants") or []:
        spans = [tuple(s) for s in (ents.get(pid, {}).get("mentions") or []) if t1 <= s[0] < end]
        if spans:
            first[pid] = min(spans)
    owners = {ents[p].get("org") for p in first if p in ents and p.startswith("p")}
    after = sorted((p for p in first if p not in owners), key=lambda p: first[p])
    rest = [p for p in e.get("participants") or [] if p not in after and p not in owners]
    if len(after) >= 2 and after[0].startswith("o") and MEMBERS.search(text, first[after[0]][1], first[after[1]][0]):
        return [], rest  # "với Liên minh X, trong đó có A, B": the group is the counterpart
    return after, rest


def split_meetings(doc: Doc, text: str) -> int:
    """Replace each listed meeting by one meeting per counterpart; how many events were added."""
    out: list[Doc] = []
    nums = [int(e["id"][1:]) for e in doc["events"] if e["id"][1:].isdigit()]
    nxt = max(nums, default=0) + 1
    added = 0
    for e in doc["events"]:
        after, rest = listed(doc, text, e) if e["type"] == "meeting" else ([], [])
        if len(after) < 2 or not rest or BETWEEN.match(text, e["trigger"][1]):
            out.append(e)
            continue
        for k, who in enumerate(after):
            one = dict(e, participants=[*rest, who])
            if k:
                one["id"], nxt, added = f"e{nxt}", nxt + 1, added + 1
            out.append(one)
    doc["events"] = out
    return added


def main(argv: list[str]) -> int:
    """Apply the ruling to every done file; print counts per split; write with ``--apply``."""
    apply = "--apply" in argv
    items: Counter[str] = Counter()
    touched: Counter[str] = Counter()
    for split, rel, path in files():
        doc, text = load(path), read_text(corpus_root() / rel)
        k = split_meetings(doc, text)
        if not k:
            continue
        items[split] += k
        touched[split] += 1
        if apply:
            save(doc, text, rel, path)
    print(f"events added {dict(sorted(items.items()))}  files {dict(sorted(touched.items()))}"
          + ("" if apply else "  (dry run: --apply writes)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
