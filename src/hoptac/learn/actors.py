"""Learned decision ``statement_actors``: who the actor of a statement is.

The rules (:mod:`hoptac.extract.speakers`) give each statement one actor; the general mechanisms of
:mod:`hoptac.extract.actor_candidates` propose the others it could be (names before and after the
cue, the previous speaker, a pronoun's or a lone title's referent, a person's organization, the
sides). A binary logistic regression scores each candidate (is it the actor?) from how it was found,
its kind and side against the rules' actor, the words between its mention and the cue (another cue,
a comma, a quote, ``của``, the word before it), a pronoun or side word right before the cue, how
often it is named and speaks; the ranker takes the best. ``use`` in the model file says whether the
rules decide, the model (its best always), or both (the model's best replaces the rules' actor only
when it scores at least ``margin`` above it); :func:`train` picks it by cross-validation inside the
train split (:mod:`.actor_cv`), among variants that keep the dev gold's floors; the test split is
only measured. With ``wide`` in the model file the ranker also picks the actor of every candidate
the rules left (:func:`wide_actors`), before the act decision reads it: a candidate at the right
place with another actor was no statement to the act decision, whatever its act.
"""

from __future__ import annotations

import copy
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..extract.actor_candidates import ActorCandidate, ArticleIndex, candidates, cue_span
from ..extract.acts import cues
from ..model import Article, Person, Statement
from . import compiled_loader, load_model
from .features import bucket, few_words, fit_decision, words
from .modes import CANDIDATES, mode_of

NAME = "statement_actors"
#: ``both``: the model's best replaces the rules' actor when it scores at least this much above it
MARGIN = 0.3
#: how far a variant must beat the rules in the cross-validation (statements + threads F1) to ship:
#: changing only how articles fall into folds moves that sum by about this much (stop 26), so a smaller
#: lead is noise and the simpler rules ship
CV_NOISE = 0.006
#: the ranker gives the candidates the rules left (:mod:`hoptac.extract.candidates`) their actor
#: before the act decision reads them (its choice is measured by retraining ``statement_acts``
#: with and without it: the README's "Who the actor is")
WIDE = True
OTHER = {"VN": "US", "US": "VN"}
_QUOTES = "\"“”"
_PRONOUNS = ("ông", "bà", "ngài", "họ", "tôi", "chúng tôi", "vị này", "người đứng đầu")
_SPACED = tuple((p, f" {p} ") for p in _PRONOUNS)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _gap(text: str, a: int, b: int, tag: str) -> list[str]:
    """Features of the words between a candidate's mention and the cue."""
    gap = _nfc(text[a:b]).lower()
    toks = words(gap)
    row = [f"{tag}_n:{bucket(len(toks), (0, 1, 2, 4, 8, 16))}", f"{tag}_comma:{',' in gap}",
           f"{tag}_quote:{any(q in gap for q in _QUOTES)}", f"{tag}_cue:{bool(cues().cue_re.search(gap))}"]
    if toks:
        row += [f"{tag}_first:{toks[0]}", f"{tag}_last:{toks[-1]}"]
    return row


@dataclass
class Around:
    """What the features read around one statement's cue, the same for each of its candidates."""

    s0: int
    s1: int
    pron: str | None  # a pronoun right before the cue
    joined: bool  # two people of both sides joined by "và" named last before the cue
    both: bool  # a both-sides phrase right before the cue
    low: str  # the 40 characters before the cue in its sentence, lower case
    found: str | None = None  # how the rules' actor is seen (:func:`_found`), once its candidates are known


def around(ix: ArticleIndex, st: Statement) -> Around:
    """The context of one statement's cue (:class:`Around`)."""
    text = ix.article.text
    ca, _cb = cue_span(st)
    s0, s1 = ix.sents[ix.sentence_of(ca)] if ix.sents else (0, len(text))
    head = " ".join(words(_nfc(text[max(s0, ca - 25):ca])))
    spaced = f" {head} "
    pron = next((p for p, sp in _SPACED if head.endswith(p) or sp in spaced[-len(p) - 12:]), None)
    return Around(s0, s1, pron, _joined(ix, st, s0), _both_before(text, s0, ca), _nfc(text[max(s0, ca - 40):ca]).lower())


