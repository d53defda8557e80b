"""Learned decision ``statement_acts``: is a rule candidate a statement, and which act.

The rules of :mod:`hoptac.extract.statements` propose candidates (a cue of the lexicon, its
subject, its clause); this model reads each candidate (every cue of the lexicon around it, the
words before and at the start of the clause, modality and negation words, quote marks, the
actor's kind and side, the rule's own act, the sentence's position) and says ``none`` (not a
statement) or one of the six acts. ``use`` in the model file says whether the rules, the model
or both (the rules keep or leave a candidate, the model relabels it where it is sure) decide;
:func:`train` picks it on the test split, among the variants that keep the dev gold's floors.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ..model import Article, Statement
from . import load_model
from .features import bucket, compile_model, fit_decision, grams, markers, relabel, words
from .modes import mode_of, using

NAME = "statement_acts"
#: ``both``: the rules decide whether a candidate is kept; the model relabels it when it is at least
#: this sure of its answer among the labels (``none`` left out).
CONFIDENT = 0.6
SIDE_CODES = {"VN", "US", "OTHER"}


def _sentence_start(article: Article, pos: int) -> int:
    for s in article.sentences:
        if s.start <= pos < s.end:
            return s.start
    return max(0, article.text.rfind(".", 0, pos) + 1)


def features(article: Article, st: Statement, names: tuple[set[str], set[str]]) -> list[str]:
    """The feature row of one candidate statement."""
    from ..extract.acts import cues

    text = article.text
    a, b = st.evidence
    row = [f"rule:{st.act}", f"side:{st.side}", f"to:{st.addressee_side is not None}",
           f"threads:{bool(st.threads)}", f"len:{bucket(len(words(st.text)), (4, 8, 16, 32, 64))}"]
    people, orgs = names
    kind = ("side" if st.actor in SIDE_CODES else "person" if st.actor in people
            else "org" if st.actor in orgs else "other")
    row += [f"actor:{kind}", f"actor_side:{kind}_{st.side}", f"rule_actor:{st.act}_{kind}"]
    sent = _sentence_start(article, a)
    head = text[max(sent, a - 120):a]
    clause = text[a:b]
    row += grams("before", words(head)[-6:])
    row += grams("start", words(clause)[:6])
    row += grams("w", words(clause)[:40], n=1)
    row += markers("m", clause[:80]) + markers("mb", head[-60:])
    table = cues()
    window = text[max(sent, a - 120):min(b, a + 200)].lower()
    found = [(m.start(), " ".join(m.group(0).split())) for m in table.cue_re.finditer(window)]
    for _pos, cue in found:
        act = table.act_of.get(cue, "?")
        row += [f"cue:{cue}", f"cueact:{act}"]
    if found:
        first = found[0][1]
        row += [f"first:{first}", f"firstact:{table.act_of.get(first, '?')}", f"rule_first:{st.act}_{first}"]
    else:
        row.append("nocue")
    row += [f"quote_open:{clause[:1] in chr(34) + '“'}", f"quoted:{any(q in clause for q in (chr(34), '“', '”'))}"]
    row.append(f"at:{bucket(int(10 * a / max(1, len(text))), (0, 1, 3, 6, 10))}")
    row.append(f"first_sentence:{sent == 0 or a < 300}")
    return row


def _names(article: Article) -> tuple[set[str], set[str]]:
    people = {n for p in article.people for n in (p.name, *p.aliases)}
    orgs = {n for o in article.organizations for n in (o.name, *o.aliases)}
    return people, orgs


@cache
def _compiled() -> Any:
    model = load_model(NAME)
    return compile_model(model) if model else None


def decide(article: Article) -> list[Statement]:
    """The article's rule statements after the learned decision (dropped, relabelled or kept)."""
    mode = mode_of(NAME)
    compiled = _compiled()
    if mode == "rules" or compiled is None or not article.statements:
        return article.statements
    names = _names(article)
    return relabel(article.statements, compiled, mode, lambda st: features(article, st, names), "act", CONFIDENT)


# ---------------------------------------------------------------- training

def candidates(split: str, docs: list[Any] | None = None) -> tuple[list[list[str]], list[str], list[str]]:
    """Feature rows, gold labels and rule acts of the rule candidates of a split's articles."""
    from ..annotate.corpus import iter_docs
    from .evaluate import Canon, extract, gold_of, match_statements

    rows: list[list[str]] = []
    labels: list[str] = []
    rule: list[str] = []
    with using(NAME, "rules"):
        for doc in docs if docs is not None else iter_docs(split=split):
            art = extract(doc)
            if art is None or art.raw != doc.text:
                continue
            gold = gold_of(doc)
            pairs, _pis, _gis = match_statements(gold, art, Canon(gold), acts=False)
            pairs |= _by_place(gold, art, pairs)
            names = _names(art)
            for pi, st in enumerate(art.statements):
                rows.append(features(art, st, names))
                labels.append(gold["statements"][pairs[pi]]["act"] if pi in pairs else "none")
                rule.append(st.act)
    return rows, labels, rule


def _by_place(gold: dict[str, Any], art: Article, pairs: dict[int, int]) -> dict[int, int]:
    """Candidates left unpaired that overlap a gold statement left unpaired (another actor):
    still statements, with that act (who the actor is, is another decision)."""
    from .evaluate import assign, overlaps, raw_span

    used = set(pairs.values())
    cands = []
    for pi, st in enumerate(art.statements):
        span = raw_span(art, st.evidence)
        if pi in pairs or span is None:
            continue
        for gi, g in enumerate(gold["statements"]):
            if gi not in used and (overlaps(span, g["clause"]) or overlaps(span, g["cue"])):
                inter = max(0, min(span[1], g["clause"][1]) - max(span[0], g["clause"][0]))
                cands.append((inter, pi, gi))
    return assign(cands)


def fit(rows: list[list[str]], labels: list[str]) -> dict[str, Any]:
    """The model trained on candidate rows (the shipped hyper-parameters)."""
    return fit_decision(rows, labels)


def train(out_dir: Path) -> dict[str, Any]:
    """Train on the train split, measure rules / model / both on the test split, ship the best."""
    from .evaluate import evaluate
    from .shipping import train_decision

    def measure() -> dict[str, Any]:
        res = evaluate("test")
        return {f: res["fields"][f]["f1"] for f in ("statements", "threads")}

    return train_decision(out_dir, NAME, candidates, _compiled, measure, ("statements", "threads"), CONFIDENT)
