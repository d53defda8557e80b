"""What the held-out checks share: names folded the way ``../shared/eval/score.py`` folds them."""

from __future__ import annotations

import re
import unicodedata


def norm(s: str | None) -> str:
    """A name folded like the eval scorer: NFC, case folded, single spaces, edge punctuation off."""
    if s is None:
        return ""
    s = re.sub(r"[\s\u00a0]+", " ", unicodedata.normalize("NFC", str(s)).casefold())
    return s.strip(" .,;:()[]\"'“”‘’-–")
