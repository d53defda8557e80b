"""Count the entries of ``resources/cues.yaml``: every list item and mapping value under every key
(``strength``'s six acts count too), and how many of them sit in exception lists.

An exception list is one whose entries undo or redirect a cue in some phrasing rather than name a
cue, a side or a subject (``not_cues``, ``not_after``, ``non_agent_heads`` ...): the lists issue 12
asks to shrink. Usage: ``python scripts/count_cues.py [path/to/cues.yaml]``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

EXCEPTION_KEYS = (
    "not_after", "nounable", "not_cues", "weak", "decision_subordinators", "conditionals",
    "object_markers", "non_agent_heads", "third_parties", "wishes", "wish_objects", "deeds",
    "past_markers", "predictions", "assertions", "persuading", "referring", "passive_reporting",
)


def entries(value: Any) -> int:
    """The number of leaf entries under a value (a list item or a mapping value is one)."""
    if isinstance(value, list):
        return len(value)
    if isinstance(value, dict):
        return sum(entries(v) if isinstance(v, (list, dict)) else 1 for v in value.values())
    return 0


def main(argv: list[str]) -> int:
    """Print the entries per key, the total and the exception-list total."""
    path = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "src/hoptac/resources/cues.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    counts = {key: entries(value) for key, value in data.items()}
    for key, n in counts.items():
        print(f"{key:<24}{n:>5}{'  (exception list)' if key in EXCEPTION_KEYS else ''}")
    print(f"{'total':<24}{sum(counts.values()):>5}")
    print(f"{'exception lists':<24}{sum(n for k, n in counts.items() if k in EXCEPTION_KEYS):>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
