"""Vocabularies, gazetteers, cue words and the taxonomy: data, not logic.

:func:`safe_load` is the one YAML reader of these files (and of a user's taxonomy and cleaning
rules): PyYAML's safe loader on libyaml's parser where PyYAML was built with it, which reads the
same documents into the same objects (checked on every file here) about seven times faster than
the pure-Python parser, a quarter of a second of every cold start.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: str | bytes | IO[str] | IO[bytes]) -> Any:
    """``yaml.safe_load`` through libyaml's parser when it is there (the same objects)."""
    return yaml.load(stream, Loader=_LOADER)
