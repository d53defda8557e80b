"""Acceptance on the shared corpus: the five seeds and the gold articles, and a sampled sweep.

Reads ``../shared`` at run time (skipped when it is absent); nothing of the corpus is copied here.
"""

from __future__ import annotations

import csv
import json
import random
import re
from pathlib import Path

import pytest

from hoptac.clean import clean
from hoptac.clean.decode import to_article
from hoptac.ingest import read_sources
from hoptac.settings import DEFAULT

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "dev"
CORPORA = [SEEDS, SHARED / "corpus" / "vnus"]

pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared is absent")


def gold_names() -> list[str]:
    return sorted(p.name[: -len(".gold.json")] for p in GOLD.glob("*.gold.json")) if GOLD.is_dir() else []


def cleaned(path: Path):
    (doc,) = list(read_sources([str(path)], DEFAULT))
    return clean(to_article(doc), DEFAULT)


def source_of(name: str) -> Path:
    return next(c / f"{name}.txt" for c in CORPORA if (c / f"{name}.txt").exists())


def has(text: str, s: str) -> bool:
    """Whether ``s`` occurs in the text as a whole word sequence (``NN`` is not in ``NNG``)."""
    return re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text) is not None


@pytest.mark.parametrize("name", gold_names())
def test_gold_title_published_and_no_forbidden_string(name):
    gold = json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))
    art = cleaned(source_of(name))
    assert art.title == gold.get("title")
    assert art.published in [gold.get("published"), *(gold.get("published_alternatives") or [])]
    leaked = [f for f in gold.get("forbidden", []) if has(art.text, f)]
    assert not leaked


def _body_lines(raw: str) -> list[str]:
    """Lines of a seed that are article prose: long, ending like a sentence, before any end marker."""
    out = []
    for line in raw.splitlines():
        s = line.strip()
        if s in ("Tin bài liên quan", "Tin khác"):
            break
        if len(s.split()) >= 25 and s.endswith((".", "./.", "\"", "”")) and not s.startswith("|"):
            out.append(s)
    return out


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("0*.txt")) if SEEDS.is_dir() else [])
def test_seed_body_paragraphs_are_all_kept(seed):
    path = SEEDS / seed
    art = cleaned(path)
    lines = _body_lines(path.read_text(encoding="utf-8"))
    assert lines
    for line in lines:
        line = re.sub(r"^\([^()]{2,30}\)\s*-\s*", "", line)  # the outlet prefix "(SHTT) - " is metadata
        assert line in art.text, line[:80]


def test_seed_captions_are_marked_without_credits():
    art = cleaned(SEEDS / "001_14fa4fcb33d7c908.txt")
    captions = [art.quote(c) for c in art.captions]
    assert len(captions) == 3
    assert all(c.startswith(("Bộ trưởng", "Toàn cảnh")) and "Ảnh" not in c for c in captions)
    assert art.outlet == "Vietnam+" and art.authors == ["Hồng Kiều"]


def _manifest(folder: Path) -> dict[str, str]:
    with (folder / "MANIFEST.tsv").open(encoding="utf-8") as f:
        return {row["file"]: row["title"].strip() for row in csv.DictReader(f, delimiter="\t")}


@pytest.mark.parametrize("folder", ["vnus", "general"])
def test_sampled_sweep_gives_text_and_the_title_line(folder):
    base = SHARED / "corpus" / folder
    titles = _manifest(base)
    sample = random.Random(20250601).sample(sorted(titles), 40)
    missing, wrong = [], []
    for name in sample:
        art = cleaned(base / name)
        assert art.text.strip(), name
        first = next(line.strip() for line in (base / name).read_text(encoding="utf-8").splitlines() if line.strip())
        if titles[name] and first == titles[name]:
            if art.title is None:
                missing.append(name)
            elif art.title != first:
                wrong.append(name)
    assert not wrong, wrong
    assert len(missing) <= 1, missing
