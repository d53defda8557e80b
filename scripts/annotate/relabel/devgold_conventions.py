"""Bring the annotations in line with the conventions of the dev gold (``../shared/eval/dev``).

The audit behind it is ``annotations/CONVENTIONS.md``: field by field, what the dev gold makes
required, optional or absent, what the guide said and what the annotations did. Where they
disagreed the dev gold wins, and each ruling below is applied mechanically, to every ``done``
file of the train and test splits and to every second annotation (``annotations/double``),
without reading any article to decide: a rule looks at labels, ids and spans, and two of them
(``head_title_bodies``, ``third_party_calls``) at fixed words inside spans already annotated.
Only offsets and labels are written; nothing of an article is printed or stored.

Rulings (name: what changes):
- ``inform_optional``: every ``inform`` statement is ``optional`` (dev gold: 38 of 38).
- ``duration_optional``: every ``duration`` amount is ``optional`` (dev gold: 10 of 10).
- ``abstract_counts_optional``: a count of times, fields, issues, reasons, directions of cooperation or
  "countries and territories" (units ``lần``, ``lĩnh vực``, ``vấn đề``, ``lý do``, ``hướng hợp tác``,
  ``quốc gia và vùng lãnh thổ``) is ``optional`` (dev gold: 11 of 11 such counts).
- ``media_optional``: an outlet (kind ``media``) is ``optional`` unless the story uses it (an event's
  participant, a statement's actor or alternative, a required person's organization) (dev: 12 of 12).
- ``international_in_passing``: an international body (kind ``other``, side ``OTHER``) with at most two
  mentions that the story does not use is ``optional`` (dev gold: 15 of 15 such bodies, in vnus_0009,
  0013, 0023, 0036, 0059; the three required ones are named 3 to 19 times).
- ``parties_in_passing``: a political party (kind ``party``) with at most two mentions that the story
  does not use is ``optional`` (dev gold: 3 of 3, vnus_0009 and 004; the guide already said so).
- ``vague_money``: an unquantified sum (``nhiều tỷ USD``, ``hàng triệu đồng``) is an ``optional`` money
  amount valued at its multiplier, ``approx`` (dev gold vnus_0009: ``nhiều tỉ USD``, 1e9 USD, optional);
  the annotations had none.
- ``head_title_bodies``: ``Chính phủ`` / ``Quốc hội`` written after ``Thủ tướng`` / ``Chủ tịch`` inside a
  person's title is an organization, ``optional`` when every mention of it lies inside titles (dev gold
  vnus_0023, 002: the government in the Prime Minister's title, optional): the mention is added where
  missing (to the organization of the same name if there is one, else to a new optional one).
- ``title_only_optional``: an organization named only inside people's titles that is no person's
  organization (a department or a parent body of the title's organization) is ``optional`` (dev gold:
  ``Vụ châu Mỹ``, ``Quốc hội Mỹ`` in a caucus's name, ``Chính phủ Việt Nam`` in a title).
- ``third_party_calls``: a ``request`` of a VN or US actor whose clause calls on "(all) the parties"
  (``các bên``, ``tất cả các bên``, ``mọi bên``; not ``hai bên``) has ``addressee_side`` ``OTHER`` and is
  ``optional`` (dev gold: 3 of 3, vnus_0023 and vnus_0054).
- ``article_topics``: the article's topics hold every topic of its statements (dev gold: 84 of 93
  statement topics are article topics; the annotations had 618 of 849).

Usage (from the repository): ``.venv/bin/python scripts/annotate/relabel/devgold_conventions.py``
prints what each ruling would change (items and files, per split); ``--apply`` writes the files
(each validated first). Re-running after ``--apply`` changes nothing.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "src"))

from hoptac.annotate.corpus import holdout, load_split  # noqa: E402
from hoptac.annotate.schema import (  # noqa: E402
    corpus_root,
    doc_path,
    double_path,
    dump,
    load,
    read_text,
    sha256_file,
    validate,
)

Doc = dict[str, Any]

HEAD_BODY = re.compile(
    r"\b(?:[Tt]hủ [Tt]ướng|[Cc]hủ [Tt]ịch)\s+((?:Chính phủ|Quốc hội)"
    r"(?:\s+(?:nước [Cc]ộng hòa xã hội chủ nghĩa Việt Nam|nước CHXHCN Việt Nam|Việt Nam|Mỹ|Hoa Kỳ))?)")
PARTIES = re.compile(r"(?:tất cả |mọi )?(?:các )?bên\b(?! cạnh)", re.IGNORECASE)
GOVERNMENT_SIDE = {"VN", "US", "OTHER"}


def files() -> Iterator[tuple[str, str, Path]]:
    """(split, corpus path, annotation file) of every done annotation, second ones included."""
    plan, banned = load_split(), holdout()
    for split in ("train", "test"):
        for rel in plan[split]:
            if Path(rel).name in banned:
                continue
            for kind, path in (("", doc_path(rel)), ("double ", double_path(rel))):
                if path.is_file() and load(path).get("status") == "done":
                    yield kind + split, rel, path


def save(doc: Doc, text: str, rel: str, path: Path) -> None:
    """Write a relabelled annotation after the validator passes (stop on the first problem)."""
    problems = validate(doc, text, sha=sha256_file(corpus_root() / rel))
    if problems:
        raise SystemExit(f"{rel}: " + "; ".join(str(p) for p in problems))
    dump(doc, path)


def inside(span: list[int], spans: list[list[int]]) -> bool:
    """Whether a span lies within one of the spans."""
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def used_orgs(doc: Doc) -> set[str]:
    """Organization ids the story uses: participants, actors and alternatives, required people's organizations."""
    out = {p for e in doc["events"] for p in e.get("participants") or []}
    for s in doc["statements"]:
        out |= {s.get("actor"), *(s.get("actor_alternatives") or [])}
    out |= {p.get("org") for p in doc["people"] if not p.get("optional")}
    return {x for x in out if isinstance(x, str)}


