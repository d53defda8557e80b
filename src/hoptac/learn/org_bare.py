"""Learned decision ``org_bare``: is a foreign name written alone an organization?

The rules of :mod:`hoptac.extract.orgs` find an organization by a head word (``Công ty``,
``Tập đoàn``), a legal or trade suffix (``Inc``, ``Holdings``), a gazetteer entry or an acronym.
A foreign firm named alone (``Driftwood``, ``Baker Hughes``, ``Safran``, ``Rosneft``) has none of
these: what tells it from a product, a foreign word or a person the name rules missed is its
context (``hãng``/``của`` before it, ``cho biết``/``sẽ`` after it, how often it is written, a
model number after it), which is a choice to learn, not another list. Candidates are runs of
capitalized words holding a word no Vietnamese syllable spells (:func:`candidates`), outside
every person, place, title and organization already found; this model scores each (``yes`` /
``none``), and a name is kept when its best-scored mention reaches ``threshold``. The threshold
(and whether the model is used at all) is chosen by a 5-fold cross-validation on the train
split, counting names gained and names wrongly added; the test split is only measured.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..extract.acts import cues
from ..extract.gazetteer import has_marks, in_dictionary, is_vietnamese_syllable
from ..extract.org_grammar import is_credit
from ..extract.spans import Cover
from . import compiled_loader, load_model
from .features import bucket, predict, train_logreg
from .modes import CANDIDATES, mode_of, recorded
from .org_ends import MEASURED, measure

NAME = "org_bare"
YES = "yes"
FOLDS = 5
#: the thresholds the cross-validation chooses among
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
#: what a name wrongly added costs against one gained when the threshold is chosen: two (a
#: corpus-wide sample of the names a 1:1 choice added outside the annotated articles was right in
#: 9 of 15 articles; the annotated train split holds 27 names the rules miss among ~500 candidates)
WRONG_COST = 2
#: the longest run of words taken as one name
MAX_WORDS = 6

_TOKEN = re.compile(r"[^\W_][\w'’.\-]*|&")
_PREV = re.compile(r"(\S+)\s*$")
_NEXT = re.compile(r"\s*(\S+)")
_CAMEL = re.compile(r"[a-zà-ỹ][A-ZĐÀ-Ỹ]")
#: a speaker's label of an interview (``* VnExpress: Xin ...``), not a mention in the story
_LABEL = re.compile(r":[^\S\n]")

#: (ctext, start, end, feature row) of every candidate seen while recording
_RECORD: list[tuple[str, int, int, list[str]]] | None = None

Hit = tuple[int, int, str, str, "str | None", str]


#: a name written as a web address (``Zing.vn``, ``Forbes.com``) is a site, an outlet: a source
#: of the news, never a party to its events (``kind`` media, as the outlets the suffixes find)
_WEB_NAME = re.compile(r"\.(?:vn|com|net|org|info)$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)  # a text's capitalized words repeat, and so do an outlet's
def _foreign(w: str) -> bool:
    """A word no Vietnamese syllable spells (``Driftwood``, ``VinMart``), not an acronym in capitals
    nor an initial (``N``)."""
    letters = re.sub(r"[^\w]", "", w)
    if len(letters) < 2 or letters.isdigit() or letters.isupper():
        return False
    return not is_vietnamese_syllable(letters)


@lru_cache(maxsize=1 << 16)
def _common(w: str) -> bool:
    """A capitalized Vietnamese word that is no part of a foreign name (``Theo``, ``Tập``)."""
    low = w.lower()
    return is_vietnamese_syllable(low) and (has_marks(low) or in_dictionary(low))


#: capital letters (Latin and Vietnamese), for the one expression that finds the runs of capitalized words
_UPPER = re.escape("".join(c for c in map(chr, range(0x41, 0x2000)) if c.isalpha() and c.isupper()))
_CAP = rf"[{_UPPER}][\w'’.\-]*"
_CAP_RUN = re.compile(rf"(?<![\w'’.\-]){_CAP}(?: (?:&|{_CAP}))*")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|Inc\.|Corp\.|Co\.|Ltd\.")


def _runs(ctext: str) -> list[tuple[int, int]]:
    """Maximal runs of capitalized words (``&`` between them) on one line, each trimmed of
    Vietnamese words at its edges, that hold a foreign word (a word ending in a full stop ends
    its run). The runs are found by one expression, not a walk over every word of the text."""
    out: list[tuple[int, int]] = []

    def close(toks: list[tuple[int, str]]) -> None:
        while toks and (toks[0][1] == "&" or _common(toks[0][1])):
            toks.pop(0)
        while toks and (toks[-1][1] == "&" or _common(toks[-1][1])):
            toks.pop()
        if toks and len(toks) <= MAX_WORDS and any(_foreign(w) for _a, w in toks):
            a, w = toks[-1]
            end = a + len(w)
            if w.endswith(".") and not _ABBREVIATION.fullmatch(w):
                end -= 1
            out.append((toks[0][0], end))

    for m in _CAP_RUN.finditer(ctext):
        toks: list[tuple[int, str]] = []
        pos = m.start()
        for w in m.group().split(" "):
            toks.append((pos, w))
            pos += len(w) + 1
            if w.endswith("."):
                close(toks)
                toks = []
        close(toks)
    return out


def _shape(w: str) -> str:
    if w == "&":
        return "amp"
    if any(c.isdigit() for c in w):
        return "digit"
    if len(w) > 1 and w.isupper():
        return "caps"
    if _CAMEL.search(w):
        return "camel"
    return "foreign" if _foreign(w) else "viet"


def features(ctext: str, a: int, b: int, g: Any, counts: Counter[str],
             memo: dict[str, Any] | None = None, person_words: frozenset[str] = frozenset()) -> list[str]:
    """The feature row of the candidate ``ctext[a:b]`` (``memo``: what one text's candidates share,
    how often each word is written and the words around each name, read once per text;
    ``person_words``: the words of the people's names found in the text)."""
    memo = {} if memo is None else memo
    name = ctext[a:b]
    ws = name.split()
    line_start = ctext.rfind("\n", 0, a) + 1
    pm = _PREV.search(ctext, max(line_start, a - 40), a)
    prev = pm.group(1) if pm else "BOL"
    pm2 = _PREV.search(ctext, max(line_start, a - 80), pm.start()) if pm else None
    prev2 = pm2.group(1) if pm2 else "BOL"
    nm = _NEXT.match(ctext, b)
    nxt = nm.group(1) if nm and "\n" not in ctext[b:nm.start(1)] else "EOL"
    nm2 = _NEXT.match(ctext, nm.end()) if nm and nxt != "EOL" else None
    nxt2 = nm2.group(1) if nm2 and "\n" not in ctext[nm.end():nm2.start(1)] else "EOL"
    shapes = "_".join(_shape(w) for w in ws)
    lp, ln = prev.lower().strip("\"“”'‘’,;:"), nxt.lower().strip("\"“”'‘’,;:.")
    row = [f"shape:{shapes}", f"n:{bucket(len(ws), (1, 2, 3, 4))}", f"first:{ws[0].lower()}", f"last:{ws[-1].lower()}",
           f"prev:{lp}", f"next:{ln}", f"prev2:{prev2.lower()}_{lp}", f"next2:{ln}_{nxt2.lower().strip(',.;:')}",
           f"written:{bucket(counts[name], (1, 2, 3, 5))}"]
    row += [f"w:{w.lower()}" for w in ws]
    if prev[-1:] in "(\"“'‘" or ctext[a - 1:a] in "(\"“'‘":
        row.append(f"open:{ctext[a - 1:a] if a else ''}")
    if not nm or nxt == "EOL":
        row.append("line_end")
    elif ctext[b:b + 1] in ",.;:)\"”’":
        row.append(f"punct_after:{ctext[b:b + 1]}")
    if a == line_start:
        row.append("line_start")
    elif re.search(r"[.!?]\s*$", ctext[max(line_start, a - 3):a]):
        row.append("sentence_start")
    if nxt[:1].isdigit():
        row.append("number_after")
    if nxt != "EOL" and cues().cue_re.match(ctext, nm.start(1)):
        row.append("cue_after")
    if g.places.match(ctext, nm.start(1)) if nm and nxt != "EOL" else False:
        row.append("place_after")
    if sum(memo.setdefault(f"w:{w}", ctext.count(w)) for w in ws) > counts[name] * len(ws):
        row.append("words_elsewhere")
    th = g.title_heads.search(ctext, max(line_start, a - 40), a)
    if lp in _PERSON_BEFORE or (th and not ctext[th.end():a].strip()):
        row.append("person_before")
    if ws and all(w in person_words for w in ws):
        row.append("person_word")  # "McCain" after "John McCain": a person named again
    kind = _noun_before(ctext, line_start, a, g)
    if kind:
        row.append(f"noun_before:{kind}")
    if f"n:{name}" not in memo:
        memo[f"n:{name}"] = sorted(_around(ctext, name, g))
    row += memo[f"n:{name}"]
    return row


def _noun_before(ctext: str, lo: int, a: int, g: Any) -> str | None:
    """The class of the common noun of ``name_blockers`` written right before ``a``: ``org`` for a
    word that names a body or a firm (an organization head or descriptor: ``quỹ``, ``hãng``,
    ``tập đoàn``, ``tờ``), ``thing`` for one naming a place, a ship, a product or a work (``tàu``,
    ``sân bay``, ``khách sạn``, ``tên lửa``); grouped so that the model learns from the class, not
    from each of the few words it saw."""
    m = g.name_blockers.search(ctext, max(lo, a - 30), a)
    if m is None:
        return None
    low = " ".join(m.group().split()).lower()
    return "org" if low in _org_nouns(g) else "thing"


_ORG_NOUNS: dict[int, frozenset[str]] = {}


def _org_nouns(g: Any) -> frozenset[str]:
    """The lower-cased organization heads and firm descriptors of the gazetteer (kept per gazetteer)."""
    if id(g) not in _ORG_NOUNS:
        _ORG_NOUNS[id(g)] = frozenset(h.lower() for h in g.org_heads) | frozenset(g.org_descriptors)
    return _ORG_NOUNS[id(g)]


#: words written before a person's name, never a firm's
_PERSON_BEFORE = frozenset({"ông", "bà", "ngài", "anh", "chị", "cô", "chú", "em", "cháu", "cụ", "bé"})


def _around(ctext: str, name: str, g: Any) -> set[str]:
    """The words before and after every occurrence of a name in the article (name-level evidence:
    ``hãng``, ``thương hiệu``, ``công ty`` somewhere before it; at most ten occurrences read)."""
    out: set[str] = set()
    pos = ctext.find(name)
    n = 0
    while pos >= 0 and n < 10:
        n += 1
        before = ctext[max(0, pos - 25):pos].split()
        if before:
            out.add(f"any_prev:{before[-1].lower()}")
            if len(before) > 1:
                out.add(f"any_prev2:{before[-2].lower()}_{before[-1].lower()}")
        kind = _noun_before(ctext, 0, pos, g)
        if kind:
            out.add(f"any_noun_before:{kind}")
        after = ctext[pos + len(name):pos + len(name) + 20].split()
        if after and after[0][:1].isalpha():
            out.add(f"any_next:{after[0].lower()}")
        pos = ctext.find(name, pos + len(name))
    return out


_compiled = compiled_loader(NAME)


def bare_hits(ctext: str, g: Any, hits: list[Hit], people: list[tuple[int, int]]) -> list[Hit]:
    """The foreign names written alone the decision takes for organizations (none under the rules);
    a name already found elsewhere in the text (``Reuters`` past its credit) joins that organization.
    Not candidates: a short form of a longer name found (``Excelerate`` of ``Excelerate Energy``: the
    rules' folding of short company names decides it), a label before a colon (an interview's
    speaker) and a source or photo credit (``Theo VnExpress`` closing the article)."""
    mode = mode_of(NAME)
    if mode == "rules" and _RECORD is None:
        return []
    compiled = _compiled()
    if mode != CANDIDATES and compiled is None and _RECORD is None:
        return []
    taken, persons = Cover((h[0], h[1]) for h in hits), Cover(people)
    longer = set()  # every word prefix of a name found ("excelerate" of "Excelerate Energy")
    for h in hits:
        ws = h[2].lower().split()
        longer.update(" ".join(ws[:k]) for k in range(1, len(ws)))
    spans = [(a, b) for a, b in _runs(ctext)
             if not taken.overlaps(a, b) and not persons.overlaps(a, b) and not g.places.fullmatch(ctext, a, b)
             and not _LABEL.match(ctext, b) and not is_credit(ctext, a, b) and ctext[a:b].lower() not in longer]
    if not spans:
        return []
    counts = Counter(ctext[a:b] for a, b in spans)
    memo: dict[str, Any] = {}
    person_words = frozenset(w for a, b in people for w in ctext[a:b].split())
    rows = [(a, b, features(ctext, a, b, g, counts, memo, person_words)) for a, b in spans]
    if _RECORD is not None:
        names = {h[2].lower() for h in hits} | {h[5] for h in hits}
        _RECORD.extend((ctext, a, b, r + (["FOUND"] if ctext[a:b].lower() in names else [])) for a, b, r in rows)
    if mode in ("rules", CANDIDATES) or compiled is None:
        return []
    threshold = float((load_model(NAME) or {}).get("threshold", 0.5))
    best: defaultdict[str, float] = defaultdict(float)
    for a, b, r in rows:
        best[ctext[a:b]] = max(best[ctext[a:b]], compiled.prob(r, YES))
    known = {h[2].lower(): h for h in hits} | {h[5]: h for h in hits}
    out: list[Hit] = []
    for a, b, _r in rows:
        name = ctext[a:b]
        h = known.get(name.lower())
        if h is not None:
            out.append((a, b, h[2], h[3], h[4], h[5]))
        elif best[name] >= threshold:
            kind = "media" if _WEB_NAME.search(name) else "company"
            out.append((a, b, name, kind, None, name.lower()))
    return out


# ---------------------------------------------------------------- training

#: name, row, gold label, and whether it counts: ``False`` when the rules already found the name or
#: the annotation holds it only as optional (neither credited nor charged)
Cand = tuple[str, list[str], bool, bool]


def labelled(split: str, docs: list[Any] | None = None) -> list[tuple[str, list[Cand]]]:
    """Per article (its path), its candidates with their label: ``yes`` when the name is one of
    the article's annotated organization names or mention strings."""
    from ..annotate.corpus import iter_docs
    from ..extract.textmap import compose
    from .evaluate import gold_of, norm

    out: list[tuple[str, list[Cand]]] = []
    source = docs if docs is not None else iter_docs(split=split)
    for doc, art, records in recorded(NAME, sys.modules[__name__], source):
        c = compose(art.text)
        gold = gold_of(doc)["organizations"]
        keys = {k for o in gold for k in o["keys"]}
        optional = {k for o in gold if o["optional"] for k in o["keys"]} - {
            k for o in gold if not o["optional"] for k in o["keys"]}
        found_keys = {norm(x) for o in art.organizations for x in (o.name, *o.aliases)}
        seen: set[tuple[int, int]] = set()
        cands: list[Cand] = []
        for ctext, a, b, row in records:
            if ctext != c.text or (a, b) in seen:
                continue
            seen.add((a, b))
            key = norm(ctext[a:b])
            found = row[-1:] == ["FOUND"]
            counts = not (found or key in found_keys or key in optional)
            cands.append((ctext[a:b], row[:-1] if found else row, key in keys, counts))
        out.append((doc.path, cands))
    return out


def fit(cands: list[Cand]) -> dict[str, Any]:
    """The model trained on candidate rows (a firm L2: with 29 names the rules miss among 496 on the
    train split, the 5-fold cross-validation found L2 0.1 and 0.3 adding more wrong names than right)."""
    return train_logreg([r for _n, r, _y, _f in cands], [YES if y else "none" for _n, _r, y, _f in cands],
                        min_count=2, l2=3.0, steps=600, lr=1.0)


def _names(cands: list[Cand], probs: list[float]) -> dict[str, tuple[float, bool]]:
    """Per name that counts (see :data:`Cand`), its best mention's probability and its label."""
    out: dict[str, tuple[float, bool]] = {}
    for (name, _r, y, counts), p in zip(cands, probs, strict=True):
        if not counts:
            continue
        old = out.get(name)
        out[name] = (max(p, old[0]) if old else p, y)
    return out


def cross_validate(lab: list[tuple[str, list[Cand]]], folds: int = FOLDS) -> dict[str, Any]:
    """Names the rules missed gained (``tp``) and wrongly added (``fp``) on held-out folds of the train split at
    each threshold (articles dealt to folds in order of their path); ``gold``: the names to find."""
    from .features import compile_model

    lab = sorted(lab, key=lambda t: t[0])
    tally: dict[float, Counter[str]] = {t: Counter() for t in THRESHOLDS}
    gold = 0
    for k in range(folds):
        train = [c for i, (_p, cs) in enumerate(lab) if i % folds != k for c in cs]
        if not any(c[2] for c in train):
            continue
        compiled = compile_model(fit(train))
        for i, (_p, cs) in enumerate(lab):
            if i % folds != k or not cs:
                continue
            names = _names(cs, [predict(compiled, c[1]).get(YES, 0.0) for c in cs])
            gold += sum(y for _p2, y in names.values())
            for t in THRESHOLDS:
                for p, y in names.values():
                    if p >= t:
                        tally[t]["tp" if y else "fp"] += 1
    return {"gold_names": gold} | {f"t:{t}": dict(tally[t]) for t in THRESHOLDS}


def train(out_dir: Path) -> dict[str, Any]:
    """Train on the train split, choose the threshold by cross-validation on it (names gained less
    :data:`WRONG_COST` times the names wrongly added, above zero), measure on the test split."""
    from .shipping import select, write

    lab = labelled("train")
    cands = [c for _p, cs in lab for c in cs]
    cv = cross_validate(lab)

    def gain(t: float) -> int:
        return cv[f"t:{t}"].get("tp", 0) - WRONG_COST * cv[f"t:{t}"].get("fp", 0)

    threshold = max(THRESHOLDS, key=lambda t: (gain(t), t))
    model = fit(cands) | {"name": NAME, "use": "model", "threshold": threshold,
                          "trained_on": f"train split, {len(cands)} candidates, {sum(c[2] for c in cands)} organizations"}
    write(out_dir, NAME, model)
    _compiled.cache_clear()

    metrics: dict[str, Any] = {"candidates_train": len(cands), "cv_train": cv, "threshold": threshold}
    metrics |= select(NAME, measure, MEASURED, ("organizations",))
    # the variant is the train split's choice (the test split only measured)
    better = gain(threshold) > 0 and metrics["model"].get("dev_floors_hold", True)
    metrics["use"] = "model" if better else "rules"
    metrics["shipped"] = {k: metrics[metrics["use"]][k] for k in MEASURED}
    write(out_dir, NAME, model | {"use": metrics["use"]})
    _compiled.cache_clear()
    return metrics
