"""Attendance, invitations and past occasions: bring the annotated events in line with the dev gold.

The audit is ``annotations/CONVENTIONS.md`` ("Events"). A learned "drop this extra event" decision kept
failing because the annotations marked the same kinds of mention in different ways (README, events,
stop 23): attending a summit (of 45 train candidates, 29 required, 11 optional, 5 unmarked), a visit
only offered by an invitation (11 required, 3 unmarked), a past visit told again. The dev gold
(``../shared/eval/dev``) decides; each ruling below is mechanical, from labels, ids, spans and fixed
words right before a trigger, and applies alike to every ``done`` file of the train and test splits
and to the second annotations (``annotations/double``), HOLDOUT skipped. No article is read to decide
and nothing of an article is printed or stored.

Rulings (name: what changes):

- ``planned_attendance``: a ``planned`` ``dialogue`` whose trigger follows ``dự`` / ``tham dự`` (a
  summit, conference, forum or round table someone will attend) is ``optional``. Dev gold: 1 of 1
  (vnus_0023: the President "looks forward to visiting Viet Nam and attending the APEC summit": the
  visit required, the attendance optional); planned dialogues in general 5 of 6 optional (000, 003,
  vnus_0023 twice, vnus_0054; vnus_0036's next round required). Attendance that happened stays as
  annotated (dev gold 2 of 2 required: vnus_0046's conference, vnus_0059's round table).
- ``invited_visit``: a ``planned`` ``visit`` whose trigger is the object of an invitation in its clause
  (``mời``, ``lời mời``, ``gửi lời mời``, ``chuyển lời mời`` before it; not ``theo lời mời`` /
  ``nhận lời mời``, which tell a visit that is taking place or accepted, nor a visit told after the
  invitation in a clause of its own: ``sẽ``, ``rằng``, ``cam kết`` in between) is ``optional``. Dev gold:
  1 of 1 (vnus_0054: the President "has invited" the General Secretary to visit this year, optional).
- ``past_year_background``: a ``happened`` event dated in a year before the article's year (its
  ``published`` year, else the latest year of its dated happened events) is a historical aside:
  ``background`` and ``optional``. Dev gold: 9 of 9 such events optional, none required (vnus_0013's
  2005 visit, vnus_0036's two 2017 visits, vnus_0054's two 2018 visits, vnus_0059's 2016 visit, 2011
  and 2015 signings and 2016 meeting; the dev gold gives no publication date, so the year is the
  latest of the article's dated happened events); 17 required and 7 optional in the article's year.

Usage (from the repository): ``.venv/bin/python scripts/annotate/relabel/event_conventions.py`` prints
what each ruling would change (items and files, per split); ``--apply`` writes the files (each
validated first). Re-running after ``--apply`` changes nothing.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devgold_conventions import files, save

from hoptac.annotate.schema import corpus_root, load, read_text

Doc = dict[str, Any]

ATTEND = re.compile(r"(?<!\w)(?:tham dự|dự)\s+(?:(?:cuộc|các|buổi|phiên|lễ)\s+)?$", re.IGNORECASE)
CLAUSE_END = re.compile(r"[.;!?\n]")
INVITE = re.compile(r"(?<!\w)mời(?!\w)", re.IGNORECASE)
NOT_INVITE = re.compile(r"(?<!\w)(?:theo|nhận)\s+lời\s+mời(?!\w)", re.IGNORECASE)
#: between the invitation and the trigger, a word of its own clause: the visit is told otherwise
#: ("mời A thăm Mỹ và cam kết rằng Tổng thống sẽ tới Việt Nam": a promised visit, no invitation)
OWN_CLAUSE = re.compile(r"(?<!\w)(?:sẽ|rằng|cam kết|khẳng định|đồng thời)(?!\w)", re.IGNORECASE)


def clause_before(text: str, start: int, width: int = 160) -> str:
    """The text of a trigger's clause before it (back to the last sentence or clause end)."""
    left = text[max(0, start - width):start]
    return CLAUSE_END.split(left)[-1]


def planned_attendance(doc: Doc, text: str) -> int:
    """A planned dialogue someone will attend (``dự`` / ``tham dự`` before its trigger) is optional."""
    n = 0
    for e in doc["events"]:
        if (e["type"] == "dialogue" and e.get("status") == "planned" and not e.get("optional")
                and ATTEND.search(text[max(0, e["trigger"][0] - 30):e["trigger"][0]])):
            e["optional"] = True
            n += 1
    return n


def invited_visit(doc: Doc, text: str) -> int:
    """A planned visit only offered by an invitation in its clause is optional."""
    n = 0
    for e in doc["events"]:
        if e["type"] != "visit" or e.get("status") != "planned" or e.get("optional"):
            continue
        left = clause_before(text, e["trigger"][0])
        invite = [m.end() for m in INVITE.finditer(left)]
        if invite and not NOT_INVITE.search(left) and not OWN_CLAUSE.search(left, invite[-1]):
            e["optional"] = True
            n += 1
    return n


def _year(value: Any) -> str | None:
    """The year of an ISO date value (``2017-05-29``, ``2017``), None for ``--05-29`` or no value."""
    return value[:4] if isinstance(value, str) and value[:4].isdigit() else None


def past_year_background(doc: Doc, text: str) -> int:
    """A happened event dated in a year before the article's is background and optional."""
    happened = [e for e in doc["events"] if e.get("status", "happened") == "happened"]
    years = [y for e in happened if (y := _year(e.get("date_value")))]
    ref = _year(doc.get("published")) or max(years, default=None)
    n = 0
    for e in happened:
        y = _year(e.get("date_value"))
        if ref and y and y < ref and not (e.get("optional") and e.get("background")):
            e["optional"] = e["background"] = True
            n += 1
    return n


RULINGS: list[tuple[str, Callable[[Doc, str], int]]] = [
    ("planned_attendance", planned_attendance),
    ("invited_visit", invited_visit),
    ("past_year_background", past_year_background),
]


def main(argv: list[str]) -> int:
    """Apply the rulings to every done file; print counts per ruling and split; write with ``--apply``."""
    apply = "--apply" in argv
    items: Counter[tuple[str, str]] = Counter()
    touched: Counter[tuple[str, str]] = Counter()
    for split, rel, path in files():
        doc, text = load(path), read_text(corpus_root() / rel)
        changed = False
        for name, rule in RULINGS:
            k = rule(doc, text)
            if k:
                items[name, split] += k
                touched[name, split] += 1
                changed = True
        if changed and apply:
            save(doc, text, rel, path)
    for name, _rule in RULINGS:
        per = {s: f"{items[name, s]} ({touched[name, s]})" for s in sorted({s for n, s in items if n == name})}
        print(f"{name:<22} items (files): {per or 'none'}")
    print("" if apply else "(dry run: --apply writes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
