"""``python -m hoptac.learn.train``: retrain every learned model from the annotated corpus.

Each trainer module exposes ``train(out_dir) -> dict`` (its test-split metrics); the metrics of
all trainers are written to ``metrics.json`` beside the models. Training reads only the
repository's annotations and the corpus files they point into (``$HOPTAC_CORPUS`` or
``../shared/corpus``), trains on the train split, measures on the test split, and is
deterministic (fixed seeds, sorted inputs).
"""

from __future__ import annotations

import argparse
import importlib
import json
from importlib import resources
from pathlib import Path

#: Trainer modules under ``hoptac.learn``, in training order. ``event_pairs`` after ``events`` (it reads the
#: events the type decision kept). ``org_ends`` after ``names`` (a name
#: stops at a person), ``org_bare`` after both (its candidates lie outside the names found); ``actors`` twice: its ranker gives the candidates the rules left their actors
#: before ``statements`` learns from them; its variant (rules, model, both for the statements kept)
#: is chosen again once the act decision is retrained.
TRAINERS: tuple[str, ...] = ("names", "org_ends", "org_bare", "events", "event_pairs", "actors", "statements", "actors", "topics")


def models_dir() -> Path:
    """The package directory the models are written to (the source tree in an editable install)."""
    return Path(str(resources.files("hoptac.resources.models")))


def main(argv: list[str] | None = None) -> int:
    """Train the named models (default: all) and update ``metrics.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"trainers to run (default: all of {', '.join(TRAINERS)})")
    args = parser.parse_args(argv)
    out = models_dir()
    metrics_path = out / "metrics.json"
    metrics = json.loads(metrics_path.read_text(encoding="utf-8")) if metrics_path.is_file() else {}
    for name in args.names or TRAINERS:
        if name not in TRAINERS:
            parser.error(f"unknown trainer {name!r}; known: {', '.join(TRAINERS)}")
        module = importlib.import_module(f"hoptac.learn.{name}")
        metrics[name] = module.train(out)
        print(f"{name}: {json.dumps(metrics[name], ensure_ascii=False, sort_keys=True)}")
    metrics_path.write_text(json.dumps(metrics, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                            encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
