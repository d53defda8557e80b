"""The annotation format (``hoptac.annot/1``): reading, writing and validating one article's file.

One JSON file per corpus article holds labels and character offsets into the article's raw
file, never its sentences. The reading convention is fixed: the file's bytes decoded as UTF-8
with no newline translation, ``open(path, encoding="utf-8", newline="")`` (a leading BOM,
if any, stays as character 0). A span is ``[start, end]``, end exclusive, in that string.
``sha256`` is the hash of the raw bytes, so an edited corpus file is detected.
See ``annotations/GUIDE.md`` for what is marked and how.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..resources import safe_load

SCHEMA = "hoptac.annot/1"
STATUSES = ("draft", "done")
SIDES = ("VN", "US", "OTHER")
READING = "open(path, encoding='utf-8', newline='')"
LISTS = ("people", "organizations", "events", "statements", "amounts")
ID_PREFIX = {"people": "p", "organizations": "o", "events": "e", "statements": "s", "amounts": "a"}

Span = list[int]


@cache
def vocab() -> dict[str, tuple[str, ...]]:
    """The closed vocabularies (ontology ids) from ``resources/labels.yaml``: data, not code."""
    path = Path(__file__).resolve().parent.parent / "resources" / "labels.yaml"
    labels = safe_load(path.read_text(encoding="utf-8"))
    keys = ("sides", "acts", "event_types", "event_statuses", "org_kinds", "amount_kinds", "topics", "threads")
    return {k: tuple(labels[k]) for k in keys}


def repo_root() -> Path:
    """The repository this package is checked out in (the folder holding ``annotations/``)."""
    return Path(__file__).resolve().parents[3]


def annotations_dir() -> Path:
    """Where the annotation files live: ``$HOPTAC_ANNOTATIONS`` or ``<repo>/annotations``."""
    env = os.environ.get("HOPTAC_ANNOTATIONS")
    return Path(env) if env else repo_root() / "annotations"


def corpus_root() -> Path:
    """The shared corpus: ``$HOPTAC_CORPUS``, else ``<repo>/../shared/corpus``, else ``/work/shared/corpus``."""
    env = os.environ.get("HOPTAC_CORPUS")
    if env:
        return Path(env)
    for cand in (repo_root().parent / "shared" / "corpus", Path("/work/shared/corpus")):
        if cand.is_dir():
            return cand
    return repo_root().parent / "shared" / "corpus"


def read_text(path: str | Path) -> str:
    """An article's text by the format's reading convention (UTF-8, newlines untouched)."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def sha256_file(path: str | Path) -> str:
    """Hex sha256 of a file's raw bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def doc_path(rel: str, root: Path | None = None) -> Path:
    """The annotation file of a corpus file (``vnus/x.txt`` -> ``annotations/docs/vnus/x.json``)."""
    corpus, _, name = rel.partition("/")
    return (root or annotations_dir()) / "docs" / corpus / (Path(name).stem + ".json")


def double_path(rel: str, root: Path | None = None) -> Path:
    """The second, independent annotation of a double-annotated file (``annotations/double/...``)."""
    corpus, _, name = rel.partition("/")
    return (root or annotations_dir()) / "double" / corpus / (Path(name).stem + ".json")


def new_doc(rel: str, annotator: str, corpus: Path | None = None, status: str = "draft") -> dict[str, Any]:
    """An empty annotation of a corpus file (``rel`` is ``<corpus>/<file>``)."""
    src = (corpus or corpus_root()) / rel
    return {"schema": SCHEMA, "path": rel, "sha256": sha256_file(src), "reading": READING,
            "annotator": annotator, "status": status, "published": None, "topics": [],
            "boilerplate": [], **{k: [] for k in LISTS}}


def load(path: str | Path) -> dict[str, Any]:
    """One annotation file."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def dump(doc: dict[str, Any], path: str | Path) -> None:
    """Write an annotation file: one item a line, so diffs stay readable."""
    lines = ["{"]
    keys = list(doc)
    for i, key in enumerate(keys):
        comma = "," if i < len(keys) - 1 else ""
        value = doc[key]
        if key in LISTS and value:
            items = ",\n".join("    " + json.dumps(it, ensure_ascii=False) for it in value)
            lines.append(f'  "{key}": [\n{items}\n  ]{comma}')
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass
class Problem:
    """One thing wrong with an annotation file."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def _span_ok(span: Any, n: int) -> str | None:
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        return f"not a [start, end] pair of integers: {span!r}"
    a, b = span
    if not 0 <= a < b <= n:
        return f"span {span} out of range (text has {n} characters, start < end)"
    return None


def _trimmed(span: Span, text: str) -> str | None:
    a, b = span
    if text[a].isspace() or text[b - 1].isspace():
        return f"span {span} starts or ends on whitespace"
    return None


class _Checker:
    """Collects problems of one document against its text and the vocabularies."""

    def __init__(self, doc: dict[str, Any], text: str) -> None:
        self.doc, self.text, self.problems = doc, text, []
        self.v = vocab()
        self.ids: dict[str, str] = {}

    def add(self, where: str, what: str) -> None:
        self.problems.append(Problem(where, what))

    def span(self, where: str, span: Any, *, optional: bool = False) -> bool:
        if span is None:
            if not optional:
                self.add(where, "missing span")
            return False
        err = _span_ok(span, len(self.text)) or _trimmed(span, self.text)
        if err:
            self.add(where, err)
            return False
        return True

    def label(self, where: str, value: Any, vocab_key: str, *, nullable: bool = False) -> None:
        if value is None and nullable:
            return
        if value not in self.v[vocab_key]:
            self.add(where, f"{value!r} is not in {vocab_key} ({', '.join(self.v[vocab_key])})")

    def labels(self, where: str, values: Any, vocab_key: str) -> None:
        if not isinstance(values, list):
            self.add(where, f"{vocab_key} must be a list")
            return
        for value in values:
            self.label(where, value, vocab_key)

    def ref(self, where: str, value: Any, kinds: tuple[str, ...], *, sides: bool = False) -> None:
        if sides and value in SIDES:
            return
        if self.ids.get(value) not in kinds:
            allowed = "/".join(kinds) + (" id or a side" if sides else " id")
            self.add(where, f"{value!r} does not resolve to a {allowed}")


def validate(doc: dict[str, Any], text: str, *, sha: str | None = None) -> list[Problem]:
    """Every problem of an annotation against its article text (and the file's sha256 if given)."""
    c = _Checker(doc, text)
    if doc.get("schema") != SCHEMA:
        c.add("schema", f"expected {SCHEMA!r}, found {doc.get('schema')!r}")
    if sha is not None and doc.get("sha256") != sha:
        c.add("sha256", "does not match the corpus file (the file changed: re-check every span)")
    if doc.get("status") not in STATUSES:
        c.add("status", f"{doc.get('status')!r} is not one of {', '.join(STATUSES)}")
    if not doc.get("annotator"):
        c.add("annotator", "missing")
    c.labels("topics", doc.get("topics", []), "topics")
    for i, span in enumerate(doc.get("boilerplate", [])):
        c.span(f"boilerplate[{i}]", span)
    for key in LISTS:
        items = doc.get(key)
        if not isinstance(items, list):
            c.add(key, "missing or not a list")
            continue
        for i, it in enumerate(items):
            iid = it.get("id") if isinstance(it, dict) else None
            if not isinstance(iid, str) or not iid:
                c.add(f"{key}[{i}]", "missing id")
            elif iid in c.ids:
                c.add(f"{key}[{i}]", f"duplicate id {iid!r}")
            else:
                c.ids[iid] = key
    _people(c)
    _organizations(c)
    _events(c)
    _statements(c)
    _amounts(c)
    _duplicates(c)
    _inside_boilerplate(c)
    return c.problems


def _people(c: _Checker) -> None:
    for p in c.doc.get("people", []):
        w = f"people[{p.get('id')}]"
        if not str(p.get("name") or "").strip():
            c.add(w, "missing name")
        c.label(w + ".side", p.get("side"), "sides", nullable=True)
        if p.get("org") is not None:
            c.ref(w + ".org", p.get("org"), ("organizations",))
        c.span(w + ".title", p.get("title"), optional=True)
        mentions = p.get("mentions") or []
        if not mentions:
            c.add(w, "no mentions")
        for j, m in enumerate(mentions):
            c.span(f"{w}.mentions[{j}]", m)


def _organizations(c: _Checker) -> None:
    for o in c.doc.get("organizations", []):
        w = f"organizations[{o.get('id')}]"
        if not str(o.get("name") or "").strip():
            c.add(w, "missing name")
        c.label(w + ".kind", o.get("kind"), "org_kinds")
        c.label(w + ".side", o.get("side"), "sides", nullable=True)
        mentions = o.get("mentions") or []
        if not mentions:
            c.add(w, "no mentions")
        for j, m in enumerate(mentions):
            c.span(f"{w}.mentions[{j}]", m)


def _events(c: _Checker) -> None:
    for e in c.doc.get("events", []):
        w = f"events[{e.get('id')}]"
        c.label(w + ".type", e.get("type"), "event_types")
        c.label(w + ".status", e.get("status"), "event_statuses")
        c.span(w + ".trigger", e.get("trigger"))
        c.span(w + ".date", e.get("date"), optional=True)
        c.span(w + ".place", e.get("place"), optional=True)
        for ref in e.get("participants") or []:
            c.ref(w + ".participants", ref, ("people", "organizations"))
        if not isinstance(e.get("background", False), bool):
            c.add(w + ".background", "must be true or false")


def _statements(c: _Checker) -> None:
    for s in c.doc.get("statements", []):
        w = f"statements[{s.get('id')}]"
        c.ref(w + ".actor", s.get("actor"), ("people", "organizations"), sides=True)
        for ref in s.get("actor_alternatives") or []:
            c.ref(w + ".actor_alternatives", ref, ("people", "organizations"), sides=True)
        c.span(w + ".actor_span", s.get("actor_span"), optional=True)
        c.span(w + ".cue", s.get("cue"))
        ok = c.span(w + ".clause", s.get("clause"))
        cue = s.get("cue")
        if ok and isinstance(cue, list) and _span_ok(cue, len(c.text)) is None:
            a, b = s["clause"]
            if cue[0] < a - 300 or cue[1] > b + 300:
                c.add(w + ".cue", "the cue must lie inside the clause or within 300 characters of it")
        c.label(w + ".act", s.get("act"), "acts")
        c.label(w + ".side", s.get("side"), "sides", nullable=True)
        c.label(w + ".addressee_side", s.get("addressee_side"), "sides", nullable=True)
        c.labels(w + ".topics", s.get("topics", []), "topics")
        c.labels(w + ".threads", s.get("threads", []), "threads")


def _amounts(c: _Checker) -> None:
    for a in c.doc.get("amounts", []):
        w = f"amounts[{a.get('id')}]"
        c.span(w + ".span", a.get("span"))
        c.label(w + ".kind", a.get("kind"), "amount_kinds")
        has_value = isinstance(a.get("value"), int | float)
        has_range = isinstance(a.get("min"), int | float) and isinstance(a.get("max"), int | float)
        if has_value == has_range:
            c.add(w, "give either value or both min and max")
        elif has_range and a["min"] > a["max"]:
            c.add(w, "min is larger than max")
        if not a.get("unit"):
            c.add(w + ".unit", "missing unit")


def _duplicates(c: _Checker) -> None:
    """The same span twice under one label, or two mentions of one label that overlap."""
    groups: dict[str, list[tuple[int, int, str]]] = {"person": [], "organization": [], "amount": [],
                                                     "event": [], "statement": []}
    for p in c.doc.get("people", []):
        groups["person"] += [(m[0], m[1], p.get("id")) for m in p.get("mentions") or [] if _valid(m)]
    for o in c.doc.get("organizations", []):
        groups["organization"] += [(m[0], m[1], o.get("id")) for m in o.get("mentions") or [] if _valid(m)]
    groups["amount"] = [(a["span"][0], a["span"][1], a.get("id")) for a in c.doc.get("amounts", [])
                        if _valid(a.get("span"))]
    groups["event"] = [(e["trigger"][0], e["trigger"][1], e.get("id")) for e in c.doc.get("events", [])
                       if _valid(e.get("trigger"))]
    groups["statement"] = [(s["clause"][0], s["clause"][1], s.get("id")) for s in c.doc.get("statements", [])
                           if _valid(s.get("clause"))]
    listed = _listed_meetings(c.doc)
    for label, spans in groups.items():
        spans.sort()
        for (a1, b1, id1), (a2, b2, id2) in pairwise(spans):
            if (a1, b1) == (a2, b2) and not (label == "event" and {id1, id2} <= listed.get((a1, b1), set())):
                c.add(f"{label} {id2}", f"same span [{a2}, {b2}] as {id1}")
            elif a2 < b1 and label in ("person", "organization", "amount"):
                c.add(f"{label} {id2}", f"span [{a2}, {b2}] overlaps [{a1}, {b1}] of {id1}")


def _listed_meetings(doc: dict[str, Any]) -> dict[tuple[int, int], set[str]]:
    """Event ids that may share a trigger span: the meetings of one cue with a list of counterparts
    (``gặp A, B và C``: one meeting with each, as the dev gold writes them), all ``meeting`` and
    each with its own participants."""
    by_span: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for e in doc.get("events", []):
        if _valid(e.get("trigger")):
            by_span.setdefault((e["trigger"][0], e["trigger"][1]), []).append(e)
    out: dict[tuple[int, int], set[str]] = {}
    for span, evs in by_span.items():
        parts = [tuple(sorted(e.get("participants") or [])) for e in evs]
        if len(evs) > 1 and all(e.get("type") == "meeting" for e in evs) and len(set(parts)) == len(parts):
            out[span] = {e.get("id") for e in evs}
    return out


def _inside_boilerplate(c: _Checker) -> None:
    """Names and amounts inside a byline, credit or related headline are not the article's."""
    zones = [b for b in c.doc.get("boilerplate", []) if _valid(b)]
    if not zones:
        return
    spans: list[tuple[str, Any]] = []
    for key in ("people", "organizations"):
        for it in c.doc.get(key, []):
            spans += [(f"{key}[{it.get('id')}]", m) for m in it.get("mentions") or []]
    spans += [(f"amounts[{a.get('id')}]", a.get("span")) for a in c.doc.get("amounts", [])]
    for where, span in spans:
        if _valid(span) and any(a <= span[0] and span[1] <= b for a, b in zones):
            c.add(where, f"span {span} lies inside boilerplate: not the article's")


def _valid(span: Any) -> bool:
    return isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)


def check_file(path: str | Path, corpus: Path | None = None) -> list[Problem]:
    """Validate an annotation file against its corpus file (sha, offsets, labels, refs)."""
    try:
        doc = load(path)
    except (OSError, ValueError) as exc:
        return [Problem(str(path), f"unreadable: {exc}")]
    rel = doc.get("path")
    if not isinstance(rel, str):
        return [Problem(str(path), "missing path")]
    src = (corpus or corpus_root()) / rel
    if not src.is_file():
        return [Problem(str(path), f"corpus file {src} not found")]
    return validate(doc, read_text(src), sha=sha256_file(src))
