"""The linking cue words (``resources/linking.yaml``), compiled once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from ..resources import safe_load
from ..settings import RESOURCES
from .text import lower

LEXICON = RESOURCES / "linking.yaml"


@cache
def lexicon() -> dict[str, Any]:
    """The parsed linking lexicon."""
    with LEXICON.open(encoding="utf-8") as fh:
        return safe_load(fh)


def phrases_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One pattern of these phrases as whole words of lower-cased text (:func:`~hoptac.link.text.lower`), the
    longest first (so ``phiên họp báo`` is read before ``phiên họp``)."""
    alts = "|".join(re.escape(lower(p)) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


@cache
def cue(group: str, name: str | None = None) -> re.Pattern[str]:
    """The compiled pattern of one cue list (``cue('lifecycle', 'dropped')``)."""
    data = lexicon()[group]
    return phrases_pattern(data[name] if name else data)


def has_cue(text: str, group: str, name: str | None = None) -> bool:
    """Whether the (lower-cased) text holds one of a cue list's phrases."""
    return bool(cue(group, name).search(lower(text)))