def make_optional(items: list[dict[str, Any]], rule: Callable[[dict[str, Any]], bool]) -> int:
    """Flag ``optional`` every required item the rule picks; how many were flagged."""
    picked = [it for it in items if not it.get("optional") and rule(it)]
    for it in picked:
        it["optional"] = True
    return len(picked)


def inform_optional(doc: Doc, text: str) -> int:
    """``inform`` statements are optional."""
    return make_optional(doc["statements"], lambda s: s["act"] == "inform")


def duration_optional(doc: Doc, text: str) -> int:
    """``duration`` amounts are optional."""
    return make_optional(doc["amounts"], lambda a: a["kind"] == "duration")


ABSTRACT_UNITS = frozenset({"lần", "lĩnh vực", "vấn đề", "lý do", "hướng hợp tác", "quốc gia và vùng lãnh thổ"})


def abstract_counts_optional(doc: Doc, text: str) -> int:
    """Counts of times, fields, issues, reasons, directions, countries-and-territories are optional."""
    return make_optional(doc["amounts"], lambda a: a["kind"] == "count"
                         and (a.get("unit") or "").strip().casefold() in ABSTRACT_UNITS)


def media_optional(doc: Doc, text: str) -> int:
    """Outlets are optional unless the story uses them."""
    used = used_orgs(doc)
    return make_optional(doc["organizations"], lambda o: o.get("kind") == "media" and o["id"] not in used)


def _in_passing(doc: Doc, kind: str, side: str | None) -> int:
    """Organizations of a kind (and side) named at most twice that no event, statement or person uses: optional."""
    used = used_orgs(doc) | {p.get("org") for p in doc["people"]}
    return make_optional(doc["organizations"], lambda o: o.get("kind") == kind and side in (None, o.get("side"))
                         and len(o.get("mentions") or []) <= 2 and o["id"] not in used)


def international_in_passing(doc: Doc, text: str) -> int:
    """International bodies named once or twice and not used by the story are optional."""
    return _in_passing(doc, "other", "OTHER")


def parties_in_passing(doc: Doc, text: str) -> int:
    """Parties named once or twice and not used by the story are optional."""
    return _in_passing(doc, "party", None)


