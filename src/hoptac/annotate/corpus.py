"""The annotated corpus for training and evaluation: (raw text, annotation) per finished article.

``iter_docs(split="train")`` yields the ``done`` annotations of one split of
``annotations/split.json`` with their article text, checked against the sha256 they were
made on. ``spans(doc)`` flattens an annotation into labelled character spans. Files listed in
the shared HOLDOUT are never yielded, whatever the split file says.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .schema import annotations_dir, corpus_root, doc_path, load, read_text, sha256_file


@dataclass
class AnnotatedDoc:
    """One finished annotation with the text its offsets point into."""

    path: str
    text: str
    annotation: dict[str, Any]

    def quote(self, span: list[int]) -> str:
        """The text under a span."""
        return self.text[span[0]:span[1]]


@dataclass
class Span:
    """One labelled span: label, start, end, the item it belongs to and its fields."""

    label: str
    start: int
    end: int
    item: str
    attrs: dict[str, Any]


def load_split(root: Path | None = None) -> dict[str, Any]:
    """The committed split file."""
    return json.loads(((root or annotations_dir()) / "split.json").read_text(encoding="utf-8"))


def holdout(corpus: Path | None = None) -> set[str]:
    """File names never to annotate, train or tune on (``../shared/eval/HOLDOUT.txt``)."""
    path = (corpus or corpus_root()).parent / "eval" / "HOLDOUT.txt"
    if not path.is_file():
        return set()
    return {ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()}


def iter_docs(split: str | None = None, *, status: str = "done", root: Path | None = None,
              corpus: Path | None = None) -> Iterator[AnnotatedDoc]:
    """The annotated articles of a split (``train``, ``test``; None for all), status ``done`` only."""
    root = root or annotations_dir()
    corpus = corpus or corpus_root()
    plan = load_split(root)
    files = plan["train"] + plan["test"] if split is None else plan[split]
    banned = holdout(corpus)
    for rel in files:
        if Path(rel).name in banned:
            continue
        ann_path = doc_path(rel, root)
        if not ann_path.is_file():
            continue
        ann = load(ann_path)
        if ann.get("status") != status:
            continue
        src = corpus / rel
        if sha256_file(src) != ann.get("sha256"):
            raise ValueError(f"{rel}: the corpus file changed since it was annotated (sha256)")
        yield AnnotatedDoc(rel, read_text(src), ann)


def spans(doc: dict[str, Any]) -> list[Span]:
    """Every labelled span of an annotation, sorted by position."""
    out: list[Span] = []
    for p in doc.get("people", []):
        attrs = {"name": p.get("name"), "side": p.get("side"), "org": p.get("org")}
        out += [Span("person", m[0], m[1], p["id"], attrs) for m in p.get("mentions") or []]
        if p.get("title"):
            out.append(Span("title", p["title"][0], p["title"][1], p["id"], attrs))
    for o in doc.get("organizations", []):
        attrs = {"name": o.get("name"), "kind": o.get("kind"), "side": o.get("side")}
        out += [Span("organization", m[0], m[1], o["id"], attrs) for m in o.get("mentions") or []]
    for e in doc.get("events", []):
        attrs = {k: e.get(k) for k in ("type", "status", "background", "participants", "date_value", "optional")}
        out.append(Span("event", e["trigger"][0], e["trigger"][1], e["id"], attrs))
        if e.get("date"):
            out.append(Span("event_date", e["date"][0], e["date"][1], e["id"], attrs))
        if e.get("place"):
            out.append(Span("event_place", e["place"][0], e["place"][1], e["id"], attrs))
    for s in doc.get("statements", []):
        attrs = {k: s.get(k) for k in ("actor", "act", "side", "addressee_side", "topics", "threads", "optional")}
        out.append(Span("statement", s["clause"][0], s["clause"][1], s["id"], attrs))
        out.append(Span("cue", s["cue"][0], s["cue"][1], s["id"], attrs))
        if s.get("actor_span"):
            out.append(Span("actor", s["actor_span"][0], s["actor_span"][1], s["id"], attrs))
    for a in doc.get("amounts", []):
        attrs = {k: a.get(k) for k in ("kind", "value", "min", "max", "unit", "approx", "optional")}
        out.append(Span("amount", a["span"][0], a["span"][1], a["id"], attrs))
    out.sort(key=lambda s: (s.start, -s.end, s.label))
    return out
