"""The dev gold as a constraint on shipping a learned decision: its floors must hold.

``../shared/eval/score.py`` scores the product's export of each dev-gold article in process
(the pipeline run here, not a subprocess per file); ``tests/eval_floors.json`` holds the floors.
Nothing is trained or tuned on the dev gold: a variant (rules, model, both) that would break a
floor is simply not shipped. The held-out check the test suite pins
(``tests/extract/test_heldout_events_statements.py``) constrains the same way. Absent dev gold (a
checkout without ``../shared``) constrains nothing.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..annotate.schema import corpus_root, repo_root


def _eval_dir() -> Path:
    return corpus_root().parent / "eval"


def available() -> bool:
    """Whether the dev gold and its scorer are here."""
    return (_eval_dir() / "score.py").is_file() and (_eval_dir() / "dev").is_dir()


def floors() -> dict[str, float]:
    """The dev gold's floors (``tests/eval_floors.json``): per-field F1 and the accuracies."""
    path = repo_root() / "tests" / "eval_floors.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("f1", {}) | data.get("accuracy", {})


def scores() -> dict[str, float]:
    """Per-field F1 and the mean of the product on the dev gold, by ``score.py``."""
    from ..ingest.files import read_file
    from ..pipeline import pipe
    from ..settings import DEFAULT

    spec = importlib.util.spec_from_file_location("hoptac_dev_score", _eval_dir() / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    tallies: Any = defaultdict(score.Tally)
    acc: Any = defaultdict(score.Acc)
    for gold_path in sorted((_eval_dir() / "dev").glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        src = next((corpus_root() / c / f"{name}.txt" for c in ("seeds", "vnus")
                    if (corpus_root() / c / f"{name}.txt").is_file()), None)
        if src is None:
            continue
        result = next(pipe([read_file(str(src), DEFAULT)]))
        pred = result.article.to_dict() if result.ok and result.article else {}
        score.score_doc(json.loads(gold_path.read_text(encoding="utf-8")), pred, tallies, acc, None)
    out = {f: round(tallies[f].prf()[2], 3) for f in score.FIELDS}
    out["mean"] = round(sum(out[f] for f in score.FIELDS) / len(score.FIELDS), 3)
    for k in sorted(acc):
        value = acc[k].value()
        if value is not None:
            out[k] = round(value, 3)
    return out


def heldout() -> tuple[dict[str, float], dict[str, float]]:
    """The held-out check the test suite pins (``tests/extract/test_heldout_events_statements.py``:
    20 vnus articles read by hand, outside the dev gold): its scores and its floors; empty when
    that check or the corpus is not here (or pytest, which it imports, is not installed)."""
    path = repo_root() / "tests" / "extract" / "test_heldout_events_statements.py"
    if not path.is_file() or importlib.util.find_spec("pytest") is None or not (corpus_root() / "vnus").is_dir():
        return {}, {}
    sys.path.insert(0, str(path.parent))
    try:
        spec = importlib.util.spec_from_file_location("hoptac_heldout_check", path)
        assert spec and spec.loader
        check = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(check)
        got = check.scores()
    finally:
        sys.path.remove(str(path.parent))
    return {k: round(v, 3) for k, v in got.items() if isinstance(v, float)}, dict(check.FLOORS)


def holds(fields: tuple[str, ...]) -> tuple[bool, dict[str, float]]:
    """Whether the dev gold keeps its floors on these fields or accuracies and its mean ≥ 0.93,
    and the held-out check of the test suite its floors on the same fields, with the scores
    (the held-out ones prefixed ``heldout.``)."""
    if not available():
        return True, {}
    got = scores()
    low = floors()
    ok = got["mean"] >= 0.93 and all(got.get(f, 0.0) >= low.get(f, 0.0) for f in fields)
    if ok:
        held, held_low = heldout()
        ok = all(held.get(f, 1.0) >= held_low[f] for f in fields if f in held_low)
        got |= {f"heldout.{f}": held[f] for f in fields if f in held}
    return ok, got