def features(ix: ArticleIndex, st: Statement, c: ActorCandidate, rule: ActorCandidate,
             spoke: Counter[str], named: Counter[str], at: Around | None = None) -> list[str]:
    """The feature row of one candidate actor of a statement (``rule``: the rules' candidate;
    ``spoke``: how many statements each actor has; ``named``: how many mentions each name has;
    ``at``: the statement's :func:`around`, computed here when not given)."""
    text = ix.article.text
    ca, cb = cue_span(st)
    at = at or around(ix, st)
    s0, s1 = at.s0, at.s1
    is_rule = c is rule
    row = [f"how:{h}" for h in c.how] + [f"kind:{c.kind}", f"side:{c.side}", f"rule:{is_rule}",
                                         f"same_side:{c.side == rule.side}", f"rk:{rule.kind}_{c.kind}",
                                         f"act_kind:{st.act}_{c.kind}", f"nhow:{bucket(len(c.how), (1, 2, 3))}"]
    row += [f"how_kind:{h}_{c.kind}" for h in c.how] + [f"rule_how:{is_rule}_{h}" for h in c.how]
    row += [f"rule_origin:{'wide' if st.origin else 'rule'}_{c.kind}"]
    found = at.found or _found(rule)
    row += [f"rule_found:{found}_{h}" for h in c.how] + [f"rule_found_kind:{found}_{c.kind}"]
    if c.side != rule.side:
        row.append(f"other_side:{st.act}_{c.kind}")
    if c.before is not None:
        ma, mb = c.before
        row += _gap(text, mb, ca, "bg")
        lead = words(_nfc(text[max(s0, ma - 30):ma]))
        row += [f"wb:{lead[-1] if lead else '^'}", f"wb_kind:{lead[-1] if lead else '^'}_{c.kind}"]
        row.append(f"at_start:{few_words(text[s0:ma], 3)}")
    if c.after is not None:
        ma, mb = c.after
        row += _gap(text, cb, ma, "ag")
        row.append(f"after_end:{few_words(text[mb:s1], 3)}")
        row.append(f"quoted_before:{any(q in text[s0:ca] for q in _QUOTES)}")
    if at.pron is not None:
        row.append(f"pron:{at.pron}_{c.kind}")
        row += [f"pron_how:{at.pron}_{h}" for h in c.how]
        if isinstance(c.entity, Person):
            row.append(f"pron_gender:{at.pron}_{ix.gender.get(c.name, '?')}")
    if c.kind == "side":
        pattern = cues().country_res.get(c.side or "")
        row.append(f"side_word:{bool(pattern and pattern.search(at.low))}")
        row.append(f"both_word:{bool(cues().both_re.search(at.low))}")
    row += [f"joined:{is_rule}_{c.kind}_{c.side == rule.side}"] if at.joined else []
    if at.both:
        row += [f"both:{is_rule}_{c.kind}"] + [f"both_how:{h}" for h in c.how]
    row += [f"spoke:{bucket(spoke[c.name] - is_rule, (0, 1, 3))}", f"named:{bucket(named[c.name], (0, 1, 3, 8))}"]
    return row


def _found(rule: ActorCandidate) -> str:
    """How the rules' actor is seen besides being the rules' (``b1+prev``), or ``alone``."""
    return "+".join(sorted(h for h in rule.how if h != "rule")) or "alone"


def _joined(ix: ArticleIndex, st: Statement, s0: int) -> bool:
    """Whether two people of different sides joined by ``và`` / ``cùng`` are named last before the
    cue in its sentence (``Tổng thống X và Thủ tướng Y nhất trí``: both sides speak)."""
    import bisect

    ca, _cb = cue_span(st)
    i = bisect.bisect_left(ix.starts, ca)
    people = [(ma, mb, ent) for ma, mb, ent in ix.mentions[max(0, i - 6):i] if ma >= s0 and mb <= ca and isinstance(ent, Person)]
    if len(people) < 2:
        return False
    (_a1, b1, p1), (a2, _b2, p2) = people[-2], people[-1]
    gap = words(ix.article.text[b1:a2].lower())
    return p1.side != p2.side and bool({"và", "cùng"} & set(gap)) and len(gap) <= 12


def _both_before(text: str, s0: int, ca: int) -> bool:
    """Whether a both-sides phrase (``Hai bên``) is written right before the cue."""
    return bool(cues().both_re.search(_nfc(text[max(s0, ca - 30):ca]).lower()))


@dataclass
class Group:
    """One statement's candidate actors and their feature rows."""

    statement: Statement
    cands: list[ActorCandidate]
    rows: list[list[str]]


def groups(article: Article, ix: ArticleIndex | None = None, items: list[Statement] | None = None) -> list[Group]:
    """Every statement of an article (or of ``items``, among the article's) with its candidate
    actors and their feature rows."""
    ix = ix or ArticleIndex.of(article)
    every = sorted(article.statements + (items or []), key=lambda s: cue_span(s)[0])
    spoke = Counter(st.actor for st in article.statements)
    named: Counter[str] = Counter()
    for _a, _b, ent in ix.mentions:
        named[ent.name] += 1
    wanted = {id(st) for st in (items if items is not None else article.statements)}
    out = []
    prev: Statement | None = None
    seen: dict[tuple[int, int], Around] = {}  # by cue: the candidates the rules left share theirs
    for st in every:
        if id(st) in wanted:
            cands = candidates(ix, st, prev)
            key = cue_span(st)
            if key not in seen:
                seen[key] = around(ix, st)
            at = copy.copy(seen[key])
            at.found = _found(cands[0])
            out.append(Group(st, cands, [features(ix, st, c, cands[0], spoke, named, at) for c in cands]))
        prev = st
    return out


