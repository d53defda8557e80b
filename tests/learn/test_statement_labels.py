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
    assert set(cv[best]["thresholds"]) == {"add", "drop", "confident", "silence"}


# Self-written: a speech verb's inform (cue "cho biết") whose clause holds the promise (cue "sẽ").
SAID = "Ông An cho biết Việt Nam sẽ mở rộng hợp tác giáo dục với Hoa Kỳ.\n"


def _said(phrase: str) -> tuple[int, int]:
    a = SAID.index(phrase)
    return a, a + len(phrase)


def _said_article() -> tuple[Article, Statement, Statement]:
    art = Article(text=SAID, raw=SAID, offsets=[(0, 0, len(SAID))])
    end = len(SAID) - 2
    host = Statement(actor="Nguyễn Văn An", act="inform", text=SAID[16:end], evidence=(16, end),
                     cue=_said("cho biết"))
    inside = Statement(actor="Nguyễn Văn An", act="commit", text=SAID[25:end], evidence=(25, end),
                       cue=_said("sẽ"), origin=("wide", "how:inside", "why:lexicon", "n:1"))
    art.statements = [host, inside]
    return art, host, inside


def test_the_candidate_whose_cue_is_the_gold_cue_takes_the_gold_statement() -> None:
    art, _host, _inside = _said_article()
    gold = {"statements": [{"act": "commit", "actor": {"nguyễn văn an"}, "clause": (SAID.index("sẽ"), len(SAID) - 2),
                            "cue": _said("sẽ"), "optional": False}],
            "aliases": {"p1": ["nguyễn văn an", "an"]}, "canon": {"p1": "nguyễn văn an"}}
    # paired by clause, the inform host (a rule statement, paired first) would take the commit and the
    # "sẽ" candidate would be labelled none; paired by cue, the commit is the candidate's
    assert learn_statements.labels(gold, art) == ["none", "commit"]


def test_the_features_read_the_acts_of_the_cues_inside_the_clause() -> None:
    art, host, inside = _said_article()
    rows = {id(st): learn_statements.features(art, st, (set(), set()), [host]) for st in (host, inside)}
    assert "in_top:commit" in rows[id(host)]  # the promise inside the speech verb's clause
    assert "rule_in_top:inform_commit" in rows[id(host)]
    assert "in_top:commit" not in rows[id(inside)]  # the candidate's own cue is not inside its clause
    assert "other_named:clause" in learn_statements.features(
        art, Statement(actor="VN", act="commit", text=SAID[16:-2], evidence=(16, len(SAID) - 2), side="VN",
                       cue=_said("sẽ")), (set(), set()), [])
