"""Held-out check: people and organization names on 25 vnus articles outside the dev gold.

``tests/data/heldout_people.json`` lists, for each article, the people (name, title, side)
and organizations (name, side) a careful analyst reads out of it. This scorer matches the
extracted names one to one against them (NFC, case and spacing folded, aliases allowed;
``optional`` items are neither credited nor charged; a second record for an already matched
item counts as a false positive) and asserts precision and recall floors measured on the
current code. Floors only go up.

Run ``python tests/extract/test_heldout_people.py`` to print the scores and every miss.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest

import hoptac

DATA = Path(__file__).resolve().parents[1] / "data" / "heldout_people.json"
VNUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "vnus"

# measured floors: raise them when the scores rise, never lower them
FLOORS = {
    "people": {"precision": 1.0, "recall": 0.97},
    "organizations": {"precision": 0.94, "recall": 0.96},
}

pytestmark = pytest.mark.skipif(not VNUS.is_dir(), reason="../shared/corpus/vnus is absent")


def fold(name: str) -> str:
    """A name folded for matching: NFC, lower case, single spaces."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip().casefold()


def _keys(item: dict) -> set[str]:
    return {fold(n) for n in [item["name"], *item.get("aliases", [])]}


def match(gold: list[dict], pred: list[str]) -> tuple[int, int, int, list[str], list[str]]:
    """(true positives, false positives, false negatives, extra names, missed names)."""
    used: set[int] = set()
    tp = 0
    extra: list[str] = []
    for name in pred:
        k = fold(name)
        hit = next((i for i, g in enumerate(gold) if i not in used and k in _keys(g)), None)
        if hit is None:
            if any(k in _keys(g) and g.get("optional") for g in gold):
                continue
            extra.append(name)
            continue
        used.add(hit)
        if not gold[hit].get("optional"):
            tp += 1
    missed = [g["name"] for i, g in enumerate(gold) if i not in used and not g.get("optional")]
    return tp, len(extra), len(missed), extra, missed


@cache
def scores() -> dict[str, dict]:
    """Precision, recall and the errors of each field over the held-out articles."""
    articles = json.loads(DATA.read_text(encoding="utf-8"))["articles"]
    out: dict[str, dict] = {}
    for field in ("people", "organizations"):
        tp = fp = fn = 0
        errors: dict[str, tuple[list[str], list[str]]] = {}
        for name, gold in articles.items():
            art = hoptac.analyze(str(VNUS / f"{name}.txt"))
            pred = [x.name for x in getattr(art, field)]
            t, f, n, extra, missed = match(gold[field], pred)
            tp, fp, fn = tp + t, fp + f, fn + n
            if extra or missed:
                errors[name] = (extra, missed)
        out[field] = {"precision": tp / (tp + fp) if tp + fp else 1.0,
                      "recall": tp / (tp + fn) if tp + fn else 1.0, "errors": errors}
    return out


def test_match_is_one_to_one():
    gold = [{"name": "Tina Kaidanow", "aliases": ["Tina Kaidanov"]}, {"name": "APEC", "optional": True}]
    assert match(gold, ["Tina Kaidanow", "Tina Kaidanov", "APEC"])[:3] == (1, 1, 0)
    assert match(gold, ["tina  KAIDANOV"])[:3] == (1, 0, 0)
    assert match(gold, [])[:3] == (0, 0, 1)


@pytest.mark.parametrize("field", sorted(FLOORS))
@pytest.mark.parametrize("measure", ["precision", "recall"])
def test_heldout_floor(field, measure):
    got = scores()[field][measure]
    assert got >= FLOORS[field][measure], (field, measure, got, scores()[field]["errors"])


if __name__ == "__main__":
    for field, s in scores().items():
        print(f"{field}: precision {s['precision']:.3f} recall {s['recall']:.3f}")
        if "-v" in sys.argv:
            for name, (extra, missed) in s["errors"].items():
                print(f"  {name}: extra {extra} missed {missed}")
