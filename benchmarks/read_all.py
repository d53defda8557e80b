"""Read and clean every article of ``corpus/vnus`` and ``corpus/general`` (2,300 files).

Reports: crashes, skipped files, empty texts, titles missing where the manifest has one (and
the file's first line is it), titles that differ, articles per second of reading + cleaning,
and how much of the input the cleaned text keeps. Run: ``.venv/bin/python benchmarks/read_all.py``
(``--json`` for a machine-readable summary, ``--show N`` to print N examples of each problem).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
import traceback
from pathlib import Path

from hoptac.clean import clean
from hoptac.clean.decode import to_article
from hoptac.errors import Drop, SourceError
from hoptac.ingest import read_sources
from hoptac.settings import DEFAULT

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"


def manifest(folder: Path) -> dict[str, str]:
    """File name -> title ('' when the manifest gives none)."""
    with (folder / "MANIFEST.tsv").open(encoding="utf-8") as f:
        return {row["file"]: row["title"].strip() for row in csv.DictReader(f, delimiter="\t")}


def run(folders: list[str], show: int) -> dict:
    """Read and clean every file; the counts of the module docstring."""
    stats = {"files": 0, "articles": 0, "skipped": 0, "dropped": 0, "crashes": 0, "empty_text": 0,
             "title_expected": 0, "title_missing": 0, "title_differs": 0, "untitled_with_title": 0,
             "published": 0, "authors": 0, "outlet": 0, "captions": 0, "raw_chars": 0, "text_chars": 0}
    examples: dict[str, list[str]] = {}
    t0 = time.perf_counter()
    for name in folders:
        folder = CORPUS / name
        titles = manifest(folder)
        files = sorted(str(folder / f) for f in titles)
        for doc in read_sources(files, DEFAULT):
            stats["files"] += 1
            if isinstance(doc, SourceError):
                stats["skipped"] += 1
                examples.setdefault("skipped", []).append(f"{doc.source}: {doc.reason}")
                continue
            try:
                art = clean(to_article(doc), DEFAULT)
            except Drop as exc:
                stats["dropped"] += 1
                examples.setdefault("dropped", []).append(f"{doc.source}: {exc.reason}")
                continue
            except SourceError as exc:
                stats["skipped"] += 1
                examples.setdefault("skipped", []).append(f"{doc.source}: {exc.reason}")
                continue
            except Exception:  # a crash is what this benchmark exists to count
                stats["crashes"] += 1
                examples.setdefault("crashes", []).append(f"{doc.source}: {traceback.format_exc(limit=3)}")
                continue
            stats["articles"] += 1
            stats["raw_chars"] += len(art.raw)
            stats["text_chars"] += len(art.text)
            stats["empty_text"] += not art.text.strip()
            stats["published"] += art.published is not None
            stats["authors"] += bool(art.authors)
            stats["outlet"] += art.outlet is not None
            stats["captions"] += len(art.captions)
            title = titles[Path(doc.source).name]
            first = next((ln.strip() for ln in art.raw.splitlines() if ln.strip()), "")
            if title and " ".join(first.split()) == " ".join(title.split()):
                stats["title_expected"] += 1
                if art.title is None:
                    stats["title_missing"] += 1
                    examples.setdefault("title_missing", []).append(f"{doc.source}: {first[:120]}")
                elif art.title != first:
                    stats["title_differs"] += 1
                    examples.setdefault("title_differs", []).append(f"{doc.source}: {art.title[:80]!r}")
            elif not title and art.title:
                stats["untitled_with_title"] += 1
                examples.setdefault("untitled_with_title", []).append(f"{doc.source}: {art.title[:120]}")
    seconds = time.perf_counter() - t0
    stats["seconds"] = round(seconds, 2)
    stats["articles_per_second"] = round(stats["files"] / seconds, 1) if seconds else None
    stats["text_share_of_raw"] = round(stats["text_chars"] / max(1, stats["raw_chars"]), 3)
    if show:
        for key, items in examples.items():
            print(f"-- {key} ({len(items)})", file=sys.stderr)
            for item in items[:show]:
                print("   " + item, file=sys.stderr)
    return stats


def main() -> None:
    """Parse the options, run, print the summary."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folders", nargs="+", default=["vnus", "general"])
    ap.add_argument("--show", type=int, default=0, help="print N examples of each problem on stderr")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    stats = run(args.folders, args.show)
    if args.json:
        print(json.dumps(stats, indent=1))
    else:
        for k, v in stats.items():
            print(f"{k:22} {v}")
    if stats["crashes"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
