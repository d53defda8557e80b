"""Choose the annotation pool, fix the train/test split and cut it into batches (run once).

Pool: every ``vnus`` article except HOLDOUT.txt and the dev-gold articles (which stay dev), plus
60 ``general`` articles of 800-8,000 characters sampled with a fixed seed (30 that name the US,
for precision where it is hard, 30 that do not). Each article gets a *kind* from topic cue counts
(title hits count three times, weighted so rarer kinds are not swamped by diplomacy words; a kind
needs 3 raw hits, else ``diplomacy``); general articles are kind ``general``. Within each kind
20% (rounded) go to ``test``, with a fixed seed. 10% of the pool, spread over every kind and
split, is annotated twice. Batches of about 25 articles each hold every kind in proportion.

    python scripts/annotate/make_split.py [--force]

It writes ``annotations/split.json`` and ``annotations/batches/batch_NN.txt``; the split is
fixed once committed: rerunning without ``--force`` refuses to overwrite it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))

from hoptac.annotate.schema import corpus_root, read_text  # noqa: E402

SEED = 20261206
TEST_SHARE = 0.2
DOUBLE_SHARE = 0.1
GENERAL_US, GENERAL_OTHER = 30, 30
BATCH = 25
KIND_CUES: dict[str, tuple[float, tuple[str, ...]]] = {
    "war_legacy": (2.0, ("chất độc da cam", "dioxin", "hậu quả chiến tranh", "mất tích", "MIA", "hài cốt",
                         "bom mìn", "vật liệu nổ", "cựu chiến binh", "kỷ vật", "tẩy độc", "nạn nhân da cam")),
    "education": (1.5, ("giáo dục", "du học", "sinh viên", "học sinh", "Fulbright", "trường đại học",
                        "học bổng", "Đại học", "giảng viên", "YSEALI")),
    "defence": (1.2, ("quốc phòng", "quân sự", "tàu sân bay", "hải quân", "quân đội", "vũ khí", "tuần duyên",
                      "Lầu Năm Góc", "tàu chiến", "cấm vận vũ khí")),
    "trade": (1.0, ("thuế", "chống bán phá giá", "xuất khẩu", "nhập khẩu", "thâm hụt", "TPP", "cá tra",
                    "cá basa", "phòng vệ thương mại", "kim ngạch", "USTR", "thương mại")),
    "business": (0.8, ("doanh nghiệp", "công ty", "tập đoàn", "nhà đầu tư", "hợp đồng", "dự án", "Boeing",
                       "AmCham", "vốn đầu tư", "FDI")),
    "diplomacy": (0.6, ("hội đàm", "tiếp", "chuyến thăm", "ngoại giao", "đối tác toàn diện", "Tổng thống",
                        "Thủ tướng", "Chủ tịch nước", "Đại sứ")),
}
US = re.compile(r"(?<!\w)(?:Hoa Kỳ|Mỹ)(?!\s+(?:Tho|Đình|Latin|Latinh))(?!\w)")


def _hits(text: str, words: tuple[str, ...]) -> int:
    return sum(len(re.findall(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text)) for w in words)


def kind_of(text: str) -> str:
    """The article's kind by weighted topic cue density (see the module docstring)."""
    title = text.split("\n", 1)[0]
    best, best_score = "diplomacy", -1.0
    for kind, (weight, words) in KIND_CUES.items():
        raw = _hits(text, words)
        score = (raw + 2 * _hits(title, words)) * weight * 1000 / (len(text) + 500)
        if (raw >= 3 or kind == "diplomacy") and score > best_score:
            best, best_score = kind, score
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args()
    out = REPO / "annotations" / "split.json"
    if out.exists() and not args.force:
        sys.exit(f"{out} exists: the split is fixed (use --force only before any annotation)")
    corpus = corpus_root()
    holdout = set((corpus.parent / "eval" / "HOLDOUT.txt").read_text().split())
    dev = {p.name.replace(".gold.json", ".txt") for p in (corpus.parent / "eval" / "dev").glob("*.gold.json")}
    rng = random.Random(SEED)

    kinds: dict[str, str] = {}
    for p in sorted((corpus / "vnus").glob("*.txt")):
        if p.name in holdout or p.name in dev:
            continue
        kinds[f"vnus/{p.name}"] = kind_of(read_text(p))
    us, other = [], []
    for p in sorted((corpus / "general").glob("*.txt")):
        if p.name in holdout:
            continue
        text = read_text(p)
        if 800 <= len(text) <= 8000:
            (us if len(US.findall(text)) >= 2 else other).append(f"general/{p.name}")
    for rel in rng.sample(us, GENERAL_US) + rng.sample(other, GENERAL_OTHER):
        kinds[rel] = "general"

    by_kind: dict[str, list[str]] = {}
    for rel, kind in sorted(kinds.items()):
        by_kind.setdefault(kind, []).append(rel)
    test, double = [], []
    for kind in sorted(by_kind):
        files = sorted(by_kind[kind])
        rng.shuffle(files)
        k = round(len(files) * TEST_SHARE)
        test += files[:k]
        # double annotation: 10% of each kind, taken alternately from test and train
        n_double = max(1, round(len(files) * DOUBLE_SHARE))
        pick = [f for pair in zip(files[:k], files[k:], strict=False) for f in pair] + files[2 * k:]
        double += pick[:n_double]
    train = sorted(set(kinds) - set(test))
    test.sort()
    double.sort()

    # deal the pool (kind by kind, shuffled) round-robin into batches: every batch mixes every kind
    order: list[str] = []
    for k in sorted(by_kind):
        files = sorted(by_kind[k])
        rng.shuffle(files)
        order += files
    n_batches = -(-len(order) // BATCH)
    batches = [order[i::n_batches] for i in range(n_batches)]
    for b in batches:
        rng.shuffle(b)

    counts = {k: {"train": sum(f not in test for f in v), "test": sum(f in test for f in v)}
              for k, v in sorted(by_kind.items())}
    plan = {
        "seed": SEED,
        "made_by": "scripts/annotate/make_split.py",
        "rules": __doc__.strip().split("\n\n")[1],
        "excluded": {"holdout": sorted(holdout), "dev_gold": sorted(dev)},
        "counts": {"pool": len(kinds), "train": len(train), "test": len(test), "double": len(double),
                   "by_kind": counts},
        "kinds": dict(sorted(kinds.items())),
        "test": test,
        "train": train,
        "double": double,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(plan, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    bdir = REPO / "annotations" / "batches"
    bdir.mkdir(parents=True, exist_ok=True)
    for old in bdir.glob("batch_*.txt"):
        old.unlink()
    tset, dset = set(test), set(double)
    for i, batch in enumerate(batches, 1):
        lines = ["# file\tsplit\tkind\tdouble (annotate twice: a second annotator writes annotations/double/)"]
        lines += [f"{rel}\t{'test' if rel in tset else 'train'}\t{kinds[rel]}\t{'double' if rel in dset else '-'}"
                  for rel in batch]
        (bdir / f"batch_{i:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(json.dumps(plan["counts"], indent=1))
    print(f"{n_batches} batches of {min(map(len, batches))}-{max(map(len, batches))}")


if __name__ == "__main__":
    main()
