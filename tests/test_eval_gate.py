"""The evaluation gate: scores on the dev gold files must not fall below pinned floors.

Runs the whole pipeline in-process over every article that has a gold file, writes the
exports, scores them with the shared scorer and compares each figure with
``tests/eval_floors.json``. Floors only go up: raise them when the scores rise.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import hoptac

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "eval" / "dev"
CORPORA = [SHARED / "corpus" / "seeds", SHARED / "corpus" / "vnus"]
FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/eval/dev is absent")


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("pred")
    for gold in sorted(GOLD.glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        src = next(c / f"{name}.txt" for c in CORPORA if (c / f"{name}.txt").exists())
        data = hoptac.analyze(str(src)).to_dict()
        (out / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(GOLD),
                           "--pred", str(out), "--json"], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


@pytest.mark.parametrize("field", sorted(FLOORS["f1"]))
def test_f1_floor(scores, field):
    assert scores["fields"][field]["f1"] >= FLOORS["f1"][field], scores["fields"][field]


@pytest.mark.parametrize("name", sorted(FLOORS["accuracy"]))
def test_accuracy_floor(scores, name):
    value = scores["accuracy"].get(name)
    assert value is not None and value >= FLOORS["accuracy"][name], (name, value)


def test_nothing_forbidden_extracted(scores):
    assert scores["forbidden_extracted"] <= FLOORS["forbidden_extracted_max"]
