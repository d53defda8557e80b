"""Labelling the statement decision's candidates, and its cross-validation replaying the decision."""

from __future__ import annotations

import pytest

from hoptac.annotate.corpus import iter_docs
from hoptac.annotate.schema import corpus_root
from hoptac.learn import statement_cv
from hoptac.learn import statements as learn_statements
from hoptac.learn.evaluate import evaluate
from hoptac.learn.modes import using
from hoptac.model import Article, Statement

# A self-written sentence: a rule statement (cue "đánh giá cao") whose clause holds a candidate the
# rules left (cue "tiếp tục"), the gold clause being what follows the rule's cue.
TEXT = "Ông An đánh giá cao Việt Nam tiếp tục hợp tác tìm kiếm người mất tích.\n"


def _at(phrase: str) -> tuple[int, int]:
    a = TEXT.index(phrase)
    return a, a + len(phrase)


def test_a_rule_statement_is_labelled_before_a_candidate_inside_it() -> None:
    art = Article(text=TEXT, raw=TEXT, offsets=[(0, 0, len(TEXT))])
    end = len(TEXT) - 2
    rule = Statement(actor="Nguyễn Văn An", act="welcome", text=TEXT[4:end], evidence=(4, end),
                     cue=_at("đánh giá cao"))
    inside = Statement(actor="Nguyễn Văn An", act="commit", text=TEXT[29:end], evidence=(29, end),
                       cue=_at("tiếp tục"), origin=("wide", "how:inside", "why:candidate", "n:1"))
    art.statements = [rule, inside]
    clause = (TEXT.index("Việt Nam"), end)
    gold = {"statements": [{"act": "welcome", "actor": {"nguyễn văn an"}, "clause": clause,
                            "cue": _at("đánh giá cao"), "optional": False}],
            "aliases": {"p1": ["nguyễn văn an", "an"]}, "canon": {"p1": "nguyễn văn an"}}
    # the candidate fits the gold clause more tightly, yet the rule statement takes the gold statement
    assert learn_statements._pairs(gold, art) == {0: 0}
    assert art.statements == [rule, inside]  # the article is left as it was


def test_cross_validation_counts_the_rules_as_the_evaluator_does() -> None:
    if not (corpus_root() / "vnus").is_dir():
        pytest.skip("the shared corpus is not here")
    docs = [d for d in iter_docs(split="train") if d.annotation.get("statements")][:4]
    if not docs:
        pytest.skip("no finished annotations in the train split")
    cases = learn_statements.by_article("train", docs)
    cv = statement_cv.cross_validate(cases, folds=2)
    with using(learn_statements.NAME, "rules"):
        got = evaluate(docs=docs)["fields"]
    assert cv["rules"]["statements"]["f1"] == got["statements"]["f1"]
    assert cv["rules"]["threads"] == got["threads"]["f1"]
    best = statement_cv.ranked(cv)[0]
    assert set(cv[best]["thresholds"]) == {"add", "drop", "confident"}
