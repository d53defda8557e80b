"""When two statements are one claim: the same words for the same side, copied by several outlets.

Outlets copy one another's reports, so one statement reaches the store from several articles.
Its claim key is the speaker's side and its words, folded (no tone marks, case or punctuation,
so ``hoà``/``hòa`` and quote marks do not matter). A statement of fewer than
:data:`MIN_WORDS` words (``Việt Nam hoan nghênh``) says too little to be told apart from
another one like it: it is a claim of its own.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .text import fold

MIN_WORDS = 8
_WORD = re.compile(r"\w+")


def claim_key(side: str | None, text: str, own: str) -> str:
    """The claim a statement makes (40 hex digits); ``own`` (its id) keeps a short statement apart."""
    words = _WORD.findall(fold(unicodedata.normalize("NFC", text)))
    basis = [side or "", *words] if len(words) >= MIN_WORDS else ["own", own]
    return hashlib.sha1("\x1f".join(basis).encode("utf-8")).hexdigest()
