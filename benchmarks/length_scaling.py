"""Extraction time against article length, 1 KB to 2 MB: is it linear?

Builds one article per size by concatenating *distinct* real paragraphs of ``../shared/corpus``
(vnus, seeds, general; each paragraph used once, in file order, never one repeated), runs the
whole pipeline (clean + every stage) on it in this process, and prints seconds and
microseconds per character for each size. Linear time shows as a flat µs/char column. A size
whose article takes under two seconds is measured over up to ten distinct articles of that size
(from the paragraphs after all sizes'), total CPU time over total characters: one run of a small
article on a shared machine is mostly noise. Seconds and counts are the first article's.

    .venv/bin/python benchmarks/length_scaling.py [--sizes 1,4,16,64,256,1024,2048] [--max-seconds 600]
    .venv/bin/python benchmarks/length_scaling.py --profile 256        # cProfile one size

The size and time limits (``max_chars``, ``max_bytes``, ``time_budget``) are lifted for the
run, so the 2 MB article is measured rather than refused. A size that takes longer than
``--max-seconds`` ends the run (a superlinear stage would otherwise take hours). Writes
``benchmarks/out/length_scaling.json``. A benchmark, run on demand, never a timed test.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def paragraphs() -> list[str]:
    """Distinct paragraphs of the corpus (60 to 1,500 characters), each once, in file order."""
    seen: set[str] = set()
    out: list[str] = []
    for sub in ("vnus", "seeds", "general"):
        for f in sorted((CORPUS / sub).glob("*.txt")):
            for para in f.read_text(encoding="utf-8", errors="replace").split("\n"):
                para = para.strip()
                if 60 <= len(para) <= 1500 and para not in seen:
                    seen.add(para)
                    out.append(para)
    return out


def build(paras: list[str], size: int, offset: int) -> tuple[str, int]:
    """An article of about ``size`` UTF-8 bytes from the paragraphs from ``offset`` on; the next offset."""
    parts, total, i = [], 0, offset
    while total < size and i < len(paras):
        parts.append(paras[i])
        total += len(paras[i].encode("utf-8")) + 2
        i += 1
    title = "Hợp tác Việt Nam - Hoa Kỳ: tổng hợp bài viết"
    return title + "\n\n" + "\n\n".join(parts) + "\n", i


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,4,16,64,256,1024,2048", help="sizes in KB, comma-separated")
    ap.add_argument("--max-seconds", type=float, default=600.0, help="stop after a size slower than this")
    ap.add_argument("--profile", type=int, default=0, help="cProfile the article of this size (KB) only")
    args = ap.parse_args()

    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    import hoptac
    from hoptac.ingest import document_from_input
    from hoptac.pipeline import pipe

    settings = dataclasses.replace(hoptac.DEFAULT, max_chars=10**8, max_bytes=10**9, time_budget=0)
    paras = paragraphs()

    def run(text: str) -> tuple[float, int, int]:
        t0 = time.process_time()
        result = next(pipe([document_from_input(text, settings)], settings))
        if result.article is None:
            raise SystemExit(f"not extracted: {result.error}")
        a = result.article
        return time.process_time() - t0, len(a.text), len(a.people) + len(a.statements) + len(a.events)

    run(build(paras, 4096, 0)[0])  # warm up: models and resources load outside the clock
    from underthesea import pos_tag, word_tokenize

    word_tokenize("Hà Nội")
    pos_tag("Hà Nội")
    if args.profile:
        import cProfile
        import pstats

        text, _ = build(paras, args.profile * 1024, 0)
        prof = cProfile.Profile()
        prof.runcall(run, text)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        return 0

    rows = []
    offset = 0
    sizes = [int(s) for s in args.sizes.split(",")]
    texts = []
    for kb in sizes:
        text, nxt = build(paras, kb * 1024, offset)
        texts.append(text)
        offset = nxt if nxt < len(paras) else 0  # distinct paragraphs for each size while they last
    spare = offset  # more articles of a small size come from the paragraphs after all of them
    for kb, text in zip(sizes, texts, strict=True):
        seconds, chars, records = run(text)
        total, total_chars, n = seconds, chars, 1
        while total < 2.0 and n < 10:  # a small size: more articles of it (distinct texts), one figure
            more, spare = build(paras, kb * 1024, spare)
            spare = spare if spare < len(paras) else 0
            extra = run(more)
            total, total_chars, n = total + extra[0], total_chars + extra[1], n + 1
        row = {"kb": kb, "bytes": len(text.encode("utf-8")), "chars": chars, "cpu_seconds": round(seconds, 3),
               "us_per_char": round(total / max(total_chars, 1) * 1e6, 2), "records": records, "articles": n}
        rows.append(row)
        print(f"{kb:>6} KB  {chars:>10,} chars  {seconds:8.2f} s CPU  {row['us_per_char']:7.2f} µs/char "
              f"({n} article{'s' if n > 1 else ''})  {records:>6} people+statements+events", flush=True)
        if seconds > args.max_seconds:
            print(f"stopped: {kb} KB took over {args.max_seconds:g} s")
            break
    load = os.getloadavg()
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "length_scaling.json").write_text(json.dumps({"rows": rows, "load_average": load}, indent=1))
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; CPU time of this process, one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