VAGUE_MONEY = re.compile(r"\b(?:[Nn]hiều|[Hh]àng)\s+(tỷ|tỉ|triệu|nghìn|ngàn)\s+(USD|đồng|đô la)\b")
MULTIPLIER = {"tỷ": 1e9, "tỉ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3}


def vague_money(doc: Doc, text: str) -> int:
    """Unquantified sums are optional money amounts valued at their multiplier."""
    zones = [*(doc.get("boilerplate") or []), *(a["span"] for a in doc["amounts"])]
    n = 0
    for m in VAGUE_MONEY.finditer(text):
        span = [m.start(), m.end()]
        if any(a < span[1] and span[0] < b for a, b in zones):
            continue
        nums = [int(a["id"][1:]) for a in doc["amounts"] if a["id"][1:].isdigit()]
        doc["amounts"].append({"id": f"a{max(nums, default=0) + 1}", "span": span, "kind": "money",
                               "value": int(MULTIPLIER[m.group(1)]),
                               "unit": "USD" if m.group(2) in ("USD", "đô la") else "VND",
                               "approx": True, "optional": True})
        n += 1
    return n


def _next_id(doc: Doc) -> str:
    nums = [int(o["id"][1:]) for o in doc["organizations"] if o["id"][1:].isdigit()]
    return f"o{max(nums, default=0) + 1}"


def _fold(s: str) -> str:
    return unicodedata.normalize("NFC", s).casefold()


def _same_body(doc: Doc, text: str, span: list[int], side: str | None) -> list[dict[str, Any]]:
    """The annotated organization a title's ``Chính phủ`` / ``Quốc hội`` names: one written the same
    (name or a mention), else a government of the person's side whose name starts with the same body."""
    key = _fold(text[span[0]:span[1]])
    orgs = doc["organizations"]
    same = [o for o in orgs if _fold(o.get("name") or "") == key
            or any(_fold(text[a:b]) == key for a, b in o.get("mentions") or [])]
    body = " ".join(key.split()[:2])
    return same or [o for o in orgs if o.get("kind") == "government" and side and o.get("side") == side
                    and _fold(o.get("name") or "").startswith(body)]


def head_title_bodies(doc: Doc, text: str) -> int:
    """``Chính phủ`` / ``Quốc hội`` of a head's title: an organization, optional when only in titles."""
    titles = [p["title"] for p in doc["people"] if p.get("title")]
    n = 0
    for person in doc["people"]:
        if not person.get("title"):
            continue
        s, e = person["title"]
        for m in HEAD_BODY.finditer(text, s, e):
            span = [m.start(1), m.end(1)]
            hit = [o for o in doc["organizations"]
                   if any(a < span[1] and span[0] < b for a, b in o.get("mentions") or [])]
            if not hit:
                same = _same_body(doc, text, span, person.get("side"))
                if same:
                    same[0]["mentions"] = sorted([*same[0]["mentions"], span])
                    hit = same
                else:
                    side = person.get("side") if person.get("side") in GOVERNMENT_SIDE else None
                    doc["organizations"].append({"id": _next_id(doc), "name": text[span[0]:span[1]],
                                                 "kind": "government", "side": side,
                                                 "mentions": [span], "optional": True})
                    n += 1
                    continue
                n += 1
            org = hit[0]
            if not org.get("optional") and all(inside(mm, titles) for mm in org["mentions"]):
                org["optional"] = True
                n += 1
    return n


def title_only_optional(doc: Doc, text: str) -> int:
    """An organization only inside titles and no person's organization is optional."""
    titles = [p["title"] for p in doc["people"] if p.get("title")]
    used = used_orgs(doc) | {p.get("org") for p in doc["people"]}
    return make_optional(doc["organizations"], lambda o: bool(o.get("mentions")) and o["id"] not in used
                         and all(inside(m, titles) for m in o["mentions"]))


def third_party_calls(doc: Doc, text: str) -> int:
    """A request of VN or US calling on "the parties": addressee OTHER, optional."""
    n = 0
    for s in doc["statements"]:
        if s["act"] != "request" or s.get("side") not in ("VN", "US"):
            continue
        if not PARTIES.match(text, s["clause"][0]):
            continue
        if s.get("addressee_side") != "OTHER" or not s.get("optional"):
            s["addressee_side"], s["optional"] = "OTHER", True
            n += 1
    return n


def article_topics(doc: Doc, text: str) -> int:
    """The article's topics hold every topic of its statements."""
    have = list(doc.get("topics") or [])
    add = sorted({t for s in doc["statements"] for t in s.get("topics") or []} - set(have))
    doc["topics"] = have + add
    return len(add)


RULES = (inform_optional, duration_optional, abstract_counts_optional, vague_money, media_optional,
         international_in_passing, parties_in_passing, head_title_bodies, title_only_optional, third_party_calls,
         article_topics)


def main(argv: list[str]) -> int:
    """Apply every ruling to every done file; print the changes per ruling and split; write with ``--apply``."""
    apply = "--apply" in argv
    items: dict[str, Counter[str]] = defaultdict(Counter)
    touched: dict[str, Counter[str]] = defaultdict(Counter)
    changed: Counter[str] = Counter()
    for split, rel, path in files():
        doc, text = load(path), read_text(corpus_root() / rel)
        any_change = False
        for rule in RULES:
            k = rule(doc, text)
            if k:
                items[rule.__name__][split] += k
                touched[rule.__name__][split] += 1
                any_change = True
        if any_change:
            changed[split] += 1
            if apply:
                save(doc, text, rel, path)
    for rule in RULES:
        name = rule.__name__
        print(f"{name:<25} items {dict(sorted(items[name].items()))}  files {dict(sorted(touched[name].items()))}")
    print(f"files changed: {dict(sorted(changed.items()))}" + ("" if apply else "  (dry run: --apply writes)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
