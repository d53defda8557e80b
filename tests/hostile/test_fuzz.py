"""Property: whatever is done to the bytes of a real article, the pipeline never hits an internal error.

Real articles of ``../shared/corpus`` (not the hold-out) are mutated by hypothesis: bytes
inserted, deleted, duplicated or truncated, control and invalid bytes, huge numbers, lines
wrapped or joined, other encodings, deep or attribute-heavy HTML around the text. Each
result is a stored-ready article (valid JSON) or a skip with a one-line reason, never an
``internal error``. Bounded and derandomized so the suite stays fast and repeatable.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from hoptac.ingest import RawDocument  # noqa: E402
from hoptac.pipeline import process  # noqa: E402
from hoptac.settings import DEFAULT  # noqa: E402

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _articles() -> list[bytes]:
    holdout = set()
    hold = SHARED / "eval" / "HOLDOUT.txt"
    if hold.exists():
        holdout = {Path(line.strip()).name for line in hold.read_text(encoding="utf-8").splitlines() if line.strip()}
    files = [p for p in sorted((SHARED / "corpus" / "vnus").glob("vnus_*.txt")) if p.name not in holdout]
    return [p.read_bytes() for p in files[3:60:14]]


ARTICLES = _articles()


def _mutate(data: bytes, op: str, at: float, size: int, blob: bytes) -> tuple[bytes, str]:
    """One mutation of the article's bytes; the kind of document it is now."""
    i = int(at * len(data))
    text = data.decode("utf-8", "replace")
    if op == "insert":
        return data[:i] + blob + data[i:], "text"
    if op == "delete":
        return data[:i] + data[i + size * 50:], "text"
    if op == "duplicate":
        return data[:i] + data[i:i + size * 200] * 3 + data[i:], "text"
    if op == "truncate":
        return data[:i], "text"
    if op == "number":
        return data[:i] + b"9" * (size * 40) + " tỷ USD ".encode() + data[i:], "text"
    if op == "oneline":
        return text.replace("\n", " ").encode(), "text"
    if op == "wrap":
        return "\n".join(textwrap.fill(p, 20 + size) if p else p for p in text.split("\n")).encode(), "text"
    if op == "utf16":
        return text.encode("utf-16")[: max(2, i)], "text"
    if op == "cp1258":
        return text.encode("cp1258", "replace"), "text"
    if op == "control":
        return data[:i] + bytes([0, 1, 2, 27, 127]) * size + data[i:], "text"
    if op == "html":
        body = "".join(f"<p>{p}</p>" for p in text.split("\n"))
        return f"<html><body>{'<div>' * (size * 30)}{body}{'</div>' * size}</body>".encode(), "html"
    if op == "attrs":
        attrs = " ".join(f"a{k}=x" for k in range(size * 500))
        return f"<html><body><article><p {attrs}>{text[:200]}</p><p>{text}</p></article></body></html>".encode(), "html"
    raise AssertionError(op)


OPS = ["insert", "delete", "duplicate", "truncate", "number", "oneline", "wrap", "utf16", "cp1258", "control",
       "html", "attrs"]


@pytest.mark.skipif(not ARTICLES, reason="no corpus at ../shared/corpus")
@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(which=st.integers(0, 4), steps=st.lists(
    st.tuples(st.sampled_from(OPS), st.floats(0, 1), st.integers(1, 10), st.binary(max_size=64)),
    min_size=1, max_size=3))
def test_mutated_articles_never_hit_an_internal_error(which: int, steps: list[tuple[str, float, int, bytes]]) -> None:
    data, kind = ARTICLES[which % len(ARTICLES)], "text"
    for op, at, size, blob in steps:
        data, k = _mutate(data, op, at, size, blob)
        kind = "html" if k == "html" or kind == "html" else "text"
    result = process(RawDocument("fuzz", data, kind), DEFAULT)
    if result.article is None:
        assert result.error and "internal error" not in result.error, result.error
        assert "\n" not in result.error
    else:
        json.dumps(result.article.to_dict(), allow_nan=False)
