"""Which of rules, model or both makes a learned decision: the shipped model's ``use``, or a scoped override.

A model file names the variant that was best on the test split (``"use": "rules" | "model" |
"both"``); training and the evaluator switch variants with :func:`using` to measure each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from . import load_model

_OVERRIDE: dict[str, str] = {}
MODES = ("rules", "model", "both")
#: not a shipped variant: every candidate, the rules' and the ones they leave, undecided (to label them for training)
CANDIDATES = "candidates"


def mode_of(name: str) -> str:
    """The variant in force for a decision (``rules`` when no model is shipped)."""
    if name in _OVERRIDE:
        return _OVERRIDE[name]
    model = load_model(name)
    return str(model.get("use", "model")) if model else "rules"


@contextmanager
def using(name: str, mode: str) -> Iterator[None]:
    """Force a variant of one decision inside a ``with`` block."""
    if mode not in (*MODES, CANDIDATES):
        raise ValueError(f"unknown mode {mode!r}; known: {', '.join(MODES)}")
    old = _OVERRIDE.get(name)
    _OVERRIDE[name] = mode
    try:
        yield
    finally:
        if old is None:
            _OVERRIDE.pop(name, None)
        else:
            _OVERRIDE[name] = old


def recorded(name: str, module: ModuleType, docs: Iterable[Any]) -> Iterator[tuple[Any, Any, list[Any]]]:
    """Each annotated document extracted with decision ``name`` in :data:`CANDIDATES` mode, with its
    article and the candidate rows the decision's ``module`` recorded in its ``_RECORD`` list while
    it ran (documents whose text extraction changed are left out: their offsets would not match)."""
    from .evaluate import extract

    with using(name, CANDIDATES):
        for doc in docs:
            module._RECORD = []  # type: ignore[attr-defined]
            try:
                art = extract(doc)
                records = module._RECORD  # type: ignore[attr-defined]
            finally:
                module._RECORD = None  # type: ignore[attr-defined]
            if art is None or art.raw != doc.text:
                continue
            yield doc, art, records
