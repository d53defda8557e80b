"""Shipping a learned decision: write its model file, measure rules / model / both, keep the best.

The best variant is the one with the highest F1 on the test split (ties: the secondary figure,
then the simpler variant, rules before both before model) among those that keep the dev gold's
floors (:mod:`.devgold`, which also holds the test suite's held-out check to its floors); the
rules always qualify.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import load_model
from .devgold import holds
from .features import choice, compile_model, fit_decision, predict
from .modes import MODES, using


def write(out_dir: Path, name: str, model: dict[str, Any]) -> None:
    """Write a model file (compact JSON) and forget the cached copy."""
    path = Path(out_dir) / f"{name}.json"
    path.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    load_model.cache_clear()


def accuracy(model: dict[str, Any], rows: list[list[str]], labels: list[str], rule: list[str],
             confident: float, quiet: str | None = None) -> dict[str, float]:
    """Decision accuracy of the rules, the model and both on labelled candidates (``rule``: the
    rules' label, ``none`` for a candidate the rules left; the model's ``add`` applies)."""
    compiled = compile_model(model)
    add = float(model.get("add", 0.5))
    drop = float(model.get("drop", 1.01))
    got = dict.fromkeys(MODES, 0)
    for row, gold, r in zip(rows, labels, rule, strict=True):
        probs = predict(compiled, row)
        got["rules"] += r == gold
        got["model"] += choice(probs, r, "model", confident, add, quiet) == gold
        got["both"] += choice(probs, r, "both", confident, add, quiet, drop) == gold
    return {k: round(v / max(1, len(labels)), 3) for k, v in got.items()}


def select(name: str, measure: Callable[[], dict[str, Any]], keys: tuple[str, str],
           dev_fields: tuple[str, ...]) -> dict[str, Any]:
    """Measure each variant on the test split (``measure``) and on the dev gold; the figures and the choice."""
    out: dict[str, Any] = {}
    for mode in MODES:
        with using(name, mode):
            figures = measure()
            ok, dev = holds(dev_fields) if mode != "rules" else (True, {})
        shown = (*dev_fields, "mean", *(f"heldout.{f}" for f in dev_fields))
        out[mode] = figures | ({"dev_floors_hold": ok, "dev": {f: dev[f] for f in shown if f in dev}} if dev else {})
    order = {m: i for i, m in enumerate(MODES)}
    eligible = [m for m in MODES if out[m].get("dev_floors_hold", True)]
    best = max(eligible, key=lambda m: (out[m][keys[0]], out[m][keys[1]] or 0.0, -order[m]))
    out["use"] = best
    out["shipped"] = {k: out[best][k] for k in keys}
    return out


def train_decision(out_dir: Path, name: str, candidates: Callable[[str], tuple[list[list[str]], list[str], list[str]]],
                   compiled: Any, measure: Callable[[], dict[str, Any]], keys: tuple[str, str],
                   confident: float, settings: dict[str, Any] | None = None,
                   quiet: str | None = None) -> dict[str, Any]:
    """Train a decision on the train split's candidates, measure rules / model / both on the test
    split (``measure``; ``keys`` as :func:`select`), ship the best and return the metrics.
    ``compiled`` is the decision's cached loader, cleared whenever the model file changes;
    ``settings`` (chosen on the train split alone) are written into the model file; ``quiet`` as
    :func:`hoptac.learn.features.choice`."""
    rows, labels, _rule = candidates("train")
    model = fit_decision(rows, labels) | {"name": name, "use": "model", "trained_on": f"train split, {len(rows)} candidates"}
    model |= settings or {}
    write(out_dir, name, model)
    compiled.cache_clear()
    test_rows, test_labels, test_rule = candidates("test")
    metrics: dict[str, Any] = {"candidates_train": len(rows), "candidates_test": len(test_rows),
                               "decision_accuracy_test": accuracy(model, test_rows, test_labels, test_rule, confident, quiet)}
    metrics |= select(name, measure, keys, keys)
    write(out_dir, name, model | {"use": metrics["use"]})
    compiled.cache_clear()
    return metrics


def figures_on_test(name: str, fields: tuple[str, ...]) -> dict[str, dict[str, float]]:
    """F1 of some fields on the test split under each variant of a decision (measured only, never to choose)."""
    from .evaluate import evaluate

    out: dict[str, dict[str, float]] = {}
    for mode in MODES:
        with using(name, mode):
            res = evaluate("test")
        out[mode] = {f: res["fields"][f]["f1"] for f in fields}
    return out
