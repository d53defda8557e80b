"""Learned decisions: small statistical models trained on the team's annotated corpus.

Rules propose candidates (cue lexicon, name and title grammar, clause boundaries); where a choice
keeps needing exceptions, a model trained on ``annotations/`` (train split only) makes it. Each
model is package data under ``hoptac/resources/models/`` (plain JSON, loaded offline, cached),
with its training code here and its metrics on the test split in ``metrics.json`` beside it.
``make train`` (``python -m hoptac.learn.train``) rebuilds every model deterministically.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

MODELS_PACKAGE = "hoptac.resources.models"


@cache
def load_model(name: str) -> dict[str, Any] | None:
    """The shipped model ``<name>.json`` (None when it has not been trained)."""
    ref = resources.files(MODELS_PACKAGE) / f"{name}.json"
    if not ref.is_file():
        return None
    return _frozen(json.loads(ref.read_text(encoding="utf-8")))


def _frozen(value: Any) -> Any:
    """A loaded model with its lists of numbers (weight rows, transitions, ``[label, weight]`` pairs)
    as tuples: read the same, and tuples of numbers leave the garbage collector's watch, which
    would otherwise walk the tens of thousands of weight rows of the shipped models at every full
    collection for as long as the process runs."""
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    if isinstance(value, list):
        if all(isinstance(v, int | float) for v in value):
            return tuple(value)  # a row of numbers at once (one call per row, not one per number)
        items = [_frozen(v) for v in value]
        return tuple(items) if all(isinstance(v, int | float | tuple) for v in items) else items
    return value


def shipped_metrics() -> dict[str, Any]:
    """The test-split metrics recorded when the models were trained (``metrics.json``)."""
    ref = resources.files(MODELS_PACKAGE) / "metrics.json"
    return json.loads(ref.read_text(encoding="utf-8")) if ref.is_file() else {}


def compiled_loader(name: str) -> Callable[[], Any]:
    """A cached loader of the shipped model ``name`` compiled for fast application (None when it
    has not been trained); training clears it with ``cache_clear()`` whenever the file changes."""
    from .features import compile_model

    @cache
    def loader() -> Any:
        model = load_model(name)
        return compile_model(model) if model else None

    return loader