def choose(compiled: Any, g: Group, mode: str, margin: float) -> ActorCandidate:
    """The candidate a variant picks: ``model`` its best, ``both`` its best when at least ``margin``
    above the rules' actor, ``rules`` the rules' actor."""
    if mode == "rules" or len(g.cands) < 2:
        return g.cands[0]
    scores = [compiled.prob(r, "yes") for r in g.rows]
    best = max(range(len(scores)), key=lambda k: (scores[k], -k))
    if mode == "model" or scores[best] >= scores[0] + margin:
        return g.cands[best]
    return g.cands[0]


def assign_actor(st: Statement, c: ActorCandidate) -> None:
    """Give a statement another actor: its side follows, the addressee with it, and a statement of no
    side touches no thread (as the rules make it)."""
    if c.name == st.actor:
        return
    if st.addressee_side is not None and st.addressee_side == OTHER.get(st.side or ""):
        st.addressee_side = OTHER.get(c.side or "")
    st.actor, st.side = c.name, c.side
    if c.side is None:
        st.threads, st.subthreads = [], []


_compiled = compiled_loader(NAME)


def decide(article: Article, ix: ArticleIndex | None = None) -> None:
    """Set the actor of each of the article's statements by the learned decision in force."""
    mode = mode_of(NAME)
    compiled = _compiled()
    if mode in ("rules", CANDIDATES) or compiled is None or not article.statements:
        return
    margin = float((load_model(NAME) or {}).get("margin", MARGIN))
    for g in groups(article, ix):
        assign_actor(g.statement, choose(compiled, g, mode, margin))


def wide_actors(article: Article, others: list[Statement], ix: ArticleIndex) -> list[Statement]:
    """The candidates the rules left with the ranker's best actor, when the model file says ``wide``
    (one candidate per cue and actor): the act decision then reads and labels them with it."""
    model = load_model(NAME) or {}
    compiled = _compiled()
    if not model.get("wide") or mode_of(NAME) == CANDIDATES or compiled is None or not others:
        return others
    out, seen = [], set()
    for g in groups(article, ix, others):
        assign_actor(g.statement, choose(compiled, g, "model", 0.0))
        key = (cue_span(g.statement), g.statement.actor)
        if key not in seen:
            seen.add(key)
            out.append(g.statement)
    return out


# ---------------------------------------------------------------- training


def fit(rows: list[list[str]], labels: list[str]) -> dict[str, Any]:
    """The ranker trained on candidate rows labelled ``yes`` (the gold actor) or ``no``."""
    return fit_decision(rows, labels)


def train(out_dir: Path) -> dict[str, Any]:
    """Train on the train split; choose the variant by cross-validation inside it (:mod:`.actor_cv`),
    within the dev gold's floors; measure every variant on the test split (never used to choose)."""
    from .actor_cv import FOLDS, cases_of, cross_validate, labelled, ranked
    from .devgold import holds
    from .shipping import figures_on_test, write

    cases = cases_of("train")
    every = cases_of("train", acts=CANDIDATES)  # the rules' statements and the candidates they left
    rows, labels = labelled(every)
    model = fit(rows, labels) | {"name": NAME, "wide": WIDE,
                                 "trained_on": f"train split, {len(rows)} candidate actors of every candidate statement"}
    cv = cross_validate(cases, every)
    use, margin, tried = "rules", MARGIN, []
    for key in ranked(cv):
        if cv[key]["sum"] <= cv["rules"]["sum"] + CV_NOISE:
            break  # the rules are as good in the cross-validation (within its noise): the simpler variant ships
        mode, m = cv[key]["mode"], cv[key]["margin"]
        write(out_dir, NAME, model | {"use": mode, "margin": m})
        _compiled.cache_clear()
        ok, dev = holds(("statements", "threads"))
        tried.append({"variant": key, "dev_floors_hold": ok, "dev": {
            f: dev[f] for f in ("statements", "threads", "mean", "heldout.statements", "heldout.threads") if f in dev}})
        if ok:
            use, margin = mode, m
            break
        if len(tried) >= 3:
            break
    write(out_dir, NAME, model | {"use": use, "margin": margin})
    _compiled.cache_clear()
    test = figures_on_test(NAME, ("statements", "threads"))
    return {"candidates_train": len(rows), "statements_train": sum(len(c.groups) for c in cases),
            "chosen_by": f"{FOLDS}-fold cross-validation on the train split (statements + threads F1), "
                         "then the dev gold's floors",
            "cv_train": {k: {f: v[f] for f in ("statements", "threads")} for k, v in cv.items()},
            "dev_tries": tried, "use": use, "margin": margin, "test": test, "shipped": test[use]}
