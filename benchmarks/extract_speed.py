"""Extraction throughput and peak memory on one core, beside underthesea's stock ner().

Reads, cleans and extracts every article of ``../shared/corpus/general/`` (or the folder
given) in this one process, then runs underthesea's ``ner()`` over the same cleaned texts in
the same run, and prints articles/s, characters/s and peak RSS for both. The baseline calls
``ner()`` once per sentence (``sent_tokenize`` first), as underthesea's documentation uses it:
on a whole article it is several times slower, which would flatter the comparison.

    .venv/bin/python benchmarks/extract_speed.py [FOLDER] [--limit N] [--ner-limit N]

``--ner-limit`` runs ner() on the first N texts only (it is slow) and scales per-article
figures; the report says so. Both sides are timed by the wall clock and by this process's CPU
time: on a machine other jobs share, CPU time is the steadier measure (wall time counts the
time the scheduler gave to others), and the ratio is taken in the same run either way. The
load average at the end is printed with the figures. This is a benchmark, run on demand,
never a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "general"


def peak_rss_mb() -> float:
    """Peak resident set size of this process, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    ap.add_argument("--ner-limit", type=int, default=200, help="ner() on the first N texts (0: all)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    import hoptac
    from hoptac.ingest import read_sources
    from hoptac.pipeline import pipe

    files = sorted(p for p in Path(args.folder).glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    # warm up: load models and resources outside the timed loop (underthesea's CRF models too:
    # they load on the first sentence that needs them, which the first article may not have)
    next(pipe(read_sources([str(files[0])], hoptac.DEFAULT)))
    from underthesea import ner, pos_tag, sent_tokenize, word_tokenize

    word_tokenize("Hà Nội")
    pos_tag("Hà Nội")

    t0, c0 = time.perf_counter(), time.process_time()
    texts, skipped, chars = [], 0, 0
    for result in pipe(read_sources([str(f) for f in files], hoptac.DEFAULT)):
        if result.article is None:
            skipped += 1
            continue
        texts.append(result.article.text)
        chars += len(result.article.text)
    t_ours, c_ours = time.perf_counter() - t0, time.process_time() - c0
    rss_ours = peak_rss_mb()

    sample = texts[: args.ner_limit] if args.ner_limit else texts
    ner(sample[0][:200])
    t0, c0 = time.perf_counter(), time.process_time()
    ner_chars = 0
    for text in sample:
        for sentence in sent_tokenize(text):  # per sentence, as documented (whole texts are slower)
            ner(sentence)
        ner_chars += len(text)
    t_ner, c_ner = time.perf_counter() - t0, time.process_time() - c0
    sample_chars = sum(len(t) for t in sample)

    ours = {"articles": len(texts), "skipped": skipped, "seconds": round(t_ours, 2),
            "articles_per_s": round(len(texts) / t_ours, 1), "chars_per_s": round(chars / t_ours),
            "peak_rss_mb": round(rss_ours), "cpu_seconds": round(c_ours, 2),
            "articles_per_cpu_s": round(len(texts) / c_ours, 1), "chars_per_cpu_s": round(chars / c_ours)}
    stock = {"articles": len(sample), "seconds": round(t_ner, 2),
             "articles_per_s": round(len(sample) / t_ner, 2), "chars_per_s": round(ner_chars / t_ner),
             "cpu_seconds": round(c_ner, 2), "articles_per_cpu_s": round(len(sample) / c_ner, 2),
             "chars_per_cpu_s": round(sample_chars / c_ner)}
    ratio = round(ours["chars_per_s"] / stock["chars_per_s"], 1)
    ratio_cpu = round(ours["chars_per_cpu_s"] / stock["chars_per_cpu_s"], 1)
    load = os.getloadavg()
    figures = {"hoptac": ours, "underthesea_ner": stock, "speedup_chars": ratio, "speedup_chars_cpu": ratio_cpu,
               "cores": 1, "load_average": [round(x, 2) for x in load],
               "goals": {"articles_per_s_per_core>=30": ours["articles_per_s"] >= 30,
                         "articles_per_cpu_s>=30": ours["articles_per_cpu_s"] >= 30,
                         "speedup>=20": ratio >= 20, "speedup_cpu>=20": ratio_cpu >= 20}}
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "extract_speed.json").write_text(json.dumps(figures, indent=1))
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"hoptac (read+clean+extract): {ours['articles']} articles in {ours['seconds']} s = "
              f"{ours['articles_per_s']} articles/s, {ours['chars_per_s']:,} chars/s, peak RSS {ours['peak_rss_mb']} MB"
              f" ({skipped} skipped)")
        print(f"underthesea ner() per sentence on {stock['articles']} of the same texts: {stock['articles_per_s']} articles/s, "
              f"{stock['chars_per_s']:,} chars/s")
        print(f"speed-up (chars/s): {ratio}x")
        print(f"by CPU time: hoptac {ours['articles_per_cpu_s']} articles/s, {ours['chars_per_cpu_s']:,} chars/s; "
              f"ner() {stock['articles_per_cpu_s']} articles/s, {stock['chars_per_cpu_s']:,} chars/s; "
              f"speed-up {ratio_cpu}x")
        print(f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (other jobs share the machine)")
        print(f"goals: >= 30 articles/s per core: {'met' if ours['articles_per_s'] >= 30 else 'MISSED'}; "
              f">= 20x ner(): {'met' if ratio >= 20 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
