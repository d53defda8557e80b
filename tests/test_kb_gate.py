"""The store-level gate: dates and occasions of the corpus store against ../shared/eval/kb.

Runs the shared ``kb_score.py`` over the seeds and vnus corpora twice, as a user would: without
metadata (hoptac's own dating) and with the gold publication dates given as ``--meta`` (the
merging of occasions), and compares the shares with ``tests/kb_floors.json``: wrong dates stay
under their caps, right ones and merged occasions at or above their floors.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "eval" / "kb" / "dates.jsonl"
HOPTAC = Path(sys.executable).parent / "hoptac"
FLOORS = json.loads((Path(__file__).parent / "kb_floors.json").read_text(encoding="utf-8"))

pytestmark = [pytest.mark.skipif(not GOLD.is_file(), reason="../shared/eval/kb is absent"),
              pytest.mark.xdist_group("kb")]


def _score(*extra: str) -> dict:
    cmd = [sys.executable, str(SHARED / "eval" / "kb_score.py"), "--hoptac", str(HOPTAC), "--gold", str(GOLD),
           "--corpus", str(SHARED / "corpus" / "seeds"), "--corpus", str(SHARED / "corpus" / "vnus"), "--json", *extra]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


def _share(counts: dict, key: str) -> float:
    return counts.get(key, 0) / max(1, sum(v for k, v in counts.items() if k in ("right", "wrong", "none")))


@pytest.fixture(scope="module")
def plain() -> dict:
    return _score()


@pytest.fixture(scope="module")
def with_meta() -> dict:
    return _score("--meta-from-gold")


def test_dates_without_metadata(plain):
    f = FLOORS["without_metadata"]
    assert _share(plain["articles"], "wrong") <= f["articles_wrong_max"], plain["articles"]
    assert _share(plain["statements"], "wrong") <= f["statements_wrong_max"], plain["statements"]
    assert _share(plain["articles"], "right") >= f["articles_right_min"], plain["articles"]
    assert _share(plain["articles_text_dated"], "right") >= f["text_dated_right_min"], plain["articles_text_dated"]
    assert _share(plain["statements"], "right") >= f["statements_right_min"], plain["statements"]
    occ = plain["occasions"]  # the product's own dates: a day without its year still joins its occasion
    assert occ.get("merged", 0) / max(1, occ["reported_by_2_or_more"]) >= f["occasions_merged_min"], occ


def test_dates_and_occasions_with_metadata(with_meta):
    f = FLOORS["with_metadata"]
    assert _share(with_meta["statements"], "wrong") <= f["statements_wrong_max"], with_meta["statements"]
    occ = with_meta["occasions"]
    assert occ.get("merged", 0) / max(1, occ["reported_by_2_or_more"]) >= f["occasions_merged_min"], occ
