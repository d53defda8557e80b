"""``python -m hoptac.learn.thread_causes``: why thread triples are missed or extra, counted by cause.

The threads field (:func:`hoptac.learn.evaluate.score_statements`) scores (side, act, thread)
triples, so a thread is lost when its statement is missed as surely as when the statement is found
and given no thread. This separates the two: each missed required gold triple is charged to the
gold statements carrying it, each extra predicted triple to the predicted statements carrying it,
after pairing statements by actor and overlapping clause *without* the act (as the decisions'
candidates are labelled). A triple some carrier explains by the thread itself counts there first.

Missed: ``matched_no_thread`` / ``matched_wrong_thread`` (the statement was found, the thread
assignment failed), ``act_wrong``, ``side_wrong``, ``stmt_missed`` (the statement's fault).
Extra: ``matched_gold_no_thread`` / ``matched_gold_other_thread`` (the assignment added one),
``act_wrong``, ``side_wrong``, ``extra_stmt`` / ``extra_stmt_inform`` (no gold statement there).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..model import Article
from .evaluate import Canon, match_statements

MISSED = ("matched_no_thread", "matched_wrong_thread", "act_wrong", "side_wrong", "stmt_missed")
EXTRA = ("matched_gold_no_thread", "matched_gold_other_thread", "act_wrong", "side_wrong",
         "extra_stmt", "extra_stmt_inform")


def _triples(items: Iterable[tuple[Any, str, list[str]]]) -> set[tuple[Any, str, str]]:
    return {(side, act, t) for side, act, threads in items for t in threads}


def _first(causes: list[str], order: tuple[str, ...]) -> str | None:
    return next((c for c in order if c in causes), None)


def causes(gold: dict[str, Any], article: Article) -> tuple[Counter[str], Counter[str]]:
    """The missed and the extra thread triples of one article, counted by cause."""
    pairs, _pis, _gis = match_statements(gold, article, Canon(gold), acts=False)
    found = {gi: pi for pi, gi in pairs.items()}
    gst, pst = gold["statements"], article.statements
    g_req = _triples((s["side"], s["act"], s["threads"]) for s in gst if not s["optional"])
    g_any = _triples((s["side"], s["act"], s["threads"]) for s in gst)
    p_tr = _triples((s.side, s.act, s.threads) for s in pst)
    missed: Counter[str] = Counter()
    for side, act, thread in g_req - p_tr:
        why = []
        for gi, g in enumerate(gst):
            if g["optional"] or (g["side"], g["act"]) != (side, act) or thread not in g["threads"]:
                continue
            p = pst[found[gi]] if gi in found else None
            why.append("stmt_missed" if p is None else "act_wrong" if p.act != act else
                       "side_wrong" if p.side != side else "matched_wrong_thread" if p.threads else
                       "matched_no_thread")
        missed[_first(why, MISSED) or "stmt_missed"] += 1
    extra: Counter[str] = Counter()
    for side, act, thread in p_tr - g_any:
        why = []
        for pi, p in enumerate(pst):
            if (p.side, p.act) != (side, act) or thread not in p.threads:
                continue
            g = gst[pairs[pi]] if pi in pairs else None
            why.append(("extra_stmt_inform" if act == "inform" else "extra_stmt") if g is None else
                       "act_wrong" if g["act"] != act else "side_wrong" if g["side"] != side else
                       "matched_gold_other_thread" if g["threads"] else "matched_gold_no_thread")
        extra[_first(why, EXTRA) or "extra_stmt"] += 1
    return missed, extra


def main(argv: list[str] | None = None) -> int:
    """Count the causes over a split of the annotated corpus (the product's extraction); print JSON."""
    from ..annotate.corpus import iter_docs
    from .evaluate import extract, gold_of

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train", choices=("train", "test"))
    args = ap.parse_args(argv)
    missed: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    for doc in iter_docs(split=args.split):
        art = extract(doc)
        if art is None or art.raw != doc.text:
            continue
        m, x = causes(gold_of(doc), art)
        missed.update(m)
        extra.update(x)
    print(json.dumps({"split": args.split, "missed": dict(missed), "missed_total": sum(missed.values()),
                      "extra": dict(extra), "extra_total": sum(extra.values())}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
