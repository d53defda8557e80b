"""Warnings on annotation files: spans that probably point at the wrong occurrence of a quote.

``resolve`` turns a quoted string into its n-th occurrence; when a name or a place recurs, a
wrong ``n`` puts an actor, a place or a clause far from the item it belongs to. These checks
are cheap distance and position tests: they only point (a date in the lead may legitimately
date an occasion named later); the annotator judges. They are warnings, not validation errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

FAR = 300          # characters between an item's anchor and a span that belongs to it
LONG_CLAUSE = 600  # characters of one statement clause
HEADLINE_MAX = 200  # a longer first line is a lead paragraph, not a headline
NEAR_GAIN = 80     # an actor mention this much nearer the cue than the chosen one is suspicious


@dataclass(frozen=True)
class Warning_:
    """One lint finding: check name, item id, a figure (distance or length) and a short note."""

    check: str
    item: str
    figure: int
    note: str = ""

    def __str__(self) -> str:
        return f"{self.item} {self.check} {self.figure}" + (f" ({self.note})" if self.note else "")


def dist(a: list[int], b: list[int]) -> int:
    """Characters between two spans (0 if they touch or overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def headline_end(text: str) -> int:
    """End of the title line: the first line holding a letter, if short enough to be a headline."""
    pos = 0
    for line in text.splitlines(keepends=True):
        if any(ch.isalpha() for ch in line):
            body = line.rstrip("\r\n")
            return pos + len(body) if len(body) <= HEADLINE_MAX else 0
        pos += len(line)
    return 0


def _blank_line(chunk: str) -> bool:
    """Whether a piece of text holds an empty line (a paragraph break: lead to body, caption to text)."""
    return any(not line.strip() for line in chunk.splitlines()[1:-1]) or "\n\n" in chunk.replace("\r", "")


def _in_headline(span: list[int] | None, text: str, head: int) -> bool:
    """A span inside the title line whose text the body repeats (so the body names it too)."""
    if not span or span[1] > head:
        return False
    return text.find(text[span[0]:span[1]], head) >= 0


def _same_words(text: str, span: list[int]) -> list[list[int]]:
    """Every whole-word occurrence of the text under a span (any case): ``Ông``, ``Thủ tướng``, a name."""
    needle = re.escape(text[span[0]:span[1]])
    return [[m.start(), m.end()] for m in re.finditer(rf"(?<!\w){needle}(?!\w)", text, flags=re.IGNORECASE)]


def _nearer_mention(act: list[int], cue: list[int], cl: list[int] | None,
                    own: list[list[int]]) -> list[int] | None:
    """Another mention of the actor lying before the cue and nearer to it than the chosen span.

    The chosen span is suspect when such a mention sits between it and the cue, or when the
    chosen span comes well after the clause although the actor was named just before the cue
    (a span after a quotation, ``"…", ông X nói``, is the normal case and is not flagged).
    """
    def outside(m: list[int]) -> bool:
        return not (cl and cl[0] <= m[0] and m[1] <= cl[1])

    before = [m for m in own if m != act and m[1] <= cue[0] and outside(m)]
    if act[1] <= cue[0]:
        between = [m for m in before if m[0] >= act[1] and dist(act, cue) - dist(m, cue) >= NEAR_GAIN]
        return max(between, default=None)
    if act[0] >= (cl or cue)[1] + FAR:
        close = [m for m in before if dist(m, cue) <= FAR]
        return max(close, default=None)
    return None


def _statements(ann: dict[str, Any], text: str, head: int) -> list[Warning_]:
    out: list[Warning_] = []
    mentions = {p["id"]: p.get("mentions") or [] for p in ann.get("people", [])}
    mentions |= {o["id"]: o.get("mentions") or [] for o in ann.get("organizations", [])}
    for s in ann.get("statements", []):
        cue, cl, act = s.get("cue"), s.get("clause"), s.get("actor_span")
        anchor = [min(cue[0], cl[0]), max(cue[1], cl[1])] if cue and cl else (cue or cl)
        if act and cue and min(dist(act, cue), dist(act, cl or cue)) > FAR:
            out.append(Warning_("actor_far", s["id"], min(dist(act, cue), dist(act, cl or cue))))
        if cl and cl[1] - cl[0] > LONG_CLAUSE:
            out.append(Warning_("clause_long", s["id"], cl[1] - cl[0]))
        if cl and cue and dist(cue, cl) > FAR:
            out.append(Warning_("cue_far", s["id"], dist(cue, cl)))
        if cl and _blank_line(text[cl[0]:cl[1]]):
            out.append(Warning_("clause_paragraphs", s["id"], cl[1] - cl[0], "clause crosses a blank line"))
        for name, span in (("actor", act), ("cue", cue), ("clause", cl)):
            if _in_headline(span, text, head):
                out.append(Warning_(f"{name}_headline", s["id"], span[0]))
        own = mentions.get(s.get("actor") or "", [])
        if act and cue:
            nearer = _nearer_mention(act, cue, cl, own + _same_words(text, act))
            if nearer:
                out.append(Warning_("actor_nearer", s["id"], nearer[0],
                                    "the actor is named again nearer before the cue"))
        if act and anchor:
            for pid, ms in mentions.items():
                if pid != s.get("actor") and act in ms and pid not in (s.get("actor_alternatives") or []):
                    out.append(Warning_("actor_other", s["id"], act[0], f"actor_span is a mention of {pid}"))
    return out


def _events(ann: dict[str, Any], text: str, head: int) -> list[Warning_]:
    out: list[Warning_] = []
    for e in ann.get("events", []):
        trig = e.get("trigger")
        for f in ("place", "date"):
            sp = e.get(f)
            if sp and trig and dist(sp, trig) > FAR:
                out.append(Warning_(f"{f}_far", e["id"], dist(sp, trig)))
            if trig and trig[1] > head and _in_headline(sp, text, head):
                out.append(Warning_(f"{f}_headline", e["id"], sp[0], "the body names it too"))
        if _in_headline(trig, text, head):
            out.append(Warning_("trigger_headline", e["id"], trig[0], "the body may name the occasion"))
    return out


def _people(ann: dict[str, Any], text: str, head: int) -> list[Warning_]:
    out: list[Warning_] = []
    for p in ann.get("people", []):
        title = p.get("title")
        if _in_headline(title, text, head):
            out.append(Warning_("title_headline", p["id"], title[0]))
    return out


def lint(ann: dict[str, Any], text: str) -> list[Warning_]:
    """Every warning for one annotation of ``text``."""
    head = headline_end(text)
    return _statements(ann, text, head) + _events(ann, text, head) + _people(ann, text, head)
