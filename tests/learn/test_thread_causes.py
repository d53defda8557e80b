"""Thread triples missed or extra, charged to the statement or to the thread assignment (self-written text)."""

from __future__ import annotations

from typing import Any

from hoptac.learn.thread_causes import causes
from hoptac.model import Article, Statement

TEXT = ("Bộ trưởng Công Thương đề nghị Mỹ xem xét lại thuế chống bán phá giá với tôm. "
        "Bộ trưởng cũng cam kết thúc đẩy nhập khẩu khí hóa lỏng từ Mỹ. "
        "Đại sứ Mỹ hoan nghênh hợp tác về dioxin.")


def _span(part: str) -> tuple[int, int]:
    a = TEXT.index(part)
    return a, a + len(part)


def _gold(*statements: dict[str, Any]) -> dict[str, Any]:
    names = {"p1": {"bộ trưởng công thương", "bộ trưởng"}, "p2": {"đại sứ mỹ"}}
    return {"statements": list(statements), "aliases": names,
            "canon": {"p1": "bộ trưởng công thương", "p2": "đại sứ mỹ"}}


def _g(actor: str, act: str, side: str, clause: str, threads: list[str], optional: bool = False) -> dict[str, Any]:
    return {"act": act, "actor": {actor}, "clause": _span(clause), "cue": _span(clause), "side": side,
            "threads": threads, "optional": optional}


def _p(actor: str, act: str, side: str, clause: str, threads: list[str]) -> Statement:
    return Statement(actor=actor, act=act, text=clause, evidence=_span(clause), side=side, threads=threads)


def _article(*statements: Statement) -> Article:
    art = Article(text=TEXT, raw=TEXT, offsets=[(0, 0, len(TEXT))])
    art.statements = list(statements)
    return art


REQ = "đề nghị Mỹ xem xét lại thuế chống bán phá giá với tôm"
COMMIT = "cam kết thúc đẩy nhập khẩu khí hóa lỏng từ Mỹ"
WELCOME = "hoan nghênh hợp tác về dioxin"


def test_a_found_statement_without_its_thread_is_the_assignment_s_fault() -> None:
    gold = _gold(_g("bộ trưởng công thương", "request", "VN", REQ, ["trade_remedies"]),
                 _g("bộ trưởng công thương", "commit", "VN", COMMIT, ["lng"]))
    art = _article(_p("Bộ trưởng", "request", "VN", REQ, []))  # the commit is not found at all
    missed, extra = causes(gold, art)
    assert missed == {"matched_no_thread": 1, "stmt_missed": 1}
    assert not extra


def test_a_wrong_act_or_side_is_the_statement_s_fault_and_an_unannotated_thread_the_assignment_s() -> None:
    gold = _gold(_g("bộ trưởng công thương", "request", "VN", REQ, ["trade_remedies"]),
                 _g("đại sứ mỹ", "welcome", "US", WELCOME, []))
    art = _article(_p("Bộ trưởng", "commit", "VN", REQ, ["trade_remedies"]),
                   _p("Đại sứ Mỹ", "welcome", "US", WELCOME, ["dioxin_remediation"]))
    missed, extra = causes(gold, art)
    assert missed == {"act_wrong": 1}
    assert extra == {"act_wrong": 1, "matched_gold_no_thread": 1}


def test_an_optional_gold_inform_absorbs_a_predicted_one_and_a_lone_inform_is_extra() -> None:
    gold = _gold(_g("đại sứ mỹ", "inform", "US", WELCOME, ["dioxin_remediation"], optional=True))
    art = _article(_p("Đại sứ Mỹ", "inform", "US", WELCOME, ["dioxin_remediation"]),
                   _p("Bộ trưởng", "inform", "VN", COMMIT, ["lng"]))
    missed, extra = causes(gold, art)
    assert not missed
    assert extra == {"extra_stmt_inform": 1}
